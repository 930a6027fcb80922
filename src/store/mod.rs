//! The only place with SQL. `Store` owns the SQLite connection; every write happens inside
//! `Store::write`, one IMMEDIATE transaction that commits only if the closure succeeds
//! (DESIGN §2, invariant 6). Reads go through `Reader`, available from the store and from
//! inside a transaction.

mod audits;
mod backup;
pub mod baseline;
mod bundles;
mod contributions;
mod floors;
mod fund;
mod fund_rules;
mod journal;
mod ledger;
mod meetings;
mod members;
mod migrate;
pub mod province;
mod registers;
mod savings_group;
mod welfare;

pub use audits::{AuditRow, MonthCheckRow, ReconciledBank};
pub use backup::inspect_database;
pub use bundles::BundleLogRow;
pub use contributions::CarriedHistory;
pub use floors::{Floor, Shortfall};
pub use fund::{AccountRow, FundChangeRow, FundRow};
pub use journal::{ChainReport, EntryRow, PostedRef, PostingRow};
pub use ledger::{AccountTotals, WelfarePaid};
pub use meetings::{MeetingRow, ResolutionRow};
pub use members::{MemberFilter, MemberRow, MemberStandingFacts, StatusRow};
pub use registers::CommitteeTermRow;
pub use savings_group::{AllocationShare, DividendPaymentRow, LoanRow, PlanRow};

/// The schema version this program writes (a book is migrated to it when opened).
pub fn schema_version() -> i64 {
    migrate::latest_version()
}
pub use welfare::{ClaimPerson, ClaimRow, Claimant, NewClaim};

use crate::error::{Error, Result};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};

/// `PRAGMA application_id` of every Kongthun database: "KONG" in ASCII.
pub const APPLICATION_ID: i32 = 0x4B4F_4E47;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

/// A write transaction. Dropped without `commit` (any error in `Store::write`), it rolls back.
pub struct Tx<'c> {
    tx: rusqlite::Transaction<'c>,
    /// (id, hash) of the last entry posted in this transaction: a collection day posts
    /// thousands of entries, and each needs the one before it.
    head: Option<(i64, [u8; 32])>,
    /// Document numbers handed out in this transaction, written back once at commit.
    doc_numbers: std::collections::BTreeMap<(String, i32), i64>,
    /// (account, month) -> (debit, credit) posted in this transaction and not yet added to
    /// `account_month`; added before any read and at commit, so no reader sees stale totals.
    pending_totals: std::cell::RefCell<std::collections::BTreeMap<(String, String), (i64, i64)>>,
    /// Each month's money (`cash_month`, `cash_month_apart`) posted in this transaction and
    /// not yet added: flushed with the totals.
    pending_money: std::cell::RefCell<
        std::collections::BTreeMap<String, crate::domain::money_side::MonthMoney>,
    >,
    /// The codes of the tills (cash and bank accounts), read at the first entry posted and
    /// forgotten when an account is added.
    tills: Option<Vec<String>>,
    flush_error: std::cell::RefCell<Option<rusqlite::Error>>,
}

/// Read queries, over either the store or an open transaction.
#[derive(Clone, Copy)]
pub struct Reader<'c> {
    conn: &'c Connection,
}

impl Store {
    /// Open (or create) the database file, set it up, and apply pending migrations; an
    /// existing file is backed up beside itself before any migration touches it.
    pub fn open(path: &Path) -> Result<Store> {
        if let Some(parent) = path.parent() {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent).map_err(|e| Error::file(parent, e))?;
            }
        }
        let existed =
            path.exists() && std::fs::metadata(path).map(|m| m.len() > 0).unwrap_or(false);
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let mut store = Store { conn, path: Some(path.to_path_buf()) };
        store.configure()?;
        if existed {
            migrate::check_is_kongthun(&store.conn, path)?;
        }
        migrate::migrate(&mut store.conn, Some(path))?;
        Ok(store)
    }

    /// A fresh database in memory (tests and dry runs).
    pub fn open_in_memory() -> Result<Store> {
        let conn = Connection::open_in_memory()?;
        let mut store = Store { conn, path: None };
        store.configure()?;
        migrate::migrate(&mut store.conn, None)?;
        Ok(store)
    }

    /// A copy of this database in memory, page by page (SQLite's backup API): a fresh fund
    /// for each input of a fuzz target without building it again each time.
    pub fn copy_in_memory(&self) -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        rusqlite::backup::Backup::new(&self.conn, &mut conn)?.run_to_completion(
            i32::MAX,
            std::time::Duration::ZERO,
            None,
        )?;
        let mut store = Store { conn, path: None };
        store.configure()?;
        Ok(store)
    }

    fn configure(&mut self) -> Result<()> {
        // WAL keeps readers going during a write; synchronous=FULL because this is money:
        // a committed payment must survive a power cut on an old laptop.
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.conn.pragma_update(None, "synchronous", "FULL")?;
        self.conn.pragma_update(None, "foreign_keys", "ON")?;
        // 32 MiB of page cache (the default is 2 MiB): a collection day touches index pages
        // all over a large file, and re-reading them dominated its time.
        self.conn.pragma_update(None, "cache_size", -32768)?;
        self.conn.busy_timeout(std::time::Duration::from_secs(5))?;
        Ok(())
    }

    /// Keep at most `mib` MiB of pages in this connection's cache (32 by default, for the big
    /// batches: a collection day of 10,000). The window keeps less: it serves one screen at a
    /// time, and its memory is counted against a bare web engine's.
    pub fn limit_cache(&mut self, mib: u32) -> Result<()> {
        self.conn.pragma_update(None, "cache_size", -i64::from(mib) * 1024)?;
        Ok(())
    }

    /// Bulk loading (the demo fund): skip fsync at each commit. Never for real work.
    pub fn set_bulk_mode(&mut self, on: bool) -> Result<()> {
        self.conn.pragma_update(None, "synchronous", if on { "OFF" } else { "FULL" })?;
        Ok(())
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Run `f` in one transaction: all of it is committed, or none of it.
    pub fn write<T>(&mut self, f: impl FnOnce(&mut Tx<'_>) -> Result<T>) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut wrapped = Tx {
            tx,
            head: None,
            doc_numbers: Default::default(),
            pending_totals: Default::default(),
            pending_money: Default::default(),
            tills: None,
            flush_error: Default::default(),
        };
        let value = f(&mut wrapped)?;
        wrapped.flush_totals()?;
        if let Some(e) = wrapped.flush_error.borrow_mut().take() {
            return Err(e.into());
        }
        wrapped.save_doc_numbers()?;
        wrapped.tx.commit()?;
        Ok(value)
    }

    pub fn read(&self) -> Reader<'_> {
        Reader { conn: &self.conn }
    }

    /// The raw connection, for tests that must act like someone with a sqlite3 shell.
    #[doc(hidden)]
    pub fn raw_connection_for_tests(&self) -> &Connection {
        &self.conn
    }
}

