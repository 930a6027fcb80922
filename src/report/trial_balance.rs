//! The trial balance (งบทดลอง): every account's balance as of a date, debit or credit side.
//! Its two columns are equal, or the books are broken.

use crate::domain::{AccountClass, Satang};
use crate::error::Result;
use crate::store::Reader;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct TrialBalanceLine {
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    pub class: AccountClass,
    pub debit: Satang,
    pub credit: Satang,
}

#[derive(Clone, Debug, Serialize)]
pub struct TrialBalance {
    pub fund_name: String,
    pub as_of: NaiveDate,
    pub lines: Vec<TrialBalanceLine>,
    pub total_debit: Satang,
    pub total_credit: Satang,
    /// Sum of all postings up to the date; zero when the books balance.
    pub difference: Satang,
}

pub fn trial_balance(reader: &Reader<'_>, as_of: NaiveDate) -> Result<TrialBalance> {
    let fund = reader.require_fund()?;
    let accounts = reader.accounts()?;
    let totals = reader.totals_as_of(&as_of.to_string())?;
    let mut lines = Vec::new();
    let (mut total_debit, mut total_credit) = (0i64, 0i64);
    for t in totals {
        let net = t.net().satang();
        if net == 0 {
            continue;
        }
        let account = accounts.iter().find(|a| a.code == t.account);
        let (debit, credit) = if net > 0 { (net, 0) } else { (0, -net) };
        total_debit += debit;
        total_credit += credit;
        lines.push(TrialBalanceLine {
            code: t.account.clone(),
            name_th: account.map(|a| a.name_th.clone()).unwrap_or_default(),
            name_en: account.map(|a| a.name_en.clone()).unwrap_or_default(),
            class: account
                .map(|a| a.class)
                .or_else(|| AccountClass::of_code(&t.account))
                .unwrap_or(AccountClass::Asset),
            debit: Satang::new(debit),
            credit: Satang::new(credit),
        });
    }
    Ok(TrialBalance {
        fund_name: fund.profile.name_th,
        as_of,
        lines,
        total_debit: Satang::new(total_debit),
        total_credit: Satang::new(total_credit),
        difference: Satang::new(total_debit - total_credit),
    })
}
