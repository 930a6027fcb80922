//! Bringing an old fund in: a 10,000-member fund that has run for 20 years (members joined
//! across those years, 2,000 loans running, 20,000 welfare payments and 30,000 matching
//! rounds in its history), its filled template read, checked (the dry run) and migrated.
//! Baselines measured in the same run: reading the same workbook into cells (what any
//! import must do), and that read plus bare SQLite inserts of the very rows the migration
//! wrote (`store::baseline::migration_rows`). Prints the table and rewrites the "Migration"
//! section of docs/benchmarks.md; never asserts a time.
//!
//! Run: `cargo bench --bench migrate` (also part of `cargo xtask bench`).
#[allow(dead_code)]
#[path = "ledger/table.rs"]
mod table;

use chrono::{Duration as Days, NaiveDate, TimeZone, Utc};
use kongthun::domain::{FundKind, FundProfile, Satang, Schedule};
use kongthun::ops::{self, Ctx};
use kongthun::store::{baseline, Store};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use table::{ms, Row, Target};

const MEMBERS: usize = 10_000;
const LOANS: usize = 2_000;
const WELFARE: usize = 20_000;
const MATCHING: usize = 30_000;

fn ctx() -> Ctx {
    Ctx { recorded_by: "bench".into(), now: Utc.with_ymd_and_hms(2026, 11, 22, 5, 0, 0).unwrap() }
}

fn median(mut samples: Vec<Duration>) -> Duration {
    samples.sort();
    samples[samples.len() / 2]
}

fn empty_fund(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let mut store = Store::open(path).unwrap();
    let profile = FundProfile {
        name_th: "กองทุนสวัสดิการชุมชนตำบลบ้านเก่า".into(),
        name_en: "Ban Kao community welfare fund".into(),
        kind: FundKind::Both,
        fund_code: "OLD-2006".into(),
        village: "บ้านเก่า".into(),
        moo: Some(1),
        tambon: "บ้านเก่า".into(),
        amphoe: "เมือง".into(),
        changwat: "ขอนแก่น".into(),
        fiscal_year_start: 1,
        schedule: Schedule::Monthly,
        contribution: Satang::new(3000),
        entrance_fee: Satang::new(5000),
        lapse_after: 6,
        thai_digits: false,
    };
    ops::fund::init_fund(&mut store, &ctx(), &profile).unwrap();
}

