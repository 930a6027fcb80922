//! The whole journal as plain-text accounting (hledger / ledger syntax), so an auditor can
//! check our balances with another program. Accounts are named `code:English name`, amounts
//! in THB with two decimals; reversals keep their reference in a comment.

use crate::error::Result;
use crate::store::{AccountRow, EntryRow, FundRow};
use std::fmt::Write;

/// The journal text of `fund` with `accounts`; `entries` hands every entry over in id order
/// (a twenty-year book is streamed from the database, never held whole).
pub fn journal_text(
    fund: &FundRow,
    accounts: &[AccountRow],
    entries: impl FnOnce(&mut dyn FnMut(&EntryRow)) -> Result<()>,
) -> Result<String> {
    let name = |code: &str| {
        let a = accounts.iter().find(|a| a.code == code);
        let en = a.map(|a| a.name_en.as_str()).unwrap_or("");
        let class = a.map(|a| a.class.key()).unwrap_or("other");
        // hledger account names: no double spaces, no ';'
        format!("{class}:{code} {}", en.replace(';', ",").replace("  ", " "))
    };
    let mut out = String::new();
    writeln!(
        out,
        "; Kongthun journal export: {} ({})",
        fund.profile.name_th, fund.profile.fund_code
    )
    .ok();
    writeln!(out, "commodity THB 1,000.00").ok();
    writeln!(out).ok();
    entries(&mut |e: &EntryRow| {
        let desc = e.description.replace(['\n', ';'], " ");
        writeln!(out, "{} ({}) {}", e.entry_date, e.doc_no, desc).ok();
        writeln!(out, "    ; entry:{} kind:{} by:{}", e.id, e.kind, e.recorded_by).ok();
        if let Some(r) = e.reverses {
            writeln!(out, "    ; reverses:{r} reason:{}", e.reason.replace('\n', " ")).ok();
        }
        for p in &e.postings {
            writeln!(out, "    {}  {} THB", name(&p.account), p.amount.to_decimal()).ok();
        }
        writeln!(out).ok();
    })?;
    Ok(out)
}
