//! Contribution periods. Each schedule numbers its periods with an integer (a day, a month,
//! a fiscal year); a member owes one contribution for each period from the one they joined in
//! up to today (or until they stopped being active). Payments fill periods in order, so the
//! ledger only needs how many periods each member has paid.

use super::fund::Schedule;
use super::money::Satang;
use crate::error::{Error, Problem};
use chrono::{Datelike, NaiveDate};

/// The period a date falls in, as a number that grows by one per period.
pub fn period_of(schedule: Schedule, fiscal_year_start: u32, date: NaiveDate) -> i64 {
    match schedule {
        Schedule::Daily => i64::from(date.num_days_from_ce()),
        Schedule::Monthly => i64::from(date.year()) * 12 + i64::from(date.month0()),
        Schedule::Yearly => i64::from(fiscal_year_of(fiscal_year_start, date)),
    }
}

/// The fiscal year (named by the CE year it starts in) that holds `date`.
pub fn fiscal_year_of(fiscal_year_start: u32, date: NaiveDate) -> i32 {
    if date.month() >= fiscal_year_start {
        date.year()
    } else {
        date.year() - 1
    }
}

/// How many periods are owed from `joined` through `until` (inclusive), 0 if `until` is
/// before joining.
pub fn periods_owed(
    schedule: Schedule,
    fiscal_year_start: u32,
    joined: NaiveDate,
    until: NaiveDate,
) -> i64 {
    if until < joined {
        return 0;
    }
    period_of(schedule, fiscal_year_start, until) - period_of(schedule, fiscal_year_start, joined)
        + 1
}

/// A human label of the period numbered `index`: `2026-10-05`, `2026-10`, or `FY2026`.
pub fn period_label(schedule: Schedule, index: i64) -> String {
    match schedule {
        Schedule::Daily => NaiveDate::from_num_days_from_ce_opt(index as i32)
            .map(|d| d.to_string())
            .unwrap_or_default(),
        Schedule::Monthly => format!("{:04}-{:02}", index.div_euclid(12), index.rem_euclid(12) + 1),
        Schedule::Yearly => format!("FY{index}"),
    }
}

/// How many periods an amount pays: it must be a positive whole multiple of the rate.
pub fn periods_paid(field: &'static str, amount: Satang, rate: Satang) -> crate::Result<i64> {
    if amount.satang() <= 0 {
        return Err(Error::invalid(field, amount.display(), Problem::ZeroNotAllowed));
    }
    if rate.satang() <= 0 || amount.satang() % rate.satang() != 0 {
        return Err(Error::invalid(
            field,
            amount.display(),
            Problem::NotMultipleOf { unit: format!("{} บาท/baht", rate.display()) },
        ));
    }
    Ok(amount.satang() / rate.satang())
}

/// One member's standing: periods owed and paid, and what follows from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Standing {
    pub owed: i64,
    pub paid: i64,
}

impl Standing {
    pub fn arrears_periods(self) -> i64 {
        (self.owed - self.paid).max(0)
    }
    pub fn prepaid_periods(self) -> i64 {
        (self.paid - self.owed).max(0)
    }
    /// The fund rule: lapse after `lapse_after` missed periods (0 means never).
    pub fn should_lapse(self, lapse_after: u32) -> bool {
        lapse_after > 0 && self.arrears_periods() >= i64::from(lapse_after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_owed_per_schedule() {
        let joined = d(2025, 11, 20);
        assert_eq!(periods_owed(Schedule::Monthly, 1, joined, d(2025, 11, 20)), 1);
        assert_eq!(periods_owed(Schedule::Monthly, 1, joined, d(2026, 10, 31)), 12);
        assert_eq!(periods_owed(Schedule::Daily, 1, joined, d(2025, 11, 30)), 11);
        assert_eq!(periods_owed(Schedule::Yearly, 1, joined, d(2026, 1, 1)), 2);
        // fiscal year starting in October: Nov 2025 and Sep 2026 are the same year
        assert_eq!(periods_owed(Schedule::Yearly, 10, joined, d(2026, 9, 30)), 1);
        assert_eq!(periods_owed(Schedule::Yearly, 10, joined, d(2026, 10, 1)), 2);
        assert_eq!(periods_owed(Schedule::Monthly, 1, joined, d(2025, 1, 1)), 0);
    }

    #[test]
    fn labels_and_multiples() {
        assert_eq!(period_label(Schedule::Monthly, 2026 * 12 + 9), "2026-10");
        assert_eq!(
            period_label(Schedule::Daily, i64::from(d(2026, 10, 5).num_days_from_ce())),
            "2026-10-05"
        );
        assert_eq!(periods_paid("contribution", Satang::new(9000), Satang::new(3000)).unwrap(), 3);
        assert!(periods_paid("contribution", Satang::new(4500), Satang::new(3000)).is_err());
        assert!(periods_paid("contribution", Satang::new(0), Satang::new(3000)).is_err());
    }

    #[test]
    fn lapse_rule() {
        let s = Standing { owed: 10, paid: 7 };
        assert_eq!(s.arrears_periods(), 3);
        assert!(s.should_lapse(3));
        assert!(!s.should_lapse(4));
        assert!(!s.should_lapse(0));
        assert_eq!(Standing { owed: 2, paid: 5 }.prepaid_periods(), 3);
    }
}
