//! Members: add with checks, edit with a change log, status history, search.

use super::*;
use kongthun::domain::MemberStatus;
use kongthun::store::MemberFilter;
use kongthun::Error;

#[test]
fn add_refuses_a_bad_national_id_in_thai_and_english() {
    let mut f = fund(FundKind::Welfare);
    let before = dump(&f.store);
    let err = ops::members::add_member(
        &mut f.store,
        &today(),
        &person("สมศรี", "ใจดี", "1103702071562", "2025-03-01"),
    )
    .unwrap_err();
    assert_eq!(err.code(), "invalid.bad_check_digit");
    assert!(err.message_th().contains("เลขประจำตัวประชาชน"), "{}", err.message_th());
    assert!(err.message_th().contains("1103702071562"));
    assert!(err.message_en().contains("National ID '1103702071562'"));
    assert_eq!(dump(&f.store), before);
}

#[test]
fn numbers_and_ids_are_unique() {
    let mut f = fund(FundKind::Welfare);
    let a = ops::members::add_member(
        &mut f.store,
        &today(),
        &person("สมศรี", "ใจดี", "1103702071561", "2025-03-01"),
    )
    .unwrap();
    assert_eq!(a.member_no, "1");
    let err = ops::members::add_member(
        &mut f.store,
        &today(),
        &person("สมหมาย", "ใจดี", "1-1037-02071-56-1", "2025-03-01"),
    )
    .unwrap_err();
    assert!(matches!(err, Error::Invalid { field: "national_id", .. }), "{err:?}");
    let mut fields = person("สมหมาย", "ใจดี", "", "2025-03-01");
    fields.member_no = "1".into();
    assert!(matches!(
        ops::members::add_member(&mut f.store, &today(), &fields),
        Err(Error::Invalid { field: "member_no", .. })
    ));
    fields.member_no = "A-7".into();
    assert_eq!(ops::members::add_member(&mut f.store, &today(), &fields).unwrap().member_no, "A-7");
    // children may have no ID; automatic numbers skip non-numeric ones
    let kid = ops::members::add_member(
        &mut f.store,
        &today(),
        &person("น้ำทิพย์", "ปั้นทอง", "", "2025-03-01"),
    )
    .unwrap();
    assert_eq!(kid.member_no, "2");
}

#[test]
fn edits_are_logged_and_status_keeps_history() {
    let mut f = fund(FundKind::Welfare);
    ops::members::add_member(&mut f.store, &today(), &person("สมศรี", "ใจดี", "", "2025-03-01"))
        .unwrap();
    let current = ops::member_by_no(&f.store.read(), "1").unwrap();
    let mut fields = ops::members::fields_of(&current);
    fields.last_name = "ผู้ใหญ่ดี".into();
    fields.beneficiary_name = "นายสมชาย ผู้ใหญ่ดี".into();
    fields.beneficiary_relation = "คู่สมรส".into();
    let edited = ops::members::edit_member(&mut f.store, &today(), "1", &fields).unwrap();
    assert_eq!(edited.last_name, "ผู้ใหญ่ดี");
    let changes: i64 = f
        .store
        .raw_connection_for_tests()
        .query_row("SELECT count(*) FROM member_change", [], |r| r.get(0))
        .unwrap();
    assert_eq!(changes, 1);

    edge::change_status(
        &mut f.store,
        &today(),
        "1",
        MemberStatus::Resigned,
        "2026-01-31",
        "ย้ายบ้าน",
    )
    .unwrap();
    edge::change_status(
        &mut f.store,
        &today(),
        "1",
        MemberStatus::Active,
        "2026-03-01",
        "กลับมาสมัครใหม่ตามมติที่ประชุม",
    )
    .unwrap();
    let err =
        edge::change_status(&mut f.store, &today(), "1", MemberStatus::Active, "2026-04-01", "x")
            .unwrap_err();
    assert!(matches!(err, Error::Invalid { field: "status", .. }));
    let err =
        edge::change_status(&mut f.store, &today(), "1", MemberStatus::Expelled, "2026-02-01", "x")
            .unwrap_err();
    assert!(matches!(err, Error::Invalid { field: "effective_on", .. }), "before current status");
    assert!(matches!(
        edge::change_status(&mut f.store, &today(), "1", MemberStatus::Resigned, "2026-12-01", "x"),
        Err(Error::Invalid { field: "effective_on", .. })
    ));
    edge::change_status(
        &mut f.store,
        &today(),
        "1",
        MemberStatus::Deceased,
        "2026-06-01",
        "ถึงแก่กรรม",
    )
    .unwrap();
    assert!(edge::change_status(
        &mut f.store,
        &today(),
        "1",
        MemberStatus::Active,
        "2026-07-01",
        "x"
    )
    .is_err());
    let history = f.store.read().status_history(1).unwrap();
    let statuses: Vec<_> = history.iter().map(|h| h.status).collect();
    assert_eq!(
        statuses,
        vec![
            MemberStatus::Active,
            MemberStatus::Resigned,
            MemberStatus::Active,
            MemberStatus::Deceased
        ]
    );
    assert_eq!(history[1].reason, "ย้ายบ้าน");
}

