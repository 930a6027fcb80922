//! The committee and its meetings: terms by role, meetings numbered `ครั้งที่ n/ปีพ.ศ.` per
//! kind, attendance and quorum (more than half of those entitled, the usual fund rule),
//! agenda items, resolutions with votes, and minutes that lock once a later meeting
//! approves them.

use super::Ctx;
use crate::error::MeetingRefusal;
use crate::error::{Error, Problem, Result};
use crate::store::{MeetingRow, ResolutionRow, Store};

pub use crate::domain::committee::{MeetingKind, Role, ROLES};
use crate::domain::input::Day;

pub fn set_committee(
    store: &mut Store,
    member_no: &str,
    role: Role,
    from: &Day,
    to: &Day,
) -> Result<i64> {
    store.write(|tx| set_committee_in(tx, member_no, role, from, to))
}

/// `set_committee` inside a transaction (the new fund's committee is set in the one that
/// creates the fund).
pub(crate) fn set_committee_in(
    tx: &mut crate::store::Tx<'_>,
    member_no: &str,
    role: Role,
    from: &Day,
    to: &Day,
) -> Result<i64> {
    let (role_key, from_d, to_d) = (role.key(), from.get(), to.get());
    if to_d < from_d {
        return Err(Error::invalid(
            "to",
            to.typed(),
            Problem::Other {
                th: "ก่อนวันเริ่มวาระ".into(), en: "is before the term starts".into()
            },
        ));
    }
    {
        let m = super::member_by_no(&tx.read(), member_no)?;
        if tx.read().status_on(m.id, &from_d.to_string())?
            != Some(crate::domain::MemberStatus::Active)
        {
            return Err(Error::MemberNotActive {
                member_no: m.member_no,
                status: m.status.key().into(),
            });
        }
        // The auditor holds no other office in the same term: not the chair, not the
        // treasurer (whom the auditor checks).
        let checks_itself = |a: &str, b: &str| {
            (a == "auditor" && ["chair", "treasurer"].contains(&b))
                || (b == "auditor" && ["chair", "treasurer"].contains(&a))
        };
        for (other_role, other_from, other_to) in tx.read().committee_terms_of(m.id)? {
            let overlaps = other_from.as_str() <= to_d.to_string().as_str()
                && other_to.as_str() >= from_d.to_string().as_str();
            if overlaps && checks_itself(role_key, &other_role) {
                let name = crate::domain::committee::role_th;
                return Err(Error::invalid("role", role_key, Problem::Other {
                    th: format!("สมาชิกเลขที่ {} เป็น{}ในวาระเดียวกันอยู่แล้ว ผู้ตรวจสอบต้องไม่ดำรงตำแหน่งประธานหรือเหรัญญิก", m.member_no, name(&other_role)),
                    en: format!("member {} is already {} in the same term; the auditor may not be the chair or the treasurer", m.member_no, other_role),
                }));
            }
        }
        tx.insert_committee_term(m.id, role_key, &from_d.to_string(), &to_d.to_string())
    }
}

pub fn new_meeting(
    store: &mut Store,
    ctx: &Ctx,
    kind: MeetingKind,
    date: &Day,
    place: &str,
) -> Result<MeetingRow> {
    let (kind, held) = (kind.key(), date.get());
    if held > ctx.today() {
        return Err(Error::invalid("date", date.typed(), Problem::InFuture));
    }
    store.write(|tx| {
        tx.read().require_fund()?;
        let eligible =
            crate::report::meetings::entitled(&tx.read(), kind, &held.to_string())?.len() as i64;
        if eligible == 0 {
            return Err(MeetingRefusal::NoCommittee.into());
        }
        let be = chrono::Datelike::year(&held) + crate::thai::BE_OFFSET;
        let id = tx.insert_meeting(
            kind,
            be,
            &held.to_string(),
            place.trim(),
            eligible,
            &ctx.recorded_by,
            &ctx.now_text(),
        )?;
        tx.read().meeting(id)?.ok_or(Error::NotFound { what: "meeting", key: id.to_string() })
    })
}

fn load(reader: &crate::store::Reader<'_>, id: i64) -> Result<MeetingRow> {
    reader.meeting(id)?.ok_or(Error::NotFound { what: "meeting", key: id.to_string() })
}

fn locked_error(m: &MeetingRow) -> Error {
    MeetingRefusal::MinutesLocked { meeting: m.label() }.into()
}

