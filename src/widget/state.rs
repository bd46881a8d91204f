//! A widget's state: one model, the reads the view makes of it, and the few actions the view
//! may call. Every action that the page should hear about (open, close) dispatches its event
//! here, not in the view.
//!
//! A change to the model draws the view again, once, in a microtask after the changes of the
//! current task (`view::draw`): no signal, no effect. The view reads the whole model in one
//! render anyway (see `view::widget`), and Leptos's reactive graph (signals, subscribers,
//! effects, their hash maps and the executor) cost the first part of the module 7.7 KiB gzip
//! for that one signal (BENCHMARKS.md).

use crate::browser::dom::{fill_later, fill_once};
use crate::browser::events::dispatch;
use crate::browser::html::text_fragment;
use crate::browser::intl::Clock;
use crate::widget::words;
use news_widget_core::i18n::{self, Lang, Sentences};
use news_widget_core::model::Timestamp;
use news_widget_core::select::{choose, Filters};
use news_widget_core::text::{html_to_text, paragraphs};
use news_widget_core::{Body, Config, ConfigIssue, Feed, FeedError, Item, Layout};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// What the widget shows of its feed.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    /// News, fetched (or saved) at `fetched_at`; `stale` when the feed cannot be fetched now,
    /// so the note says how old it is.
    Ready {
        feeds: Vec<Shown>,
        fetched_at: Timestamp,
        stale: bool,
    },
    Failed(FeedError),
}

/// One feed of what is shown (a widget of several feeds shows those that answered).
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub url: FeedUrl,
    pub feed: Arc<Feed>,
}

impl Shown {
    /// The feed's name for `source`: its title, else its server's host.
    fn name(&self) -> String {
        self.feed.title.clone().filter(|t| !t.trim().is_empty()).unwrap_or_else(|| host_of(self.url.as_str()))
    }
}

/// One teaser as the view shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Teaser {
    pub item: Arc<Item>,
    /// The feed's name (`data-source`).
    pub source: Option<String>,
    /// Published since the reader's previous visit to a page showing this feed.
    pub fresh: bool,
    /// The picture (`data-thumbnails`): http(s), absolute.
    pub thumbnail: Option<String>,
}

/// What a refresh brought that is not on screen yet: shown when the reader asks.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub load: Load,
    /// Stories not on screen.
    pub count: usize,
}

/// A URL's host, for sentences and source names.
pub fn host_of(url: &str) -> String {
    crate::browser::url::resolve(url, url).map(|u| u.host()).unwrap_or_default()
}
/// A feed's absolute http(s) URL, as resolved against the page: the one copy of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedUrl(pub String);

impl FeedUrl {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// `data-state` on the host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    Loading,
    Ready,
    Empty,
    Error,
}

impl Phase {
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Loading => "loading",
            Phase::Ready => "ready",
            Phase::Empty => "empty",
            Phase::Error => "error",
        }
    }
}

/// How the host's fallback content (its own children) shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fallback {
    /// Not at all: there is none, or the widget shows news or its empty sentence.
    Hidden,
    /// Alone, in place of the whole widget, while it loads.
    Alone,
    /// Below the error sentence.
    Below,
}

/// Everything a widget shows.
#[derive(Clone)]
pub struct Model {
    /// The page's host element, where events are dispatched.
    pub host: Element,
    pub config: Config,
    /// Invalid optional attributes: the widget works, and says so discreetly.
    pub notices: Vec<ConfigIssue>,
    /// The resolved BCP 47 tag.
    pub lang: String,
    /// The date formatters, made once the feed request is on its way (they take milliseconds).
    pub clock: Option<Rc<Clock>>,
    pub load: Load,
    pub now: Timestamp,
    /// The id of the expanded item.
    pub open: Option<String>,
    /// The feeds' URLs (the base of relative links, named in errors), or why there are none.
    pub feeds: Result<Vec<FeedUrl>, ConfigIssue>,
    /// The teasers shown, chosen again only when the feed or the configuration changes.
    pub visible: Vec<Teaser>,
    /// More teasers than shown are kept (`data-more`).
    pub more_left: bool,
    /// Pages of `limit` teasers shown: 1, and one more at each press of `more`.
    pub pages: usize,
    /// A refresh's stories waiting behind `updates`.
    pub pending: Option<Pending>,
    /// When the reader last saw each feed (the saved copy's time when this page first read it).
    pub visits: Vec<(String, Timestamp)>,
    /// The host has children of its own (a server-rendered list, say): they are shown while
    /// loading and below an error, in place of the placeholder.
    pub fallback: bool,
}

