//! Welfare rules (versioned) and claims: open, evaluate against the rule in force on the
//! event date, approve or reject by a committee resolution, pay once (one entry citing the
//! claim and the resolution). A death claim pays the beneficiary and marks the member
//! deceased.

use super::{check_entry_date, Ctx};
use crate::domain::contribution::{fiscal_year_of, periods_owed, Standing};
use crate::domain::fund_rules::FundRuleKey;
use crate::domain::input::{Amount, Day, Input, Till};
use crate::domain::non_member::{NonMember, PersonText};
use crate::domain::welfare::{
    evaluate, evaluate_non_member, rule_in_force, Category, ClaimFacts, Evaluation, PersonFacts,
    WelfareRule,
};
use crate::domain::{BalancedEntry, EntryKind, MemberGroup, MemberStatus, Posting, Satang};
use crate::error::{Error, Problem, Result};
use crate::error::{MeetingRefusal, WelfareRefusal};
use crate::store::{ClaimPerson, ClaimRow, Claimant, NewClaim, PostedRef, Reader, Store, Tx};
use chrono::NaiveDate;

/// Add a rule version (a general assembly's decision, optionally citing its resolution).
pub fn add_rule(
    store: &mut Store,
    ctx: &Ctx,
    rule: &WelfareRule,
    resolution_id: Option<i64>,
) -> Result<i64> {
    store.write(|tx| {
        tx.read().require_fund()?;
        // A change to the rules (a category that has a version already) is decided by the
        // general assembly, or by the committee where the fund's setting says so.
        let changes = tx.read().rules()?.iter().any(|(_, x)| x.category == rule.category);
        match resolution_id {
            Some(r) => {
                let resolution = require_passed(&tx.read(), r, &["rule", "other"])?;
                let meeting = tx.read().meeting(resolution.meeting_id)?;
                let by_committee = meeting.as_ref().is_some_and(|m| m.kind == "committee");
                // the fund's rule in force on the day the decision was taken
                let decided_on = meeting
                    .as_ref()
                    .and_then(|m| crate::domain::date::parse(&m.held_on).ok())
                    .unwrap_or(ctx.today());
                let committee_may =
                    tx.read().fund_rule_on(FundRuleKey::RulesChangedBy, decided_on)? == 1;
                if by_committee && !committee_may {
                    return Err(
                        WelfareRefusal::RuleNeedsAssembly { label: resolution.label }.into()
                    );
                }
            }
            None if changes => {
                return Err(WelfareRefusal::RuleNeedsResolution {
                    category_th: rule.category.name_th().into(),
                    category_en: rule.category.key().into(),
                }
                .into());
            }
            None => {}
        }
        if tx
            .read()
            .rules()?
            .iter()
            .any(|(_, x)| x.category == rule.category && x.effective_from == rule.effective_from)
        {
            return Err(Error::invalid(
                "effective_on",
                rule.effective_from.to_string(),
                Problem::Duplicate,
            ));
        }
        tx.insert_rule(rule, resolution_id, &ctx.recorded_by, &ctx.now_text())
    })
}

/// The default rule set, in the same transaction as the fund's creation.
pub(crate) fn seed_default_rules(tx: &mut Tx<'_>, ctx: &Ctx, from: NaiveDate) -> Result<()> {
    for rule in crate::domain::welfare::default_rules(from) {
        tx.insert_rule(&rule, None, &ctx.recorded_by, &ctx.now_text())?;
    }
    Ok(())
}

/// The default rule set as new versions from `from` (funds created before rules existed).
pub fn add_default_rules(store: &mut Store, ctx: &Ctx, from: NaiveDate) -> Result<Vec<i64>> {
    store.write(|tx| {
        tx.read().require_fund()?;
        let existing = tx.read().rules()?;
        let mut ids = Vec::new();
        for rule in crate::domain::welfare::default_rules(from) {
            if existing.iter().any(|(_, r)| r.category == rule.category && r.effective_from == from)
            {
                return Err(Error::invalid("effective_on", from.to_string(), Problem::Duplicate));
            }
            ids.push(tx.insert_rule(&rule, None, &ctx.recorded_by, &ctx.now_text())?);
        }
        Ok(ids)
    })
}

