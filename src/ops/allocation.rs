//! Year-end allocation of a savings group's profit by the fund's percentages (reserve,
//! dividend on savings, refund on interest paid, welfare, committee, public benefit), split to
//! the satang with the largest-remainder method and posted as one entry with a line per
//! member for dividends and refunds.

use super::Ctx;
use crate::domain::accounts::{
    COMMITTEE_PAYABLE, DIVIDENDS_PAYABLE, PROFIT_ALLOCATED, PUBLIC_ALLOCATED, RESERVE,
    WELFARE_ALLOCATED,
};
use crate::domain::allocation::largest_remainder;
use crate::domain::input::Day;
use crate::domain::money::Sign;
use crate::domain::{BalancedEntry, EntryKind, Posting, Satang};
use crate::error::AllocationRefusal;
use crate::error::{Error, Problem, Result};
use crate::store::Store;
use serde::Serialize;

pub const PARTS: [(&str, &str); 6] = [
    ("reserve", "เงินสำรอง"),
    ("dividend", "ปันผลตามเงินสัจจะ"),
    ("refund", "เฉลี่ยคืนตามดอกเบี้ย"),
    ("welfare", "สวัสดิการสมาชิก"),
    ("committee", "ค่าตอบแทนกรรมการ"),
    ("public", "สาธารณประโยชน์"),
];

#[derive(Clone, Debug, Serialize)]
pub struct MemberShare {
    pub member_no: String,
    pub name: String,
    pub dividend: Satang,
    pub refund: Satang,
}

#[derive(Clone, Debug, Serialize)]
pub struct AllocationOutcome {
    pub year: i32,
    pub profit: Satang,
    pub parts: Vec<(String, Satang)>,
    pub members: Vec<MemberShare>,
    pub doc_no: String,
}

/// `percentages`: six values (reserve, dividend, refund, welfare, committee, public) in
/// percent with up to two decimals, summing to exactly 100.
pub fn allocate(
    store: &mut Store,
    ctx: &Ctx,
    year: i32,
    percentages: &[String],
    day: &Day,
) -> Result<AllocationOutcome> {
    // The screen suggests the Buddhist-era year (2568); a CE year is taken as well.
    let typed_year = year;
    let year = crate::domain::date::ce_year(year)?;
    if percentages.len() != 6 {
        return Err(Error::invalid(
            "percentages",
            percentages.join(","),
            Problem::Other {
                th: "ต้องมี 6 ส่วน".into(), en: "needs six parts".into()
            },
        ));
    }
    let pct: Vec<Satang> = percentages
        .iter()
        .map(|p| Satang::parse_field("percentages", p, Sign::NonNegative))
        .collect::<Result<_>>()?;
    let sum: i64 = pct.iter().map(|p| p.satang()).sum();
    if sum != 100_00 {
        return Err(Error::invalid(
            "percentages",
            percentages.join(","),
            Problem::Other {
                th: format!("รวมกันได้ร้อยละ {} ต้องเท่ากับ 100", Satang::new(sum).to_decimal()),
                en: format!("sum to {}%, not 100%", Satang::new(sum).to_decimal()),
            },
        ));
    }
    let date = day.get();
    store.write(|tx| {
        let reader = tx.read();
        let fund = reader.require_fund()?.profile;
        if !fund.kind.keeps_savings() {
            return Err(Error::NotOffered {
                kind: fund.kind.key().into(),
                what: "การจัดสรรกำไร / profit allocation".into(),
            });
        }
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
        let report = crate::report::yearly(&reader, year, ctx.today())?;
        // Only the savings group's own net profit: never the members' contributions, entrance
        // fees or the matching money, which are the welfare fund's.
        let profit = report.savings_profit;
        if profit.satang() <= 0 {
            return Err(AllocationRefusal::NoProfit.into());
        }
        let parts = largest_remainder(
            profit.satang(),
            &pct.iter().map(|p| i128::from(p.satang())).collect::<Vec<_>>(),
        );
        let savings = reader.savings_month_weights(&from.to_string(), &to.to_string())?;
        let interest = reader.interest_paid_between(&from.to_string(), &to.to_string())?;
        let mut ids: Vec<i64> = savings.keys().chain(interest.keys()).copied().collect();
        ids.sort();
        ids.dedup();
        let weights_of = |m: &std::collections::HashMap<i64, i128>| {
            ids.iter().map(|id| m.get(id).copied().unwrap_or(0)).collect::<Vec<_>>()
        };
        let dividends = largest_remainder(parts[1], &weights_of(&savings));
        let refunds = largest_remainder(parts[2], &weights_of(&interest));
        if parts[1] > 0 && dividends.iter().sum::<i64>() != parts[1] {
            return Err(AllocationRefusal::NoSavers.into());
        }
        if parts[2] > 0 && refunds.iter().sum::<i64>() != parts[2] {
            return Err(AllocationRefusal::NoBorrowers.into());
        }
        let mut postings = vec![Posting::debit(PROFIT_ALLOCATED, profit)];
        for (account, amount) in [
            (RESERVE, parts[0]),
            (WELFARE_ALLOCATED, parts[3]),
            (COMMITTEE_PAYABLE, parts[4]),
            (PUBLIC_ALLOCATED, parts[5]),
        ] {
            if amount > 0 {
                postings.push(Posting::credit(account, Satang::new(amount)));
            }
        }
        let mut members = Vec::new();
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
            }
        }
        let entry = BalancedEntry::new(
            date,
            EntryKind::Allocation,
            format!("จัดสรรกำไรประจำปี {}", year + crate::thai::BE_OFFSET),
            None,
            postings,
        )?;
        let posted = tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())?;
        let named: Vec<(String, Satang)> =
            PARTS.iter().zip(&parts).map(|((k, _), v)| (k.to_string(), Satang::new(*v))).collect();
        tx.insert_allocation(year, posted.id, &serde_json::to_string(&named).expect("plain"))?;
        Ok(AllocationOutcome { year, profit, parts: named, members, doc_no: posted.doc_no })
    })
}
