//! The pure-Rust core of news-widget.
//!
//! Nothing here knows about browsers: the feed model and its mapping from JSON Feed, the
//! configuration that data attributes describe, date parsing, relative-time arithmetic, the
//! section filter and ordering, the sanitizer's allow-list, the widget's own sentences, and
//! its lifecycle (what to show and start, given its state and what happened).
//! It is tested natively with `cargo test -p news-widget-core` and fuzzed with proptest, and
//! it never panics on input: every failure is a typed value.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod config;
pub mod dates;
pub mod error;
pub mod format;
pub mod i18n;
pub mod json;
pub mod jsonfeed;
pub mod lifecycle;
pub mod link_params;
pub mod model;
#[cfg(all(feature = "serde_json", feature = "roxmltree"))]
pub mod read;
pub mod relative;
pub mod sanitize_policy;
pub mod select;
pub mod text;
pub mod thumbnail;
pub mod words;
pub mod xml;
pub mod xmlfeed;

pub use config::{Config, ConfigIssue, Dates, Labels, Layout, OpenMode, ProxyMode, Target, Theme};
pub use error::FeedError;
pub use model::{Body, Feed, Item};
