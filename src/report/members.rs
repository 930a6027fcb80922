//! One member's page, as both front ends show it: the member, every change of status, the
//! sajja savings balance, the contribution standing today and the passbook's lines.

use super::books::{passbook, Passbook};
use super::standing::ArrearsRow;
use crate::domain::Satang;
use crate::error::Result;
use crate::store::{MemberRow, Reader, StatusRow};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct MemberDetail {
    pub member: MemberRow,
    pub history: Vec<StatusRow>,
    pub savings_balance: Satang,
    /// Periods paid and owed, arrears, the last period paid for, as of the day asked.
    pub standing: ArrearsRow,
    pub passbook: Passbook,
}

pub fn member_detail(
    reader: &Reader<'_>,
    member_no: &str,
    as_of: NaiveDate,
) -> Result<MemberDetail> {
    let passbook = passbook(reader, member_no, as_of)?;
    let member = passbook.member.clone();
    let standing = match &passbook.standing {
        Some(s) => s.clone(),
        None => super::standing::standing_of(reader, &member, as_of)?,
    };
    Ok(MemberDetail {
        history: reader.status_history(member.id)?,
        savings_balance: reader.savings_balance(member.id)?,
        standing,
        member,
        passbook,
    })
}

/// What a form shows beside a member number as it is typed: who it is, whether they are a
/// member in good standing, their sajja savings and what they owe.
#[derive(Clone, Debug, Serialize)]
pub struct MemberBrief {
    pub member_no: String,
    pub name: String,
    pub status: crate::domain::MemberStatus,
    pub savings_balance: Satang,
    pub arrears_periods: i64,
    pub arrears_amount: Satang,
    pub loan_principal: Satang,
}

pub fn member_brief(reader: &Reader<'_>, member_no: &str, as_of: NaiveDate) -> Result<MemberBrief> {
    let member = reader.require_member_by_no(member_no)?;
    let standing = super::standing::standing_of(reader, &member, as_of)?;
    let loan_principal =
        reader.loans_of(member.id)?.iter().map(|l| l.principal - l.principal_paid).sum();
    Ok(MemberBrief {
        name: member.full_name(),
        status: member.status,
        savings_balance: reader.savings_balance(member.id)?,
        arrears_periods: standing.arrears_periods,
        arrears_amount: standing.arrears_amount,
        loan_principal,
        member_no: member.member_no,
    })
}
