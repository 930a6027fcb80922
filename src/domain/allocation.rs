//! Splitting money exactly: the year-end profit into the fund's own parts (an allocation
//! plan, adopted by resolution), and a pool among members by weight, to the satang, with the
//! largest-remainder method so the parts always add up to the whole.

use crate::error::Problem;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a part of the profit is for; it decides the account the part is credited to and,
/// for dividends and refunds, how it is divided among members.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartKind {
    /// เงินสำรอง: stays in the fund's equity.
    Reserve,
    /// ปันผลตามเงินสัจจะ: divided by each member's savings, month by month.
    Dividend,
    /// เฉลี่ยคืนตามดอกเบี้ย: divided by the interest each member paid.
    Refund,
    /// สวัสดิการสมาชิก: credited to the welfare allocated, which pays welfare claims.
    Welfare,
    Committee,
    Public,
    Administration,
    /// Any other part the assembly names (a fund's education fund, a building fund).
    Other,
}

impl PartKind {
    pub const ALL: [PartKind; 8] = [
        PartKind::Reserve,
        PartKind::Dividend,
        PartKind::Refund,
        PartKind::Welfare,
        PartKind::Committee,
        PartKind::Public,
        PartKind::Administration,
        PartKind::Other,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PartKind::Reserve => "reserve",
            PartKind::Dividend => "dividend",
            PartKind::Refund => "refund",
            PartKind::Welfare => "welfare",
            PartKind::Committee => "committee",
            PartKind::Public => "public",
            PartKind::Administration => "administration",
            PartKind::Other => "other",
        }
    }

    /// The part's name as the guideline words it (docs/glossary.md).
    pub fn name_th(self) -> &'static str {
        match self {
            PartKind::Reserve => "เงินสำรอง",
            PartKind::Dividend => "ปันผลตามเงินสัจจะ",
            PartKind::Refund => "เฉลี่ยคืนตามดอกเบี้ย",
            PartKind::Welfare => "สวัสดิการสมาชิก",
            PartKind::Committee => "ค่าตอบแทนกรรมการ",
            PartKind::Public => "สาธารณประโยชน์",
            PartKind::Administration => "ค่าใช้จ่ายในการบริหาร",
            PartKind::Other => "อื่น ๆ",
        }
    }

    pub fn parse(key: &str) -> Result<PartKind, Problem> {
        let key = key.trim();
        PartKind::ALL.into_iter().find(|k| k.key() == key).ok_or_else(|| Problem::UnknownChoice {
            allowed: PartKind::ALL.map(|k| k.key()).join(", "),
        })
    }

    /// Divided among members (one line each), rather than credited to one account.
    pub fn to_members(self) -> bool {
        matches!(self, PartKind::Dividend | PartKind::Refund)
    }
}

/// One part of a plan: its kind, the name printed for it, its share in hundredths of a
/// percent (`1000` = 10%).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPart {
    pub kind: PartKind,
    pub name: String,
    pub basis_points: i64,
}

/// The fund's allocation plan from a day on: its parts add up to exactly 100%.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocationPlan {
    pub effective_from: NaiveDate,
    pub parts: Vec<PlanPart>,
}

/// What is wrong with a plan's parts (the caller names the field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanProblem {
    NoParts,
    /// The parts add up to this many hundredths of a percent, not 10,000.
    Sum(i64),
    /// Dividend or refund twice: a pool is divided among members once.
    Twice(PartKind),
    /// Two parts with one name: the statement could not tell them apart.
    SameName(String),
}

impl AllocationPlan {
    pub fn check(&self) -> Result<(), PlanProblem> {
        if self.parts.is_empty() {
            return Err(PlanProblem::NoParts);
        }
        let sum: i64 = self.parts.iter().map(|p| p.basis_points).sum();
        if sum != 10_000 {
            return Err(PlanProblem::Sum(sum));
        }
        for (i, p) in self.parts.iter().enumerate() {
            let later = &self.parts[i + 1..];
            if p.kind.to_members() && later.iter().any(|q| q.kind == p.kind) {
                return Err(PlanProblem::Twice(p.kind));
            }
            if later.iter().any(|q| q.name == p.name) {
                return Err(PlanProblem::SameName(p.name.clone()));
            }
        }
        Ok(())
    }
}

