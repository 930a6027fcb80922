//! A filled migration file parsed into typed values, once: the fund's start and balances,
//! each member with their carried history, loans, welfare and matching received. Every bad
//! cell is collected (sheet, row, column key, the value as typed, the reason in Thai and
//! English), never only the first; sums that disagree are named with both figures.

use super::sheets::{DataRow, Filled, FUND, LOANS, MATCHING_HISTORY, MEMBERS, WELFARE_HISTORY};
use crate::domain::contribution::period_of;
use crate::domain::loan::Method;
use crate::domain::member::{MemberFields, MemberInput};
use crate::domain::money::Sign;
use crate::domain::welfare::Category;
use crate::domain::{FundKind, MemberStatus, Satang, Schedule};
use crate::error::{Error, Problem, RowError};
use crate::store::AccountRow;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// A member to bring in, with the history the fund's rules look back on.
#[derive(Clone, Debug)]
pub struct PlannedMember {
    pub row: usize,
    pub input: MemberInput,
    pub status: MemberStatus,
    pub status_since: NaiveDate,
    /// Contribution periods paid before the books start, and the last one's label as typed.
    pub periods_paid: i64,
    pub paid_through: Option<String>,
    pub entrance_fee_paid: bool,
    pub savings: Satang,
}

#[derive(Clone, Debug)]
pub struct PlannedLoan {
    pub member_no: String,
    pub principal: Satang,
    pub rate_bp: u32,
    pub method: Method,
    pub instalments_left: u32,
    pub next_due: NaiveDate,
    pub guarantors: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct PlannedWelfare {
    pub member_no: String,
    pub category: Category,
    pub event_date: NaiveDate,
    pub amount: Satang,
}

#[derive(Clone, Debug)]
pub struct PlannedMatching {
    pub member_no: String,
    pub source: &'static str,
    pub round: String,
    pub date: NaiveDate,
}

/// Everything a migration writes, checked.
#[derive(Clone, Debug)]
pub struct Plan {
    pub books_start: NaiveDate,
    pub founded_on: NaiveDate,
    pub founding_note: String,
    /// Balances of accounts other than members' savings and loans (cash, banks, other
    /// liabilities and funds), in the account's own sign: positive is its normal side.
    pub balances: Vec<(String, Satang)>,
    /// The capital the treasurer expects (her last handwritten statement), with its row.
    pub capital_expected: Option<(Satang, usize)>,
    pub members: Vec<PlannedMember>,
    pub loans: Vec<PlannedLoan>,
    pub welfare: Vec<PlannedWelfare>,
    pub matching: Vec<PlannedMatching>,
}

/// What the fund is, as the parser needs it.
pub struct FundFacts<'a> {
    pub kind: FundKind,
    pub schedule: Schedule,
    pub fiscal_year_start: u32,
    pub entrance_fee: Satang,
    pub accounts: &'a [AccountRow],
    pub today: NaiveDate,
}

/// Collects every bad cell.
#[derive(Default)]
struct Problems {
    rows: Vec<RowError>,
}

impl Problems {
    fn add(&mut self, sheet: &str, row: usize, e: &Error) {
        self.rows.push(RowError::of(sheet, row, e));
    }

    /// A history row dated on or after the books start: recorded in the program, not carried.
    fn refuse_after_start(
        &mut self,
        sheet: &str,
        r: &DataRow,
        field: &'static str,
        date: Option<NaiveDate>,
        books_start: NaiveDate,
    ) {
        if date.is_some_and(|d| d >= books_start) {
            let e = other(
                field,
                r.get(field),
                format!("ต้องก่อนวันเริ่มบัญชี ({}) ที่หลังจากนั้นบันทึกในโปรแกรม", th_date(books_start)),
                format!("must be before the books start ({books_start}); later ones are recorded in the program"),
            );
            self.add(sheet, r.row, &e);
        }
    }
    /// The value, or the problem recorded (and `None`).
    fn take<T>(&mut self, sheet: &str, row: usize, r: crate::Result<T>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.add(sheet, row, &e);
                None
            }
        }
    }
}

