//! The office program's PostgreSQL engine, on the throw-away cluster that `.ci/run` starts
//! (`KONGTHUN_TEST_POSTGRES`, see .ci/postgres.sh): the province's scenarios of the library's
//! tests (tamper matrix, replay, gap, fork, key rotation, the golden bundle) run here
//! unchanged on a server database; the same bundles give the same funds list, reports and
//! criteria as on the SQLite file; four importers at once import each of 200 bundles exactly
//! once; imported history cannot be changed on the server; and `kongthun-office` takes a
//! `postgresql://` URL for `--db`. Under `.ci/run` the cluster must be there, so these never
//! pass there by being skipped.

#[path = "../../tests/support/province_suite.rs"]
mod suite;

use kongthun::ops::province;
use kongthun::store::province::{EngineKind, ProvinceStore};
use std::path::{Path, PathBuf};
use suite::{bundles_of, enrol, months};

fn date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A new empty database on the test cluster, as a URL; None when no cluster was started
/// (a developer's machine without PostgreSQL, the release workflow's Windows and macOS
/// runners; never under `.ci/run`, which sets KONGTHUN_REQUIRE_POSTGRES).
fn fresh_postgres_database() -> Option<String> {
    let admin = std::env::var("KONGTHUN_TEST_POSTGRES").ok().filter(|u| !u.is_empty());
    let Some(admin) = admin else {
        assert!(
            std::env::var_os("KONGTHUN_REQUIRE_POSTGRES").is_none(),
            ".ci/run requires the PostgreSQL tests: KONGTHUN_TEST_POSTGRES is not set"
        );
        eprintln!("KONGTHUN_TEST_POSTGRES is not set: the PostgreSQL tests did not run");
        return None;
    };
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let config: postgres::Config = admin.parse().unwrap();
    let host = match config.get_hosts().first() {
        #[cfg(unix)]
        Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
        Some(postgres::config::Host::Tcp(h)) => h.clone(),
        None => String::new(),
    };
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = format!("kt_{}_{n}", std::process::id());
    let mut client = config.connect(postgres::NoTls).unwrap();
    client.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    Some(format!("postgresql:///{name}?host={host}&user={}", config.get_user().unwrap_or("")))
}

/// The server engine as the scenarios open a province: a fresh database each time.
fn postgres_engine(_dir: &Path) -> ProvinceStore {
    kongthun_office::connect(&fresh_postgres_database().expect("checked by the test")).unwrap()
}

fn server_runs() -> bool {
    fresh_postgres_database().is_some()
}

#[test]
fn tamper_matrix_on_postgres_each_refused_with_its_own_code_and_nothing_written() {
    if server_runs() {
        suite::tamper_matrix(&postgres_engine);
    }
}

#[test]
fn the_golden_bundle_imports_on_postgres() {
    if server_runs() {
        suite::golden_bundle(&postgres_engine);
    }
}

#[test]
fn two_provinces_forward_to_the_nation_on_postgres() {
    if server_runs() {
        suite::forward_from_two_provinces(&postgres_engine);
    }
}

#[test]
fn key_rotation_and_re_enrolment_on_postgres() {
    if server_runs() {
        suite::key_rotation(&postgres_engine);
    }
}

fn json<T: serde::Serialize>(v: &T) -> serde_json::Value {
    serde_json::to_value(v).unwrap()
}

