//! What keeps the code ready for Windows and macOS, checked here on Linux: every Unix-only
//! call stands in a `cfg(unix)` item (with its counterpart beside it), no Unix folder is
//! written in code or offered as a hint, and every file name the program writes is valid on
//! Windows and on a FAT32/exFAT stick.

use super::*;
use kongthun::domain::file_name;
use kongthun::ops::documents::{suggested_name, Document, Format};
use std::path::{Path, PathBuf};

fn code_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "src-tauri/src", "xtask/src", "office/src", "office/tests", "office/benches"]
    {
        super::layers::rust_files(&root.join(dir), &mut files);
    }
    files.sort();
    files
}

#[test]
fn unix_only_calls_stand_in_cfg_unix_items() {
    // (`Host::Unix`: the PostgreSQL client's Unix socket, which exists on Unix only)
    let unix_only =
        ["std::os::unix", "libc::statvfs", "libc::SIGPIPE", "libc::signal", "Host::Unix"];
    let mut outside = Vec::new();
    for path in code_files() {
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if line.trim_start().starts_with("//") || !unix_only.iter().any(|u| line.contains(u)) {
                continue;
            }
            // the item or block that holds it is gated: a `cfg(unix)` on one of the few
            // lines before it, or the function it is in
            let gated = lines[i.saturating_sub(12)..i].iter().any(|l| {
                ["cfg(unix)", "cfg(target_os = \"linux\")", "cfg(target_os = \"macos\")"]
                    .iter()
                    .any(|g| l.contains(g))
            });
            if !gated {
                outside.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(
        outside.is_empty(),
        "Unix-only calls outside a cfg(unix) item:\n{}",
        outside.join("\n")
    );
}

#[test]
fn no_unix_folder_is_written_in_code_or_offered_as_a_hint() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = code_files();
    for entry in std::fs::read_dir(root.join("ui")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "js" || e == "html") {
            files.push(path);
        }
    }
    let folders = ["\"/tmp", "'/tmp", "\"/media", "'/media", "~/.local", "\"/home/", "/run/media"];
    let mut found = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        // a file's own tests may name a folder of the machine they run on
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (i, line) in code.lines().enumerate() {
            if folders.iter().any(|f| line.contains(f)) {
                found.push(format!("{}:{}: {}", path.display(), i + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "Unix folders in code or hints:\n{}", found.join("\n"));
}

/// Every file and folder name under `dir`, recursively.
fn names_under(dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        out.push(path.file_name().unwrap().to_string_lossy().into_owned());
        if path.is_dir() {
            names_under(&path, out);
        }
    }
}

#[test]
fn every_file_name_the_program_writes_is_valid_on_windows_and_on_a_fat_stick() {
    let mut f = super::invariants_fixture();
    let stick = tempfile::tempdir().unwrap();
    // what it writes onto a stick: a backup, the yearly export, a bundle (after a close)
    ops::backup::backup(&mut f.store, &today(), stick.path()).unwrap();
    ops::export::export_year(&f.store, 2569, date(2026, 11, 22), stick.path()).unwrap();
    let mut names = Vec::new();
    names_under(stick.path(), &mut names);
    // the names it suggests for documents, from values as a treasurer types them
    for doc in [
        Document::Statement { month: "2569-10".into(), names: false },
        Document::TrialBalance { as_of: "31/10/2569".into() },
        Document::Voucher { entry: "RV2569/000012".into() },
        Document::Ledger {
            account: "1101".into(),
            from: "1/10/2569".into(),
            to: "31/10/2569".into(),
        },
        Document::Passbook { member_no: "12".into() },
        Document::CollectionDay { date: "20/10/2569".into() },
        Document::Year { year: 2569 },
    ] {
        for format in [Format::Pdf, Format::Csv, Format::Xlsx] {
            names.push(suggested_name(&doc, format));
        }
    }
    names.push(
        kongthun::bundle::keys::key_path(Path::new("fund.sqlite"), "T-001")
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned(),
    );
    let bad: Vec<String> =
        names.iter().filter_map(|n| file_name::problem(n).map(|p| format!("{n}: {p}"))).collect();
    assert!(names.len() > 20, "{names:?}");
    assert!(bad.is_empty(), "{bad:?}");
    // a fund code Windows keeps for a device is refused when the fund is set up
    let con = FundProfile { fund_code: "CON".into(), ..profile(FundKind::Welfare) };
    assert!(matches!(con.validate(), Err(kongthun::Error::Invalid { field: "fund_code", .. })));
}