fn other(field: &'static str, value: &str, th: impl Into<String>, en: impl Into<String>) -> Error {
    Error::invalid(field, value, Problem::Other { th: th.into(), en: en.into() })
}

fn th_date(d: NaiveDate) -> String {
    crate::thai::date_short(d, crate::thai::Digits::Arabic)
}

/// Yes or no, in Thai or English.
fn yes_no(field: &'static str, input: &str) -> crate::Result<bool> {
    crate::domain::choice::parse_choice(
        field,
        input,
        &[
            ("yes", true),
            ("y", true),
            ("1", true),
            ("true", true),
            ("ใช่", true),
            ("จ่ายแล้ว", true),
            ("no", false),
            ("n", false),
            ("0", false),
            ("false", false),
            ("ไม่ใช่", false),
            ("ไม่", false),
            ("ยังไม่จ่าย", false),
        ],
    )
}

/// The period numbered like `domain::contribution::period_of` that `paid_through` names: a
/// month (`2569-09`, `2026-09`, `09/2569`), a date, or for a yearly schedule a year.
fn paid_through_period(facts: &FundFacts<'_>, input: &str) -> crate::Result<i64> {
    let bad = || {
        other(
            "paid_through",
            input,
            "ไม่ใช่งวดหรือวันที่ (เช่น 2569-09 หรือ 30/09/2569)",
            "is not a period or a date (e.g. 2569-09 or 30/09/2569)",
        )
    };
    if let Ok(date) = crate::domain::date::parse(input) {
        return Ok(period_of(facts.schedule, facts.fiscal_year_start, date));
    }
    if let Ok((year, month)) = crate::domain::date::parse_month(input) {
        // a month paid through: its last day, whichever the schedule
        let last = crate::domain::date::last_of_month(year, month);
        return Ok(period_of(facts.schedule, facts.fiscal_year_start, last));
    }
    if facts.schedule == Schedule::Yearly {
        // a fiscal year, named by the year it ends in (BE or CE): its last day
        let year: i32 = crate::thai::from_thai_digits(input.trim()).parse().map_err(|_| bad())?;
        let ce = if year > 2400 { year - crate::thai::BE_OFFSET } else { year };
        let last_day = if facts.fiscal_year_start == 1 {
            NaiveDate::from_ymd_opt(ce, 12, 31).ok_or_else(bad)?
        } else {
            crate::domain::date::last_of_month(ce, facts.fiscal_year_start - 1)
        };
        return Ok(period_of(facts.schedule, facts.fiscal_year_start, last_day));
    }
    Err(bad())
}

/// Parse a filled file into a plan, or every problem in it.
pub fn parse(filled: &Filled, facts: &FundFacts<'_>) -> Result<Plan, Vec<RowError>> {
    let mut p = Problems::default();
    // A bad or missing books start is one problem among the others: the other sheets are
    // still checked (against today) so that every bad cell is listed at once.
    let (books_start, founded_on, founding_note, balances, capital_expected, totals) = parse_fund(
        filled.of(&FUND),
        facts,
        &mut p,
    )
    .unwrap_or((facts.today, facts.today, String::new(), Vec::new(), None, ((None, 0), (None, 0))));
    let members = parse_members(filled.of(&MEMBERS), facts, &mut p);
    let known: HashMap<&str, &PlannedMember> =
        members.iter().map(|m| (m.input.member_no.as_deref().unwrap_or(""), m)).collect();
    let loans = parse_loans(filled.of(&LOANS), facts, books_start, &known, &mut p);
    let welfare = parse_welfare(filled.of(&WELFARE_HISTORY), books_start, &known, &mut p);
    let matching = parse_matching(filled.of(&MATCHING_HISTORY), books_start, &known, &mut p);
    // Sums the treasurer wrote down must be the sums of the lines.
    let savings: i64 = members.iter().map(|m| m.savings.satang()).sum();
    let lent: i64 = loans.iter().map(|l| l.principal.satang()).sum();
    for (key, row, given, sum, th, en) in [
        (
            "savings_total",
            totals.0 .1,
            totals.0 .0,
            savings,
            "ยอดรวมเงินสัจจะของสมาชิกในแผ่น members",
            "the members' savings in the members sheet",
        ),
        (
            "loans_total",
            totals.1 .1,
            totals.1 .0,
            lent,
            "ยอดรวมเงินต้นคงเหลือในแผ่น loans",
            "the principal outstanding in the loans sheet",
        ),
    ] {
        if let Some(given) = given {
            if given.satang() != sum {
                let e = other(
                    key,
                    &given.display(),
                    format!("ไม่เท่ากับ{th} ({} บาท)", Satang::new(sum).display()),
                    format!("differs from {en} ({} baht)", Satang::new(sum).display()),
                );
                p.add(FUND.name, row, &e);
            }
        }
    }
    if !p.rows.is_empty() {
        p.rows.sort_by(|a, b| (&a.sheet, a.row).cmp(&(&b.sheet, b.row)));
        return Err(p.rows);
    }
    Ok(Plan {
        books_start,
        founded_on,
        founding_note,
        balances,
        capital_expected,
        members,
        loans,
        welfare,
        matching,
    })
}

