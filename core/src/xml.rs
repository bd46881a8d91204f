//! The one thing the RSS and Atom mapper needs from an XML parser. In the browser it is the
//! document `DOMParser` made (no parser in the module); natively, roxmltree in tests.

/// Namespaces the mapper reads.
pub const ATOM: &str = "http://www.w3.org/2005/Atom";
/// Atom 0.3, still published by old generators.
pub const ATOM03: &str = "http://purl.org/atom/ns#";
pub const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
pub const DC: &str = "http://purl.org/dc/elements/1.1/";
pub const MEDIA: &str = "http://search.yahoo.com/mrss/";
pub const RSS1: &str = "http://purl.org/rss/1.0/";
/// RSS 0.90, Netscape's first RDF format, read as RSS 1.0.
pub const RSS090: &str = "http://my.netscape.com/rdf/simple/0.9/";

/// Mends what most often makes a real feed ill-formed, so that a second parse can succeed:
/// references XML does not know (HTML's named ones, `&#X41;`, `&#233` without its semicolon),
/// references to characters XML forbids (`&#8;`), bare ampersands (`a=1&b=2`), and raw
/// control characters. Every reference is read by HTML's rules and written as XML's
/// `&#N;`; one that HTML does not define stays as written. `None` when there is nothing to mend.
pub fn repair_xml(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 64);
    let mut changed = false;
    let mut rest = text;
    while let Some(i) = rest.find(|c: char| c == '&' || is_forbidden(c)) {
        out.push_str(rest.get(..i).unwrap_or_default());
        let tail = rest.get(i..).unwrap_or_default();
        let Some(c) = tail.chars().next() else { break };
        if c != '&' {
            changed = true;
            rest = tail.get(c.len_utf8()..).unwrap_or_default();
            continue;
        }
        let after = tail.get(1..).unwrap_or_default();
        let (used, mended) = match after.strip_prefix('#') {
            Some(number) => numeric(number).map_or((0, None), |(len, chars)| (len + 1, Some(chars))),
            None => named(after),
        };
        let written = tail.get(..used + 1).unwrap_or_default();
        let mended = mended.unwrap_or_else(|| "&amp;".to_owned());
        changed |= mended != written;
        out.push_str(&mended);
        rest = tail.get(if used == 0 { 1 } else { used + 1 }..).unwrap_or_default();
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// A numeric reference after `&#`: how many bytes it takes, and how XML should write it
/// (nothing for a character XML forbids). `None` when no digit follows.
fn numeric(s: &str) -> Option<(usize, String)> {
    let hex = s.starts_with(['x', 'X']);
    let digits = s.get(usize::from(hex)..).unwrap_or_default();
    let len = digits.bytes().take_while(|b| if hex { b.is_ascii_hexdigit() } else { b.is_ascii_digit() }).count();
    let number = digits.get(..len).filter(|d| !d.is_empty())?;
    let code = u32::from_str_radix(number, if hex { 16 } else { 10 }).ok();
    let used = usize::from(hex) + len;
    let semicolon = s.get(used..).is_some_and(|r| r.starts_with(';'));
    let c = crate::text::numeric_reference(code);
    // Good XML already (`&#233;`, `&#x2019;`) is kept as written.
    let as_xml = semicolon && !s.starts_with('X') && code == Some(c as u32);
    let xml = match s.get(..used) {
        _ if is_forbidden(c) => String::new(),
        Some(written) if as_xml => format!("&#{written};"),
        _ => format!("&#{};", c as u32),
    };
    Some((used + usize::from(semicolon), xml))
}

/// A named reference after `&`: how many bytes it takes and its XML form; `(0, None)` for a
/// bare ampersand.
fn named(s: &str) -> (usize, Option<String>) {
    let len = s.bytes().take(32).take_while(u8::is_ascii_alphanumeric).count();
    let Some(name) = s.get(..len).filter(|n| !n.is_empty()) else { return (0, None) };
    let next = s.get(len..).and_then(|r| r.chars().next());
    if next == Some(';') {
        if matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") {
            return (len + 1, Some(format!("&{name};")));
        }
        return match crate::text::named_reference(name) {
            Some(text) => (len + 1, Some(xml_references(&text))),
            None => (0, None),
        };
    }
    // Without its semicolon, as HTML reads an attribute: not before `=` or a letter or digit
    // (`?a=1&para=2` is no pilcrow).
    match crate::text::legacy_reference(name).filter(|_| next != Some('=')) {
        Some(text) => (len, Some(xml_references(&text))),
        None => (0, None),
    }
}

