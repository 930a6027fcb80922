//! The yearly report (DESIGN §5): income and expenditure, balance sheet, welfare by
//! category, members by group and village, contributions and arrears, matching money by
//! source, and the twelve months of receipts and payments for a chart.

use super::month::{month_summary, MonthLine};
use crate::domain::date::{first_of_month, last_of_month};
use crate::domain::member::age_groups;
use crate::domain::{AccountClass, FundProfile, MemberGroup, Satang};
use crate::error::Result;
use crate::store::{Reader, WelfarePaid};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Serialize)]
pub struct MonthFlow {
    pub month: String,
    pub receipts: Satang,
    pub payments: Satang,
    pub closing: Satang,
}

#[derive(Clone, Debug, Serialize)]
pub struct YearReport {
    pub fund: FundProfile,
    /// The fiscal year, named by the CE year it starts in.
    pub year: i32,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub income: Vec<MonthLine>,
    pub expenses: Vec<MonthLine>,
    pub total_income: Satang,
    pub total_expenses: Satang,
    /// Income minus expenses.
    pub surplus: Satang,
    /// The savings group's net profit: its own income (loan interest, fines; in a savings
    /// group alone also bank interest and other income) less its own expenses. The only
    /// money ever allocated; contributions and matching money are the welfare fund's.
    pub savings_profit: Satang,
    pub assets: Vec<MonthLine>,
    pub liabilities: Vec<MonthLine>,
    /// Equity accounts plus the surplus accumulated to the year end.
    pub equity: Vec<MonthLine>,
    pub total_assets: Satang,
    pub total_liabilities_and_equity: Satang,
    pub welfare: Vec<WelfarePaid>,
    pub members_active: i64,
    pub members_by_group: Vec<(MemberGroup, i64)>,
    pub members_by_moo: Vec<(Option<u32>, i64)>,
    pub contributions_received: Satang,
    pub members_in_arrears: i64,
    pub arrears_amount: Satang,
    pub matching: Vec<MonthLine>,
    pub months: Vec<MonthFlow>,
    pub fingerprint: String,
    pub printed_on: NaiveDate,
}

/// The fiscal year `year` of the fund (CE year it starts in; a BE year is converted by the caller).
pub fn year_span(fund: &FundProfile, year: i32) -> (NaiveDate, NaiveDate) {
    let start = first_of_month(year, fund.fiscal_year_start);
    let end_month = (fund.fiscal_year_start + 10) % 12 + 1;
    let end_year = if fund.fiscal_year_start == 1 { year } else { year + 1 };
    (start, last_of_month(end_year, end_month))
}

