//! Contributions, collection day, arrears, the lapse rule and reversals.

use super::*;
use kongthun::domain::MemberStatus;
use kongthun::ops::contributions::CollectLine;
use kongthun::Error;

fn line(no: &str, baht: i64) -> CollectLine {
    CollectLine {
        member_no: no.into(),
        contribution: Satang::from_baht(baht),
        savings: Satang::new(0),
        entrance_fee: Satang::new(0),
    }
}

#[test]
fn collection_day_records_one_receipt_per_member() {
    let mut f = fund(FundKind::Both);
    let nos = add_members(&mut f.store, 5, "2026-01-05");
    let lines: Vec<_> = nos
        .iter()
        .map(|no| CollectLine {
            member_no: no.clone(),
            contribution: Satang::new(3000),
            savings: Satang::new(10000),
            entrance_fee: Satang::new(5000),
        })
        .collect();
    let out = edge::collect(&mut f.store, &today(), "25/01/2569", "cash", &lines).unwrap();
    assert_eq!(out.receipts.len(), 5);
    assert_eq!(out.total, Satang::new(5 * 18000));
    assert_eq!(out.receipts[0].doc_no, "RV2569/000001");
    assert_eq!(out.receipts[4].doc_no, "RV2569/000005");
    let e = f.store.read().entry(1).unwrap().unwrap();
    assert_eq!(e.entry_date, "2026-01-25");
    assert_eq!(e.postings.len(), 4);
    assert_eq!(f.store.read().account_balance("1101", "2026-01-31").unwrap(), Satang::new(90000));
    assert_eq!(f.store.read().savings_balance(1).unwrap(), Satang::new(10000));
}

#[test]
fn bad_lines_are_named_and_nothing_is_written() {
    let mut f = fund(FundKind::Welfare);
    add_members(&mut f.store, 2, "2026-01-05");
    let before = dump(&f.store);
    let cases: Vec<(Vec<CollectLine>, &str)> = vec![
        (vec![line("1", 30), line("9", 30)], "not_found"),
        (vec![line("1", 30), line("1", 30)], "invalid.duplicate"),
        (vec![line("1", 31)], "invalid.not_multiple"),
        (vec![line("1", 0)], "invalid.zero"),
        (vec![CollectLine { savings: Satang::new(100), ..line("1", 30) }], "not_offered"),
    ];
    for (lines, code) in cases {
        let err = edge::collect(&mut f.store, &today(), "2026-01-25", "cash", &lines).unwrap_err();
        assert_eq!(err.code(), code, "{err:?}");
        assert_eq!(dump(&f.store), before);
    }
    for (date, code) in [
        ("2026-11-23", "invalid.in_future"),
        ("2026-01-04", "invalid.other"),
        ("2026-02-30", "invalid.bad_date"),
    ] {
        let err =
            edge::collect(&mut f.store, &today(), date, "cash", &[line("1", 30)]).unwrap_err();
        assert_eq!(err.code(), code, "{date}: {err:?}");
    }
    let err =
        edge::collect(&mut f.store, &today(), "2026-01-25", "4101", &[line("1", 30)]).unwrap_err();
    assert!(matches!(err, Error::Invalid { field: "account", .. }));
    assert_eq!(dump(&f.store), before);
}

#[test]
fn arrears_and_the_lapse_rule() {
    // Fund rule: 30 baht a month, lapse after 3 missed months.
    let mut f = fund(FundKind::Welfare);
    add_members(&mut f.store, 3, "2026-01-10");
    // member 1 pays Jan-Apr at once; member 2 pays January only; member 3 pays nothing
    edge::collect(&mut f.store, &today(), "2026-01-25", "cash", &[line("1", 120), line("2", 30)])
        .unwrap();
    let rows = ops::contributions::arrears(&f.store, date(2026, 3, 31)).unwrap();
    let get = |no: &str| rows.iter().find(|r| r.member_no == no).cloned();
    assert!(get("1").is_none(), "member 1 is paid ahead");
    assert_eq!(get("2").unwrap().arrears_periods, 2);
    assert_eq!(get("2").unwrap().paid_through.as_deref(), Some("2026-01"));
    assert_eq!(get("3").unwrap().arrears_periods, 3);
    assert_eq!(get("3").unwrap().arrears_amount, Satang::new(9000));

    // Closing February: member 3 has missed 2 months, nobody lapses yet.
    assert!(ops::close::close_month(&mut f.store, &today(), "2026-02")
        .unwrap()
        .lapsed_members
        .is_empty());
    // Closing March: member 3 reaches 3 missed months and lapses, member 2 (2 missed) does not.
    let out = ops::close::close_month(&mut f.store, &today(), "2026-03").unwrap();
    assert_eq!(out.lapsed_members, vec!["3"]);
    let m3 = ops::member_by_no(&f.store.read(), "3").unwrap();
    assert_eq!(m3.status, MemberStatus::Lapsed);
    assert_eq!(m3.status_since, "2026-03-31");
    assert!(f.store.read().status_history(m3.id).unwrap()[1].reason.contains("3"));
    // a lapsed member cannot pay until reinstated
    let err =
        edge::collect(&mut f.store, &today(), "2026-04-25", "cash", &[line("3", 30)]).unwrap_err();
    assert_eq!(err.code(), "member_not_active");
    // arrears of a lapsed member stop growing at the lapse date, and the arrears list (of
    // members to chase, the dashboard's count) no longer names them
    let later = ops::contributions::standings(&f.store.read(), date(2026, 10, 31)).unwrap();
    assert_eq!(later.iter().find(|r| r.member_no == "3").unwrap().arrears_periods, 3);
    let list = ops::contributions::arrears(&f.store, date(2026, 10, 31)).unwrap();
    assert!(list.iter().all(|r| r.member_no != "3"), "{list:?}");
    assert!(list.iter().any(|r| r.member_no == "2"), "member 2 is still behind: {list:?}");
}

