//! The province side of the benchmark: a year's bundle of a 10,000-member fund exported and
//! imported, and 1,000 bundles into one province database, each import against bare
//! inserts of the very rows it wrote (into a copy of the same starting database).

use super::{copy_db, ctx, Row, Target};
use kongthun::demo::{build, DemoSpec};
use kongthun::domain::FundKind;
use kongthun::ops;
use kongthun::ops::bundles::{export_bundle, IdPolicy};
use kongthun::store::province::ProvinceStore;
use kongthun::store::{baseline, Store};
use std::path::Path;
use std::time::{Duration, Instant};

fn enrol(province: &mut ProvinceStore, bundle: &Path) {
    let preview = ops::province::enrol(province, bundle, None, "bench", "t").unwrap();
    ops::province::enrol(province, bundle, Some(&preview.key_fingerprint), "bench", "t").unwrap();
}

/// A year's bundle: the fund is a two-year demo; its first bundle carries the first year and
/// the chain from the start, the second (timed) the last ten closed months.
pub fn bundles(dir: &Path, members: u32) -> Vec<Row> {
    let work = dir.join("bundle-bench");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("usb")).unwrap();
    let db = work.join("fund.sqlite");
    let mut store = Store::open(&db).unwrap();
    build(
        &mut store,
        &DemoSpec {
            members,
            years: 2,
            seed: 42,
            until: (2026, 10),
            kind: FundKind::Both,
            ..Default::default()
        },
    )
    .unwrap();
    let usb = work.join("usb");
    let first = export_bundle(&mut store, &ctx(), &db, "2025", &usb, IdPolicy::Hashed).unwrap();
    let start = Instant::now();
    let second =
        export_bundle(&mut store, &ctx(), &db, "since-last", &usb, IdPolicy::Hashed).unwrap();
    let export_time = start.elapsed();
    let size = std::fs::metadata(&second.path).unwrap().len();
    let code = store.read().require_fund().unwrap().profile.fund_code;
    drop(store);

    // The province as it stands after the first bundle, copied for each run: three imports
    // of the second bundle, each into its own copy, and three bare inserts of the rows the
    // first wrote, each into its own copy.
    let start_db = work.join("province-start.sqlite");
    let mut province = ProvinceStore::open(&start_db).unwrap();
    enrol(&mut province, &first.path);
    ops::province::import(&mut province, &first.path, false, "bench", "t").unwrap();
    drop(province);
    let runs = 3;
    let mut ours = Vec::new();
    let mut out = None;
    for run in 0..runs {
        let province_db = work.join(format!("province-{run}.sqlite"));
        copy_db(&start_db, &province_db);
        let mut province = ProvinceStore::open(&province_db).unwrap();
        let start = Instant::now();
        out =
            Some(ops::province::import(&mut province, &second.path, false, "bench", "t").unwrap());
        ours.push(start.elapsed());
    }
    let out = out.unwrap();
    let rows = baseline::province_rows_of_bundle(
        &baseline::open(&work.join("province-0.sqlite")).unwrap(),
        &code,
        second.sequence,
    )
    .unwrap();
    let mut bare = Vec::new();
    for run in 0..runs {
        let bare_db = work.join(format!("province-bare-{run}.sqlite"));
        copy_db(&start_db, &bare_db);
        let mut conn = baseline::open(&bare_db).unwrap();
        let start = Instant::now();
        baseline::insert(&mut conn, &rows).unwrap();
        bare.push(start.elapsed());
    }
    let (import_time, bare_time) = (median(&ours), median(&bare));
    vec![
        Row {
            measure: format!("bundle export, {} to {} ({} entries)", second.period.from, second.period.to, second.entries),
            ours: export_time,
            baseline: None,
            targets: vec![Target::Under(Duration::from_secs(3))],
            note: format!("{} KB, signed, statements rendered, written, read back and verified", size / 1024),
        },
        Row {
            measure: "bundle import into the province".into(),
            ours: import_time,
            baseline: Some(("bare inserts of the same rows".into(), bare_time)),
            targets: vec![Target::Under(Duration::from_secs(3)), Target::AtMostTimesBaseline(2.0)],
            note: format!("{} entries, {} members ({} rows); ours also verifies signature, hashes and chain and keeps the bundle file in the database; ours {}; bare {}", out.entries, out.members, rows.row_count(), list(&ours), list(&bare)),
        },
    ]
}

