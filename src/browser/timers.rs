//! Timers, the page's visibility, the wait for the viewport, and yielding to the page: the
//! browser's clocks, each stopped when dropped. What they start is the lifecycle's decision.

use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

/// Whether the page is hidden (a background tab, a minimised window).
pub fn page_hidden() -> bool {
    web_sys::window().and_then(|w| w.document()).is_some_and(|d| d.hidden())
}

/// A repeating timer; dropping it stops it.
pub struct Timer(IntervalHandle);

impl Drop for Timer {
    fn drop(&mut self) {
        self.0.clear();
    }
}

/// Calls `f` every `period` (whether the page is visible is the lifecycle's business).
pub fn every(period: Duration, f: impl Fn() + 'static) -> Option<Timer> {
    set_interval_with_handle(f, period).ok().map(Timer)
}

/// A `visibilitychange` listener; dropping it removes it.
pub struct Visibility {
    document: web_sys::Document,
    listener: JsValue,
}

impl Drop for Visibility {
    fn drop(&mut self) {
        let _ = self.document.remove_event_listener_with_callback("visibilitychange", self.listener.unchecked_ref());
    }
}

/// Calls `f(hidden)` whenever the page is hidden or shown again.
pub fn on_visibility(f: impl Fn(bool) + 'static) -> Option<Visibility> {
    let document = web_sys::window()?.document()?;
    let listener = Closure::<dyn Fn()>::new(move || f(page_hidden())).into_js_value();
    document.add_event_listener_with_callback("visibilitychange", listener.unchecked_ref()).ok()?;
    Some(Visibility { document, listener })
}

/// Calls `f` once, when `el` comes within two viewport heights of the viewport (at once when
/// it already is, or when `IntersectionObserver` is missing). The caller disconnects the
/// observer it returns when it no longer waits.
pub fn when_near_viewport(el: &Element, f: impl FnOnce() + 'static) -> Option<IntersectionObserver> {
    let pending = Rc::new(Cell::new(Some(f)));
    let run = {
        let pending = pending.clone();
        move || {
            if let Some(f) = pending.take() {
                f();
            }
        }
    };
    let callback = Closure::<dyn Fn(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            let near = entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
            if near {
                observer.disconnect();
                run();
            }
        },
    )
    .into_js_value();
    let init = IntersectionObserverInit::new();
    init.set_root_margin("200% 0px 200% 0px");
    match IntersectionObserver::new_with_options(callback.unchecked_ref(), &init) {
        Ok(observer) => {
            observer.observe(el);
            Some(observer)
        }
        Err(_) => {
            if let Some(f) = pending.take() {
                f();
            }
            None
        }
    }
}

/// Resolves after `period`.
pub fn sleep(period: Duration) -> wasm_bindgen_futures::JsFuture {
    let ms = i32::try_from(period.as_millis()).unwrap_or(i32::MAX);
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    }))
}

/// Resolves when the browser is idle (`requestIdleCallback`, at most a second later), or after
/// a quarter of a second where it has none (WebKit).
pub async fn idle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let Some(window) = web_sys::window() else { return };
        let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback")).ok();
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(1000));
        let asked = idle
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .is_some_and(|f| f.call2(&window, &resolve, &options).is_ok());
        if !asked {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 250);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the page run (input, rendering) before the caller goes on: `scheduler.yield()` where
/// the browser has it (no delay), else a zero-delay timeout (which browsers clamp to 4 ms).
pub async fn yield_now() {
    let promise = scheduler_yield().unwrap_or_else(|| {
        js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.set_timeout_with_callback(&resolve);
            }
        })
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn scheduler_yield() -> Option<js_sys::Promise> {
    let scheduler = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("scheduler")).ok()?;
    let method = js_sys::Reflect::get(&scheduler, &JsValue::from_str("yield")).ok()?;
    let method: &js_sys::Function = method.dyn_ref()?;
    method.call0(&scheduler).ok()?.dyn_into().ok()
}
