//! The treasurer's front page: what is in the till and the bank today, this month's money in
//! and out, who is behind, which claims wait for the committee, when the books were last
//! backed up and sent, and which past months are still open. One read, no writes.

use crate::domain::Satang;
use crate::error::Result;
use crate::store::Reader;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct Dashboard {
    pub fund_name: String,
    pub fund_code: String,
    pub kind: String,
    pub today: NaiveDate,
    pub cash: Satang,
    pub bank: Satang,
    /// This month so far (the month of `today`).
    pub month: String,
    pub month_receipts: Satang,
    pub month_payments: Satang,
    pub active_members: i64,
    /// Left out (None) by `dashboard`: on a 20-year book it is the slow part, so the window
    /// shows everything else first and asks `arrears_count` after.
    pub members_in_arrears: Option<i64>,
    pub claims_waiting: i64,
    pub claims_to_pay: i64,
    /// When the last backup was made, in Thai time (RFC 3339 with +07:00).
    pub last_backup_at: Option<String>,
    pub last_backup_path: Option<String>,
    pub last_bundle_seq: Option<i64>,
    pub last_bundle_to: Option<String>,
    pub last_closed_month: Option<String>,
    /// Months before last month that are still open (a month is closed after it ends, so last
    /// month being open is normal; anything older is a warning).
    pub overdue_open_months: Vec<String>,
    pub entries: i64,
}

pub fn dashboard(reader: &Reader<'_>, today: NaiveDate) -> Result<Dashboard> {
    let fund = reader.require_fund()?.profile;
    let accounts = reader.accounts()?;
    let totals = reader.totals_as_of(&today.to_string())?;
    let till_sum = |kind: &str| -> Satang {
        Satang::new(
            totals
                .iter()
                .filter(|t| {
                    accounts
                        .iter()
                        .any(|a| a.code == t.account && a.cash_kind.as_deref() == Some(kind))
                })
                .map(|t| t.net().satang())
                .sum(),
        )
    };
    let month = super::month_summary(reader, today.year(), today.month())?;
    let claims = reader.claim_counts()?;
    let backup = reader.last_backup()?;
    let bundle = reader.last_bundle()?;
    let last_closed = reader.last_closed_month()?;
    Ok(Dashboard {
        fund_name: fund.name_th.clone(),
        fund_code: fund.fund_code.clone(),
        kind: fund.kind.key().to_string(),
        today,
        cash: till_sum("cash"),
        bank: till_sum("bank"),
        month: month.month.clone(),
        month_receipts: month.total_receipts,
        month_payments: month.total_payments,
        active_members: reader.member_count(Some(crate::domain::MemberStatus::Active))?,
        members_in_arrears: None,
        claims_waiting: claims.get("open").copied().unwrap_or(0),
        claims_to_pay: claims.get("approved").copied().unwrap_or(0),
        // in the fund's own time (the backup log keeps UTC): 19:42 in the village, not 12:42
        last_backup_at: backup.as_ref().map(|b| {
            chrono::DateTime::parse_from_rfc3339(&b.1)
                .map(|t| t.with_timezone(&crate::domain::date::thai_offset()).to_rfc3339())
                .unwrap_or_else(|_| b.1.clone())
        }),
        last_backup_path: backup.map(|b| b.0),
        last_bundle_seq: bundle.as_ref().map(|b| b.seq),
        last_bundle_to: bundle.map(|b| b.period_to),
        overdue_open_months: overdue_open_months(
            reader.first_entry_date()?.as_deref(),
            last_closed.as_deref(),
            today,
        ),
        last_closed_month: last_closed,
        entries: reader.entry_count()?,
    })
}

/// Active members behind with their contributions on `today`.
pub fn arrears_count(reader: &Reader<'_>, today: NaiveDate) -> Result<i64> {
    Ok(super::standing::in_arrears(reader, today)?.len() as i64)
}

/// Every month from the one after the last closed (or the first with entries) up to the
/// month before last, as `YYYY-MM`.
fn overdue_open_months(
    first_entry: Option<&str>,
    last_closed: Option<&str>,
    today: NaiveDate,
) -> Vec<String> {
    use crate::domain::date::{add_months, parse_month};
    let start = match (last_closed, first_entry) {
        (Some(m), _) => parse_month(m).ok().map(|m| add_months(m, 1)),
        (None, Some(d)) => d.get(..7).and_then(|m| parse_month(m).ok()),
        (None, None) => None,
    };
    let Some(mut month) = start else { return vec![] };
    let limit = add_months((today.year(), today.month()), -2);
    let mut out = Vec::new();
    while month <= limit {
        out.push(format!("{:04}-{:02}", month.0, month.1));
        month = add_months(month, 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_month_open_is_normal_older_months_are_listed() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert!(overdue_open_months(Some("2026-01-03"), Some("2026-09"), today).is_empty());
        assert_eq!(
            overdue_open_months(Some("2026-01-03"), Some("2026-08"), today),
            vec!["2026-09"]
        );
        assert_eq!(
            overdue_open_months(Some("2026-08-15"), None, today),
            vec!["2026-08", "2026-09"]
        );
        let january = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        assert_eq!(overdue_open_months(None, Some("2026-10"), january), vec!["2026-11"]);
    }
}
