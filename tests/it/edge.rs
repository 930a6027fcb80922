//! The tests' edge: what a front end does with typed text before it calls an operation —
//! read it once into typed values (`domain::input`), then call the operation with them. The
//! tests write amounts, dates and tills as a treasurer types them, and a bad one is refused
//! here exactly as the CLI or the window would refuse it.

use chrono::NaiveDate;
use kongthun::domain::input::Input;
use kongthun::domain::money::Sign;
use kongthun::ops::{self, Ctx};
use kongthun::store::{PostedRef, Store};
use kongthun::Result;

pub fn collect(
    store: &mut Store,
    ctx: &Ctx,
    date: &str,
    till: &str,
    lines: &[ops::contributions::CollectLine],
) -> Result<ops::contributions::CollectOutcome> {
    ops::contributions::collect(store, ctx, &Input::day("date", date)?, &Input::till(till)?, lines)
}

pub fn deposit(
    store: &mut Store,
    ctx: &Ctx,
    member: &str,
    amount: &str,
    date: &str,
    till: &str,
) -> Result<PostedRef> {
    ops::savings::deposit(
        store,
        ctx,
        &ops::savings::SavingsMove::parse(member, amount, date, till)?,
    )
}

pub fn withdraw(
    store: &mut Store,
    ctx: &Ctx,
    member: &str,
    amount: &str,
    date: &str,
    till: &str,
) -> Result<PostedRef> {
    ops::savings::withdraw(
        store,
        ctx,
        &ops::savings::SavingsMove::parse(member, amount, date, till)?,
    )
}

pub fn receive(store: &mut Store, ctx: &Ctx, m: &ops::cashbook::CashMoveText) -> Result<PostedRef> {
    ops::cashbook::receive(store, ctx, &m.parse()?)
}

pub fn pay(store: &mut Store, ctx: &Ctx, m: &ops::cashbook::CashMoveText) -> Result<PostedRef> {
    ops::cashbook::pay(store, ctx, &m.parse()?)
}

pub fn pay_by_resolution(
    store: &mut Store,
    ctx: &Ctx,
    m: &ops::cashbook::CashMoveText,
    resolution: i64,
) -> Result<PostedRef> {
    ops::cashbook::pay_by_resolution(store, ctx, &m.parse()?, resolution)
}

pub fn transfer(
    store: &mut Store,
    ctx: &Ctx,
    from: &str,
    to: &str,
    amount: &str,
    date: &str,
    memo: &str,
) -> Result<PostedRef> {
    ops::cashbook::transfer(
        store,
        ctx,
        &ops::cashbook::Transfer::parse(from, to, amount, date, memo)?,
    )
}

pub fn record_cash_difference(
    store: &mut Store,
    ctx: &Ctx,
    date: &str,
    difference: &str,
    reason: &str,
) -> Result<PostedRef> {
    let (day, amount) =
        (Input::day("date", date)?, Input::amount("amount", difference, Sign::Any)?);
    ops::cashbook::record_cash_difference(store, ctx, &day, &amount, reason)
}

pub fn pay_claim(
    store: &mut Store,
    ctx: &Ctx,
    claim: i64,
    date: &str,
    till: &str,
) -> Result<PostedRef> {
    ops::welfare::pay_claim(store, ctx, claim, &Input::day("date", date)?, &Input::till(till)?)
}

pub fn receive_matching(
    store: &mut Store,
    ctx: &Ctx,
    source: &str,
    round: &str,
    amount: &str,
    date: &str,
    till: &str,
) -> Result<PostedRef> {
    ops::matching::receive_matching(
        store,
        ctx,
        ops::matching::MatchingSource::parse(source)?,
        round,
        &Input::amount("amount", amount, Sign::Positive)?,
        &Input::day("date", date)?,
        &Input::till(till)?,
    )
}

pub fn lend(
    store: &mut Store,
    ctx: &Ctx,
    loan: &ops::loans::LoanText<'_>,
) -> Result<(i64, PostedRef)> {
    ops::loans::lend(store, ctx, &loan.parse()?)
}