/// 1,000 bundles into one province database: 100 small funds, ten bundles each (the first
/// carries three months, then one month each). Making them is not timed; importing is, and
/// so is inserting the same rows bare, one transaction per bundle as ours.
pub fn thousand(dir: &Path) -> Row {
    let work = dir.join("province-bench");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(work.join("usb")).unwrap();
    let mut files = Vec::new();
    let start = Instant::now();
    for f in 0..100u32 {
        let db = work.join(format!("fund-{f}")).join("fund.sqlite");
        let mut store = Store::open(&db).unwrap();
        build(
            &mut store,
            &DemoSpec {
                members: 12,
                years: 1,
                seed: u64::from(f),
                fund_code: format!("KK-{f:04}"),
                ..Default::default()
            },
        )
        .unwrap();
        for period in [
            "2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08",
            "2026-09", "2026-10",
        ] {
            let out =
                export_bundle(&mut store, &ctx(), &db, period, &work.join("usb"), IdPolicy::Hashed)
                    .unwrap();
            files.push((out.path, out.sequence));
        }
    }
    let made = start.elapsed();
    let province_db = work.join("province.sqlite");
    let bare_db = work.join("province-bare.sqlite");
    let mut province = ProvinceStore::open(&province_db).unwrap();
    for (path, seq) in &files {
        if *seq == 1 {
            enrol(&mut province, path);
        }
    }
    drop(province);
    copy_db(&province_db, &bare_db);
    let mut province = ProvinceStore::open(&province_db).unwrap();
    let start = Instant::now();
    for (path, _) in &files {
        ops::province::import(&mut province, path, false, "bench", "t").unwrap();
    }
    let took = start.elapsed();
    drop(province);
    let source = baseline::open(&province_db).unwrap();
    let written: Vec<_> = baseline::province_bundles(&source)
        .unwrap()
        .iter()
        .map(|(code, seq)| baseline::province_rows_of_bundle(&source, code, *seq).unwrap())
        .collect();
    assert_eq!(written.len(), 1000);
    let mut bare = baseline::open(&bare_db).unwrap();
    let start = Instant::now();
    for rows in &written {
        baseline::insert(&mut bare, rows).unwrap();
    }
    let bare_time = start.elapsed();
    Row {
        measure: "1,000 bundles (100 funds × 10) into one province database".into(),
        ours: took,
        baseline: Some((
            "bare inserts of the same rows, a transaction per bundle".into(),
            bare_time,
        )),
        targets: vec![Target::Under(Duration::from_secs(120)), Target::AtMostTimesBaseline(3.0)],
        note: format!(
            "{} rows; bundles made in {:.1} s, not timed",
            written.iter().map(|r| r.row_count()).sum::<usize>(),
            made.as_secs_f64()
        ),
    }
}

fn median(runs: &[Duration]) -> Duration {
    let mut sorted = runs.to_vec();
    sorted.sort();
    sorted[sorted.len() / 2]
}

fn list(runs: &[Duration]) -> String {
    runs.iter().map(|d| format!("{} ms", d.as_millis())).collect::<Vec<_>>().join(", ")
}

/// The import alone, in parts, on the bundles the last full run left in `bundle-bench/`
/// (`KONGTHUN_BENCH_ONLY=import`; for a profiler: `KONGTHUN_BENCH_IMPORT_RUNS=20`).
pub fn import_parts(dir: &Path) {
    let work = dir.join("bundle-bench");
    let mut bundles: Vec<_> = std::fs::read_dir(work.join("usb"))
        .expect("run the full bench once first")
        .map(|e| e.unwrap().path())
        .collect();
    bundles.sort();
    let second = bundles.last().unwrap().clone();
    let runs: usize =
        std::env::var("KONGTHUN_BENCH_IMPORT_RUNS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let copy = work.join("province-parts.sqlite");
    let (mut read, mut open, mut entries, mut dry, mut all) =
        (vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..runs {
        copy_db(&work.join("province-start.sqlite"), &copy);
        let mut province = ProvinceStore::open(&copy).unwrap();
        let start = Instant::now();
        let bytes = kongthun::bundle::verify::read_bundle_file(&second).unwrap();
        read.push(start.elapsed());
        let start = Instant::now();
        let opened = kongthun::bundle::verify::open(&bytes).unwrap();
        open.push(start.elapsed());
        let start = Instant::now();
        kongthun::bundle::verify::entry_lines(&opened).unwrap();
        entries.push(start.elapsed());
        let start = Instant::now();
        ops::province::import_bytes(&mut province, &bytes, true, "bench", "t").unwrap();
        dry.push(start.elapsed());
        let start = Instant::now();
        ops::province::import_bytes(&mut province, &bytes, false, "bench", "t").unwrap();
        all.push(start.elapsed());
    }
    println!(
        "import {} (read file {} · open and hash {} · entries parsed {} · every check, a dry run {}) ; runs {}",
        list(&[median(&all)]),
        list(&[median(&read)]),
        list(&[median(&open)]),
        list(&[median(&entries)]),
        list(&[median(&dry)]),
        list(&all)
    );
}
