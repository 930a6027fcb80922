//! Savings-group loans: lend (with guarantors and the committee's resolution), repay
//! (interest that has fallen due first, then principal), and the overdue list.

use super::{check_entry_date, Ctx};
use crate::domain::accounts::{LOANS, LOAN_INTEREST};
use crate::domain::input::{Amount, Day, Input, Till};
use crate::domain::loan::{due_by, schedule, split_repayment, Method};
use crate::domain::{BalancedEntry, EntryKind, MemberStatus, Posting, Satang};
use crate::error::{Error, Problem, Result};
use crate::store::{LoanRow, PostedRef, Store};
use chrono::NaiveDate;
use serde::Serialize;

/// A new loan as typed (the form, the command line), before it is read.
pub struct LoanText<'a> {
    pub member_no: &'a str,
    pub principal: &'a str,
    /// Percent per month, e.g. `1` or `0.75`.
    pub rate: &'a str,
    pub method: &'a str,
    pub term_months: u32,
    pub date: &'a str,
    pub guarantors: &'a [String],
    pub till: &'a str,
    pub resolution_id: Option<i64>,
}

/// A new loan, read.
#[derive(Clone, Debug)]
pub struct NewLoan {
    pub member_no: String,
    pub principal: Amount,
    /// Interest per month in basis points (1% = 100).
    pub rate_bp: i64,
    pub method: Method,
    pub term_months: u32,
    pub date: Day,
    pub guarantors: Vec<String>,
    pub till: Input<Till>,
    pub resolution_id: Option<i64>,
}

impl LoanText<'_> {
    /// Read once, naming the field of a bad value (a rate above 15% a year is refused).
    pub fn parse(&self) -> Result<NewLoan> {
        let principal =
            Input::amount("amount", self.principal, crate::domain::money::Sign::Positive)?;
        // percent with up to two decimals == basis points
        let rate = Satang::parse_field("rate", self.rate, crate::domain::money::Sign::NonNegative)?;
        crate::domain::loan::check_rate("rate", self.rate, rate.satang())?;
        let method = Method::parse("method", self.method)?;
        if self.term_months == 0 || self.term_months > 120 {
            return Err(Error::invalid(
                "term",
                self.term_months.to_string(),
                Problem::UnknownChoice { allowed: "1-120".into() },
            ));
        }
        Ok(NewLoan {
            member_no: self.member_no.to_string(),
            principal,
            rate_bp: rate.satang(),
            method,
            term_months: self.term_months,
            date: Input::day("date", self.date)?,
            guarantors: self.guarantors.to_vec(),
            till: Input::till(self.till)?,
            resolution_id: self.resolution_id,
        })
    }
}

pub fn lend(store: &mut Store, ctx: &Ctx, input: &NewLoan) -> Result<(i64, PostedRef)> {
    let (principal, date, method) = (input.principal.get(), input.date.get(), input.method);
    store.write(|tx| {
        let reader = tx.read();
        let fund = reader.require_fund()?.profile;
        super::require_savings_kept(&fund, "เงินกู้ / loans")?;
        check_entry_date(&reader, ctx, &input.date)?;
        let till = super::till_account(&reader, &input.till)?;
        let member = super::member_by_no(&reader, &input.member_no)?;
        if member.status != MemberStatus::Active {
            return Err(Error::MemberNotActive {
                member_no: member.member_no,
                status: member.status.key().into(),
            });
        }
        let mut guarantors = Vec::new();
        for g in &input.guarantors {
            let gm = super::member_by_no(&reader, g)?;
            if gm.id == member.id
                || guarantors.contains(&gm.id)
                || gm.status != MemberStatus::Active
            {
                return Err(Error::invalid(
                    "guarantors",
                    g,
                    Problem::Other {
                        th: "ต้องเป็นสมาชิกปกติคนอื่นที่ไม่ซ้ำกัน".into(),
                        en: "must be other active members, each once".into(),
                    },
                ));
            }
            guarantors.push(gm.id);
        }
        if let Some(r) = input.resolution_id {
            super::welfare::require_passed(&reader, r, &["expense", "other"])?;
        }
        super::require_funds(&reader, &till, date, &input.principal)?;
        let entry = BalancedEntry::new(
            date,
            EntryKind::Payment,
            format!(
                "จ่ายเงินกู้ {} ({}) {} งวด ดอกเบี้ยร้อยละ {} ต่อเดือน",
                member.full_name(),
                member.member_no,
                input.term_months,
                Satang::new(input.rate_bp).to_decimal()
            ),
            Some(member.id),
            vec![
                Posting::debit(LOANS, principal).for_member(member.id),
                Posting::credit(&till, principal),
            ],
        )?;
        let posted = tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())?;
        let id = tx.insert_loan(
            member.id,
            principal,
            input.rate_bp as u32,
            method.key(),
            input.term_months,
            &date.to_string(),
            &guarantors,
            posted.id,
            input.resolution_id,
        )?;
        Ok((id, posted))
    })
}

