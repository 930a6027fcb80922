//! Correcting a mistake: a reversing entry that names the entry it reverses and why. Posted
//! entries are never edited or deleted (DESIGN §2, invariant 2).

use super::{check_entry_date, Ctx};
use crate::domain::accounts::SAVINGS_OWED;
use crate::domain::BalancedEntry;
use crate::error::{Error, Result};
use crate::store::{PostedRef, Store};
use std::collections::HashMap;

/// Reverse entry `entry` (its id or document number) on `date` (default: today).
pub fn reverse(store: &mut Store, ctx: &Ctx, entry: &str, reason: &str, date: Option<&str>) -> Result<PostedRef> {
    let reason = crate::domain::text::required("reason", reason, 300)?;
    let date_input = date.map(str::to_string).unwrap_or_else(|| ctx.today().to_string());
    let date = crate::domain::date::parse_field("date", &date_input)?;
    store.write(|tx| {
        let reader = tx.read();
        let original = match entry.trim().parse::<i64>() {
            Ok(id) => reader.entry(id)?,
            Err(_) => reader.entry_by_doc_no(entry.trim())?,
        }
        .ok_or(Error::NotFound { what: "entry", key: entry.to_string() })?;
        let refuse = |th: &str, en: &str| Error::CannotReverse {
            entry: original.doc_no.clone(),
            reason_th: th.to_string(),
            reason_en: en.to_string(),
        };
        if original.reverses.is_some() {
            return Err(refuse("เป็นรายการกลับรายการอยู่แล้ว", "it is itself a reversal"));
        }
        if let Some(by) = original.reversed_by {
            return Err(refuse(&format!("ถูกกลับรายการแล้ว (รายการ {by})"), &format!("it was already reversed by entry {by}")));
        }
        if date.to_string() < original.entry_date {
            return Err(refuse("วันที่กลับรายการต้องไม่ก่อนวันที่ของรายการเดิม", "the reversal cannot be dated before the entry"));
        }
        check_entry_date(&reader, ctx, date, &date_input)?;
        // Undoing a deposit must not leave a member's savings below zero.
        let mut savings_change: HashMap<i64, i64> = HashMap::new();
        for p in original.postings.iter().filter(|p| p.account == SAVINGS_OWED) {
            if let Some(m) = p.member_id {
                *savings_change.entry(m).or_default() += p.amount.0;
            }
        }
        for (member_id, credit_undone) in savings_change {
            let balance = reader.savings_balance(member_id)?;
            if balance.0 + credit_undone < 0 {
                return Err(refuse(
                    "เงินสัจจะของสมาชิกจะติดลบ (ถอนไปแล้ว)",
                    "the member's savings would fall below zero (already withdrawn)",
                ));
            }
        }
        // Undoing money received takes it back out of the till: not below zero on that day or
        // any later day already on the books (found by the property test: reversing a
        // collection after a payment left cash at -1.00).
        let accounts = reader.accounts()?;
        let mut taken_out: HashMap<&str, i64> = HashMap::new();
        for p in &original.postings {
            if crate::store::AccountRow::is_till(&accounts, &p.account) {
                *taken_out.entry(p.account.as_str()).or_default() += p.amount.0;
            }
        }
        for (till, amount) in taken_out.into_iter().filter(|(_, amount)| *amount > 0) {
            let lowest = reader.lowest_balance_from(till, &date.to_string())?;
            if lowest.0 < amount {
                return Err(refuse(
                    &format!("เงินในบัญชี {till} จะติดลบ (ยอดต่ำสุดตั้งแต่วันนั้น {} บาท)", lowest.display()),
                    &format!("account {till} would fall below zero (its lowest balance from that day is {} baht)", lowest.display()),
                ));
            }
        }
        let balanced = original.to_balanced()?;
        let reversal = BalancedEntry::reversal_of(
            original.id,
            &balanced,
            date,
            format!("กลับรายการ {}: {}", original.doc_no, original.description),
            reason.clone(),
        );
        tx.post_entry(&reversal, &ctx.recorded_by, &ctx.now_text())
    })
}
