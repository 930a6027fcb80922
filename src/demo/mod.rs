//! The demo fund: a realistic, deterministic (by seed) Thai village fund built through the
//! real operations, so it obeys every rule a real fund does. Members join over the years in
//! หมู่ 1-12, pay on a monthly collection day (some late, some lapse), save, withdraw, die or
//! resign; the fund banks its cash, pays its costs, receives matching money and interest, and
//! closes every month. It scales to 10,000 members over 20 years for the benchmarks.

mod activity;
mod names;

use crate::domain::accounts;
use crate::domain::date::add_months;
use crate::domain::input::Input;
use crate::domain::member::MemberFields;
use crate::domain::{FundKind, FundProfile, MemberStatus, Satang, Schedule, ThaiId};
use crate::error::{Error, Result};
use crate::ops::cashbook::CashMove;
use crate::ops::cashbook::Transfer;
use crate::ops::contributions::CollectLine;
use crate::ops::savings::SavingsMove;
use crate::ops::{self, Ctx};
use crate::store::Store;
use chrono::{Datelike, NaiveDate, TimeZone};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde::Serialize;

/// The demo ends in this month unless told otherwise, so a seed always gives the same fund.
pub const DEFAULT_UNTIL: (i32, u32) = (2026, 10);
pub const DEMO_CODE: &str = "DEMO-0001";
const RECORDER: &str = "เหรัญญิก (ข้อมูลตัวอย่าง)";
const CONTRIBUTION: Satang = Satang::new(3000);
const ENTRANCE_FEE: Satang = Satang::new(5000);
const CASH_FLOAT: i64 = 500_000;

#[derive(Clone, Debug)]
pub struct DemoSpec {
    pub members: u32,
    pub years: u32,
    pub seed: u64,
    pub until: (i32, u32),
    pub kind: FundKind,
    /// Many demo funds can live side by side (province benchmarks): each its own code.
    pub fund_code: String,
}

