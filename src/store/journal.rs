//! SQL for the journal: posting an entry onto the hash chain, reading entries back, closing
//! months, and walking the chain to verify it.

use super::{map_trigger_error, Reader, Tx};
use crate::domain::chain::{ChainRecord, GENESIS};
use crate::domain::money_side::{add_debit_or_credit, EntryMoney};
use crate::domain::{BalancedEntry, EntryKind, Posting, Satang};
use crate::error::{ChainProblem, Error, Result};
use chrono::Datelike;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::collections::BTreeMap;

/// One line of an account's ledger: (date, document number, description, amount, entry id).
pub type LedgerLine = (String, String, String, Satang, i64);

/// What the caller gets back for a posted entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PostedRef {
    pub id: i64,
    pub doc_no: String,
    #[serde(with = "hex::serde")]
    pub hash: [u8; 32],
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PostingRow {
    pub line: i64,
    pub account: String,
    pub amount: Satang,
    pub member_id: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryRow {
    pub id: i64,
    pub entry_date: String,
    pub doc_no: String,
    pub kind: String,
    pub member_id: Option<i64>,
    pub reverses: Option<i64>,
    pub reversed_by: Option<i64>,
    pub description: String,
    pub reason: String,
    pub recorded_by: String,
    pub recorded_at: String,
    pub hash: String,
    pub postings: Vec<PostingRow>,
}

impl EntryRow {
    /// Rebuild the validated entry (for reversing it).
    pub fn to_balanced(&self) -> Result<BalancedEntry> {
        let date = crate::domain::date::parse_field("entry_date", &self.entry_date)?;
        let kind = EntryKind::from_key(&self.kind).ok_or_else(|| {
            Error::invalid(
                "kind",
                &self.kind,
                crate::Problem::UnknownChoice {
                    allowed: EntryKind::ALL.iter().map(|k| k.key()).collect::<Vec<_>>().join(", "),
                },
            )
        })?;
        BalancedEntry::new(
            date,
            kind,
            self.description.clone(),
            self.member_id,
            self.postings
                .iter()
                .map(|p| Posting {
                    account: p.account.clone(),
                    amount: p.amount,
                    member_id: p.member_id,
                })
                .collect(),
        )
    }
}

/// The result of walking the whole chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChainReport {
    pub entries: i64,
    pub postings: i64,
    #[serde(with = "hex::serde")]
    pub head: [u8; 32],
    pub fingerprint: String,
}

