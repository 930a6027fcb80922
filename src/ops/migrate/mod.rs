//! Bringing an existing fund in from paper or Excel (`kongthun migrate`, the app's "bring an
//! existing fund" path): the program writes a template pre-filled with the fund's chart of
//! accounts; the treasurer fills it from her books; a dry run shows the opening trial
//! balance, the capital carried forward and every member's standing, or every bad cell at
//! once; confirmed, one transaction writes the fund's start, the members with their history,
//! one opening entry (first on the hash chain) and the loans, welfare and matching carried in.

pub mod plan;
pub mod sheets;
pub mod template;

use super::Ctx;
use crate::domain::accounts::{FUND_CAPITAL, LOANS, SAVINGS_OWED};
use crate::domain::contribution::{periods_owed, Standing};
use crate::domain::{AccountClass, BalancedEntry, EntryKind, MemberStatus, Posting, Satang};
use crate::error::MigrateRefusal;
use crate::error::{Error, Problem, Result, RowError};
use crate::store::{PostedRef, Store};
use plan::{FundFacts, Plan};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

/// One line of the opening trial balance.
#[derive(Clone, Debug, Serialize)]
pub struct OpeningLine {
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    pub debit: Satang,
    pub credit: Satang,
}

/// A member as the books will hold them from the first day.
#[derive(Clone, Debug, Serialize)]
pub struct MemberStanding {
    pub member_no: String,
    pub name: String,
    pub status: MemberStatus,
    pub paid_through: Option<String>,
    /// Periods owed and unpaid today, counted from the carried history.
    pub arrears_periods: i64,
    pub savings: Satang,
    pub loans: Satang,
}

/// What a migration writes (a dry run) or wrote.
#[derive(Clone, Debug, Serialize)]
pub struct MigrationOutcome {
    pub dry_run: bool,
    pub books_start: String,
    pub founded_on: String,
    pub opening: Vec<OpeningLine>,
    pub total_debit: Satang,
    pub total_credit: Satang,
    /// The fund capital carried forward (ทุนสะสมยกมา): assets minus liabilities.
    pub capital: Satang,
    pub members: Vec<MemberStanding>,
    pub loans: usize,
    pub welfare_history: usize,
    pub matching_history: usize,
    /// The opening entry, once written.
    pub entry: Option<PostedRef>,
}

/// Read the filled template at `path` (an .xlsx, or a folder of CSV files) and migrate it;
/// with `dry_run`, check and show everything and write nothing.
pub fn migrate(
    store: &mut Store,
    ctx: &Ctx,
    path: &Path,
    dry_run: bool,
) -> Result<MigrationOutcome> {
    migrate_reporting(store, ctx, path, dry_run, &mut |_, _| {})
}

