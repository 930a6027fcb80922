//! The yearly report as PDF (several pages, with a twelve-month bar chart) and as tables for
//! CSV and XLSX.

use super::pdf::{Align, Column, PdfDoc, Weight};
use super::tables::{Cell, Table};
use crate::report::YearReport;
use crate::thai::{self, Digits, BE_OFFSET};

fn digits(r: &YearReport) -> Digits {
    if r.fund.thai_digits {
        Digits::Thai
    } else {
        Digits::Arabic
    }
}

pub fn yearly_pdf(r: &YearReport) -> Vec<u8> {
    let dg = digits(r);
    let money = |v: i64| thai::amount(v, dg);
    let num = |v: i64| dg.apply(v.to_string());
    // named by the year it ends in, with its dates (ปีบัญชี 2569: 1 ต.ค. 2568 – 30 ก.ย. 2569)
    let title = format!("รายงานประจำปีบัญชี {}", num(i64::from(thai::be_year(r.to))));
    let mut doc = PdfDoc::new(
        &format!("{title} {}", r.fund.name_th),
        &format!("พิมพ์เมื่อ {}", thai::date_short(r.printed_on, dg)),
        &format!("ลายนิ้วมือบัญชี {}", r.fingerprint),
    );
    let w = doc.content_width();
    let size = 12.0;
    doc.line(&r.fund.name_th, Weight::Bold, 17.0, Align::Center);
    doc.line(&title, Weight::Bold, 15.0, Align::Center);
    doc.line(
        &format!("ตั้งแต่ {} ถึง {}", thai::date_long(r.from, dg), thai::date_long(r.to, dg)),
        Weight::Regular,
        size,
        Align::Center,
    );
    doc.gap(6.0);
    let two = |first: &str| {
        vec![
            Column { title: first.into(), width: w - 130.0, align: Align::Left },
            Column {
                title: "จำนวนเงิน (บาท)".into(), width: 130.0, align: Align::Right
            },
        ]
    };

    doc.line("1. งบรายได้และค่าใช้จ่าย", Weight::Bold, 13.0, Align::Left);
    doc.begin_table(two("รายได้"), size);
    for l in &r.income {
        doc.table_row(&[l.name_th.clone(), money(l.amount.satang())], Weight::Regular);
    }
    doc.table_row(&["รวมรายได้".into(), money(r.total_income.satang())], Weight::Bold);
    doc.end_table();
    doc.begin_table(two("ค่าใช้จ่าย"), size);
    for l in &r.expenses {
        doc.table_row(&[l.name_th.clone(), money(l.amount.satang())], Weight::Regular);
    }
    doc.table_row(&["รวมค่าใช้จ่าย".into(), money(r.total_expenses.satang())], Weight::Bold);
    doc.end_table();
    let label = if r.surplus.satang() >= 0 {
        "รายได้สูงกว่าค่าใช้จ่าย"
    } else {
        "ค่าใช้จ่ายสูงกว่ารายได้"
    };
    doc.label_value(0.0, label, &money(r.surplus.satang().abs()), Weight::Bold, size, w);
    if r.fund.kind.keeps_savings() {
        // what may be allocated: the savings group's own profit, never the welfare fund's money
        doc.label_value(
            0.0,
            "กำไรสุทธิของกลุ่มออมทรัพย์ (ส่วนที่จัดสรรได้)",
            &money(r.savings_profit.satang()),
            Weight::Regular,
            size,
            w,
        );
    }
    doc.gap(8.0);

    doc.line(
        &format!("2. งบดุล ณ วันที่ {}", thai::date_long(r.to, dg)),
        Weight::Bold,
        13.0,
        Align::Left,
    );
    doc.begin_table(two("สินทรัพย์"), size);
    for l in &r.assets {
        doc.table_row(&[l.name_th.clone(), money(l.amount.satang())], Weight::Regular);
    }
    doc.table_row(&["รวมสินทรัพย์".into(), money(r.total_assets.satang())], Weight::Bold);
    doc.end_table();
    doc.begin_table(two("หนี้สินและทุน"), size);
    for l in r.liabilities.iter().chain(&r.equity) {
        doc.table_row(&[l.name_th.clone(), money(l.amount.satang())], Weight::Regular);
    }
    doc.table_row(
        &["รวมหนี้สินและทุน".into(), money(r.total_liabilities_and_equity.satang())],
        Weight::Bold,
    );
    doc.end_table();
    doc.gap(8.0);

    doc.line("3. การจ่ายสวัสดิการตามประเภท", Weight::Bold, 13.0, Align::Left);
    super::statement::welfare_table(&mut doc, &r.welfare, dg, size, false, "ไม่มีการจ่ายสวัสดิการในปีนี้");
    doc.gap(8.0);

    doc.line("4. สมาชิก", Weight::Bold, 13.0, Align::Left);
    doc.line(
        &format!("สมาชิกคงอยู่ ณ สิ้นปี {} คน", num(r.members_active)),
        Weight::Regular,
        size,
        Align::Left,
    );
    let half = w / 2.0;
    doc.begin_table(
        vec![
            Column { title: "กลุ่ม".into(), width: half - 80.0, align: Align::Left },
            Column { title: "คน".into(), width: 80.0, align: Align::Right },
        ],
        size,
    );
    for (g, n) in &r.members_by_group {
        doc.table_row(&[g.name_th().into(), num(*n)], Weight::Regular);
    }
    doc.end_table();
    doc.begin_table(
        vec![
            Column {
                title: "หมู่ที่".into(), width: half - 80.0, align: Align::Left
            },
            Column { title: "คน".into(), width: 80.0, align: Align::Right },
        ],
        size,
    );
    for (moo, n) in &r.members_by_moo {
        let label =
            moo.map(|m| format!("หมู่ {}", num(i64::from(m)))).unwrap_or_else(|| "ไม่ระบุ".into());
        doc.table_row(&[label, num(*n)], Weight::Regular);
    }
    doc.end_table();
    doc.gap(8.0);

    doc.line("5. เงินสมทบของสมาชิกและการค้างส่ง", Weight::Bold, 13.0, Align::Left);
    doc.label_value(
        0.0,
        "เงินสมทบที่ได้รับในปี",
        &money(r.contributions_received.satang()),
        Weight::Regular,
        size,
        w,
    );
    doc.label_value(
        0.0,
        &format!("สมาชิกค้างส่ง ณ สิ้นปี {} คน รวมเป็นเงิน", num(r.members_in_arrears)),
        &money(r.arrears_amount.satang()),
        Weight::Regular,
        size,
        w,
    );
    doc.gap(8.0);
    doc.line("6. เงินสมทบจากรัฐ อปท. พอช. และหน่วยงานอื่น", Weight::Bold, 13.0, Align::Left);
    if r.matching.is_empty() {
        doc.line("ไม่มีในปีนี้", Weight::Regular, size, Align::Left);
    }
    for l in &r.matching {
        doc.label_value(0.0, &l.name_th, &money(l.amount.satang()), Weight::Regular, size, w);
    }
    doc.gap(8.0);

    // 7. the chart: receipts (dark) and payments (light) per month
    let chart_h = 150.0;
    doc.ensure(chart_h + 60.0);
    doc.line("7. รายรับและรายจ่ายรายเดือน", Weight::Bold, 13.0, Align::Left);
    let top = doc.y + 6.0;
    let max = r
        .months
        .iter()
        .map(|m| m.receipts.satang().max(m.payments.satang()))
        .max()
        .unwrap_or(0)
        .max(1);
    let slot = w / r.months.len().max(1) as f32;
    let bar = slot * 0.32;
    let base = top + chart_h;
    let x0 = doc.margin_left;
    doc.rule_span(x0, x0 + w, base, 0.6);
    for (i, m) in r.months.iter().enumerate() {
        let x = x0 + slot * i as f32 + slot * 0.15;
        let hr = chart_h * m.receipts.satang() as f32 / max as f32;
        let hp = chart_h * m.payments.satang() as f32 / max as f32;
        doc.rect(x, base - hr, bar, hr, 60);
        doc.rect(x + bar + 2.0, base - hp, bar, hp, 170);
        let (y, mo) = crate::domain::date::parse_month(&m.month).unwrap_or((r.year, 1));
        let short = format!(
            "{} {}",
            thai::MONTHS_SHORT[(mo - 1) as usize],
            dg.apply(((y + BE_OFFSET) % 100).to_string())
        );
        doc.label(x0 + slot * i as f32, base + 3.0, slot, &short, 8.0, Align::Center);
    }
    doc.label(x0, top - 2.0, w, &format!("สูงสุด {} บาท", money(max)), 8.0, Align::Right);
    doc.y = base + 18.0;
    doc.rect(x0, doc.y + 3.0, 10.0, 8.0, 60);
    doc.label(x0 + 14.0, doc.y, 80.0, "รายรับ", 9.0, Align::Left);
    doc.rect(x0 + 70.0, doc.y + 3.0, 10.0, 8.0, 170);
    doc.label(x0 + 84.0, doc.y, 80.0, "รายจ่าย", 9.0, Align::Left);
    doc.gap(24.0);
    doc.signatures(&["เหรัญญิก", "ประธานกรรมการ", "ผู้ตรวจสอบ"], 11.0);
    doc.finish()
}

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// The heading every sheet and CSV of the yearly report starts with.
pub fn yearly_heading(r: &YearReport, printed: chrono::NaiveDateTime) -> super::tables::Heading {
    let d = |x| crate::thai::date_short(x, crate::thai::Digits::Arabic);
    super::tables::Heading {
        fund: r.fund.name_th.clone(),
        report: "รายงานประจำปี".into(),
        period: format!("ปีบัญชี {} ({} – {})", crate::thai::be_year(r.to), d(r.from), d(r.to)),
        printed,
    }
}

