//! The province's (or the national office's) server engine: PostgreSQL, shared by several
//! officers importing at once. Each import is one transaction that first locks its fund's
//! row, so two importers of the same fund queue and the second finds the bundle taken; two
//! of different funds do not wait for each other. Schema migrations are numbered in
//! `p_migration`, applied under an advisory lock so that two programs starting at once do not
//! both apply them. The same tables, columns and rules as the library's embedded engine
//! (`kongthun::store::province`, its `sqlite` module).

use kongthun::domain::Satang;
use kongthun::error::{Error, Result};
use kongthun::store::province::{
    blob32, claim_row, entry_row, member_row, new_id_key, BundleRecord, EngineKind, Enrolment,
    ForwardRecord, FundRecords, ImportRows, MemberFacts, MemberNames, PaidClaim, ProvinceEngine,
    ProvinceEntry, ProvinceFund, ProvinceKey, ReEnrolment, Written, DIGEST_TABLES,
};
use postgres::{Client, NoTls, Row};
use std::cell::RefCell;

/// Migration 1 is the embedded engine's migrations 1 and 2 together, in PostgreSQL's types.
const SCHEMA_1: &str = "
CREATE TABLE p_setting (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE p_fund (
    code TEXT PRIMARY KEY, name TEXT NOT NULL, amphoe TEXT NOT NULL, tambon TEXT NOT NULL, changwat TEXT NOT NULL,
    public_key BYTEA NOT NULL, fingerprint TEXT NOT NULL, enrolled_at TEXT NOT NULL, enrolled_by TEXT NOT NULL,
    revoked BOOLEAN NOT NULL DEFAULT false, re_enrolled_at TEXT, key_changes BIGINT NOT NULL DEFAULT 0,
    last_seq BIGINT NOT NULL DEFAULT 0, last_bundle BYTEA,
    chain_head BYTEA NOT NULL, last_entry BIGINT NOT NULL DEFAULT 0
);
CREATE TABLE p_bundle (
    fund_code TEXT NOT NULL REFERENCES p_fund (code), seq BIGINT NOT NULL, hash BYTEA NOT NULL UNIQUE,
    period_from TEXT NOT NULL, period_to TEXT NOT NULL, entries BIGINT NOT NULL, chain_head BYTEA NOT NULL,
    imported_at TEXT NOT NULL, imported_by TEXT NOT NULL, stored_as TEXT NOT NULL,
    PRIMARY KEY (fund_code, seq)
);
CREATE TABLE p_bundle_file (
    fund_code TEXT NOT NULL, seq BIGINT NOT NULL, bytes BYTEA NOT NULL,
    PRIMARY KEY (fund_code, seq)
);
CREATE TABLE p_member (
    fund_code TEXT NOT NULL, member_no TEXT NOT NULL, title TEXT, first_name TEXT, last_name TEXT, sex TEXT,
    birth_year BIGINT, moo BIGINT, joined_on TEXT, status TEXT, status_since TEXT, groups TEXT, id_hash TEXT,
    PRIMARY KEY (fund_code, member_no)
);
CREATE INDEX p_member_id_hash ON p_member (id_hash) WHERE id_hash IS NOT NULL;
CREATE TABLE p_entry (
    fund_code TEXT NOT NULL, entry_id BIGINT NOT NULL, entry_date TEXT NOT NULL, kind TEXT NOT NULL,
    doc_no TEXT NOT NULL, description TEXT NOT NULL, hash BYTEA NOT NULL,
    PRIMARY KEY (fund_code, entry_id)
);
CREATE INDEX p_entry_date ON p_entry (entry_date);
CREATE TABLE p_posting (
    fund_code TEXT NOT NULL, entry_id BIGINT NOT NULL, line BIGINT NOT NULL, account TEXT NOT NULL, amount BIGINT NOT NULL,
    PRIMARY KEY (fund_code, entry_id, line)
);
CREATE TABLE p_claim (
    fund_code TEXT NOT NULL, claim_id BIGINT NOT NULL, member_no TEXT, category TEXT NOT NULL, event_date TEXT NOT NULL,
    status TEXT NOT NULL, amount BIGINT,
    PRIMARY KEY (fund_code, claim_id)
);
CREATE TABLE p_audit (
    fund_code TEXT NOT NULL, month TEXT NOT NULL, auditor TEXT NOT NULL, remarks TEXT NOT NULL, signed_at TEXT NOT NULL,
    PRIMARY KEY (fund_code, month)
);
CREATE TABLE p_fund_start (fund_code TEXT PRIMARY KEY, founded_on TEXT NOT NULL, books_start TEXT NOT NULL);
CREATE TABLE p_fund_record (
    fund_code TEXT PRIMARY KEY, certified_by TEXT, certified_on TEXT, certified_document TEXT, area_moos TEXT
);
CREATE FUNCTION p_history_is_kept() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'kongthun: % is history', TG_TABLE_NAME; END $$;
CREATE TRIGGER p_entry_kept BEFORE UPDATE OR DELETE ON p_entry FOR EACH ROW EXECUTE FUNCTION p_history_is_kept();
CREATE TRIGGER p_posting_kept BEFORE UPDATE OR DELETE ON p_posting FOR EACH ROW EXECUTE FUNCTION p_history_is_kept();
CREATE TRIGGER p_bundle_kept BEFORE DELETE ON p_bundle FOR EACH ROW EXECUTE FUNCTION p_history_is_kept();
CREATE TRIGGER p_bundle_file_kept BEFORE UPDATE OR DELETE ON p_bundle_file FOR EACH ROW EXECUTE FUNCTION p_history_is_kept();
";

/// Migration 2 is the embedded engine's 3: forwards, re-enrolments and the provinces' keys.
const SCHEMA_2: &str = "
CREATE TABLE p_forward (
    seq BIGINT PRIMARY KEY, hash BYTEA NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL, bundles BIGINT NOT NULL,
    manifest BYTEA NOT NULL, signature TEXT NOT NULL
);
CREATE TABLE p_forwarded (
    fund_code TEXT NOT NULL, seq BIGINT NOT NULL, forward_seq BIGINT NOT NULL REFERENCES p_forward (seq),
    PRIMARY KEY (fund_code, seq)
);
CREATE TABLE p_re_enrolment (
    fund_code TEXT NOT NULL, from_seq BIGINT NOT NULL, public_key BYTEA NOT NULL, fingerprint TEXT NOT NULL, at TEXT NOT NULL,
    PRIMARY KEY (fund_code, from_seq)
);
CREATE TABLE p_province (
    name TEXT PRIMARY KEY, public_key BYTEA NOT NULL, fingerprint TEXT NOT NULL, enrolled_at TEXT NOT NULL, enrolled_by TEXT NOT NULL,
    last_forward BIGINT NOT NULL DEFAULT 0, last_forward_hash BYTEA
);
CREATE TRIGGER p_forward_kept BEFORE DELETE ON p_forward FOR EACH ROW EXECUTE FUNCTION p_history_is_kept();
CREATE TRIGGER p_forwarded_kept BEFORE DELETE ON p_forwarded FOR EACH ROW EXECUTE FUNCTION p_history_is_kept();
";

/// Migration 3 is the embedded engine's 4: the local government a fund's bundle names.
const SCHEMA_3: &str = "ALTER TABLE p_fund_record ADD COLUMN local_government TEXT;";

const MIGRATIONS: [(i64, &str); 3] = [(1, SCHEMA_1), (2, SCHEMA_2), (3, SCHEMA_3)];

/// The advisory lock that one program holds while it migrates ("KPRV").
const MIGRATION_LOCK: i64 = 0x4B50_5256;

pub struct PostgresProvince {
    client: RefCell<Client>,
    describe: String,
}

impl PostgresProvince {
    pub fn connect(url: &str) -> Result<PostgresProvince> {
        let config: postgres::Config = url
            .parse()
            .map_err(|e: postgres::Error| Error::Server(format!("{e}: {}", redacted(url))))?;
        let describe = describe(&config);
        let mut client = config.connect(NoTls).map_err(|e| match server(e) {
            Error::Server(m) => Error::Server(format!("{describe}: {m}")),
            other => other,
        })?;
        migrate(&mut client)?;
        Ok(PostgresProvince { client: RefCell::new(client), describe })
    }

    fn query(&self, sql: &str, args: &[&(dyn postgres::types::ToSql + Sync)]) -> Result<Vec<Row>> {
        self.client.borrow_mut().query(sql, args).map_err(server)
    }

    fn query_opt(
        &self,
        sql: &str,
        args: &[&(dyn postgres::types::ToSql + Sync)],
    ) -> Result<Option<Row>> {
        self.client.borrow_mut().query_opt(sql, args).map_err(server)
    }
}

fn migrate(client: &mut Client) -> Result<()> {
    let mut tx = client.transaction().map_err(server)?;
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK]).map_err(server)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS p_migration (version BIGINT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    ).map_err(server)?;
    let version: i64 = tx
        .query_one("SELECT coalesce(max(version), 0) FROM p_migration", &[])
        .map_err(server)?
        .get(0);
    for (number, sql) in MIGRATIONS.iter().filter(|(n, _)| *n > version) {
        tx.batch_execute(sql).map_err(server)?;
        if *number == 1 {
            tx.execute(
                "INSERT INTO p_setting (key, value) VALUES ('id_key', $1)",
                &[&new_id_key()],
            )
            .map_err(server)?;
        }
        tx.execute("INSERT INTO p_migration (version) VALUES ($1)", &[number]).map_err(server)?;
    }
    tx.commit().map_err(server)?;
    Ok(())
}