type Totals = ((Option<Satang>, usize), (Option<Satang>, usize));
type FundPart =
    (NaiveDate, NaiveDate, String, Vec<(String, Satang)>, Option<(Satang, usize)>, Totals);

fn parse_fund(rows: &[DataRow], facts: &FundFacts<'_>, p: &mut Problems) -> Option<FundPart> {
    let sheet = FUND.name;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let (
        mut books_start,
        mut founded_on,
        mut note,
        mut capital,
        mut savings_total,
        mut loans_total,
    ) = (None, None, String::new(), None, (None, 0), (None, 0));
    let mut balances: Vec<(String, Satang)> = Vec::new();
    let mut books_row = 0;
    for r in rows {
        let key = r.get("key").to_string();
        let value = r.get("value");
        if let Some(first) = seen.insert(key.clone(), r.row) {
            p.add(
                sheet,
                r.row,
                &other("key", &key, format!("ซ้ำกับแถวที่ {first}"), format!("repeats row {first}")),
            );
            continue;
        }
        let money = |p: &mut Problems, field: &'static str, sign: Sign| -> Option<Satang> {
            if value.is_empty() {
                return Some(Satang::ZERO);
            }
            p.take(sheet, r.row, Satang::parse_field(field, value, sign))
        };
        match key.as_str() {
            "books_start" => {
                books_row = r.row;
                books_start = p.take(sheet, r.row, crate::domain::date::parse_field("books_start", value));
            }
            "founded_on" => founded_on = p.take(sheet, r.row, crate::domain::date::parse_field("founded_on", value)),
            "founding_note" => note = value.to_string(),
            "cash" | "bank" => {
                let (field, code) = if key == "cash" { ("cash", crate::domain::accounts::CASH) } else { ("bank", crate::domain::accounts::BANK) };
                if let Some(v) = money(p, field, Sign::NonNegative) {
                    balances.push((code.into(), v));
                }
            }
            "capital_expected" if !value.is_empty() => capital = p.take(sheet, r.row, Satang::parse_field("capital_expected", value, Sign::Any)).map(|c| (c, r.row)),
            "capital_expected" => {}
            "savings_total" if !value.is_empty() => savings_total = (p.take(sheet, r.row, Satang::parse_field("savings_total", value, Sign::NonNegative)), r.row),
            "loans_total" if !value.is_empty() => loans_total = (p.take(sheet, r.row, Satang::parse_field("loans_total", value, Sign::NonNegative)), r.row),
            "savings_total" | "loans_total" => {}
            k if k.starts_with("account:") => {
                let code = k.trim_start_matches("account:").trim().to_string();
                match facts.accounts.iter().find(|a| a.code == code) {
                    None => p.add(sheet, r.row, &Error::invalid("account", &code, Problem::Other { th: "ไม่มีในผังบัญชีของกองทุน".into(), en: "is not in the fund's chart of accounts".into() })),
                    Some(a) if matches!(a.class, crate::domain::AccountClass::Income | crate::domain::AccountClass::Expense) => p.add(sheet, r.row, &other("account", &code, "บัญชีรายได้/ค่าใช้จ่ายไม่มียอดยกมา (รวมอยู่ในทุนสะสมแล้ว)", "income and expense accounts carry no balance (they are in the capital)")),
                    Some(a) if [crate::domain::accounts::SAVINGS_OWED, crate::domain::accounts::LOANS, crate::domain::accounts::FUND_CAPITAL].contains(&a.code.as_str()) => p.add(sheet, r.row, &other("account", &code, "ยอดนี้คำนวณจากแผ่น members/loans หรือเป็นทุนสะสม", "this balance comes from the members and loans sheets, or is the capital")),
                    Some(_) => {
                        if let Some(v) = money(p, "amount", Sign::NonNegative) {
                            balances.push((code, v));
                        }
                    }
                }
            }
            other_key => p.add(sheet, r.row, &Error::invalid("key", other_key, Problem::UnknownChoice { allowed: "books_start, founded_on, founding_note, cash, bank, capital_expected, savings_total, loans_total, account:<code>".into() })),
        }
    }
    let Some(start) = books_start else {
        if books_row == 0 {
            p.add(sheet, 0, &Error::invalid("books_start", "", Problem::Empty));
        }
        return None;
    };
    if start > facts.today {
        p.add(
            sheet,
            books_row,
            &Error::invalid("books_start", start.to_string(), Problem::InFuture),
        );
    }
    let founded = founded_on.unwrap_or(start);
    if founded > start {
        p.add(
            sheet,
            books_row,
            &other(
                "books_start",
                &start.to_string(),
                format!("ต้องไม่ก่อนวันก่อตั้งกองทุน ({})", th_date(founded)),
                format!("must not be before the fund was founded ({founded})"),
            ),
        );
    }
    Some((start, founded, note, balances, capital, (savings_total, loans_total)))
}

