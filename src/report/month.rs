//! One month's figures: opening and closing cash and bank, and the month's receipts and
//! payments by account. The monthly statement (งบรับ-จ่าย) is drawn from this.

use crate::domain::{AccountClass, Satang};
use crate::error::Result;
use crate::store::Reader;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct MonthLine {
    pub code: String,
    pub name_th: String,
    pub name_en: String,
    pub amount: Satang,
}

#[derive(Clone, Debug, Serialize)]
pub struct MonthSummary {
    pub month: String,
    /// Cash and bank at the start of the month (ยอดยกมา).
    pub opening: Satang,
    /// Money in, by the account it was credited to.
    pub receipts: Vec<MonthLine>,
    /// Money out, by the account it was debited to.
    pub payments: Vec<MonthLine>,
    pub total_receipts: Satang,
    pub total_payments: Satang,
    /// Cash and bank at the end of the month (ยอดยกไป).
    pub closing: Satang,
    pub closing_cash: Satang,
    pub closing_bank: Satang,
    /// Entries of the month that moved no money (a year's allocation, an opening entry,
    /// a reversal of one): kept out of receipts and payments, counted here so the statement
    /// can say so.
    pub entries_without_cash: i64,
    /// Whether the month is closed (so its figures can no longer change).
    pub closed: bool,
}

/// Receipts and payments are what went into and out of cash and bank: the other side of the
/// month's entries that touch a till. Transfers between cash and bank move nothing in or
/// out; entries with no till in them (the year-end allocation, an opening entry) move no
/// money and are counted apart. Savings deposits are receipts and withdrawals payments,
/// gross. The month a fund brought in from paper starts, its opening entry's cash and bank
/// are the opening balance (ยอดยกมา). So receipts − payments is always closing − opening.
pub fn month_summary(reader: &Reader<'_>, year: i32, month: u32) -> Result<MonthSummary> {
    let key = format!("{year:04}-{month:02}");
    let accounts = reader.accounts()?;
    let is_till = |code: &str| crate::store::AccountRow::is_till(&accounts, code);
    let name = |code: &str| {
        accounts
            .iter()
            .find(|a| a.code == code)
            .map(|a| (a.name_th.clone(), a.name_en.clone(), a.class))
            .unwrap_or((String::new(), String::new(), AccountClass::Asset))
    };
    let first = crate::domain::date::first_of_month(year, month);
    let before = first.pred_opt().expect("not the first day ever").to_string();
    let opening_totals = reader.totals_as_of(&before)?;
    let before_month: i64 =
        opening_totals.iter().filter(|t| is_till(&t.account)).map(|t| t.net().satang()).sum();

    let mut receipts = Vec::new();
    let mut payments = Vec::new();
    let (counterparts, entries_without_cash, brought_forward) =
        reader.cash_counterparts_of_month(&key)?;
    // A fund brought in from paper starts with its cash and bank as ยอดยกมา, not receipts.
    let opening = before_month + brought_forward;
    for t in &counterparts {
        let (name_th, name_en, class) = name(&t.account);
        // Income and liabilities are received on the credit side; an expense refunded is a
        // negative payment rather than a receipt, so each account stays on one side.
        let (received, paid) = match class {
            AccountClass::Expense => (0, t.debit.satang() - t.credit.satang()),
            AccountClass::Income => (t.credit.satang() - t.debit.satang(), 0),
            _ => (t.credit.satang(), t.debit.satang()),
        };
        // a member's savings and loans read as what happened to the money
        let named =
            |received: bool| match crate::domain::accounts::cash_line_name(&t.account, received) {
                Some((th, en)) => (th.to_string(), en.to_string()),
                None => (name_th.clone(), name_en.clone()),
            };
        if received != 0 {
            let (name_th, name_en) = named(true);
            receipts.push(MonthLine {
                code: t.account.clone(),
                name_th,
                name_en,
                amount: Satang::new(received),
            });
        }
        if paid != 0 {
            let (name_th, name_en) = named(false);
            payments.push(MonthLine {
                code: t.account.clone(),
                name_th,
                name_en,
                amount: Satang::new(paid),
            });
        }
    }
    let total_receipts: i64 = receipts.iter().map(|l| l.amount.satang()).sum();
    let total_payments: i64 = payments.iter().map(|l| l.amount.satang()).sum();
    let last = crate::domain::date::last_of_month(year, month).to_string();
    let closing_totals = reader.totals_as_of(&last)?;
    let closing_of = |kind: &str| -> i64 {
        closing_totals
            .iter()
            .filter(|t| {
                accounts.iter().any(|a| a.code == t.account && a.cash_kind.as_deref() == Some(kind))
            })
            .map(|t| t.net().satang())
            .sum()
    };
    let closing_cash = closing_of("cash");
    let closing_bank = closing_of("bank");
    debug_assert_eq!(opening + total_receipts - total_payments, closing_cash + closing_bank);
    Ok(MonthSummary {
        opening: Satang::new(opening),
        receipts,
        payments,
        total_receipts: Satang::new(total_receipts),
        total_payments: Satang::new(total_payments),
        closing: Satang::new(closing_cash + closing_bank),
        closing_cash: Satang::new(closing_cash),
        closing_bank: Satang::new(closing_bank),
        entries_without_cash,
        closed: reader.is_month_closed(&key)?,
        month: key,
    })
}
