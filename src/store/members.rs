//! SQL for members, their status history and the log of their edits.

use super::{Reader, Tx};
use crate::domain::member::MemberInput;
use crate::domain::{MemberGroup, MemberStatus, Sex};
use crate::error::Result;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MemberRow {
    pub id: i64,
    pub member_no: String,
    pub title: String,
    pub first_name: String,
    pub last_name: String,
    pub national_id: Option<String>,
    pub birth_date: Option<String>,
    pub sex: Option<Sex>,
    pub moo: Option<u32>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub joined_on: String,
    pub status: MemberStatus,
    pub status_since: String,
    pub groups: Vec<MemberGroup>,
    pub beneficiary_name: Option<String>,
    pub beneficiary_relation: Option<String>,
    pub beneficiary_national_id: Option<String>,
}

impl MemberRow {
    /// `นางสาวสมหญิง ใจดี`: Thai writes the title joined to the first name.
    pub fn full_name(&self) -> String {
        format!("{}{} {}", self.title, self.first_name, self.last_name)
    }
}

/// An active member as the yearly report counts them: (birth date, groups, หมู่).
pub type ActiveProfile = (Option<String>, Vec<MemberGroup>, Option<u32>);

/// A member as their contribution standing reads them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberStandingFacts {
    pub id: i64,
    pub member_no: String,
    pub name: String,
    pub moo: Option<u32>,
    pub status: MemberStatus,
    pub joined_on: String,
    pub status_since: String,
}

