//! Welfare rules and the evaluation of a claim against the rule in force on the event date.
//! Pure: the caller gathers the facts (membership, arrears, what was paid this year) and
//! gets back eligible or not, the amount, and every reason in Thai and English.

use super::money::Satang;
use crate::error::{Error, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

macro_rules! categories {
    ($($variant:ident = $key:literal, $th:literal, $account:literal;)*) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Category { $($variant),* }

        impl Category {
            pub const ALL: &'static [Category] = &[$(Category::$variant),*];
            pub fn key(self) -> &'static str { match self { $(Category::$variant => $key),* } }
            pub fn name_th(self) -> &'static str { match self { $(Category::$variant => $th),* } }
            /// The expense account a payout is booked to (in every kind of fund).
            pub fn account(self) -> &'static str { match self { $(Category::$variant => $account),* } }
            pub fn parse(input: &str) -> crate::Result<Category> {
                let t = input.trim();
                Category::ALL.iter().copied().find(|c| c.key() == t || c.name_th() == t).ok_or_else(|| {
                    Error::invalid("category", input, Problem::UnknownChoice {
                        allowed: Category::ALL.iter().map(|c| c.key()).collect::<Vec<_>>().join(", "),
                    })
                })
            }
        }
    };
}

categories! {
    Birth = "birth", "คลอดบุตร", "5101";
    Illness = "illness", "เจ็บป่วย/นอนโรงพยาบาล", "5102";
    Elderly = "elderly", "ผู้สูงอายุ", "5103";
    Death = "death", "เสียชีวิต", "5104";
    Funeral = "funeral", "ค่าจัดการศพ", "5104";
    Disability = "disability", "คนพิการ/ผู้ด้อยโอกาส", "5105";
    Education = "education", "การศึกษา", "5106";
    Occupation = "occupation", "ส่งเสริมอาชีพ", "5107";
    Disaster = "disaster", "ภัยพิบัติ/อุบัติภัย", "5108";
    Tradition = "tradition", "ประเพณีและวัฒนธรรม", "5109";
    Housing = "housing", "ที่อยู่อาศัย", "5109";
    PublicBenefit = "public_benefit", "สาธารณประโยชน์", "5203";
    Other = "other", "อื่น ๆ", "5109";
}

/// The Thai name of a claim's stored status.
pub fn claim_status_th(status: &str) -> &str {
    match status {
        "open" => "รอพิจารณา",
        "approved" => "อนุมัติแล้ว รอจ่าย",
        "rejected" => "ไม่อนุมัติ",
        "paid" => "จ่ายแล้ว",
        other => other,
    }
}

/// How the amount of a claim is worked out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RuleAmount {
    Fixed {
        amount: Satang,
    },
    /// Per night in hospital (or per day), capped per event.
    PerDay {
        per_day: Satang,
        cap_per_event: Option<Satang>,
    },
    /// By whole years of membership: the highest tier reached. (years, amount), ascending.
    Tiered {
        tiers: Vec<(u32, Satang)>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WelfareRule {
    pub category: Category,
    pub effective_from: NaiveDate,
    pub offered: bool,
    pub waiting_days: u32,
    pub amount: RuleAmount,
    pub cap_per_year: Option<Satang>,
    pub max_claims_per_year: Option<u32>,
    pub require_up_to_date: bool,
    pub documents: Vec<String>,
    /// What a person in the community who is not a member receives per event under this
    /// version (None: the version covers members only).
    #[serde(default)]
    pub non_member_amount: Option<Satang>,
}

impl RuleAmount {
    /// Parse the `tiers` text form: `1:3000,5:10000,10:30000` (years:baht).
    pub fn parse_tiers(input: &str) -> crate::Result<Vec<(u32, Satang)>> {
        let mut tiers = Vec::new();
        for part in input.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (y, a) = part.split_once(':').ok_or_else(|| {
                Error::invalid(
                    "tiers",
                    input,
                    Problem::Other {
                        th: "ใช้รูปแบบ ปี:บาท เช่น 1:3000,5:10000".into(),
                        en: "use years:baht, e.g. 1:3000,5:10000".into(),
                    },
                )
            })?;
            let years: u32 = y
                .trim()
                .parse()
                .map_err(|_| Error::invalid("tiers", input, Problem::NotANumber))?;
            let amount = Satang::parse_field("tiers", a, super::money::Sign::Positive)?;
            tiers.push((years, amount));
        }
        if tiers.is_empty() {
            return Err(Error::invalid("tiers", input, Problem::Empty));
        }
        tiers.sort();
        if tiers.windows(2).any(|w| w[0].0 == w[1].0) {
            return Err(Error::invalid("tiers", input, Problem::Duplicate));
        }
        Ok(tiers)
    }

    pub fn tiers_text(tiers: &[(u32, Satang)]) -> String {
        tiers.iter().map(|(y, a)| format!("{y}:{}", a.to_decimal())).collect::<Vec<_>>().join(",")
    }
}

