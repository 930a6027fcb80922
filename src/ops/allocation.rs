//! The year-end allocation of a savings group's profit: the fund's own plan (named parts
//! adding up to 100%, adopted by a resolution of the general assembly), the allocation of a
//! year by the plan in force (split to the satang with the largest-remainder method, posted
//! as one entry with a line per member for dividends and refunds), and the batch that pays
//! each member's share after the assembly, into sajja savings or in cash.

use super::Ctx;
use crate::domain::accounts::{
    ADMINISTRATION_ALLOCATED, BANK, CASH, COMMITTEE_PAYABLE, DIVIDENDS_PAYABLE, OTHER_ALLOCATED,
    PROFIT_ALLOCATED, PUBLIC_ALLOCATED, RESERVE, SAVINGS_OWED, WELFARE_ALLOCATED,
};
use crate::domain::allocation::{
    largest_remainder, plan_in_force, AllocationPlan, PartKind, PlanPart, PlanProblem,
};
use crate::domain::input::{Day, Input, Till};
use crate::domain::money::Sign;
use crate::domain::{BalancedEntry, EntryKind, MemberStatus, Posting, Satang};
use crate::error::{AllocationRefusal, Error, Problem, Result};
use crate::store::{AllocationShare, Store};
use serde::Serialize;

/// One part as typed: `kind=percent` or `kind:name=percent` (`reserve=10`,
/// `other:กองทุนการศึกษา=5`); the name defaults to the kind's own.
pub fn parse_part(text: &str) -> Result<PlanPart> {
    let bad = |th: &str, en: &str| {
        Error::invalid("parts", text, Problem::Other { th: th.into(), en: en.into() })
    };
    let (head, percent) = text.rsplit_once('=').ok_or_else(|| {
        bad("เขียนเป็น ส่วน=ร้อยละ เช่น reserve=10", "write kind=percent, e.g. reserve=10")
    })?;
    let (kind, name) = match head.split_once(':') {
        Some((k, n)) => (k, Some(n.trim())),
        None => (head, None),
    };
    let kind = PartKind::parse(kind).map_err(|p| Error::invalid("parts", text, p))?;
    let name = match name {
        Some("") => return Err(Error::invalid("parts", text, Problem::Empty)),
        Some(n) => crate::domain::text::required("parts", n, 80)?,
        None => kind.name_th().to_string(),
    };
    let basis_points = Satang::parse_field("parts", percent.trim(), Sign::NonNegative)?.satang();
    Ok(PlanPart { kind, name, basis_points })
}

/// The parts as `parse_part` reads them back (`reserve:เงินสำรอง=10`).
pub fn parts_text(parts: &[PlanPart]) -> Vec<String> {
    parts
        .iter()
        .map(|p| {
            let pct = Satang::new(p.basis_points).to_decimal().normalize();
            format!("{}:{}={pct}", p.kind.key(), p.name)
        })
        .collect()
}

fn plan_error(plan: &AllocationPlan, problem: PlanProblem) -> Error {
    let typed = plan
        .parts
        .iter()
        .map(|p| format!("{}={}", p.name, Satang::new(p.basis_points).to_decimal().normalize()))
        .collect::<Vec<_>>()
        .join(", ");
    let (th, en) = match problem {
        PlanProblem::NoParts => ("ไม่มีส่วนใดเลย".to_string(), "has no parts".to_string()),
        PlanProblem::Sum(s) => {
            let sum = Satang::new(s).to_decimal().normalize();
            (format!("รวมกันได้ร้อยละ {sum} ต้องเท่ากับ 100"), format!("sum to {sum}%, not 100%"))
        }
        PlanProblem::Twice(k) => (
            format!("มี{}สองส่วน", k.name_th()),
            format!("has two {} parts: a pool is divided among members once", k.key()),
        ),
        PlanProblem::SameName(n) => {
            (format!("มีสองส่วนชื่อ «{n}»"), format!("has two parts named «{n}»"))
        }
    };
    Error::invalid("parts", typed, Problem::Other { th, en })
}

