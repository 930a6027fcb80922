//! The auditor's month: the cash counted and the bank reconciled before a month closes, a
//! difference explained by a named entry first, the auditor's sign-off printed on the sealed
//! statement and carried to the province.

use super::*;
use kongthun::ops::cashbook::CashMoveText;
use kongthun::ops::close::{BankCheck, MonthCheck};

/// A welfare fund with 1,000.00 in cash and 5,000.00 in the bank at the end of March 2569.
fn march() -> Fixture {
    let mut f = fund(FundKind::Welfare);
    let mv = |amount: &str, till: &str, date: &str| CashMoveText {
        account: "4301".into(),
        amount: amount.into(),
        date: date.into(),
        till: till.into(),
        description: "บริจาค".into(),
        member_no: None,
    };
    edge::receive(&mut f.store, &today(), &mv("1000", "cash", "2026-03-05")).unwrap();
    edge::receive(&mut f.store, &today(), &mv("5000", "bank", "2026-03-06")).unwrap();
    f
}

/// The fund's bundle of everything closed, enrolled and imported at a new province.
fn at_the_province(f: &mut Fixture) -> kongthun::store::province::ProvinceStore {
    bundle_at_the_province(f).0
}

/// The same, with the bundle's file.
pub fn bundle_at_the_province(
    f: &mut Fixture,
) -> (kongthun::store::province::ProvinceStore, std::path::PathBuf) {
    let usb = f.dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let db = f.path();
    let bundle = kongthun::ops::bundles::export_bundle(
        &mut f.store,
        &today(),
        &db,
        "since-last",
        &usb,
        kongthun::ops::bundles::IdPolicy::Hashed,
    )
    .unwrap();
    let mut p =
        kongthun::store::province::ProvinceStore::open(&f.dir.path().join("p.sqlite")).unwrap();
    super::suite::enrol(&mut p, &bundle.path);
    ops::province::import(&mut p, &bundle.path, false, "x", "t").unwrap();
    (p, bundle.path)
}

fn bank(statement: i64, in_transit: i64, uncleared: i64) -> BankCheck {
    BankCheck {
        account: "1102".into(),
        statement: Satang::new(statement),
        in_transit: Satang::new(in_transit),
        uncleared: Satang::new(uncleared),
    }
}

#[test]
fn a_cash_difference_must_be_recorded_before_the_month_closes() {
    let mut f = march();
    let short = MonthCheck {
        cash_counted: Satang::new(98000),
        denominations: vec![
            (Satang::new(50000), 1),
            (Satang::new(10000), 4),
            (Satang::new(2000), 4),
        ],
        banks: vec![bank(500000, 0, 0)],
    };
    let before = dump(&f.store);
    let e = ops::close::close_month_checked(&mut f.store, &today(), "2026-03", Some(&short))
        .unwrap_err();
    assert_eq!(e.code(), "cannot_close");
    assert!(
        e.message_th().contains("980.00")
            && e.message_th().contains("1,000.00")
            && e.message_th().contains("เงินขาดบัญชี 20.00"),
        "{}",
        e.message_th()
    );
    assert_eq!(dump(&f.store), before, "a refused close writes nothing");
    // counted coins that do not add up to the figure given are refused too
    let wrong = MonthCheck { denominations: vec![(Satang::new(50000), 1)], ..short.clone() };
    assert!(ops::close::close_month_checked(&mut f.store, &today(), "2026-03", Some(&wrong))
        .unwrap_err()
        .message_th()
        .contains("ธนบัตรและเหรียญ"));
    // explained by a named entry, the same count closes
    let entry =
        edge::record_cash_difference(&mut f.store, &today(), "2026-03-31", "-20", "นับผิดตอนทอนเงิน")
            .unwrap();
    let recorded = f.store.read().entry(entry.id).unwrap().unwrap();
    assert!(
        recorded.description.starts_with("เงินขาดบัญชี: นับผิดตอนทอนเงิน"),
        "{}",
        recorded.description
    );
    ops::close::close_month_checked(&mut f.store, &today(), "2026-03", Some(&short)).unwrap();
    let check = f.store.read().month_check("2026-03").unwrap().unwrap();
    assert_eq!((check.cash_counted, check.cash_book), (Satang::new(98000), Satang::new(98000)));
    // kept as it was, like the close
    assert!(f
        .store
        .raw_connection_for_tests()
        .execute("UPDATE month_check SET cash_counted = 0", [])
        .is_err());
}

