//! Hostile files on a stick: bundles and spreadsheets built to exhaust memory are refused
//! with their own code, change nothing, and the importing process (the real binary, its
//! peak memory read by `wait4`) stays within 64 MB above the largest listed file.

use kongthun::ops::province;
use kongthun::store::province::ProvinceStore;
use std::io::Write;
use std::path::{Path, PathBuf};

fn golden() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/golden/DEMO-0001-0001-2025-11_2026-10.kongthun")
}

use super::zip_entries as entries;

/// The golden bundle's entries written again, `replace` swapping one entry's contents for
/// `zeros` bytes of zeros (streamed, never held) and `extra` adding unlisted entries.
fn bundle_with(out: &Path, replace: Option<(&str, u64)>, extra: &[(&str, u64)]) {
    let options =
        zip::write::SimpleFileOptions::default().compression_level(Some(1)).large_file(false);
    let mut w = zip::ZipWriter::new(std::fs::File::create(out).unwrap());
    let zeros = vec![0u8; 1 << 20];
    let write_zeros = |w: &mut zip::ZipWriter<std::fs::File>, n: u64| {
        let mut left = n;
        while left > 0 {
            let chunk = left.min(zeros.len() as u64) as usize;
            w.write_all(&zeros[..chunk]).unwrap();
            left -= chunk as u64;
        }
    };
    for (name, data) in entries(&golden()) {
        w.start_file(name.as_str(), options).unwrap();
        match replace {
            Some((target, n)) if target == name => write_zeros(&mut w, n),
            _ => w.write_all(&data).unwrap(),
        }
    }
    for (name, n) in extra {
        w.start_file(*name, options).unwrap();
        write_zeros(&mut w, *n);
    }
    w.finish().unwrap();
}

/// Make the headers of `name` declare `size` while the data inflates to something else.
fn lie_about_size(path: &Path, name: &str, size: u32) {
    let mut bytes = std::fs::read(path).unwrap();
    assert_eq!(
        kongthun::fuzz::lie_about_size(&mut bytes, name, size),
        2,
        "local and central header of {name}"
    );
    std::fs::write(path, bytes).unwrap();
}

/// A province database with the golden bundle's fund enrolled (nothing imported yet).
fn enrolled_province(dir: &Path) -> PathBuf {
    let db = dir.join("province.sqlite");
    let mut p = ProvinceStore::open(&db).unwrap();
    let preview = province::enrol(&mut p, &golden(), None, "x", "t").unwrap();
    province::enrol(&mut p, &golden(), Some(&preview.key_fingerprint), "x", "t").unwrap();
    db
}

/// Run `kongthun province import FILE` as its own process under GNU time, which forks a
/// small process of its own and reports the child's peak resident memory (`%M`, KiB).
/// (Our own `wait4` would not do: the child's high-water mark starts at this test
/// process's size, since the child begins as a copy of it.) Returns (exit ok, stderr, bytes).
#[cfg(target_os = "linux")]
fn import_in_child(db: &Path, bundle: &Path) -> (bool, String, u64) {
    let out = std::process::Command::new("/usr/bin/time")
        .args([
            "-f",
            "peak-kib=%M",
            env!("CARGO_BIN_EXE_kongthun"),
            "province",
            "--db",
            db.to_str().unwrap(),
            "import",
            bundle.to_str().unwrap(),
        ])
        .output()
        .expect("GNU time is needed (bash .ci/run installs the package `time`)");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let peak: u64 = stderr
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("peak-kib="))
        .and_then(|k| k.trim().parse().ok())
        .expect("time's report");
    (out.status.success(), stderr, peak * 1024)
}

fn largest_listed_file() -> u64 {
    let manifest: serde_json::Value = serde_json::from_slice(
        &entries(&golden()).into_iter().find(|(n, _)| n == "manifest.json").unwrap().1,
    )
    .unwrap();
    manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["bytes"].as_u64().unwrap())
        .max()
        .unwrap()
}

const BOUND: u64 = 64 << 20;

