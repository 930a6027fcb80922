//! The CODI matching-request figures and the government's criteria as the fund meets them:
//! members with a full year of membership on 30 September, rounds already matched (those
//! carried in from the fund's earlier books too), and each criterion with its evidence.
//! Read-only: the fund's own report and the province's criteria check both read it.

use crate::domain::accounts;
use crate::domain::member::age_groups;
use crate::domain::Satang;
use crate::error::Result;
use crate::store::{Reader, Store};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// Government matching is paid at most this many times per member.
/// The support programme's settings in force on `day` (recorded, or the program's defaults).
pub fn programme(
    reader: &Reader<'_>,
    day: NaiveDate,
) -> Result<crate::domain::programme::Programme> {
    Ok(crate::domain::programme::Programme::on(&reader.programme_settings()?, day))
}

/// The programme's counting day on or before `date` (30 September unless the fund recorded
/// the programme's own day).
pub fn counting_day(reader: &Reader<'_>, date: NaiveDate) -> Result<NaiveDate> {
    let p = programme(reader, date)?;
    let y = chrono::Datelike::year(&date);
    let this = p.counting_day_in(y);
    Ok(if this <= date { this } else { p.counting_day_in(y - 1) })
}

/// The counting day of the request for `year` (CE): the day of the setting in force at the
/// start of that government year (1 October of the year before), in `year`.
pub fn counting_day_of(reader: &Reader<'_>, year: i32) -> Result<NaiveDate> {
    let start = NaiveDate::from_ymd_opt(year - 1, 10, 1).expect("valid");
    Ok(programme(reader, start)?.counting_day_in(year))
}

/// Members who can be counted for government matching on a counting day: active, with a full
/// year of membership, matched fewer than three times.
pub fn matchable_members(reader: &Reader<'_>, day: NaiveDate) -> Result<Vec<(i64, i64)>> {
    // a full year: the same day a year before (counting days are never 29 February)
    let year_before = day.with_year(chrono::Datelike::year(&day) - 1).expect("not 29 February");
    let times = reader.times_matched("government")?;
    Ok(reader
        .members_active_on(&day.to_string())?
        .into_iter()
        .filter(|m| m.joined_on.as_str() <= year_before.to_string().as_str())
        .map(|m| (m.id, times.get(&m.id).copied().unwrap_or(0)))
        .collect())
}

pub use crate::domain::criteria::{Criterion, Stage};

#[derive(Clone, Debug, Serialize)]
pub struct CodiReport {
    pub counting_day: NaiveDate,
    pub members_full_year: i64,
    /// How many members have been matched 0, 1, 2 and 3 times.
    pub times_matched: [i64; 4],
    pub members_to_request: i64,
    pub income_by_source: Vec<(String, Satang)>,
    /// Checked as an existing fund or as a new one (under a year old).
    pub stage: Stage,
    /// The guideline's criteria for that stage, each with its evidence.
    pub criteria: Vec<Criterion>,
    /// The support programme's own settings (not the guideline's).
    pub programme: Vec<Criterion>,
}

/// The figures of a CODI matching request for the counting day of `year` (CE; 30 September
/// unless the programme's own day is recorded),
/// with the government criteria checked over the twelve months to that day.
pub fn codi_report(reader: &Reader<'_>, year: i32) -> Result<CodiReport> {
    let fund = reader.require_fund()?;
    let day = counting_day_of(reader, year)?;
    let from = day.with_year(year - 1).expect("not 29 February").succ_opt().expect("a day");
    let members = matchable_members(reader, day)?;
    let programme = programme(reader, day)?;
    let cap = programme.rounds_cap.value;
    let mut times = [0i64; 4];
    for (_, t) in &members {
        times[(*t).clamp(0, 3) as usize] += 1;
    }
    let start = reader.totals_as_of(&(from.pred_opt().expect("day")).to_string())?;
    let end = reader.totals_as_of(&day.to_string())?;
    let moved = |code: &str| -> i64 {
        let e = end.iter().find(|t| t.account == code).map(|t| t.net().satang()).unwrap_or(0);
        let s = start.iter().find(|t| t.account == code).map(|t| t.net().satang()).unwrap_or(0);
        e - s
    };
    let accounts = reader.accounts()?;
    let income_by_source: Vec<(String, Satang)> = accounts
        .iter()
        .filter(|a| a.code.starts_with("42") || a.code == accounts::CONTRIBUTIONS)
        .map(|a| (a.name_th.clone(), Satang::new(-moved(&a.code))))
        .collect();
    let active = reader.members_active_on(&day.to_string())?;
    let mut groups = std::collections::BTreeSet::new();
    for m in &active {
        let birth = m.birth_date.as_deref().and_then(|b| crate::domain::date::parse(b).ok());
        groups.extend(age_groups(birth, day));
        groups.extend(m.groups.iter().copied());
    }
    let (from_s, day_s) = (from.to_string(), day.to_string());
    let welfare_categories = reader
        .claims(Some("paid"))?
        .into_iter()
        .filter(|c| c.event_date >= from_s && c.event_date <= day_s)
        .map(|c| c.category)
        .collect();
    let expenses: i64 = accounts
        .iter()
        .filter(|a| a.class == crate::domain::AccountClass::Expense)
        .map(|a| moved(&a.code))
        .sum();
    // Running since the fund was founded (a fund brought in from paper ran before its books
    // here began), or its first entry if that is earlier still.
    let first = reader.first_entry_date()?;
    let founded = [Some(fund.founded_on.clone()), first.clone()]
        .into_iter()
        .flatten()
        .filter_map(|d| crate::domain::date::parse(&d).ok())
        .min();
    let statements = reader
        .closed_months()?
        .iter()
        .filter(|(m, _, _)| m.as_str() >= &from_s[..7] && m.as_str() <= &day_s[..7])
        .count();
    let facts = crate::domain::criteria::Facts {
        day,
        founded_on: founded,
        active_members: active.len(),
        groups,
        welfare_categories,
        contributions: -moved(accounts::CONTRIBUTIONS),
        local_support: -moved(accounts::MATCHING_LOCAL),
        expenses,
        administration: moved(accounts::ADMINISTRATION) + moved(accounts::COMMITTEE),
        certification: certification(reader)?,
        area_moos: area_moos(reader)?,
        member_moos: active.iter().filter_map(|m| m.moo).collect(),
        programme: programme.clone(),
        management: Some(crate::domain::criteria::Management {
            committee_in_office: !reader.committee_on(&day_s)?.is_empty(),
            members_registered: !active.is_empty(),
            rules_recorded: !reader.rules()?.is_empty(),
            accounts_kept: first.is_some_and(|f| f <= day_s),
            statements,
        }),
    };
    let check = crate::domain::criteria::check(&facts);
    Ok(CodiReport {
        counting_day: day,
        members_full_year: members.len() as i64,
        times_matched: times,
        members_to_request: members.iter().filter(|(_, t)| *t < cap).count() as i64,
        income_by_source,
        stage: check.stage,
        criteria: check.criteria,
        programme: check.programme,
    })
}

