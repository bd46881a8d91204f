//! From a feed URL to a feed: fetch, recognise the format from the content, parse, and make
//! every link absolute and safe. The view never sees raw feed data.

use crate::browser::timers::yield_now;
use crate::browser::{fetch::fetch_feed, json, storage, url::safe_link};
use crate::parts;
use news_widget_core::config::relayed;
use news_widget_core::dates::{parse_date_quick, Quick, ReadDate};
use news_widget_core::error::Found;
use news_widget_core::format::{detect, Format};
use news_widget_core::jsonfeed::{map_item_with, map_json_feed, open_json_feed};
use news_widget_core::lifecycle::Start;
use news_widget_core::model::Timestamp;
use news_widget_core::{Feed, FeedError, Item, ProxyMode};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::{Arc, Weak};
use std::task::{Poll, Waker};
use wasm_bindgen_futures::spawn_local;

type Outcome = Result<Arc<Feed>, FeedError>;

/// A load under way, shared by every widget of its feed: its outcome once it ends, and the
/// widgets waiting for it until then.
#[derive(Default)]
struct Pending {
    outcome: Option<Outcome>,
    waiting: Vec<Waker>,
}

type Shared = Rc<RefCell<Pending>>;

thread_local! {
    /// Loads under way, by URL: ten widgets of one feed make one request and one parse.
    /// (A page has a handful of feeds: a list is smaller than a hash map, and as fast.)
    static IN_FLIGHT: RefCell<Vec<(String, Shared)>> = const { RefCell::new(Vec::new()) };
    /// The last feed loaded from each URL, while some widget still shows it, and when.
    static RECENT: RefCell<Vec<(String, Weak<Feed>, Timestamp)>> = const { RefCell::new(Vec::new()) };
    /// Feeds whose direct request was refused as a cross-origin one: fetched through the
    /// relay for the rest of the page's life (contract §2, `data-proxy-mode="fallback"`).
    static RELAYED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Told whenever a load starts or ends: widgets waiting on a feed to be known. Each says
    /// whether it still listens (`false`: its widget is gone).
    static WATCHERS: RefCell<Vec<Box<dyn Fn() -> bool>>> = const { RefCell::new(Vec::new()) };
    /// The watchers are to be told at the end of the current task.
    static CHANGED: Cell<bool> = const { Cell::new(false) };
}

/// The feed relay a widget may use (`data-proxy`, `data-proxy-mode`).
#[derive(Clone, Debug, PartialEq)]
pub struct Relay {
    pub template: String,
    pub mode: ProxyMode,
}

/// How long a feed another widget loaded is reused instead of fetched again.
const REUSE_MS: Timestamp = 10_000;

/// Calls `f` once the current task ends, then whenever loads start or end on the page, as
/// long as it returns `true`.
pub fn watch_loads(f: impl Fn() -> bool + 'static) {
    WATCHERS.with_borrow_mut(|w| w.push(Box::new(f)));
    changed();
}

/// Tells the watchers, once the current task ends: never while a widget is in the middle of
/// starting a load.
fn changed() {
    if CHANGED.replace(true) {
        return;
    }
    spawn_local(async {
        CHANGED.set(false);
        let watchers = WATCHERS.take();
        let mut kept: Vec<_> = watchers.into_iter().filter(|f| f()).collect();
        // Watchers that came while these were told.
        WATCHERS.with_borrow_mut(|w| {
            kept.append(w);
            *w = kept;
        });
    });
}

/// Whether the page is loading `url`, or shows a recent copy of it: a widget of the same
/// feed then costs no request, and need not wait to be near the viewport.
pub fn known(url: &str) -> bool {
    IN_FLIGHT.with_borrow(|loads| loads.iter().any(|(u, _)| u == url)) || recent(url).is_some()
}

fn recent(url: &str) -> Option<Arc<Feed>> {
    let (feed, at) = RECENT.with_borrow(|recent| recent.iter().find(|(u, ..)| u == url).map(|(_, f, at)| (f.clone(), *at)))?;
    (crate::browser::intl::now() - at < REUSE_MS).then(|| feed.upgrade())?
}

