//! The demo fund's committee work each month: welfare claims (illness, births, deaths, the
//! December allowance for the elderly, education in May, a flood now and then) decided by the
//! monthly committee meeting and paid; minutes approved at the next meeting; the January
//! general assembly (and, for savings groups, last year's profit allocation); government
//! and council matching in March; loans and their repayments.

use super::{at, day, DemoMember, DemoSpec};
use crate::domain::input::Input;
use crate::domain::member::MemberFields;
use crate::domain::{FundKind, MemberStatus, Satang};
use crate::error::Result;
use crate::ops::matching::MatchingSource;
use crate::ops::{self, meetings::Vote, welfare::ClaimInput, Ctx};
use crate::store::Store;
use rand::Rng;
use rand_chacha::ChaCha8Rng;

/// The first members to join form the committee (and are kept out of deaths and
/// resignations so the demo's meetings always have a quorum).
pub const COMMITTEE_SIZE: usize = 5;
const ROLES: [&str; COMMITTEE_SIZE] = ["chair", "vice_chair", "treasurer", "secretary", "auditor"];

pub fn month(
    store: &mut Store,
    rng: &mut ChaCha8Rng,
    spec: &DemoSpec,
    people: &mut [(DemoMember, MemberFields)],
    (y, m): (i32, u32),
    deaths: &[String],
) -> Result<()> {
    let meeting_day = day(y, m, 27);
    let ctx = at(meeting_day, 10);
    // The committee takes office as soon as five members have joined.
    if store.read().committee_on(&meeting_day.to_string())?.is_empty() {
        let founders: Vec<String> = people
            .iter()
            .take(COMMITTEE_SIZE)
            .filter(|(p, _)| p.joined <= day(y, m, 21))
            .map(|(p, _)| p.member_no.clone())
            .collect();
        if founders.len() < COMMITTEE_SIZE {
            return Ok(());
        }
        let until = Input::of_day(day(spec.until.0 + 1, 12, 31));
        for (no, role) in founders.iter().zip(ROLES) {
            let (role, from) = (ops::meetings::Role::parse(role)?, Input::of_day(day(y, m, 22)));
            ops::meetings::set_committee(store, no, role, &from, &until)?;
        }
    }
    let welfare = spec.kind != FundKind::Savings;
    let mut claims = Vec::new();
    if welfare {
        let open = |store: &mut Store,
                    no: &str,
                    category: &str,
                    event: chrono::NaiveDate,
                    days: Option<u32>,
                    docs: &[&str]| {
            ops::welfare::open_claim(
                store,
                &at(day(y, m, 26), 9),
                &ClaimInput {
                    member_no: no.to_string(),
                    category: category.into(),
                    event_date: event.to_string(),
                    days: days.map(|d| d.to_string()),
                    documents: docs.iter().map(|d| d.to_string()).collect(),
                    note: String::new(),
                    person: None,
                },
            )
        };
        for no in deaths {
            claims.push(open(store, no, "death", day(y, m, 15), None, &["ใบมรณบัตร"])?.0.id);
        }
        let flood = m == 9 && rng.gen_bool(0.3);
        let flood_moo = rng.gen_range(1..=12u32);
        for (p, f) in people.iter() {
            if p.status != MemberStatus::Active || p.joined > day(y, m, 1) {
                continue;
            }
            let age = f
                .birth_date
                .parse::<chrono::NaiveDate>()
                .map(|b| crate::domain::date::whole_years(b, day(y, m, 1)))
                .unwrap_or(40);
            let event = day(y, m, rng.gen_range(1..=20));
            if rng.gen_bool(0.012) {
                // sometimes the doctor's note is missing and the committee turns it down
                let docs: &[&str] = if rng.gen_bool(0.9) {
                    &["ใบรับรองแพทย์"]
                } else {
                    &[]
                };
                claims.push(
                    open(store, &p.member_no, "illness", event, Some(rng.gen_range(1..8)), docs)?
                        .0
                        .id,
                );
            }
            if f.title.starts_with("นาง") && (20..40).contains(&age) && rng.gen_bool(0.003) {
                claims.push(open(store, &p.member_no, "birth", event, None, &["สูติบัตร"])?.0.id);
            }
            if m == 12 && age >= 60 && rng.gen_bool(0.6) {
                claims.push(open(store, &p.member_no, "elderly", day(y, 12, 1), None, &[])?.0.id);
            }
            if m == 5 && (6..19).contains(&age) && rng.gen_bool(0.05) {
                claims.push(
                    open(
                        store,
                        &p.member_no,
                        "education",
                        day(y, 5, 15),
                        None,
                        &["หลักฐานการศึกษา"],
                    )?
                    .0
                    .id,
                );
            }
            if flood && f.moo == flood_moo.to_string() && rng.gen_bool(0.5) {
                claims.push(open(store, &p.member_no, "disaster", day(y, 9, 10), None, &[])?.0.id);
            }
        }
    }

    // The monthly committee meeting.
    let meeting = ops::meetings::new_meeting(
        store,
        &ctx,
        ops::meetings::MeetingKind::Committee,
        &Input::of_day(meeting_day),
        "ศาลาอเนกประสงค์หมู่บ้าน",
    )?;
    let committee: Vec<String> =
        people.iter().take(COMMITTEE_SIZE).map(|(p, _)| p.member_no.clone()).collect();
    let absent = rng.gen_range(0..COMMITTEE_SIZE + 3); // usually everyone comes
    let present: Vec<String> = committee
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != absent)
        .map(|(_, n)| n.clone())
        .collect();
    ops::meetings::attend(store, meeting.id, &present)?;
    ops::meetings::add_agenda(store, meeting.id, "รับรองรายงานการประชุมครั้งที่แล้ว", "")?;
    ops::meetings::add_agenda(store, meeting.id, "รายงานการเงินประจำเดือน", "")?;
    // those who vote: the auditor attends but does not count
    let n = store.read().meeting(meeting.id)?.map(|m| m.present).unwrap_or(0);
    let previous = store.read().meetings()?.into_iter().rfind(|x| {
        x.kind == "committee" && x.id < meeting.id && !x.locked && !x.minutes.is_empty()
    });
    if let Some(prev) = previous {
        ops::meetings::approve_minutes(store, prev.id, meeting.id)?;
    }
    let mut approved = Vec::new();
    if !claims.is_empty() {
        let item = ops::meetings::add_agenda(store, meeting.id, "พิจารณาคำขอรับสวัสดิการ", "")?;
        let evaluations: Vec<(i64, bool)> = claims
            .iter()
            .map(|c| Ok((*c, store.read().claim(*c)?.map(|x| x.eligible).unwrap_or(false))))
            .collect::<Result<_>>()?;
        let eligible: Vec<i64> = evaluations.iter().filter(|(_, e)| *e).map(|(c, _)| *c).collect();
        let ineligible: Vec<i64> =
            evaluations.iter().filter(|(_, e)| !*e).map(|(c, _)| *c).collect();
        for (ids, approve, subject) in [
            (&eligible, true, format!("อนุมัติจ่ายสวัสดิการตามระเบียบ {} ราย", eligible.len())),
            (&ineligible, false, format!("ไม่อนุมัติคำขอที่ไม่เป็นไปตามระเบียบ {} ราย", ineligible.len())),
        ] {
            if ids.is_empty() {
                continue;
            }
            let vote = Vote {
                subject: &subject,
                kind: "claim",
                agenda_no: Some(item),
                votes_for: n,
                votes_against: 0,
                abstain: 0,
            };
            let r = ops::meetings::resolve(store, &ctx, meeting.id, &vote)?;
            for c in ids {
                ops::welfare::decide_claim(store, *c, approve, r.id, None)?;
                if approve {
                    approved.push(*c);
                }
            }
        }
    }
    ops::meetings::write_minutes(
        store,
        meeting.id,
        &format!(
            "เปิดประชุมเวลา 09.30 น. กรรมการมาประชุม {n} คน ครบองค์ประชุม ประธานแจ้งรายงานการเงินประจำเดือน พิจารณาคำขอรับสวัสดิการ {} ราย อนุมัติ {} ราย ปิดประชุมเวลา 11.00 น.",
            claims.len(),
            approved.len()
        ),
    )?;
    for c in approved {
        let pay_day = day(y, m, 28);
        let amount = store.read().claim(c)?.and_then(|x| x.approved_amount).unwrap_or_default();
        let bank = store
            .read()
            .lowest_balance_from(crate::domain::accounts::BANK, &pay_day.to_string())?;
        if bank >= amount {
            ops::welfare::pay_claim(
                store,
                &at(pay_day, 10),
                c,
                &Input::of_day(pay_day),
                &Input::bank(),
            )?;
        }
    }

    // Matching money in March.
    if m == 3 && welfare {
        let cap = ops::matching::programme(&store.read(), day(y, 3, 15))?.rounds_cap.value;
        let matchable = ops::matching::matchable_members(
            &store.read(),
            ops::matching::counting_day(&store.read(), day(y, 3, 15))?,
        )?
        .into_iter()
        .filter(|(_, t)| *t < cap)
        .count() as i64;
        if matchable > 0 {
            let be = y + crate::thai::BE_OFFSET;
            ops::matching::receive_matching(
                store,
                &at(day(y, 3, 15), 10),
                MatchingSource::Government,
                &format!("{be}/1"),
                &Input::of_amount(Satang::from_baht(matchable * 120)),
                &Input::of_day(day(y, 3, 15)),
                &Input::bank(),
            )?;
            let scale = i64::from((spec.members / 300).max(1));
            ops::matching::receive_matching(
                store,
                &at(day(y, 3, 18), 10),
                MatchingSource::Local,
                &format!("{be}"),
                &Input::of_amount(Satang::from_baht(10_000 * scale)),
                &Input::of_day(day(y, 3, 18)),
                &Input::bank(),
            )?;
        }
    }

    // The general assembly in January: last year's accounts, and a savings group's profit.
    if m == 1 {
        let assembly_day = day(y, 1, 20);
        let actx = at(assembly_day, 9);
        let active: Vec<String> = store
            .read()
            .members_active_on(&assembly_day.to_string())?
            .into_iter()
            .map(|x| x.member_no)
            .collect();
        if active.len() >= 3 {
            let ga = ops::meetings::new_meeting(
                store,
                &actx,
                ops::meetings::MeetingKind::General,
                &Input::of_day(assembly_day),
                "วัดประจำหมู่บ้าน",
            )?;
            let attending: Vec<String> =
                active.iter().filter(|_| rng.gen_bool(0.6)).cloned().collect();
            ops::meetings::attend(store, ga.id, &attending)?;
            let ga = store.read().meeting(ga.id)?.expect("just made");
            if ops::meetings::has_quorum(&ga) {
                let votes = ga.present;
                ops::meetings::resolve(
                    store,
                    &actx,
                    ga.id,
                    &Vote {
                        subject: &format!("รับรองงบการเงินประจำปี {}", y - 1 + crate::thai::BE_OFFSET),
                        kind: "other",
                        agenda_no: None,
                        votes_for: votes - 2,
                        votes_against: 0,
                        abstain: 2,
                    },
                )?;
                if spec.kind.keeps_savings()
                    && store.read().first_entry_date()?.is_some_and(|d| d < format!("{}-01-01", y))
                {
                    let interest = store.read().interest_paid_between(
                        &format!("{}-01-01", y - 1),
                        &format!("{}-12-31", y - 1),
                    )?;
                    allocate_at_assembly(store, &actx, ga.id, votes, y - 1, interest.is_empty())?;
                }
            }
        }
    }

    // Loans: a few savers borrow; borrowers repay what has fallen due (most of the time).
    if spec.kind.keeps_savings() {
        let loan_day = day(y, m, 20);
        let savers: Vec<String> = people
            .iter()
            .filter(|(p, _)| {
                p.status == MemberStatus::Active && p.saves.satang() > 0 && p.joined < day(y, m, 1)
            })
            .map(|(p, _)| p.member_no.clone())
            .collect();
        for no in &savers {
            if !rng.gen_bool(0.004) || savers.len() < 3 {
                continue;
            }
            let g1 = &savers[rng.gen_range(0..savers.len())];
            let g2 = &savers[rng.gen_range(0..savers.len())];
            if g1 == no || g2 == no || g1 == g2 {
                continue;
            }
            let amount = Satang::from_baht(rng.gen_range(5..=20) * 1000);
            if store
                .read()
                .lowest_balance_from(crate::domain::accounts::BANK, &loan_day.to_string())?
                < amount
            {
                continue;
            }
            ops::loans::lend(
                store,
                &at(loan_day, 10),
                &ops::loans::NewLoan {
                    member_no: no.to_string(),
                    principal: Input::of_amount(amount),
                    rate_bp: 100,
                    method: crate::domain::loan::Method::Declining,
                    term_months: 12,
                    date: Input::of_day(loan_day),
                    guarantors: vec![g1.clone(), g2.clone()],
                    till: Input::bank(),
                    resolution_id: None,
                },
            )?;
        }
        let pay_day = day(y, m, 25);
        for loan in store.read().loans()? {
            if loan.principal_paid >= loan.principal || rng.gen_bool(0.1) {
                continue;
            }
            let sched = crate::domain::loan::schedule(
                loan.principal,
                loan.rate_bp,
                if loan.method == "flat" {
                    crate::domain::loan::Method::Flat
                } else {
                    crate::domain::loan::Method::Declining
                },
                loan.term_months,
                crate::domain::date::parse(&loan.start_date).unwrap_or(pay_day),
            );
            let (p, i) = crate::domain::loan::due_by(&sched, pay_day);
            let due = (p.satang() - loan.principal_paid.satang()).max(0)
                + (i.satang() - loan.interest_paid.satang()).max(0);
            if due > 0 {
                ops::loans::repay(
                    store,
                    &at(pay_day, 15),
                    loan.id,
                    &Input::of_amount(Satang::new(due)),
                    &Input::of_day(pay_day),
                    &Input::cash(),
                )?;
            }
        }
    }
    Ok(())
}

