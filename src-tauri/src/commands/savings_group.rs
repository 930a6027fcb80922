//! Savings groups: loans (with guarantors and a repayment schedule), repayments, overdue
//! loans, and the year-end allocation of profit.
use crate::error::UiResult;
use crate::state::AppState;
use kongthun::domain::input::Input;
use kongthun::ops;
use kongthun::store::PostedRef;
use serde::Deserialize;
use tauri::State;

#[tauri::command(rename_all = "snake_case")]
pub async fn loans_list(
    state: State<'_, AppState>,
    input: super::Nothing,
) -> UiResult<Vec<ops::loans::LoanListing>> {
    let _ = input;
    state.with_fund(|store, _| Ok(ops::loans::loans_listing(store)?))
}

#[derive(Deserialize)]
pub struct LoanInput {
    member_no: String,
    principal: String,
    rate: String,
    method: String,
    term_months: u32,
    date: String,
    #[serde(default)]
    guarantors: Vec<String>,
    till: String,
    resolution_id: Option<i64>,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn loan_new(state: State<'_, AppState>, input: LoanInput) -> UiResult<(i64, PostedRef)> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::loans::lend(
            store,
            ctx,
            &ops::loans::LoanText {
                member_no: &input.member_no,
                principal: &input.principal,
                rate: &input.rate,
                method: &input.method,
                term_months: input.term_months,
                date: &input.date,
                guarantors: &input.guarantors,
                till: &input.till,
                resolution_id: input.resolution_id,
            }
            .parse()?,
        )?)
    })
}

#[derive(Deserialize)]
pub struct RepayInput {
    loan_id: i64,
    amount: String,
    date: String,
    till: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn loan_repay(state: State<'_, AppState>, input: RepayInput) -> UiResult<PostedRef> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::loans::repay(
            store,
            ctx,
            input.loan_id,
            &Input::amount("amount", &input.amount, kongthun::domain::money::Sign::Positive)?,
            &Input::day("date", &input.date)?,
            &Input::till(&input.till)?,
        )?)
    })
}

#[derive(Deserialize)]
pub struct AsOf {
    as_of: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn loans_overdue(
    state: State<'_, AppState>,
    input: AsOf,
) -> UiResult<Vec<ops::loans::OverdueRow>> {
    state.with_fund(|store, _| {
        let as_of = kongthun::domain::date::parse_field("as_of", &input.as_of)?;
        Ok(ops::loans::overdue(store, as_of)?)
    })
}

#[derive(Deserialize)]
pub struct AllocationInput {
    /// As typed: a BE or CE year, Thai digits too.
    year: String,
    /// `name=percent` parts as the command line takes them, e.g. `dividend=60`.
    percentages: Vec<String>,
    date: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn allocation_run(
    state: State<'_, AppState>,
    input: AllocationInput,
) -> UiResult<ops::allocation::AllocationOutcome> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::allocation::allocate(
            store,
            ctx,
            kongthun::domain::date::year_typed(&input.year)?,
            &input.percentages,
            &Input::day("date", &input.date)?,
        )?)
    })
}
