//! Setting up a fund: the profile and the seeded chart of accounts, in one transaction.

use super::Ctx;
use crate::domain::accounts::seed_chart;
use crate::domain::input::Day;
use crate::domain::FundProfile;
use crate::error::{Error, Result};
use crate::store::Store;

pub fn init_fund(store: &mut Store, ctx: &Ctx, profile: &FundProfile) -> Result<()> {
    profile.validate()?;
    store.write(|tx| init_in(tx, ctx, profile))
}

/// One of the committee a new fund starts with: who (they become its first members, joining
/// on the day the fund is set up), their office, and when the term ends.
#[derive(Clone, Debug)]
pub struct FoundingOfficer {
    pub fields: crate::domain::member::MemberFields,
    pub role: crate::domain::committee::Role,
    pub term_to: Day,
}

/// A new fund with its committee, in one transaction: the fund as `init_fund` makes it, then
/// each officer as a member (numbered in order from 1) with their term from today. A bad
/// name, ID or date, or an auditor who is also the chair or the treasurer, leaves nothing.
pub fn init_fund_with_committee(
    store: &mut Store,
    ctx: &Ctx,
    profile: &FundProfile,
    committee: &[FoundingOfficer],
) -> Result<()> {
    profile.validate()?;
    let today = ctx.today();
    let checked = committee
        .iter()
        .map(|o| {
            let fields = crate::domain::member::MemberFields {
                joined_on: today.to_string(),
                ..o.fields.clone()
            };
            fields.validate(today)
        })
        .collect::<Result<Vec<_>>>()?;
    let from = crate::domain::input::Input::day("term_from", &today.to_string())?;
    store.write(|tx| {
        init_in(tx, ctx, profile)?;
        for (officer, input) in committee.iter().zip(&checked) {
            let id = super::members::insert_checked(tx, ctx, input)?;
            let member_no = tx.read().member_by_id(id)?.map(|m| m.member_no).unwrap_or_default();
            super::meetings::set_committee_in(
                tx,
                &member_no,
                officer.role,
                &from,
                &officer.term_to,
            )?;
        }
        Ok(())
    })
}

fn init_in(tx: &mut crate::store::Tx<'_>, ctx: &Ctx, profile: &FundProfile) -> Result<()> {
    {
        if let Some(existing) = tx.read().fund()? {
            return Err(Error::FundExists { name: existing.profile.name_th });
        }
        let mut p = profile.clone();
        p.name_th = p.name_th.trim().to_string();
        p.fund_code = p.fund_code.trim().to_string();
        tx.insert_fund(&p, &ctx.now_text())?;
        // Born in the program: founded and kept from today (a fund brought in from paper sets
        // both when it migrates; `set_start` changes them while the book is empty).
        let today = ctx.today().to_string();
        tx.set_fund_start(&today, &today, "")?;
        for account in seed_chart(p.kind) {
            tx.insert_account(&account, true, &ctx.now_text())?;
        }
        // The default welfare rules, in force from the start of the year the fund was set up
        // in (members' history before that is usually entered as opening balances).
        let from = chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&ctx.today()), 1, 1)
            .expect("valid");
        super::welfare::seed_default_rules(tx, ctx, from)?;
        Ok(())
    }
}

/// Set the fund's founding date and the first day of its books, while the book has no
/// entries yet (afterwards the start is fixed: it is where the chain begins). The books may
/// not start before the founding, nor in the future.
pub fn set_start(
    store: &mut Store,
    ctx: &Ctx,
    founded_on: &Day,
    books_start: &Day,
    founding_note: &str,
) -> Result<()> {
    let (founded, start) = (founded_on.get(), books_start.get());
    check_start(ctx, founded, start, founded_on.typed(), books_start.typed())?;
    let note =
        crate::domain::text::optional("founding_note", founding_note, 500)?.unwrap_or_default();
    store.write(|tx| {
        tx.read().require_fund()?;
        if tx.read().chain_head()?.0 > 0 {
            return Err(Error::invalid(
                "books_start",
                books_start.typed(),
                crate::Problem::Other {
                    th: "บัญชีมีรายการแล้ว จึงเปลี่ยนวันเริ่มบัญชีไม่ได้".into(),
                    en: "the book already has entries, so its start cannot change".into(),
                },
            ));
        }
        tx.set_fund_start(&founded.to_string(), &start.to_string(), &note)
    })
}

