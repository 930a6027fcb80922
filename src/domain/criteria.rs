//! The government's criteria for supporting a community welfare fund, as the guideline
//! (แนวทางสนับสนุนการจัดสวัสดิการชุมชน) states them, checked from facts that the fund's book or
//! the province's imported data supply — the same rules on both sides. Each item says
//! whether it passed, or `None` when the program cannot know (the guideline asks for a
//! record the program does not keep yet: "record it"), with its evidence in Thai and
//! English. What the support programme adds beyond the guideline (administration within a
//! fifth of spending, a cap on rounds per member, the counting day) is kept apart as
//! programme settings, named with their source, never as law.

use super::member::MemberGroup;
use serde::Serialize;
use std::collections::BTreeSet;

/// A fund that has run for a year is checked as an existing fund (กองทุนที่มีอยู่แล้ว); a
/// younger one as a new fund (กองทุนจัดตั้งใหม่), which the guideline asks other things of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    Existing,
    New,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Criterion {
    pub key: &'static str,
    /// What the guideline asks.
    pub th: String,
    pub en: String,
    /// `None`: the program cannot know; the fund should record it.
    pub passed: Option<bool>,
    pub evidence_th: String,
    pub evidence_en: String,
}

/// What the committee keeps, as far as the program can see it (`None` on the province's
/// side, which sees only what bundles carry).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Management {
    pub committee_in_office: bool,
    pub members_registered: bool,
    pub rules_recorded: bool,
    pub accounts_kept: bool,
    /// Monthly statements closed (and so printed) in the twelve months.
    pub statements: usize,
}

/// Who certified the fund (the guideline: an existing fund by CODI or the provincial social
/// development office, a new one by the provincial committee).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CertifiedBy {
    Codi,
    ProvincialOffice,
    ProvincialCommittee,
}

impl CertifiedBy {
    pub fn parse(input: &str) -> crate::Result<CertifiedBy> {
        super::choice::parse_choice(
            "certified_by",
            input,
            &[
                ("codi", CertifiedBy::Codi),
                ("พอช.", CertifiedBy::Codi),
                ("office", CertifiedBy::ProvincialOffice),
                ("พมจ.", CertifiedBy::ProvincialOffice),
                ("committee", CertifiedBy::ProvincialCommittee),
                ("คณะกรรมการระดับจังหวัด", CertifiedBy::ProvincialCommittee),
            ],
        )
    }

    pub fn key(self) -> &'static str {
        match self {
            CertifiedBy::Codi => "codi",
            CertifiedBy::ProvincialOffice => "office",
            CertifiedBy::ProvincialCommittee => "committee",
        }
    }

    pub fn th(self) -> &'static str {
        match self {
            CertifiedBy::Codi => "พอช.",
            CertifiedBy::ProvincialOffice => "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
            CertifiedBy::ProvincialCommittee => "คณะกรรมการระดับจังหวัด",
        }
    }
}

/// The fund's certification as recorded: by whom, when, the document's number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Certification {
    pub by: CertifiedBy,
    pub on: chrono::NaiveDate,
    pub document: String,
}

/// The facts over the twelve months to the counting day.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    pub day: chrono::NaiveDate,
    pub founded_on: Option<chrono::NaiveDate>,
    pub active_members: usize,
    /// Groups the active members cover (by age and as recorded).
    pub groups: BTreeSet<MemberGroup>,
    /// Welfare categories of the claims paid for events in the twelve months.
    pub welfare_categories: BTreeSet<String>,
    /// Members' contributions and the local council's support received, in satang.
    pub contributions: i64,
    pub local_support: i64,
    /// All expenses, and administration with committee costs, in satang.
    pub expenses: i64,
    pub administration: i64,
    pub management: Option<Management>,
    /// The certification, if recorded.
    pub certification: Option<Certification>,
    /// The villages (หมู่) of the fund's area, if recorded, and those its active members
    /// live in.
    pub area_moos: Option<BTreeSet<u32>>,
    pub member_moos: BTreeSet<u32>,
    /// The support programme's settings in force on the day (its own, not the guideline's).
    pub programme: crate::domain::programme::Programme,
}

