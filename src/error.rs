//! The one error type of the crate. Every error has a stable `code`, the field and value it
//! is about where there is one, and a message in Thai and in English, so the CLI and the
//! desktop UI can show the same words.

use serde_json::{json, Value};

mod chain;
mod refusal;
pub use chain::ChainProblem;
pub use refusal::{
    AllocationRefusal, AuditRefusal, BundleRefusal, CollectionRefusal, ExportRefusal,
    MeetingRefusal, MigrateRefusal, ProvinceRefusal, Refusal, WelfareRefusal,
};

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What is wrong with one input value. Kept separate from the field so the same problem
/// reads right for any field ("amount", "savings", ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    Empty,
    NotANumber,
    TooManyDecimals,
    NegativeNotAllowed,
    ZeroNotAllowed,
    Overflow,
    BadGrouping,
    WrongLength { expected: usize },
    BadCheckDigit,
    BadDate,
    DateOutOfRange,
    InFuture,
    NotMultipleOf { unit: String },
    UnknownChoice { allowed: String },
    TooLong { max: usize },
    Duplicate,
    Other { th: String, en: String },
}

impl Problem {
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Empty => "empty",
            Problem::NotANumber => "not_a_number",
            Problem::TooManyDecimals => "too_many_decimals",
            Problem::NegativeNotAllowed => "negative",
            Problem::ZeroNotAllowed => "zero",
            Problem::Overflow => "overflow",
            Problem::BadGrouping => "bad_grouping",
            Problem::WrongLength { .. } => "wrong_length",
            Problem::BadCheckDigit => "bad_check_digit",
            Problem::BadDate => "bad_date",
            Problem::DateOutOfRange => "date_out_of_range",
            Problem::InFuture => "in_future",
            Problem::NotMultipleOf { .. } => "not_multiple",
            Problem::UnknownChoice { .. } => "unknown_choice",
            Problem::TooLong { .. } => "too_long",
            Problem::Duplicate => "duplicate",
            Problem::Other { .. } => "other",
        }
    }

    pub fn en(&self) -> String {
        match self {
            Problem::Empty => "must not be empty".into(),
            Problem::NotANumber => "is not a number".into(),
            Problem::TooManyDecimals => "has more than 2 decimals (satang)".into(),
            Problem::NegativeNotAllowed => "must not be negative".into(),
            Problem::ZeroNotAllowed => "must be more than zero".into(),
            Problem::Overflow => "is too large".into(),
            Problem::BadGrouping => "has misplaced thousands separators".into(),
            Problem::WrongLength { expected } => format!("must have {expected} digits"),
            Problem::BadCheckDigit => "has a wrong check digit".into(),
            Problem::BadDate => "is not a date (use 2026-10-31 or 31/10/2569)".into(),
            Problem::DateOutOfRange => "is outside the years this fund can hold".into(),
            Problem::InFuture => "is in the future".into(),
            Problem::NotMultipleOf { unit } => format!("must be a whole multiple of {unit}"),
            Problem::UnknownChoice { allowed } => format!("is not one of: {allowed}"),
            Problem::TooLong { max } => format!("is longer than {max} characters"),
            Problem::Duplicate => "is already used".into(),
            Problem::Other { en, .. } => en.clone(),
        }
    }

    pub fn th(&self) -> String {
        match self {
            Problem::Empty => "ต้องไม่เว้นว่าง".into(),
            Problem::NotANumber => "ไม่ใช่ตัวเลข".into(),
            Problem::TooManyDecimals => "มีทศนิยมเกิน 2 ตำแหน่ง (สตางค์)".into(),
            Problem::NegativeNotAllowed => "ต้องไม่ติดลบ".into(),
            Problem::ZeroNotAllowed => "ต้องมากกว่าศูนย์".into(),
            Problem::Overflow => "มีค่ามากเกินไป".into(),
            Problem::BadGrouping => "ใส่เครื่องหมายจุลภาคคั่นหลักไม่ถูกต้อง".into(),
            Problem::WrongLength { expected } => format!("ต้องมี {expected} หลัก"),
            Problem::BadCheckDigit => "เลขตรวจสอบ (หลักสุดท้าย) ไม่ถูกต้อง".into(),
            Problem::BadDate => "ไม่ใช่วันที่ (ใช้ 31/10/2569 หรือ 2026-10-31)".into(),
            Problem::DateOutOfRange => "อยู่นอกช่วงปีที่รับได้".into(),
            Problem::InFuture => "เป็นวันในอนาคต".into(),
            Problem::NotMultipleOf { unit } => format!("ต้องเป็นจำนวนเท่าของ {unit}"),
            Problem::UnknownChoice { allowed } => format!("ต้องเป็นหนึ่งใน: {allowed}"),
            Problem::TooLong { max } => format!("ยาวเกิน {max} ตัวอักษร"),
            Problem::Duplicate => "มีอยู่แล้ว".into(),
            Problem::Other { th, .. } => th.clone(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One input value is wrong. `field` is a stable key (see `field_th` for its Thai label).
    #[error("{field} '{value}' {}", problem.en())]
    Invalid { field: &'static str, value: String, problem: Problem },

    #[error("{what} '{key}' not found")]
    NotFound { what: &'static str, key: String },

    #[error("entry postings do not balance: they sum to {sum} satang, not zero")]
    Unbalanced { sum: i128 },

    #[error("date {date} is in month {month}, which is closed")]
    MonthClosed { date: String, month: String },

    #[error("cannot close {month}: {reason_en}")]
    CannotClose { month: String, reason_en: String, reason_th: String },

    #[error(
        "member {member_no} has sajja savings of {balance} baht; cannot take out {amount} baht"
    )]
    InsufficientSavings { member_no: String, balance: String, amount: String },

    #[error("member {member_no} is {status}, not active")]
    MemberNotActive { member_no: String, status: String },

    #[error("this fund ({kind}) does not keep {what}")]
    NotOffered { kind: String, what: String },

    #[error("entry {entry} cannot be reversed: {reason_en}")]
    CannotReverse { entry: String, reason_en: String, reason_th: String },

    #[error("the database already holds a fund ({name})")]
    FundExists { name: String },

    #[error("the database holds no fund yet: run `kongthun init` or `kongthun demo`")]
    NoFund,

    #[error("{path} is not a Kongthun database: {reason}")]
    NotKongthun { path: String, reason: String },

    /// What `verify` found wrong, at an entry (`entry_id` 0 and no document number when the
    /// problem is in what is kept beside the journal rather than in one entry).
    #[error("the hash chain is broken at entry {entry_id} ({doc_no}): {reason}")]
    ChainBroken { entry_id: i64, doc_no: String, reason: ChainProblem },

    #[error("{count} of {total} rows have errors; nothing was imported")]
    ImportRejected { count: usize, total: usize, rows: Vec<RowError> },

    #[error("file {path}: {message}")]
    File { path: String, message: String },

    /// An entry would take a till, a member's sajja savings or a member's loan below zero on
    /// its date or a later day (`store::floors`).
    #[error("{}", below_zero_en(date, shortfall))]
    BelowZero { date: chrono::NaiveDate, shortfall: Box<crate::domain::floors::Shortfall> },

    /// A rule of the fund, of the bundle format or of the province refuses the operation
    /// (quorum not met, claim not eligible, a bundle out of sequence, ...).
    #[error("{}", .0.en())]
    Refused(Refusal),

    /// An error in one line of a many-line operation (a collection day).
    #[error("line {line} (member {member_no}): {inner}")]
    InLine { line: usize, member_no: String, inner: Box<Error> },

    #[error("database error: {0}")]
    Db(#[from] rusqlite::Error),

    /// The PostgreSQL server of a province or the national office refused or failed.
    #[error("database server error: {0}")]
    Server(String),
}

/// One bad row (or cell) of an import: 1-based row number as a spreadsheet shows it, and in
/// a many-sheet file the sheet's name.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct RowError {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sheet: String,
    pub row: usize,
    pub field: String,
    pub value: String,
    pub code: String,
    pub message_en: String,
    pub message_th: String,
}

impl RowError {
    /// The row (of `sheet`, empty for a one-sheet file) that `e` is about, with the field and
    /// value it names and its messages.
    pub fn of(sheet: &str, row: usize, e: &Error) -> RowError {
        let (field, value) = match e {
            Error::Invalid { field, value, .. } => (field.to_string(), value.clone()),
            _ => (String::new(), String::new()),
        };
        RowError {
            sheet: sheet.to_string(),
            row,
            field,
            value,
            code: e.code(),
            message_en: e.message_en(),
            message_th: e.message_th(),
        }
    }
}

impl Error {
    pub fn invalid(field: &'static str, value: impl Into<String>, problem: Problem) -> Self {
        Error::Invalid { field, value: value.into(), problem }
    }

    pub fn file(path: &std::path::Path, message: impl std::fmt::Display) -> Self {
        Error::File { path: path.display().to_string(), message: message.to_string() }
    }

    /// Stable machine code, e.g. `invalid.bad_check_digit`, `month_closed`.
    pub fn code(&self) -> String {
        match self {
            Error::Invalid { problem, .. } => format!("invalid.{}", problem.code()),
            Error::NotFound { .. } => "not_found".into(),
            Error::Unbalanced { .. } => "unbalanced".into(),
            Error::MonthClosed { .. } => "month_closed".into(),
            Error::CannotClose { .. } => "cannot_close".into(),
            Error::InsufficientSavings { .. } => "insufficient_savings".into(),
            Error::MemberNotActive { .. } => "member_not_active".into(),
            Error::NotOffered { .. } => "not_offered".into(),
            Error::CannotReverse { .. } => "cannot_reverse".into(),
            Error::FundExists { .. } => "fund_exists".into(),
            Error::NoFund => "no_fund".into(),
            Error::NotKongthun { .. } => "not_kongthun".into(),
            Error::ChainBroken { .. } => "chain_broken".into(),
            Error::ImportRejected { .. } => "import_rejected".into(),
            Error::File { .. } => "file".into(),
            Error::InLine { inner, .. } => inner.code(),
            Error::BelowZero { .. } => "below_zero".into(),
            Error::Refused(r) => r.code().to_string(),
            Error::Db(_) | Error::Server(_) => "database".into(),
        }
    }

    /// The parameters of the message, for a UI that formats its own text.
    pub fn params(&self) -> Value {
        match self {
            Error::Invalid { field, value, problem } => {
                json!({"field": field, "value": value, "problem": problem.code()})
            }
            Error::NotFound { what, key } => json!({"what": what, "key": key}),
            Error::Unbalanced { sum } => json!({"sum": sum.to_string()}),
            Error::MonthClosed { date, month } => json!({"date": date, "month": month}),
            Error::CannotClose { month, .. } => json!({"month": month}),
            Error::InsufficientSavings { member_no, balance, amount } => {
                json!({"member_no": member_no, "balance": balance, "amount": amount})
            }
            Error::MemberNotActive { member_no, status } => {
                json!({"member_no": member_no, "status": status})
            }
            Error::NotOffered { kind, what } => json!({"kind": kind, "what": what}),
            Error::CannotReverse { entry, .. } => json!({"entry": entry}),
            Error::FundExists { name } => json!({"name": name}),
            Error::NotKongthun { path, reason } => json!({"path": path, "reason": reason}),
            Error::ChainBroken { entry_id, doc_no, reason } => {
                json!({"entry_id": entry_id, "doc_no": doc_no, "reason": reason.en(), "reason_th": reason.th()})
            }
            Error::ImportRejected { count, total, rows } => {
                json!({"count": count, "total": total, "rows": rows})
            }
            Error::File { path, message } => json!({"path": path, "message": message}),
            Error::InLine { line, member_no, inner } => {
                json!({"line": line, "member_no": member_no, "inner": inner.params()})
            }
            Error::Refused(r) => json!({"th": r.th(), "en": r.en()}),
            Error::BelowZero { date, shortfall } => json!({
                "date": date.to_string(),
                "account": shortfall.floor.account,
                "member_no": shortfall.member_no,
                "lowest": shortfall.lowest.display(),
                "amount": shortfall.taken.display(),
            }),
            Error::NoFund | Error::Db(_) | Error::Server(_) => json!({}),
        }
    }

    pub fn message_en(&self) -> String {
        match self {
            Error::Invalid { field, value, problem } => {
                format!("{} '{value}' {}", field_en(field), problem.en())
            }
            Error::InLine { line, member_no, inner } => {
                format!("line {line} (member {member_no}): {}", inner.message_en())
            }
            Error::ChainBroken { entry_id: 0, reason, .. } => {
                format!("the books do not verify: {reason}")
            }
            Error::ChainBroken { entry_id, doc_no, reason } if doc_no.is_empty() => {
                format!("the hash chain is broken at entry {entry_id}: {reason}")
            }
            other => other.to_string(),
        }
    }

    pub fn message_th(&self) -> String {
        match self {
            Error::Invalid { field, value, problem } => {
                format!("{} '{value}' {}", field_th(field), problem.th())
            }
            Error::NotFound { what, key } => format!("ไม่พบ{} '{key}'", field_th(what)),
            Error::Unbalanced { sum } => format!("รายการบัญชีไม่สมดุล: ผลรวม {sum} สตางค์ ไม่เท่ากับศูนย์"),
            Error::MonthClosed { date, month } => {
                format!("วันที่ {} อยู่ในเดือน{} ซึ่งปิดงวดแล้ว", th_date(date), th_month(month))
            }
            Error::CannotClose { month, reason_th, .. } => {
                format!("ปิดงวดเดือน{} ไม่ได้: {reason_th}", th_month(month))
            }
            Error::InsufficientSavings { member_no, balance, amount } => {
                format!("สมาชิกเลขที่ {member_no} มีเงินสัจจะ {balance} บาท ถอน {amount} บาท ไม่ได้")
            }
            Error::MemberNotActive { member_no, status } => {
                format!("สมาชิกเลขที่ {member_no} มีสถานะ{}ไม่ใช่สมาชิกปกติ", status_th(status))
            }
            Error::NotOffered { what, .. } => format!("กองทุนประเภทนี้ไม่มี{what}"),
            Error::CannotReverse { entry, reason_th, .. } => {
                format!("กลับรายการ {entry} ไม่ได้: {reason_th}")
            }
            Error::FundExists { name } => format!("ฐานข้อมูลนี้มีกองทุนอยู่แล้ว ({name})"),
            Error::NoFund => "ฐานข้อมูลยังไม่มีกองทุน: ใช้คำสั่ง kongthun init หรือ kongthun demo".into(),
            Error::NotKongthun { path, reason } => {
                format!("{path} ไม่ใช่ฐานข้อมูลกองทุน: {reason}")
            }
            Error::ChainBroken { entry_id: 0, reason, .. } => {
                format!("สายลายนิ้วมือบัญชีขาด: {}", reason.th())
            }
            Error::ChainBroken { entry_id, doc_no, reason } if doc_no.is_empty() => {
                format!("สายลายนิ้วมือบัญชีขาดที่รายการ {entry_id}: {}", reason.th())
            }
            Error::ChainBroken { entry_id, doc_no, reason } => {
                format!("สายลายนิ้วมือบัญชีขาดที่รายการ {entry_id} ({doc_no}): {}", reason.th())
            }
            Error::ImportRejected { count, total, .. } => {
                format!("มีข้อผิดพลาด {count} แถวจาก {total} แถว จึงยังไม่ได้นำเข้าข้อมูลใด")
            }
            Error::File { path, message } => format!("แฟ้ม {path}: {message}"),
            Error::Refused(r) => r.th(),
            Error::BelowZero { date, shortfall } => below_zero_th(*date, shortfall),
            Error::InLine { line, member_no, inner } => {
                format!("บรรทัดที่ {line} (สมาชิกเลขที่ {member_no}): {}", inner.message_th())
            }
            Error::Db(e) => format!("ฐานข้อมูลผิดพลาด: {e}"),
            Error::Server(e) => format!("เครื่องแม่ข่ายฐานข้อมูลแจ้งข้อผิดพลาด: {e}"),
        }
    }
}

/// Whose balance a shortfall is about, in English.
fn shortfall_subject_en(s: &crate::domain::floors::Shortfall) -> String {
    match (&s.member_no, s.floor.account.as_str()) {
        (Some(no), crate::domain::accounts::SAVINGS_OWED) => format!("member {no}'s sajja savings"),
        (Some(no), _) => format!("member {no}'s loan outstanding"),
        (None, code) => format!("account {code} {}", s.account_name_en),
    }
}

fn below_zero_en(date: &chrono::NaiveDate, s: &crate::domain::floors::Shortfall) -> String {
    format!(
        "this would take {} below zero: its lowest balance from {date} on is {} baht, and this takes out {} baht",
        shortfall_subject_en(s),
        s.lowest.display(),
        s.taken.display()
    )
}

fn below_zero_th(date: chrono::NaiveDate, s: &crate::domain::floors::Shortfall) -> String {
    let subject = match (&s.member_no, s.floor.account.as_str()) {
        (Some(no), crate::domain::accounts::SAVINGS_OWED) => format!("เงินสัจจะของสมาชิกเลขที่ {no}"),
        (Some(no), _) => format!("เงินกู้คงเหลือของสมาชิกเลขที่ {no}"),
        (None, code) => format!("เงินในบัญชี {code} {}", s.account_name_th),
    };
    format!(
        "รายการนี้ทำให้{subject}ติดลบ: ยอดต่ำสุดตั้งแต่วันที่ {} เป็นต้นไปคือ {} บาท แต่รายการนี้นำออก {} บาท",
        crate::thai::date_short(date, crate::thai::Digits::Arabic),
        s.lowest.display(),
        s.taken.display()
    )
}

/// An ISO date as Thai print shows it (`5 ต.ค. 2569`), or as it came if it is not one.
fn th_date(iso: &str) -> String {
    crate::domain::date::parse(iso)
        .map(|d| crate::thai::date_short(d, crate::thai::Digits::Arabic))
        .unwrap_or_else(|_| iso.to_string())
}

/// A `YYYY-MM` month as Thai print shows it (`ตุลาคม 2569`).
fn th_month(key: &str) -> String {
    crate::domain::date::parse_month(key)
        .map(|(y, m)| crate::thai::month_long(y, m, crate::thai::Digits::Arabic))
        .unwrap_or_else(|_| key.to_string())
}

/// Thai label of a field key used in `Error::Invalid` and `Error::NotFound`.
pub fn field_th(field: &str) -> &str {
    match field {
        "amount" => "จำนวนเงิน",
        "contribution" => "เงินสมทบ",
        "savings" => "เงินสัจจะ",
        "entrance_fee" => "ค่าธรรมเนียมแรกเข้า",
        "national_id" => "เลขประจำตัวประชาชน",
        "beneficiary_national_id" => "เลขประจำตัวประชาชนผู้รับผลประโยชน์",
        "date" | "entry_date" => "วันที่",
        "birth_date" => "วันเกิด",
        "joined_on" => "วันที่สมัคร",
        "effective_on" => "วันที่มีผล",
        "as_of" => "ณ วันที่",
        "month" => "เดือน",
        "member" | "member_no" => "สมาชิก",
        "title" => "คำนำหน้า",
        "first_name" => "ชื่อ",
        "last_name" => "นามสกุล",
        "sex" => "เพศ",
        "moo" => "หมู่ที่",
        "phone" => "โทรศัพท์",
        "status" => "สถานะ",
        "group" | "groups" => "กลุ่ม",
        "kind" => "ประเภท",
        "account" => "บัญชี",
        "founded_on" => "วันก่อตั้งกองทุน",
        "auditor" => "ผู้ตรวจสอบ",
        "remarks" => "หมายเหตุ",
        "cash_counted" => "เงินสดที่นับได้",
        "bank_statement" => "ยอดตามสมุดบัญชีธนาคาร",
        "in_transit" => "เงินฝากระหว่างทาง",
        "uncleared" => "เช็คค้างจ่าย",
        "books_start" => "วันเริ่มบัญชีในโปรแกรม",
        "founding_note" => "มติหรือหมายเหตุการก่อตั้ง",
        "till" => "รับเข้า/จ่ายจาก (เงินสดหรือธนาคาร)",
        "direction" => "รายการ",
        "entry" => "รายการบัญชี",
        "reason" => "เหตุผล",
        "name_th" => "ชื่อกองทุน",
        "fund_code" => "รหัสกองทุน",
        "schedule" => "รอบการส่งเงินสมทบ",
        "fiscal_year_start" => "เดือนเริ่มปีบัญชี",
        "lapse_after" => "จำนวนงวดที่ขาดส่งจนพ้นสภาพ",
        "from" => "จาก",
        "to" => "ไปยัง",
        "recorded_by" => "ผู้บันทึก",
        "category" => "ประเภทสวัสดิการ",
        "event_date" => "วันที่เกิดเหตุ",
        "days" => "จำนวนคืน/วัน",
        "claim" => "คำขอรับสวัสดิการ",
        "resolution" => "มติ",
        "meeting" => "การประชุม",
        "held_on" => "วันประชุม",
        "votes" => "คะแนนเสียง",
        "role" => "ตำแหน่ง",
        "parts" => "ส่วนที่จัดสรร",
        "loan" => "เงินกู้",
        "rate" => "อัตราดอกเบี้ย",
        "term" => "จำนวนงวด",
        "guarantors" => "ผู้ค้ำประกัน",
        "source" => "แหล่งเงินสมทบ",
        "year" => "ปี",
        "file" => "แฟ้ม",
        "setting" => "ค่าที่กำหนดของโครงการ",
        "forward" => "ชุดส่งต่อ",
        "value" => "ค่า",
        "province" => "จังหวัด",
        "local_government" => "องค์กรปกครองส่วนท้องถิ่น",
        "decision" => "มติหรือคำสั่งที่กำหนด",
        "term_from" => "วันเริ่มวาระ",
        "term_to" => "วันสิ้นสุดวาระ",
        "fund_rule" => "ข้อบังคับของกองทุน",
        "person_name" => "ชื่อและนามสกุลของผู้ขอที่ไม่ใช่สมาชิก",
        "person_national_id" => "เลขประจำตัวประชาชนของผู้ขอที่ไม่ใช่สมาชิก",
        "person_moo" => "หมู่ที่ของผู้ขอที่ไม่ใช่สมาชิก",
        "person_birth_date" => "วันเกิดของผู้ขอที่ไม่ใช่สมาชิก",
        "person_payee_name" => "ชื่อผู้รับเงินแทน",
        "person_payee_relation" => "ความเกี่ยวข้องของผู้รับเงินแทน",
        "non_member_amount" => "จำนวนเงินสำหรับคนในชุมชนที่ไม่ใช่สมาชิก",
        _ => field,
    }
}

/// English label of a field key.
pub fn field_en(field: &str) -> &str {
    match field {
        "national_id" => "National ID",
        "beneficiary_national_id" => "Beneficiary's national ID",
        "amount" => "Amount",
        "contribution" => "Contribution",
        "savings" => "Sajja savings",
        "date" | "entry_date" => "Date",
        "birth_date" => "Birth date",
        "joined_on" => "Joining date",
        "first_name" => "First name",
        "last_name" => "Last name",
        "member" | "member_no" => "Member",
        "parts" => "Allocation parts",
        "person_name" => "Non-member's name",
        "person_national_id" => "Non-member's national ID",
        "person_moo" => "Non-member's moo",
        "person_birth_date" => "Non-member's birth date",
        "person_payee_name" => "Who receives it",
        "person_payee_relation" => "Their relation",
        "non_member_amount" => "Amount for non-members",
        "held_on" => "Meeting day",
        _ => field,
    }
}

/// Thai name of a member status key.
pub fn status_th(status: &str) -> &str {
    match status {
        "active" => "ปกติ",
        "lapsed" => "ขาดส่ง (พ้นสภาพ)",
        "resigned" => "ลาออก",
        "deceased" => "เสียชีวิต",
        "expelled" => "ถูกให้ออก",
        other => other,
    }
}