pub(crate) fn require_passed(
    reader: &Reader<'_>,
    resolution_id: i64,
    kinds: &[&str],
) -> Result<crate::store::ResolutionRow> {
    let r = reader
        .resolution(resolution_id)?
        .ok_or(Error::NotFound { what: "resolution", key: resolution_id.to_string() })?;
    if !r.passed {
        return Err(Error::from(MeetingRefusal::ResolutionFailed {
            id: r.id,
            label: r.label.clone(),
        }));
    }
    if !kinds.contains(&r.kind.as_str()) {
        return Err(Error::from(MeetingRefusal::ResolutionKind {
            id: r.id,
            label: r.label.clone(),
            kind: r.kind.clone(),
        }));
    }
    Ok(r)
}

/// A passed resolution that changes the fund's rules (its welfare rules, allocation parts or
/// governance rules): the resolution, the day its meeting was held, whether that meeting was
/// the committee's, and whether the fund's rule in force that day lets the committee.
pub(crate) struct RuleDecision {
    pub resolution: crate::store::ResolutionRow,
    pub held_on: chrono::NaiveDate,
    pub by_committee: bool,
    pub committee_may: bool,
}

pub(crate) fn rule_decision(reader: &Reader<'_>, resolution_id: i64) -> Result<RuleDecision> {
    let resolution = require_passed(reader, resolution_id, &["rule", "other"])?;
    let meeting = reader
        .meeting(resolution.meeting_id)?
        .ok_or(Error::NotFound { what: "meeting", key: resolution.meeting_id.to_string() })?;
    // the fund's rule in force on the day the decision was taken
    let held_on = crate::domain::date::parse_field("held_on", &meeting.held_on)?;
    Ok(RuleDecision {
        by_committee: meeting.kind == "committee",
        committee_may: reader.fund_rule_on(FundRuleKey::RulesChangedBy, held_on)? == 1,
        held_on,
        resolution,
    })
}

/// What a claim is evaluated on; `except` leaves the claim itself out of this year's count.
fn facts(
    reader: &Reader<'_>,
    member: &crate::store::MemberRow,
    category: Category,
    event: NaiveDate,
    days: Option<u32>,
    documents: &[String],
    except: Option<i64>,
) -> Result<ClaimFacts> {
    let fund = reader.require_fund()?.profile;
    let joined = crate::domain::date::parse_field("joined_on", &member.joined_on)?;
    let event_text = event.to_string();
    // A death is judged on the member's standing the day before: the status may already
    // say deceased from that very day.
    let standing_day = if matches!(category, Category::Death | Category::Funeral) {
        event.pred_opt().unwrap_or(event)
    } else {
        event
    };
    let active =
        reader.status_on(member.id, &standing_day.to_string())? == Some(MemberStatus::Active);
    let owed = periods_owed(fund.schedule, fund.fiscal_year_start, joined, event);
    let paid = reader.periods_paid_as_of(member.id, &event_text)?;
    // The event's own period may still be paid on the next collection day: only periods
    // before it count as arrears.
    let arrears = Standing { owed: (owed - 1).max(0), paid }.arrears_periods();
    let (from, to) = claim_year(reader, event)?;
    let (count, paid_this_year) =
        reader.claims_counted(member.id, category.key(), &from, &to, except)?;
    Ok(ClaimFacts {
        joined_on: joined,
        birth_date: member.birth_date.as_deref().and_then(|b| crate::domain::date::parse(b).ok()),
        active_on_event: active,
        is_disabled_or_disadvantaged: member
            .groups
            .iter()
            .any(|g| matches!(g, MemberGroup::Disabled | MemberGroup::Disadvantaged)),
        event_date: event,
        days,
        arrears_periods: arrears,
        claims_this_year: count,
        paid_this_year,
        documents_seen: documents.to_vec(),
    })
}

fn rule_for(
    reader: &Reader<'_>,
    category: Category,
    event: NaiveDate,
) -> Result<(i64, WelfareRule)> {
    let fund = reader.require_fund()?.profile;
    let rules = reader.rules()?;
    let plain: Vec<WelfareRule> = rules.iter().map(|(_, r)| r.clone()).collect();
    let rule = rule_in_force(&plain, category, event).filter(|r| r.offered).ok_or_else(|| {
        Error::NotOffered {
            kind: fund.kind.key().into(),
            what: format!("สวัสดิการ{} / welfare for {}", category.name_th(), category.key()),
        }
    })?;
    let id = rules.iter().find(|(_, r)| r == rule).map(|(id, _)| *id);
    Ok((id.unwrap_or_default(), rule.clone()))
}

