//! Crash safety, short run: the real binary records a collection day of 300 receipts and is
//! killed with SIGKILL at random moments. After every kill the file passes SQLite's
//! integrity check and our chain verification, and the day is all there or not there at
//! all: all there whenever the process reported success (a kill just after the commit may
//! leave a whole day the process had no time to report).

use std::process::Command;
use std::time::Duration;

#[test]
fn sigkill_during_a_collection_day_leaves_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fund.sqlite");
    let bin = env!("CARGO_BIN_EXE_kongthun");
    let run = |args: &[&str]| {
        Command::new(bin)
            .args(args)
            .env("KONGTHUN_DB", &db)
            .env("KONGTHUN_NOW", "2026-11-22T03:00:00Z")
            .output()
            .unwrap()
    };
    assert!(run(&["demo", "--members", "300", "--years", "1", "--seed", "3"]).status.success());
    let entries = |db: &std::path::Path| -> i64 {
        let store = kongthun::store::Store::open(db).unwrap();
        let ok: String = store
            .raw_connection_for_tests()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        store.read().verify_chain().unwrap().entries
    };
    let mut expected = entries(&db);
    let active = {
        let store = kongthun::store::Store::open(&db).unwrap();
        store.read().member_count(Some(kongthun::domain::MemberStatus::Active)).unwrap()
    };
    // a deterministic spread of kill delays, from before the transaction starts to after it ends
    let delays = [0u64, 5, 15, 30, 45, 60, 80, 100, 130, 170, 220, 300, 3000];
    let mut killed = 0;
    for (i, delay) in delays.iter().enumerate() {
        let date = format!("2026-11-{:02}", i + 1);
        let mut child = Command::new(bin)
            .args(["collect", "--all-due", "--date", &date])
            .env("KONGTHUN_DB", &db)
            .env("KONGTHUN_NOW", "2026-11-22T03:00:00Z")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(*delay));
        let _ = child.kill(); // SIGKILL on Unix
        let status = child.wait().unwrap();
        let now = entries(&db);
        if status.success() {
            // Reported committed: the whole day is there.
            expected += active;
            assert_eq!(now, expected, "a reported day is missing (kill at {delay} ms)");
        } else {
            // Killed: before the commit nothing is there, after it (before the process could
            // say so) the whole day is; never a part of it.
            killed += 1;
            assert!(
                now == expected || now == expected + active,
                "after a kill at {delay} ms: {now} entries, expected {expected} or {}",
                expected + active
            );
            expected = now;
        }
    }
    eprintln!("{killed} of {} collection days killed, the rest completed", delays.len());
    assert!(killed > 0, "no run was actually killed");
    assert!(killed < delays.len(), "no run completed: the check never saw a committed day");
}