/// The founding date and the books' start, checked together.
pub(crate) fn check_start(
    ctx: &Ctx,
    founded: chrono::NaiveDate,
    start: chrono::NaiveDate,
    founded_input: &str,
    start_input: &str,
) -> Result<()> {
    if founded > ctx.today() {
        return Err(Error::invalid("founded_on", founded_input, crate::Problem::InFuture));
    }
    if start > ctx.today() {
        return Err(Error::invalid("books_start", start_input, crate::Problem::InFuture));
    }
    if start < founded {
        return Err(Error::invalid(
            "books_start",
            start_input,
            crate::Problem::Other {
                th: format!(
                    "ต้องไม่ก่อนวันก่อตั้งกองทุน ({})",
                    crate::thai::date_short(founded, crate::thai::Digits::Arabic)
                ),
                en: format!("must not be before the fund was founded ({founded})"),
            },
        ));
    }
    Ok(())
}

/// A new fund's profile as typed in a form (the desktop app's first-run wizard): every field
/// is text, checked here so that a bad one is named with its value.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct FundForm {
    pub name_th: String,
    pub name_en: String,
    pub kind: String,
    pub fund_code: String,
    pub village: String,
    pub moo: String,
    pub tambon: String,
    pub amphoe: String,
    pub changwat: String,
    pub fiscal_year_start: String,
    pub schedule: String,
    pub contribution: String,
    pub entrance_fee: String,
    pub lapse_after: String,
    pub thai_digits: bool,
}

impl FundForm {
    pub fn profile(&self) -> Result<FundProfile> {
        use crate::domain::fund::{FundKind, Schedule};
        use crate::domain::money::Sign;
        use crate::domain::Satang;
        // A whole number in `min..=max` (Thai digits accepted); a number out of range says
        // the range rather than "not a number".
        let number =
            |field: &'static str, text: &str, default: u32, min: u32, max: u32| -> Result<u32> {
                let digits = crate::thai::from_thai_digits(text.trim());
                if digits.is_empty() {
                    return Ok(default);
                }
                match digits.parse::<u32>() {
                    Ok(n) if (min..=max).contains(&n) => Ok(n),
                    Ok(_) => Err(Error::invalid(
                        field,
                        text,
                        crate::Problem::Other {
                            th: format!("ต้องเป็นเลข {min} ถึง {max}"),
                            en: format!("must be {min} to {max}"),
                        },
                    )),
                    Err(_) => Err(Error::invalid(field, text, crate::Problem::NotANumber)),
                }
            };
        let moo = number("moo", &self.moo, 0, 0, 99)?;
        let fiscal = number("fiscal_year_start", &self.fiscal_year_start, 1, 1, 12)?;
        let entrance =
            if self.entrance_fee.trim().is_empty() { "0" } else { self.entrance_fee.as_str() };
        Ok(FundProfile {
            name_th: self.name_th.clone(),
            name_en: self.name_en.clone(),
            kind: FundKind::parse(&self.kind)?,
            fund_code: self.fund_code.clone(),
            village: self.village.clone(),
            moo: (moo > 0).then_some(moo),
            tambon: self.tambon.clone(),
            amphoe: self.amphoe.clone(),
            changwat: self.changwat.clone(),
            fiscal_year_start: fiscal,
            schedule: Schedule::parse(&self.schedule)?,
            contribution: contribution_of(FundKind::parse(&self.kind)?, &self.contribution)?,
            entrance_fee: Satang::parse_field("entrance_fee", entrance, Sign::NonNegative)?,
            lapse_after: number("lapse_after", &self.lapse_after, 0, 0, 120)?,
            thai_digits: self.thai_digits,
        })
    }
}

/// The contribution as typed: zero only for a savings group of sajja savings alone (kind
/// `savings`); refused naming the value as typed otherwise.
pub fn contribution_of(
    kind: crate::domain::FundKind,
    typed: &str,
) -> Result<crate::domain::Satang> {
    use crate::domain::money::Sign;
    let amount = crate::domain::Satang::parse_field("contribution", typed, Sign::NonNegative)?;
    if amount.satang() == 0 && kind != crate::domain::FundKind::Savings {
        return Err(Error::invalid("contribution", typed, crate::Problem::ZeroNotAllowed));
    }
    Ok(amount)
}

/// Record who certified the fund, when, and the document's number (the government's
/// criteria ask for it).
pub fn record_certification(
    store: &mut Store,
    ctx: &Ctx,
    by: crate::domain::criteria::CertifiedBy,
    on: &Day,
    document: &str,
) -> Result<()> {
    if on.get() > ctx.today() {
        return Err(Error::invalid("certified_on", on.typed(), crate::Problem::InFuture));
    }
    let document = crate::domain::text::required("certified_document", document, 100)?;
    store.write(|tx| {
        tx.read().require_fund()?;
        tx.set_setting("certified_by", by.key())?;
        tx.set_setting("certified_on", &on.get().to_string())?;
        tx.set_setting("certified_document", &document)
    })
}

