//! Matching money from government (through CODI, by round), the local council (อปท.), CODI and
//! other agencies; and the CODI matching-request figures with the government criteria.

use super::{check_entry_date, Ctx};
use crate::domain::accounts;
use crate::domain::{BalancedEntry, EntryKind, Posting, Satang};
use crate::error::{Error, Problem, Result};
use crate::store::{PostedRef, Store};

pub(crate) fn source_account(source: &str) -> Result<(&'static str, &'static str)> {
    Ok(match source.trim() {
        "government" | "รัฐ" | "รัฐบาล" => {
            ("government", accounts::MATCHING_GOVERNMENT)
        }
        "local" | "อปท" | "อปท." => ("local", accounts::MATCHING_LOCAL),
        "codi" | "พอช" | "พอช." => ("codi", accounts::MATCHING_CODI),
        "other" | "อื่น" => ("other", accounts::GRANTS_OTHER),
        other => {
            return Err(Error::invalid(
                "source",
                other,
                Problem::UnknownChoice { allowed: "government, local, codi, other".into() },
            ))
        }
    })
}

/// Receive a round of matching money. Government rounds record which members were counted.
pub fn receive_matching(
    store: &mut Store,
    ctx: &Ctx,
    source: &str,
    label: &str,
    amount: &str,
    date_input: &str,
    till: &str,
) -> Result<PostedRef> {
    let (source, account) = source_account(source)?;
    let label = crate::domain::text::required("round", label, 50)?;
    let amount = Satang::parse_field("amount", amount, crate::domain::money::Sign::Positive)?;
    let date = crate::domain::date::parse_field("date", date_input)?;
    store.write(|tx| {
        let reader = tx.read();
        reader.require_fund()?;
        if reader.account(account)?.is_none() {
            return Err(Error::NotOffered {
                kind: reader.require_fund()?.profile.kind.key().into(),
                what: format!("บัญชี {account}"),
            });
        }
        check_entry_date(&reader, ctx, date, date_input)?;
        let till = super::till_account(&reader, till)?;
        if reader.matching_round_exists(source, &label)? {
            return Err(Error::invalid("round", &label, Problem::Duplicate));
        }
        let members: Vec<i64> = if source == "government" {
            matchable_members(&reader, counting_day(date))?
                .into_iter()
                .filter(|(_, t)| *t < MAX_TIMES_MATCHED)
                .map(|(m, _)| m)
                .collect()
        } else {
            Vec::new()
        };
        let entry = BalancedEntry::new(
            date,
            EntryKind::Matching,
            format!("รับเงินสมทบ ({source}) รอบ {label}"),
            None,
            vec![Posting::debit(&till, amount), Posting::credit(account, amount)],
        )?;
        let posted = tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())?;
        tx.insert_matching_round(source, &label, posted.id, &members)?;
        Ok(posted)
    })
}

pub use crate::report::codi::{
    codi, codi_report, counting_day, matchable_members, CodiReport, Criterion, MAX_TIMES_MATCHED,
};