pub fn repay(
    store: &mut Store,
    ctx: &Ctx,
    loan: i64,
    amount: &str,
    date: &str,
    till: &str,
) -> Result<PostedRef> {
    let amount = Input::amount("amount", amount, Sign::Positive)?;
    ops::loans::repay(store, ctx, loan, &amount, &Input::day("date", date)?, &Input::till(till)?)
}

pub fn allocate(
    store: &mut Store,
    ctx: &Ctx,
    year: i32,
    date: &str,
) -> Result<ops::allocation::AllocationOutcome> {
    ops::allocation::allocate(store, ctx, year, &Input::day("date", date)?)
}

/// Adopt the allocation plan `parts` (`kind=percent`, `kind:name=percent`) from `from`.
pub fn adopt_plan(
    store: &mut Store,
    ctx: &Ctx,
    parts: &[&str],
    from: &str,
    resolution: i64,
) -> Result<i64> {
    let parts = parts.iter().map(|p| ops::allocation::parse_part(p)).collect::<Result<Vec<_>>>()?;
    ops::allocation::adopt_plan(store, ctx, &Input::day("effective_on", from)?, parts, resolution)
}

pub fn pay_dividends(
    store: &mut Store,
    ctx: &Ctx,
    year: i32,
    into: &str,
    date: &str,
) -> Result<ops::allocation::PayoutOutcome> {
    let into = ops::allocation::PayInto::parse(into)?;
    ops::allocation::pay_dividends(store, ctx, year, &into, &Input::day("date", date)?)
}

/// A reversal on `date`, or today when none is given.
pub fn reverse(
    store: &mut Store,
    ctx: &Ctx,
    entry: &str,
    reason: &str,
    date: Option<&str>,
) -> Result<PostedRef> {
    let today: NaiveDate = ctx.today();
    ops::reversal::reverse(store, ctx, entry, reason, &Input::day_or("date", date, today)?)
}

pub fn change_status(
    store: &mut Store,
    ctx: &Ctx,
    member: &str,
    status: kongthun::domain::MemberStatus,
    effective_on: &str,
    reason: &str,
) -> Result<kongthun::store::MemberRow> {
    let day = Input::day("effective_on", effective_on)?;
    ops::members::change_status(store, ctx, member, status, &day, reason)
}

pub fn decide_claim(
    store: &mut Store,
    claim: i64,
    approve: bool,
    resolution: i64,
    amount: Option<&str>,
) -> Result<kongthun::store::ClaimRow> {
    let amount = amount.map(|a| Input::amount("amount", a, Sign::Positive)).transpose()?;
    ops::welfare::decide_claim(store, claim, approve, resolution, amount.as_ref())
}

pub fn set_committee(
    store: &mut Store,
    member: &str,
    role: &str,
    from: &str,
    to: &str,
) -> Result<i64> {
    let role = ops::meetings::Role::parse(role)?;
    ops::meetings::set_committee(
        store,
        member,
        role,
        &Input::day("from", from)?,
        &Input::day("to", to)?,
    )
}

pub fn new_meeting(
    store: &mut Store,
    ctx: &Ctx,
    kind: &str,
    date: &str,
    place: &str,
) -> Result<kongthun::store::MeetingRow> {
    let kind = ops::meetings::MeetingKind::parse(kind)?;
    ops::meetings::new_meeting(store, ctx, kind, &Input::day("date", date)?, place)
}

pub fn set_start(
    store: &mut Store,
    ctx: &Ctx,
    founded: &str,
    start: &str,
    note: &str,
) -> Result<()> {
    let (founded, start) = (Input::day("founded_on", founded)?, Input::day("books_start", start)?);
    ops::fund::set_start(store, ctx, &founded, &start, note)
}

/// Record one of the fund's governance rules from `from` (typed as a date), citing the
/// general assembly's resolution.
pub fn fund_rule(store: &mut Store, key: &str, value: &str, from: &str) {
    ops::fund::set_fund_rule(
        store,
        &super::today(),
        key,
        value,
        &Input::day("effective_on", from).unwrap(),
        "มติที่ประชุมใหญ่ ครั้งที่ 1/2569",
        None,
    )
    .unwrap();
}
