//! No silent defaults and one answer per question: an unknown choice is refused naming the
//! field and the value; the preview and the statement agree on a closed month; the CLI and
//! the collection grid agree on what is due; a bad stored month is an error.

use super::*;
use kongthun::ops::cashbook::CashDirection;
use kongthun::ops::documents::PreviewKind;
use kongthun::ops::province::ImportResult;
use kongthun::ops::savings::SavingsDirection;

#[test]
fn unknown_choices_are_refused_by_name() {
    assert_eq!(SavingsDirection::parse("withdraw").unwrap(), SavingsDirection::Withdraw);
    assert_eq!(CashDirection::parse("pay").unwrap(), CashDirection::Pay);
    assert_eq!(PreviewKind::parse("trial_balance").unwrap(), PreviewKind::TrialBalance);
    for e in [
        SavingsDirection::parse("withdrawl").unwrap_err(),
        CashDirection::parse("payout").unwrap_err(),
        PreviewKind::parse("months").unwrap_err(),
    ] {
        assert_eq!(e.code(), "invalid.unknown_choice", "{e}");
        let en = e.message_en();
        assert!(en.contains("withdrawl") || en.contains("payout") || en.contains("months"), "{en}");
        assert!(e.message_th().contains("ต้องเป็นหนึ่งใน"), "{}", e.message_th());
    }
    let mut f = fund(FundKind::Both);
    add_members(&mut f.store, 1, "2025-01-05");
    let before = dump(&f.store);
    // an empty till is not quietly the cash box
    assert_eq!(
        edge::deposit(&mut f.store, &today(), "1", "100", "2025-02-01", "").unwrap_err().code(),
        "invalid.empty"
    );
    assert_eq!(
        edge::deposit(&mut f.store, &today(), "1", "100", "2025-02-01", "safe").unwrap_err().code(),
        "not_found"
    );
    assert_eq!(
        edge::new_meeting(&mut f.store, &today(), "assembly", "2025-02-01", "").unwrap_err().code(),
        "invalid.unknown_choice"
    );
    assert_eq!(
        edge::set_committee(&mut f.store, "1", "boss", "2025-01-05", "2026-01-05")
            .unwrap_err()
            .code(),
        "invalid.unknown_choice"
    );
    assert_eq!(dump(&f.store), before);
    // what an import did is one of three, each with its own words
    for (result, key) in [
        (ImportResult::Imported, "imported"),
        (ImportResult::AlreadyImported, "already_imported"),
        (ImportResult::WouldImport, "would_import"),
    ] {
        assert_eq!(serde_json::to_value(result).unwrap(), key);
        assert_eq!(result.key(), key);
    }
    assert_ne!(ImportResult::AlreadyImported.label(), ImportResult::Imported.label());
}

#[test]
fn a_month_sealed_by_a_later_close_is_closed_everywhere() {
    let mut f = fund(FundKind::Welfare);
    ops::close::close_month(&mut f.store, &today(), "2025-03").unwrap();
    let reader = f.store.read();
    assert!(reader.is_month_closed("2025-02").unwrap(), "February was sealed by March's close");
    assert!(kongthun::report::statement(&reader, 2025, 2, date(2025, 4, 1)).unwrap().closed);
    assert!(!reader.is_month_closed("2025-04").unwrap());
}

#[test]
fn the_cli_and_the_grid_agree_on_what_is_due() {
    let mut f = fund(FundKind::Welfare);
    add_members(&mut f.store, 2, "2025-01-05");
    ops::members::add_member(
        &mut f.store,
        &today(),
        &person("มาใหม่", "ทดสอบ", &national_id(77), "2025-03-01"),
    )
    .unwrap();
    let day = date(2025, 2, 10);
    let due = ops::contributions::due_lines(&f.store, day, Satang::from_baht(20)).unwrap();
    let sheet = ops::contributions::collection_sheet(&f.store, day).unwrap();
    assert_eq!(due.len(), 2, "the member joining in March owes nothing in February");
    assert_eq!(sheet.len(), 2);
    for (line, row) in due.iter().zip(&sheet) {
        assert_eq!(
            (&line.member_no, line.contribution, line.entrance_fee),
            (&row.member_no, row.expected_contribution, row.expected_entrance_fee)
        );
        assert_eq!(line.entrance_fee, Satang::new(5000), "never paid the entrance fee");
        assert_eq!(line.contribution, Satang::new(6000), "January and February");
        assert_eq!(line.savings, Satang::from_baht(20));
    }
}

#[test]
fn a_bad_stored_bundle_month_is_an_error_not_1970() {
    let mut f = fund(FundKind::Welfare);
    ops::close::close_month(&mut f.store, &today(), "2025-03").unwrap();
    f.store
        .raw_connection_for_tests()
        .execute("INSERT INTO bundle_log (seq, hash, period_from, period_to, first_entry, last_entry, created_at, file_name) VALUES (1, x'00', '2025-01', 'garbage', 1, 0, 't', 'f')", [])
        .unwrap();
    let usb = f.dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let db = f.path();
    let e = kongthun::ops::bundles::export_bundle(
        &mut f.store,
        &today(),
        &db,
        "since-last",
        &usb,
        kongthun::ops::bundles::IdPolicy::Hashed,
    )
    .unwrap_err();
    assert!(e.message_en().contains("garbage"), "{e}");
}

#[test]
fn a_new_fund_starts_with_its_committee_in_one_transaction() {
    use kongthun::domain::committee::Role;
    use kongthun::domain::input::Input;
    use kongthun::domain::member::MemberFields;
    use kongthun::ops::fund::FoundingOfficer;
    let officer = |first: &str, role: &str, id: &str| FoundingOfficer {
        fields: MemberFields {
            title: "นาย".into(),
            first_name: first.into(),
            last_name: "ทดสอบ".into(),
            national_id: id.into(),
            ..Default::default()
        },
        role: Role::parse(role).unwrap(),
        term_to: Input::day("term_to", "2027-11-21").unwrap(),
    };
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("fund.sqlite")).unwrap();
    // a bad ID of one officer leaves no fund, no member, no term
    let e = ops::fund::init_fund_with_committee(
        &mut store,
        &today(),
        &profile(FundKind::Welfare),
        &[officer("ประยูร", "chair", ""), officer("สมศรี", "treasurer", "1-2345-67890-12-0")],
    )
    .unwrap_err();
    assert!(e.to_string().contains("national_id"), "{e}");
    assert!(store.read().fund().unwrap().is_none(), "nothing was made");
    ops::fund::init_fund_with_committee(
        &mut store,
        &today(),
        &profile(FundKind::Welfare),
        &[
            officer("ประยูร", "chair", ""),
            officer("สมศรี", "treasurer", &national_id(5)),
            officer("บุญมี", "auditor", ""),
        ],
    )
    .unwrap();
    let members = store.read().members(&Default::default()).unwrap();
    assert_eq!(
        members.iter().map(|m| (m.member_no.as_str(), m.first_name.as_str())).collect::<Vec<_>>(),
        vec![("1", "ประยูร"), ("2", "สมศรี"), ("3", "บุญมี")]
    );
    assert!(members.iter().all(|m| m.joined_on == "2026-11-22"), "they join the day it is set up");
    let terms = store.read().committee_terms_of(members[2].id).unwrap();
    assert_eq!(terms, vec![("auditor".into(), "2026-11-22".into(), "2027-11-21".into())]);
}
