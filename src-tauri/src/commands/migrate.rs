//! Bringing an existing fund in, from the first-run screen: the fund's start, the template,
//! then the filled file checked (a dry run) and written.

use crate::error::UiResult;
use crate::progress::Progress;
use crate::state::AppState;
use kongthun::domain::input::Input;
use kongthun::ops;
use serde::Deserialize;
use std::path::PathBuf;
use tauri::{AppHandle, State};

#[derive(Deserialize)]
pub struct StartInput {
    founded_on: String,
    books_start: String,
    #[serde(default)]
    founding_note: String,
}

/// When the fund was founded and the first day of its books (only while the book is empty).
#[tauri::command(rename_all = "snake_case")]
pub async fn fund_set_start(state: State<'_, AppState>, input: StartInput) -> UiResult<()> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::fund::set_start(
            store,
            ctx,
            &Input::day("founded_on", &input.founded_on)?,
            &Input::day("books_start", &input.books_start)?,
            &input.founding_note,
        )?)
    })
}

#[derive(Deserialize)]
pub struct TemplateInput {
    path: PathBuf,
}

/// Write the migration template for the open fund; returns where it went.
#[tauri::command(rename_all = "snake_case")]
pub async fn migrate_template(
    state: State<'_, AppState>,
    input: TemplateInput,
) -> UiResult<PathBuf> {
    state.with_fund_ctx(|store, ctx, _| {
        let path = if input.path.is_dir() {
            input.path.join("kongthun-template.xlsx")
        } else {
            input.path.clone()
        };
        ops::migrate::template::write_template(store, ctx, &path)?;
        Ok(path)
    })
}

#[derive(Deserialize)]
pub struct MigrateInput {
    path: PathBuf,
    dry_run: bool,
}

/// Check (dry run) or write a filled template, with a progress bar.
#[tauri::command(rename_all = "snake_case")]
pub async fn migrate_import(
    app: AppHandle,
    state: State<'_, AppState>,
    input: MigrateInput,
) -> UiResult<ops::migrate::MigrationOutcome> {
    let mut progress = Progress::start(&app, "migrate", 2, "กำลังอ่านแฟ้ม", "reading the file");
    let result = state.with_fund_ctx(|store, ctx, _| {
        let mut report = |done: usize, total: usize| {
            let (th, en) = ("กำลังตรวจทุกช่องและบันทึก", "checking every cell and writing");
            progress.set(done as u32, total as u32, th, en)
        };
        Ok(ops::migrate::migrate_reporting(store, ctx, &input.path, input.dry_run, &mut report)?)
    });
    progress.finish();
    result
}