/// Input of a new claim, as typed.
#[derive(Clone, Debug, Default)]
pub struct ClaimInput {
    pub member_no: String,
    pub category: String,
    pub event_date: String,
    pub days: Option<String>,
    pub documents: Vec<String>,
    pub note: String,
    /// A person in the community who is not a member (then `member_no` is left empty).
    pub person: Option<PersonText>,
}

/// The first and last day (ISO) of the fiscal year an event falls in: the year a rule's
/// yearly count and cap are taken over.
fn claim_year(reader: &Reader<'_>, event: NaiveDate) -> Result<(String, String)> {
    let fund = reader.require_fund()?.profile;
    let fy = fiscal_year_of(fund.fiscal_year_start, event);
    let (from, to) = crate::report::yearly::year_span(&fund, fy);
    Ok((from.to_string(), to.to_string()))
}

/// What a non-member's claim is evaluated on: this year's claims of the same person (by
/// the keyed hash of their ID), leaving `except` out.
fn person_facts(
    reader: &Reader<'_>,
    person: &ClaimPerson,
    category: Category,
    event: NaiveDate,
    documents: &[String],
    except: Option<i64>,
) -> Result<PersonFacts> {
    let (from, to) = claim_year(reader, event)?;
    let (count, paid_this_year) =
        reader.person_claims_counted(&person.id_hash, category.key(), &from, &to, except)?;
    Ok(PersonFacts {
        birth_date: person.birth_date.as_deref().and_then(|b| crate::domain::date::parse(b).ok()),
        is_disabled_or_disadvantaged: person.disabled_or_disadvantaged,
        moo: person.moo,
        event_date: event,
        claims_this_year: count,
        paid_this_year,
        documents_seen: documents.to_vec(),
    })
}

/// The key the fund hashes non-members' national IDs with, made the first time one is
/// needed and kept in the book (and so in its backups): the same person is found again
/// without the ID being stored.
fn community_id_key(tx: &mut Tx<'_>) -> Result<String> {
    const KEY: &str = "community_id_key";
    if let Some(key) = tx.read().setting(KEY)? {
        return Ok(key);
    }
    let key = crate::store::province::new_id_key();
    tx.set_setting(KEY, &key)?;
    Ok(key)
}

/// A claim and its first evaluation, for a member or a non-member.
fn evaluated_claim(
    tx: &mut Tx<'_>,
    member_no: &str,
    person: Option<&NonMember>,
    category: Category,
    event: NaiveDate,
    days: Option<u32>,
    documents: &[String],
) -> Result<(Option<i64>, Option<ClaimPerson>, i64, Evaluation)> {
    match person {
        None => {
            let reader = tx.read();
            let member = super::member_by_no(&reader, member_no)?;
            let (rule_id, rule) = rule_for(&reader, category, event)?;
            let facts = facts(&reader, &member, category, event, days, documents, None)?;
            Ok((Some(member.id), None, rule_id, evaluate(&rule, &facts)))
        }
        Some(p) => {
            let key = community_id_key(tx)?;
            let person = ClaimPerson {
                name: p.name.clone(),
                id_hash: crate::domain::thai_id::keyed_hash(p.national_id.as_str(), &key),
                moo: p.moo,
                birth_date: p.birth_date.map(|d| d.to_string()),
                disabled_or_disadvantaged: p.disabled_or_disadvantaged,
                payee: p.payee.as_ref().map(|(name, _)| name.clone()),
                payee_relation: p.payee.as_ref().map(|(_, relation)| relation.clone()),
            };
            let reader = tx.read();
            let (rule_id, rule) = rule_for(&reader, category, event)?;
            let facts = person_facts(&reader, &person, category, event, documents, None)?;
            Ok((None, Some(person), rule_id, evaluate_non_member(&rule, &facts)))
        }
    }
}

