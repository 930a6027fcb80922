//! The monthly statement as one A4 page for the village notice board.

use super::pdf::{Align, Column, PdfDoc, Weight};
use crate::report::Statement;
use crate::thai::{self, Digits};

pub struct StatementOptions {
    /// List welfare recipients by name (some funds post names, others only counts).
    pub recipient_names: bool,
}

pub fn statement_pdf(s: &Statement, options: &StatementOptions) -> Vec<u8> {
    let digits = if s.fund.thai_digits { Digits::Thai } else { Digits::Arabic };
    let money = |v: i64| thai::amount(v, digits);
    let num = |v: i64| digits.apply(v.to_string());
    let month_name = thai::month_long(s.year, s.month, digits);
    let footer_left = match &s.key_fingerprint {
        Some(k) => format!("พิมพ์เมื่อ {}  กุญแจกองทุน {k}", thai::date_short(s.printed_on, digits)),
        None => format!("พิมพ์เมื่อ {}", thai::date_short(s.printed_on, digits)),
    };
    let footer_right = format!("ลายนิ้วมือบัญชี {}", s.fingerprint);
    let mut doc = PdfDoc::new(
        &format!("รายงานการเงินประจำเดือน{month_name} {}", s.fund.name_th),
        &footer_left,
        &footer_right,
    );
    let w = doc.content_width();

    doc.line(&s.fund.name_th, Weight::Bold, 17.0, Align::Center);
    let mut place = Vec::new();
    if let Some(m) = s.fund.moo {
        place.push(format!("หมู่ที่ {}", num(i64::from(m))));
    }
    for (prefix, v) in
        [("ตำบล", &s.fund.tambon), ("อำเภอ", &s.fund.amphoe), ("จังหวัด", &s.fund.changwat)]
    {
        if !v.is_empty() {
            place.push(format!("{prefix}{v}"));
        }
    }
    if !place.is_empty() {
        doc.line(&place.join(" "), Weight::Regular, 12.0, Align::Center);
    }
    doc.line(&format!("รายงานรับ-จ่ายเงินประจำเดือน{month_name}"), Weight::Bold, 15.0, Align::Center);
    if !s.closed {
        doc.line("ฉบับร่าง: เดือนนี้ยังไม่ได้ปิดงวด ตัวเลขอาจเปลี่ยนแปลงได้", Weight::Bold, 11.0, Align::Center);
    }
    doc.gap(4.0);

    let size = 12.0;
    let m = &s.summary;
    doc.label_value(
        0.0,
        "ยอดยกมา (เงินสดและเงินฝากธนาคาร ณ ต้นเดือน)",
        &money(m.opening.satang()),
        Weight::Bold,
        size,
        w,
    );
    doc.gap(2.0);
    let cols = |first: &str| {
        vec![
            Column { title: first.into(), width: w - 120.0, align: Align::Left },
            Column {
                title: "จำนวนเงิน (บาท)".into(), width: 120.0, align: Align::Right
            },
        ]
    };
    doc.begin_table(cols("รายรับ"), size);
    for l in &m.receipts {
        doc.table_row(&[l.name_th.clone(), money(l.amount.satang())], Weight::Regular);
    }
    if m.receipts.is_empty() {
        doc.table_row(&["ไม่มีรายรับ".into(), money(0)], Weight::Regular);
    }
    doc.table_row(&["รวมรับ".into(), money(m.total_receipts.satang())], Weight::Bold);
    doc.end_table();
    doc.begin_table(cols("รายจ่าย"), size);
    for l in &m.payments {
        doc.table_row(&[l.name_th.clone(), money(l.amount.satang())], Weight::Regular);
    }
    if m.payments.is_empty() {
        doc.table_row(&["ไม่มีรายจ่าย".into(), money(0)], Weight::Regular);
    }
    doc.table_row(&["รวมจ่าย".into(), money(m.total_payments.satang())], Weight::Bold);
    doc.end_table();
    doc.label_value(0.0, "ยอดยกไป (ณ สิ้นเดือน)", &money(m.closing.satang()), Weight::Bold, size, w);
    doc.label_value(20.0, "เงินสด", &money(m.closing_cash.satang()), Weight::Regular, size, w);
    doc.label_value(
        20.0,
        "เงินฝากธนาคาร",
        &money(m.closing_bank.satang()),
        Weight::Regular,
        size,
        w,
    );
    doc.line(
        &format!("({})", thai::baht_text(m.closing.satang())),
        Weight::Regular,
        size,
        Align::Right,
    );
    if m.entries_without_cash > 0 {
        // An allocation or an opening entry moves no money: said, not counted.
        doc.paragraph(
            &format!("หมายเหตุ: รายการบัญชีที่ไม่มีการรับหรือจ่ายเงิน {} รายการ (เช่น การจัดสรรกำไร) ไม่นับเป็นรายรับหรือรายจ่าย", num(m.entries_without_cash)),
            Weight::Regular,
            10.0,
        );
    }
    doc.gap(4.0);

    doc.line("สมาชิก", Weight::Bold, 13.0, Align::Left);
    let left: i64 = s.left.iter().map(|(_, n)| n).sum();
    doc.paragraph(
        &format!(
            "สมาชิกคงอยู่ ณ สิ้นเดือน {} คน  สมัครใหม่ในเดือน {} คน  พ้นสภาพในเดือน {} คน (ขาดส่ง {} ลาออก {} เสียชีวิต {} ถูกให้ออก {})",
            num(s.active_members()),
            num(s.joined),
            num(left),
            num(s.left.iter().filter(|(x, _)| *x == crate::domain::MemberStatus::Lapsed).map(|(_, n)| *n).sum()),
            num(s.left.iter().filter(|(x, _)| *x == crate::domain::MemberStatus::Resigned).map(|(_, n)| *n).sum()),
            num(s.left.iter().filter(|(x, _)| *x == crate::domain::MemberStatus::Deceased).map(|(_, n)| *n).sum()),
            num(s.left.iter().filter(|(x, _)| *x == crate::domain::MemberStatus::Expelled).map(|(_, n)| *n).sum()),
        ),
        Weight::Regular,
        size,
    );
    doc.gap(2.0);
    doc.line("การจ่ายสวัสดิการในเดือนนี้", Weight::Bold, 13.0, Align::Left);
    welfare_table(
        &mut doc,
        &s.welfare,
        digits,
        size,
        options.recipient_names,
        "ไม่มีการจ่ายสวัสดิการในเดือนนี้",
    );
    doc.gap(14.0);
    doc.line("ขอรับรองว่ารายงานนี้ถูกต้องตามบัญชีของกองทุน", Weight::Regular, size, Align::Left);
    doc.gap(12.0);
    doc.signatures(&["เหรัญญิก", "ประธานกรรมการ", "ผู้ตรวจสอบ"], 11.0);
    // The auditor's month: the count and the sign-off, or that they are missing.
    let when = |at: &str| {
        crate::domain::date::local_date_of(at)
            .map(|d| thai::date_short(d, digits))
            .unwrap_or_default()
    };
    doc.gap(4.0);
    match &s.check {
        Some(c) => doc.paragraph(
            &format!(
                "ตรวจนับเงินสดแล้ว {} บาท ตรงกับบัญชี และกระทบยอดเงินฝากธนาคารแล้ว ({})",
                money(c.cash_counted.satang()),
                when(&c.checked_at)
            ),
            Weight::Regular,
            10.0,
        ),
        None => doc.paragraph("ยังไม่ได้ตรวจนับเงินสด", Weight::Regular, 10.0),
    }
    if let Some(a) = &s.audit {
        doc.paragraph(&signed_off(a, digits), Weight::Bold, 10.0);
    }
    doc.finish()
}