impl Model {
    /// The widget's own sentences, in its language (see [`crate::widget::words`]).
    pub fn words(&self) -> &'static Sentences {
        words::sentences(Lang::from_tag(&self.lang))
    }

    /// Whether news is shown (fetched, or a kept copy).
    pub fn showing(&self) -> bool {
        matches!(self.load, Load::Ready { .. })
    }

    /// How the fallback content shows in the current phase.
    pub fn fallback_shown(&self) -> Fallback {
        match (self.fallback, self.phase()) {
            (true, Phase::Loading) => Fallback::Alone,
            (true, Phase::Error) => Fallback::Below,
            _ => Fallback::Hidden,
        }
    }

    /// The phase for `data-state`.
    pub fn phase(&self) -> Phase {
        match &self.load {
            Load::Loading => Phase::Loading,
            Load::Failed(_) => Phase::Error,
            Load::Ready { .. } if self.visible.is_empty() => Phase::Empty,
            Load::Ready { .. } => Phase::Ready,
        }
    }

    /// The error sentence, when loading failed.
    pub fn error_message(&self) -> Option<String> {
        let Load::Failed(e) = &self.load else { return None };
        let first = self.feeds.as_ref().ok().and_then(|f| f.first());
        Some(self.sentence_for(e, first.map_or("", FeedUrl::as_str)))
    }

    /// `e` in a sentence of the widget's language, naming the server of the feed at `url`.
    pub fn sentence_for(&self, e: &FeedError, url: &str) -> String {
        i18n::error_message(self.words(), e, &host_of(url))
    }

    /// The widget's own words, or the site's (`data-label-*`).
    pub fn label(&self, custom: &Option<String>, default: &'static str) -> String {
        custom.clone().unwrap_or_else(|| default.to_owned())
    }

    /// The heading: `data-title`, else the feed's title; `None` hides it.
    pub fn title(&self) -> Option<String> {
        // Several feeds have no one title: only `data-title` names their list.
        let title = self.config.title.clone().or_else(|| match &self.load {
            Load::Ready { feeds, .. } if self.feed_count() == 1 => feeds.first().and_then(|s| s.feed.title.clone()),
            _ => None,
        });
        title.filter(|t| !t.trim().is_empty())
    }

    /// How many feeds the widget shows.
    pub fn feed_count(&self) -> usize {
        self.feeds.as_ref().map_or(1, Vec::len)
    }

    fn choose_visible(&mut self) {
        self.visible = Vec::new();
        self.more_left = false;
        let Load::Ready { feeds, .. } = &self.load else { return };
        let c = &self.config;
        let slices: Vec<&[Item]> = feeds.iter().map(|s| s.feed.items.as_slice()).collect();
        let filters = Filters {
            sections: &c.sections,
            exclude_sections: &c.exclude_sections,
            keywords: &c.keywords,
            exclude_keywords: &c.exclude_keywords,
            since: c.max_age.map(|age| self.now - age),
        };
        let chosen = choose(&slices, &filters);
        let shown = c.limit.saturating_mul(self.pages.max(1));
        self.more_left = chosen.len() > shown;
        let compact = c.layout == Layout::Compact;
        let names = c.source.unwrap_or(self.feed_count() > 1) && !compact;
        let pictures = c.thumbnails && !compact;
        let fallback =
            c.fallback_image.as_deref().and_then(|f| crate::browser::url::safe_link(f, &crate::browser::url::page_base()));
        self.visible = chosen
            .into_iter()
            .take(shown)
            .map(|(f, item)| {
                let shown = feeds.get(f);
                let url = shown.map_or("", |s| s.url.as_str());
                let visit = self.visits.iter().find(|(u, _)| u == url).map(|(_, at)| *at);
                Teaser {
                    item: Arc::new(item.clone()),
                    source: shown.filter(|_| names).map(Shown::name),
                    fresh: visit.zip(item.date).is_some_and(|(visit, date)| date > visit),
                    thumbnail: pictures.then(|| thumbnail(item, url).or_else(|| fallback.clone())).flatten(),
                }
            })
            .collect();
    }
}

