//! The one list of commands the window may call. The same list registers the handlers with
//! Tauri and generates `ui/contract.js` (the only place the UI names a command); a test
//! fails when the file is stale or when the UI calls a command that is not here.
use crate::commands::{
    app, bundles, meetings, members, migrate, money, province, reports, savings_group, welfare,
};

macro_rules! contract {
    ($($module:ident :: $name:ident),* $(,)?) => {
        /// Every command name, in the order of the list.
        pub const COMMANDS: &[&str] = &[$(stringify!($name)),*];

        /// Every command with the file of the shell it is in (`commands/<module>.rs`).
        pub const COMMAND_FILES: &[(&str, &str)] = &[$((stringify!($module), stringify!($name))),*];

        /// Tauri's handler for exactly those commands.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$name),*]
        }
    };
}

contract! {
    app::app_status, app::open_demo, app::create_fund, app::restore_backup, app::open_province,
    app::open_fund, app::settings_get, app::settings_save, app::backup_now, app::choose_path,
    app::open_path, app::print_path, app::fund_records_save, app::fund_profile_save,
    app::fund_rules_get, app::fund_rule_save, app::screen_zoom,
    migrate::fund_set_start, migrate::migrate_template, migrate::migrate_import,
    members::members_list, members::member_get, members::member_add, members::member_edit,
    members::member_status, members::members_import, members::member_next_no, members::member_brief,
    money::dashboard, money::dashboard_arrears, money::accounts_list, money::collection_sheet, money::collection_save,
    money::savings_move, money::cash_move, money::transfer, money::matching_receive, money::reverse_entry, money::journal_list,
    welfare::welfare_rules, welfare::welfare_default_rules, welfare::welfare_rule_add, welfare::claims_list, welfare::claim_get, welfare::claim_open, welfare::claim_evaluate,
    welfare::claim_decide, welfare::claim_pay,
    meetings::meetings_list, meetings::meeting_get, meetings::meeting_new, meetings::meeting_attend,
    meetings::agenda_add, meetings::resolution_add, meetings::minutes_write, meetings::minutes_approve,
    meetings::committee_set, meetings::committee_list, meetings::resolutions_passed,
    savings_group::loans_list, savings_group::loan_new, savings_group::loan_repay,
    savings_group::loans_overdue, savings_group::allocation_run, savings_group::allocation_plans,
    savings_group::allocation_adopt, savings_group::dividends_pay,
    reports::report_preview, reports::report_save, reports::month_close_preview, reports::month_close, reports::audit_sign,
    reports::cash_difference, reports::chain_verify,
    reports::year_export,
    bundles::bundle_key, bundles::bundle_export,
    province::province_enrol, province::province_import, province::province_funds,
    province::province_criteria, province::province_report_save,
}

