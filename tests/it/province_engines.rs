//! The province's embedded engine on its own: a second writer on the file is told the
//! database is busy, and the fund's program, which has no server engine, says so when `--db`
//! names a server. (Both engines run the same scenarios: tests/support/province_suite.rs,
//! here through bundles.rs and in office/tests/postgres.rs on PostgreSQL.)

use super::suite::{bundles_of, enrol, months};
use super::*;
use kongthun::ops::province;
use kongthun::store::province::ProvinceStore;

#[test]
fn a_second_writer_on_the_embedded_file_is_told_the_database_is_busy() {
    let dir = tempfile::tempdir().unwrap();
    let bundles = bundles_of(dir.path(), "BUSY-0001", 9, 30, &months(1));
    let db = dir.path().join("province.sqlite");
    let mut p = ProvinceStore::open_waiting(&db, std::time::Duration::from_millis(200)).unwrap();
    enrol(&mut p, &bundles[0]);
    let before = p.content_digest().unwrap();
    // another program holds the file's one write lock
    let other = rusqlite::Connection::open(&db).unwrap();
    other.execute_batch("BEGIN IMMEDIATE").unwrap();
    let e = province::import(&mut p, &bundles[0], false, "x", "t").unwrap_err();
    assert_eq!(e.code(), "province.busy", "{e:?}");
    assert!(e.message_th().contains("ลองอีกครั้ง") && e.message_en().contains("busy"));
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(p.content_digest().unwrap(), before);
    assert_eq!(
        province::import(&mut p, &bundles[0], false, "x", "t").unwrap().result.key(),
        "imported"
    );
}

#[test]
fn the_funds_program_has_no_server_engine_and_says_which_program_has() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kongthun"))
        .args(["--db", "postgresql://officer@127.0.0.1/province", "province", "funds"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success() && err.contains("kongthun-office"), "{err}");
    assert!(err.contains("เครือข่าย") && err.contains("network"), "{err}");
}

#[test]
fn a_forward_to_the_nation_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let bundles = bundles_of(dir.path(), "CLI-0002", 13, 30, &months(3));
    let run = |db: &str, args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kongthun"))
            .arg("--db")
            .arg(dir.path().join(db))
            .args(args)
            .env("KONGTHUN_NOW", "2026-11-22T03:00:00Z")
            .env("KONGTHUN_USER", "เจ้าหน้าที่")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{args:?}: {err}");
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let key = dir.path().join("province.key");
    let key = key.to_str().unwrap();
    let first = bundles[0].to_str().unwrap();
    let preview: serde_json::Value =
        serde_json::from_str(&run("p.sqlite", &["province", "enrol", first, "--json"])).unwrap();
    let fp = preview["key_fingerprint"].as_str().unwrap();
    run("p.sqlite", &["province", "enrol", first, "--fingerprint", fp]);
    let files: Vec<&str> = bundles.iter().map(|b| b.to_str().unwrap()).collect();
    run("p.sqlite", &[&["province", "import"], files.as_slice()].concat());
    let said = run("p.sqlite", &["province", "key", "--key", key, "--json"]);
    let province_fp: serde_json::Value = serde_json::from_str(&said).unwrap();
    let stick = dir.path().join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let out = run(
        "p.sqlite",
        &[
            "province",
            "forward",
            "--since-last",
            "--to",
            stick.to_str().unwrap(),
            "--province",
            "ขอนแก่น",
            "--key",
            key,
            "--json",
        ],
    );
    let forward: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(forward["bundles"], 3, "{forward}");
    let folder = forward["folder"].as_str().unwrap();
    assert!(folder.ends_with("kongthun-forward-ขอนแก่น-0001"), "{folder}");
    let shown = run("n.sqlite", &["province", "enrol-province", folder]);
    assert!(shown.contains(province_fp["key_fingerprint"].as_str().unwrap()), "{shown}");
    run(
        "n.sqlite",
        &[
            "province",
            "enrol-province",
            folder,
            "--fingerprint",
            province_fp["key_fingerprint"].as_str().unwrap(),
        ],
    );
    let dry = run("n.sqlite", &["province", "import-forward", folder, "--dry-run"]);
    assert!(dry.contains("ทดลอง"), "{dry}");
    let done = run("n.sqlite", &["province", "import-forward", folder]);
    assert!(done.contains("นำเข้า 3 ชุด") && done.contains("ลงทะเบียนกองทุนใหม่ 1"), "{done}");
    let national = run("n.sqlite", &["province", "national", "2567", "--month", "2024-01"]);
    assert!(national.contains("จังหวัดขอนแก่น: 1 กองทุน"), "{national}");
    let pdf = dir.path().join("national.pdf");
    run("n.sqlite", &["province", "national", "2567", "--pdf", pdf.to_str().unwrap()]);
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("แยกตามจังหวัดและอำเภอ") && text.contains("ขอนแก่น"), "{text}");
}
