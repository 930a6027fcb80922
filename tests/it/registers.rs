//! The registers the committee keeps and the auditor reads: member register with status
//! history, welfare rules with every version, committee, claims register, the month's
//! cash-count sheet (one A4 page) and the auditor's yearly report, each checked in the PDF
//! with pdftotext and in the CSV, and written by the CLI with the very bytes the app saves.

use super::welfare::{approving_resolution, claim, setup};
use super::*;
use kongthun::domain::welfare::{Category, RuleAmount, WelfareRule};
use kongthun::ops::close::MonthCheckText;
use kongthun::ops::documents::{Document, Format};

pub fn pdf_text(f: &Fixture, doc: &Document, name: &str) -> (String, String) {
    let path = f.dir.path().join(format!("{name}.pdf"));
    ops::documents::save(&f.store, &today(), doc, Format::Pdf, &path).unwrap();
    let text = tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    (text, info)
}

pub fn csv_text(f: &Fixture, doc: &Document) -> String {
    String::from_utf8(ops::documents::render(&f.store, &today(), doc, Format::Csv).unwrap())
        .unwrap()
}

/// A year of a welfare fund's records: a member who resigned, a rule changed by a
/// resolution, a death benefit paid, and March 2569 counted note by note with a shortage
/// explained, signed by the auditor and closed.
fn year_of_records() -> Fixture {
    let mut f = setup("2024-06-01", 30);
    ops::members::add_member(&mut f.store, &today(), &person("สมปอง", "ย้ายบ้าน", "", "2024-01-01"))
        .unwrap();
    edge::change_status(
        &mut f.store,
        &today(),
        "5",
        kongthun::domain::MemberStatus::Resigned,
        "2026-02-15",
        "ย้ายไปอยู่ต่างจังหวัด",
    )
    .unwrap();
    // the new version adopted by the general assembly, as the rules are changed
    let rule_resolution = super::welfare::assembly_resolution(&mut f, "2026-01-20", "rule");
    let illness = WelfareRule {
        category: Category::Illness,
        effective_from: date(2026, 2, 1),
        offered: true,
        waiting_days: 90,
        amount: RuleAmount::PerDay {
            per_day: Satang::from_baht(200),
            cap_per_event: Some(Satang::from_baht(1500)),
        },
        cap_per_year: Some(Satang::from_baht(3000)),
        max_claims_per_year: None,
        require_up_to_date: true,
        non_member_amount: None,
        documents: vec!["ใบรับรองแพทย์".into()],
    };
    ops::welfare::add_rule(&mut f.store, &today(), &illness, Some(rule_resolution)).unwrap();
    let (c, _) = claim(&mut f, "death", "2026-03-10", None, &["ใบมรณบัตร"]).unwrap();
    let approving = approving_resolution(&mut f, "2026-03-12");
    edge::decide_claim(&mut f.store, c.id, true, approving, None).unwrap();
    edge::pay_claim(&mut f.store, &today(), c.id, "2026-03-15", "cash").unwrap();
    edge::record_cash_difference(&mut f.store, &today(), "2026-03-31", "-20", "ทอนเงินผิด").unwrap();
    let cash = f.store.read().account_balance("1101", "2026-03-31").unwrap();
    // the till as counted: every baht of it in 1000s, 100s, 20s, coins of 1 and of 25 satang
    let mut left = cash.satang();
    let mut pieces = Vec::new();
    for face in [100_000, 10_000, 2_000, 100, 25] {
        let n = left / face;
        left -= n * face;
        if n > 0 {
            pieces.push(format!("{}x{n}", Satang::new(face).display().replace(",", "")));
        }
    }
    assert_eq!(left, 0, "the fixture's cash is a whole number of quarters");
    let typed = pieces.join(", ");
    let counted = cash.display();
    let check =
        MonthCheckText { cash_counted: &counted, notes_and_coins: &typed, ..Default::default() }
            .parse()
            .unwrap();
    ops::close::sign_audit(
        &mut f.store,
        &today(),
        "2026-03",
        "นางตรวจ สอบดี",
        "นับเงินสดต่อหน้ากรรมการ",
    )
    .unwrap();
    ops::close::close_month_checked(&mut f.store, &today(), "2026-03", check.as_ref()).unwrap();
    f
}