/// The guideline's usual parts, offered to a fund that has no plan yet: reserve, dividend
/// on savings, average return on interest paid, welfare, committee, public benefit and
/// administration.
pub fn default_parts() -> Vec<PlanPart> {
    [
        (PartKind::Reserve, 1000),
        (PartKind::Dividend, 4000),
        (PartKind::Refund, 2000),
        (PartKind::Welfare, 1000),
        (PartKind::Committee, 1000),
        (PartKind::Public, 500),
        (PartKind::Administration, 500),
    ]
    .into_iter()
    .map(|(kind, basis_points)| PlanPart { kind, name: kind.name_th().into(), basis_points })
    .collect()
}

/// The plan in force on `day`: the latest adopted from that day or before.
pub fn plan_in_force(plans: &[AllocationPlan], day: NaiveDate) -> Option<&AllocationPlan> {
    plans.iter().filter(|p| p.effective_from <= day).max_by_key(|p| p.effective_from)
}

/// Split `total` satang in proportion to `weights`. Each part gets its floor; the satang
/// left over go one each to the largest remainders (ties: the earlier part).
pub fn largest_remainder(total: i64, weights: &[i128]) -> Vec<i64> {
    let sum: i128 = weights.iter().sum();
    if sum <= 0 || total <= 0 {
        return vec![0; weights.len()];
    }
    let total128 = i128::from(total);
    let mut parts: Vec<i64> = Vec::with_capacity(weights.len());
    let mut remainders: Vec<(i128, usize)> = Vec::with_capacity(weights.len());
    for (i, w) in weights.iter().enumerate() {
        let exact = total128 * w;
        parts.push((exact / sum) as i64);
        remainders.push((exact % sum, i));
    }
    let mut left = total - parts.iter().sum::<i64>();
    remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    for (_, i) in remainders {
        if left == 0 {
            break;
        }
        parts[i] += 1;
        left -= 1;
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(kind: PartKind, bp: i64) -> PlanPart {
        PlanPart { kind, name: kind.name_th().into(), basis_points: bp }
    }

    #[test]
    fn a_plan_adds_up_to_a_hundred_and_divides_each_pool_once() {
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let plan = |parts| AllocationPlan { effective_from: day, parts };
        assert_eq!(plan(default_parts()).check(), Ok(()));
        assert_eq!(plan(vec![]).check(), Err(PlanProblem::NoParts));
        assert_eq!(
            plan(vec![part(PartKind::Reserve, 5000), part(PartKind::Dividend, 4999)]).check(),
            Err(PlanProblem::Sum(9999))
        );
        let mut twice = vec![part(PartKind::Dividend, 5000), part(PartKind::Dividend, 5000)];
        assert_eq!(plan(twice.clone()).check(), Err(PlanProblem::Twice(PartKind::Dividend)));
        twice[1].kind = PartKind::Other;
        assert_eq!(
            plan(twice.clone()).check(),
            Err(PlanProblem::SameName("ปันผลตามเงินสัจจะ".into()))
        );
        twice[1].name = "กองทุนการศึกษา".into();
        assert_eq!(plan(twice).check(), Ok(()));
        let later =
            AllocationPlan { effective_from: day.succ_opt().unwrap(), parts: default_parts() };
        let plans = [plan(default_parts()), later.clone()];
        assert_eq!(plan_in_force(&plans, day).map(|p| p.effective_from), Some(day));
        assert_eq!(plan_in_force(&plans, day.succ_opt().unwrap()), Some(&later));
        assert_eq!(plan_in_force(&plans, day.pred_opt().unwrap()), None);
    }

    #[test]
    fn parts_always_sum_to_the_whole() {
        assert_eq!(largest_remainder(100, &[1, 1, 1]), vec![34, 33, 33]);
        assert_eq!(
            largest_remainder(10_000_01, &[10, 40, 20, 10, 10, 10]),
            vec![100_000, 400_001, 200_000, 100_000, 100_000, 100_000]
        );
        for total in [0, 1, 7, 999, 123_456_789] {
            for weights in [vec![1, 2, 3], vec![5], vec![0, 3, 0, 7], vec![33, 33, 34]] {
                let parts = largest_remainder(total, &weights);
                assert_eq!(
                    parts.iter().sum::<i64>(),
                    if weights.iter().sum::<i128>() > 0 { total } else { 0 }
                );
                assert!(parts.iter().zip(&weights).all(|(p, w)| *w > 0 || *p == 0));
            }
        }
    }
}
