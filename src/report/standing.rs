//! Every member's contribution standing at a date: periods owed and paid (the carried
//! history of a fund brought in from paper included), arrears in periods and baht, and the
//! last period paid for. Read by the arrears list, the collection sheet, the lapse rule, the
//! dashboard, the passbook and the yearly report.

use crate::domain::contribution::{period_label, periods_owed, Standing};
use crate::domain::{MemberStatus, Satang};
use crate::error::Result;
use crate::store::{MemberRow, MemberStandingFacts, Reader};
use chrono::NaiveDate;
use serde::Serialize;

/// A member's contribution standing at a date.
#[derive(Clone, Debug, Serialize)]
pub struct ArrearsRow {
    pub member_no: String,
    pub name: String,
    pub moo: Option<u32>,
    pub status: MemberStatus,
    pub periods_owed: i64,
    pub periods_paid: i64,
    pub arrears_periods: i64,
    pub arrears_amount: Satang,
    /// The last period paid for, e.g. `2026-09`.
    pub paid_through: Option<String>,
    /// Months in a row (ending with the last whole month) in which the member saved less
    /// than the fund's monthly sajja pledge; 0 where the fund counts no pledge.
    pub sajja_missed_months: i64,
}

/// The members in arrears at `as_of`: active members behind with their contributions. The
/// dashboard's count, the arrears list and the yearly report all take this one list, so they
/// agree. (A member who has left owes nothing more; their standing stays in `standings`.)
pub fn in_arrears(reader: &Reader<'_>, as_of: NaiveDate) -> Result<Vec<ArrearsRow>> {
    Ok(standings(reader, as_of)?
        .into_iter()
        .filter(|r| {
            r.status == MemberStatus::Active && (r.arrears_periods > 0 || r.sajja_missed_months > 0)
        })
        .collect())
}

/// The active members the lapse rule takes out at `as_of` (behind by the fund's limit or
/// more): what a month close will do, shown by name before it is done.
pub fn to_lapse(reader: &Reader<'_>, as_of: NaiveDate) -> Result<Vec<ArrearsRow>> {
    let limit = reader.require_fund()?.profile.lapse_after;
    if limit == 0 {
        return Ok(vec![]);
    }
    Ok(standings(reader, as_of)?
        .into_iter()
        .filter(|r| r.status == MemberStatus::Active)
        .filter(|r| {
            Standing { owed: r.periods_owed, paid: r.periods_paid }.should_lapse(limit)
                || r.sajja_missed_months >= i64::from(limit)
        })
        .collect())
}

/// Standing of every member at `as_of`; a member who left stops owing at the date they left.
pub fn standings(reader: &Reader<'_>, as_of: NaiveDate) -> Result<Vec<ArrearsRow>> {
    let fund = reader.require_fund()?.profile;
    let paid = reader.periods_paid_all(&as_of.to_string())?;
    let pledges = Pledges::read(reader, &fund, as_of, None)?;
    let mut rows = Vec::new();
    for m in reader.member_standing_facts()? {
        let periods = paid.get(&m.id).copied().unwrap_or(0);
        rows.push(standing_row(&fund, m, periods, as_of, &pledges)?);
    }
    Ok(rows)
}

/// One member's standing at `as_of` (a passbook, a member's page), without reading every
/// member's payments.
pub fn standing_of(
    reader: &Reader<'_>,
    member: &MemberRow,
    as_of: NaiveDate,
) -> Result<ArrearsRow> {
    let fund = reader.require_fund()?.profile;
    let paid = reader.periods_paid_as_of(member.id, &as_of.to_string())?;
    let pledges = Pledges::read(reader, &fund, as_of, Some(member.id))?;
    standing_row(&fund, member.into(), paid, as_of, &pledges)
}

/// The fund's monthly sajja pledges and what each member (or the one member asked about) saved
/// in each month since the first one: nothing is read where the fund counts no pledge.
#[derive(Default)]
struct Pledges {
    rules: Vec<crate::domain::fund_rules::FundRule>,
    saved: std::collections::HashMap<(i64, String), Satang>,
}

impl Pledges {
    fn read(
        reader: &Reader<'_>,
        fund: &crate::domain::FundProfile,
        as_of: NaiveDate,
        member: Option<i64>,
    ) -> Result<Pledges> {
        use crate::domain::fund_rules::FundRuleKey;
        if !fund.kind.keeps_savings() {
            return Ok(Pledges::default());
        }
        let rules: Vec<_> = reader
            .fund_rules()?
            .into_iter()
            .filter(|r| r.key == FundRuleKey::SajjaPledge)
            .collect();
        let Some(first) = rules.iter().filter(|r| r.value > 0).map(|r| r.effective_from).min()
        else {
            return Ok(Pledges::default());
        };
        let saved = reader.sajja_saved_by_month(&first.to_string(), &as_of.to_string(), member)?;
        Ok(Pledges { rules, saved })
    }

    fn missed(&self, member_id: i64, joined: NaiveDate, until: NaiveDate) -> i64 {
        if self.rules.is_empty() {
            return 0;
        }
        crate::domain::fund_rules::missed_pledges_in_a_row(&self.rules, joined, until, |month| {
            self.saved.get(&(member_id, month.to_string())).copied().unwrap_or(Satang::ZERO)
        })
    }
}

fn standing_row(
    fund: &crate::domain::FundProfile,
    m: MemberStandingFacts,
    paid: i64,
    as_of: NaiveDate,
    pledges: &Pledges,
) -> Result<ArrearsRow> {
    let joined = crate::domain::date::parse_field("joined_on", &m.joined_on)?;
    let until = if m.status == MemberStatus::Active {
        as_of
    } else {
        let since = crate::domain::date::parse_field("effective_on", &m.status_since)?;
        since.min(as_of)
    };
    // a group that takes no contribution is owed none
    let owed = if fund.takes_contribution() {
        periods_owed(fund.schedule, fund.fiscal_year_start, joined, until)
    } else {
        0
    };
    let standing = Standing { owed, paid };
    let first =
        crate::domain::contribution::period_of(fund.schedule, fund.fiscal_year_start, joined);
    Ok(ArrearsRow {
        sajja_missed_months: pledges.missed(m.id, joined, until),
        name: m.name,
        member_no: m.member_no,
        moo: m.moo,
        status: m.status,
        periods_owed: standing.owed,
        periods_paid: standing.paid,
        arrears_periods: standing.arrears_periods(),
        arrears_amount: Satang::new(standing.arrears_periods() * fund.contribution.satang()),
        paid_through: (standing.paid > 0)
            .then(|| period_label(fund.schedule, first + standing.paid - 1)),
    })
}