#[test]
fn search_by_number_name_prefix_or_id() {
    let mut f = fund(FundKind::Welfare);
    ops::members::add_member(
        &mut f.store,
        &today(),
        &person("สมศรี", "ใจดี", "1103702071561", "2025-03-01"),
    )
    .unwrap();
    ops::members::add_member(
        &mut f.store,
        &today(),
        &person("สมหมาย", "ปั้นทอง", &national_id(77), "2025-03-01"),
    )
    .unwrap();
    ops::members::add_member(&mut f.store, &today(), &person("มาลี", "สมบูรณ์", "", "2025-03-01"))
        .unwrap();
    let find = |s: &str| -> Vec<String> {
        ops::members::list_members(
            &f.store,
            &MemberFilter { search: Some(s.into()), ..Default::default() },
        )
        .unwrap()
        .into_iter()
        .map(|m| m.member_no)
        .collect()
    };
    assert_eq!(find("สม"), vec!["1", "2", "3"]); // first names and the last name สมบูรณ์
    assert_eq!(find("สมศ"), vec!["1"]);
    assert_eq!(find("ปั้น"), vec!["2"]);
    assert_eq!(find("นางมาลี"), vec!["3"]);
    assert_eq!(find("2"), vec!["2"]);
    assert_eq!(find("๒"), vec!["2"]);
    assert_eq!(find("1-1037"), vec!["1"]);
    assert_eq!(find("1103702071561"), vec!["1"]);
    assert_eq!(find("%"), Vec::<String>::new());
    let active = ops::members::list_members(
        &f.store,
        &MemberFilter { status: Some(MemberStatus::Active), moo: Some(3), ..Default::default() },
    )
    .unwrap();
    assert_eq!(active.len(), 3);
}

#[test]
fn the_fund_profile_changes_with_its_reason_kept_but_not_what_the_books_are_read_by() {
    let mut f = fund(FundKind::Welfare);
    let current = f.store.read().require_fund().unwrap().profile;
    let before = dump(&f.store);
    for (field, changed) in [
        ("contribution", FundProfile { contribution: Satang::new(5000), ..current.clone() }),
        ("fund_code", FundProfile { fund_code: "T-002".into(), ..current.clone() }),
        ("fiscal_year_start", FundProfile { fiscal_year_start: 10, ..current.clone() }),
        ("kind", FundProfile { kind: FundKind::Both, ..current.clone() }),
    ] {
        match ops::fund::edit_profile(&mut f.store, &today(), &changed, "เปลี่ยน").unwrap_err()
        {
            kongthun::Error::Invalid { field: named, .. } => assert_eq!(named, field),
            other => panic!("{field}: {other:?}"),
        }
    }
    assert_eq!(dump(&f.store), before, "nothing written");
    let moved = FundProfile {
        village: "บ้านใหม่".into(), lapse_after: 6, ..current.clone()
    };
    ops::fund::edit_profile(&mut f.store, &today(), &moved, "มติที่ประชุมใหญ่ย้ายที่ทำการ").unwrap();
    assert_eq!(f.store.read().require_fund().unwrap().profile.village, "บ้านใหม่");
    let history = kongthun::report::profile_history(&f.store.read()).unwrap();
    assert_eq!(history.len(), 1);
    let fields: Vec<&str> = history[0].fields.iter().map(|(k, _, _)| k.as_str()).collect();
    assert_eq!(fields, vec!["lapse_after", "village"], "the fields that changed");
    assert!(history[0]
        .fields
        .iter()
        .any(|(k, a, b)| k == "village" && a == "บ้านทดสอบ" && b == "บ้านใหม่"));
    // the history is kept as it was
    let conn = f.store.raw_connection_for_tests();
    assert!(conn.execute("DELETE FROM fund_change", []).is_err());
    assert!(conn.execute("UPDATE fund_change SET reason = 'x'", []).is_err());
}
