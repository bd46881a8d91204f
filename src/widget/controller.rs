//! One mounted widget: its shadow root, its state, and everything it starts (loads, timers,
//! the attribute, viewport and visibility listeners), all stopped when it is unmounted.
//!
//! The decisions are the core's ([`news_widget_core::lifecycle`], tested natively): this file
//! turns browser happenings into [`Event`]s and carries out the [`Action`]s that come back.
//!
//! | event ↓ · stage →     | Waiting                        | Loading                  | Showing                             | Failed                   |
//! | --------------------- | ------------------------------ | ------------------------ | ----------------------------------- | ------------------------ |
//! | mounted               | timers; lazy: watch viewport, placeholder; eager: load (first) | | |                      |
//! | attributes changed    | new feed: placeholder; eager: load (first) | new feed: load (first) | new feed: load (first); same feed: nothing | new feed: load (first) |
//! | …unusable feed        | config error                   | config error, answer dropped | config error                    | config error             |
//! | …new data-refresh     | restart timers                 | restart timers           | restart timers                      | restart timers           |
//! | near the viewport     | stop watching; load (first)    | –                        | –                                   | –                        |
//! | feed known to page    | stop watching; load (first)    | –                        | –                                   | –                        |
//! | load started (first)  | –                              | saved copy → Showing     | –                                   | –                        |
//! | load ended, ok        | –                              | show feed, `ready` → Showing | show feed, `ready`              | –                        |
//! | load ended, failed    | –                              | error, `error` → Failed  | keep it, stale note, `error`        | –                        |
//! | one of several feeds answered | –                      | what came, `ready` → Showing | –                               | –                        |
//! | clock tick            | rewrite times                  | rewrite times            | rewrite times                       | rewrite times            |
//! | refresh tick / API    | API: load (first)              | load (first)             | load (refresh: keep what is shown)  | load (first)             |
//! | page hidden           | jobs rest, remembered as missed | ″                       | ″                                   | ″                        |
//! | page shown            | missed jobs run once           | ″                        | ″                                   | ″                        |
//! | unmounted             | stop timers and watching → Gone | ″                       | ″                                   | ″                        |
//!
//! An answer to any load but the latest is dropped. "Load (first)" shows the feed's saved
//! copy at once (else the placeholder) and may take what another widget loaded seconds ago.

use super::config_source::ConfigSource;
use super::optional::Needs;
use super::state::{FeedUrl, Load, Phase, Shown, WidgetState};
use super::words;
use crate::browser::timers::{self, Timer, Visibility};
use crate::browser::{dom, events::warn, intl, storage, url};
use crate::load::{self, load_feed, Relay};
use crate::view::draw::{draw, Drawn};
use crate::view::widget::news_widget;
use news_widget_core::config::attribute_names;
use news_widget_core::i18n::{config_message, Lang};
use news_widget_core::lifecycle::{Action, Event, Job, Lifecycle, LoadId, Settings, Start};
use news_widget_core::model::Timestamp;
use news_widget_core::{Config, ConfigIssue, Feed, FeedError};
use std::cell::RefCell;
use std::future::Future;
use std::rc::{Rc, Weak};
use std::sync::Arc;
use std::task::Poll;
use std::time::Duration;
use wasm_bindgen_futures::spawn_local;

/// A feed's load as it ends.
type Outcome = Result<Arc<Feed>, FeedError>;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, IntersectionObserver, MutationObserver};

/// How often relative times are rewritten ("il y a 3 minutes" becomes "il y a 4 minutes").
const TICK: Duration = Duration::from_secs(30);

/// How long the other feeds of a widget get once one has answered, before what has come shows.
const PART_GRACE: Duration = Duration::from_secs(1);

/// A mounted widget. Dropping it unmounts the view and stops everything it started.
pub struct Mounted {
    observer: Option<MutationObserver>,
    controller: Rc<Controller>,
    _view: Drawn,
}

impl Mounted {
    /// Fetches the feed again; the open article stays open.
    pub fn refresh(&self) {
        self.controller.handle(Event::RefreshRequested);
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(o) = &self.observer {
            o.disconnect();
        }
        self.controller.handle(Event::Unmounted);
    }
}

