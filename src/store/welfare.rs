//! SQL for welfare rules (versioned) and claims.

use super::{Reader, Tx};
use crate::domain::welfare::{Category, RuleAmount, WelfareRule};
use crate::domain::Satang;
use crate::error::Result;
use rusqlite::{params, OptionalExtension, Row};
use serde::Serialize;

fn rule_from_row(r: &Row<'_>) -> rusqlite::Result<(i64, WelfareRule)> {
    let category: String = r.get("category")?;
    let kind: String = r.get("amount_kind")?;
    let amount = Satang::new(r.get("amount")?);
    let cap_event: Option<i64> = r.get("cap_per_event")?;
    let tiers: String = r.get("tiers")?;
    let amount = match kind.as_str() {
        "per_day" => {
            RuleAmount::PerDay { per_day: amount, cap_per_event: cap_event.map(Satang::new) }
        }
        "tiered" => {
            RuleAmount::Tiered { tiers: RuleAmount::parse_tiers(&tiers).unwrap_or_default() }
        }
        _ => RuleAmount::Fixed { amount },
    };
    let effective: String = r.get("effective_from")?;
    let documents: String = r.get("documents")?;
    Ok((
        r.get("id")?,
        WelfareRule {
            category: Category::parse(&category).unwrap_or(Category::Other),
            effective_from: crate::domain::date::parse(&effective).unwrap_or_default(),
            offered: r.get("offered")?,
            waiting_days: r.get("waiting_days")?,
            amount,
            cap_per_year: r.get::<_, Option<i64>>("cap_per_year")?.map(Satang::new),
            max_claims_per_year: r.get("max_claims_per_year")?,
            require_up_to_date: r.get("require_up_to_date")?,
            documents: documents.split('|').filter(|d| !d.is_empty()).map(str::to_string).collect(),
            non_member_amount: r.get::<_, Option<i64>>("non_member_amount")?.map(Satang::new),
        },
    ))
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimRow {
    pub id: i64,
    pub member_id: Option<i64>,
    pub category: String,
    pub event_date: String,
    pub days: Option<u32>,
    pub documents: Vec<String>,
    pub note: String,
    pub status: String,
    pub eligible: bool,
    pub evaluated: Satang,
    pub evaluation: serde_json::Value,
    pub rule_id: Option<i64>,
    pub resolution_id: Option<i64>,
    pub approved_amount: Option<Satang>,
    pub payout_entry_id: Option<i64>,
    pub payee: Option<String>,
    /// A claim of a person in the community who is not a member (then `member_id` is None).
    pub person: Option<ClaimPerson>,
}

/// The person a non-member's claim is for: name, village, the keyed hash of their national
/// ID (the ID itself is never stored), and what a rule may look at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClaimPerson {
    pub name: String,
    /// Kept to find the same person again; never shown or sent to the window.
    #[serde(skip_serializing)]
    pub id_hash: String,
    pub moo: Option<u8>,
    pub birth_date: Option<String>,
    pub disabled_or_disadvantaged: bool,
    /// Who receives the money when not the person, and how they are related.
    pub payee: Option<String>,
    pub payee_relation: Option<String>,
}

impl ClaimPerson {
    /// The name with the village (`domain::non_member::with_village`).
    pub fn named(&self) -> String {
        crate::domain::non_member::with_village(&self.name, self.moo)
    }
}

/// Who a claim is for.
pub enum Claimant<'a> {
    Member(i64),
    Person(&'a ClaimPerson),
}

fn claim_from_row(r: &Row<'_>) -> rusqlite::Result<ClaimRow> {
    let documents: String = r.get("documents")?;
    let evaluation: String = r.get("evaluation")?;
    let person = match r.get::<_, Option<String>>("person_name")? {
        Some(name) => Some(ClaimPerson {
            name,
            id_hash: r.get::<_, Option<String>>("person_id_hash")?.unwrap_or_default(),
            moo: r.get("person_moo")?,
            birth_date: r.get("person_birth_date")?,
            disabled_or_disadvantaged: r.get("person_disabled")?,
            payee: r.get("person_payee")?,
            payee_relation: r.get("person_payee_relation")?,
        }),
        None => None,
    };
    Ok(ClaimRow {
        person,
        id: r.get("id")?,
        member_id: r.get("member_id")?,
        category: r.get("category")?,
        event_date: r.get("event_date")?,
        days: r.get("days")?,
        documents: documents.split('|').filter(|d| !d.is_empty()).map(str::to_string).collect(),
        note: r.get("note")?,
        status: r.get("status")?,
        eligible: r.get("eligible")?,
        evaluated: Satang::new(r.get("evaluated")?),
        evaluation: serde_json::from_str(&evaluation).unwrap_or(serde_json::Value::Null),
        rule_id: r.get("rule_id")?,
        resolution_id: r.get("resolution_id")?,
        approved_amount: r.get::<_, Option<i64>>("approved_amount")?.map(Satang::new),
        payout_entry_id: r.get("payout_entry_id")?,
        payee: r.get("payee")?,
    })
}