impl Tx<'_> {
    /// Put a validated entry on the chain: next document number, next id, hash over the
    /// previous head. The closed-month trigger guards the date even if a caller forgot.
    pub fn post_entry(
        &mut self,
        entry: &BalancedEntry,
        recorded_by: &str,
        recorded_at: &str,
    ) -> Result<PostedRef> {
        let date = entry.date().to_string();
        // No till, member's savings or loan below zero on this day or any later one.
        // (Asked only when the entry lowers one: reading flushes this transaction's totals,
        // and a collection day of thousands of receipts should not flush at each.)
        if !super::floors::lowered(entry.postings()).is_empty() {
            if let Some(shortfall) = self.read().floor_shortfall(&date, entry.postings())? {
                return Err(Error::BelowZero {
                    date: entry.date(),
                    shortfall: Box::new(shortfall),
                });
            }
        }
        let be_year = entry.date().year() + crate::thai::BE_OFFSET;
        let prefix = entry.kind().doc_prefix();
        let seq = self.next_doc_number(prefix, be_year)?;
        let doc_no = format!("{prefix}{be_year}/{seq:06}");
        let (prev_id, prev_hash) = match self.head {
            Some(head) => head,
            None => self.read().chain_head()?,
        };
        let id = prev_id + 1;
        let record = ChainRecord {
            id,
            entry_date: date.clone(),
            doc_no: doc_no.clone(),
            kind: entry.kind().key().to_string(),
            member_id: entry.member_id(),
            reverses: entry.reverses(),
            description: entry.description().to_string(),
            reason: entry.reason().to_string(),
            recorded_by: recorded_by.to_string(),
            recorded_at: recorded_at.to_string(),
            postings: entry
                .postings()
                .iter()
                .map(|p| (p.account.clone(), p.amount.satang(), p.member_id))
                .collect(),
        };
        let hash = record.hash(&prev_hash);
        self.tx
            .prepare_cached(
                "INSERT INTO journal_entry (id, entry_date, doc_no, kind, member_id, reverses, description, reason,
                                            recorded_by, recorded_at, hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            )?
            .execute(params![
                id,
                date,
                doc_no,
                record.kind,
                record.member_id,
                record.reverses,
                record.description,
                record.reason,
                recorded_by,
                recorded_at,
                &hash[..]
            ])
            .map_err(|e| map_trigger_error(e, &date))?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO posting (entry_id, line, account_code, amount, member_id) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (line, p) in entry.postings().iter().enumerate() {
            stmt.execute(params![id, line as i64 + 1, p.account, p.amount.satang(), p.member_id])?;
        }
        drop(stmt);
        for p in entry.postings() {
            self.add_to_totals(&p.account, &date[..7], p.amount.satang());
        }
        if self.tills.is_none() {
            self.tills = Some(self.read().till_codes()?);
        }
        let tills = self.tills.as_deref().unwrap_or_default();
        let lines = entry
            .postings()
            .iter()
            .map(|p| (p.account.as_str(), p.amount.satang(), tills.contains(&p.account)));
        self.add_to_money(&date[..7], entry.kind() == EntryKind::OpeningBalance, lines);
        self.head = Some((id, hash));
        Ok(PostedRef { id, doc_no, hash })
    }

    /// The next number in a document series (prefix and BE year). Kept in memory during the
    /// transaction and saved by `save_doc_numbers` just before commit.
    fn next_doc_number(&mut self, prefix: &str, be_year: i32) -> Result<i64> {
        let key = (prefix.to_string(), be_year);
        let last = match self.doc_numbers.get(&key) {
            Some(last) => *last,
            None => self
                .tx
                .prepare_cached("SELECT last FROM doc_sequence WHERE prefix = ?1 AND year = ?2")?
                .query_row(params![prefix, be_year], |r| r.get(0))
                .optional()?
                .unwrap_or(0),
        };
        self.doc_numbers.insert(key, last + 1);
        Ok(last + 1)
    }

    pub(crate) fn save_doc_numbers(&mut self) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO doc_sequence (prefix, year, last) VALUES (?1, ?2, ?3)
             ON CONFLICT (prefix, year) DO UPDATE SET last = excluded.last",
        )?;
        for ((prefix, year), last) in &self.doc_numbers {
            stmt.execute(params![prefix, year, last])?;
        }
        Ok(())
    }

    pub fn insert_closed_month(
        &mut self,
        month: &str,
        closed_at: &str,
        closed_by: &str,
    ) -> Result<(i64, [u8; 32])> {
        let (last_entry, head) = self.read().chain_head()?;
        self.tx.execute(
            "INSERT INTO closed_month (month, closed_at, closed_by, last_entry, chain_head) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![month, closed_at, closed_by, last_entry, &head[..]],
        )?;
        Ok((last_entry, head))
    }
}

fn to_hash(bytes: Vec<u8>) -> [u8; 32] {
    let mut h = [0u8; 32];
    if bytes.len() == 32 {
        h.copy_from_slice(&bytes);
    }
    h
}

