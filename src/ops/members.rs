//! Members: add, edit, change status (with history), list and search.

use super::Ctx;
use crate::domain::input::Day;
use crate::domain::member::{MemberFields, MemberInput};
use crate::domain::MemberStatus;
use crate::error::{Error, Problem, Result};
use crate::store::{MemberFilter, MemberRow, Store, Tx};

/// Add one member; returns the stored row.
pub fn add_member(store: &mut Store, ctx: &Ctx, fields: &MemberFields) -> Result<MemberRow> {
    let input = fields.validate(ctx.today())?;
    store.write(|tx| {
        tx.read().require_fund()?;
        let id = insert_checked(tx, ctx, &input)?;
        tx.read().member_by_id(id)?.ok_or(Error::NotFound { what: "member", key: id.to_string() })
    })
}

/// Add a member admitted by a committee resolution (cited in the status history).
pub fn add_member_by_resolution(
    store: &mut Store,
    ctx: &Ctx,
    fields: &MemberFields,
    resolution_id: i64,
) -> Result<MemberRow> {
    let input = fields.validate(ctx.today())?;
    store.write(|tx| {
        tx.read().require_fund()?;
        let label =
            super::welfare::require_passed(&tx.read(), resolution_id, &["admission", "other"])?
                .label;
        let id = insert_with_reason(
            tx,
            ctx,
            &input,
            &format!("สมัครเป็นสมาชิก ตาม{label} / admitted by resolution {resolution_id}"),
        )?;
        tx.read().member_by_id(id)?.ok_or(Error::NotFound { what: "member", key: id.to_string() })
    })
}

/// Insert a validated member after the checks that need the database (number and national
/// ID not taken). Shared by `add_member` and the importer.
pub(crate) fn insert_checked(tx: &mut Tx<'_>, ctx: &Ctx, input: &MemberInput) -> Result<i64> {
    insert_with_reason(tx, ctx, input, "สมัครเป็นสมาชิก / joined")
}

pub(crate) fn insert_with_reason(
    tx: &mut Tx<'_>,
    ctx: &Ctx,
    input: &MemberInput,
    reason: &str,
) -> Result<i64> {
    let reader = tx.read();
    let member_no = match &input.member_no {
        Some(no) => {
            if reader.member_by_no(no)?.is_some() {
                return Err(Error::invalid("member_no", no, Problem::Duplicate));
            }
            no.clone()
        }
        None => reader.next_member_no()?,
    };
    if let Some(id) = &input.national_id {
        if let Some(other) = reader.member_by_national_id(id.as_str())? {
            return Err(Error::invalid(
                "national_id",
                id.as_str(),
                Problem::Other {
                    th: format!("ซ้ำกับสมาชิกเลขที่ {}", other.member_no),
                    en: format!("is already member {}'s", other.member_no),
                },
            ));
        }
    }
    let id = tx.insert_member(input, &member_no, &ctx.now_text())?;
    tx.set_member_status(
        id,
        MemberStatus::Active,
        &input.joined_on.to_string(),
        reason,
        &ctx.recorded_by,
        &ctx.now_text(),
    )?;
    Ok(id)
}

/// The editable fields of a stored member, as text (to be changed and validated again).
pub fn fields_of(m: &MemberRow) -> MemberFields {
    MemberFields {
        member_no: m.member_no.clone(),
        title: m.title.clone(),
        first_name: m.first_name.clone(),
        last_name: m.last_name.clone(),
        national_id: m.national_id.clone().unwrap_or_default(),
        birth_date: m.birth_date.clone().unwrap_or_default(),
        sex: m.sex.map(|s| s.key().to_string()).unwrap_or_default(),
        moo: m.moo.map(|v| v.to_string()).unwrap_or_default(),
        address: m.address.clone().unwrap_or_default(),
        phone: m.phone.clone().unwrap_or_default(),
        joined_on: m.joined_on.clone(),
        groups: m.groups.iter().map(|g| g.key()).collect::<Vec<_>>().join(","),
        beneficiary_name: m.beneficiary_name.clone().unwrap_or_default(),
        beneficiary_relation: m.beneficiary_relation.clone().unwrap_or_default(),
        beneficiary_national_id: m.beneficiary_national_id.clone().unwrap_or_default(),
    }
}

/// Replace a member's details. The number stays; the before/after goes to the change log.
pub fn edit_member(
    store: &mut Store,
    ctx: &Ctx,
    member_no: &str,
    fields: &MemberFields,
) -> Result<MemberRow> {
    let mut fields = fields.clone();
    store.write(|tx| {
        let current = super::member_by_no(&tx.read(), member_no)?;
        fields.member_no = current.member_no.clone();
        let input = fields.validate(ctx.today())?;
        if let Some(id) = &input.national_id {
            if let Some(other) = tx.read().member_by_national_id(id.as_str())? {
                if other.id != current.id {
                    return Err(Error::invalid(
                        "national_id",
                        id.as_str(),
                        Problem::Other {
                            th: format!("ซ้ำกับสมาชิกเลขที่ {}", other.member_no),
                            en: format!("is already member {}'s", other.member_no),
                        },
                    ));
                }
            }
        }
        let before = serde_json::to_string(&fields_of(&current)).expect("plain struct");
        let after = serde_json::to_string(&fields).expect("plain struct");
        if before == after {
            return Ok(current);
        }
        tx.update_member(current.id, &input, &before, &after, &ctx.recorded_by, &ctx.now_text())?;
        tx.read()
            .member_by_id(current.id)?
            .ok_or(Error::NotFound { what: "member", key: member_no.into() })
    })
}

/// Change a member's status, effective on a date, with a reason; kept in the history.
pub fn change_status(
    store: &mut Store,
    ctx: &Ctx,
    member_no: &str,
    status: MemberStatus,
    effective_on: &Day,
    reason: &str,
) -> Result<MemberRow> {
    let date = effective_on.get();
    if date > ctx.today() {
        return Err(Error::invalid("effective_on", effective_on.typed(), Problem::InFuture));
    }
    let reason = crate::domain::text::required("reason", reason, 300)?;
    store.write(|tx| {
        let m = super::member_by_no(&tx.read(), member_no)?;
        if m.status == status {
            return Err(Error::invalid(
                "status",
                status.key(),
                Problem::Other {
                    th: "เป็นสถานะปัจจุบันอยู่แล้ว".into(),
                    en: "is already the member's status".into(),
                },
            ));
        }
        if m.status.is_final() {
            return Err(Error::invalid(
                "status",
                status.key(),
                Problem::Other {
                    th: "สมาชิกเสียชีวิตแล้ว เปลี่ยนสถานะไม่ได้".into(),
                    en: "cannot follow deceased".into(),
                },
            ));
        }
        if date.to_string() < m.status_since {
            return Err(Error::invalid(
                "effective_on",
                effective_on.typed(),
                Problem::Other {
                    th: format!("ก่อนวันที่สถานะปัจจุบันมีผล ({})", m.status_since),
                    en: format!("is before the current status took effect ({})", m.status_since),
                },
            ));
        }
        tx.set_member_status(
            m.id,
            status,
            &date.to_string(),
            &reason,
            &ctx.recorded_by,
            &ctx.now_text(),
        )?;
        tx.read()
            .member_by_id(m.id)?
            .ok_or(Error::NotFound { what: "member", key: member_no.into() })
    })
}

pub fn list_members(store: &Store, filter: &MemberFilter) -> Result<Vec<MemberRow>> {
    store.read().members(filter)
}
