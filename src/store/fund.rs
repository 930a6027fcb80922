//! SQL for the fund profile and the chart of accounts.

use super::{Reader, Tx};
use crate::domain::accounts::AccountSeed;
use crate::domain::{AccountClass, FundKind, FundProfile, Satang, Schedule};
use crate::error::{Error, Result};
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct FundRow {
    #[serde(flatten)]
    pub profile: FundProfile,
    pub created_at: String,
    /// The fund's real founding date (ISO); for a fund born in the program, its first day.
    pub founded_on: String,
    /// The first day kept in this book (ISO): nothing is dated before it.
    pub books_start: String,
    /// The founding resolution or other note on the founding, as typed.
    pub founding_note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct AccountRow {
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    pub class: AccountClass,
    pub cash_kind: Option<String>,
    pub welfare_category: Option<String>,
    pub system: bool,
}

impl AccountRow {
    /// Whether `code` is a till among `accounts`: cash on hand or a bank account, where money
    /// physically comes in and goes out.
    pub fn is_till(accounts: &[AccountRow], code: &str) -> bool {
        accounts.iter().any(|a| a.code == code && a.cash_kind.is_some())
    }
}

fn fund_from_row(r: &Row<'_>) -> rusqlite::Result<FundRow> {
    let kind: String = r.get("kind")?;
    let schedule: String = r.get("schedule")?;
    Ok(FundRow {
        profile: FundProfile {
            name_th: r.get("name_th")?,
            name_en: r.get("name_en")?,
            kind: FundKind::parse(&kind).unwrap_or(FundKind::Both),
            fund_code: r.get("fund_code")?,
            village: r.get("village")?,
            moo: r.get("moo")?,
            tambon: r.get("tambon")?,
            amphoe: r.get("amphoe")?,
            changwat: r.get("changwat")?,
            fiscal_year_start: r.get("fiscal_year_start")?,
            schedule: Schedule::parse(&schedule).unwrap_or(Schedule::Monthly),
            contribution: Satang::new(r.get("contribution")?),
            entrance_fee: Satang::new(r.get("entrance_fee")?),
            lapse_after: r.get("lapse_after")?,
            thai_digits: r.get("thai_digits")?,
        },
        created_at: r.get("created_at")?,
        // (absent in a file of schema 6 or older, read before it is migrated)
        founded_on: r.get::<_, Option<String>>("founded_on").ok().flatten().unwrap_or_default(),
        books_start: r.get::<_, Option<String>>("books_start").ok().flatten().unwrap_or_default(),
        founding_note: r
            .get::<_, Option<String>>("founding_note")
            .ok()
            .flatten()
            .unwrap_or_default(),
    })
}

fn account_from_row(r: &Row<'_>) -> rusqlite::Result<AccountRow> {
    let class: String = r.get("class")?;
    Ok(AccountRow {
        code: r.get("code")?,
        name_th: r.get("name_th")?,
        name_en: r.get("name_en")?,
        class: AccountClass::from_key(&class).unwrap_or(AccountClass::Asset),
        cash_kind: r.get("cash_kind")?,
        welfare_category: r.get("welfare_category")?,
        system: r.get("system")?,
    })
}

impl Tx<'_> {
    pub fn insert_fund(&mut self, p: &FundProfile, created_at: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO fund (id, name_th, name_en, kind, fund_code, village, moo, tambon, amphoe, changwat,
                               fiscal_year_start, schedule, contribution, entrance_fee, lapse_after,
                               thai_digits, created_at)
             VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                p.name_th, p.name_en, p.kind.key(), p.fund_code, p.village, p.moo, p.tambon, p.amphoe,
                p.changwat, p.fiscal_year_start, p.schedule.key(), p.contribution.satang(), p.entrance_fee.satang(),
                p.lapse_after, p.thai_digits, created_at
            ],
        )?;
        Ok(())
    }

    /// Change the profile's editable fields (names, address, entrance fee, lapse rule, Thai
    /// digits) and keep the change: before and after, why, who and when.
    pub fn update_fund_profile(
        &mut self,
        before: &FundProfile,
        after: &FundProfile,
        reason: &str,
        by: &str,
        at: &str,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE fund SET name_th = ?1, name_en = ?2, village = ?3, moo = ?4, tambon = ?5, amphoe = ?6,
                             changwat = ?7, entrance_fee = ?8, lapse_after = ?9, thai_digits = ?10
             WHERE id = 1",
            params![
                after.name_th, after.name_en, after.village, after.moo, after.tambon, after.amphoe,
                after.changwat, after.entrance_fee.satang(), after.lapse_after, after.thai_digits
            ],
        )?;
        let json = |p: &FundProfile| serde_json::to_string(p).expect("json");
        self.tx.execute(
            "INSERT INTO fund_change (before_json, after_json, reason, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![json(before), json(after), reason, by, at],
        )?;
        Ok(())
    }

    /// Set when the fund was founded and the first day of its books (ISO dates).
    pub fn set_fund_start(
        &mut self,
        founded_on: &str,
        books_start: &str,
        founding_note: &str,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE fund SET founded_on = ?1, books_start = ?2, founding_note = ?3 WHERE id = 1",
            params![founded_on, books_start, founding_note],
        )?;
        Ok(())
    }

    pub fn insert_account(
        &mut self,
        a: &AccountSeed,
        system: bool,
        created_at: &str,
    ) -> Result<()> {
        // a new till is read again at the next entry posted
        self.tills = None;
        self.tx.execute(
            "INSERT INTO account (code, name_th, name_en, class, cash_kind, welfare_category, system, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![a.code, a.name_th, a.name_en, a.class.key(), a.cash_kind, a.welfare_category, system, created_at],
        )?;
        Ok(())
    }

    /// A treasurer's own account (names owned, unlike the seeded `&'static` ones).
    pub fn insert_custom_account(&mut self, row: &AccountRow, created_at: &str) -> Result<()> {
        // a new till is read again at the next entry posted
        self.tills = None;
        self.tx.execute(
            "INSERT INTO account (code, name_th, name_en, class, cash_kind, welfare_category, system, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, NULL, 0, ?6)",
            params![row.code, row.name_th, row.name_en, row.class.key(), row.cash_kind, created_at],
        )?;
        Ok(())
    }
}

