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
    /// The feed relay (`data-proxy`) failed: `status` is `None` when it could not be reached
    /// (or would not let this page read it); `reason` is its own sentence (contract §6).
    Relay { relay: String, status: Option<u16>, reason: String },
    /// No answer within the time limit.
    Timeout { seconds: u32 },
    /// An answer that is not a feed.
    NotAFeed(Found),
    /// JSON or XML that does not parse.
    Malformed { format: &'static str },
    /// A later part of the widget's own code, which this feed needs, could not be fetched.
    Unavailable,
}

/// English, for using the core as a library (the widget words errors through `i18n`).
impl std::fmt::Display for FeedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let host = "its server";
        f.write_str(&crate::i18n::error_message(&crate::i18n::EN, self, host))
    }
}

impl std::error::Error for FeedError {}

/// English: the sentence the console shows the site owner.
impl std::fmt::Display for ConfigIssue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::i18n::config_message(self))
    }
}

impl std::error::Error for ConfigIssue {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_say_what_happened_in_english() {
        let e: Box<dyn std::error::Error> = Box::new(FeedError::Http { status: 404 });
        assert!(e.to_string().contains("HTTP error 404"), "{e}");
        assert!(ConfigIssue::MissingFeed.to_string().contains("data-feed"));
    }
}
