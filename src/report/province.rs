//! The province's reports over the funds it has imported: figures by district and
//! subdistrict, which funds have sent which months, and each fund against the criteria.

use crate::domain::Satang;
use crate::error::{Error, Result};
use crate::store::province::ProvinceStore;
use serde::Serialize;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct AreaRow {
    pub changwat: String,
    pub amphoe: String,
    pub tambon: String,
    /// Filled in the rows by local government (อปท.); empty in the others.
    pub local_government: String,
    pub funds: i64,
    pub members_active: i64,
    /// Active members by sex, as their funds recorded it (a member without it in neither).
    pub men: i64,
    pub women: i64,
    pub youth: i64,
    pub elderly: i64,
    pub disabled: i64,
    pub disadvantaged: i64,
    /// Welfare paid in the span, by category account (5101..5109).
    pub welfare: std::collections::BTreeMap<String, Satang>,
    pub welfare_total: Satang,
    /// Members' welfare cases (claims paid for events in the span), by the same accounts.
    pub cases: std::collections::BTreeMap<String, i64>,
    pub cases_total: i64,
    /// Welfare of people in the community who are not members, counted apart: the claims
    /// paid for events in the span and their baht (part of `welfare`), by account.
    pub community_cases: std::collections::BTreeMap<String, i64>,
    pub community_paid: std::collections::BTreeMap<String, Satang>,
    pub community_cases_total: i64,
    pub community_paid_total: Satang,
    /// Matching money received, by source: `government`, `local`, `codi`, `other`.
    pub matching_by_source: std::collections::BTreeMap<String, Satang>,
    pub matching: Satang,
    /// Cash and bank at the end of the span.
    pub balance: Satang,
}

/// The source of the matching money booked to `account`, if it is one.
fn matching_source(account: &str) -> Option<&'static str> {
    use crate::domain::accounts::*;
    match account {
        MATCHING_GOVERNMENT => Some("government"),
        MATCHING_LOCAL => Some("local"),
        MATCHING_CODI => Some("codi"),
        GRANTS_OTHER => Some("other"),
        _ => None,
    }
}

/// The government's fiscal year named `typed` (BE or CE, the year it ends in): 1 October of
/// the year before to 30 September. The province's reports and matching requests use it.
pub fn government_year(typed: i32) -> Result<(chrono::NaiveDate, chrono::NaiveDate)> {
    let y = crate::domain::date::ce_year(typed)?;
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("a real day");
    Ok((day(y - 1, 10, 1), day(y, 9, 30)))
}

/// Figures by district and subdistrict over [from, to] (ISO dates); balances at `to`.
pub fn area_report(store: &ProvinceStore, from: &str, to: &str) -> Result<Vec<AreaRow>> {
    Ok(fund_figures(store, from, to)?.by_subdistrict())
}

/// The same figures by local government (อปท.), as each fund's bundle names it; funds that
/// named none are added up under «ไม่ระบุ».
pub fn local_government_report(
    store: &ProvinceStore,
    from: &str,
    to: &str,
) -> Result<Vec<AreaRow>> {
    fund_figures(store, from, to)?.by_local_government(store)
}

/// The area report and the report by local government together, from one read of the
/// funds' figures (the province's document has both).
pub fn area_and_local_government_reports(
    store: &ProvinceStore,
    from: &str,
    to: &str,
) -> Result<(Vec<AreaRow>, Vec<AreaRow>)> {
    let figures = fund_figures(store, from, to)?;
    Ok((figures.by_subdistrict(), figures.by_local_government(store)?))
}

/// (จังหวัด, อำเภอ, ตำบล, อปท.): where a fund's figures are added up.
type AreaKey = (String, String, String, String);

/// Every fund's figures over [from, to], each read once from the store: the reports add
/// them up by whichever area they are about.
struct FundFigures {
    funds: Vec<crate::store::province::ProvinceFund>,
    /// By fund code: one row per fund (`funds` 1), and a row for any figure whose fund is
    /// not enrolled (`funds` 0), which adds up under an empty area.
    by_code: std::collections::BTreeMap<String, AreaRow>,
}

