//! The day's money: the dashboard, the collection-day grid, sajja savings, other receipts
//! and payments, transfers between cash and bank, reversals, and the recent journal.
use super::Nothing;
use crate::error::UiResult;
use crate::state::AppState;
use kongthun::domain::input::Input;
use kongthun::ops;
use kongthun::store::{AccountRow, EntryRow, PostedRef};
use serde::Deserialize;
use tauri::State;

#[tauri::command(rename_all = "snake_case")]
pub async fn dashboard(
    state: State<'_, AppState>,
    input: Nothing,
) -> UiResult<kongthun::report::Dashboard> {
    let _ = input;
    state.with_fund(|store, state| {
        let today = state.ctx(store)?.today();
        Ok(kongthun::report::dashboard(&store.read(), today)?)
    })
}

/// Members in arrears today: asked after the dashboard has drawn (it reads every
/// contribution ever paid).
#[tauri::command(rename_all = "snake_case")]
pub async fn dashboard_arrears(state: State<'_, AppState>, input: Nothing) -> UiResult<i64> {
    let _ = input;
    state.with_fund(|store, state| {
        let today = state.ctx(store)?.today();
        Ok(kongthun::report::arrears_count(&store.read(), today)?)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn accounts_list(
    state: State<'_, AppState>,
    input: Nothing,
) -> UiResult<Vec<AccountRow>> {
    let _ = input;
    state.with_fund(|store, _| Ok(store.read().accounts()?))
}

#[derive(Deserialize)]
pub struct DateInput {
    date: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn collection_sheet(
    state: State<'_, AppState>,
    input: DateInput,
) -> UiResult<Vec<ops::contributions::SheetRow>> {
    state.with_fund(|store, _| {
        let date = kongthun::domain::date::parse_field("date", &input.date)?;
        Ok(ops::contributions::collection_sheet(store, date)?)
    })
}

#[derive(Deserialize)]
pub struct PaidLine {
    member_no: String,
    contribution: String,
    savings: String,
    entrance_fee: String,
}

#[derive(Deserialize)]
pub struct CollectInput {
    date: String,
    till: String,
    lines: Vec<PaidLine>,
}

/// Save the ticked rows of the grid as one transaction: all are recorded or none.
#[tauri::command(rename_all = "snake_case")]
pub async fn collection_save(
    state: State<'_, AppState>,
    input: CollectInput,
) -> UiResult<ops::contributions::CollectOutcome> {
    state.with_fund_ctx(|store, ctx, _| {
        let lines = input
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                ops::contributions::CollectLine::from_text(
                    i + 1,
                    &l.member_no,
                    &l.contribution,
                    &l.savings,
                    &l.entrance_fee,
                )
            })
            .collect::<kongthun::Result<Vec<_>>>()?;
        let (day, till) = (Input::day("date", &input.date)?, Input::till(&input.till)?);
        Ok(ops::contributions::collect(store, ctx, &day, &till, &lines)?)
    })
}

#[derive(Deserialize)]
pub struct SavingsInput {
    member_no: String,
    amount: String,
    date: String,
    till: String,
    /// `deposit` or `withdraw`.
    direction: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn savings_move(state: State<'_, AppState>, input: SavingsInput) -> UiResult<PostedRef> {
    state.with_fund_ctx(|store, ctx, _| {
        let direction = ops::savings::SavingsDirection::parse(&input.direction)?;
        let m = ops::savings::SavingsMove::parse(
            &input.member_no,
            &input.amount,
            &input.date,
            &input.till,
        )?;
        Ok(match direction {
            ops::savings::SavingsDirection::Withdraw => ops::savings::withdraw(store, ctx, &m)?,
            ops::savings::SavingsDirection::Deposit => ops::savings::deposit(store, ctx, &m)?,
        })
    })
}

#[derive(Deserialize)]
pub struct CashInput {
    /// `receive` or `pay`.
    direction: String,
    account: String,
    amount: String,
    date: String,
    till: String,
    description: String,
    #[serde(default)]
    member_no: String,
    /// A payment approved by a committee resolution cites it.
    resolution_id: Option<i64>,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn cash_move(state: State<'_, AppState>, input: CashInput) -> UiResult<PostedRef> {
    state.with_fund_ctx(|store, ctx, _| {
        let m = ops::cashbook::CashMoveText {
            account: input.account.clone(),
            amount: input.amount.clone(),
            date: input.date.clone(),
            till: input.till.clone(),
            description: input.description.clone(),
            member_no: Some(input.member_no.trim().to_string()).filter(|s| !s.is_empty()),
        }
        .parse()?;
        let pay = ops::cashbook::CashDirection::parse(&input.direction)?
            == ops::cashbook::CashDirection::Pay;
        Ok(match (pay, input.resolution_id) {
            (true, Some(r)) => ops::cashbook::pay_by_resolution(store, ctx, &m, r)?,
            (true, None) => ops::cashbook::pay(store, ctx, &m)?,
            (false, None) => ops::cashbook::receive(store, ctx, &m)?,
            (false, Some(r)) => {
                return Err(kongthun::Error::invalid(
                    "resolution",
                    r.to_string(),
                    kongthun::Problem::Other {
                        th: "มติอ้างได้เฉพาะการจ่ายเงิน".into(),
                        en: "only a payment cites a resolution".into(),
                    },
                )
                .into())
            }
        })
    })
}

#[derive(Deserialize)]
pub struct TransferInput {
    from: String,
    to: String,
    amount: String,
    date: String,
    description: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn transfer(state: State<'_, AppState>, input: TransferInput) -> UiResult<PostedRef> {
    state.with_fund_ctx(|store, ctx, _| {
        let t = ops::cashbook::Transfer::parse(
            &input.from,
            &input.to,
            &input.amount,
            &input.date,
            &input.description,
        )?;
        Ok(ops::cashbook::transfer(store, ctx, &t)?)
    })
}

#[derive(Deserialize)]
pub struct ReverseInput {
    entry: String,
    reason: String,
    date: Option<String>,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn reverse_entry(state: State<'_, AppState>, input: ReverseInput) -> UiResult<PostedRef> {
    state.with_fund_ctx(|store, ctx, _| {
        let day = Input::day_or("date", input.date.as_deref(), ctx.today())?;
        Ok(ops::reversal::reverse(store, ctx, &input.entry, &input.reason, &day)?)
    })
}

#[derive(Deserialize)]
pub struct JournalInput {
    from: String,
    to: String,
}

/// Entries between two dates (newest first), for the journal screen and reversals.
#[tauri::command(rename_all = "snake_case")]
pub async fn journal_list(
    state: State<'_, AppState>,
    input: JournalInput,
) -> UiResult<Vec<EntryRow>> {
    state.with_fund(|store, _| {
        let from = kongthun::domain::date::parse_field("from", &input.from)?;
        let to = kongthun::domain::date::parse_field("to", &input.to)?;
        let mut rows = kongthun::report::books::journal(&store.read(), Some(from), Some(to), None)?;
        rows.reverse();
        Ok(rows)
    })
}

#[derive(Deserialize)]
pub struct MatchingInput {
    /// `government`, `local` (อปท.), `codi` (พอช.) or `other`.
    source: String,
    /// The round, e.g. `2569/1`.
    round: String,
    amount: String,
    date: String,
    till: String,
}

/// Matching money received from the government, the local council or CODI.
#[tauri::command(rename_all = "snake_case")]
pub async fn matching_receive(
    state: State<'_, AppState>,
    input: MatchingInput,
) -> UiResult<PostedRef> {
    state.with_fund_ctx(|store, ctx, _| {
        Ok(ops::matching::receive_matching(
            store,
            ctx,
            ops::matching::MatchingSource::parse(&input.source)?,
            &input.round,
            &Input::amount("amount", &input.amount, kongthun::domain::money::Sign::Positive)?,
            &Input::day("date", &input.date)?,
            &Input::till(&input.till)?,
        )?)
    })
}
