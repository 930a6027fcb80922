//! Month close (DESIGN §2, invariant 4): after it, no entry may be dated in that month or
//! any month before it. The lapse rule is applied as of the month's last day in the same
//! transaction, and the chain head is recorded so the month's statement never changes.

use super::Ctx;
use crate::domain::chain::fingerprint;
use crate::domain::date::{last_of_month, parse_month};
use crate::domain::money::Sign;
use crate::domain::{accounts, Satang};
use crate::error::AuditRefusal;
use crate::error::{Error, Result};
use crate::store::{MonthCheckRow, Store};
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct CloseOutcome {
    pub month: String,
    pub last_entry: i64,
    pub fingerprint: String,
    pub lapsed_members: Vec<String>,
}

/// One bank account's reconciliation at month end: the passbook or statement balance, the
/// deposits not yet in it and the payments not yet cleared by it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BankCheck {
    pub account: String,
    pub statement: Satang,
    pub in_transit: Satang,
    pub uncleared: Satang,
}

/// What was counted and reconciled at a month's end, before it closes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthCheck {
    pub cash_counted: Satang,
    /// The notes and coins counted (face value in satang, pieces), if counted so.
    pub denominations: Vec<(Satang, u32)>,
    pub banks: Vec<BankCheck>,
}

/// A month's count as typed by the treasurer (CLI flags or the app's form), before parsing.
/// An empty `cash_counted` means no count; an empty bank statement means no bank check;
/// empty in-transit and uncleared amounts are zero.
#[derive(Clone, Debug, Default)]
pub struct MonthCheckText<'a> {
    pub cash_counted: &'a str,
    pub bank_statement: &'a str,
    pub in_transit: &'a str,
    pub uncleared: &'a str,
    /// The notes and coins counted, `1000x3, 500x1, 20x7, 0.25x4` (face in baht × pieces);
    /// empty when only the total was typed. When given they must add up to `cash_counted`.
    pub notes_and_coins: &'a str,
}

/// `1000x3, 500x1, 0.25x4` as (face, pieces), each face once and one of `FACES`.
fn parse_pieces(text: &str) -> Result<Vec<(Satang, u32)>> {
    let bad = |th: &str, en: &str| {
        Error::invalid(
            "notes_and_coins",
            text,
            crate::error::Problem::Other { th: th.into(), en: en.into() },
        )
    };
    let mut pieces: Vec<(Satang, u32)> = Vec::new();
    for part in text.split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
        let Some((face, n)) = part.split_once(['x', 'X', '×', '*']) else {
            return Err(bad(
                "ใช้รูปแบบ ชนิด×จำนวน เช่น 1000x3, 20x5",
                "use face x pieces, e.g. 1000x3, 20x5",
            ));
        };
        let face = Satang::parse_field("notes_and_coins", face.trim(), Sign::Positive)?;
        if !crate::domain::money::FACES.contains(&face.satang()) {
            return Err(bad(
                "ไม่มีธนบัตรหรือเหรียญชนิดนี้ (1000, 500, 100, 50, 20, 10, 5, 2, 1, 0.50, 0.25)",
                "no such note or coin (1000, 500, 100, 50, 20, 10, 5, 2, 1, 0.50, 0.25)",
            ));
        }
        let n: u32 = crate::thai::from_thai_digits(n.trim()).parse().map_err(|_| {
            Error::invalid("notes_and_coins", text, crate::error::Problem::NotANumber)
        })?;
        if pieces.iter().any(|(f, _)| *f == face) {
            return Err(Error::invalid("notes_and_coins", text, crate::error::Problem::Duplicate));
        }
        if n > 0 {
            pieces.push((face, n));
        }
    }
    Ok(pieces)
}