/// Everything about a member and a claim that the rule looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClaimFacts {
    pub joined_on: NaiveDate,
    pub birth_date: Option<NaiveDate>,
    pub active_on_event: bool,
    pub is_disabled_or_disadvantaged: bool,
    pub event_date: NaiveDate,
    pub days: Option<u32>,
    /// Contribution periods owed and unpaid on the event date.
    pub arrears_periods: i64,
    /// Claims of this category already paid or approved in the event's year.
    pub claims_this_year: u32,
    pub paid_this_year: Satang,
    pub documents_seen: Vec<String>,
}

/// One line of the explanation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reason {
    pub ok: bool,
    pub th: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    pub eligible: bool,
    pub amount: Satang,
    pub reasons: Vec<Reason>,
}

fn reason(ok: bool, th: String, en: String) -> Reason {
    Reason { ok, th, en }
}

/// The rule in force on `date`: the latest version that took effect on or before it.
pub fn rule_in_force(
    rules: &[WelfareRule],
    category: Category,
    date: NaiveDate,
) -> Option<&WelfareRule> {
    rules
        .iter()
        .filter(|r| r.category == category && r.effective_from <= date)
        .max_by_key(|r| r.effective_from)
}

pub fn evaluate(rule: &WelfareRule, facts: &ClaimFacts) -> Evaluation {
    let mut reasons = first_reasons(rule);
    reasons.push(if facts.active_on_event {
        reason(
            true,
            "เป็นสมาชิกสถานะปกติในวันที่เกิดเหตุ".into(),
            "an active member on the event date".into(),
        )
    } else {
        reason(
            false,
            "ไม่ได้เป็นสมาชิกสถานะปกติในวันที่เกิดเหตุ".into(),
            "not an active member on the event date".into(),
        )
    });
    let member_days = (facts.event_date - facts.joined_on).num_days();
    let waited = member_days >= i64::from(rule.waiting_days);
    reasons.push(if waited {
        reason(
            true,
            format!("เป็นสมาชิก {member_days} วัน ครบ {} วัน", rule.waiting_days),
            format!("member for {member_days} days, at least {}", rule.waiting_days),
        )
    } else {
        reason(
            false,
            format!("เป็นสมาชิก {member_days} วัน ยังไม่ครบ {} วัน", rule.waiting_days),
            format!("member for {member_days} days, fewer than {}", rule.waiting_days),
        )
    });
    if rule.require_up_to_date {
        reasons.push(if facts.arrears_periods <= 0 {
            reason(true, "ส่งเงินสมทบครบถึงวันที่เกิดเหตุ".into(), "contributions up to date".into())
        } else {
            reason(
                false,
                format!("ค้างส่งเงินสมทบ {} งวด", facts.arrears_periods),
                format!("{} contribution periods in arrears", facts.arrears_periods),
            )
        });
    }
    reasons.extend(who_reasons(
        rule,
        facts.birth_date,
        facts.is_disabled_or_disadvantaged,
        facts.event_date,
    ));
    reasons.extend(year_and_documents(rule, facts.claims_this_year, &facts.documents_seen));
    let mut amount = match &rule.amount {
        RuleAmount::Fixed { amount } => {
            reasons.push(reason(
                true,
                format!("จ่ายอัตราคงที่ {} บาท", amount.display()),
                format!("fixed {} baht", amount.display()),
            ));
            *amount
        }
        RuleAmount::PerDay { per_day, cap_per_event } => {
            let days = facts.days.unwrap_or(0);
            if days == 0 {
                reasons.push(reason(
                    false,
                    "ไม่ได้ระบุจำนวนคืน/วัน".into(),
                    "no nights or days given".into(),
                ));
            }
            let raw = Satang::new(per_day.satang().saturating_mul(i64::from(days)));
            let capped = match cap_per_event {
                Some(cap) if raw > *cap => {
                    reasons.push(reason(
                        true,
                        format!(
                            "{days} คืน × {} = {} บาท เกินเพดานต่อครั้ง จ่าย {} บาท",
                            per_day.display(),
                            raw.display(),
                            cap.display()
                        ),
                        format!(
                            "{days} × {} = {} baht, capped at {} per event",
                            per_day.display(),
                            raw.display(),
                            cap.display()
                        ),
                    ));
                    *cap
                }
                _ => {
                    reasons.push(reason(
                        true,
                        format!("{days} คืน × {} = {} บาท", per_day.display(), raw.display()),
                        format!("{days} × {} = {} baht", per_day.display(), raw.display()),
                    ));
                    raw
                }
            };
            capped
        }
        RuleAmount::Tiered { tiers } => {
            let years = super::date::whole_years(facts.joined_on, facts.event_date).max(0) as u32;
            match tiers.iter().rev().find(|(y, _)| *y <= years) {
                Some((y, a)) => {
                    reasons.push(reason(
                        true,
                        format!("เป็นสมาชิก {years} ปีเต็ม ได้ขั้น {y} ปี {} บาท", a.display()),
                        format!(
                            "{years} whole years of membership: the {y}-year tier, {} baht",
                            a.display()
                        ),
                    ));
                    *a
                }
                None => {
                    let first = tiers.first().map(|t| t.0).unwrap_or(0);
                    reasons.push(reason(
                        false,
                        format!("เป็นสมาชิก {years} ปีเต็ม ยังไม่ถึงขั้นแรก {first} ปี"),
                        format!("{years} whole years, below the first tier of {first}"),
                    ));
                    Satang::ZERO
                }
            }
        }
    };
    amount = within_yearly_cap(rule, facts.paid_this_year, amount, &mut reasons);
    let eligible = reasons.iter().all(|r| r.ok) && amount.satang() > 0;
    Evaluation { eligible, amount: if eligible { amount } else { Satang::ZERO }, reasons }
}

