//! Documents of single entries and books as PDF: the receipt (ใบเสร็จรับเงิน) and payment
//! voucher (ใบสำคัญจ่าย) with the amount in words, the trial balance, the general ledger of
//! an account, and a member's passbook.

use super::pdf::{Align, Column, PdfDoc, Weight};
use crate::report::books::{GeneralLedger, Passbook};
use crate::report::TrialBalance;
use crate::store::{AccountRow, EntryRow, FundRow, MemberRow};
use crate::thai::{self, Digits};

fn digits(fund: &FundRow) -> Digits {
    if fund.profile.thai_digits {
        Digits::Thai
    } else {
        Digits::Arabic
    }
}

fn date(s: &str, dg: Digits) -> String {
    crate::domain::date::parse(s).map(|d| thai::date_long(d, dg)).unwrap_or_else(|_| s.to_string())
}

/// A receipt for money in, a payment voucher for money out, a journal voucher otherwise.
pub fn voucher_pdf(
    fund: &FundRow,
    entry: &EntryRow,
    accounts: &[AccountRow],
    member: Option<&MemberRow>,
    payee: Option<&str>,
    fingerprint: &str,
) -> Vec<u8> {
    let dg = digits(fund);
    let money = |v: i64| thai::amount(v, dg);
    let till = |code: &str| AccountRow::is_till(accounts, code);
    let cash_in: i64 =
        entry.postings.iter().filter(|p| till(&p.account)).map(|p| p.amount.satang()).sum();
    let (title, party_label) = if entry.reverses.is_some() || cash_in == 0 {
        ("ใบสำคัญทั่วไป", "เกี่ยวกับ")
    } else if cash_in > 0 {
        ("ใบเสร็จรับเงิน", "ได้รับเงินจาก")
    } else {
        ("ใบสำคัญจ่าย", "จ่ายให้แก่")
    };
    let mut doc = PdfDoc::new(
        &format!("{title} {}", entry.doc_no),
        &format!("บันทึกโดย {}", entry.recorded_by),
        &format!("ลายนิ้วมือบัญชี {fingerprint}"),
    );
    let w = doc.content_width();
    let size = 13.0;
    doc.line(&fund.profile.name_th, Weight::Bold, 16.0, Align::Center);
    doc.line(title, Weight::Bold, 18.0, Align::Center);
    doc.gap(4.0);
    doc.label_value(
        0.0,
        &format!("เลขที่ {}", dg.apply(entry.doc_no.clone())),
        &format!("วันที่ {}", date(&entry.entry_date, dg)),
        Weight::Regular,
        size,
        w,
    );
    let of_member =
        |m: &MemberRow| format!("{} (สมาชิกเลขที่ {})", m.full_name(), dg.apply(m.member_no.clone()));
    // A payout to someone else than the member (a death benefit's beneficiary) names who
    // received it; the member it is for comes on the next line.
    match (payee, member) {
        (Some(p), Some(m)) => {
            doc.paragraph(&format!("{party_label} {p}"), Weight::Regular, size);
            doc.paragraph(&format!("สมาชิก {}", of_member(m)), Weight::Regular, size);
        }
        (_, Some(m)) => {
            doc.paragraph(&format!("{party_label} {}", of_member(m)), Weight::Regular, size)
        }
        (_, None) => {
            doc.paragraph(&format!("{party_label} {}", entry.description), Weight::Regular, size)
        }
    }
    if member.is_some() {
        doc.paragraph(&format!("รายการ {}", entry.description), Weight::Regular, size);
    }
    if entry.reverses.is_some() {
        doc.paragraph(&format!("เหตุผล {}", entry.reason), Weight::Regular, size);
    }
    doc.gap(4.0);
    doc.begin_table(
        vec![
            Column { title: "รายการ".into(), width: w - 140.0, align: Align::Left },
            Column {
                title: "จำนวนเงิน (บาท)".into(), width: 140.0, align: Align::Right
            },
        ],
        size,
    );
    // What the money was for: the lines that are not cash or bank (all debit lines for a
    // journal voucher such as a transfer or a reversal).
    let name = |code: &str| {
        accounts
            .iter()
            .find(|a| a.code == code)
            .map(|a| a.name_th.clone())
            .unwrap_or_else(|| code.to_string())
    };
    let rows: Vec<(String, i64)> = entry
        .postings
        .iter()
        .filter_map(|p| match cash_in.signum() {
            1 if !till(&p.account) => Some((name(&p.account), -p.amount.satang())),
            -1 if !till(&p.account) => Some((name(&p.account), p.amount.satang())),
            0 if p.amount.satang() > 0 => Some((name(&p.account), p.amount.satang())),
            _ => None,
        })
        .collect();
    let mut total = 0i64;
    for (label, v) in rows {
        total += v;
        doc.table_row(&[label, money(v)], Weight::Regular);
    }
    doc.table_row(&["รวมเงิน".into(), money(total)], Weight::Bold);
    doc.end_table();
    doc.line(&format!("({})", thai::baht_text(total)), Weight::Regular, size, Align::Right);
    doc.gap(24.0);
    let roles: &[&str] = if cash_in > 0 {
        &["ผู้จ่ายเงิน", "ผู้รับเงิน (เหรัญญิก)"]
    } else {
        &["ผู้รับเงิน", "ผู้จ่ายเงิน (เหรัญญิก)", "ผู้อนุมัติ (ประธาน)"]
    };
    doc.signatures(roles, 12.0);
    doc.finish()
}

