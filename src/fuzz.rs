//! The bodies of the fuzz targets in `fuzz/` (cargo-fuzz), kept in the library so the same
//! code runs under `cargo test` over every committed seed and every input that once crashed
//! (`fuzz/seeds/`, `fuzz/regressions/`; see `tests/it/fuzz_regressions.rs`).
//!
//! Each function takes untrusted bytes, runs them through the real parsing and checking a
//! treasurer's or an officer's file goes through, and panics only when an invariant breaks:
//! a refused input must change nothing, an accepted amount or date must read back the same.

use crate::bundle::archive::zip_bundle;
use crate::bundle::keys::{fingerprint, key_path, FundSecret};
use crate::demo::{build, DemoSpec};
use crate::domain::date;
use crate::domain::money::{Satang, Sign};
use crate::domain::FundProfile;
use crate::domain::{FundKind, Schedule};
use crate::ops::bundles::{export_bundle, IdPolicy};
use crate::ops::{self, Ctx};
use crate::store::province::ProvinceStore;
use crate::store::Store;
use chrono::{TimeZone, Utc};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The fuzz targets, by the name cargo-fuzz and the seed folders use.
pub const TARGETS: &[&str] = &["amount", "date", "member_csv", "member_xlsx", "bundle"];

/// Run one input through the named target.
pub fn run(target: &str, data: &[u8]) {
    match target {
        "amount" => amount(data),
        "date" => date(data),
        "member_csv" => member_csv(data),
        "member_xlsx" => member_xlsx(data),
        "bundle" => {
            bundle(data);
        }
        other => panic!("no fuzz target {other}"),
    }
}

fn ctx() -> Ctx {
    Ctx { recorded_by: "fuzz".into(), now: Utc.with_ymd_and_hms(2026, 11, 22, 5, 0, 0).unwrap() }
}

/// Typed amounts: parsing never panics; an accepted amount prints and parses back to itself,
/// survives the trip through `Decimal`, and respects the sign it was asked for.
pub fn amount(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for sign in [Sign::Any, Sign::NonNegative, Sign::Positive] {
        if let Ok(value) = Satang::parse(text, sign) {
            match sign {
                Sign::NonNegative => {
                    assert!(value.satang() >= 0, "{text:?} gave {value:?} for a non-negative field")
                }
                Sign::Positive => {
                    assert!(value.satang() > 0, "{text:?} gave {value:?} for a positive field")
                }
                Sign::Any => {}
            }
            let shown = value.display();
            assert_eq!(Satang::parse(&shown, Sign::Any), Ok(value), "{text:?} -> {shown:?}");
            let thai = crate::thai::amount(value.satang(), crate::thai::Digits::Thai);
            assert_eq!(Satang::parse(&thai, Sign::Any), Ok(value), "{text:?} -> {thai:?}");
            assert_eq!(Satang::try_from_decimal(value.to_decimal()), Ok(value));
            let _ = crate::thai::baht_text(value.satang());
        }
    }
}

/// Typed dates and months: never a panic; an accepted date prints (ISO and Thai BE numeric)
/// and parses back to itself.
pub fn date(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(d) = date::parse(text) {
        assert_eq!(date::parse(&d.to_string()), Ok(d), "{text:?}");
        for digits in [crate::thai::Digits::Arabic, crate::thai::Digits::Thai] {
            let shown = crate::thai::date_numeric(d, digits);
            assert_eq!(date::parse(&shown), Ok(d), "{text:?} -> {shown:?}");
            let _ = crate::thai::date_long(d, digits);
        }
    }
    if let Ok((y, m)) = date::parse_month(text) {
        assert!((1..=12).contains(&m));
        let key = date::month_key(date::first_of_month(y, m));
        assert_eq!(date::parse_month(&key), Ok((y, m)), "{text:?}");
        let _ = date::last_of_month(y, m);
    }
}

/// A new fund in memory: a page copy of one built once per thread (building one per input
/// made the import targets ten times slower).
fn fund_in_memory() -> Store {
    thread_local! {
        static TEMPLATE: Store = new_fund_in_memory();
    }
    TEMPLATE.with(|t| t.copy_in_memory().expect("copy of the template fund"))
}

fn new_fund_in_memory() -> Store {
    let mut store = Store::open_in_memory().expect("in-memory store");
    let profile = FundProfile {
        name_th: "กองทุนทดสอบ".into(),
        name_en: "Fuzz fund".into(),
        kind: FundKind::Both,
        fund_code: "FZ-001".into(),
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
    };
    ops::fund::init_fund(&mut store, &ctx(), &profile).expect("fund");
    store
}

