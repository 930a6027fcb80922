//! Contributions and the collection day: one call records many members' payments (their
//! contribution, sajja savings and entrance fee on one receipt each), all or nothing.
//! Also arrears per member and the fund's lapse rule.

use super::{check_entry_date, Ctx};
use crate::domain::accounts::{CONTRIBUTIONS, ENTRANCE_FEES, SAVINGS_OWED};
use crate::domain::contribution::periods_paid;
use crate::domain::input::{Day, Input, Till};
use crate::domain::{BalancedEntry, EntryKind, MemberStatus, Posting, Satang};
use crate::error::CollectionRefusal;
use crate::error::{Error, Problem, Result};
use crate::store::{MemberRow, PostedRef, Store};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashSet;

/// One member's payment on a collection day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CollectLine {
    pub member_no: String,
    pub contribution: Satang,
    pub savings: Satang,
    pub entrance_fee: Satang,
}

impl CollectLine {
    /// A line as typed (a CSV row, a row of the app's grid): blank amounts are zero; a bad
    /// amount is reported with its 1-based line number and member.
    pub fn from_text(
        line: usize,
        member_no: &str,
        contribution: &str,
        savings: &str,
        entrance_fee: &str,
    ) -> Result<CollectLine> {
        let money = |field: &'static str, text: &str| -> Result<Satang> {
            if text.trim().is_empty() {
                Ok(Satang::ZERO)
            } else {
                Satang::parse_field(field, text, crate::domain::money::Sign::NonNegative)
            }
        };
        let wrap =
            |e: Error| Error::InLine { line, member_no: member_no.to_string(), inner: Box::new(e) };
        Ok(CollectLine {
            member_no: member_no.to_string(),
            contribution: money("contribution", contribution).map_err(wrap)?,
            savings: money("savings", savings).map_err(wrap)?,
            entrance_fee: money("entrance_fee", entrance_fee).map_err(wrap)?,
        })
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct CollectOutcome {
    pub date: String,
    pub receipts: Vec<PostedRef>,
    pub members: usize,
    pub contributions: Satang,
    pub savings: Satang,
    pub entrance_fees: Satang,
    pub total: Satang,
}

/// Record a collection day into `till` (cash or bank). Every line is checked; the first bad
/// line stops everything and names its line number and member.
pub fn collect(
    store: &mut Store,
    ctx: &Ctx,
    day: &Day,
    till: &Input<Till>,
    lines: &[CollectLine],
) -> Result<CollectOutcome> {
    let date = day.get();
    if lines.is_empty() {
        return Err(CollectionRefusal::NothingToRecord.into());
    }
    store.write(|tx| {
        let reader = tx.read();
        let fund = reader.require_fund()?.profile;
        check_entry_date(&reader, ctx, day)?;
        let till = super::till_account(&reader, till)?;
        let mut seen = HashSet::new();
        let paid_today = reader.contribution_receipts_on(&date.to_string())?;
        let mut prepared = Vec::with_capacity(lines.len());
        for (i, line) in lines.iter().enumerate() {
            let in_line = |e: Error| Error::InLine {
                line: i + 1,
                member_no: line.member_no.clone(),
                inner: Box::new(e),
            };
            let member = super::member_by_no(&reader, &line.member_no).map_err(in_line)?;
            if !seen.insert(member.id) {
                return Err(in_line(Error::invalid(
                    "member_no",
                    &line.member_no,
                    Problem::Duplicate,
                )));
            }
            if let Some(doc_no) = paid_today.get(&member.id) {
                let paid = CollectionRefusal::PaidToday {
                    member_no: member.member_no.clone(),
                    doc_no: doc_no.clone(),
                };
                return Err(in_line(paid.into()));
            }
            let entry = payment_entry(&fund, &member, date, &till, line).map_err(in_line)?;
            prepared.push((member.id, entry, line.contribution));
        }
        let mut outcome = CollectOutcome {
            date: date.to_string(),
            receipts: Vec::with_capacity(lines.len()),
            members: lines.len(),
            contributions: Satang::ZERO,
            savings: Satang::ZERO,
            entrance_fees: Satang::ZERO,
            total: Satang::ZERO,
        };
        for ((member_id, entry, contribution), line) in prepared.into_iter().zip(lines) {
            let posted = tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())?;
            if contribution.satang() > 0 {
                let periods = contribution.satang() / fund.contribution.satang();
                tx.insert_contribution(posted.id, member_id, periods, contribution.satang())?;
            }
            outcome.contributions += line.contribution;
            outcome.savings += line.savings;
            outcome.entrance_fees += line.entrance_fee;
            outcome.total += entry.total();
            outcome.receipts.push(posted);
        }
        Ok(outcome)
    })
}

