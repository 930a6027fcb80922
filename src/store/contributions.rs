//! SQL for contribution periods. A reversed contribution entry no longer counts: the
//! reversing entry names it in `journal_entry.reverses`.

use super::{Reader, Tx};
use crate::error::Result;
use rusqlite::params;
use std::collections::HashMap;

impl Tx<'_> {
    /// A member's contribution history carried in from the fund's earlier books.
    pub fn insert_carried_contribution(
        &mut self,
        member_id: i64,
        periods: i64,
        paid_through: Option<&str>,
        entrance_fee_paid: bool,
    ) -> Result<()> {
        self.tx
            .prepare_cached("INSERT INTO carried_contribution (member_id, periods, paid_through, entrance_fee_paid) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![member_id, periods, paid_through, entrance_fee_paid])?;
        Ok(())
    }

    pub fn insert_contribution(
        &mut self,
        entry_id: i64,
        member_id: i64,
        periods: i64,
        amount: i64,
    ) -> Result<()> {
        self.tx
            .prepare_cached("INSERT INTO contribution (entry_id, member_id, periods, amount) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![entry_id, member_id, periods, amount])?;
        Ok(())
    }
}

impl Reader<'_> {
    /// The collection-day receipts dated `date` and not reversed: member id → document number.
    pub fn contribution_receipts_on(&self, date: &str) -> Result<HashMap<i64, String>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.member_id, e.doc_no FROM journal_entry e
             WHERE e.entry_date = ?1 AND e.kind = 'contribution' AND e.member_id IS NOT NULL
               AND e.reverses IS NULL
               AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses = e.id)",
        )?;
        let rows = stmt.query_map([date], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }

    /// Periods paid by one member (reversed payments excluded).
    pub fn periods_paid(&self, member_id: i64) -> Result<i64> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT COALESCE(SUM(c.periods), 0) FROM contribution c
             WHERE c.entry_id IN (SELECT p.entry_id FROM posting p WHERE p.member_id = ?1 AND p.account_code = '4101')
               AND c.member_id = ?1
               AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses = c.entry_id)",
        )?;
        let paid: i64 = stmt.query_row([member_id], |r| r.get(0))?;
        Ok(paid + self.carried_periods(member_id)?)
    }

    /// Periods a member had paid before the books start (carried in), 0 if none.
    pub fn carried_periods(&self, member_id: i64) -> Result<i64> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT COALESCE(SUM(periods), 0) FROM carried_contribution WHERE member_id = ?1",
        )?;
        Ok(stmt.query_row([member_id], |r| r.get(0))?)
    }

    /// Every member's carried periods (members with none left out).
    fn carried_periods_all(&self) -> Result<HashMap<i64, i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, periods FROM carried_contribution WHERE periods > 0",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<HashMap<i64, i64>>>()?;
        Ok(rows)
    }

    /// Periods paid by one member with payments dated on or before `as_of`.
    pub fn periods_paid_as_of(&self, member_id: i64, as_of: &str) -> Result<i64> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT COALESCE(SUM(c.periods), 0) FROM contribution c JOIN journal_entry e ON e.id = c.entry_id
             WHERE c.entry_id IN (SELECT p.entry_id FROM posting p WHERE p.member_id = ?1 AND p.account_code = '4101')
               AND c.member_id = ?1 AND e.entry_date <= ?2
               AND NOT EXISTS (SELECT 1 FROM journal_entry r WHERE r.reverses = c.entry_id)",
        )?;
        let paid: i64 = stmt.query_row(params![member_id, as_of], |r| r.get(0))?;
        // periods carried in were paid before the books start, so before any `as_of` here
        Ok(paid + self.carried_periods(member_id)?)
    }

    /// Periods paid by every member who has paid anything, with payments dated on or before
    /// `as_of`.
    pub fn periods_paid_all(&self, as_of: &str) -> Result<HashMap<i64, i64>> {
        let mut paid = self.periods_paid_recorded(as_of)?;
        for (member, periods) in self.carried_periods_all()? {
            *paid.entry(member).or_insert(0) += periods;
        }
        Ok(paid)
    }

    /// `periods_paid_all` without the periods carried in: each member's figure kept beside
    /// the contributions (`member_periods`, by trigger; net of reversed payments), less the
    /// payments dated after `as_of` — none in the usual case (the dashboard, a collection
    /// day), a few months' worth for a past year's report, read through the date index
    /// instead of joining every contribution ever paid to its entry.
    fn periods_paid_recorded(&self, as_of: &str) -> Result<HashMap<i64, i64>> {
        let mut paid: HashMap<i64, i64> = self
            .conn
            .prepare_cached("SELECT member_id, periods FROM member_periods")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        // Every payment dated after `as_of`, less those reversed (few: read from the
        // reversals, not looked for beside each payment), is taken off.
        let mut later = self.conn.prepare_cached(
            "SELECT c.member_id, SUM(c.periods) FROM journal_entry e JOIN contribution c ON c.entry_id = e.id
             WHERE e.entry_date > ?1
             GROUP BY c.member_id",
        )?;
        let mut rows = later.query([as_of])?;
        while let Some(r) = rows.next()? {
            let (member, periods): (i64, i64) = (r.get(0)?, r.get(1)?);
            *paid.entry(member).or_insert(0) -= periods;
        }
        let mut reversed = self.conn.prepare_cached(
            "SELECT c.member_id, SUM(c.periods) FROM journal_entry r
             CROSS JOIN contribution c ON c.entry_id = r.reverses
             CROSS JOIN journal_entry e ON e.id = c.entry_id
             WHERE r.reverses IS NOT NULL AND e.entry_date > ?1
             GROUP BY c.member_id",
        )?;
        let mut rows = reversed.query([as_of])?;
        while let Some(r) = rows.next()? {
            let (member, periods): (i64, i64) = (r.get(0)?, r.get(1)?);
            *paid.entry(member).or_insert(0) += periods;
        }
        Ok(paid)
    }

    /// (the highest member id, how many members) of the register.
    pub(crate) fn register_size(&self) -> Result<(i64, i64)> {
        Ok(self.conn.query_row("SELECT coalesce(max(id), 0), count(*) FROM member", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?)
    }

    /// The first member whose kept periods (`member_periods`) differ from their contributions
    /// net of reversals, as `verify` summed them: (member id, kept, recomputed).
    pub(crate) fn periods_kept_wrongly(
        &self,
        mut paid: super::journal::PeriodsPaid,
    ) -> Result<Option<(i64, i64, i64)>> {
        // a file inspected as it is (a backup of an older version) keeps no such figures
        if !self.has_table("member_periods")? {
            return Ok(None);
        }
        for entry_id in std::mem::take(&mut paid.reversed) {
            if let Some((member_id, periods)) = self.contribution_of_entry(entry_id)? {
                paid.take_off(member_id, periods);
            }
        }
        let mut stmt = self.conn.prepare("SELECT member_id, periods FROM member_periods")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (member_id, kept): (i64, i64) = (r.get(0)?, r.get(1)?);
            let actual = paid.take(member_id);
            if kept != actual {
                return Ok(Some((member_id, kept, actual)));
            }
        }
        Ok(paid.first_left().map(|(member_id, actual)| (member_id, 0, actual)))
    }

    /// Whether an entry carries a contribution, and for whom.
    pub fn contribution_of_entry(&self, entry_id: i64) -> Result<Option<(i64, i64)>> {
        use rusqlite::OptionalExtension;
        let mut stmt = self
            .conn
            .prepare_cached("SELECT member_id, periods FROM contribution WHERE entry_id = ?1")?;
        Ok(stmt.query_row([entry_id], |r| Ok((r.get(0)?, r.get(1)?))).optional()?)
    }
}

