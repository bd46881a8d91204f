//! The widget: heading, notices, and the list or the state instead of it.

use super::teaser::Teaser;
use crate::widget::state::{Load, Phase, WidgetState};
use leptos::prelude::*;
use news_widget_core::i18n::{config_message, is_rtl, label, stale_note, Label};
use news_widget_core::Theme;

/// One widget, rendered inside its host's shadow root.
#[component]
pub fn NewsWidget(
    /// The widget's state.
    state: WidgetState,
) -> impl IntoView {
    let phase = Memo::new(move |_| state.phase().0);
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            if let Some(id) = state.close() {
                state.focus_headline(&id);
            }
        }
    };
    view! { class="nw",
        <div
            class=move || format!("root {}", theme_class(state))
            lang=move || state.lang.get()
            dir=move || if state.lang.with(|l| is_rtl(l)) { "rtl" } else { "ltr" }
            on:keydown=on_keydown
        >
            {move || state.title().map(|t| view! { class="nw", <h2 part="title" class="title">{t}</h2> })}
            {move || notices(state)}
            {move || (phase.get() == Phase::Loading).then(|| skeleton(state))}
            {move || message(state, phase.get())}
            {move || (phase.get() == Phase::Ready).then(|| view! { class="nw",
                {move || stale(state)}
                <ul part="list" class="list">
                    <For each=move || state.visible() key=|item| item.id.clone() let:item>
                        <Teaser item state/>
                    </For>
                </ul>
            })}
        </div>
    }
}

/// The error or empty sentence: one paragraph, whose part and role follow the phase.
fn message(state: WidgetState, phase: Phase) -> Option<impl IntoView> {
    let error = phase == Phase::Error;
    let text = match phase {
        Phase::Error => state.error_message()?,
        Phase::Empty => label(state.ui_lang(), Label::Empty).to_owned(),
        _ => return None,
    };
    Some(view! { class="nw",
        <p part=if error { "error" } else { "empty" } class=if error { "message error" } else { "message" } role=error.then_some("alert")>{text}</p>
    })
}

fn theme_class(state: WidgetState) -> &'static str {
    match state.config.with(|c| c.theme) {
        Theme::Light => "light",
        Theme::Dark => "dark",
        Theme::Auto => "auto",
    }
}

/// Attributes the widget works around, for the site owner to see while setting it up.
fn notices(state: WidgetState) -> impl IntoView {
    let notices = state.notices.get();
    (!notices.is_empty()).then(|| {
        view! { class="nw",
            <ul part="notice" class="notice">
                {notices.iter().map(|n| view! { class="nw", <li>{config_message(n)}</li> }).collect_view()}
            </ul>
        }
    })
}

/// A note over a kept copy shown because the feed cannot be fetched.
fn stale(state: WidgetState) -> Option<impl IntoView> {
    let Load::Ready { saved_at: Some(saved), .. } = state.load.get() else { return None };
    let age = state.clock.with(|c| c.as_ref().map(|c| c.relative(saved, state.now.get())))?;
    Some(view! { class="nw", <p part="stale" class="stale">{stale_note(state.ui_lang(), &age)}</p> })
}

/// Placeholder rows as tall as the list will be, so the host page does not jump.
fn skeleton(state: WidgetState) -> impl IntoView {
    let rows = state.config.with(|c| c.limit.min(8));
    view! { class="nw",
        <div part="loading" class="loading" aria-busy="true">
            <span class="sr-only">{label(state.ui_lang(), Label::Loading)}</span>
            {(0..rows).map(|_| view! { class="nw", <div class="bone" aria-hidden="true"></div> }).collect_view()}
        </div>
    }
}