fn fund_figures(store: &ProvinceStore, from: &str, to: &str) -> Result<FundFigures> {
    let funds = store.funds()?;
    let mut by_code: std::collections::BTreeMap<String, AreaRow> = funds
        .iter()
        .map(|f| (f.code.clone(), AreaRow { funds: 1, ..Default::default() }))
        .collect();
    // a figure of a fund not enrolled gets a row of its own
    fn row<'a>(
        by_code: &'a mut std::collections::BTreeMap<String, AreaRow>,
        code: &str,
    ) -> &'a mut AreaRow {
        by_code.entry(code.to_string()).or_default()
    }
    let year = to.get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(2000);
    for m in store.members()? {
        if m.status != "active" {
            continue;
        }
        let r = row(&mut by_code, &m.fund_code);
        r.members_active += 1;
        if let Some(b) = m.birth_year {
            // ages from the birth year only: the bundle carries no exact birth dates
            let age = year - b;
            r.youth += i64::from(age < crate::domain::member::YOUTH_UNDER);
            r.elderly += i64::from(age >= crate::domain::member::ELDERLY_FROM);
        }
        r.disabled += i64::from(m.groups.contains("disabled"));
        r.disadvantaged += i64::from(m.groups.contains("disadvantaged"));
        match m.sex.as_deref() {
            Some("M") => r.men += 1,
            Some("F") => r.women += 1,
            _ => {}
        }
    }
    for (code, account, amount) in store.account_totals(from, to)? {
        let r = row(&mut by_code, &code);
        if account.starts_with("51") {
            *r.welfare.entry(account.clone()).or_default() += amount;
            r.welfare_total += amount;
        }
        if let Some(source) = matching_source(&account) {
            r.matching -= amount;
            *r.matching_by_source.entry(source.into()).or_default() -= amount;
        }
    }
    for claim in store.paid_claims(from, to)? {
        let account = crate::domain::welfare::Category::parse(&claim.category)
            .map(|c| c.account())
            .unwrap_or(crate::domain::accounts::WELFARE_OTHER);
        let r = row(&mut by_code, &claim.fund_code);
        if claim.non_member {
            *r.community_cases.entry(account.into()).or_default() += 1;
            *r.community_paid.entry(account.into()).or_default() += claim.amount;
            r.community_cases_total += 1;
            r.community_paid_total += claim.amount;
        } else {
            *r.cases.entry(account.into()).or_default() += 1;
            r.cases_total += 1;
        }
    }
    for (code, account, amount) in store.account_totals("0000-01-01", to)? {
        if account == crate::domain::accounts::CASH || account == crate::domain::accounts::BANK {
            row(&mut by_code, &code).balance += amount;
        }
    }
    Ok(FundFigures { funds, by_code })
}

impl FundFigures {
    /// The funds' figures added up by the area `group` gives each fund, any part of the key
    /// left empty to add up a whole level; in the order of the keys.
    fn grouped(
        &self,
        group: impl Fn(&crate::store::province::ProvinceFund) -> AreaKey,
    ) -> Vec<AreaRow> {
        let key_of: std::collections::HashMap<&str, AreaKey> =
            self.funds.iter().map(|f| (f.code.as_str(), group(f))).collect();
        let mut rows: std::collections::BTreeMap<AreaKey, AreaRow> =
            std::collections::BTreeMap::new();
        for (code, figures) in &self.by_code {
            let key = key_of.get(code.as_str()).cloned().unwrap_or_default();
            let (changwat, amphoe, tambon, local) = &key;
            let r = rows.entry(key.clone()).or_insert_with(|| AreaRow {
                changwat: changwat.clone(),
                amphoe: amphoe.clone(),
                tambon: tambon.clone(),
                local_government: local.clone(),
                ..Default::default()
            });
            r.add(figures);
        }
        rows.into_values().collect()
    }

    fn by_subdistrict(&self) -> Vec<AreaRow> {
        self.grouped(|f| (f.changwat.clone(), f.amphoe.clone(), f.tambon.clone(), String::new()))
    }

    fn by_district(&self) -> Vec<AreaRow> {
        self.grouped(|f| (f.changwat.clone(), f.amphoe.clone(), String::new(), String::new()))
    }

    fn by_local_government(&self, store: &ProvinceStore) -> Result<Vec<AreaRow>> {
        let records = store.fund_records()?;
        Ok(self.grouped(|f| {
            let named = records.get(&f.code).and_then(|r| r.local_government.clone());
            (
                f.changwat.clone(),
                f.amphoe.clone(),
                String::new(),
                named.unwrap_or_else(|| "ไม่ระบุ".into()),
            )
        }))
    }
}

