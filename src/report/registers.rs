//! The registers the committee keeps and the auditor reads (DESIGN §7): the member register
//! with every status change, the welfare rules in force with every earlier version and the
//! resolution behind it, the committee's terms, the claims register of a fiscal year, a
//! month's cash-count and reconciliation sheet, and the auditor's yearly report. Data only;
//! `render::registers` lays them out.

use crate::domain::date::{first_of_month, last_of_month};
use crate::domain::welfare::WelfareRule;
use crate::domain::{accounts, Satang};
use crate::error::Result;
use crate::store::{AuditRow, ClaimRow, MemberFilter, MemberRow, Reader, StatusRow};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::HashMap;

/// The member register (ทะเบียนสมาชิก): every member ever recorded, by number, with the
/// history of their status.
#[derive(Clone, Debug, Serialize)]
pub struct MemberRegister {
    pub as_of: NaiveDate,
    pub members: Vec<RegisteredMember>,
}

#[derive(Clone, Debug, Serialize)]
pub struct RegisteredMember {
    pub member: MemberRow,
    pub history: Vec<StatusRow>,
}

pub fn member_register(reader: &Reader<'_>, as_of: NaiveDate) -> Result<MemberRegister> {
    let mut history = reader.all_status_history()?;
    let members = reader
        .members(&MemberFilter::default())?
        .into_iter()
        .map(|m| RegisteredMember { history: history.remove(&m.id).unwrap_or_default(), member: m })
        .collect();
    Ok(MemberRegister { as_of, members })
}

/// One version of a welfare rule, and whether it is the one in force on the day asked.
#[derive(Clone, Debug, Serialize)]
pub struct RuleVersion {
    pub id: i64,
    pub rule: WelfareRule,
    /// The resolution that approved it (`มติที่ 2 การประชุม… ครั้งที่ 3/2569`), if cited.
    pub resolution: Option<String>,
    pub in_force: bool,
}

/// The fund's welfare rules (ระเบียบสวัสดิการ): every version of every category.
#[derive(Clone, Debug, Serialize)]
pub struct RuleBook {
    pub as_of: NaiveDate,
    pub versions: Vec<RuleVersion>,
}

pub fn rule_book(reader: &Reader<'_>, as_of: NaiveDate) -> Result<RuleBook> {
    let rules = reader.rules()?;
    let resolutions = reader.rule_resolutions()?;
    let mut labels = ResolutionLabels::default();
    // The version in force for a category: the latest that has started by `as_of`.
    let mut in_force: HashMap<_, (NaiveDate, i64)> = HashMap::new();
    for (id, r) in &rules {
        if r.effective_from <= as_of {
            let newest = in_force.entry(r.category).or_insert((r.effective_from, *id));
            if (r.effective_from, *id) > *newest {
                *newest = (r.effective_from, *id);
            }
        }
    }
    let mut versions = Vec::with_capacity(rules.len());
    for (id, rule) in rules {
        let resolution = match resolutions.get(&id) {
            Some(r) => labels.label(reader, *r)?,
            None => None,
        };
        let current = in_force.get(&rule.category).is_some_and(|(_, v)| *v == id);
        versions.push(RuleVersion { id, resolution, in_force: current, rule });
    }
    Ok(RuleBook { as_of, versions })
}

/// One committee term, with the member's number and name.
#[derive(Clone, Debug, Serialize)]
pub struct CommitteeTerm {
    pub member_no: String,
    pub name: String,
    pub role: String,
    pub from: String,
    pub to: String,
    pub in_office: bool,
}

/// The committee (รายชื่อคณะกรรมการ): every term, the newest first.
#[derive(Clone, Debug, Serialize)]
pub struct CommitteeList {
    pub as_of: NaiveDate,
    pub terms: Vec<CommitteeTerm>,
}

pub fn committee_list(reader: &Reader<'_>, as_of: NaiveDate) -> Result<CommitteeList> {
    let day = as_of.to_string();
    let mut terms = Vec::new();
    for t in reader.committee_terms()? {
        let m = reader.member_by_id(t.member_id)?;
        terms.push(CommitteeTerm {
            member_no: m.as_ref().map(|m| m.member_no.clone()).unwrap_or_default(),
            name: m.as_ref().map(MemberRow::full_name).unwrap_or_default(),
            in_office: t.term_from <= day && day <= t.term_to,
            role: t.role,
            from: t.term_from,
            to: t.term_to,
        });
    }
    Ok(CommitteeList { as_of, terms })
}

