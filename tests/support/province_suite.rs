//! The province's test scenarios, written once and run on each engine: the library's tests
//! run them on the SQLite file (`tests/it/bundles.rs`), the office program's on PostgreSQL
//! (`office/tests/postgres.rs`, which includes this file). Each takes an opener that gives a
//! fresh, empty province database in a folder.

#![allow(dead_code)]

use kongthun::ops::bundles::{export_bundle, IdPolicy};
use kongthun::ops::province;
use kongthun::ops::Ctx;
use kongthun::store::province::ProvinceStore;
use kongthun::store::Store;
use std::path::{Path, PathBuf};

/// A fresh, empty province database (its folder given, for the file engine).
pub type Opener = &'static dyn Fn(&Path) -> ProvinceStore;

/// The clock the scenarios record with: noon in Bangkok on 22 November 2569.
pub fn today() -> Ctx {
    use chrono::TimeZone;
    Ctx {
        recorded_by: "ทดสอบ".into(),
        now: chrono::Utc.with_ymd_and_hms(2026, 11, 22, 5, 0, 0).unwrap(),
    }
}

/// The repository's root (this file's crate or the office crate beside it).
pub fn repo_root() -> PathBuf {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    if here.join("fixtures").exists() {
        here.to_path_buf()
    } else {
        here.parent().unwrap().to_path_buf()
    }
}

/// Every entry of a zip file (a bundle), in order, with its bytes.
pub fn unzip(path: &Path) -> Vec<(String, Vec<u8>)> {
    use std::io::Read;
    let mut a = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..a.len())
        .map(|i| {
            let mut f = a.by_index(i).unwrap();
            let mut d = Vec::new();
            f.read_to_end(&mut d).unwrap();
            (f.name().to_string(), d)
        })
        .collect()
}

pub struct Setup {
    pub dir: tempfile::TempDir,
    pub fund_db: PathBuf,
    pub store: Store,
    pub usb: PathBuf,
}

pub fn demo_fund(seed: u64) -> Setup {
    demo_fund_of(seed, 2)
}

pub fn demo_fund_of(seed: u64, years: u32) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let fund_db = dir.path().join("fund").join("fund.sqlite");
    std::fs::create_dir_all(fund_db.parent().unwrap()).unwrap();
    let mut store = Store::open(&fund_db).unwrap();
    kongthun::demo::build(
        &mut store,
        &kongthun::demo::DemoSpec { members: 80, years, seed, ..Default::default() },
    )
    .unwrap();
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    Setup { dir, fund_db, store, usb }
}

pub fn export(s: &mut Setup, period: &str) -> PathBuf {
    export_bundle(&mut s.store, &today(), &s.fund_db, period, &s.usb, IdPolicy::Hashed)
        .unwrap()
        .path
}

/// The province's database on the engine under test, with the fund enrolled from its first
/// bundle.
pub fn province_with(open: Opener, s: &Setup, first_bundle: &Path) -> ProvinceStore {
    let mut p = open(&s.dir.path().join("province"));
    enrol_confirmed(&mut p, first_bundle);
    p
}

pub fn enrol_confirmed(p: &mut ProvinceStore, first_bundle: &Path) {
    let preview =
        province::enrol(p, first_bundle, None, "เจ้าหน้าที่", "2026-11-22T05:00:00Z").unwrap();
    assert!(!preview.enrolled, "nothing is enrolled without the typed fingerprint");
    assert_eq!(
        province::enrol(p, first_bundle, Some("0000-0000-0000-0000-0000"), "x", "t")
            .unwrap_err()
            .code(),
        "province.fingerprint_mismatch"
    );
    province::enrol(
        p,
        first_bundle,
        Some(&preview.key_fingerprint),
        "เจ้าหน้าที่",
        "2026-11-22T05:00:00Z",
    )
    .unwrap();
}

pub fn import(p: &mut ProvinceStore, path: &Path) -> kongthun::Result<province::ImportOutcome> {
    province::import(p, path, false, "เจ้าหน้าที่", "2026-11-22T05:00:00Z")
}