/// Record the villages (หมู่) of the fund's area, `1-12` or `1,2,5`: members' villages are
/// counted against them.
pub fn set_area(store: &mut Store, moos: &str) -> Result<std::collections::BTreeSet<u32>> {
    let parsed = crate::domain::fund::parse_moos(moos)?;
    let text = parsed.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(",");
    store.write(|tx| {
        tx.read().require_fund()?;
        tx.set_setting("area_moos", &text)
    })?;
    Ok(parsed)
}

/// Record the local government (องค์กรปกครองส่วนท้องถิ่น, e.g. «อบต.หนองน้ำใส») whose area the
/// fund serves: the province's report adds funds up by it.
pub fn set_local_government(store: &mut Store, name: &str) -> Result<String> {
    let name = crate::domain::text::required("local_government", name, 100)?;
    store.write(|tx| {
        tx.read().require_fund()?;
        tx.set_setting("local_government", &name)
    })?;
    Ok(name)
}

/// Change the fund's profile, keeping the change with its reason. The names, the address, the
/// entrance fee for members who join, the lapse rule and Thai digits may change; the kind, the
/// fund's code (the province knows the fund by it), the fiscal year, the schedule and the
/// contribution may not — each would re-read the books already kept (every past period is
/// owed at the contribution the book holds), so a change of those is refused naming it.
pub fn edit_profile(
    store: &mut Store,
    ctx: &Ctx,
    after: &FundProfile,
    reason: &str,
) -> Result<FundProfile> {
    after.validate()?;
    let reason = crate::domain::text::required("reason", reason, 300)?;
    store.write(|tx| {
        let before = tx.read().require_fund()?.profile;
        let fixed: [(&'static str, bool, String); 5] = [
            ("kind", before.kind != after.kind, after.kind.key().to_string()),
            ("fund_code", before.fund_code != after.fund_code, after.fund_code.clone()),
            (
                "fiscal_year_start",
                before.fiscal_year_start != after.fiscal_year_start,
                after.fiscal_year_start.to_string(),
            ),
            ("schedule", before.schedule != after.schedule, after.schedule.key().to_string()),
            (
                "contribution",
                before.contribution != after.contribution,
                after.contribution.display(),
            ),
        ];
        if let Some((field, _, value)) = fixed.into_iter().find(|(_, changed, _)| *changed) {
            return Err(Error::invalid(
                field,
                value,
                crate::Problem::Other {
                    th: "เปลี่ยนไม่ได้หลังตั้งกองทุนแล้ว เพราะบัญชีที่บันทึกไว้อ่านตามค่านี้".into(),
                    en: "cannot change once the fund is set up: the books kept are read by it"
                        .into(),
                },
            ));
        }
        tx.update_fund_profile(&before, after, &reason, &ctx.recorded_by, &ctx.now_text())?;
        Ok(after.clone())
    })
}

/// The profile's editable fields as typed in Settings; empty keeps a name as it was.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ProfileEdit {
    pub name_th: String,
    pub name_en: String,
    pub village: String,
    pub moo: String,
    pub tambon: String,
    pub amphoe: String,
    pub changwat: String,
    pub entrance_fee: String,
    pub lapse_after: String,
    pub thai_digits: bool,
}

impl ProfileEdit {
    /// The profile with these fields applied to `current`, read once (naming a bad field).
    pub fn apply(&self, current: &FundProfile) -> Result<FundProfile> {
        let form = FundForm {
            name_th: self.name_th.clone(),
            name_en: self.name_en.clone(),
            kind: current.kind.key().into(),
            fund_code: current.fund_code.clone(),
            village: self.village.clone(),
            moo: self.moo.clone(),
            tambon: self.tambon.clone(),
            amphoe: self.amphoe.clone(),
            changwat: self.changwat.clone(),
            fiscal_year_start: current.fiscal_year_start.to_string(),
            schedule: current.schedule.key().into(),
            contribution: current.contribution.display(),
            entrance_fee: self.entrance_fee.clone(),
            lapse_after: self.lapse_after.clone(),
            thai_digits: self.thai_digits,
        };
        form.profile()
    }
}

