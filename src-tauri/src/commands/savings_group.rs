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
    date: String,
}

/// Allocate a fiscal year's profit by the plan in force.
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
            &Input::day("date", &input.date)?,
        )?)
    })
}

/// The plans adopted, the one in force, and what the plan form offers.
#[tauri::command(rename_all = "snake_case")]
pub async fn allocation_plans(
    state: State<'_, AppState>,
    input: super::Nothing,
) -> UiResult<kongthun::report::allocation::AllocationPlans> {
    let _ = input;
    state.with_fund(|store, state| {
        let today = state.ctx(store)?.today();
        Ok(kongthun::report::allocation::plans(&store.read(), today)?)
    })
}

#[derive(Deserialize)]
pub struct PlanInput {
    /// `kind=percent` or `kind:name=percent`, one per part, as the command line takes them.
    parts: Vec<String>,
    from: String,
    resolution_id: i64,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn allocation_adopt(state: State<'_, AppState>, input: PlanInput) -> UiResult<i64> {
    state.with_fund_ctx(|store, ctx, _| {
        let parts = input
            .parts
            .iter()
            .map(|p| ops::allocation::parse_part(p))
            .collect::<kongthun::Result<Vec<_>>>()?;
        Ok(ops::allocation::adopt_plan(
            store,
            ctx,
            &Input::day("effective_on", &input.from)?,
            parts,
            input.resolution_id,
        )?)
    })
}

#[derive(Deserialize)]
pub struct PayoutInput {
    year: String,
    /// `savings`, `cash` or `bank`.
    into: String,
    date: String,
}

/// Pay the year's dividends and refunds in one batch.
#[tauri::command(rename_all = "snake_case")]
pub async fn dividends_pay(
    state: State<'_, AppState>,
    input: PayoutInput,
) -> UiResult<ops::allocation::PayoutOutcome> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::allocation::pay_dividends(
            store,
            ctx,
            kongthun::domain::date::year_typed(&input.year)?,
            &ops::allocation::PayInto::parse(&input.into)?,
            &Input::day("date", &input.date)?,
        )?)
    })
}
