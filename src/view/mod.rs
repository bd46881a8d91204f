//! Leptos components: they read a widget's state and call its actions; they neither fetch
//! nor parse. Every `view!` carries the `nw` scope class, which also keeps Leptos from
//! building static parts through `innerHTML` (a Trusted Types sink).

pub mod article;
pub mod teaser;
pub mod widget;