#[test]
fn the_registers_carry_every_record_with_its_history() {
    let f = year_of_records();
    let as_of = "2026-11-22".to_string();

    let (text, _) = pdf_text(&f, &Document::MemberRegister { as_of: as_of.clone() }, "members");
    assert!(text.contains("ทะเบียนสมาชิก") && text.contains("สมปอง ย้ายบ้าน"), "{text}");
    assert!(
        text.contains("ลาออก") && text.contains("15 ก.พ. 2569") && text.contains("ย้ายไปอยู่ต่างจังหวัด"),
        "the resignation under the member: {text}"
    );
    let csv = csv_text(&f, &Document::MemberRegister { as_of: as_of.clone() });
    assert!(csv.contains("ประวัติสถานะ") && csv.contains("ย้ายไปอยู่ต่างจังหวัด"), "{csv}");

    let (text, _) = pdf_text(&f, &Document::WelfareRules { as_of: as_of.clone() }, "rules");
    assert!(text.contains("วันละ 200.00 บาท"), "the new version: {text}");
    assert!(text.contains("มติที่ 1"), "with the resolution that approved it: {text}");
    let csv = csv_text(&f, &Document::WelfareRules { as_of: as_of.clone() });
    let illness: Vec<&str> = csv.lines().filter(|l| l.starts_with("เจ็บป่วย")).collect();
    assert_eq!(illness.len(), 2, "both versions of the illness rule: {csv}");
    assert_eq!(
        illness.iter().filter(|l| l.contains("ใช้อยู่")).count(),
        1,
        "one in force: {illness:?}"
    );

    let (text, _) = pdf_text(&f, &Document::Committee { as_of }, "committee");
    assert!(
        text.contains("ประธาน") && text.contains("ผู้ตรวจสอบ") && text.contains("ดำรงตำแหน่ง"),
        "{text}"
    );

    let (text, _) = pdf_text(&f, &Document::ClaimsRegister { year: 2569 }, "claims");
    assert!(
        text.contains("น้ำทิพย์ ปั้นทอง") && text.contains("เสียชีวิต") && text.contains("จ่ายแล้ว"),
        "{text}"
    );
    assert!(text.contains("PV"), "the payment voucher's number: {text}");
    assert!(text.contains("นายผู้ใหญ่ ปั้นทอง"), "the beneficiary who was paid: {text}");
    let earlier = csv_text(&f, &Document::ClaimsRegister { year: 2568 });
    assert!(!earlier.contains("น้ำทิพย์"), "a claim is in its own fiscal year only");
}

#[test]
fn the_count_sheet_is_one_page_with_the_notes_and_coins_counted() {
    let f = year_of_records();
    let (text, info) = pdf_text(&f, &Document::CountSheet { month: "2569-03".into() }, "march");
    assert!(info.contains("Pages:           1"), "one A4 page: {info}");
    let cash = f.store.read().account_balance("1101", "2026-03-31").unwrap();
    assert!(text.contains("ธนบัตร 1000 บาท") && text.contains("เหรียญ 25 สตางค์"), "{text}");
    assert!(text.contains(&cash.display()), "the cash at month end: {text}");
    assert!(text.contains("ตรวจสอบแล้วโดย นางตรวจ สอบดี"), "{text}");
    assert!(text.contains("ปิดงวดแล้ว"), "{text}");
    // a month not yet counted gives lines to count onto, with the book figures
    let (blank, info) = pdf_text(&f, &Document::CountSheet { month: "2569-10".into() }, "october");
    assert!(info.contains("Pages:           1"));
    assert!(blank.contains("ยังไม่ได้ตรวจนับเงินสด") && blank.contains("..........."), "{blank}");
    // only a PDF
    assert_eq!(
        ops::documents::render(
            &f.store,
            &today(),
            &Document::CountSheet { month: "2569-03".into() },
            Format::Csv
        )
        .unwrap_err()
        .code(),
        "invalid.unknown_choice"
    );
}

