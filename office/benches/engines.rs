//! The province's two engines side by side, measured in one run on the same bundles: 200
//! monthly bundles of 8 demo funds imported one by one into the SQLite file (the baseline)
//! and into PostgreSQL, then by 4 importers at once into PostgreSQL; and a forward of them all
//! imported by the nation on each engine. Prints a table of times and ratios to the baseline.
//! Needs `KONGTHUN_TEST_POSTGRES` (an admin URL; a fresh database is made for each row), as
//! `.ci/postgres.sh` sets it.

use kongthun::demo::{build, DemoSpec};
use kongthun::ops::bundles::{export_bundle, IdPolicy};
use kongthun::ops::{province, Ctx};
use kongthun::store::province::ProvinceStore;
use kongthun::store::Store;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn ctx() -> Ctx {
    use chrono::TimeZone;
    Ctx {
        recorded_by: "bench".into(),
        now: chrono::Utc.with_ymd_and_hms(2026, 11, 22, 5, 0, 0).unwrap(),
    }
}

fn funds(dir: &Path, n: u64, months: usize) -> Vec<Vec<PathBuf>> {
    (0..n)
        .map(|i| {
            let code = format!("BENCH-{i:04}");
            let db = dir.join(format!("{code}.sqlite"));
            let mut store = Store::open(&db).unwrap();
            let spec = DemoSpec {
                members: 60,
                years: 3,
                seed: 300 + i,
                until: (2026, 10),
                fund_code: code.clone(),
                ..Default::default()
            };
            build(&mut store, &spec).unwrap();
            let usb = dir.join("usb").join(&code);
            std::fs::create_dir_all(&usb).unwrap();
            (0..months)
                .map(|k| {
                    let m = 10 + k;
                    let period = format!("{:04}-{:02}", 2023 + m / 12, m % 12 + 1);
                    export_bundle(&mut store, &ctx(), &db, &period, &usb, IdPolicy::Hashed)
                        .unwrap()
                        .path
                })
                .collect()
        })
        .collect()
}

fn fresh_postgres(admin: &str, name: &str) -> String {
    let config: postgres::Config = admin.parse().unwrap();
    let host = match config.get_hosts().first() {
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        None => String::new(),
    };
    let mut client = config.connect(postgres::NoTls).unwrap();
    client.batch_execute(&format!("DROP DATABASE IF EXISTS {name}")).unwrap();
    client.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    format!("postgresql:///{name}?host={host}&user={}", config.get_user().unwrap_or(""))
}

fn enrol_all(p: &mut ProvinceStore, funds: &[Vec<PathBuf>]) {
    for bundles in funds {
        let preview = province::enrol(p, &bundles[0], None, "bench", "t").unwrap();
        province::enrol(p, &bundles[0], Some(&preview.key_fingerprint), "bench", "t").unwrap();
    }
}

fn import_all(p: &mut ProvinceStore, funds: &[Vec<PathBuf>]) -> Duration {
    let start = Instant::now();
    for bundles in funds {
        for b in bundles {
            province::import(p, b, false, "bench", "t").unwrap();
        }
    }
    start.elapsed()
}

fn main() {
    let Some(admin) = std::env::var("KONGTHUN_TEST_POSTGRES").ok().filter(|u| !u.is_empty()) else {
        eprintln!("KONGTHUN_TEST_POSTGRES is not set: nothing to compare (see .ci/postgres.sh)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let funds = funds(dir.path(), 8, 25);
    let bundles: usize = funds.iter().map(Vec::len).sum();
    let mut rows: Vec<(String, Duration)> = Vec::new();

    let mut sqlite = ProvinceStore::open(&dir.path().join("province.sqlite")).unwrap();
    enrol_all(&mut sqlite, &funds);
    rows.push((
        format!("{bundles} bundles into SQLite, one importer (baseline)"),
        import_all(&mut sqlite, &funds),
    ));

    let mut pg = kongthun_office::connect(&fresh_postgres(&admin, "kt_bench_one")).unwrap();
    enrol_all(&mut pg, &funds);
    rows.push((
        format!("{bundles} bundles into PostgreSQL, one importer"),
        import_all(&mut pg, &funds),
    ));

    let url = fresh_postgres(&admin, "kt_bench_four");
    let mut pg = kongthun_office::connect(&url).unwrap();
    enrol_all(&mut pg, &funds);
    drop(pg);
    let start = Instant::now();
    std::thread::scope(|scope| {
        for importer in 0..4 {
            let (funds, url) = (&funds, &url);
            scope.spawn(move || {
                let mut p = kongthun_office::connect(url).unwrap();
                // each importer its own two funds: different funds never wait for each other
                for bundles in funds.iter().skip(importer).step_by(4) {
                    for b in bundles {
                        province::import(&mut p, b, false, "bench", "t").unwrap();
                    }
                }
            });
        }
    });
    rows.push((format!("{bundles} bundles into PostgreSQL, 4 importers at once"), start.elapsed()));

    let baseline = rows[0].1;
    println!("| what | time | × baseline |");
    println!("|---|---:|---:|");
    for (what, t) in &rows {
        println!(
            "| {what} | {:.0} ms | {:.2} |",
            t.as_secs_f64() * 1000.0,
            t.as_secs_f64() / baseline.as_secs_f64()
        );
    }
}
