//! The expanded article: image, standfirst, body, link to the source, close.

use super::widget::Frame;
use crate::widget::state::WidgetState;
use leptos::prelude::*;
use news_widget_core::{Item, Target};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The article of an open teaser. It exists only while open.
pub fn article(frame: &Frame, item: &Arc<Item>) -> impl IntoView {
    let state = frame.state;
    let words = frame.words;
    let target = frame.m.config.target;
    let image = item.image.clone().filter(|_| frame.m.config.images).map(|src| {
        view! { class="nw",
            <img part="image" class="image" src=src alt="" loading="lazy" decoding="async"
                on:error=|ev| hide(ev.target()) />
        }
    });
    let source = frame.article_link(item).map(|href| {
        let new_tab = target == Target::NewTab;
        view! { class="nw",
            <a part="source-link" class="source" href=href target=target.as_str() rel=new_tab.then_some("noopener")>
                {frame.m.label(&frame.m.config.labels.read_more, words.read_more)}
                {new_tab.then(|| view! { class="nw", <span class="sr-only">{format!(" {}", words.new_tab)}</span> })}
            </a>
        }
    });
    let dom_id = item.dom_id();
    let close_id = dom_id.clone();
    let close = frame.m.label(&frame.m.config.labels.close, words.close);
    view! { class="nw",
        <article part="article" class="article" id=dom_id.clone() aria-labelledby=format!("{dom_id}-h")>
            {image}
            {item.standfirst.clone().map(|s| view! { class="nw", <p part="standfirst" class="standfirst">{s}</p> })}
            <div part="body" class="body" use:body=(state, item.clone())></div>
            {source}
            <button part="close" class="close" type="button" on:click=move |_| {
                state.close();
                state.focus_headline(&close_id);
            }>{close}</button>
        </article>
    }
}

/// Fills the body with the item's nodes when the article opens or shows another item.
fn body(el: Element, (state, item): (WidgetState, Arc<Item>)) {
    state.fill_body(&el, &item);
}

/// A broken image disappears quietly.
fn hide(target: Option<web_sys::EventTarget>) {
    if let Some(el) = target.and_then(|t| t.dyn_into::<Element>().ok()) {
        crate::browser::dom::set_hidden(&el, true);
    }
}
