//! URLs through the browser's URL parser, which undoes entities, case and white-space tricks
//! before the core's scheme check sees them.

use web_sys::Url;

/// Resolves `href` against `base`; `None` when it is no URL at all.
pub fn resolve(href: &str, base: &str) -> Option<Url> {
    Url::new_with_base(href.trim(), base).ok()
}

/// The page's own address, the base for `data-feed`.
pub fn page_base() -> String {
    web_sys::window().and_then(|w| w.document()).and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default()
}

/// The page's origin, to tell a cross-origin (CORS) failure from a plain network one.
pub fn page_origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// A link the widget may put in an `href`: resolved, and http(s) only.
pub fn safe_link(href: &str, base: &str) -> Option<String> {
    let url = resolve(href, base)?;
    news_widget_core::sanitize_policy::url_allowed(&url.protocol(), "src").then(|| url.href())
}