// GNU time reads the child's peak memory; Windows and macOS have no such tool.
#[cfg(target_os = "linux")]
#[test]
fn bundle_bombs_are_refused_within_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let db = enrolled_province(dir.path());
    let digest = ProvinceStore::open(&db).unwrap().content_digest().unwrap();
    let listed =
        entries(&golden()).into_iter().find(|(n, _)| n == "data/entries.jsonl").unwrap().1.len()
            as u32;

    let unlisted = dir.path().join("unlisted.kongthun");
    bundle_with(&unlisted, None, &[("data/extra.jsonl", 3 << 30)]);
    let swapped = dir.path().join("swapped.kongthun");
    bundle_with(&swapped, Some(("data/entries.jsonl", 256 << 20)), &[]);
    let lying = dir.path().join("lying.kongthun");
    bundle_with(&lying, Some(("data/entries.jsonl", 256 << 20)), &[]);
    lie_about_size(&lying, "data/entries.jsonl", listed);
    let many = dir.path().join("many.kongthun");
    let names: Vec<String> = (0..10_000).map(|i| format!("reports/x{i}.pdf")).collect();
    bundle_with(&many, None, &names.iter().map(|n| (n.as_str(), 0u64)).collect::<Vec<_>>());

    for (bomb, code) in [
        (&unlisted, "bundle.extra_file"),
        (&swapped, "bundle.file_hash"),
        (&lying, "bundle.file_hash"),
        (&many, "bundle.too_large"),
    ] {
        // the same refusal in-process, by its code
        let e = province::import(&mut ProvinceStore::open(&db).unwrap(), bomb, false, "x", "t")
            .unwrap_err();
        assert_eq!(e.code(), code, "{}: {e}", bomb.display());
        let (ok, stderr, peak) = import_in_child(&db, bomb);
        assert!(!ok, "{} was imported", bomb.display());
        assert!(!stderr.contains("panicked"), "{stderr}");
        let file = std::fs::metadata(bomb).unwrap().len();
        let limit = BOUND + largest_listed_file() + file;
        assert!(peak < limit, "{}: peak memory {peak} bytes, bound {limit}", bomb.display());
        assert_eq!(
            ProvinceStore::open(&db).unwrap().content_digest().unwrap(),
            digest,
            "{} changed the province",
            bomb.display()
        );
    }
    // and the genuine bundle still imports the same way
    let (ok, stderr, _) = import_in_child(&db, &golden());
    assert!(ok, "{stderr}");
}

#[test]
fn spreadsheet_bombs_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let zeros_sheet = dir.path().join("zeros.xlsx");
    {
        let options = zip::write::SimpleFileOptions::default().compression_level(Some(1));
        let mut w = zip::ZipWriter::new(std::fs::File::create(&zeros_sheet).unwrap());
        w.start_file("xl/worksheets/sheet1.xml", options).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..512 {
            w.write_all(&zeros).unwrap();
        }
        w.finish().unwrap();
    }
    let many = dir.path().join("many.xlsx");
    {
        let mut w = zip::ZipWriter::new(std::fs::File::create(&many).unwrap());
        for i in 0..10_000 {
            w.start_file(format!("x{i}.xml"), zip::write::SimpleFileOptions::default()).unwrap();
        }
        w.finish().unwrap();
    }
    // a workbook that declares a billion shared strings in a tiny file
    let lying_strings = dir.path().join("strings.xlsx");
    {
        let mut w = zip::ZipWriter::new(std::fs::File::create(&lying_strings).unwrap());
        w.start_file("xl/sharedStrings.xml", zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(br#"<?xml version="1.0"?><sst xmlns="x" uniqueCount="1000000000"></sst>"#)
            .unwrap();
        w.finish().unwrap();
    }
    for bomb in [&zeros_sheet, &many, &lying_strings] {
        let e = kongthun::ops::import::read_rows(bomb).unwrap_err();
        assert_eq!(e.code(), "file", "{}: {e}", bomb.display());
    }
}
