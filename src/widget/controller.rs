//! Mounting one widget: its shadow root, state, and everything it starts (the fetch, timers,
//! the attribute and viewport observers), all stopped when it is unmounted.
//!
//! The controller is plain code over the state, not a web of effects: it knows what each
//! event changes (an attribute, the viewport, a load ending) and does exactly that.

use super::config_source::ConfigSource;
use super::state::{Load, Model, Phase, WidgetState};
use crate::browser::timers::{self, Timer};
use crate::browser::{dom, events::warn, intl, storage, url};
use crate::load::{self, load_feed};
use crate::view::widget::NewsWidget;
use leptos::prelude::*;
use leptos::task::spawn_local;
use news_widget_core::config::ATTRIBUTES;
use news_widget_core::i18n::{config_message, error_message};
use news_widget_core::model::Timestamp;
use news_widget_core::{Config, ConfigIssue, Feed, FeedError};
use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, IntersectionObserver, MutationObserver};

/// How often relative times are rewritten ("il y a 3 minutes" becomes "il y a 4 minutes").
const TICK: Duration = Duration::from_secs(30);

/// A mounted widget. Dropping it unmounts the view and stops everything it started.
pub struct Mounted {
    observer: Option<MutationObserver>,
    controller: Rc<Controller>,
    _view: Box<dyn std::any::Any>,
}