/// The filled template: the program's own, with the rows of a 20-year-old fund under it.
fn filled_template(dir: &Path) -> PathBuf {
    let template_db = dir.join("template-fund.sqlite");
    empty_fund(&template_db);
    let template = dir.join("template.xlsx");
    ops::migrate::template::write_template(&Store::open(&template_db).unwrap(), &ctx(), &template)
        .unwrap();
    let sheets =
        ops::import::spreadsheet_sheets(&std::fs::read(&template).unwrap(), &template, 10).unwrap();
    let th = |d: NaiveDate| kongthun::thai::date_numeric(d, kongthun::thai::Digits::Arabic);
    let founded = NaiveDate::from_ymd_opt(2006, 1, 15).unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in &sheets {
        let ws = book.add_worksheet();
        ws.set_name(name).unwrap();
        let mut r = 0u32;
        for row in rows {
            let mut row = row.clone();
            if name == "fund" && r >= 3 {
                match row[0].as_str() {
                    "books_start" => row[1] = "01/10/2569".into(),
                    "founded_on" => row[1] = th(founded),
                    "cash" => row[1] = "48,250.00".into(),
                    "bank" => row[1] = "5,200,000.00".into(),
                    _ => {}
                }
            }
            for (c, cell) in row.iter().enumerate() {
                ws.write_string(r, c as u16, cell).unwrap();
            }
            r += 1;
        }
        let lines: Vec<Vec<String>> = match name.as_str() {
            "members" => (1..=MEMBERS)
                .map(|i| {
                    let joined = founded + Days::days((i as i64 * 7_000) / MEMBERS as i64);
                    vec![
                        i.to_string(),
                        if i % 2 == 0 { "นาย" } else { "นาง" }.into(),
                        format!("สมาชิก{i}"),
                        "บ้านเก่า".into(),
                        String::new(),
                        "01/05/2500".into(),
                        String::new(),
                        ((i % 12) + 1).to_string(),
                        th(joined),
                        "ปกติ".into(),
                        String::new(),
                        ["2569-09", "2569-08", "2569-06", "2569-10"][i % 4].into(),
                        "ใช่".into(),
                        format!("{}.00", (i % 40) * 50),
                    ]
                })
                .collect(),
            "loans" => (1..=LOANS)
                .map(|i| {
                    vec![
                        (i * 5).to_string(),
                        "20,000".into(),
                        "1".into(),
                        if i % 2 == 0 {
                            "ลดต้นลดดอก"
                        } else {
                            "คงที่"
                        }
                        .into(),
                        "10".into(),
                        "05/10/2569".into(),
                        format!("{},{}", (i * 5) % MEMBERS + 1, (i * 5 + 1) % MEMBERS + 1),
                    ]
                })
                .collect(),
            "welfare_history" => (1..=WELFARE)
                .map(|i| {
                    vec![
                        ((i % MEMBERS) + 1).to_string(),
                        ["illness", "birth", "elderly", "education"][i % 4].into(),
                        th(founded + Days::days(365 + (i as i64 * 6_500) / WELFARE as i64)),
                        "500".into(),
                    ]
                })
                .collect(),
            "matching_history" => (1..=MATCHING)
                .map(|i| {
                    vec![
                        ((i % MEMBERS) + 1).to_string(),
                        "รัฐ".into(),
                        format!("{}/1", 2552 + i / MEMBERS),
                        "15/11/2560".into(),
                    ]
                })
                .collect(),
            _ => vec![],
        };
        for line in lines {
            for (c, cell) in line.iter().enumerate() {
                ws.write_string(r, c as u16, cell).unwrap();
            }
            r += 1;
        }
    }
    let filled = dir.join("filled.xlsx");
    book.save(&filled).unwrap();
    filled
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = std::env::var_os("KONGTHUN_BENCH_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("bench-data"))
        .join("migrate");
    std::fs::create_dir_all(&dir).unwrap();
    let machine = table::machine();
    let filled = filled_template(&dir);
    let file_bytes = std::fs::metadata(&filled).unwrap().len();
    let runs = 3;
    let empty = dir.join("empty.sqlite");
    empty_fund(&empty);
    let db = dir.join("fund.sqlite");
    let copy = |to: &Path| {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", to.display()));
        }
        std::fs::copy(&empty, to).unwrap();
    };

    let (mut read, mut dry, mut real, mut bare) = (vec![], vec![], vec![], vec![]);
    let mut outcome = None;
    for _ in 0..runs {
        let start = Instant::now();
        let sheets =
            ops::import::spreadsheet_sheets(&std::fs::read(&filled).unwrap(), &filled, 10).unwrap();
        read.push(start.elapsed());
        assert!(sheets.iter().map(|(_, r)| r.len()).sum::<usize>() > MEMBERS);

        copy(&db);
        let mut store = Store::open(&db).unwrap();
        let start = Instant::now();
        ops::migrate::migrate(&mut store, &ctx(), &filled, true).unwrap();
        dry.push(start.elapsed());

        let start = Instant::now();
        outcome = Some(ops::migrate::migrate(&mut store, &ctx(), &filled, false).unwrap());
        real.push(start.elapsed());
        drop(store);

        // The same rows, inserted bare into the same empty fund.
        let rows = baseline::migration_rows(&baseline::open(&db).unwrap()).unwrap();
        let bare_db = dir.join("bare.sqlite");
        copy(&bare_db);
        let mut conn = baseline::open(&bare_db).unwrap();
        let start = Instant::now();
        baseline::insert(&mut conn, &rows).unwrap();
        bare.push(start.elapsed());
    }
    let outcome = outcome.unwrap();
    let (read, dry, real, bare) = (median(read), median(dry), median(real), median(bare));
    let rows = vec![
        Row {
            measure: format!("dry run: {MEMBERS} members, {LOANS} loans, {WELFARE} welfare and {MATCHING} matching rows checked"),
            ours: dry,
            baseline: Some(("reading the workbook into cells".into(), read)),
            targets: vec![Target::Under(Duration::from_secs(3))],
            note: format!("{} KB workbook; capital {} baht", file_bytes / 1024, outcome.capital.display()),
        },
        Row {
            measure: "migration, one transaction".into(),
            ours: real,
            baseline: Some(("read + bare inserts of the same rows".into(), read + bare)),
            targets: vec![Target::Under(Duration::from_secs(5))],
            note: format!("bare inserts alone {}", ms(bare)),
        },
    ];
    let body = format!(
        "## Migration (`cargo bench --bench migrate`, run {})\n\nA fund founded in 2549 with {MEMBERS} members brought in from its filled template. Machine: {machine}.\n\n{}\n",
        Utc::now().format("%Y-%m-%d %H:%M UTC"),
        table::markdown(&rows)
    );
    println!("{body}");
    table::write_section(&root.join("docs/benchmarks.md"), "migrate", &body);
}