/// Check one payment line and build its receipt entry.
fn payment_entry(
    fund: &crate::domain::FundProfile,
    member: &MemberRow,
    date: NaiveDate,
    till: &str,
    line: &CollectLine,
) -> Result<BalancedEntry> {
    if member.status != MemberStatus::Active {
        return Err(Error::MemberNotActive {
            member_no: member.member_no.clone(),
            status: member.status.key().into(),
        });
    }
    if date.to_string() < member.joined_on {
        return Err(Error::invalid(
            "date",
            date.to_string(),
            Problem::Other {
                th: format!("ก่อนวันที่สมัคร ({})", member.joined_on),
                en: format!("is before the member joined ({})", member.joined_on),
            },
        ));
    }
    for (field, amount) in [
        ("contribution", line.contribution),
        ("savings", line.savings),
        ("entrance_fee", line.entrance_fee),
    ] {
        if amount.satang() < 0 {
            return Err(Error::invalid(field, amount.display(), Problem::NegativeNotAllowed));
        }
    }
    if line.contribution.satang() > 0 {
        if !fund.takes_contribution() {
            return Err(Error::NotOffered {
                kind: fund.kind.key().into(),
                what: "เงินสมทบ (กลุ่มนี้รับเฉพาะเงินสัจจะ) / contributions (this group keeps sajja savings only)"
                    .into(),
            });
        }
        periods_paid("contribution", line.contribution, fund.contribution)?;
    }
    if line.savings.satang() > 0 && !fund.kind.keeps_savings() {
        return Err(Error::NotOffered {
            kind: fund.kind.key().into(),
            what: "เงินสัจจะ / sajja savings".into(),
        });
    }
    let total = line
        .contribution
        .checked_add(line.savings)
        .and_then(|t| t.checked_add(line.entrance_fee))
        .ok_or_else(|| Error::invalid("amount", "total", Problem::Overflow))?;
    if total.satang() == 0 {
        return Err(Error::invalid("amount", "0", Problem::ZeroNotAllowed));
    }
    let mut postings = vec![Posting::debit(till, total)];
    let mut what = Vec::new();
    if line.contribution.satang() > 0 {
        postings.push(Posting::credit(CONTRIBUTIONS, line.contribution).for_member(member.id));
        what.push("เงินสมทบ");
    }
    if line.savings.satang() > 0 {
        postings.push(Posting::credit(SAVINGS_OWED, line.savings).for_member(member.id));
        what.push("เงินสัจจะ");
    }
    if line.entrance_fee.satang() > 0 {
        postings.push(Posting::credit(ENTRANCE_FEES, line.entrance_fee).for_member(member.id));
        what.push("ค่าธรรมเนียมแรกเข้า");
    }
    let description = format!("รับ{} {} ({})", what.join(" "), member.full_name(), member.member_no);
    BalancedEntry::new(date, EntryKind::Contribution, description, Some(member.id), postings)
}

pub use crate::report::standing::{standings, ArrearsRow};

/// Active members in arrears at `as_of` (the list the dashboard counts).
pub fn arrears(store: &Store, as_of: NaiveDate) -> Result<Vec<ArrearsRow>> {
    crate::report::standing::in_arrears(&store.read(), as_of)
}

