//! The input and output types of each command, read from the Rust source of the shell's
//! command files (and the library's, for the types they take from it), so that
//! `ui/contract.js` carries a JSDoc typedef of every input and the test can check that each
//! screen sends exactly the fields the shell reads: a screen and the shell cannot disagree on
//! a field name. Test-time only: nothing here runs in the app.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// One field of an input struct as serde reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: String,
    /// The JSDoc type: `string`, `number`, `boolean`, `Array<…>` or `Object`.
    pub js: String,
    /// Whether the window may leave it out (an `Option`, or a serde default).
    pub optional: bool,
}

/// A command's signature: its input type's name and fields (None when the type is not a
/// plain struct found in the source, e.g. a tagged enum) and its output type as written.
#[derive(Clone, Debug)]
pub struct Signature {
    /// The typedef's name: the Rust type's, or with its module's in front when two files
    /// have an input type of the same name (`ReportsMonthInput`).
    pub input: String,
    pub fields: Option<Vec<Field>>,
    pub output: String,
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = e.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|x| x == "rs") {
            out.push(path);
        }
    }
}

fn js_type(rust: &str) -> String {
    let t = rust.trim().trim_start_matches("kongthun::").trim_start_matches("std::path::");
    match t {
        "String" | "&str" | "PathBuf" | "NaiveDate" => "string".into(),
        "i32" | "i64" | "u32" | "u64" | "usize" | "f64" => "number".into(),
        "bool" => "boolean".into(),
        _ if t.starts_with("Option<") => js_type(&t[7..t.len() - 1]),
        _ if t.starts_with("Vec<") => format!("Array<{}>", js_type(&t[4..t.len() - 1])),
        _ => "Object".into(),
    }
}

/// Every `struct Name { … }` with named fields in `text`: name → fields.
fn structs(text: &str) -> BTreeMap<String, Vec<Field>> {
    let mut out = BTreeMap::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        let Some(rest) = line.strip_prefix("pub struct ").or_else(|| line.strip_prefix("struct "))
        else {
            i += 1;
            continue;
        };
        let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
        if !rest.trim_end().ends_with('{') {
            i += 1;
            continue;
        }
        let attrs: Vec<&str> = lines[..i]
            .iter()
            .rev()
            .take_while(|l| l.trim().starts_with("#[") || l.trim().starts_with("///"))
            .copied()
            .collect();
        let all_default = attrs.iter().any(|a| a.contains("serde(default)"));
        let mut fields = Vec::new();
        let mut field_default = false;
        i += 1;
        while i < lines.len() && !lines[i].trim().starts_with('}') {
            let l = lines[i].trim();
            if l.starts_with("#[") {
                field_default |= l.contains("serde(default");
            } else if let Some((name, ty)) = l.trim_start_matches("pub ").split_once(':') {
                if !l.starts_with("//") {
                    let ty = ty.trim().trim_end_matches(',');
                    fields.push(Field {
                        name: name.trim().to_string(),
                        js: js_type(ty),
                        optional: all_default || field_default || ty.starts_with("Option<"),
                    });
                }
                field_default = false;
            }
            i += 1;
        }
        out.insert(name, fields);
    }
    out
}

