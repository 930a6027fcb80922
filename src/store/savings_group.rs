//! SQL for matching-money rounds, loans and repayments, the year-end allocation (the plans
//! adopted, each member's share) and the batch payment of dividends.

use super::{Reader, Tx};
use crate::domain::allocation::AllocationPlan;
use crate::domain::programme::{ProgrammeKey, ProgrammeSetting};
use crate::domain::Satang;
use crate::error::Result;
use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LoanRow {
    pub id: i64,
    pub member_id: i64,
    pub principal: Satang,
    pub rate_bp: u32,
    pub method: String,
    pub term_months: u32,
    pub start_date: String,
    pub guarantors: Vec<i64>,
    pub entry_id: i64,
    pub principal_paid: Satang,
    pub interest_paid: Satang,
}

/// A plan as adopted: the resolution is kept with it.
#[derive(Clone, Debug, Serialize)]
pub struct PlanRow {
    pub id: i64,
    pub plan: AllocationPlan,
    pub resolution_id: i64,
}

/// A member's part of a year's allocation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct AllocationShare {
    pub member_id: i64,
    pub dividend: Satang,
    pub refund: Satang,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DividendPaymentRow {
    pub member_id: i64,
    pub amount: Satang,
    /// `savings`, `cash` or `bank`.
    pub paid_into: String,
    pub doc_no: String,
    pub date: String,
}

impl Tx<'_> {
    /// A round and the members it was counted for, each with their share of it.
    pub fn insert_matching_round(
        &mut self,
        source: &str,
        label: &str,
        entry_id: i64,
        members: &[(i64, Satang)],
    ) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO matching_round (source, label, entry_id) VALUES (?1, ?2, ?3)",
            params![source, label, entry_id],
        )?;
        let id = self.tx.last_insert_rowid();
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO matched_member (round_id, member_id, share) VALUES (?1, ?2, ?3)",
        )?;
        for (m, share) in members {
            stmt.execute(params![id, m, share.satang()])?;
        }
        Ok(id)
    }

    #[allow(clippy::too_many_arguments)]
    pub fn insert_loan(
        &mut self,
        member_id: i64,
        principal: Satang,
        rate_bp: u32,
        method: &str,
        term: u32,
        start: &str,
        guarantors: &[i64],
        entry_id: i64,
        resolution_id: Option<i64>,
    ) -> Result<i64> {
        let g = guarantors.iter().map(|g| g.to_string()).collect::<Vec<_>>().join(",");
        self.tx.execute(
            "INSERT INTO loan (member_id, principal, rate_bp, method, term_months, start_date, guarantors, entry_id, resolution_id)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![member_id, principal.satang(), rate_bp, method, term, start, g, entry_id, resolution_id],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_repayment(
        &mut self,
        entry_id: i64,
        loan_id: i64,
        principal: Satang,
        interest: Satang,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO loan_repayment (entry_id, loan_id, principal, interest) VALUES (?1, ?2, ?3, ?4)",
            params![entry_id, loan_id, principal.satang(), interest.satang()],
        )?;
        Ok(())
    }

    /// Follow a reversed entry in the records that point at it: a claim it paid is
    /// approved and unpaid again (matching rounds, allocations, loans and repayments are
    /// read without their reversed entries, and contributions and entrance fees net out).
    pub fn follow_reversal(&mut self, reversed_entry: i64) -> Result<()> {
        self.tx.execute(
            "UPDATE claim SET status = 'approved', payout_entry_id = NULL, payee = NULL WHERE payout_entry_id = ?1",
            [reversed_entry],
        )?;
        Ok(())
    }

    /// A matching round a member was counted in before the books start (carried in).
    pub fn insert_carried_matching(
        &mut self,
        member_id: i64,
        source: &str,
        round: &str,
        received_on: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached("INSERT INTO carried_matching (member_id, source, round, received_on) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![member_id, source, round, received_on])?;
        Ok(())
    }

    pub fn insert_allocation(
        &mut self,
        year: i32,
        entry_id: i64,
        parts_json: &str,
        shares: &[AllocationShare],
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO allocation (year, entry_id, parts) VALUES (?1, ?2, ?3)",
            params![year, entry_id, parts_json],
        )?;
        let mut stmt = self.tx.prepare_cached(
            "INSERT INTO allocation_share (entry_id, member_id, dividend, refund) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for s in shares {
            stmt.execute(params![entry_id, s.member_id, s.dividend.satang(), s.refund.satang()])?;
        }
        Ok(())
    }

    pub fn insert_programme_setting(
        &mut self,
        setting: &ProgrammeSetting,
        recorded_by: &str,
        recorded_at: &str,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO programme_setting (name, effective_from, value, source, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                setting.key.key(),
                setting.effective_from.to_string(),
                setting.value,
                setting.source,
                recorded_by,
                recorded_at
            ],
        )?;
        Ok(())
    }

    pub fn insert_allocation_plan(
        &mut self,
        plan: &AllocationPlan,
        resolution_id: i64,
        recorded_by: &str,
        recorded_at: &str,
    ) -> Result<i64> {
        self.tx.execute(
            "INSERT INTO allocation_plan (effective_from, parts, resolution_id, recorded_by, recorded_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                plan.effective_from.to_string(),
                serde_json::to_string(&plan.parts).expect("plain parts"),
                resolution_id,
                recorded_by,
                recorded_at
            ],
        )?;
        Ok(self.tx.last_insert_rowid())
    }

    pub fn insert_dividend_payment(
        &mut self,
        entry_id: i64,
        year: i32,
        member_id: i64,
        amount: Satang,
        paid_into: &str,
    ) -> Result<()> {
        self.tx
            .prepare_cached(
                "INSERT INTO dividend_payment (entry_id, year, member_id, amount, paid_into) VALUES (?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![entry_id, year, member_id, amount.satang(), paid_into])?;
        Ok(())
    }
}