impl Reader<'_> {
    /// (id, hash) of the last entry, or (0, zeros) on an empty journal.
    pub fn chain_head(&self) -> Result<(i64, [u8; 32])> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT id, hash FROM journal_entry ORDER BY id DESC LIMIT 1")?;
        let row = stmt
            .query_row([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
            .optional()?;
        Ok(match row {
            Some((id, hash)) => (id, to_hash(hash)),
            None => (0, GENESIS),
        })
    }

    /// Chain head as it was at the end of `last_entry_id` (for a closed month's statement).
    pub fn hash_of_entry(&self, id: i64) -> Result<Option<[u8; 32]>> {
        let mut stmt = self.conn.prepare_cached("SELECT hash FROM journal_entry WHERE id = ?1")?;
        Ok(stmt.query_row([id], |r| r.get::<_, Vec<u8>>(0)).optional()?.map(to_hash))
    }

    pub fn entry(&self, id: i64) -> Result<Option<EntryRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.*, (SELECT r.id FROM journal_entry r WHERE r.reverses = e.id) AS reversed_by
             FROM journal_entry e WHERE e.id = ?1",
        )?;
        let Some(mut entry) = stmt.query_row([id], entry_from_row).optional()? else {
            return Ok(None);
        };
        entry.postings = self.postings_of(id)?;
        Ok(Some(entry))
    }

    pub fn entry_by_doc_no(&self, doc_no: &str) -> Result<Option<EntryRow>> {
        let id: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM journal_entry WHERE doc_no = ?1")?
            .query_row([doc_no], |r| r.get(0))
            .optional()?;
        match id {
            Some(id) => self.entry(id),
            None => Ok(None),
        }
    }

    fn postings_of(&self, entry_id: i64) -> Result<Vec<PostingRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT line, account_code, amount, member_id FROM posting WHERE entry_id = ?1 ORDER BY line",
        )?;
        let rows = stmt
            .query_map([entry_id], |r| {
                Ok(PostingRow {
                    line: r.get(0)?,
                    account: r.get(1)?,
                    amount: Satang::new(r.get(2)?),
                    member_id: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Entries dated in [from, to], oldest first, optionally for one member.
    pub fn entries_between(
        &self,
        from: &str,
        to: &str,
        member_id: Option<i64>,
    ) -> Result<Vec<EntryRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.*, (SELECT r.id FROM journal_entry r WHERE r.reverses = e.id) AS reversed_by
             FROM journal_entry e
             WHERE e.entry_date BETWEEN ?1 AND ?2
               AND (?3 IS NULL OR e.id IN (SELECT p.entry_id FROM posting p WHERE p.member_id = ?3))
             ORDER BY e.entry_date, e.id",
        )?;
        let mut rows = stmt
            .query_map(params![from, to, member_id], entry_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for e in &mut rows {
            e.postings = self.postings_of(e.id)?;
        }
        Ok(rows)
    }

    /// Every entry with its postings, in id order, streamed (the journal can be millions).
    pub fn for_each_entry(&self, f: impl FnMut(&EntryRow)) -> Result<()> {
        self.for_each_entry_in(1, i64::MAX, f)
    }

    /// Entries with ids in [first, last], streamed in id order.
    pub fn for_each_entry_in(
        &self,
        first: i64,
        last: i64,
        mut f: impl FnMut(&EntryRow),
    ) -> Result<()> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.entry_date, e.doc_no, e.kind, e.member_id, e.reverses, e.description, e.reason,
                    e.recorded_by, e.recorded_at, e.hash, p.line, p.account_code, p.amount, p.member_id
             FROM journal_entry e JOIN posting p ON p.entry_id = e.id
             WHERE e.id BETWEEN ?1 AND ?2 ORDER BY e.id, p.line",
        )?;
        let mut rows = stmt.query([first, last])?;
        let mut current: Option<EntryRow> = None;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if current.as_ref().map(|c| c.id) != Some(id) {
                if let Some(done) = current.take() {
                    f(&done);
                }
                current = Some(EntryRow {
                    id,
                    entry_date: r.get(1)?,
                    doc_no: r.get(2)?,
                    kind: r.get(3)?,
                    member_id: r.get(4)?,
                    reverses: r.get(5)?,
                    reversed_by: None,
                    description: r.get(6)?,
                    reason: r.get(7)?,
                    recorded_by: r.get(8)?,
                    recorded_at: r.get(9)?,
                    hash: hex::encode(r.get::<_, Vec<u8>>(10)?),
                    postings: Vec::new(),
                });
            }
            if let Some(c) = current.as_mut() {
                c.postings.push(PostingRow {
                    line: r.get(11)?,
                    account: r.get(12)?,
                    amount: Satang::new(r.get(13)?),
                    member_id: r.get(14)?,
                });
            }
        }
        if let Some(done) = current.take() {
            f(&done);
        }
        Ok(())
    }

    /// Lines posted to one account in [from, to]: (date, doc no, description, amount, entry id).
    pub fn account_lines(&self, account: &str, from: &str, to: &str) -> Result<Vec<LedgerLine>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.entry_date, e.doc_no, e.description, p.amount, e.id
             FROM journal_entry e JOIN posting p ON p.entry_id = e.id
             WHERE e.entry_date BETWEEN ?2 AND ?3 AND p.account_code = ?1
             ORDER BY e.entry_date, e.id, p.line",
        )?;
        let rows = stmt
            .query_map(params![account, from, to], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, Satang::new(r.get(3)?), r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn entry_count(&self) -> Result<i64> {
        Ok(self.conn.query_row("SELECT count(*) FROM journal_entry", [], |r| r.get(0))?)
    }

    /// The latest closed month (`YYYY-MM`), if any.
    pub fn last_closed_month(&self) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT max(month) FROM closed_month", [], |r| r.get(0))?)
    }

    /// Whether `month` (`YYYY-MM`) is closed: closes go in order, so a month is closed when
    /// it is at or before the last closed one (a close seals the months it skipped too).
    pub fn is_month_closed(&self, month: &str) -> Result<bool> {
        Ok(self.last_closed_month()?.is_some_and(|last| month <= last.as_str()))
    }

    /// (month, last entry id, chain head) of every closed month, oldest first.
    pub fn closed_months(&self) -> Result<Vec<(String, i64, [u8; 32])>> {
        let mut stmt = self
            .conn
            .prepare("SELECT month, last_entry, chain_head FROM closed_month ORDER BY month")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, to_hash(r.get(2)?))))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The chain head that seals `month` (`YYYY-MM`): the one recorded by the first close at
    /// or after it (a close also seals the months it skipped), so a closed month's reports
    /// never change; for an open month, the current head.
    pub fn sealed_head(&self, month: &str) -> Result<[u8; 32]> {
        let head: Option<Vec<u8>> = self
            .conn
            .prepare_cached(
                "SELECT chain_head FROM closed_month WHERE month >= ?1 ORDER BY month LIMIT 1",
            )?
            .query_row([month], |r| r.get(0))
            .optional()?;
        match head {
            Some(h) => Ok(to_hash(h)),
            None => Ok(self.chain_head()?.1),
        }
    }

    /// The earliest entry date, if any.
    pub fn first_entry_date(&self) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT min(entry_date) FROM journal_entry", [], |r| r.get(0))?)
    }

    /// Walk every entry in id order, recompute each hash from the stored fields, check that
    /// ids have no gaps, that every entry balances, that closed months still point at the same
    /// heads, and that the monthly totals match the postings. The first problem found is the
    /// error, naming the entry.
    pub fn verify_chain(&self) -> Result<ChainReport> {
        self.verify_chain_reporting(&mut |_, _| {})
    }

    /// `verify_chain`, telling `progress(entries done, entries in all)` every 16,384 entries.
    /// One pass over the entries and one over the postings, both in id order and read side
    /// by side (two sequential scans: no search of the postings per entry, so the pass reads
    /// each page once whatever the page cache holds): each entry's bytes are built in reused
    /// buffers straight from the rows (no allocation per entry), hashed on the one before,
    /// and every posting is summed by account and month on the way, to compare with the
    /// monthly totals and each month's money kept beside the journal.
    pub fn verify_chain_reporting(
        &self,
        progress: &mut dyn FnMut(i64, i64),
    ) -> Result<ChainReport> {
        use crate::domain::chain::{EntryBytes, EntryFields};
        use rusqlite::types::ValueRef;
        let total = self.entry_count()?;
        let mut entry_stmt = self.conn.prepare(CHAIN_ENTRIES)?;
        let mut posting_stmt = self.conn.prepare(CHAIN_POSTINGS)?;
        let mut contribution_stmt = self.conn.prepare(CHAIN_CONTRIBUTIONS)?;
        let mut entry_rows = entry_stmt.query([])?;
        let mut posting_rows = posting_stmt.query([])?;
        let mut contribution_rows = contribution_stmt.query([])?;
        // each member's contribution periods, to compare with the ones kept per member
        let mut periods = PeriodsPaid::new(self.register_size()?);
        let mut prev_hash = GENESIS;
        let mut expected_id = 1i64;
        let mut entries = 0i64;
        let mut postings = 0i64;
        let mut bytes = EntryBytes::default();
        let mut months = MonthSums::default();
        // each month's money summed again by the rule the store kept it by
        let mut money = MoneyApart::new(self.till_codes()?);
        let text = text_bytes;
        let broken = |id: i64, doc_no: &[u8], reason: ChainProblem| Error::ChainBroken {
            entry_id: id,
            doc_no: String::from_utf8_lossy(doc_no).into_owned(),
            reason,
        };
        let orphan = |id: i64| ChainProblem::PostingsWithoutEntry { entry: id }.at(id);
        let orphan_contribution =
            |id: i64| ChainProblem::ContributionWithoutEntry { entry: id }.at(id);
        // the first posting (contribution) not yet read into its entry
        let mut next_posting = posting_rows.next()?;
        let mut next_contribution = contribution_rows.next()?;

        while let Some(r) = entry_rows.next()? {
            let id: i64 = r.get(0)?;
            let doc_no = text(r.get_ref(2)?)?;
            if id != expected_id {
                return Err(broken(
                    id,
                    doc_no,
                    ChainProblem::EntryMissing { missing: expected_id },
                ));
            }
            expected_id += 1;
            let (entry_date, kind) = (text(r.get_ref(1)?)?, text(r.get_ref(3)?)?);
            bytes.start(&EntryFields {
                id,
                entry_date,
                doc_no,
                kind,
                member_id: r.get(4)?,
                reverses: r.get(5)?,
                description: text(r.get_ref(6)?)?,
                reason: text(r.get_ref(7)?)?,
                recorded_by: text(r.get_ref(8)?)?,
                recorded_at: text(r.get_ref(9)?)?,
            });
            months.month_of(entry_date);
            money.start_entry(entry_date, kind == b"opening_balance");
            let stored: [u8; 32] = match r.get_ref(10)? {
                ValueRef::Blob(b) if b.len() == 32 => b.try_into().expect("32 bytes"),
                _ => [0u8; 32],
            };
            while let Some(p) = next_posting {
                let of_entry: i64 = p.get(0)?;
                if of_entry < id {
                    return Err(orphan(of_entry));
                }
                if of_entry > id {
                    break;
                }
                let account = text(p.get_ref(1)?)?;
                let amount: i64 = p.get(2)?;
                bytes.line(account, amount, p.get(3)?);
                months.add(account, amount);
                money.line(account, amount);
                postings += 1;
                next_posting = posting_rows.next()?;
            }
            while let Some(c) = next_contribution {
                let of_entry: i64 = c.get(0)?;
                if of_entry < id {
                    return Err(orphan_contribution(of_entry));
                }
                if of_entry > id {
                    break;
                }
                periods.paid(id, c.get(1)?, c.get(2)?)?;
                next_contribution = contribution_rows.next()?;
            }
            if let Some(reversed) = r.get::<_, Option<i64>>(5)? {
                periods.reversed.push(reversed);
            }
            if bytes.line_count() < 2 {
                return Err(broken(id, doc_no, ChainProblem::FewerThanTwoLines));
            }
            if bytes.sum() != 0 {
                return Err(broken(id, doc_no, ChainProblem::LinesDoNotSum { sum: bytes.sum() }));
            }
            if bytes.hash(&prev_hash) != stored {
                return Err(broken(id, doc_no, ChainProblem::HashMismatch));
            }
            prev_hash = stored;
            money.finish_entry();
            entries += 1;
            if entries % 16_384 == 0 {
                progress(entries, total);
            }
        }
        if let Some(p) = next_posting {
            return Err(orphan(p.get(0)?));
        }
        if let Some(c) = next_contribution {
            return Err(orphan_contribution(c.get(0)?));
        }
        drop((entry_rows, posting_rows, contribution_rows));
        progress(entries, total);

        for (month, last_entry, head) in self.closed_months()? {
            let now = self.hash_of_entry(last_entry)?.unwrap_or(GENESIS);
            if last_entry > 0 && now != head {
                return Err(ChainProblem::ClosedMonthHead { month }.at(last_entry));
            }
        }
        self.verify_month_money(&months, money)?;
        self.verify_month_totals(months)?;
        if let Some((member, kept, actual)) = self.periods_kept_wrongly(periods)? {
            // named by the number the fund knows them by (the id when not on the register)
            let member_no =
                self.member_by_id(member)?.map_or_else(|| member.to_string(), |m| m.member_no);
            return Err(ChainProblem::PeriodsKept { member_no, kept, actual }.at(0));
        }
        Ok(ChainReport {
            entries,
            postings,
            head: prev_hash,
            fingerprint: crate::domain::chain::fingerprint(&prev_hash),
        })
    }

    /// The monthly totals kept beside the journal (`account_month`) against the sums of
    /// the postings read: every month an account moved, and no month that it did not.
    fn verify_month_totals(&self, mut actual: MonthSums) -> Result<()> {
        let mut stmt =
            self.conn.prepare("SELECT account_code, month, debit, credit FROM account_month")?;
        let mut rows = stmt.query([])?;
        let mismatch = |account: &str, month: &str| {
            ChainProblem::MonthTotals { account: account.into(), month: month.into() }.at(0)
        };
        while let Some(r) = rows.next()? {
            let (account, month): (String, String) = (r.get(0)?, r.get(1)?);
            let kept: (i64, i64) = (r.get(2)?, r.get(3)?);
            let found = actual.take(&account, &month);
            let matches = match found {
                Some(sums) => sums == kept,
                None => kept == (0, 0),
            };
            if !matches {
                return Err(mismatch(&account, &month));
            }
        }
        if let Some((account, month)) = actual.any_left() {
            return Err(mismatch(&account, &month));
        }
        Ok(())
    }
}

