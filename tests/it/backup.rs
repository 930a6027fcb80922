//! Backup to a folder and restore: only a verified Kongthun database is ever restored, and
//! the current data is kept first.

use super::*;
use kongthun::Error;

#[test]
fn backup_then_restore_round_trip() {
    let mut f = fund(FundKind::Both);
    add_members(&mut f.store, 2, "2026-01-10");
    edge::deposit(&mut f.store, &today(), "1", "500", "2026-01-20", "cash").unwrap();
    let usb = tempfile::tempdir().unwrap();
    let out = ops::backup::backup(&mut f.store, &today(), usb.path()).unwrap();
    assert!(out.path.starts_with(usb.path()));
    assert!(out.path.file_name().unwrap().to_str().unwrap().starts_with("kongthun-T-001-"));
    assert_eq!(out.entries, 1);
    // no partial file left behind
    assert_eq!(std::fs::read_dir(usb.path()).unwrap().count(), 1);
    let snapshot = dump(&f.store);

    // more work after the backup, then restore it
    edge::deposit(&mut f.store, &today(), "2", "700", "2026-01-21", "cash").unwrap();
    let restored = ops::backup::restore(&mut f.store, &today(), &out.path).unwrap();
    assert_eq!(restored.entries, 1);
    let kept = restored.previous_copy.unwrap();
    assert!(kept.exists());
    assert_eq!(f.store.read().entry_count().unwrap(), 1);
    // the backup log row differs (it was written after the copy); everything else is as backed up
    let strip = |s: String| s.split("== backup_log").next().unwrap().to_string();
    assert_eq!(strip(dump(&f.store)), strip(snapshot));
    // the kept copy holds the later deposit
    let kept_store = Store::open(&kept).unwrap();
    assert_eq!(kept_store.read().entry_count().unwrap(), 2);
}

#[test]
fn restore_refuses_foreign_or_tampered_files_and_changes_nothing() {
    let mut f = fund(FundKind::Both);
    add_members(&mut f.store, 1, "2026-01-10");
    edge::deposit(&mut f.store, &today(), "1", "500", "2026-01-20", "cash").unwrap();
    let usb = tempfile::tempdir().unwrap();
    let good = ops::backup::backup(&mut f.store, &today(), usb.path()).unwrap().path;
    let before = dump(&f.store);

    let text = usb.path().join("notes.sqlite");
    std::fs::write(&text, "ไม่ใช่ฐานข้อมูล").unwrap();
    assert!(ops::backup::restore(&mut f.store, &today(), &text).is_err());

    let other = usb.path().join("other.sqlite");
    rusqlite::Connection::open(&other).unwrap().execute_batch("CREATE TABLE x (y)").unwrap();
    assert!(matches!(
        ops::backup::restore(&mut f.store, &today(), &other),
        Err(Error::NotKongthun { .. })
    ));

    let tampered = usb.path().join("tampered.sqlite");
    std::fs::copy(&good, &tampered).unwrap();
    rusqlite::Connection::open(&tampered)
        .unwrap()
        .execute_batch("DROP TRIGGER posting_no_update; UPDATE posting SET amount = amount * 10;")
        .unwrap();
    assert!(matches!(
        ops::backup::restore(&mut f.store, &today(), &tampered),
        Err(Error::ChainBroken { .. })
    ));

    assert!(
        ops::backup::restore(&mut f.store, &today(), &usb.path().join("missing.sqlite")).is_err()
    );
    assert_eq!(dump(&f.store), before);
}
