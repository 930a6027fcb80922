//! The provincial office's database — and the national office's, one level up: a registry of
//! fund keys, the bundles imported (their files byte for byte), and the funds' data as
//! imported. One interface ([`ProvinceEngine`]) with two engines: the embedded SQLite file
//! (`sqlite`, the default everywhere) and a PostgreSQL server that several officers share,
//! which lives in the office program (`office/`, `kongthun-office`) so that this library —
//! and with it the treasurer's program and the app — carries no network code. Every SQL
//! statement of the province side lives in those two engines; the operations
//! (`ops::province`) and the reports (`report::province`) see only this interface, so each
//! command gives the same result on either engine.

mod sqlite;

use crate::domain::Satang;
use crate::error::{ProvinceRefusal, Result};
use serde::Serialize;
use std::path::Path;

pub use sqlite::PROVINCE_APPLICATION_ID;

/// What the province's reports count of an imported member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberFacts {
    pub fund_code: String,
    pub status: String,
    /// The member's groups, comma-separated (`elderly,disabled`).
    pub groups: String,
    pub birth_year: Option<i32>,
    pub joined_on: String,
    pub moo: Option<i64>,
    /// `M` or `F`, when the fund recorded it.
    pub sex: Option<String>,
}

/// A member by name: (number, title, first name, last name, status, status since).
pub type MemberNames = (String, String, String, String, String, String);

/// What a fund recorded for the criteria, as its newest bundle carries it: the certification
/// (by, on, document) and the villages of its area (`1,2,3`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FundRecords {
    pub certification: Option<(String, String, String)>,
    pub area_moos: Option<String>,
    /// The local government (อปท.) whose area the fund serves.
    pub local_government: Option<String>,
}

impl FundRecords {
    /// From the columns of `p_fund_record` as either engine reads them: a certification
    /// counts only with both who and when.
    pub fn from_columns(
        by: Option<String>,
        on: Option<String>,
        document: Option<String>,
        area_moos: Option<String>,
        local_government: Option<String>,
    ) -> FundRecords {
        let certification = match (by, on) {
            (Some(by), Some(on)) => Some((by, on, document.unwrap_or_default())),
            _ => None,
        };
        FundRecords { certification, area_moos, local_government }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProvinceFund {
    pub code: String,
    pub re_enrolled_at: Option<String>,
    pub key_changes: i64,
    pub name: String,
    pub amphoe: String,
    pub tambon: String,
    pub changwat: String,
    pub fingerprint: String,
    #[serde(skip)]
    pub public_key: [u8; 32],
    pub revoked: bool,
    pub last_seq: i64,
    #[serde(skip)]
    pub last_bundle: Option<[u8; 32]>,
    #[serde(skip)]
    pub chain_head: [u8; 32],
    pub last_entry: i64,
    pub covered_to: Option<String>,
    /// When the fund was founded and its books in the program began (from its bundles; a
    /// bundle of format 1 made before funds could be brought in does not say).
    pub founded_on: Option<String>,
    pub books_start: Option<String>,
}

/// A fund to enrol: what its first bundle says, and who confirmed the fingerprint when.
pub struct Enrolment<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub amphoe: &'a str,
    pub tambon: &'a str,
    pub changwat: &'a str,
    pub public_key: &'a [u8; 32],
    pub fingerprint: &'a str,
    pub at: &'a str,
    pub by: &'a str,
}

/// One verified bundle as the registry records it.
pub struct BundleRecord<'a> {
    pub code: &'a str,
    pub seq: i64,
    pub hash: &'a [u8; 32],
    pub period: (&'a str, &'a str),
    /// The chain head and last entry after this bundle.
    pub head: &'a [u8; 32],
    pub last_entry: i64,
    pub at: &'a str,
    pub by: &'a str,
    /// The bundle's file, byte for byte, kept in the same transaction as its data.
    pub file: &'a [u8],
}

/// One imported bundle's data, ready to write.
pub struct ImportRows<'b> {
    /// A key rotation carried by the bundle, taken in the same transaction.
    pub new_key: Option<([u8; 32], String)>,
    pub members: Vec<crate::domain::member::MemberLine>,
    /// borrowed from the bundle's bytes
    pub entries: Vec<crate::domain::chain::EntryLine<'b>>,
    pub claims: Vec<serde_json::Value>,
    /// (founded_on, books_start) as the fund's bundle states them.
    pub fund_start: Option<(String, String)>,
    /// (month, auditor, remarks, signed at) of every month the fund's auditor signed.
    pub audits: Vec<(String, String, String, String)>,
    /// The certification and the area's villages, when the bundle carries them.
    pub records: FundRecords,
}