pub fn yearly(reader: &Reader<'_>, year: i32, printed_on: NaiveDate) -> Result<YearReport> {
    let fund = reader.require_fund()?.profile;
    let (from, to) = year_span(&fund, year);
    let accounts = reader.accounts()?;
    let account = |code: &str| accounts.iter().find(|a| a.code == code);
    let line = |code: &str, amount: i64| MonthLine {
        code: code.to_string(),
        name_th: account(code).map(|a| a.name_th.clone()).unwrap_or_default(),
        name_en: account(code).map(|a| a.name_en.clone()).unwrap_or_default(),
        amount: Satang::new(amount),
    };
    let before = from.pred_opt().expect("not the first day").to_string();
    let start_totals = reader.totals_as_of(&before)?;
    let end_totals = reader.totals_as_of(&to.to_string())?;
    let net_in_year = |code: &str| {
        let end =
            end_totals.iter().find(|t| t.account == code).map(|t| t.net().satang()).unwrap_or(0);
        let start =
            start_totals.iter().find(|t| t.account == code).map(|t| t.net().satang()).unwrap_or(0);
        end - start
    };
    let class_of =
        |code: &str| account(code).map(|a| a.class).or_else(|| AccountClass::of_code(code));

    let mut income = Vec::new();
    let mut expenses = Vec::new();
    let mut assets = Vec::new();
    let mut liabilities = Vec::new();
    let mut equity = Vec::new();
    let mut accumulated = 0i64;
    for t in &end_totals {
        let code = t.account.as_str();
        match class_of(code) {
            Some(AccountClass::Income) => {
                accumulated += -t.net().satang();
                let v = -net_in_year(code);
                if v != 0 {
                    income.push(line(code, v));
                }
            }
            Some(AccountClass::Expense) => {
                accumulated -= t.net().satang();
                let v = net_in_year(code);
                if v != 0 {
                    expenses.push(line(code, v));
                }
            }
            Some(AccountClass::Asset) if t.net().satang() != 0 => {
                assets.push(line(code, t.net().satang()))
            }
            Some(AccountClass::Liability) if t.net().satang() != 0 => {
                liabilities.push(line(code, -t.net().satang()))
            }
            Some(AccountClass::Equity) if t.net().satang() != 0 => {
                equity.push(line(code, -t.net().satang()))
            }
            _ => {}
        }
    }
    equity.push(MonthLine {
        code: String::new(),
        name_th: "รายได้สูงกว่าค่าใช้จ่ายสะสม".into(),
        name_en: "Accumulated surplus".into(),
        amount: Satang::new(accumulated),
    });
    let sum = |v: &[MonthLine]| v.iter().map(|l| l.amount).sum::<Satang>();
    let kind = reader.require_fund()?.profile.kind;
    let savings = |code: &str| {
        crate::domain::accounts::activity_of(code, kind)
            == Some(crate::domain::accounts::Activity::Savings)
    };
    let total_income = sum(&income);
    let total_expenses = sum(&expenses);

    let active = reader.active_member_profiles(&to.to_string())?;
    let mut by_group: BTreeMap<MemberGroup, i64> = BTreeMap::new();
    let mut by_moo: BTreeMap<Option<u32>, i64> = BTreeMap::new();
    for (birth_date, member_groups, moo) in &active {
        let birth = birth_date.as_deref().and_then(|b| crate::domain::date::parse(b).ok());
        let mut groups = age_groups(birth, to);
        groups.extend(member_groups.iter().copied());
        for g in groups {
            *by_group.entry(g).or_default() += 1;
        }
        *by_moo.entry(*moo).or_default() += 1;
    }

    let in_arrears = super::standing::in_arrears(reader, to)?;

    let mut months = Vec::new();
    let mut d = from;
    while d <= to {
        let s = month_summary(reader, chrono::Datelike::year(&d), chrono::Datelike::month(&d))?;
        months.push(MonthFlow {
            month: s.month.clone(),
            receipts: s.total_receipts,
            payments: s.total_payments,
            closing: s.closing,
        });
        d = last_of_month(chrono::Datelike::year(&d), chrono::Datelike::month(&d))
            .succ_opt()
            .expect("next month");
    }
    let head = reader.sealed_head(&crate::domain::date::month_key(to))?;
    Ok(YearReport {
        year,
        from,
        to,
        total_income,
        total_expenses,
        surplus: total_income - total_expenses,
        savings_profit: Satang::new(
            income.iter().filter(|l| savings(&l.code)).map(|l| l.amount.satang()).sum::<i64>()
                - expenses
                    .iter()
                    .filter(|l| savings(&l.code))
                    .map(|l| l.amount.satang())
                    .sum::<i64>(),
        ),
        total_assets: sum(&assets),
        total_liabilities_and_equity: Satang::new(
            sum(&liabilities).satang() + sum(&equity).satang(),
        ),
        income: income.clone(),
        matching: income.iter().filter(|l| l.code.starts_with("42")).cloned().collect(),
        contributions_received: income
            .iter()
            .filter(|l| l.code == crate::domain::accounts::CONTRIBUTIONS)
            .map(|l| l.amount)
            .next()
            .unwrap_or_default(),
        expenses,
        assets,
        liabilities,
        equity,
        welfare: reader.welfare_paid_between(&from.to_string(), &to.to_string())?,
        members_active: active.len() as i64,
        members_by_group: by_group.into_iter().collect(),
        members_by_moo: by_moo.into_iter().collect(),
        members_in_arrears: in_arrears.len() as i64,
        arrears_amount: in_arrears.iter().map(|r| r.arrears_amount).sum(),
        months,
        fingerprint: crate::domain::chain::fingerprint(&head),
        fund,
        printed_on,
    })
}