/// `postgresql://user@host/db` as an officer may read it: no password.
fn describe(config: &postgres::Config) -> String {
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        None => String::new(),
    };
    format!(
        "postgresql://{}@{}/{}",
        config.get_user().unwrap_or(""),
        host,
        config.get_dbname().unwrap_or("")
    )
}

/// The URL with any password taken out, for an error message.
fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{}{user}{}", &url[..scheme + 3], &url[at..])
        }
        _ => url.to_string(),
    }
}

const FUND_COLUMNS: &str =
    "SELECT f.*, (SELECT max(period_to) FROM p_bundle b WHERE b.fund_code = f.code) AS covered_to,
        s.founded_on, s.books_start
     FROM p_fund f LEFT JOIN p_fund_start s ON s.fund_code = f.code";

fn fund_from_row(r: &Row) -> ProvinceFund {
    ProvinceFund {
        code: r.get("code"),
        re_enrolled_at: r.get("re_enrolled_at"),
        key_changes: r.get("key_changes"),
        name: r.get("name"),
        amphoe: r.get("amphoe"),
        tambon: r.get("tambon"),
        changwat: r.get("changwat"),
        fingerprint: r.get("fingerprint"),
        public_key: blob32(r.get("public_key")).unwrap_or([0; 32]),
        revoked: r.get("revoked"),
        last_seq: r.get("last_seq"),
        last_bundle: blob32(r.get("last_bundle")),
        chain_head: blob32(r.get("chain_head")).unwrap_or([0; 32]),
        last_entry: r.get("last_entry"),
        covered_to: r.get("covered_to"),
        founded_on: r.get("founded_on"),
        books_start: r.get("books_start"),
    }
}