pub fn open_claim(
    store: &mut Store,
    ctx: &Ctx,
    input: &ClaimInput,
) -> Result<(ClaimRow, Evaluation)> {
    let category = Category::parse(&input.category)?;
    let event = crate::domain::date::parse_field("event_date", &input.event_date)?;
    if event > ctx.today() {
        return Err(Error::invalid("event_date", &input.event_date, Problem::InFuture));
    }
    let days = match input.days.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => {
            let ascii = crate::thai::from_thai_digits(d);
            if ascii.starts_with('-') {
                return Err(Error::invalid("days", d, Problem::NegativeNotAllowed));
            }
            Some(ascii.parse::<u32>().map_err(|_| Error::invalid("days", d, Problem::NotANumber))?)
        }
        None => None,
    };
    let documents: Vec<String> =
        input.documents.iter().map(|d| d.trim().to_string()).filter(|d| !d.is_empty()).collect();
    let note = crate::domain::text::optional("note", &input.note, 500)?.unwrap_or_default();
    let person = match &input.person {
        Some(_) if !input.member_no.trim().is_empty() => {
            return Err(WelfareRefusal::MemberOrPerson { member_no: input.member_no.clone() }.into())
        }
        Some(p) => {
            let person = p.read(ctx.today())?;
            // a death benefit is paid to someone: the heir is named when the claim is opened
            if matches!(category, Category::Death | Category::Funeral) && person.payee.is_none() {
                return Err(Error::invalid(
                    "person_payee_name",
                    "",
                    Problem::Other {
                        th: "ต้องระบุผู้รับเงินสวัสดิการแทนผู้เสียชีวิต".into(),
                        en: "name who receives the benefit for the deceased".into(),
                    },
                ));
            }
            Some(person)
        }
        None => None,
    };
    store.write(|tx| {
        let (member_id, claim_person, rule_id, evaluation) = evaluated_claim(
            tx,
            &input.member_no,
            person.as_ref(),
            category,
            event,
            days,
            &documents,
        )?;
        let json = serde_json::to_string(&evaluation).expect("plain struct");
        let claimant = match (&claim_person, member_id) {
            (Some(p), _) => Claimant::Person(p),
            (None, id) => Claimant::Member(id.unwrap_or_default()),
        };
        let id = tx.insert_claim(
            &NewClaim {
                claimant,
                category,
                event_date: &event.to_string(),
                days,
                documents: &documents,
                note: &note,
                eligible: evaluation.eligible,
                evaluated: evaluation.amount,
                evaluation_json: &json,
                rule_id: Some(rule_id),
            },
            &ctx.recorded_by,
            &ctx.now_text(),
        )?;
        let claim =
            tx.read().claim(id)?.ok_or(Error::NotFound { what: "claim", key: id.to_string() })?;
        Ok((claim, evaluation))
    })
}

/// The member a member's claim is for.
fn claim_member(reader: &Reader<'_>, member_id: Option<i64>) -> Result<crate::store::MemberRow> {
    let id = member_id.unwrap_or_default();
    reader.member_by_id(id)?.ok_or(Error::NotFound { what: "member", key: id.to_string() })
}

fn load_claim(reader: &Reader<'_>, id: i64) -> Result<ClaimRow> {
    reader.claim(id)?.ok_or(Error::NotFound { what: "claim", key: id.to_string() })
}

fn reevaluate(tx: &mut Tx<'_>, claim: &ClaimRow) -> Result<Evaluation> {
    let reader = tx.read();
    let category = Category::parse(&claim.category)?;
    let event = crate::domain::date::parse_field("event_date", &claim.event_date)?;
    let (rule_id, rule) = rule_for(&reader, category, event)?;
    let evaluation = match (&claim.person, claim.member_id) {
        (Some(person), _) => evaluate_non_member(
            &rule,
            &person_facts(&reader, person, category, event, &claim.documents, Some(claim.id))?,
        ),
        (None, member_id) => {
            let member = claim_member(&reader, member_id)?;
            evaluate(
                &rule,
                &facts(
                    &reader,
                    &member,
                    category,
                    event,
                    claim.days,
                    &claim.documents,
                    Some(claim.id),
                )?,
            )
        }
    };
    if claim.status == "open" {
        tx.update_claim_evaluation(
            claim.id,
            evaluation.eligible,
            evaluation.amount,
            &serde_json::to_string(&evaluation).expect("plain"),
            Some(rule_id),
        )?;
    }
    Ok(evaluation)
}

/// Evaluate a claim again (documents may have arrived, arrears been paid).
pub fn evaluate_claim(store: &mut Store, claim_id: i64) -> Result<Evaluation> {
    store.write(|tx| {
        let claim = load_claim(&tx.read(), claim_id)?;
        reevaluate(tx, &claim)
    })
}

