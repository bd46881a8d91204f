//! Dates in words through the browser's `Intl`: every language the browser knows, no tables
//! in the module.

use js_sys::{Object, Reflect};
use news_widget_core::model::Timestamp;
use news_widget_core::relative::relative;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Intl, js_name = RelativeTimeFormat)]
    type RelativeTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "RelativeTimeFormat", catch)]
    fn new(locale: &str, options: &JsValue) -> Result<RelativeTimeFormat, JsValue>;
    #[wasm_bindgen(method)]
    fn format(this: &RelativeTimeFormat, value: f64, unit: &str) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateTimeFormat;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &JsValue) -> Result<DateTimeFormat, JsValue>;
    #[wasm_bindgen(method)]
    fn format(this: &DateTimeFormat, ms: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = PluralRules)]
    type PluralRules;
    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "PluralRules", catch)]
    fn new(locale: &str) -> Result<PluralRules, JsValue>;
    #[wasm_bindgen(method)]
    fn select(this: &PluralRules, n: f64) -> String;

    #[wasm_bindgen(js_namespace = Intl, js_name = getCanonicalLocales, catch)]
    fn get_canonical_locales(tag: &str) -> Result<js_sys::Array, JsValue>;
}

/// A language tag the browser accepts, canonicalized (`en-gb` becomes `en-GB`); `None` if not.
pub fn canonical(tag: &str) -> Option<String> {
    get_canonical_locales(tag).ok()?.get(0).as_string()
}

/// Formatters for one language.
pub struct Clock {
    /// "3 days ago": numbers always, so a week is "1 week ago" as on the seed page.
    numeric: RelativeTimeFormat,
    /// "now" for the first seconds.
    auto: RelativeTimeFormat,
    absolute: DateTimeFormat,
}

fn options(pairs: &[(&str, &str)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), &JsValue::from_str(v));
    }
    o.into()
}

impl Clock {
    /// Formatters for `lang`, or for English when the browser refuses the tag.
    pub fn new(lang: &str) -> Option<Clock> {
        Clock::for_lang(lang).or_else(|| Clock::for_lang("en"))
    }

    fn for_lang(lang: &str) -> Option<Clock> {
        Some(Clock {
            numeric: RelativeTimeFormat::new(lang, &options(&[("numeric", "always")])).ok()?,
            auto: RelativeTimeFormat::new(lang, &options(&[("numeric", "auto")])).ok()?,
            absolute: DateTimeFormat::new(lang, &options(&[("dateStyle", "long"), ("timeStyle", "short")])).ok()?,
        })
    }

    /// "il y a 3 jours", "3 days ago", "vor 3 Tagen".
    pub fn relative(&self, date: Timestamp, now: Timestamp) -> String {
        let r = relative(date, now);
        let formatter = if r.value == 0 { &self.auto } else { &self.numeric };
        formatter.format(r.value as f64, r.unit.as_str())
    }

    /// "16 octobre 2025 à 09:30".
    pub fn absolute(&self, date: Timestamp) -> String {
        self.absolute.format(date as f64)
    }
}

/// `n`'s plural category in `lang` (`one`, `few`, `other`…), for the updates button.
pub fn plural(lang: &str, n: usize) -> String {
    PluralRules::new(lang).map_or_else(|_| "other".to_owned(), |rules| rules.select(n as f64))
}

/// Now, in milliseconds since the epoch.
pub fn now() -> Timestamp {
    js_sys::Date::now() as Timestamp
}
