//! Kongthun (กองทุน): the books of a Thai village welfare fund or savings group.
//!
//! Layers, one way only (see ARCHITECTURE.md): `cli` -> `ops` -> `domain` checks -> `store`
//! (the only SQL) -> SQLite; `report` reads the store and returns plain structs. `thai` holds
//! every piece of Thai formatting. Nothing here knows about Tauri.

// Amounts in satang are written `1_234_50` (baht, then two digits of satang) on purpose.
#![allow(clippy::inconsistent_digit_grouping)]

pub mod bounded;
pub mod bundle;
pub mod cli;
pub mod demo;
pub mod domain;
pub mod error;
pub mod fuzz;
pub mod ops;
pub mod render;
pub mod report;
pub mod store;
pub mod thai;

pub use error::{Error, Problem, Result};
