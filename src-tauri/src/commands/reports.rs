//! Reports: a preview in the window (the data the PDF is drawn from), saving any document as
//! PDF, CSV or XLSX, the auditor's count and sign-off and closing a month, verifying the
//! chain, and the yearly export to USB.
use crate::error::UiResult;
use crate::progress::Progress;
use crate::state::AppState;
use kongthun::domain::input::Input;
use kongthun::ops;
use kongthun::ops::documents::{Document, Format, PreviewKind};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tauri::{AppHandle, State};

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Preview {
    Month { summary: kongthun::report::MonthSummary, closed: bool },
    TrialBalance { tb: kongthun::report::TrialBalance },
    Arrears { rows: Vec<ops::contributions::ArrearsRow> },
}

#[derive(Deserialize)]
pub struct PreviewInput {
    /// `month` (YYYY-MM), `trial_balance` or `arrears` (as of a date).
    kind: String,
    #[serde(default)]
    month: String,
    #[serde(default)]
    as_of: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn report_preview(state: State<'_, AppState>, input: PreviewInput) -> UiResult<Preview> {
    state.with_fund(|store, _| {
        let reader = store.read();
        Ok(match PreviewKind::parse(&input.kind)? {
            PreviewKind::TrialBalance => {
                let as_of = kongthun::domain::date::parse_field("as_of", &input.as_of)?;
                Preview::TrialBalance { tb: kongthun::report::trial_balance(&reader, as_of)? }
            }
            PreviewKind::Arrears => {
                let as_of = kongthun::domain::date::parse_field("as_of", &input.as_of)?;
                Preview::Arrears { rows: ops::contributions::arrears(store, as_of)? }
            }
            PreviewKind::Month => {
                let (y, m) = kongthun::domain::date::parse_month(&input.month)
                    .map_err(|p| kongthun::Error::invalid("month", &input.month, p))?;
                let summary = kongthun::report::month_summary(&reader, y, m)?;
                Preview::Month { closed: summary.closed, summary }
            }
        })
    })
}

#[derive(Deserialize)]
pub struct SaveInput {
    document: Document,
    format: Format,
    /// A file path; a folder gets the suggested file name inside it.
    path: PathBuf,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn report_save(
    state: State<'_, AppState>,
    input: SaveInput,
) -> UiResult<ops::documents::SavedDocument> {
    state.with_fund_ctx(|store, ctx, _| {
        let path = if input.path.is_dir() {
            input.path.join(ops::documents::suggested_name(&input.document, input.format))
        } else {
            input.path.clone()
        };
        Ok(ops::documents::save(store, ctx, &input.document, input.format, &path)?)
    })
}

#[derive(Deserialize)]
pub struct MonthInput {
    month: String,
    /// The auditor's count at month end; all empty closes without a count.
    #[serde(default)]
    cash_counted: String,
    #[serde(default)]
    bank_statement: String,
    #[serde(default)]
    in_transit: String,
    #[serde(default)]
    uncleared: String,
    /// `1000x3, 20x5`: the notes and coins counted, when counted piece by piece.
    #[serde(default)]
    notes_and_coins: String,
}

impl MonthInput {
    fn check(&self) -> ops::close::MonthCheckText<'_> {
        ops::close::MonthCheckText {
            cash_counted: &self.cash_counted,
            bank_statement: &self.bank_statement,
            in_transit: &self.in_transit,
            uncleared: &self.uncleared,
            notes_and_coins: &self.notes_and_coins,
        }
    }
}

#[tauri::command(rename_all = "snake_case")]
pub async fn month_close(
    state: State<'_, AppState>,
    input: MonthInput,
) -> UiResult<ops::close::CloseOutcome> {
    state.with_fund_ctx(|store, ctx, _| {
        let check = input.check().parse()?;
        Ok(ops::close::close_month_checked(store, ctx, &input.month, check.as_ref())?)
    })
}

/// What closing the month will do, after the same checks as the close (the count included):
/// the members the lapse rule takes out, by name, for the confirmation.
#[tauri::command(rename_all = "snake_case")]
pub async fn month_close_preview(
    state: State<'_, AppState>,
    input: MonthInput,
) -> UiResult<ops::close::ClosePreview> {
    state.with_fund_ctx(|store, ctx, _| {
        let check = input.check().parse()?;
        Ok(ops::close::close_preview(store, ctx, &input.month, check.as_ref())?)
    })
}

#[derive(Deserialize)]
pub struct AuditSignInput {
    month: String,
    auditor: String,
    #[serde(default)]
    remarks: String,
}

/// The auditor signs the month before it closes.
#[tauri::command(rename_all = "snake_case")]
pub async fn audit_sign(
    state: State<'_, AppState>,
    input: AuditSignInput,
) -> UiResult<kongthun::store::AuditRow> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::close::sign_audit(store, ctx, &input.month, &input.auditor, &input.remarks)?)
    })
}

#[derive(Deserialize)]
pub struct CashDifferenceInput {
    date: String,
    difference: String,
    reason: String,
}

/// A counted difference explained by an entry (เงินขาดบัญชี / เงินเกินบัญชี).
#[tauri::command(rename_all = "snake_case")]
pub async fn cash_difference(
    state: State<'_, AppState>,
    input: CashDifferenceInput,
) -> UiResult<kongthun::store::PostedRef> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::cashbook::record_cash_difference(
            store,
            ctx,
            &Input::day("date", &input.date)?,
            &Input::amount("amount", &input.difference, kongthun::domain::money::Sign::Any)?,
            &input.reason,
        )?)
    })
}

/// Verify the whole chain, the bar showing the entries read (a 20-year book takes seconds).
#[tauri::command(rename_all = "snake_case")]
pub async fn chain_verify(
    app: AppHandle,
    state: State<'_, AppState>,
    input: super::Nothing,
) -> UiResult<kongthun::store::ChainReport> {
    let _ = input;
    let (th, en) = ("กำลังตรวจสายลายนิ้วมือบัญชี", "verifying the hash chain");
    let mut progress = Progress::start(&app, "chain_verify", 1, th, en);
    let result = state.with_fund(|store, _| {
        let mut report = |done: i64, total: i64| {
            let (done, total) =
                (u32::try_from(done).unwrap_or(u32::MAX), u32::try_from(total).unwrap_or(u32::MAX));
            progress.set(done, total.max(1), th, en)
        };
        Ok(store.read().verify_chain_reporting(&mut report)?)
    });
    progress.finish();
    result
}

#[derive(Deserialize)]
pub struct YearExportInput {
    /// As typed: a BE or CE year, Thai digits too.
    year: String,
    /// The folder on the USB stick; the export is a new folder inside it.
    dir: PathBuf,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn year_export(
    app: AppHandle,
    state: State<'_, AppState>,
    input: YearExportInput,
) -> UiResult<ops::export::YearExport> {
    let mut progress =
        Progress::start(&app, "year_export", 1, "กำลังจัดทำรายงาน", "drawing the reports");
    let result = state.with_fund_ctx(|store, ctx, _| {
        let year = kongthun::domain::date::year_typed(&input.year)?;
        let mut report = |done: usize, total: usize| {
            progress.set(
                done as u32,
                total as u32,
                "กำลังเขียนและอ่านตรวจทุกแฟ้ม",
                "writing and reading back every file",
            )
        };
        Ok(ops::export::export_year_reporting(store, year, ctx.today(), &input.dir, &mut report)?)
    });
    progress.finish();
    result
}
