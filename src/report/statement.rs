//! The monthly statement for public posting (DESIGN §5): the month's receipts and payments,
//! opening and closing balances (cash and bank), members at month end, welfare paid by
//! category, and the ledger fingerprint. A closed month carries the chain head recorded at
//! close, so the statement printed for it never changes.

use super::month::{month_summary, MonthSummary};
use crate::domain::chain::fingerprint;
use crate::domain::date::{first_of_month, last_of_month};
use crate::domain::{FundProfile, MemberStatus};
use crate::error::Result;
use crate::store::{Reader, WelfarePaid};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Statement {
    pub fund: FundProfile,
    pub year: i32,
    pub month: u32,
    pub summary: MonthSummary,
    /// Members by status at month end.
    pub members: Vec<(MemberStatus, i64)>,
    pub joined: i64,
    /// Left this month: (status, count) of changes to a non-active status.
    pub left: Vec<(MemberStatus, i64)>,
    pub welfare: Vec<WelfarePaid>,
    pub closed: bool,
    pub fingerprint: String,
    /// The fund's signing-key fingerprint, when it has a key (the one the province enrolled).
    pub key_fingerprint: Option<String>,
    pub printed_on: NaiveDate,
    /// The cash count and bank reconciliation stored with the close, if the month was checked.
    pub check: Option<crate::store::MonthCheckRow>,
    /// The auditor's sign-off, if given.
    pub audit: Option<crate::store::AuditRow>,
}

impl Statement {
    pub fn active_members(&self) -> i64 {
        self.members.iter().filter(|(s, _)| *s == MemberStatus::Active).map(|(_, n)| n).sum()
    }
}

pub fn statement(
    reader: &Reader<'_>,
    year: i32,
    month: u32,
    printed_on: NaiveDate,
) -> Result<Statement> {
    let fund = reader.require_fund()?.profile;
    let from = first_of_month(year, month).to_string();
    let to = last_of_month(year, month).to_string();
    let key = format!("{year:04}-{month:02}");
    let closed = reader.is_month_closed(&key)?;
    let head = reader.sealed_head(&key)?;
    Ok(Statement {
        summary: month_summary(reader, year, month)?,
        members: reader.status_counts_as_of(&to)?,
        joined: reader.joined_between(&from, &to)?,
        left: reader
            .status_changes_between(&from, &to)?
            .into_iter()
            .filter(|(s, _)| *s != MemberStatus::Active)
            .collect(),
        welfare: reader.welfare_paid_between(&from, &to)?,
        closed,
        fingerprint: fingerprint(&head),
        key_fingerprint: reader
            .current_public_key()?
            .map(|k| crate::domain::chain::key_fingerprint(&k)),
        check: reader.month_check(&key)?,
        audit: reader.audit_of(&key)?,
        fund,
        year,
        month,
        printed_on,
    })
}