fn xml_references(text: &str) -> String {
    text.chars().map(|c| format!("&#{};", c as u32)).collect()
}

/// Characters XML 1.0 does not allow anywhere.
fn is_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// A read-only view of one XML element.
pub trait XmlElement: Sized {
    /// The local name, without prefix: `encoded` for `content:encoded`.
    fn local_name(&self) -> String;
    /// The namespace URI, `None` for none.
    fn namespace(&self) -> Option<String>;
    /// Child elements, in order.
    fn children(&self) -> Vec<Self>;
    fn attribute(&self, name: &str) -> Option<String>;
    /// All text inside, entities and CDATA resolved.
    fn text(&self) -> String;
    /// The children serialized as markup (for Atom's `type="xhtml"` content).
    fn inner_markup(&self) -> String;

    /// The first child with this local name in this namespace.
    fn child(&self, name: &str, ns: Option<&str>) -> Option<Self> {
        self.children().into_iter().find(|c| c.local_name() == name && c.namespace().as_deref() == ns)
    }
    /// The text of that child, when it has any that is not white space.
    fn child_text(&self, name: &str, ns: Option<&str>) -> Option<String> {
        self.child(name, ns).map(|c| c.text()).filter(|t| !t.trim().is_empty())
    }
}

#[cfg(any(test, feature = "roxmltree"))]
impl<'a, 'i> XmlElement for roxmltree::Node<'a, 'i> {
    fn local_name(&self) -> String {
        self.tag_name().name().to_owned()
    }
    fn namespace(&self) -> Option<String> {
        self.tag_name().namespace().map(str::to_owned)
    }
    fn children(&self) -> Vec<Self> {
        roxmltree::Node::children(self).filter(roxmltree::Node::is_element).collect()
    }
    fn attribute(&self, name: &str) -> Option<String> {
        roxmltree::Node::attribute(self, name).map(str::to_owned)
    }
    fn text(&self) -> String {
        self.descendants().filter(roxmltree::Node::is_text).filter_map(|n| n.text()).collect()
    }
    fn inner_markup(&self) -> String {
        let range = self.range();
        let doc = self.document().input_text();
        let first = self.first_child().map(|c| c.range().start);
        let last = self.last_child().map(|c| c.range().end);
        match (first, last) {
            (Some(a), Some(b)) if a <= b && b <= range.end => doc.get(a..b).unwrap_or_default().to_owned(),
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_the_usual_breakage_and_leaves_good_xml_alone() {
        assert_eq!(repair_xml("<a>x &amp; y &#233; &lt;</a>"), None);
        assert_eq!(repair_xml("<link>get?a=1&b=2</link>").as_deref(), Some("<link>get?a=1&amp;b=2</link>"));
        assert_eq!(repair_xml("caf&eacute;&nbsp;!").as_deref(), Some("caf&#233;&#160;!"));
        assert_eq!(repair_xml("bad&#8;ref &#x1F; ok&#10;").as_deref(), Some("badref  ok&#10;"));
        assert_eq!(repair_xml("ctl\u{1}char").as_deref(), Some("ctlchar"));
        assert_eq!(repair_xml("AT&T &bogus; &;").as_deref(), Some("AT&amp;T &amp;bogus; &amp;;"));
        assert_eq!(repair_xml("&#1114112;&#99999999999;&#0;").as_deref(), Some("&#65533;&#65533;&#65533;"), "as HTML reads them");
        assert_eq!(repair_xml("&#X41;&#x42;&#67").as_deref(), Some("&#65;&#x42;&#67;"), "either case, with or without `;`");
        assert_eq!(repair_xml("&#150;").as_deref(), Some("&#8211;"), "0x80 to 0x9F read as Windows-1252");
        assert_eq!(repair_xml("&Eacute;tat, c&oelig;ur").as_deref(), Some("&#201;tat, c&#339;ur"));
        assert_eq!(repair_xml("&NotNestedGreaterGreater;").as_deref(), Some("&#10914;&#824;"));
        assert_eq!(repair_xml("caf&eacute au lait").as_deref(), Some("caf&#233; au lait"), "a legacy name needs no `;`");
        assert_eq!(repair_xml("?a=1&para=2&copy2").as_deref(), Some("?a=1&amp;para=2&amp;copy2"), "but not in a URL");
        assert_eq!(repair_xml("&#; &#x;").as_deref(), Some("&amp;#; &amp;#x;"));
    }
}