/// Fetches and parses the feed at `url` (absolute), joining a load of the same URL already
/// under way, or (for a [`Start::First`] load) taking the feed another widget loaded seconds ago. The
/// request starts now, not when the answer is first awaited: a widget of several feeds starts
/// them all at once. It is not cancelled when one widget goes away (another may wait for it);
/// the 15-second limit still ends it.
pub fn load_feed(
    url: &str,
    cross_origin: bool,
    relay: Option<Relay>,
    start: Start,
) -> impl std::future::Future<Output = Outcome> {
    let shared = match recent(url).filter(|_| start == Start::First) {
        Some(feed) => Rc::new(RefCell::new(Pending { outcome: Some(Ok(feed)), waiting: Vec::new() })),
        None => {
            let shared = IN_FLIGHT.with_borrow_mut(|loads| {
                if let Some((_, shared)) = loads.iter().find(|(u, _)| u == url) {
                    return shared.clone();
                }
                let shared = start_load(url.to_owned(), cross_origin, relay);
                loads.push((url.to_owned(), shared.clone()));
                shared
            });
            changed();
            shared
        }
    };
    std::future::poll_fn(move |cx| {
        let mut pending = shared.borrow_mut();
        match &pending.outcome {
            Some(outcome) => Poll::Ready(outcome.clone()),
            None => {
                pending.waiting.push(cx.waker().clone());
                Poll::Pending
            }
        }
    })
}

/// One fetch and parse of `url`, shared by every widget that asks for it meanwhile; the
/// result is kept for the page (`RECENT`) and the next visit (`storage`).
fn start_load(url: String, cross_origin: bool, relay: Option<Relay>) -> Shared {
    let shared = Shared::default();
    let done = shared.clone();
    spawn_local(async move {
        let result = fetch_and_parse(&url, cross_origin, relay).await.map(Arc::new);
        if let Ok(feed) = &result {
            let now = crate::browser::intl::now();
            // Once per fetch, however many widgets show the feed; in a task of its own (it
            // sorts the whole feed), and the widgets render in the next.
            yield_now().await;
            storage::save(&url, feed, now);
            yield_now().await;
            RECENT.with_borrow_mut(|recent| {
                recent.retain(|(u, f, _)| *u != url && f.strong_count() > 0);
                recent.push((url.clone(), Arc::downgrade(feed), now));
            });
        }
        // In flight until the widgets are told: one mounting meanwhile joins this load.
        IN_FLIGHT.with_borrow_mut(|loads| loads.retain(|(u, _)| *u != url));
        let waiting = {
            let mut pending = done.borrow_mut();
            pending.outcome = Some(result);
            std::mem::take(&mut pending.waiting)
        };
        waiting.into_iter().for_each(Waker::wake);
        changed();
    });
    shared
}

/// The feed's text, directly or through the relay as `data-proxy-mode` says. What the relay
/// answers is parsed and checked like any feed. (One call of `fetch_feed`, in a loop: each call
/// site would be a copy of its state machine in the module.)
async fn fetch_text(url: &str, cross_origin: bool, relay: Option<Relay>) -> Result<js_sys::JsString, FeedError> {
    let via = relay.as_ref().map(|r| relayed(&r.template, url));
    let known = RELAYED.with_borrow(|r| r.iter().any(|u| u == url));
    let mut through = via.as_deref().filter(|_| known || relay.as_ref().is_some_and(|r| r.mode == ProxyMode::Always));
    loop {
        match fetch_feed(through.unwrap_or(url), cross_origin || through.is_some(), through).await {
            Err(FeedError::Network { cross_origin: true }) if through.is_none() && via.is_some() => {
                RELAYED.with_borrow_mut(|r| r.push(url.to_owned()));
                through = via.as_deref();
            }
            result => return result,
        }
    }
}

async fn fetch_and_parse(url: &str, cross_origin: bool, relay: Option<Relay>) -> Result<Feed, FeedError> {
    let text = fetch_text(url, cross_origin, relay).await?;
    yield_now().await;
    // How the body begins tells its format; only that much of it is read into Rust.
    let head = String::from(text.trim_start().slice(0, 128));
    match detect(&head) {
        Format::Json => map_json_in_slices(&text, url).await,
        Format::Xml => {
            crate::browser::html::use_browser_parser();
            let mut feed = parts::xml_feed(String::from(&text)).await.map_err(|_| FeedError::Unavailable)??;
            make_links_safe(&mut feed, url);
            Ok(feed)
        }
        other => Err(not_a_feed(other)),
    }
}

