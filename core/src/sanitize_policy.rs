//! The allow-list the browser's sanitizer applies to feed HTML. The browser walks the inert
//! document `DOMParser` made and builds fresh nodes; every decision it takes is made here, so
//! the rules are tested natively and in one place.

/// What to do with an element from feed HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Build it, with its allowed attributes and its children.
    Keep,
    /// Drop the element but keep its children (unknown or presentational wrappers).
    Unwrap,
    /// Drop it and everything inside it.
    Drop,
}

/// Elements kept as they are.
const KEEP: [&str; 46] = [
    "p",
    "br",
    "hr",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "s",
    "small",
    "sub",
    "sup",
    "mark",
    "code",
    "pre",
    "kbd",
    "blockquote",
    "q",
    "cite",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "img",
    "figure",
    "figcaption",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "th",
    "td",
    "caption",
    "abbr",
    "time",
    "del",
];

/// Elements dropped with their content: active content, forms, frames, foreign namespaces,
/// and elements whose content is not text a reader should see.
pub const DROPPED: [&str; 30] = [
    "script", "style", "template", "noscript", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "input",
    "button", "select", "textarea", "option", "svg", "math", "head", "title", "meta", "base", "link", "audio", "video", "source",
    "track", "canvas", "portal", "dialog",
];

/// The action for an element, by its lower-case local name.
pub fn element_action(name: &str) -> Action {
    if KEEP.contains(&name) {
        Action::Keep
    } else if DROPPED.contains(&name) {
        Action::Drop
    } else {
        Action::Unwrap
    }
}

/// Whether an attribute survives on a kept element. URLs are checked apart (`url_allowed`).
pub fn attribute_allowed(element: &str, attribute: &str) -> bool {
    matches!(
        (element, attribute),
        ("a", "href" | "title")
            | ("img", "src" | "alt" | "width" | "height" | "title")
            | ("td" | "th", "colspan" | "rowspan")
            | ("time", "datetime")
            | ("abbr", "title")
            | ("ol", "start" | "reversed")
    )
}

/// Whether an attribute holds a URL that must pass `url_allowed`.
pub fn is_url_attribute(attribute: &str) -> bool {
    matches!(attribute, "href" | "src")
}

/// Whether a URL may reach the page, given the `protocol` the browser's URL parser found
/// after resolving it (`"https:"`): web and mail links only, never `javascript:`, `data:`,
/// `vbscript:` or `blob:`. The browser's parser has already undone entities, case and
/// white-space tricks.
pub fn url_allowed(protocol: &str, attribute: &str) -> bool {
    match attribute {
        "href" => matches!(protocol, "http:" | "https:" | "mailto:"),
        _ => matches!(protocol, "http:" | "https:"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn active_content_is_dropped_and_text_markup_kept() {
        for bad in ["script", "iframe", "form", "svg", "math", "style", "object", "embed", "template", "noscript", "base", "meta"]
        {
            assert_eq!(element_action(bad), Action::Drop, "{bad} must never reach the page");
        }
        for good in ["p", "a", "img", "ul", "blockquote", "h2", "em"] {
            assert_eq!(element_action(good), Action::Keep);
        }
        assert_eq!(element_action("font"), Action::Unwrap);
        assert_eq!(element_action("blink"), Action::Unwrap);
    }

    #[test]
    fn handlers_and_styles_never_pass() {
        for attr in ["onclick", "onerror", "style", "srcdoc", "formaction", "class", "id"] {
            assert!(!attribute_allowed("a", attr) && !attribute_allowed("img", attr), "{attr}");
        }
        assert!(attribute_allowed("a", "href") && attribute_allowed("img", "alt"));
    }

    #[test]
    fn only_web_urls_pass() {
        for p in ["javascript:", "data:", "vbscript:", "blob:", "file:"] {
            assert!(!url_allowed(p, "href") && !url_allowed(p, "src"), "{p}");
        }
        assert!(url_allowed("https:", "src") && url_allowed("mailto:", "href") && !url_allowed("mailto:", "src"));
    }
}