impl ProvinceEngine for PostgresProvince {
    fn kind(&self) -> EngineKind {
        EngineKind::Postgres
    }

    fn describe(&self) -> String {
        self.describe.clone()
    }

    fn schema_version(&self) -> Result<i64> {
        Ok(self.query("SELECT coalesce(max(version), 0) FROM p_migration", &[])?[0].get(0))
    }

    fn id_key(&self) -> Result<String> {
        Ok(self.query("SELECT value FROM p_setting WHERE key = 'id_key'", &[])?[0].get(0))
    }

    fn fund(&self, code: &str) -> Result<Option<ProvinceFund>> {
        Ok(self
            .query_opt(&format!("{FUND_COLUMNS} WHERE f.code = $1"), &[&code])?
            .map(|r| fund_from_row(&r)))
    }

    fn funds(&self) -> Result<Vec<ProvinceFund>> {
        let rows = self.query(&format!("{FUND_COLUMNS} ORDER BY f.amphoe COLLATE ucs_basic, f.tambon COLLATE ucs_basic, f.code COLLATE ucs_basic"), &[])?;
        Ok(rows.iter().map(fund_from_row).collect())
    }

    fn enrol(&mut self, f: &Enrolment<'_>) -> Result<()> {
        self.client.get_mut().execute(
            "INSERT INTO p_fund (code, name, amphoe, tambon, changwat, public_key, fingerprint, enrolled_at, enrolled_by, chain_head)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            &[&f.code, &f.name, &f.amphoe, &f.tambon, &f.changwat, &&f.public_key[..], &f.fingerprint, &f.at, &f.by, &&[0u8; 32][..]],
        ).map_err(server)?;
        Ok(())
    }