/// Adopt a plan from `from` on: a general assembly's resolution (a committee's only where
/// the fund's setting `rules_changed_by=committee` allows it), never dated before the
/// meeting that adopted it.
pub fn adopt_plan(
    store: &mut Store,
    ctx: &Ctx,
    from: &Day,
    parts: Vec<PlanPart>,
    resolution_id: i64,
) -> Result<i64> {
    let plan = AllocationPlan { effective_from: from.get(), parts };
    plan.check().map_err(|p| plan_error(&plan, p))?;
    store.write(|tx| {
        let reader = tx.read();
        let fund = reader.require_fund()?.profile;
        super::require_savings_kept(&fund, "การจัดสรรกำไร / profit allocation")?;
        let decision = super::welfare::rule_decision(&reader, resolution_id)?;
        if decision.by_committee && !decision.committee_may {
            let label = decision.resolution.label;
            return Err(AllocationRefusal::PlanNeedsAssembly { label }.into());
        }
        if from.get() < decision.held_on {
            return Err(Error::invalid(
                "effective_on",
                from.typed(),
                Problem::Other {
                    th: format!("ก่อนวันประชุมที่มีมติ ({})", decision.resolution.label),
                    en: format!("is before the meeting that adopted it ({})", decision.held_on),
                },
            ));
        }
        if reader.allocation_plans()?.iter().any(|p| p.plan.effective_from == from.get()) {
            return Err(Error::invalid("effective_on", from.typed(), Problem::Duplicate));
        }
        tx.insert_allocation_plan(&plan, resolution_id, &ctx.recorded_by, &ctx.now_text())
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct MemberShare {
    pub member_no: String,
    pub name: String,
    pub dividend: Satang,
    pub refund: Satang,
}

/// One part as allocated: its kind, its name, its share and what it came to.
#[derive(Clone, Debug, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct AllocatedPart {
    pub kind: PartKind,
    pub name: String,
    pub basis_points: i64,
    pub amount: Satang,
}

#[derive(Clone, Debug, Serialize)]
pub struct AllocationOutcome {
    pub year: i32,
    pub profit: Satang,
    pub parts: Vec<AllocatedPart>,
    pub members: Vec<MemberShare>,
    pub doc_no: String,
}

/// The account a part is credited to (dividends and refunds: each member's line on 2102).
fn part_account(kind: PartKind) -> &'static str {
    match kind {
        PartKind::Reserve => RESERVE,
        PartKind::Dividend | PartKind::Refund => DIVIDENDS_PAYABLE,
        PartKind::Welfare => WELFARE_ALLOCATED,
        PartKind::Committee => COMMITTEE_PAYABLE,
        PartKind::Public => PUBLIC_ALLOCATED,
        PartKind::Administration => ADMINISTRATION_ALLOCATED,
        PartKind::Other => OTHER_ALLOCATED,
    }
}

/// Allocate the savings group's net profit of the fiscal year named `year` (BE or CE, the
/// year it ends in) by the plan in force on `day`, a day after the fiscal year ends.
pub fn allocate(store: &mut Store, ctx: &Ctx, year: i32, day: &Day) -> Result<AllocationOutcome> {
    // The screen suggests the Buddhist-era year (2568); a CE year is taken as well. Either
    // names the fiscal year by the year it ends in.
    let typed_year = year;
    let date = day.get();
    store.write(|tx| {
        let reader = tx.read();
        let fund = reader.require_fund()?.profile;
        let year = fund.fiscal_year_named(typed_year)?;
        super::require_savings_kept(&fund, "การจัดสรรกำไร / profit allocation")?;
        if reader.allocation_of(year)?.is_some() {
            return Err(Error::invalid("year", typed_year.to_string(), Problem::Duplicate));
        }
        let (from, to) = crate::report::yearly::year_span(&fund, year);
        if date <= to {
            return Err(Error::invalid(
                "date",
                day.typed(),
                Problem::Other {
                    th: "ต้องหลังสิ้นปีบัญชี".into(),
                    en: "must be after the fiscal year ends".into(),
                },
            ));
        }
        super::check_entry_date(&reader, ctx, day)?;
        let plans: Vec<AllocationPlan> =
            reader.allocation_plans()?.into_iter().map(|p| p.plan).collect();
        let plan = plan_in_force(&plans, date).cloned().ok_or(AllocationRefusal::NoPlan)?;
        let report = crate::report::yearly(&reader, year, ctx.today())?;
        // Only the savings group's own net profit: never the members' contributions, entrance
        // fees or the matching money, which are the welfare fund's.
        let profit = report.savings_profit;
        if profit.satang() <= 0 {
            return Err(AllocationRefusal::NoProfit.into());
        }
        let amounts = largest_remainder(
            profit.satang(),
            &plan.parts.iter().map(|p| i128::from(p.basis_points)).collect::<Vec<_>>(),
        );
        let part_of = |kind: PartKind| {
            plan.parts.iter().zip(&amounts).find(|(p, _)| p.kind == kind).map_or(0, |(_, a)| *a)
        };
        let savings = reader.savings_month_weights(&from.to_string(), &to.to_string())?;
        let interest = reader.interest_paid_between(&from.to_string(), &to.to_string())?;
        let mut ids: Vec<i64> = savings.keys().chain(interest.keys()).copied().collect();
        ids.sort();
        ids.dedup();
        let weights_of = |m: &std::collections::HashMap<i64, i128>| {
            ids.iter().map(|id| m.get(id).copied().unwrap_or(0)).collect::<Vec<_>>()
        };
        let (dividend_pool, refund_pool) = (part_of(PartKind::Dividend), part_of(PartKind::Refund));
        let dividends = largest_remainder(dividend_pool, &weights_of(&savings));
        let refunds = largest_remainder(refund_pool, &weights_of(&interest));
        if dividend_pool > 0 && dividends.iter().sum::<i64>() != dividend_pool {
            return Err(AllocationRefusal::NoSavers.into());
        }
        if refund_pool > 0 && refunds.iter().sum::<i64>() != refund_pool {
            return Err(AllocationRefusal::NoBorrowers.into());
        }
        let mut postings = vec![Posting::debit(PROFIT_ALLOCATED, profit)];
        // One credit per account, whatever number of named parts share it.
        let mut by_account: Vec<(&str, i64)> = Vec::new();
        for (p, amount) in plan.parts.iter().zip(&amounts) {
            if p.kind.to_members() || *amount == 0 {
                continue;
            }
            let account = part_account(p.kind);
            match by_account.iter_mut().find(|(a, _)| *a == account) {
                Some((_, sum)) => *sum += amount,
                None => by_account.push((account, *amount)),
            }
        }
        for (account, amount) in by_account {
            postings.push(Posting::credit(account, Satang::new(amount)));
        }
        let mut members = Vec::new();
        let mut shares = Vec::new();
        for (i, id) in ids.iter().enumerate() {
            let share = dividends[i] + refunds[i];
            if share > 0 {
                postings
                    .push(Posting::credit(DIVIDENDS_PAYABLE, Satang::new(share)).for_member(*id));
                let m = reader
                    .member_by_id(*id)?
                    .ok_or(Error::NotFound { what: "member", key: id.to_string() })?;
                members.push(MemberShare {
                    member_no: m.member_no.clone(),
                    name: m.full_name(),
                    dividend: Satang::new(dividends[i]),
                    refund: Satang::new(refunds[i]),
                });
                shares.push(AllocationShare {
                    member_id: *id,
                    dividend: Satang::new(dividends[i]),
                    refund: Satang::new(refunds[i]),
                });
            }
        }
        let entry = BalancedEntry::new(
            date,
            EntryKind::Allocation,
            format!("จัดสรรกำไรปีบัญชี {}", fund.fiscal_year_name(year)),
            None,
            postings,
        )?;
        let posted = tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())?;
        let parts: Vec<AllocatedPart> = plan
            .parts
            .iter()
            .zip(&amounts)
            .map(|(p, a)| AllocatedPart {
                kind: p.kind,
                name: p.name.clone(),
                basis_points: p.basis_points,
                amount: Satang::new(*a),
            })
            .collect();
        tx.insert_allocation(
            year,
            posted.id,
            &serde_json::to_string(&parts).expect("plain"),
            &shares,
        )?;
        Ok(AllocationOutcome { year, profit, parts, members, doc_no: posted.doc_no })
    })
}