impl AreaRow {
    /// Add another area's figures into this one (a province's total of its districts).
    pub fn add(&mut self, other: &AreaRow) {
        self.funds += other.funds;
        self.members_active += other.members_active;
        self.men += other.men;
        self.women += other.women;
        self.youth += other.youth;
        self.elderly += other.elderly;
        self.disabled += other.disabled;
        self.disadvantaged += other.disadvantaged;
        for (k, v) in &other.welfare {
            *self.welfare.entry(k.clone()).or_default() += *v;
        }
        self.welfare_total += other.welfare_total;
        for (k, v) in &other.cases {
            *self.cases.entry(k.clone()).or_default() += *v;
        }
        self.cases_total += other.cases_total;
        for (k, v) in &other.community_cases {
            *self.community_cases.entry(k.clone()).or_default() += *v;
        }
        for (k, v) in &other.community_paid {
            *self.community_paid.entry(k.clone()).or_default() += *v;
        }
        self.community_cases_total += other.community_cases_total;
        self.community_paid_total += other.community_paid_total;
        for (k, v) in &other.matching_by_source {
            *self.matching_by_source.entry(k.clone()).or_default() += *v;
        }
        self.matching += other.matching;
        self.balance += other.balance;
    }
}

/// One province in the national report: its total, its districts, and its coverage gaps.
#[derive(Clone, Debug, Serialize)]
pub struct NationalProvince {
    pub changwat: String,
    pub total: AreaRow,
    pub districts: Vec<AreaRow>,
    /// Funds whose bundles stop before the month asked about, and the months missing.
    pub funds_behind: i64,
    pub months_missing: i64,
}

/// The national office's report over [from, to]: by province, then district, with each
/// province's coverage gaps up to `as_of_month`.
pub fn national_report(
    store: &ProvinceStore,
    from: &str,
    to: &str,
    as_of_month: &str,
) -> Result<Vec<NationalProvince>> {
    let figures = fund_figures(store, from, to)?;
    let districts = figures.by_district();
    let mut provinces: std::collections::BTreeMap<String, NationalProvince> =
        std::collections::BTreeMap::new();
    for d in districts {
        let p = provinces.entry(d.changwat.clone()).or_insert_with(|| NationalProvince {
            changwat: d.changwat.clone(),
            total: AreaRow { changwat: d.changwat.clone(), ..Default::default() },
            districts: Vec::new(),
            funds_behind: 0,
            months_missing: 0,
        });
        p.total.add(&d);
        p.districts.push(d);
    }
    let changwat_of: std::collections::HashMap<&str, &str> =
        figures.funds.iter().map(|f| (f.code.as_str(), f.changwat.as_str())).collect();
    for c in coverage(store, as_of_month)? {
        let Some(p) = changwat_of.get(c.code.as_str()).and_then(|w| provinces.get_mut(*w)) else {
            continue;
        };
        if c.months_missing > 0 {
            p.funds_behind += 1;
            p.months_missing += c.months_missing;
        }
    }
    Ok(provinces.into_values().collect())
}

#[derive(Clone, Debug, Serialize)]
pub struct FundCoverage {
    pub code: String,
    pub name: String,
    pub amphoe: String,
    pub tambon: String,
    pub key_fingerprint: String,
    /// Times the key changed (rotations and re-enrolments), and the last re-enrolment.
    pub key_changes: i64,
    pub re_enrolled_at: Option<String>,
    pub bundles: i64,
    pub covered_from: Option<String>,
    pub covered_to: Option<String>,
    /// Whole months after `covered_to` up to the month asked about: the gap to chase.
    pub months_missing: i64,
    /// When the fund was founded and its books in the program began (from its bundles).
    pub founded_on: Option<String>,
    pub books_start: Option<String>,
    /// The months its auditor signed (from its bundles).
    pub months_audited: Vec<String>,
}

pub fn coverage(store: &ProvinceStore, as_of_month: &str) -> Result<Vec<FundCoverage>> {
    let cov = store.coverage()?;
    let audited = store.audited_months()?;
    let (ay, am) = crate::domain::date::parse_month(as_of_month)
        .map_err(|p| Error::invalid("month", as_of_month, p))?;
    Ok(store
        .funds()?
        .into_iter()
        .map(|f| {
            let mine: Vec<_> = cov.iter().filter(|(c, _, _)| *c == f.code).collect();
            let missing = match &f.covered_to {
                Some(to) => {
                    let (y, m) = crate::domain::date::parse_month(to).unwrap_or((ay, am));
                    (i64::from(ay) * 12 + i64::from(am)) - (i64::from(y) * 12 + i64::from(m))
                }
                None => -1,
            };
            FundCoverage {
                code: f.code.clone(),
                name: f.name.clone(),
                amphoe: f.amphoe.clone(),
                tambon: f.tambon.clone(),
                key_fingerprint: f.fingerprint.clone(),
                key_changes: f.key_changes,
                re_enrolled_at: f.re_enrolled_at.clone(),
                bundles: mine.len() as i64,
                covered_from: mine.first().map(|x| x.1.clone()),
                covered_to: f.covered_to.clone(),
                months_missing: missing.max(0),
                founded_on: f.founded_on.clone(),
                books_start: f.books_start.clone(),
                months_audited: audited
                    .iter()
                    .filter(|(c, _)| *c == f.code)
                    .map(|(_, m)| m.clone())
                    .collect(),
            }
        })
        .collect())
}