/// The item's picture: its image, else the first suitable image of its body (http(s)), once
/// the body scan's part is here (`widget::optional`).
fn thumbnail(item: &Item, feed_url: &str) -> Option<String> {
    if item.image.is_some() {
        return item.image.clone();
    }
    let Some(Body::Html(html)) = &item.body else { return None };
    let base = item.link.as_deref().unwrap_or(feed_url);
    crate::widget::optional::body_images()?(html).iter().find_map(|src| crate::browser::url::safe_link(src, base))
}

/// A widget's state. Copy: it is a handle, the index of its model in [`MODELS`].
#[derive(Clone, Copy)]
pub struct WidgetState(usize);

/// One widget's model, and how its view is drawn again.
struct Slot {
    model: RefCell<Model>,
    /// Draws the view from the model (set once the view is drawn: `view::draw`).
    redraw: RefCell<Option<Rc<dyn Fn()>>>,
    /// A redraw is queued for the end of the current task.
    queued: Cell<bool>,
}

thread_local! {
    /// Every widget's model, by handle. A widget's slot empties when it is unmounted; handles
    /// are never reused (a page mounts a handful of widgets), so a stale one reads nothing.
    static MODELS: RefCell<Vec<Option<Rc<Slot>>>> = const { RefCell::new(Vec::new()) };
}

impl WidgetState {
    /// The state of one widget, until [`WidgetState::dispose`].
    pub fn new(host: Element, config: Config, lang: String, fallback: bool) -> Self {
        let model = Model {
            host,
            config,
            notices: Vec::new(),
            lang,
            clock: None,
            load: Load::Loading,
            now: crate::browser::intl::now(),
            open: None,
            feeds: Err(ConfigIssue::MissingFeed),
            visible: Vec::new(),
            more_left: false,
            pages: 1,
            pending: None,
            visits: Vec::new(),
            fallback,
        };
        let slot = Rc::new(Slot { model: RefCell::new(model), redraw: RefCell::new(None), queued: Cell::new(false) });
        MODELS.with_borrow_mut(|models| {
            models.push(Some(slot));
            WidgetState(models.len() - 1)
        })
    }

    fn slot(&self) -> Option<Rc<Slot>> {
        MODELS.with_borrow(|models| models.get(self.0).cloned().flatten())
    }

    /// A copy of the model, for one render. `None` once unmounted.
    pub fn model(&self) -> Option<Model> {
        self.peek(Model::clone)
    }

    /// Reads the model. `None` once unmounted (or while it is being changed).
    pub fn peek<R>(&self, f: impl FnOnce(&Model) -> R) -> Option<R> {
        let slot = self.slot()?;
        let model = slot.model.try_borrow().ok()?;
        Some(f(&model))
    }

    /// Changes the model, and queues a redraw of the view; ignored once unmounted.
    pub fn change(&self, f: impl FnOnce(&mut Model)) {
        let Some(slot) = self.slot() else { return };
        let Ok(mut model) = slot.model.try_borrow_mut() else { return };
        f(&mut model);
        drop(model);
        if !slot.queued.replace(true) {
            let state = *self;
            wasm_bindgen_futures::spawn_local(async move { state.redraw() });
        }
    }

