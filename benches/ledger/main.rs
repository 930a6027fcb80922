//! Benchmarks on the deterministic 20-year, 10,000-member demo fund (issues 2 and 7), each
//! measured in the same run against its baseline: `ledger bal` and `hledger bal` on our own
//! journal export of the fund, the bare SQL aggregate over the same postings, and bare
//! SQLite inserts of the same rows our writes produce (`store::baseline`). Prints the table
//! and rewrites the "Ledger" section of docs/benchmarks.md; never asserts a time.
//!
//! Run: `cargo xtask bench` (this and the app-start bench) or `cargo bench --bench ledger`.
//! The demo is built into `bench-data/` the first time (about 25 minutes); set
//! KONGTHUN_BENCH_DIR to keep it elsewhere, KONGTHUN_BENCH_MEMBERS / KONGTHUN_BENCH_YEARS to
//! change its size (the document is only rewritten for the full size);
//! KONGTHUN_BENCH_ONLY=province runs only the 1,000-bundle import and prints it,
//! KONGTHUN_BENCH_ONLY=bundle only a year's bundle of the big fund exported and imported,
//! KONGTHUN_BENCH_ONLY=yearly the yearly report and where its time goes.
mod province;
mod table;

use chrono::{NaiveDate, TimeZone, Utc};
use kongthun::demo::{build, DemoSpec};
use kongthun::domain::member::MemberFields;
use kongthun::domain::{FundKind, MemberStatus, Satang};
use kongthun::ops::contributions::CollectLine;
use kongthun::ops::{self, Ctx};
use kongthun::store::{baseline, MemberFilter, Store};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use table::{ms, Row, Target};

fn env_u32(name: &str, default: u32) -> u32 {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

pub fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

pub fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut samples = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let start = Instant::now();
        last = Some(f());
        samples.push(start.elapsed());
    }
    (median(samples), last.unwrap())
}

/// `time`, after one untimed run: a measure and its baseline both start with the pages they
/// read in memory, whatever ran before them (hledger alone holds gigabytes).
pub fn time_warm<T>(runs: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    f();
    time(runs, f)
}

/// A measure and its baseline taken in turns (after one untimed run of each): the medians
/// of `rounds` runs of each, and the last results. For the long reads (verify, seconds
/// each), whose speed drifts within a run on a shared machine: taken one after the other,
/// a drift lands on one side only.
pub fn time_in_turns<T, B>(
    rounds: usize,
    mut ours: impl FnMut() -> T,
    mut baseline: impl FnMut() -> B,
) -> ((Duration, T), (Duration, B)) {
    let (mut ours_runs, mut baseline_runs) = (Vec::new(), Vec::new());
    let (mut ours_last, mut baseline_last) = (ours(), baseline());
    for _ in 0..rounds {
        let start = Instant::now();
        baseline_last = baseline();
        baseline_runs.push(start.elapsed());
        let start = Instant::now();
        ours_last = ours();
        ours_runs.push(start.elapsed());
    }
    ((median(ours_runs), ours_last), (median(baseline_runs), baseline_last))
}

pub fn ctx() -> Ctx {
    Ctx { recorded_by: "bench".into(), now: Utc.with_ymd_and_hms(2026, 11, 22, 5, 0, 0).unwrap() }
}

fn ms_(n: u32) -> Duration {
    Duration::from_millis(u64::from(n))
}

/// Copy a database file whose store has been dropped (so its WAL is checkpointed away).
pub fn copy_db(from: &Path, to: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
    }
    std::fs::copy(from, to).unwrap();
}

fn run_ok(cmd: &mut Command) {
    let out = cmd.output().unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
}