#[test]
fn the_auditors_year_names_each_month_counted_signed_and_the_differences() {
    let f = year_of_records();
    let doc = Document::AuditorReport { year: 2569 };
    let (text, _) = pdf_text(&f, &doc, "auditor");
    assert!(text.contains("รายงานผู้ตรวจสอบประจำปี") && text.contains("มีนาคม 2569"), "{text}");
    assert!(text.contains("เงินขาดบัญชี 20.00 บาท"), "the shortage found: {text}");
    assert!(text.contains("นางตรวจ สอบดี"), "{text}");
    assert!(text.contains("ตรวจนับเงินสดแล้ว 1 เดือน ลงนามตรวจสอบแล้ว 1 เดือน จาก 12 เดือน"), "{text}");
    let csv = csv_text(&f, &doc);
    assert_eq!(csv.lines().filter(|l| l.contains("ยังไม่ได้ลงนาม")).count(), 11, "{csv}");
}

#[test]
fn notes_and_coins_are_read_once_and_must_be_real_faces() {
    for (typed, why) in [
        ("1000x2, 3x1", "no 3-baht coin"),
        ("1000x2, 1000x1", "a face twice"),
        ("1000", "no count"),
    ] {
        let e =
            MonthCheckText { cash_counted: "2000", notes_and_coins: typed, ..Default::default() }
                .parse()
                .unwrap_err();
        match e {
            kongthun::Error::Invalid { field, value, .. } => {
                assert_eq!((field, value.as_str()), ("notes_and_coins", typed), "{why}")
            }
            other => panic!("{why}: {other:?}"),
        }
    }
    let check = MonthCheckText {
        cash_counted: "2,020.75",
        notes_and_coins: "1000×2, 20x1, 0.25x3",
        ..Default::default()
    }
    .parse()
    .unwrap()
    .unwrap();
    assert_eq!(
        check.denominations,
        vec![(Satang::new(100_000), 2), (Satang::new(2_000), 1), (Satang::new(25), 3)]
    );
}

#[test]
fn the_cli_writes_the_same_pdf_bytes_as_the_app() {
    let f = year_of_records();
    let db = f.path();
    for (args, doc) in [
        (vec!["report", "cash-count", "2569-03"], Document::CountSheet { month: "2569-03".into() }),
        (vec!["report", "auditor", "2569"], Document::AuditorReport { year: 2569 }),
        (
            vec!["report", "statement", "--month", "2569-03"],
            Document::Statement { month: "2026-03".into(), names: false },
        ),
        (
            vec!["report", "members", "--as-of", "2026-11-22"],
            Document::MemberRegister { as_of: "2026-11-22".into() },
        ),
    ] {
        let cli_pdf = f.dir.path().join("cli.pdf");
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kongthun"))
            .args(["--db", db.to_str().unwrap(), "--now", "2026-11-22T05:00:00Z"])
            .args(&args)
            .args(["--pdf", cli_pdf.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let app = ops::documents::render(&f.store, &today(), &doc, Format::Pdf).unwrap();
        assert!(
            std::fs::read(&cli_pdf).unwrap() == app,
            "{args:?}: the CLI's PDF differs from the app's"
        );
    }
}

#[test]
fn a_death_benefit_voucher_names_the_beneficiary_as_payee() {
    let f = year_of_records();
    let claim = f.store.read().claims(Some("paid")).unwrap().remove(0);
    let entry = f.store.read().entry(claim.payout_entry_id.unwrap()).unwrap().unwrap();
    let (text, _) = pdf_text(&f, &Document::Voucher { entry: entry.doc_no.clone() }, "voucher");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("จ่ายให้แก่ นายผู้ใหญ่ ปั้นทอง (คู่สมรส ผู้รับผลประโยชน์ของ"),
        "the beneficiary, with the relation, is the payee: {flat}"
    );
    assert!(flat.contains("สมาชิก นางน้ำทิพย์ ปั้นทอง"), "and the member it is for: {flat}");
}