impl Reader<'_> {
    /// Each month's money kept beside the journal (`cash_month`, `cash_month_apart`) against
    /// the postings read: the other side of the month's money entries is the month's totals
    /// of every account that is not a till, less the lines of its entries that moved no
    /// money (few: an allocation, an opening entry), which are summed apart while reading.
    fn verify_month_money(&self, sums: &MonthSums, apart: MoneyApart) -> Result<()> {
        // a file inspected as it is (a backup from before schema 21) keeps no money by month
        if !self.has_table("cash_month")? {
            return Ok(());
        }
        let mismatch = |month: &str, account: Option<&str>| {
            ChainProblem::MonthMoney { month: month.into(), account: account.map(str::to_string) }
                .at(0)
        };
        let expected = |account: &str, month: &str| {
            let all = sums.get(account, month).unwrap_or((0, 0));
            let without = apart
                .months
                .get(month)
                .and_then(|m| m.lines.get(account).copied())
                .unwrap_or((0, 0));
            (all.0 - without.0, all.1 - without.1)
        };
        let is_till = |account: &str| apart.tills.iter().any(|t| t == account);
        let mut kept = std::collections::HashSet::new();
        let mut stmt =
            self.conn.prepare("SELECT month, account_code, debit, credit FROM cash_month")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let (month, account): (String, String) = (r.get(0)?, r.get(1)?);
            let row: (i64, i64) = (r.get(2)?, r.get(3)?);
            if is_till(&account) || expected(&account, &month) != row {
                return Err(mismatch(&month, Some(&account)));
            }
            kept.insert((account, month));
        }
        for (account, month) in sums.keys() {
            let key = (account, month);
            if !is_till(&key.0) && !kept.contains(&key) && expected(&key.0, &key.1) != (0, 0) {
                return Err(mismatch(&key.1, Some(&key.0)));
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT month, entries_without_cash, brought_forward FROM cash_month_apart")?;
        let mut rows = stmt.query([])?;
        let mut months = apart.months;
        while let Some(r) = rows.next()? {
            let month: String = r.get(0)?;
            let row: (i64, i64) = (r.get(1)?, r.get(2)?);
            let found = months.remove(&month).map(|m| (m.entries_without_cash, m.brought_forward));
            if found.unwrap_or((0, 0)) != row {
                return Err(mismatch(&month, None));
            }
        }
        if let Some((month, _)) =
            months.iter().find(|(_, m)| m.entries_without_cash != 0 || m.brought_forward != 0)
        {
            return Err(mismatch(month, None));
        }
        Ok(())
    }
}