fn main() {
    let members = env_u32("KONGTHUN_BENCH_MEMBERS", 10_000);
    let years = env_u32("KONGTHUN_BENCH_YEARS", 20);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("KONGTHUN_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("bench-data"));
    std::fs::create_dir_all(&dir).unwrap();
    let machine = table::machine();
    let db = dir.join(format!("demo-{members}m-{years}y-seed42.sqlite"));
    if !db.exists() {
        let partial = dir.join("building.sqlite");
        let _ = std::fs::remove_file(&partial);
        eprintln!(
            "building the demo fund ({members} members, {years} years) into {} ...",
            db.display()
        );
        let start = Instant::now();
        let mut store = Store::open(&partial).unwrap();
        let s = build(
            &mut store,
            &DemoSpec {
                members,
                years,
                seed: 42,
                until: (2026, 10),
                kind: FundKind::Both,
                ..Default::default()
            },
        )
        .unwrap();
        drop(store);
        std::fs::rename(&partial, &db).unwrap();
        eprintln!("built in {:.1} s: {} entries", start.elapsed().as_secs_f64(), s.entries);
    }
    let size_mb = std::fs::metadata(&db).unwrap().len() as f64 / 1e6;
    let mut rows = Vec::new();
    let mut others = Vec::new();

    if std::env::var("KONGTHUN_BENCH_ONLY").as_deref() == Ok("import") {
        province::import_parts(&dir);
        return;
    }
    if std::env::var("KONGTHUN_BENCH_ONLY").as_deref() == Ok("province") {
        // Quick iteration on the province side; prints only, the document stays as it is.
        let rows = vec![province::thousand(&dir)];
        println!("{}", table::markdown(&rows));
        return;
    }
    let store = Store::open(&db).unwrap();
    let reader = store.read();
    if std::env::var("KONGTHUN_BENCH_ONLY").as_deref() == Ok("bundle") {
        // A year's bundle of the big fund exported and imported; prints only.
        let rows = province::bundles(&dir, members);
        println!("{}", table::markdown(&rows));
        return;
    }
    if std::env::var("KONGTHUN_BENCH_ONLY").as_deref() == Ok("verify") {
        let bare = baseline::open(&db).unwrap();
        let ((d, _), (f, _)) = time_in_turns(
            5,
            || reader.verify_chain().unwrap(),
            || baseline::chain_floor(&bare).unwrap(),
        );
        println!("verify {} · floor {} ({:.2}×)", ms(d), ms(f), d.as_secs_f64() / f.as_secs_f64());
        return;
    }
    if std::env::var("KONGTHUN_BENCH_ONLY").as_deref() == Ok("yearly") {
        // Quick iteration on the yearly report; prints only.
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        let (d, _) = time(3, || kongthun::report::yearly(&reader, 2025, today).unwrap());
        println!("yearly report data (2568): {}", ms(d));
        yearly_parts(&reader);
        let bare = baseline::open(&db).unwrap();
        let (b, _) = time(11, || baseline::span_totals(&bare, "2026-10-01", "2026-10-31").unwrap());
        let (m, _) = time(21, || kongthun::report::month_summary(&reader, 2026, 10).unwrap());
        let (st, _) = time(11, || kongthun::report::statement(&reader, 2026, 10, today).unwrap());
        println!("month 2026-10: bare {} · totals {} · statement data {}", ms(b), ms(m), ms(st));
        let (from, to) = ("2026-10-01", "2026-10-31");
        for (name, d) in [
            ("status counts", time(11, || reader.status_counts_as_of(to).unwrap().len()).0),
            ("joined", time(11, || reader.joined_between(from, to).unwrap()).0),
            (
                "status changes",
                time(11, || reader.status_changes_between(from, to).unwrap().len()).0,
            ),
            ("welfare", time(11, || reader.welfare_paid_between(from, to).unwrap().len()).0),
        ] {
            println!("statement part {name}: {}", ms(d));
        }
        return;
    }
    let bare = baseline::open(&db).unwrap();
    let entries = reader.entry_count().unwrap();
    let heading =
        format!("demo fund: {members} members, {years} years, {entries} entries, {size_mb:.0} MB");
    println!("{heading}");

    // Reads against the bare aggregate over the same postings (the answer must agree).
    for (label, day) in [
        ("month end", NaiveDate::from_ymd_opt(2026, 10, 31).unwrap()),
        ("mid-month", NaiveDate::from_ymd_opt(2026, 10, 20).unwrap()),
    ] {
        let (d, tb) = time(21, || kongthun::report::trial_balance(&reader, day).unwrap());
        let (b, sums) = time(5, || baseline::balances(&bare, &day.to_string()).unwrap());
        assert_eq!(tb.difference, Satang::new(0));
        for line in &tb.lines {
            let bare_sum =
                sums.iter().find(|(code, _)| code == &line.code).map(|s| s.1).unwrap_or(0);
            assert_eq!(
                line.debit.satang() - line.credit.satang(),
                bare_sum,
                "account {} differs from the bare aggregate",
                line.code
            );
        }
        rows.push(Row {
            measure: format!("trial balance as of {day} ({label})"),
            ours: d,
            baseline: Some(("bare SQL sum over the postings".into(), b)),
            targets: vec![Target::Under(ms_(50)), Target::AtMostTimesBaseline(2.0)],
            note: format!("{} accounts, same balances as the bare sum; ours reads monthly totals kept with the postings", tb.lines.len()),
        });
    }
    let (from, to) = ("2026-10-01", "2026-10-31");
    let (bare_month, _) = time(11, || baseline::span_totals(&bare, from, to).unwrap());
    let (d, m) = time(21, || kongthun::report::month_summary(&reader, 2026, 10).unwrap());
    rows.push(Row {
        measure: "one month's totals (2026-10)".into(),
        ours: d,
        baseline: Some(("bare SQL debits/credits of the month".into(), bare_month)),
        targets: vec![Target::Under(ms_(50)), Target::AtMostTimesBaseline(2.0)],
        note: format!("receipts {}", m.total_receipts),
    });
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
    let (d, s) = time(11, || kongthun::report::statement(&reader, 2026, 10, today).unwrap());
    rows.push(Row {
        measure: "one month's statement data (2026-10)".into(),
        ours: d,
        baseline: Some(("bare SQL debits/credits of the month".into(), bare_month)),
        targets: vec![Target::AtMostTimesBaseline(2.0)],
        note: format!(
            "{} receipt lines, {} payment lines, recipients by name",
            s.summary.receipts.len(),
            s.summary.payments.len()
        ),
    });
    let options = kongthun::render::statement::StatementOptions { recipient_names: true };
    let (d, pdf) = time(11, || {
        kongthun::render::statement::statement_pdf(
            &kongthun::report::statement(&reader, 2026, 10, today).unwrap(),
            &options,
        )
    });
    rows.push(Row {
        measure: "statement PDF (2026-10), data + render".into(),
        ours: d,
        baseline: None,
        targets: vec![Target::Under(ms_(200))],
        note: format!("{} KB (target < 300 KB)", pdf.len() / 1024),
    });

    // The whole balance, as a command, against ledger-cli and hledger on our journal export.
    let journal = dir.join(format!("demo-{members}m-{years}y-seed42.journal"));
    if std::fs::metadata(&journal).and_then(|j| j.modified()).ok()
        < std::fs::metadata(&db).and_then(|d| d.modified()).ok()
    {
        std::fs::write(&journal, kongthun::ops::documents::journal_text(&reader).unwrap()).unwrap();
    }
    let journal_mb = std::fs::metadata(&journal).unwrap().len() as f64 / 1e6;
    let cli = env!("CARGO_BIN_EXE_kongthun");
    let (ours_cli, _) = time(5, || {
        run_ok(Command::new(cli).arg("--db").arg(&db).args([
            "report",
            "trial-balance",
            "--as-of",
            "2026-10-31",
        ]))
    });
    let baseline_runs = env_u32("KONGTHUN_BENCH_BASELINE_RUNS", 1) as usize;
    for (tool, target) in [("ledger", 50.0), ("hledger", 500.0)] {
        let (t, _) =
            time(baseline_runs, || run_ok(Command::new(tool).arg("-f").arg(&journal).arg("bal")));
        rows.push(Row {
            measure: "whole balance as a command: `kongthun report trial-balance`".into(),
            ours: ours_cli,
            baseline: Some((format!("`{tool} bal` ({baseline_runs} run)"), t)),
            targets: vec![Target::BaselineSlowerBy(target)],
            note: format!(
                "both start a process and print every account; journal export {journal_mb:.0} MB"
            ),
        });
    }

    let (d, r) = time_warm(5, || {
        ops::contributions::arrears(&store, NaiveDate::from_ymd_opt(2026, 10, 31).unwrap()).unwrap()
    });
    let (read_members, all) =
        time_warm(5, || reader.members(&MemberFilter::default()).unwrap().len());
    rows.push(Row {
        measure: "arrears of every member (2026-10-31)".into(),
        ours: d,
        baseline: Some(("reading the member table".into(), read_members)),
        targets: vec![Target::AtMostTimesBaseline(3.0)],
        note: format!(
            "{} of {all} members in arrears; each member's periods paid are kept beside the contributions",
            r.len()
        ),
    });
    let (d, year) = time_warm(3, || kongthun::report::yearly(&reader, 2025, today).unwrap());
    let (bare_year, _) =
        time_warm(3, || baseline::span_totals(&bare, "2025-01-01", "2025-12-31").unwrap());
    rows.push(Row {
        measure: "yearly report data (2568)".into(),
        ours: d,
        baseline: Some(("bare SQL debits/credits of the year's postings".into(), bare_year)),
        targets: vec![Target::Under(ms_(200)), Target::AtMostTimesBaseline(3.0)],
        note: format!(
            "{} members active, {} months, welfare by category with recipients",
            year.members_active,
            year.months.len()
        ),
    });
    if std::env::var("KONGTHUN_BENCH_PARTS").is_ok() {
        yearly_parts(&reader);
    }
    let (d, pdf) = time(3, || kongthun::render::yearly::yearly_pdf(&year));
    others.push(format!("| yearly report PDF render | {} | {} KB |", ms(d), pdf.len() / 1024));
    let ((d, chain), (floor, (read, _))) = time_in_turns(
        5,
        || reader.verify_chain().unwrap(),
        || baseline::chain_floor(&bare).unwrap(),
    );
    rows.push(Row {
        measure: "verify the whole chain".into(),
        ours: d,
        baseline: Some(("one read of the same rows + SHA-256 over them".into(), floor)),
        targets: vec![Target::AtMostTimesBaseline(2.0)],
        note: format!(
            "{} entries, {} postings ({read} rows); ours also checks each entry's lines, the chain, the closed months' heads and every month's totals",
            chain.entries, chain.postings
        ),
    });
    drop(bare);
    drop(store);

    rows.push(collection_day(&dir, &db));
    rows.extend(province::bundles(&dir, members));
    rows.push(province::thousand(&dir));

    let table = table::markdown(&rows);
    println!("\n{table}");
    for line in &others {
        println!("{line}");
    }
    if members == 10_000 && years == 20 {
        let body = format!(
            "## Ledger (`cargo bench --bench ledger`, run {})\n\n{heading}. Machine: {machine}.\n\n{table}\nOther measures (no baseline):\n\n| measure | median | note |\n|---|---|---|\n{}\n",
            chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
            others.join("\n")
        );
        table::write_section(&root.join("docs/benchmarks.md"), "ledger", &body);
    }
}

/// Where the yearly report's time goes (KONGTHUN_BENCH_PARTS=1): each read it makes, timed.
fn yearly_parts(reader: &kongthun::store::Reader<'_>) {
    let (from, to) = ("2025-01-01", "2025-12-31");
    let day = NaiveDate::from_ymd_opt(2025, 12, 31).unwrap();
    let parts: Vec<(&str, Duration)> = vec![
        (
            "totals_as_of x2",
            time(3, || {
                (reader.totals_as_of("2024-12-31").unwrap(), reader.totals_as_of(to).unwrap())
            })
            .0,
        ),
        ("active_member_profiles", time(3, || reader.active_member_profiles(to).unwrap().len()).0),
        (
            "in_arrears",
            time(3, || kongthun::report::standing::in_arrears(reader, day).unwrap().len()).0,
        ),
        (
            "month_summary x12",
            time(3, || {
                (1..=12)
                    .map(|m| kongthun::report::month_summary(reader, 2025, m).unwrap().closing)
                    .sum::<kongthun::domain::Satang>()
            })
            .0,
        ),
        (
            "welfare_paid_between",
            time(3, || reader.welfare_paid_between(from, to).unwrap().len()).0,
        ),
        ("sealed_head", time(3, || reader.sealed_head("2025-12").unwrap()).0),
        ("  (arrears) periods_paid_all", time(5, || reader.periods_paid_all(to).unwrap().len()).0),
        (
            "  (arrears) members",
            time(5, || reader.members(&MemberFilter::default()).unwrap().len()).0,
        ),
        (
            "  (arrears) standings",
            time(5, || kongthun::report::standing::standings(reader, day).unwrap().len()).0,
        ),
    ];
    for (name, d) in parts {
        println!("yearly part {name}: {}", ms(d));
    }
}

/// Collection day: on a copy, bring active members up to 10,000, then record one payment
/// (contribution + savings) for each of them in one call, three days running. The baseline
/// inserts the very rows each day wrote into a second copy of the same starting file.
fn collection_day(dir: &Path, db: &Path) -> Row {
    let copy = dir.join("collect-copy.sqlite");
    let bare_copy = dir.join("collect-bare.sqlite");
    copy_db(db, &copy);
    let mut store = Store::open(&copy).unwrap();
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
        ops::members::add_member(&mut store, &ctx(), &fields).unwrap();
    }
    drop(store);
    copy_db(&copy, &bare_copy);
    let mut store = Store::open(&copy).unwrap();
    let lines: Vec<CollectLine> = store
        .read()
        .members(&active_filter)
        .unwrap()
        .into_iter()
        .take(10_000)
        .map(|m| CollectLine {
            member_no: m.member_no,
            contribution: Satang::new(3000),
            savings: Satang::new(10000),
            entrance_fee: Satang::new(0),
        })
        .collect();
    let mut samples = Vec::new();
    let mut written = Vec::new();
    for day in [20, 21, 22] {
        let before = baseline::last_entry_id(store.raw_connection_for_tests()).unwrap();
        let start = Instant::now();
        let date = kongthun::domain::input::Input::day("date", &format!("2026-11-{day}")).unwrap();
        let cash = kongthun::domain::input::Input::cash();
        let out = ops::contributions::collect(&mut store, &ctx(), &date, &cash, &lines).unwrap();
        samples.push(start.elapsed());
        assert_eq!(out.receipts.len(), 10_000);
        written.push(baseline::fund_rows_after(store.raw_connection_for_tests(), before).unwrap());
    }
    drop(store);
    let mut bare = baseline::open(&bare_copy).unwrap();
    let mut bare_samples = Vec::new();
    for rows in &written {
        let start = Instant::now();
        baseline::insert(&mut bare, rows).unwrap();
        bare_samples.push(start.elapsed());
    }
    drop(bare);
    for f in [&copy, &bare_copy] {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", f.display()));
        }
    }
    Row {
        measure: "collection day, 10,000 payments".into(),
        ours: median(samples.clone()),
        baseline: Some(("bare inserts of the same rows".into(), median(bare_samples.clone()))),
        targets: vec![Target::Under(ms_(1000)), Target::AtMostTimesBaseline(3.0)],
        note: format!(
            "one transaction, fsync on commit, {} rows a day; ours {}; bare {}",
            written[0].row_count(),
            samples.iter().map(|d| ms(*d)).collect::<Vec<_>>().join(", "),
            bare_samples.iter().map(|d| ms(*d)).collect::<Vec<_>>().join(", ")
        ),
    }
}
