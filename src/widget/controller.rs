//! Mounting one widget: its shadow root, state, and everything it starts (the fetch, timers,
//! the attribute observer), all stopped when it is unmounted.

use super::config_source::ConfigSource;
use super::state::{Load, Phase, WidgetState};
use crate::browser::{dom, events::warn, intl, storage, timers, url};
use crate::load::{self, load_feed};
use crate::view::widget::NewsWidget;
use leptos::prelude::*;
use leptos::task::spawn_local;
use news_widget_core::config::ATTRIBUTES;
use news_widget_core::i18n::{config_message, error_message};
use news_widget_core::model::Timestamp;
use news_widget_core::{ConfigIssue, Feed, FeedError};
use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, MutationObserver};

/// How often relative times are rewritten ("il y a 3 minutes" becomes "il y a 4 minutes").
const TICK: Duration = Duration::from_secs(30);

/// A mounted widget. Dropping it unmounts the view and stops everything it started.
pub struct Mounted {
    _view: Box<dyn std::any::Any>,
    observer: Option<MutationObserver>,
    reload: RwSignal<u32>,
}

impl Mounted {
    /// Fetches the feed again; the open article stays open.
    pub fn refresh(&self) {
        self.reload.try_update(|n| *n = n.wrapping_add(1));
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
    }
}

/// Mounts a widget in `host`'s shadow root. `link` is the fallback link of a link container.
pub fn mount(host: HtmlElement, source: ConfigSource, link: Option<Element>) -> Result<Mounted, JsValue> {
    let root = dom::shadow_root(&host)?;
    let source = Rc::new(source);
    let (config, issues) = source.read();
    let lang = resolve_lang(&host, config.lang.as_deref());
    // A link container's host is hidden while loading; its link is what the reader sees.
    let watched: Element = link.clone().unwrap_or_else(|| host.clone().into());
    let host_el: Element = host.clone().into();
    // Every signal is created under the view's owner, so unmounting disposes of them all.
    let handles = Rc::new(Cell::new(None));
    let out = handles.clone();
    let view = leptos::mount::mount_to(root.unchecked_into(), move || {
        let state = WidgetState::new(host_el, config, lang);
        let reload = RwSignal::new(0_u32);
        out.set(Some((state, reload)));
        report(&state, &issues);
        let target = Memo::new(move |_| state.config.with(|c| feed_url(&c.feed)));
        let near = wait_for_viewport(state, &watched, target);
        start_loading(state, reload, near, target);
        reflect_phase(state, link);
        start_timers(state, reload);
        view! { <NewsWidget state/> }
    });
    let (state, reload) = handles.get().ok_or("news-widget: the view did not mount")?;
    let src = source.clone();
    let host_el: Element = host.into();
    let on_change = move || {
        let (config, issues) = src.read();
        if state.config.try_get_untracked().is_none() {
            return;
        }
        let lang = resolve_lang(&host_el, config.lang.as_deref());
        if state.lang.get_untracked() != lang {
            state.clock.set(intl::Clock::new(&lang).map(Rc::new));
            state.lang.set(lang);
        }
        state.config.set(config);
        report(&state, &issues);
    };
    let observer = source.element.as_ref().and_then(|el| dom::observe_attributes(el, &ATTRIBUTES, on_change));
    Ok(Mounted { _view: Box::new(view), observer, reload })
}

/// `data-lang`, else the nearest `lang`, else the browser's; canonical, or English.
fn resolve_lang(host: &Element, configured: Option<&str>) -> String {
    let tag = configured.map(str::to_owned).unwrap_or_else(|| dom::inherited_lang(host));
    intl::canonical(&tag).unwrap_or_else(|| "en".to_owned())
}

