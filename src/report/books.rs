//! Books for auditors and members: the general ledger of an account and a member's passbook.

use crate::domain::accounts::{CONTRIBUTIONS, ENTRANCE_FEES, SAVINGS_OWED};
use crate::domain::Satang;
use crate::error::{Error, Result};
use crate::store::{MemberRow, Reader};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct LedgerLine {
    pub date: String,
    pub doc_no: String,
    pub description: String,
    pub debit: Satang,
    pub credit: Satang,
    pub balance: Satang,
}

#[derive(Clone, Debug, Serialize)]
pub struct GeneralLedger {
    pub code: String,
    pub name_th: String,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// Debit-positive balance before `from`.
    pub opening: Satang,
    pub lines: Vec<LedgerLine>,
    pub closing: Satang,
}

pub fn general_ledger(
    reader: &Reader<'_>,
    code: &str,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<GeneralLedger> {
    let account =
        reader.account(code)?.ok_or(Error::NotFound { what: "account", key: code.to_string() })?;
    let before = from.pred_opt().expect("not the first day").to_string();
    let opening = reader.account_balance(code, &before)?;
    let mut balance = opening.satang();
    let mut lines = Vec::new();
    for (date, doc_no, description, amount, _) in
        reader.account_lines(code, &from.to_string(), &to.to_string())?
    {
        balance += amount.satang();
        lines.push(LedgerLine {
            date,
            doc_no,
            description,
            debit: Satang::new(amount.satang().max(0)),
            credit: Satang::new((-amount.satang()).max(0)),
            balance: Satang::new(balance),
        });
    }
    Ok(GeneralLedger {
        code: account.code,
        name_th: account.name_th,
        from,
        to,
        opening,
        lines,
        closing: Satang::new(balance),
    })
}

#[derive(Clone, Debug, Serialize)]
pub struct PassbookLine {
    pub date: String,
    pub doc_no: String,
    pub description: String,
    pub contribution: Satang,
    pub entrance_fee: Satang,
    pub deposit: Satang,
    pub withdrawal: Satang,
    pub savings_balance: Satang,
}

#[derive(Clone, Debug, Serialize)]
pub struct Passbook {
    pub fund_name: String,
    pub member: MemberRow,
    pub lines: Vec<PassbookLine>,
    pub total_contributions: Satang,
    pub savings_balance: Satang,
    pub standing: Option<super::standing::ArrearsRow>,
    pub printed_on: NaiveDate,
}

pub fn passbook(reader: &Reader<'_>, member_no: &str, printed_on: NaiveDate) -> Result<Passbook> {
    let fund = reader.require_fund()?.profile;
    let member = reader.require_member_by_no(member_no)?;
    let mut lines = Vec::new();
    let mut savings = 0i64;
    let mut contributions = 0i64;
    for e in reader.entries_between("0000-01-01", "9999-12-31", Some(member.id))? {
        let of = |account: &str| -> i64 {
            e.postings
                .iter()
                .filter(|p| p.account == account && p.member_id == Some(member.id))
                .map(|p| -p.amount.satang())
                .sum()
        };
        let (c, f, s) = (of(CONTRIBUTIONS), of(ENTRANCE_FEES), of(SAVINGS_OWED));
        if c == 0 && f == 0 && s == 0 {
            continue;
        }
        savings += s;
        contributions += c;
        lines.push(PassbookLine {
            date: e.entry_date.clone(),
            doc_no: e.doc_no.clone(),
            description: e.description.clone(),
            contribution: Satang::new(c),
            entrance_fee: Satang::new(f),
            deposit: Satang::new(s.max(0)),
            withdrawal: Satang::new((-s).max(0)),
            savings_balance: Satang::new(savings),
        });
    }
    let standing = Some(super::standing::standing_of(reader, &member, printed_on)?);
    Ok(Passbook {
        fund_name: fund.name_th,
        member,
        lines,
        total_contributions: Satang::new(contributions),
        savings_balance: Satang::new(savings),
        standing,
        printed_on,
    })
}

/// The journal between two days (either end open), oldest first, optionally only the
/// entries that touch one member: the list both front ends show and reverse from.
pub fn journal(
    reader: &Reader<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    member_no: Option<&str>,
) -> Result<Vec<crate::store::EntryRow>> {
    let member_id = match member_no {
        Some(no) => Some(reader.require_member_by_no(no)?.id),
        None => None,
    };
    let from = from.map(|d| d.to_string()).unwrap_or_else(|| "0000-01-01".into());
    let to = to.map(|d| d.to_string()).unwrap_or_else(|| "9999-12-31".into());
    reader.entries_between(&from, &to, member_id)
}

/// One receipt of a collection day, as the day's list shows it for signing.
#[derive(Clone, Debug, Serialize)]
pub struct DayReceipt {
    pub doc_no: String,
    pub member_no: String,
    pub name: String,
    pub contribution: Satang,
    pub savings: Satang,
    pub entrance_fee: Satang,
}

/// Every collection-day receipt dated `date` and not reversed, in the order recorded.
pub fn collection_day(reader: &Reader<'_>, date: NaiveDate) -> Result<Vec<DayReceipt>> {
    let day = date.to_string();
    let mut out = Vec::new();
    for e in reader.entries_between(&day, &day, None)? {
        if e.kind != "contribution" || e.reverses.is_some() || e.reversed_by.is_some() {
            continue;
        }
        let Some(member) = e.member_id.map(|id| reader.member_by_id(id)).transpose()?.flatten()
        else {
            continue;
        };
        let credited = |account: &str| -> Satang {
            e.postings.iter().filter(|p| p.account == account).map(|p| -p.amount).sum()
        };
        out.push(DayReceipt {
            doc_no: e.doc_no.clone(),
            name: member.full_name(),
            member_no: member.member_no,
            contribution: credited(CONTRIBUTIONS),
            savings: credited(SAVINGS_OWED),
            entrance_fee: credited(ENTRANCE_FEES),
        });
    }
    Ok(out)
}
