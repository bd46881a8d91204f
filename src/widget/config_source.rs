//! Where a widget's configuration comes from: `mount()` options first, then the source
//! element's `data-*` attributes (the script tag, or the container).

use js_sys::Reflect;
use news_widget_core::{Config, ConfigIssue};
use wasm_bindgen::JsValue;
use web_sys::Element;

pub struct ConfigSource {
    pub element: Option<Element>,
    pub options: JsValue,
}

impl ConfigSource {
    /// The raw value of one setting, named without `data-` (its `mount()` option is the
    /// camelCase name: `proxyMode` for `proxy-mode`).
    fn get(&self, name: &str) -> Option<String> {
        let option = match self.options.is_object() {
            true => Reflect::get(&self.options, &JsValue::from_str(news_widget_core::config::option_name(name))).ok(),
            false => None,
        };
        if let Some(v) = option.filter(|v| !v.is_undefined() && !v.is_null()) {
            return Some(js_to_string(&v));
        }
        self.element.as_ref()?.get_attribute(&format!("data-{name}"))
    }

    /// Reads and checks the whole configuration.
    pub fn read(&self) -> (Config, Vec<ConfigIssue>) {
        Config::from_attributes(|name| self.get(name))
    }
}

fn js_to_string(v: &JsValue) -> String {
    if let Some(s) = v.as_string() {
        s
    } else if js_sys::Array::is_array(v) {
        // `sections: ["Sport", "Économie"]` reads as "Sport,Économie".
        js_sys::Array::from(v).iter().filter_map(|s| s.as_string()).collect::<Vec<_>>().join(",")
    } else {
        // Numbers and booleans as JavaScript writes them: `limit: 5` reads as "5".
        js_sys::JSON::stringify(v).ok().and_then(|s| s.as_string()).unwrap_or_default()
    }
}
