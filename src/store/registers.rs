//! SQL for the registers the committee keeps (DESIGN §7, the auditor's documents): every
//! member's status history at once, the resolution behind each welfare rule version, every
//! committee term. Each reads a whole table in one pass, so a register of 10,000 members
//! costs one query, not one per member.

use super::{Reader, StatusRow};
use crate::domain::{accounts, MemberStatus, Satang};
use crate::error::Result;
use serde::Serialize;
use std::collections::HashMap;

/// One committee term: who held which role from when to when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CommitteeTermRow {
    pub member_id: i64,
    pub role: String,
    pub term_from: String,
    pub term_to: String,
}

impl Reader<'_> {
    /// Every member's status history, by member id, each in the order it was recorded.
    pub fn all_status_history(&self) -> Result<HashMap<i64, Vec<StatusRow>>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, status, effective_on, reason, recorded_by, recorded_at
             FROM member_status ORDER BY member_id, id",
        )?;
        let mut by_member: HashMap<i64, Vec<StatusRow>> = HashMap::new();
        let rows = stmt.query_map([], |r| {
            let status: String = r.get(1)?;
            Ok((
                r.get::<_, i64>(0)?,
                StatusRow {
                    status: MemberStatus::parse(&status).unwrap_or(MemberStatus::Active),
                    effective_on: r.get(2)?,
                    reason: r.get(3)?,
                    recorded_by: r.get(4)?,
                    recorded_at: r.get(5)?,
                },
            ))
        })?;
        for row in rows {
            let (member_id, status) = row?;
            by_member.entry(member_id).or_default().push(status);
        }
        Ok(by_member)
    }

    /// The resolution that approved each welfare rule version (rule id → resolution id),
    /// for the versions that cite one.
    pub fn rule_resolutions(&self) -> Result<HashMap<i64, i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, resolution_id FROM welfare_rule WHERE resolution_id IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }

    /// Every committee term, the newest first, then by role as the committee lists it.
    pub fn committee_terms(&self) -> Result<Vec<CommitteeTermRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, role, term_from, term_to FROM committee_term
             ORDER BY term_from DESC,
               CASE role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 WHEN 'treasurer' THEN 2
                         WHEN 'secretary' THEN 3 WHEN 'member' THEN 4 ELSE 5 END, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(CommitteeTermRow {
                member_id: r.get(0)?,
                role: r.get(1)?,
                term_from: r.get(2)?,
                term_to: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    /// The cash-count differences recorded between two days and not reversed (entries named
    /// `เงินเกินบัญชี: …` or `เงินขาดบัญชี: …`): (date, document number, description, what the
    /// entry moved on the cash account, signed).
    pub fn cash_differences_between(
        &self,
        from: &str,
        to: &str,
    ) -> Result<Vec<(String, String, String, Satang)>> {
        use crate::domain::entry::{CASH_OVER_TH, CASH_SHORT_TH};
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.entry_date, e.doc_no, e.description, COALESCE(SUM(p.amount), 0)
             FROM journal_entry e JOIN posting p ON p.entry_id = e.id AND p.account_code = ?5
             WHERE e.entry_date BETWEEN ?1 AND ?2
               AND (e.description LIKE ?3 || ': %' OR e.description LIKE ?4 || ': %')
               AND e.reverses IS NULL
               AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses = e.id)
             GROUP BY e.id ORDER BY e.entry_date, e.id",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![from, to, CASH_OVER_TH, CASH_SHORT_TH, accounts::CASH],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, Satang::new(r.get(3)?))),
        )?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }
}
