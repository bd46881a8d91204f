//! One widget's life: where its configuration comes from, its state, and its controller.

pub mod config_source;
pub mod controller;
pub mod state;