/// One member of a matching request.
#[derive(Clone, Debug, Serialize)]
pub struct RequestLine {
    pub member_no: String,
    pub name: String,
    /// The national ID as the province sees it (keyed hash), when the fund has the key and
    /// the member's ID.
    pub id_hash: Option<String>,
    /// Government rounds this member was matched in before (recorded and carried in), and
    /// the baht of the recorded ones.
    pub rounds_before: i64,
    pub received_before: Satang,
    pub asked: Satang,
}

/// รายชื่อสมาชิกที่ขอรับเงินสมทบ: the members a full year in by the counting day 30 September
/// of `year` (CE) and under the programme's cap, each asked at the rate of the last
/// government round (what it paid a member), and those left out at the cap counted.
#[derive(Clone, Debug, Serialize)]
pub struct MatchingRequest {
    pub counting_day: NaiveDate,
    /// Per member, from the last round (None before any round: the rate CODI sets).
    pub rate: Option<Satang>,
    pub lines: Vec<RequestLine>,
    /// The programme's cap on rounds a member is matched in, as in force on the counting day.
    pub cap: crate::domain::programme::ProgrammeSetting,
    pub at_cap: i64,
    pub total_asked: Satang,
}

pub fn matching_request(reader: &Reader<'_>, year: i32) -> Result<MatchingRequest> {
    let day = counting_day_of(reader, year)?;
    let received = reader.matching_received("government")?;
    let rate = reader
        .last_matching_round("government")?
        .filter(|(_, members, amount)| *members > 0 && amount.satang() > 0)
        .map(|(_, members, amount)| Satang::new(amount.satang() / members));
    let key = reader.setting("province_id_key")?;
    let cap = programme(reader, day)?.rounds_cap;
    let mut lines = Vec::new();
    let mut at_cap = 0;
    for (id, times) in matchable_members(reader, day)? {
        if times >= cap.value {
            at_cap += 1;
            continue;
        }
        let m = reader
            .member_by_id(id)?
            .ok_or(crate::Error::NotFound { what: "member", key: id.to_string() })?;
        let id_hash = match (&key, &m.national_id) {
            (Some(k), Some(nid)) => Some(crate::domain::thai_id::keyed_hash(nid, k)),
            _ => None,
        };
        lines.push(RequestLine {
            member_no: m.member_no.clone(),
            name: m.full_name(),
            id_hash,
            rounds_before: times,
            received_before: received.get(&id).map(|r| r.1).unwrap_or_default(),
            asked: rate.unwrap_or_default(),
        });
    }
    let total_asked = lines.iter().map(|l| l.asked).sum();
    Ok(MatchingRequest { counting_day: day, rate, lines, cap, at_cap, total_asked })
}

/// Keep the caller's store type in scope for the CLI.
pub fn codi(store: &Store, year: i32) -> Result<CodiReport> {
    codi_report(&store.read(), year)
}

/// The fund's certification as recorded (`ops::fund::record_certification`), if it is.
pub fn certification(
    reader: &Reader<'_>,
) -> Result<Option<crate::domain::criteria::Certification>> {
    let (Some(by), Some(on)) = (reader.setting("certified_by")?, reader.setting("certified_on")?)
    else {
        return Ok(None);
    };
    Ok(Some(crate::domain::criteria::Certification {
        by: crate::domain::criteria::CertifiedBy::parse(&by)?,
        on: crate::domain::date::parse_field("certified_on", &on)?,
        document: reader.setting("certified_document")?.unwrap_or_default(),
    }))
}

/// The villages (หมู่) of the fund's area as recorded (`ops::fund::set_area`), if they are.
/// The local government the fund recorded (`ops::fund::set_local_government`), if it did.
pub fn local_government(reader: &Reader<'_>) -> Result<Option<String>> {
    reader.setting("local_government")
}

pub fn area_moos(reader: &Reader<'_>) -> Result<Option<std::collections::BTreeSet<u32>>> {
    match reader.setting("area_moos")? {
        Some(text) => Ok(Some(crate::domain::fund::parse_moos(&text)?)),
        None => Ok(None),
    }
}