/// A new claim as the treasurer opens it, with its first evaluation.
pub struct NewClaim<'a> {
    pub claimant: Claimant<'a>,
    pub category: Category,
    pub event_date: &'a str,
    pub days: Option<u32>,
    pub documents: &'a [String],
    pub note: &'a str,
    pub eligible: bool,
    pub evaluated: Satang,
    pub evaluation_json: &'a str,
    pub rule_id: Option<i64>,
}

impl Tx<'_> {
    pub fn insert_rule(
        &mut self,
        rule: &WelfareRule,
        resolution_id: Option<i64>,
        by: &str,
        at: &str,
    ) -> Result<i64> {
        let (kind, amount, cap_event, tiers) = match &rule.amount {
            RuleAmount::Fixed { amount } => ("fixed", amount.satang(), None, String::new()),
            RuleAmount::PerDay { per_day, cap_per_event } => {
                ("per_day", per_day.satang(), cap_per_event.map(|c| c.satang()), String::new())
            }
            RuleAmount::Tiered { tiers } => ("tiered", 0, None, RuleAmount::tiers_text(tiers)),
        };
        self.tx.execute(
            "INSERT INTO welfare_rule (category, effective_from, offered, waiting_days, amount_kind, amount, cap_per_event,
                 cap_per_year, max_claims_per_year, tiers, require_up_to_date, documents, resolution_id, recorded_by, recorded_at,
                 non_member_amount)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![
                rule.category.key(),
                rule.effective_from.to_string(),
                rule.offered,
                rule.waiting_days,
                kind,
                amount,
                cap_event,
                rule.cap_per_year.map(|c| c.satang()),
                rule.max_claims_per_year,
                tiers,
                rule.require_up_to_date,
                rule.documents.join("|"),
                resolution_id,
                by,
                at,
                rule.non_member_amount.map(|a| a.satang()),
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_claim(&mut self, c: &NewClaim<'_>, by: &str, at: &str) -> Result<i64> {
        let (member_id, person) = match c.claimant {
            Claimant::Member(id) => (Some(id), None),
            Claimant::Person(p) => (None, Some(p)),
        };
        self.tx.execute(
            "INSERT INTO claim (member_id, category, event_date, days, documents, note, eligible, evaluated, evaluation,
                                rule_id, opened_by, opened_at, person_name, person_id_hash, person_moo,
                                person_birth_date, person_disabled, person_payee, person_payee_relation)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)",
            params![
                member_id,
                c.category.key(),
                c.event_date,
                c.days,
                c.documents.join("|"),
                c.note,
                c.eligible,
                c.evaluated.satang(),
                c.evaluation_json,
                c.rule_id,
                by,
                at,
                person.map(|p| &p.name),
                person.map(|p| &p.id_hash),
                person.and_then(|p| p.moo),
                person.and_then(|p| p.birth_date.as_deref()),
                person.is_some_and(|p| p.disabled_or_disadvantaged),
                person.and_then(|p| p.payee.as_deref()),
                person.and_then(|p| p.payee_relation.as_deref()),
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn update_claim_evaluation(
        &mut self,
        id: i64,
        eligible: bool,
        evaluated: Satang,
        json: &str,
        rule_id: Option<i64>,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE claim SET eligible = ?2, evaluated = ?3, evaluation = ?4, rule_id = ?5 WHERE id = ?1",
            params![id, eligible, evaluated.satang(), json, rule_id],
        )?;
        Ok(())
    }

    pub fn decide_claim(
        &mut self,
        id: i64,
        approved: bool,
        resolution_id: i64,
        amount: Option<Satang>,
    ) -> Result<()> {
        self.tx.execute(
            "UPDATE claim SET status = ?2, resolution_id = ?3, approved_amount = ?4 WHERE id = ?1 AND status = 'open'",
            params![id, if approved { "approved" } else { "rejected" }, resolution_id, amount.map(|a| a.satang())],
        )?;
        Ok(())
    }

    /// Welfare a member received before the books start (carried in).
    pub fn insert_carried_welfare(
        &mut self,
        member_id: i64,
        category: &str,
        event_date: &str,
        amount: Satang,
    ) -> Result<()> {
        self.tx
            .prepare_cached("INSERT INTO carried_welfare (member_id, category, event_date, amount) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![member_id, category, event_date, amount.satang()])?;
        Ok(())
    }

    pub fn mark_claim_paid(&mut self, id: i64, entry_id: i64, payee: &str) -> Result<()> {
        let n = self.tx.execute(
            "UPDATE claim SET status = 'paid', payout_entry_id = ?2, payee = ?3 WHERE id = ?1 AND status = 'approved'",
            params![id, entry_id, payee],
        )?;
        if n != 1 {
            return Err(crate::Error::NotFound { what: "claim", key: id.to_string() });
        }
        Ok(())
    }
}

impl Reader<'_> {
    pub fn rules(&self) -> Result<Vec<(i64, WelfareRule)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT * FROM welfare_rule ORDER BY category, effective_from")?;
        let rows = stmt.query_map([], rule_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The claim an entry paid out, if it is a claim's payout.
    pub fn claim_paid_by(&self, entry_id: i64) -> Result<Option<ClaimRow>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT * FROM claim WHERE payout_entry_id = ?1")?;
        Ok(stmt.query_row([entry_id], claim_from_row).optional()?)
    }

    pub fn claim(&self, id: i64) -> Result<Option<ClaimRow>> {
        let mut stmt = self.conn.prepare_cached("SELECT * FROM claim WHERE id = ?1")?;
        Ok(stmt.query_row([id], claim_from_row).optional()?)
    }

    pub fn claims(&self, status: Option<&str>) -> Result<Vec<ClaimRow>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT * FROM claim WHERE (?1 IS NULL OR status = ?1) ORDER BY id")?;
        let rows =
            stmt.query_map([status], claim_from_row)?.collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The newest `limit` claims (of one status, or all), newest first: what a screen lists
    /// without reading twenty years of evaluations.
    pub fn claims_recent(&self, status: Option<&str>, limit: usize) -> Result<Vec<ClaimRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT * FROM claim WHERE (?1 IS NULL OR status = ?1) ORDER BY id DESC LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(params![status, limit as i64], claim_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// How many claims are in each status.
    pub fn claim_counts(&self) -> Result<std::collections::HashMap<String, i64>> {
        let mut stmt =
            self.conn.prepare_cached("SELECT status, count(*) FROM claim GROUP BY status")?;
        let rows =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        Ok(rows)
    }

    /// Claims of a member in a category with event dates in [from, to] that are approved or
    /// paid (other than `except`), and the welfare carried in from the fund's earlier books
    /// in the same span: (count, total).
    pub fn claims_counted(
        &self,
        member_id: i64,
        category: &str,
        from: &str,
        to: &str,
        except: Option<i64>,
    ) -> Result<(u32, Satang)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT count(*), COALESCE(SUM(amount), 0) FROM (
                 SELECT approved_amount AS amount FROM claim
                 WHERE member_id = ?1 AND category = ?2 AND event_date BETWEEN ?3 AND ?4
                   AND status IN ('approved', 'paid') AND id IS NOT ?5
                 UNION ALL
                 SELECT amount FROM carried_welfare
                 WHERE member_id = ?1 AND category = ?2 AND event_date BETWEEN ?3 AND ?4)",
        )?;
        Ok(stmt.query_row(params![member_id, category, from, to, except], |r| {
            Ok((r.get(0)?, Satang::new(r.get(1)?)))
        })?)
    }

    /// The same count for a person who is not a member, found by the keyed hash of their ID.
    pub fn person_claims_counted(
        &self,
        id_hash: &str,
        category: &str,
        from: &str,
        to: &str,
        except: Option<i64>,
    ) -> Result<(u32, Satang)> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT count(*), COALESCE(SUM(approved_amount), 0) FROM claim
             WHERE person_id_hash = ?1 AND category = ?2 AND event_date BETWEEN ?3 AND ?4
               AND status IN ('approved', 'paid') AND id IS NOT ?5",
        )?;
        Ok(stmt.query_row(params![id_hash, category, from, to, except], |r| {
            Ok((r.get(0)?, Satang::new(r.get(1)?)))
        })?)
    }
}
