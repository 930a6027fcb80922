//! One short function per command, grouped by screen. Each takes one `input` object (or
//! none), calls one operation of the `kongthun` library and returns its result; the list of
//! them is `crate::contract`.
pub mod app;
pub mod bundles;
pub mod meetings;
pub mod members;
pub mod migrate;
pub mod money;
pub mod province;
pub mod reports;
pub mod savings_group;
pub mod welfare;

/// The input of a command that needs none (the window sends `{}`).
#[derive(serde::Deserialize, Default)]
pub struct Nothing {}
