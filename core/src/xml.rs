//! The one thing the RSS and Atom mapper needs from an XML parser. In the browser it is the
//! document `DOMParser` made (no parser in the module); natively, roxmltree in tests.

/// Namespaces the mapper reads.
pub const ATOM: &str = "http://www.w3.org/2005/Atom";
pub const CONTENT: &str = "http://purl.org/rss/1.0/modules/content/";
pub const DC: &str = "http://purl.org/dc/elements/1.1/";
pub const MEDIA: &str = "http://search.yahoo.com/mrss/";
pub const RSS1: &str = "http://purl.org/rss/1.0/";

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
