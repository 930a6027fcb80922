//! `cargo xtask crash [--kills N] [--seed S]`: the long crash run. The real `kongthun`
//! binary runs collection days (300 receipts in one transaction), backups and bundle exports
//! on a demo fund and is killed with SIGKILL at random moments until N kills have landed.
//! After every kill: `PRAGMA integrity_check` is ok, the hash chain verifies, every
//! collection day the child reported committed is there, and a killed one is wholly there
//! or wholly absent; every backup file
//! with a finished name opens as a verified Kongthun book; every bundle file with a
//! finished name opens with all its file hashes right. (The short run is in the test
//! command: tests/it/crash.rs.)
//!
//! `cargo xtask fuzz-seeds`: the fuzz targets' starting inputs (see fuzz_seeds.rs).
//!
//! `cargo xtask bench`: every benchmark with its baselines (benches/ledger, benches/migrate,
//! then the app's launch bench), each rewriting its section of docs/benchmarks.md.
mod fuzz_seeds;

use rand::{Rng, SeedableRng};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const NOW: &str = "2026-11-22T03:00:00Z";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str, default: u64| -> u64 {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    match args.first().map(String::as_str) {
        Some("crash") => crash(flag("--kills", 100) as usize, flag("--seed", 42)),
        Some("bench") => bench(),
        Some("fuzz-seeds") => {
            fuzz_seeds::write_seeds(&Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        }
        _ => {
            eprintln!("usage: cargo xtask crash [--kills N] [--seed S] | cargo xtask bench | cargo xtask fuzz-seeds");
            std::process::exit(2);
        }
    }
}

fn bench() {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for args in [
        &["bench", "-p", "kongthun", "--bench", "ledger"][..],
        &["bench", "-p", "kongthun", "--bench", "migrate"][..],
        &["bench", "-p", "kongthun-app", "--bench", "launch"][..],
    ] {
        let status = Command::new(&cargo).args(args).current_dir(&root).status().unwrap();
        assert!(status.success(), "cargo {} failed", args.join(" "));
    }
    println!("docs/benchmarks.md rewritten");
}

fn kongthun_binary() -> PathBuf {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(cargo)
        .args(["build", "--release", "-p", "kongthun", "--bin", "kongthun"])
        .status()
        .unwrap();
    assert!(status.success(), "building kongthun failed");
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"));
    target.join("release/kongthun")
}

#[derive(Clone, Copy, Debug)]
enum Op {
    Collect,
    Backup,
    Bundle,
}

struct Book {
    bin: PathBuf,
    db: PathBuf,
    backups: PathBuf,
    bundles: PathBuf,
}

impl Book {
    fn command(&self, op: Op, day: u32) -> Command {
        let mut c = Command::new(&self.bin);
        c.env("KONGTHUN_DB", &self.db)
            .env("KONGTHUN_NOW", NOW)
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        match op {
            Op::Collect => c.args([
                "collect",
                "--all-due",
                "--savings",
                "20",
                "--date",
                &format!("2026-11-{:02}", day),
            ]),
            // Backups are named by the second and the clock is fixed: one folder per attempt.
            Op::Backup => c.arg("backup").arg(self.backups.join(format!("{day}"))),
            Op::Bundle => {
                c.args(["bundle", "export", "--period", "2026-10", "--to"]).arg(&self.bundles)
            }
        };
        c
    }

    /// Everything that must hold after any kill; returns the number of entries.
    fn check(&self, expected_entries: i64, after: &str) -> i64 {
        let store = kongthun::store::Store::open(&self.db)
            .unwrap_or_else(|e| panic!("{after}: the book does not open: {}", e.message_en()));
        let ok: String = store
            .raw_connection_for_tests()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok", "{after}: integrity_check");
        let chain = store
            .read()
            .verify_chain()
            .unwrap_or_else(|e| panic!("{after}: the chain does not verify: {}", e.message_en()));
        assert_eq!(
            chain.entries, expected_entries,
            "{after}: committed collection days present, no others"
        );
        let folders: Vec<PathBuf> =
            std::fs::read_dir(&self.backups).unwrap().map(|e| e.unwrap().path()).collect();
        for file in folders.iter().flat_map(|f| finished_files(f, ".sqlite")) {
            kongthun::store::inspect_database(&file).unwrap_or_else(|e| {
                panic!(
                    "{after}: a backup with a finished name is not good: {}: {}",
                    file.display(),
                    e.message_en()
                )
            });
        }
        for file in finished_files(&self.bundles, ".kongthun") {
            let bytes = std::fs::read(&file).unwrap();
            kongthun::bundle::verify::open(&bytes).unwrap_or_else(|e| {
                panic!(
                    "{after}: a bundle with a finished name is not good: {}: {}",
                    file.display(),
                    e.message_en()
                )
            });
        }
        chain.entries
    }
}

/// Files whose names say they are finished (temporary ones start with a dot).
fn finished_files(dir: &Path, suffix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    let name = p.file_name().unwrap().to_string_lossy();
                    !name.starts_with('.') && name.ends_with(suffix)
                })
                .collect()
        })
        .unwrap_or_default()
}

