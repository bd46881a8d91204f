//! A widget's state: one model in one signal, the reads the view makes of it, and the few
//! actions the view may call. Every action that the page should hear about (open, close)
//! dispatches its event here, not in the view.
//!
//! One signal, not one per field: each signal type costs the module its own copy of the
//! reactive machinery, and the view renders as one anyway (see `view::widget`).

use crate::browser::events::dispatch;
use crate::browser::html::{sanitize, text_fragment, Options};
use crate::browser::intl::Clock;
use leptos::prelude::*;
use news_widget_core::i18n::{self, Lang};
use news_widget_core::model::Timestamp;
use news_widget_core::select::select;
use news_widget_core::text::{html_to_text, paragraphs};
use news_widget_core::{Body, Config, ConfigIssue, Feed, FeedError, Item};
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DocumentFragment, Element};

/// What the widget shows of its feed.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    /// News, fetched (or saved) at `fetched_at`; `stale` when the feed cannot be fetched now,
    /// so the note says how old it is.
    Ready {
        feed: Arc<Feed>,
        fetched_at: Timestamp,
        stale: bool,
    },
    Failed(FeedError),
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
    /// The feed's URL (the base of relative links, named in errors), or why there is none.
    pub feed: Result<FeedUrl, ConfigIssue>,
    /// The teasers shown, chosen again only when the feed or the configuration changes.
    pub visible: Vec<Arc<Item>>,
    /// The host has children of its own (a server-rendered list, say): they are shown while
    /// loading and below an error, in place of the placeholder.
    pub fallback: bool,
}

impl Model {
    /// The language of the widget's own sentences.
    pub fn ui_lang(&self) -> Lang {
        Lang::from_tag(&self.lang)
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
        Some(self.sentence_for(e))
    }

    /// `e` in a sentence of the widget's language, naming the feed's server.
    pub fn sentence_for(&self, e: &FeedError) -> String {
        i18n::error_message(self.ui_lang(), e, &self.feed_host())
    }

    /// The feed server's host name, for error sentences.
    fn feed_host(&self) -> String {
        let Ok(url) = &self.feed else { return String::new() };
        crate::browser::url::resolve(url.as_str(), url.as_str()).map(|u| u.host()).unwrap_or_default()
    }

    /// The heading: `data-title`, else the feed's title; `None` hides it.
    pub fn title(&self) -> Option<String> {
        let title = self.config.title.clone().or_else(|| match &self.load {
            Load::Ready { feed, .. } => feed.title.clone(),
            _ => None,
        });
        title.filter(|t| !t.trim().is_empty())
    }

    fn choose_visible(&mut self) {
        self.visible = match &self.load {
            Load::Ready { feed, .. } => {
                select(&feed.items, &self.config.sections, self.config.limit).into_iter().cloned().map(Arc::new).collect()
            }
            _ => Vec::new(),
        };
    }
}

/// A widget's state. Copy: it is a handle.
#[derive(Clone, Copy)]
pub struct WidgetState {
    model: RwSignal<Model, LocalStorage>,
}

impl WidgetState {
    /// The state of one widget. Create it under the widget's reactive owner.
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
            feed: Err(ConfigIssue::MissingFeed),
            visible: Vec::new(),
            fallback,
        };
        WidgetState { model: RwSignal::new_local(model) }
    }

    /// The model, tracked: the view re-renders when it changes. `None` once unmounted.
    pub fn model(&self) -> Option<Model> {
        self.model.try_get()
    }

    /// Reads the model without tracking it.
    pub fn peek<R>(&self, f: impl FnOnce(&Model) -> R) -> Option<R> {
        self.model.try_with_untracked(f)
    }

    /// Changes the model; ignored once unmounted.
    pub fn change(&self, f: impl FnOnce(&mut Model)) {
        self.model.try_update(f);
    }

    /// Shows a new load state, and the teasers it brings.
    pub fn set_load(&self, load: Load) {
        self.change(|m| {
            m.load = load;
            m.choose_visible();
        });
    }

    /// Applies a new configuration; a new language gets new formatters.
    pub fn set_config(&self, config: Config, notices: Vec<ConfigIssue>, lang: String, feed: Result<FeedUrl, ConfigIssue>) {
        self.change(|m| {
            m.feed = feed;
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

    /// The article body as nodes: sanitized HTML, or paragraphs of text. A body the sanitizer
    /// cannot parse (a host whose Trusted Types policy refuses ours) is shown as its text.
    pub fn body_nodes(&self, item: &Item) -> Option<DocumentFragment> {
        match item.body.as_ref()? {
            Body::Text(text) => text_fragment(&paragraphs(text)),
            Body::Html(html) => {
                let (feed_url, target) = self.peek(|m| (m.feed.clone(), m.config.target))?;
                let base = item.link.clone().or_else(|| feed_url.ok().map(|u| u.0)).unwrap_or_default();
                sanitize(html, &Options { base: &base, target }).ok().or_else(|| text_fragment(&[html_to_text(html)]))
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

    /// The article id of the headline that has focus, if one has.
    pub fn focused_headline(&self) -> Option<String> {
        let root = self.peek(|m| m.host.shadow_root()).flatten()?;
        let el = root.active_element()?;
        el.matches("[part~=\"headline\"]").ok()?.then(|| el.get_attribute("aria-controls")).flatten()
    }

    /// Focuses the headline of `article_id` once the view has rendered the change just made.
    pub fn refocus_after_render(&self, article_id: String) {
        let state = *self;
        leptos::task::spawn_local(async move {
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