/// The repeating jobs of one widget: held only so that dropping them stops them.
#[derive(Default)]
struct Timers {
    _clock: Option<Timer>,
    _refresh: Option<Timer>,
}

/// One widget's moving parts.
struct Controller {
    me: Weak<Controller>,
    state: WidgetState,
    life: RefCell<Lifecycle>,
    /// The element whose nearness to the viewport starts loading: a link container's link,
    /// else the host.
    watched: Element,
    /// A link container's link, hidden once the widget shows news.
    link: Option<Element>,
    viewport: RefCell<Option<IntersectionObserver>>,
    timers: RefCell<Timers>,
    _visibility: Option<Visibility>,
    /// Configuration issues already on the console: each is said once.
    reported: RefCell<Vec<ConfigIssue>>,
}

/// Mounts a widget in `host`'s shadow root. `link` is the fallback link of a link container.
pub fn mount(host: HtmlElement, source: ConfigSource, link: Option<Element>) -> Result<Mounted, JsValue> {
    crate::browser::html::use_browser_parser();
    let root = dom::shadow_root(&host)?;
    let (config, issues) = source.read();
    let config = with_link_defaults(config, link.as_ref());
    let lang = resolve_lang(&host, config.lang.as_deref());
    let watched: Element = link.clone().unwrap_or_else(|| host.clone().into());
    let host_el: Element = host.clone().into();
    // A container's or element's own children are its fallback content; a host the loader
    // placed after a script or a link has none.
    let fallback = source.element.as_ref() == Some(&host_el) && dom::has_content(&host_el);
    let feed = feed_urls(&config.feed);
    let settings = Settings { feed_ok: feed.is_ok(), feed_changed: true, lazy: config.lazy, refresh: config.refresh };
    let notices = notices(&issues);
    let state = WidgetState::new(host_el, config, lang, fallback);
    let controller = Rc::new_cyclic(|me: &Weak<Controller>| {
        let on_visibility = me.clone();
        Controller {
            me: me.clone(),
            state,
            life: RefCell::new(Lifecycle::new()),
            watched,
            link,
            viewport: RefCell::new(None),
            timers: RefCell::new(Timers::default()),
            _visibility: timers::on_visibility(move |hidden| {
                if let Some(c) = on_visibility.upgrade() {
                    c.handle(if hidden { Event::PageHidden } else { Event::PageShown });
                }
            }),
            reported: RefCell::new(Vec::new()),
        }
    });
    let view = draw(root.unchecked_ref(), state, move || news_widget(state));
    controller.join_known_loads();
    if fallback {
        dom::fallback_slot(&root);
    }
    if timers::page_hidden() {
        controller.handle(Event::PageHidden);
    }
    controller.report(&issues);
    controller.fetch_parts();
    controller.state.change(|m| {
        m.feeds = feed;
        m.notices = notices;
    });
    controller.handle(Event::Mounted(settings));
    let weak = Rc::downgrade(&controller);
    let element = source.element.clone();
    let on_change = move || {
        if let Some(controller) = weak.upgrade() {
            let (config, issues) = source.read();
            controller.reconfigure(with_link_defaults(config, controller.link.as_ref()), &issues);
        }
    };
    let observer = element.and_then(|el| dom::observe_attributes(&el, &attribute_names(), on_change));
    Ok(Mounted { observer, controller, _view: view })
}

impl Controller {
    /// Hands `event` to the lifecycle and carries out what it decides.
    fn handle(&self, event: Event) {
        let actions = self.life.borrow_mut().on(event);
        for action in actions {
            self.run(action);
        }
    }

