//! Thin adapters over browser APIs, one concern each. Nothing else in the crate calls
//! `web_sys` for these jobs, and nothing here decides anything the core can decide.

pub mod dom;
pub mod events;
pub mod fetch;
pub mod html;
pub mod intl;
pub mod json;
pub mod storage;
pub mod timers;
pub mod url;
pub mod xml;
