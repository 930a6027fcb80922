//! Other receipts and payments (entrance fees paid alone, donations, grants, interest,
//! expenses) and transfers between cash and bank.

use super::{check_entry_date, Ctx};
use crate::domain::accounts::{self, AccountClass};
use crate::domain::input::{Amount, Day, Input, Till};
use crate::domain::money::Sign;
use crate::domain::{BalancedEntry, EntryKind, Posting};
use crate::error::{Error, Problem, Result};
use crate::store::{PostedRef, Reader, Store};

/// A receipt or payment against one counter account.
#[derive(Clone, Debug)]
pub struct CashMove {
    pub account: String,
    pub amount: Amount,
    pub date: Day,
    pub till: Input<Till>,
    pub description: String,
    /// Optional member the money came from or went to.
    pub member_no: Option<String>,
}

/// A receipt or payment as typed (the form, the command line), before it is read.
#[derive(Clone, Debug, Default)]
pub struct CashMoveText {
    pub account: String,
    pub amount: String,
    pub date: String,
    /// `cash`, `bank`, or a cash-type account code.
    pub till: String,
    pub description: String,
    pub member_no: Option<String>,
}

impl CashMoveText {
    /// Read once, naming the field of a bad value.
    pub fn parse(&self) -> Result<CashMove> {
        Ok(CashMove {
            account: self.account.clone(),
            amount: Input::amount("amount", &self.amount, Sign::Positive)?,
            date: Input::day("date", &self.date)?,
            till: Input::till(&self.till)?,
            description: self.description.clone(),
            member_no: self.member_no.clone(),
        })
    }
}

/// Accounts kept by their own operations, never by a plain receipt or payment.
fn reserved(code: &str) -> Option<(&'static str, &'static str)> {
    match code {
        accounts::CONTRIBUTIONS => Some(("ใช้คำสั่งรับเงินสมทบ", "use contribute/collect")),
        accounts::SAVINGS_OWED => Some(("ใช้คำสั่งฝาก/ถอนเงินสัจจะ", "use deposit/withdraw")),
        _ => None,
    }
}

fn counter_account(reader: &Reader<'_>, input: &str, receiving: bool) -> Result<String> {
    let code = input.trim();
    let account =
        reader.account(code)?.ok_or(Error::NotFound { what: "account", key: input.to_string() })?;
    if account.cash_kind.is_some() {
        return Err(Error::invalid(
            "account",
            input,
            Problem::Other {
                th: "เป็นบัญชีเงินสด/ธนาคาร ใช้คำสั่งโอนเงิน".into(),
                en: "is a cash or bank account; use transfer".into(),
            },
        ));
    }
    if let Some((th, en)) = reserved(code) {
        return Err(Error::invalid(
            "account",
            input,
            Problem::Other { th: th.into(), en: en.into() },
        ));
    }
    let fits = match account.class {
        AccountClass::Income => receiving,
        AccountClass::Expense => !receiving,
        AccountClass::Asset | AccountClass::Liability | AccountClass::Equity => true,
    };
    if !fits {
        let (th, en) = if receiving {
            ("เป็นบัญชีค่าใช้จ่าย รับเงินเข้าไม่ได้", "is an expense account; cannot receive into it")
        } else {
            ("เป็นบัญชีรายได้ จ่ายเงินออกไม่ได้", "is an income account; cannot pay from it")
        };
        return Err(Error::invalid(
            "account",
            input,
            Problem::Other { th: th.into(), en: en.into() },
        ));
    }
    Ok(code.to_string())
}

pub fn receive(store: &mut Store, ctx: &Ctx, m: &CashMove) -> Result<PostedRef> {
    record(store, ctx, m, true)
}

pub fn pay(store: &mut Store, ctx: &Ctx, m: &CashMove) -> Result<PostedRef> {
    record(store, ctx, m, false)
}

/// A payment the committee decided: the entry cites the resolution (which must have passed
/// and be about an expense).
pub fn pay_by_resolution(
    store: &mut Store,
    ctx: &Ctx,
    m: &CashMove,
    resolution_id: i64,
) -> Result<PostedRef> {
    let label =
        super::welfare::require_passed(&store.read(), resolution_id, &["expense", "other"])?.label;
    let mut cited = m.clone();
    cited.description = format!("{} (ตาม{label})", m.description.trim());
    record(store, ctx, &cited, false)
}

