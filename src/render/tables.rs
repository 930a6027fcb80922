//! Report data as plain tables (a header row and text cells), shared by the CSV and XLSX
//! writers so both files always carry the same columns. Amounts are kept as satang so XLSX
//! can write real numbers.

use crate::report::{MonthSummary, TrialBalance};

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Int(i64),
    /// An amount in satang, shown as baht with two decimals.
    Money(i64),
}

#[derive(Clone, Debug)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

pub fn trial_balance_table(tb: &TrialBalance) -> Table {
    let mut rows: Vec<Vec<Cell>> = tb
        .lines
        .iter()
        .map(|l| vec![t(&l.code), t(&l.name_th), t(&l.name_en), Cell::Money(l.debit.0), Cell::Money(l.credit.0)])
        .collect();
    rows.push(vec![t(""), t("รวม"), t("Total"), Cell::Money(tb.total_debit.0), Cell::Money(tb.total_credit.0)]);
    Table {
        name: "งบทดลอง".into(),
        header: ["รหัสบัญชี", "ชื่อบัญชี", "Account", "เดบิต", "เครดิต"].map(String::from).to_vec(),
        rows,
    }
}

pub fn month_table(m: &MonthSummary) -> Table {
    let mut rows = vec![vec![t("ยอดยกมา"), t(""), t(""), Cell::Money(m.opening.0)]];
    for l in &m.receipts {
        rows.push(vec![t("รายรับ"), t(&l.code), t(&l.name_th), Cell::Money(l.amount.0)]);
    }
    rows.push(vec![t("รวมรับ"), t(""), t(""), Cell::Money(m.total_receipts.0)]);
    for l in &m.payments {
        rows.push(vec![t("รายจ่าย"), t(&l.code), t(&l.name_th), Cell::Money(l.amount.0)]);
    }
    rows.push(vec![t("รวมจ่าย"), t(""), t(""), Cell::Money(m.total_payments.0)]);
    rows.push(vec![t("ยอดยกไป"), t(""), t(""), Cell::Money(m.closing.0)]);
    rows.push(vec![t("เงินสด"), t(""), t(""), Cell::Money(m.closing_cash.0)]);
    rows.push(vec![t("เงินฝากธนาคาร"), t(""), t(""), Cell::Money(m.closing_bank.0)]);
    Table { name: format!("รับจ่าย {}", m.month), header: ["รายการ", "รหัสบัญชี", "ชื่อบัญชี", "จำนวนเงิน"].map(String::from).to_vec(), rows }
}

pub fn arrears_table(rows: &[crate::ops::contributions::ArrearsRow]) -> Table {
    Table {
        name: "ค้างส่งเงินสมทบ".into(),
        header: ["เลขที่", "ชื่อ-สกุล", "หมู่", "ค้าง (งวด)", "จำนวนเงิน", "ส่งถึงงวด"].map(String::from).to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    t(&r.member_no),
                    t(&r.name),
                    t(&r.moo.map(|m| m.to_string()).unwrap_or_default()),
                    Cell::Int(r.arrears_periods),
                    Cell::Money(r.arrears_amount.0),
                    t(r.paid_through.as_deref().unwrap_or("-")),
                ]
            })
            .collect(),
    }
}
