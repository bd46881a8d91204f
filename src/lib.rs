//! news-widget: a latest-news widget for any web page, in WebAssembly.
//!
//! The loader script (`loader/news-widget.js`) finds the places to mount, loads this module
//! once, and calls `mountPlacement` (a bundler calls [`mount`]). The core (feed model,
//! parsers, configuration, dates, the lifecycle's decisions) is the `news-widget-core` crate;
//! `browser` holds the thin adapters over browser APIs; `load` turns a feed URL into a feed;
//! `widget` one widget's state and controller (which carries out the lifecycle); `view` the
//! Leptos components.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod browser;
pub mod load;
pub mod parts;
pub mod view;
pub mod widget;

use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement};
use widget::config_source::ConfigSource;
use widget::controller::Mounted;

/// A mounted widget, as the loader holds it.
#[wasm_bindgen]
pub struct Widget {
    inner: Option<Mounted>,
}

#[wasm_bindgen]
impl Widget {
    /// Fetches the feed again; an open article stays open.
    pub fn refresh(&self) {
        if let Some(m) = &self.inner {
            m.refresh();
        }
    }

    /// Removes the widget and stops its timers, observers and requests.
    pub fn unmount(&mut self) {
        self.inner = None;
    }
}

/// Mounts a widget in `element` (in its shadow root), for bundler users: settings come from
/// `options` (named as the data attributes without `data-`), then from the element's own
/// `data-*` attributes, which are watched for changes.
#[wasm_bindgen]
pub fn mount(element: HtmlElement, options: JsValue) -> Result<Widget, JsValue> {
    let source = Some(element.clone().into());
    mount_placement(element, source, options, None)
}

/// The step before mounting in `host` (the loader's and the package's): `true` when the widget
/// needs later parts of the module (its language's words, the code its attributes ask for),
/// which are then fetched and `done` called once they came (or cannot come); `false` when the
/// widget can mount at once.
#[wasm_bindgen(js_name = partsFirst)]
pub fn parts_first(host: HtmlElement, source: Option<Element>, options: JsValue, done: js_sys::Function) -> bool {
    widget::controller::parts_first(&host, &ConfigSource { element: source, options }, done)
}

/// The loader's entry: mounts in `host`, reading settings from `options` then `source` (the
/// script tag or container). `link` is a link container's link, hidden once ready.
#[wasm_bindgen(js_name = mountPlacement)]
pub fn mount_placement(
    host: HtmlElement,
    source: Option<Element>,
    options: JsValue,
    link: Option<Element>,
) -> Result<Widget, JsValue> {
    let mounted = widget::controller::mount(host, ConfigSource { element: source, options }, link)?;
    Ok(Widget { inner: Some(mounted) })
}