/// What writing a bundle did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Written {
    Imported,
    /// Another importer took this fund's next bundle first (checked under the fund's lock in
    /// the same transaction): nothing was written; check the bundle again.
    FundMovedOn,
}

/// A claim a fund paid, as the province counts it: a member's or a non-member's (a bundle's
/// claim with no member number is the claim of a person in the community who is not a
/// member), and the baht approved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PaidClaim {
    pub fund_code: String,
    pub category: String,
    pub non_member: bool,
    pub amount: Satang,
}

/// One imported journal entry of a fund.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProvinceEntry {
    pub id: i64,
    pub entry_date: String,
    pub kind: String,
    pub doc_no: String,
    pub description: String,
    pub hash: String,
    pub postings: Vec<(String, i64)>,
}

/// The two engines, for messages and for tests that run on each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EngineKind {
    Sqlite,
    Postgres,
}

/// Everything the province side asks of its database. Reads take `&self`, writes `&mut self`;
/// each write is one transaction.
pub trait ProvinceEngine: Send {
    fn kind(&self) -> EngineKind;
    /// Where the data is: the file's path, or the server and database (never a password).
    fn describe(&self) -> String;
    /// The last schema migration applied (each engine numbers its own).
    fn schema_version(&self) -> Result<i64>;
    /// The province's key for hashing national IDs (HMAC), handed to funds at enrolment.
    fn id_key(&self) -> Result<String>;
    fn fund(&self, code: &str) -> Result<Option<ProvinceFund>>;
    fn funds(&self) -> Result<Vec<ProvinceFund>>;
    fn enrol(&mut self, fund: &Enrolment<'_>) -> Result<()>;
    /// Replace a fund's key: by a rotation record (`re_enrol` false) or by the officer after
    /// the fund lost its key (`re_enrol` true, recorded and shown in the funds list).
    fn replace_key(
        &mut self,
        code: &str,
        public_key: &[u8; 32],
        fingerprint: &str,
        re_enrol: bool,
        at: &str,
    ) -> Result<()>;
    /// Hash of the bundle a fund sent with this sequence number, if imported.
    fn bundle_hash(&self, code: &str, seq: i64) -> Result<Option<[u8; 32]>>;
    fn bundle_seq_of_hash(&self, hash: &[u8; 32]) -> Result<Option<(String, i64)>>;
    /// The chain head held for a fund at the end of a month (from the bundle whose period
    /// ends there).
    fn head_at_month_end(&self, code: &str, month: &str) -> Result<Option<[u8; 32]>>;
    /// Write one verified bundle, all or nothing, if the fund's last bundle is still
    /// `bundle.seq - 1` when the fund is locked for the write.
    fn import(&mut self, bundle: &BundleRecord<'_>, rows: &ImportRows<'_>) -> Result<Written>;
    /// A fingerprint of every row, for "nothing changed" checks.
    fn content_digest(&self) -> Result<String>;
    /// Per fund: (code, account, net amount) of postings dated in [from, to].
    fn account_totals(&self, from: &str, to: &str) -> Result<Vec<(String, String, Satang)>>;
    /// Every imported member's facts, by fund and member number.
    fn members(&self) -> Result<Vec<MemberFacts>>;
    /// What each fund recorded for the criteria, by fund code.
    fn fund_records(&self) -> Result<std::collections::HashMap<String, FundRecords>>;
    /// The file of bundle `seq` of a fund, byte for byte as it was imported.
    fn bundle_file(&self, code: &str, seq: i64) -> Result<Option<Vec<u8>>>;
    /// A fund's imported journal, entry by entry with its postings in line order.
    fn entries_of(&self, code: &str) -> Result<Vec<ProvinceEntry>>;
    /// A fund's members as imported, by member number.
    fn members_of(&self, code: &str) -> Result<Vec<MemberNames>>;
    /// The months each fund's auditor signed: (fund code, month).
    fn audited_months(&self) -> Result<Vec<(String, String)>>;
    /// Every claim paid for an event dated in [from, to], by fund code and claim.
    fn paid_claims(&self, from: &str, to: &str) -> Result<Vec<PaidClaim>>;
    /// Per fund, the date of its first imported entry.
    fn first_entry_dates(&self) -> Result<Vec<(String, String)>>;
    /// Periods covered by each fund's bundles, in order: (fund code, from, to).
    fn coverage(&self) -> Result<Vec<(String, String, String)>>;
    fn setting(&self, key: &str) -> Result<Option<String>>;
    /// The keys officers re-enrolled funds with, each from the bundle it holds from.
    fn re_enrolments(&self) -> Result<Vec<ReEnrolment>>;
    /// (fund code, seq) of every imported bundle not yet forwarded, in order.
    fn unforwarded(&self) -> Result<Vec<(String, i64)>>;
    /// The province's last forward: its number and the hash of its manifest.
    fn last_forward(&self) -> Result<Option<(i64, [u8; 32])>>;
    /// Record a forward written, if it still follows the last one (else nothing is written);
    /// the province's name with its first.
    fn record_forward(&mut self, forward: &ForwardRecord<'_>) -> Result<Written>;
    /// A forward's signed manifest as it was written, to write its folder again.
    fn forward_manifest(&self, seq: i64) -> Result<Option<(Vec<u8>, String)>>;
    /// At the nation: a province's enrolled key and its last forward imported.
    fn province(&self, name: &str) -> Result<Option<ProvinceKey>>;
    fn enrol_province(&mut self, province: &ProvinceKey) -> Result<()>;
    /// A province's forward imported, if it still follows the last one.
    fn record_forward_imported(&mut self, name: &str, seq: i64, hash: &[u8; 32])
        -> Result<Written>;
}

/// A fund's key replaced by an officer after the fund lost its own, from bundle `from_seq`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReEnrolment {
    pub fund_code: String,
    pub from_seq: i64,
    pub public_key: [u8; 32],
    pub fingerprint: String,
    pub at: String,
}

/// One forward a province wrote: its number, its manifest's hash and the bundles in it.
pub struct ForwardRecord<'a> {
    pub seq: i64,
    pub hash: &'a [u8; 32],
    /// The manifest's bytes and its signature (hex), kept to write the folder again.
    pub manifest: &'a [u8],
    pub signature: &'a str,
    pub at: &'a str,
    pub by: &'a str,
    pub bundles: &'a [(String, i64)],
    /// The province's name, recorded with its first forward (kept as it is after).
    pub province: &'a str,
}

