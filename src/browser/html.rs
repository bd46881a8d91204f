//! The sanitizer: feed HTML becomes fresh DOM nodes through the core's allow-list. Nothing is
//! ever assigned as an HTML string to a live document.

use crate::browser::url::resolve;
use news_widget_core::sanitize_policy::{attribute_allowed, element_action, is_url_attribute, url_allowed, Action, DROPPED};
use news_widget_core::text::{selector, BLOCKS};
use news_widget_core::Target;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, DocumentFragment, Element, Node};

#[wasm_bindgen(module = "/js/parse.js")]
extern "C" {
    /// `DOMParser.parseFromString` through the "news-widget" Trusted Types policy.
    #[wasm_bindgen(js_name = parseDocument, catch)]
    pub fn parse_document(text: &str, mime: &str) -> Result<Document, JsValue>;

    #[wasm_bindgen(js_name = htmlText, catch)]
    fn html_text(text: &str, dropped: &JsValue, blocks: &JsValue) -> Result<String, JsValue>;
}

thread_local! {
    /// The core's text rules as CSS selectors, made once.
    static TEXT_RULES: (JsValue, JsValue) =
        (JsValue::from_str(&selector(&DROPPED)), JsValue::from_str(&selector(&BLOCKS)));
}

/// The core's `HtmlParser` in the page: the browser's own HTML parser, which costs the module
/// no bytes and knows every character reference. Text it cannot parse (the host's CSP refuses
/// the Trusted Types policy) stays as written, shown as text.
fn text_of(html: &str) -> String {
    TEXT_RULES.with(|(dropped, blocks)| html_text(html, dropped, blocks)).unwrap_or_else(|_| html.to_owned())
}

/// Makes the core read HTML with the browser's parser; done before any feed is read.
pub fn use_browser_parser() {
    news_widget_core::text::use_html_parser(text_of);
}

const XHTML: &str = "http://www.w3.org/1999/xhtml";
/// Deeper markup than this is flattened to its text: no stack is spent on hostile nesting.
const MAX_DEPTH: u32 = 48;

/// How links and images in the sanitized HTML behave.
pub struct Options<'a> {
    /// Relative URLs resolve against it: the item's URL, else the feed's.
    pub base: &'a str,
    pub target: Target,
}

/// Parses `html` in an inert document and copies what the allow-list keeps into a fragment
/// of the live document.
pub fn sanitize(html: &str, options: &Options) -> Result<DocumentFragment, JsValue> {
    let parsed = parse_document(html, "text/html")?;
    let live = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let out = live.create_document_fragment();
    if let Some(body) = parsed.body() {
        copy_children(&live, &body, &out, options, 0)?;
    }
    Ok(out)
}

fn copy_children(live: &Document, from: &Node, to: &Node, options: &Options, depth: u32) -> Result<(), JsValue> {
    let mut child = from.first_child();
    while let Some(node) = child {
        child = node.next_sibling();
        match node.node_type() {
            Node::TEXT_NODE => {
                to.append_child(&live.create_text_node(&node.text_content().unwrap_or_default()))?;
            }
            Node::ELEMENT_NODE => copy_element(live, node.unchecked_ref(), to, options, depth)?,
            _ => {}
        }
    }
    Ok(())
}

fn copy_element(live: &Document, el: &Element, to: &Node, options: &Options, depth: u32) -> Result<(), JsValue> {
    let name = el.local_name().to_ascii_lowercase();
    let foreign = el.namespace_uri().as_deref() != Some(XHTML);
    let action = if foreign { Action::Drop } else { element_action(&name) };
    if depth >= MAX_DEPTH && action != Action::Drop {
        to.append_child(&live.create_text_node(&el.text_content().unwrap_or_default()))?;
        return Ok(());
    }
    match action {
        Action::Drop => Ok(()),
        Action::Unwrap => copy_children(live, el, to, options, depth + 1),
        Action::Keep => {
            let copy = live.create_element(&name)?;
            if !copy_attributes(el, &copy, &name, options) {
                return Ok(());
            }
            copy_children(live, el, &copy, options, depth + 1)?;
            to.append_child(&copy).map(|_| ())
        }
    }
}

/// Copies allowed attributes; `false` when the element is useless without a dropped one
/// (an image without a safe `src`).
fn copy_attributes(from: &Element, to: &Element, name: &str, options: &Options) -> bool {
    let attributes = from.attributes();
    for i in 0..attributes.length() {
        let Some(attr) = attributes.item(i) else { continue };
        let key = attr.name().to_ascii_lowercase();
        if !attribute_allowed(name, &key) {
            continue;
        }
        let value = if is_url_attribute(&key) {
            match resolve(&attr.value(), options.base).filter(|u| url_allowed(&u.protocol(), &key)) {
                Some(url) => url.href(),
                None => continue,
            }
        } else {
            attr.value()
        };
        let _ = to.set_attribute(&key, &value);
    }
    match name {
        "a" => {
            let _ = to.set_attribute("rel", "noopener noreferrer");
            let _ = to.set_attribute("target", options.target.as_str());
            true
        }
        "img" => {
            let _ = to.set_attribute("loading", "lazy");
            let _ = to.set_attribute("decoding", "async");
            if !to.has_attribute("alt") {
                let _ = to.set_attribute("alt", "");
            }
            to.has_attribute("src")
        }
        _ => true,
    }
}

/// Paragraphs of plain text as `<p>` nodes.
pub fn text_fragment(paragraphs: &[String]) -> Option<DocumentFragment> {
    let doc = web_sys::window()?.document()?;
    let out = doc.create_document_fragment();
    for text in paragraphs {
        let p = doc.create_element("p").ok()?;
        p.set_text_content(Some(text));
        out.append_child(&p).ok()?;
    }
    Some(out)
}