fn parse_members(rows: &[DataRow], facts: &FundFacts<'_>, p: &mut Problems) -> Vec<PlannedMember> {
    let sheet = MEMBERS.name;
    let mut out: Vec<PlannedMember> = Vec::new();
    let mut seen_no: HashMap<String, usize> = HashMap::new();
    let mut seen_id: HashMap<String, usize> = HashMap::new();
    for r in rows {
        let before = p.rows.len();
        let fields = MemberFields {
            member_no: r.get("member_no").to_string(),
            title: r.get("title").to_string(),
            first_name: r.get("first_name").to_string(),
            last_name: r.get("last_name").to_string(),
            national_id: r.get("national_id").to_string(),
            birth_date: r.get("birth_date").to_string(),
            sex: r.get("sex").to_string(),
            moo: r.get("moo").to_string(),
            address: String::new(),
            phone: String::new(),
            joined_on: r.get("joined_on").to_string(),
            groups: r.get("groups").to_string(),
            beneficiary_name: r.get("beneficiary_name").to_string(),
            beneficiary_relation: r.get("beneficiary_relation").to_string(),
            beneficiary_national_id: r.get("beneficiary_national_id").to_string(),
        };
        let number = crate::thai::from_thai_digits(fields.member_no.trim());
        if number.is_empty() {
            p.add(sheet, r.row, &Error::invalid("member_no", "", Problem::Empty));
        } else if let Some(first) = seen_no.insert(number.clone(), r.row) {
            p.add(
                sheet,
                r.row,
                &other(
                    "member_no",
                    &number,
                    format!("ซ้ำกับแถวที่ {first}"),
                    format!("repeats row {first}"),
                ),
            );
        }
        let input = each_field_checked(&fields, facts.today, sheet, r.row, p);
        let status_text = r.get("status");
        let status = if status_text.is_empty() {
            Some(MemberStatus::Active)
        } else {
            p.take(sheet, r.row, MemberStatus::parse(status_text))
        };
        let since_text = r.get("status_since");
        let status_since = match (status, since_text.is_empty()) {
            (Some(MemberStatus::Active), true) => input.as_ref().map(|i| i.joined_on),
            (Some(_), true) => {
                p.add(sheet, r.row, &Error::invalid("status_since", "", Problem::Empty));
                None
            }
            (_, false) => {
                p.take(sheet, r.row, crate::domain::date::parse_field("status_since", since_text))
            }
            (None, true) => None,
        };
        if let (Some(since), Some(i)) = (status_since, &input) {
            if since < i.joined_on || since > facts.today {
                p.add(
                    sheet,
                    r.row,
                    &other(
                        "status_since",
                        since_text,
                        "ต้องอยู่ระหว่างวันที่สมัครกับวันนี้",
                        "must be between the joining date and today",
                    ),
                );
            }
        }
        let paid_text = r.get("paid_through");
        let periods_paid = match (&input, paid_text.is_empty()) {
            (_, true) => Some(0),
            (Some(i), false) => match paid_through_period(facts, paid_text) {
                Ok(period) => {
                    let first = period_of(facts.schedule, facts.fiscal_year_start, i.joined_on);
                    if period + 1 < first {
                        p.add(
                            sheet,
                            r.row,
                            &other(
                                "paid_through",
                                paid_text,
                                "อยู่ก่อนวันที่สมัคร",
                                "is before the member joined",
                            ),
                        );
                        None
                    } else {
                        Some(period - first + 1)
                    }
                }
                Err(e) => {
                    p.add(sheet, r.row, &e);
                    None
                }
            },
            (None, false) => None,
        };
        let fee_text = r.get("entrance_fee_paid");
        let entrance_fee_paid = if fee_text.is_empty() && facts.entrance_fee.is_zero() {
            Some(false)
        } else if fee_text.is_empty() {
            p.add(
                sheet,
                r.row,
                &other(
                    "entrance_fee_paid",
                    "",
                    "ต้องระบุ ใช่ หรือ ไม่ใช่ (กองทุนเก็บค่าแรกเข้า)",
                    "must say yes or no (the fund charges an entrance fee)",
                ),
            );
            None
        } else {
            p.take(sheet, r.row, yes_no("entrance_fee_paid", fee_text))
        };
        let savings_text = r.get("savings");
        let savings = if savings_text.is_empty() {
            Some(Satang::ZERO)
        } else {
            p.take(sheet, r.row, Satang::parse_field("savings", savings_text, Sign::NonNegative))
        };
        if let Some(s) = savings {
            if s.satang() > 0 && !facts.kind.keeps_savings() {
                p.add(
                    sheet,
                    r.row,
                    &other(
                        "savings",
                        savings_text,
                        "กองทุนสวัสดิการอย่างเดียวไม่มีเงินสัจจะ",
                        "a welfare-only fund keeps no sajja savings",
                    ),
                );
            }
        }
        if let Some(i) = &input {
            if let Some(id) = &i.national_id {
                if let Some(first) = seen_id.insert(id.as_str().to_string(), r.row) {
                    p.add(
                        sheet,
                        r.row,
                        &other(
                            "national_id",
                            id.as_str(),
                            format!("ซ้ำกับแถวที่ {first}"),
                            format!("repeats row {first}"),
                        ),
                    );
                }
            }
        }
        if p.rows.len() > before {
            continue;
        }
        if let (
            Some(input),
            Some(status),
            Some(status_since),
            Some(periods_paid),
            Some(entrance_fee_paid),
            Some(savings),
        ) = (input, status, status_since, periods_paid, entrance_fee_paid, savings)
        {
            let paid_through = (!paid_text.is_empty()).then(|| paid_text.to_string());
            out.push(PlannedMember {
                row: r.row,
                input,
                status,
                status_since,
                periods_paid,
                paid_through,
                entrance_fee_paid,
                savings,
            });
        }
    }
    out
}

