//! SQL for the fund's dated governance rules, and the sajja each member saved by month
//! (what a monthly pledge is checked against).

use super::{Reader, Tx};
use crate::domain::fund_rules::{FundRule, FundRuleKey};
use crate::domain::Satang;
use crate::error::Result;
use rusqlite::params;
use std::collections::HashMap;

impl Tx<'_> {
    pub fn insert_fund_rule(&mut self, rule: &FundRule, by: &str, at: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO fund_rule (name, effective_from, value, decision, recorded_by, recorded_at, resolution_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                rule.key.key(),
                rule.effective_from.to_string(),
                rule.value,
                rule.decision,
                by,
                at,
                rule.resolution_id
            ],
        )?;
        Ok(())
    }
}

impl Reader<'_> {
    /// Every fund rule recorded, oldest first.
    pub fn fund_rules(&self) -> Result<Vec<FundRule>> {
        let rows = self.dated_settings(
            "SELECT name, effective_from, value, decision, resolution_id FROM fund_rule ORDER BY effective_from, name",
            FundRuleKey::parse,
        )?;
        Ok(rows
            .into_iter()
            .map(|(key, effective_from, value, decision, resolution_id)| FundRule {
                key,
                value,
                effective_from,
                decision,
                resolution_id,
            })
            .collect())
    }

    /// The value of a fund rule in force on `day` (ISO), or its default.
    pub fn fund_rule_on(&self, key: FundRuleKey, day: chrono::NaiveDate) -> Result<i64> {
        Ok(crate::domain::fund_rules::value_on(&self.fund_rules()?, key, day))
    }

    /// Sajja each member (or only `member`) saved in each month (`YYYY-MM`) of [from, to]: deposits and the
    /// sajja part of collection-day receipts, less their reversals (counted in the month of the
    /// entry they undo); withdrawals, dividends credited to sajja and carried balances are not
    /// savings kept up.
    pub fn sajja_saved_by_month(
        &self,
        from: &str,
        to: &str,
        member: Option<i64>,
    ) -> Result<HashMap<(i64, String), Satang>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.member_id, substr(COALESCE(o.entry_date, e.entry_date), 1, 7), SUM(-p.amount)
             FROM journal_entry e
             JOIN posting p ON p.entry_id = e.id
             LEFT JOIN journal_entry o ON o.id = e.reverses
             WHERE p.account_code = ?3 AND p.member_id IS NOT NULL
               AND COALESCE(o.entry_date, e.entry_date) BETWEEN ?1 AND ?2
               AND COALESCE(o.kind, e.kind) IN ('contribution', 'deposit')
               AND (?4 IS NULL OR p.member_id = ?4)
             GROUP BY 1, 2",
        )?;
        let rows = stmt
            .query_map(params![from, to, crate::domain::accounts::SAVINGS_OWED, member], |r| {
                Ok(((r.get(0)?, r.get(1)?), Satang::new(r.get(2)?)))
            })?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;
        Ok(rows)
    }
}