    /// The queued redraw: draws the view from the model as it is now (nothing before the view's
    /// first drawing, which reads the model itself).
    fn redraw(&self) {
        let Some(slot) = self.slot() else { return };
        slot.queued.set(false);
        let redraw = slot.redraw.try_borrow().ok().and_then(|r| r.clone());
        if let Some(redraw) = redraw {
            redraw();
        }
    }

    /// What draws the view again after a change (`view::draw`).
    pub fn set_redraw(&self, redraw: Rc<dyn Fn()>) {
        if let Some(mut slot_redraw) = self.slot().as_ref().and_then(|s| s.redraw.try_borrow_mut().ok()) {
            *slot_redraw = Some(redraw);
        }
    }

    /// Whether the widget is still mounted.
    pub fn is_live(&self) -> bool {
        self.slot().is_some()
    }

    /// Forgets the model and its view: the widget is unmounted.
    pub fn dispose(&self) {
        MODELS.with_borrow_mut(|models| {
            if let Some(slot) = models.get_mut(self.0) {
                *slot = None;
            }
        });
    }

    /// Chooses the teasers again and draws them: code they need (a language's words, the
    /// pictures' body scan) has come.
    pub fn choose_again(&self) {
        self.change(Model::choose_visible);
    }

    /// Shows a new load state, and the teasers it brings.
    pub fn set_load(&self, load: Load) {
        self.change(|m| {
            m.load = load;
            m.pending = None;
            m.choose_visible();
        });
    }

    /// A refresh's feeds: shown at once when they bring no story that is not on screen, else
    /// kept behind the updates button (the list never moves under the reader).
    pub fn offer(&self, load: Load) {
        self.change(|m| {
            let before: Vec<String> = m.visible.iter().map(|t| t.item.id.clone()).collect();
            let old_load = std::mem::replace(&mut m.load, load);
            let (old_visible, old_more) = (std::mem::take(&mut m.visible), m.more_left);
            m.choose_visible();
            let count = m.visible.iter().filter(|t| !before.contains(&t.item.id)).count();
            m.pending = None;
            if count > 0 && !before.is_empty() {
                let load = std::mem::replace(&mut m.load, old_load);
                (m.visible, m.more_left) = (old_visible, old_more);
                if let Load::Ready { stale, .. } = &mut m.load {
                    *stale = false;
                }
                m.pending = Some(Pending { load, count });
            }
        });
    }

    /// Shows what waits behind the updates button, and puts focus on the first new headline.
    pub fn show_updates(&self) {
        let waiting =
            self.peek(|m| m.pending.clone().map(|p| (m.visible.iter().map(|t| t.item.id.clone()).collect::<Vec<_>>(), p)));
        let Some(Some((before, pending))) = waiting else { return };
        self.set_load(pending.load);
        let index = self.peek(|m| m.visible.iter().position(|t| !before.contains(&t.item.id))).flatten().unwrap_or(0);
        self.focus_teaser_after_render(index);
    }

    /// Shows `limit` more teasers, and puts focus on the first of them.
    pub fn show_more(&self) {
        let Some(index) = self.peek(|m| m.visible.len()) else { return };
        self.change(|m| {
            m.pages += 1;
            m.choose_visible();
        });
        self.focus_teaser_after_render(index);
    }

    /// Applies a new configuration; a new language gets new formatters.
    pub fn set_config(&self, config: Config, notices: Vec<ConfigIssue>, lang: String, feeds: Result<Vec<FeedUrl>, ConfigIssue>) {
        self.change(|m| {
            m.feeds = feeds;
            if m.lang != lang {
                m.clock = Clock::new(&lang).map(Rc::new);
                m.lang = lang;
            }
            m.config = config;
            m.notices = notices;
            m.choose_visible();
        });
    }

    /// Makes the date formatters for the current language if they are missing.
    pub fn ensure_clock(&self) {
        if self.peek(|m| m.clock.is_none()) == Some(true) {
            self.change(|m| m.clock = Clock::new(&m.lang).map(Rc::new));
        }
    }