/// A member file's rows into a new fund, both all-or-nothing and good-rows-only: a refused
/// import writes nothing; an accepted one adds exactly the members it reports.
fn member_rows(rows: crate::Result<Vec<Vec<String>>>) {
    let Ok(rows) = rows else { return };
    for good_rows_only in [false, true] {
        let mut store = fund_in_memory();
        let before = store.read().member_count(None).expect("count");
        let result = ops::import::import_member_rows(
            &mut store,
            &ctx(),
            &rows,
            Path::new("fuzz"),
            good_rows_only,
        );
        let after = store.read().member_count(None).expect("count");
        match result {
            Ok(report) => {
                assert_eq!(after - before, report.imported as i64);
                assert_eq!(
                    report.imported + report.skipped.len(),
                    report.total_rows,
                    "every row imported or reported"
                );
                if !good_rows_only {
                    assert!(report.skipped.is_empty());
                }
            }
            Err(_) => assert_eq!(after, before, "a refused import wrote members"),
        }
        store.read().verify_chain().expect("chain after import");
    }
}

pub fn member_csv(data: &[u8]) {
    member_rows(ops::import::csv_rows(data, Path::new("fuzz.csv")));
}

pub fn member_xlsx(data: &[u8]) {
    member_rows(ops::import::spreadsheet_rows(data, Path::new("fuzz.xlsx")));
}

/// What the bundle target keeps between inputs: a province database with the demo fund
/// enrolled (copied fresh for every input) and the fund's signing key, so that inputs get
/// past the signature and reach the registry, chain and data checks.
struct BundleBench {
    work: PathBuf,
    template: PathBuf,
    secret: FundSecret,
    seed: Vec<u8>,
}

/// Parts of a bundle input are separated by 0xFF (never in UTF-8 text): first
/// `manifest.json`, then one part per data file, its path, a newline, its content. A path
/// starting with `!` is put in the zip but not listed in the manifest (an unlisted entry); one
/// starting with `~` is listed as the first half of its content, and its zip headers declare
/// that size while the data inflates to the whole (a header that lies).
const PART: u8 = 0xFF;