/// Approve (amount defaults to the evaluated amount, never above it) or reject, citing a
/// passed resolution about claims.
pub fn decide_claim(
    store: &mut Store,
    claim_id: i64,
    approve: bool,
    resolution_id: i64,
    amount: Option<&Amount>,
) -> Result<ClaimRow> {
    let amount = amount.map(Input::get);
    store.write(|tx| {
        let claim = load_claim(&tx.read(), claim_id)?;
        if claim.status != "open" {
            return Err(
                WelfareRefusal::Decided { claim: claim_id, status: claim.status.clone() }.into()
            );
        }
        let resolution = require_passed(&tx.read(), resolution_id, &["claim"])?;
        let meeting = tx
            .read()
            .meeting(resolution.meeting_id)?
            .ok_or(Error::NotFound { what: "meeting", key: resolution.meeting_id.to_string() })?;
        if meeting.held_on < claim.event_date {
            return Err(WelfareRefusal::ResolutionBeforeEvent.into());
        }
        if approve {
            let evaluation = reevaluate(tx, &claim)?;
            if !evaluation.eligible {
                let why: Vec<String> =
                    evaluation.reasons.iter().filter(|r| !r.ok).map(|r| r.th.clone()).collect();
                let why_en: Vec<String> =
                    evaluation.reasons.iter().filter(|r| !r.ok).map(|r| r.en.clone()).collect();
                return Err(WelfareRefusal::NotEligible { why_th: why, why_en }.into());
            }
            let amount = amount.unwrap_or(evaluation.amount);
            if amount > evaluation.amount {
                return Err(
                    WelfareRefusal::AboveRule { asked: amount, rule: evaluation.amount }.into()
                );
            }
            tx.decide_claim(claim_id, true, resolution_id, Some(amount))?;
        } else {
            tx.decide_claim(claim_id, false, resolution_id, None)?;
        }
        load_claim(&tx.read(), claim_id)
    })
}

/// Pay an approved claim: one entry citing the claim and the resolution.
pub fn pay_claim(
    store: &mut Store,
    ctx: &Ctx,
    claim_id: i64,
    day: &Day,
    till: &Input<Till>,
) -> Result<PostedRef> {
    let date = day.get();
    store.write(|tx| {
        let reader = tx.read();
        let claim = load_claim(&reader, claim_id)?;
        match claim.status.as_str() {
            "approved" => {}
            "paid" => return Err(WelfareRefusal::AlreadyPaid { claim: claim_id }.into()),
            _ => return Err(WelfareRefusal::NotApproved { claim: claim_id }.into()),
        }
        check_entry_date(&reader, ctx, day)?;
        // Not paid before the meeting that approved it.
        if let Some(resolution) =
            claim.resolution_id.map(|r| reader.resolution(r)).transpose()?.flatten()
        {
            if let Some(meeting) = reader.meeting(resolution.meeting_id)? {
                if date.to_string() < meeting.held_on {
                    let held = crate::domain::date::parse(&meeting.held_on)
                        .map(|d| crate::thai::date_short(d, crate::thai::Digits::Arabic))
                        .unwrap_or(meeting.held_on.clone());
                    return Err(Error::invalid(
                        "date",
                        day.typed(),
                        Problem::Other {
                            th: format!("ก่อนวันประชุมที่อนุมัติ ({} {held})", resolution.label),
                            en: format!(
                                "is before the meeting that approved it ({})",
                                meeting.held_on
                            ),
                        },
                    ));
                }
            }
        }
        let till = super::till_account(&reader, till)?;
        let amount = claim.approved_amount.unwrap_or_default();
        super::require_funds(&reader, &till, date, &Input::of_amount(amount))?;
        let member = match claim.person {
            Some(_) => None,
            None => Some(claim_member(&reader, claim.member_id)?),
        };
        let category = Category::parse(&claim.category)?;
        let resolution = reader
            .resolution(claim.resolution_id.unwrap_or_default())?
            .ok_or(Error::NotFound { what: "resolution", key: String::new() })?;
        let account = if reader.account(category.account())?.is_some() {
            category.account()
        } else {
            crate::domain::accounts::WELFARE_OTHER
        };
        let is_death = matches!(category, Category::Death | Category::Funeral);
        let payee = match (&member, &claim.person) {
            (Some(member), _) => member_payee(member, is_death),
            (None, Some(person)) => {
                let named = person.named();
                match (&person.payee, is_death) {
                    (Some(payee), _) => {
                        let relation = person
                            .payee_relation
                            .as_deref()
                            .filter(|r| !r.is_empty())
                            .map(|r| format!("{r}ของ "))
                            .unwrap_or_else(|| "ผู้รับแทน ".into());
                        format!("{payee} ({relation}{named} คนในชุมชน ไม่ใช่สมาชิก)")
                    }
                    (None, true) => format!("ทายาทของ {named} (คนในชุมชน ไม่ใช่สมาชิก)"),
                    (None, false) => format!("{named} (คนในชุมชน ไม่ใช่สมาชิก)"),
                }
            }
            (None, None) => unreachable!("a claim is a member's or a person's"),
        };
        let member_id = member.as_ref().map(|m| m.id);
        let mut expense = Posting::debit(account, amount);
        if let Some(id) = member_id {
            expense = expense.for_member(id);
        }
        let mut postings = vec![expense, Posting::credit(&till, amount)];
        // Welfare allocated from the savings group's profit pays claims first: drawn as each
        // claim is paid, the welfare activity's income beside the claim it pays.
        let draw = allocated_welfare_for(&reader, date, amount)?;
        if draw.satang() > 0 {
            postings.push(Posting::debit(crate::domain::accounts::WELFARE_ALLOCATED, draw));
            postings.push(Posting::credit(crate::domain::accounts::WELFARE_FROM_ALLOCATION, draw));
        }
        let entry = BalancedEntry::new(
            date,
            EntryKind::ClaimPayout,
            format!(
                "จ่ายสวัสดิการ{} คำขอที่ {} ตาม{} ให้ {}",
                category.name_th(),
                claim.id,
                resolution.label,
                payee
            ),
            member_id,
            postings,
        )?;
        let posted = tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())?;
        tx.mark_claim_paid(claim.id, posted.id, &payee)?;
        let deceased_member = member.filter(|m| m.status != MemberStatus::Deceased);
        if let (Category::Death, Some(member)) = (category, deceased_member) {
            let effective = claim.event_date.clone().max(member.status_since.clone());
            tx.set_member_status(
                member.id,
                MemberStatus::Deceased,
                &effective,
                &format!("ถึงแก่กรรม (คำขอสวัสดิการที่ {})", claim.id),
                &ctx.recorded_by,
                &ctx.now_text(),
            )?;
        }
        Ok(posted)
    })
}

