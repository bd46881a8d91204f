//! A widget's lifecycle as a pure state machine: given where a widget stands and what just
//! happened, what it shows and what it starts. The browser side (`src/widget/controller.rs`,
//! whose header holds the transition table) only carries the actions out and reports events
//! back, so every decision is unit-tested here, natively, without a browser.

/// Where a widget stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Nothing fetched yet: far below the fold, or its feed not yet usable.
    Waiting,
    /// A load is under way and nothing is shown yet (the placeholder).
    Loading,
    /// News is shown: fetched, or a saved copy (possibly with a note of its age).
    Showing,
    /// Nothing to show: an error sentence.
    Failed,
    /// Unmounted: every later event is ignored.
    Gone,
}

/// How a load begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    /// Nothing of this feed is shown: show its saved copy at once (else the placeholder), and
    /// take the feed another widget of the page loaded seconds ago instead of fetching it again.
    First,
    /// News is shown: fetch again, and keep what is shown meanwhile.
    Refresh,
}

/// A widget's repeating jobs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Job {
    /// Relative times are rewritten ("il y a 3 minutes" becomes "il y a 4 minutes").
    Clock,
    /// `data-refresh`: the feed is fetched again.
    Refresh,
}

/// Identifies one load: only the answer to the latest load is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoadId(u64);

/// What the configuration says, as far as the lifecycle cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The feed URL is usable; otherwise the widget shows the configuration error.
    pub feed_ok: bool,
    /// The feed URL (or its being unusable) differs from before; always true when mounting.
    pub feed_changed: bool,
    /// `data-lazy`: wait until the reader nears the widget.
    pub lazy: bool,
    /// `data-refresh`: seconds between refreshes, 0 never.
    pub refresh: u32,
}

/// What happens to a widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    Mounted(Settings),
    /// An attribute (or option) changed.
    Reconfigured(Settings),
    /// The widget came within two viewport heights of the viewport.
    NearViewport,
    /// The page loads, or just loaded, this widget's feed for another widget: joining costs
    /// no request, so a waiting widget loads at once.
    FeedKnown,
    /// A [`Start::First`] load began; `saved_copy` tells whether a kept copy is now shown.
    LoadStarted {
        saved_copy: bool,
    },
    LoadEnded {
        load: LoadId,
        ok: bool,
    },
    /// One feed of several answered while the others are still on their way; `ok`: it brought
    /// a feed.
    PartAnswered {
        load: LoadId,
        ok: bool,
    },
    /// A repeating job came due.
    Due(Job),
    /// `NewsWidget.refresh()`.
    RefreshRequested,
    PageHidden,
    PageShown,
    Unmounted,
}

/// What the browser side does in answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    WatchViewport,
    StopWatchingViewport,
    /// (Re)starts the clock, and the refresh every `refresh` seconds (none for 0).
    StartTimers {
        refresh: u32,
    },
    StopTimers,
    /// Starts a load; a [`Start::First`] one reports [`Event::LoadStarted`] at once.
    Load {
        load: LoadId,
        start: Start,
    },
    /// The loading placeholder, for a widget waiting for a new feed.
    ShowPlaceholder,
    /// The load's feed replaces what is shown; the page hears `ready`.
    ShowFeed,
    /// With nothing shown yet, the feeds that answered show (and the page hears `ready`) while
    /// the others are still on their way: one slow feed does not hold the list back.
    ShowPart,
    /// The load failed while news is shown: it stays, with a note of its age; the page hears
    /// `error` and `data-state` stays `ready`.
    KeepStale,
    /// The load failed with nothing shown: the error sentence; the page hears `error`.
    ShowError,
    /// The feed URL is unusable: its sentence, and the page hears `error`; nothing is fetched.
    ShowConfigError,
    /// Rewrites the relative times.
    UpdateTimes,
}

/// Jobs that came due while the page was hidden, run once when it is shown again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Missed {
    clock: bool,
    refresh: bool,
}

/// One widget's lifecycle.
#[derive(Debug, Clone)]
pub struct Lifecycle {
    stage: Stage,
    /// Near the viewport (or told not to wait): loads may start.
    near: bool,
    feed_ok: bool,
    /// The latest load issued; an older one's answer is dropped.
    latest: u64,
    refresh: u32,
    hidden: bool,
    missed: Missed,
}

impl Default for Lifecycle {
    fn default() -> Self {
        Lifecycle::new()
    }
}