    fn run(&self, action: Action) {
        match action {
            Action::WatchViewport => self.watch_viewport(),
            Action::StopWatchingViewport => {
                if let Some(o) = self.viewport.take() {
                    o.disconnect();
                }
            }
            Action::StartTimers { refresh } => self.start_timers(refresh),
            Action::StopTimers => *self.timers.borrow_mut() = Timers::default(),
            Action::Load { load, start } => self.load(load, start),
            Action::ShowPlaceholder => self.show(Load::Loading),
            Action::ShowConfigError => {
                let Some(Err(issue)) = self.state.peek(|m| m.feeds.clone()) else { return };
                self.show(Load::Failed(FeedError::Config(issue.clone())));
                // Already on the console (see `report`): the page hears it as an event only.
                self.announce_error(&FeedError::Config(issue), false, None);
            }
            Action::UpdateTimes => self.state.change(|m| m.now = intl::now()),
            // The outcome of a load is carried out where the load ends, with its result.
            Action::ShowFeed | Action::ShowPart | Action::KeepStale | Action::ShowError => {}
        }
    }

    /// A changed attribute: applied at once; a new feed URL is loaded.
    fn reconfigure(&self, config: Config, issues: &[ConfigIssue]) {
        self.report(issues);
        let Some(host) = self.state.peek(|m| m.host.clone()) else { return };
        let lang = resolve_lang(&host, config.lang.as_deref());
        let feed = feed_urls(&config.feed);
        let feed_changed = self.state.peek(|m| m.feeds != feed).unwrap_or(true);
        let settings = Settings { feed_ok: feed.is_ok(), feed_changed, lazy: config.lazy, refresh: config.refresh };
        self.state.set_config(config, notices(issues), lang, feed);
        self.fetch_parts();
        self.handle(Event::Reconfigured(settings));
        self.join_if_known();
        self.reflect_phase();
    }

    /// The parts of the module the widget's language and attributes ask for, when the loader did
    /// not prepare them (an attribute just set, a widget mounted without the loader): fetched,
    /// and the widget drawn again (its teasers chosen again, for their pictures) when they come.
    fn fetch_parts(&self) {
        let Some((lang, needs)) = self.state.peek(|m| (Lang::from_tag(&m.lang), Needs::of(&m.config))) else { return };
        if !words::ready(lang) || !needs.ready() {
            let state = self.state;
            spawn_local(async move {
                let words = words::fetch(lang).await;
                let code = needs.fetch().await;
                if words.is_ok() || code.is_ok() {
                    state.choose_again();
                }
            });
        }
    }

    fn watch_viewport(&self) {
        let me = self.me.clone();
        let observer = timers::when_near_viewport(&self.watched, move || {
            if let Some(controller) = me.upgrade() {
                controller.handle(Event::NearViewport);
            }
        });
        *self.viewport.borrow_mut() = observer;
        self.join_if_known();
    }

    /// A widget waiting for the viewport loads at once when the page loads (or just loaded)
    /// its feed for another widget: then it costs no request.
    fn join_known_loads(&self) {
        let me = self.me.clone();
        load::watch_loads(move || me.upgrade().map(|controller| controller.join_if_known()).is_some());
    }

    fn join_if_known(&self) {
        if self.life.borrow().is_near() {
            return;
        }
        let known = self.state.peek(|m| m.feeds.as_ref().is_ok_and(|urls| urls.iter().all(|u| load::known(u.as_str()))));
        let known = known.unwrap_or(false);
        if known {
            self.handle(Event::FeedKnown);
        }
    }

