//! SQL for balances and totals. Whole months come from `account_month` (kept by trigger),
//! so a trial balance over twenty years reads a few thousand rows, not millions of postings.

use super::{Reader, Tx};
use crate::domain::accounts::SAVINGS_OWED;
use crate::domain::Satang;
use crate::error::Result;
use chrono::Datelike;
use rusqlite::params;
use serde::Serialize;

/// Debits and credits of one account over some span.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AccountTotals {
    pub account: String,
    pub debit: Satang,
    pub credit: Satang,
}

impl AccountTotals {
    /// Debit minus credit.
    pub fn net(&self) -> Satang {
        self.debit - self.credit
    }
}

fn is_month_end(date: &str) -> bool {
    match crate::domain::date::parse(date) {
        Ok(d) => d.succ_opt().is_some_and(|next| next.day() == 1),
        Err(_) => false,
    }
}

fn collect(
    stmt: &mut rusqlite::CachedStatement<'_>,
    args: impl rusqlite::Params,
) -> Result<Vec<AccountTotals>> {
    let rows = stmt
        .query_map(args, |r| {
            Ok(AccountTotals {
                account: r.get(0)?,
                debit: Satang::new(r.get(1)?),
                credit: Satang::new(r.get(2)?),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

impl Reader<'_> {
    /// Totals per account of every entry dated on or before `as_of` (ISO date).
    pub fn totals_as_of(&self, as_of: &str) -> Result<Vec<AccountTotals>> {
        let month = &as_of[..7];
        if is_month_end(as_of) {
            // Whole months only: the per-month totals answer it without touching postings.
            let mut stmt = self.conn.prepare_cached(
                "SELECT account_code, SUM(debit), SUM(credit) FROM account_month WHERE month <= ?1
                 GROUP BY account_code ORDER BY account_code",
            )?;
            return collect(&mut stmt, params![month]);
        }
        let mut stmt = self.conn.prepare_cached(
            "SELECT account_code, SUM(debit), SUM(credit) FROM (
                 SELECT account_code, debit, credit FROM account_month WHERE month < ?1
                 UNION ALL
                 SELECT p.account_code, max(p.amount, 0), max(-p.amount, 0)
                 FROM journal_entry e JOIN posting p ON p.entry_id = e.id
                 WHERE e.entry_date >= ?1 || '-01' AND e.entry_date <= ?2)
             GROUP BY account_code ORDER BY account_code",
        )?;
        collect(&mut stmt, params![month, as_of])
    }

    /// The month's money as the statement shows it, in one pass over its entries and their
    /// postings (in the date index's order, so each entry's lines come together): the other
    /// side of every entry that moved a till, summed by account; how many entries moved no
    /// money (an allocation, a reversal's journal); and the cash and bank brought forward by
    /// an opening entry.
    pub fn cash_counterparts_of_month(
        &self,
        month: &str,
    ) -> Result<(Vec<AccountTotals>, i64, i64)> {
        use rusqlite::types::ValueRef;
        let span = (format!("{month}-01"), format!("{month}-31"));
        let tills: Vec<String> = self
            .conn
            .prepare_cached("SELECT code FROM account WHERE cash_kind IS NOT NULL")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, e.kind = 'opening_balance', p.account_code, p.amount
             FROM journal_entry e JOIN posting p ON p.entry_id = e.id
             WHERE e.entry_date BETWEEN ?1 AND ?2
             ORDER BY e.entry_date, e.id, p.line",
        )?;
        let mut rows = stmt.query(params![span.0, span.1])?;
        // (account, debit, credit) of the other side, by account
        let mut sums: std::collections::BTreeMap<String, (i64, i64)> = Default::default();
        let mut without_cash = 0i64;
        let mut brought_forward = 0i64;
        // the entry being read: its id, whether it opens the books, its lines
        let mut current: Option<(i64, bool)> = None;
        let mut lines: Vec<(usize, i64)> = Vec::new();
        let mut others: Vec<String> = Vec::new();
        let mut n_others = 0usize;
        let mut finish = |opening: bool, lines: &[(usize, i64)], others: &[String]| {
            let moved_money = lines.iter().any(|(i, _)| *i == usize::MAX);
            if opening {
                return;
            }
            if !moved_money {
                without_cash += 1;
                return;
            }
            for (i, amount) in lines.iter().filter(|(i, _)| *i != usize::MAX) {
                let sum = match sums.get_mut(&others[*i]) {
                    Some(s) => s,
                    None => sums.entry(others[*i].clone()).or_default(),
                };
                if *amount > 0 {
                    sum.0 += amount;
                } else {
                    sum.1 -= amount;
                }
            }
        };
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let opening: bool = r.get(1)?;
            if current.map(|c| c.0) != Some(id) {
                if let Some((_, was_opening)) = current {
                    finish(was_opening, &lines, &others);
                }
                current = Some((id, opening));
                lines.clear();
                n_others = 0;
            }
            let account = match r.get_ref(2)? {
                ValueRef::Text(t) => std::str::from_utf8(t).unwrap_or(""),
                _ => "",
            };
            let amount: i64 = r.get(3)?;
            if tills.iter().any(|t| t == account) {
                // a till's line: marked, and what an opening entry brings in
                lines.push((usize::MAX, amount));
                if opening {
                    brought_forward += amount;
                }
            } else {
                // the names are kept from entry to entry: no allocation per line
                if n_others == others.len() {
                    others.push(String::new());
                }
                others[n_others].clear();
                others[n_others].push_str(account);
                lines.push((n_others, amount));
                n_others += 1;
            }
        }
        if let Some((_, was_opening)) = current {
            finish(was_opening, &lines, &others);
        }
        let totals = sums
            .into_iter()
            .map(|(account, (debit, credit))| AccountTotals {
                account,
                debit: Satang::new(debit),
                credit: Satang::new(credit),
            })
            .collect();
        Ok((totals, without_cash, brought_forward))
    }

    /// Totals per account of the entries dated in one month (`YYYY-MM`).
    pub fn totals_of_month(&self, month: &str) -> Result<Vec<AccountTotals>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT account_code, debit, credit FROM account_month WHERE month = ?1 ORDER BY account_code",
        )?;
        collect(&mut stmt, params![month])
    }

    /// Totals per account and month over a span of months, for charts and yearly reports.
    pub fn totals_by_month(
        &self,
        from_month: &str,
        to_month: &str,
    ) -> Result<Vec<(String, AccountTotals)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT month, account_code, debit, credit FROM account_month
             WHERE month BETWEEN ?1 AND ?2 ORDER BY month, account_code",
        )?;
        let rows = stmt
            .query_map(params![from_month, to_month], |r| {
                Ok((
                    r.get(0)?,
                    AccountTotals {
                        account: r.get(1)?,
                        debit: Satang::new(r.get(2)?),
                        credit: Satang::new(r.get(3)?),
                    },
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// A member's sajja savings balance (what the fund owes them).
    pub fn savings_balance(&self, member_id: i64) -> Result<Satang> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT COALESCE(SUM(amount), 0) FROM posting WHERE member_id = ?1 AND account_code = ?2",
        )?;
        let sum: i64 = stmt.query_row(params![member_id, SAVINGS_OWED], |r| r.get(0))?;
        Ok(Satang::new(-sum))
    }

    /// Every member's savings balance, by member id (members with none left out).
    pub fn savings_balances(&self) -> Result<Vec<(i64, Satang)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, -SUM(amount) FROM posting WHERE member_id IS NOT NULL AND account_code = ?1
             GROUP BY member_id HAVING SUM(amount) <> 0 ORDER BY member_id",
        )?;
        let rows = stmt
            .query_map([SAVINGS_OWED], |r| Ok((r.get(0)?, Satang::new(r.get(1)?))))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Balance of one account as of a date.
    pub fn account_balance(&self, account: &str, as_of: &str) -> Result<Satang> {
        Ok(self
            .totals_as_of(as_of)?
            .into_iter()
            .find(|t| t.account == account)
            .map(|t| t.net())
            .unwrap_or_default())
    }
}