fn crash(kills_wanted: usize, seed: u64) {
    let bin = kongthun_binary();
    let dir = tempfile::tempdir().unwrap();
    let book = Book {
        bin,
        db: dir.path().join("fund.sqlite"),
        backups: dir.path().join("backups"),
        bundles: dir.path().join("bundles"),
    };
    std::fs::create_dir_all(&book.backups).unwrap();
    std::fs::create_dir_all(&book.bundles).unwrap();
    let demo = Command::new(&book.bin)
        .args(["demo", "--members", "300", "--years", "1", "--seed", "3"])
        .env("KONGTHUN_DB", &book.db)
        .env("KONGTHUN_NOW", NOW)
        .output()
        .unwrap();
    assert!(demo.status.success(), "demo: {}", String::from_utf8_lossy(&demo.stderr));
    let active = kongthun::store::Store::open(&book.db)
        .unwrap()
        .read()
        .member_count(Some(kongthun::domain::MemberStatus::Active))
        .unwrap();
    let mut entries = book.check(
        kongthun::store::Store::open(&book.db).unwrap().read().entry_count().unwrap(),
        "start",
    );

    // How long each operation takes when left alone, to spread the kills over its span.
    let mut span = std::collections::HashMap::new();
    for (i, op) in [Op::Collect, Op::Backup, Op::Bundle].into_iter().enumerate() {
        let start = Instant::now();
        let status =
            book.command(op, if let Op::Backup = op { 99 } else { 1 + i as u32 }).status().unwrap();
        assert!(status.success(), "{op:?} alone failed");
        span.insert(format!("{op:?}"), start.elapsed());
        if let Op::Collect = op {
            entries += active;
        }
        entries = book.check(entries, &format!("{op:?} alone"));
    }
    println!("unkilled: {:?}", span);

    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(seed);
    let (mut kills, mut completed, mut attempts) = (0usize, 0usize, 0usize);
    let mut by_op: std::collections::BTreeMap<String, (usize, usize)> = Default::default();
    let started = Instant::now();
    while kills < kills_wanted {
        attempts += 1;
        let op = [Op::Collect, Op::Collect, Op::Backup, Op::Bundle][rng.gen_range(0..4)];
        let whole = span[&format!("{op:?}")];
        let delay =
            Duration::from_micros(rng.gen_range(0..(whole.as_micros() as u64 * 3 / 2).max(1)));
        let day = match op {
            Op::Backup => attempts as u32 + 100,
            _ => 1 + (attempts % 22) as u32,
        };
        let mut child = book.command(op, day).spawn().unwrap();
        std::thread::sleep(delay);
        let _ = child.kill();
        let status = child.wait().unwrap();
        // A run that failed by itself (not killed) would be a bug, not a crash to survive.
        assert!(
            status.success() || killed_by_us(&status),
            "attempt {attempts} ({op:?}) failed on its own: {status:?}"
        );
        let tally = by_op.entry(format!("{op:?}")).or_default();
        if status.success() {
            completed += 1;
            tally.1 += 1;
            if let Op::Collect = op {
                entries += active;
            }
        } else {
            kills += 1;
            tally.0 += 1;
        }
        let after = format!(
            "attempt {attempts} ({op:?}, killed after {delay:?}, success {})",
            status.success()
        );
        if !status.success() {
            if let Op::Collect = op {
                // Killed just after its commit, a day is whole though never reported: allow
                // all or nothing, never a part.
                let now =
                    kongthun::store::Store::open(&book.db).unwrap().read().entry_count().unwrap();
                assert!(
                    now == entries || now == entries + active,
                    "{after}: {now} entries, expected {entries} or {}",
                    entries + active
                );
                entries = now;
            }
        }
        entries = book.check(entries, &after);
        if attempts % 25 == 0 {
            println!(
                "{attempts} attempts: {kills} killed, {completed} completed, {entries} entries"
            );
        }
    }
    println!(
        "crash run (seed {seed}): {attempts} attempts, {kills} killed by SIGKILL, {completed} completed, in {:.1} s; by operation (killed, completed): {by_op:?}",
        started.elapsed().as_secs_f64()
    );
    println!("after every kill: integrity_check ok, chain verified, {entries} entries = every reported collection day and no other; every finished backup and bundle file good");
}

/// Whether a child ended because `Child::kill` stopped it: SIGKILL on Unix; on Windows
/// `TerminateProcess`, which Rust calls with exit code 1.
#[cfg(unix)]
fn killed_by_us(status: &std::process::ExitStatus) -> bool {
    use std::os::unix::process::ExitStatusExt;
    status.signal() == Some(9)
}

#[cfg(not(unix))]
fn killed_by_us(status: &std::process::ExitStatus) -> bool {
    status.code() == Some(1)
}
