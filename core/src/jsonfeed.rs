//! JSON Feed 1.0 and 1.1 mapped into the model, leniently: a field of the wrong type loses
//! that field, an unusable item is skipped, and the rest of the feed still shows.

use crate::dates::{AnyDate, ReadDate};
use crate::error::{FeedError, Found};
use crate::json::JsonValue;
use crate::model::{Body, Feed, ItemParts};

/// Maps a parsed JSON document into a feed. A document that is no JSON Feed at all is an
/// error; a JSON Feed with no usable item is an empty feed.
pub fn map_json_feed<J: JsonValue>(root: &J) -> Result<Feed, FeedError> {
    map_json_feed_with::<AnyDate, J>(root)
}

/// [`map_json_feed`] with another date reader (see [`map_item_with`]).
pub fn map_json_feed_with<R: ReadDate, J: JsonValue>(root: &J) -> Result<Feed, FeedError> {
    let (title, raw) = open_json_feed(root)?;
    let items = raw.iter().enumerate().filter_map(|(i, item)| map_item_with::<R, J>(item, i)).collect();
    Ok(Feed { title, items })
}

/// The feed's title and its raw items, so a caller can map them a few at a time (the browser
/// does, to keep every task of a 10,000-item feed short).
pub fn open_json_feed<J: JsonValue>(root: &J) -> Result<(Option<String>, Vec<J>), FeedError> {
    if !root.is_object() {
        return Err(FeedError::NotAFeed(Found::OtherJson));
    }
    let version = root.get("version").and_then(|v| v.string()).unwrap_or_default();
    let items = root.get("items").and_then(|i| i.elements());
    let declared = version.contains("jsonfeed.org/version/") || version.starts_with("1.");
    if items.is_none() && !declared {
        return Err(FeedError::NotAFeed(Found::OtherJson));
    }
    let title = string(root, "title").map(|t| crate::text::plain_text(&t)).filter(|t| !t.is_empty());
    Ok((title, items.unwrap_or_default()))
}

/// One raw item as an item; `None` when it is unusable. `index` is its place in the feed.
pub fn map_item<J: JsonValue>(item: &J, index: usize) -> Option<crate::model::Item> {
    map_item_with::<AnyDate, J>(item, index)
}

/// [`map_item`] with another date reader `R`, tried on `date_published`, then `date_modified`
/// (the widget's first part reads ISO dates only: see [`crate::dates::parse_date_quick`]).
pub fn map_item_with<R: ReadDate, J: JsonValue>(item: &J, index: usize) -> Option<crate::model::Item> {
    item_parts::<R, J>(item)?.finish(index)
}

/// The item's dates as written, in the order they are tried.
pub fn raw_dates<J: JsonValue>(item: &J) -> [Option<String>; 2] {
    DATES.map(|key| string(item, key))
}

const DATES: [&str; 2] = ["date_published", "date_modified"];

fn string<J: JsonValue>(v: &J, key: &str) -> Option<String> {
    v.get(key)?.string()
}

fn item_parts<R: ReadDate, J: JsonValue>(item: &J) -> Option<ItemParts> {
    if !item.is_object() {
        return None;
    }
    let content_html = string(item, "content_html");
    let content_text = string(item, "content_text");
    let summary = string(item, "summary");
    // JSON Feed's title, summary and content_text are plain text: never read as markup.
    let text = |s: &Option<String>| s.clone().map(Body::Text);
    let fallback_text =
        [text(&content_text), content_html.clone().map(Body::Html), text(&summary)].into_iter().flatten().collect();
    let body = content_html.map(Body::Html).or(content_text.map(Body::Text));
    let date = DATES.iter().find_map(|k| string(item, k).and_then(|d| R::read(&d)));
    Some(ItemParts {
        id: id(item),
        title: string(item, "title").map(Body::Text),
        fallback_text,
        section: section(item).map(Body::Text),
        date,
        summary: summary.map(Body::Text),
        body,
        link: string(item, "url").or_else(|| string(item, "external_url")),
        image: string(item, "image").or_else(|| string(item, "banner_image")),
    })
}

/// The item's id as a string; a number is written as JSON writes it (`42`, not `42.0`).
fn id<J: JsonValue>(item: &J) -> Option<String> {
    let v = item.get("id")?;
    v.string().or_else(|| v.number_text())
}