impl Reader<'_> {
    /// The lowest balance `account` reaches on or after `date`: what can still be taken out
    /// on `date` without any later day going below zero (entries may be backdated within an
    /// open month).
    pub fn lowest_balance_from(&self, account: &str, date: &str) -> Result<Satang> {
        self.balance_bound_from(account, date, i64::min)
    }

    /// The lowest credit balance a liability (or income) account holds on or after `date`:
    /// what can still be drawn from it on `date`.
    pub fn lowest_credit_from(&self, account: &str, date: &str) -> Result<Satang> {
        Ok(-self.balance_bound_from(account, date, i64::max)?)
    }

    fn balance_bound_from(
        &self,
        account: &str,
        date: &str,
        pick: fn(i64, i64) -> i64,
    ) -> Result<Satang> {
        let mut balance = self.account_balance(account, date)?.satang();
        let mut bound = balance;
        let mut stmt = self.conn.prepare_cached(
            "SELECT SUM(p.amount) FROM journal_entry e JOIN posting p ON p.entry_id = e.id
             WHERE e.entry_date > ?2 AND p.account_code = ?1
             GROUP BY e.entry_date ORDER BY e.entry_date",
        )?;
        let mut rows = stmt.query(params![account, date])?;
        while let Some(r) = rows.next()? {
            balance += r.get::<_, i64>(0)?;
            bound = pick(bound, balance);
        }
        Ok(Satang::new(bound))
    }
}

