//! Matching money from government (through CODI, by round), the local council (อปท.), CODI and
//! other agencies; and the CODI matching-request figures with the government criteria.

use super::{check_entry_date, Ctx};
use crate::domain::accounts;
use crate::domain::input::{Amount, Day, Input, Till};
use crate::domain::{BalancedEntry, EntryKind, Posting};
use crate::error::{Error, Problem, Result};
use crate::store::{PostedRef, Store};

/// Where matching money comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum MatchingSource {
    /// The central government, through CODI, by round.
    Government,
    /// The local council (อปท.).
    Local,
    /// CODI (พอช.) itself.
    Codi,
    Other,
}

impl MatchingSource {
    /// `government` / `รัฐ`, `local` / `อปท.`, `codi` / `พอช.`, `other` / `อื่น`.
    pub fn parse(input: &str) -> Result<MatchingSource> {
        crate::domain::choice::parse_choice(
            "source",
            input,
            &[
                ("government", MatchingSource::Government),
                ("รัฐ", MatchingSource::Government),
                ("รัฐบาล", MatchingSource::Government),
                ("local", MatchingSource::Local),
                ("อปท", MatchingSource::Local),
                ("อปท.", MatchingSource::Local),
                ("codi", MatchingSource::Codi),
                ("พอช", MatchingSource::Codi),
                ("พอช.", MatchingSource::Codi),
                ("other", MatchingSource::Other),
                ("อื่น", MatchingSource::Other),
            ],
        )
    }

    /// The stored key and the income account it is booked to.
    pub fn key_and_account(self) -> (&'static str, &'static str) {
        match self {
            MatchingSource::Government => ("government", accounts::MATCHING_GOVERNMENT),
            MatchingSource::Local => ("local", accounts::MATCHING_LOCAL),
            MatchingSource::Codi => ("codi", accounts::MATCHING_CODI),
            MatchingSource::Other => ("other", accounts::GRANTS_OTHER),
        }
    }
}

/// Receive a round of matching money. Government rounds record which members were counted.
pub fn receive_matching(
    store: &mut Store,
    ctx: &Ctx,
    source: MatchingSource,
    label: &str,
    amount: &Amount,
    day: &Day,
    till: &Input<Till>,
) -> Result<PostedRef> {
    let (source, account) = source.key_and_account();
    let label = crate::domain::text::required("round", label, 50)?;
    let (amount, date) = (amount.get(), day.get());
    store.write(|tx| {
        let reader = tx.read();
        reader.require_fund()?;
        if reader.account(account)?.is_none() {
            return Err(Error::NotOffered {
                kind: reader.require_fund()?.profile.kind.key().into(),
                what: format!("บัญชี {account}"),
            });
        }
        check_entry_date(&reader, ctx, day)?;
        let till = super::till_account(&reader, till)?;
        if reader.matching_round_exists(source, &label)? {
            return Err(Error::invalid("round", &label, Problem::Duplicate));
        }
        // The government matches per member: the round is each matchable member's, in equal
        // shares to the satang (120.00 a member for 30 members is 3,600.00).
        let cap = crate::report::codi::programme(&reader, date)?.rounds_cap.value;
        let counted: Vec<i64> = if source == "government" {
            matchable_members(&reader, counting_day(&reader, date)?)?
                .into_iter()
                .filter(|(_, t)| *t < cap)
                .map(|(m, _)| m)
                .collect()
        } else {
            Vec::new()
        };
        let shares =
            crate::domain::allocation::largest_remainder(amount.satang(), &vec![1; counted.len()]);
        let members: Vec<(i64, crate::domain::Satang)> = counted
            .into_iter()
            .zip(shares)
            .map(|(m, s)| (m, crate::domain::Satang::new(s)))
            .collect();
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
    codi, codi_report, counting_day, counting_day_of, matchable_members, programme, CodiReport,
    Criterion,
};

/// Record one of the support programme's settings from a day on, with its source (the
/// programme's letter or announcement): `rounds_cap` (whole rounds) or
/// `administration_share` (percent of spending).
pub fn set_programme(
    store: &mut Store,
    ctx: &Ctx,
    key: &str,
    value: &str,
    from: &Day,
    source: &str,
) -> Result<crate::domain::programme::ProgrammeSetting> {
    use crate::domain::programme::{ProgrammeKey, ProgrammeSetting};
    let key = ProgrammeKey::parse(key).map_err(|p| Error::invalid("setting", key, p))?;
    let value = key.parse_value(value).map_err(|p| Error::invalid("value", value, p))?;
    let source = crate::domain::text::required("source", source, 300)?;
    let setting =
        ProgrammeSetting { key, value, effective_from: from.get(), source, recorded: true };
    store.write(|tx| {
        tx.read().require_fund()?;
        if tx
            .read()
            .programme_settings()?
            .iter()
            .any(|s| s.key == key && s.effective_from == setting.effective_from)
        {
            return Err(Error::invalid("effective_on", from.typed(), Problem::Duplicate));
        }
        tx.insert_programme_setting(&setting, &ctx.recorded_by, &ctx.now_text())?;
        Ok(setting.clone())
    })
}