#[test]
fn a_bank_reconciliation_with_a_payment_in_transit_closes_at_zero() {
    let mut f = march();
    // a 300.00 payment by cheque on the 30th that the bank has not cleared yet
    edge::pay(
        &mut f.store,
        &today(),
        &CashMoveText {
            account: "5201".into(),
            amount: "300".into(),
            date: "2026-03-30".into(),
            till: "bank".into(),
            description: "ค่าเช่า".into(),
            member_no: None,
        },
    )
    .unwrap();
    let check = |b: BankCheck| MonthCheck {
        cash_counted: Satang::new(100000),
        denominations: vec![],
        banks: vec![b],
    };
    // the passbook still shows 5,000.00: unreconciled unless the cheque is listed
    let e = ops::close::close_month_checked(
        &mut f.store,
        &today(),
        "2026-03",
        Some(&check(bank(500000, 0, 0))),
    )
    .unwrap_err();
    assert!(
        e.message_th().contains("กระทบยอด 1102 ไม่ลงตัว") && e.message_th().contains("300.00"),
        "{}",
        e.message_th()
    );
    // a bank account left out is refused by name
    let none =
        MonthCheck { cash_counted: Satang::new(100000), denominations: vec![], banks: vec![] };
    assert!(ops::close::close_month_checked(&mut f.store, &today(), "2026-03", Some(&none))
        .unwrap_err()
        .message_th()
        .contains("ยังไม่ได้กระทบยอดบัญชี 1102"));
    ops::close::close_month_checked(
        &mut f.store,
        &today(),
        "2026-03",
        Some(&check(bank(500000, 0, 30000))),
    )
    .unwrap();
    assert!(f
        .store
        .read()
        .month_check("2026-03")
        .unwrap()
        .unwrap()
        .banks
        .contains(r#""uncleared":30000"#));
}

#[test]
fn the_sign_off_is_on_the_statement_and_at_the_province() {
    let mut f = march();
    // the auditor signs before the close; not a month that has not ended, not twice
    assert_eq!(
        ops::close::sign_audit(&mut f.store, &today(), "2026-11", "นางตรวจ สอบดี", "")
            .unwrap_err()
            .code(),
        "audit.refused"
    );
    ops::close::sign_audit(&mut f.store, &today(), "2026-03", "นางตรวจ สอบดี", "ตรวจสมุดเงินฝากแล้ว")
        .unwrap();
    assert_eq!(
        ops::close::sign_audit(&mut f.store, &today(), "2026-03", "นางตรวจ สอบดี", "")
            .unwrap_err()
            .code(),
        "audit.refused"
    );
    let check = MonthCheck {
        cash_counted: Satang::new(100000),
        denominations: vec![],
        banks: vec![bank(500000, 0, 0)],
    };
    ops::close::close_month_checked(&mut f.store, &today(), "2026-03", Some(&check)).unwrap();
    assert_eq!(
        ops::close::sign_audit(&mut f.store, &today(), "2026-02", "นางตรวจ สอบดี", "")
            .unwrap_err()
            .code(),
        "audit.refused",
        "after the close it is too late"
    );
    let s = kongthun::report::statement(&f.store.read(), 2026, 3, date(2026, 4, 2)).unwrap();
    let pdf = kongthun::render::statement::statement_pdf(
        &s,
        &kongthun::render::statement::StatementOptions { recipient_names: false },
    );
    let path = f.dir.path().join("march.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let text = tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(
        text.contains("ตรวจสอบแล้วโดย นางตรวจ สอบดี") && text.contains("ตรวจสมุดเงินฝากแล้ว"),
        "{text}"
    );
    assert!(text.contains("ตรวจนับเงินสดแล้ว 1,000.00 บาท"), "{text}");
    let pages = tool("pdfinfo", &[path.to_str().unwrap()]);
    assert!(pages.contains("Pages:           1"), "one A4 page still");
    // a month closed without a count says so
    ops::close::close_month(&mut f.store, &today(), "2026-04").unwrap();
    let april = kongthun::report::statement(&f.store.read(), 2026, 4, date(2026, 5, 2)).unwrap();
    let pdf = kongthun::render::statement::statement_pdf(
        &april,
        &kongthun::render::statement::StatementOptions { recipient_names: false },
    );
    std::fs::write(&path, &pdf).unwrap();
    assert!(
        tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]).contains("ยังไม่ได้ตรวจนับเงินสด")
    );
    // the province sees which months were audited
    let p = at_the_province(&mut f);
    let coverage = ops::province::coverage(&p, "2026-04").unwrap();
    assert_eq!(coverage[0].months_audited, vec!["2026-03".to_string()]);
}

#[test]
fn a_fund_may_require_the_count() {
    let mut f = march();
    edge::fund_rule(&mut f.store, "require_cash_count", "yes", "2026-03-01");
    let e = ops::close::close_month(&mut f.store, &today(), "2026-03").unwrap_err();
    assert!(e.message_th().contains("ตรวจนับเงินสด"), "{}", e.message_th());
}

