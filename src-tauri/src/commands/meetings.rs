//! The committee and its meetings: terms by role, meetings, attendance, agenda, resolutions
//! with votes, minutes and their approval at a later meeting.
use super::Nothing;
use crate::error::UiResult;
use crate::state::AppState;
use kongthun::domain::input::Input;
use kongthun::ops;
use kongthun::report::meetings::{MeetingDetail, MeetingView};
use kongthun::store::{MeetingRow, ResolutionRow};
use serde::{Deserialize, Serialize};
use tauri::State;

#[tauri::command(rename_all = "snake_case")]
pub async fn meetings_list(
    state: State<'_, AppState>,
    input: Nothing,
) -> UiResult<Vec<MeetingView>> {
    let _ = input;
    state.with_fund(|store, _| Ok(kongthun::report::meetings::meetings(&store.read())?))
}

#[derive(Deserialize)]
pub struct MeetingId {
    meeting_id: i64,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_get(state: State<'_, AppState>, input: MeetingId) -> UiResult<MeetingDetail> {
    state.with_fund(|store, _| {
        Ok(kongthun::report::meetings::meeting_detail(&store.read(), input.meeting_id)?)
    })
}

#[derive(Deserialize)]
pub struct NewMeeting {
    kind: String,
    date: String,
    place: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_new(state: State<'_, AppState>, input: NewMeeting) -> UiResult<MeetingRow> {
    state.with_fund_ctx(|store, ctx, _| {
        let kind = ops::meetings::MeetingKind::parse(&input.kind)?;
        let date = Input::day("date", &input.date)?;
        Ok(ops::meetings::new_meeting(store, ctx, kind, &date, &input.place)?)
    })
}

#[derive(Deserialize)]
pub struct AttendInput {
    meeting_id: i64,
    member_nos: Vec<String>,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_attend(
    state: State<'_, AppState>,
    input: AttendInput,
) -> UiResult<MeetingRow> {
    state.with_fund(|store, _| {
        Ok(ops::meetings::attend(store, input.meeting_id, &input.member_nos)?)
    })
}

#[derive(Deserialize)]
pub struct AgendaInput {
    meeting_id: i64,
    title: String,
    #[serde(default)]
    body: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn agenda_add(state: State<'_, AppState>, input: AgendaInput) -> UiResult<i64> {
    state.with_fund(|store, _| {
        Ok(ops::meetings::add_agenda(store, input.meeting_id, &input.title, &input.body)?)
    })
}

#[derive(Deserialize)]
pub struct ResolveInput {
    meeting_id: i64,
    subject: String,
    kind: String,
    agenda_no: Option<i64>,
    votes_for: i64,
    votes_against: i64,
    abstain: i64,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn resolution_add(
    state: State<'_, AppState>,
    input: ResolveInput,
) -> UiResult<ResolutionRow> {
    state.with_fund_ctx(|store, ctx, _| {
        let vote = ops::meetings::Vote {
            subject: &input.subject,
            kind: &input.kind,
            agenda_no: input.agenda_no,
            votes_for: input.votes_for,
            votes_against: input.votes_against,
            abstain: input.abstain,
        };
        Ok(ops::meetings::resolve(store, ctx, input.meeting_id, &vote)?)
    })
}

#[derive(Deserialize)]
pub struct MinutesInput {
    meeting_id: i64,
    text: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn minutes_write(
    state: State<'_, AppState>,
    input: MinutesInput,
) -> UiResult<MeetingRow> {
    state.with_fund(|store, _| {
        Ok(ops::meetings::write_minutes(store, input.meeting_id, &input.text)?)
    })
}

#[derive(Deserialize)]
pub struct ApproveInput {
    meeting_id: i64,
    at_meeting: i64,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn minutes_approve(
    state: State<'_, AppState>,
    input: ApproveInput,
) -> UiResult<MeetingRow> {
    state.with_fund(|store, _| {
        Ok(ops::meetings::approve_minutes(store, input.meeting_id, input.at_meeting)?)
    })
}

#[derive(Deserialize)]
pub struct CommitteeInput {
    member_no: String,
    role: String,
    from: String,
    to: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn committee_set(state: State<'_, AppState>, input: CommitteeInput) -> UiResult<i64> {
    state.with_fund(|store, _| {
        Ok(ops::meetings::set_committee(
            store,
            &input.member_no,
            ops::meetings::Role::parse(&input.role)?,
            &Input::day("from", &input.from)?,
            &Input::day("to", &input.to)?,
        )?)
    })
}

#[derive(Serialize)]
pub struct CommitteeSeat {
    member_no: String,
    name: String,
    role: String,
    /// The office in Thai and English, `ประธาน / chair`, for the window to show one.
    role_label: String,
}

#[derive(Deserialize)]
pub struct OnDate {
    date: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn committee_list(
    state: State<'_, AppState>,
    input: OnDate,
) -> UiResult<Vec<CommitteeSeat>> {
    state.with_fund(|store, _| {
        let date = kongthun::domain::date::parse_field("date", &input.date)?;
        let list = kongthun::report::registers::committee_list(&store.read(), date)?;
        Ok(list
            .terms
            .into_iter()
            .filter(|t| t.in_office)
            .map(|t| CommitteeSeat {
                role_label: format!(
                    "{} / {}",
                    kongthun::domain::committee::role_th(&t.role),
                    t.role.replace('_', " ")
                ),
                member_no: t.member_no,
                name: t.name,
                role: t.role,
            })
            .collect())
    })
}

/// Passed resolutions of the kind asked for (claims, expenses ...) of the last year's
/// meetings, newest first, for the "approved by resolution" choosers.
#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ResolutionsInput {
    kind: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn resolutions_passed(
    state: State<'_, AppState>,
    input: ResolutionsInput,
) -> UiResult<Vec<ResolutionRow>> {
    state.with_fund(|store, state| {
        let since = state.ctx(store)?.today() - chrono::Days::new(366);
        let kind = Some(input.kind.trim()).filter(|k| !k.is_empty());
        Ok(kongthun::report::meetings::resolutions_passed(&store.read(), kind, since)?)
    })
}