/// The setting that names the province in its forwards.
pub const PROVINCE_NAME: &str = "province_name";

/// A province as the nation enrolled it: its key (fingerprint checked against the
/// province's letter) and the last forward imported from it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProvinceKey {
    pub name: String,
    #[serde(skip)]
    pub public_key: [u8; 32],
    pub fingerprint: String,
    pub enrolled_at: String,
    pub enrolled_by: String,
    pub last_forward: i64,
    #[serde(skip)]
    pub last_forward_hash: Option<[u8; 32]>,
}

/// How long an import into the embedded file waits for another one to finish before it says
/// the database is busy (SQLite has one writer at a time).
pub const WRITER_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// The province's database, on whichever engine it was opened.
pub struct ProvinceStore {
    engine: Box<dyn ProvinceEngine>,
}

impl ProvinceStore {
    /// The embedded engine: a SQLite file (created with its schema the first time).
    pub fn open(path: &Path) -> Result<ProvinceStore> {
        ProvinceStore::open_waiting(path, WRITER_WAIT)
    }

    /// The embedded engine with another wait for a second writer than [`WRITER_WAIT`].
    pub fn open_waiting(path: &Path, wait: std::time::Duration) -> Result<ProvinceStore> {
        Ok(ProvinceStore { engine: Box::new(sqlite::SqliteProvince::open(path, wait)?) })
    }

    /// A server database: `postgresql://user@host/db` or, on a local socket,
    /// `postgresql:///db?host=/run/postgresql`, through the engine the office program
    /// provides ([`provide_server_engine`]); this library alone has none.
    pub fn connect(url: &str) -> Result<ProvinceStore> {
        let connect = SERVER_ENGINE.get().ok_or(ProvinceRefusal::NoServerEngine)?;
        Ok(ProvinceStore::from_engine(connect(url)?))
    }

    pub fn from_engine(engine: Box<dyn ProvinceEngine>) -> ProvinceStore {
        ProvinceStore { engine }
    }

    /// What `--db` names: a `postgresql://` (or `postgres://`) URL, else a file path.
    pub fn open_target(target: &Path) -> Result<ProvinceStore> {
        match target.to_str().filter(|t| is_server_url(t)) {
            Some(url) => ProvinceStore::connect(url),
            None => ProvinceStore::open(target),
        }
    }
}

/// Opens a server database from its URL: what the office program adds to this library.
pub type ServerEngine = fn(&str) -> Result<Box<dyn ProvinceEngine>>;