/// The entries that moved no money, summed by month while the journal is read (an entry's
/// lines off the tills are kept, in buffers reused from entry to entry, until its last line
/// says whether it moved a till: `domain::money_side`).
struct MoneyApart {
    tills: Vec<String>,
    months: BTreeMap<String, MonthApart>,
    month: String,
    opening: bool,
    till_lines: usize,
    till_sum: i64,
    /// the entry's account codes off the tills, one after another, and each line's
    /// (start, end, amount)
    accounts: String,
    lines: Vec<(usize, usize, i64)>,
}

impl MoneyApart {
    fn new(tills: Vec<String>) -> MoneyApart {
        MoneyApart {
            tills,
            months: BTreeMap::new(),
            month: String::new(),
            opening: false,
            till_lines: 0,
            till_sum: 0,
            accounts: String::new(),
            lines: Vec::new(),
        }
    }

    fn start_entry(&mut self, entry_date: &[u8], opening: bool) {
        let month = std::str::from_utf8(&entry_date[..entry_date.len().min(7)]).unwrap_or("");
        if self.month != month {
            self.month.clear();
            self.month.push_str(month);
        }
        self.opening = opening;
        self.till_lines = 0;
        self.till_sum = 0;
        self.accounts.clear();
        self.lines.clear();
    }