/// The yearly report as tables, every section the PDF prints, in its order: for the CSV
/// (titled sections of one file) and the XLSX (a sheet each). Totals are sums of their lines.
pub fn yearly_tables(r: &YearReport) -> Vec<Table> {
    use super::tables::sum_of;
    let lines = |kind: &str, v: &[crate::report::MonthLine]| -> Vec<Vec<Cell>> {
        v.iter()
            .map(|l| {
                vec![
                    t(kind),
                    Cell::Code(l.code.clone()),
                    t(&l.name_th),
                    t(&l.name_en),
                    Cell::Money(l.amount.satang()),
                ]
            })
            .collect()
    };
    let header5 = ["ประเภท", "รหัสบัญชี", "ชื่อบัญชี", "Account", "จำนวนเงิน"].map(String::from).to_vec();
    let mut ie = lines("รายได้", &r.income);
    let total = sum_of(&ie, 0, ie.len(), 4);
    ie.push(vec![t("รวมรายได้"), t(""), t(""), t("Total income"), total]);
    let first_expense = ie.len();
    ie.extend(lines("ค่าใช้จ่าย", &r.expenses));
    let total = sum_of(&ie, first_expense, ie.len(), 4);
    ie.push(vec![t("รวมค่าใช้จ่าย"), t(""), t(""), t("Total expenses"), total]);
    ie.push(vec![
        t("รายได้สูง(ต่ำ)กว่าค่าใช้จ่าย"),
        t(""),
        t(""),
        t("Surplus"),
        Cell::Money(r.surplus.satang()),
    ]);
    if r.fund.kind.keeps_savings() {
        ie.push(vec![
            t("กำไรสุทธิของกลุ่มออมทรัพย์"),
            t(""),
            t(""),
            t("Savings group's net profit (may be allocated)"),
            Cell::Money(r.savings_profit.satang()),
        ]);
    }
    let mut bs = lines("สินทรัพย์", &r.assets);
    let total = sum_of(&bs, 0, bs.len(), 4);
    bs.push(vec![t("รวมสินทรัพย์"), t(""), t(""), t("Total assets"), total]);
    let first_claim = bs.len();
    bs.extend(lines("หนี้สิน", &r.liabilities));
    bs.extend(lines("ทุน", &r.equity));
    let total = sum_of(&bs, first_claim, bs.len(), 4);
    bs.push(vec![t("รวมหนี้สินและทุน"), t(""), t(""), t("Total liabilities and equity"), total]);
    let mut welfare: Vec<Vec<Cell>> = r
        .welfare
        .iter()
        .map(|w| {
            let name = if w.community {
                format!("{} (คนในชุมชนที่ไม่ใช่สมาชิก)", w.name_th)
            } else {
                w.name_th.clone()
            };
            vec![t(&name), Cell::Int(w.cases), Cell::Money(w.amount.satang())]
        })
        .collect();
    let total = sum_of(&welfare, 0, welfare.len(), 2);
    welfare.push(vec![t("รวม"), Cell::Int(r.welfare.iter().map(|w| w.cases).sum()), total]);
    let mut members: Vec<Vec<Cell>> = r
        .members_by_group
        .iter()
        .map(|(g, n)| vec![t("กลุ่ม"), t(g.name_th()), Cell::Int(*n)])
        .collect();
    members.extend(r.members_by_moo.iter().map(|(m, n)| {
        vec![t("หมู่"), t(&m.map(|v| v.to_string()).unwrap_or_default()), Cell::Int(*n)]
    }));
    members.push(vec![t("รวม"), t("สมาชิกคงอยู่"), Cell::Int(r.members_active)]);
    let months = r
        .months
        .iter()
        .map(|m| {
            // a BE month label, as the PDF's chart names it, never `2025-01`
            let label = crate::domain::date::parse_month(&m.month)
                .map(|(y, mo)| crate::thai::month_long(y, mo, crate::thai::Digits::Arabic))
                .unwrap_or_else(|_| m.month.clone());
            vec![
                t(&label),
                Cell::Money(m.receipts.satang()),
                Cell::Money(m.payments.satang()),
                Cell::Money(m.closing.satang()),
            ]
        })
        .collect();
    let contributions = vec![
        vec![t("เงินสมทบที่ได้รับ"), Cell::Money(r.contributions_received.satang())],
        vec![t("สมาชิกค้างส่ง (คน)"), Cell::Int(r.members_in_arrears)],
        vec![t("ยอดค้างส่ง"), Cell::Money(r.arrears_amount.satang())],
    ];
    let mut matching = lines("รายได้", &r.matching);
    let total = sum_of(&matching, 0, matching.len(), 4);
    matching.push(vec![t("รวม"), t(""), t(""), t("Total"), total]);
    vec![
        Table {
            name: "รายได้ค่าใช้จ่าย".into(), header: header5.clone(), rows: ie
        },
        Table { name: "งบดุล".into(), header: header5.clone(), rows: bs },
        Table {
            name: "สวัสดิการ".into(),
            header: ["ประเภทสวัสดิการ", "ราย", "จำนวนเงิน"].map(String::from).to_vec(),
            rows: welfare,
        },
        Table {
            name: "สมาชิก".into(),
            header: ["แยกตาม", "กลุ่ม/หมู่", "คน"].map(String::from).to_vec(),
            rows: members,
        },
        Table {
            name: "เงินสมทบ".into(),
            header: ["รายการ", "ค่า"].map(String::from).to_vec(),
            rows: contributions,
        },
        Table {
            name: "เงินสมทบจากหน่วยงาน".into(), header: header5, rows: matching
        },
        Table {
            name: "รายเดือน".into(),
            header: ["เดือน", "รายรับ", "รายจ่าย", "ยอดยกไป"].map(String::from).to_vec(),
            rows: months,
        },
    ]
}