pub fn trial_balance_pdf(
    fund: &FundRow,
    tb: &TrialBalance,
    fingerprint: &str,
    printed_on: chrono::NaiveDate,
) -> Vec<u8> {
    let dg = digits(fund);
    let money = |v: i64| if v == 0 { String::new() } else { thai::amount(v, dg) };
    let mut doc = PdfDoc::new(
        "งบทดลอง",
        &format!("พิมพ์เมื่อ {}", thai::date_short(printed_on, dg)),
        &format!("ลายนิ้วมือบัญชี {fingerprint}"),
    );
    let w = doc.content_width();
    doc.line(&fund.profile.name_th, Weight::Bold, 16.0, Align::Center);
    doc.line(
        &format!("งบทดลอง ณ วันที่ {}", thai::date_long(tb.as_of, dg)),
        Weight::Bold,
        14.0,
        Align::Center,
    );
    doc.gap(6.0);
    doc.begin_table(
        vec![
            Column { title: "รหัส".into(), width: 50.0, align: Align::Left },
            Column {
                title: "ชื่อบัญชี".into(), width: w - 290.0, align: Align::Left
            },
            Column { title: "เดบิต".into(), width: 120.0, align: Align::Right },
            Column { title: "เครดิต".into(), width: 120.0, align: Align::Right },
        ],
        12.0,
    );
    for l in &tb.lines {
        doc.table_row(
            &[
                dg.apply(l.code.clone()),
                l.name_th.clone(),
                money(l.debit.satang()),
                money(l.credit.satang()),
            ],
            Weight::Regular,
        );
    }
    doc.table_row(
        &[
            String::new(),
            "รวม".into(),
            thai::amount(tb.total_debit.satang(), dg),
            thai::amount(tb.total_credit.satang(), dg),
        ],
        Weight::Bold,
    );
    doc.end_table();
    doc.finish()
}

