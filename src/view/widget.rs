//! The widget: heading, notices, and the list or the state instead of it.
//!
//! The whole view is one render: the model is read once into a [`Frame`], and the view below
//! it is a plain, statically typed tree that Leptos patches in place when the model changes
//! (`view::draw`). One render instead of a reactive node per attribute and per teaser is most
//! of what keeps the module small (measured in BENCHMARKS.md); a tick, a click or a refresh
//! still only touches the text and attributes that changed.

use super::teaser::teaser;
use crate::widget::state::{Fallback, Load, Model, Phase, WidgetState};
use leptos::prelude::*;
use news_widget_core::i18n::{config_message, is_rtl, stale_note, updates, Sentences};
use news_widget_core::{Layout, Theme};

/// Everything one render reads.
pub struct Frame {
    pub state: WidgetState,
    pub m: Model,
    /// The widget's own sentences, in its language.
    pub words: &'static Sentences,
}

impl Frame {
    /// The item's link as readers follow it: with `data-link-params`, when set (and its part
    /// has come: `widget::optional`).
    pub fn article_link(&self, item: &news_widget_core::Item) -> Option<String> {
        let link = item.link.as_deref()?;
        Some(match (&self.m.config.link_params, crate::widget::optional::with_params()) {
            (Some(params), Some(with_params)) => with_params(link, params),
            _ => link.to_owned(),
        })
    }
}

/// One widget, as its model is now: what `view::draw` draws inside its host's shadow root,
/// and draws again after each change. `None` once unmounted.
pub fn news_widget(state: WidgetState) -> Option<impl IntoView> {
    let m = state.model()?;
    let frame = Frame { state, words: m.words(), m };
    let m = &frame.m;
    let phase = m.phase();
    // The fallback content (the host's children) shows through the slot that follows this
    // root (`dom::fallback_slot`) when the class says so, in CSS: a `<slot>` in this view
    // would cost the module its own render code.
    let fallback = m.fallback_shown();
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            if let Some(id) = state.close() {
                state.focus_headline(&id);
            }
        }
    };
    Some(view! { class="nw",
        <div class=root_class(m.config.theme, fallback) lang=m.lang.clone() dir=if is_rtl(&m.lang) { "rtl" } else { "ltr" } on:keydown=on_keydown>
            {m.title().filter(|_| fallback != Fallback::Alone).map(|t| view! { class="nw", <h2 part="title" class="title">{t}</h2> })}
            {notices(&frame)}
            {(phase == Phase::Loading && fallback == Fallback::Hidden).then(|| skeleton(&frame))}
            {message(&frame, phase)}
            {(phase == Phase::Ready).then(|| list(&frame))}
        </div>
    })
}

/// The teasers, under a note when they are a kept copy and the updates button, over the
/// `more` button and the link to every story.
fn list(frame: &Frame) -> impl IntoView {
    let class = match frame.m.config.layout {
        Layout::List => "list",
        Layout::Cards => "list cards",
        Layout::Compact => "list compact",
    };
    view! { class="nw",
        {stale(frame)}
        <div class="updates-bar" aria-live="polite">{updates_button(frame)}</div>
        <ul part="list" class=class>
            {frame.m.visible.iter().map(|t| teaser(frame, t)).collect_view()}
        </ul>
        {footer(frame)}
    }
}

/// "3 nouveaux articles", while a refresh's stories wait.
fn updates_button(frame: &Frame) -> Option<impl IntoView> {
    let count = frame.m.pending.as_ref()?.count;
    let text = match &frame.m.config.labels.updates {
        Some(label) => label.replace("{n}", &count.to_string()),
        None => updates(frame.words, &crate::browser::intl::plural(&frame.m.lang, count), count),
    };
    Some(action(frame, "updates", text, WidgetState::show_updates))
}

/// A button of the list's own (`updates`, `more`), its class its part: one element type for
/// both, so one copy of its render code in the module.
fn action(frame: &Frame, part: &'static str, text: String, act: fn(&WidgetState)) -> impl IntoView {
    let state = frame.state;
    view! { class="nw", <button part=part class=part type="button" on:click=move |_| act(&state)>{text}</button> }
}

