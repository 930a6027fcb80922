//! SQL for the committee, meetings, attendance, agenda items and resolutions.

use super::{Reader, Tx};
use crate::error::Result;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MeetingRow {
    pub id: i64,
    pub kind: String,
    pub number: i64,
    pub be_year: i32,
    pub held_on: String,
    pub place: String,
    pub eligible: i64,
    pub present: i64,
    pub minutes: String,
    pub approved_at: Option<i64>,
    pub locked: bool,
}

impl MeetingRow {
    /// `ครั้งที่ 3/2569`
    pub fn label(&self) -> String {
        format!("ครั้งที่ {}/{}", self.number, self.be_year)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolutionRow {
    pub id: i64,
    pub meeting_id: i64,
    pub seq: i64,
    pub agenda_no: Option<i64>,
    pub kind: String,
    pub subject: String,
    pub votes_for: i64,
    pub votes_against: i64,
    pub abstain: i64,
    pub passed: bool,
    /// `มติที่ 2 การประชุมคณะกรรมการ ครั้งที่ 3/2569`
    pub label: String,
}

fn meeting_from_row(r: &Row<'_>) -> rusqlite::Result<MeetingRow> {
    Ok(MeetingRow {
        id: r.get("id")?,
        kind: r.get("kind")?,
        number: r.get("number")?,
        be_year: r.get("be_year")?,
        held_on: r.get("held_on")?,
        place: r.get("place")?,
        eligible: r.get("eligible")?,
        present: r.get("present")?,
        minutes: r.get("minutes")?,
        approved_at: r.get("approved_at")?,
        locked: r.get("locked")?,
    })
}

/// A meeting with `present`: who attended and counts toward the quorum — at a committee
/// meeting, not a member who is there only as the auditor (ผู้ตรวจสอบ), who attends to check
/// and neither votes nor counts.
const MEETING_SELECT: &str = "SELECT m.*, (SELECT count(*) FROM attendance a WHERE a.meeting_id = m.id
        AND NOT (m.kind = 'committee'
                 AND EXISTS (SELECT 1 FROM committee_term t WHERE t.member_id = a.member_id AND t.role = 'auditor'
                             AND t.term_from <= m.held_on AND t.term_to >= m.held_on)
                 AND NOT EXISTS (SELECT 1 FROM committee_term t WHERE t.member_id = a.member_id AND t.role <> 'auditor'
                                 AND t.term_from <= m.held_on AND t.term_to >= m.held_on))) AS present
    FROM meeting m";

fn resolution_from_row(r: &Row<'_>) -> rusqlite::Result<ResolutionRow> {
    let kind_of_meeting: String = r.get("meeting_kind")?;
    let meeting = if kind_of_meeting == "general" {
        "การประชุมใหญ่"
    } else {
        "การประชุมคณะกรรมการ"
    };
    let seq: i64 = r.get("seq")?;
    let number: i64 = r.get("number")?;
    let be_year: i64 = r.get("be_year")?;
    Ok(ResolutionRow {
        id: r.get("id")?,
        meeting_id: r.get("meeting_id")?,
        seq,
        agenda_no: r.get("agenda_no")?,
        kind: r.get("kind")?,
        subject: r.get("subject")?,
        votes_for: r.get("votes_for")?,
        votes_against: r.get("votes_against")?,
        abstain: r.get("abstain")?,
        passed: r.get("passed")?,
        label: format!("มติที่ {seq} {meeting} ครั้งที่ {number}/{be_year}"),
    })
}

const RESOLUTION_SELECT: &str = "SELECT r.*, m.kind AS meeting_kind, m.number, m.be_year FROM resolution r JOIN meeting m ON m.id = r.meeting_id";

impl Tx<'_> {
    pub fn insert_committee_term(
        &mut self,
        member_id: i64,
        role: &str,
        from: &str,
        to: &str,
    ) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO committee_term (member_id, role, term_from, term_to) VALUES (?1, ?2, ?3, ?4)",
            params![member_id, role, from, to],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_meeting(
        &mut self,
        kind: &str,
        be_year: i32,
        held_on: &str,
        place: &str,
        eligible: i64,
        by: &str,
        at: &str,
    ) -> Result<i64> {
        let number: i64 = self.tx.query_row(
            "SELECT COALESCE(MAX(number), 0) + 1 FROM meeting WHERE kind = ?1 AND be_year = ?2",
            params![kind, be_year],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "INSERT INTO meeting (kind, number, be_year, held_on, place, eligible, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![kind, number, be_year, held_on, place, eligible, by, at],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_attendance(&mut self, meeting_id: i64, member_id: i64) -> Result<()> {
        self.tx.execute(
            "INSERT OR IGNORE INTO attendance (meeting_id, member_id) VALUES (?1, ?2)",
            params![meeting_id, member_id],
        )?;
        Ok(())
    }

    pub fn insert_agenda_item(&mut self, meeting_id: i64, title: &str, body: &str) -> Result<i64> {
        let n: i64 = self.tx.query_row(
            "SELECT COALESCE(MAX(item_no), 0) + 1 FROM agenda_item WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "INSERT INTO agenda_item (meeting_id, item_no, title, body) VALUES (?1, ?2, ?3, ?4)",
            params![meeting_id, n, title, body],
        )?;
        Ok(n)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_resolution(
        &mut self,
        meeting_id: i64,
        agenda_no: Option<i64>,
        kind: &str,
        subject: &str,
        votes: (i64, i64, i64),
        passed: bool,
        by: &str,
        at: &str,
    ) -> Result<i64> {
        let seq: i64 = self.tx.query_row(
            "SELECT COALESCE(MAX(seq), 0) + 1 FROM resolution WHERE meeting_id = ?1",
            [meeting_id],
            |r| r.get(0),
        )?;
        self.tx.execute(
            "INSERT INTO resolution (meeting_id, seq, agenda_no, kind, subject, votes_for, votes_against, abstain, passed, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![meeting_id, seq, agenda_no, kind, subject, votes.0, votes.1, votes.2, passed, by, at],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn set_minutes(&mut self, meeting_id: i64, text: &str) -> Result<()> {
        self.tx
            .execute("UPDATE meeting SET minutes = ?2 WHERE id = ?1", params![meeting_id, text])?;
        Ok(())
    }

    pub fn lock_minutes(&mut self, meeting_id: i64, approved_at: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE meeting SET approved_at = ?2, locked = 1 WHERE id = ?1",
            params![meeting_id, approved_at],
        )?;
        Ok(())
    }
}

impl Reader<'_> {
    /// Committee members (member ids) whose term covers `date`.
    /// Every committee term of one member: (role, from, to).
    pub fn committee_terms_of(&self, member_id: i64) -> Result<Vec<(String, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT role, term_from, term_to FROM committee_term WHERE member_id = ?1 ORDER BY term_from",
        )?;
        let rows = stmt
            .query_map([member_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn committee_on(&self, date: &str) -> Result<Vec<(i64, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, role FROM committee_term WHERE term_from <= ?1 AND term_to >= ?1 ORDER BY role, member_id",
        )?;
        let rows = stmt
            .query_map([date], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn meeting(&self, id: i64) -> Result<Option<MeetingRow>> {
        let mut stmt = self.conn.prepare_cached(&format!("{MEETING_SELECT} WHERE m.id = ?1"))?;
        Ok(stmt.query_row([id], meeting_from_row).optional()?)
    }

    pub fn meetings(&self) -> Result<Vec<MeetingRow>> {
        let mut stmt =
            self.conn.prepare_cached(&format!("{MEETING_SELECT} ORDER BY m.held_on, m.id"))?;
        let rows = stmt.query_map([], meeting_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn attendees(&self, meeting_id: i64) -> Result<Vec<i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id FROM attendance WHERE meeting_id = ?1 ORDER BY member_id",
        )?;
        let rows =
            stmt.query_map([meeting_id], |r| r.get(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn agenda(&self, meeting_id: i64) -> Result<Vec<(i64, String, String)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT item_no, title, body FROM agenda_item WHERE meeting_id = ?1 ORDER BY item_no",
        )?;
        let rows = stmt
            .query_map([meeting_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn resolution(&self, id: i64) -> Result<Option<ResolutionRow>> {
        let mut stmt = self.conn.prepare_cached(&format!("{RESOLUTION_SELECT} WHERE r.id = ?1"))?;
        Ok(stmt.query_row([id], resolution_from_row).optional()?)
    }

    pub fn resolutions_of(&self, meeting_id: i64) -> Result<Vec<ResolutionRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "{RESOLUTION_SELECT} WHERE r.meeting_id = ?1 ORDER BY r.seq"
        ))?;
        let rows = stmt
            .query_map([meeting_id], resolution_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }
}
