//! The committee's registers as tables (CSV, XLSX) and A4 PDFs: the member register, the
//! welfare rules, the committee, the claims register, a month's cash-count sheet (one page,
//! to count onto when blank) and the auditor's yearly report. Report data in, bytes out.

use super::pdf::{Align, Weight};
use super::tables::{Cell, Table};
use super::vouchers::{titled_pdf, write_table};
use crate::domain::committee::role_th;
use crate::domain::welfare::RuleAmount;
use crate::report::registers::{
    AuditorReport, ClaimsRegister, CommitteeList, CountSheet, MemberRegister, RuleBook,
};
use crate::thai::{self, Digits};
use chrono::NaiveDate;

fn t(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

fn day(s: &str) -> String {
    crate::domain::date::parse(s)
        .map(|d| thai::date_short(d, Digits::Arabic))
        .unwrap_or_else(|_| s.to_string())
}

/// The Thai date of a stored UTC timestamp, in Thai time.
fn stamp(at: &str) -> String {
    crate::domain::date::local_date_of(at)
        .map(|d| thai::date_short(d, Digits::Arabic))
        .unwrap_or_default()
}

/// What a rule pays, in Thai: `2,000.00 บาท`, `วันละ 200.00 บาท ไม่เกิน 2,000.00 บาท ต่อครั้ง`,
/// `เป็นสมาชิก 1 ปี 3,000.00 บาท / 5 ปี 10,000.00 บาท`.
pub fn rule_amount_th(amount: &RuleAmount) -> String {
    let b = |s: crate::domain::Satang| format!("{} บาท", s.display());
    match amount {
        RuleAmount::Fixed { amount } => b(*amount),
        RuleAmount::PerDay { per_day, cap_per_event } => match cap_per_event {
            Some(cap) => format!("วันละ {} ไม่เกิน {} ต่อครั้ง", b(*per_day), b(*cap)),
            None => format!("วันละ {}", b(*per_day)),
        },
        RuleAmount::Tiered { tiers } => {
            let steps: Vec<String> =
                tiers.iter().map(|(years, a)| format!("{years} ปี {}", b(*a))).collect();
            format!("เป็นสมาชิก {}", steps.join(" / "))
        }
    }
}

/// The register and, for the spreadsheet, every status change as its own table.
pub fn member_register_tables(r: &MemberRegister) -> Vec<Table> {
    let opt = |v: &Option<String>| v.clone().unwrap_or_default();
    let members = r
        .members
        .iter()
        .map(|e| {
            let m = &e.member;
            vec![
                Cell::Code(m.member_no.clone()),
                t(&m.full_name()),
                Cell::Code(opt(&m.national_id)),
                t(&m.moo.map(|v| v.to_string()).unwrap_or_default()),
                t(&day(&m.joined_on)),
                t(m.status.name_th()),
                t(&day(&m.status_since)),
                t(&opt(&m.beneficiary_name)),
                t(&opt(&m.beneficiary_relation)),
            ]
        })
        .collect();
    let history = r
        .members
        .iter()
        .flat_map(|e| {
            e.history.iter().map(|h| {
                vec![
                    Cell::Code(e.member.member_no.clone()),
                    t(&e.member.full_name()),
                    t(h.status.name_th()),
                    t(&day(&h.effective_on)),
                    t(&h.reason),
                    t(&h.recorded_by),
                ]
            })
        })
        .collect();
    vec![
        Table {
            name: "ทะเบียนสมาชิก".into(),
            header: [
                "เลขที่สมาชิก",
                "ชื่อ-สกุล",
                "เลขประจำตัวประชาชน",
                "หมู่",
                "วันที่สมัคร",
                "สถานะ",
                "ตั้งแต่",
                "ผู้รับผลประโยชน์",
                "ความเกี่ยวพัน",
            ]
            .map(String::from)
            .to_vec(),
            rows: members,
        },
        Table {
            name: "ประวัติสถานะ".into(),
            header: ["เลขที่สมาชิก", "ชื่อ-สกุล", "สถานะ", "วันที่มีผล", "เหตุผล", "ผู้บันทึก"]
                .map(String::from)
                .to_vec(),
            rows: history,
        },
    ]
}

/// The printed register: each member on a line, and under it each later change of status.
/// The national ID stays in the spreadsheet: a printed page is easily copied.
pub fn member_register_pdf(fund: &str, dg: Digits, r: &MemberRegister) -> Vec<u8> {
    let mut rows = Vec::new();
    for e in &r.members {
        let m = &e.member;
        let mut history = e.history.iter();
        let first = history.next();
        rows.push(vec![
            Cell::Code(m.member_no.clone()),
            t(&m.full_name()),
            t(&m.moo.map(|v| v.to_string()).unwrap_or_default()),
            t(&day(&m.joined_on)),
            t(first.map(|h| h.status.name_th()).unwrap_or(m.status.name_th())),
            t(&first.map(|h| day(&h.effective_on)).unwrap_or_default()),
            t(first.map(|h| h.reason.as_str()).unwrap_or("")),
        ]);
        for h in history {
            rows.push(vec![
                t(""),
                t(""),
                t(""),
                t(""),
                t(h.status.name_th()),
                t(&day(&h.effective_on)),
                t(&h.reason),
            ]);
        }
    }
    let table = Table {
        name: "ทะเบียนสมาชิก".into(),
        header: ["เลขที่", "ชื่อ-สกุล", "หมู่", "วันที่สมัคร", "สถานะ", "วันที่มีผล", "เหตุผล"]
            .map(String::from)
            .to_vec(),
        rows,
    };
    let subtitle = format!(
        "ณ วันที่ {} สมาชิกที่บันทึกไว้ทั้งหมด {} คน",
        thai::date_long(r.as_of, dg),
        dg.apply(r.members.len().to_string())
    );
    titled_pdf(
        fund,
        dg,
        "ทะเบียนสมาชิก",
        &subtitle,
        r.as_of,
        false,
        |doc| {
            write_table(doc, dg, &table, &[38.0, 115.0, 25.0, 62.0, 82.0, 62.0, 111.0]);
        },
    )
}

pub fn rule_book_table(r: &RuleBook) -> Table {
    let rows = r
        .versions
        .iter()
        .map(|v| {
            let rule = &v.rule;
            let opt_money = |s: Option<crate::domain::Satang>| {
                s.map(|s| format!("{} บาท", s.display())).unwrap_or_else(|| "-".into())
            };
            vec![
                t(rule.category.name_th()),
                t(&thai::date_short(rule.effective_from, Digits::Arabic)),
                t(if v.in_force { "ใช้อยู่" } else { "" }),
                t(&match (rule.offered, rule.non_member_amount) {
                    (false, _) => "ไม่จัด".into(),
                    (true, None) => rule_amount_th(&rule.amount),
                    (true, Some(n)) => format!(
                        "{}; คนในชุมชนที่ไม่ใช่สมาชิก {} บาท",
                        rule_amount_th(&rule.amount),
                        n.display()
                    ),
                }),
                Cell::Int(i64::from(rule.waiting_days)),
                t(&opt_money(rule.cap_per_year)),
                t(&rule.max_claims_per_year.map(|n| n.to_string()).unwrap_or_else(|| "-".into())),
                t(if rule.require_up_to_date {
                    "ต้องไม่ค้างส่ง"
                } else {
                    "ค้างส่งได้"
                }),
                t(&rule.documents.join(", ")),
                t(v.resolution.as_deref().unwrap_or("")),
            ]
        })
        .collect();
    Table {
        name: "ระเบียบสวัสดิการ".into(),
        header: [
            "ประเภท",
            "ตั้งแต่",
            "ฉบับที่ใช้",
            "จ่าย",
            "รอ (วัน)",
            "เพดานต่อปี",
            "ครั้งต่อปี",
            "เงินสมทบ",
            "เอกสาร",
            "มติที่อนุมัติ",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

pub fn committee_table(c: &CommitteeList) -> Table {
    let rows = c
        .terms
        .iter()
        .map(|x| {
            vec![
                t(role_th(&x.role)),
                Cell::Code(x.member_no.clone()),
                t(&x.name),
                t(&day(&x.from)),
                t(&day(&x.to)),
                t(if x.in_office {
                    "ดำรงตำแหน่ง"
                } else {
                    "ครบวาระ"
                }),
            ]
        })
        .collect();
    Table {
        name: "รายชื่อคณะกรรมการ".into(),
        header: ["ตำแหน่ง", "เลขที่สมาชิก", "ชื่อ-สกุล", "วาระตั้งแต่", "ถึง", "สถานะ"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// The claims register; `compact` shortens the resolution to `มติที่ 1 กรรมการ ครั้งที่ 3/2569`
/// so that a printed line holds it (the spreadsheet keeps the whole name).
pub fn claims_register_table(r: &ClaimsRegister, compact: bool) -> Table {
    let resolution = |label: &str| {
        if compact {
            label.replace("การประชุมคณะกรรมการ", "กรรมการ").replace("การประชุมใหญ่", "ประชุมใหญ่")
        } else {
            label.to_string()
        }
    };
    let rows = r
        .claims
        .iter()
        .map(|x| {
            let c = &x.claim;
            vec![
                t(&day(&c.event_date)),
                Cell::Code(x.member_no.clone()),
                t(&x.member_name),
                t(crate::domain::welfare::Category::parse(&c.category)
                    .map(|k| k.name_th())
                    .unwrap_or(&c.category)),
                t(c.payee.as_deref().unwrap_or("")),
                t(&x.rule_from.map(|d| thai::date_short(d, Digits::Arabic)).unwrap_or_default()),
                Cell::Money(c.evaluated.satang()),
                Cell::Money(c.approved_amount.map(|a| a.satang()).unwrap_or(0)),
                t(&resolution(x.resolution.as_deref().unwrap_or(""))),
                t(crate::domain::welfare::claim_status_th(&c.status)),
                Cell::Code(x.payout_doc_no.clone().unwrap_or_default()),
            ]
        })
        .collect();
    Table {
        name: "ทะเบียนคำขอรับสวัสดิการ".into(),
        header: [
            "วันที่เกิดเหตุ",
            "เลขที่",
            "ชื่อ-สกุล",
            "ประเภท",
            "ผู้รับเงิน",
            "ระเบียบฉบับ",
            "ตามระเบียบ",
            "อนุมัติ",
            "มติ",
            "สถานะ",
            "ใบสำคัญจ่าย",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

/// The auditor's year, a month to a line.
pub fn auditor_report_table(r: &AuditorReport) -> Table {
    let rows = r
        .months
        .iter()
        .map(|m| {
            let differences: Vec<String> = m
                .differences
                .iter()
                .map(|d| {
                    let what = if d.amount.satang() > 0 {
                        crate::domain::entry::CASH_OVER_TH
                    } else {
                        crate::domain::entry::CASH_SHORT_TH
                    };
                    format!(
                        "{what} {} บาท ({}, {}) {}",
                        d.amount.abs().display(),
                        day(&d.date),
                        d.doc_no,
                        d.reason
                    )
                })
                .collect();
            vec![
                t(&thai::month_long(m.year, m.month, Digits::Arabic)),
                t(&m.count
                    .map(|(_, counted)| counted.display())
                    .unwrap_or_else(|| "ไม่ได้ตรวจนับ".into())),
                t(&differences.join("; ")),
                t(if m.closed {
                    "ปิดงวดแล้ว"
                } else {
                    "ยังไม่ปิดงวด"
                }),
                t(m.audit.as_ref().map(|a| a.auditor.as_str()).unwrap_or("ยังไม่ได้ลงนาม")),
                t(&m.audit.as_ref().map(|a| stamp(&a.signed_at)).unwrap_or_default()),
                t(m.audit.as_ref().map(|a| a.remarks.as_str()).unwrap_or("")),
            ]
        })
        .collect();
    Table {
        name: "รายงานผู้ตรวจสอบ".into(),
        header: ["เดือน", "เงินสดที่นับได้", "ผลต่างที่พบ", "ปิดงวด", "ผู้ตรวจสอบ", "วันที่ลงนาม", "หมายเหตุ"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}

/// The auditor's report: the months as a table, then what it adds up to and the auditor's
/// signature.
pub fn auditor_report_pdf(
    fund: &str,
    dg: Digits,
    r: &AuditorReport,
    printed: NaiveDate,
) -> Vec<u8> {
    let table = auditor_report_table(r);
    let subtitle = format!(
        "ปีบัญชี {} ({} – {})",
        dg.apply(thai::be_year(r.to).to_string()),
        thai::date_short(r.from, dg),
        thai::date_short(r.to, dg)
    );
    titled_pdf(
        fund,
        dg,
        "รายงานผู้ตรวจสอบประจำปี",
        &subtitle,
        printed,
        true,
        |doc| {
            write_table(doc, dg, &table, &[70.0, 65.0, 150.0, 55.0, 80.0, 55.0, 90.0]);
            let differences: usize = r.months.iter().map(|m| m.differences.len()).sum();
            let n = |v: usize| dg.apply(v.to_string());
            doc.gap(6.0);
            doc.paragraph(
            &format!(
                "ตรวจนับเงินสดแล้ว {} เดือน ลงนามตรวจสอบแล้ว {} เดือน จาก {} เดือน พบผลต่างของเงินสด {} รายการ",
                n(r.months_counted()),
                n(r.months_audited()),
                n(r.months.len()),
                n(differences)
            ),
            Weight::Regular,
            11.0,
        );
            doc.gap(16.0);
            doc.signatures(&["ผู้ตรวจสอบ"], 11.0);
        },
    )
}

fn face_th(face: i64) -> String {
    if face >= 2_000 {
        format!("ธนบัตร {} บาท", face / 100)
    } else if face >= 100 {
        format!("เหรียญ {} บาท", face / 100)
    } else {
        format!("เหรียญ {} สตางค์", face)
    }
}

/// One A4 page: the cash at the month's last day, the notes and coins counted (blank lines
/// to count onto when the month is not counted yet), each bank account reconciled, and the
/// signatures of the one who counted and the auditor.
pub fn count_sheet_pdf(fund: &str, dg: Digits, s: &CountSheet, printed: NaiveDate) -> Vec<u8> {
    let money = |v: i64| thai::amount(v, dg);
    let subtitle = format!("ณ วันที่ {}", thai::date_long(s.last_day, dg));
    titled_pdf(
        fund,
        dg,
        "ใบตรวจนับเงินสดและกระทบยอดเงินฝากธนาคาร",
        &subtitle,
        printed,
        false,
        |doc| {
            let right = doc.content_width();
            let blank = "...................";
            doc.line("1. เงินสด", Weight::Bold, 12.0, Align::Left);
            let rows = crate::domain::money::FACES
                .iter()
                .map(|face| {
                    let pieces =
                        s.pieces.iter().find(|(f, _)| f.satang() == *face).map(|(_, n)| *n);
                    vec![
                        t(&face_th(*face)),
                        t(&match (pieces, s.counted) {
                            (Some(n), _) => dg.apply(n.to_string()),
                            (None, Some(_)) if !s.pieces.is_empty() => dg.apply("0".into()),
                            _ => blank.into(),
                        }),
                        t(&match pieces {
                            Some(n) => money(face * i64::from(n)),
                            None if s.counted.is_some() && !s.pieces.is_empty() => money(0),
                            None => blank.into(),
                        }),
                    ]
                })
                .collect();
            let pieces_table = Table {
                name: "ธนบัตรและเหรียญ".into(),
                header: ["ชนิด", "จำนวน", "เป็นเงิน (บาท)"].map(String::from).to_vec(),
                rows,
            };
            write_table(doc, dg, &pieces_table, &[200.0, 100.0, 150.0]);
            let counted = s.counted.map(|c| money(c.satang())).unwrap_or_else(|| blank.into());
            doc.label_value(0.0, "รวมเงินสดที่นับได้", &counted, Weight::Bold, 11.0, right);
            doc.label_value(
                0.0,
                "ยอดเงินสดตามบัญชี",
                &money(s.cash_book.satang()),
                Weight::Regular,
                11.0,
                right,
            );
            let difference = match s.counted {
                Some(c) => money(c.satang() - s.cash_book.satang()),
                None => blank.into(),
            };
            doc.label_value(
                0.0,
                "ผลต่าง (นับได้ − ตามบัญชี)",
                &difference,
                Weight::Regular,
                11.0,
                right,
            );
            doc.gap(8.0);
            doc.line("2. เงินฝากธนาคาร", Weight::Bold, 12.0, Align::Left);
            if s.banks.is_empty() {
                doc.line("กองทุนไม่มีบัญชีเงินฝากธนาคาร", Weight::Regular, 11.0, Align::Left);
            }
            for b in &s.banks {
                doc.line(&format!("{} {}", b.account, b.name_th), Weight::Bold, 11.0, Align::Left);
                let figure = |v: Option<i64>| v.map(money).unwrap_or_else(|| blank.into());
                let r = b.reconciled.as_ref();
                let lines = [
                    ("ยอดตามสมุดบัญชีธนาคาร", figure(r.map(|r| r.statement))),
                    ("บวก เงินฝากระหว่างทาง", figure(r.map(|r| r.in_transit))),
                    ("หัก เช็คค้างจ่าย", figure(r.map(|r| r.uncleared))),
                    ("ยอดหลังกระทบยอด", figure(r.map(|r| r.statement + r.in_transit - r.uncleared))),
                    ("ยอดตามบัญชีของกองทุน", money(b.book.satang())),
                    (
                        "ผลต่าง",
                        figure(
                            r.map(|r| r.statement + r.in_transit - r.uncleared - b.book.satang()),
                        ),
                    ),
                ];
                for (label, value) in lines {
                    doc.label_value(20.0, label, &value, Weight::Regular, 11.0, right);
                }
            }
            doc.gap(8.0);
            let status = match (&s.checked_by, &s.checked_at) {
                (Some(by), Some(at)) => format!(
                    "ตรวจนับและกระทบยอดแล้วเมื่อ {} บันทึกโดย {by}{}",
                    stamp(at),
                    if s.closed { " และปิดงวดแล้ว" } else { "" }
                ),
                _ => "ยังไม่ได้ตรวจนับเงินสด: กรอกจำนวนที่นับได้ลงในช่องว่าง".into(),
            };
            doc.paragraph(&status, Weight::Regular, 11.0);
            if let Some(a) = &s.audit {
                doc.paragraph(&super::statement::signed_off(a, dg), Weight::Bold, 11.0);
            }
            doc.gap(16.0);
            doc.signatures(&["ผู้ตรวจนับ", "เหรัญญิก", "ผู้ตรวจสอบ"], 11.0);
        },
    )
}

/// The year's dividends and refunds to sign at the payout: member, dividend, refund, the
/// share, what was paid and how, and a blank column for the member's signature.
pub fn dividend_list_table(list: &crate::report::allocation::DividendList) -> Table {
    let how = |into: &str| match into {
        "savings" => "เข้าเงินสัจจะ",
        "cash" => "เงินสด",
        "bank" => "โอนทางธนาคาร",
        _ => "ยังไม่จ่าย",
    };
    let mut rows: Vec<Vec<Cell>> = list
        .lines
        .iter()
        .map(|l| {
            vec![
                Cell::Code(l.member_no.clone()),
                t(&l.name),
                Cell::Money(l.dividend.satang()),
                Cell::Money(l.refund.satang()),
                Cell::Money((l.dividend + l.refund).satang()),
                Cell::Money(l.paid.satang()),
                t(how(&l.paid_into)),
                t(""),
            ]
        })
        .collect();
    let n = rows.len();
    let total = vec![
        t(""),
        t("รวม"),
        super::tables::sum_of(&rows, 0, n, 2),
        super::tables::sum_of(&rows, 0, n, 3),
        super::tables::sum_of(&rows, 0, n, 4),
        super::tables::sum_of(&rows, 0, n, 5),
        t(""),
        t(""),
    ];
    rows.push(total);
    Table {
        name: "ปันผลและเฉลี่ยคืน".into(),
        header: ["เลขที่สมาชิก", "ชื่อ-สกุล", "ปันผล", "เฉลี่ยคืน", "รวม", "จ่ายแล้ว", "จ่ายโดย", "ลายมือชื่อผู้รับ"]
            .map(String::from)
            .to_vec(),
        rows,
    }
}