/// Where the batch pays the members' shares: into each one's sajja savings, or from a till.
#[derive(Clone, Debug)]
pub enum PayInto {
    Savings,
    Till(Input<Till>),
}

impl PayInto {
    /// `savings` / `เงินสัจจะ`, or a till as `Input::till` reads it (`cash`, `bank`, a code).
    pub fn parse(text: &str) -> Result<PayInto> {
        match text.trim() {
            "savings" | "เงินสัจจะ" => Ok(PayInto::Savings),
            other => Ok(PayInto::Till(Input::till(other)?)),
        }
    }
}

/// One member's share as the batch paid it.
#[derive(Clone, Debug, Serialize)]
pub struct PaidShare {
    pub member_no: String,
    pub name: String,
    pub amount: Satang,
    pub doc_no: String,
}

/// A member the batch did not pay, and why (their savings are closed: pay them in cash).
#[derive(Clone, Debug, Serialize)]
pub struct UnpaidShare {
    pub member_no: String,
    pub name: String,
    pub amount: Satang,
    pub status: MemberStatus,
}

#[derive(Clone, Debug, Serialize)]
pub struct PayoutOutcome {
    pub year: i32,
    pub paid: Vec<PaidShare>,
    pub total: Satang,
    pub not_paid: Vec<UnpaidShare>,
}

