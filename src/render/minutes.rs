//! Minutes of a meeting (รายงานการประชุม) and the CODI matching-request figures as PDF.

use super::pdf::{Align, Column, PdfDoc, Weight};
use crate::report::codi::CodiReport;
use crate::store::{FundRow, MeetingRow, MemberRow, ResolutionRow};
use crate::thai::{self, Digits};

fn digits(fund: &FundRow) -> Digits {
    if fund.profile.thai_digits {
        Digits::Thai
    } else {
        Digits::Arabic
    }
}

pub struct MinutesData<'a> {
    pub fund: &'a FundRow,
    pub meeting: &'a MeetingRow,
    pub attendees: &'a [MemberRow],
    pub agenda: &'a [(i64, String, String)],
    pub resolutions: &'a [ResolutionRow],
    /// Label of the meeting that approved these minutes, if any.
    pub approved_at: Option<String>,
}

pub fn minutes_pdf(d: &MinutesData<'_>) -> Vec<u8> {
    let dg = digits(d.fund);
    let m = d.meeting;
    let kind = if m.kind == "general" {
        "การประชุมใหญ่สามัญประจำปี"
    } else {
        "การประชุมคณะกรรมการ"
    };
    let held =
        crate::domain::date::parse(&m.held_on).map(|x| thai::date_long(x, dg)).unwrap_or_default();
    let status = match &d.approved_at {
        Some(at) => format!("รับรองแล้วใน{at}"),
        None => "ร่าง ยังไม่ได้รับรอง".into(),
    };
    let mut doc = PdfDoc::new(&format!("รายงาน{kind} {}", m.label()), &status, "");
    let w = doc.content_width();
    doc.line(&format!("รายงาน{kind}",), Weight::Bold, 16.0, Align::Center);
    doc.line(&d.fund.profile.name_th, Weight::Bold, 14.0, Align::Center);
    doc.line(&dg.apply(m.label()), Weight::Regular, 13.0, Align::Center);
    doc.line(
        &format!("วันที่ {held}  ณ {}", if m.place.is_empty() { "-" } else { &m.place }),
        Weight::Regular,
        12.0,
        Align::Center,
    );
    doc.gap(6.0);
    let quorum = m.present * 2 > m.eligible;
    doc.paragraph(
        &format!(
            "ผู้มีสิทธิ์เข้าประชุม {} คน มาประชุม {} คน {}",
            dg.apply(m.eligible.to_string()),
            dg.apply(m.present.to_string()),
            if quorum {
                "ครบองค์ประชุม"
            } else {
                "ไม่ครบองค์ประชุม"
            }
        ),
        Weight::Regular,
        12.0,
    );
    if m.kind == "committee" && !d.attendees.is_empty() {
        doc.line("ผู้มาประชุม", Weight::Bold, 12.0, Align::Left);
        for (i, a) in d.attendees.iter().enumerate() {
            doc.line(
                &format!("{}. {}", dg.apply((i + 1).to_string()), a.full_name()),
                Weight::Regular,
                12.0,
                Align::Left,
            );
        }
    }
    doc.gap(4.0);
    for (n, title, body) in d.agenda {
        doc.line(
            &format!("ระเบียบวาระที่ {} {title}", dg.apply(n.to_string())),
            Weight::Bold,
            12.0,
            Align::Left,
        );
        if !body.is_empty() {
            doc.paragraph(body, Weight::Regular, 12.0);
        }
        for r in d.resolutions.iter().filter(|r| r.agenda_no == Some(*n)) {
            resolution_line(&mut doc, r, dg);
        }
    }
    for r in d.resolutions.iter().filter(|r| r.agenda_no.is_none()) {
        resolution_line(&mut doc, r, dg);
    }
    if !m.minutes.is_empty() {
        doc.gap(4.0);
        doc.line("เนื้อหารายงานการประชุม", Weight::Bold, 12.0, Align::Left);
        doc.paragraph(&m.minutes, Weight::Regular, 12.0);
    }
    doc.gap(18.0);
    let _ = w;
    doc.signatures(&["ผู้บันทึกรายงานการประชุม", "ผู้ตรวจรายงานการประชุม (ประธาน)"], 11.0);
    doc.finish()
}

