//! Members: the searchable list, one member's detail with history and passbook, add, edit,
//! change of status, and import from CSV or XLSX.
use super::Nothing;
use crate::error::UiResult;
use crate::progress::Progress;
use crate::state::AppState;
use kongthun::domain::input::Input;
use kongthun::domain::member::MemberFields;
use kongthun::domain::MemberStatus;
use kongthun::ops;
use kongthun::store::{MemberFilter, MemberRow};
use serde::{Deserialize, Serialize};
use std::path::PathBuf;
use tauri::{AppHandle, State};

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ListInput {
    search: String,
    status: String,
    limit: Option<usize>,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn members_list(
    state: State<'_, AppState>,
    input: ListInput,
) -> UiResult<Vec<MemberRow>> {
    state.with_fund(|store, _| {
        let status = if input.status.trim().is_empty() {
            None
        } else {
            Some(MemberStatus::parse(&input.status)?)
        };
        let search = Some(input.search.trim().to_string()).filter(|s| !s.is_empty());
        Ok(ops::members::list_members(
            store,
            &MemberFilter { search, status, moo: None, limit: Some(input.limit.unwrap_or(500)) },
        )?)
    })
}

#[derive(Deserialize)]
pub struct MemberNo {
    member_no: String,
}

#[derive(Serialize)]
pub struct MemberDetail {
    #[serde(flatten)]
    detail: kongthun::report::members::MemberDetail,
    /// The member's fields as the edit form takes them.
    fields: MemberFields,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn member_get(state: State<'_, AppState>, input: MemberNo) -> UiResult<MemberDetail> {
    state.with_fund(|store, state| {
        let today = state.ctx(store)?.today();
        let detail =
            kongthun::report::members::member_detail(&store.read(), &input.member_no, today)?;
        Ok(MemberDetail { fields: ops::members::fields_of(&detail.member), detail })
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn member_add(state: State<'_, AppState>, input: MemberFields) -> UiResult<MemberRow> {
    state.with_fund_ctx(|store, ctx, _| Ok(ops::members::add_member(store, ctx, &input)?))
}

#[derive(Deserialize)]
pub struct EditInput {
    member_no: String,
    fields: MemberFields,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn member_edit(state: State<'_, AppState>, input: EditInput) -> UiResult<MemberRow> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::members::edit_member(store, ctx, &input.member_no, &input.fields)?)
    })
}

#[derive(Deserialize)]
pub struct StatusInput {
    member_no: String,
    status: String,
    effective_on: String,
    reason: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn member_status(state: State<'_, AppState>, input: StatusInput) -> UiResult<MemberRow> {
    state.with_fund_ctx(|store, ctx, _| {
        let status = MemberStatus::parse(&input.status)?;
        Ok(ops::members::change_status(
            store,
            ctx,
            &input.member_no,
            status,
            &Input::day("effective_on", &input.effective_on)?,
            &input.reason,
        )?)
    })
}

#[derive(Deserialize)]
pub struct ImportInput {
    path: PathBuf,
    /// Import the good rows and report the bad ones (otherwise all or nothing).
    #[serde(default)]
    good_rows_only: bool,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn members_import(
    app: AppHandle,
    state: State<'_, AppState>,
    input: ImportInput,
) -> UiResult<ops::import::ImportReport> {
    let progress = Progress::start(&app, "import", 1, "กำลังนำเข้ารายชื่อสมาชิก", "importing members");
    let result = state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::import::import_members(store, ctx, &input.path, input.good_rows_only)?)
    });
    progress.finish();
    result
}

/// Who a typed member number is, for the line beside the field.
#[tauri::command(rename_all = "snake_case")]
pub async fn member_brief(
    state: State<'_, AppState>,
    input: MemberNo,
) -> UiResult<kongthun::report::members::MemberBrief> {
    state.with_fund(|store, state| {
        let today = state.ctx(store)?.today();
        Ok(kongthun::report::members::member_brief(&store.read(), &input.member_no, today)?)
    })
}

/// The next free member number, for the add form.
#[tauri::command(rename_all = "snake_case")]
pub async fn member_next_no(state: State<'_, AppState>, input: Nothing) -> UiResult<String> {
    let _ = input;
    state.with_fund(|store, _| Ok(store.read().next_member_no()?))
}