pub fn general_ledger_pdf(
    fund: &FundRow,
    gl: &GeneralLedger,
    fingerprint: &str,
    printed_on: chrono::NaiveDate,
) -> Vec<u8> {
    let dg = digits(fund);
    let money = |v: i64| if v == 0 { String::new() } else { thai::amount(v, dg) };
    let mut doc = PdfDoc::new(
        "บัญชีแยกประเภท",
        &format!("พิมพ์เมื่อ {}", thai::date_short(printed_on, dg)),
        &format!("ลายนิ้วมือบัญชี {fingerprint}"),
    );
    let w = doc.content_width();
    doc.line(&fund.profile.name_th, Weight::Bold, 15.0, Align::Center);
    doc.line(
        &format!("บัญชีแยกประเภท {} {}", dg.apply(gl.code.clone()), gl.name_th),
        Weight::Bold,
        13.0,
        Align::Center,
    );
    doc.line(
        &format!("ตั้งแต่ {} ถึง {}", thai::date_long(gl.from, dg), thai::date_long(gl.to, dg)),
        Weight::Regular,
        11.0,
        Align::Center,
    );
    doc.gap(4.0);
    doc.begin_table(
        vec![
            Column { title: "วันที่".into(), width: 62.0, align: Align::Left },
            Column { title: "เลขที่".into(), width: 78.0, align: Align::Left },
            Column { title: "รายการ".into(), width: w - 380.0, align: Align::Left },
            Column { title: "เดบิต".into(), width: 80.0, align: Align::Right },
            Column { title: "เครดิต".into(), width: 80.0, align: Align::Right },
            Column { title: "คงเหลือ".into(), width: 80.0, align: Align::Right },
        ],
        9.0,
    );
    doc.table_row(
        &[
            String::new(),
            String::new(),
            "ยอดยกมา".into(),
            String::new(),
            String::new(),
            thai::amount(gl.opening.satang(), dg),
        ],
        Weight::Bold,
    );
    for l in &gl.lines {
        let d = crate::domain::date::parse(&l.date)
            .map(|d| thai::date_numeric(d, dg))
            .unwrap_or_default();
        let desc = l.description.clone();
        doc.table_row(
            &[
                d,
                dg.apply(l.doc_no.clone()),
                desc,
                money(l.debit.satang()),
                money(l.credit.satang()),
                thai::amount(l.balance.satang(), dg),
            ],
            Weight::Regular,
        );
    }
    doc.table_row(
        &[
            String::new(),
            String::new(),
            "ยอดยกไป".into(),
            String::new(),
            String::new(),
            thai::amount(gl.closing.satang(), dg),
        ],
        Weight::Bold,
    );
    doc.end_table();
    doc.finish()
}

pub fn passbook_pdf(fund: &FundRow, pb: &Passbook, fingerprint: &str) -> Vec<u8> {
    let dg = digits(fund);
    let money = |v: i64| if v == 0 { String::new() } else { thai::amount(v, dg) };
    let m = &pb.member;
    let mut doc = PdfDoc::new(
        &format!("สมุดบัญชีสมาชิก {}", m.member_no),
        &format!("พิมพ์เมื่อ {}", thai::date_short(pb.printed_on, dg)),
        &format!("ลายนิ้วมือบัญชี {fingerprint}"),
    );
    let w = doc.content_width();
    doc.line(&pb.fund_name, Weight::Bold, 15.0, Align::Center);
    doc.line("สมุดบัญชีสมาชิก (เงินสมทบและเงินสัจจะ)", Weight::Bold, 13.0, Align::Center);
    doc.line(
        &format!("สมาชิกเลขที่ {}  {}", dg.apply(m.member_no.clone()), m.full_name()),
        Weight::Regular,
        12.0,
        Align::Left,
    );
    doc.line(
        &format!("วันที่สมัคร {}  สถานะ {}", date(&m.joined_on, dg), m.status.name_th()),
        Weight::Regular,
        12.0,
        Align::Left,
    );
    if let Some(s) = &pb.standing {
        doc.line(
            &format!(
                "ส่งเงินสมทบแล้ว {} งวด ค้างส่ง {} งวด ({} บาท)",
                dg.apply(s.periods_paid.to_string()),
                dg.apply(s.arrears_periods.to_string()),
                thai::amount(s.arrears_amount.satang(), dg)
            ),
            Weight::Regular,
            12.0,
            Align::Left,
        );
    }
    doc.gap(4.0);
    doc.begin_table(
        vec![
            Column { title: "วันที่".into(), width: 62.0, align: Align::Left },
            Column { title: "เลขที่".into(), width: 80.0, align: Align::Left },
            Column {
                title: "เงินสมทบ".into(), width: (w - 142.0) / 4.0, align: Align::Right
            },
            Column {
                title: "ฝากสัจจะ".into(), width: (w - 142.0) / 4.0, align: Align::Right
            },
            Column {
                title: "ถอนสัจจะ".into(), width: (w - 142.0) / 4.0, align: Align::Right
            },
            Column {
                title: "สัจจะคงเหลือ".into(), width: (w - 142.0) / 4.0, align: Align::Right
            },
        ],
        10.0,
    );
    for l in &pb.lines {
        let d = crate::domain::date::parse(&l.date)
            .map(|d| thai::date_numeric(d, dg))
            .unwrap_or_default();
        doc.table_row(
            &[
                d,
                dg.apply(l.doc_no.clone()),
                money(l.contribution.satang() + l.entrance_fee.satang()),
                money(l.deposit.satang()),
                money(l.withdrawal.satang()),
                thai::amount(l.savings_balance.satang(), dg),
            ],
            Weight::Regular,
        );
    }
    doc.table_row(
        &[
            String::new(),
            "รวม".into(),
            thai::amount(pb.total_contributions.satang(), dg),
            String::new(),
            String::new(),
            thai::amount(pb.savings_balance.satang(), dg),
        ],
        Weight::Bold,
    );
    doc.end_table();
    doc.finish()
}