/// A dated setting's row: (name read, effective from, value, where it comes from, the
/// resolution cited).
pub(super) type DatedRow<K> = (K, chrono::NaiveDate, i64, String, Option<i64>);

impl Reader<'_> {
    /// How many rounds of a source each member has been matched in.
    pub fn times_matched(&self, source: &str) -> Result<HashMap<i64, i64>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, count(*) FROM (
                 SELECT mm.member_id FROM matched_member mm JOIN matching_round r ON r.id = mm.round_id
                 WHERE r.source = ?1 AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = r.entry_id)
                 UNION ALL
                 SELECT member_id FROM carried_matching WHERE source = ?1)
             GROUP BY member_id",
        )?;
        let rows = stmt
            .query_map([source], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;
        Ok(rows)
    }

    /// What each member has received of `source` in rounds that stand (not reversed): the
    /// rounds and the baht of their shares (rounds kept before shares were: no baht).
    pub fn matching_received(&self, source: &str) -> Result<HashMap<i64, (i64, Satang)>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT mm.member_id, count(*), COALESCE(SUM(mm.share), 0)
             FROM matched_member mm JOIN matching_round r ON r.id = mm.round_id
             WHERE r.source = ?1 AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = r.entry_id)
             GROUP BY mm.member_id",
        )?;
        let rows = stmt
            .query_map([source], |r| Ok((r.get(0)?, (r.get(1)?, Satang::new(r.get(2)?)))))?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;
        Ok(rows)
    }

    /// The latest round of `source` that stands: its label, members and amount received.
    pub fn last_matching_round(&self, source: &str) -> Result<Option<(String, i64, Satang)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT r.label, (SELECT count(*) FROM matched_member mm WHERE mm.round_id = r.id),
                        (SELECT -SUM(p.amount) FROM posting p WHERE p.entry_id = r.entry_id AND p.account_code LIKE '42%')
                 FROM matching_round r JOIN journal_entry e ON e.id = r.entry_id
                 WHERE r.source = ?1 AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = r.entry_id)
                 ORDER BY e.entry_date DESC, r.id DESC LIMIT 1",
                [source],
                |r| Ok((r.get(0)?, r.get(1)?, Satang::new(r.get::<_, Option<i64>>(2)?.unwrap_or(0)))),
            )
            .optional()?)
    }

    /// Whether a round of `source` named `label` is on the books and not reversed.
    pub fn matching_round_exists(&self, source: &str, label: &str) -> Result<bool> {
        Ok(self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM matching_round r WHERE source = ?1 AND label = ?2
                            AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = r.entry_id))",
            params![source, label],
            |r| r.get(0),
        )?)
    }

    fn loans_where(&self, clause: &str, arg: i64) -> Result<Vec<LoanRow>> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT l.id, l.member_id, l.principal, l.rate_bp, l.method, l.term_months, l.start_date, l.guarantors, l.entry_id,
                    COALESCE((SELECT SUM(r.principal) FROM loan_repayment r WHERE r.loan_id = l.id
                              AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = r.entry_id)), 0),
                    COALESCE((SELECT SUM(r.interest) FROM loan_repayment r WHERE r.loan_id = l.id
                              AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = r.entry_id)), 0)
             FROM loan l WHERE ({clause}) AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = l.entry_id)
             ORDER BY l.id"
        ))?;
        let rows = stmt
            .query_map([arg], |r| {
                let g: String = r.get(7)?;
                Ok(LoanRow {
                    id: r.get(0)?,
                    member_id: r.get(1)?,
                    principal: Satang::new(r.get(2)?),
                    rate_bp: r.get(3)?,
                    method: r.get(4)?,
                    term_months: r.get(5)?,
                    start_date: r.get(6)?,
                    guarantors: g.split(',').filter_map(|x| x.parse().ok()).collect(),
                    entry_id: r.get(8)?,
                    principal_paid: Satang::new(r.get(9)?),
                    interest_paid: Satang::new(r.get(10)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The loans an entry paid out (one, or every loan carried in by an opening entry), with
    /// what has been repaid on each.
    pub fn loans_paid_out_by(&self, entry_id: i64) -> Result<Vec<LoanRow>> {
        self.loans_where("l.entry_id = ?1", entry_id)
    }

    pub fn loan(&self, id: i64) -> Result<Option<LoanRow>> {
        Ok(self.loans_where("l.id = ?1", id)?.into_iter().next())
    }

    pub fn loans(&self) -> Result<Vec<LoanRow>> {
        self.loans_where("?1 = ?1", 0)
    }

    /// One member's loans (standing ones: a reversed disbursement is left out).
    pub fn loans_of(&self, member_id: i64) -> Result<Vec<LoanRow>> {
        self.loans_where("l.member_id = ?1", member_id)
    }

    /// Every programme setting recorded, oldest first (none in a book before schema 15).
    pub fn programme_settings(&self) -> Result<Vec<ProgrammeSetting>> {
        let rows = self.dated_settings(
            "SELECT name, effective_from, value, source, NULL FROM programme_setting ORDER BY effective_from, name",
            ProgrammeKey::parse,
        )?;
        Ok(rows
            .into_iter()
            .map(|(key, effective_from, value, source, _)| ProgrammeSetting {
                key,
                value,
                effective_from,
                source,
                recorded: true,
            })
            .collect())
    }

    /// The rows of a dated setting table (name, effective_from, value, where it comes from
    /// and the resolution cited, if the table keeps one, in `sql`'s order), each name read by
    /// `parse` and each day as a date: a stored value that is neither is named as an error.
    pub(super) fn dated_settings<K>(
        &self,
        sql: &str,
        parse: impl Fn(&str) -> std::result::Result<K, crate::Problem>,
    ) -> Result<Vec<DatedRow<K>>> {
        let mut stmt = self.conn.prepare_cached(sql)?;
        let rows = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(name, from, value, source, resolution_id)| {
                Ok((
                    parse(&name).map_err(|p| crate::Error::invalid("name", &name, p))?,
                    crate::domain::date::parse(&from)
                        .map_err(|p| crate::Error::invalid("effective_from", &from, p))?,
                    value,
                    source,
                    resolution_id,
                ))
            })
            .collect()
    }

    /// Every allocation plan adopted, oldest first, with the resolution that adopted it.
    pub fn allocation_plans(&self) -> Result<Vec<PlanRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.id, p.effective_from, p.parts, p.resolution_id FROM allocation_plan p ORDER BY p.effective_from",
        )?;
        let rows = stmt
            .query_map([], |r| {
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, String>(2)?, r.get(3)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        rows.into_iter()
            .map(|(id, from, parts, resolution_id)| {
                let effective_from = crate::domain::date::parse(&from)
                    .map_err(|p| crate::Error::invalid("effective_from", &from, p))?;
                let parts = serde_json::from_str(&parts).map_err(|e| {
                    crate::Error::invalid(
                        "parts",
                        &parts,
                        crate::error::Problem::Other {
                            th: format!("อ่านแผนจัดสรรที่ {id} ไม่ได้"),
                            en: format!("allocation plan {id} cannot be read: {e}"),
                        },
                    )
                })?;
                Ok(PlanRow { id, plan: AllocationPlan { effective_from, parts }, resolution_id })
            })
            .collect()
    }

    /// Each member's dividend and refund in the year's allocation (not reversed). Books
    /// allocated before the shares were kept give the member's whole credit as a dividend.
    pub fn allocation_shares(&self, year: i32) -> Result<Vec<AllocationShare>> {
        let Some((entry_id, _)) = self.allocation_of(year)? else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT member_id, dividend, refund FROM allocation_share WHERE entry_id = ?1
             UNION ALL
             SELECT p.member_id, -p.amount, 0 FROM posting p
             WHERE p.entry_id = ?1 AND p.account_code = ?2 AND p.member_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM allocation_share s WHERE s.entry_id = ?1)
             ORDER BY 1",
        )?;
        let rows = stmt
            .query_map(params![entry_id, crate::domain::accounts::DIVIDENDS_PAYABLE], |r| {
                Ok(AllocationShare {
                    member_id: r.get(0)?,
                    dividend: Satang::new(r.get(1)?),
                    refund: Satang::new(r.get(2)?),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    /// The dividend payments of a year's allocation that stand (not reversed).
    pub fn dividend_payments(&self, year: i32) -> Result<Vec<DividendPaymentRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT d.member_id, d.amount, d.paid_into, e.doc_no, e.entry_date FROM dividend_payment d
             JOIN journal_entry e ON e.id = d.entry_id
             WHERE d.year = ?1 AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = d.entry_id)
             ORDER BY d.member_id",
        )?;
        let rows = stmt
            .query_map([year], |r| {
                Ok(DividendPaymentRow {
                    member_id: r.get(0)?,
                    amount: Satang::new(r.get(1)?),
                    paid_into: r.get(2)?,
                    doc_no: r.get(3)?,
                    date: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(rows)
    }

    pub fn allocation_of(&self, year: i32) -> Result<Option<(i64, String)>> {
        Ok(self
            .conn
            .query_row(
                "SELECT entry_id, parts FROM allocation a WHERE year = ?1
                 AND NOT EXISTS (SELECT 1 FROM journal_entry x WHERE x.reverses = a.entry_id)",
                [year],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// Each member's savings balance at the end of every month in [from_month, to_month]
    /// summed (satang-months): the weight of the dividend on savings.
    pub fn savings_month_weights(&self, from: &str, to: &str) -> Result<HashMap<i64, i128>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.member_id, e.entry_date, -p.amount FROM posting p JOIN journal_entry e ON e.id = p.entry_id
             WHERE p.account_code = ?1 AND p.member_id IS NOT NULL AND e.entry_date <= ?2
             ORDER BY p.member_id, e.entry_date",
        )?;
        let mut by_member: HashMap<i64, Vec<(String, i64)>> = HashMap::new();
        let mut rows = stmt.query(params![crate::domain::accounts::SAVINGS_OWED, to])?;
        while let Some(r) = rows.next()? {
            by_member.entry(r.get(0)?).or_default().push((r.get(1)?, r.get(2)?));
        }
        let from_date =
            crate::domain::date::parse(from).map_err(|p| crate::Error::invalid("from", from, p))?;
        let to_date =
            crate::domain::date::parse(to).map_err(|p| crate::Error::invalid("to", to, p))?;
        let mut month_ends = Vec::new();
        let mut d = from_date;
        while d <= to_date {
            let end = crate::domain::date::last_of_month(
                chrono::Datelike::year(&d),
                chrono::Datelike::month(&d),
            );
            month_ends.push(end.to_string());
            d = end.succ_opt().expect("next day");
        }
        let mut weights = HashMap::new();
        for (member, moves) in by_member {
            let mut w: i128 = 0;
            for end in &month_ends {
                let balance: i64 =
                    moves.iter().filter(|(date, _)| date <= end).map(|(_, a)| a).sum();
                w += i128::from(balance.max(0));
            }
            if w > 0 {
                weights.insert(member, w);
            }
        }
        Ok(weights)
    }

    /// Loan interest each member paid in [from, to].
    pub fn interest_paid_between(&self, from: &str, to: &str) -> Result<HashMap<i64, i128>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.member_id, -SUM(p.amount) FROM posting p JOIN journal_entry e ON e.id = p.entry_id
             WHERE p.account_code = ?1 AND p.member_id IS NOT NULL AND e.entry_date BETWEEN ?2 AND ?3
             GROUP BY p.member_id HAVING SUM(p.amount) < 0",
        )?;
        let rows = stmt
            .query_map(params![crate::domain::accounts::LOAN_INTEREST, from, to], |r| {
                Ok((r.get::<_, i64>(0)?, i128::from(r.get::<_, i64>(1)?)))
            })?
            .collect::<rusqlite::Result<HashMap<_, _>>>()?;
        Ok(rows)
    }
}