/// `more` while teasers remain, and `all`, the link to the publisher's news page.
fn footer(frame: &Frame) -> Option<impl IntoView> {
    let m = &frame.m;
    let words = frame.words;
    let more = (m.config.more && m.more_left)
        .then(|| action(frame, "more", m.label(&m.config.labels.more, words.more), WidgetState::show_more));
    let all =
        m.config.all.as_deref().and_then(|a| crate::browser::url::safe_link(a, &crate::browser::url::page_base())).map(|href| {
            view! { class="nw", <a part="all" class="all" href=href>{m.label(&m.config.labels.all, words.all)}</a> }
        });
    (more.is_some() || all.is_some()).then(|| view! { class="nw", <div class="foot">{more}{all}</div> })
}

/// The error or empty sentence: one paragraph, whose part and role follow the phase.
fn message(frame: &Frame, phase: Phase) -> Option<impl IntoView> {
    let error = phase == Phase::Error;
    let text = match phase {
        Phase::Error => frame.m.error_message()?,
        Phase::Empty => frame.m.label(&frame.m.config.labels.empty, frame.words.empty),
        _ => return None,
    };
    Some(view! { class="nw",
        <p part=if error { "error" } else { "empty" } class=if error { "message error" } else { "message" } role=error.then_some("alert")>{text}</p>
    })
}

/// The root's classes: the theme, and how the fallback content shows (widget.css): alone and
/// unframed (`bare`), so that the site's list looks as the site styled it and one of the list's
/// height does not jump when replaced; or below the error sentence.
fn root_class(theme: Theme, fallback: Fallback) -> &'static str {
    match (theme, fallback) {
        (_, Fallback::Alone) => "root bare fallback",
        (Theme::Light, Fallback::Below) => "root light fallback",
        (Theme::Dark, Fallback::Below) => "root dark fallback",
        (Theme::Auto, Fallback::Below) => "root auto fallback",
        (Theme::Light, Fallback::Hidden) => "root light",
        (Theme::Dark, Fallback::Hidden) => "root dark",
        (Theme::Auto, Fallback::Hidden) => "root auto",
    }
}

/// Attributes the widget works around, for the site owner to see while setting it up.
fn notices(frame: &Frame) -> Option<impl IntoView> {
    let notices = &frame.m.notices;
    if frame.m.fallback_shown() == Fallback::Alone {
        return None;
    }
    let text = notices.iter().map(config_message).collect::<Vec<_>>().join(" ");
    (!notices.is_empty()).then(|| view! { class="nw", <p part="notice" class="notice">{text}</p> })
}

/// A note over a kept copy shown because the feed cannot be fetched.
fn stale(frame: &Frame) -> Option<impl IntoView> {
    let Load::Ready { fetched_at, stale: true, .. } = frame.m.load else { return None };
    let age = frame.m.clock.as_ref()?.relative(fetched_at, frame.m.now);
    Some(view! { class="nw", <p part="stale" class="stale">{stale_note(frame.words, &age)}</p> })
}

/// Placeholder rows as tall as the list will be, so the host page does not jump.
fn skeleton(frame: &Frame) -> impl IntoView {
    let c = &frame.m.config;
    let rows = c.limit.min(8).to_string();
    // The feed's title is still unknown (no `data-title`): its line is reserved as well. The
    // layout and the parts a teaser will have set the rows' shape (widget.css).
    let mut class = String::from("loading");
    for (on, name) in [
        (c.title.is_none(), " titled"),
        (c.layout == Layout::Cards, " cards"),
        (c.layout == Layout::Compact, " compact"),
        (c.thumbnails && c.layout != Layout::Compact, " has-pictures"),
        (c.summary && c.layout != Layout::Compact, " has-summary"),
    ] {
        if on {
            class.push_str(name);
        }
    }
    view! { class="nw",
        <div part="loading" class=class aria-busy="true">
            <span class="sr-only">{frame.words.loading}</span>
            <div class="bone" aria-hidden="true" style:--rows=rows></div>
        </div>
    }
}