/// Any report table as an A4 PDF: the fund's name, a title, the table (numbers right
/// aligned, header repeated on every page) and a total line when given.
pub fn table_pdf(
    fund: &FundRow,
    title: &str,
    subtitle: &str,
    table: &super::tables::Table,
    widths: &[f32],
    printed_on: chrono::NaiveDate,
) -> Vec<u8> {
    plain_table_pdf(&fund.profile.name_th, digits(fund), title, subtitle, table, widths, printed_on)
}

/// The same for any heading (the province's reports have no single fund).
pub fn plain_table_pdf(
    heading: &str,
    dg: Digits,
    title: &str,
    subtitle: &str,
    table: &super::tables::Table,
    widths: &[f32],
    printed_on: chrono::NaiveDate,
) -> Vec<u8> {
    // More than eight columns do not read upright: the page turns on its side.
    let wide = table.header.len() > 8;
    titled_pdf(heading, dg, title, subtitle, printed_on, wide, |doc| {
        write_table(doc, dg, table, widths)
    })
}

/// A PDF with the fund's name, a title and a subtitle above whatever `body` writes.
pub fn titled_pdf(
    fund: &str,
    dg: Digits,
    title: &str,
    subtitle: &str,
    printed: chrono::NaiveDate,
    landscape: bool,
    body: impl FnOnce(&mut PdfDoc),
) -> Vec<u8> {
    let footer = format!("พิมพ์เมื่อ {}", thai::date_short(printed, dg));
    let mut doc = if landscape {
        PdfDoc::landscape(title, &footer, "")
    } else {
        PdfDoc::new(title, &footer, "")
    };
    doc.line(fund, Weight::Bold, 15.0, Align::Center);
    doc.line(title, Weight::Bold, 13.0, Align::Center);
    if !subtitle.is_empty() {
        doc.line(subtitle, Weight::Regular, 11.0, Align::Center);
    }
    doc.gap(4.0);
    body(&mut doc);
    doc.finish()
}

/// A table across the page: column widths in proportion to `widths`, numbers right aligned,
/// the header repeated on every page it runs onto.
pub fn write_table(doc: &mut PdfDoc, dg: Digits, table: &super::tables::Table, widths: &[f32]) {
    use super::tables::Cell;
    let w = doc.content_width();
    let total: f32 = widths.iter().sum();
    let numeric = |i: usize| {
        table.rows.first().is_some_and(|r| {
            matches!(r.get(i), Some(Cell::Int(_)) | Some(Cell::Money(_)) | Some(Cell::Sum { .. }))
        })
    };
    let columns = table
        .header
        .iter()
        .enumerate()
        .map(|(i, h)| Column {
            title: h.clone(),
            width: widths.get(i).copied().unwrap_or(60.0) * w / total,
            align: if numeric(i) { Align::Right } else { Align::Left },
        })
        .collect();
    // Many columns: a smaller size keeps every heading whole.
    let size = match (table.header.len() > 8, w < 600.0) {
        (false, _) => 10.0,
        (true, true) => 8.0,
        (true, false) => 8.5,
    };
    doc.begin_table(columns, size);
    for row in &table.rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Cell::Text(s) | Cell::Code(s) => s.clone(),
                Cell::Int(i) => dg.apply(i.to_string()),
                Cell::Money(v) | Cell::Sum { value: v, .. } => thai::amount(*v, dg),
            })
            .collect();
        doc.table_row(&cells, Weight::Regular);
    }
    doc.end_table();
}