impl Reader<'_> {
    /// Every change of the profile, the oldest first: (before, after, reason, by, at).
    pub fn fund_changes(&self) -> Result<Vec<FundChangeRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT before_json, after_json, reason, recorded_by, recorded_at FROM fund_change ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (before, after, reason, recorded_by, recorded_at) = row?;
            let read = |text: &str| {
                serde_json::from_str(text).map_err(|e| crate::Error::NotKongthun {
                    path: "fund_change".into(),
                    reason: e.to_string(),
                })
            };
            out.push(FundChangeRow {
                before: read(&before)?,
                after: read(&after)?,
                reason,
                recorded_by,
                recorded_at,
            });
        }
        Ok(out)
    }

    pub fn fund(&self) -> Result<Option<FundRow>> {
        Ok(self.conn.query_row("SELECT * FROM fund WHERE id = 1", [], fund_from_row).optional()?)
    }

    /// The fund, or the error that tells the user to create one.
    pub fn require_fund(&self) -> Result<FundRow> {
        self.fund()?.ok_or(Error::NoFund)
    }

    pub fn accounts(&self) -> Result<Vec<AccountRow>> {
        let mut stmt = self.conn.prepare_cached("SELECT * FROM account ORDER BY code")?;
        let rows = stmt.query_map([], account_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn account(&self, code: &str) -> Result<Option<AccountRow>> {
        let mut stmt = self.conn.prepare_cached("SELECT * FROM account WHERE code = ?1")?;
        Ok(stmt.query_row([code], account_from_row).optional()?)
    }
}

/// One change of the fund's profile.
#[derive(Clone, Debug, Serialize)]
pub struct FundChangeRow {
    pub before: FundProfile,
    pub after: FundProfile,
    pub reason: String,
    pub recorded_by: String,
    pub recorded_at: String,
}