/// The signature of `name` in the shell's `commands/<module>.rs`, its input struct looked up
/// in that file first, then anywhere in the shell and the library.
pub fn signatures(commands: &[(&str, &str)]) -> BTreeMap<String, Signature> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("../src"), &mut files);
    let mut everywhere = BTreeMap::new();
    for f in &files {
        for (k, v) in structs(&std::fs::read_to_string(f).unwrap_or_default()) {
            everywhere.entry(k).or_insert(v);
        }
    }
    let mut out: BTreeMap<String, (Signature, String)> = BTreeMap::new();
    for (module, name) in commands {
        let path = root.join("src/commands").join(format!("{module}.rs"));
        let text = std::fs::read_to_string(&path).unwrap();
        let own = structs(&text);
        let at = text
            .find(&format!("pub async fn {name}("))
            .unwrap_or_else(|| panic!("{module}::{name} not found in {}", path.display()));
        let signature: String = text[at..].chars().take_while(|c| *c != '{').collect();
        let signature = signature.split_whitespace().collect::<Vec<_>>().join(" ");
        let input = signature
            .split("input: ")
            .nth(1)
            .map(|s| {
                s.chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                    .collect::<String>()
            })
            .unwrap_or_else(|| "Nothing".into());
        let input = input.rsplit("::").next().unwrap_or(&input).to_string();
        let output = signature
            .split("UiResult<")
            .nth(1)
            .map(|s| s.trim_end().strip_suffix('>').unwrap_or(s).trim().to_string())
            .unwrap_or_else(|| "()".into());
        let fields = if input == "Nothing" {
            Some(vec![])
        } else {
            own.get(&input).or_else(|| everywhere.get(&input)).cloned()
        };
        let named = format!("{}{input}", pascal(module));
        out.insert(name.to_string(), (Signature { input: input.clone(), fields, output }, named));
    }
    // A name two files use for different fields gets its module in front.
    let mut by_name: BTreeMap<String, Vec<Option<Vec<Field>>>> = BTreeMap::new();
    for (sig, _) in out.values() {
        let seen = by_name.entry(sig.input.clone()).or_default();
        if !seen.contains(&sig.fields) {
            seen.push(sig.fields.clone());
        }
    }
    out.into_iter()
        .map(|(name, (mut sig, named))| {
            if by_name[&sig.input].len() > 1 {
                sig.input = named;
            }
            (name, sig)
        })
        .collect()
}

fn pascal(module: &str) -> String {
    module
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
        })
        .collect()
}

/// The keys of the object literal that starts at `text` (just after `api.name(`), or None if
/// the argument is not a literal. Nested objects and calls are skipped.
pub fn literal_keys(text: &str) -> Option<Vec<String>> {
    let text = text.trim_start();
    let body = text.strip_prefix('{')?;
    let mut keys = Vec::new();
    let (mut depth, mut token, mut expect_key) = (0i32, String::new(), true);
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '(' | '[' => depth += 1,
            '}' | ')' | ']' if depth == 0 => {
                if expect_key && !token.trim().is_empty() {
                    keys.push(token.trim().to_string());
                }
                return Some(keys);
            }
            '}' | ')' | ']' => depth -= 1,
            '"' | '\'' | '`' if depth >= 0 => {
                // skip a string
                for d in chars.by_ref() {
                    if d == c {
                        break;
                    }
                }
                if depth == 0 {
                    expect_key = false;
                }
            }
            ':' if depth == 0 && expect_key => {
                keys.push(token.trim().to_string());
                token.clear();
                expect_key = false;
            }
            ',' if depth == 0 => {
                if expect_key && !token.trim().is_empty() {
                    keys.push(token.trim().to_string()); // shorthand `{ format }`
                }
                token.clear();
                expect_key = true;
            }
            _ if depth == 0 && expect_key => token.push(c),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn object_literal_keys_are_read() {
        assert_eq!(
            literal_keys("{ document: documentOf(v), format, path: v.path }), form)"),
            Some(vec!["document".into(), "format".into(), "path".into()])
        );
        assert_eq!(
            literal_keys("{ kind: \"a, b\", x: { y: 1 } })"),
            Some(vec!["kind".into(), "x".into()])
        );
        assert_eq!(literal_keys("fields)"), None);
    }

    #[test]
    fn struct_fields_and_defaults_are_read() {
        let s = structs(
            "#[derive(Deserialize)]\npub struct A {\n    month: String,\n    #[serde(default)]\n    cash: String,\n    when: Option<i64>,\n}\n",
        );
        let a = &s["A"];
        assert_eq!(
            a.iter().map(|f| (f.name.as_str(), f.optional)).collect::<Vec<_>>(),
            vec![("month", false), ("cash", true), ("when", true)]
        );
        assert_eq!(a[2].js, "number");
    }
}
