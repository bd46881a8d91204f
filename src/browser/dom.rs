//! The host element and its surroundings: shadow root, styles, attribute observation, language.

use js_sys::Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CssStyleSheet, Element, MutationObserver, MutationObserverInit, ShadowRoot, ShadowRootInit, ShadowRootMode};

/// The widget's stylesheet, compiled in so that no extra request is made and no inline
/// `<style>` is needed (a strict `style-src` blocks those; adopted sheets are not affected).
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.css"));

thread_local! {
    /// One sheet object shared by every widget on the page.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().filter(|s| s.replace_sync(CSS).is_ok());
}

/// The host's open shadow root, new or (after an unmount) emptied, with the widget's styles.
pub fn shadow_root(host: &Element) -> Result<ShadowRoot, JsValue> {
    let root = match host.shadow_root() {
        Some(root) => {
            // Not innerHTML = "": that is a Trusted Types sink.
            while let Some(child) = root.first_child() {
                let _ = root.remove_child(&child);
            }
            root
        }
        None => host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))?,
    };
    SHEET.with(|sheet| match sheet {
        Some(sheet) => root.set_adopted_style_sheets(&Array::of1(sheet)),
        None => append_style_element(&root),
    });
    Ok(root)
}

/// For browsers without constructable stylesheets.
fn append_style_element(root: &ShadowRoot) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(style) = doc.create_element("style") {
        style.set_text_content(Some(CSS));
        let _ = root.append_child(&style);
    }
}

/// Calls `on_change` whenever one of the `data-*` attributes named in `names` changes on `el`.
/// The caller disconnects the returned observer when the widget goes away.
pub fn observe_attributes(el: &Element, names: &[&str], on_change: impl Fn() + 'static) -> Option<MutationObserver> {
    let callback = Closure::<dyn Fn()>::new(on_change).into_js_value();
    let observer = MutationObserver::new(callback.unchecked_ref()).ok()?;
    let filter: Array = names.iter().map(|n| JsValue::from_str(&format!("data-{n}"))).collect();
    let init = MutationObserverInit::new();
    init.set_attributes(true);
    init.set_attribute_filter(&filter);
    observer.observe_with_options(el, &init).ok()?;
    Some(observer)
}

/// The `lang` of the nearest ancestor that has one, else the browser's language.
pub fn inherited_lang(el: &Element) -> String {
    let from_page = el.closest("[lang]").ok().flatten().and_then(|e| e.get_attribute("lang"));
    from_page
        .filter(|l| !l.trim().is_empty())
        .or_else(|| web_sys::window().and_then(|w| w.navigator().language()))
        .unwrap_or_else(|| "en".to_owned())
}

/// Whether `el` has children of its own: elements, or text that is not only white space.
pub fn has_content(el: &Element) -> bool {
    el.child_element_count() > 0 || el.text_content().is_some_and(|t| !t.trim().is_empty())
}

/// A `<slot>` at the end of `root`, through which the host's fallback content shows (the
/// stylesheet decides when). Made here, not in the view, so that it is outside every render.
pub fn fallback_slot(root: &ShadowRoot) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(slot) = doc.create_element("slot") {
        let _ = root.append_child(&slot);
    }
}

/// Shows or hides an element with the `hidden` attribute.
pub fn set_hidden(el: &Element, hidden: bool) {
    let _ = if hidden { el.set_attribute("hidden", "") } else { el.remove_attribute("hidden") };
}

/// Replaces `el`'s children with `nodes()` unless they already show `key`: a view patched in
/// place calls this on every render, and the nodes are built only when the key changes.
pub fn fill_once(el: &Element, key: &str, nodes: impl FnOnce() -> Option<web_sys::DocumentFragment>) {
    if shows(el, key) {
        return;
    }
    el.set_text_content(None);
    let _ = el.remove_attribute("aria-busy");
    if let Some(fragment) = nodes() {
        let _ = el.append_child(&fragment);
    }
    mark(el, key);
}

/// [`fill_once`] with nodes that come later (from a part of the module still being fetched):
/// they are added only if `el` still shows `key` by then. Meanwhile `el` is `aria-busy`, so
/// assistive technologies (and tests) wait for it.
pub fn fill_later(
    el: &Element,
    key: &str,
    nodes: impl std::future::Future<Output = Option<web_sys::DocumentFragment>> + 'static,
) {
    if shows(el, key) {
        return;
    }
    el.set_text_content(None);
    let _ = el.set_attribute("aria-busy", "true");
    mark(el, key);
    let (el, key) = (el.clone(), key.to_owned());
    wasm_bindgen_futures::spawn_local(async move {
        let nodes = nodes.await;
        if shows(&el, &key) {
            if let Some(fragment) = nodes {
                let _ = el.append_child(&fragment);
            }
            let _ = el.remove_attribute("aria-busy");
        }
    });
}

const SHOWN: &str = "__newsWidgetKey";

fn shows(el: &Element, key: &str) -> bool {
    js_sys::Reflect::get(el, &SHOWN.into()).ok().and_then(|v| v.as_string()).as_deref() == Some(key)
}

fn mark(el: &Element, key: &str) {
    let _ = js_sys::Reflect::set(el, &SHOWN.into(), &key.into());
}
