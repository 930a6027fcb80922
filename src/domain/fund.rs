//! The fund profile: who the fund is and the rules the ledger applies (schedule, amount,
//! lapse). One database file holds exactly one fund.

use super::money::Satang;
use crate::error::{Error, Problem};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FundKind {
    /// กองทุนสวัสดิการชุมชน
    Welfare,
    /// กลุ่มออมทรัพย์เพื่อการผลิต
    Savings,
    /// Both in one book.
    Both,
}

impl FundKind {
    pub fn key(self) -> &'static str {
        match self {
            FundKind::Welfare => "welfare",
            FundKind::Savings => "savings",
            FundKind::Both => "both",
        }
    }
    pub fn name_th(self) -> &'static str {
        match self {
            FundKind::Welfare => "กองทุนสวัสดิการชุมชน",
            FundKind::Savings => "กลุ่มออมทรัพย์เพื่อการผลิต",
            FundKind::Both => "กองทุนสวัสดิการชุมชนและกลุ่มออมทรัพย์",
        }
    }
    pub fn parse(input: &str) -> crate::Result<FundKind> {
        match input.trim() {
            "welfare" | "สวัสดิการ" => Ok(FundKind::Welfare),
            "savings" | "ออมทรัพย์" => Ok(FundKind::Savings),
            "both" => Ok(FundKind::Both),
            _ => Err(Error::invalid(
                "kind",
                input,
                Problem::UnknownChoice { allowed: "welfare, savings, both".into() },
            )),
        }
    }
    pub fn keeps_savings(self) -> bool {
        self != FundKind::Welfare
    }
}

/// How often a member owes the contribution.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Schedule {
    /// The classic "one baht a day" (วันละบาท): owed per day, usually paid a month at a time.
    Daily,
    Monthly,
    /// Per fiscal year.
    Yearly,
}