pub fn attend(store: &mut Store, meeting_id: i64, member_nos: &[String]) -> Result<MeetingRow> {
    store.write(|tx| {
        let m = load(&tx.read(), meeting_id)?;
        if m.locked {
            return Err(locked_error(&m));
        }
        // the auditor attends a committee meeting too (to check), without counting
        let mut allowed = crate::report::meetings::entitled(&tx.read(), &m.kind, &m.held_on)?;
        if m.kind == "committee" {
            allowed.extend(
                tx.read()
                    .committee_on(&m.held_on)?
                    .into_iter()
                    .filter(|(_, r)| r == "auditor")
                    .map(|(id, _)| id),
            );
        }
        for no in member_nos {
            let member = super::member_by_no(&tx.read(), no)?;
            if !allowed.contains(&member.id) {
                return Err(Error::invalid(
                    "member",
                    no,
                    Problem::Other {
                        th: "ไม่มีสิทธิ์เข้าประชุมนี้".into(),
                        en: "is not entitled to attend this meeting".into(),
                    },
                ));
            }
            tx.insert_attendance(meeting_id, member.id)?;
        }
        load(&tx.read(), meeting_id)
    })
}

pub fn add_agenda(store: &mut Store, meeting_id: i64, title: &str, body: &str) -> Result<i64> {
    let title = crate::domain::text::required("title", title, 300)?;
    store.write(|tx| {
        let m = load(&tx.read(), meeting_id)?;
        if m.locked {
            return Err(locked_error(&m));
        }
        tx.insert_agenda_item(meeting_id, &title, body)
    })
}

/// Quorum: more than half of those entitled are present.
pub fn has_quorum(m: &MeetingRow) -> bool {
    m.present * 2 > m.eligible
}

pub struct Vote<'a> {
    pub subject: &'a str,
    pub kind: &'a str,
    pub agenda_no: Option<i64>,
    pub votes_for: i64,
    pub votes_against: i64,
    pub abstain: i64,
}

pub fn resolve(
    store: &mut Store,
    ctx: &Ctx,
    meeting_id: i64,
    v: &Vote<'_>,
) -> Result<ResolutionRow> {
    let subject = crate::domain::text::required("subject", v.subject, 500)?;
    let kind = match v.kind.trim() {
        k @ ("claim" | "expense" | "rule" | "admission" | "other") => k,
        other => {
            return Err(Error::invalid(
                "kind",
                other,
                Problem::UnknownChoice { allowed: "claim, expense, rule, admission, other".into() },
            ))
        }
    };
    for (n, field_value) in
        [(v.votes_for, "for"), (v.votes_against, "against"), (v.abstain, "abstain")]
    {
        if n < 0 {
            return Err(Error::invalid(
                "votes",
                format!("{field_value} {n}"),
                Problem::NegativeNotAllowed,
            ));
        }
    }
    store.write(|tx| {
        let m = load(&tx.read(), meeting_id)?;
        if m.locked {
            return Err(locked_error(&m));
        }
        if !has_quorum(&m) {
            return Err(
                MeetingRefusal::NoQuorum { present: m.present, eligible: m.eligible }.into()
            );
        }
        let total = v.votes_for + v.votes_against + v.abstain;
        if total > m.present {
            return Err(Error::invalid(
                "votes",
                total.to_string(),
                Problem::Other {
                    th: format!("มากกว่าผู้มาประชุม {} คน", m.present),
                    en: format!("more than the {} present", m.present),
                },
            ));
        }
        if let Some(a) = v.agenda_no {
            if !tx.read().agenda(meeting_id)?.iter().any(|(n, _, _)| *n == a) {
                return Err(Error::NotFound { what: "agenda", key: a.to_string() });
            }
        }
        let passed = v.votes_for > v.votes_against;
        let id = tx.insert_resolution(
            meeting_id,
            v.agenda_no,
            kind,
            &subject,
            (v.votes_for, v.votes_against, v.abstain),
            passed,
            &ctx.recorded_by,
            &ctx.now_text(),
        )?;
        tx.read().resolution(id)?.ok_or(Error::NotFound { what: "resolution", key: id.to_string() })
    })
}

pub fn write_minutes(store: &mut Store, meeting_id: i64, text: &str) -> Result<MeetingRow> {
    store.write(|tx| {
        let m = load(&tx.read(), meeting_id)?;
        if m.locked {
            return Err(locked_error(&m));
        }
        tx.set_minutes(meeting_id, text)?;
        load(&tx.read(), meeting_id)
    })
}

/// A later meeting (with quorum) approves the minutes; they are locked from then on.
pub fn approve_minutes(store: &mut Store, meeting_id: i64, at_meeting: i64) -> Result<MeetingRow> {
    store.write(|tx| {
        let m = load(&tx.read(), meeting_id)?;
        let at = load(&tx.read(), at_meeting)?;
        if m.locked {
            return Err(locked_error(&m));
        }
        if at.held_on <= m.held_on || at.id == m.id {
            return Err(MeetingRefusal::ApproveLater.into());
        }
        if !has_quorum(&at) {
            return Err(MeetingRefusal::NoQuorumAt { meeting: at.label() }.into());
        }
        if m.minutes.trim().is_empty() {
            return Err(Error::invalid("minutes", "", Problem::Empty));
        }
        tx.lock_minutes(meeting_id, at_meeting)?;
        load(&tx.read(), meeting_id)
    })
}