/// One claim as the register lists it: who, under which rule version, decided by which
/// resolution, paid by which voucher.
#[derive(Clone, Debug, Serialize)]
pub struct RegisteredClaim {
    pub claim: ClaimRow,
    pub member_no: String,
    pub member_name: String,
    /// The rule version's start, when the claim was evaluated under one.
    pub rule_from: Option<NaiveDate>,
    pub resolution: Option<String>,
    pub payout_doc_no: Option<String>,
}

/// The claims register (ทะเบียนการจ่ายสวัสดิการ) of one fiscal year, by event date.
#[derive(Clone, Debug, Serialize)]
pub struct ClaimsRegister {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub claims: Vec<RegisteredClaim>,
}

/// The claims whose event falls in the fiscal year that starts in `year` (CE).
pub fn claims_register(reader: &Reader<'_>, year: i32) -> Result<ClaimsRegister> {
    let fund = reader.require_fund()?.profile;
    let (from, to) = super::yearly::year_span(&fund, year);
    let rule_start: HashMap<i64, NaiveDate> =
        reader.rules()?.into_iter().map(|(id, r)| (id, r.effective_from)).collect();
    let mut labels = ResolutionLabels::default();
    let mut members: HashMap<i64, (String, String)> = HashMap::new();
    let mut claims = Vec::new();
    let (first, last) = (from.to_string(), to.to_string());
    for c in reader.claims(None)? {
        if c.event_date < first || c.event_date > last {
            continue;
        }
        let (member_no, member_name) = match (&c.person, c.member_id) {
            // a person in the community who is not a member: no number, the name and village
            (Some(p), _) => (String::new(), format!("{} (ไม่ใช่สมาชิก)", p.named())),
            (None, id) => {
                let id = id.unwrap_or_default();
                if let std::collections::hash_map::Entry::Vacant(slot) = members.entry(id) {
                    let m = reader.member_by_id(id)?;
                    slot.insert(
                        m.map(|m| (m.member_no.clone(), m.full_name())).unwrap_or_default(),
                    );
                }
                members[&id].clone()
            }
        };
        let resolution = match c.resolution_id {
            Some(r) => labels.label(reader, r)?,
            None => None,
        };
        let payout_doc_no = match c.payout_entry_id {
            Some(e) => reader.entry(e)?.map(|e| e.doc_no),
            None => None,
        };
        claims.push(RegisteredClaim {
            rule_from: c.rule_id.and_then(|r| rule_start.get(&r).copied()),
            member_no,
            member_name,
            resolution,
            payout_doc_no,
            claim: c,
        });
    }
    claims
        .sort_by(|a, b| (&a.claim.event_date, a.claim.id).cmp(&(&b.claim.event_date, b.claim.id)));
    Ok(ClaimsRegister { from, to, claims })
}

/// A bank account on the count sheet: its book balance, and its reconciliation if made.
#[derive(Clone, Debug, Serialize)]
pub struct SheetBank {
    pub account: String,
    pub name_th: String,
    pub book: Satang,
    pub reconciled: Option<crate::store::ReconciledBank>,
}

/// The cash-count and reconciliation sheet of a month (ใบตรวจนับเงินสดและกระทบยอด): the book
/// figures at the month's last day and what was counted, or blank lines to count onto.
#[derive(Clone, Debug, Serialize)]
pub struct CountSheet {
    pub year: i32,
    pub month: u32,
    pub last_day: NaiveDate,
    pub closed: bool,
    pub cash_book: Satang,
    /// The count stored with the close, if the month was counted.
    pub counted: Option<Satang>,
    /// The notes and coins counted (face value, pieces), if counted so.
    pub pieces: Vec<(Satang, u32)>,
    pub banks: Vec<SheetBank>,
    pub checked_by: Option<String>,
    pub checked_at: Option<String>,
    pub audit: Option<AuditRow>,
}

