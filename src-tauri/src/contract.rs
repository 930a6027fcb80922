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

        /// Tauri's handler for exactly those commands.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($module::$name),*]
        }
    };
}

contract! {
    app::app_status, app::open_demo, app::create_fund, app::restore_backup, app::open_province,
    app::open_fund, app::settings_get, app::settings_save, app::backup_now, app::choose_path,
    app::open_path,
    migrate::fund_set_start, migrate::migrate_template, migrate::migrate_import,
    members::members_list, members::member_get, members::member_add, members::member_edit,
    members::member_status, members::members_import, members::member_next_no,
    money::dashboard, money::dashboard_arrears, money::accounts_list, money::collection_sheet, money::collection_save,
    money::savings_move, money::cash_move, money::transfer, money::matching_receive, money::reverse_entry, money::journal_list,
    welfare::welfare_rules, welfare::welfare_rule_add, welfare::claims_list, welfare::claim_get, welfare::claim_open, welfare::claim_evaluate,
    welfare::claim_decide, welfare::claim_pay,
    meetings::meetings_list, meetings::meeting_get, meetings::meeting_new, meetings::meeting_attend,
    meetings::agenda_add, meetings::resolution_add, meetings::minutes_write, meetings::minutes_approve,
    meetings::committee_set, meetings::committee_list, meetings::resolutions_passed,
    savings_group::loans_list, savings_group::loan_new, savings_group::loan_repay,
    savings_group::loans_overdue, savings_group::allocation_run,
    reports::report_preview, reports::report_save, reports::month_close, reports::audit_sign,
    reports::cash_difference, reports::chain_verify,
    reports::year_export,
    bundles::bundle_key, bundles::bundle_export,
    province::province_enrol, province::province_import, province::province_funds,
    province::province_criteria, province::province_report_save,
}

/// The text of `ui/contract.js`, made from `COMMANDS`.
pub fn contract_js() -> String {
    let mut out = String::from(
        "// Generated from src-tauri/src/contract.rs by `cargo test -p kongthun-app contract`.\n\
         // Do not edit: change the list in Rust and run the test, which rewrites this file.\n\
         // Every command takes one input object and resolves to its result, or rejects with\n\
         // {code, params, th, en, rows}.\n\
         import { invoke } from \"./ipc.js\";\n\n\
         export const api = Object.freeze({\n",
    );
    for name in COMMANDS {
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
