//! One widget's life: where its configuration comes from, its state, its controller, and the
//! sentences of its language.

pub mod config_source;
pub mod controller;
pub mod state;
pub mod words;