pub fn rezip(files: &[(String, Vec<u8>)], out: &Path) {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    for (n, d) in files {
        w.start_file(n.as_str(), zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(d).unwrap();
    }
    w.finish().unwrap();
}

/// Every way of spoiling a bundle is refused with its own code and leaves the province
/// database unchanged; the genuine bundles still go in afterwards.
pub fn tamper_matrix(open: Opener) {
    let mut s = demo_fund(7);
    let b1 = export(&mut s, "2025");
    let b2 = export(&mut s, "2026-01");
    let b3 = export(&mut s, "2026-02");
    let mut other = demo_fund(8);
    let other_b1 = export(&mut other, "2025");
    let work = s.dir.path().join("tampered");
    std::fs::create_dir_all(&work).unwrap();
    let files = unzip(&b3);
    let mut cases: Vec<(String, PathBuf, &str)> = Vec::new();

    // flip a byte in each file
    for (i, (name, _)) in files.iter().enumerate() {
        let mut f = files.clone();
        if name == "manifest.json" {
            // change a value, keeping it valid JSON: what a forger would do
            let text = String::from_utf8(f[i].1.clone()).unwrap().replacen(
                "\"sequence\": 3",
                "\"sequence\": 9",
                1,
            );
            assert!(text.contains("\"sequence\": 9"));
            f[i].1 = text.into_bytes();
        } else {
            let d = &mut f[i].1;
            if d.is_empty() {
                // an empty file (a fund with no carried history) gains a byte
                d.push(b'{');
            } else {
                let at = d.len() / 2;
                d[at] ^= 0x01;
            }
        }
        let out = work.join(format!("flip-{i}.kongthun"));
        rezip(&f, &out);
        let code = match name.as_str() {
            "manifest.json" => "bundle.bad_signature",
            "manifest.sig" => "bundle.bad_signature",
            _ => "bundle.file_hash",
        };
        cases.push((format!("flip {name}"), out, code));
    }
    let bytes = std::fs::read(&b3).unwrap();
    let truncated = work.join("truncated.kongthun");
    std::fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    cases.push(("truncated".into(), truncated, "bundle.corrupt"));
    let mut f = files.clone();
    f.retain(|(n, _)| n != "data/members.jsonl");
    let dropped = work.join("dropped.kongthun");
    rezip(&f, &dropped);
    cases.push(("drop a file".into(), dropped, "bundle.missing_file"));
    let mut f = files.clone();
    f.push(("data/extra.jsonl".into(), b"{}\n".to_vec()));
    let added = work.join("added.kongthun");
    rezip(&f, &added);
    cases.push(("add a file".into(), added, "bundle.extra_file"));
    let theirs = unzip(&other_b1);
    let mut f = files.clone();
    let swap = theirs.iter().find(|(n, _)| n == "data/members.jsonl").unwrap().1.clone();
    f.iter_mut().find(|(n, _)| n == "data/members.jsonl").unwrap().1 = swap;
    let swapped = work.join("swapped.kongthun");
    rezip(&f, &swapped);
    cases.push(("swap a file from another bundle".into(), swapped, "bundle.file_hash"));
    // re-signed with another key: a valid signature, but not the enrolled key
    let mut f = files.clone();
    let stranger = kongthun::bundle::keys::FundSecret::generate();
    let mut manifest: kongthun::bundle::manifest::Manifest =
        serde_json::from_slice(&f[0].1).unwrap();
    manifest.public_key = hex::encode(stranger.public());
    manifest.key_fingerprint = kongthun::bundle::keys::fingerprint(&stranger.public());
    let mbytes = serde_json::to_vec_pretty(&manifest).unwrap();
    f[1].1 = hex::encode(stranger.sign(&mbytes)).into_bytes();
    f[0].1 = mbytes;
    let resigned = work.join("resigned.kongthun");
    rezip(&f, &resigned);
    cases.push(("re-signed with another key".into(), resigned, "bundle.unknown_key"));
    cases.push(("replay of an older bundle".into(), b1.clone(), "bundle.replay"));
    // gap: bundle 4 before bundle 3
    let b4 = export(&mut s, "2026-03");
    cases.push(("gap".into(), b4.clone(), "bundle.gap"));
    // fork: another fund's history signed with this fund's key, claiming sequence 2
    let fork_manifest = {
        let mut m: kongthun::bundle::manifest::Manifest =
            serde_json::from_slice(&unzip(&b2)[0].1).unwrap();
        m.chain.head = "00".repeat(32);
        m
    };
    let secret = kongthun::bundle::keys::FundSecret::load(&kongthun::bundle::keys::key_path(
        &s.fund_db,
        "DEMO-0001",
    ))
    .unwrap();
    let mut f = unzip(&b2);
    let mbytes = serde_json::to_vec_pretty(&fork_manifest).unwrap();
    f[1].1 = hex::encode(secret.sign(&mbytes)).into_bytes();
    f[0].1 = mbytes;
    let fork = work.join("fork.kongthun");
    rezip(&f, &fork);
    cases.push(("fork (same sequence, different content)".into(), fork, "bundle.fork"));
    // a chain that does not continue: bundle 3 with an entry's amount changed and re-signed
    let mut f = files.clone();
    let entries_at = f.iter().position(|(n, _)| n == "data/entries.jsonl").unwrap();
    let text = String::from_utf8(f[entries_at].1.clone()).unwrap().replacen(
        "\"amount\":3000,",
        "\"amount\":3001,",
        1,
    );
    f[entries_at].1 = text.into_bytes();
    let mut m: kongthun::bundle::manifest::Manifest = serde_json::from_slice(&f[0].1).unwrap();
    for fe in &mut m.files {
        if let Some((_, d)) = f.iter().find(|(n, _)| *n == fe.path) {
            fe.bytes = d.len() as u64;
            fe.sha256 = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(d));
        }
    }
    let mbytes = serde_json::to_vec_pretty(&m).unwrap();
    f[1].1 = hex::encode(secret.sign(&mbytes)).into_bytes();
    f[0].1 = mbytes;
    let chain = work.join("chain.kongthun");
    rezip(&f, &chain);
    cases.push(("edited entry re-signed by the fund's own key".into(), chain, "bundle.chain"));

    {
        let mut p = province_with(open, &s, &b1);
        import(&mut p, &b1).unwrap();
        import(&mut p, &b2).unwrap();
        let before = p.content_digest().unwrap();
        let mut codes = std::collections::BTreeSet::new();
        for (name, path, code) in &cases {
            let err = import(&mut p, path).unwrap_err();
            assert_eq!(err.code(), *code, "{name} on {:?}: {err:?}", p.kind());
            assert!(!err.message_th().is_empty() && !err.message_en().is_empty());
            assert_eq!(
                p.content_digest().unwrap(),
                before,
                "{name} changed the province database on {:?}",
                p.kind()
            );
            codes.insert(*code);
        }
        assert!(codes.len() >= 10, "{codes:?}");
        // and the genuine bundle 3 still goes in afterwards
        assert_eq!(import(&mut p, &b3).unwrap().result.key(), "imported");
        assert_eq!(import(&mut p, &b4).unwrap().result.key(), "imported");
    }
}