fn method_of(loan: &LoanRow) -> Method {
    if loan.method == "flat" {
        Method::Flat
    } else {
        Method::Declining
    }
}

fn loan_schedule(loan: &LoanRow) -> Vec<crate::domain::loan::Installment> {
    let start = crate::domain::date::parse(&loan.start_date).unwrap_or_default();
    schedule(loan.principal, loan.rate_bp, method_of(loan), loan.term_months, start)
}

pub fn repay(
    store: &mut Store,
    ctx: &Ctx,
    loan_id: i64,
    amount: &Amount,
    day: &Day,
    till: &Input<Till>,
) -> Result<PostedRef> {
    let (amount_s, date) = (amount.get(), day.get());
    store.write(|tx| {
        let reader = tx.read();
        let loan = reader
            .loan(loan_id)?
            .ok_or(Error::NotFound { what: "loan", key: loan_id.to_string() })?;
        check_entry_date(&reader, ctx, day)?;
        let till = super::till_account(&reader, till)?;
        let (_, interest_due) = due_by(&loan_schedule(&loan), date);
        let outstanding = loan.principal - loan.principal_paid;
        let (principal, interest) = split_repayment(
            amount_s,
            interest_due - loan.interest_paid,
            outstanding,
        )
        .ok_or_else(|| {
            Error::invalid(
                "amount",
                amount.typed(),
                Problem::Other {
                    th: format!("มากกว่ายอดที่ต้องชำระ (เงินต้นคงเหลือ {} บาท)", outstanding.display()),
                    en: format!(
                        "is more than is owed ({} baht principal left)",
                        outstanding.display()
                    ),
                },
            )
        })?;
        let member = reader
            .member_by_id(loan.member_id)?
            .ok_or(Error::NotFound { what: "member", key: loan.member_id.to_string() })?;
        let mut postings = vec![Posting::debit(&till, amount_s)];
        if principal.satang() > 0 {
            postings.push(Posting::credit(LOANS, principal).for_member(member.id));
        }
        if interest.satang() > 0 {
            postings.push(Posting::credit(LOAN_INTEREST, interest).for_member(member.id));
        }
        let entry = BalancedEntry::new(
            date,
            EntryKind::Receipt,
            format!(
                "รับชำระเงินกู้สัญญาที่ {loan_id} {} เงินต้น {} ดอกเบี้ย {}",
                member.full_name(),
                principal.display(),
                interest.display()
            ),
            Some(member.id),
            postings,
        )?;
        let posted = tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())?;
        tx.insert_repayment(posted.id, loan_id, principal, interest)?;
        Ok(posted)
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct OverdueRow {
    pub loan_id: i64,
    pub member_no: String,
    pub name: String,
    pub outstanding: Satang,
    pub principal_overdue: Satang,
    pub interest_overdue: Satang,
}

pub fn overdue(store: &Store, as_of: NaiveDate) -> Result<Vec<OverdueRow>> {
    let reader = store.read();
    let mut names = super::MemberNames::default();
    let mut out = Vec::new();
    for loan in reader.loans()? {
        let (p, i) = due_by(&loan_schedule(&loan), as_of);
        let po = p.satang() - loan.principal_paid.satang();
        let io = i.satang() - loan.interest_paid.satang();
        if po > 0 || io > 0 {
            let (member_no, name) = names.of(&reader, loan.member_id)?;
            out.push(OverdueRow {
                loan_id: loan.id,
                member_no,
                name,
                outstanding: principal_outstanding(&loan),
                principal_overdue: Satang::new(po.max(0)),
                interest_overdue: Satang::new(io.max(0)),
            });
        }
    }
    Ok(out)
}

/// A loan as the loans list shows it: the borrower's number and name and what is still owed.
#[derive(Clone, Debug, Serialize)]
pub struct LoanListing {
    #[serde(flatten)]
    pub loan: LoanRow,
    pub member_no: String,
    pub member_name: String,
    pub principal_outstanding: Satang,
}

/// Every loan with its borrower's number and name.
pub fn loans_listing(store: &Store) -> Result<Vec<LoanListing>> {
    let reader = store.read();
    let mut names = super::MemberNames::default();
    let mut out = Vec::new();
    for loan in reader.loans()? {
        let (member_no, member_name) = names.of(&reader, loan.member_id)?;
        let principal_outstanding = principal_outstanding(&loan);
        out.push(LoanListing { loan, member_no, member_name, principal_outstanding });
    }
    Ok(out)
}

/// The principal lent and not yet repaid.
fn principal_outstanding(loan: &LoanRow) -> Satang {
    loan.principal - loan.principal_paid
}