#[derive(Clone, Debug, Serialize)]
pub struct FundCriteria {
    pub code: String,
    pub name: String,
    pub stage: crate::domain::criteria::Stage,
    pub criteria: Vec<crate::domain::criteria::Criterion>,
    pub programme: Vec<crate::domain::criteria::Criterion>,
}

/// The government matching criteria for every fund, from the imported data, over the twelve
/// months to 30 September of `year` (CE): the same rules as the fund's own check
/// (`domain::criteria`), from what bundles carry — ages from birth years, welfare from the
/// claims, and nothing of the committee's registers (those items read "cannot know").
pub fn criteria(store: &ProvinceStore, year: i32) -> Result<Vec<FundCriteria>> {
    use crate::domain::member::{MemberGroup, ELDERLY_FROM, YOUTH_UNDER};
    let day = chrono::NaiveDate::from_ymd_opt(year, 9, 30).expect("valid");
    let from = format!("{}-10-01", year - 1);
    let to = format!("{year}-09-30");
    let totals = store.account_totals(&from, &to)?;
    let members = store.members()?;
    let firsts = store.first_entry_dates()?;
    let claims: Vec<(String, String)> =
        store.paid_claims(&from, &to)?.into_iter().map(|c| (c.fund_code, c.category)).collect();
    let records = store.fund_records()?;
    let mut out = Vec::new();
    for f in store.funds()? {
        // members as the bundles carry them now, those who had joined by the counting day
        let mine: Vec<_> = members
            .iter()
            .filter(|m| {
                m.fund_code == f.code && m.status == "active" && m.joined_on.as_str() <= to.as_str()
            })
            .collect();
        let mut groups = std::collections::BTreeSet::new();
        for m in &mine {
            if let Some(age) = m.birth_year.map(|b| year - b) {
                if age < YOUTH_UNDER {
                    groups.insert(MemberGroup::Youth);
                }
                if age >= ELDERLY_FROM {
                    groups.insert(MemberGroup::Elderly);
                }
            }
            if m.groups.contains("disabled") {
                groups.insert(MemberGroup::Disabled);
            }
            if m.groups.contains("disadvantaged") {
                groups.insert(MemberGroup::Disadvantaged);
            }
        }
        let fund_totals: Vec<_> = totals.iter().filter(|t| t.0 == f.code).collect();
        let net = |code: &str| {
            fund_totals.iter().filter(|t| t.1 == code).map(|t| t.2.satang()).sum::<i64>()
        };
        let expenses: i64 =
            fund_totals.iter().filter(|t| t.1.starts_with('5')).map(|t| t.2.satang()).sum();
        let first = firsts.iter().find(|x| x.0 == f.code).map(|x| x.1.clone());
        let founded = [f.founded_on.clone(), first]
            .into_iter()
            .flatten()
            .filter_map(|d| crate::domain::date::parse(&d).ok())
            .min();
        let facts = crate::domain::criteria::Facts {
            day,
            founded_on: founded,
            active_members: mine.len(),
            groups,
            welfare_categories: claims
                .iter()
                .filter(|c| c.0 == f.code)
                .map(|c| c.1.clone())
                .collect(),
            contributions: -net(crate::domain::accounts::CONTRIBUTIONS),
            local_support: -net(crate::domain::accounts::MATCHING_LOCAL),
            expenses,
            administration: net(crate::domain::accounts::ADMINISTRATION)
                + net(crate::domain::accounts::COMMITTEE),
            management: None,
            // the province keeps no programme settings of its own yet: the program's defaults
            programme: Default::default(),
            certification: records.get(&f.code).and_then(|r| r.certification.as_ref()).and_then(
                |(by, on, document)| {
                    Some(crate::domain::criteria::Certification {
                        by: crate::domain::criteria::CertifiedBy::parse(by).ok()?,
                        on: crate::domain::date::parse(on).ok()?,
                        document: document.clone(),
                    })
                },
            ),
            area_moos: records
                .get(&f.code)
                .and_then(|r| r.area_moos.as_deref())
                .and_then(|a| crate::domain::fund::parse_moos(a).ok()),
            member_moos: mine
                .iter()
                .filter_map(|m| m.moo)
                .filter_map(|m| u32::try_from(m).ok())
                .collect(),
        };
        let check = crate::domain::criteria::check(&facts);
        out.push(FundCriteria {
            code: f.code.clone(),
            name: f.name.clone(),
            stage: check.stage,
            criteria: check.criteria,
            programme: check.programme,
        });
    }
    Ok(out)
}