impl From<&MemberRow> for MemberStandingFacts {
    fn from(m: &MemberRow) -> Self {
        MemberStandingFacts {
            id: m.id,
            member_no: m.member_no.clone(),
            name: m.full_name(),
            moo: m.moo,
            status: m.status,
            joined_on: m.joined_on.clone(),
            status_since: m.status_since.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StatusRow {
    pub status: MemberStatus,
    pub effective_on: String,
    pub reason: String,
    pub recorded_by: String,
    pub recorded_at: String,
}

/// How to narrow a member list.
#[derive(Clone, Debug, Default)]
pub struct MemberFilter {
    /// Member number (exact), national ID (exact or prefix of digits), or a Thai name prefix
    /// of the first or last name.
    pub search: Option<String>,
    pub status: Option<MemberStatus>,
    pub moo: Option<u32>,
    pub limit: Option<usize>,
}

fn groups_to_text(groups: &[MemberGroup]) -> String {
    groups.iter().map(|g| g.key()).collect::<Vec<_>>().join(",")
}

/// The member table's columns in the order `member_from_row` reads them: named once, so
/// each row is read by position (reading by name looked every column up again for every row).
const MEMBER_COLUMNS: &str = "id, member_no, title, first_name, last_name, national_id, birth_date, sex, moo, address, phone, joined_on, status, status_since, groups, beneficiary_name, beneficiary_relation, beneficiary_national_id";
/// The same, of the member table named `m`.
const MEMBER_COLUMNS_M: &str = "m.id, m.member_no, m.title, m.first_name, m.last_name, m.national_id, m.birth_date, m.sex, m.moo, m.address, m.phone, m.joined_on, m.status, m.status_since, m.groups, m.beneficiary_name, m.beneficiary_relation, m.beneficiary_national_id";

fn member_from_row(r: &Row<'_>) -> rusqlite::Result<MemberRow> {
    let sex: Option<String> = r.get(7)?;
    let status = r.get_ref(12)?.as_str().unwrap_or("");
    let status =
        MemberStatus::ALL.into_iter().find(|s| s.key() == status).unwrap_or(MemberStatus::Active);
    let groups = r.get_ref(14)?.as_str().unwrap_or("");
    Ok(MemberRow {
        id: r.get(0)?,
        member_no: r.get(1)?,
        title: r.get(2)?,
        first_name: r.get(3)?,
        last_name: r.get(4)?,
        national_id: r.get(5)?,
        birth_date: r.get(6)?,
        sex: sex.and_then(|s| Sex::parse(&s).ok()),
        moo: r.get(8)?,
        address: r.get(9)?,
        phone: r.get(10)?,
        joined_on: r.get(11)?,
        status,
        status_since: r.get(13)?,
        groups: MemberGroup::parse_list(groups).unwrap_or_default(),
        beneficiary_name: r.get(15)?,
        beneficiary_relation: r.get(16)?,
        beneficiary_national_id: r.get(17)?,
    })
}

/// What SQLite's `CAST(member_no AS INTEGER)` gives: the leading digits (after spaces and a
/// sign) as a number, 0 when there are none.
fn number_part(member_no: &str) -> i64 {
    let t = member_no.trim_start();
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let digits = t
        .bytes()
        .take_while(u8::is_ascii_digit)
        .fold(0i64, |n, d| n.saturating_mul(10).saturating_add(i64::from(d - b'0')));
    if negative {
        -digits
    } else {
        digits
    }
}

/// Rows in member-number order, as `ORDER BY CAST(member_no AS INTEGER), member_no` sorts
/// them (sorting here: SQLite sorting whole rows took longer than reading them).
fn sort_by_member_no<T>(rows: &mut [T], member_no: impl Fn(&T) -> &str) {
    rows.sort_by(|a, b| {
        let (a, b) = (member_no(a), member_no(b));
        (number_part(a), a).cmp(&(number_part(b), b))
    });
}

/// The members `m` whose status on ?1, by their history, is active.
const ACTIVE_ON: &str =
    "(SELECT s.status FROM member_status s WHERE s.member_id = m.id AND s.effective_on <= ?1
                    ORDER BY s.id DESC LIMIT 1) = 'active'";

/// Escape `%`, `_` and `\` for a LIKE prefix pattern.
fn like_prefix(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 1);
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('%');
    out
}

impl Tx<'_> {
    /// Insert a member with the given number; returns the new id.
    pub fn insert_member(
        &mut self,
        m: &MemberInput,
        member_no: &str,
        created_at: &str,
    ) -> Result<i64> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO member (member_no, title, first_name, last_name, national_id, birth_date, sex, moo,
                                 address, phone, joined_on, status, status_since, groups, beneficiary_name,
                                 beneficiary_relation, beneficiary_national_id, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'active', ?11, ?12, ?13, ?14, ?15, ?16)",
        )?;
        stmt.execute(params![
            member_no,
            m.title,
            m.first_name,
            m.last_name,
            m.national_id.as_ref().map(|i| i.as_str().to_string()),
            m.birth_date.map(|d| d.to_string()),
            m.sex.map(|s| s.key()),
            m.moo,
            m.address,
            m.phone,
            m.joined_on.to_string(),
            groups_to_text(&m.groups),
            m.beneficiary_name,
            m.beneficiary_relation,
            m.beneficiary_national_id.as_ref().map(|i| i.as_str().to_string()),
            created_at,
        ])?;
        Ok(self.tx.last_insert_rowid())
    }

    /// Replace a member's details (not the number, status or joining date's history) and log
    /// the before and after.
    pub fn update_member(
        &mut self,
        id: i64,
        m: &MemberInput,
        before_json: &str,
        after_json: &str,
        recorded_by: &str,
        recorded_at: &str,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE member SET title = ?2, first_name = ?3, last_name = ?4, national_id = ?5, birth_date = ?6,
                    sex = ?7, moo = ?8, address = ?9, phone = ?10, joined_on = ?11, groups = ?12,
                    beneficiary_name = ?13, beneficiary_relation = ?14, beneficiary_national_id = ?15
             WHERE id = ?1",
            params![
                id,
                m.title,
                m.first_name,
                m.last_name,
                m.national_id.as_ref().map(|i| i.as_str().to_string()),
                m.birth_date.map(|d| d.to_string()),
                m.sex.map(|s| s.key()),
                m.moo,
                m.address,
                m.phone,
                m.joined_on.to_string(),
                groups_to_text(&m.groups),
                m.beneficiary_name,
                m.beneficiary_relation,
                m.beneficiary_national_id.as_ref().map(|i| i.as_str().to_string()),
            ],
        )?;
        self.tx.execute(
            "INSERT INTO member_change (member_id, before_json, after_json, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, before_json, after_json, recorded_by, recorded_at],
        )?;
        Ok(())
    }

    /// Record a status change in the history and on the member.
    pub fn set_member_status(
        &mut self,
        id: i64,
        status: MemberStatus,
        effective_on: &str,
        reason: &str,
        recorded_by: &str,
        recorded_at: &str,
    ) -> Result<()> {
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO member_status (member_id, status, effective_on, reason, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        stmt.execute(params![id, status.key(), effective_on, reason, recorded_by, recorded_at])?;
        let mut stmt = self
            .tx
            .prepare_cached("UPDATE member SET status = ?2, status_since = ?3 WHERE id = ?1")?;
        stmt.execute(params![id, status.key(), effective_on])?;
        Ok(())
    }
}

