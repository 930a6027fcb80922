//! Report data as plain tables (a header row and text cells), shared by the CSV and XLSX
//! writers so both files always carry the same columns. Amounts are kept as satang so XLSX
//! can write real numbers.

use crate::report::{MonthSummary, TrialBalance};

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    /// A code kept as text on purpose (an account code, a member number): written as text
    /// in a text-formatted cell, so Excel neither drops leading zeros nor warns.
    Code(String),
    Int(i64),
    /// An amount in satang, shown as baht with two decimals.
    Money(i64),
    /// A total: the sum of this column's amounts over the table's rows `from..to` (indices
    /// into `Table::rows`), and its value. XLSX writes it as a `SUM` formula over those
    /// cells (with the value as its cached result), CSV and PDF as the value.
    Sum {
        from: usize,
        to: usize,
        value: i64,
    },
}

impl Cell {
    /// The amount a money cell or a total holds, in satang.
    pub fn satang(&self) -> Option<i64> {
        match self {
            Cell::Money(v) | Cell::Sum { value: v, .. } => Some(*v),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub struct Table {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// What every sheet and CSV starts with: whose report it is, which report, for when; and
/// the program's clock for the workbook's own dates.
#[derive(Clone, Debug)]
pub struct Heading {
    pub fund: String,
    pub report: String,
    /// The period (`ปี 2568 (1 ม.ค. 2568 – 31 ธ.ค. 2568)`) or as-of date (`ณ วันที่ ...`).
    pub period: String,
    /// When it was printed, in the fund's local time.
    pub printed: chrono::NaiveDateTime,
}

/// The total of column `col` over `rows[from..to]`, as a `Cell::Sum`.
pub fn sum_of(rows: &[Vec<Cell>], from: usize, to: usize, col: usize) -> Cell {
    let value = rows[from..to].iter().filter_map(|r| r.get(col).and_then(Cell::satang)).sum();
    Cell::Sum { from, to, value }
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

pub fn trial_balance_table(tb: &TrialBalance) -> Table {
    let mut rows: Vec<Vec<Cell>> = tb
        .lines
        .iter()
        .map(|l| {
            vec![
                Cell::Code(l.code.clone()),
                t(&l.name_th),
                t(&l.name_en),
                Cell::Money(l.debit.satang()),
                Cell::Money(l.credit.satang()),
            ]
        })
        .collect();
    let n = rows.len();
    let total = vec![t(""), t("รวม"), t("Total"), sum_of(&rows, 0, n, 3), sum_of(&rows, 0, n, 4)];
    rows.push(total);
    Table {
        name: "งบทดลอง".into(),
        header: ["รหัสบัญชี", "ชื่อบัญชี", "Account", "เดบิต", "เครดิต"].map(String::from).to_vec(),
        rows,
    }
}

pub fn month_table(m: &MonthSummary) -> Table {
    let mut rows = vec![vec![t("ยอดยกมา"), t(""), t(""), Cell::Money(m.opening.satang())]];
    for l in &m.receipts {
        rows.push(vec![
            t("รายรับ"),
            Cell::Code(l.code.clone()),
            t(&l.name_th),
            Cell::Money(l.amount.satang()),
        ]);
    }
    let total = sum_of(&rows, 1, rows.len(), 3);
    rows.push(vec![t("รวมรับ"), t(""), t(""), total]);
    let first_payment = rows.len();
    for l in &m.payments {
        rows.push(vec![
            t("รายจ่าย"),
            Cell::Code(l.code.clone()),
            t(&l.name_th),
            Cell::Money(l.amount.satang()),
        ]);
    }
    let total = sum_of(&rows, first_payment, rows.len(), 3);
    rows.push(vec![t("รวมจ่าย"), t(""), t(""), total]);
    rows.push(vec![t("ยอดยกไป"), t(""), t(""), Cell::Money(m.closing.satang())]);
    rows.push(vec![t("เงินสด"), t(""), t(""), Cell::Money(m.closing_cash.satang())]);
    rows.push(vec![t("เงินฝากธนาคาร"), t(""), t(""), Cell::Money(m.closing_bank.satang())]);
    Table {
        name: format!("รับจ่าย {}", m.month),
        header: ["รายการ", "รหัสบัญชี", "ชื่อบัญชี", "จำนวนเงิน"].map(String::from).to_vec(),
        rows,
    }
}

pub fn arrears_table(rows: &[crate::report::standing::ArrearsRow]) -> Table {
    // a fund that counts a monthly sajja pledge shows the months missed in a row as well
    let pledges = rows.iter().any(|r| r.sajja_missed_months > 0);
    let mut header: Vec<String> =
        ["เลขที่", "ชื่อ-สกุล", "หมู่", "ค้าง (งวด)", "จำนวนเงิน", "ส่งถึงงวด"].map(String::from).to_vec();
    if pledges {
        header.push("ขาดส่งเงินสัจจะ (เดือน)".into());
    }
    Table {
        name: "ค้างส่งเงินสมทบ".into(),
        header,
        rows: rows
            .iter()
            .map(|r| {
                let mut row = vec![
                    Cell::Code(r.member_no.clone()),
                    t(&r.name),
                    t(&r.moo.map(|m| m.to_string()).unwrap_or_default()),
                    Cell::Int(r.arrears_periods),
                    Cell::Money(r.arrears_amount.satang()),
                    t(r.paid_through.as_deref().unwrap_or("-")),
                ];
                if pledges {
                    row.push(Cell::Int(r.sajja_missed_months));
                }
                row
            })
            .collect(),
    }
}

/// A collection day's receipts, with totals, for the committee to check and sign.
pub fn collection_day_table(receipts: &[crate::report::books::DayReceipt]) -> Table {
    let mut rows: Vec<Vec<Cell>> = receipts
        .iter()
        .map(|r| {
            let total = r.contribution + r.savings + r.entrance_fee;
            vec![
                Cell::Code(r.doc_no.clone()),
                Cell::Code(r.member_no.clone()),
                t(&r.name),
                Cell::Money(r.contribution.satang()),
                Cell::Money(r.savings.satang()),
                Cell::Money(r.entrance_fee.satang()),
                Cell::Money(total.satang()),
            ]
        })
        .collect();
    let n = rows.len();
    let total = vec![
        t(""),
        t(""),
        t("รวม"),
        sum_of(&rows, 0, n, 3),
        sum_of(&rows, 0, n, 4),
        sum_of(&rows, 0, n, 5),
        sum_of(&rows, 0, n, 6),
    ];
    rows.push(total);
    Table {
        name: "รายการรับเงินของวัน".into(),
        header: ["ใบเสร็จ", "เลขที่สมาชิก", "ชื่อ-สกุล", "เงินสมทบ", "เงินสัจจะ", "ค่าธรรมเนียมแรกเข้า", "รวม"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// The members asked for in a matching request: who, their keyed ID (the first 16 hex
/// digits, enough for the province to match them), what they had before, what is asked.
pub fn matching_request_table(r: &crate::report::codi::MatchingRequest) -> Table {
    let mut rows: Vec<Vec<Cell>> = r
        .lines
        .iter()
        .map(|l| {
            vec![
                Cell::Code(l.member_no.clone()),
                t(&l.name),
                Cell::Code(
                    l.id_hash
                        .as_deref()
                        .map(|h| h[..16.min(h.len())].to_string())
                        .unwrap_or_default(),
                ),
                Cell::Int(l.rounds_before),
                Cell::Money(l.received_before.satang()),
                Cell::Money(l.asked.satang()),
            ]
        })
        .collect();
    let n = rows.len();
    rows.push(vec![t(""), t("รวม"), t(""), t(""), sum_of(&rows, 0, n, 4), sum_of(&rows, 0, n, 5)]);
    Table {
        name: "รายชื่อสมาชิกที่ขอรับเงินสมทบ".into(),
        header: [
            "เลขที่สมาชิก",
            "ชื่อ-สกุล",
            "เลขประจำตัว (เข้ารหัส)",
            "รับแล้ว (รอบ)",
            "รับแล้ว (บาท)",
            "ขอรับครั้งนี้",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}
