//! The balances the books never let fall below zero, on an entry's date or on any later day
//! already on the books: every till (cash on hand, each bank account), each member's sajja
//! savings, and each member's loan outstanding. `Tx::post_entry` checks every entry against
//! them before it is written, so no operation (withdrawal, payment, transfer, claim payout,
//! loan, reversal, batch payout, opening entry) can bypass the rule; an operation may ask
//! first (`Reader::floor_shortfall`) to word its own error.

use super::Reader;
use crate::domain::accounts::{LOANS, SAVINGS_OWED};
pub use crate::domain::floors::{Floor, Shortfall};
use crate::domain::{Posting, Satang};
use crate::error::Result;
use rusqlite::params;
use std::collections::BTreeMap;

/// Which way a floored account's balance runs: debit-normal tills and loans are the sum of
/// their postings; the savings owed to members (a liability) is minus that sum.
fn balance_sign(account: &str) -> i64 {
    if account == SAVINGS_OWED {
        -1
    } else {
        1
    }
}

/// The floored balances that `postings` lower, with how much (negative), before asking the
/// database which candidates are tills. Empty for an entry that only raises balances.
pub(crate) fn lowered(postings: &[Posting]) -> Vec<(Floor, i64)> {
    let mut lowered: BTreeMap<Floor, i64> = BTreeMap::new();
    for p in postings {
        let member_floor =
            (p.account == SAVINGS_OWED || p.account == LOANS) && p.member_id.is_some();
        let change = balance_sign(&p.account) * p.amount.satang();
        if member_floor {
            *lowered
                .entry(Floor { account: p.account.clone(), member_id: p.member_id })
                .or_default() += change;
        } else if p.account.starts_with('1') && p.account != LOANS {
            // a candidate till; whether it is one is asked below, only when it goes down
            *lowered.entry(Floor { account: p.account.clone(), member_id: None }).or_default() +=
                change;
        }
    }
    lowered.into_iter().filter(|(_, change)| *change < 0).collect()
}

impl Reader<'_> {
    /// The first floored balance (in account, member order) that `postings`, dated `date`,
    /// would take below zero on that day or any later day; `None` when every one holds.
    /// Postings that only raise a balance cost no query (a collection day pays nothing out).
    pub fn floor_shortfall(&self, date: &str, postings: &[Posting]) -> Result<Option<Shortfall>> {
        for (floor, change) in lowered(postings) {
            let Some(account) = self.account(&floor.account)? else { continue };
            let lowest = match floor.member_id {
                Some(member_id) => {
                    self.lowest_member_balance_from(&floor.account, member_id, date)?
                }
                None if account.cash_kind.is_some() => {
                    self.lowest_balance_from(&floor.account, date)?
                }
                None => continue,
            };
            if lowest.satang() + change < 0 {
                let member_no = match floor.member_id {
                    Some(id) => self.member_by_id(id)?.map(|m| m.member_no),
                    None => None,
                };
                return Ok(Some(Shortfall {
                    floor,
                    account_name_th: account.name_th,
                    account_name_en: account.name_en,
                    member_no,
                    lowest,
                    taken: Satang::new(-change),
                }));
            }
        }
        Ok(None)
    }

    /// The lowest one member's balance in `account` (savings or loan, in the account's own
    /// sign) is at the end of `date` or of any later day: one pass over that member's
    /// postings in date order.
    pub fn lowest_member_balance_from(
        &self,
        account: &str,
        member_id: i64,
        date: &str,
    ) -> Result<Satang> {
        let sign = balance_sign(account);
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.entry_date, SUM(p.amount) FROM posting p
             JOIN journal_entry e ON e.id = p.entry_id
             WHERE p.member_id = ?1 AND p.account_code = ?2
             GROUP BY e.entry_date ORDER BY e.entry_date",
        )?;
        let mut rows = stmt.query(params![member_id, account])?;
        // The balance at the end of `date`, then the lowest it reaches after.
        let mut balance = 0i64;
        let mut lowest: Option<i64> = None;
        while let Some(r) = rows.next()? {
            let day: String = r.get(0)?;
            if day.as_str() > date && lowest.is_none() {
                lowest = Some(balance);
            }
            balance += sign * r.get::<_, i64>(1)?;
            if let Some(l) = lowest.as_mut() {
                *l = (*l).min(balance);
            }
        }
        Ok(Satang::new(lowest.unwrap_or(balance)))
    }

    /// The lowest a member's savings balance is on or after `date` (so a backdated
    /// withdrawal can never take a balance below zero on any day).
    pub fn lowest_savings_from(&self, member_id: i64, date: &str) -> Result<Satang> {
        self.lowest_member_balance_from(SAVINGS_OWED, member_id, date)
    }
}
