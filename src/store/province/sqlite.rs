//! The province's embedded engine: one SQLite file with its own application id ("KPRV"),
//! written by one importer at a time (WAL; a second writer waits, then is told the database
//! is busy). Its schema migrations are numbered in `PRAGMA user_version`.

use super::{
    blob32, claim_row, member_row, new_id_key, BundleRecord, EngineKind, Enrolment, ForwardRecord,
    FundRecords, ImportRows, MemberFacts, MemberNames, PaidClaim, ProvinceEngine, ProvinceEntry,
    ProvinceFund, ProvinceKey, ReEnrolment, Written, DIGEST_TABLES,
};
use crate::domain::Satang;
use crate::error::{Error, ProvinceRefusal, Result};
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};

pub const PROVINCE_APPLICATION_ID: i32 = 0x4B50_5256;

/// Each imported bundle's file, byte for byte, written in the import's own transaction (so the
/// archive and the data commit together, one fsync, and a backup of the database holds both).
/// Added after the first province databases: created at open when missing.
const BUNDLE_FILES: &str = "CREATE TABLE IF NOT EXISTS p_bundle_file (
    fund_code TEXT NOT NULL, seq INTEGER NOT NULL, bytes BLOB NOT NULL,
    PRIMARY KEY (fund_code, seq)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS p_bundle_file_no_update BEFORE UPDATE ON p_bundle_file BEGIN SELECT RAISE(ABORT, 'kongthun: imported bundles are history'); END;
