//! Savings-group loans: the monthly schedule (flat or declining-balance interest) and how a
//! repayment splits into interest and principal.

use super::money::Satang;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Interest on the original principal every month.
    Flat,
    /// Interest on what is still owed.
    Declining,
}

impl Method {
    pub fn key(self) -> &'static str {
        match self {
            Method::Flat => "flat",
            Method::Declining => "declining",
        }
    }

    /// `flat`/`คงที่` or `declining`/`ลดต้นลดดอก`.
    pub fn parse(field: &'static str, input: &str) -> crate::Result<Method> {
        crate::domain::choice::parse_choice(
            field,
            input,
            &[
                ("flat", Method::Flat),
                ("คงที่", Method::Flat),
                ("declining", Method::Declining),
                ("ลดต้นลดดอก", Method::Declining),
            ],
        )
    }
}

/// The highest interest a loan between people may carry: 15% a year (Civil and Commercial
/// Code s. 654), i.e. 1.25% a month, whether charged flat or on the declining balance (a
/// flat rate is charged on the whole principal every month, so it is never below its
/// nominal yearly rate).
pub const MAX_RATE_BP_A_MONTH: u32 = 125;

/// Refuse a monthly rate (in hundredths of a percent) above the legal yearly limit, naming
/// the yearly rate it comes to.
pub fn check_rate(field: &'static str, input: &str, rate_bp: i64) -> crate::Result<()> {
    if rate_bp > i64::from(MAX_RATE_BP_A_MONTH) {
        let yearly = crate::domain::Satang::new(rate_bp * 12).display();
        return Err(crate::Error::invalid(
            field,
            input,
            crate::Problem::Other {
                th: format!("เท่ากับร้อยละ {yearly} ต่อปี เกินร้อยละ 15 ต่อปีที่ประมวลกฎหมายแพ่งและพาณิชย์ มาตรา 654 กำหนด"),
                en: format!("comes to {yearly}% a year, above the 15% a year of the Civil and Commercial Code s. 654"),
            },
        ));
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Installment {
    pub no: u32,
    pub due: NaiveDate,
    pub principal: Satang,
    pub interest: Satang,
}

/// Equal principal each month (the last takes the remainder); interest at `rate_bp`
/// hundredths of a percent per month, rounded half up to the satang.
pub fn schedule(
    principal: Satang,
    rate_bp: u32,
    method: Method,
    term_months: u32,
    start: NaiveDate,
) -> Vec<Installment> {
    let n = i64::from(term_months.max(1));
    let base = principal.satang() / n;
    let mut outstanding = principal.satang();
    let mut out = Vec::new();
    for i in 1..=n {
        let p = if i == n { outstanding } else { base };
        let on = match method {
            Method::Flat => principal.satang(),
            Method::Declining => outstanding,
        };
        let interest = (i128::from(on) * i128::from(rate_bp) + 5_000) / 10_000;
        out.push(Installment {
            no: i as u32,
            due: start.checked_add_months(Months::new(i as u32)).unwrap_or(start),
            principal: Satang::new(p),
            interest: Satang::new(interest as i64),
        });
        outstanding -= p;
    }
    out
}

/// (principal, interest) scheduled on or before `date`.
pub fn due_by(schedule: &[Installment], date: NaiveDate) -> (Satang, Satang) {
    schedule
        .iter()
        .filter(|i| i.due <= date)
        .fold((Satang::ZERO, Satang::ZERO), |(p, i), x| (p + x.principal, i + x.interest))
}

/// Split a repayment: interest that has fallen due first, then principal (never more than
/// is owed). Returns (principal, interest) or None if the amount is more than is owed.
pub fn split_repayment(
    amount: Satang,
    interest_due_unpaid: Satang,
    outstanding: Satang,
) -> Option<(Satang, Satang)> {
    let interest = amount.satang().min(interest_due_unpaid.satang().max(0));
    let principal = amount.satang() - interest;
    if principal > outstanding.satang() {
        return None;
    }
    Some((Satang::new(principal), Satang::new(interest)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_sum_to_the_principal() {
        let start = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
        let flat = schedule(Satang::new(1_000_000), 100, Method::Flat, 12, start);
        assert_eq!(flat.iter().map(|i| i.principal.satang()).sum::<i64>(), 1_000_000);
        assert!(flat.iter().all(|i| i.interest == Satang::new(10_000)));
        assert_eq!(flat[0].due, NaiveDate::from_ymd_opt(2026, 2, 15).unwrap());
        let dec = schedule(Satang::new(1_000_000), 100, Method::Declining, 3, start);
        assert_eq!(
            dec.iter().map(|i| i.principal.satang()).collect::<Vec<_>>(),
            vec![333_333, 333_333, 333_334]
        );
        assert_eq!(
            dec.iter().map(|i| i.interest.satang()).collect::<Vec<_>>(),
            vec![10_000, 6_667, 3_333]
        );
        assert_eq!(
            due_by(&dec, NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()),
            (Satang::new(666_666), Satang::new(16_667))
        );
    }

    #[test]
    fn repayments_pay_interest_first() {
        assert_eq!(
            split_repayment(Satang::new(5000), Satang::new(1000), Satang::new(10000)),
            Some((Satang::new(4000), Satang::new(1000)))
        );
        assert_eq!(
            split_repayment(Satang::new(500), Satang::new(1000), Satang::new(10000)),
            Some((Satang::new(0), Satang::new(500)))
        );
        assert_eq!(
            split_repayment(Satang::new(20000), Satang::new(1000), Satang::new(10000)),
            None
        );
    }
}
