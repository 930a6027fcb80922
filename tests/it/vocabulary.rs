//! One vocabulary: the words docs/glossary.md says not to use for a thing appear nowhere in
//! the window (`ui/`), the library and CLI (`src/`) or the shell (`src-tauri/src/`). The table
//! is read from the glossary itself, so adding a row there guards it here; the reader is
//! tested on the table's size so it cannot pass by reading nothing.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// (preferred word, words not to use) for each glossary row with a "not" column.
fn avoided_words() -> Vec<(String, Vec<String>)> {
    let text = std::fs::read_to_string(root().join("docs/glossary.md")).unwrap();
    text.lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| Thai"))
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            let avoid: Vec<String> = cells
                .get(3)?
                .split(',')
                .map(str::trim)
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect();
            Some((cells[0].to_string(), avoid))
        })
        .collect()
}

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs" || e == "js" || e == "html") {
            out.push(path);
        }
    }
}

#[test]
fn the_glossary_is_read_whole() {
    let rows = avoided_words();
    assert!(rows.len() >= 40, "glossary rows read: {}", rows.len());
    let closing = rows.iter().find(|(w, _)| w == "ปิดงวด").expect("the month-close row");
    assert!(closing.1.iter().any(|w| w == "ปิดบัญชีเดือน"), "{closing:?}");
}

#[test]
fn no_word_the_glossary_rules_out_is_used() {
    let mut files = Vec::new();
    for dir in ["ui", "src", "src-tauri/src"] {
        sources(&root().join(dir), &mut files);
    }
    assert!(files.len() > 50, "sources read: {}", files.len());
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for (word, avoid) in avoided_words() {
            for bad in &avoid {
                for (n, line) in text.lines().enumerate().filter(|(_, l)| l.contains(bad.as_str()))
                {
                    found.push(format!(
                        "{}:{}: «{bad}» (say «{word}»): {}",
                        file.strip_prefix(root()).unwrap().display(),
                        n + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(found.is_empty(), "words docs/glossary.md rules out:\n{}", found.join("\n"));
}

/// Thai text in a line of a window file, comments aside (the Thai digits a parser maps are
/// not words).
fn thai_words_in(line: &str) -> bool {
    let code = line.split("//").next().unwrap_or("");
    let stripped = code.replace("๐๑๒๓๔๕๖๗๘๙", "").replace("[๐-๙]", "");
    stripped.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c))
}

#[test]
fn every_word_of_the_window_is_in_i18n_once() {
    let ui = root().join("ui");
    let mut literals = Vec::new();
    for e in std::fs::read_dir(&ui).unwrap() {
        let path = e.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".js")
            || name == "i18n.js"
            || name == "contract.js"
            || name == "format.js"
        {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| thai_words_in(l)) {
            literals.push(format!("ui/{name}:{}: {}", n + 1, line.trim()));
        }
    }
    assert!(literals.is_empty(), "put these words in ui/i18n.js:\n{}", literals.join("\n"));
    // each label once: a second entry of the same key silently wins over the first
    let words = std::fs::read_to_string(ui.join("i18n.js")).unwrap();
    let mut keys = std::collections::BTreeMap::new();
    for line in words.lines() {
        let t = line.trim_start();
        if let Some((key, rest)) = t.split_once(": [") {
            if key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') && rest.contains('"') {
                *keys.entry(key.to_string()).or_insert(0) += 1;
            }
        }
    }
    assert!(keys.len() > 200, "the labels were read ({})", keys.len());
    let twice: Vec<_> = keys.iter().filter(|(_, n)| **n > 1).map(|(k, _)| k).collect();
    assert!(twice.is_empty(), "labels defined twice in ui/i18n.js: {twice:?}");
    assert!(thai_words_in("x = \"ยอดยกมา\";") && !thai_words_in("// ยอดยกมา"));
}
