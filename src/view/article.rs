//! The expanded article: image, standfirst, body, link to the source, close.

use crate::widget::state::WidgetState;
use leptos::prelude::*;
use news_widget_core::i18n::{label, Label};
use news_widget_core::text::paragraphs;
use news_widget_core::{Body, Item, Target};
use std::sync::Arc;

/// The article of an open teaser. It exists only while open.
#[component]
pub fn Article(
    /// The item shown.
    item: Arc<Item>,
    /// The widget's state.
    state: WidgetState,
) -> impl IntoView {
    let body_ref = NodeRef::<leptos::html::Div>::new();
    let (images, target) = state.config.with_untracked(|c| (c.images, c.target));
    let lang = state.ui_lang();
    let html_item = item.clone();
    // Sanitized HTML is built as nodes when the article opens, and only then.
    Effect::new(move |_| {
        if let (Some(div), Some(fragment)) = (body_ref.get(), state.body_nodes(&html_item)) {
            let _ = div.append_child(&fragment);
        }
    });
    let text = match &item.body {
        Some(Body::Text(t)) => paragraphs(t),
        _ => Vec::new(),
    };
    let image = item.image.clone().filter(|_| images).map(|src| {
        view! { class="nw",
            <img part="image" class="image" src=src alt="" loading="lazy" decoding="async"
                on:error=|ev| hide(ev.target()) />
        }
    });
    let source = item.link.clone().map(|href| {
        let new_tab = target == Target::NewTab;
        view! { class="nw",
            <a part="source-link" class="source" href=href target=target.as_str() rel=new_tab.then_some("noopener")>
                {label(lang, Label::ReadMore)}
                {new_tab.then(|| view! { class="nw", <span class="sr-only">{format!(" {}", label(lang, Label::NewTab))}</span> })}
            </a>
        }
    });
    let dom_id = item.dom_id();
    let close_id = item.dom_id();
    view! { class="nw",
        <article part="article" class="article" id=dom_id.clone() aria-labelledby=format!("{dom_id}-h")>
            {image}
            {item.standfirst.clone().map(|s| view! { class="nw", <p part="standfirst" class="standfirst">{s}</p> })}
            <div part="body" class="body" node_ref=body_ref>
                {text.into_iter().map(|p| view! { class="nw", <p>{p}</p> }).collect_view()}
            </div>
            {source}
            <button part="close" class="close" type="button" on:click=move |_| {
                state.close();
                state.focus_headline(&close_id);
            }>{label(lang, Label::Close)}</button>
        </article>
    }
}

/// A broken image disappears quietly.
fn hide(target: Option<web_sys::EventTarget>) {
    use wasm_bindgen::JsCast;
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
        crate::browser::dom::set_hidden(&el, true);
    }
}
