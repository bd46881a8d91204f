//! A teaser's picture when its item names none (contract §5): the first image of its body that
//! is worth a thumbnail. Tracking pixels, icons and emoji are skipped by what the HTML says of
//! them: a declared width or height under 64 pixels, an emoji class, a known tracker's address.
//! The browser then resolves each candidate and keeps the first http(s) one.

/// Images declared smaller than this (in either dimension) are not pictures.
pub const MIN_SIDE: u32 = 64;

/// Addresses of tracking pixels and emoji images that declare no size.
const SKIPPED: [&str; 5] = ["feedburner.com/~", "pixel.wp.com", "stats.wordpress.com", "/emoji/", "/smilies/"];

/// The `src` of every `<img>` of `html` that may be a teaser's picture, in order.
pub fn body_images(html: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = lower.get(from..).and_then(|rest| rest.find("<img")).map(|i| from + i) {
        let tag_end = lower.get(at..).and_then(|rest| rest.find('>')).map_or(lower.len(), |i| at + i);
        from = tag_end;
        let Some(attributes) = html.get(at + 4..tag_end) else { continue };
        if !attributes.starts_with(|c: char| c.is_ascii_whitespace() || c == '/') {
            continue;
        }
        if let Some(src) = picture(&parse_attributes(attributes)) {
            found.push(src);
        }
    }
    found
}

/// The image's address when nothing in its attributes says it is no picture.
fn picture(attributes: &[(String, String)]) -> Option<String> {
    let get = |name: &str| attributes.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
    let src = get("src")?.trim().replace("&amp;", "&");
    let small = |name| get(name).and_then(leading_number).is_some_and(|n| n < MIN_SIDE);
    let class = get("class").unwrap_or_default().to_ascii_lowercase();
    let emoji = class.contains("emoji") || class.contains("smiley");
    let lower = src.to_ascii_lowercase();
    let tracker = SKIPPED.iter().any(|s| lower.contains(s));
    (!src.is_empty() && !lower.starts_with("data:") && !small("width") && !small("height") && !emoji && !tracker).then_some(src)
}

/// `120` of `120`, `120px` or `120.5`; `None` for `100%` or nothing.
fn leading_number(v: &str) -> Option<u32> {
    let v = v.trim();
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    if v.get(digits..).is_some_and(|rest| rest.starts_with('%')) {
        return None;
    }
    v.get(..digits)?.parse().ok()
}

/// A tag's attributes, names in lower case, values unquoted: `a="1" b='2' c=3 d`.
fn parse_attributes(s: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_ascii_whitespace() || c == '/');
        let name_len = rest.find(|c: char| c.is_ascii_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        if name_len == 0 {
            return out;
        }
        let name = rest.get(..name_len).unwrap_or_default().to_ascii_lowercase();
        rest = rest.get(name_len..).unwrap_or_default().trim_start();
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, next) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = after.get(1..).unwrap_or_default();
                    let end = body.find(q).unwrap_or(body.len());
                    (body.get(..end).unwrap_or_default(), body.get(end + 1..).unwrap_or_default())
                }
                _ => {
                    let end = after.find(|c: char| c.is_ascii_whitespace()).unwrap_or(after.len());
                    (after.get(..end).unwrap_or_default(), after.get(end..).unwrap_or_default())
                }
            };
            value = v.to_owned();
            rest = next;
        }
        out.push((name, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_picture_skipping_pixels_icons_and_emoji() {
        let html = r#"<p>Hi <img class="wp-smiley emoji" src="https://s.w.org/e.svg">
            <IMG src='https://x.example/pixel.gif' width="1" height=1/>
            <img src="https://feeds.feedburner.com/~r/x/~4/abc">
            <img src="data:image/png;base64,AAA">
            <img alt="icon" src="/icon.png" width="32px">
            <img alt="Le port" src="/photos/port.jpg?a=1&amp;b=2" width="100%" height="400"></p>
            <img src="https://x.example/second.jpg">"#;
        assert_eq!(body_images(html), ["/photos/port.jpg?a=1&b=2", "https://x.example/second.jpg"]);
    }

    #[test]
    fn no_image_no_picture_and_no_panic_on_broken_tags() {
        assert!(body_images("<p>text</p>").is_empty());
        assert!(body_images("<imgur>").is_empty());
        for broken in ["<img", "<img src=", "<img src=\"a", "<img =x src", "<img src='é'", "<img\u{a0}src=x>"] {
            let _ = body_images(broken);
        }
        assert_eq!(body_images("<img src='é'"), ["é"]);
    }
}