/// Who a member's payout goes to: the member, or for a death the beneficiary the member
/// named (who, how related, the ID).
fn member_payee(member: &crate::store::MemberRow, is_death: bool) -> String {
    if !is_death {
        return member.full_name();
    }
    match member.beneficiary_name.clone().filter(|b| !b.trim().is_empty()) {
        Some(b) => {
            let relation = member.beneficiary_relation.clone().unwrap_or_default();
            let id = member
                .beneficiary_national_id
                .clone()
                .map(|id| format!(" เลขประจำตัวประชาชน {id}"))
                .unwrap_or_default();
            let related = if relation.is_empty() { String::new() } else { format!("{relation} ") };
            format!("{b} ({related}ผู้รับผลประโยชน์ของ {}{id})", member.full_name())
        }
        None => format!("ทายาทของ {}", member.full_name()),
    }
}

/// How much of a claim of `amount` paid on `date` the welfare allocated can pay (none in a
/// book without it), leaving it at zero or above on every later day.
fn allocated_welfare_for(reader: &Reader<'_>, date: NaiveDate, amount: Satang) -> Result<Satang> {
    use crate::domain::accounts::{WELFARE_ALLOCATED, WELFARE_FROM_ALLOCATION};
    if reader.account(WELFARE_FROM_ALLOCATION)?.is_none() {
        return Ok(Satang::ZERO);
    }
    let left = reader.lowest_credit_from(WELFARE_ALLOCATED, &date.to_string())?;
    Ok(left.max(Satang::ZERO).min(amount))
}

/// A welfare rule version as typed (the command line's flags, the app's form): every field
/// is text, checked here so that a bad one is named with its value. One of `fixed`,
/// `per_day` or `tiers` gives the amount, unless the category is withdrawn.
#[derive(Clone, Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct RuleForm {
    pub category: String,
    pub from: String,
    pub waiting_days: String,
    pub fixed: String,
    pub per_day: String,
    pub cap_per_event: String,
    /// `1:3000,5:10000` (whole years of membership : baht).
    pub tiers: String,
    pub cap_per_year: String,
    pub max_per_year: String,
    pub arrears_ok: bool,
    pub documents: Vec<String>,
    pub withdraw: bool,
    /// Baht a person in the community who is not a member receives per event (empty: the
    /// version covers members only).
    pub non_member_amount: String,
}