/// `migrate`, telling `progress(done, total)` after the file is read and after it is checked
/// and written (the app's progress bar).
pub fn migrate_reporting(
    store: &mut Store,
    ctx: &Ctx,
    path: &Path,
    dry_run: bool,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<MigrationOutcome> {
    progress(0, 2);
    let filled = sheets::read(path)?;
    progress(1, 2);
    let out = migrate_filled(store, ctx, &filled, dry_run)?;
    progress(2, 2);
    Ok(out)
}

fn rejected(rows: Vec<RowError>, total: usize) -> Error {
    Error::ImportRejected { count: rows.len(), total, rows }
}

/// Migrate a file already read into its sheets.
pub fn migrate_filled(
    store: &mut Store,
    ctx: &Ctx,
    filled: &sheets::Filled,
    dry_run: bool,
) -> Result<MigrationOutcome> {
    let reader = store.read();
    let fund = reader.require_fund()?;
    refuse_if_not_empty(&reader)?;
    let accounts = reader.accounts()?;
    let facts = FundFacts {
        kind: fund.profile.kind,
        schedule: fund.profile.schedule,
        fiscal_year_start: fund.profile.fiscal_year_start,
        entrance_fee: fund.profile.entrance_fee,
        accounts: &accounts,
        today: ctx.today(),
    };
    let total_rows: usize = filled.rows.values().map(Vec::len).sum();
    let plan = plan::parse(filled, &facts).map_err(|rows| rejected(rows, total_rows))?;
    let (opening, capital) = opening_lines(&plan, &accounts);
    if let Some((expected, row)) = plan.capital_expected {
        if expected != capital {
            let difference = capital - expected;
            let e = Error::invalid(
                "capital_expected",
                expected.display(),
                Problem::Other {
                    th: format!(
                        "ไม่เท่ากับทุนสะสมที่คำนวณได้ {} บาท (ต่างกัน {} บาท)",
                        capital.display(),
                        difference.display()
                    ),
                    en: format!(
                        "differs from the capital computed, {} baht (a difference of {} baht)",
                        capital.display(),
                        difference.display()
                    ),
                },
            );
            let row = RowError {
                sheet: sheets::FUND.name.into(),
                row,
                field: "capital_expected".into(),
                value: expected.display(),
                code: e.code(),
                message_en: e.message_en(),
                message_th: e.message_th(),
            };
            return Err(rejected(vec![row], total_rows));
        }
    }
    let mut outcome = MigrationOutcome {
        dry_run,
        books_start: plan.books_start.to_string(),
        founded_on: plan.founded_on.to_string(),
        total_debit: opening.iter().map(|l| l.debit).sum(),
        total_credit: opening.iter().map(|l| l.credit).sum(),
        opening,
        capital,
        members: standings(&plan, &facts),
        loans: plan.loans.len(),
        welfare_history: plan.welfare.len(),
        matching_history: plan.matching.len(),
        entry: None,
    };
    if dry_run {
        return Ok(outcome);
    }
    outcome.entry = write(store, ctx, &plan, capital)?;
    Ok(outcome)
}

/// A migration starts a book: one that already holds entries or members is refused.
fn refuse_if_not_empty(reader: &crate::store::Reader<'_>) -> Result<()> {
    let entries = reader.chain_head()?.0;
    let members = reader.member_count(None)?;
    if entries > 0 || members > 0 {
        return Err(MigrateRefusal::NotEmpty { entries, members }.into());
    }
    Ok(())
}

/// The opening trial balance, account by account, and the capital that balances it.
fn opening_lines(plan: &Plan, accounts: &[crate::store::AccountRow]) -> (Vec<OpeningLine>, Satang) {
    let mut normal: BTreeMap<String, i64> = BTreeMap::new();
    for (code, amount) in &plan.balances {
        *normal.entry(code.clone()).or_default() += amount.satang();
    }
    *normal.entry(SAVINGS_OWED.into()).or_default() +=
        plan.members.iter().map(|m| m.savings.satang()).sum::<i64>();
    *normal.entry(LOANS.into()).or_default() +=
        plan.loans.iter().map(|l| l.principal.satang()).sum::<i64>();
    let class_of = |code: &str| {
        accounts.iter().find(|a| a.code == code).map(|a| a.class).unwrap_or(AccountClass::Asset)
    };
    // debit-side total minus credit-side total, before the capital
    let mut net = 0i64;
    let mut lines = Vec::new();
    for (code, amount) in normal.into_iter().filter(|(_, a)| *a != 0) {
        let debit_side = class_of(&code) == AccountClass::Asset;
        net += if debit_side { amount } else { -amount };
        lines.push((code, if debit_side { amount } else { -amount }));
    }
    let capital = Satang::new(net);
    if net != 0 {
        lines.push((FUND_CAPITAL.into(), -net));
    }
    let named = lines
        .into_iter()
        .map(|(code, signed)| {
            let a = accounts.iter().find(|a| a.code == code);
            OpeningLine {
                name_th: a.map(|a| a.name_th.clone()).unwrap_or_default(),
                name_en: a.map(|a| a.name_en.clone()).unwrap_or_default(),
                debit: Satang::new(signed.max(0)),
                credit: Satang::new((-signed).max(0)),
                code,
            }
        })
        .collect();
    (named, capital)
}

/// Each member's standing from the first day, as the arrears and lapse rules will see it.
fn standings(plan: &Plan, facts: &FundFacts<'_>) -> Vec<MemberStanding> {
    plan.members
        .iter()
        .map(|m| {
            let until = if m.status == MemberStatus::Active {
                facts.today
            } else {
                m.status_since.min(facts.today)
            };
            let standing = Standing {
                owed: periods_owed(
                    facts.schedule,
                    facts.fiscal_year_start,
                    m.input.joined_on,
                    until,
                ),
                paid: m.periods_paid,
            };
            let no = m.input.member_no.clone().unwrap_or_default();
            MemberStanding {
                loans: Satang::new(
                    plan.loans
                        .iter()
                        .filter(|l| l.member_no == no)
                        .map(|l| l.principal.satang())
                        .sum(),
                ),
                name: format!("{}{} {}", m.input.title, m.input.first_name, m.input.last_name),
                member_no: no,
                status: m.status,
                paid_through: m.paid_through.clone(),
                arrears_periods: standing.arrears_periods(),
                savings: m.savings,
            }
        })
        .collect()
}

/// Everything in one transaction: all of it, or nothing.
fn write(store: &mut Store, ctx: &Ctx, plan: &Plan, capital: Satang) -> Result<Option<PostedRef>> {
    store.write(|tx| {
        refuse_if_not_empty(&tx.read())?;
        tx.set_fund_start(
            &plan.founded_on.to_string(),
            &plan.books_start.to_string(),
            &plan.founding_note,
        )?;
        let mut ids: BTreeMap<String, i64> = BTreeMap::new();
        for m in &plan.members {
            let id = super::members::insert_with_reason(
                tx,
                ctx,
                &m.input,
                "ยกมาจากบัญชีเดิม / carried in from the fund's earlier books",
            )?;
            if m.status != MemberStatus::Active {
                tx.set_member_status(
                    id,
                    m.status,
                    &m.status_since.to_string(),
                    "ยกมาจากบัญชีเดิม / carried in",
                    &ctx.recorded_by,
                    &ctx.now_text(),
                )?;
            }
            tx.insert_carried_contribution(
                id,
                m.periods_paid,
                m.paid_through.as_deref(),
                m.entrance_fee_paid,
            )?;
            ids.insert(m.input.member_no.clone().unwrap_or_default(), id);
        }
        let id_of = |no: &str| {
            ids.get(no)
                .copied()
                .ok_or_else(|| Error::NotFound { what: "member", key: no.to_string() })
        };
        let mut postings = Vec::new();
        for (code, amount) in plan.balances.iter().filter(|(_, a)| !a.is_zero()) {
            let asset = code.starts_with('1');
            postings.push(Posting {
                account: code.clone(),
                amount: if asset { *amount } else { -*amount },
                member_id: None,
            });
        }
        for m in plan.members.iter().filter(|m| !m.savings.is_zero()) {
            postings.push(
                Posting::credit(SAVINGS_OWED, m.savings)
                    .for_member(id_of(m.input.member_no.as_deref().unwrap_or(""))?),
            );
        }
        for l in &plan.loans {
            postings.push(Posting::debit(LOANS, l.principal).for_member(id_of(&l.member_no)?));
        }
        if !capital.is_zero() {
            postings.push(Posting {
                account: FUND_CAPITAL.into(),
                amount: -capital,
                member_id: None,
            });
        }
        let entry = if postings.len() >= 2 {
            let opening = BalancedEntry::new(
                plan.books_start,
                EntryKind::OpeningBalance,
                "ยอดยกมาจากบัญชีเดิม (ย้ายข้อมูลเข้าโปรแกรม)".to_string(),
                None,
                postings,
            )?;
            Some(tx.post_entry(&opening, &ctx.recorded_by, &ctx.now_text())?)
        } else {
            None
        };
        for l in &plan.loans {
            let Some(entry) = &entry else { break };
            let start = l.next_due.checked_sub_months(chrono::Months::new(1)).unwrap_or(l.next_due);
            let guarantors = l.guarantors.iter().map(|g| id_of(g)).collect::<Result<Vec<_>>>()?;
            tx.insert_loan(
                id_of(&l.member_no)?,
                l.principal,
                l.rate_bp,
                l.method.key(),
                l.instalments_left,
                &start.to_string(),
                &guarantors,
                entry.id,
                None,
            )?;
        }
        for w in &plan.welfare {
            tx.insert_carried_welfare(
                id_of(&w.member_no)?,
                w.category.key(),
                &w.event_date.to_string(),
                w.amount,
            )?;
        }
        for m in &plan.matching {
            tx.insert_carried_matching(
                id_of(&m.member_no)?,
                m.source,
                &m.round,
                &m.date.to_string(),
            )?;
        }
        Ok(entry)
    })
}