impl Default for DemoSpec {
    fn default() -> Self {
        DemoSpec {
            members: 300,
            years: 3,
            seed: 1,
            until: DEFAULT_UNTIL,
            kind: FundKind::Both,
            fund_code: DEMO_CODE.into(),
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct DemoSummary {
    pub fund_code: String,
    pub members: u32,
    pub entries: i64,
    pub first_month: String,
    pub last_month: String,
    pub fingerprint: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Payer {
    /// Pays every month.
    Reliable,
    /// Misses a month now and then, catches up later.
    Irregular,
    /// Often misses, pays one period at a time: the ones who lapse.
    Struggling,
    /// Pays the whole year in January.
    Yearly,
}

struct DemoMember {
    member_no: String,
    joined: NaiveDate,
    payer: Payer,
    /// Monthly sajja deposit, zero for non-savers.
    saves: Satang,
    paid_periods: i64,
    status: MemberStatus,
    old: bool,
    paid_entrance: bool,
}

fn at(date: NaiveDate, hour: u32) -> Ctx {
    let local = ops::thai_offset()
        .from_local_datetime(&date.and_hms_opt(hour, 0, 0).expect("valid time"))
        .single()
        .expect("fixed offset");
    Ctx { recorded_by: RECORDER.to_string(), now: local.with_timezone(&chrono::Utc) }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid demo date")
}

fn pick<'a>(rng: &mut ChaCha8Rng, list: &[&'a str]) -> &'a str {
    list[rng.gen_range(0..list.len())]
}

/// Build the demo fund into an empty database.
pub fn build(store: &mut Store, spec: &DemoSpec) -> Result<DemoSummary> {
    if spec.members == 0 || spec.years == 0 || spec.years > 60 {
        return Err(Error::invalid(
            "members",
            format!("{} × {}", spec.members, spec.years),
            crate::Problem::Overflow,
        ));
    }
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let start = add_months(spec.until, -(i64::from(spec.years) * 12 - 1));
    let profile = FundProfile {
        name_th: "กองทุนสวัสดิการชุมชนตำบลหนองน้ำใส".into(),
        name_en: "Nong Nam Sai Community Welfare Fund (demo)".into(),
        kind: spec.kind,
        fund_code: spec.fund_code.clone(),
        village: "บ้านหนองน้ำใส".into(),
        moo: Some(1),
        tambon: "หนองน้ำใส".into(),
        amphoe: "น้ำพอง".into(),
        changwat: "ขอนแก่น".into(),
        fiscal_year_start: 1,
        schedule: Schedule::Monthly,
        contribution: CONTRIBUTION,
        entrance_fee: ENTRANCE_FEE,
        lapse_after: 6,
        thai_digits: false,
    };
    store.set_bulk_mode(true)?;
    let result: Result<usize> = (|| {
        ops::fund::init_fund(store, &at(day(start.0, start.1, 1), 9), &profile)?;
        let mut people = plan_members(&mut rng, spec, start);
        let total_months = i64::from(spec.years) * 12;
        for i in 0..total_months {
            let month = add_months(start, i);
            run_month(store, &mut rng, spec, &mut people, month)?;
        }
        Ok(people.len())
    })();
    store.set_bulk_mode(false)?;
    let members = result?;
    let chain = store.read().verify_chain()?;
    Ok(DemoSummary {
        fund_code: profile.fund_code,
        members: members as u32,
        entries: chain.entries,
        first_month: format!("{:04}-{:02}", start.0, start.1),
        last_month: format!("{:04}-{:02}", spec.until.0, spec.until.1),
        fingerprint: chain.fingerprint,
    })
}

/// Decide who joins when, and how they behave. Sorted by joining date so member numbers
/// follow the order people joined.
fn plan_members(
    rng: &mut ChaCha8Rng,
    spec: &DemoSpec,
    start: (i32, u32),
) -> Vec<(DemoMember, MemberFields)> {
    let total_months = i64::from(spec.years) * 12;
    let mut used_ids = std::collections::HashSet::new();
    let mut people = Vec::with_capacity(spec.members as usize);
    for _ in 0..spec.members {
        // 40% found the fund in its first month; the rest join evenly over the years.
        let offset = if rng.gen_bool(0.4) { 0 } else { rng.gen_range(0..total_months) };
        let (y, m) = add_months(start, offset);
        let joined = day(y, m, rng.gen_range(1..=20));
        let age: i32 = match rng.gen_range(0..100) {
            0..=11 => rng.gen_range(3..15),
            12..=26 => rng.gen_range(15..25),
            27..=74 => rng.gen_range(25..60),
            _ => rng.gen_range(60..86),
        };
        let male = rng.gen_bool(0.48);
        let birth = joined - chrono::Duration::days(i64::from(age) * 365 + rng.gen_range(0..365));
        let title = match (age < 15, male) {
            (true, true) => "เด็กชาย",
            (true, false) => "เด็กหญิง",
            (false, true) => "นาย",
            (false, false) => {
                if rng.gen_bool(0.7) {
                    "นาง"
                } else {
                    "นางสาว"
                }
            }
        };
        let first = pick(rng, if male { names::MALE } else { names::FEMALE });
        let last = pick(rng, names::FAMILY);
        let has_id = age >= 7 || rng.gen_bool(0.5);
        let national_id = if has_id {
            loop {
                let mut digits = [0u32; 12];
                digits[0] = if age < 20 { 1 } else { rng.gen_range(3..=5) };
                for d in digits.iter_mut().skip(1) {
                    *d = rng.gen_range(0..10);
                }
                let id = ThaiId::from_first_twelve(&digits);
                if used_ids.insert(id.as_str().to_string()) {
                    break id.as_str().to_string();
                }
            }
        } else {
            String::new()
        };
        let mut groups = Vec::new();
        if rng.gen_bool(0.03) {
            groups.push("disabled");
        }
        if rng.gen_bool(0.05) {
            groups.push("disadvantaged");
        }
        if age < 18 && rng.gen_bool(0.04) {
            groups.push("orphan");
        }
        let moo = rng.gen_range(1..=12u32);
        let payer = match rng.gen_range(0..100) {
            0..=69 => Payer::Reliable,
            70..=84 => Payer::Irregular,
            85..=93 => Payer::Struggling,
            _ => Payer::Yearly,
        };
        let saves = if spec.kind.keeps_savings() && age >= 10 && rng.gen_bool(0.45) {
            Satang::from_baht([50, 100, 100, 200, 300, 500][rng.gen_range(0..6)])
        } else {
            Satang::ZERO
        };
        let fields = MemberFields {
            title: title.into(),
            first_name: first.into(),
            last_name: last.into(),
            national_id,
            birth_date: birth.to_string(),
            moo: moo.to_string(),
            address: format!(
                "{}/{} หมู่ {} {}",
                rng.gen_range(1..250),
                rng.gen_range(1..9),
                moo,
                names::VILLAGES[(moo - 1) as usize]
            ),
            phone: if age >= 18 && rng.gen_bool(0.8) {
                format!("08{}", rng.gen_range(10_000_000..99_999_999))
            } else {
                String::new()
            },
            joined_on: joined.to_string(),
            groups: groups.join(","),
            beneficiary_name: format!(
                "{} {}",
                pick(rng, if male { names::FEMALE } else { names::MALE }),
                last
            ),
            beneficiary_relation: pick(rng, names::RELATIONS).into(),
            ..Default::default()
        };
        let member = DemoMember {
            member_no: String::new(),
            joined,
            payer,
            saves,
            paid_periods: 0,
            status: MemberStatus::Active,
            old: age >= 65,
            paid_entrance: false,
        };
        people.push((member, fields));
    }
    people.sort_by_key(|(m, _)| m.joined);
    for (i, (m, f)) in people.iter_mut().enumerate() {
        m.member_no = (i + 1).to_string();
        f.member_no = m.member_no.clone();
    }
    people
}

// (an index loop: the body changes `people[i]` after reading it)
#[allow(clippy::needless_range_loop)]
fn run_month(
    store: &mut Store,
    rng: &mut ChaCha8Rng,
    spec: &DemoSpec,
    people: &mut [(DemoMember, MemberFields)],
    (y, m): (i32, u32),
) -> Result<()> {
    // 1. New members this month, in one transaction.
    let join_ctx = at(day(y, m, 21), 9);
    store.write(|tx| {
        for (_, fields) in
            people.iter().filter(|(p, _)| p.joined.year() == y && p.joined.month() == m)
        {
            let input = fields.validate(join_ctx.today())?;
            ops::members::insert_checked(tx, &join_ctx, &input)?;
        }
        Ok(())
    })?;

    let mut deaths: Vec<String> = Vec::new();
    // 1b. Withdrawals, deaths and resignations on the 15th (before the collection day).
    let life_day = day(y, m, 15);
    for i in 0..people.len() {
        let (p, fields) = &people[i];
        if p.status != MemberStatus::Active || p.joined >= life_day || i < activity::COMMITTEE_SIZE
        {
            continue;
        }
        let roll: f64 = rng.gen();
        let dies = roll < if p.old { 0.004 } else { 0.0003 };
        let resigns = !dies && roll < 0.0012;
        let withdraws = !dies && !resigns && p.saves.satang() > 0 && roll < 0.02;
        if !(dies || resigns || withdraws) {
            continue;
        }
        let member_no = p.member_no.clone();
        let ctx = at(life_day, 14);
        let savings = {
            let id = ops::member_by_no(&store.read(), &member_no)?.id;
            store.read().lowest_savings_from(id, &life_day.to_string())?
        };
        let bank = store.read().account_balance(accounts::BANK, &life_day.to_string())?;
        if withdraws {
            let part = Satang::new((savings.satang() / 100 * rng.gen_range(20..=100) / 100) * 100);
            if part.satang() > 0 && bank >= part {
                let m = SavingsMove {
                    member_no: member_no.clone(),
                    amount: Input::of_amount(part),
                    date: Input::of_day(life_day),
                    till: Input::bank(),
                };
                ops::savings::withdraw(store, &ctx, &m)?;
            }
            continue;
        }
        let (status, reason) = if dies {
            (
                MemberStatus::Deceased,
                format!(
                    "ถึงแก่กรรม แจ้งโดย{} ({})",
                    fields.beneficiary_name, fields.beneficiary_relation
                ),
            )
        } else {
            (MemberStatus::Resigned, "ย้ายไปอยู่ต่างจังหวัด ขอลาออก".to_string())
        };
        if savings.satang() > 0 && bank >= savings {
            let m = SavingsMove {
                member_no: member_no.clone(),
                amount: Input::of_amount(savings),
                date: Input::of_day(life_day),
                till: Input::bank(),
            };
            ops::savings::withdraw(store, &ctx, &m)?;
        }
        ops::members::change_status(
            store,
            &ctx,
            &member_no,
            status,
            &Input::of_day(life_day),
            &reason,
        )?;
        people[i].0.status = status;
        if dies {
            deaths.push(member_no);
        }
    }

    // 2. Collection day on the 25th.
    let collect_day = day(y, m, 25);
    let month_index = i64::from(y) * 12 + i64::from(m) - 1;
    let mut lines = Vec::new();
    for (p, _) in people.iter_mut() {
        if p.status != MemberStatus::Active || p.joined > collect_day {
            continue;
        }
        let joined_index = i64::from(p.joined.year()) * 12 + i64::from(p.joined.month()) - 1;
        let owed = month_index - joined_index + 1;
        let behind = (owed - p.paid_periods).max(0);
        let periods = match p.payer {
            Payer::Reliable => behind,
            Payer::Irregular if rng.gen_bool(0.2) => 0,
            Payer::Irregular => behind,
            Payer::Struggling if rng.gen_bool(0.45) => 0,
            Payer::Struggling => behind.min(1),
            Payer::Yearly if m == 1 || !p.paid_entrance => behind + i64::from(12 - m),
            Payer::Yearly => behind,
        };
        let saves = if p.saves.satang() > 0 && rng.gen_bool(0.85) { p.saves } else { Satang::ZERO };
        let fee = if p.paid_entrance { Satang::ZERO } else { ENTRANCE_FEE };
        if periods == 0 && saves.satang() == 0 {
            continue;
        }
        // The entrance fee comes with the first payment.
        p.paid_entrance = true;
        p.paid_periods += periods;
        lines.push(CollectLine {
            member_no: p.member_no.clone(),
            contribution: Satang::new(CONTRIBUTION.satang() * periods),
            savings: saves,
            entrance_fee: fee,
        });
    }
    if !lines.is_empty() {
        ops::contributions::collect(
            store,
            &at(collect_day, 16),
            &Input::of_day(collect_day),
            &Input::cash(),
            &lines,
        )?;
    }

    // 3. Bank the cash above the float.
    let bank_day = day(y, m, 26);
    let ctx = at(bank_day, 10);
    let cash = store.read().account_balance(accounts::CASH, &bank_day.to_string())?;
    if cash.satang() > CASH_FLOAT {
        let amount = Satang::new(cash.satang() - CASH_FLOAT);
        let banked = Transfer {
            from: Input::cash(),
            to: Input::bank(),
            amount: Input::of_amount(amount),
            date: Input::of_day(bank_day),
            description: "นำเงินสดฝากธนาคาร".into(),
        };
        ops::cashbook::transfer(store, &ctx, &banked)?;
    }

    // 4. Costs, income and grants.
    let spend = |store: &mut Store,
                 account: &str,
                 amount: i64,
                 date: NaiveDate,
                 till: &str,
                 memo: &str|
     -> Result<()> {
        let balance = store.read().account_balance(
            if till == "cash" { accounts::CASH } else { accounts::BANK },
            &date.to_string(),
        )?;
        if balance.satang() < amount * 100 {
            return Ok(());
        }
        ops::cashbook::pay(
            store,
            &at(date, 11),
            &CashMove {
                account: account.into(),
                amount: Input::of_amount(Satang::from_baht(amount)),
                date: Input::of_day(date),
                till: Input::till(till)?,
                description: memo.into(),
                member_no: None,
            },
        )
        .map(|_| ())
    };
    let receive = |store: &mut Store,
                   account: &str,
                   amount: i64,
                   date: NaiveDate,
                   till: &str,
                   memo: &str|
     -> Result<()> {
        ops::cashbook::receive(
            store,
            &at(date, 11),
            &CashMove {
                account: account.into(),
                amount: Input::of_amount(Satang::from_baht(amount)),
                date: Input::of_day(date),
                till: Input::till(till)?,
                description: memo.into(),
                member_no: None,
            },
        )
        .map(|_| ())
    };
    let scale = i64::from((spec.members / 300).max(1));
    spend(
        store,
        accounts::ADMINISTRATION,
        rng.gen_range(200..800) * scale,
        day(y, m, 27),
        "cash",
        "ค่าวัสดุสำนักงานและถ่ายเอกสาร",
    )?;
    if m % 3 == 0 {
        spend(
            store,
            accounts::COMMITTEE,
            1_500 * scale,
            day(y, m, 28),
            "bank",
            "ค่าตอบแทนคณะกรรมการประจำไตรมาส",
        )?;
    }
    if m == 4 {
        spend(
            store,
            accounts::PUBLIC_BENEFIT,
            3_000 * scale,
            day(y, m, 12),
            "bank",
            "ร่วมจัดงานประเพณีสงกรานต์ของหมู่บ้าน",
        )?;
    }
    if rng.gen_bool(0.1) {
        receive(
            store,
            accounts::DONATIONS,
            rng.gen_range(5..50) * 100,
            day(y, m, 10),
            "cash",
            "ผู้ใหญ่บ้านและชาวบ้านร่วมบริจาค",
        )?;
    }
    if m == 6 || m == 12 {
        let bank = store.read().account_balance(accounts::BANK, &day(y, m, 1).to_string())?;
        let interest = bank.satang() / 400 / 100; // about 0.5% a year, whole baht
        if interest > 0 {
            receive(
                store,
                accounts::BANK_INTEREST,
                interest,
                day(y, m, 28),
                "bank",
                "ดอกเบี้ยเงินฝากออมทรัพย์",
            )?;
        }
    }

    // 5. Welfare claims, the committee meeting that decides them, loans, the assembly.
    activity::month(store, rng, spec, people, (y, m), &deaths)?;

    // 6. Close the month on the first of the next; the lapse rule runs there.
    let (ny, nm) = add_months((y, m), 1);
    let outcome =
        ops::close::close_month(store, &at(day(ny, nm, 1), 9), &format!("{y:04}-{m:02}"))?;
    for no in outcome.lapsed_members {
        if let Some((p, _)) = people.iter_mut().find(|(p, _)| p.member_no == no) {
            p.status = MemberStatus::Lapsed;
        }
    }
    Ok(())
}