/// Items mapped per task: a slice takes a few milliseconds (about 10 ms on a slow phone-class
/// core), so a 10,000-item feed never blocks the page for long (no task over 50 ms).
const SLICE: usize = 150;

/// JSON Feed items mapped a slice at a time, yielding to the page between slices; links are
/// made safe in the same slices (the browser's URL parser is the costlier half of the work).
/// Dates are read as JSON Feed writes them (RFC 3339); an item with a date written in words
/// has its dates read by RSS and Atom's reader, in their part, once the feed is mapped.
async fn map_json_in_slices(text: &js_sys::JsString, base: &str) -> Result<Feed, FeedError> {
    let root = json::parse_js(text)?;
    yield_now().await;
    let (title, raw) = open_json_feed(&root)?;
    let mut items = Vec::with_capacity(raw.len().min(1000));
    let mut written = Vec::new();
    for (n, slice) in raw.chunks(SLICE).enumerate() {
        yield_now().await;
        let start = n * SLICE;
        let mapped = items.len();
        for (i, item) in slice.iter().enumerate() {
            IN_WORDS.set(false);
            if let Some(mapped) = map_item_with::<JsonDates, _>(item, start + i) {
                if IN_WORDS.get() {
                    written.push((items.len(), item.clone()));
                }
                items.push(mapped);
            }
        }
        items.iter_mut().skip(mapped).for_each(|item| make_link_safe(item, base));
    }
    if !written.is_empty() {
        let (at, dates): (Vec<usize>, Vec<_>) = written.into_iter().unzip();
        // Without the part (offline, refused), those items keep what the ISO reader found.
        if let Ok(read) = parts::written_dates(dates).await {
            for (i, date) in at.into_iter().zip(read) {
                if let Some(item) = items.get_mut(i) {
                    item.date = date;
                }
            }
        }
    }
    Ok(Feed { title, items })
}

thread_local! {
    /// Whether [`JsonDates`] met a date written in words since it was last cleared.
    static IN_WORDS: Cell<bool> = const { Cell::new(false) };
}

/// The first part's date reader for JSON Feeds and saved copies: RFC 3339, as JSON Feed asks
/// and as saved copies are written. A date written in words is left unread and noted in
/// [`IN_WORDS`]: RSS and Atom's part reads it.
pub struct JsonDates;

impl ReadDate for JsonDates {
    fn read(raw: &str) -> Option<Timestamp> {
        match parse_date_quick(raw) {
            Quick::Read(date) => date,
            Quick::Written => {
                IN_WORDS.set(true);
                None
            }
        }
    }
}

/// Parses a feed body of any supported format; `base` resolves relative links.
pub fn parse_feed(text: &str, base: &str) -> Result<Feed, FeedError> {
    crate::browser::html::use_browser_parser();
    let mut feed = match detect(text) {
        Format::Json => map_json_feed(&json::parse(text)?)?,
        Format::Xml => crate::browser::xml::parse_xml_feed(text)?,
        other => return Err(not_a_feed(other)),
    };
    make_links_safe(&mut feed, base);
    Ok(feed)
}

/// What a body that is neither JSON nor XML looked like.
fn not_a_feed(format: Format) -> FeedError {
    FeedError::NotAFeed(match format {
        Format::Html => Found::Html,
        Format::Nothing => Found::Nothing,
        _ => Found::Text,
    })
}

/// Links and images resolved against `base`, http(s) only: every feed the view sees, fresh
/// or read back from storage, has been through this.
pub fn make_links_safe(feed: &mut Feed, base: &str) {
    feed.items.iter_mut().for_each(|item| make_link_safe(item, base));
}

fn make_link_safe(item: &mut Item, base: &str) {
    item.link = item.link.as_deref().and_then(|l| safe_link(l, base));
    item.image = item.image.as_deref().and_then(|l| safe_link(l, base));
}