fn resolution_line(doc: &mut PdfDoc, r: &ResolutionRow, dg: Digits) {
    doc.paragraph(
        &format!(
            "มติที่ {} {} — เห็นด้วย {} ไม่เห็นด้วย {} งดออกเสียง {} : {}",
            dg.apply(r.seq.to_string()),
            r.subject,
            dg.apply(r.votes_for.to_string()),
            dg.apply(r.votes_against.to_string()),
            dg.apply(r.abstain.to_string()),
            if r.passed {
                "ที่ประชุมมีมติเห็นชอบ"
            } else {
                "ที่ประชุมไม่เห็นชอบ"
            }
        ),
        Weight::Regular,
        12.0,
    );
}

pub fn codi_pdf(fund: &FundRow, r: &CodiReport, printed_on: chrono::NaiveDate) -> Vec<u8> {
    let dg = digits(fund);
    let mut doc = PdfDoc::new(
        "ข้อมูลประกอบการขอรับเงินสมทบ",
        &format!("พิมพ์เมื่อ {}", thai::date_short(printed_on, dg)),
        "",
    );
    let w = doc.content_width();
    doc.line(&fund.profile.name_th, Weight::Bold, 15.0, Align::Center);
    doc.line("ข้อมูลประกอบการขอรับเงินสมทบจากรัฐบาล (ผ่าน พอช.)", Weight::Bold, 14.0, Align::Center);
    doc.line(
        &format!("ข้อมูล ณ วันที่ {}", thai::date_long(r.counting_day, dg)),
        Weight::Regular,
        12.0,
        Align::Center,
    );
    doc.gap(6.0);
    doc.label_value(
        0.0,
        "สมาชิกที่เป็นสมาชิกครบ 1 ปี",
        &dg.apply(r.members_full_year.to_string()),
        Weight::Regular,
        12.0,
        w,
    );
    for (i, n) in r.times_matched.iter().enumerate() {
        doc.label_value(
            20.0,
            &format!("เคยได้รับเงินสมทบแล้ว {} ครั้ง", dg.apply(i.to_string())),
            &dg.apply(n.to_string()),
            Weight::Regular,
            12.0,
            w,
        );
    }
    doc.label_value(
        0.0,
        "จำนวนสมาชิกที่ขอรับเงินสมทบได้ (ไม่เกิน 3 ครั้งต่อคน)",
        &dg.apply(r.members_to_request.to_string()),
        Weight::Bold,
        12.0,
        w,
    );
    doc.gap(6.0);
    doc.begin_table(
        vec![
            Column {
                title: "แหล่งรายรับในรอบปี".into(), width: w - 130.0, align: Align::Left
            },
            Column { title: "บาท".into(), width: 130.0, align: Align::Right },
        ],
        12.0,
    );
    for (name, v) in &r.income_by_source {
        doc.table_row(&[name.clone(), thai::amount(v.satang(), dg)], Weight::Regular);
    }
    doc.end_table();
    doc.gap(6.0);
    // Each criterion whole, with its verdict and the evidence under it: the guideline's
    // words are long, and a cut-off criterion cannot be checked by the officer.
    let stage = match r.stage {
        crate::domain::criteria::Stage::Existing => "กองทุนที่มีอยู่แล้ว",
        crate::domain::criteria::Stage::New => "กองทุนจัดตั้งใหม่",
    };
    doc.line(
        &format!("หลักเกณฑ์ตามแนวทางสนับสนุนการจัดสวัสดิการชุมชน ({stage})"),
        Weight::Bold,
        12.0,
        Align::Left,
    );
    for c in r.criteria.iter().chain(&r.programme) {
        doc.paragraph(&format!("{} — {}", c.verdict_th(), c.th), Weight::Bold, 11.0);
        doc.paragraph(&format!("    {}", dg.apply(c.evidence_th.clone())), Weight::Regular, 10.0);
    }
    doc.gap(18.0);
    doc.signatures(&["เหรัญญิก", "ประธานกรรมการ"], 11.0);
    doc.finish()
}
