//! The Kongthun desktop shell: a Tauri window over the `kongthun` library. It opens the
//! fund's book (or the province database) at start, registers the commands of `contract`,
//! makes the daily backup at start and a backup on exit. No logic lives here.
// `UiError` (code, params, both messages, import rows) crosses to the window once per
// command; its size costs nothing there, and boxing it would only add a step.
#![allow(clippy::result_large_err)]

pub mod commands;
pub mod contract;
#[cfg(test)]
mod contract_types;
pub mod error;
pub mod progress;
pub mod state;

use state::{AppState, Paths};

/// The daily backup waits this long after the start (a big book takes seconds to copy).
const DAILY_BACKUP_DELAY_SECONDS: u64 = 60;

pub fn run() {
    let state = AppState::new(Paths::from_env());
    commands::app::open_at_start(&state);
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .invoke_handler(contract::handler())
        .build(tauri::generate_context!())
        .expect("the Kongthun window could not start");
    let handle = app.handle().clone();
    std::thread::spawn(move || {
        use tauri::Manager;
        std::thread::sleep(std::time::Duration::from_secs(DAILY_BACKUP_DELAY_SECONDS));
        commands::app::daily_backup(&handle.state::<AppState>());
    });
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            use tauri::Manager;
            commands::app::exit_backup(&handle.state::<AppState>());
        }
    });
}
