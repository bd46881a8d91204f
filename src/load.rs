//! From a feed URL to a feed: fetch, recognise the format from the content, parse, and make
//! every link absolute and safe. The view never sees raw feed data.

use crate::browser::{fetch::fetch_feed, json, url::safe_link};
use news_widget_core::error::Found;
use news_widget_core::format::{detect, Format};
use news_widget_core::jsonfeed::map_json_feed;
use news_widget_core::{Feed, FeedError};
use web_sys::AbortSignal;

/// Fetches and parses the feed at `url` (absolute).
pub async fn load_feed(url: &str, cancel: &AbortSignal, cross_origin: bool) -> Result<Feed, FeedError> {
    let text = fetch_feed(url, cancel, cross_origin).await?;
    parse_feed(&text, url)
}

/// Parses a feed body of any supported format; `base` resolves relative links.
pub fn parse_feed(text: &str, base: &str) -> Result<Feed, FeedError> {
    let mut feed = match detect(text) {
        Format::Json => map_json_feed(&json::parse(text)?)?,
        Format::Xml => crate::browser::xml::parse_xml_feed(text)?,
        Format::Html => return Err(FeedError::NotAFeed(Found::Html)),
        Format::Nothing => return Err(FeedError::NotAFeed(Found::Nothing)),
        Format::Text => return Err(FeedError::NotAFeed(Found::Text)),
    };
    for item in &mut feed.items {
        item.link = item.link.as_deref().and_then(|l| safe_link(l, base));
        item.image = item.image.as_deref().and_then(|l| safe_link(l, base));
    }
    Ok(feed)
}
