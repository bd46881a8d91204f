//! Minifies the widget's stylesheet into the module: its comments and indentation are for
//! the people who edit it, not for every page that downloads the widget (-0.3 KiB gzip).

use std::{env, fs, path::Path};

fn main() {
    let source = "src/view/widget.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).unwrap_or_default();
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_default()).join("widget.css");
    if let Err(e) = fs::write(&out, minify(&css)) {
        println!("cargo:warning=widget.css: {e}");
    }
}

/// Drops comments and the whitespace around punctuation; keeps one space elsewhere (it can
/// separate selectors and values). Strings and urls in this stylesheet hold no such runs.
fn minify(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    out.push_str(rest);
    let words: Vec<&str> = out.split_whitespace().collect();
    let mut min = String::with_capacity(out.len());
    for word in words {
        let glue = min.ends_with(['{', '}', ';', ':', ',', '>']) || word.starts_with(['{', '}', ';', ',', '>', ')']);
        if !min.is_empty() && !glue {
            min.push(' ');
        }
        min.push_str(word);
    }
    min
}
