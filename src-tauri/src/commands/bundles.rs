//! Signed bundles for the province: the fund's key fingerprint and writing a bundle.
use crate::error::UiResult;
use crate::progress::Progress;
use crate::state::AppState;
use serde::Deserialize;
use std::path::PathBuf;
use tauri::{AppHandle, State};

#[tauri::command(rename_all = "snake_case")]
pub async fn bundle_key(state: State<'_, AppState>, input: super::Nothing) -> UiResult<String> {
    let _ = input;
    state.with_fund_ctx(|store, ctx, _| {
        let secret = kongthun::ops::bundles::ensure_key(store, ctx, &state.paths.fund_db)?;
        Ok(kongthun::bundle::keys::fingerprint(&secret.public()))
    })
}

#[derive(Deserialize)]
pub struct ExportInput {
    /// `YYYY-MM` (one month) or `YYYY-MM:YYYY-MM`; the months must be closed.
    period: String,
    dir: PathBuf,
    /// Carry national IDs in clear (only when the province asks); hashed otherwise.
    #[serde(default)]
    clear_ids: bool,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn bundle_export(
    app: AppHandle,
    state: State<'_, AppState>,
    input: ExportInput,
) -> UiResult<kongthun::ops::bundles::BundleOutcome> {
    let progress = Progress::start(
        &app,
        "bundle_export",
        1,
        "กำลังเขียน ลงลายมือชื่อ และอ่านตรวจชุดข้อมูล",
        "writing, signing and reading back the bundle",
    );
    let result = state.with_fund_ctx(|store, ctx, _| {
        let ids = if input.clear_ids {
            kongthun::ops::bundles::IdPolicy::Clear
        } else {
            kongthun::ops::bundles::IdPolicy::Hashed
        };
        Ok(kongthun::ops::bundles::export_bundle(
            store,
            ctx,
            &state.paths.fund_db,
            &input.period,
            &input.dir,
            ids,
        )?)
    });
    progress.finish();
    result
}
