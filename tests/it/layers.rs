//! The layers hold: every `crate::` path in `src/` is read and checked against the rules of
//! ARCHITECTURE.md ("Layers and what each must not know"), so an upward edge fails here the
//! day it is written. The checker is tested on a forbidden line too, so it cannot pass by
//! reading nothing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Which top-level modules of the crate each may use (besides itself). Keep in step with
/// ARCHITECTURE.md.
fn allowed(module: &str) -> Option<&'static [&'static str]> {
    Some(match module {
        "thai" => &[],
        "error" => &["thai", "domain"],
        "domain" => &["thai", "error"],
        "bounded" => &["error"],
        "store" => &["domain", "error", "thai"],
        "report" => &["store", "domain", "error", "thai"],
        // render takes report data; of the store it may name the plain row types a report
        // hands over (never `Reader`, `Store` or `Tx`: see `render_reads_no_database`)
        "render" => &["report", "store", "domain", "error", "thai"],
        "bundle" => &["bounded", "domain", "error"],
        "ops" => &["bundle", "render", "report", "store", "domain", "bounded", "error", "thai"],
        "demo" => &["ops", "store", "domain", "error", "thai"],
        "cli" => &["ops", "report", "render", "bundle", "store", "demo", "domain", "error", "thai"],
        // the fuzz targets' bodies reach everything on purpose
        "fuzz" => &[
            "ops", "bundle", "render", "report", "store", "domain", "bounded", "demo", "error",
            "thai",
        ],
        _ => return None,
    })
}

fn module_of(relative: &Path) -> Option<String> {
    let first = relative.components().next()?.as_os_str().to_str()?;
    let name = first.trim_end_matches(".rs");
    (name != "lib" && name != "main").then(|| name.to_string())
}

/// Code without its comments (line comments, doc comments), so prose may name anything.
fn code_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.split("//").next().unwrap_or("")))
        .filter(|(_, l)| !l.trim().is_empty())
}

/// Every forbidden `crate::X` edge in one file of module `module`: (line, used module).
fn forbidden_edges(module: &str, text: &str) -> Vec<(usize, String)> {
    let allowed = allowed(module)
        .unwrap_or_else(|| panic!("module {module} has no rule in tests/it/layers.rs"));
    let mut out = Vec::new();
    for (n, line) in code_lines(text) {
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let used: String =
                after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
            // `crate::Result`, `crate::Error`, `crate::Problem` are the error module's re-exports
            let used = if matches!(used.as_str(), "Result" | "Error" | "Problem") {
                "error".to_string()
            } else {
                used
            };
            if used != module && !allowed.contains(&used.as_str()) {
                out.push((n, used));
            }
            rest = after;
        }
    }
    out
}

pub fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn sources() -> Vec<(PathBuf, String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(&src).unwrap().to_path_buf();
            let module = module_of(&relative)?;
            let text = std::fs::read_to_string(&path).unwrap();
            Some((relative, module, text))
        })
        .collect()
}

#[test]
fn no_module_uses_a_layer_above_it() {
    let mut problems = Vec::new();
    let mut modules = BTreeSet::new();
    for (relative, module, text) in sources() {
        modules.insert(module.clone());
        for (line, used) in forbidden_edges(&module, &text) {
            problems
                .push(format!("src/{}:{line}: {module} uses crate::{used}", relative.display()));
        }
    }
    assert!(modules.len() >= 10, "read the whole crate: {modules:?}");
    assert!(
        problems.is_empty(),
        "edges the layer rules forbid (ARCHITECTURE.md):\n{}",
        problems.join("\n")
    );
}