#[test]
fn both_engines_give_the_same_funds_reports_and_criteria() {
    let dir = tempfile::tempdir().unwrap();
    let periods: Vec<String> = ["2024", "2025", "since-last"].map(String::from).to_vec();
    let funds = [
        bundles_of(dir.path(), "SAME-0001", 5, 40, &periods),
        bundles_of(dir.path(), "SAME-0002", 6, 30, &periods),
    ];
    let Some(url) = fresh_postgres_database() else { return };
    let mut engines = vec![
        ProvinceStore::open(&dir.path().join("province.sqlite")).unwrap(),
        kongthun_office::connect(&url).unwrap(),
    ];
    for p in &mut engines {
        for bundles in &funds {
            enrol(p, &bundles[0]);
            for b in bundles {
                let out = province::import(p, b, false, "เจ้าหน้าที่", "2026-11-22T05:00:00Z");
                assert_eq!(out.unwrap().result.key(), "imported", "{:?}", p.kind());
            }
        }
    }
    let (a, b) = (&engines[0], &engines[1]);
    assert_eq!((a.kind(), b.kind()), (EngineKind::Sqlite, EngineKind::Postgres));
    assert_eq!(a.funds().unwrap(), b.funds().unwrap());
    for year in [2025, 2026] {
        let (from, to) = province::government_year(year).unwrap();
        let (from, to) = (from.to_string(), to.to_string());
        let area = province::area_report(a, &from, &to).unwrap();
        assert!(area.iter().any(|r| r.welfare_total.satang() > 0), "the demo pays welfare");
        assert_eq!(json(&area), json(&province::area_report(b, &from, &to).unwrap()), "{year}");
        assert_eq!(
            json(&province::criteria(a, year).unwrap()),
            json(&province::criteria(b, year).unwrap())
        );
        assert_eq!(a.paid_claims(&from, &to).unwrap(), b.paid_claims(&from, &to).unwrap());
    }
    assert_eq!(
        json(&province::coverage(a, "2026-12").unwrap()),
        json(&province::coverage(b, "2026-12").unwrap())
    );
    for code in ["SAME-0001", "SAME-0002"] {
        assert_eq!(a.entries_of(code).unwrap(), b.entries_of(code).unwrap(), "{code}");
        assert_eq!(a.members_of(code).unwrap(), b.members_of(code).unwrap(), "{code}");
        for seq in 1..=3 {
            assert_eq!(a.bundle_file(code, seq).unwrap(), b.bundle_file(code, seq).unwrap());
        }
    }
    assert_eq!(a.members().unwrap(), b.members().unwrap());
    assert_eq!(a.fund_records().unwrap(), b.fund_records().unwrap());
    assert_eq!(a.audited_months().unwrap(), b.audited_months().unwrap());
    assert_eq!(a.first_entry_dates().unwrap(), b.first_entry_dates().unwrap());
    assert_eq!(
        a.account_totals("2024-01-01", "2026-10-31").unwrap(),
        b.account_totals("2024-01-01", "2026-10-31").unwrap()
    );
    // the area report's document is the same file from either engine
    let today = date(2026, 11, 22);
    for format in [kongthun::render::Format::Csv, kongthun::render::Format::Pdf] {
        assert_eq!(
            province::area_report_document(a, 2026, format, today).unwrap(),
            province::area_report_document(b, 2026, format, today).unwrap()
        );
    }
    // where the data is, as an officer reads it: the server and database, no password
    let url = b.describe();
    assert!(url.starts_with("postgresql://") && !url.contains("password"), "{url}");
}