static SERVER_ENGINE: std::sync::OnceLock<ServerEngine> = std::sync::OnceLock::new();

/// Give the program a server engine (the office program does, first thing in `main`).
pub fn provide_server_engine(connect: ServerEngine) {
    // a second call keeps the first engine: there is one per program
    let _ = SERVER_ENGINE.set(connect);
}

/// Whether `--db` names a server rather than a file.
pub fn is_server_url(target: &str) -> bool {
    target.starts_with("postgresql://") || target.starts_with("postgres://")
}

impl std::ops::Deref for ProvinceStore {
    type Target = dyn ProvinceEngine;
    fn deref(&self) -> &Self::Target {
        self.engine.as_ref()
    }
}

impl std::ops::DerefMut for ProvinceStore {
    fn deref_mut(&mut self) -> &mut Self::Target {
        self.engine.as_mut()
    }
}

/// The typed columns of one imported member, read once from its bundle line for either
/// engine.
pub struct MemberRow<'a> {
    pub member_no: Option<&'a str>,
    pub title: Option<&'a str>,
    pub first_name: Option<&'a str>,
    pub last_name: Option<&'a str>,
    pub sex: Option<&'a str>,
    pub birth_year: Option<i64>,
    pub moo: Option<i64>,
    pub joined_on: Option<&'a str>,
    pub status: Option<&'a str>,
    pub status_since: Option<&'a str>,
    pub groups: String,
    pub id_hash: Option<&'a str>,
}

pub fn member_row(v: &crate::domain::member::MemberLine) -> MemberRow<'_> {
    MemberRow {
        member_no: v.member_no.as_deref(),
        title: v.title.as_deref(),
        first_name: v.first_name.as_deref(),
        last_name: v.last_name.as_deref(),
        sex: v.sex.as_deref(),
        birth_year: v.birth_year(),
        moo: v.moo,
        joined_on: v.joined_on.as_deref(),
        status: v.status.as_deref(),
        status_since: v.status_since.as_deref(),
        groups: v.groups.as_deref().map(|g| g.join(",")).unwrap_or_default(),
        id_hash: v.national_id.as_deref(),
    }
}

/// One imported entry's columns and its postings (account, amount) in line order.
pub struct EntryRow<'a> {
    pub id: Option<i64>,
    pub entry_date: Option<&'a str>,
    pub kind: Option<&'a str>,
    pub doc_no: Option<&'a str>,
    pub description: Option<&'a str>,
    pub hash: Vec<u8>,
    pub postings: Vec<(Option<&'a str>, Option<i64>)>,
}

pub fn entry_row<'a>(v: &'a crate::domain::chain::EntryLine<'_>) -> EntryRow<'a> {
    EntryRow {
        id: Some(v.id),
        entry_date: v.entry_date.as_deref(),
        kind: v.kind.as_deref(),
        doc_no: v.doc_no.as_deref(),
        description: v.description.as_deref(),
        hash: v.stored_hash().map(|h| h.to_vec()).unwrap_or_default(),
        postings: v.postings.iter().map(|p| (p.account.as_deref(), Some(p.amount))).collect(),
    }
}

pub struct ClaimRow<'a> {
    pub id: Option<i64>,
    pub member_no: Option<&'a str>,
    pub category: Option<&'a str>,
    pub event_date: Option<&'a str>,
    pub status: Option<&'a str>,
    pub amount: Option<i64>,
}

pub fn claim_row(v: &serde_json::Value) -> ClaimRow<'_> {
    ClaimRow {
        id: v["id"].as_i64(),
        member_no: v["member_no"].as_str(),
        category: v["category"].as_str(),
        event_date: v["event_date"].as_str(),
        status: v["status"].as_str(),
        amount: v["approved_amount"].as_i64(),
    }
}

pub fn blob32(v: Option<Vec<u8>>) -> Option<[u8; 32]> {
    v.and_then(|b| b.try_into().ok())
}

/// A new province's key for hashing national IDs.
pub fn new_id_key() -> String {
    let mut key = [0u8; 32];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut key);
    hex::encode(key)
}

/// The tables a content digest reads, in order.
pub const DIGEST_TABLES: [&str; 13] = [
    "p_province",
    "p_forward",
    "p_forwarded",
    "p_re_enrolment",
    "p_fund",
    "p_fund_start",
    "p_audit",
    "p_bundle",
    "p_bundle_file",
    "p_member",
    "p_entry",
    "p_posting",
    "p_claim",
];