/// `ตรวจสอบแล้วโดย นางตรวจ สอบดี วันที่ 2 เม.ย. 2569 หมายเหตุ: …`, the auditor's sign-off as the
/// statement and the count sheet print it (the date in Thai time).
pub fn signed_off(a: &crate::store::AuditRow, digits: Digits) -> String {
    let remarks = if a.remarks.is_empty() {
        String::new()
    } else {
        format!(" หมายเหตุ: {}", a.remarks)
    };
    let on = crate::domain::date::local_date_of(&a.signed_at)
        .map(|d| thai::date_short(d, digits))
        .unwrap_or_default();
    format!("ตรวจสอบแล้วโดย {} วันที่ {on}{remarks}", a.auditor)
}

/// Welfare paid by category (cases and baht), optionally with the recipients' names, and a
/// total line; shared by the monthly statement and the yearly report.
pub fn welfare_table(
    doc: &mut PdfDoc,
    welfare: &[crate::store::WelfarePaid],
    digits: Digits,
    size: f32,
    names: bool,
    none: &str,
) {
    let money = |v: i64| thai::amount(v, digits);
    let num = |v: i64| digits.apply(v.to_string());
    if welfare.is_empty() {
        doc.line(none, Weight::Regular, size, Align::Left);
        return;
    }
    let w = doc.content_width();
    doc.begin_table(
        vec![
            Column {
                title: "ประเภทสวัสดิการ".into(), width: w - 210.0, align: Align::Left
            },
            Column { title: "ราย".into(), width: 80.0, align: Align::Right },
            Column {
                title: "จำนวนเงิน (บาท)".into(), width: 130.0, align: Align::Right
            },
        ],
        size,
    );
    let row = |doc: &mut PdfDoc, c: &crate::store::WelfarePaid| {
        doc.table_row(
            &[c.name_th.clone(), num(c.cases), money(c.amount.satang())],
            Weight::Regular,
        );
        if names && !c.recipients.is_empty() {
            // Names are wrapped over as many lines as they need, never cut off.
            let width = w - 210.0 - 6.0 - 12.0;
            for line in
                super::pdf::text::wrap(&c.recipients.join(", "), Weight::Regular, size, width)
            {
                doc.table_row(
                    &[format!("   {line}"), String::new(), String::new()],
                    Weight::Regular,
                );
            }
        }
    };
    let sum = |rows: &mut dyn Iterator<Item = &crate::store::WelfarePaid>| {
        rows.fold((0i64, 0i64), |(n, t), c| (n + c.cases, t + c.amount.satang()))
    };
    // Members' welfare, then the community's (people who are not members) counted apart.
    let (community, members): (Vec<_>, Vec<_>) = welfare.iter().partition(|c| c.community);
    for c in &members {
        row(doc, c);
    }
    if !community.is_empty() {
        let (n, t) = sum(&mut members.iter().copied());
        doc.table_row(&["รวมสวัสดิการสมาชิก".into(), num(n), money(t)], Weight::Bold);
        doc.table_row(
            &["สวัสดิการคนในชุมชนที่ไม่ใช่สมาชิก".into(), String::new(), String::new()],
            Weight::Bold,
        );
        for c in &community {
            row(doc, c);
        }
        let (n, t) = sum(&mut community.iter().copied());
        doc.table_row(&["รวมสวัสดิการคนในชุมชน".into(), num(n), money(t)], Weight::Bold);
    }
    let cases: i64 = welfare.iter().map(|c| c.cases).sum();
    let total: i64 = welfare.iter().map(|c| c.amount.satang()).sum();
    doc.table_row(&["รวม".into(), num(cases), money(total)], Weight::Bold);
    doc.end_table();
}
