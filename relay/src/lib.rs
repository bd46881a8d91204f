//! news-widget-relay: fetches the feeds it is told to allow, for widgets whose pages cannot
//! read them (no `Access-Control-Allow-Origin`), and answers with the CORS headers they need
//! (contract §6). Safe by default: no open mode, no private addresses, every hop checked.
//!
//! `config` reads relay.toml; `allow` is the `feeds` list; `address` the forbidden networks;
//! `upstream` fetches a feed safely; `store` keeps copies (moka: single-flight, stale-if-error);
//! `list` writes `/list`'s fragment; `log` the request log; `server` is the HTTP side; `refusal` every error answer.
#![forbid(unsafe_code)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod address;
pub mod allow;
pub mod config;
pub mod list;
pub mod log;
pub mod refusal;
pub mod server;
pub mod store;
pub mod upstream;

pub use config::Config;
pub use server::{serve, App};