    fn line(&mut self, account: &[u8], amount: i64) {
        if self.tills.iter().any(|t| t.as_bytes() == account) {
            self.till_lines += 1;
            self.till_sum += amount;
            return;
        }
        let start = self.accounts.len();
        self.accounts.push_str(std::str::from_utf8(account).unwrap_or(""));
        self.lines.push((start, self.accounts.len(), amount));
    }

    fn finish_entry(&mut self) {
        let money = EntryMoney::of(self.opening, self.till_lines, self.till_sum);
        if money == EntryMoney::Moved {
            return;
        }
        let month = match self.months.get_mut(&self.month) {
            Some(m) => m,
            None => self.months.entry(self.month.clone()).or_default(),
        };
        match money {
            EntryMoney::BroughtForward(amount) => month.brought_forward += amount,
            _ => month.entries_without_cash += 1,
        }
        for &(start, end, amount) in &self.lines {
            let account = &self.accounts[start..end];
            let sums = match month.lines.get_mut(account) {
                Some(sums) => sums,
                None => month.lines.entry(account.to_string()).or_default(),
            };
            add_debit_or_credit(sums, amount);
        }
    }
}

/// Each member's contribution periods summed while the journal is read, and the entries
/// reversed, whose periods are taken off at the end (`Reader::periods_kept_wrongly`). Sums
/// are kept by member id in a vector as long as the register (ids are handed out one after
/// another), and in a map beyond it: a file from a stick whose ids are far apart makes a
/// map as large as its rows, never a vector as large as its largest id.
pub(crate) struct PeriodsPaid {
    dense: Vec<i64>,
    sparse: BTreeMap<i64, i64>,
    highest_member_id: i64,
    pub(crate) reversed: Vec<i64>,
}