    fn replace_key(
        &mut self,
        code: &str,
        public_key: &[u8; 32],
        fingerprint: &str,
        re_enrol: bool,
        at: &str,
    ) -> Result<()> {
        let mut tx = self.client.get_mut().transaction().map_err(server)?;
        tx.execute(
            "UPDATE p_fund SET public_key = $2, fingerprint = $3, key_changes = key_changes + 1,
                    re_enrolled_at = CASE WHEN $4 THEN $5 ELSE re_enrolled_at END WHERE code = $1",
            &[&code, &&public_key[..], &fingerprint, &re_enrol, &at],
        )
        .map_err(server)?;
        if re_enrol {
            // the new key holds from the fund's next bundle: a forward carries it with that
            tx.execute(
                "INSERT INTO p_re_enrolment (fund_code, from_seq, public_key, fingerprint, at)
                 SELECT code, last_seq + 1, $2, $3, $4 FROM p_fund WHERE code = $1
                 ON CONFLICT (fund_code, from_seq) DO UPDATE SET public_key = excluded.public_key,
                    fingerprint = excluded.fingerprint, at = excluded.at",
                &[&code, &&public_key[..], &fingerprint, &at],
            )
            .map_err(server)?;
        }
        tx.commit().map_err(server)?;
        Ok(())
    }

    fn bundle_hash(&self, code: &str, seq: i64) -> Result<Option<[u8; 32]>> {
        let row = self.query_opt(
            "SELECT hash FROM p_bundle WHERE fund_code = $1 AND seq = $2",
            &[&code, &seq],
        )?;
        Ok(blob32(row.map(|r| r.get(0))))
    }

    fn bundle_seq_of_hash(&self, hash: &[u8; 32]) -> Result<Option<(String, i64)>> {
        let row =
            self.query_opt("SELECT fund_code, seq FROM p_bundle WHERE hash = $1", &[&&hash[..]])?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    }

    fn head_at_month_end(&self, code: &str, month: &str) -> Result<Option<[u8; 32]>> {
        let row = self.query_opt(
            "SELECT chain_head FROM p_bundle WHERE fund_code = $1 AND period_to = $2",
            &[&code, &month],
        )?;
        Ok(blob32(row.map(|r| r.get(0))))
    }