/// Validate a member's fields, naming every bad field of the row: the domain check stops at
/// the first, so each bad field found is set to a harmless value in a copy and the copy is
/// checked again, until it passes or a field turns up that cannot be stood in for.
fn each_field_checked(
    fields: &MemberFields,
    today: NaiveDate,
    sheet: &str,
    row: usize,
    p: &mut Problems,
) -> Option<MemberInput> {
    type Slot = fn(&mut MemberFields) -> &mut String;
    let stand_ins: [(&str, Slot, &str); 11] = [
        ("member_no", |f| &mut f.member_no, "1"),
        ("title", |f| &mut f.title, "นาย"),
        ("first_name", |f| &mut f.first_name, "ก"),
        ("last_name", |f| &mut f.last_name, "ก"),
        ("national_id", |f| &mut f.national_id, ""),
        ("birth_date", |f| &mut f.birth_date, ""),
        ("sex", |f| &mut f.sex, ""),
        ("moo", |f| &mut f.moo, ""),
        ("joined_on", |f| &mut f.joined_on, "2000-01-01"),
        ("groups", |f| &mut f.groups, ""),
        ("beneficiary_national_id", |f| &mut f.beneficiary_national_id, ""),
    ];
    let mut copy = fields.clone();
    let mut first_pass = true;
    for _ in 0..=stand_ins.len() {
        let e = match copy.validate(today) {
            Ok(input) if first_pass => return Some(input),
            Ok(_) => return None,
            Err(e) => e,
        };
        first_pass = false;
        p.add(sheet, row, &e);
        let field = match &e {
            Error::Invalid { field, .. } => *field,
            _ => return None,
        };
        let (_, slot, stand_in) = stand_ins.iter().find(|(k, _, _)| *k == field)?;
        *slot(&mut copy) = stand_in.to_string();
    }
    None
}