#[test]
fn render_reads_no_database() {
    let mut problems = Vec::new();
    for (relative, module, text) in sources().into_iter().filter(|(_, m, _)| m == "render") {
        for (n, line) in code_lines(&text) {
            for word in ["Reader", "Store", "Tx"] {
                let hit = line.match_indices(word).any(|(at, _)| {
                    let before =
                        line[..at].chars().last().is_none_or(|c| !c.is_alphanumeric() && c != '_');
                    let after = line[at + word.len()..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric() && c != '_');
                    before && after
                });
                if hit {
                    problems
                        .push(format!("src/{}:{n} ({module}) names {word}", relative.display()));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "render is handed data; it opens no database:\n{}",
        problems.join("\n")
    );
}

#[test]
fn the_checker_catches_a_forbidden_use() {
    // How this test was checked: the lines below are what an upward edge looks like.
    assert_eq!(forbidden_edges("report", "use crate::ops::Ctx;\n"), vec![(1, "ops".to_string())]);
    assert_eq!(
        forbidden_edges("domain", "    let x = crate::store::Store::open(p);\n"),
        vec![(1, "store".to_string())]
    );
    assert!(forbidden_edges(
        "report",
        "// a comment may name crate::ops\nuse crate::store::Reader;\n"
    )
    .is_empty());
    assert_eq!(
        forbidden_edges("bundle", "fn f() -> crate::Result<()> { crate::ops::x() }"),
        vec![(1, "ops".to_string())]
    );
}

/// The screens of the window import what they share from `session.js`, `dom.js`, `format.js`
/// and `i18n.js`, never the frame (`main.js` imports every screen: an import back is a cycle).
fn screens_importing_the_frame(files: &[(String, String)]) -> Vec<String> {
    files
        .iter()
        .filter(|(name, _)| name.starts_with("screen-"))
        .flat_map(|(name, text)| {
            text.lines()
                .enumerate()
                .filter(|(_, l)| {
                    l.trim_start().starts_with("import") && l.contains("\"./main.js\"")
                })
                .map(move |(n, _)| format!("ui/{name}:{}", n + 1))
        })
        .collect()
}

#[test]
fn no_screen_imports_the_frame() {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui");
    let files: Vec<(String, String)> = std::fs::read_dir(&ui)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "js"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    assert!(files.iter().any(|(n, _)| n == "screen-reports.js"), "the screens were read");
    let cycles = screens_importing_the_frame(&files);
    assert!(cycles.is_empty(), "import from ./session.js instead: {cycles:?}");
    // the check itself: a screen that imports the frame is caught
    let planted =
        vec![("screen-x.js".to_string(), "import { app } from \"./main.js\";\n".to_string())];
    assert_eq!(screens_importing_the_frame(&planted), vec!["ui/screen-x.js:1".to_string()]);
}

/// What the front ends may ask the store directly: plain facts a report function would only
/// pass on (the chain's check, with or without its progress for the window's bar). Every
/// list and every view comes from `report` or `ops`.
const FRONT_END_STORE_FACTS: &[&str] = &[
    "fund",
    "require_fund",
    "verify_chain",
    "verify_chain_reporting",
    "next_member_no",
    "current_public_key",
    "accounts",
];

/// `store.read().METHOD(` and `reader.METHOD(` calls in a front end's file whose method is
/// not one of the facts above.
fn front_end_queries(file: &str, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        for needle in [".read().", "reader."] {
            let mut rest = code;
            while let Some(at) = rest.find(needle) {
                let after = &rest[at + needle.len()..];
                let method: String =
                    after.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                let called = after[method.len()..].starts_with('(');
                if called && !FRONT_END_STORE_FACTS.contains(&method.as_str()) {
                    found.push(format!("{file}:{} {method}", n + 1));
                }
                rest = &after[method.len()..];
            }
        }
    }
    found
}

#[test]
fn the_front_ends_run_no_query_of_their_own() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src-tauri/src/commands", "src/cli", "src/cli/commands"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = e.unwrap().path();
            if path.extension().is_some_and(|x| x == "rs") {
                files.push(path);
            }
        }
    }
    assert!(files.len() > 15, "the shell's and the CLI's files were read");
    let mut queries = Vec::new();
    for path in &files {
        // a chain broken over lines (`store\n    .read()\n    .claims(…)`) is read as one
        let text = std::fs::read_to_string(path).unwrap();
        let text = text.lines().map(|l| l.split("//").next().unwrap_or("")).fold(
            String::new(),
            |mut all, l| {
                if l.trim_start().starts_with('.') {
                    all.push_str(l.trim_start());
                } else {
                    all.push('\n');
                    all.push_str(l);
                }
                all
            },
        );
        let name = path.strip_prefix(root).unwrap().display().to_string();
        queries.extend(front_end_queries(&name, &text));
    }
    assert!(queries.is_empty(), "ask a report or ops function instead: {queries:?}");
    // the check itself
    assert_eq!(
        front_end_queries("x.rs", "let c = store.read().claims(None)?; // reader.loans()\n"),
        vec!["x.rs:1 claims".to_string()]
    );
    assert!(front_end_queries("x.rs", "report::trial_balance(&store.read(), d)?").is_empty());
}