/// Pay every member's share of `year`'s allocation not paid yet: one entry each, in one
/// transaction. Into savings, a member who is no longer active is left for a cash payment.
pub fn pay_dividends(
    store: &mut Store,
    ctx: &Ctx,
    year: i32,
    into: &PayInto,
    day: &Day,
) -> Result<PayoutOutcome> {
    let date = day.get();
    store.write(|tx| {
        let reader = tx.read();
        let fund = reader.require_fund()?.profile;
        // A fiscal year is named by the BE year it ends in, as the yearly report names it.
        let named = fund.fiscal_year_name(fund.fiscal_year_named(year)?);
        let year = fund.fiscal_year_named(year)?;
        let (allocation_entry, _) =
            reader.allocation_of(year)?.ok_or(AllocationRefusal::NotAllocated { year: named })?;
        super::check_entry_date(&reader, ctx, day)?;
        let allocated_on = reader
            .entry(allocation_entry)?
            .ok_or(Error::NotFound { what: "entry", key: allocation_entry.to_string() })?
            .entry_date;
        if date.to_string() < allocated_on {
            return Err(Error::invalid(
                "date",
                day.typed(),
                Problem::Other {
                    th: "ก่อนวันที่จัดสรรกำไร".into(),
                    en: format!("is before the allocation ({allocated_on})"),
                },
            ));
        }
        let till = match into {
            PayInto::Savings => None,
            PayInto::Till(t) => Some(super::till_account(&reader, t)?),
        };
        let mut paid_before: std::collections::HashMap<i64, i64> = Default::default();
        for p in reader.dividend_payments(year)? {
            *paid_before.entry(p.member_id).or_default() += p.amount.satang();
        }
        // Read every share owed first, then post an entry for each.
        let mut owed_shares = Vec::new();
        for share in reader.allocation_shares(year)? {
            let owed = (share.dividend + share.refund).satang()
                - paid_before.get(&share.member_id).copied().unwrap_or(0);
            if owed <= 0 {
                continue;
            }
            let member = reader
                .member_by_id(share.member_id)?
                .ok_or(Error::NotFound { what: "member", key: share.member_id.to_string() })?;
            let status =
                reader.status_on(member.id, &date.to_string())?.unwrap_or(MemberStatus::Active);
            owed_shares.push((member, Satang::new(owed), status));
        }
        let mut out = PayoutOutcome { year, paid: vec![], total: Satang::ZERO, not_paid: vec![] };
        for (member, owed, status) in owed_shares {
            let (kind, credit, paid_into, words) = match &till {
                None if status != MemberStatus::Active => {
                    out.not_paid.push(UnpaidShare {
                        member_no: member.member_no.clone(),
                        name: member.full_name(),
                        amount: owed,
                        status,
                    });
                    continue;
                }
                None => (
                    EntryKind::DividendToSavings,
                    Posting::credit(SAVINGS_OWED, owed).for_member(member.id),
                    "savings",
                    "โอนเข้าเงินสัจจะ",
                ),
                Some(t) => (
                    EntryKind::DividendPayout,
                    Posting::credit(t, owed),
                    if t == BANK { "bank" } else { "cash" },
                    if t == CASH {
                        "จ่ายเป็นเงินสด"
                    } else {
                        "จ่ายจากบัญชี"
                    },
                ),
            };
            let entry = BalancedEntry::new(
                date,
                kind,
                format!("ปันผลและเฉลี่ยคืนปีบัญชี {named} ของ {} {words}", member.full_name()),
                Some(member.id),
                vec![Posting::debit(DIVIDENDS_PAYABLE, owed).for_member(member.id), credit],
            )?;
            let posted = tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())?;
            tx.insert_dividend_payment(posted.id, year, member.id, owed, paid_into)?;
            out.total += owed;
            out.paid.push(PaidShare {
                name: member.full_name(),
                member_no: member.member_no,
                amount: owed,
                doc_no: posted.doc_no,
            });
        }
        if out.paid.is_empty() {
            return Err(AllocationRefusal::NothingToPay {
                year: named,
                not_paid: out.not_paid.len(),
            }
            .into());
        }
        Ok(out)
    })
}
