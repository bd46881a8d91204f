//! The widget's custom events: dispatched on the host element, bubbling and composed, so a
//! listener on `document` hears every widget.

use js_sys::{Object, Reflect};
use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, Element};

/// Dispatches `news-widget:<name>` with `detail` built from `fields`.
pub fn dispatch(host: &Element, name: &str, fields: &[(&str, JsValue)]) {
    let detail = Object::new();
    for (key, value) in fields {
        let _ = Reflect::set(&detail, &JsValue::from_str(key), value);
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&format!("news-widget:{name}"), &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// A prefixed console warning for the site owner.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(&format!("[news-widget] {message}")));
}
