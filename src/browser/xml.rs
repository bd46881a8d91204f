//! RSS and Atom through the browser's own XML parser (`DOMParser`, `application/xml`).

use crate::browser::html::parse_document;
use news_widget_core::xml::{repair_xml, XmlElement};
use news_widget_core::xmlfeed::map_xml_feed;
use news_widget_core::{Feed, FeedError};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Parses XML text and maps it. XML that does not parse is parsed once more after the
/// usual breakage is mended (see `repair_xml`); if it still does not, it is `Malformed`.
pub fn parse_xml_feed(text: &str) -> Result<Feed, FeedError> {
    let root = parse_root(text).or_else(|| parse_root(&repair_xml(text)?));
    let root = root.ok_or(FeedError::Malformed { format: "XML" })?;
    map_xml_feed(&Xml(root))
}

fn parse_root(text: &str) -> Option<Element> {
    let doc = parse_document(text, "application/xml").ok()?;
    // A parse error shows as a <parsererror> element (Firefox: the root; Chromium: inside it).
    if doc.get_elements_by_tag_name("parsererror").length() > 0 {
        return None;
    }
    doc.document_element()
}

/// An element of the parsed document, read by the core's RSS and Atom mapper.
struct Xml(Element);

impl XmlElement for Xml {
    fn local_name(&self) -> String {
        self.0.local_name()
    }
    fn namespace(&self) -> Option<String> {
        self.0.namespace_uri()
    }
    fn children(&self) -> Vec<Self> {
        let list = self.0.children();
        (0..list.length()).filter_map(|i| list.item(i)).map(Xml).collect()
    }
    fn attribute(&self, name: &str) -> Option<String> {
        self.0.get_attribute(name)
    }
    fn text(&self) -> String {
        self.0.text_content().unwrap_or_default()
    }
    fn inner_markup(&self) -> String {
        // Reading innerHTML serializes; it is not a Trusted Types sink (only writing is).
        self.0.unchecked_ref::<Element>().inner_html()
    }
}
