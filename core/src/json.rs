//! The one thing the JSON Feed mapper needs from a JSON parser.
//!
//! In the browser the feed is parsed by `JSON.parse`, which is fast and costs the module no
//! bytes (serde_json would add about 28 KB gzip), and the mapper reads the resulting `JsValue`
//! through this trait. Natively, tests, benchmarks and fuzzers read a `serde_json::Value`.

/// A read-only view of one parsed JSON value. Each accessor answers `None` when the value is
/// not of that type, which is how a field of the wrong type "loses that field".
pub trait JsonValue: Sized {
    /// The member `key` of an object.
    fn get(&self, key: &str) -> Option<Self>;
    /// The value as a string, when it is one.
    fn string(&self) -> Option<String>;
    /// The value as a number, when it is one.
    fn number(&self) -> Option<f64>;
    /// A finite number written as text, as JSON writes it (`42`, `1.5`). The source writes it,
    /// so the module needs no float formatting (which costs about 14 KB).
    fn number_text(&self) -> Option<String>;
    /// The elements of an array, when it is one.
    fn elements(&self) -> Option<Vec<Self>>;
    /// Whether the value is an object (`{...}`).
    fn is_object(&self) -> bool;
}

#[cfg(any(test, feature = "serde_json"))]
impl JsonValue for &serde_json::Value {
    fn get(&self, key: &str) -> Option<Self> {
        self.as_object().and_then(|o| o.get(key))
    }
    fn string(&self) -> Option<String> {
        self.as_str().map(str::to_owned)
    }
    fn number(&self) -> Option<f64> {
        self.as_f64()
    }
    fn number_text(&self) -> Option<String> {
        self.as_number().map(ToString::to_string)
    }
    fn elements(&self) -> Option<Vec<Self>> {
        self.as_array().map(|a| a.iter().collect())
    }
    fn is_object(&self) -> bool {
        serde_json::Value::is_object(self)
    }
}

/// Mends what most often makes real JSON feeds unparseable, so that a second parse can
/// succeed: Python's bare `NaN` and `Infinity` (become `null`) and raw control characters
/// inside strings (become escapes). `None` when there is nothing to mend.
pub fn repair_json(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len() + 16);
    let mut changed = false;
    let mut in_string = false;
    let mut escaped = false;
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let mut advance = c.len_utf8();
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                '\n' | '\r' | '\t' => {
                    out.push_str(match c {
                        '\n' => "\\n",
                        '\r' => "\\r",
                        _ => "\\t",
                    });
                    changed = true;
                    rest = rest.get(advance..).unwrap_or_default();
                    continue;
                }
                c if (c as u32) < 0x20 => {
                    changed = true;
                    rest = rest.get(advance..).unwrap_or_default();
                    continue;
                }
                _ => {}
            }
            out.push(c);
        } else if let Some(word) = ["-Infinity", "Infinity", "NaN"].iter().find(|w| rest.starts_with(**w)) {
            out.push_str("null");
            changed = true;
            advance = word.len();
        } else {
            in_string = c == '"';
            out.push(c);
        }
        rest = rest.get(advance..).unwrap_or_default();
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_python_constants_and_raw_control_characters() {
        assert_eq!(
            repair_json(r#"{"id": NaN, "n": -Infinity, "s": "NaN stays"}"#).as_deref(),
            Some(r#"{"id": null, "n": null, "s": "NaN stays"}"#)
        );
        assert_eq!(repair_json("{\"t\": \"a\nb\u{1}c\"}").as_deref(), Some("{\"t\": \"a\\nbc\"}"));
        assert_eq!(repair_json(r#"{"ok": "\"quoted\" \\"}"#), None, "valid JSON is left alone");
    }
}
