//! Welfare: the rules in force, claims (open → evaluation with reasons → decision by a
//! resolution → payment), and the payment voucher.
use super::Nothing;
use crate::error::UiResult;
use crate::state::AppState;
use kongthun::domain::input::Input;
use kongthun::ops;
use kongthun::store::{ClaimRow, PostedRef};
use serde::{Deserialize, Serialize};
use tauri::State;

#[derive(Serialize)]
pub struct RuleView {
    #[serde(flatten)]
    version: kongthun::report::registers::RuleVersion,
    category_th: &'static str,
}

/// Every version of every welfare rule, the one in force today marked, with the resolution
/// that approved it.
#[tauri::command(rename_all = "snake_case")]
pub async fn welfare_rules(state: State<'_, AppState>, input: Nothing) -> UiResult<Vec<RuleView>> {
    let _ = input;
    state.with_fund(|store, state| {
        let today = state.ctx(store)?.today();
        let book = kongthun::report::registers::rule_book(&store.read(), today)?;
        Ok(book
            .versions
            .into_iter()
            .map(|version| RuleView { category_th: version.rule.category.name_th(), version })
            .collect())
    })
}

#[derive(Serialize)]
pub struct DefaultRuleView {
    rule: kongthun::domain::welfare::WelfareRule,
    category_th: &'static str,
}

/// The welfare rules a new fund starts with (the guideline's usual set), for the new-fund
/// wizard to show before the book exists; the fund changes them later by resolution.
#[tauri::command(rename_all = "snake_case")]
pub async fn welfare_default_rules(
    state: State<'_, AppState>,
    input: Nothing,
) -> UiResult<Vec<DefaultRuleView>> {
    let _ = input;
    let today = ops::Ctx { recorded_by: String::new(), now: state.now() }.today();
    Ok(kongthun::domain::welfare::default_rules(today)
        .into_iter()
        .map(|rule| DefaultRuleView { category_th: rule.category.name_th(), rule })
        .collect())
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ClaimsInput {
    status: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn claims_list(
    state: State<'_, AppState>,
    input: ClaimsInput,
) -> UiResult<Vec<ops::welfare::ClaimListing>> {
    state.with_fund(|store, _| {
        let status = Some(input.status.trim()).filter(|s| !s.is_empty());
        Ok(ops::welfare::recent_claims(store, status, 200)?)
    })
}

#[tauri::command(rename_all = "snake_case")]
pub async fn claim_get(
    state: State<'_, AppState>,
    input: ClaimId,
) -> UiResult<ops::welfare::ClaimListing> {
    state.with_fund(|store, _| Ok(ops::welfare::claim_listing(store, input.claim_id)?))
}

#[derive(Deserialize)]
pub struct OpenInput {
    member_no: String,
    category: String,
    event_date: String,
    #[serde(default)]
    days: String,
    #[serde(default)]
    documents: Vec<String>,
    #[serde(default)]
    note: String,
    /// A person in the community who is not a member (then `member_no` is empty).
    #[serde(default)]
    person: Option<kongthun::domain::non_member::PersonText>,
}

#[derive(Serialize)]
pub struct Opened {
    claim: ClaimRow,
    evaluation: kongthun::domain::welfare::Evaluation,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn claim_open(state: State<'_, AppState>, input: OpenInput) -> UiResult<Opened> {
    state.with_fund_ctx(|store, ctx, _| {
        let (claim, evaluation) = ops::welfare::open_claim(
            store,
            ctx,
            &ops::welfare::ClaimInput {
                member_no: input.member_no,
                category: input.category,
                event_date: input.event_date,
                days: Some(input.days).filter(|d| !d.trim().is_empty()),
                documents: input.documents,
                note: input.note,
                person: input.person,
            },
        )?;
        Ok(Opened { claim, evaluation })
    })
}

#[derive(Deserialize)]
pub struct ClaimId {
    claim_id: i64,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn claim_evaluate(
    state: State<'_, AppState>,
    input: ClaimId,
) -> UiResult<kongthun::domain::welfare::Evaluation> {
    state.with_fund(|store, _| Ok(ops::welfare::evaluate_claim(store, input.claim_id)?))
}

#[derive(Deserialize)]
pub struct DecideInput {
    claim_id: i64,
    approve: bool,
    resolution_id: i64,
    #[serde(default)]
    amount: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn claim_decide(state: State<'_, AppState>, input: DecideInput) -> UiResult<ClaimRow> {
    state.with_fund(|store, _| {
        let amount = Some(input.amount.as_str())
            .filter(|a| !a.trim().is_empty())
            .map(|a| Input::amount("amount", a, kongthun::domain::money::Sign::Positive))
            .transpose()?;
        Ok(ops::welfare::decide_claim(
            store,
            input.claim_id,
            input.approve,
            input.resolution_id,
            amount.as_ref(),
        )?)
    })
}

#[derive(Deserialize)]
pub struct PayInput {
    claim_id: i64,
    date: String,
    till: String,
}

#[tauri::command(rename_all = "snake_case")]
pub async fn claim_pay(state: State<'_, AppState>, input: PayInput) -> UiResult<PostedRef> {
    state.with_fund_ctx(|store, ctx, _| {
        let (day, till) = (Input::day("date", &input.date)?, Input::till(&input.till)?);
        Ok(ops::welfare::pay_claim(store, ctx, input.claim_id, &day, &till)?)
    })
}

#[derive(Deserialize)]
pub struct RuleInput {
    rule: ops::welfare::RuleForm,
    /// The general assembly's resolution that adopted it, if recorded.
    resolution_id: Option<i64>,
}

/// A new version of a welfare rule, in force from its date (older claims keep the old one).
#[tauri::command(rename_all = "snake_case")]
pub async fn welfare_rule_add(state: State<'_, AppState>, input: RuleInput) -> UiResult<i64> {
    state.with_fund_ctx(|store, ctx, _| {
        let rule = input.rule.rule()?;
        Ok(ops::welfare::add_rule(store, ctx, &rule, input.resolution_id)?)
    })
}