#[test]
fn four_importers_at_once_on_postgres_import_each_of_200_bundles_exactly_once() {
    let Some(url) = fresh_postgres_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    // eight funds, 25 monthly bundles each
    let funds: Vec<(String, Vec<PathBuf>)> = (0..8)
        .map(|i| {
            let code = format!("CONC-{i:04}");
            let bundles = bundles_of(dir.path(), &code, 100 + i, 30, &months(25));
            (code, bundles)
        })
        .collect();
    let mut p = kongthun_office::connect(&url).unwrap();
    for (_, bundles) in &funds {
        enrol(&mut p, &bundles[0]);
    }
    drop(p);
    // importers 0 and 1 start on the same fund, as do 2 and 3; each walks every fund in order
    let outcomes = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for importer in 0..4usize {
            let (funds, outcomes, url) = (&funds, &outcomes, &url);
            scope.spawn(move || {
                let mut p = kongthun_office::connect(url).unwrap();
                for k in 0..funds.len() {
                    let (code, bundles) = &funds[(k + importer / 2 * 4) % funds.len()];
                    for (i, b) in bundles.iter().enumerate() {
                        let said = match province::import(&mut p, b, false, "officer", "t") {
                            Ok(out) => out.result.key().to_string(),
                            Err(e) => e.code(),
                        };
                        outcomes.lock().unwrap().push((code.clone(), i as i64 + 1, said));
                    }
                }
            });
        }
    });
    let outcomes = outcomes.into_inner().unwrap();
    assert_eq!(outcomes.len(), 4 * 200);
    let mut imported = std::collections::BTreeMap::new();
    for (code, seq, said) in &outcomes {
        match said.as_str() {
            "imported" => *imported.entry((code.clone(), *seq)).or_insert(0) += 1,
            // the bundle was the fund's latest already, or another importer is further on
            "already_imported" | "bundle.replay" => {}
            other => panic!("{code} #{seq}: {other}"),
        }
    }
    assert_eq!(imported.len(), 200, "every bundle imported");
    assert!(imported.values().all(|n| *n == 1), "each exactly once: {imported:?}");
    // the database holds each bundle once, and each fund's journal as a single import has it
    let p = kongthun_office::connect(&url).unwrap();
    assert_eq!(p.coverage().unwrap().len(), 200);
    let sequential = ProvinceStore::open(&dir.path().join("sequential.sqlite")).unwrap();
    let mut sequential = sequential;
    for (code, bundles) in &funds {
        let f = p.fund(code).unwrap().unwrap();
        assert_eq!(f.last_seq, 25, "{code}");
        enrol(&mut sequential, &bundles[0]);
        for b in bundles {
            province::import(&mut sequential, b, false, "officer", "t").unwrap();
        }
        assert_eq!(p.entries_of(code).unwrap(), sequential.entries_of(code).unwrap(), "{code}");
    }
    // history is kept on the server as in the file: imported entries and bundles stay
    let mut raw = url.parse::<postgres::Config>().unwrap().connect(postgres::NoTls).unwrap();
    for sql in [
        "UPDATE p_posting SET amount = amount + 1",
        "DELETE FROM p_entry",
        "DELETE FROM p_bundle",
        "UPDATE p_bundle_file SET bytes = ''",
    ] {
        let e = raw.batch_execute(sql).unwrap_err();
        assert!(
            e.to_string().contains("is history") || format!("{e:?}").contains("is history"),
            "{sql}: {e:?}"
        );
    }
}

#[test]
fn the_command_line_takes_a_server_url_for_the_province_database() {
    let Some(url) = fresh_postgres_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    let bundles = bundles_of(dir.path(), "CLI-0001", 12, 30, &months(2));
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kongthun-office"))
            .arg("--db")
            .arg(&url)
            .args(args)
            .env("KONGTHUN_NOW", "2026-11-22T03:00:00Z")
            .env("KONGTHUN_USER", "เจ้าหน้าที่")
            .output()
            .unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    let (ok, said, _) = run(&["province", "init"]);
    assert!(ok && said.contains("postgresql://"), "{said}");
    let first = bundles[0].to_str().unwrap();
    let (_, preview, _) = run(&["province", "enrol", first, "--json"]);
    let fp = serde_json::from_str::<serde_json::Value>(&preview).unwrap()["key_fingerprint"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(run(&["province", "enrol", first, "--fingerprint", &fp]).0);
    let second = bundles[1].to_str().unwrap();
    let (ok, _, err) = run(&["province", "import", second]);
    assert!(!ok && err.contains("ขาดชุดข้อมูล"), "a gap is refused in Thai: {err}");
    assert!(run(&["province", "import", first, second]).0);
    let (ok, funds, _) = run(&["province", "funds", "--month", "2023-12", "--json"]);
    assert!(ok, "{funds}");
    assert!(funds.contains("CLI-0001") && funds.contains("\"bundles\": 2"), "{funds}");
    let (ok, _, err) =
        run(&["province", "report", "2567", "--csv", dir.path().join("r.csv").to_str().unwrap()]);
    assert!(ok, "{err}");
    // a wrong server is named without its password
    let (ok, _, err) = std::process::Command::new(env!("CARGO_BIN_EXE_kongthun-office"))
        .args(["--db", "postgresql://officer:secret@127.0.0.1:1/nowhere", "province", "funds"])
        .output()
        .map(|o| (o.status.success(), (), String::from_utf8_lossy(&o.stderr).to_string()))
        .unwrap();
    assert!(!ok && !err.contains("secret") && err.contains("127.0.0.1"), "{err}");
}

#[test]
fn three_officers_importing_the_same_forwards_at_once_import_each_bundle_once() {
    let Some(url) = fresh_postgres_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    // a province with four funds, twelve monthly bundles each, forwarded in two forwards
    let mut province = ProvinceStore::open(&dir.path().join("province.sqlite")).unwrap();
    let funds: Vec<Vec<PathBuf>> = (0..4)
        .map(|i| bundles_of(dir.path(), &format!("FWD-{i:04}"), 200 + i, 30, &months(12)))
        .collect();
    let key = dir.path().join("province.key");
    let secret = kongthun::ops::forward::province_key(&key).unwrap();
    let stick = dir.path().join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let mut forwards = Vec::new();
    for half in [0..6, 6..12] {
        for bundles in &funds {
            if half.start == 0 {
                enrol(&mut province, &bundles[0]);
            }
            for b in &bundles[half.clone()] {
                province::import(&mut province, b, false, "x", "t").unwrap();
            }
        }
        let f = kongthun::ops::forward::forward(
            &mut province,
            &secret,
            Some("ขอนแก่น"),
            &stick,
            "x",
            "t",
        );
        forwards.push(f.unwrap().folder);
    }
    let mut nation = kongthun_office::connect(&url).unwrap();
    let preview =
        kongthun::ops::forward::enrol_province(&mut nation, &forwards[0], None, "x", "t").unwrap();
    kongthun::ops::forward::enrol_province(
        &mut nation,
        &forwards[0],
        Some(&preview.key_fingerprint),
        "x",
        "t",
    )
    .unwrap();
    drop(nation);
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..3 {
            let (url, forwards, results) = (&url, &forwards, &results);
            scope.spawn(move || {
                let mut nation = kongthun_office::connect(url).unwrap();
                for f in forwards {
                    let r = kongthun::ops::forward::import_forward(&mut nation, f, false, "x", "t");
                    results
                        .lock()
                        .unwrap()
                        .push(r.map(|o| o.bundles_imported).map_err(|e| e.code()));
                }
            });
        }
    });
    let results = results.into_inner().unwrap();
    // a forward an officer found already in, or one imported by another meanwhile, is fine;
    // what must never happen is a bundle twice or one missing
    let imported: usize = results.iter().filter_map(|r| r.as_ref().ok()).sum();
    assert_eq!(imported, 48, "{results:?}");
    assert!(
        results.iter().all(|r| r.is_ok() || r.as_ref().unwrap_err() == "forward.replay"),
        "{results:?}"
    );
    let nation = kongthun_office::connect(&url).unwrap();
    assert_eq!(nation.coverage().unwrap().len(), 48);
    assert_eq!(nation.province("ขอนแก่น").unwrap().unwrap().last_forward, 2);
}

