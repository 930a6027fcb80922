//! Ledger benchmarks on the deterministic 20-year, 10,000-member demo fund (issue 2):
//! trial balance, one month's totals, and a collection day of 10,000 payments.
//!
//! Run: `cargo bench --bench ledger` (builds the demo into `bench-data/` the first time,
//! about 4 minutes; set KONGTHUN_BENCH_DIR to keep it elsewhere, KONGTHUN_BENCH_MEMBERS and
//! KONGTHUN_BENCH_YEARS to change its size). Prints a table of medians; never asserts.

use chrono::{TimeZone, Utc};
use kongthun::demo::{build, DemoSpec};
use kongthun::domain::member::MemberFields;
use kongthun::domain::{FundKind, MemberStatus, Satang};
use kongthun::ops::contributions::CollectLine;
use kongthun::ops::{self, Ctx};
use kongthun::store::{MemberFilter, Store};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn env_u32(name: &str, default: u32) -> u32 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut samples = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        samples.push(start.elapsed());
    }
    (median(samples), last.unwrap())
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let members = env_u32("KONGTHUN_BENCH_MEMBERS", 10_000);
    let years = env_u32("KONGTHUN_BENCH_YEARS", 20);
    let dir = std::env::var_os("KONGTHUN_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("bench-data"));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join(format!("demo-{members}m-{years}y-seed42.sqlite"));
    if !db.exists() {
        let partial = dir.join("building.sqlite");
        let _ = std::fs::remove_file(&partial);
        eprintln!("building the demo fund ({members} members, {years} years) into {} ...", db.display());
        let start = Instant::now();
        let mut store = Store::open(&partial).unwrap();
        let s = build(&mut store, &DemoSpec { members, years, seed: 42, until: (2026, 10), kind: FundKind::Both, ..Default::default() }).unwrap();
        drop(store);
        std::fs::rename(&partial, &db).unwrap();
        eprintln!("built in {:.1} s: {} entries", start.elapsed().as_secs_f64(), s.entries);
    }
    let size_mb = std::fs::metadata(&db).unwrap().len() as f64 / 1e6;
    let store = Store::open(&db).unwrap();
    let reader = store.read();
    let entries = reader.entry_count().unwrap();
    println!("demo fund: {members} members, {years} years, {entries} entries, {size_mb:.0} MB");
    println!("| measure | median | note |");
    println!("|---|---|---|");

    let as_of = chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
    let (d, tb) = time(21, || kongthun::report::trial_balance(&reader, as_of).unwrap());
    assert_eq!(tb.difference, Satang(0));
    println!("| trial balance as of month end | {} | {} accounts, difference {} |", ms(d), tb.lines.len(), tb.difference.0);
    let mid = chrono::NaiveDate::from_ymd_opt(2026, 10, 20).unwrap();
    let (d, _) = time(21, || kongthun::report::trial_balance(&reader, mid).unwrap());
    println!("| trial balance mid-month | {} | month-to-date from postings |", ms(d));
    let (d, m) = time(21, || kongthun::report::month_summary(&reader, 2026, 10).unwrap());
    println!("| one month's totals (2026-10) | {} | receipts {} |", ms(d), m.total_receipts);
    let (d, rows) = time(3, || ops::contributions::arrears(&store, as_of).unwrap());
    println!("| arrears of every member | {} | {} in arrears |", ms(d), rows.len());
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let options = kongthun::render::statement::StatementOptions { recipient_names: true };
    let (d, pdf) = time(11, || {
        let s = kongthun::report::statement(&reader, 2026, 10, today).unwrap();
        kongthun::render::statement::statement_pdf(&s, &options)
    });
    println!("| statement PDF (2026-10), data + render | {} | {} KB |", ms(d), pdf.len() / 1024);
    let (d, year) = time(3, || kongthun::report::yearly(&reader, 2025, today).unwrap());
    println!("| yearly report data (2025) | {} | {} members active |", ms(d), year.members_active);
    let (d, pdf) = time(3, || kongthun::render::yearly::yearly_pdf(&year));
    println!("| yearly report PDF render | {} | {} KB |", ms(d), pdf.len() / 1024);
    let (d, chain) = time(1, || reader.verify_chain().unwrap());
    println!("| verify whole chain | {} | {} entries |", ms(d), chain.entries);
    drop(store);

    // Collection day: on a copy, bring active members up to 10,000, then record one
    // payment (contribution + savings) for each of them in one call.
    let copy = dir.join("collect-copy.sqlite");
    let _ = std::fs::remove_file(&copy);
    std::fs::copy(&db, &copy).unwrap();
    let mut store = Store::open(&copy).unwrap();
    let ctx = Ctx { recorded_by: "bench".into(), now: Utc.with_ymd_and_hms(2026, 11, 22, 5, 0, 0).unwrap() };
    let active_filter = MemberFilter { status: Some(MemberStatus::Active), ..Default::default() };
    let active = store.read().members(&active_filter).unwrap().len();
    for i in active..10_000 {
        let fields = MemberFields {
            title: "นาง".into(),
            first_name: format!("ทดสอบ{i}"),
            last_name: "ผู้ใหญ่ดี".into(),
            joined_on: "2026-11-01".into(),
            ..Default::default()
        };
        ops::members::add_member(&mut store, &ctx, &fields).unwrap();
    }
    let lines: Vec<CollectLine> = store
        .read()
        .members(&active_filter)
        .unwrap()
        .into_iter()
        .take(10_000)
        .map(|m| CollectLine { member_no: m.member_no, contribution: Satang(3000), savings: Satang(10000), entrance_fee: Satang(0) })
        .collect();
    let mut samples = Vec::new();
    for day in [20, 21, 22] {
        let start = Instant::now();
        let out = ops::contributions::collect(&mut store, &ctx, &format!("2026-11-{day}"), "cash", &lines).unwrap();
        samples.push(start.elapsed());
        assert_eq!(out.receipts.len(), 10_000);
    }
    println!("| collection day, 10,000 payments | {} | one transaction, fsync on commit; runs {:?} |", ms(median(samples.clone())), samples.iter().map(|d| ms(*d)).collect::<Vec<_>>());
    drop(store);
    let _ = std::fs::remove_file(&copy);
    bundles(&dir, members);
    province_thousand(&dir);
}

