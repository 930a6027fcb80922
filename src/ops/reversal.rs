//! Correcting a mistake: a reversing entry that names the entry it reverses and why. Posted
//! entries are never edited or deleted (DESIGN §2, invariant 2).

use super::{check_entry_date, Ctx};
use crate::domain::input::Day;
use crate::domain::BalancedEntry;
use crate::error::{Error, Result};
use crate::store::{PostedRef, Store};

/// Reverse entry `entry` (its id or document number) on `day`.
pub fn reverse(
    store: &mut Store,
    ctx: &Ctx,
    entry: &str,
    reason: &str,
    day: &Day,
) -> Result<PostedRef> {
    let reason = crate::domain::text::required("reason", reason, 300)?;
    let date = day.get();
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
            return Err(refuse(
                &format!("ถูกกลับรายการแล้ว (รายการ {by})"),
                &format!("it was already reversed by entry {by}"),
            ));
        }
        if date.to_string() < original.entry_date {
            return Err(refuse(
                "วันที่กลับรายการต้องไม่ก่อนวันที่ของรายการเดิม",
                "the reversal cannot be dated before the entry",
            ));
        }
        check_entry_date(&reader, ctx, day)?;
        for loan in reader.loans_paid_out_by(original.id)? {
            if loan.principal_paid.satang() > 0 || loan.interest_paid.satang() > 0 {
                return Err(refuse(
                    &format!("เงินกู้สัญญาที่ {} มีการชำระคืนแล้ว ต้องกลับรายการชำระคืนก่อน", loan.id),
                    &format!("loan {} has repayments; reverse them first", loan.id),
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
        // Undoing a deposit or money received takes it back out: no till and no member's
        // savings or loan may go below zero on the reversal's date or any later day (the
        // store refuses it anyway; asked here to say which entry could not be reversed).
        if let Some(shortfall) = reader.floor_shortfall(&date.to_string(), reversal.postings())? {
            let why = Error::BelowZero { date, shortfall: Box::new(shortfall) };
            return Err(refuse(&why.message_th(), &why.message_en()));
        }
        let posted = tx.post_entry(&reversal, &ctx.recorded_by, &ctx.now_text())?;
        tx.follow_reversal(original.id)?;
        Ok(posted)
    })
}