/// `_news.section`, else the first tag that is a string.
fn section<J: JsonValue>(item: &J) -> Option<String> {
    let news = item.get("_news").and_then(|n| string(&n, "section"));
    news.or_else(|| item.get("tags")?.elements()?.iter().find_map(JsonValue::string))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn map(v: serde_json::Value) -> Result<Feed, FeedError> {
        map_json_feed(&&v)
    }

    #[test]
    fn another_date_reader_reads_the_dates_in_order_and_raw_dates_gives_them_back() {
        let item = json!({"id": "1", "title": "T", "date_published": "Thu, 16 Oct 2025 09:30:00 GMT", "date_modified": "2025-10-17T00:00:00Z"});
        struct IsoOnly;
        impl ReadDate for IsoOnly {
            fn read(raw: &str) -> Option<crate::model::Timestamp> {
                match crate::dates::parse_date_quick(raw) {
                    crate::dates::Quick::Read(date) => date,
                    crate::dates::Quick::Written => None,
                }
            }
        }
        let iso = map_item_with::<IsoOnly, _>(&&item, 0).and_then(|i| i.date);
        assert_eq!(iso, Some(1_760_659_200_000), "the ISO reader skips the written date for the next");
        let [published, modified] = raw_dates(&&item);
        assert_eq!(
            (published.as_deref(), modified.as_deref()),
            (Some("Thu, 16 Oct 2025 09:30:00 GMT"), Some("2025-10-17T00:00:00Z"))
        );
        assert_eq!(map_item(&&item, 0).and_then(|i| i.date), Some(1_760_607_000_000), "map_item reads written dates first");
    }

    #[test]
    fn maps_every_field_of_the_contract() {
        let feed = map(json!({
            "version": "https://jsonfeed.org/version/1.1", "title": "Midi",
            "items": [{
                "id": 42, "title": "T", "_news": {"section": "Économie"}, "tags": ["x"],
                "date_published": "2025-10-16T09:30:00Z", "summary": "S", "content_html": "<p>B</p>",
                "url": "https://e.fr/a", "image": "https://e.fr/i.jpg"
            }]
        }))
        .expect("feed");
        assert_eq!(feed.title.as_deref(), Some("Midi"));
        let it = &feed.items[0];
        assert_eq!(it.id, "42");
        assert_eq!(it.section.as_deref(), Some("Économie"));
        assert_eq!(it.date, Some(1_760_607_000_000));
        assert_eq!(it.standfirst.as_deref(), Some("S"));
        assert_eq!(it.body, Some(Body::Html("<p>B</p>".into())));
        assert_eq!(it.link.as_deref(), Some("https://e.fr/a"));
        assert_eq!(it.image.as_deref(), Some("https://e.fr/i.jpg"));
    }

    #[test]
    fn title_and_summary_are_plain_text() {
        let feed = map(json!({"version": "https://jsonfeed.org/version/1.1", "title": "A &amp; <b>B</b>", "items": [
            {"id": "1", "title": "Prix < 5 € cette semaine", "summary": "1 &lt; 2 <i>et</i> AT&T", "content_html": "<p>x</p>"},
            {"id": "2", "content_text": "History of the <blink> tag"},
            {"id": "3", "content_html": "<p>Caf&eacute; &lt;3</p>"}
        ]}))
        .expect("feed");
        assert_eq!(feed.title.as_deref(), Some("A &amp; <b>B</b>"));
        assert_eq!(feed.items[0].headline, "Prix < 5 € cette semaine");
        assert_eq!(feed.items[0].standfirst.as_deref(), Some("1 &lt; 2 <i>et</i> AT&T"));
        assert_eq!(feed.items[1].headline, "History of the <blink> tag");
        assert_eq!(feed.items[2].headline, "Café <3", "content_html is HTML");
    }

    #[test]
    fn fallbacks_external_url_banner_date_modified_and_tags() {
        let feed = map(json!({"version": "https://jsonfeed.org/version/1", "items": [{
            "id": "a", "content_text": "Just a note", "external_url": "https://x/", "banner_image": "b.png",
            "date_modified": "2020-01-01T00:00:00Z", "tags": [3, "Sport"]
        }]}))
        .expect("feed");
        let it = &feed.items[0];
        assert_eq!(it.headline, "Just a note");
        assert_eq!(it.section.as_deref(), Some("Sport"));
        assert_eq!(it.body, Some(Body::Text("Just a note".into())));
        assert_eq!((it.link.as_deref(), it.image.as_deref()), (Some("https://x/"), Some("b.png")));
        assert!(it.date.is_some());
    }

    #[test]
    fn wrong_types_lose_the_field_not_the_feed() {
        let feed = map(json!({"version": "https://jsonfeed.org/version/1.1", "title": 5, "items": [
            {"id": "1", "title": ["no"], "content_text": "text wins", "tags": "a string", "url": 7, "date_published": true},
            "not an item",
            {"id": {"a": "b"}},
            {"id": "3", "title": "fine"},
            {"id": 1.5, "title": "fractional id"}
        ]}))
        .expect("feed");
        assert_eq!(feed.title, None);
        let heads: Vec<_> = feed.items.iter().map(|i| i.headline.as_str()).collect();
        assert_eq!(heads, ["text wins", "fine", "fractional id"]);
        assert_eq!(feed.items[2].id, "1.5");
        assert_eq!(feed.items[0].section, None);
        assert_eq!(feed.items[0].link, None);
    }

    #[test]
    fn documents_that_are_not_feeds_are_errors() {
        assert_eq!(map(json!([1, 2])), Err(FeedError::NotAFeed(Found::OtherJson)));
        assert_eq!(map(json!({"hello": "world"})), Err(FeedError::NotAFeed(Found::OtherJson)));
        let no_items = map(json!({"version": "https://jsonfeed.org/version/1.1", "title": "T"})).expect("feed");
        assert!(no_items.items.is_empty(), "a declared feed without items is empty, not broken");
    }
}