impl MonthCheckText<'_> {
    /// Parse the typed figures once, naming the field and the value on a bad one.
    pub fn parse(&self) -> Result<Option<MonthCheck>> {
        let money = |field: &'static str, v: &str| {
            let v = v.trim();
            Satang::parse_field(field, if v.is_empty() { "0" } else { v }, Sign::NonNegative)
        };
        let typed = |v: &str| !v.trim().is_empty() && v.trim() != "0";
        if self.cash_counted.trim().is_empty() {
            let stray =
                [self.bank_statement, self.in_transit, self.uncleared, self.notes_and_coins];
            if stray.iter().any(|v| typed(v)) {
                return Err(Error::invalid(
                    "cash_counted",
                    self.cash_counted,
                    crate::error::Problem::Other {
                        th: "กรอกเงินสดที่นับได้ก่อนกระทบยอดเงินฝากธนาคาร".into(),
                        en: "enter the cash counted before reconciling the bank".into(),
                    },
                ));
            }
            return Ok(None);
        }
        let banks = if self.bank_statement.trim().is_empty() {
            // Deposits in transit or uncleared payments mean nothing without the passbook.
            if typed(self.in_transit) || typed(self.uncleared) {
                return Err(Error::invalid(
                    "bank_statement",
                    self.bank_statement,
                    crate::error::Problem::Empty,
                ));
            }
            vec![]
        } else {
            vec![BankCheck {
                account: accounts::BANK.into(),
                statement: money("bank_statement", self.bank_statement)?,
                in_transit: money("in_transit", self.in_transit)?,
                uncleared: money("uncleared", self.uncleared)?,
            }]
        };
        Ok(Some(MonthCheck {
            cash_counted: money("cash_counted", self.cash_counted)?,
            denominations: parse_pieces(self.notes_and_coins)?,
            banks,
        }))
    }
}

/// Close a month without a cash count (allowed unless the fund's setting
/// `require_cash_count` says otherwise; its statement then says the cash was not counted).
pub fn close_month(store: &mut Store, ctx: &Ctx, month_input: &str) -> Result<CloseOutcome> {
    close_month_checked(store, ctx, month_input, None)
}

/// The auditor signs a month that has ended and is not closed yet, so that the statement
/// sealed by the close prints the sign-off («ตรวจสอบแล้วโดย ...»).
pub fn sign_audit(
    store: &mut Store,
    ctx: &Ctx,
    month_input: &str,
    auditor: &str,
    remarks: &str,
) -> Result<crate::store::AuditRow> {
    let (year, month) =
        parse_month(month_input).map_err(|p| Error::invalid("month", month_input, p))?;
    let key = format!("{year:04}-{month:02}");
    let auditor = crate::domain::text::required("auditor", auditor, 100)?;
    let remarks = crate::domain::text::optional("remarks", remarks, 1000)?.unwrap_or_default();
    if last_of_month(year, month) >= ctx.today() {
        return Err(AuditRefusal::NotEnded { month: key }.into());
    }
    store.write(|tx| {
        tx.read().require_fund()?;
        if tx.read().is_month_closed(&key)? {
            return Err(AuditRefusal::Closed { month: key.clone() }.into());
        }
        if tx.read().audit_of(&key)?.is_some() {
            return Err(AuditRefusal::SignedAlready { month: key.clone() }.into());
        }
        let row = crate::store::AuditRow {
            month: key.clone(),
            auditor: auditor.clone(),
            remarks: remarks.clone(),
            signed_at: ctx.now_text(),
        };
        tx.insert_audit(&row, &ctx.recorded_by)?;
        Ok(row)
    })
}

/// Close a month after its cash is counted and its bank accounts reconciled: a difference
/// refuses the close, naming both figures and the difference, until it is explained by an
/// entry (เงินขาดบัญชี / เงินเกินบัญชี, `ops::cashbook::record_cash_difference`). The count is
/// stored with the close, locked like it.
pub fn close_month_checked(
    store: &mut Store,
    ctx: &Ctx,
    month_input: &str,
    check: Option<&MonthCheck>,
) -> Result<CloseOutcome> {
    let (key, last_day) = month_to_close(ctx, month_input)?;
    store.write(|tx| {
        if let Some(row) = may_close(&tx.read(), ctx, &key, last_day, check)? {
            tx.insert_month_check(&row)?;
        }
        let lapsed = super::contributions::apply_lapse_in(tx, ctx, last_day)?;
        let (last_entry, head) = tx.insert_closed_month(&key, &ctx.now_text(), &ctx.recorded_by)?;
        Ok(CloseOutcome {
            month: key.clone(),
            last_entry,
            fingerprint: fingerprint(&head),
            lapsed_members: lapsed,
        })
    })
}