/// Welfare paid from one welfare account in a span: cases (entries) and net baht, and the
/// names of those paid; members' welfare and community welfare (claims of people who are not
/// members) in rows of their own.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct WelfarePaid {
    pub account: String,
    pub category: String,
    pub name_th: String,
    pub cases: i64,
    pub amount: Satang,
    pub recipients: Vec<String>,
    /// Paid to people in the community who are not members (a claim's payout with no member).
    pub community: bool,
}

impl Reader<'_> {
    /// Welfare payouts (debits to welfare expense accounts, net of reversals) in [from, to]:
    /// members' rows first, then the community's, each by account.
    pub fn welfare_paid_between(&self, from: &str, to: &str) -> Result<Vec<WelfarePaid>> {
        // The welfare accounts' postings are found by their partial index (schema 19) among
        // the entries of the span's id range, not by reading every posting of the span; every
        // account with a welfare category is a 51xx one (domain::accounts keeps it so). A
        // claim's payout (or its reversal) with no member on it is a non-member's claim.
        let mut stmt = self.conn.prepare_cached(
            "WITH span AS (SELECT min(id) AS lo, max(id) AS hi FROM journal_entry
                           WHERE entry_date BETWEEN ?1 AND ?2)
             SELECT a.code, a.welfare_category, a.name_th, e.id, e.reverses, p.amount,
                    COALESCE(m.title || m.first_name || ' ' || m.last_name, c.person_name, ''),
                    COALESCE(p.member_id, e.member_id) IS NULL
                        AND COALESCE(o.kind, e.kind) = 'claim_payout' AS community
             FROM span
             JOIN posting p ON p.account_code BETWEEN '5100' AND '5299'
                           AND p.entry_id BETWEEN span.lo AND span.hi
             JOIN journal_entry e ON e.id = p.entry_id
             JOIN account a ON a.code = p.account_code AND a.welfare_category IS NOT NULL
             LEFT JOIN member m ON m.id = COALESCE(p.member_id, e.member_id)
             LEFT JOIN journal_entry o ON o.id = e.reverses
             LEFT JOIN claim c ON c.payout_entry_id = e.id
             WHERE e.entry_date BETWEEN ?1 AND ?2
             ORDER BY community, a.code, e.id",
        )?;
        let mut out: Vec<WelfarePaid> = Vec::new();
        let mut rows = stmt.query(params![from, to])?;
        while let Some(r) = rows.next()? {
            let code: String = r.get(0)?;
            let community: bool = r.get(7)?;
            if out.last().map(|w| w.account != code || w.community != community).unwrap_or(true) {
                out.push(WelfarePaid {
                    account: code.clone(),
                    category: r.get(1)?,
                    name_th: r.get(2)?,
                    community,
                    ..Default::default()
                });
            }
            let w = out.last_mut().expect("pushed above");
            let reverses: Option<i64> = r.get(4)?;
            let amount: i64 = r.get(5)?;
            w.amount += Satang::new(amount);
            if reverses.is_some() {
                w.cases -= 1;
            } else {
                w.cases += 1;
                let name: String = r.get(6)?;
                if !name.is_empty() {
                    w.recipients.push(name);
                }
            }
        }
        Ok(out.into_iter().filter(|w| w.cases != 0 || w.amount.satang() != 0).collect())
    }
}

impl Tx<'_> {
    /// Record a backup in the log (shown on the dashboard as "last backup").
    pub fn log_backup(&mut self, path: &str, made_at: &str, last_entry: i64) -> Result<()> {
        self.tx.execute(
            "INSERT INTO backup_log (path, made_at, last_entry) VALUES (?1, ?2, ?3)",
            params![path, made_at, last_entry],
        )?;
        Ok(())
    }
}

impl Reader<'_> {
    /// The newest backup in the log: (path, made_at, last entry it held).
    pub fn last_backup(&self) -> Result<Option<(String, String, i64)>> {
        use rusqlite::OptionalExtension;
        Ok(self
            .conn
            .query_row("SELECT path, made_at, last_entry FROM backup_log ORDER BY made_at DESC, rowid DESC LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .optional()?)
    }
}