#[test]
fn two_officers_forwarding_at_once_write_one_forward() {
    let Some(url) = fresh_postgres_database() else { return };
    let dir = tempfile::tempdir().unwrap();
    let bundles = bundles_of(dir.path(), "TWO-0001", 500, 30, &months(3));
    let mut p = kongthun_office::connect(&url).unwrap();
    enrol(&mut p, &bundles[0]);
    for b in &bundles {
        province::import(&mut p, b, false, "x", "t").unwrap();
    }
    drop(p);
    let key = dir.path().join("province.key");
    kongthun::ops::forward::province_key(&key).unwrap();
    let results = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for officer in 0..2 {
            let (url, key, dir, results) = (&url, &key, dir.path(), &results);
            scope.spawn(move || {
                let mut p = kongthun_office::connect(url).unwrap();
                let secret = kongthun::ops::forward::province_key(key).unwrap();
                let to = dir.join(format!("stick-{officer}"));
                std::fs::create_dir_all(&to).unwrap();
                let r =
                    kongthun::ops::forward::forward(&mut p, &secret, Some("ขอนแก่น"), &to, "x", "t");
                results
                    .lock()
                    .unwrap()
                    .push(r.map(|o| (o.sequence, o.bundles)).map_err(|e| e.code()));
            });
        }
    });
    let results = results.into_inner().unwrap();
    // one forward of the three bundles; the other officer is told it is taken or that
    // nothing is left to forward, never a second forward of the same bundles
    let written: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(written, [&(1, 3)], "{results:?}");
    assert!(
        results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .all(|c| c == "province.busy" || c == "province.nothing_to_forward" || c == "database"),
        "{results:?}"
    );
    let p = kongthun_office::connect(&url).unwrap();
    assert_eq!(p.last_forward().unwrap().map(|(n, _)| n), Some(1));
    assert!(p.unforwarded().unwrap().is_empty());
}