    fn import(&mut self, bundle: &BundleRecord<'_>, rows: &ImportRows<'_>) -> Result<Written> {
        let code = bundle.code;
        let mut tx = self.client.get_mut().transaction().map_err(server)?;
        // the fund's row locked first: a second importer of the same fund waits here, then
        // (read committed) sees the sequence moved on and writes nothing
        let moved = tx.execute(
            "UPDATE p_fund SET last_seq = $2, last_bundle = $3, chain_head = $4, last_entry = $5
             WHERE code = $1 AND last_seq = $6",
            &[
                &code,
                &bundle.seq,
                &&bundle.hash[..],
                &&bundle.head[..],
                &bundle.last_entry,
                &(bundle.seq - 1),
            ],
        ).map_err(server)?;
        if moved == 0 {
            return Ok(Written::FundMovedOn);
        }
        if let Some((public, fingerprint)) = &rows.new_key {
            tx.execute(
                "UPDATE p_fund SET public_key = $2, fingerprint = $3, key_changes = key_changes + 1 WHERE code = $1",
                &[&code, &&public[..], fingerprint],
            ).map_err(server)?;
        }
        // many rows to a statement (a round trip per 500 rows, not per row): the same rows
        // as the embedded engine writes one by one
        let members: Vec<_> = rows.members.iter().map(member_row).collect();
        let member_values: Vec<Vec<&Param<'_>>> = members
            .iter()
            .map(|r| {
                vec![
                    &code as &Param<'_>,
                    &r.member_no,
                    &r.title,
                    &r.first_name,
                    &r.last_name,
                    &r.sex,
                    &r.birth_year,
                    &r.moo,
                    &r.joined_on,
                    &r.status,
                    &r.status_since,
                    &r.groups,
                    &r.id_hash,
                ]
            })
            .collect();
        insert_many(
            &mut tx,
            "INSERT INTO p_member (fund_code, member_no, title, first_name, last_name, sex, birth_year, moo, joined_on, status, status_since, groups, id_hash) VALUES ",
            " ON CONFLICT (fund_code, member_no) DO UPDATE SET title = excluded.title, first_name = excluded.first_name,
                last_name = excluded.last_name, sex = excluded.sex, birth_year = excluded.birth_year, moo = excluded.moo,
                joined_on = excluded.joined_on, status = excluded.status, status_since = excluded.status_since,
                groups = excluded.groups, id_hash = excluded.id_hash",
            &member_values,
        )?;
        let entries: Vec<_> = rows.entries.iter().map(entry_row).collect();
        let entry_values: Vec<Vec<&Param<'_>>> = entries
            .iter()
            .map(|r| {
                vec![
                    &code as &Param<'_>,
                    &r.id,
                    &r.entry_date,
                    &r.kind,
                    &r.doc_no,
                    &r.description,
                    &r.hash,
                ]
            })
            .collect();
        insert_many(
            &mut tx,
            "INSERT INTO p_entry (fund_code, entry_id, entry_date, kind, doc_no, description, hash) VALUES ",
            "",
            &entry_values,
        )?;
        let postings: Vec<PostingLine<'_>> = entries
            .iter()
            .flat_map(|r| {
                r.postings
                    .iter()
                    .enumerate()
                    .map(|(i, (account, amount))| (r.id, i as i64 + 1, *account, *amount))
            })
            .collect();
        let posting_values: Vec<Vec<&Param<'_>>> = postings
            .iter()
            .map(|(id, line, account, amount)| vec![&code as &Param<'_>, id, line, account, amount])
            .collect();
        insert_many(
            &mut tx,
            "INSERT INTO p_posting (fund_code, entry_id, line, account, amount) VALUES ",
            "",
            &posting_values,
        )?;
        let claims: Vec<_> = rows.claims.iter().map(claim_row).collect();
        let claim_values: Vec<Vec<&Param<'_>>> = claims
            .iter()
            .map(|r| {
                vec![
                    &code as &Param<'_>,
                    &r.id,
                    &r.member_no,
                    &r.category,
                    &r.event_date,
                    &r.status,
                    &r.amount,
                ]
            })
            .collect();
        insert_many(
            &mut tx,
            "INSERT INTO p_claim (fund_code, claim_id, member_no, category, event_date, status, amount) VALUES ",
            " ON CONFLICT (fund_code, claim_id) DO UPDATE SET status = excluded.status, amount = excluded.amount",
            &claim_values,
        )?;
        tx.execute(
            "INSERT INTO p_bundle (fund_code, seq, hash, period_from, period_to, entries, chain_head, imported_at, imported_by, stored_as)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'p_bundle_file')",
            &[
                &code,
                &bundle.seq,
                &&bundle.hash[..],
                &bundle.period.0,
                &bundle.period.1,
                &(rows.entries.len() as i64),
                &&bundle.head[..],
                &bundle.at,
                &bundle.by,
            ],
        ).map_err(server)?;
        tx.execute(
            "INSERT INTO p_bundle_file (fund_code, seq, bytes) VALUES ($1, $2, $3)",
            &[&code, &bundle.seq, &bundle.file],
        )
        .map_err(server)?;
        for (month, auditor, remarks, signed_at) in &rows.audits {
            tx.execute(
                "INSERT INTO p_audit (fund_code, month, auditor, remarks, signed_at) VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (fund_code, month) DO NOTHING",
                &[&code, month, auditor, remarks, signed_at],
            ).map_err(server)?;
        }
        let r = &rows.records;
        let (by, on, document) = match &r.certification {
            Some((by, on, document)) => (Some(by), Some(on), Some(document)),
            None => (None, None, None),
        };
        tx.execute(
            "INSERT INTO p_fund_record (fund_code, certified_by, certified_on, certified_document, area_moos, local_government)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (fund_code) DO UPDATE SET certified_by = excluded.certified_by, certified_on = excluded.certified_on,
               certified_document = excluded.certified_document, area_moos = excluded.area_moos,
               local_government = excluded.local_government",
            &[&code, &by, &on, &document, &r.area_moos, &r.local_government],
        ).map_err(server)?;
        if let Some((founded_on, books_start)) = &rows.fund_start {
            tx.execute(
                "INSERT INTO p_fund_start (fund_code, founded_on, books_start) VALUES ($1, $2, $3)
                 ON CONFLICT (fund_code) DO UPDATE SET founded_on = excluded.founded_on, books_start = excluded.books_start",
                &[&code, founded_on, books_start],
            ).map_err(server)?;
        }
        tx.commit().map_err(server)?;
        Ok(Written::Imported)
    }

    fn content_digest(&self) -> Result<String> {
        use sha2::{Digest, Sha256};
        let mut h = Sha256::new();
        for table in DIGEST_TABLES {
            for r in self.query(
                &format!("SELECT t::text FROM {table} t ORDER BY t::text COLLATE ucs_basic"),
                &[],
            )? {
                h.update(r.get::<_, String>(0).as_bytes());
                h.update(b"|");
            }
        }
        Ok(hex::encode(h.finalize()))
    }

    fn account_totals(&self, from: &str, to: &str) -> Result<Vec<(String, String, Satang)>> {
        let rows = self.query(
            "SELECT p.fund_code, p.account, SUM(p.amount)::BIGINT FROM p_posting p
             JOIN p_entry e ON e.fund_code = p.fund_code AND e.entry_id = p.entry_id
             WHERE e.entry_date BETWEEN $1 AND $2 GROUP BY p.fund_code, p.account ORDER BY p.fund_code COLLATE ucs_basic, p.account COLLATE ucs_basic",
            &[&from, &to],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1), Satang::new(r.get(2)))).collect())
    }

    fn members(&self) -> Result<Vec<MemberFacts>> {
        let rows = self.query(
            "SELECT fund_code, status, coalesce(groups, ''), birth_year, coalesce(joined_on, ''), moo, sex
             FROM p_member ORDER BY fund_code COLLATE ucs_basic, member_no COLLATE ucs_basic",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| {
                let birth_year: Option<i64> = r.get(3);
                MemberFacts {
                    fund_code: r.get(0),
                    status: r.get::<_, Option<String>>(1).unwrap_or_default(),
                    groups: r.get(2),
                    birth_year: birth_year.and_then(|y| i32::try_from(y).ok()),
                    joined_on: r.get(4),
                    moo: r.get(5),
                    sex: r.get(6),
                }
            })
            .collect())
    }

    fn fund_records(&self) -> Result<std::collections::HashMap<String, FundRecords>> {
        let rows = self.query(
            "SELECT fund_code, certified_by, certified_on, certified_document, area_moos, local_government FROM p_fund_record",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| {
                let records =
                    FundRecords::from_columns(r.get(1), r.get(2), r.get(3), r.get(4), r.get(5));
                (r.get(0), records)
            })
            .collect())
    }

    fn bundle_file(&self, code: &str, seq: i64) -> Result<Option<Vec<u8>>> {
        let row = self.query_opt(
            "SELECT bytes FROM p_bundle_file WHERE fund_code = $1 AND seq = $2",
            &[&code, &seq],
        )?;
        Ok(row.map(|r| r.get(0)))
    }

    fn entries_of(&self, code: &str) -> Result<Vec<ProvinceEntry>> {
        let rows = self.query(
            "SELECT e.entry_id, e.entry_date, e.kind, e.doc_no, e.description, e.hash, p.account, p.amount
             FROM p_entry e LEFT JOIN p_posting p ON p.fund_code = e.fund_code AND p.entry_id = e.entry_id
             WHERE e.fund_code = $1 ORDER BY e.entry_id, p.line",
            &[&code],
        )?;
        let mut out: Vec<ProvinceEntry> = Vec::new();
        for r in &rows {
            let id: i64 = r.get(0);
            if out.last().map(|e| e.id) != Some(id) {
                out.push(ProvinceEntry {
                    id,
                    entry_date: r.get(1),
                    kind: r.get(2),
                    doc_no: r.get(3),
                    description: r.get(4),
                    hash: hex::encode(r.get::<_, Vec<u8>>(5)),
                    postings: Vec::new(),
                });
            }
            if let (Some(account), Some(amount)) =
                (r.get::<_, Option<String>>(6), r.get::<_, Option<i64>>(7))
            {
                out.last_mut().expect("entry pushed above").postings.push((account, amount));
            }
        }
        Ok(out)
    }

    fn members_of(&self, code: &str) -> Result<Vec<MemberNames>> {
        let rows = self.query(
            "SELECT member_no, coalesce(title, ''), coalesce(first_name, ''), coalesce(last_name, ''), coalesce(status, ''), coalesce(status_since, '')
             FROM p_member WHERE fund_code = $1 ORDER BY member_no COLLATE ucs_basic",
            &[&code],
        )?;
        Ok(rows
            .iter()
            .map(|r| (r.get(0), r.get(1), r.get(2), r.get(3), r.get(4), r.get(5)))
            .collect())
    }

    fn audited_months(&self) -> Result<Vec<(String, String)>> {
        let rows = self.query("SELECT fund_code, month FROM p_audit ORDER BY fund_code COLLATE ucs_basic, month COLLATE ucs_basic", &[])?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn paid_claims(&self, from: &str, to: &str) -> Result<Vec<PaidClaim>> {
        let rows = self.query(
            "SELECT fund_code, category, member_no IS NULL, COALESCE(amount, 0) FROM p_claim
             WHERE status = 'paid' AND event_date BETWEEN $1 AND $2 ORDER BY fund_code COLLATE ucs_basic, claim_id",
            &[&from, &to],
        )?;
        Ok(rows
            .iter()
            .map(|r| PaidClaim {
                fund_code: r.get(0),
                category: r.get(1),
                non_member: r.get(2),
                amount: Satang::new(r.get(3)),
            })
            .collect())
    }

    fn first_entry_dates(&self) -> Result<Vec<(String, String)>> {
        let rows = self.query(
            "SELECT fund_code, min(entry_date) FROM p_entry GROUP BY fund_code ORDER BY fund_code COLLATE ucs_basic",
            &[],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn coverage(&self) -> Result<Vec<(String, String, String)>> {
        let rows = self.query(
            "SELECT fund_code, period_from, period_to FROM p_bundle ORDER BY fund_code COLLATE ucs_basic, seq",
            &[],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1), r.get(2))).collect())
    }

    fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self.query_opt("SELECT value FROM p_setting WHERE key = $1", &[&key])?.map(|r| r.get(0)))
    }

    fn re_enrolments(&self) -> Result<Vec<ReEnrolment>> {
        let rows = self.query(
            "SELECT fund_code, from_seq, public_key, fingerprint, at FROM p_re_enrolment
             ORDER BY fund_code COLLATE ucs_basic, from_seq",
            &[],
        )?;
        Ok(rows
            .iter()
            .map(|r| ReEnrolment {
                fund_code: r.get(0),
                from_seq: r.get(1),
                public_key: blob32(r.get(2)).unwrap_or([0; 32]),
                fingerprint: r.get(3),
                at: r.get(4),
            })
            .collect())
    }

    fn unforwarded(&self) -> Result<Vec<(String, i64)>> {
        let rows = self.query(
            "SELECT b.fund_code, b.seq FROM p_bundle b
             WHERE NOT EXISTS (SELECT 1 FROM p_forwarded f WHERE f.fund_code = b.fund_code AND f.seq = b.seq)
             ORDER BY b.fund_code COLLATE ucs_basic, b.seq",
            &[],
        )?;
        Ok(rows.iter().map(|r| (r.get(0), r.get(1))).collect())
    }

    fn last_forward(&self) -> Result<Option<(i64, [u8; 32])>> {
        let row =
            self.query_opt("SELECT seq, hash FROM p_forward ORDER BY seq DESC LIMIT 1", &[])?;
        Ok(row.and_then(|r| blob32(r.get(1)).map(|h| (r.get(0), h))))
    }

    fn record_forward(&mut self, forward: &ForwardRecord<'_>) -> Result<Written> {
        let mut tx = self.client.get_mut().transaction().map_err(server)?;
        // one forward at a time: the table locked against a second writer of forwards
        tx.batch_execute("LOCK TABLE p_forward IN EXCLUSIVE MODE").map_err(server)?;
        let last: i64 = tx
            .query_one("SELECT coalesce(max(seq), 0) FROM p_forward", &[])
            .map_err(server)?
            .get(0);
        if last != forward.seq - 1 {
            return Ok(Written::FundMovedOn);
        }
        tx.execute(
            "INSERT INTO p_forward (seq, hash, created_at, created_by, bundles, manifest, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            &[
                &forward.seq,
                &&forward.hash[..],
                &forward.at,
                &forward.by,
                &(forward.bundles.len() as i64),
                &forward.manifest,
                &forward.signature,
            ],
        )
        .map_err(server)?;
        tx.execute(
            "INSERT INTO p_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
            &[&kongthun::store::province::PROVINCE_NAME, &forward.province],
        )
        .map_err(server)?;
        let f = tx
            .prepare("INSERT INTO p_forwarded (fund_code, seq, forward_seq) VALUES ($1, $2, $3)")
            .map_err(server)?;
        for (code, seq) in forward.bundles {
            tx.execute(&f, &[code, seq, &forward.seq]).map_err(server)?;
        }
        tx.commit().map_err(server)?;
        Ok(Written::Imported)
    }

    fn forward_manifest(&self, seq: i64) -> Result<Option<(Vec<u8>, String)>> {
        let row =
            self.query_opt("SELECT manifest, signature FROM p_forward WHERE seq = $1", &[&seq])?;
        Ok(row.map(|r| (r.get(0), r.get(1))))
    }

    fn province(&self, name: &str) -> Result<Option<ProvinceKey>> {
        let row = self.query_opt(
            "SELECT name, public_key, fingerprint, enrolled_at, enrolled_by, last_forward, last_forward_hash FROM p_province WHERE name = $1",
            &[&name],
        )?;
        Ok(row.map(|r| ProvinceKey {
            name: r.get(0),
            public_key: blob32(r.get(1)).unwrap_or([0; 32]),
            fingerprint: r.get(2),
            enrolled_at: r.get(3),
            enrolled_by: r.get(4),
            last_forward: r.get(5),
            last_forward_hash: blob32(r.get(6)),
        }))
    }

    fn enrol_province(&mut self, p: &ProvinceKey) -> Result<()> {
        self.client
            .get_mut()
            .execute(
                "INSERT INTO p_province (name, public_key, fingerprint, enrolled_at, enrolled_by) VALUES ($1, $2, $3, $4, $5)",
                &[&p.name, &&p.public_key[..], &p.fingerprint, &p.enrolled_at, &p.enrolled_by],
            )
            .map_err(server)?;
        Ok(())
    }

    fn record_forward_imported(
        &mut self,
        name: &str,
        seq: i64,
        hash: &[u8; 32],
    ) -> Result<Written> {
        let moved = self
            .client
            .get_mut()
            .execute(
                "UPDATE p_province SET last_forward = $2, last_forward_hash = $3 WHERE name = $1 AND last_forward = $4",
                &[&name, &seq, &&hash[..], &(seq - 1)],
            )
            .map_err(server)?;
        Ok(if moved == 1 { Written::Imported } else { Written::FundMovedOn })
    }
}