/// 1,000 bundles into one province database: 100 small funds, ten bundles each (the first
/// carries three months, then one month each). Generating them is not timed; importing is.
fn province_thousand(dir: &std::path::Path) {
    let work = dir.join("province-bench");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("usb")).unwrap();
    let ctx = Ctx { recorded_by: "bench".into(), now: Utc.with_ymd_and_hms(2026, 11, 22, 5, 0, 0).unwrap() };
    let mut files = Vec::new();
    let start = Instant::now();
    for f in 0..100u32 {
        let db = work.join(format!("fund-{f}")).join("fund.sqlite");
        let mut store = Store::open(&db).unwrap();
        build(&mut store, &DemoSpec { members: 12, years: 1, seed: u64::from(f), fund_code: format!("KK-{f:04}"), ..Default::default() }).unwrap();
        for period in ["2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10"] {
            let out = kongthun::bundle::export::export_bundle(&mut store, &ctx, &db, period, &work.join("usb"), kongthun::bundle::export::IdPolicy::Hashed).unwrap();
            files.push((out.path, out.sequence));
        }
    }
    let made = start.elapsed();
    let mut province = kongthun::store::province::ProvinceStore::open(&work.join("province.sqlite")).unwrap();
    for (path, seq) in &files {
        if *seq == 1 {
            let p = ops::province::enrol(&mut province, path, None, "bench", "t").unwrap();
            ops::province::enrol(&mut province, path, Some(&p.key_fingerprint), "bench", "t").unwrap();
        }
    }
    let start = Instant::now();
    for (path, _) in &files {
        ops::province::import(&mut province, path, false, "bench", "t").unwrap();
    }
    let took = start.elapsed();
    println!("| 1,000 bundles (100 funds × 10) into one province database | {} | made in {:.1} s, not timed |", ms(took), made.as_secs_f64());
}

/// A year's bundle of a 10,000-member fund: export and province import. The fund is a
/// two-year demo (its first bundle carries the first year and the chain from the start; the
/// second, timed, carries the last ten closed months).
fn bundles(dir: &std::path::Path, members: u32) {
    let work = dir.join("bundle-bench");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("usb")).unwrap();
    let db = work.join("fund.sqlite");
    let mut store = Store::open(&db).unwrap();
    build(&mut store, &DemoSpec { members, years: 2, seed: 42, until: (2026, 10), kind: FundKind::Both, ..Default::default() }).unwrap();
    let ctx = Ctx { recorded_by: "bench".into(), now: Utc.with_ymd_and_hms(2026, 11, 22, 5, 0, 0).unwrap() };
    let usb = work.join("usb");
    let first = kongthun::bundle::export::export_bundle(&mut store, &ctx, &db, "2025", &usb, kongthun::bundle::export::IdPolicy::Hashed).unwrap();
    let start = Instant::now();
    let second = kongthun::bundle::export::export_bundle(&mut store, &ctx, &db, "since-last", &usb, kongthun::bundle::export::IdPolicy::Hashed).unwrap();
    let export_time = start.elapsed();
    let size = std::fs::metadata(&second.path).unwrap().len();
    let mut province = kongthun::store::province::ProvinceStore::open(&work.join("province.sqlite")).unwrap();
    let preview = ops::province::enrol(&mut province, &first.path, None, "bench", "t").unwrap();
    ops::province::enrol(&mut province, &first.path, Some(&preview.key_fingerprint), "bench", "t").unwrap();
    ops::province::import(&mut province, &first.path, false, "bench", "t").unwrap();
    let start = Instant::now();
    let out = ops::province::import(&mut province, &second.path, false, "bench", "t").unwrap();
    let import_time = start.elapsed();
    println!("| bundle export, {} to {} ({} entries) | {} | {} KB, signed, read back and verified |", second.period.from, second.period.to, second.entries, ms(export_time), size / 1024);
    println!("| bundle import into the province | {} | {} entries, {} members, chain recomputed |", ms(import_time), out.entries, out.members);
}