/// The assembly adopts an allocation plan when the one in force does not fit the year (no
/// refund part while nobody paid interest), allocates last year's profit by it and pays the
/// dividends into each member's sajja savings, as most groups do.
fn allocate_at_assembly(
    store: &mut Store,
    actx: &Ctx,
    meeting_id: i64,
    votes: i64,
    year: i32,
    no_interest: bool,
) -> Result<()> {
    use crate::domain::allocation::{default_parts, plan_in_force, PartKind};
    let assembly_day = actx.today();
    let mut parts = default_parts();
    if no_interest {
        // the refund's share goes to the dividend
        let refund =
            parts.iter().find(|p| p.kind == PartKind::Refund).map_or(0, |p| p.basis_points);
        parts.retain(|p| p.kind != PartKind::Refund);
        if let Some(d) = parts.iter_mut().find(|p| p.kind == PartKind::Dividend) {
            d.basis_points += refund;
        }
    }
    let plans: Vec<_> = store.read().allocation_plans()?.into_iter().map(|p| p.plan).collect();
    if plan_in_force(&plans, assembly_day).map(|p| &p.parts) != Some(&parts) {
        let r = ops::meetings::resolve(
            store,
            actx,
            meeting_id,
            &Vote {
                subject: "แผนการจัดสรรกำไรของกลุ่มออมทรัพย์",
                kind: "rule",
                agenda_no: None,
                votes_for: votes - 1,
                votes_against: 0,
                abstain: 1,
            },
        )?;
        ops::allocation::adopt_plan(store, actx, &Input::of_day(assembly_day), parts, r.id)?;
    }
    match ops::allocation::allocate(store, actx, year, &Input::of_day(assembly_day)) {
        Ok(_) => {}
        Err(crate::Error::Refused(_)) => return Ok(()),
        Err(e) => return Err(e),
    }
    let pay_day = assembly_day.succ_opt().expect("next day");
    match ops::allocation::pay_dividends(
        store,
        &at(pay_day, 10),
        year,
        &ops::allocation::PayInto::Savings,
        &Input::of_day(pay_day),
    ) {
        Ok(_) | Err(crate::Error::Refused(_)) => Ok(()),
        Err(e) => Err(e),
    }
}