/// Record one of the fund's governance rules from a day on, citing the decision it comes
/// from: a passed resolution (`resolution_id`; its words are the decision unless others are
/// given), or the decision's words alone (e.g. «มติที่ประชุมใหญ่ ครั้งที่ 1/2569 มติที่ 4», for
/// a decision taken before the program kept meetings). `rules_changed_by`
/// (`general`/`committee`), `require_cash_count` (`yes`/`no`), `sajja_pledge` (baht a
/// month, 0 for none; a fund that keeps savings only). A resolution cited must have passed,
/// at a meeting held on or before the rule's first day; a committee's resolution may change
/// neither who changes the rules nor, unless that rule let the committee on the meeting's
/// day, the others.
pub fn set_fund_rule(
    store: &mut Store,
    ctx: &Ctx,
    key: &str,
    value: &str,
    from: &Day,
    decision: &str,
    resolution_id: Option<i64>,
) -> Result<crate::domain::fund_rules::FundRule> {
    use crate::domain::fund_rules::{FundRule, FundRuleKey};
    let key = FundRuleKey::parse(key).map_err(|p| Error::invalid("fund_rule", key, p))?;
    let value = key.parse_value(value).map_err(|p| Error::invalid("value", value, p))?;
    store.write(|tx| {
        let decision = match resolution_id {
            Some(id) => {
                let cited = cited_for_fund_rule(&tx.read(), id, key, from)?;
                match decision.trim() {
                    "" => cited,
                    words => crate::domain::text::required("decision", words, 300)?,
                }
            }
            None => crate::domain::text::required("decision", decision, 300)?,
        };
        let rule = FundRule { key, value, effective_from: from.get(), decision, resolution_id };
        let fund = tx.read().require_fund()?.profile;
        if key == FundRuleKey::SajjaPledge {
            super::require_savings_kept(&fund, "เงินสัจจะขั้นต่ำต่อเดือน / a monthly sajja pledge")?;
        }
        if tx
            .read()
            .fund_rules()?
            .iter()
            .any(|r| r.key == key && r.effective_from == rule.effective_from)
        {
            return Err(Error::invalid("effective_on", from.typed(), crate::Problem::Duplicate));
        }
        tx.insert_fund_rule(&rule, &ctx.recorded_by, &ctx.now_text())?;
        Ok(rule)
    })
}

/// The resolution cited for a fund rule, checked (passed, a decision about rules, at a
/// meeting on or before the rule's first day, by a body that may decide it): its label.
fn cited_for_fund_rule(
    reader: &crate::store::Reader<'_>,
    resolution_id: i64,
    key: crate::domain::fund_rules::FundRuleKey,
    from: &Day,
) -> Result<String> {
    use crate::domain::fund_rules::FundRuleKey;
    let decision = super::welfare::rule_decision(reader, resolution_id)?;
    if from.get() < decision.held_on {
        return Err(Error::invalid(
            "effective_on",
            from.typed(),
            crate::Problem::Other {
                th: format!(
                    "ก่อนวันประชุมที่มีมติ ({} {})",
                    decision.resolution.label,
                    crate::thai::date_short(decision.held_on, crate::thai::Digits::Arabic)
                ),
                en: format!("is before the meeting that decided it ({})", decision.held_on),
            },
        ));
    }
    // who changes the rules is the general assembly's alone
    if decision.by_committee && (key == FundRuleKey::RulesChangedBy || !decision.committee_may) {
        let label = decision.resolution.label;
        return Err(crate::error::MeetingRefusal::FundRuleNeedsAssembly { label }.into());
    }
    Ok(decision.resolution.label)
}

/// Each governance rule as it stands on `day` (recorded, or the program's default), and every
/// version recorded.
#[derive(Clone, Debug, serde::Serialize)]
pub struct FundRulesNow {
    pub now: Vec<FundRuleNow>,
    pub history: Vec<crate::domain::fund_rules::FundRule>,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct FundRuleNow {
    pub key: crate::domain::fund_rules::FundRuleKey,
    pub name_th: &'static str,
    pub name_en: &'static str,
    pub value: i64,
    pub shown_th: String,
    /// The version in force, if one is recorded (else the default stands).
    pub since: Option<chrono::NaiveDate>,
    pub decision: Option<String>,
}

pub fn fund_rules(store: &Store, day: chrono::NaiveDate) -> Result<FundRulesNow> {
    use crate::domain::fund_rules::FundRuleKey;
    let history = store.read().fund_rules()?;
    let now = FundRuleKey::ALL
        .into_iter()
        .map(|key| {
            let version = history
                .iter()
                .filter(|r| r.key == key && r.effective_from <= day)
                .max_by_key(|r| r.effective_from);
            let value = version.map(|v| v.value).unwrap_or(key.default_value());
            FundRuleNow {
                key,
                name_th: key.name_th(),
                name_en: key.name_en(),
                value,
                shown_th: key.show_th(value),
                since: version.map(|v| v.effective_from),
                decision: version.map(|v| v.decision.clone()),
            }
        })
        .collect();
    Ok(FundRulesNow { now, history })
}