impl RuleForm {
    pub fn rule(&self) -> Result<WelfareRule> {
        use crate::domain::money::Sign;
        use crate::domain::welfare::RuleAmount;
        let given = |s: &str| Some(s.trim()).filter(|s| !s.is_empty()).map(str::to_string);
        let money = |field: &'static str, s: &str| {
            given(s).map(|v| Satang::parse_field(field, &v, Sign::Positive)).transpose()
        };
        let count = |field: &'static str, s: &str| -> Result<Option<u32>> {
            given(s)
                .map(|v| {
                    crate::thai::from_thai_digits(&v)
                        .parse::<u32>()
                        .map_err(|_| Error::invalid(field, s, Problem::NotANumber))
                })
                .transpose()
        };
        let amount = match (given(&self.fixed), given(&self.per_day), given(&self.tiers)) {
            (Some(f), _, _) => {
                RuleAmount::Fixed { amount: Satang::parse_field("amount", &f, Sign::Positive)? }
            }
            (_, Some(p), _) => RuleAmount::PerDay {
                per_day: Satang::parse_field("amount", &p, Sign::Positive)?,
                cap_per_event: money("cap_per_event", &self.cap_per_event)?,
            },
            (_, _, Some(t)) => RuleAmount::Tiered { tiers: RuleAmount::parse_tiers(&t)? },
            _ if self.withdraw => RuleAmount::Fixed { amount: Satang::ZERO },
            _ => return Err(Error::invalid("amount", "", Problem::Empty)),
        };
        Ok(WelfareRule {
            category: Category::parse(&self.category)?,
            effective_from: crate::domain::date::parse_field("effective_on", &self.from)?,
            offered: !self.withdraw,
            waiting_days: count("waiting_days", &self.waiting_days)?.unwrap_or(0),
            amount,
            cap_per_year: money("cap_per_year", &self.cap_per_year)?,
            max_claims_per_year: count("max_per_year", &self.max_per_year)?,
            non_member_amount: money("non_member_amount", &self.non_member_amount)?,
            require_up_to_date: !self.arrears_ok,
            documents: self
                .documents
                .iter()
                .map(|d| d.trim().to_string())
                .filter(|d| !d.is_empty())
                .collect(),
        })
    }
}

/// A claim as the claims list shows it: the member's number and name, never the internal id.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ClaimListing {
    #[serde(flatten)]
    pub claim: ClaimRow,
    pub member_no: String,
    pub member_name: String,
    /// A person in the community who is not a member (`member_no` is then empty).
    pub non_member: bool,
}

/// (member number, name) of whoever a claim is for: a non-member's name with their village.
fn claimant_names(
    names: &mut super::MemberNames,
    reader: &Reader<'_>,
    claim: &ClaimRow,
) -> Result<(String, String)> {
    match (&claim.person, claim.member_id) {
        (Some(p), _) => Ok((String::new(), p.named())),
        (None, id) => names.of(reader, id.unwrap_or_default()),
    }
}

/// The most recent claims (newest first, at most `limit`), optionally of one status, with
/// their members' numbers and names.
pub fn recent_claims(
    store: &Store,
    status: Option<&str>,
    limit: usize,
) -> Result<Vec<ClaimListing>> {
    let reader = store.read();
    let mut names = super::MemberNames::default();
    let mut out = Vec::new();
    for claim in reader.claims_recent(status, limit)? {
        let (member_no, member_name) = claimant_names(&mut names, &reader, &claim)?;
        let non_member = claim.person.is_some();
        out.push(ClaimListing { claim, member_no, member_name, non_member });
    }
    Ok(out)
}

/// One claim with its member's number and name, for the claim's page.
pub fn claim_listing(store: &Store, claim_id: i64) -> Result<ClaimListing> {
    let reader = store.read();
    let claim = load_claim(&reader, claim_id)?;
    let (member_no, member_name) =
        claimant_names(&mut super::MemberNames::default(), &reader, &claim)?;
    let non_member = claim.person.is_some();
    Ok(ClaimListing { claim, member_no, member_name, non_member })
}
