//! Feed text as a reader should see it. Plain text is shown as written; HTML goes through a
//! real HTML parser (the browser's own in the page, html5gum natively), which knows every
//! character reference HTML defines; a field whose kind the format leaves open is guessed
//! the way mature feed parsers guess (`looks_like_html`).

use crate::sanitize_policy::{element_action, Action};
use std::sync::OnceLock;

/// The text of an HTML fragment, white space not yet collapsed: the elements the sanitizer
/// drops are left out with their content, and a block element ends a word.
pub type HtmlParser = fn(&str) -> String;

static PARSER: OnceLock<HtmlParser> = OnceLock::new();

/// Elements that separate words: `a<p>b</p>` reads "a b", `a<em>b</em>` reads "ab".
pub const BLOCKS: [&str; 27] = [
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "td",
    "th",
    "hr",
    "figure",
    "figcaption",
    "section",
    "article",
    "pre",
    "img",
    "dd",
    "dt",
    "table",
    "caption",
];

/// Elements that are HTML a feed's text may carry besides those the sanitizer keeps: their
/// presence does not make a title plain text (`History of the <blink> tag` stays text).
const WRAPPERS: [&str; 17] = [
    "span", "div", "font", "center", "section", "article", "header", "footer", "aside", "nav", "main", "big", "tt", "strike",
    "ins", "wbr", "address",
];

/// Installs the page's HTML parser (the widget installs the browser's at its first mount).
/// Natively, html5gum is used when none is installed.
pub fn use_html_parser(parser: HtmlParser) {
    // A second install is the same parser: ignoring it is right.
    let _ = PARSER.set(parser);
}

fn parse(html: &str) -> String {
    match PARSER.get() {
        Some(parser) => parser(html),
        None => default_parser(html),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn default_parser(html: &str) -> String {
    native::text_of(html)
}

/// In WebAssembly the browser's parser is always installed before a feed is read; without
/// it the text stays as written (shown as text, never as markup).
#[cfg(target_arch = "wasm32")]
fn default_parser(html: &str) -> String {
    html.to_owned()
}

/// A CSS selector list of `names`, for the browser's parser to find them.
pub fn selector(names: &[&str]) -> String {
    names.join(",")
}

/// Plain text as a reader sees it: white space collapsed, and the C1 control characters a
/// Windows-1252 feed mislabelled carries (`\u{92}` for an apostrophe) read as Windows-1252.
pub fn plain_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(windows_1252));
    }
    out
}

/// The text of an HTML fragment, as [`plain_text`]: tags dropped (block ends become spaces),
/// every character reference decoded, white space collapsed. Headlines and standfirsts are
/// always rendered as text nodes; the article's HTML goes through the sanitizer instead.
pub fn html_to_text(html: &str) -> String {
    if !html.contains(['<', '&']) {
        return plain_text(html);
    }
    plain_text(&parse(html))
}

/// Whether a field that may be HTML or plain text (RSS titles, categories) is HTML: it has a
/// close tag or a character reference, every tag names an HTML element a feed's text uses,
/// and every named reference exists. The rule of the Universal Feed Parser's
/// `_looks_like_html`; `1 < 2`, `Use <template> elements` and `AT&T` stay text.
pub fn looks_like_html(s: &str) -> bool {
    let tags = tags(s);
    let references = references(s);
    let closes = tags.iter().any(|t| t.closed);
    if !closes && references.is_empty() {
        return false;
    }
    let known_tags = tags.iter().all(|t| {
        let name = t.name.to_ascii_lowercase();
        element_action(&name) == Action::Keep || WRAPPERS.contains(&name.as_str())
    });
    known_tags && references.iter().all(|r| r.starts_with('#') || named_reference(r).is_some())
}

/// A tag as `looks_like_html` sees one: `</name>` is a close tag.
struct Tag<'a> {
    name: &'a str,
    closed: bool,
}