pub fn count_sheet(reader: &Reader<'_>, year: i32, month: u32) -> Result<CountSheet> {
    let key = format!("{year:04}-{month:02}");
    let last_day = last_of_month(year, month);
    let day = last_day.to_string();
    let check = reader.month_check(&key)?;
    let reconciled = match &check {
        Some(c) => c.reconciled_banks()?,
        None => vec![],
    };
    let mut banks = Vec::new();
    for a in reader.accounts()?.into_iter().filter(|a| a.cash_kind.as_deref() == Some("bank")) {
        banks.push(SheetBank {
            book: reader.account_balance(&a.code, &day)?,
            reconciled: reconciled.iter().find(|r| r.account == a.code).cloned(),
            account: a.code,
            name_th: a.name_th,
        });
    }
    Ok(CountSheet {
        year,
        month,
        last_day,
        closed: reader.is_month_closed(&key)?,
        cash_book: reader.account_balance(accounts::CASH, &day)?,
        counted: check.as_ref().map(|c| c.cash_counted),
        pieces: match &check {
            Some(c) => c.pieces()?,
            None => vec![],
        },
        banks,
        checked_by: check.as_ref().map(|c| c.checked_by.clone()),
        checked_at: check.as_ref().map(|c| c.checked_at.clone()),
        audit: reader.audit_of(&key)?,
    })
}

/// A cash-count difference recorded in a month: the day, counted minus book (signed), why.
#[derive(Clone, Debug, Serialize)]
pub struct CashDifference {
    pub date: String,
    pub doc_no: String,
    pub amount: Satang,
    pub reason: String,
}

/// One month of the auditor's year.
#[derive(Clone, Debug, Serialize)]
pub struct AuditedMonth {
    pub year: i32,
    pub month: u32,
    pub closed: bool,
    /// (book, counted) when the cash was counted at the close.
    pub count: Option<(Satang, Satang)>,
    pub differences: Vec<CashDifference>,
    pub audit: Option<AuditRow>,
}

/// The auditor's yearly report (รายงานผู้ตรวจสอบ): for each month of a fiscal year whether
/// it was counted, closed and signed, the differences found and the remarks.
#[derive(Clone, Debug, Serialize)]
pub struct AuditorReport {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub months: Vec<AuditedMonth>,
}

impl AuditorReport {
    pub fn months_audited(&self) -> usize {
        self.months.iter().filter(|m| m.audit.is_some()).count()
    }
    pub fn months_counted(&self) -> usize {
        self.months.iter().filter(|m| m.count.is_some()).count()
    }
}

pub fn auditor_report(reader: &Reader<'_>, year: i32) -> Result<AuditorReport> {
    let fund = reader.require_fund()?.profile;
    let (from, to) = super::yearly::year_span(&fund, year);
    let mut months = Vec::with_capacity(12);
    let mut first = from;
    while first <= to {
        let (y, m) = (chrono::Datelike::year(&first), chrono::Datelike::month(&first));
        let key = format!("{y:04}-{m:02}");
        let last = last_of_month(y, m);
        let mut differences = Vec::new();
        for (date, doc_no, description, moved) in
            reader.cash_differences_between(&first.to_string(), &last.to_string())?
        {
            if let Some((_, reason)) = crate::domain::entry::cash_difference_of(&description) {
                differences.push(CashDifference {
                    date,
                    doc_no,
                    amount: moved,
                    reason: reason.into(),
                });
            }
        }
        let check = reader.month_check(&key)?;
        months.push(AuditedMonth {
            year: y,
            month: m,
            closed: reader.is_month_closed(&key)?,
            count: check.map(|c| (c.cash_book, c.cash_counted)),
            differences,
            audit: reader.audit_of(&key)?,
        });
        first = first_of_month(y, m) + chrono::Months::new(1);
    }
    Ok(AuditorReport { from, to, months })
}

/// Resolution labels read once each (a register cites the same few resolutions many times).
#[derive(Default)]
struct ResolutionLabels(HashMap<i64, Option<String>>);

impl ResolutionLabels {
    fn label(&mut self, reader: &Reader<'_>, id: i64) -> Result<Option<String>> {
        if let Some(l) = self.0.get(&id) {
            return Ok(l.clone());
        }
        let l = reader.resolution(id)?.map(|r| r.label);
        self.0.insert(id, l.clone());
        Ok(l)
    }
}
