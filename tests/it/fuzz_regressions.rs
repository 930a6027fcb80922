//! The fuzz targets' bodies (`kongthun::fuzz`) over every committed seed and every input
//! that once made a target fail (`fuzz/regressions/<target>/`, each named for what it
//! found). A fixed crash stays fixed; the seeds stay meaningful (the bundle seed must import).

use std::path::Path;

fn inputs(kind: &str, target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz").join(kind).join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return Vec::new() };
    let mut files: Vec<_> = entries
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn every_seed_and_saved_crash_runs_clean() {
    let mut ran = 0;
    for target in kongthun::fuzz::TARGETS {
        let seeds = inputs("seeds", target);
        assert!(
            !seeds.is_empty(),
            "no seeds for fuzz target {target}: run `cargo xtask fuzz-seeds`"
        );
        for (name, data) in seeds.into_iter().chain(inputs("regressions", target)) {
            let outcome = std::panic::catch_unwind(|| kongthun::fuzz::run(target, &data));
            assert!(outcome.is_ok(), "fuzz target {target} fails on {name}");
            ran += 1;
        }
    }
    assert!(ran >= 15);
}

#[test]
fn the_bundle_seed_reaches_the_import() {
    // If the harness re-signs wrongly or the seed goes stale, every fuzzed bundle would stop
    // at the signature and the target would test nothing past it.
    let seed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/bundle/demo-first-bundle"),
    )
    .unwrap();
    assert_eq!(kongthun::fuzz::bundle(&seed), "imported");
    let mut broken = seed.clone();
    let at =
        broken.windows(9).position(|w| w == b"\"entries\"").expect("entries count in the manifest");
    broken.insert(at, b' ');
    assert_eq!(
        kongthun::fuzz::bundle(&broken),
        "imported",
        "whitespace in the manifest is re-signed, still imports"
    );
    let needle: &[u8] = "\"description\":\"รับ".as_bytes();
    let at = seed.windows(needle.len()).position(|w| w == needle).expect("an entry's description");
    let mut tampered = seed.clone();
    tampered.splice(at + needle.len()..at + needle.len(), "แก้".bytes());
    assert_eq!(
        kongthun::fuzz::bundle(&tampered),
        "bundle.chain",
        "a changed entry must break the chain check"
    );
    // the seeds aimed at the reading bounds reach them
    for (name, want) in
        [("unlisted-entry", "bundle.extra_file"), ("lying-header", "bundle.file_hash")]
    {
        let committed = std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/bundle").join(name),
        )
        .unwrap();
        assert_eq!(kongthun::fuzz::bundle(&committed), want, "{name}");
    }
    for (name, seed) in kongthun::fuzz::bundle_bound_seeds() {
        let want = if name == "unlisted-entry" { "bundle.extra_file" } else { "bundle.file_hash" };
        assert_eq!(kongthun::fuzz::bundle(&seed), want, "{name}, made afresh");
    }
}

#[test]
fn member_seeds_import_their_good_rows() {
    let csv = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/member_csv/thai-header"),
    )
    .unwrap();
    let rows = kongthun::ops::import::csv_rows(&csv, Path::new("seed.csv")).unwrap();
    assert_eq!(rows.len(), 4);
    let xlsx = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/member_xlsx/thai-header.xlsx"),
    )
    .unwrap();
    let sheet = kongthun::ops::import::spreadsheet_rows(&xlsx, Path::new("seed.xlsx")).unwrap();
    assert_eq!(
        sheet,
        rows[..]
            .iter()
            .map(|r| r
                .iter()
                .map(|c| c.trim_start_matches('\u{feff}').to_string())
                .collect::<Vec<_>>())
            .collect::<Vec<_>>()
    );
}
