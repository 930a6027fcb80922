//! The allocation's data as the committee reads it: the plans adopted (and the one in force,
//! or the guideline's usual parts for a fund with none) and a year's list of dividends and
//! refunds, each member's share and how it was paid, to sign at the payout.

use crate::domain::allocation::{default_parts, plan_in_force, AllocationPlan, PlanPart};
use crate::domain::Satang;
use crate::error::Result;
use crate::store::Reader;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, Serialize)]
pub struct PlanView {
    pub effective_from: NaiveDate,
    /// The resolution that adopted it (`มติที่ 1 การประชุมใหญ่ ครั้งที่ 1/2569`).
    pub resolution: String,
    pub in_force: bool,
    pub parts: Vec<PlanPart>,
}

#[derive(Clone, Debug, Serialize)]
pub struct AllocationPlans {
    pub plans: Vec<PlanView>,
    /// What the plan form offers: the plan in force, or the guideline's usual parts.
    pub suggested: Vec<PlanPart>,
}

pub fn plans(reader: &Reader<'_>, today: NaiveDate) -> Result<AllocationPlans> {
    let rows = reader.allocation_plans()?;
    let plain: Vec<AllocationPlan> = rows.iter().map(|r| r.plan.clone()).collect();
    let current = plan_in_force(&plain, today).map(|p| p.effective_from);
    let mut plans = Vec::new();
    for r in rows {
        let resolution = reader.resolution(r.resolution_id)?.map(|x| x.label).unwrap_or_default();
        plans.push(PlanView {
            effective_from: r.plan.effective_from,
            resolution,
            in_force: Some(r.plan.effective_from) == current,
            parts: r.plan.parts,
        });
    }
    let suggested =
        plan_in_force(&plain, today).map(|p| p.parts.clone()).unwrap_or_else(default_parts);
    Ok(AllocationPlans { plans, suggested })
}

/// One member's line of the year's list.
#[derive(Clone, Debug, Serialize)]
pub struct DividendLine {
    pub member_no: String,
    pub name: String,
    pub dividend: Satang,
    pub refund: Satang,
    pub paid: Satang,
    /// `savings`, `cash`, `bank`, or empty while unpaid.
    pub paid_into: String,
    pub doc_no: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct DividendList {
    /// The fiscal year (CE start year) and its span.
    pub year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub allocated: bool,
    pub lines: Vec<DividendLine>,
}

/// The year's (named by the BE year it ends in) dividends and refunds, member by member, with what has been paid of each.
pub fn dividend_list(reader: &Reader<'_>, year: i32) -> Result<DividendList> {
    let fund = reader.require_fund()?.profile;
    let year = fund.fiscal_year_named(year)?;
    let (from, to) = crate::report::yearly::year_span(&fund, year);
    let mut payments: HashMap<i64, Vec<crate::store::DividendPaymentRow>> = HashMap::new();
    for p in reader.dividend_payments(year)? {
        payments.entry(p.member_id).or_default().push(p);
    }
    // in the order members joined (the shares come by member id)
    let mut lines = Vec::new();
    for s in reader.allocation_shares(year)? {
        let m = reader
            .member_by_id(s.member_id)?
            .ok_or(crate::Error::NotFound { what: "member", key: s.member_id.to_string() })?;
        let paid = payments.remove(&s.member_id).unwrap_or_default();
        lines.push(DividendLine {
            member_no: m.member_no.clone(),
            name: m.full_name(),
            dividend: s.dividend,
            refund: s.refund,
            paid: paid.iter().map(|p| p.amount).sum(),
            paid_into: paid.last().map(|p| p.paid_into.clone()).unwrap_or_default(),
            doc_no: paid.iter().map(|p| p.doc_no.as_str()).collect::<Vec<_>>().join(", "),
        });
    }
    Ok(DividendList { year, from, to, allocated: reader.allocation_of(year)?.is_some(), lines })
}