/// Apply the lapse rule inside a transaction: active members at or past the fund's limit of
/// missed periods become `lapsed` as of `as_of`. Returns their numbers.
pub(crate) fn apply_lapse_in(
    tx: &mut crate::store::Tx<'_>,
    ctx: &Ctx,
    as_of: NaiveDate,
) -> Result<Vec<String>> {
    let fund = tx.read().require_fund()?.profile;
    let rows = crate::report::standing::to_lapse(&tx.read(), as_of)?;
    let mut lapsed = Vec::new();
    for row in rows {
        {
            let member = super::member_by_no(&tx.read(), &row.member_no)?;
            let limit = fund.lapse_after;
            let reason = if row.sajja_missed_months >= i64::from(limit) {
                let months = row.sajja_missed_months;
                format!(
                    "ขาดส่งเงินสัจจะติดต่อกัน {months} เดือน (เกณฑ์ {limit} เดือน) / missed the sajja pledge {months} months in a row (limit {limit})"
                )
            } else {
                format!(
                    "ขาดส่งเงินสมทบ {} งวด (เกณฑ์ {limit} งวด) / missed {} periods (limit {limit})",
                    row.arrears_periods, row.arrears_periods
                )
            };
            tx.set_member_status(
                member.id,
                MemberStatus::Lapsed,
                &as_of.to_string(),
                &reason,
                &ctx.recorded_by,
                &ctx.now_text(),
            )?;
            lapsed.push(row.member_no);
        }
    }
    Ok(lapsed)
}

/// Apply the lapse rule as of a date, on its own.
pub fn apply_lapse(store: &mut Store, ctx: &Ctx, as_of: NaiveDate) -> Result<Vec<String>> {
    store.write(|tx| apply_lapse_in(tx, ctx, as_of))
}

/// One row of the collection-day grid: an active member and what is due from them that day.
#[derive(Clone, Debug, Serialize)]
pub struct SheetRow {
    pub member_no: String,
    pub name: String,
    pub moo: Option<u32>,
    /// Periods owed and not paid as of the day, the day's own period included.
    pub arrears_periods: i64,
    /// What the grid proposes: the arrears, or one period when nothing is owed yet.
    pub expected_contribution: Satang,
    /// The entrance fee, for a member who has never paid.
    pub expected_entrance_fee: Satang,
    pub savings_balance: Satang,
    /// The receipt of this day, when the member has paid already: shown as paid, not
    /// offered again.
    pub paid_today: Option<String>,
}

/// The collection-day grid for `date`: every member active on that day (joined by then, and
/// active still) in member-number order with the amounts a treasurer expects to receive;
/// she ticks who paid and may change any amount. The one answer to "what is due": the CLI's
/// `collect --all-due` takes these lines too (`due_lines`).
pub fn collection_sheet(store: &Store, date: NaiveDate) -> Result<Vec<SheetRow>> {
    let reader = store.read();
    let fund = reader.require_fund()?.profile;
    let savings: std::collections::HashMap<i64, Satang> =
        reader.savings_balances()?.into_iter().collect();
    let standing: std::collections::HashMap<String, ArrearsRow> =
        standings(&reader, date)?.into_iter().map(|r| (r.member_no.clone(), r)).collect();
    let fee_paid = reader.entrance_fee_payers()?;
    let paid_today = reader.contribution_receipts_on(&date.to_string())?;
    let members = reader.members_active_on(&date.to_string())?;
    Ok(members
        .into_iter()
        .filter(|m| m.status == MemberStatus::Active)
        .map(|m| {
            let s = standing.get(&m.member_no);
            let arrears_periods = s.map(|s| s.arrears_periods).unwrap_or(0);
            let owed = s.map(|s| s.arrears_amount).unwrap_or(Satang::ZERO);
            SheetRow {
                name: m.full_name(),
                moo: m.moo,
                arrears_periods,
                expected_contribution: if owed.satang() > 0 { owed } else { fund.contribution },
                expected_entrance_fee: if fee_paid.contains(&m.id) {
                    Satang::ZERO
                } else {
                    fund.entrance_fee
                },
                savings_balance: savings.get(&m.id).copied().unwrap_or(Satang::ZERO),
                paid_today: paid_today.get(&m.id).cloned(),
                member_no: m.member_no,
            }
        })
        .collect())
}

/// Every line the collection sheet proposes for `date`, each member also saving `savings`:
/// what `collect --all-due` records.
pub fn due_lines(store: &Store, date: NaiveDate, savings: Satang) -> Result<Vec<CollectLine>> {
    Ok(collection_sheet(store, date)?
        .into_iter()
        .filter(|row| row.paid_today.is_none())
        .map(|row| CollectLine {
            member_no: row.member_no,
            contribution: row.expected_contribution,
            savings,
            entrance_fee: row.expected_entrance_fee,
        })
        .collect())
}