/// Everything about a person in the community who is not a member, and their claim, that a
/// rule looks at: no membership, waiting days or contributions, only who they are, this
/// year's claims by the same person (found by the keyed hash of their ID) and documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonFacts {
    pub birth_date: Option<NaiveDate>,
    pub is_disabled_or_disadvantaged: bool,
    pub moo: Option<u8>,
    pub event_date: NaiveDate,
    pub claims_this_year: u32,
    pub paid_this_year: Satang,
    pub documents_seen: Vec<String>,
}

/// A non-member's claim under a rule: covered only where the version says for how much.
pub fn evaluate_non_member(rule: &WelfareRule, facts: &PersonFacts) -> Evaluation {
    let c = rule.category.name_th();
    let mut reasons = first_reasons(rule);
    let village = facts.moo.map(|m| format!(" หมู่ {m}")).unwrap_or_default();
    let village_en = facts.moo.map(|m| format!(" of moo {m}")).unwrap_or_default();
    let amount = match rule.non_member_amount {
        Some(amount) => {
            reasons.push(reason(
                true,
                format!("คนในชุมชนที่ไม่ใช่สมาชิก{village} ระเบียบให้ {} บาทต่อครั้ง", amount.display()),
                format!(
                    "a person of the community{village_en} who is not a member: {} baht per event",
                    amount.display()
                ),
            ));
            amount
        }
        None => {
            reasons.push(reason(
                false,
                format!("ระเบียบสวัสดิการ{c}ฉบับนี้ไม่ครอบคลุมคนในชุมชนที่ไม่ใช่สมาชิก"),
                "this rule version does not cover people who are not members".into(),
            ));
            Satang::ZERO
        }
    };
    reasons.extend(who_reasons(
        rule,
        facts.birth_date,
        facts.is_disabled_or_disadvantaged,
        facts.event_date,
    ));
    reasons.extend(year_and_documents(rule, facts.claims_this_year, &facts.documents_seen));
    let amount = within_yearly_cap(rule, facts.paid_this_year, amount, &mut reasons);
    let eligible = reasons.iter().all(|r| r.ok) && amount.satang() > 0;
    Evaluation { eligible, amount: if eligible { amount } else { Satang::ZERO }, reasons }
}

