//! One teaser: section, time, headline; and the article when it is open.

use super::article::article;
use super::widget::Frame;
use leptos::either::Either;
use leptos::prelude::*;
use news_widget_core::dates::to_iso;
use news_widget_core::model::Timestamp;
use news_widget_core::{Dates, Item, OpenMode};
use std::sync::Arc;

/// A teaser in the list.
pub fn teaser(frame: &Frame, item: &Arc<Item>) -> impl IntoView {
    let open = frame.m.open.as_deref() == Some(item.id.as_str());
    let section = item.section.clone().map(|s| view! { class="nw", <span part="section" class="section">{s}</span> });
    view! { class="nw",
        <li part="teaser" class="teaser" class:open=open>
            <div class="meta">{section}{item.date.and_then(|d| time(frame, d))}</div>
            {headline(frame, item, open)}
            {open.then(|| article(frame, item))}
        </li>
    }
}

/// A button that expands the article, or a link to it (`data-open="link"`; an item without
/// a link then shows its headline as text: an `a` without `href` is no link).
fn headline(frame: &Frame, item: &Arc<Item>, open: bool) -> impl IntoView {
    let state = frame.state;
    let text = item.headline.clone();
    let target = frame.m.config.target;
    let item = item.clone();
    if frame.m.config.open == OpenMode::Link {
        let href = frame.article_link(&item);
        let target = href.as_ref().map(|_| target.as_str());
        let rel = (target == Some("_blank")).then_some("noopener");
        return Either::Left(view! { class="nw",
            <a part="headline" class="headline" href=href target=target rel=rel on:click=move |_| if item.link.is_some() { state.followed(&item) }>{text}</a>
        });
    }
    let dom_id = item.dom_id();
    Either::Right(view! { class="nw",
        <button
            part="headline"
            class="headline"
            type="button"
            id=format!("{dom_id}-h")
            aria-expanded=if open { "true" } else { "false" }
            aria-controls=dom_id.clone()
            on:click=move |_| {
                state.toggle(&item);
                // Safari on macOS does not focus a button on click: without this, Escape would go
                // to the page's body and the open article could not be closed from the keyboard.
                state.focus_headline(&dom_id);
            }
        >{text}</button>
    })
}

/// The item's time in words, rewritten as the page stays open, with the full date in `title`.
fn time(frame: &Frame, date: Timestamp) -> Option<impl IntoView> {
    let mode = frame.m.config.dates;
    let clock = frame.m.clock.as_ref().filter(|_| mode != Dates::None)?;
    let absolute = clock.absolute(date);
    let text = match mode {
        Dates::Relative => clock.relative(date, frame.m.now),
        _ => absolute.clone(),
    };
    let iso = to_iso(date).unwrap_or_default();
    Some(view! { class="nw", <time part="time" class="time" datetime=iso title=absolute>{text}</time> })
}
