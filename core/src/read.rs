//! Reading a whole feed natively, as the widget reads it in a browser: the format recognised
//! from the content, JSON or XML parsed (and parsed once more after the usual breakage is
//! mended), then mapped. The relay uses it to decide that an answer is a feed and to build
//! `/list`; the browser has its own parsers (`JSON.parse`, `DOMParser`) and never builds this.

use crate::error::{FeedError, Found};
use crate::format::{detect, Format};
use crate::json::repair_json;
use crate::jsonfeed::map_json_feed;
use crate::model::Feed;
use crate::xml::repair_xml;
use crate::xmlfeed::map_xml_feed;

/// Parses a feed body of any supported format.
pub fn read_feed(text: &str) -> Result<Feed, FeedError> {
    match detect(text) {
        Format::Json => {
            let value = serde_json::from_str::<serde_json::Value>(text)
                .or_else(|e| repair_json(text).ok_or(e).and_then(|t| serde_json::from_str(&t)))
                .map_err(|_| FeedError::Malformed { format: "JSON" })?;
            map_json_feed(&&value)
        }
        Format::Xml => {
            let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
            let mended;
            let doc = match roxmltree::Document::parse_with_options(text, options) {
                Ok(doc) => doc,
                Err(_) => {
                    mended = repair_xml(text).ok_or(FeedError::Malformed { format: "XML" })?;
                    roxmltree::Document::parse_with_options(&mended, options)
                        .map_err(|_| FeedError::Malformed { format: "XML" })?
                }
            };
            map_xml_feed(&doc.root_element())
        }
        Format::Html => Err(FeedError::NotAFeed(Found::Html)),
        Format::Nothing => Err(FeedError::NotAFeed(Found::Nothing)),
        Format::Text => Err(FeedError::NotAFeed(Found::Text)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_format_is_read_and_anything_else_is_named() {
        let json = read_feed(r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"1","title":"A"}]}"#);
        assert_eq!(json.map(|f| f.items.len()), Ok(1));
        let rss =
            read_feed("<rss version=\"2.0\"><channel><title>R</title><item><title>A &amp; B</title></item></channel></rss>");
        assert_eq!(rss.map(|f| f.items[0].headline.clone()).as_deref(), Ok("A & B"));
        let broken = read_feed("<rss version=\"2.0\"><channel><item><title>AT&T</title></item></channel></rss>");
        assert_eq!(broken.map(|f| f.items[0].headline.clone()).as_deref(), Ok("AT&T"), "mended as the widget mends it");
        assert_eq!(read_feed("<!doctype html><p>login"), Err(FeedError::NotAFeed(Found::Html)));
        assert_eq!(read_feed("{\"hello\": 1}").map(|_| ()), Err(FeedError::NotAFeed(Found::OtherJson)));
        assert_eq!(read_feed("{").map(|_| ()), Err(FeedError::Malformed { format: "JSON" }));
    }
}
