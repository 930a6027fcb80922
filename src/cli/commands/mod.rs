//! One file per area of the command line, as the desktop shell has (`src-tauri/src/commands/`):
//! each holds its clap definitions beside their handlers, and each handler calls one
//! operation or report and prints its result.

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