/// The version the claim is judged by, and whether the fund offers the benefit at all.
fn first_reasons(rule: &WelfareRule) -> Vec<Reason> {
    let mut reasons = vec![in_force_reason(rule)];
    if !rule.offered {
        reasons.push(reason(
            false,
            format!("กองทุนไม่ได้จัดสวัสดิการ{}", rule.category.name_th()),
            "the fund does not offer this benefit".into(),
        ));
    }
    reasons
}

fn in_force_reason(rule: &WelfareRule) -> Reason {
    reason(
        true,
        format!(
            "ใช้ระเบียบสวัสดิการ{} ฉบับที่มีผลตั้งแต่ {}",
            rule.category.name_th(),
            crate::thai::date_short(rule.effective_from, crate::thai::Digits::Arabic)
        ),
        format!("rule for {} in force since {}", rule.category.key(), rule.effective_from),
    )
}

/// The elderly benefit looks at the age on the event date, the disability benefit at the
/// group the person is recorded in; other categories at neither.
fn who_reasons(
    rule: &WelfareRule,
    birth_date: Option<NaiveDate>,
    disabled_or_disadvantaged: bool,
    event_date: NaiveDate,
) -> Option<Reason> {
    match rule.category {
        Category::Elderly => {
            let age = birth_date.map(|b| super::date::whole_years(b, event_date));
            Some(match age {
                Some(a) if a >= super::member::ELDERLY_FROM => {
                    reason(true, format!("อายุ {a} ปี"), format!("aged {a}"))
                }
                Some(a) => {
                    reason(false, format!("อายุ {a} ปี ยังไม่ถึง 60 ปี"), format!("aged {a}, under 60"))
                }
                None => reason(false, "ไม่มีวันเกิดในทะเบียน".into(), "no birth date on record".into()),
            })
        }
        Category::Disability => Some(if disabled_or_disadvantaged {
            reason(
                true,
                "อยู่ในกลุ่มคนพิการหรือผู้ด้อยโอกาส".into(),
                "recorded as disabled or disadvantaged".into(),
            )
        } else {
            reason(
                false,
                "ไม่ได้อยู่ในกลุ่มคนพิการหรือผู้ด้อยโอกาส".into(),
                "not recorded as disabled or disadvantaged".into(),
            )
        }),
        _ => None,
    }
}