/// Every `<name` and `</name` of `s` (a name is ASCII letters, digits and `_`).
fn tags(s: &str) -> Vec<Tag<'_>> {
    let mut out = Vec::new();
    for (i, _) in s.match_indices('<') {
        let rest = s.get(i + 1..).unwrap_or_default();
        let (rest, end) = match rest.strip_prefix('/') {
            Some(r) => (r, true),
            None => (rest, false),
        };
        let len = word_len(rest);
        if let Some(name) = rest.get(..len).filter(|n| !n.is_empty()) {
            out.push(Tag { name, closed: end && rest.get(len..).is_some_and(|r| r.starts_with('>')) });
        }
    }
    out
}

/// Every reference of `s` written with its semicolon, without `&` and `;`: `#233`, `eacute`.
fn references(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (i, _) in s.match_indices('&') {
        let rest = s.get(i + 1..).unwrap_or_default();
        let hash = usize::from(rest.starts_with('#'));
        let len = hash + word_len(rest.get(hash..).unwrap_or_default());
        if len > hash && rest.get(len..).is_some_and(|r| r.starts_with(';')) {
            out.extend(rest.get(..len));
        }
    }
    out
}

fn word_len(s: &str) -> usize {
    s.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count()
}

/// What the named reference `&name;` stands for, when HTML defines it (one or two characters).
pub fn named_reference(name: &str) -> Option<String> {
    reference_text(name, ";")
}

/// What `&name` without its semicolon stands for, when HTML allows that (the legacy names:
/// `&eacute`, `&copy`, but not `&hellip`). Each is one character, never a letter or digit.
pub fn legacy_reference(name: &str) -> Option<String> {
    // `&copy2` reads `©2`: a name followed by more, not a name.
    reference_text(name, "").filter(|t| t.chars().count() == 1 && !t.chars().all(|c| c.is_ascii_alphanumeric()))
}

fn reference_text(name: &str, end: &str) -> Option<String> {
    if name.is_empty() || name.len() > 32 || !name.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return None;
    }
    let written = format!("&{name}{end}");
    let text = parse(&written);
    // Defined references are one or two characters; a longer text is a shorter name followed
    // by the rest (`&notit;` is `¬` and `it;`).
    (text != written && (1..=2).contains(&text.chars().count())).then_some(text)
}

/// The character a numeric reference stands for, by HTML's rules: zero, a surrogate, a
/// number beyond Unicode (or too long to read, `None`) is U+FFFD; 0x80 to 0x9F read as
/// Windows-1252 (`&#146;` is `’`).
pub fn numeric_reference(code: Option<u32>) -> char {
    match code {
        Some(0) | None => '\u{fffd}',
        Some(code) => char::from_u32(code).map_or('\u{fffd}', windows_1252),
    }
}

/// A C1 control character read as the Windows-1252 character of that byte; any other
/// character as it is.
fn windows_1252(c: char) -> char {
    const C1: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“',
        '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match c {
        '\u{80}'..='\u{9f}' => C1.get(c as usize - 0x80).copied().unwrap_or(c),
        _ => c,
    }
}

