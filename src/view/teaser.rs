//! One teaser: picture, section, time, source, headline, summary; and the article when it
//! is open. `compact` has none of picture, section, source and summary (chosen in the state).

use super::article::article;
use super::widget::Frame;
use crate::widget::state::Teaser;
use leptos::either::Either;
use leptos::prelude::*;
use news_widget_core::dates::to_iso;
use news_widget_core::model::Timestamp;
use news_widget_core::{Dates, Item, Layout, OpenMode};
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// A teaser in the list.
pub fn teaser(frame: &Frame, teaser: &Teaser) -> impl IntoView {
    let item = &teaser.item;
    let open = frame.m.open.as_deref() == Some(item.id.as_str());
    let compact = frame.m.config.layout == Layout::Compact;
    let section =
        item.section.clone().filter(|_| !compact).map(|s| view! { class="nw", <span part="section" class="section">{s}</span> });
    let source = teaser.source.clone().map(|s| view! { class="nw", <span part="source" class="source-name">{s}</span> });
    let fresh = teaser.fresh.then(|| view! { class="nw", <span part="new" class="new">{frame.words.fresh}</span> });
    let summary = item
        .standfirst
        .clone()
        .filter(|_| frame.m.config.summary && !compact && !open)
        .map(|s| view! { class="nw", <p part="summary" class="summary">{s}</p> });
    let picture = teaser.thumbnail.clone().map(|src| {
        // The frame holds the box: WebKit sizes a broken `img` by its icon, whatever its CSS.
        view! { class="nw",
            <span class="frame"><img part="thumbnail" class="thumb" src=src alt="" loading="lazy" decoding="async"
                on:error=|ev| broken(ev.target(), true) on:load=|ev| broken(ev.target(), false) /></span>
        }
    });
    view! { class="nw",
        <li part="teaser" class="teaser" class:open=open class:pictured=teaser.thumbnail.is_some()>
            {picture}
            <div class="text">
                <div class="meta">{fresh}{section}{item.date.and_then(|d| time(frame, d))}{source}</div>
                {headline(frame, item, open)}
                {summary}
            </div>
            {open.then(|| article(frame, item))}
        </li>
    }
}

/// A picture that fails to load leaves its box empty (no broken-image icon, no jump); a
/// later picture at this position (teasers are patched by position) shows again.
fn broken(target: Option<web_sys::EventTarget>, failed: bool) {
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        let _ = if failed { el.set_attribute("data-broken", "") } else { el.remove_attribute("data-broken") };
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