/// Console warnings for every issue; notices in the widget for those it works around.
fn report(state: &WidgetState, issues: &[ConfigIssue]) {
    for issue in issues {
        warn(&config_message(issue));
    }
    state.notices.set(issues.iter().filter(|i| !i.is_fatal()).cloned().collect());
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

/// Whether the widget may load: at once with `data-lazy="false"`, else once it nears the
/// viewport (a widget far below the fold fetches nothing until the reader scrolls to it),
/// or as soon as its feed is loading or loaded for another widget: then it costs no request.
fn wait_for_viewport(state: WidgetState, watched: &Element, target: Memo<Result<String, ConfigIssue>>) -> RwSignal<bool> {
    let near = RwSignal::new(!state.config.with_untracked(|c| c.lazy));
    if !near.get_untracked() {
        timers::when_near_viewport(watched, move || near.set(true));
    }
    Effect::new(move |_| {
        if near.get_untracked() {
            return;
        }
        load::track_loads();
        let shared = target.with(|t| t.as_ref().is_ok_and(|url| load::known(url)));
        if !state.config.with(|c| c.lazy) || shared {
            near.set(true);
        }
    });
    near
}

/// Fetches whenever the feed URL changes or a refresh is asked for, once the widget is near
/// the viewport. A new feed shows its saved copy (if any) at once while it is fetched.
fn start_loading(state: WidgetState, reload: RwSignal<u32>, near: RwSignal<bool>, target: Memo<Result<String, ConfigIssue>>) {
    let generation = StoredValue::new(0_u64);
    // When the data shown was fetched: the age a stale note gives.
    let shown_at = StoredValue::new(None::<Timestamp>);
    Effect::new(move |previous: Option<Result<String, ConfigIssue>>| {
        reload.track();
        let target = target.get();
        if !near.get() {
            return target;
        }
        generation.update_value(|g| *g += 1);
        let url = match &target {
            Err(issue) => {
                finish(state, Err((FeedError::Config(issue.clone()), None)));
                return target;
            }
            Ok(url) => url.clone(),
        };
        // A first load may take what another widget just loaded; a refresh always fetches.
        let first = previous.as_ref() != Some(&target) || !matches!(state.load.get_untracked(), Load::Ready { .. });
        if first {
            show_saved_copy(state, &url, shown_at);
        }
        let cross_origin = url::resolve(&url, &url).is_some_and(|u| u.origin() != url::page_origin());
        state.feed_url.set(url.clone());
        let this_generation = generation.get_value();
        spawn_local(async move {
            let result = load_feed(&url, cross_origin, first).await;
            if generation.try_get_value() != Some(this_generation) {
                return;
            }
            if result.is_ok() {
                shown_at.set_value(Some(intl::now()));
            }
            finish(state, result.map_err(|e| (e, shown_at.get_value())));
        });
        // Queued after the load, so the formatters are made while the request is in flight.
        spawn_local(async move { state.ensure_clock() });
        target
    });
}

/// Shows the kept copy of `url`, or the loading state when there is none.
fn show_saved_copy(state: WidgetState, url: &str, shown_at: StoredValue<Option<Timestamp>>) {
    match storage::load(url) {
        Some((feed, saved_at)) => {
            state.ensure_clock();
            shown_at.set_value(Some(saved_at));
            state.load.set(Load::Ready { feed: Arc::new(feed), saved_at: None });
            announce_ready(state);
        }
        None => {
            shown_at.set_value(None);
            state.load.set(Load::Loading);
        }
    }
}

fn announce_ready(state: WidgetState) {
    let count = state.visible().len();
    state.emit("ready", &[("count", JsValue::from(count as u32))]);
}

/// Applies a load's result and tells the page. A failure while news is shown keeps it, with
/// a note saying how old it is: the reader never loses the list.
fn finish(state: WidgetState, result: Result<Arc<Feed>, (FeedError, Option<Timestamp>)>) {
    match result {
        Ok(feed) => {
            state.load.set(Load::Ready { feed, saved_at: None });
            announce_ready(state);
        }
        Err((e, Some(fetched_at))) if matches!(state.load.get_untracked(), Load::Ready { .. }) => {
            let message = error_message(state.ui_lang(), &e, &state.feed_host());
            warn(&message);
            state.load.update(|l| {
                if let Load::Ready { saved_at, .. } = l {
                    *saved_at = Some(fetched_at);
                }
            });
            // The page still hears of the failure; data-state stays "ready".
            state.emit("error", &[("message", JsValue::from_str(&message))]);
        }
        Err((e, _)) => {
            let message = error_message(state.ui_lang(), &e, &state.feed_host());
            warn(&message);
            state.load.set(Load::Failed(e));
            state.emit("error", &[("message", JsValue::from_str(&message))]);
        }
    }
}

/// Keeps the host's `data-state` (and a link container's link) in step with loading.
fn reflect_phase(state: WidgetState, link: Option<Element>) {
    let link = StoredValue::new_local(link);
    Effect::new(move |_| {
        let (phase, _) = state.phase();
        let Some(host) = state.host.try_get_value() else { return };
        let _ = host.set_attribute("data-state", phase.as_str());
        if let Some(link) = link.get_value() {
            let shown = matches!(phase, Phase::Ready | Phase::Empty);
            dom::set_hidden(&link, shown);
            dom::set_hidden(&host, phase == Phase::Loading);
        }
    });
}

/// The clock that rewrites relative times, and `data-refresh`; both rest while the page is
/// hidden and catch up when it is shown again.
fn start_timers(state: WidgetState, reload: RwSignal<u32>) {
    timers::every(TICK, move || state.now.set(intl::now()));
    Effect::new(move |_| {
        let seconds = state.config.with(|c| c.refresh);
        if seconds > 0 {
            timers::every(Duration::from_secs(u64::from(seconds)), move || reload.update(|n| *n = n.wrapping_add(1)));
        }
    });
}