fn member_ref<'a>(
    sheet: &str,
    r: &DataRow,
    known: &HashMap<&str, &'a PlannedMember>,
    p: &mut Problems,
) -> Option<&'a PlannedMember> {
    let no = crate::thai::from_thai_digits(r.get("member_no"));
    match known.get(no.as_str()) {
        Some(m) => Some(*m),
        None => {
            p.add(
                sheet,
                r.row,
                &other(
                    "member_no",
                    r.get("member_no"),
                    "ไม่มีในแผ่น members",
                    "is not in the members sheet",
                ),
            );
            None
        }
    }
}

fn parse_loans(
    rows: &[DataRow],
    facts: &FundFacts<'_>,
    books_start: NaiveDate,
    known: &HashMap<&str, &PlannedMember>,
    p: &mut Problems,
) -> Vec<PlannedLoan> {
    let sheet = LOANS.name;
    let mut out = Vec::new();
    for r in rows {
        if !facts.kind.keeps_savings() {
            p.add(
                sheet,
                r.row,
                &other(
                    "member_no",
                    r.get("member_no"),
                    "กองทุนสวัสดิการอย่างเดียวไม่มีเงินกู้",
                    "a welfare-only fund makes no loans",
                ),
            );
            continue;
        }
        let member = member_ref(sheet, r, known, p);
        let principal = p.take(
            sheet,
            r.row,
            Satang::parse_field("principal", r.get("principal"), Sign::Positive),
        );
        let rate = p
            .take(
                sheet,
                r.row,
                Satang::parse_field("rate", r.get("rate_percent_month"), Sign::NonNegative),
            )
            .and_then(|rate| {
                let input = r.get("rate_percent_month");
                p.take(sheet, r.row, crate::domain::loan::check_rate("rate", input, rate.satang()))
                    .map(|_| rate.satang() as u32)
            });
        let method = p.take(sheet, r.row, Method::parse("interest", r.get("interest")));
        let left = match r.get("instalments_left").parse::<u32>() {
            Ok(n) if (1..=240).contains(&n) => Some(n),
            _ => {
                p.add(
                    sheet,
                    r.row,
                    &other(
                        "instalments_left",
                        r.get("instalments_left"),
                        "ต้องเป็นจำนวนงวด 1 ถึง 240",
                        "must be a number of instalments from 1 to 240",
                    ),
                );
                None
            }
        };
        let next_due =
            p.take(sheet, r.row, crate::domain::date::parse_field("next_due", r.get("next_due")));
        if let Some(due) = next_due {
            if due < books_start {
                p.add(
                    sheet,
                    r.row,
                    &other(
                        "next_due",
                        r.get("next_due"),
                        format!("ต้องไม่ก่อนวันเริ่มบัญชี ({})", th_date(books_start)),
                        format!("must not be before the books start ({books_start})"),
                    ),
                );
            }
        }
        let mut guarantors = Vec::new();
        for g in r.get("guarantors").split([',', ' ', ';']).map(str::trim).filter(|g| !g.is_empty())
        {
            let g = crate::thai::from_thai_digits(g);
            if !known.contains_key(g.as_str())
                || Some(g.as_str()) == member.and_then(|m| m.input.member_no.as_deref())
            {
                p.add(
                    sheet,
                    r.row,
                    &other(
                        "guarantors",
                        &g,
                        "ต้องเป็นสมาชิกคนอื่นในแผ่น members",
                        "must be another member in the members sheet",
                    ),
                );
            }
            guarantors.push(g);
        }
        if let (
            Some(m),
            Some(principal),
            Some(rate_bp),
            Some(method),
            Some(instalments_left),
            Some(next_due),
        ) = (member, principal, rate, method, left, next_due)
        {
            out.push(PlannedLoan {
                member_no: m.input.member_no.clone().unwrap_or_default(),
                principal,
                rate_bp,
                method,
                instalments_left,
                next_due,
                guarantors,
            });
        }
    }
    out
}

