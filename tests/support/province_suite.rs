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

/// A demo fund's bundles for `periods` (each as `export_bundle` takes it), in order.
pub fn bundles_of(
    dir: &Path,
    code: &str,
    seed: u64,
    members: u32,
    periods: &[String],
) -> Vec<PathBuf> {
    let db = dir.join(format!("{code}.sqlite"));
    let mut store = Store::open(&db).unwrap();
    kongthun::demo::build(
        &mut store,
        &kongthun::demo::DemoSpec {
            members,
            years: 3,
            seed,
            until: (2026, 10),
            fund_code: code.into(),
            ..Default::default()
        },
    )
    .unwrap();
    let usb = dir.join("usb").join(code);
    std::fs::create_dir_all(&usb).unwrap();
    periods
        .iter()
        .map(|p| export_bundle(&mut store, &today(), &db, p, &usb, IdPolicy::Hashed).unwrap().path)
        .collect()
}

/// `n` months from the demo's first (November 2023), as periods.
pub fn months(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            let m = 10 + i; // 0-based month count from January 2023
            format!("{:04}-{:02}", 2023 + m / 12, m % 12 + 1)
        })
        .collect()
}

/// Enrol a fund from its first bundle, the fingerprint typed right.
pub fn enrol(p: &mut ProvinceStore, first: &Path) {
    let preview = province::enrol(p, first, None, "เจ้าหน้าที่", "2026-11-22T05:00:00Z").unwrap();
    province::enrol(p, first, Some(&preview.key_fingerprint), "เจ้าหน้าที่", "2026-11-22T05:00:00Z")
        .unwrap();
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
        // forwarded, the nation follows the rotation by itself and the re-enrolment from the
        // forward, which carries it from bundle 3
        let work = s.dir.path().join("forward");
        std::fs::create_dir_all(&work).unwrap();
        let secret = kongthun::ops::forward::province_key(&work.join("province.key")).unwrap();
        let folder =
            kongthun::ops::forward::forward(&mut p, &secret, Some("ขอนแก่น"), &work, "x", "t")
                .unwrap()
                .folder;
        let m: kongthun::bundle::forward::ForwardManifest =
            serde_json::from_slice(&std::fs::read(folder.join("forward.json")).unwrap()).unwrap();
        assert_eq!(m.re_enrolments.len(), 1);
        assert_eq!(
            (m.re_enrolments[0].from_sequence, m.re_enrolments[0].key_fingerprint.as_str()),
            (3, lost_fp.as_str())
        );
        let mut nation = open(&s.dir.path().join("nation"));
        let preview =
            kongthun::ops::forward::enrol_province(&mut nation, &folder, None, "x", "t").unwrap();
        kongthun::ops::forward::enrol_province(
            &mut nation,
            &folder,
            Some(&preview.key_fingerprint),
            "x",
            "t",
        )
        .unwrap();
        let done =
            kongthun::ops::forward::import_forward(&mut nation, &folder, false, "x", "t").unwrap();
        assert_eq!(done.bundles_imported, 3);
        let held = nation.fund("DEMO-0001").unwrap().unwrap();
        assert_eq!((held.fingerprint.as_str(), held.key_changes), (lost_fp.as_str(), 2));
    }
}

/// A demo fund with its own code and province (จังหวัด), its first bundle (2025) and the
/// rest (since then).
fn fund_in(code: &str, changwat: &str, seed: u64) -> (Setup, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let fund_db = dir.path().join("fund").join("fund.sqlite");
    std::fs::create_dir_all(fund_db.parent().unwrap()).unwrap();
    let mut store = Store::open(&fund_db).unwrap();
    kongthun::demo::build(
        &mut store,
        &kongthun::demo::DemoSpec {
            members: 40,
            years: 2,
            seed,
            fund_code: code.into(),
            ..Default::default()
        },
    )
    .unwrap();
    let mut profile = store.read().require_fund().unwrap().profile;
    if profile.changwat != changwat {
        profile.changwat = changwat.into();
        kongthun::ops::fund::edit_profile(&mut store, &today(), &profile, "ย้ายจังหวัดในการทดสอบ")
            .unwrap();
    }
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&usb).unwrap();
    let mut s = Setup { dir, fund_db, store, usb };
    let first = export(&mut s, "2025");
    let rest = export(&mut s, "since-last");
    (s, first, rest)
}

fn forward_of(p: &mut ProvinceStore, key: &Path, name: &str, to: &Path) -> PathBuf {
    let secret = kongthun::ops::forward::province_key(key).unwrap();
    kongthun::ops::forward::forward(
        p,
        &secret,
        Some(name),
        to,
        "เจ้าหน้าที่จังหวัด",
        "2026-11-22T06:00:00Z",
    )
    .unwrap()
    .folder
}

fn import_forward(
    n: &mut ProvinceStore,
    dir: &Path,
) -> kongthun::Result<kongthun::ops::forward::ForwardImport> {
    kongthun::ops::forward::import_forward(n, dir, false, "เจ้าหน้าที่ส่วนกลาง", "2026-11-23T03:00:00Z")
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("bundles")).unwrap();
    for name in ["forward.json", "forward.sig"] {
        std::fs::copy(from.join(name), to.join(name)).unwrap();
    }
    for e in std::fs::read_dir(from.join("bundles")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join("bundles").join(e.file_name())).unwrap();
    }
}

