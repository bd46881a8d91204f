//! `data-link-params`: the publisher's tracking parameters on every link to an article. The
//! value is a site owner's, but it lands in links readers follow: whatever it holds can only ever
//! add query parameters, never change a link's scheme, host, path or fragment.

/// `link` with each `name=value` of `params` (`utm_source=partner&utm_medium=widget`, a leading
/// `?` allowed) added to its query, before its fragment. A parameter the link already has keeps
/// its own value. Characters a query cannot hold as they are (`#`, spaces, quotes, `<`, `>`) are
/// percent-encoded; a link that is not http(s) is returned as it is.
pub fn with_params(link: &str, params: &str) -> String {
    let lower = link.get(..8).unwrap_or(link).to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return link.to_owned();
    }
    let (before_fragment, fragment) = link.split_at(link.find('#').unwrap_or(link.len()));
    let query = before_fragment.split_once('?').map_or("", |(_, q)| q);
    let has = |name: &str| query.split('&').any(|pair| pair.split('=').next() == Some(name));
    let mut out = before_fragment.to_owned();
    let mut joiner = if before_fragment.contains('?') {
        if query.is_empty() || query.ends_with('&') {
            ""
        } else {
            "&"
        }
    } else {
        "?"
    };
    for pair in params.trim().trim_start_matches('?').split('&') {
        let pair = encode(pair.trim());
        let name = pair.split('=').next().unwrap_or_default();
        if name.is_empty() || has(name) {
            continue;
        }
        out.push_str(joiner);
        out.push_str(&pair);
        joiner = "&";
    }
    out.push_str(fragment);
    out
}

/// Percent-encodes what a query cannot hold as written; a `%` that starts no escape too.
fn encode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, &b) in bytes.iter().enumerate() {
        let escape = b == b'%' && bytes.get(i + 1..i + 3).is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit));
        if b.is_ascii_alphanumeric() || b"-._~!$'()*+,;=:@/?".contains(&b) || escape {
            out.push(char::from(b));
        } else {
            out.extend(percent(b));
        }
    }
    out
}

/// `%XX` for a byte, as URLs write it (also the relay template's encoding, `config::relayed`).
pub(crate) fn percent(b: u8) -> [char; 3] {
    let hex = |d: u8| char::from_digit(u32::from(d), 16).unwrap_or('0').to_ascii_uppercase();
    ['%', hex(b >> 4), hex(b & 15)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_are_added_before_the_fragment_and_existing_ones_keep_their_value() {
        let p = "utm_source=partner&utm_medium=widget";
        assert_eq!(with_params("https://a.example/x", p), "https://a.example/x?utm_source=partner&utm_medium=widget");
        assert_eq!(
            with_params("https://a.example/x?id=3#top", p),
            "https://a.example/x?id=3&utm_source=partner&utm_medium=widget#top"
        );
        assert_eq!(
            with_params("https://a.example/x?utm_source=rss&b=1", p),
            "https://a.example/x?utm_source=rss&b=1&utm_medium=widget"
        );
        assert_eq!(with_params("https://a.example/x?", "?a=1"), "https://a.example/x?a=1");
        assert_eq!(with_params("https://a.example/x?a=1&", "b=2"), "https://a.example/x?a=1&b=2");
        assert_eq!(with_params("https://a.example/x", " a=1 & &b "), "https://a.example/x?a=1&b");
        assert_eq!(with_params("https://a.example/x", ""), "https://a.example/x");
        assert_eq!(with_params("mailto:a@b.example", "a=1"), "mailto:a@b.example");
    }

    #[test]
    fn a_hostile_value_never_changes_the_scheme_host_path_or_fragment() {
        for (params, added) in [
            ("#@evil.example", "?%23@evil.example"),
            ("a=1#x", "?a=1%23x"),
            ("x=\"><script>", "?x=%22%3E%3Cscript%3E"),
            ("a=b c", "?a=b%20c"),
            ("a=%zz&b=%41", "?a=%25zz&b=%41"),
            ("@evil.example/", "?@evil.example/"),
            ("//evil.example", "?//evil.example"),
            ("javascript:alert(1)", "?javascript:alert(1)"),
            ("a=\u{0}\n", "?a=%00"),
        ] {
            assert_eq!(with_params("https://news.example/p#f", params), format!("https://news.example/p{added}#f"), "{params:?}");
        }
    }
}
