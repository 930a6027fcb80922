//! Province mode: enrol a fund by its key fingerprint, import bundles (dry run first), see
//! funds with their coverage and gaps, the matching criteria, and save the area report.
use crate::error::UiResult;
use crate::progress::Progress;
use crate::state::AppState;
use kongthun::ops;
use kongthun::ops::documents::Format;
use serde::Deserialize;
use std::path::PathBuf;
use tauri::{AppHandle, State};

fn officer_and_now(state: &AppState) -> UiResult<ops::Ctx> {
    Ok(ops::Ctx::new("เจ้าหน้าที่จังหวัด", state.now())?)
}

#[derive(Deserialize)]
pub struct EnrolInput {
    path: PathBuf,
    /// The fingerprint as typed from the fund's paper form; empty to preview.
    #[serde(default)]
    fingerprint: String,
    #[serde(default)]
    replace: bool,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn province_enrol(
    state: State<'_, AppState>,
    input: EnrolInput,
) -> UiResult<ops::province::EnrolPreview> {
    state.with_province(|store, state| {
        let ctx = officer_and_now(state)?;
        let confirm = Some(input.fingerprint.as_str()).filter(|f| !f.trim().is_empty());
        Ok(ops::province::enrol_or_replace(
            store,
            &input.path,
            confirm,
            input.replace,
            &ctx.recorded_by,
            &ctx.now_text(),
        )?)
    })
}

#[derive(Deserialize)]
pub struct ImportInput {
    paths: Vec<PathBuf>,
    dry_run: bool,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn province_import(
    app: AppHandle,
    state: State<'_, AppState>,
    input: ImportInput,
) -> UiResult<Vec<ops::province::ImportOutcome>> {
    let mut progress = Progress::start(
        &app,
        "province_import",
        input.paths.len() as u32,
        "กำลังตรวจชุดข้อมูล",
        "checking bundles",
    );
    let result = state.with_province(|store, state| {
        let ctx = officer_and_now(state)?;
        let mut out = Vec::new();
        for path in &input.paths {
            out.push(ops::province::import(
                store,
                path,
                input.dry_run,
                &ctx.recorded_by,
                &ctx.now_text(),
            )?);
            progress.step("กำลังตรวจชุดข้อมูล", "checking bundles");
        }
        Ok(out)
    });
    progress.finish();
    result
}

#[derive(Deserialize)]
pub struct MonthInput {
    month: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn province_funds(
    state: State<'_, AppState>,
    input: MonthInput,
) -> UiResult<Vec<ops::province::FundCoverage>> {
    state.with_province(|store, _| Ok(ops::province::coverage(store, &input.month)?))
}

#[derive(Deserialize)]
pub struct YearInput {
    year: i32,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn province_criteria(
    state: State<'_, AppState>,
    input: YearInput,
) -> UiResult<Vec<ops::province::FundCriteria>> {
    state.with_province(|store, _| {
        Ok(ops::province::criteria(store, kongthun::domain::date::ce_year(input.year)?)?)
    })
}

#[derive(Deserialize)]
pub struct ReportInput {
    year: i32,
    format: Format,
    path: PathBuf,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn province_report_save(
    state: State<'_, AppState>,
    input: ReportInput,
) -> UiResult<PathBuf> {
    state.with_province(|store, state| {
        let y = kongthun::domain::date::ce_year(input.year)?;
        let today = officer_and_now(state)?.today();
        let bytes = ops::province::area_report_document(store, y, input.format, today)?;
        let path = if input.path.is_dir() {
            let be = y + kongthun::thai::BE_OFFSET;
            input.path.join(format!("province-report-{be}.{}", input.format.extension()))
        } else {
            input.path.clone()
        };
        ops::atomic::write_atomic(&path, &bytes)?;
        Ok(path)
    })
}
