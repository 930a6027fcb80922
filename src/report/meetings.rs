//! Meetings as both front ends and the minutes show them: the list (newest first), one
//! meeting with who attended, its agenda and resolutions and where its minutes were
//! approved, and the passed resolutions a payment or a claim may cite.

use crate::error::{Error, Result};
use crate::store::{MeetingRow, MemberRow, Reader, ResolutionRow};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct MeetingView {
    #[serde(flatten)]
    pub meeting: MeetingRow,
    /// `ครั้งที่ 3/2569`
    pub label: String,
}

/// Every meeting, the newest first.
pub fn meetings(reader: &Reader<'_>) -> Result<Vec<MeetingView>> {
    let mut rows: Vec<MeetingView> = reader
        .meetings()?
        .into_iter()
        .map(|m| MeetingView { label: m.label(), meeting: m })
        .collect();
    rows.reverse();
    Ok(rows)
}

/// Who may attend and vote (member ids): the committee in office on the day, the auditor
/// aside, for a committee meeting; the members active on the day for a general assembly.
pub fn entitled(reader: &Reader<'_>, kind: &str, date: &str) -> Result<Vec<i64>> {
    Ok(match kind {
        "committee" => reader
            .committee_on(date)?
            .into_iter()
            .filter(|(_, role)| role != "auditor")
            .map(|(m, _)| m)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
        "general" => reader.members_active_on(date)?.into_iter().map(|m| m.id).collect(),
        other => {
            return Err(Error::invalid(
                "kind",
                other,
                crate::error::Problem::UnknownChoice { allowed: "committee, general".into() },
            ))
        }
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct MeetingDetail {
    pub meeting: MeetingView,
    pub attendees: Vec<MemberRow>,
    /// Who may be ticked present (number and name): those entitled, and the auditor at a
    /// committee meeting (named so, counting toward no quorum).
    pub entitled: Vec<(String, String)>,
    /// (item number, title, text)
    pub agenda: Vec<(i64, String, String)>,
    pub resolutions: Vec<ResolutionRow>,
    /// `การประชุมครั้งที่ 4/2569`, the meeting whose vote approved these minutes.
    pub approved_at: Option<String>,
}

pub fn meeting_detail(reader: &Reader<'_>, meeting_id: i64) -> Result<MeetingDetail> {
    let meeting = reader
        .meeting(meeting_id)?
        .ok_or(Error::NotFound { what: "meeting", key: meeting_id.to_string() })?;
    let mut attendees = Vec::new();
    for id in reader.attendees(meeting_id)? {
        attendees.extend(reader.member_by_id(id)?);
    }
    let approved_at = match meeting.approved_at {
        Some(id) => reader.meeting(id)?.map(|x| format!("การประชุม{}", x.label())),
        None => None,
    };
    // Who may be ticked present: those entitled, and at a committee meeting the auditor too,
    // who attends to check without counting toward the quorum.
    let mut ids = entitled(reader, &meeting.kind, &meeting.held_on)?;
    let mut auditors = Vec::new();
    if meeting.kind == "committee" {
        for (id, role) in reader.committee_on(&meeting.held_on)? {
            if role == "auditor" && !ids.contains(&id) {
                auditors.push(id);
            }
        }
    }
    ids.extend(&auditors);
    let mut may_attend = Vec::new();
    for id in ids {
        if let Some(m) = reader.member_by_id(id)? {
            let name = if auditors.contains(&id) {
                format!("{} ({})", m.full_name(), crate::domain::committee::role_th("auditor"))
            } else {
                m.full_name()
            };
            may_attend.push((m.member_no.clone(), name));
        }
    }
    Ok(MeetingDetail {
        entitled: may_attend,
        agenda: reader.agenda(meeting_id)?,
        resolutions: reader.resolutions_of(meeting_id)?,
        meeting: MeetingView { label: meeting.label(), meeting },
        attendees,
        approved_at,
    })
}

/// Passed resolutions of one kind (claims, expenses, ...; every kind when `None`) of the
/// meetings held on or after `since` (the choosers offer recent ones), the newest first.
pub fn resolutions_passed(
    reader: &Reader<'_>,
    kind: Option<&str>,
    since: chrono::NaiveDate,
) -> Result<Vec<ResolutionRow>> {
    let since = since.to_string();
    let mut out = Vec::new();
    for m in reader.meetings()?.into_iter().rev().take_while(|m| m.held_on >= since) {
        for r in reader.resolutions_of(m.id)? {
            if r.passed && kind.is_none_or(|k| r.kind == k) {
                out.push(r);
            }
        }
    }
    Ok(out)
}
