//! SQL for the auditor's month: the cash count and bank reconciliation stored with a close,
//! and the auditor's sign-off.

use super::{Reader, Tx};
use crate::domain::Satang;
use crate::error::Result;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

/// A month's cash count and bank reconciliation, as stored with its close.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MonthCheckRow {
    pub month: String,
    pub cash_book: Satang,
    pub cash_counted: Satang,
    pub denominations: String,
    pub banks: String,
    pub checked_by: String,
    pub checked_at: String,
}

/// The auditor's sign-off of a month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AuditRow {
    pub month: String,
    pub auditor: String,
    pub remarks: String,
    pub signed_at: String,
}

impl Tx<'_> {
    pub fn insert_month_check(&mut self, c: &MonthCheckRow) -> Result<()> {
        self.tx.execute(
            "INSERT INTO month_check (month, cash_book, cash_counted, denominations, banks, checked_by, checked_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![c.month, c.cash_book.satang(), c.cash_counted.satang(), c.denominations, c.banks, c.checked_by, c.checked_at],
        )?;
        Ok(())
    }

    pub fn insert_audit(&mut self, a: &AuditRow, signed_by: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO month_audit (month, auditor, remarks, signed_at, signed_by) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![a.month, a.auditor, a.remarks, a.signed_at, signed_by],
        )?;
        Ok(())
    }
}

impl Reader<'_> {
    pub fn month_check(&self, month: &str) -> Result<Option<MonthCheckRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT month, cash_book, cash_counted, denominations, banks, checked_by, checked_at FROM month_check WHERE month = ?1",
                [month],
                |r| {
                    Ok(MonthCheckRow {
                        month: r.get(0)?,
                        cash_book: Satang::new(r.get(1)?),
                        cash_counted: Satang::new(r.get(2)?),
                        denominations: r.get(3)?,
                        banks: r.get(4)?,
                        checked_by: r.get(5)?,
                        checked_at: r.get(6)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn audit_of(&self, month: &str) -> Result<Option<AuditRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT month, auditor, remarks, signed_at FROM month_audit WHERE month = ?1",
                [month],
                |r| {
                    Ok(AuditRow {
                        month: r.get(0)?,
                        auditor: r.get(1)?,
                        remarks: r.get(2)?,
                        signed_at: r.get(3)?,
                    })
                },
            )
            .optional()?)
    }

    /// Every sign-off, oldest month first (for bundles and the auditor's yearly report).
    pub fn audits(&self) -> Result<Vec<AuditRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT month, auditor, remarks, signed_at FROM month_audit ORDER BY month",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(AuditRow {
                    month: r.get(0)?,
                    auditor: r.get(1)?,
                    remarks: r.get(2)?,
                    signed_at: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}

/// One bank account as reconciled at a close (stored in `month_check.banks`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ReconciledBank {
    pub account: String,
    pub book: i64,
    pub statement: i64,
    pub in_transit: i64,
    pub uncleared: i64,
}

impl MonthCheckRow {
    fn unreadable(&self, what: &str, e: serde_json::Error) -> crate::Error {
        crate::Error::NotKongthun {
            path: format!("month_check {}", self.month),
            reason: format!("{what}: {e}"),
        }
    }

    /// The notes and coins counted: (face value, pieces), the largest first.
    pub fn pieces(&self) -> Result<Vec<(Satang, u32)>> {
        let map: std::collections::BTreeMap<String, u32> =
            serde_json::from_str(&self.denominations)
                .map_err(|e| self.unreadable("denominations", e))?;
        let mut pieces = Vec::with_capacity(map.len());
        for (face, n) in map {
            let face: i64 = face.parse().map_err(|_| crate::Error::NotKongthun {
                path: format!("month_check {}", self.month),
                reason: format!("denomination '{face}'"),
            })?;
            pieces.push((Satang::new(face), n));
        }
        pieces.sort_by_key(|(face, _)| std::cmp::Reverse(*face));
        Ok(pieces)
    }

    /// Each bank account as it was reconciled.
    pub fn reconciled_banks(&self) -> Result<Vec<ReconciledBank>> {
        serde_json::from_str(&self.banks).map_err(|e| self.unreadable("banks", e))
    }
}