/// The yearly count and the documents the rule asks for.
fn year_and_documents(rule: &WelfareRule, claims_this_year: u32, seen: &[String]) -> Vec<Reason> {
    let mut reasons = Vec::new();
    if let Some(max) = rule.max_claims_per_year {
        reasons.push(if claims_this_year < max {
            reason(
                true,
                format!("ปีนี้ได้รับแล้ว {claims_this_year} ครั้ง (สูงสุด {max})"),
                format!("{claims_this_year} claims this year (at most {max})"),
            )
        } else {
            reason(
                false,
                format!("ปีนี้ได้รับครบ {max} ครั้งแล้ว"),
                format!("already {max} claims this year"),
            )
        });
    }
    let missing: Vec<&String> =
        rule.documents.iter().filter(|d| !seen.iter().any(|s| s == *d)).collect();
    if !rule.documents.is_empty() {
        reasons.push(if missing.is_empty() {
            reason(true, "เอกสารครบ".into(), "documents complete".into())
        } else {
            let list = missing.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
            reason(false, format!("ขาดเอกสาร: {list}"), format!("missing documents: {list}"))
        });
    }
    reasons
}

/// The amount cut to what the yearly cap leaves, saying so when it does.
fn within_yearly_cap(
    rule: &WelfareRule,
    paid_this_year: Satang,
    amount: Satang,
    reasons: &mut Vec<Reason>,
) -> Satang {
    let Some(cap) = rule.cap_per_year else { return amount };
    let left = Satang::new((cap.satang() - paid_this_year.satang()).max(0));
    if amount <= left {
        return amount;
    }
    reasons.push(if left.satang() > 0 {
        reason(
            true,
            format!(
                "ปีนี้รับไปแล้ว {} บาท เพดานปีละ {} บาท จ่ายได้อีก {} บาท",
                paid_this_year.display(),
                cap.display(),
                left.display()
            ),
            format!(
                "{} paid this year, yearly cap {}: {} left",
                paid_this_year.display(),
                cap.display(),
                left.display()
            ),
        )
    } else {
        reason(
            false,
            format!("ปีนี้รับครบเพดาน {} บาทแล้ว", cap.display()),
            format!("yearly cap of {} reached", cap.display()),
        )
    });
    left
}

/// A default rule set typical of Thai community welfare funds; the fund edits it by adding
/// versions.
pub fn default_rules(effective_from: NaiveDate) -> Vec<WelfareRule> {
    let b = Satang::from_baht;
    let rule = |category,
                waiting_days,
                amount,
                cap_per_year: Option<Satang>,
                max: Option<u32>,
                docs: &[&str]| WelfareRule {
        category,
        effective_from,
        offered: true,
        waiting_days,
        amount,
        cap_per_year,
        max_claims_per_year: max,
        require_up_to_date: true,
        documents: docs.iter().map(|d| d.to_string()).collect(),
        non_member_amount: None,
    };
    vec![
        rule(Category::Birth, 180, RuleAmount::Fixed { amount: b(500) }, None, Some(2), &["สูติบัตร"]),
        rule(
            Category::Illness,
            180,
            RuleAmount::PerDay { per_day: b(100), cap_per_event: Some(b(1000)) },
            Some(b(3000)),
            None,
            &["ใบรับรองแพทย์"],
        ),
        rule(Category::Elderly, 365, RuleAmount::Fixed { amount: b(300) }, None, Some(1), &[]),
        rule(
            Category::Death,
            180,
            RuleAmount::Tiered {
                tiers: vec![
                    (0, b(2000)),
                    (1, b(3000)),
                    (3, b(5000)),
                    (5, b(10000)),
                    (10, b(30000)),
                ],
            },
            None,
            Some(1),
            &["ใบมรณบัตร"],
        ),
        rule(Category::Disability, 365, RuleAmount::Fixed { amount: b(500) }, None, Some(1), &[]),
        rule(
            Category::Education,
            365,
            RuleAmount::Fixed { amount: b(500) },
            None,
            Some(1),
            &["หลักฐานการศึกษา"],
        ),
        rule(Category::Disaster, 180, RuleAmount::Fixed { amount: b(2000) }, None, Some(2), &[]),
    ]
}