/// The bundle of format 1 kept in fixtures/ still imports.
pub fn golden_bundle(open: Opener) {
    let golden = repo_root().join("fixtures/golden/DEMO-0001-0001-2025-11_2026-10.kongthun");
    let dir = tempfile::tempdir().unwrap();
    {
        let mut p = open(dir.path());
        let preview = province::enrol(&mut p, &golden, None, "x", "t").unwrap();
        province::enrol(&mut p, &golden, Some(&preview.key_fingerprint), "x", "t").unwrap();
        let out = import(&mut p, &golden).unwrap();
        assert_eq!(out.result.key(), "imported");
        assert!(out.entries > 100);
    }
}

/// A rotation signed by the old key is followed; a lost key needs the officer's re-enrolment.
pub fn key_rotation(open: Opener) {
    let mut s = demo_fund(11);
    let b1 = export(&mut s, "2025");
    // rotation: the old key signs the new; the province follows by itself
    let new_fp =
        kongthun::ops::bundles::rotate_key(&mut s.store, &today(), &s.fund_db, false).unwrap();
    let b2 = export(&mut s, "2026-01");
    // lost key: a new key without a record is refused until the officer re-enrols the fund
    let lost_fp =
        kongthun::ops::bundles::rotate_key(&mut s.store, &today(), &s.fund_db, true).unwrap();
    let b3 = export(&mut s, "2026-02");
    {
        let mut p = province_with(open, &s, &b1);
        import(&mut p, &b1).unwrap();
        assert_eq!(import(&mut p, &b2).unwrap().result.key(), "imported");
        let f = p.fund("DEMO-0001").unwrap().unwrap();
        assert_eq!((f.fingerprint.as_str(), f.key_changes), (new_fp.as_str(), 1));
        assert_eq!(import(&mut p, &b3).unwrap_err().code(), "bundle.unknown_key");
        assert_eq!(
            province::enrol(&mut p, &b3, Some(&lost_fp), "x", "t").unwrap_err().code(),
            "province.already_enrolled"
        );
        province::enrol_or_replace(
            &mut p,
            &b3,
            Some(&lost_fp),
            true,
            "เจ้าหน้าที่",
            "2026-11-22T06:00:00Z",
        )
        .unwrap();
        assert_eq!(import(&mut p, &b3).unwrap().result.key(), "imported");
        let cov = province::coverage(&p, "2026-02").unwrap();
        assert_eq!(cov[0].re_enrolled_at.as_deref(), Some("2026-11-22T06:00:00Z"));
        assert_eq!(cov[0].key_changes, 2);
    }
}