impl Reader<'_> {
    pub fn member_by_id(&self, id: i64) -> Result<Option<MemberRow>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {MEMBER_COLUMNS} FROM member WHERE id = ?1"))?;
        Ok(stmt.query_row([id], member_from_row).optional()?)
    }

    pub fn member_by_no(&self, member_no: &str) -> Result<Option<MemberRow>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!("SELECT {MEMBER_COLUMNS} FROM member WHERE member_no = ?1"))?;
        Ok(stmt.query_row([member_no], member_from_row).optional()?)
    }

    pub fn member_by_national_id(&self, national_id: &str) -> Result<Option<MemberRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEMBER_COLUMNS} FROM member WHERE national_id = ?1"
        ))?;
        Ok(stmt.query_row([national_id], member_from_row).optional()?)
    }

    /// The next free member number: one more than the largest all-digit number.
    pub fn next_member_no(&self) -> Result<String> {
        let max: Option<i64> = self.conn.query_row(
            "SELECT MAX(CAST(member_no AS INTEGER)) FROM member WHERE member_no NOT GLOB '*[^0-9]*'",
            [],
            |r| r.get(0),
        )?;
        Ok((max.unwrap_or(0) + 1).to_string())
    }

    pub fn members(&self, filter: &MemberFilter) -> Result<Vec<MemberRow>> {
        let mut sql = format!("SELECT {MEMBER_COLUMNS} FROM member WHERE 1 = 1");
        let mut args: Vec<Box<dyn rusqlite::ToSql>> = Vec::new();
        if let Some(search) = filter.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
            let ascii = crate::thai::from_thai_digits(search);
            let digits: String = ascii.chars().filter(|c| c.is_ascii_digit()).collect();
            args.push(Box::new(search.to_string()));
            let n = args.len();
            sql.push_str(&format!(" AND (member_no = ?{n}"));
            if !digits.is_empty()
                && digits.len() == ascii.chars().filter(|c| !"- ".contains(*c)).count()
            {
                args.push(Box::new(digits.clone()));
                let k = args.len();
                sql.push_str(&format!(
                    " OR member_no = ?{k} OR national_id LIKE ?{} ESCAPE '\\'",
                    k + 1
                ));
                args.push(Box::new(like_prefix(&digits)));
            }
            args.push(Box::new(like_prefix(search)));
            let p = args.len();
            sql.push_str(&format!(
                " OR first_name LIKE ?{p} ESCAPE '\\' OR last_name LIKE ?{p} ESCAPE '\\' \
                 OR (title || first_name) LIKE ?{p} ESCAPE '\\')"
            ));
        }
        if let Some(status) = filter.status {
            args.push(Box::new(status.key()));
            sql.push_str(&format!(" AND status = ?{}", args.len()));
        }
        if let Some(moo) = filter.moo {
            args.push(Box::new(moo));
            sql.push_str(&format!(" AND moo = ?{}", args.len()));
        }
        // In member-number order; SQLite sorting whole rows took longer than reading them, so
        // a full list is sorted here, the same way (`CAST(member_no AS INTEGER)`, then text).
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" ORDER BY CAST(member_no AS INTEGER), member_no LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let mut rows = stmt
            .query_map(
                rusqlite::params_from_iter(args.iter().map(|a| a.as_ref())),
                member_from_row,
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if filter.limit.is_none() {
            sort_by_member_no(&mut rows, |m| &m.member_no);
        }
        Ok(rows)
    }

    pub fn member_count(&self, status: Option<MemberStatus>) -> Result<i64> {
        Ok(match status {
            Some(s) => self.conn.query_row(
                "SELECT count(*) FROM member WHERE status = ?1",
                [s.key()],
                |r| r.get(0),
            )?,
            None => self.conn.query_row("SELECT count(*) FROM member", [], |r| r.get(0))?,
        })
    }

    pub fn status_history(&self, member_id: i64) -> Result<Vec<StatusRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, effective_on, reason, recorded_by, recorded_at FROM member_status
             WHERE member_id = ?1 ORDER BY id",
        )?;
        let rows = stmt
            .query_map([member_id], |r| {
                let status: String = r.get(0)?;
                Ok(StatusRow {
                    status: MemberStatus::parse(&status).unwrap_or(MemberStatus::Active),
                    effective_on: r.get(1)?,
                    reason: r.get(2)?,
                    recorded_by: r.get(3)?,
                    recorded_at: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// How many members had each status at the end of `date`, from the status history.
    pub fn status_counts_as_of(&self, date: &str) -> Result<Vec<(MemberStatus, i64)>> {
        // One pass over the history in (member, id) order (its covering index, schema 19),
        // the last status of each member on `date` counted: no correlated lookup per row, no
        // text copied per row.
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, status FROM member_status WHERE effective_on <= ?1 ORDER BY member_id, id",
        )?;
        let mut rows = stmt.query([date])?;
        let mut counts = [0i64; MemberStatus::ALL.len()];
        let index_of = |key: &str| {
            MemberStatus::ALL.iter().position(|s| s.key() == key).unwrap_or(0) // unknown: active
        };
        let mut last: Option<(i64, usize)> = None;
        while let Some(r) = rows.next()? {
            let member: i64 = r.get(0)?;
            let status = index_of(r.get_ref(1)?.as_str().unwrap_or(""));
            if let Some((m, s)) = last {
                if m != member {
                    counts[s] += 1;
                }
            }
            last = Some((member, status));
        }
        if let Some((_, s)) = last {
            counts[s] += 1;
        }
        let mut out: Vec<(MemberStatus, i64)> =
            MemberStatus::ALL.into_iter().zip(counts).filter(|(_, n)| *n > 0).collect();
        // in the order of the status keys, as before
        out.sort_by_key(|(s, _)| s.key());
        Ok(out)
    }

    /// Status changes that took effect in [from, to]: (status, count). Joining is `active`.
    pub fn status_changes_between(&self, from: &str, to: &str) -> Result<Vec<(MemberStatus, i64)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT status, count(*) FROM member_status WHERE effective_on BETWEEN ?1 AND ?2
             GROUP BY status ORDER BY status",
        )?;
        let rows = stmt
            .query_map([from, to], |r| {
                let status: String = r.get(0)?;
                Ok((MemberStatus::parse(&status).unwrap_or(MemberStatus::Active), r.get(1)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// Members who joined in [from, to].
    pub fn joined_between(&self, from: &str, to: &str) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM member WHERE joined_on BETWEEN ?1 AND ?2",
            [from, to],
            |r| r.get(0),
        )?)
    }

    /// The member numbered `member_no` as typed (Thai digits too), or the error naming it.
    pub fn require_member_by_no(&self, member_no: &str) -> Result<MemberRow> {
        let key = crate::thai::from_thai_digits(member_no.trim());
        self.member_by_no(&key)?
            .ok_or(crate::Error::NotFound { what: "member", key: member_no.to_string() })
    }

    /// Members whose status on `date` (by the history) was active.
    pub fn members_active_on(&self, date: &str) -> Result<Vec<MemberRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {MEMBER_COLUMNS_M} FROM member m WHERE {ACTIVE_ON}"
        ))?;
        let mut rows =
            stmt.query_map([date], member_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        // in member-number order, sorted here as `members` does
        sort_by_member_no(&mut rows, |m| &m.member_no);
        Ok(rows)
    }

    /// Every member with only what their contribution standing needs, in member-number
    /// order (the arrears list reads 10,000 of these; a whole row each took longer).
    pub fn member_standing_facts(&self) -> Result<Vec<MemberStandingFacts>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, member_no, title || first_name || ' ' || last_name, moo, status, joined_on, status_since
             FROM member",
        )?;
        let mut rows = stmt
            .query_map([], |r| {
                let status = r.get_ref(4)?.as_str().unwrap_or("");
                Ok(MemberStandingFacts {
                    id: r.get(0)?,
                    member_no: r.get(1)?,
                    name: r.get(2)?,
                    moo: r.get(3)?,
                    status: MemberStatus::ALL
                        .into_iter()
                        .find(|s| s.key() == status)
                        .unwrap_or(MemberStatus::Active),
                    joined_on: r.get(5)?,
                    status_since: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        sort_by_member_no(&mut rows, |m| &m.member_no);
        Ok(rows)
    }

    /// What the yearly report counts of each member active on `date`: (birth date, groups,
    /// หมู่), without reading the rest of each row.
    pub fn active_member_profiles(&self, date: &str) -> Result<Vec<ActiveProfile>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT m.birth_date, m.groups, m.moo FROM member m WHERE {ACTIVE_ON}"
        ))?;
        let rows = stmt
            .query_map([date], |r| {
                let groups = r.get_ref(1)?.as_str().unwrap_or("");
                Ok((r.get(0)?, MemberGroup::parse_list(groups).unwrap_or_default(), r.get(2)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// A member's status on `date`, from the history (None before they joined).
    pub fn status_on(&self, member_id: i64, date: &str) -> Result<Option<MemberStatus>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT status FROM member_status WHERE member_id = ?1 AND effective_on <= ?2 ORDER BY id DESC LIMIT 1",
        )?;
        let s: Option<String> =
            stmt.query_row(params![member_id, date], |r| r.get(0)).optional()?;
        Ok(s.and_then(|s| MemberStatus::parse(&s).ok()))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn member_numbers_sort_as_sqlite_casts_them() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for no in
            ["12", "007", "A1", "12A", " 3", "-4", "+5", "", "๑๒", "99999999999999999999", "1.5"]
        {
            let cast: i64 =
                conn.query_row("SELECT CAST(?1 AS INTEGER)", [no], |r| r.get(0)).unwrap();
            assert_eq!(super::number_part(no), cast, "{no:?}");
        }
    }
}