    /// Fills an open article's body with the item's nodes: paragraphs of text at once; HTML
    /// once the `article` part (the sanitizer) is loaded, usually already (see
    /// [`parts::prefetch`](crate::parts::prefetch)). A body the sanitizer cannot parse (a host
    /// whose Trusted Types policy refuses ours), or whose part cannot be fetched, is shown as its
    /// text. A re-render of the same item leaves the nodes (and the reader's selection) alone.
    pub fn fill_body(&self, el: &Element, item: &Item) {
        match item.body.as_ref() {
            None => {}
            Some(Body::Text(text)) => fill_once(el, &item.id, || text_fragment(&paragraphs(text))),
            Some(Body::Html(html)) => {
                let Some((feed_url, target)) = self.peek(|m| (m.feeds.clone(), m.config.target)) else { return };
                let first = feed_url.ok().and_then(|f| f.into_iter().next());
                let base = item.link.clone().or_else(|| first.map(|u| u.0)).unwrap_or_default();
                let html = html.clone();
                fill_later(el, &item.id, async move {
                    let sanitized = crate::parts::article_body(html.clone(), base, target).await.ok().flatten();
                    sanitized.or_else(|| text_fragment(&[html_to_text(&html)]))
                });
            }
        }
    }

    /// Puts focus on the headline of an article (after it was closed).
    pub fn focus_headline(&self, article_id: &str) {
        let selector = format!("[part~=\"headline\"][aria-controls=\"{article_id}\"]");
        let root = self.peek(|m| m.host.shadow_root()).flatten();
        let found = root.and_then(|r| r.query_selector(&selector).ok().flatten());
        if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }

    /// Focuses the headline of the teaser at `index` once the view has rendered.
    pub fn focus_teaser_after_render(&self, index: usize) {
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            crate::browser::timers::yield_now().await;
            let root = state.peek(|m| m.host.shadow_root()).flatten();
            let all = root.and_then(|r| r.query_selector_all("[part~=\"headline\"]").ok());
            let found = all.and_then(|a| a.item(index as u32)).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = found {
                let _ = el.focus();
            }
        });
    }

    /// The article id of the headline that has focus, if one has.
    pub fn focused_headline(&self) -> Option<String> {
        let root = self.peek(|m| m.host.shadow_root()).flatten()?;
        let el = root.active_element()?;
        el.matches("[part~=\"headline\"]").ok()?.then(|| el.get_attribute("aria-controls")).flatten()
    }

    /// Focuses the headline of `article_id` once the view has rendered the change just made.
    pub fn refocus_after_render(&self, article_id: String) {
        let state = *self;
        wasm_bindgen_futures::spawn_local(async move {
            // The view renders in microtasks, which run before the page lets this go on.
            crate::browser::timers::yield_now().await;
            state.focus_headline(&article_id);
        });
    }

    /// Opens `item` (closing any other) or closes it when it is the one open.
    pub fn toggle(&self, item: &Item) {
        if self.peek(|m| m.open.as_deref() == Some(item.id.as_str())) == Some(true) {
            self.close();
            return;
        }
        self.close();
        self.change(|m| m.open = Some(item.id.clone()));
        self.followed(item);
    }

    /// Collapses the open article; returns its id.
    pub fn close(&self) -> Option<String> {
        let id = self.peek(|m| m.open.clone()).flatten()?;
        self.change(|m| m.open = None);
        self.emit("close", &[("id", JsValue::from_str(&id))]);
        Some(id)
    }

    /// An article was opened, in place or (a link-mode headline) by following its link.
    pub fn followed(&self, item: &Item) {
        let url = item.link.clone().map_or(JsValue::NULL, |u| JsValue::from_str(&u));
        self.emit("open", &[("id", JsValue::from_str(&item.id)), ("url", url)]);
    }

    pub fn emit(&self, name: &str, fields: &[(&str, JsValue)]) {
        if let Some(host) = self.peek(|m| m.host.clone()) {
            dispatch(&host, name, fields);
        }
    }
}