impl Mounted {
    /// Fetches the feed again; the open article stays open.
    pub fn refresh(&self) {
        self.controller.load(false);
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// One widget's moving parts.
struct Controller {
    me: Weak<Controller>,
    state: WidgetState,
    /// The element whose nearness to the viewport starts loading; a link container's link.
    watched: Element,
    link: Option<Element>,
    /// The feed's absolute URL, or why there is none.
    target: RefCell<Result<String, ConfigIssue>>,
    /// Whether the widget may load (see `wait_for_viewport`).
    near: Cell<bool>,
    viewport: RefCell<Option<IntersectionObserver>>,
    /// Counts loads: only the answer to the latest one is shown.
    generation: Cell<u64>,
    /// When the data shown was fetched: the age a stale note gives.
    shown_at: Cell<Option<Timestamp>>,
    refresh: Cell<u32>,
    timers: RefCell<(Option<Timer>, Option<Timer>)>,
}

impl Drop for Controller {
    fn drop(&mut self) {
        if let Some(o) = self.viewport.take() {
            o.disconnect();
        }
    }
}

/// Mounts a widget in `host`'s shadow root. `link` is the fallback link of a link container.
pub fn mount(host: HtmlElement, source: ConfigSource, link: Option<Element>) -> Result<Mounted, JsValue> {
    let root = dom::shadow_root(&host)?;
    let (config, issues) = source.read();
    let lang = resolve_lang(&host, config.lang.as_deref());
    // A link container's host is hidden while loading; its link is what the reader sees.
    let watched: Element = link.clone().unwrap_or_else(|| host.clone().into());
    let host_el: Element = host.clone().into();
    let lazy = config.lazy;
    // The state and every effect are created under the view's owner: unmounting disposes of them.
    let slot = Rc::new(Cell::new(None));
    let out = slot.clone();
    let view = leptos::mount::mount_to(root.unchecked_into(), move || {
        let state = WidgetState::new(host_el, config, lang);
        let controller = Rc::new_cyclic(|me| Controller {
            me: me.clone(),
            state,
            watched,
            link,
            target: RefCell::new(Err(ConfigIssue::MissingFeed)),
            near: Cell::new(false),
            viewport: RefCell::new(None),
            generation: Cell::new(0),
            shown_at: Cell::new(None),
            refresh: Cell::new(0),
            timers: RefCell::new((None, None)),
        });
        controller.join_known_loads();
        out.set(Some(controller));
        view! { <NewsWidget state/> }
    });
    let controller = slot.take().ok_or("news-widget: the view did not mount")?;
    controller.configure(&issues);
    controller.reflect_phase();
    if lazy {
        controller.wait_for_viewport();
    } else {
        controller.come_near();
    }
    let weak = Rc::downgrade(&controller);
    let element = source.element.clone();
    let on_change = move || {
        if let Some(controller) = weak.upgrade() {
            let (config, issues) = source.read();
            controller.reconfigure(config, &issues);
        }
    };
    let observer = element.and_then(|el| dom::observe_attributes(&el, &ATTRIBUTES, on_change));
    Ok(Mounted { observer, controller, _view: Box::new(view) })
}

impl Controller {
    /// Applies the state's configuration: the feed URL, notices, the refresh timer.
    fn configure(&self, issues: &[ConfigIssue]) {
        report(issues);
        let Some((target, refresh)) = self.state.peek(|m| (feed_url(&m.config.feed), m.config.refresh)) else { return };
        let notices = notices(issues);
        self.state.change(|m| m.notices = notices);
        *self.target.borrow_mut() = target;
        self.start_timers(refresh);
    }

    /// A changed attribute: applied at once; a new feed URL is loaded.
    fn reconfigure(&self, config: Config, issues: &[ConfigIssue]) {
        report(issues);
        let Some(host) = self.state.peek(|m| m.host.clone()) else { return };
        let lang = resolve_lang(&host, config.lang.as_deref());
        let target = feed_url(&config.feed);
        let (lazy, refresh) = (config.lazy, config.refresh);
        self.state.set_config(config, notices(issues), lang);
        if refresh != self.refresh.get() {
            self.start_timers(refresh);
        }
        let changed = *self.target.borrow() != target;
        *self.target.borrow_mut() = target;
        if !lazy && !self.near.get() {
            self.come_near();
        } else if changed {
            // Near: the new feed loads now. Waiting: it loads now only if the page has it.
            self.load(true);
            self.join_if_known();
        }
        self.reflect_phase();
    }

    /// Waits for the widget to near the viewport: a widget far below the fold fetches nothing
    /// until the reader scrolls to it (`data-lazy="false"` loads at once).
    fn wait_for_viewport(&self) {
        let me = self.me.clone();
        let observer = timers::when_near_viewport(&self.watched, move || {
            if let Some(controller) = me.upgrade() {
                controller.come_near();
            }
        });
        *self.viewport.borrow_mut() = observer;
        self.join_if_known();
    }

    /// A widget waiting for the viewport loads at once when the page loads (or just loaded)
    /// its feed for another widget: then it costs no request.
    fn join_known_loads(&self) {
        let me = self.me.clone();
        Effect::new(move |_| {
            load::track_loads();
            if let Some(controller) = me.upgrade() {
                controller.join_if_known();
            }
        });
    }

    fn join_if_known(&self) {
        let known = self.target.borrow().as_ref().is_ok_and(|url| load::known(url));
        if known && !self.near.get() {
            self.come_near();
        }
    }

    fn come_near(&self) {
        if self.near.replace(true) {
            return;
        }
        if let Some(o) = self.viewport.take() {
            o.disconnect();
        }
        self.load(true);
    }

    /// Loads the feed (once near the viewport). A `first` load of a URL shows its saved copy
    /// (if any) at once, and may take what another widget just loaded; a refresh fetches.
    fn load(&self, first: bool) {
        if !self.near.get() {
            return;
        }
        let generation = self.generation.get() + 1;
        self.generation.set(generation);
        let url = match self.target.borrow().clone() {
            Err(issue) => return self.finish(Err((FeedError::Config(issue), None))),
            Ok(url) => url,
        };
        let state = self.state;
        let first = first || !state.peek(Model::showing).unwrap_or(false);
        if first {
            self.show_saved_copy(&url);
        }
        let cross_origin = url::resolve(&url, &url).is_some_and(|u| u.origin() != url::page_origin());
        state.change(|m| m.feed_url = url.clone());
        let me = self.me.clone();
        spawn_local(async move {
            let result = load_feed(&url, cross_origin, first).await;
            let Some(controller) = me.upgrade().filter(|c| c.generation.get() == generation) else { return };
            if result.is_ok() {
                controller.shown_at.set(Some(intl::now()));
            }
            controller.finish(result.map_err(|e| (e, controller.shown_at.get())));
        });
        // Queued after the load, so the formatters are made while the request is in flight.
        spawn_local(async move { state.ensure_clock() });
    }

    /// Shows the kept copy of `url`, or the loading state when there is none.
    fn show_saved_copy(&self, url: &str) {
        match storage::load(url) {
            Some((feed, saved_at)) => {
                self.state.ensure_clock();
                self.shown_at.set(Some(saved_at));
                self.state.set_load(Load::Ready { feed: Arc::new(feed), saved_at: None });
                self.announce_ready();
            }
            None => {
                self.shown_at.set(None);
                self.state.set_load(Load::Loading);
            }
        }
        self.reflect_phase();
    }

    fn announce_ready(&self) {
        let count = self.state.peek(|m| m.visible.len()).unwrap_or(0);
        self.state.emit("ready", &[("count", JsValue::from(count as u32))]);
    }

    /// Applies a load's result and tells the page. A failure while news is shown keeps it, with
    /// a note saying how old it is: the reader never loses the list.
    fn finish(&self, result: Result<Arc<Feed>, (FeedError, Option<Timestamp>)>) {
        let state = self.state;
        let showing = state.peek(Model::showing).unwrap_or(false);
        match result {
            Ok(feed) => {
                state.set_load(Load::Ready { feed, saved_at: None });
                self.reflect_phase();
                self.announce_ready();
            }
            Err((e, Some(fetched_at))) if showing => {
                state.change(|m| {
                    if let Load::Ready { saved_at, .. } = &mut m.load {
                        *saved_at = Some(fetched_at);
                    }
                });
                // The page still hears of the failure; data-state stays "ready".
                self.fail(&e);
            }
            Err((e, _)) => {
                state.set_load(Load::Failed(e.clone()));
                self.reflect_phase();
                self.fail(&e);
            }
        }
    }

    fn fail(&self, e: &FeedError) {
        let Some(message) = self.state.peek(|m| error_message(m.ui_lang(), e, &m.feed_host())) else { return };
        warn(&message);
        self.state.emit("error", &[("message", JsValue::from_str(&message))]);
    }

    /// Keeps the host's `data-state` (and a link container's link) in step with loading.
    fn reflect_phase(&self) {
        let Some((phase, host)) = self.state.peek(|m| (m.phase(), m.host.clone())) else { return };
        let _ = host.set_attribute("data-state", phase.as_str());
        if let Some(link) = &self.link {
            dom::set_hidden(link, matches!(phase, Phase::Ready | Phase::Empty));
            dom::set_hidden(&host, phase == Phase::Loading);
        }
    }

    /// The clock that rewrites relative times, and `data-refresh`; both rest while the page is
    /// hidden and catch up when it is shown again.
    fn start_timers(&self, refresh: u32) {
        self.refresh.set(refresh);
        let state = self.state;
        let tick = timers::every(TICK, move || state.change(|m| m.now = intl::now()));
        let me = self.me.clone();
        let reload = (refresh > 0).then(|| {
            timers::every(Duration::from_secs(u64::from(refresh)), move || {
                if let Some(controller) = me.upgrade() {
                    controller.load(false);
                }
            })
        });
        *self.timers.borrow_mut() = (Some(tick), reload);
    }
}

/// `data-lang`, else the nearest `lang`, else the browser's; canonical, or English.
fn resolve_lang(host: &Element, configured: Option<&str>) -> String {
    let tag = configured.map(str::to_owned).unwrap_or_else(|| dom::inherited_lang(host));
    intl::canonical(&tag).unwrap_or_else(|| "en".to_owned())
}

/// Console warnings for every configuration issue (the view shows those it works around).
fn report(issues: &[ConfigIssue]) {
    for issue in issues {
        warn(&config_message(issue));
    }
}

/// The issues the widget works around, which it shows as notices.
fn notices(issues: &[ConfigIssue]) -> Vec<ConfigIssue> {
    issues.iter().filter(|i| !i.is_fatal()).cloned().collect()
}

/// The feed's absolute URL, or the issue that prevents fetching it.
fn feed_url(feed: &str) -> Result<String, ConfigIssue> {
    if feed.is_empty() {
        return Err(ConfigIssue::MissingFeed);
    }
    let invalid = || ConfigIssue::InvalidFeed { value: feed.to_owned() };
    let resolved = url::resolve(feed, &url::page_base()).ok_or_else(invalid)?;
    matches!(resolved.protocol().as_str(), "http:" | "https:").then(|| resolved.href()).ok_or_else(invalid)
}
