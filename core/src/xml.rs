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

/// Mends what most often makes a real feed ill-formed, so that a second parse can succeed:
/// references to characters XML forbids (`&#8;`), bare ampersands (`a=1&b=2`), HTML's named
/// entities (`&nbsp;`, `&eacute;`), and raw control characters. `None` when there is nothing
/// to mend.
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
        let name_len =
            tail.get(1..).unwrap_or_default().chars().take(32).take_while(|c| c.is_ascii_alphanumeric() || *c == '#').count();
        let reference =
            (tail.get(1 + name_len..2 + name_len) == Some(";")).then(|| tail.get(1..1 + name_len).unwrap_or_default().to_owned());
        let (replacement, used) = match reference.as_deref() {
            Some(name) => (mend_reference(name), name.len() + 2),
            None => (Some("&amp;".to_owned()), 1),
        };
        match replacement {
            Some(r) => {
                changed |= r.get(1..r.len().saturating_sub(1)) != reference.as_deref() || used == 1;
                out.push_str(&r);
            }
            None => changed = true,
        }
        rest = tail.get(used..).unwrap_or_default();
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// A reference as XML accepts it; `None` to drop it (a forbidden character).
fn mend_reference(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => num.parse().ok(),
        };
        return match code.map(char::from_u32) {
            Some(Some(c)) if !is_forbidden(c) && c != '\0' => Some(format!("&{name};")),
            // A number, but of a character XML forbids or that does not exist: dropped.
            Some(_) => None,
            // Not a number at all (or too large to be one): shown as written.
            None => Some(format!("&amp;{name};")),
        };
    }
    if matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") {
        return Some(format!("&{name};"));
    }
    let valid_name = !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric());
    match crate::text::decode_entities(&format!("&{name};")).chars().next() {
        Some(c) if valid_name && c != '&' => Some(format!("&#{};", c as u32)),
        _ => Some(format!("&amp;{name};")),
    }
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
        assert_eq!(repair_xml("&#1114112;").as_deref(), Some(""), "a character that does not exist is dropped");
        assert_eq!(repair_xml("&#99999999999;").as_deref(), Some("&amp;#99999999999;"), "a number too large is shown as written");
    }
}