impl PeriodsPaid {
    fn new((highest_member_id, members): (i64, i64)) -> PeriodsPaid {
        let dense = highest_member_id.min(members.saturating_mul(2).saturating_add(65_536));
        PeriodsPaid {
            dense: vec![0; usize::try_from(dense.max(0)).unwrap_or(0) + 1],
            sparse: BTreeMap::new(),
            highest_member_id,
            reversed: Vec::new(),
        }
    }

    fn sum_of(&mut self, member_id: i64) -> &mut i64 {
        match usize::try_from(member_id).ok().filter(|m| *m < self.dense.len()) {
            Some(m) => &mut self.dense[m],
            None => self.sparse.entry(member_id).or_default(),
        }
    }

    fn on_register(&self, member_id: i64) -> bool {
        (1..=self.highest_member_id).contains(&member_id)
    }

    fn paid(&mut self, entry_id: i64, member_id: i64, periods: i64) -> Result<()> {
        if !self.on_register(member_id) {
            return Err(ChainProblem::ContributionOfUnknownMember { member_id }.at(entry_id));
        }
        *self.sum_of(member_id) += periods;
        Ok(())
    }

    /// A reversed contribution's periods taken off its member.
    pub(crate) fn take_off(&mut self, member_id: i64, periods: i64) {
        if self.on_register(member_id) {
            *self.sum_of(member_id) -= periods;
        }
    }

    /// A member's periods, left at zero (so what is left after every kept figure was
    /// compared is a member with periods and no kept figure).
    pub(crate) fn take(&mut self, member_id: i64) -> i64 {
        if self.on_register(member_id) {
            std::mem::take(self.sum_of(member_id))
        } else {
            0
        }
    }

    /// (member id, periods) of the first member still holding periods.
    pub(crate) fn first_left(&self) -> Option<(i64, i64)> {
        let dense = self.dense.iter().enumerate().find(|(_, sum)| **sum != 0);
        dense
            .map(|(m, sum)| (m as i64, *sum))
            .or_else(|| self.sparse.iter().find(|(_, sum)| **sum != 0).map(|(m, sum)| (*m, *sum)))
    }
}

