//! Shared helpers and the test modules.

mod allocation;
mod app_ops;
mod audit;
mod backup;
mod bombs;
mod bundles;
mod cli;
mod community;
mod contributions;
mod crash;
mod defaults;
mod demo;
mod edge;
mod faults;
mod fiscal_year;
mod floors;
mod fuzz_regressions;
mod import;
mod invariants;
mod layers;
mod matching;
mod members;
mod migrate;
mod no_network;
mod portable;
mod properties;
mod province_engines;
mod registers;
mod reports;
mod savings;
mod vocabulary;
mod welfare;

/// The province's scenarios, shared with the office program's tests on PostgreSQL.
#[path = "../support/province_suite.rs"]
pub mod suite;

use chrono::{NaiveDate, TimeZone, Utc};
use kongthun::domain::member::MemberFields;
use kongthun::domain::{FundKind, FundProfile, Satang, Schedule};
use kongthun::ops::{self, Ctx};
use kongthun::store::Store;
use std::path::PathBuf;

/// A context whose "today" is the given date (noon in Bangkok).
pub fn ctx_on(y: i32, m: u32, d: u32) -> Ctx {
    Ctx {
        recorded_by: "ทดสอบ".into(), now: Utc.with_ymd_and_hms(y, m, d, 5, 0, 0).unwrap()
    }
}

pub fn today() -> Ctx {
    ctx_on(2026, 11, 22)
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn profile(kind: FundKind) -> FundProfile {
    FundProfile {
        name_th: "กองทุนสวัสดิการชุมชนบ้านทดสอบ".into(),
        name_en: "Test fund".into(),
        kind,
        fund_code: "T-001".into(),
        village: "บ้านทดสอบ".into(),
        moo: Some(3),
        tambon: "ในเมือง".into(),
        amphoe: "เมือง".into(),
        changwat: "ขอนแก่น".into(),
        fiscal_year_start: 1,
        schedule: Schedule::Monthly,
        contribution: Satang::new(3000),
        entrance_fee: Satang::new(5000),
        lapse_after: 3,
        thai_digits: false,
    }
}

/// A fund in a real SQLite file inside a temporary folder.
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub store: Store,
}

impl Fixture {
    pub fn path(&self) -> PathBuf {
        self.dir.path().join("fund.sqlite")
    }
}

pub fn fund(kind: FundKind) -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("fund.sqlite")).unwrap();
    ops::fund::init_fund(&mut store, &ctx_on(2025, 1, 1), &profile(kind)).unwrap();
    // The tests record history from 2020 on, as a fund that has run for years would.
    edge::set_start(&mut store, &ctx_on(2025, 1, 1), "2020-01-01", "2020-01-01", "").unwrap();
    Fixture { dir, store }
}

pub fn person(first: &str, last: &str, id: &str, joined: &str) -> MemberFields {
    MemberFields {
        title: "นาง".into(),
        first_name: first.into(),
        last_name: last.into(),
        national_id: id.into(),
        birth_date: "1970-05-01".into(),
        moo: "3".into(),
        joined_on: joined.into(),
        ..Default::default()
    }
}

/// Valid national IDs for tests (check digits computed by the domain type).
pub fn national_id(n: u32) -> String {
    let mut digits = [0u32; 12];
    digits[0] = 3;
    let mut x = n;
    for d in digits.iter_mut().skip(1).rev() {
        *d = x % 10;
        x /= 10;
    }
    kongthun::domain::ThaiId::from_first_twelve(&digits).as_str().to_string()
}

/// Everything in every table, as text, for "nothing changed" checks.
pub fn dump(store: &Store) -> String {
    let conn = store.raw_connection_for_tests();
    let mut tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables.sort();
    let mut out = String::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let mut line = String::new();
                for i in 0..n {
                    let v: rusqlite::types::Value = r.get(i)?;
                    line.push_str(&format!("{v:?}|"));
                }
                Ok(line)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.push_str(&format!("== {t}\n{}\n", rows.join("\n")));
    }
    out
}

/// Add `n` members who joined on `joined`; returns their numbers.
pub fn add_members(store: &mut Store, n: u32, joined: &str) -> Vec<String> {
    (0..n)
        .map(|i| {
            ops::members::add_member(
                store,
                &today(),
                &person(&format!("สมาชิก{i}"), "ทดสอบ", &national_id(1000 + i), joined),
            )
            .unwrap()
            .member_no
        })
        .collect()
}

/// A welfare fund with three members and a little money moved in March 2026.
pub fn invariants_fixture() -> Fixture {
    let mut f = fund(FundKind::Both);
    add_members(&mut f.store, 3, "2026-01-10");
    for no in ["1", "2", "3"] {
        edge::deposit(&mut f.store, &today(), no, "250.50", "2026-03-05", "cash").unwrap();
    }
    edge::transfer(&mut f.store, &today(), "cash", "bank", "500", "2026-03-06", "").unwrap();
    f
}

/// Run `hledger bal` on a journal export and check every account it prints against our trial
/// balance (debit minus credit), its total is zero, and it leaves out none of our accounts
/// with a balance. Returns how many accounts it printed.
pub fn assert_hledger_balance_is_ours(
    journal: &std::path::Path,
    tb: &kongthun::report::TrialBalance,
) -> usize {
    let csv = tool("hledger", &["-f", journal.to_str().unwrap(), "bal", "--flat", "-O", "csv"]);
    let mut seen = 0;
    for line in csv.lines().skip(1) {
        let cells: Vec<String> =
            line.split("\",\"").map(|c| c.trim_matches('"').to_string()).collect();
        if cells[0] == "total" {
            assert_eq!(cells[1], "0", "hledger's total");
            continue;
        }
        let code = cells[0].split(':').nth(1).unwrap().split(' ').next().unwrap();
        let amount = cells[1].trim_start_matches("THB ").trim();
        let theirs = Satang::parse(amount, kongthun::domain::money::Sign::Any).unwrap();
        let ours = tb
            .lines
            .iter()
            .find(|l| l.code == code)
            .map(|l| l.debit - l.credit)
            .unwrap_or_default();
        assert_eq!(theirs, ours, "account {code}: hledger {theirs:?}, ours {ours:?}");
        seen += 1;
    }
    let ours_nonzero = tb.lines.iter().filter(|l| l.debit != l.credit).count();
    assert_eq!(
        seen, ours_nonzero,
        "hledger printed {seen} accounts, we have {ours_nonzero} with a balance"
    );
    seen
}

/// Run a tool the tests check our files with (pdftotext, hledger, ...) and return its output.
pub fn tool(name: &str, args: &[&str]) -> String {
    let out = std::process::Command::new(name).args(args).output().unwrap_or_else(|e| {
        panic!("{name} is needed by this test (bash .ci/run installs it): {e}")
    });
    assert!(out.status.success(), "{name} {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// Every entry of a zip file (a bundle, a workbook), in order, with its bytes.
pub use suite::unzip as zip_entries;