/// Collapses every run of white space to one space and trims the ends.
pub fn collapse_whitespace(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
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

/// html5gum's tokenizer, with the state switches a browser makes for `script`, `style`,
/// `title` and the like: natively (tests, fuzzing, a server) the same text the browser finds.
#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::BLOCKS;
    use crate::sanitize_policy::DROPPED;
    use html5gum::{DefaultEmitter, Token, Tokenizer};

    /// Dropped elements that have no end tag: they hold nothing to skip.
    const VOID: [&str; 7] = ["input", "meta", "base", "link", "source", "track", "embed"];

    pub fn text_of(html: &str) -> String {
        let mut emitter = DefaultEmitter::default();
        emitter.naively_switch_states(true);
        let mut out = String::with_capacity(html.len());
        // How many dropped elements are open around the current text.
        let mut dropped = 0_usize;
        for token in Tokenizer::new_with_emitter(html, emitter).flatten() {
            match token {
                Token::StartTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    if DROPPED.contains(&name.as_str()) && !tag.self_closing && !VOID.contains(&name.as_str()) {
                        dropped += 1;
                    }
                    if BLOCKS.contains(&name.as_str()) {
                        out.push(' ');
                    }
                }
                Token::EndTag(tag) => {
                    let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                    if DROPPED.contains(&name.as_str()) {
                        dropped = dropped.saturating_sub(1);
                    }
                    if BLOCKS.contains(&name.as_str()) {
                        out.push(' ');
                    }
                }
                Token::String(text) if dropped == 0 => out.push_str(&String::from_utf8_lossy(&text.value)),
                _ => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_text_follows_the_tokenizer_rules() {
        assert_eq!(
            html_to_text("<p>Caf&eacute; <b>bar</b></p><script>alert(1)</script><p>x&#8211;y &amp; z</p>"),
            "Café bar x–y & z"
        );
        // A `<` that opens no tag is text, and so is everything after it.
        assert_eq!(html_to_text("Prix < 5 € cette semaine"), "Prix < 5 € cette semaine");
        assert_eq!(html_to_text("1 &lt; 2 : la preuve"), "1 < 2 : la preuve");
        assert_eq!(html_to_text("Use &lt;template&gt; elements"), "Use <template> elements");
        assert_eq!(html_to_text("x <3 y, a<=b"), "x <3 y, a<=b");
        // A quoted attribute may hold `>`; a comment may too.
        assert_eq!(html_to_text(r#"<a title="a > b" href="/x">Lien</a> suite"#), "Lien suite");
        assert_eq!(html_to_text("a <!-- c > d --> b"), "a b");
        assert_eq!(html_to_text("<style>p{}</style>  "), "");
        assert_eq!(html_to_text("<template>hidden</template>shown <noscript>no</noscript>"), "shown");
        assert_eq!(html_to_text("one<br>two<p>three</p>fo<em>ur</em>"), "one two three four");
    }

    #[test]
    fn every_reference_html_defines_is_decoded() {
        assert_eq!(html_to_text("&Eacute;tat, f&ecirc;te, h&ocirc;pital, c&oelig;ur"), "État, fête, hôpital, cœur");
        assert_eq!(html_to_text("&#X41;&#x42;&#67;&#x44"), "ABCD");
        assert_eq!(html_to_text("caf&eacute au lait &copy 2026"), "café au lait © 2026", "legacy names need no semicolon");
        assert_eq!(html_to_text("&hellip &bogus; AT&T &"), "&hellip &bogus; AT&T &", "others stay as written");
        assert_eq!(html_to_text("&#0;&#x110000;&#xD800;"), "\u{fffd}\u{fffd}\u{fffd}");
        assert_eq!(html_to_text("l&#146;été"), "l’été", "0x80 to 0x9F read as Windows-1252");
        assert_eq!(html_to_text("&NotNestedGreaterGreater;"), "\u{2aa2}\u{338}");
        assert_eq!(plain_text("l\u{92}été &amp; <b>"), "l’été &amp; <b>", "plain text is shown as written");
    }

    #[test]
    fn named_references_are_looked_up_whole() {
        assert_eq!(named_reference("eacute").as_deref(), Some("é"));
        assert_eq!(named_reference("NotNestedGreaterGreater").as_deref(), Some("\u{2aa2}\u{338}"));
        assert_eq!(named_reference("notit"), None, "`&notit;` is `&not` and `it;`, not a name");
        assert_eq!(named_reference("bogus"), None);
        assert_eq!(named_reference("a b"), None);
        assert_eq!(legacy_reference("eacute").as_deref(), Some("é"));
        assert_eq!(legacy_reference("hellip"), None, "hellip needs its semicolon");
        assert_eq!(numeric_reference(Some(0x41)), 'A');
        assert_eq!(numeric_reference(Some(0x96)), '–');
        assert_eq!(numeric_reference(None), '\u{fffd}');
    }

    #[test]
    fn html_is_recognised_as_feed_parsers_do() {
        for html in ["<b>bold</b>", "&Eacute;tat", "A &amp; B", "caf&#233;", "<span>a</span> <br> b"] {
            assert!(looks_like_html(html), "{html}");
        }
        for text in [
            "1 < 2 : la preuve",
            "Use <template> elements",
            "History of the <blink> tag</blink>",
            "AT&T",
            "&bogus;",
            "a <script>x</script>",
            "x<br>y",
        ] {
            assert!(!looks_like_html(text), "{text}");
        }
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