impl Lifecycle {
    pub fn new() -> Self {
        Lifecycle {
            stage: Stage::Waiting,
            near: false,
            feed_ok: false,
            latest: 0,
            refresh: 0,
            hidden: false,
            missed: Missed::default(),
        }
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// Whether loads may start (the widget is near the viewport, or does not wait for it).
    pub fn is_near(&self) -> bool {
        self.near
    }

    /// Decides what `event` changes and returns what to do, in order.
    pub fn on(&mut self, event: Event) -> Vec<Action> {
        let mut out = Vec::new();
        if self.stage != Stage::Gone {
            self.decide(event, &mut out);
        }
        out
    }

    /// `on`, writing into one list: each step adds its actions where they belong in order.
    fn decide(&mut self, event: Event, out: &mut Vec<Action>) {
        match event {
            Event::Mounted(settings) => {
                self.refresh = settings.refresh;
                out.push(Action::StartTimers { refresh: settings.refresh });
                if settings.lazy {
                    out.push(Action::WatchViewport);
                }
                self.configure(settings, out);
            }
            Event::Reconfigured(settings) => {
                if settings.refresh != self.refresh {
                    self.refresh = settings.refresh;
                    out.push(Action::StartTimers { refresh: settings.refresh });
                }
                self.configure(settings, out);
            }
            Event::NearViewport | Event::FeedKnown => self.come_near(out),
            Event::LoadStarted { saved_copy } => {
                self.stage = if saved_copy { Stage::Showing } else { Stage::Loading };
            }
            Event::LoadEnded { load, ok } => self.load_ended(load, ok, out),
            Event::PartAnswered { load, ok: true } if load == LoadId(self.latest) && self.stage == Stage::Loading => {
                self.stage = Stage::Showing;
                out.push(Action::ShowPart);
            }
            Event::PartAnswered { .. } => {}
            Event::Due(Job::Clock) if self.hidden => self.missed.clock = true,
            Event::Due(Job::Refresh) if self.hidden => self.missed.refresh = true,
            Event::Due(Job::Clock) => out.push(Action::UpdateTimes),
            Event::Due(Job::Refresh) => self.refresh_now(out),
            Event::RefreshRequested if !self.near => self.come_near(out),
            Event::RefreshRequested if !self.feed_ok => out.push(Action::ShowConfigError),
            Event::RefreshRequested => self.refresh_now(out),
            Event::PageHidden => self.hidden = true,
            Event::PageShown => {
                self.hidden = false;
                let missed = std::mem::take(&mut self.missed);
                if missed.clock {
                    out.push(Action::UpdateTimes);
                }
                if missed.refresh {
                    self.refresh_now(out);
                }
            }
            Event::Unmounted => {
                self.stage = Stage::Gone;
                out.extend([Action::StopTimers, Action::StopWatchingViewport]);
            }
        }
    }

    fn configure(&mut self, settings: Settings, out: &mut Vec<Action>) {
        self.feed_ok = settings.feed_ok;
        if !settings.feed_ok {
            // Any load under way is for a feed the widget no longer shows.
            self.latest += 1;
            self.stage = Stage::Failed;
            out.push(Action::ShowConfigError);
        } else if !self.near && !settings.lazy {
            self.come_near(out);
        } else if settings.feed_changed && self.near {
            self.load(Start::First, out);
        } else if settings.feed_changed {
            self.latest += 1;
            self.stage = Stage::Waiting;
            out.push(Action::ShowPlaceholder);
        }
    }

    fn come_near(&mut self, out: &mut Vec<Action>) {
        if self.near {
            return;
        }
        self.near = true;
        out.push(Action::StopWatchingViewport);
        if self.feed_ok {
            self.load(Start::First, out);
        }
    }

    /// A refresh: fetched again, keeping what is shown; a widget that shows nothing starts afresh.
    fn refresh_now(&mut self, out: &mut Vec<Action>) {
        if self.near && self.feed_ok {
            let start = if self.stage == Stage::Showing { Start::Refresh } else { Start::First };
            self.load(start, out);
        }
    }

    fn load(&mut self, start: Start, out: &mut Vec<Action>) {
        self.latest += 1;
        if start == Start::First {
            self.stage = Stage::Loading;
        }
        out.push(Action::Load { load: LoadId(self.latest), start });
    }

    fn load_ended(&mut self, load: LoadId, ok: bool, out: &mut Vec<Action>) {
        if load != LoadId(self.latest) {
            return;
        }
        out.push(match (ok, self.stage) {
            (true, _) => {
                self.stage = Stage::Showing;
                Action::ShowFeed
            }
            (false, Stage::Showing) => Action::KeepStale,
            (false, _) => {
                self.stage = Stage::Failed;
                Action::ShowError
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::Action::*;
    use super::*;

    const LAZY: Settings = Settings { feed_ok: true, feed_changed: true, lazy: true, refresh: 0 };
    const EAGER: Settings = Settings { lazy: false, ..LAZY };

    /// A mounted, near widget whose first load is under way; returns that load's id.
    fn loading(settings: Settings) -> (Lifecycle, LoadId) {
        let mut life = Lifecycle::new();
        let actions = life.on(Event::Mounted(Settings { lazy: false, ..settings }));
        let Some(&Load { load, start: Start::First }) = actions.last() else { panic!("no first load in {actions:?}") };
        life.on(Event::LoadStarted { saved_copy: false });
        (life, load)
    }

    fn showing() -> (Lifecycle, LoadId) {
        let (mut life, load) = loading(EAGER);
        assert_eq!(life.on(Event::LoadEnded { load, ok: true }), vec![ShowFeed]);
        (life, load)
    }

    fn started(actions: &[Action]) -> Option<(LoadId, Start)> {
        actions.iter().find_map(|a| match a {
            Load { load, start } => Some((*load, *start)),
            _ => None,
        })
    }

    #[test]
    fn the_first_of_several_feeds_to_answer_shows_when_nothing_is_shown() {
        let (mut life, load) = loading(EAGER);
        assert_eq!(life.on(Event::PartAnswered { load, ok: false }), vec![], "a failure waits for the others");
        assert_eq!(life.on(Event::PartAnswered { load, ok: true }), vec![ShowPart]);
        assert_eq!(life.stage(), Stage::Showing);
        assert_eq!(life.on(Event::PartAnswered { load, ok: true }), vec![], "shown already: the rest waits for the end");
        assert_eq!(life.on(Event::LoadEnded { load, ok: true }), vec![ShowFeed]);
        let (mut life, load) = showing();
        let refresh = started(&life.on(Event::RefreshRequested)).map(|(l, _)| l);
        assert_ne!(refresh, Some(load));
        assert_eq!(life.on(Event::PartAnswered { load, ok: true }), vec![], "an old load's part is dropped");
    }

    #[test]
    fn a_lazy_widget_waits_for_the_viewport_then_loads_once() {
        let mut life = Lifecycle::new();
        assert_eq!(life.on(Event::Mounted(LAZY)), vec![StartTimers { refresh: 0 }, WatchViewport, ShowPlaceholder]);
        assert_eq!(life.stage(), Stage::Waiting);
        let actions = life.on(Event::NearViewport);
        assert_eq!(actions.first(), Some(&StopWatchingViewport));
        assert_eq!(started(&actions).map(|(_, s)| s), Some(Start::First));
        assert_eq!(life.on(Event::NearViewport), vec![], "nearing again starts nothing");
        assert_eq!(life.on(Event::FeedKnown), vec![]);
    }

    #[test]
    fn an_eager_widget_loads_at_once() {
        let mut life = Lifecycle::new();
        let actions = life.on(Event::Mounted(EAGER));
        assert_eq!(actions.first(), Some(&StartTimers { refresh: 0 }));
        assert!(!actions.contains(&WatchViewport));
        assert_eq!(started(&actions).map(|(_, s)| s), Some(Start::First));
    }

    #[test]
    fn a_waiting_widget_joins_a_feed_the_page_already_loads() {
        let mut life = Lifecycle::new();
        life.on(Event::Mounted(LAZY));
        assert!(started(&life.on(Event::FeedKnown)).is_some());
        assert!(life.is_near());
    }

    #[test]
    fn a_saved_copy_shows_at_once_and_a_failure_keeps_it_with_a_note() {
        let (mut life, load) = loading(EAGER);
        life.on(Event::LoadStarted { saved_copy: true });
        assert_eq!(life.stage(), Stage::Showing);
        assert_eq!(life.on(Event::LoadEnded { load, ok: false }), vec![KeepStale]);
        assert_eq!(life.stage(), Stage::Showing, "data-state stays ready");
    }

    #[test]
    fn a_failure_with_nothing_shown_is_an_error() {
        let (mut life, load) = loading(EAGER);
        assert_eq!(life.on(Event::LoadEnded { load, ok: false }), vec![ShowError]);
        assert_eq!(life.stage(), Stage::Failed);
    }

    #[test]
    fn a_refresh_that_fails_while_news_is_shown_keeps_it() {
        let (mut life, _) = showing();
        let (load, start) = started(&life.on(Event::RefreshRequested)).expect("a refresh loads");
        assert_eq!(start, Start::Refresh, "what is shown stays while the feed is fetched again");
        assert_eq!(life.on(Event::LoadEnded { load, ok: false }), vec![KeepStale]);
        let (load, _) = started(&life.on(Event::Due(Job::Refresh))).expect("the next refresh loads");
        assert_eq!(life.on(Event::LoadEnded { load, ok: true }), vec![ShowFeed], "and a success replaces the stale copy");
    }

    #[test]
    fn a_refresh_after_an_error_starts_afresh() {
        let (mut life, load) = loading(EAGER);
        life.on(Event::LoadEnded { load, ok: false });
        assert_eq!(started(&life.on(Event::RefreshRequested)).map(|(_, s)| s), Some(Start::First));
    }

    #[test]
    fn only_the_latest_load_is_shown() {
        let (mut life, old) = loading(EAGER);
        let new = started(&life.on(Event::Reconfigured(EAGER))).expect("a new feed loads").0;
        assert_eq!(life.on(Event::LoadEnded { load: old, ok: true }), vec![], "the old feed's answer is dropped");
        assert_eq!(life.on(Event::LoadEnded { load: new, ok: true }), vec![ShowFeed]);
    }

    #[test]
    fn an_unchanged_feed_is_not_loaded_again() {
        let (mut life, _) = showing();
        assert_eq!(life.on(Event::Reconfigured(Settings { feed_changed: false, ..EAGER })), vec![]);
    }

    #[test]
    fn a_new_refresh_period_restarts_the_timers() {
        let (mut life, _) = showing();
        let actions = life.on(Event::Reconfigured(Settings { feed_changed: false, refresh: 120, ..EAGER }));
        assert_eq!(actions, vec![StartTimers { refresh: 120 }]);
    }

    #[test]
    fn an_unusable_feed_is_an_error_at_once_even_far_below_the_fold() {
        let mut life = Lifecycle::new();
        let actions = life.on(Event::Mounted(Settings { feed_ok: false, ..LAZY }));
        assert_eq!(actions, vec![StartTimers { refresh: 0 }, WatchViewport, ShowConfigError]);
        assert_eq!(life.stage(), Stage::Failed);
        assert_eq!(life.on(Event::NearViewport), vec![StopWatchingViewport], "nothing to fetch");
        assert_eq!(life.on(Event::RefreshRequested), vec![ShowConfigError], "a refresh settles with the error");
        let fixed = life.on(Event::Reconfigured(LAZY));
        assert_eq!(started(&fixed).map(|(_, s)| s), Some(Start::First), "a usable feed then loads");
    }

    #[test]
    fn a_feed_becoming_unusable_drops_the_load_under_way() {
        let (mut life, load) = loading(EAGER);
        assert_eq!(life.on(Event::Reconfigured(Settings { feed_ok: false, ..EAGER })), vec![ShowConfigError]);
        assert_eq!(life.on(Event::LoadEnded { load, ok: true }), vec![]);
    }

    #[test]
    fn a_new_feed_of_a_waiting_widget_shows_the_placeholder_and_keeps_waiting() {
        let mut life = Lifecycle::new();
        life.on(Event::Mounted(Settings { feed_ok: false, ..LAZY }));
        assert_eq!(life.on(Event::Reconfigured(LAZY)), vec![ShowPlaceholder]);
        assert_eq!(life.stage(), Stage::Waiting);
        assert_eq!(
            life.on(Event::Reconfigured(Settings { lazy: false, ..LAZY })).first(),
            Some(&StopWatchingViewport),
            "data-lazy=false loads at once"
        );
    }

    #[test]
    fn jobs_rest_while_the_page_is_hidden_and_run_once_when_it_is_shown() {
        let (mut life, _) = showing();
        assert_eq!(life.on(Event::Due(Job::Clock)), vec![UpdateTimes]);
        life.on(Event::PageHidden);
        assert_eq!(life.on(Event::Due(Job::Clock)), vec![]);
        assert_eq!(life.on(Event::Due(Job::Refresh)), vec![]);
        assert_eq!(life.on(Event::Due(Job::Refresh)), vec![]);
        let shown = life.on(Event::PageShown);
        assert_eq!(shown.first(), Some(&UpdateTimes));
        assert_eq!(shown.iter().filter(|a| matches!(a, Load { .. })).count(), 1, "missed refreshes happen once");
        assert_eq!(life.on(Event::PageShown), vec![], "and only once");
    }

    #[test]
    fn an_explicit_refresh_loads_a_waiting_widget_now() {
        let mut life = Lifecycle::new();
        life.on(Event::Mounted(LAZY));
        assert!(started(&life.on(Event::RefreshRequested)).is_some());
    }

    #[test]
    fn an_unmounted_widget_stops_everything_and_hears_nothing_more() {
        let (mut life, load) = loading(EAGER);
        assert_eq!(life.on(Event::Unmounted), vec![StopTimers, StopWatchingViewport]);
        assert_eq!(life.on(Event::LoadEnded { load, ok: true }), vec![]);
        assert_eq!(life.on(Event::Due(Job::Clock)), vec![]);
        assert_eq!(life.stage(), Stage::Gone);
    }
}