#[test]
fn the_typed_count_is_parsed_once_for_the_cli_and_the_app() {
    use kongthun::ops::close::MonthCheckText;
    let none = MonthCheckText::default().parse().unwrap();
    assert_eq!(none, None, "nothing typed closes without a count");
    let typed = MonthCheckText {
        cash_counted: "1,000.50",
        bank_statement: "5000",
        in_transit: " ",
        uncleared: "",
        notes_and_coins: "",
    };
    let check = typed.parse().unwrap().unwrap();
    assert_eq!(check.cash_counted, Satang::new(100_050));
    assert_eq!(check.banks, vec![bank(500_000, 0, 0)], "blank in transit and uncleared are zero");
    let stray = MonthCheckText { bank_statement: "5000", ..Default::default() };
    match stray.parse() {
        Err(kongthun::Error::Invalid { field, .. }) => assert_eq!(field, "cash_counted"),
        other => panic!("a passbook balance without a cash count: {other:?}"),
    }
    let in_transit_alone =
        MonthCheckText { cash_counted: "100", in_transit: "50", ..Default::default() };
    match in_transit_alone.parse() {
        Err(kongthun::Error::Invalid { field, .. }) => assert_eq!(field, "bank_statement"),
        other => panic!("deposits in transit without the passbook: {other:?}"),
    }
    let bad = MonthCheckText { cash_counted: "12.345", ..Default::default() };
    match bad.parse() {
        Err(kongthun::Error::Invalid { field, value, .. }) => {
            assert_eq!((field, value.as_str()), ("cash_counted", "12.345"))
        }
        other => panic!("three decimals: {other:?}"),
    }
}

#[test]
fn the_close_is_previewed_with_the_same_checks_and_names_who_will_lapse() {
    let mut f = march();
    ops::members::add_member(&mut f.store, &today(), &person("ขาดส่ง", "นานแล้ว", "", "2025-10-01"))
        .unwrap();
    let before = dump(&f.store);
    // a count that does not agree is refused by the preview as by the close
    let short = MonthCheck {
        cash_counted: Satang::new(90_000),
        denominations: vec![],
        banks: vec![bank(500_000, 0, 0)],
    };
    let e = ops::close::close_preview(&f.store, &today(), "2026-03", Some(&short)).unwrap_err();
    assert_eq!(e.code(), "cannot_close", "{e}");
    let right = MonthCheck { cash_counted: Satang::new(100_000), ..short };
    let preview = ops::close::close_preview(&f.store, &today(), "2569-03", Some(&right)).unwrap();
    assert_eq!(dump(&f.store), before, "a preview writes nothing");
    let named: Vec<_> =
        preview.to_lapse.iter().map(|r| (r.member_no.as_str(), r.name.as_str())).collect();
    assert_eq!(named, vec![("1", "นางขาดส่ง นานแล้ว")], "who the lapse rule takes out, by name");
    let closed =
        ops::close::close_month_checked(&mut f.store, &today(), "2026-03", Some(&right)).unwrap();
    assert_eq!(closed.lapsed_members, vec!["1".to_string()], "exactly those the preview named");
}

#[test]
fn the_province_checks_the_certification_and_the_area_the_fund_recorded() {
    let mut f = march();
    for (i, moo) in ["1", "2", "2"].iter().enumerate() {
        // (joined this month, so the lapse rule at the close leaves them active)
        let mut p = person(&format!("สมาชิก{i}"), "บ้านไกล", "", "2026-03-01");
        p.moo = (*moo).into();
        ops::members::add_member(&mut f.store, &today(), &p).unwrap();
    }
    let on = kongthun::domain::input::Input::day("certified_on", "2025-05-01").unwrap();
    ops::fund::record_certification(
        &mut f.store,
        &today(),
        kongthun::domain::criteria::CertifiedBy::Codi,
        &on,
        "พอช. 12/2568",
    )
    .unwrap();
    ops::fund::set_area(&mut f.store, "1-4").unwrap();
    ops::close::close_month(&mut f.store, &today(), "2026-03").unwrap();
    let p = at_the_province(&mut f);
    let funds = ops::province::criteria(&p, 2026).unwrap();
    let by_key = |k: &str| funds[0].criteria.iter().find(|c| c.key == k).unwrap().clone();
    assert_eq!(by_key("certified").passed, Some(true), "{:?}", by_key("certified"));
    assert!(by_key("certified").evidence_th.contains("พอช. 12/2568"));
    let villages = by_key("villages_half");
    assert_eq!(villages.passed, Some(true), "2 of the area's 4 villages: {villages:?}");
}
