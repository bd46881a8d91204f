//! One teaser: section, time, headline; and the article when it is open.

use super::article::Article;
use crate::widget::state::WidgetState;
use leptos::prelude::*;
use news_widget_core::dates::to_iso;
use news_widget_core::model::Timestamp;
use news_widget_core::{Dates, Item, OpenMode};
use std::sync::Arc;

/// A teaser in the list.
#[component]
pub fn Teaser(
    /// The item shown.
    item: Arc<Item>,
    /// The widget's state.
    state: WidgetState,
) -> impl IntoView {
    let id = item.id.clone();
    let is_open = Memo::new(move |_| state.open.with(|o| o.as_deref() == Some(id.as_str())));
    let section = item.section.clone().map(|s| view! { class="nw", <span part="section" class="section">{s}</span> });
    let time = item.date.map(|d| time_view(state, d));
    let headline = {
        let item = item.clone();
        move || headline(state, item.clone(), is_open)
    };
    let article_item = item.clone();
    view! { class="nw",
        <li part="teaser" class="teaser" class:open=move || is_open.get()>
            <div class="meta">{section}{time}</div>
            {headline}
            <Show when=move || is_open.get()>
                <Article item=article_item.clone() state/>
            </Show>
        </li>
    }
}

/// A button that expands the article, or a link to it (`data-open="link"`).
fn headline(state: WidgetState, item: Arc<Item>, is_open: Memo<bool>) -> AnyView {
    let text = item.headline.clone();
    let (mode, target) = state.config.with(|c| (c.open, c.target));
    match (mode, item.link.clone()) {
        (OpenMode::Link, Some(href)) => {
            let rel = (target.as_str() == "_blank").then_some("noopener");
            view! { class="nw",
                <a part="headline" class="headline" href=href target=target.as_str() rel=rel on:click=move |_| state.followed(&item)>{text}</a>
            }
            .into_any()
        }
        (OpenMode::Link, None) => view! { class="nw", <span part="headline" class="headline">{text}</span> }.into_any(),
        (OpenMode::Inline, _) => {
            let dom_id = item.dom_id();
            view! { class="nw",
                <button
                    part="headline"
                    class="headline"
                    type="button"
                    id=format!("{dom_id}-h")
                    aria-expanded=move || if is_open.get() { "true" } else { "false" }
                    aria-controls=dom_id
                    on:click=move |_| state.toggle(&item)
                >{text}</button>
            }
            .into_any()
        }
    }
}

/// The item's time in words, rewritten as the page stays open, with the full date in `title`.
fn time_view(state: WidgetState, date: Timestamp) -> impl IntoView {
    let iso = to_iso(date).unwrap_or_default();
    move || {
        let mode = state.config.with(|c| c.dates);
        if mode == Dates::None {
            return None;
        }
        let (absolute, text) = state.clock.with(|clock| {
            let clock = clock.as_ref()?;
            let absolute = clock.absolute(date);
            let text = match mode {
                Dates::Relative => clock.relative(date, state.now.get()),
                _ => absolute.clone(),
            };
            Some((absolute, text))
        })?;
        Some(view! { class="nw", <time part="time" class="time" datetime=iso.clone() title=absolute>{text}</time> })
    }
}
