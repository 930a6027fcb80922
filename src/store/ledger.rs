//! SQL for balances and totals. Whole months come from `account_month` and each month's
//! money from `cash_month` (both kept by the store as it posts), so a trial balance over
//! twenty years or a year's statements read a few thousand rows, not millions of postings.

use super::{Reader, Tx};
use crate::domain::accounts::SAVINGS_OWED;
use crate::domain::Satang;
use crate::error::Result;
use chrono::Datelike;
use rusqlite::{params, OptionalExtension};
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

    /// The month's money as the statement shows it, as kept beside the journal
    /// (`cash_month`, `cash_month_apart`; see `domain::money_side`): the other side of every
    /// entry that moved a till, summed by account (in account order); how many entries moved
    /// no money (an allocation, a reversal's journal); and the cash and bank brought forward
    /// by an opening entry.
    pub fn cash_counterparts_of_month(
        &self,
        month: &str,
    ) -> Result<(Vec<AccountTotals>, i64, i64)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT account_code, debit, credit FROM cash_month WHERE month = ?1 ORDER BY account_code",
        )?;
        let totals = collect(&mut stmt, params![month])?;
        let (without_cash, brought_forward) = self
            .conn
            .prepare_cached(
                "SELECT entries_without_cash, brought_forward FROM cash_month_apart WHERE month = ?1",
            )?
            .query_row([month], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?
            .unwrap_or((0, 0));
        Ok((totals, without_cash, brought_forward))
    }

    /// The codes of the tills: the accounts that hold cash on hand or money in a bank.
    pub fn till_codes(&self) -> Result<Vec<String>> {
        Ok(self
            .conn
            .prepare_cached("SELECT code FROM account WHERE cash_kind IS NOT NULL ORDER BY code")?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
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