type Param<'a> = dyn postgres::types::ToSql + Sync + 'a;

/// (entry id, line, account, amount) of one posting to write.
type PostingLine<'a> = (Option<i64>, i64, Option<&'a str>, Option<i64>);

/// Insert rows of equal width with one statement per 500 of them: `head` ends in `VALUES `,
/// `tail` is what follows the rows (an `ON CONFLICT` clause, or nothing).
fn insert_many(
    tx: &mut postgres::Transaction<'_>,
    head: &str,
    tail: &str,
    rows: &[Vec<&Param<'_>>],
) -> Result<()> {
    use std::fmt::Write;
    for chunk in rows.chunks(500) {
        let mut sql = String::from(head);
        let mut n = 0;
        for (i, row) in chunk.iter().enumerate() {
            sql.push_str(if i == 0 { "(" } else { ", (" });
            for j in 0..row.len() {
                n += 1;
                let _ = write!(sql, "{}${n}", if j == 0 { "" } else { ", " });
            }
            sql.push(')');
        }
        sql.push_str(tail);
        let params: Vec<&Param<'_>> = chunk.iter().flatten().copied().collect();
        tx.execute(sql.as_str(), &params).map_err(server)?;
    }
    Ok(())
}

/// The server's own message (with its detail) when it sent one, else the client's.
fn server(e: postgres::Error) -> Error {
    match e.as_db_error() {
        Some(db) => Error::Server(match db.detail() {
            Some(detail) => format!("{} ({detail})", db.message()),
            None => db.message().to_string(),
        }),
        None => Error::Server(e.to_string()),
    }
}
