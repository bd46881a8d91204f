//! The last good copy of each feed, kept in `localStorage` so a later visit shows news at once
//! and a failing network shows the copy instead of an error. Versioned (a format change
//! starts afresh), bounded in size and in number of feeds, and written as a JSON Feed so that
//! reading it back goes through the same mapper as the network.

use crate::browser::json;
use js_sys::{Array, Object, Reflect, JSON};
use news_widget_core::dates::to_iso;
use news_widget_core::json::JsonValue;
use news_widget_core::jsonfeed::map_json_feed_with;
use news_widget_core::model::Timestamp;
use news_widget_core::select::select;
use news_widget_core::{Body, Feed, Item};
use wasm_bindgen::JsValue;
use web_sys::Storage;

const PREFIX: &str = "news-widget:v1:";
const INDEX: &str = "news-widget:v1:index";
/// Items kept per feed: enough for any `data-limit`.
const MAX_ITEMS: usize = 50;
/// Characters kept per feed; fewer items are kept when bodies are long.
const MAX_CHARS: usize = 200_000;
/// Feeds kept; the least recently saved go first.
const MAX_FEEDS: usize = 8;

fn storage() -> Option<Storage> {
    // Access throws in sandboxed frames and some private modes: no cache there.
    web_sys::window()?.local_storage().ok().flatten()
}

thread_local! {
    /// When each feed's saved copy was made, as this page first found it: the reader's
    /// previous visit to a page showing that feed (`None`: a first visit).
    static VISITS: std::cell::RefCell<Vec<(String, Option<Timestamp>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// When the reader previously saw `url` (on this page or another of the site), if ever.
pub fn previous_visit(url: &str) -> Option<Timestamp> {
    if let Some(found) = VISITS.with_borrow(|v| v.iter().find(|(u, _)| u == url).map(|(_, at)| *at)) {
        return found;
    }
    load(url).map(|(_, at)| at)
}

/// The kept copy of `url`, with when it was fetched.
pub fn load(url: &str) -> Option<(Feed, Timestamp)> {
    let found = read(url);
    VISITS.with_borrow_mut(|v| {
        if !v.iter().any(|(u, _)| u == url) {
            v.push((url.to_owned(), found.as_ref().map(|(_, at)| *at)));
        }
    });
    found
}

fn read(url: &str) -> Option<(Feed, Timestamp)> {
    let text = storage()?.get_item(&format!("{PREFIX}{url}")).ok().flatten()?;
    let saved = json::parse(&text).ok()?;
    let saved_at = saved.get("savedAt")?.number()? as Timestamp;
    // Its dates were written by `to_iso`: the first part's reader reads them all.
    let mut feed = map_json_feed_with::<crate::load::JsonDates, _>(&saved.get("feed")?).ok()?;
    // Storage is the page's as much as ours: what comes back is checked like a fresh feed.
    crate::load::make_links_safe(&mut feed, url);
    Some((feed, saved_at))
}

/// Keeps `feed` as the copy of `url`, fetched at `now`.
pub fn save(url: &str, feed: &Feed, now: Timestamp) {
    let Some(storage) = storage() else { return };
    let newest = select(&feed.items, &[], MAX_ITEMS);
    let mut count = newest.len();
    let text = loop {
        let record = Object::new();
        set(&record, "savedAt", &JsValue::from_f64(now as f64));
        set(&record, "feed", &json_feed(feed.title.as_deref(), newest.iter().take(count).copied()));
        let text = JSON::stringify(&record).ok().and_then(|s| s.as_string()).unwrap_or_default();
        if text.len() <= MAX_CHARS || count <= 1 {
            break text;
        }
        count /= 2;
    };
    if text.len() > MAX_CHARS {
        return;
    }
    let key = format!("{PREFIX}{url}");
    if storage.set_item(&key, &text).is_ok() {
        remember(&storage, url);
    }
}

/// Moves `url` to the front of the index and forgets the feeds beyond `MAX_FEEDS`.
fn remember(storage: &Storage, url: &str) {
    let index = storage.get_item(INDEX).ok().flatten().and_then(|t| json::parse(&t).ok());
    let mut urls: Vec<String> =
        index.and_then(|i| i.elements()).unwrap_or_default().iter().filter_map(JsonValue::string).collect();
    urls.retain(|u| u != url);
    urls.insert(0, url.to_owned());
    for old in urls.split_off(MAX_FEEDS.min(urls.len())) {
        let _ = storage.remove_item(&format!("{PREFIX}{old}"));
    }
    let list: Array = urls.iter().map(|u| JsValue::from_str(u)).collect();
    if let Some(text) = JSON::stringify(&list).ok().and_then(|s| s.as_string()) {
        let _ = storage.set_item(INDEX, &text);
    }
}

fn set(o: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(o, &JsValue::from_str(key), value);
}

fn set_str(o: &Object, key: &str, value: Option<&str>) {
    if let Some(v) = value {
        set(o, key, &JsValue::from_str(v));
    }
}

/// The items as a JSON Feed, the format the copy is read back in.
fn json_feed<'a>(title: Option<&str>, items: impl Iterator<Item = &'a Item>) -> JsValue {
    let feed = Object::new();
    set_str(&feed, "version", Some("https://jsonfeed.org/version/1.1"));
    set_str(&feed, "title", title);
    let list: Array = items.map(json_item).collect();
    set(&feed, "items", &list);
    feed.into()
}

fn json_item(item: &Item) -> JsValue {
    let o = Object::new();
    set_str(&o, "id", Some(&item.id));
    set_str(&o, "title", Some(&item.headline));
    if let Some(section) = &item.section {
        let news = Object::new();
        set_str(&news, "section", Some(section));
        set(&o, "_news", &news);
    }
    set_str(&o, "date_published", item.date.and_then(to_iso).as_deref());
    set_str(&o, "summary", item.standfirst.as_deref());
    match &item.body {
        Some(Body::Html(h)) => set_str(&o, "content_html", Some(h)),
        Some(Body::Text(t)) => set_str(&o, "content_text", Some(t)),
        None => {}
    }
    set_str(&o, "url", item.link.as_deref());
    set_str(&o, "image", item.image.as_deref());
    o.into()
}
