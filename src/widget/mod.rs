//! One widget's life: where its configuration comes from, its state, its controller, the
//! sentences of its language, and the code only some attributes ask for.

pub mod config_source;
pub mod controller;
pub mod optional;
pub mod state;
pub mod words;
