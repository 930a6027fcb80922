//! Bringing an existing fund in, from the first-run screen: the fund's start, the template,
//! then the filled file checked (a dry run) and written.

use crate::error::UiResult;
use crate::state::AppState;
use kongthun::ops;
use serde::Deserialize;
use std::path::PathBuf;
use tauri::State;

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
            &input.founded_on,
            &input.books_start,
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

/// Check (dry run) or write a filled template.
#[tauri::command(rename_all = "snake_case")]
pub async fn migrate_import(
    state: State<'_, AppState>,
    input: MigrateInput,
) -> UiResult<ops::migrate::MigrationOutcome> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::migrate::migrate(store, ctx, &input.path, input.dry_run)?)
    })
}