    /// Starts load `id`: every feed at once. A first load shows the feeds' saved copies at
    /// once, or the placeholder.
    fn load(&self, id: LoadId, start: Start) {
        let Some(Ok(urls)) = self.state.peek(|m| m.feeds.clone()) else { return };
        if start == Start::First {
            let saved = self.show_saved_copies(&urls);
            self.handle(Event::LoadStarted { saved_copy: saved });
        }
        let relay =
            self.state.peek(|m| m.config.proxy.clone().map(|template| Relay { template, mode: m.config.proxy_mode })).flatten();
        let page = url::page_origin();
        let loads: Vec<_> = urls
            .iter()
            .map(|u| {
                let cross_origin = url::resolve(u.as_str(), u.as_str()).is_some_and(|x| x.origin() != page);
                load_feed(u.as_str(), cross_origin, relay.clone(), start)
            })
            .collect();
        let me = self.me.clone();
        let state = self.state;
        spawn_local(async move {
            // The answers as they come. With several feeds, once one has brought news the
            // others get `PART_GRACE` to answer; then what has come shows, and what comes later
            // waits behind the updates button like a refresh's news.
            let mut pending: Vec<_> = loads.into_iter().map(Some).collect();
            let mut results: Vec<(FeedUrl, Option<Outcome>)> = urls.into_iter().map(|u| (u, None)).collect();
            let mut grace: Option<wasm_bindgen_futures::JsFuture> = None;
            let mut part_shown = false;
            loop {
                let answered = std::future::poll_fn(|cx| {
                    for (n, slot) in pending.iter_mut().enumerate() {
                        if let Some(Poll::Ready(outcome)) = slot.as_mut().map(|f| std::pin::Pin::new(f).poll(cx)) {
                            *slot = None;
                            return Poll::Ready(Some((n, outcome)));
                        }
                    }
                    match grace.as_mut().map(|g| std::pin::Pin::new(g).poll(cx)) {
                        Some(Poll::Ready(_)) => Poll::Ready(None),
                        _ => Poll::Pending,
                    }
                })
                .await;
                let Some(controller) = me.upgrade() else { return };
                let Some((n, outcome)) = answered else {
                    grace = None;
                    part_shown = controller.part_answered(id, &results);
                    continue;
                };
                if let Some((_, slot)) = results.get_mut(n) {
                    *slot = Some(outcome);
                }
                if pending.iter().all(Option::is_none) {
                    let done: Vec<(FeedUrl, Outcome)> = results.into_iter().filter_map(|(u, r)| Some((u, r?))).collect();
                    controller.load_ended(id, start, part_shown, &done);
                    return;
                }
                if grace.is_none() && !part_shown && results.iter().any(|(_, r)| matches!(r, Some(Ok(_)))) {
                    grace = Some(timers::sleep(PART_GRACE));
                }
            }
        });
        // Queued after the load, so the formatters are made while the request is in flight.
        spawn_local(async move { state.ensure_clock() });
    }

    /// Shows the kept copies of `urls`; `false` (and the placeholder) when there is none. The
    /// reader's previous visit to each feed is noted here, for `new`.
    fn show_saved_copies(&self, urls: &[FeedUrl]) -> bool {
        let mut feeds = Vec::new();
        let mut oldest = Timestamp::MAX;
        for url in urls {
            if let Some((feed, saved_at)) = storage::load(url.as_str()) {
                feeds.push(Shown { url: url.clone(), feed: Arc::new(feed) });
                oldest = oldest.min(saved_at);
            }
        }
        let visits = urls.iter().filter_map(|u| storage::previous_visit(u.as_str()).map(|at| (u.0.clone(), at))).collect();
        self.state.change(|m| m.visits = visits);
        if feeds.is_empty() {
            self.show(Load::Loading);
            return false;
        }
        self.state.ensure_clock();
        self.show(Load::Ready { feeds, fetched_at: oldest, stale: false });
        self.announce_ready();
        true
    }