/// The text of `ui/contract.js`, made from `COMMANDS`: each command with the JSDoc of its
/// input (every field the shell reads, `[name]` when it may be left out) and its result.
#[cfg(test)]
pub fn contract_js() -> String {
    let signatures = crate::contract_types::signatures(COMMAND_FILES);
    let mut out = String::from(
        "// Generated from src-tauri/src/contract.rs by `cargo test -p kongthun-app contract`.\n\
         // Do not edit: change the list in Rust and run the test, which rewrites this file.\n\
         // Every command takes one input object and resolves to its result, or rejects with\n\
         // {code, params, th, en, rows}. The typedefs are read from the shell's Rust input\n\
         // types; a test checks that every screen sends only (and at least) their fields.\n\
         import { invoke } from \"./ipc.js\";\n\n",
    );
    let mut typedefs = std::collections::BTreeMap::new();
    for sig in signatures.values() {
        if let Some(fields) = &sig.fields {
            typedefs.insert(sig.input.clone(), fields.clone());
        }
    }
    for (name, fields) in &typedefs {
        out.push_str(&format!("/**\n * @typedef {{Object}} {name}\n"));
        for f in fields {
            let field = if f.optional { format!("[{}]", f.name) } else { f.name.clone() };
            out.push_str(&format!(" * @property {{{}}} {field}\n", f.js));
        }
        out.push_str(" */\n");
    }
    out.push_str("\nexport const api = Object.freeze({\n");
    for name in COMMANDS {
        let sig = &signatures[*name];
        let input = if sig.fields.is_some() { sig.input.as_str() } else { "Object" };
        out.push_str(&format!(
            "  /** @param {{{input}}} [input] @returns {{Promise<Object>}} {} */\n",
            sig.output.replace("*/", "")
        ));
        out.push_str(&format!("  {name}: (input = {{}}) => invoke(\"{name}\", {{ input }}),\n"));
    }
    out.push_str("});\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn ui_dir() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui")
    }

    #[test]
    fn contract_js_is_current() {
        let path = ui_dir().join("contract.js");
        let want = contract_js();
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        if have != want {
            std::fs::write(&path, &want).expect("write ui/contract.js");
            panic!("ui/contract.js was stale and has been rewritten; commit it");
        }
    }

    #[test]
    fn ui_calls_only_listed_commands_and_every_command_is_used() {
        let mut used = std::collections::BTreeSet::new();
        for entry in std::fs::read_dir(ui_dir()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().and_then(|e| e.to_str()) != Some("js")
                || path.ends_with("contract.js")
            {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (i, _) in text.match_indices("api.") {
                let name: String = text[i + 4..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                assert!(
                    COMMANDS.contains(&name.as_str()),
                    "{} calls api.{name}, which is not in the contract",
                    path.display()
                );
                used.insert(name);
            }
            assert!(
                !text.contains("invoke(") || path.ends_with("ipc.js"),
                "{} calls invoke directly; use api.*",
                path.display()
            );
        }
        let unused: Vec<_> = COMMANDS.iter().filter(|c| !used.contains(**c)).collect();
        assert!(unused.is_empty(), "commands no screen uses: {unused:?}");
    }

    /// Every `api.name({ … })` call of a screen sends only fields the shell's input type
    /// has, and every field it must have.
    #[test]
    fn screens_send_the_fields_the_shell_reads() {
        let signatures = crate::contract_types::signatures(COMMAND_FILES);
        let mut problems = Vec::new();
        let mut checked = 0;
        for entry in std::fs::read_dir(ui_dir()).unwrap() {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_string_lossy().to_string();
            if !file.ends_with(".js") || file == "contract.js" {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (at, _) in text.match_indices("api.") {
                let name: String = text[at + 4..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                let rest = &text[at + 4 + name.len()..];
                let Some(args) = rest.strip_prefix('(') else { continue };
                let Some(keys) = crate::contract_types::literal_keys(args) else { continue };
                let Some(Some(fields)) = signatures.get(&name).map(|s| s.fields.as_ref()) else {
                    continue;
                };
                checked += 1;
                // `{ ...values(form), id }` sends the form's fields: only the named ones can
                // be checked here.
                let spread = keys.iter().any(|k| k.starts_with("..."));
                for k in keys.iter().filter(|k| !k.starts_with("...")) {
                    if !fields.iter().any(|f| &f.name == k) {
                        problems.push(format!(
                            "{file}: api.{name} sends `{k}`, which the shell does not read"
                        ));
                    }
                }
                for f in fields.iter().filter(|f| !f.optional && !spread) {
                    if !keys.contains(&f.name) {
                        problems.push(format!("{file}: api.{name} leaves out `{}`", f.name));
                    }
                }
            }
        }
        assert!(checked > 40, "the screens' calls were read ({checked})");
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }

    #[test]
    fn names_are_unique() {
        let set: std::collections::BTreeSet<_> = COMMANDS.iter().collect();
        assert_eq!(set.len(), COMMANDS.len());
    }
}

/// The security settings the window runs with, checked where they are written.
#[cfg(test)]
mod security {
    use std::path::Path;

    fn read_json(rel: &str) -> serde_json::Value {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    #[test]
    fn the_page_may_load_nothing_from_the_network() {
        let conf = read_json("tauri.conf.json");
        let csp = conf["app"]["security"]["csp"].as_str().expect("a CSP is set");
        let directives: Vec<&str> =
            csp.split(';').map(str::trim).filter(|d| !d.is_empty()).collect();
        assert!(directives.contains(&"default-src 'self'"), "{csp}");
        assert!(directives.contains(&"object-src 'none'"), "{csp}");
        for d in &directives {
            for source in d.split_whitespace().skip(1) {
                let allowed = ["'self'", "'none'", "data:", "ipc:", "http://ipc.localhost"];
                assert!(
                    allowed.contains(&source),
                    "CSP source {source} in '{d}' reaches beyond the app"
                );
            }
        }
        assert_eq!(conf["app"]["security"]["freezePrototype"], true);
        assert!(
            conf["build"].get("devUrl").is_none(),
            "no dev server: the UI is served from the binary"
        );
    }

    #[test]
    fn the_page_holds_no_plugin_permissions() {
        let caps = read_json("capabilities/default.json");
        let permissions: Vec<&str> =
            caps["permissions"].as_array().unwrap().iter().map(|p| p.as_str().unwrap()).collect();
        assert_eq!(
            permissions,
            ["core:event:allow-listen", "core:event:allow-unlisten"],
            "only listening to our progress events"
        );
        assert_eq!(caps["windows"], serde_json::json!(["main"]));
    }

    #[test]
    fn the_page_loads_only_its_own_files() {
        let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui");
        for entry in std::fs::read_dir(&ui).unwrap() {
            let path = entry.unwrap().path();
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if !["js", "html", "css"].contains(&ext) {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for needle in
                ["http://", "https://", "//cdn", "fetch(", "XMLHttpRequest", "WebSocket", "eval("]
            {
                assert!(!text.contains(needle), "{} contains {needle}", path.display());
            }
        }
    }
}