#[derive(Clone, Debug, Serialize)]
pub struct Check {
    pub stage: Stage,
    pub criteria: Vec<Criterion>,
    /// The support programme's own settings (not the guideline's).
    pub programme: Vec<Criterion>,
}

fn item(
    key: &'static str,
    th: &str,
    en: &str,
    passed: Option<bool>,
    evidence_th: String,
    evidence_en: String,
) -> Criterion {
    Criterion { key, th: th.into(), en: en.into(), passed, evidence_th, evidence_en }
}

fn date_th(d: chrono::NaiveDate) -> String {
    crate::thai::date_short(d, crate::thai::Digits::Arabic)
}

/// The kinds of welfare: death and a funeral are one kind («เกิด เจ็บ ตาย»).
pub fn welfare_kinds(categories: &BTreeSet<String>) -> BTreeSet<&str> {
    categories.iter().map(|c| if c == "funeral" { "death" } else { c.as_str() }).collect()
}

impl Criterion {
    /// ✓, ✗, or ? (the program cannot know).
    pub fn mark(&self) -> &'static str {
        match self.passed {
            Some(true) => "✓",
            Some(false) => "✗",
            None => "?",
        }
    }

    /// ผ่าน, ไม่ผ่าน, or ยังไม่ทราบ (record it), for print.
    pub fn verdict_th(&self) -> &'static str {
        match self.passed {
            Some(true) => "ผ่าน",
            Some(false) => "ไม่ผ่าน",
            None => "ยังไม่ทราบ",
        }
    }
}