/// One month's entries that moved no money: how many (opening entries not counted), what
/// opening entries brought forward, and their lines off the tills by account.
#[derive(Default)]
struct MonthApart {
    entries_without_cash: i64,
    brought_forward: i64,
    lines: BTreeMap<String, (i64, i64)>,
}

/// Every entry in id order, and every posting in entry and line order: what `verify` reads,
/// side by side (and its benchmark floor, `baseline::chain_floor`, reads the same).
pub(crate) const CHAIN_ENTRIES: &str =
    "SELECT id, entry_date, doc_no, kind, member_id, reverses, description, reason, recorded_by,
            recorded_at, hash
     FROM journal_entry ORDER BY id";
pub(crate) const CHAIN_POSTINGS: &str =
    "SELECT entry_id, account_code, amount, member_id FROM posting ORDER BY entry_id, line";
/// Every contribution in entry order, read beside them by `verify` (not by the floor: the
/// periods kept per member are one of verify's own checks).
const CHAIN_CONTRIBUTIONS: &str =
    "SELECT entry_id, member_id, periods FROM contribution ORDER BY entry_id";

/// A text column's bytes as SQLite holds them (NULL as empty), borrowed from the row.
fn text_bytes(v: rusqlite::types::ValueRef<'_>) -> rusqlite::Result<&[u8]> {
    use rusqlite::types::ValueRef;
    match v {
        ValueRef::Text(t) => Ok(t),
        ValueRef::Null => Ok(b""),
        other => Err(rusqlite::Error::InvalidColumnType(0, "text".into(), other.data_type())),
    }
}

/// One account's (debits, credits) by month (`2026-10`).
type DebitsCreditsByMonth = std::collections::HashMap<[u8; 7], (i64, i64)>;

/// Debits and credits summed by account and month while the journal is read, keyed without
/// allocating per posting (an account's map is made once, the month is 7 bytes).
#[derive(Default)]
struct MonthSums {
    month: [u8; 7],
    by_account: std::collections::HashMap<Vec<u8>, DebitsCreditsByMonth>,
}

impl MonthSums {
    /// The month of the entry whose postings come next (`2026-10` of `2026-10-05`).
    fn month_of(&mut self, entry_date: &[u8]) {
        self.month = [0; 7];
        let n = entry_date.len().min(7);
        self.month[..n].copy_from_slice(&entry_date[..n]);
    }

    fn add(&mut self, account: &[u8], amount: i64) {
        let months = match self.by_account.get_mut(account) {
            Some(m) => m,
            None => self.by_account.entry(account.to_vec()).or_default(),
        };
        add_debit_or_credit(months.entry(self.month).or_default(), amount);
    }

    fn get(&self, account: &str, month: &str) -> Option<(i64, i64)> {
        let key: [u8; 7] = month.as_bytes().try_into().ok()?;
        self.by_account.get(account.as_bytes())?.get(&key).copied()
    }

    /// Every (account, month) summed.
    fn keys(&self) -> impl Iterator<Item = (String, String)> + '_ {
        self.by_account.iter().flat_map(|(account, months)| {
            months.keys().map(move |m| {
                (
                    String::from_utf8_lossy(account).into_owned(),
                    String::from_utf8_lossy(m).into_owned(),
                )
            })
        })
    }

    fn take(&mut self, account: &str, month: &str) -> Option<(i64, i64)> {
        let key: [u8; 7] = month.as_bytes().try_into().ok()?;
        self.by_account.get_mut(account.as_bytes())?.remove(&key)
    }

    fn any_left(&self) -> Option<(String, String)> {
        self.by_account.iter().find_map(|(account, months)| {
            months.keys().next().map(|m| {
                (
                    String::from_utf8_lossy(account).into_owned(),
                    String::from_utf8_lossy(m).into_owned(),
                )
            })
        })
    }
}

fn entry_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<EntryRow> {
    Ok(EntryRow {
        id: r.get("id")?,
        entry_date: r.get("entry_date")?,
        doc_no: r.get("doc_no")?,
        kind: r.get("kind")?,
        member_id: r.get("member_id")?,
        reverses: r.get("reverses")?,
        reversed_by: r.get("reversed_by")?,
        description: r.get("description")?,
        reason: r.get("reason")?,
        recorded_by: r.get("recorded_by")?,
        recorded_at: r.get("recorded_at")?,
        hash: hex::encode(r.get::<_, Vec<u8>>("hash")?),
        postings: Vec::new(),
    })
}