fn record(store: &mut Store, ctx: &Ctx, m: &CashMove, receiving: bool) -> Result<PostedRef> {
    let (amount, date) = (m.amount.get(), m.date.get());
    let description = crate::domain::text::required("description", &m.description, 300)?;
    store.write(|tx| {
        let reader = tx.read();
        reader.require_fund()?;
        check_entry_date(&reader, ctx, &m.date)?;
        let till = super::till_account(&reader, &m.till)?;
        let counter = counter_account(&reader, &m.account, receiving)?;
        let member_id = match m.member_no.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            Some(no) => Some(super::member_by_no(&reader, no)?.id),
            None => None,
        };
        if !receiving {
            super::require_funds(&reader, &till, date, &m.amount)?;
        }
        let with_member = |p: Posting| match member_id {
            Some(id) => p.for_member(id),
            None => p,
        };
        let (kind, postings) = if receiving {
            let kind =
                if counter.starts_with("42") { EntryKind::Matching } else { EntryKind::Receipt };
            (
                kind,
                vec![Posting::debit(&till, amount), with_member(Posting::credit(&counter, amount))],
            )
        } else {
            (
                EntryKind::Payment,
                vec![with_member(Posting::debit(&counter, amount)), Posting::credit(&till, amount)],
            )
        };
        let entry = BalancedEntry::new(date, kind, description.clone(), member_id, postings)?;
        tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())
    })
}

/// Money moved between two cash-type accounts (the day's cash deposited at the bank).
#[derive(Clone, Debug)]
pub struct Transfer {
    pub from: Input<Till>,
    pub to: Input<Till>,
    pub amount: Amount,
    pub date: Day,
    pub description: String,
}

impl Transfer {
    pub fn parse(
        from: &str,
        to: &str,
        amount: &str,
        date: &str,
        description: &str,
    ) -> Result<Transfer> {
        Ok(Transfer {
            from: Input::till(from)?,
            to: Input::till(to)?,
            amount: Input::amount("amount", amount, Sign::Positive)?,
            date: Input::day("date", date)?,
            description: description.to_string(),
        })
    }
}

/// Move money between two cash-type accounts.
pub fn transfer(store: &mut Store, ctx: &Ctx, t: &Transfer) -> Result<PostedRef> {
    let (amount, date) = (t.amount.get(), t.date.get());
    store.write(|tx| {
        let reader = tx.read();
        reader.require_fund()?;
        check_entry_date(&reader, ctx, &t.date)?;
        let from_code = super::till_account(&reader, &t.from)?;
        let to_code = super::till_account(&reader, &t.to)?;
        if from_code == to_code {
            return Err(Error::invalid(
                "to",
                t.to.typed(),
                Problem::Other {
                    th: "ต้องต่างจากบัญชีต้นทาง".into(),
                    en: "must differ from the source account".into(),
                },
            ));
        }
        super::require_funds(&reader, &from_code, date, &t.amount)?;
        let description = match t.description.trim() {
            "" => format!("โอนเงินจาก {from_code} ไป {to_code}"),
            d => d.to_string(),
        };
        let entry = BalancedEntry::new(
            date,
            EntryKind::Transfer,
            description,
            None,
            vec![Posting::debit(&to_code, amount), Posting::credit(&from_code, amount)],
        )?;
        tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())
    })
}

/// Which way other money moves, as the app's form sends it (`receive` or `pay`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CashDirection {
    Receive,
    Pay,
}

impl CashDirection {
    pub fn parse(input: &str) -> Result<CashDirection> {
        crate::domain::choice::parse_choice(
            "direction",
            input,
            &[("receive", CashDirection::Receive), ("pay", CashDirection::Pay)],
        )
    }
}

/// Explain a cash count that did not agree, before the month closes: money over
/// (เงินเกินบัญชี, other income) or short (เงินขาดบัญชี, other expense) of the cash account,
/// with the reason, as one named entry. `difference` is counted minus book, signed.
pub fn record_cash_difference(
    store: &mut Store,
    ctx: &Ctx,
    date: &Day,
    difference: &Amount,
    reason: &str,
) -> Result<PostedRef> {
    let reason = crate::domain::text::required("reason", reason, 300)?;
    if difference.get().is_zero() {
        return Err(Error::invalid("amount", difference.typed(), Problem::ZeroNotAllowed));
    }
    let over = difference.get().is_positive();
    let (account, what) = if over {
        (accounts::OTHER_INCOME, crate::domain::entry::CASH_OVER_TH)
    } else {
        (accounts::OTHER_EXPENSE, crate::domain::entry::CASH_SHORT_TH)
    };
    let m = CashMove {
        account: account.into(),
        amount: Input::computed(difference.get().abs(), difference.typed().to_string()),
        date: date.clone(),
        till: Input::cash(),
        description: format!("{what}: {reason}"),
        member_no: None,
    };
    if over {
        receive(store, ctx, &m)
    } else {
        pay(store, ctx, &m)
    }
}
