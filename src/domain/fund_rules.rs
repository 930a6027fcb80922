//! The fund's own governance rules, each named, dated and carrying the decision it comes
//! from (the general assembly's resolution, as typed), so that a change applies from its day
//! and the rule in force on an earlier day is still known:
//! - who changes the welfare rules and the allocation parts: the general assembly (the
//!   default), or the committee where the fund's rules let it;
//! - whether a month closes only after the cash is counted (off by default);
//! - the monthly sajja pledge (เงินสัจจะขั้นต่ำต่อเดือน) of a fund that keeps savings: a month
//!   in which a member saves less than it is a missed pledge, and missed months in a row count
//!   as arrears that the lapse rule reads (none by default).

use super::money::{Satang, Sign};
use crate::error::Problem;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FundRuleKey {
    /// 0: the general assembly; 1: the committee.
    RulesChangedBy,
    /// 0 or 1.
    RequireCashCount,
    /// Satang a month; 0: no pledge is counted.
    SajjaPledge,
}

impl FundRuleKey {
    pub const ALL: [FundRuleKey; 3] =
        [FundRuleKey::RulesChangedBy, FundRuleKey::RequireCashCount, FundRuleKey::SajjaPledge];

    pub fn key(self) -> &'static str {
        match self {
            FundRuleKey::RulesChangedBy => "rules_changed_by",
            FundRuleKey::RequireCashCount => "require_cash_count",
            FundRuleKey::SajjaPledge => "sajja_pledge",
        }
    }

    pub fn name_th(self) -> &'static str {
        match self {
            FundRuleKey::RulesChangedBy => "ผู้มีอำนาจแก้ระเบียบสวัสดิการและสัดส่วนการจัดสรรกำไร",
            FundRuleKey::RequireCashCount => "ปิดงวดได้เมื่อนับเงินสดแล้วเท่านั้น",
            FundRuleKey::SajjaPledge => "เงินสัจจะขั้นต่ำต่อเดือน (ขาดส่งนับเป็นค้างส่ง)",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            FundRuleKey::RulesChangedBy => "who changes the welfare rules and allocation parts",
            FundRuleKey::RequireCashCount => "a month closes only after the cash is counted",
            FundRuleKey::SajjaPledge => "monthly sajja pledge (missed months count as arrears)",
        }
    }

    pub fn parse(text: &str) -> Result<FundRuleKey, Problem> {
        let t = text.trim().replace('-', "_");
        FundRuleKey::ALL.into_iter().find(|k| k.key() == t).ok_or_else(|| Problem::UnknownChoice {
            allowed: FundRuleKey::ALL.map(|k| k.key()).join(", "),
        })
    }

    /// What the program assumes until the fund records its own rule.
    pub fn default_value(self) -> i64 {
        0
    }

    /// The value as typed: `general`/`committee` (or their Thai names), `yes`/`no`, baht.
    pub fn parse_value(self, text: &str) -> Result<i64, Problem> {
        let t = text.trim();
        match self {
            FundRuleKey::RulesChangedBy => match t {
                "general" | "assembly" | "ที่ประชุมใหญ่" => Ok(0),
                "committee" | "คณะกรรมการ" => Ok(1),
                _ => Err(Problem::UnknownChoice { allowed: "general, committee".into() }),
            },
            FundRuleKey::RequireCashCount => match t {
                "no" | "0" | "false" | "ไม่" => Ok(0),
                "yes" | "1" | "true" | "ใช่" => Ok(1),
                _ => Err(Problem::UnknownChoice { allowed: "yes, no".into() }),
            },
            FundRuleKey::SajjaPledge => Ok(Satang::parse(t, Sign::NonNegative)?.satang()),
        }
    }

    /// The value as a Thai reader reads it.
    pub fn show_th(self, value: i64) -> String {
        match (self, value) {
            (FundRuleKey::RulesChangedBy, 1) => "คณะกรรมการ".into(),
            (FundRuleKey::RulesChangedBy, _) => "ที่ประชุมใหญ่".into(),
            (FundRuleKey::RequireCashCount, 1) => "ใช่".into(),
            (FundRuleKey::RequireCashCount, _) => "ไม่".into(),
            (FundRuleKey::SajjaPledge, 0) => "ไม่นับ".into(),
            (FundRuleKey::SajjaPledge, v) => format!("{} บาท", Satang::new(v).display()),
        }
    }
}