fn parse_welfare(
    rows: &[DataRow],
    books_start: NaiveDate,
    known: &HashMap<&str, &PlannedMember>,
    p: &mut Problems,
) -> Vec<PlannedWelfare> {
    let sheet = WELFARE_HISTORY.name;
    let mut out = Vec::new();
    for r in rows {
        let member = member_ref(sheet, r, known, p);
        let category = p.take(sheet, r.row, Category::parse(r.get("category")));
        let event = p.take(
            sheet,
            r.row,
            crate::domain::date::parse_field("event_date", r.get("event_date")),
        );
        p.refuse_after_start(sheet, r, "event_date", event, books_start);
        let amount =
            p.take(sheet, r.row, Satang::parse_field("amount", r.get("amount"), Sign::Positive));
        if let (Some(m), Some(category), Some(event_date), Some(amount)) =
            (member, category, event, amount)
        {
            out.push(PlannedWelfare {
                member_no: m.input.member_no.clone().unwrap_or_default(),
                category,
                event_date,
                amount,
            });
        }
    }
    out
}

fn parse_matching(
    rows: &[DataRow],
    books_start: NaiveDate,
    known: &HashMap<&str, &PlannedMember>,
    p: &mut Problems,
) -> Vec<PlannedMatching> {
    let sheet = MATCHING_HISTORY.name;
    let mut out = Vec::new();
    let mut seen: HashMap<(String, &'static str, String), usize> = HashMap::new();
    for r in rows {
        let member = member_ref(sheet, r, known, p);
        let source = p.take(
            sheet,
            r.row,
            crate::ops::matching::MatchingSource::parse(r.get("source"))
                .map(|s| s.key_and_account().0),
        );
        let round =
            p.take(sheet, r.row, crate::domain::text::required("round", r.get("round"), 50));
        let date = p.take(sheet, r.row, crate::domain::date::parse_field("date", r.get("date")));
        p.refuse_after_start(sheet, r, "date", date, books_start);
        if let (Some(m), Some(source), Some(round), Some(date)) = (member, source, round, date) {
            let no = m.input.member_no.clone().unwrap_or_default();
            if let Some(first) = seen.insert((no.clone(), source, round.clone()), r.row) {
                p.add(
                    sheet,
                    r.row,
                    &other(
                        "round",
                        &round,
                        format!("ซ้ำกับแถวที่ {first}"),
                        format!("repeats row {first}"),
                    ),
                );
                continue;
            }
            out.push(PlannedMatching { member_no: no, source, round, date });
        }
    }
    out
}
