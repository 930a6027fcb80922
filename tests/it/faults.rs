//! Faults on the way to a USB stick: a target that fills up part-way and a read-only one,
//! made for real as small tmpfs mounts (the tests run as root, as CI does: root ignores
//! file permissions, so a chmod would prove nothing). Each write must fail with an error
//! naming the place, leave nothing that looks like a finished file, and change nothing in
//! the book (the next export still gets the same sequence number).
use super::*;
use kongthun::ops::bundles::{export_bundle, IdPolicy};
use std::path::Path;
use std::process::Command;

/// A tmpfs of `kib` KiB, read-only if asked, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn new(kib: u32, read_only: bool) -> SmallDisk {
        let dir = tempfile::tempdir().unwrap();
        let options = format!("size={kib}k{}", if read_only { ",ro" } else { "" });
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &options, "tmpfs"])
            .arg(dir.path())
            .status()
            .expect("mount");
        assert!(status.success(), "the fault tests mount a small tmpfs and need root (as CI runs)");
        SmallDisk { dir }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn entries(&self) -> Vec<String> {
        std::fs::read_dir(self.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect()
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn demo_copy() -> (tempfile::TempDir, std::path::PathBuf, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo-small.sqlite"), &path)
        .unwrap();
    let store = Store::open(&path).unwrap();
    (dir, path, store)
}

#[test]
fn yearly_export_to_a_full_or_read_only_stick_leaves_nothing_behind() {
    let (_dir, _path, store) = demo_copy();
    for (kib, read_only) in [(48, false), (4096, true)] {
        let stick = SmallDisk::new(kib, read_only);
        let e = ops::export::export_year(&store, 2026, date(2026, 11, 22), stick.path())
            .expect_err("the stick refuses");
        assert!(
            e.message_en().contains(&stick.path().display().to_string()),
            "names the place: {}",
            e.message_en()
        );
        assert!(
            stick.entries().is_empty(),
            "left behind on a {} stick: {:?}",
            if read_only { "read-only" } else { "full" },
            stick.entries()
        );
    }
    // The same export on a stick with room works and reads back.
    let roomy = SmallDisk::new(64 * 1024, false);
    let out = ops::export::export_year(&store, 2026, date(2026, 11, 22), roomy.path()).unwrap();
    assert!(out.folder.join("SHA256SUMS").exists());
}

#[test]
fn a_bundle_that_does_not_fit_is_not_written_and_not_counted() {
    let (_dir, path, mut store) = demo_copy();
    let before = dump(&store);
    for (kib, read_only) in [(8, false), (4096, true)] {
        let stick = SmallDisk::new(kib, read_only);
        let e = export_bundle(
            &mut store,
            &today(),
            &path,
            "since-last",
            stick.path(),
            IdPolicy::Hashed,
        )
        .expect_err("the stick refuses");
        assert!(!e.message_en().is_empty());
        assert!(
            stick.entries().iter().all(|n| !n.ends_with(".kongthun")),
            "a bundle file was left: {:?}",
            stick.entries()
        );
        assert!(stick.entries().is_empty(), "partial files left: {:?}", stick.entries());
        assert!(
            store.read().last_bundle().unwrap().is_none(),
            "a failed bundle is not logged as sent"
        );
    }
    // Only the key made on first use differs; the books are as they were.
    let after = dump(&store);
    assert_eq!(
        before.lines().filter(|l| !l.contains("fund_key")).count(),
        after.lines().filter(|l| !l.contains("fund_key")).count()
    );
    let roomy = tempfile::tempdir().unwrap();
    let out =
        export_bundle(&mut store, &today(), &path, "since-last", roomy.path(), IdPolicy::Hashed)
            .unwrap();
    assert_eq!(out.sequence, 1, "the failed attempts used no sequence number");
}

#[test]
fn a_backup_that_does_not_fit_leaves_no_file_that_looks_complete() {
    let (_dir, _path, mut store) = demo_copy();
    for (kib, read_only) in [(64, false), (4096, true)] {
        let stick = SmallDisk::new(kib, read_only);
        let e =
            ops::backup::backup(&mut store, &today(), stick.path()).expect_err("the stick refuses");
        assert!(!e.message_en().is_empty());
        assert!(stick.entries().is_empty(), "left behind: {:?}", stick.entries());
        assert!(store.read().last_backup().unwrap().is_none(), "a failed backup is not logged");
    }
}

#[test]
fn a_document_saved_to_a_full_stick_leaves_no_half_pdf() {
    let (_dir, _path, store) = demo_copy();
    let stick = SmallDisk::new(12, false);
    let month = store.read().last_closed_month().unwrap().unwrap();
    let doc = ops::documents::Document::Statement { month, names: true };
    let target = stick.path().join("statement.pdf");
    assert!(
        ops::documents::save(&store, &today(), &doc, ops::documents::Format::Pdf, &target).is_err()
    );
    assert!(stick.entries().is_empty(), "left behind: {:?}", stick.entries());
}
