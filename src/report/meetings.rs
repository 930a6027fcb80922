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

#[derive(Clone, Debug, Serialize)]
pub struct MeetingDetail {
    pub meeting: MeetingView,
    pub attendees: Vec<MemberRow>,
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
    Ok(MeetingDetail {
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