CREATE TRIGGER IF NOT EXISTS p_bundle_file_no_delete BEFORE DELETE ON p_bundle_file BEGIN SELECT RAISE(ABORT, 'kongthun: imported bundles are history'); END;
CREATE TABLE IF NOT EXISTS p_audit (
    fund_code TEXT NOT NULL, month TEXT NOT NULL, auditor TEXT NOT NULL, remarks TEXT NOT NULL, signed_at TEXT NOT NULL,
    PRIMARY KEY (fund_code, month)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_fund_start (
    fund_code TEXT PRIMARY KEY, founded_on TEXT NOT NULL, books_start TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS p_fund_record (
    fund_code TEXT PRIMARY KEY, certified_by TEXT, certified_on TEXT, certified_document TEXT, area_moos TEXT
) WITHOUT ROWID;";

const SCHEMA: &str = "
CREATE TABLE p_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE p_fund (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, amphoe TEXT NOT NULL, tambon TEXT NOT NULL, changwat TEXT NOT NULL,
    public_key BLOB NOT NULL, fingerprint TEXT NOT NULL, enrolled_at TEXT NOT NULL, enrolled_by TEXT NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0, re_enrolled_at TEXT, key_changes INTEGER NOT NULL DEFAULT 0, last_seq INTEGER NOT NULL DEFAULT 0, last_bundle BLOB,
    chain_head BLOB NOT NULL, last_entry INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE TABLE p_bundle (
    fund_code TEXT NOT NULL REFERENCES p_fund (code), seq INTEGER NOT NULL, hash BLOB NOT NULL UNIQUE,
    period_from TEXT NOT NULL, period_to TEXT NOT NULL, entries INTEGER NOT NULL, chain_head BLOB NOT NULL,
    imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, stored_as TEXT NOT NULL,
    PRIMARY KEY (fund_code, seq)
) WITHOUT ROWID;
CREATE TABLE p_member (
    fund_code TEXT NOT NULL, member_no TEXT NOT NULL, title TEXT, first_name TEXT, last_name TEXT, sex TEXT,
    birth_year INTEGER, moo INTEGER, joined_on TEXT, status TEXT, status_since TEXT, groups TEXT, id_hash TEXT,
    PRIMARY KEY (fund_code, member_no)
) WITHOUT ROWID;
CREATE INDEX p_member_id_hash ON p_member (id_hash) WHERE id_hash IS NOT NULL;
CREATE TABLE p_entry (
    fund_code TEXT NOT NULL, entry_id INTEGER NOT NULL, entry_date TEXT NOT NULL, kind TEXT NOT NULL,
    doc_no TEXT NOT NULL, description TEXT NOT NULL, hash BLOB NOT NULL,
    PRIMARY KEY (fund_code, entry_id)
) WITHOUT ROWID;
CREATE TABLE p_posting (
    fund_code TEXT NOT NULL, entry_id INTEGER NOT NULL, line INTEGER NOT NULL, account TEXT NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (fund_code, entry_id, line)
) WITHOUT ROWID;
CREATE TABLE p_claim (
    fund_code TEXT NOT NULL, claim_id INTEGER NOT NULL, member_no TEXT, category TEXT NOT NULL, event_date TEXT NOT NULL,
    status TEXT NOT NULL, amount INTEGER,
    PRIMARY KEY (fund_code, claim_id)
) WITHOUT ROWID;
CREATE TRIGGER p_entry_no_update BEFORE UPDATE ON p_entry BEGIN SELECT RAISE(ABORT, 'kongthun: imported entries are history'); END;
CREATE TRIGGER p_entry_no_delete BEFORE DELETE ON p_entry BEGIN SELECT RAISE(ABORT, 'kongthun: imported entries are history'); END;
CREATE TRIGGER p_posting_no_update BEFORE UPDATE ON p_posting BEGIN SELECT RAISE(ABORT, 'kongthun: imported entries are history'); END;
CREATE TRIGGER p_bundle_no_delete BEFORE DELETE ON p_bundle BEGIN SELECT RAISE(ABORT, 'kongthun: imported bundles are history'); END;
";

pub struct SqliteProvince {
    conn: Connection,
    path: PathBuf,
}

/// The migrations, numbered: 1 the first schema, 2 the bundle files, audits, fund starts and
/// records added after the first province databases (written so that a database from before
/// the numbering, at `user_version` 0 with its tables, takes 2 safely).
const MIGRATIONS: [(i64, &str); 4] =
    [(1, SCHEMA), (2, BUNDLE_FILES), (3, FORWARDS), (4, LOCAL_GOVERNMENT)];

/// The local government (อปท.) a fund's bundle names, for the reports by it.
const LOCAL_GOVERNMENT: &str = "ALTER TABLE p_fund_record ADD COLUMN local_government TEXT;";

/// Forwarding to the nation (a province's forwards, which bundles went in each; the keys a
/// re-enrolment took and from which bundle) and, at the nation, the provinces' keys.
const FORWARDS: &str = "
CREATE TABLE p_forward (
    seq INTEGER PRIMARY KEY, hash BLOB NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, bundles INTEGER NOT NULL,
    manifest BLOB NOT NULL, signature TEXT NOT NULL
);
CREATE TABLE p_forwarded (
    fund_code TEXT NOT NULL, seq INTEGER NOT NULL, forward_seq INTEGER NOT NULL REFERENCES p_forward (seq),
    PRIMARY KEY (fund_code, seq)
) WITHOUT ROWID;
CREATE TABLE p_re_enrolment (
    fund_code TEXT NOT NULL, from_seq INTEGER NOT NULL, public_key BLOB NOT NULL, fingerprint TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (fund_code, from_seq)
) WITHOUT ROWID;
CREATE TABLE p_province (
    name TEXT PRIMARY KEY, public_key BLOB NOT NULL, fingerprint TEXT NOT NULL, enrolled_at TEXT NOT NULL, enrolled_by TEXT NOT NULL,
    last_forward INTEGER NOT NULL DEFAULT 0, last_forward_hash BLOB
) WITHOUT ROWID;
CREATE TRIGGER p_forward_no_delete BEFORE DELETE ON p_forward BEGIN SELECT RAISE(ABORT, 'kongthun: forwards are history'); END;
CREATE TRIGGER p_forwarded_no_delete BEFORE DELETE ON p_forwarded BEGIN SELECT RAISE(ABORT, 'kongthun: forwards are history'); END;
";

impl SqliteProvince {
    /// Open (or create) the file; a writer that finds another import writing waits `wait`,
    /// then is told the database is busy.
    pub fn open(path: &Path, wait: std::time::Duration) -> Result<SqliteProvince> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
        }
        let conn = Connection::open(path)?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(wait)?;
        let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
        let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        if tables > 0 && app != PROVINCE_APPLICATION_ID {
            return Err(Error::NotKongthun {
                path: path.display().to_string(),
                reason: "not a province database".into(),
            });
        }
        let mut version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if tables > 0 && version == 0 {
            version = 1; // a province database from before the numbering
        }
        for (number, sql) in MIGRATIONS.iter().filter(|(n, _)| *n > version) {
            let tx = conn.unchecked_transaction()?;
            tx.execute_batch(sql)?;
            if *number == 1 {
                tx.pragma_update(None, "application_id", PROVINCE_APPLICATION_ID)?;
                tx.execute(
                    "INSERT INTO p_setting (key, value) VALUES ('id_key', ?1)",
                    [new_id_key()],
                )?;
            }
            tx.pragma_update(None, "user_version", number)?;
            tx.commit()?;
        }
        Ok(SqliteProvince { conn, path: path.to_path_buf() })
    }
}

impl ProvinceEngine for SqliteProvince {
    fn kind(&self) -> EngineKind {
        EngineKind::Sqlite
    }

    fn describe(&self) -> String {
        self.path.display().to_string()
    }

    fn schema_version(&self) -> Result<i64> {
        Ok(self.conn.query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    fn id_key(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("SELECT value FROM p_setting WHERE key = 'id_key'", [], |r| r.get(0))?)
    }

    fn fund(&self, code: &str) -> Result<Option<ProvinceFund>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.*, (SELECT max(period_to) FROM p_bundle b WHERE b.fund_code = f.code) AS covered_to, s.founded_on, s.books_start
             FROM p_fund f LEFT JOIN p_fund_start s ON s.fund_code = f.code WHERE f.code = ?1",
        )?;
        Ok(stmt.query_row([code], fund_from_row).optional()?)
    }

    fn funds(&self) -> Result<Vec<ProvinceFund>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.*, (SELECT max(period_to) FROM p_bundle b WHERE b.fund_code = f.code) AS covered_to, s.founded_on, s.books_start
             FROM p_fund f LEFT JOIN p_fund_start s ON s.fund_code = f.code ORDER BY f.amphoe, f.tambon, f.code",
        )?;
        let rows = stmt.query_map([], fund_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn enrol(&mut self, f: &Enrolment<'_>) -> Result<()> {
        self.conn.execute(
            "INSERT INTO p_fund (code, name, amphoe, tambon, changwat, public_key, fingerprint, enrolled_at, enrolled_by, chain_head)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, zeroblob(32))",
            params![f.code, f.name, f.amphoe, f.tambon, f.changwat, &f.public_key[..], f.fingerprint, f.at, f.by],
        )?;
        Ok(())
    }

    /// Replace a fund's key: by a rotation record (`re_enrol` false) or by the officer after
    /// the fund lost its key (`re_enrol` true, recorded and shown in the funds list).
    fn replace_key(
        &mut self,
        code: &str,
        public_key: &[u8; 32],
        fingerprint: &str,
        re_enrol: bool,
        at: &str,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "UPDATE p_fund SET public_key = ?2, fingerprint = ?3, key_changes = key_changes + 1,
                    re_enrolled_at = CASE WHEN ?4 THEN ?5 ELSE re_enrolled_at END WHERE code = ?1",
            params![code, &public_key[..], fingerprint, re_enrol, at],
        )?;
        if re_enrol {
            // the new key holds from the fund's next bundle: a forward carries it with that
            tx.execute(
                "INSERT INTO p_re_enrolment (fund_code, from_seq, public_key, fingerprint, at)
                 SELECT code, last_seq + 1, ?2, ?3, ?4 FROM p_fund WHERE code = ?1
                 ON CONFLICT (fund_code, from_seq) DO UPDATE SET public_key = excluded.public_key,
                    fingerprint = excluded.fingerprint, at = excluded.at",
                params![code, &public_key[..], fingerprint, at],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Hash of the bundle a fund sent with this sequence number, if imported.
    fn bundle_hash(&self, code: &str, seq: i64) -> Result<Option<[u8; 32]>> {
        let h: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT hash FROM p_bundle WHERE fund_code = ?1 AND seq = ?2",
                params![code, seq],
                |r| r.get(0),
            )
            .optional()?;
        Ok(blob32(h))
    }

    fn bundle_seq_of_hash(&self, hash: &[u8; 32]) -> Result<Option<(String, i64)>> {
        Ok(self
            .conn
            .query_row("SELECT fund_code, seq FROM p_bundle WHERE hash = ?1", [&hash[..]], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }

    /// The chain head the province holds for a fund at the end of a month (from the bundle
    /// whose period ends there).
    fn head_at_month_end(&self, code: &str, month: &str) -> Result<Option<[u8; 32]>> {
        let h: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT chain_head FROM p_bundle WHERE fund_code = ?1 AND period_to = ?2",
                params![code, month],
                |r| r.get(0),
            )
            .optional()?;
        Ok(blob32(h))
    }

    fn import(&mut self, bundle: &BundleRecord<'_>, rows: &ImportRows<'_>) -> Result<Written> {
        let code = bundle.code;
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(busy_or)?;
        // the fund's place in its sequence, under the write lock taken above
        let moved = tx.execute(
            "UPDATE p_fund SET last_seq = ?2, last_bundle = ?3, chain_head = ?4, last_entry = ?5
             WHERE code = ?1 AND last_seq = ?6",
            params![
                code,
                bundle.seq,
                &bundle.hash[..],
                &bundle.head[..],
                bundle.last_entry,
                bundle.seq - 1
            ],
        )?;
        if moved == 0 {
            return Ok(Written::FundMovedOn);
        }
        if let Some((public, fingerprint)) = &rows.new_key {
            tx.execute(
                "UPDATE p_fund SET public_key = ?2, fingerprint = ?3, key_changes = key_changes + 1 WHERE code = ?1",
                params![code, &public[..], fingerprint],
            )?;
        }
        {
            let mut m = tx.prepare_cached(
                "INSERT INTO p_member (fund_code, member_no, title, first_name, last_name, sex, birth_year, moo, joined_on, status, status_since, groups, id_hash)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
                 ON CONFLICT (fund_code, member_no) DO UPDATE SET title = excluded.title, first_name = excluded.first_name,
                    last_name = excluded.last_name, sex = excluded.sex, birth_year = excluded.birth_year, moo = excluded.moo,
                    joined_on = excluded.joined_on, status = excluded.status, status_since = excluded.status_since,
                    groups = excluded.groups, id_hash = excluded.id_hash",
            )?;
            for v in &rows.members {
                let r = member_row(v);
                m.execute(params![
                    code,
                    r.member_no,
                    r.title,
                    r.first_name,
                    r.last_name,
                    r.sex,
                    r.birth_year,
                    r.moo,
                    r.joined_on,
                    r.status,
                    r.status_since,
                    r.groups,
                    r.id_hash
                ])?;
            }
            let mut e = tx.prepare_cached("INSERT INTO p_entry (fund_code, entry_id, entry_date, kind, doc_no, description, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
            let mut p = tx.prepare_cached("INSERT INTO p_posting (fund_code, entry_id, line, account, amount) VALUES (?1, ?2, ?3, ?4, ?5)")?;
            // straight from the lines (as `entry_row` reads them, without its copies: one
            // insert per entry and per posting, 80,000 entries in a year's bundle)
            for v in &rows.entries {
                // (the import has checked every one; none is written empty)
                let hash = v.stored_hash();
                e.execute(params![
                    code,
                    v.id,
                    v.entry_date.as_deref(),
                    v.kind.as_deref(),
                    v.doc_no.as_deref(),
                    v.description.as_deref(),
                    hash.as_ref().map_or(&[][..], |h| &h[..])
                ])?;
                for (i, posting) in v.postings.iter().enumerate() {
                    p.execute(params![
                        code,
                        v.id,
                        i as i64 + 1,
                        posting.account.as_deref(),
                        posting.amount
                    ])?;
                }
            }
            let mut c = tx.prepare_cached(
                "INSERT INTO p_claim (fund_code, claim_id, member_no, category, event_date, status, amount) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                 ON CONFLICT (fund_code, claim_id) DO UPDATE SET status = excluded.status, amount = excluded.amount",
            )?;
            for v in &rows.claims {
                let r = claim_row(v);
                c.execute(params![
                    code,
                    r.id,
                    r.member_no,
                    r.category,
                    r.event_date,
                    r.status,
                    r.amount
                ])?;
            }
        }
        tx.execute(
            "INSERT INTO p_bundle (fund_code, seq, hash, period_from, period_to, entries, chain_head, imported_at, imported_by, stored_as)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            params![
                code,
                bundle.seq,
                &bundle.hash[..],
                bundle.period.0,
                bundle.period.1,
                rows.entries.len() as i64,
                &bundle.head[..],
                bundle.at,
                bundle.by,
                "p_bundle_file"
            ],
        )?;
        tx.execute(
            "INSERT INTO p_bundle_file (fund_code, seq, bytes) VALUES (?1, ?2, ?3)",
            params![code, bundle.seq, bundle.file],
        )?;
        for (month, auditor, remarks, signed_at) in &rows.audits {
            tx.execute(
                "INSERT INTO p_audit (fund_code, month, auditor, remarks, signed_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (fund_code, month) DO NOTHING",
                params![code, month, auditor, remarks, signed_at],
            )?;
        }
        let r = &rows.records;
        let (by, on, document) = match &r.certification {
            Some((by, on, document)) => (Some(by), Some(on), Some(document)),
            None => (None, None, None),
        };
        tx.execute(
            "INSERT INTO p_fund_record (fund_code, certified_by, certified_on, certified_document, area_moos, local_government)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (fund_code) DO UPDATE SET certified_by = excluded.certified_by, certified_on = excluded.certified_on,
               certified_document = excluded.certified_document, area_moos = excluded.area_moos,
               local_government = excluded.local_government",
            params![code, by, on, document, r.area_moos, r.local_government],
        )?;
        if let Some((founded_on, books_start)) = &rows.fund_start {
            tx.execute(
                "INSERT INTO p_fund_start (fund_code, founded_on, books_start) VALUES (?1, ?2, ?3)
                 ON CONFLICT (fund_code) DO UPDATE SET founded_on = excluded.founded_on, books_start = excluded.books_start",
                params![code, founded_on, books_start],
            )?;
        }
        tx.commit().map_err(busy_or)?;
        Ok(Written::Imported)
    }

    /// A fingerprint of every row, for "nothing changed" checks.
    fn content_digest(&self) -> Result<String> {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for table in DIGEST_TABLES {
            let mut stmt = self.conn.prepare(&format!("SELECT * FROM {table} ORDER BY 1, 2"))?;
            let n = stmt.column_count();
            let mut rows = stmt.query([])?;
            while let Some(r) = rows.next()? {
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    h.update(format!("{v:?}|").as_bytes());
                }
            }
        }
        Ok(hex::encode(h.finalize()))
    }

    /// Per fund: (code, account, net amount) of postings dated in [from, to].
    fn account_totals(&self, from: &str, to: &str) -> Result<Vec<(String, String, Satang)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.fund_code, p.account, SUM(p.amount) FROM p_posting p
             JOIN p_entry e ON e.fund_code = p.fund_code AND e.entry_id = p.entry_id
             WHERE e.entry_date BETWEEN ?1 AND ?2 GROUP BY p.fund_code, p.account ORDER BY 1, 2",
        )?;
        let rows = stmt
            .query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?, Satang::new(r.get(2)?))))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Per fund: (code, status, groups, birth year, joined on) of every member.
    fn members(&self) -> Result<Vec<MemberFacts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT fund_code, status, groups, birth_year, joined_on, moo, sex FROM p_member ORDER BY fund_code, member_no",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(MemberFacts {
                    fund_code: r.get(0)?,
                    status: r.get(1)?,
                    groups: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                    birth_year: r.get(3)?,
                    joined_on: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    moo: r.get(5)?,
                    sex: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// What each fund recorded for the criteria, by fund code.
    fn fund_records(&self) -> Result<std::collections::HashMap<String, FundRecords>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT fund_code, certified_by, certified_on, certified_document, area_moos, local_government FROM p_fund_record",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                FundRecords::from_columns(r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?),
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The file of bundle `seq` of a fund, byte for byte as it was imported.
    fn bundle_file(&self, code: &str, seq: i64) -> Result<Option<Vec<u8>>> {
        Ok(self
            .conn
            .query_row(
                "SELECT bytes FROM p_bundle_file WHERE fund_code = ?1 AND seq = ?2",
                params![code, seq],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// A fund's imported journal, entry by entry with its postings (account, amount) in line
    /// order: what a province holds of the fund's books, to compare with the fund's own.
    fn entries_of(&self, code: &str) -> Result<Vec<ProvinceEntry>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.entry_id, e.entry_date, e.kind, e.doc_no, e.description, e.hash, p.account, p.amount
             FROM p_entry e LEFT JOIN p_posting p ON p.fund_code = e.fund_code AND p.entry_id = e.entry_id
             WHERE e.fund_code = ?1 ORDER BY e.entry_id, p.line",
        )?;
        let mut out: Vec<ProvinceEntry> = Vec::new();
        let mut rows = stmt.query([code])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            if out.last().map(|e| e.id) != Some(id) {
                out.push(ProvinceEntry {
                    id,
                    entry_date: r.get(1)?,
                    kind: r.get(2)?,
                    doc_no: r.get(3)?,
                    description: r.get(4)?,
                    hash: hex::encode(r.get::<_, Vec<u8>>(5)?),
                    postings: Vec::new(),
                });
            }
            if let (Some(account), Some(amount)) =
                (r.get::<_, Option<String>>(6)?, r.get::<_, Option<i64>>(7)?)
            {
                out.last_mut().expect("entry pushed above").postings.push((account, amount));
            }
        }
        Ok(out)
    }

    /// A fund's members as imported: (member no, title, first name, last name, status,
    /// status since), by member number.
    fn members_of(&self, code: &str) -> Result<Vec<MemberNames>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_no, coalesce(title, ''), coalesce(first_name, ''), coalesce(last_name, ''), coalesce(status, ''), coalesce(status_since, '')
             FROM p_member WHERE fund_code = ?1 ORDER BY member_no",
        )?;
        let rows = stmt
            .query_map([code], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The months each fund's auditor signed: (fund code, month).
    fn audited_months(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT fund_code, month FROM p_audit ORDER BY fund_code, month")?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn paid_claims(&self, from: &str, to: &str) -> Result<Vec<PaidClaim>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT fund_code, category, member_no IS NULL, COALESCE(amount, 0) FROM p_claim
             WHERE status = 'paid' AND event_date BETWEEN ?1 AND ?2 ORDER BY fund_code, claim_id",
        )?;
        let rows = stmt
            .query_map([from, to], |r| {
                Ok(PaidClaim {
                    fund_code: r.get(0)?,
                    category: r.get(1)?,
                    non_member: r.get(2)?,
                    amount: Satang::new(r.get(3)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn first_entry_dates(&self) -> Result<Vec<(String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT fund_code, min(entry_date) FROM p_entry GROUP BY fund_code ORDER BY fund_code",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Periods covered by each fund's bundles, in order.
    fn coverage(&self) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT fund_code, period_from, period_to FROM p_bundle ORDER BY fund_code, seq",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM p_setting WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    fn re_enrolments(&self) -> Result<Vec<ReEnrolment>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT fund_code, from_seq, public_key, fingerprint, at FROM p_re_enrolment ORDER BY fund_code, from_seq",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok(ReEnrolment {
                    fund_code: r.get(0)?,
                    from_seq: r.get(1)?,
                    public_key: blob32(r.get(2)?).unwrap_or([0; 32]),
                    fingerprint: r.get(3)?,
                    at: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn unforwarded(&self) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT b.fund_code, b.seq FROM p_bundle b
             WHERE NOT EXISTS (SELECT 1 FROM p_forwarded f WHERE f.fund_code = b.fund_code AND f.seq = b.seq)
             ORDER BY b.fund_code, b.seq",
        )?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    fn last_forward(&self) -> Result<Option<(i64, [u8; 32])>> {
        let row: Option<(i64, Vec<u8>)> = self
            .conn
            .query_row("SELECT seq, hash FROM p_forward ORDER BY seq DESC LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        Ok(row.and_then(|(seq, h)| blob32(Some(h)).map(|h| (seq, h))))
    }

    fn record_forward(&mut self, forward: &ForwardRecord<'_>) -> Result<Written> {
        let tx =
            self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(busy_or)?;
        let last: i64 =
            tx.query_row("SELECT coalesce(max(seq), 0) FROM p_forward", [], |r| r.get(0))?;
        if last != forward.seq - 1 {
            return Ok(Written::FundMovedOn);
        }
        tx.execute(
            "INSERT INTO p_forward (seq, hash, created_at, created_by, bundles, manifest, signature) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                forward.seq,
                &forward.hash[..],
                forward.at,
                forward.by,
                forward.bundles.len() as i64,
                forward.manifest,
                forward.signature
            ],
        )?;
        tx.execute(
            "INSERT INTO p_setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
            params![super::PROVINCE_NAME, forward.province],
        )?;
        {
            let mut f = tx.prepare_cached(
                "INSERT INTO p_forwarded (fund_code, seq, forward_seq) VALUES (?1, ?2, ?3)",
            )?;
            for (code, seq) in forward.bundles {
                f.execute(params![code, seq, forward.seq])?;
            }
        }
        tx.commit().map_err(busy_or)?;
        Ok(Written::Imported)
    }

    fn forward_manifest(&self, seq: i64) -> Result<Option<(Vec<u8>, String)>> {
        Ok(self
            .conn
            .query_row("SELECT manifest, signature FROM p_forward WHERE seq = ?1", [seq], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?)
    }

    fn province(&self, name: &str) -> Result<Option<ProvinceKey>> {
        Ok(self
            .conn
            .query_row(
                "SELECT name, public_key, fingerprint, enrolled_at, enrolled_by, last_forward, last_forward_hash FROM p_province WHERE name = ?1",
                [name],
                |r| {
                    Ok(ProvinceKey {
                        name: r.get(0)?,
                        public_key: blob32(r.get(1)?).unwrap_or([0; 32]),
                        fingerprint: r.get(2)?,
                        enrolled_at: r.get(3)?,
                        enrolled_by: r.get(4)?,
                        last_forward: r.get(5)?,
                        last_forward_hash: blob32(r.get(6)?),
                    })
                },
            )
            .optional()?)
    }

    fn enrol_province(&mut self, p: &ProvinceKey) -> Result<()> {
        self.conn.execute(
            "INSERT INTO p_province (name, public_key, fingerprint, enrolled_at, enrolled_by) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![p.name, &p.public_key[..], p.fingerprint, p.enrolled_at, p.enrolled_by],
        )?;
        Ok(())
    }

    fn record_forward_imported(
        &mut self,
        name: &str,
        seq: i64,
        hash: &[u8; 32],
    ) -> Result<Written> {
        let moved = self.conn.execute(
            "UPDATE p_province SET last_forward = ?2, last_forward_hash = ?3 WHERE name = ?1 AND last_forward = ?4",
            params![name, seq, &hash[..], seq - 1],
        )?;
        Ok(if moved == 1 { Written::Imported } else { Written::FundMovedOn })
    }
}

fn fund_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ProvinceFund> {
    Ok(ProvinceFund {
        code: r.get("code")?,
        re_enrolled_at: r.get("re_enrolled_at")?,
        key_changes: r.get("key_changes")?,
        name: r.get("name")?,
        amphoe: r.get("amphoe")?,
        tambon: r.get("tambon")?,
        changwat: r.get("changwat")?,
        fingerprint: r.get("fingerprint")?,
        public_key: blob32(r.get("public_key")?).unwrap_or([0; 32]),
        revoked: r.get("revoked")?,
        last_seq: r.get("last_seq")?,
        last_bundle: blob32(r.get("last_bundle")?),
        chain_head: blob32(r.get("chain_head")?).unwrap_or([0; 32]),
        last_entry: r.get("last_entry")?,
        covered_to: r.get("covered_to")?,
        founded_on: r.get::<_, Option<String>>("founded_on").ok().flatten(),
        books_start: r.get::<_, Option<String>>("books_start").ok().flatten(),
    })
}

/// A second writer that waited out the busy timeout: the province's own words, not SQLite's.
fn busy_or(e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
            ProvinceRefusal::Busy.into()
        }
        _ => e.into(),
    }
}