impl Schedule {
    pub fn key(self) -> &'static str {
        match self {
            Schedule::Daily => "daily",
            Schedule::Monthly => "monthly",
            Schedule::Yearly => "yearly",
        }
    }
    pub fn name_th(self) -> &'static str {
        match self {
            Schedule::Daily => "รายวัน",
            Schedule::Monthly => "รายเดือน",
            Schedule::Yearly => "รายปี",
        }
    }
    pub fn parse(input: &str) -> crate::Result<Schedule> {
        match input.trim() {
            "daily" | "รายวัน" => Ok(Schedule::Daily),
            "monthly" | "รายเดือน" => Ok(Schedule::Monthly),
            "yearly" | "รายปี" => Ok(Schedule::Yearly),
            _ => Err(Error::invalid(
                "schedule",
                input,
                Problem::UnknownChoice { allowed: "daily, monthly, yearly".into() },
            )),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FundProfile {
    pub name_th: String,
    pub name_en: String,
    pub kind: FundKind,
    pub fund_code: String,
    /// Village name and หมู่ number.
    pub village: String,
    pub moo: Option<u32>,
    pub tambon: String,
    pub amphoe: String,
    pub changwat: String,
    /// Month (1-12) the fiscal year starts; Thai funds often use 1 (January) or 10 (October).
    pub fiscal_year_start: u32,
    pub schedule: Schedule,
    /// Contribution owed per period.
    pub contribution: Satang,
    /// Entrance fee charged with the first payment (0 for none).
    pub entrance_fee: Satang,
    /// A member missing this many periods lapses (0: never).
    pub lapse_after: u32,
    /// Print digits as Thai digits.
    pub thai_digits: bool,
}

impl FundProfile {
    /// The fiscal year named `typed` (a BE or CE year): the year in which it **ends**, as
    /// ปีงบประมาณ is named, so that a year from October 2568 to September 2569 is «2569».
    /// Gives the (CE) year in which it starts, the key the books keep years by.
    pub fn fiscal_year_named(&self, typed: i32) -> crate::Result<i32> {
        let ends_in = super::date::ce_year(typed)?;
        Ok(if self.fiscal_year_start == 1 { ends_in } else { ends_in - 1 })
    }

    /// The name (the BE year it ends in) of the fiscal year that starts in CE `starts_in`.
    pub fn fiscal_year_name(&self, starts_in: i32) -> i32 {
        let ends_in = if self.fiscal_year_start == 1 { starts_in } else { starts_in + 1 };
        ends_in + crate::thai::BE_OFFSET
    }

    /// Whether members pay a contribution (a savings group of sajja savings only does not).
    pub fn takes_contribution(&self) -> bool {
        self.contribution.satang() > 0
    }

    /// Field checks that do not need the database.
    pub fn validate(&self) -> crate::Result<()> {
        super::text::required("name_th", &self.name_th, 200)?;
        let code = self.fund_code.trim();
        if code.is_empty() {
            return Err(Error::invalid("fund_code", &self.fund_code, Problem::Empty));
        }
        // the code names the fund's files (its key, backups, bundles): never a name Windows
        // keeps for a device (`CON`, `NUL`, `COM1`…)
        let device = crate::domain::file_name::problem(code).is_some();
        if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') || code.len() > 32 || device
        {
            return Err(Error::invalid(
                "fund_code",
                &self.fund_code,
                Problem::Other {
                    th: "ใช้ได้เฉพาะตัวอักษรอังกฤษ ตัวเลข และขีด (ไม่เกิน 32 ตัว)".into(),
                    en: "may hold only letters, digits and '-' (at most 32)".into(),
                },
            ));
        }
        if !(1..=12).contains(&self.fiscal_year_start) {
            return Err(Error::invalid(
                "fiscal_year_start",
                self.fiscal_year_start.to_string(),
                Problem::UnknownChoice { allowed: "1-12".into() },
            ));
        }
        if let Some(m) = self.moo {
            if !(1..=99).contains(&m) {
                return Err(Error::invalid(
                    "moo",
                    m.to_string(),
                    Problem::UnknownChoice { allowed: "1-99".into() },
                ));
            }
        }
        // A savings group may keep only sajja savings and take no contribution; a welfare
        // fund lives on its members' contributions.
        let may_be_zero = self.kind == FundKind::Savings;
        if self.contribution.satang() < 0 || (self.contribution.satang() == 0 && !may_be_zero) {
            return Err(Error::invalid(
                "contribution",
                self.contribution.display(),
                Problem::ZeroNotAllowed,
            ));
        }
        if self.entrance_fee.satang() < 0 {
            return Err(Error::invalid(
                "entrance_fee",
                self.entrance_fee.display(),
                Problem::NegativeNotAllowed,
            ));
        }
        Ok(())
    }
}

/// The villages (หมู่) of a fund's area as typed: `1-12`, `1,2,5`, `1-4, 7` (Thai digits too);
/// each from 1 to 99, a range low to high.
pub fn parse_moos(text: &str) -> crate::Result<std::collections::BTreeSet<u32>> {
    let bad = || crate::Error::invalid("area_moos", text, crate::Problem::NotANumber);
    let ascii = crate::thai::from_thai_digits(text);
    let mut moos = std::collections::BTreeSet::new();
    for part in ascii.split([',', ' ', ';']).map(str::trim).filter(|p| !p.is_empty()) {
        let (low, high) = match part.split_once('-') {
            Some((a, b)) => (
                a.trim().parse::<u32>().map_err(|_| bad())?,
                b.trim().parse::<u32>().map_err(|_| bad())?,
            ),
            None => {
                let n = part.parse::<u32>().map_err(|_| bad())?;
                (n, n)
            }
        };
        if low == 0 || high > 99 || low > high {
            return Err(crate::Error::invalid("area_moos", text, crate::Problem::DateOutOfRange));
        }
        moos.extend(low..=high);
    }
    if moos.is_empty() {
        return Err(crate::Error::invalid("area_moos", text, crate::Problem::Empty));
    }
    Ok(moos)
}