impl Reader<'_> {
    /// Whether the file has the table: a file inspected as it is, without migrating it (a
    /// backup made by an older version), may not have the ones added since.
    pub(crate) fn has_table(&self, name: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1)",
            [name],
            |r| r.get(0),
        )?)
    }
}

impl Tx<'_> {
    pub fn read(&self) -> Reader<'_> {
        if let Err(e) = self.flush_totals() {
            // surfaced at commit, which then rolls everything back
            self.flush_error.borrow_mut().get_or_insert(e);
        }
        Reader { conn: &self.tx }
    }

    pub(crate) fn add_to_totals(&self, account: &str, month: &str, amount: i64) {
        let mut pending = self.pending_totals.borrow_mut();
        let e = pending.entry((account.to_string(), month.to_string())).or_default();
        crate::domain::money_side::add_debit_or_credit(e, amount);
    }

    /// Everything kept beside the journal and not yet written: the monthly totals and each
    /// month's money.
    fn flush_totals(&self) -> rusqlite::Result<()> {
        self.flush_account_months()?;
        self.flush_money()
    }

    fn flush_account_months(&self) -> rusqlite::Result<()> {
        let pending = std::mem::take(&mut *self.pending_totals.borrow_mut());
        if pending.is_empty() {
            return Ok(());
        }
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO account_month (account_code, month, debit, credit) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (account_code, month) DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit",
        )?;
        for ((account, month), (debit, credit)) in pending {
            stmt.execute(rusqlite::params![account, month, debit, credit])?;
        }
        Ok(())
    }

    /// A posted entry's money added to its month (see `domain::money_side`).
    pub(crate) fn add_to_money<'a>(
        &self,
        month: &str,
        opening: bool,
        lines: impl Iterator<Item = (&'a str, i64, bool)> + Clone,
    ) {
        let mut pending = self.pending_money.borrow_mut();
        let sums = match pending.get_mut(month) {
            Some(sums) => sums,
            None => pending.entry(month.to_string()).or_default(),
        };
        sums.add_entry(opening, lines);
    }

    fn flush_money(&self) -> rusqlite::Result<()> {
        let pending = std::mem::take(&mut *self.pending_money.borrow_mut());
        if pending.is_empty() {
            return Ok(());
        }
        let mut lines = self.tx.prepare_cached(
            "INSERT INTO cash_month (month, account_code, debit, credit) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT (month, account_code) DO UPDATE SET debit = debit + excluded.debit, credit = credit + excluded.credit",
        )?;
        let mut apart = self.tx.prepare_cached(
            "INSERT INTO cash_month_apart (month, entries_without_cash, brought_forward) VALUES (?1, ?2, ?3)
             ON CONFLICT (month) DO UPDATE SET entries_without_cash = entries_without_cash + excluded.entries_without_cash,
                                              brought_forward = brought_forward + excluded.brought_forward",
        )?;
        for (month, money) in pending {
            for (account, (debit, credit)) in &money.other_side {
                lines.execute(rusqlite::params![month, account, debit, credit])?;
            }
            if money.entries_without_cash != 0 || money.brought_forward != 0 {
                apart.execute(rusqlite::params![
                    month,
                    money.entries_without_cash,
                    money.brought_forward
                ])?;
            }
        }
        Ok(())
    }
}

/// Map SQLite's refusal from the immutability and closed-month triggers to our errors, so a
/// check that slipped past `ops` still reads right.
pub(crate) fn map_trigger_error(e: rusqlite::Error, date: &str) -> Error {
    let msg = e.to_string();
    if msg.contains("the month of this entry is closed") {
        return Error::MonthClosed {
            date: date.to_string(),
            month: date.get(..7).unwrap_or(date).to_string(),
        };
    }
    if msg.contains("dated before the books start") {
        return Error::invalid(
            "date",
            date,
            crate::Problem::Other {
                th: "อยู่ก่อนวันเริ่มบัญชีในโปรแกรม".into(),
                en: "is before the first day of the books".into(),
            },
        );
    }
    Error::Db(e)
}
