//! Why a feed could not be shown: one typed value per cause, worded by `i18n`.

use crate::config::ConfigIssue;

/// What a non-feed body looked like, so the sentence can say it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// An HTML page: a login page, a 404 page, a home page.
    Html,
    /// JSON, but not a JSON Feed.
    OtherJson,
    /// XML, but neither RSS nor Atom.
    OtherXml,
    /// Nothing at all.
    Nothing,
    /// Anything else.
    Text,
}

/// Every way loading a feed can fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// A missing or invalid attribute that stops the widget.
    Config(ConfigIssue),
    /// The server answered with an HTTP error status.
    Http { status: u16 },
    /// The request failed before any answer: offline, DNS, or (cross-origin) CORS.
    Network { cross_origin: bool },
    /// No answer within the time limit.
    Timeout { seconds: u32 },
    /// An answer that is not a feed.
    NotAFeed(Found),
    /// JSON or XML that does not parse.
    Malformed { format: &'static str },
}