/// Two provinces forward their funds' bundles; the nation enrols each province's key,
/// imports the forwards (the funds enrolled through them), refuses a replayed, gapped or
/// tampered forward with nothing changed, and its report equals the sum of the provinces'.
pub fn forward_from_two_provinces(open: Opener) {
    let work = tempfile::tempdir().unwrap();
    let (kk1, kk1_first, kk1_rest) = fund_in("KK-0001", "ขอนแก่น", 21);
    let (_kk2, kk2_first, kk2_rest) = fund_in("KK-0002", "ขอนแก่น", 22);
    let (_mk1, mk1_first, mk1_rest) = fund_in("MK-0001", "มหาสารคาม", 23);
    let stick = work.path().join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let mut kk = open(&work.path().join("kk"));
    let mut mk = open(&work.path().join("mk"));
    let (kk_key, mk_key) = (work.path().join("kk.key"), work.path().join("mk.key"));
    for (in_kk, first) in [(true, &kk1_first), (true, &kk2_first), (false, &mk1_first)] {
        let p = if in_kk { &mut kk } else { &mut mk };
        enrol_confirmed(p, first);
        import(p, first).unwrap();
    }
    // a refused forward records nothing, not even the province's name typed with it
    let mut empty = open(&work.path().join("empty"));
    let secret = kongthun::ops::forward::province_key(&kk_key).unwrap();
    let refused =
        kongthun::ops::forward::forward(&mut empty, &secret, Some("ผิด"), &stick, "x", "t");
    assert_eq!(refused.unwrap_err().code(), "province.nothing_to_forward");
    assert_eq!(empty.setting(kongthun::store::province::PROVINCE_NAME).unwrap(), None);
    let kk_1 = forward_of(&mut kk, &kk_key, "ขอนแก่น", &stick);
    let mk_1 = forward_of(&mut mk, &mk_key, "มหาสารคาม", &stick);
    for (in_kk, rest) in [(true, &kk1_rest), (true, &kk2_rest), (false, &mk1_rest)] {
        import(if in_kk { &mut kk } else { &mut mk }, rest).unwrap();
    }
    let kk_2 = forward_of(&mut kk, &kk_key, "ขอนแก่น", &stick);
    let mk_2 = forward_of(&mut mk, &mk_key, "มหาสารคาม", &stick);
    let again = kongthun::ops::forward::forward(
        &mut kk,
        &kongthun::ops::forward::province_key(&kk_key).unwrap(),
        None,
        &stick,
        "x",
        "t",
    );
    assert_eq!(again.unwrap_err().code(), "province.nothing_to_forward");
    // the province's name is its own: another one is refused
    let secret = kongthun::ops::forward::province_key(&kk_key).unwrap();
    let other = kongthun::ops::forward::forward(&mut kk, &secret, Some("อุดรธานี"), &stick, "x", "t");
    assert_eq!(other.unwrap_err().code(), "invalid.unknown_choice");
    // a lost folder is written again, byte for byte
    let rewritten = work.path().join("rewritten");
    std::fs::create_dir_all(&rewritten).unwrap();
    let copy = kongthun::ops::forward::forward_again(&kk, 1, &rewritten).unwrap().folder;
    for name in ["forward.json", "forward.sig", "bundles/KK-0001-0001.kongthun"] {
        assert_eq!(
            std::fs::read(copy.join(name)).unwrap(),
            std::fs::read(kk_1.join(name)).unwrap()
        );
    }

    let mut nation = open(&work.path().join("nation"));
    // a forward from a province not enrolled is refused
    assert_eq!(import_forward(&mut nation, &kk_1).unwrap_err().code(), "forward.unknown_province");
    for folder in [&kk_1, &mk_1] {
        let preview =
            kongthun::ops::forward::enrol_province(&mut nation, folder, None, "ส่วนกลาง", "t")
                .unwrap();
        assert!(!preview.enrolled);
        let wrong = kongthun::ops::forward::enrol_province(
            &mut nation,
            folder,
            Some("0000-0000-0000-0000-0000"),
            "ส่วนกลาง",
            "t",
        );
        assert_eq!(wrong.unwrap_err().code(), "province.fingerprint_mismatch");
        kongthun::ops::forward::enrol_province(
            &mut nation,
            folder,
            Some(&preview.key_fingerprint),
            "ส่วนกลาง",
            "2026-11-23T02:00:00Z",
        )
        .unwrap();
    }
    let empty = nation.content_digest().unwrap();
    // a gap: the second forward before the first; nothing written
    assert_eq!(import_forward(&mut nation, &kk_2).unwrap_err().code(), "forward.gap");
    assert_eq!(nation.content_digest().unwrap(), empty);
    let first = import_forward(&mut nation, &kk_1).unwrap();
    assert_eq!(first.result.key(), "imported");
    assert_eq!(first.funds_enrolled, ["KK-0001", "KK-0002"]);
    assert_eq!(first.bundles_imported, 2);
    let enrolled = nation.fund("KK-0001").unwrap().unwrap();
    assert_eq!(enrolled.fingerprint, kk.fund("KK-0001").unwrap().unwrap().fingerprint);
    import_forward(&mut nation, &mk_1).unwrap();

    // tampered copies of the next forward: each refused, nothing written
    let before = nation.content_digest().unwrap();
    let spoilt = |name: &str, spoil: &dyn Fn(&Path)| {
        let dir = work.path().join(name);
        copy_folder(&kk_2, &dir);
        spoil(&dir);
        dir
    };
    let cases: Vec<(PathBuf, &str)> = vec![
        (
            spoilt("flipped-bundle", &|d| {
                let f = d.join("bundles/KK-0001-0002.kongthun");
                let mut b = std::fs::read(&f).unwrap();
                let at = b.len() / 2;
                b[at] ^= 1;
                std::fs::write(f, b).unwrap();
            }),
            "forward.contents",
        ),
        (
            spoilt("edited-manifest", &|d| {
                let f = d.join("forward.json");
                let t = std::fs::read_to_string(&f).unwrap();
                std::fs::write(f, t.replace("เจ้าหน้าที่จังหวัด", "คนอื่น")).unwrap();
            }),
            "forward.bad_signature",
        ),
        (
            spoilt("extra-file", &|d| {
                std::fs::write(d.join("bundles/XX-0001-0001.kongthun"), b"PK").unwrap();
            }),
            "forward.contents",
        ),
        (
            spoilt("dropped-file", &|d| {
                std::fs::remove_file(d.join("bundles/KK-0002-0002.kongthun")).unwrap();
            }),
            "file",
        ),
    ];
    // and one signed by a stranger's key under Khon Kaen's name
    let resigned = spoilt("resigned", &|d| {
        let stranger = kongthun::bundle::keys::FundSecret::generate();
        let bytes = std::fs::read(d.join("forward.json")).unwrap();
        std::fs::write(d.join("forward.sig"), hex::encode(stranger.sign(&bytes))).unwrap();
    });
    for (dir, code) in cases.iter().chain([(resigned, "forward.bad_signature")].iter()) {
        let e = import_forward(&mut nation, dir).unwrap_err();
        assert_eq!(e.code(), *code, "{}: {e:?}", dir.display());
        assert!(!e.message_th().is_empty() && !e.message_en().is_empty());
        assert_eq!(
            nation.content_digest().unwrap(),
            before,
            "{} changed the nation",
            dir.display()
        );
    }
    let second = import_forward(&mut nation, &kk_2).unwrap();
    assert_eq!((second.result.key(), second.bundles_imported), ("imported", 2));
    import_forward(&mut nation, &mk_2).unwrap();
    // the same forward again is a no-op; an older one a replay
    let after = nation.content_digest().unwrap();
    assert_eq!(import_forward(&mut nation, &kk_2).unwrap().result.key(), "already_imported");
    assert_eq!(import_forward(&mut nation, &kk_1).unwrap_err().code(), "forward.replay");
    assert_eq!(nation.content_digest().unwrap(), after);

    // the nation holds each fund's books as its province does
    for (p, code) in [(&kk, "KK-0001"), (&kk, "KK-0002"), (&mk, "MK-0001")] {
        assert_eq!(nation.entries_of(code).unwrap(), p.entries_of(code).unwrap(), "{code}");
    }
    assert!(nation.fund("KK-0001").unwrap().unwrap().covered_to.is_some());
    // and its report is the sum of the two provinces' reports
    let (from, to) = province::government_year(2569).unwrap();
    let (from, to) = (from.to_string(), to.to_string());
    let national = province::national_report(&nation, &from, &to, "2026-09").unwrap();
    assert_eq!(national.len(), 2);
    for (p, changwat) in [(&kk, "ขอนแก่น"), (&mk, "มหาสารคาม")] {
        let mut sum = province::AreaRow { changwat: changwat.into(), ..Default::default() };
        for row in province::area_report(p, &from, &to).unwrap() {
            sum.add(&row);
        }
        let n = national.iter().find(|n| n.changwat == changwat).unwrap();
        assert_eq!(n.total, sum, "{changwat}");
        assert!(n.total.welfare_total.satang() > 0 && n.total.members_active > 0);
        assert_eq!(n.districts.iter().map(|d| d.funds).sum::<i64>(), n.total.funds);
    }
    assert_eq!(national.iter().map(|n| n.total.funds).sum::<i64>(), 3);
    // the document: every province and its total line, in Thai
    let csv = kongthun::render::province::national_report_bytes(
        &national,
        province::government_year(2569).unwrap(),
        kongthun::render::Format::Csv,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
    )
    .unwrap();
    let text = String::from_utf8(csv).unwrap();
    assert!(
        text.contains("ขอนแก่น") && text.contains("มหาสารคาม") && text.contains("รวม"),
        "{text}"
    );
    drop(kk1);
}