    /// Applies the end of load `id` as the lifecycle decides. A failure while news is shown
    /// keeps it, with a note of its age: the reader never loses the list. With several feeds,
    /// the load succeeds when one answers; a feed that fails shows its saved copy, if any, and
    /// the page hears of it with the feed's URL.
    fn load_ended(&self, id: LoadId, start: Start, part_shown: bool, results: &[(FeedUrl, Outcome)]) {
        let ok = results.iter().any(|(_, r)| r.is_ok());
        let actions = self.life.borrow_mut().on(Event::LoadEnded { load: id, ok });
        let several = results.len() > 1;
        // An answer to a load that is no longer the latest is dropped, errors and all.
        let applied = actions.iter().any(|a| matches!(a, Action::ShowFeed | Action::KeepStale | Action::ShowError));
        for action in actions {
            match action {
                Action::ShowFeed => {
                    let feeds = results
                        .iter()
                        .filter_map(|(url, result)| match result {
                            Ok(feed) => Some(Shown { url: url.clone(), feed: feed.clone() }),
                            Err(_) => saved_copy(url),
                        })
                        .collect();
                    let load = Load::Ready { feeds, fetched_at: intl::now(), stale: false };
                    let focused = self.state.focused_headline();
                    if start == Start::Refresh || part_shown {
                        // New stories wait behind the updates button.
                        self.state.offer(load);
                        self.reflect_phase();
                    } else {
                        self.show(load);
                    }
                    self.announce_ready();
                    if let Some(id) = focused {
                        // Teasers are patched by position: new items above move the focused
                        // headline's item down, so focus follows the item, not the element.
                        self.state.refocus_after_render(id);
                    }
                }
                Action::KeepStale => self.state.change(|m| {
                    if let Load::Ready { stale, .. } = &mut m.load {
                        *stale = true;
                    }
                }),
                Action::ShowError => {
                    if let Some((_, Err(e))) = results.first() {
                        self.show(Load::Failed(e.clone()));
                    }
                }
                other => self.run(other),
            }
        }
        for (url, result) in results.iter().filter(|_| applied) {
            if let Err(e) = result {
                self.announce_error(e, true, Some(url).filter(|_| several));
            }
        }
    }

    /// Several feeds, and the others' grace is over: with nothing shown yet, what has come
    /// shows (with the saved copies of the feeds still on their way), as the lifecycle decides.
    /// Whether it did.
    fn part_answered(&self, id: LoadId, results: &[(FeedUrl, Option<Outcome>)]) -> bool {
        let ok = results.iter().any(|(_, r)| matches!(r, Some(Ok(_))));
        let actions = self.life.borrow_mut().on(Event::PartAnswered { load: id, ok });
        if !actions.contains(&Action::ShowPart) {
            return false;
        }
        let feeds = results
            .iter()
            .filter_map(|(url, result)| match result {
                Some(Ok(feed)) => Some(Shown { url: url.clone(), feed: feed.clone() }),
                None => saved_copy(url),
                Some(Err(_)) => None,
            })
            .collect();
        self.show(Load::Ready { feeds, fetched_at: intl::now(), stale: false });
        self.announce_ready();
        true
    }

    /// Shows `load` and keeps the host's `data-state` in step.
    fn show(&self, load: Load) {
        self.state.set_load(load);
        self.reflect_phase();
    }

    fn announce_ready(&self) {
        // (The count is what is on screen; stories behind the updates button are not shown.)
        let count = self.state.peek(|m| m.visible.len()).unwrap_or(0);
        self.state.emit("ready", &[("count", JsValue::from(count as u32))]);
        crate::parts::prefetch();
    }

    /// Tells the page (and, with `console`, the site owner) why a load failed; `feed`: which
    /// of several feeds.
    fn announce_error(&self, e: &FeedError, console: bool, feed: Option<&FeedUrl>) {
        let first = self.state.peek(|m| m.feeds.as_ref().ok().and_then(|f| f.first().cloned())).flatten();
        let named = feed.or(first.as_ref()).map_or("", FeedUrl::as_str);
        let Some(message) = self.state.peek(|m| m.sentence_for(e, named)) else { return };
        if console {
            warn(&message);
        }
        let mut fields = vec![("message", JsValue::from_str(&message))];
        if let Some(url) = feed {
            fields.push(("feed", JsValue::from_str(url.as_str())));
        }
        self.state.emit("error", &fields);
    }

    /// Keeps the host's `data-state` (and a link container's link) in step with loading.
    fn reflect_phase(&self) {
        let Some((phase, host, layout)) = self.state.peek(|m| (m.phase(), m.host.clone(), m.config.layout)) else { return };
        let _ = host.set_attribute("data-state", phase.as_str());
        // Only when it differs: the host may be the element whose attributes are watched.
        if host.get_attribute("data-layout").as_deref() != Some(layout.as_str()) {
            let _ = host.set_attribute("data-layout", layout.as_str());
        }
        if let Some(link) = &self.link {
            dom::set_hidden(link, matches!(phase, Phase::Ready | Phase::Empty));
            dom::set_hidden(&host, phase == Phase::Loading);
        }
    }

