//! Use cases. Each public function is one thing a treasurer does; it checks its input
//! (domain rules first, then what needs the database) and writes in exactly one
//! transaction, so a failure leaves the file as it was.

pub mod allocation;
pub mod atomic;
pub mod backup;
pub mod bundles;
pub mod cashbook;
pub mod close;
pub mod contributions;
pub mod documents;
pub mod export;
pub mod forward;
pub mod fund;
pub mod import;
pub mod loans;
pub mod matching;
pub mod meetings;
pub mod members;
pub mod migrate;
pub mod province;
pub mod reversal;
pub mod savings;
pub mod welfare;

use crate::domain::accounts;
use crate::domain::input::{Amount, Day, Input, Till};
use crate::error::{Error, Problem, Result};
use crate::store::Reader;
use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

/// Who is acting and when. The clock is a value so that the demo fund and tests are
/// deterministic; the CLI and the app pass the real time.
#[derive(Clone, Debug)]
pub struct Ctx {
    pub recorded_by: String,
    pub now: DateTime<Utc>,
}

/// Thailand's offset: "today" for a fund is the date in Bangkok.
pub fn thai_offset() -> FixedOffset {
    crate::domain::date::thai_offset()
}

impl Ctx {
    pub fn new(recorded_by: impl Into<String>, now: DateTime<Utc>) -> Result<Ctx> {
        let by = crate::domain::text::required("recorded_by", &recorded_by.into(), 100)?;
        Ok(Ctx { recorded_by: by, now })
    }

    pub fn now_text(&self) -> String {
        self.now.format("%Y-%m-%dT%H:%M:%SZ").to_string()
    }

    pub fn today(&self) -> NaiveDate {
        self.now.with_timezone(&thai_offset()).date_naive()
    }
}

/// Which cash-type account money goes into or comes out of: the code of the till named.
pub fn till_account(reader: &Reader<'_>, till: &Input<Till>) -> Result<String> {
    let code = match till.value() {
        Till::Cash => accounts::CASH.to_string(),
        Till::Bank => accounts::BANK.to_string(),
        Till::Account(code) => code.clone(),
    };
    match reader.account(&code)? {
        Some(a) if a.cash_kind.is_some() => Ok(code),
        Some(_) => Err(Error::invalid(
            "account",
            till.typed(),
            Problem::Other {
                th: "ไม่ใช่บัญชีเงินสดหรือเงินฝากธนาคาร".into(),
                en: "is not a cash or bank account".into(),
            },
        )),
        None => Err(Error::NotFound { what: "account", key: till.typed().to_string() }),
    }
}

/// Refuse dates in the future and in closed months, with clear errors (the database trigger
/// would refuse a closed month too, but less politely).
pub fn check_entry_date(reader: &Reader<'_>, ctx: &Ctx, day: &Day) -> Result<()> {
    let (date, input) = (day.get(), day.typed());
    if date > ctx.today() {
        return Err(Error::invalid("date", input, Problem::InFuture));
    }
    let books_start = reader.require_fund()?.books_start;
    if date.to_string() < books_start {
        let start = crate::domain::date::parse(&books_start)
            .map(|d| crate::thai::date_short(d, crate::thai::Digits::Arabic))
            .unwrap_or(books_start.clone());
        return Err(Error::invalid(
            "date",
            input,
            Problem::Other {
                th: format!("อยู่ก่อนวันเริ่มบัญชีในโปรแกรม ({start})"),
                en: format!("is before the first day of the books ({books_start})"),
            },
        ));
    }
    let month = crate::domain::date::month_key(date);
    if let Some(closed) = reader.last_closed_month()? {
        if month <= closed {
            return Err(Error::MonthClosed { date: date.to_string(), month: closed });
        }
    }
    Ok(())
}

/// Refuse taking `amount` out of a cash-type `account` on `date` when that day, or any later
/// day already on the books, would go below zero (the amount named as it was typed).
/// Refuse what only a fund that keeps sajja savings offers (loans, savings, the allocation),
/// naming the fund's kind and the thing asked for.
pub(crate) fn require_savings_kept(fund: &crate::domain::FundProfile, what: &str) -> Result<()> {
    if fund.kind.keeps_savings() {
        return Ok(());
    }
    Err(Error::NotOffered { kind: fund.kind.key().into(), what: what.into() })
}

pub fn require_funds(
    reader: &Reader<'_>,
    account: &str,
    date: NaiveDate,
    amount: &Amount,
) -> Result<()> {
    let input = amount.typed();
    let amount = amount.get();
    let balance = reader.lowest_balance_from(account, &date.to_string())?;
    if balance < amount {
        return Err(Error::invalid(
            "amount",
            input,
            Problem::Other {
                th: format!("มากกว่ายอดเงินในบัญชี {account} ({} บาท)", balance.display()),
                en: format!("is more than the balance of {account} ({} baht)", balance.display()),
            },
        ));
    }
    Ok(())
}

/// Members' numbers and names by internal id, read once each, for lists that show people
/// (claims, loans) rather than ids.
#[derive(Default)]
pub(crate) struct MemberNames(std::collections::HashMap<i64, (String, String)>);

impl MemberNames {
    /// (member number, full name) of the member with internal id `id`.
    pub(crate) fn of(&mut self, reader: &Reader<'_>, id: i64) -> Result<(String, String)> {
        use std::collections::hash_map::Entry;
        Ok(match self.0.entry(id) {
            Entry::Occupied(known) => known.get().clone(),
            Entry::Vacant(slot) => {
                let m = reader
                    .member_by_id(id)?
                    .ok_or_else(|| Error::NotFound { what: "member", key: id.to_string() })?;
                slot.insert((m.member_no.clone(), m.full_name())).clone()
            }
        })
    }
}

/// Find a member by number, or say which number was not found.
pub fn member_by_no(reader: &Reader<'_>, member_no: &str) -> Result<crate::store::MemberRow> {
    reader.require_member_by_no(member_no)
}