impl Reader<'_> {
    /// The members whose entrance fee is paid: their postings to the entrance-fee account net
    /// to a credit (a reversed fee nets to nothing, so the member owes it again).
    pub fn entrance_fee_payers(&self) -> Result<std::collections::HashSet<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id FROM posting WHERE account_code = ?1 AND member_id IS NOT NULL
             GROUP BY member_id HAVING SUM(amount) < 0
             UNION SELECT member_id FROM carried_contribution WHERE entrance_fee_paid = 1",
        )?;
        let rows = stmt
            .query_map([crate::domain::accounts::ENTRANCE_FEES], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }
}

/// One member's history carried in from the fund's earlier books: contributions, welfare
/// received, matching rounds counted.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct CarriedHistory {
    /// (member id, periods paid, paid through as typed, entrance fee paid)
    pub contributions: Vec<(i64, i64, Option<String>, bool)>,
    /// (member id, category, event date, amount)
    pub welfare: Vec<(i64, String, String, crate::domain::Satang)>,
    /// (member id, source, round, received on)
    pub matching: Vec<(i64, String, String, String)>,
}

impl Reader<'_> {
    /// Everything carried in when the fund was brought in (empty for a fund born here).
    pub fn carried_history(&self) -> Result<CarriedHistory> {
        let mut out = CarriedHistory::default();
        let mut stmt = self.conn.prepare_cached("SELECT member_id, periods, paid_through, entrance_fee_paid FROM carried_contribution ORDER BY member_id")?;
        out.contributions = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached("SELECT member_id, category, event_date, amount FROM carried_welfare ORDER BY member_id, event_date, id")?;
        out.welfare = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, crate::domain::Satang::new(r.get(3)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached("SELECT member_id, source, round, received_on FROM carried_matching ORDER BY member_id, source, round")?;
        out.matching = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }
}