    /// The clock that rewrites relative times, and `data-refresh` (none for 0).
    fn start_timers(&self, refresh: u32) {
        let me = self.me.clone();
        let due = move |job| {
            let me = me.clone();
            move || {
                if let Some(controller) = me.upgrade() {
                    controller.handle(Event::Due(job));
                }
            }
        };
        let clock = timers::every(TICK, due(Job::Clock));
        let refresh = (refresh > 0).then(|| timers::every(Duration::from_secs(u64::from(refresh)), due(Job::Refresh)));
        *self.timers.borrow_mut() = Timers { _clock: clock, _refresh: refresh.flatten() };
    }

    /// Says each configuration issue on the console once, however often the widget reads it.
    fn report(&self, issues: &[ConfigIssue]) {
        let mut reported = self.reported.borrow_mut();
        for issue in issues {
            if !reported.contains(issue) {
                warn(&config_message(issue));
                reported.push(issue.clone());
            }
        }
    }
}

/// Whether a widget mounted in `host` from `source` should wait for parts of the module: its
/// language's words, the code its attributes ask for (`widget::optional`). Then they are
/// fetched and `done` called once they came or cannot come. The loader asks before it mounts
/// (having requested those parts with the module), so no reader sees another language first, a
/// teaser without its picture, or a link without its parameters.
pub fn parts_first(host: &Element, source: &ConfigSource, done: js_sys::Function) -> bool {
    let (config, _) = source.read();
    let lang = Lang::from_tag(&resolve_lang(host, config.lang.as_deref()));
    let needs = Needs::of(&config);
    if words::ready(lang) && needs.ready() {
        return false;
    }
    // Leptos's executor starts with the first mount, which has not happened yet.
    wasm_bindgen_futures::spawn_local(async move {
        let _ = words::fetch(lang).await;
        let _ = needs.fetch().await;
        let _ = done.call0(&JsValue::UNDEFINED);
    });
    true
}

/// `data-lang`, else the nearest `lang`, else the browser's; canonical, or English.
fn resolve_lang(host: &Element, configured: Option<&str>) -> String {
    let tag = configured.map(str::to_owned).unwrap_or_else(|| dom::inherited_lang(host));
    intl::canonical(&tag).unwrap_or_else(|| "en".to_owned())
}

/// The issues the widget works around, which it shows as notices.
fn notices(issues: &[ConfigIssue]) -> Vec<ConfigIssue> {
    issues.iter().filter(|i| !i.is_fatal()).cloned().collect()
}

/// A feed's kept copy, shown in place of an answer that failed or has not come yet.
fn saved_copy(url: &FeedUrl) -> Option<Shown> {
    storage::load(url.as_str()).map(|(feed, _)| Shown { url: url.clone(), feed: Arc::new(feed) })
}

/// The feeds' absolute URLs (`data-feed` holds one or several, separated by white space), or
/// the issue that prevents fetching them. A URL written twice is fetched once.
fn feed_urls(feeds: &str) -> Result<Vec<FeedUrl>, ConfigIssue> {
    let mut urls: Vec<FeedUrl> = Vec::new();
    for feed in feeds.split_whitespace() {
        let invalid = || ConfigIssue::InvalidFeed { value: feed.to_owned() };
        let resolved = url::resolve(feed, &url::page_base()).ok_or_else(invalid)?;
        if !matches!(resolved.protocol().as_str(), "http:" | "https:") {
            return Err(invalid());
        }
        let url = FeedUrl(resolved.href());
        if !urls.contains(&url) {
            urls.push(url);
        }
    }
    if urls.is_empty() {
        return Err(ConfigIssue::MissingFeed);
    }
    Ok(urls)
}

/// A link container's own `href` is its `data-all` unless one is set.
fn with_link_defaults(mut config: Config, link: Option<&Element>) -> Config {
    if config.all.is_none() {
        config.all = link.and_then(|l| l.get_attribute("href")).filter(|h| !h.trim().is_empty());
    }
    config
}