/// What closing the month would do, for the confirmation, after the same checks the close
/// makes (so a count that does not agree is refused before anyone is asked): the members the
/// lapse rule will take out at its last day, by name. Nothing is written.
#[derive(Clone, Debug, Serialize)]
pub struct ClosePreview {
    pub month: String,
    pub to_lapse: Vec<crate::report::standing::ArrearsRow>,
}

pub fn close_preview(
    store: &Store,
    ctx: &Ctx,
    month_input: &str,
    check: Option<&MonthCheck>,
) -> Result<ClosePreview> {
    let (key, last_day) = month_to_close(ctx, month_input)?;
    let reader = store.read();
    may_close(&reader, ctx, &key, last_day, check)?;
    Ok(ClosePreview { month: key, to_lapse: crate::report::standing::to_lapse(&reader, last_day)? })
}

fn cannot_close(key: &str, th: String, en: String) -> Error {
    Error::CannotClose { month: key.to_string(), reason_th: th, reason_en: en }
}

/// The month's key and last day, if it has ended.
fn month_to_close(ctx: &Ctx, month_input: &str) -> Result<(String, chrono::NaiveDate)> {
    let (year, month) =
        parse_month(month_input).map_err(|p| Error::invalid("month", month_input, p))?;
    let key = format!("{year:04}-{month:02}");
    let last_day = last_of_month(year, month);
    if last_day >= ctx.today() {
        return Err(cannot_close(
            &key,
            "เดือนนี้ยังไม่สิ้นสุด".into(),
            "the month has not ended yet".into(),
        ));
    }
    Ok((key, last_day))
}

/// Whether the month may close: not closed yet, its count agreeing with the books (the row
/// to store with the close), or no count where the fund allows that.
fn may_close(
    reader: &crate::store::Reader<'_>,
    ctx: &Ctx,
    key: &str,
    last_day: chrono::NaiveDate,
    check: Option<&MonthCheck>,
) -> Result<Option<MonthCheckRow>> {
    reader.require_fund()?;
    if let Some(closed) = reader.last_closed_month()? {
        if key <= closed.as_str() {
            return Err(cannot_close(
                key,
                format!("ปิดงวดถึงเดือน{}แล้ว", crate::thai::month_key_long(&closed)),
                format!("months up to {closed} are already closed"),
            ));
        }
    }
    match check {
        Some(check) => Ok(Some(
            checked_month(reader, ctx, key, last_day, check)
                .map_err(|(th, en)| cannot_close(key, th, en))?,
        )),
        None if reader
            .fund_rule_on(crate::domain::fund_rules::FundRuleKey::RequireCashCount, last_day)?
            == 1 =>
        {
            Err(cannot_close(
                key,
                "กองทุนกำหนดให้ตรวจนับเงินสดและกระทบยอดเงินฝากธนาคารก่อนปิดงวด".into(),
                "the fund requires a cash count and bank reconciliation before a close".into(),
            ))
        }
        None => Ok(None),
    }
}