pub fn check(f: &Facts) -> Check {
    let year_before = f.day.checked_sub_months(chrono::Months::new(12)).unwrap_or(f.day);
    let running = f.founded_on.map(|d| d <= year_before);
    let stage = if running == Some(false) { Stage::New } else { Stage::Existing };
    let running_one_year = item(
        "running_one_year",
        "ดำเนินการมาแล้วไม่น้อยกว่า 1 ปี",
        "running for at least a year",
        running,
        f.founded_on
            .map(|d| format!("ก่อตั้งเมื่อ {}", date_th(d)))
            .unwrap_or_else(|| "ไม่ทราบวันก่อตั้ง".into()),
        f.founded_on
            .map(|d| format!("founded on {d}"))
            .unwrap_or_else(|| "founding date unknown".into()),
    );
    // Who may certify depends on the stage: CODI or the provincial office for an existing
    // fund, the provincial committee for a new one.
    let certified = |by_th: &str, by_en: &str, accepted: &[CertifiedBy]| match &f.certification {
        Some(c) => item(
            "certified",
            &format!("ได้รับการรับรองจาก{by_th}"),
            &format!("certified by {by_en}"),
            Some(accepted.contains(&c.by) && c.on <= f.day),
            format!("รับรองโดย{} เมื่อ {} เลขที่ {}", c.by.th(), date_th(c.on), c.document),
            format!("certified by {} on {} (document {})", c.by.key(), c.on, c.document),
        ),
        None => item(
            "certified",
            &format!("ได้รับการรับรองจาก{by_th}"),
            &format!("certified by {by_en}"),
            None,
            "ยังไม่มีบันทึกการรับรองในโปรแกรม".into(),
            "no certification is recorded in the program".into(),
        ),
    };
    let needed = [
        MemberGroup::Youth,
        MemberGroup::Elderly,
        MemberGroup::Disabled,
        MemberGroup::Disadvantaged,
    ];
    let missing: Vec<MemberGroup> =
        needed.iter().copied().filter(|g| !f.groups.contains(g)).collect();
    let groups_covered = item(
        "groups_covered",
        "สมาชิกครอบคลุมเด็กและเยาวชน ผู้สูงอายุ คนพิการ และผู้ด้อยโอกาส",
        "members cover youth, the elderly, the disabled and the disadvantaged",
        Some(missing.is_empty()),
        if missing.is_empty() {
            "ครบทุกกลุ่ม".into()
        } else {
            format!("ขาด{}", missing.iter().map(|g| g.name_th()).collect::<Vec<_>>().join(" "))
        },
        if missing.is_empty() {
            "all four".into()
        } else {
            format!("missing {}", missing.iter().map(|g| g.key()).collect::<Vec<_>>().join(", "))
        },
    );
    let kinds = welfare_kinds(&f.welfare_categories);
    let kind_names: Vec<&str> = kinds
        .iter()
        .map(|k| super::welfare::Category::parse(k).map(|c| c.name_th()).unwrap_or(k))
        .collect();
    let welfare_kinds_3 = item(
        "welfare_kinds_3",
        "จัดสวัสดิการพื้นฐานไม่น้อยกว่า 3 เรื่อง (เช่น เกิด เจ็บ ตาย การศึกษา อาชีพ)",
        "at least three basic kinds of welfare (birth, illness, death, education, occupation ...)",
        Some(kinds.len() >= 3),
        format!(
            "{} เรื่อง: {}",
            kinds.len(),
            if kind_names.is_empty() {
                "ไม่มี".to_string()
            } else {
                kind_names.join(" ")
            }
        ),
        format!("{} kinds: {}", kinds.len(), kinds.iter().copied().collect::<Vec<_>>().join(", ")),
    );
    let money = |v: i64| crate::thai::amount(v, crate::thai::Digits::Arabic);
    let income_sources = item(
        "income_sources",
        "มีเงินจากสมาชิกและการสนับสนุนจากองค์กรปกครองส่วนท้องถิ่น",
        "money from the members and support from the local council",
        Some(f.contributions > 0 && f.local_support > 0),
        format!(
            "เงินสมทบจากสมาชิก {} บาท, จาก อปท. {} บาท",
            money(f.contributions),
            money(f.local_support)
        ),
        format!(
            "members {} baht, local council {} baht",
            money(f.contributions),
            money(f.local_support)
        ),
    );
    let villages_half = match f.area_moos.as_ref().filter(|a| !a.is_empty()) {
        Some(area) => {
            let taking_part: Vec<String> =
                area.intersection(&f.member_moos).map(|m| m.to_string()).collect();
            item(
                "villages_half",
                "หมู่บ้าน/ชุมชนที่เข้าร่วมไม่น้อยกว่าร้อยละ 50 ของพื้นที่",
                "at least half of the villages or communities of the area take part",
                Some(taking_part.len() * 2 >= area.len()),
                format!(
                    "สมาชิกอยู่ใน {} หมู่ จาก {} หมู่ในพื้นที่ (หมู่ {})",
                    taking_part.len(),
                    area.len(),
                    taking_part.join(", ")
                ),
                format!(
                    "members live in {} of the area's {} villages",
                    taking_part.len(),
                    area.len()
                ),
            )
        }
        None => item(
            "villages_half",
            "หมู่บ้าน/ชุมชนที่เข้าร่วมไม่น้อยกว่าร้อยละ 50 ของพื้นที่",
            "at least half of the villages or communities of the area take part",
            None,
            "ยังไม่ได้บันทึกหมู่บ้าน/ชุมชนในพื้นที่ของกองทุน".into(),
            "the villages of the fund's area are not recorded".into(),
        ),
    };
    let management = match &f.management {
        None => item(
            "management",
            "คณะกรรมการมีทะเบียนสมาชิก ระเบียบ บัญชี แผนพัฒนา การติดตามประเมินผล และรายงานต่อสาธารณะ",
            "the committee keeps a member register, rules, accounts, a plan, evaluation and public reports",
            None,
            "ข้อมูลที่ส่งมาไม่บอก".into(),
            "the bundles do not say".into(),
        ),
        Some(m) => {
            let known = [m.committee_in_office, m.members_registered, m.rules_recorded, m.accounts_kept, m.statements > 0];
            // the plan and the evaluation are not kept in the program: unknown unless
            // something the program does see is already missing
            let passed = if known.iter().all(|k| *k) { None } else { Some(false) };
            let mark = |ok: bool| if ok { "มี" } else { "ไม่มี" };
            item(
                "management",
                "คณะกรรมการมีทะเบียนสมาชิก ระเบียบ บัญชี แผนพัฒนา การติดตามประเมินผล และรายงานต่อสาธารณะ",
                "the committee keeps a member register, rules, accounts, a plan, evaluation and public reports",
                passed,
                format!(
                    "คณะกรรมการในวาระ{} ทะเบียนสมาชิก{} ระเบียบสวัสดิการ{} บัญชี{} รายงานประจำเดือน {} ฉบับ; แผนพัฒนาและการประเมินผลยังไม่ได้บันทึก",
                    mark(m.committee_in_office), mark(m.members_registered), mark(m.rules_recorded), mark(m.accounts_kept), m.statements
                ),
                format!(
                    "committee {}, register {}, rules {}, accounts {}, {} monthly statements; plan and evaluation not recorded",
                    m.committee_in_office, m.members_registered, m.rules_recorded, m.accounts_kept, m.statements
                ),
            )
        }
    };
    let members_100 = item(
        "members_100",
        "มีสมาชิกไม่น้อยกว่า 100 คน (กองทุนจัดตั้งใหม่)",
        "at least 100 members (a new fund)",
        Some(f.active_members >= 100),
        format!("{} คน", f.active_members),
        format!("{} members", f.active_members),
    );
    let criteria = match stage {
        Stage::Existing => vec![
            running_one_year,
            certified(
                "พอช. หรือสำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
                "CODI or the provincial social development office",
                &[CertifiedBy::Codi, CertifiedBy::ProvincialOffice],
            ),
            groups_covered,
            villages_half,
            income_sources,
            welfare_kinds_3,
            management,
        ],
        Stage::New => vec![
            running_one_year,
            certified(
                "คณะกรรมการระดับจังหวัด",
                "the provincial committee",
                &[CertifiedBy::ProvincialCommittee],
            ),
            members_100,
            groups_covered,
        ],
    };
    let permille = if f.expenses > 0 {
        i128::from(f.administration) * 1000 / i128::from(f.expenses)
    } else {
        0
    };
    // the programme's own limit, as recorded (or the program's default), with its source
    let limit = &f.programme.administration_share;
    let pct = limit.key.show(limit.value);
    // a recorded limit says from when and where; the default says it is the program's own
    let (since_th, since_en) = if limit.recorded {
        (
            format!("ตั้งแต่ {}: {}", date_th(limit.effective_from), limit.source),
            format!("from {}: {}", limit.effective_from, limit.source),
        )
    } else {
        ("ค่าเริ่มต้นของโปรแกรม".to_string(), "the program's default".to_string())
    };
    let programme = vec![item(
        "administration_share",
        &format!(
            "ค่าบริหารจัดการไม่เกินร้อยละ {pct} ของรายจ่าย (เกณฑ์ของโครงการสนับสนุน ไม่ใช่ของแนวทาง {since_th})"
        ),
        &format!(
            "administration at most {pct}% of spending (a setting of the support programme, not of the guideline, {since_en})"
        ),
        Some(i128::from(f.administration) * 10_000 <= i128::from(f.expenses) * i128::from(limit.value)),
        format!("ร้อยละ {}.{}", permille / 10, permille % 10),
        format!("{}.{}%", permille / 10, permille % 10),
    )];
    Check { stage, criteria, programme }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn facts() -> Facts {
        Facts {
            day: NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            founded_on: NaiveDate::from_ymd_opt(2020, 1, 1),
            active_members: 150,
            groups: [
                MemberGroup::Youth,
                MemberGroup::Elderly,
                MemberGroup::Disabled,
                MemberGroup::Disadvantaged,
            ]
            .into_iter()
            .collect(),
            welfare_categories: ["birth", "illness", "death"]
                .map(String::from)
                .into_iter()
                .collect(),
            contributions: 100_000,
            local_support: 50_000,
            expenses: 100,
            administration: 10,
            management: Some(Management {
                committee_in_office: true,
                members_registered: true,
                rules_recorded: true,
                accounts_kept: true,
                statements: 12,
            }),
            certification: None,
            area_moos: None,
            member_moos: BTreeSet::new(),
            programme: Default::default(),
        }
    }

    fn passed(c: &Check, key: &str) -> Option<bool> {
        c.criteria
            .iter()
            .chain(&c.programme)
            .find(|x| x.key == key)
            .unwrap_or_else(|| panic!("{key}"))
            .passed
    }

    #[test]
    fn running_one_year_counts_from_the_founding() {
        let mut f = facts();
        f.founded_on = NaiveDate::from_ymd_opt(2025, 11, 1); // 11 months before
        let c = check(&f);
        assert_eq!((c.stage, passed(&c, "running_one_year")), (Stage::New, Some(false)));
        assert!(
            c.criteria.iter().any(|x| x.key == "members_100"),
            "a new fund is asked for 100 members"
        );
        f.founded_on = NaiveDate::from_ymd_opt(2025, 9, 30); // 12 months
        let c = check(&f);
        assert_eq!((c.stage, passed(&c, "running_one_year")), (Stage::Existing, Some(true)));
        assert!(!c.criteria.iter().any(|x| x.key == "members_100"), "an existing fund is not");
    }

    #[test]
    fn death_and_funeral_are_one_kind_of_welfare() {
        let mut f = facts();
        f.welfare_categories = ["death", "funeral"].map(String::from).into_iter().collect();
        assert_eq!(passed(&check(&f), "welfare_kinds_3"), Some(false));
        f.welfare_categories.extend(["illness".to_string(), "birth".to_string()]);
        assert_eq!(passed(&check(&f), "welfare_kinds_3"), Some(true));
        let c = check(&f);
        let w = c.criteria.iter().find(|x| x.key == "welfare_kinds_3").unwrap();
        assert!(w.evidence_th.starts_with("3 เรื่อง"), "{}", w.evidence_th);
    }

    #[test]
    fn each_criterion_fails_and_passes() {
        let c = check(&facts());
        for key in ["groups_covered", "income_sources", "welfare_kinds_3", "administration_share"] {
            assert_eq!(passed(&c, key), Some(true), "{key}");
        }
        assert_eq!(passed(&c, "certified"), None, "the program cannot know: record it");
        assert_eq!(passed(&c, "villages_half"), None);
        assert_eq!(passed(&c, "management"), None, "plan and evaluation are not recorded");
        let mut f = facts();
        f.groups.remove(&MemberGroup::Disabled);
        f.local_support = 0;
        f.administration = 21;
        f.management.as_mut().unwrap().rules_recorded = false;
        let c = check(&f);
        for key in ["groups_covered", "income_sources", "administration_share", "management"] {
            assert_eq!(passed(&c, key), Some(false), "{key}");
        }
        f.management = None;
        assert_eq!(passed(&check(&f), "management"), None, "the province does not see it");
    }

    #[test]
    fn a_recorded_certification_and_area_are_checked() {
        let day = NaiveDate::from_ymd_opt(2026, 9, 30).unwrap();
        let mut f = facts();
        f.certification = Some(Certification {
            by: CertifiedBy::Codi,
            on: NaiveDate::from_ymd_opt(2025, 5, 1).unwrap(),
            document: "พอช. 12/2568".into(),
        });
        assert_eq!(passed(&check(&f), "certified"), Some(true));
        // an existing fund is not certified by the provincial committee (that is for new ones)
        f.certification.as_mut().unwrap().by = CertifiedBy::ProvincialCommittee;
        assert_eq!(passed(&check(&f), "certified"), Some(false));
        // a new fund is
        f.founded_on = Some(day - chrono::Days::new(200));
        assert_eq!(check(&f).stage, Stage::New);
        assert_eq!(passed(&check(&f), "certified"), Some(true));
        // members from 5 of 12 villages fail; from 6 pass
        let mut f = facts();
        f.area_moos = Some((1..=12).collect());
        f.member_moos = (1..=5).collect();
        let c = check(&f);
        assert_eq!(passed(&c, "villages_half"), Some(false));
        assert!(c.criteria.iter().any(|x| x.evidence_th.contains("5 หมู่ จาก 12 หมู่")));
        f.member_moos.insert(9);
        assert_eq!(passed(&check(&f), "villages_half"), Some(true));
        // villages outside the area do not count
        f.member_moos = [1, 2, 3, 4, 5, 40].into_iter().collect();
        assert_eq!(passed(&check(&f), "villages_half"), Some(false));
    }
}
