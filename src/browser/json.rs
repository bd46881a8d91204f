//! JSON through the browser's own `JSON.parse`: fast, and no parser in the module.

use js_sys::{Array, JsString, Reflect, JSON};
use news_widget_core::json::{repair_json, JsonValue};
use news_widget_core::FeedError;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsValue;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` of a string that stays in JavaScript (js-sys's takes a `&str`, a copy).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_string(text: &JsString) -> Result<JsValue, JsValue>;
}

/// A value `JSON.parse` made, read by the core's JSON Feed mapper.
#[derive(Clone)]
pub struct Js(JsValue);

/// Parses JSON text, once more after mending (see `repair_json`) if it fails; JSON that
/// still does not parse (truncated, a Ruby hash) is `Malformed`.
pub fn parse(text: &str) -> Result<Js, FeedError> {
    JSON::parse(text)
        .or_else(|e| JSON::parse(&repair_json(text).ok_or(e)?))
        .map(Js)
        .map_err(|_| FeedError::Malformed { format: "JSON" })
}

/// [`parse`] of a body that is still a JavaScript string: a feed of megabytes is not copied
/// into the module and back. Only a body that needs mending is read into Rust.
pub fn parse_js(text: &JsString) -> Result<Js, FeedError> {
    match parse_string(text) {
        Ok(v) => Ok(Js(v)),
        Err(_) => parse(&String::from(text)),
    }
}

impl JsonValue for Js {
    fn get(&self, key: &str) -> Option<Self> {
        if !self.0.is_object() {
            return None;
        }
        let v = Reflect::get(&self.0, &JsValue::from_str(key)).ok()?;
        (!v.is_undefined() && !v.is_null()).then_some(Js(v))
    }
    fn string(&self) -> Option<String> {
        self.0.as_string()
    }
    fn number(&self) -> Option<f64> {
        self.0.as_f64()
    }
    fn number_text(&self) -> Option<String> {
        self.0.as_f64().filter(|n| n.is_finite())?;
        JSON::stringify(&self.0).ok()?.as_string()
    }
    fn elements(&self) -> Option<Vec<Self>> {
        Array::is_array(&self.0).then(|| Array::from(&self.0).iter().map(Js).collect())
    }
    fn is_object(&self) -> bool {
        self.0.is_object() && !Array::is_array(&self.0)
    }
}
