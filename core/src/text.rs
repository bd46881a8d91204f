//! Plain-text helpers: what a headline, a section name or a standfirst needs from raw feed text.

/// Collapses every run of white space to one space and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of an HTML fragment: tags dropped (block ends become spaces), entities decoded,
/// white space collapsed. The browser sanitizes HTML it shows; this is only for headlines and
/// standfirsts, which are always rendered as text nodes.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(rest.get(..lt).unwrap_or_default());
        let after = rest.get(lt..).unwrap_or_default();
        let end = after.find('>').map_or(after.len(), |gt| gt + 1);
        let tag = after.get(..end).unwrap_or_default();
        if is_raw_text_start(tag) {
            // script and style contents are not text a reader should see.
            let name = tag_name(tag);
            let close = format!("</{name}");
            let body = after.get(end..).unwrap_or_default();
            let skip = find_ascii_ci(body, &close).map_or(body.len(), |i| i + close.len());
            rest = body.get(skip..).unwrap_or_default();
            rest = rest.find('>').and_then(|i| rest.get(i + 1..)).unwrap_or(rest);
        } else {
            rest = after.get(end..).unwrap_or_default();
        }
        if is_block(&tag_name(tag)) {
            out.push(' ');
        }
    }
    out.push_str(rest);
    collapse_whitespace(&decode_entities(&out))
}

fn tag_name(tag: &str) -> String {
    tag.trim_start_matches('<').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase()
}

/// Tags that separate words: a `<p>` or `<br>` ends one, an `<em>` does not.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "br"
            | "div"
            | "li"
            | "ul"
            | "ol"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "tr"
            | "td"
            | "th"
            | "hr"
            | "figure"
            | "figcaption"
            | "section"
            | "article"
            | "pre"
            | "img"
            | "dd"
            | "dt"
    )
}

fn is_raw_text_start(tag: &str) -> bool {
    matches!(tag_name(tag).as_str(), "script" | "style" | "template") && !tag.ends_with("/>")
}

fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    (0..=h.len() - n.len()).find(|&i| h.get(i..i + n.len()).is_some_and(|w| w.eq_ignore_ascii_case(n)))
}

/// Decodes the character references that plain-text feed fields carry in practice:
/// numeric (`&#8211;`, `&#x2019;`) and the common named ones. Unknown ones are left as they are.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or_default());
        let after = rest.get(amp..).unwrap_or_default();
        let semi = after.get(..after.len().min(12)).and_then(|w| w.find(';'));
        match semi.and_then(|i| Some((i, decode_one(after.get(1..i)?)?))) {
            Some((i, c)) => {
                out.push(c);
                rest = after.get(i + 1..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_one(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "laquo" => '«',
        "raquo" => '»',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "euro" => '€',
        "copy" => '©',
        _ => return None,
    })
}

/// The start of `text`, at most `max` characters, cut after a whole word, with an ellipsis.
pub fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let head: String = text.chars().take(max).collect();
    let cut = head.rfind(char::is_whitespace).filter(|&i| i > max / 3).unwrap_or(head.len());
    let mut out = head.get(..cut).unwrap_or(&head).trim_end_matches([',', ';', ':', ' ']).to_owned();
    out.push('…');
    out
}

/// Splits plain text into paragraphs: every non-blank line is one.
pub fn paragraphs(text: &str) -> Vec<String> {
    text.lines().map(collapse_whitespace).filter(|l| !l.is_empty()).collect()
}

/// Folds case and the accents of Latin letters, so `Économie`, `economie` and `ÉCONOMIE` match.
pub fn fold(s: &str) -> String {
    collapse_whitespace(s).chars().map(lower).map(strip_accent).collect()
}

/// Lower case for the scripts section names are written in: Latin (with Latin-1 and Latin
/// Extended-A), Greek and Cyrillic. `char::to_lowercase` would cover every script, at the
/// cost of Unicode's case tables in the module (about 14 KB).
fn lower(c: char) -> char {
    let code = c as u32;
    let even = code.is_multiple_of(2);
    let offset = match code {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => 0x20,
        // Latin Extended-A alternates upper (even) and lower (odd) in most of its range.
        0x100..=0x137 | 0x14A..=0x177 if even => 1,
        0x139..=0x148 | 0x179..=0x17E if !even => 1,
        0x391..=0x3A1 | 0x3A3..=0x3AB => 0x20,
        0x410..=0x42F => 0x20,
        0x400..=0x40F => 0x50,
        _ => 0,
    };
    char::from_u32(code + offset).unwrap_or(c)
}

fn strip_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' => 's',
        'ţ' | 'ť' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ý' | 'ÿ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_drops_tags_scripts_and_decodes_entities() {
        assert_eq!(
            html_to_text("<p>Caf&eacute; <b>bar</b></p><script>alert(1)</script><p>x&#8211;y &amp; z</p>"),
            "Café bar x–y & z"
        );
        assert_eq!(html_to_text("a <unclosed"), "a");
        assert_eq!(html_to_text("<style>p{}</style>  "), "");
    }

    #[test]
    fn unknown_entities_stay_as_written() {
        assert_eq!(decode_entities("a &bogus; & b &#xZZ;"), "a &bogus; & b &#xZZ;");
        assert_eq!(decode_entities("&#0;&#x110000;"), "&#0;&#x110000;");
    }

    #[test]
    fn cuts_at_a_word_boundary() {
        assert_eq!(cut_at_word("one two three four", 10), "one two…");
        assert_eq!(cut_at_word("short", 10), "short");
        assert_eq!(cut_at_word("ééééééééééééé", 5), "ééééé…");
    }

    #[test]
    fn folding_ignores_case_and_accents() {
        assert_eq!(fold(" Économie "), "economie");
        assert_eq!(fold("SOCIÉTÉ"), "societe");
        assert_eq!(fold("ŁÓDŹ Ñandú"), "łodz nandu");
        assert_eq!(fold("СПОРТ Ёж"), "спорт ёж");
        assert_eq!(fold("ΑΘΛΗΤΙΣΜΟΣ"), "αθλητισμοσ");
    }

    #[test]
    fn each_non_blank_line_is_a_paragraph() {
        assert_eq!(paragraphs("a\n\n b  c \n"), vec!["a", "b c"]);
    }
}