/// Rewrite the uncompressed size that the local and central zip headers of `name` declare;
/// returns how many headers were changed (2 for an entry found once).
pub fn lie_about_size(zip_bytes: &mut [u8], name: &str, size: u32) -> usize {
    let mut patched = 0;
    let mut i = 0;
    while i + 46 < zip_bytes.len() {
        let signature = u32::from_le_bytes([
            zip_bytes[i],
            zip_bytes[i + 1],
            zip_bytes[i + 2],
            zip_bytes[i + 3],
        ]);
        let (size_at, name_len_at, name_at) = match signature {
            0x0403_4b50 => (22, 26, 30),
            0x0201_4b50 => (24, 28, 46),
            _ => {
                i += 1;
                continue;
            }
        };
        let name_len =
            u16::from_le_bytes([zip_bytes[i + name_len_at], zip_bytes[i + name_len_at + 1]])
                as usize;
        if zip_bytes.get(i + name_at..i + name_at + name_len) == Some(name.as_bytes()) {
            zip_bytes[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
        i += 4;
    }
    patched
}

fn bundle_bench() -> &'static BundleBench {
    static BENCH: std::sync::OnceLock<BundleBench> = std::sync::OnceLock::new();
    BENCH.get_or_init(|| {
        let work =
            std::env::temp_dir().join(format!("kongthun-fuzz-bundle-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&work);
        std::fs::create_dir_all(work.join("usb")).expect("work dir");
        let db = work.join("fund.sqlite");
        let mut store = Store::open(&db).expect("fund");
        build(
            &mut store,
            &DemoSpec { members: 4, years: 1, seed: 7, until: (2026, 2), ..Default::default() },
        )
        .expect("demo");
        let out = export_bundle(
            &mut store,
            &ctx(),
            &db,
            "since-last",
            &work.join("usb"),
            IdPolicy::Hashed,
        )
        .expect("bundle");
        let code = store.read().fund().expect("fund").expect("fund").profile.fund_code;
        let secret = FundSecret::load(&key_path(&db, &code)).expect("key");
        let template = work.join("province-template.sqlite");
        {
            let mut province = ProvinceStore::open(&template).expect("province");
            let preview =
                ops::province::enrol(&mut province, &out.path, None, "fuzz", "t").expect("preview");
            ops::province::enrol(
                &mut province,
                &out.path,
                Some(&preview.key_fingerprint),
                "fuzz",
                "t",
            )
            .expect("enrol");
        }
        let bytes = std::fs::read(&out.path).expect("bundle bytes");
        let opened = crate::bundle::verify::open(&bytes).expect("own bundle");
        let mut seed = serde_json::to_vec_pretty(&opened.manifest).expect("manifest");
        for (path, content) in opened.files.iter().filter(|(p, _)| p.starts_with("data/")) {
            seed.push(PART);
            seed.extend_from_slice(path.as_bytes());
            seed.push(b'\n');
            seed.extend_from_slice(content);
        }
        BundleBench { work, template, secret, seed }
    })
}

/// The bundle target's starting input: the demo fund's first bundle, in the parts format.
pub fn bundle_seed() -> Vec<u8> {
    bundle_bench().seed.clone()
}

/// Seeds that aim at the reading bounds: the demo bundle with an unlisted entry, and with
/// its entries file listed at its own size while the zip data inflates to twice that.
pub fn bundle_bound_seeds() -> Vec<(&'static str, Vec<u8>)> {
    let seed = bundle_seed();
    let mut unlisted = seed.clone();
    unlisted.push(PART);
    unlisted.extend_from_slice(b"!data/extra.jsonl\n");
    unlisted.extend_from_slice(&[0u8; 4096]);
    let mut lying = Vec::new();
    for (i, part) in seed.split(|b| *b == PART).enumerate() {
        if i > 0 {
            lying.push(PART);
        }
        match part.strip_prefix(b"data/entries.jsonl\n".as_slice()) {
            Some(content) => {
                lying.extend_from_slice(b"~data/entries.jsonl\n");
                lying.extend_from_slice(content);
                lying.extend_from_slice(content);
            }
            None => lying.extend_from_slice(part),
        }
    }
    vec![("unlisted-entry", unlisted), ("lying-header", lying)]
}

/// A bundle built from the input's parts, signed with the enrolled fund's key (its manifest's
/// key, fingerprint and file list set to match when it is a JSON object), imported into a
/// fresh copy of the enrolled province database. Refused or not, never a panic; a refused
/// bundle leaves the database as it was; a dry run never writes. Returns what the import
/// said (`imported`, `already_imported`) or the refusal's code.
pub fn bundle(data: &[u8]) -> String {
    let bench = bundle_bench();
    let mut parts = data.split(|b| *b == PART);
    let manifest_part = parts.next().unwrap_or_default();
    let mut files = Vec::new();
    for part in parts {
        let split = part.iter().position(|b| *b == b'\n').unwrap_or(part.len());
        let path = String::from_utf8_lossy(&part[..split]).into_owned();
        let content = part.get(split + 1..).unwrap_or_default().to_vec();
        files.push((path, content));
    }
    let manifest = match serde_json::from_slice::<serde_json::Value>(manifest_part) {
        Ok(serde_json::Value::Object(mut m)) => {
            let public = bench.secret.public();
            m.insert("public_key".into(), hex::encode(public).into());
            m.insert("key_fingerprint".into(), fingerprint(&public).into());
            let listed: Vec<serde_json::Value> = files
                .iter()
                .filter(|(p, _)| !p.starts_with('!'))
                .map(|(p, d)| {
                    let (path, shown) = match p.strip_prefix('~') {
                        Some(path) => (path, &d[..d.len() / 2]),
                        None => (p.as_str(), &d[..]),
                    };
                    serde_json::json!({"path": path, "bytes": shown.len(), "sha256": hex::encode(Sha256::digest(shown))})
                })
                .collect();
            m.insert("files".into(), listed.into());
            serde_json::to_vec(&m).expect("json")
        }
        _ => manifest_part.to_vec(),
    };
    let signature = hex::encode(bench.secret.sign(&manifest));
    // A zip refuses two files of one name; the bundle reader must refuse them too, so the
    // input's duplicates are dropped here only because the writer cannot write them.
    let mut seen = std::collections::HashSet::new();
    let mut lies = Vec::new();
    for (path, data) in files.iter_mut() {
        if let Some(unlisted) = path.strip_prefix('!') {
            *path = unlisted.to_string();
        } else if let Some(lying) = path.strip_prefix('~') {
            *path = lying.to_string();
            lies.push((path.clone(), (data.len() / 2) as u32));
        }
    }
    files.retain(|(p, _)| seen.insert(p.clone()) && p != "manifest.json" && p != "manifest.sig");
    let Ok(mut bytes) = zip_bundle(&manifest, signature.as_bytes(), &files) else {
        return "unwritable".into();
    };
    for (path, size) in lies {
        lie_about_size(&mut bytes, &path, size);
    }

    // One folder per thread: tests run targets side by side in one process.
    let folder = bench.work.join(
        format!("{:?}", std::thread::current().id())
            .replace(|c: char| !c.is_ascii_alphanumeric(), ""),
    );
    let _ = std::fs::remove_dir_all(&folder);
    std::fs::create_dir_all(&folder).expect("thread folder");
    let db = folder.join("province.sqlite");
    std::fs::copy(&bench.template, &db).expect("province copy");
    let mut province = ProvinceStore::open(&db).expect("province");
    let before = province.content_digest().expect("digest");
    let dry = ops::province::import_bytes(&mut province, &bytes, true, "fuzz", "t");
    assert_eq!(province.content_digest().expect("digest"), before, "a dry run wrote");
    let real = ops::province::import_bytes(&mut province, &bytes, false, "fuzz", "t");
    match (&dry, &real) {
        (Ok(_), Ok(_)) => {}
        (Err(a), Err(b)) => assert_eq!(a.code(), b.code(), "dry run and import disagree"),
        _ => panic!(
            "dry run said {:?}, import said {:?}",
            dry.map(|o| o.result),
            real.map(|o| o.result)
        ),
    }
    match real {
        Ok(outcome) => outcome.result.key().to_string(),
        Err(e) => {
            assert_eq!(
                province.content_digest().expect("digest"),
                before,
                "a refused bundle wrote"
            );
            e.code().to_string()
        }
    }
}