/// The stored check of a month, or why the count or a reconciliation does not agree.
fn checked_month(
    reader: &crate::store::Reader<'_>,
    ctx: &Ctx,
    key: &str,
    last_day: chrono::NaiveDate,
    check: &MonthCheck,
) -> std::result::Result<MonthCheckRow, (String, String)> {
    let db = |e: Error| (e.message_th(), e.message_en());
    let day = last_day.to_string();
    let b = |s: Satang| s.display();
    if !check.denominations.is_empty() {
        let counted: i64 =
            check.denominations.iter().map(|(face, n)| face.satang() * i64::from(*n)).sum();
        if counted != check.cash_counted.satang() {
            return Err((
                format!(
                    "ธนบัตรและเหรียญที่นับรวมได้ {} บาท ไม่เท่ากับยอดที่แจ้ง {} บาท",
                    b(Satang::new(counted)),
                    b(check.cash_counted)
                ),
                format!(
                    "the notes and coins add up to {} baht, not the {} baht given",
                    b(Satang::new(counted)),
                    b(check.cash_counted)
                ),
            ));
        }
    }
    let cash_book = reader.account_balance(accounts::CASH, &day).map_err(db)?;
    if cash_book != check.cash_counted {
        let diff = check.cash_counted - cash_book;
        let (th, en) = if diff.satang() < 0 {
            ("เงินขาดบัญชี", "short")
        } else {
            ("เงินเกินบัญชี", "over")
        };
        return Err((
            format!("เงินสดที่นับได้ {} บาท ไม่ตรงกับบัญชีเงินสด {} บาท ({th} {} บาท) บันทึกรายการ{th}พร้อมเหตุผลก่อนปิดงวด", b(check.cash_counted), b(cash_book), b(diff.abs())),
            format!("cash counted {} baht, the cash account says {} baht ({en} by {} baht): record the difference with its reason before the close", b(check.cash_counted), b(cash_book), b(diff.abs())),
        ));
    }
    let mut banks = Vec::new();
    for account in reader
        .accounts()
        .map_err(db)?
        .into_iter()
        .filter(|a| a.cash_kind.as_deref() == Some("bank"))
    {
        let book = reader.account_balance(&account.code, &day).map_err(db)?;
        let Some(given) = check.banks.iter().find(|x| x.account == account.code) else {
            if book.is_zero() {
                continue;
            }
            return Err((
                format!(
                    "ยังไม่ได้กระทบยอดบัญชี {} {} (ยอดตามบัญชี {} บาท)",
                    account.code,
                    account.name_th,
                    b(book)
                ),
                format!(
                    "account {} is not reconciled (book balance {} baht)",
                    account.code,
                    b(book)
                ),
            ));
        };
        let reconciled = Satang::new(
            given.statement.satang() + given.in_transit.satang() - given.uncleared.satang(),
        );
        if reconciled != book {
            return Err((
                format!(
                    "กระทบยอด {} ไม่ลงตัว: ยอดตามสมุดบัญชีธนาคาร {} + เงินฝากระหว่างทาง {} − เช็คค้างจ่าย {} = {} บาท แต่ยอดตามบัญชี {} บาท (ต่างกัน {} บาท)",
                    account.code, b(given.statement), b(given.in_transit), b(given.uncleared), b(reconciled), b(book), b(reconciled - book)
                ),
                format!(
                    "{} does not reconcile: statement {} + in transit {} - uncleared {} = {} baht, the book says {} baht (a difference of {} baht)",
                    account.code, b(given.statement), b(given.in_transit), b(given.uncleared), b(reconciled), b(book), b(reconciled - book)
                ),
            ));
        }
        banks.push(serde_json::json!({"account": account.code, "book": book.satang(), "statement": given.statement.satang(), "in_transit": given.in_transit.satang(), "uncleared": given.uncleared.satang()}));
    }
    let denominations: serde_json::Map<String, serde_json::Value> = check
        .denominations
        .iter()
        .map(|(face, n)| (face.satang().to_string(), (*n).into()))
        .collect();
    Ok(MonthCheckRow {
        month: key.to_string(),
        cash_book,
        cash_counted: check.cash_counted,
        denominations: serde_json::Value::Object(denominations).to_string(),
        banks: serde_json::Value::Array(banks).to_string(),
        checked_by: ctx.recorded_by.clone(),
        checked_at: ctx.now_text(),
    })
}