#[test]
fn daily_and_yearly_schedules() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("d.sqlite")).unwrap();
    let mut p = profile(FundKind::Welfare);
    p.schedule = kongthun::domain::Schedule::Daily;
    p.contribution = Satang::new(100);
    ops::fund::init_fund(&mut store, &today(), &p).unwrap();
    edge::set_start(&mut store, &today(), "2020-01-01", "2020-01-01", "").unwrap();
    add_members(&mut store, 1, "2026-10-01");
    // one baht a day: 31 baht covers October
    edge::collect(&mut store, &today(), "2026-10-31", "cash", &[line("1", 31)]).unwrap();
    let rows = ops::contributions::arrears(&store, date(2026, 11, 10)).unwrap();
    assert_eq!(rows[0].arrears_periods, 10);
    assert_eq!(rows[0].paid_through.as_deref(), Some("2026-10-31"));
}

#[test]
fn reversing_a_payment_puts_the_arrears_back() {
    let mut f = fund(FundKind::Welfare);
    add_members(&mut f.store, 1, "2026-01-10");
    let out =
        edge::collect(&mut f.store, &today(), "2026-01-25", "cash", &[line("1", 90)]).unwrap();
    assert!(ops::contributions::arrears(&f.store, date(2026, 3, 31)).unwrap().is_empty());
    let r = edge::reverse(
        &mut f.store,
        &today(),
        &out.receipts[0].doc_no,
        "บันทึกผิดคน",
        Some("2026-02-01"),
    )
    .unwrap();
    assert!(r.doc_no.starts_with("JV2569/"));
    let e = f.store.read().entry(r.id).unwrap().unwrap();
    assert_eq!(e.reverses, Some(out.receipts[0].id));
    assert_eq!(e.reason, "บันทึกผิดคน");
    assert_eq!(
        ops::contributions::arrears(&f.store, date(2026, 3, 31)).unwrap()[0].arrears_periods,
        3
    );
    assert_eq!(f.store.read().account_balance("1101", "2026-02-01").unwrap(), Satang::new(0));
    // no second reversal, no reversal of a reversal, a reason is required
    assert_eq!(
        edge::reverse(&mut f.store, &today(), "1", "again", None).unwrap_err().code(),
        "cannot_reverse"
    );
    assert_eq!(
        edge::reverse(&mut f.store, &today(), &r.id.to_string(), "undo", None).unwrap_err().code(),
        "cannot_reverse"
    );
    assert_eq!(
        edge::reverse(&mut f.store, &today(), "1", "  ", None).unwrap_err().code(),
        "invalid.empty"
    );
    assert_eq!(
        edge::reverse(&mut f.store, &today(), "RV2569/999999", "x", None).unwrap_err().code(),
        "not_found"
    );
    f.store.read().verify_chain().unwrap();
}

#[test]
fn a_member_paid_today_is_shown_paid_and_not_taken_twice() {
    let mut f = fund(FundKind::Both);
    let nos = add_members(&mut f.store, 3, "2026-01-05");
    let first =
        edge::collect(&mut f.store, &today(), "25/01/2569", "cash", &[line(&nos[0], 30)]).unwrap();
    let sheet = ops::contributions::collection_sheet(&f.store, date(2026, 1, 25)).unwrap();
    let paid = sheet.iter().find(|r| r.member_no == nos[0]).unwrap();
    assert_eq!(
        paid.paid_today.as_deref(),
        Some(first.receipts[0].doc_no.as_str()),
        "shown with its receipt"
    );
    assert!(sheet.iter().filter(|r| r.member_no != nos[0]).all(|r| r.paid_today.is_none()));
    // the same day again: refused naming the receipt, nothing written
    let before = dump(&f.store);
    let e = edge::collect(
        &mut f.store,
        &today(),
        "2026-01-25",
        "cash",
        &[line(&nos[1], 30), line(&nos[0], 30)],
    )
    .unwrap_err();
    match &e {
        Error::InLine { line, inner, .. } => {
            assert_eq!((*line, inner.code()), (2, "paid_today".to_string()));
            assert!(
                inner.message_th().contains(&first.receipts[0].doc_no),
                "{}",
                inner.message_th()
            );
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(dump(&f.store), before);
    // collect --all-due leaves out who has paid; another day is another payment
    let due = ops::contributions::due_lines(&f.store, date(2026, 1, 25), Satang::ZERO).unwrap();
    assert!(due.iter().all(|l| l.member_no != nos[0]) && due.len() == 2);
    edge::collect(&mut f.store, &today(), "2026-02-25", "cash", &[line(&nos[0], 30)]).unwrap();
    // a reversed receipt frees the day again
    edge::reverse(&mut f.store, &today(), &first.receipts[0].doc_no, "รับผิดคน", Some("2026-02-26"))
        .unwrap();
    let sheet = ops::contributions::collection_sheet(&f.store, date(2026, 1, 25)).unwrap();
    assert!(sheet.iter().all(|r| r.paid_today.is_none()));
    // the day's list for signing
    let day = kongthun::report::books::collection_day(&f.store.read(), date(2026, 2, 25)).unwrap();
    assert_eq!(day.len(), 1);
    assert_eq!(
        (day[0].member_no.as_str(), day[0].contribution),
        (nos[0].as_str(), Satang::from_baht(30))
    );
}
