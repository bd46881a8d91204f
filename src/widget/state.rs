//! A widget's state: signals the view reads, and the few actions it may call. Every action
//! that the page should hear about (open, close) dispatches its event here, not in the view.

use crate::browser::events::dispatch;
use crate::browser::intl::Clock;
use leptos::prelude::*;
use news_widget_core::i18n::{self, Lang};
use news_widget_core::model::Timestamp;
use news_widget_core::select::select;
use crate::browser::html::{sanitize, text_fragment, Options};
use news_widget_core::text::{html_to_text, paragraphs};
use news_widget_core::{Body, Config, ConfigIssue, Feed, FeedError, Item};
use wasm_bindgen::JsCast;
use web_sys::DocumentFragment;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Where loading stands.
#[derive(Clone, Debug, PartialEq)]
pub enum Load {
    Loading,
    /// `saved_at` is set when the feed could not be fetched and a kept copy is shown.
    Ready { feed: Arc<Feed>, saved_at: Option<Timestamp> },
    Failed(FeedError),
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

/// Every signal of one widget. Copy: it is a bundle of handles.
#[derive(Clone, Copy)]
pub struct WidgetState {
    pub config: RwSignal<Config>,
    /// Invalid optional attributes: the widget works, and says so discreetly.
    pub notices: RwSignal<Vec<ConfigIssue>>,
    /// The resolved BCP 47 tag.
    pub lang: RwSignal<String>,
    pub clock: RwSignal<Option<Rc<Clock>>, LocalStorage>,
    pub load: RwSignal<Load>,
    pub now: RwSignal<Timestamp>,
    /// The id of the expanded item.
    pub open: RwSignal<Option<String>>,
    /// The page's host element, where events are dispatched.
    pub host: StoredValue<Element, LocalStorage>,
    /// The feed's absolute URL: the base of relative links, and named in errors.
    pub feed_url: RwSignal<String>,
    /// The teasers shown: computed once per change of the feed or the configuration.
    visible: Memo<Vec<Arc<Item>>>,
}

impl WidgetState {
    /// The state of one widget. Create it under the widget's reactive owner.
    pub fn new(host: Element, config: Config, lang: String) -> Self {
        let config = RwSignal::new(config);
        let load = RwSignal::new(Load::Loading);
        let visible = Memo::new(move |_| {
            let Load::Ready { feed, .. } = load.get() else { return Vec::new() };
            config.with(|c| select(&feed.items, &c.sections, c.limit).into_iter().cloned().map(Arc::new).collect())
        });
        WidgetState {
            config,
            notices: RwSignal::new(Vec::new()),
            // The formatters take milliseconds to make: `ensure_clock` makes them once the
            // feed request is on its way, not before.
            clock: RwSignal::new_local(None),
            lang: RwSignal::new(lang),
            load,
            now: RwSignal::new(crate::browser::intl::now()),
            open: RwSignal::new(None),
            host: StoredValue::new_local(host),
            feed_url: RwSignal::new(String::new()),
            visible,
        }
    }

    /// Makes the date formatters for the current language if they are missing.
    pub fn ensure_clock(&self) {
        if self.clock.with_untracked(Option::is_none) {
            let lang = self.lang.get_untracked();
            self.clock.set(Clock::new(&lang).map(Rc::new));
        }
    }

    /// The language of the widget's own sentences.
    pub fn ui_lang(&self) -> Lang {
        self.lang.with(|l| Lang::from_tag(l))
    }

    /// The teasers shown now: the config's sections, newest first, within the limit.
    pub fn visible(&self) -> Vec<Arc<Item>> {
        self.visible.get()
    }

    /// The phase for `data-state`, and for the ready event's count.
    pub fn phase(&self) -> (Phase, usize) {
        match self.load.with(|l| matches!(l, Load::Ready { .. })) {
            true => {
                let n = self.visible.with(Vec::len);
                (if n == 0 { Phase::Empty } else { Phase::Ready }, n)
            }
            false if self.load.with(|l| matches!(l, Load::Failed(_))) => (Phase::Error, 0),
            false => (Phase::Loading, 0),
        }
    }

    /// The error sentence, when loading failed.
    pub fn error_message(&self) -> Option<String> {
        let Load::Failed(e) = self.load.get() else { return None };
        Some(i18n::error_message(self.ui_lang(), &e, &self.feed_host()))
    }

    /// The feed server's host name, for error sentences.
    pub fn feed_host(&self) -> String {
        let url = self.feed_url.get_untracked();
        crate::browser::url::resolve(&url, &url).map(|u| u.host()).unwrap_or_default()
    }

    /// The article body as nodes: sanitized HTML, or paragraphs of text. A body the sanitizer
    /// cannot parse (a host whose Trusted Types policy refuses ours) is shown as its text.
    pub fn body_nodes(&self, item: &Item) -> Option<DocumentFragment> {
        match item.body.as_ref()? {
            Body::Text(text) => text_fragment(&paragraphs(text)),
            Body::Html(html) => {
                let base = item.link.clone().unwrap_or_else(|| self.feed_url.get_untracked());
                let target = self.config.with_untracked(|c| c.target);
                sanitize(html, &Options { base: &base, target }).ok().or_else(|| text_fragment(&[html_to_text(html)]))
            }
        }
    }

    /// Puts focus on the headline of an article (after it was closed).
    pub fn focus_headline(&self, article_id: &str) {
        let selector = format!("[part~=\"headline\"][aria-controls=\"{article_id}\"]");
        let root = self.host.try_get_value().and_then(|h| h.shadow_root());
        let found = root.and_then(|r| r.query_selector(&selector).ok().flatten());
        if let Some(el) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }

    /// The heading: `data-title`, else the feed's title; `None` hides it.
    pub fn title(&self) -> Option<String> {
        let configured = self.config.with(|c| c.title.clone());
        let title = configured.or_else(|| match self.load.get() {
            Load::Ready { feed, .. } => feed.title.clone(),
            _ => None,
        });
        title.filter(|t| !t.trim().is_empty())
    }

    /// Opens `item` (closing any other) or closes it when it is the one open.
    pub fn toggle(&self, item: &Item) {
        if self.open.get_untracked().as_deref() == Some(item.id.as_str()) {
            self.close();
            return;
        }
        self.close();
        self.open.set(Some(item.id.clone()));
        let url = item.link.clone().map_or(JsValue::NULL, |u| JsValue::from_str(&u));
        self.emit("open", &[("id", JsValue::from_str(&item.id)), ("url", url)]);
    }

    /// Collapses the open article; returns its id.
    pub fn close(&self) -> Option<String> {
        let id = self.open.get_untracked()?;
        self.open.set(None);
        self.emit("close", &[("id", JsValue::from_str(&id))]);
        Some(id)
    }

    /// A link-mode headline was followed.
    pub fn followed(&self, item: &Item) {
        let url = item.link.clone().map_or(JsValue::NULL, |u| JsValue::from_str(&u));
        self.emit("open", &[("id", JsValue::from_str(&item.id)), ("url", url)]);
    }

    pub fn emit(&self, name: &str, fields: &[(&str, JsValue)]) {
        if let Some(host) = self.host.try_get_value() {
            dispatch(&host, name, fields);
        }
    }
}