/// One rule from a day on, and the decision it comes from (in words, and the passed
/// resolution when one is cited).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FundRule {
    pub key: FundRuleKey,
    pub value: i64,
    pub effective_from: NaiveDate,
    pub decision: String,
    pub resolution_id: Option<i64>,
}

/// The value of `key` in force on `day` among `rules` (any order), or its default.
pub fn value_on(rules: &[FundRule], key: FundRuleKey, day: NaiveDate) -> i64 {
    rules
        .iter()
        .filter(|r| r.key == key && r.effective_from <= day)
        .max_by_key(|r| r.effective_from)
        .map(|r| r.value)
        .unwrap_or(key.default_value())
}

/// The months in a row, ending with the last whole month on or before `as_of`, in which a
/// member saved less than the pledge in force on the month's first day: `saved` gives what
/// they saved in a month (`YYYY-MM`). Months before they joined, or before a pledge was in
/// force, are never missed.
pub fn missed_pledges_in_a_row(
    rules: &[FundRule],
    joined: NaiveDate,
    as_of: NaiveDate,
    saved: impl Fn(&str) -> Satang,
) -> i64 {
    use chrono::Datelike;
    let last_whole = if super::date::last_of_month(as_of.year(), as_of.month()) == as_of {
        (as_of.year(), as_of.month())
    } else if as_of.month() == 1 {
        (as_of.year() - 1, 12)
    } else {
        (as_of.year(), as_of.month() - 1)
    };
    let mut missed = 0;
    let (mut y, mut m) = last_whole;
    loop {
        let first = super::date::first_of_month(y, m);
        // the month they joined counts when they joined on its first day only
        if first < joined {
            break;
        }
        let pledge = value_on(rules, FundRuleKey::SajjaPledge, first);
        if pledge == 0 || saved(&format!("{y:04}-{m:02}")).satang() >= pledge {
            break;
        }
        missed += 1;
        (y, m) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
    }
    missed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn missed_months_run_back_from_the_last_whole_month_to_a_kept_one() {
        let rules = vec![FundRule {
            key: FundRuleKey::SajjaPledge,
            value: 10_000,
            effective_from: d(2026, 1, 1),
            decision: "มติที่ 1".into(),
            resolution_id: None,
        }];
        let saved = |month: &str| match month {
            "2026-03" => Satang::from_baht(100),
            "2026-04" => Satang::from_baht(50),
            _ => Satang::ZERO,
        };
        // April short, May and June nothing: three in a row at the end of June
        assert_eq!(missed_pledges_in_a_row(&rules, d(2025, 1, 1), d(2026, 6, 30), saved), 3);
        // mid-July: July is not over yet
        assert_eq!(missed_pledges_in_a_row(&rules, d(2025, 1, 1), d(2026, 7, 15), saved), 3);
        // March was kept
        assert_eq!(missed_pledges_in_a_row(&rules, d(2025, 1, 1), d(2026, 3, 31), saved), 0);
        // before the pledge was in force nothing is missed: January and February only
        let nothing = |_: &str| Satang::ZERO;
        assert_eq!(missed_pledges_in_a_row(&rules, d(2020, 1, 1), d(2026, 2, 28), nothing), 2);
        // nor before joining
        assert_eq!(missed_pledges_in_a_row(&rules, d(2026, 2, 10), d(2026, 4, 30), nothing), 2);
        assert_eq!(missed_pledges_in_a_row(&[], d(2020, 1, 1), d(2026, 4, 30), nothing), 0);
    }

    #[test]
    fn values_are_read_once_and_shown_in_thai() {
        assert_eq!(FundRuleKey::RulesChangedBy.parse_value("คณะกรรมการ"), Ok(1));
        assert_eq!(FundRuleKey::SajjaPledge.parse_value("๑๐๐"), Ok(10_000));
        assert!(FundRuleKey::SajjaPledge.parse_value("-5").is_err());
        assert!(FundRuleKey::RequireCashCount.parse_value("maybe").is_err());
        assert_eq!(FundRuleKey::SajjaPledge.show_th(10_000), "100.00 บาท");
        assert!(FundRuleKey::parse("nope").is_err());
    }
}
