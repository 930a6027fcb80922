//! Sajja savings and the cash book: balances never below zero, welfare-only funds keep no
//! savings, transfers and payments need the money to be there.

use super::*;
use kongthun::ops::cashbook::CashMoveText;
use kongthun::Error;

#[test]
fn savings_never_go_below_zero() {
    let mut f = fund(FundKind::Savings);
    add_members(&mut f.store, 1, "2026-01-10");
    let d = edge::deposit(&mut f.store, &today(), "1", "๑,๐๐๐.๕๐", "2026-01-20", "cash").unwrap();
    assert_eq!(f.store.read().savings_balance(1).unwrap(), Satang::new(100050));
    let err =
        edge::withdraw(&mut f.store, &today(), "1", "1000.51", "2026-02-01", "cash").unwrap_err();
    assert!(matches!(err, Error::InsufficientSavings { .. }));
    assert!(err.message_th().contains("1,000.50"));
    edge::withdraw(&mut f.store, &today(), "1", "600", "2026-02-01", "cash").unwrap();
    // the deposit cannot be reversed now: 600 of it is already withdrawn
    assert_eq!(
        edge::reverse(&mut f.store, &today(), &d.doc_no, "ผิด", None).unwrap_err().code(),
        "cannot_reverse"
    );
    // a withdrawal backdated before a deposit cannot use that deposit
    edge::deposit(&mut f.store, &today(), "1", "1000", "2026-03-20", "cash").unwrap();
    let err = edge::withdraw(&mut f.store, &today(), "1", "500", "2026-03-10", "cash").unwrap_err();
    assert!(matches!(err, Error::InsufficientSavings { .. }), "{err:?}");
    edge::withdraw(&mut f.store, &today(), "1", "400.50", "2026-03-10", "cash").unwrap();
    for bad in ["-5", "0", "1.234", "abc", ""] {
        let err =
            edge::deposit(&mut f.store, &today(), "1", bad, "2026-02-01", "cash").unwrap_err();
        assert!(matches!(err, Error::Invalid { field: "amount", .. }), "{bad}: {err:?}");
    }
}

#[test]
fn welfare_only_funds_keep_no_savings() {
    let mut f = fund(FundKind::Welfare);
    add_members(&mut f.store, 1, "2026-01-10");
    assert_eq!(
        edge::deposit(&mut f.store, &today(), "1", "100", "2026-01-20", "cash").unwrap_err().code(),
        "not_offered"
    );
}

#[test]
fn receipts_payments_and_transfers() {
    let mut f = fund(FundKind::Welfare);
    let mv = |account: &str, amount: &str, till: &str| CashMoveText {
        account: account.into(),
        amount: amount.into(),
        date: "2026-03-10".into(),
        till: till.into(),
        description: "ทดสอบ".into(),
        member_no: None,
    };
    edge::receive(&mut f.store, &today(), &mv("4301", "5,000", "cash")).unwrap();
    let m = edge::receive(&mut f.store, &today(), &mv("4203", "20000", "bank")).unwrap();
    assert_eq!(f.store.read().entry(m.id).unwrap().unwrap().kind, "matching");
    edge::transfer(&mut f.store, &today(), "cash", "bank", "4000", "2026-03-11", "").unwrap();
    edge::pay(&mut f.store, &today(), &mv("5201", "999.75", "cash")).unwrap();
    assert_eq!(f.store.read().account_balance("1101", "2026-03-31").unwrap(), Satang::new(25));
    assert_eq!(f.store.read().account_balance("1102", "2026-03-31").unwrap(), Satang::new(2400000));
    let before = dump(&f.store);
    for (m, receiving, field_or_code) in [
        (mv("5201", "1", "cash"), true, "invalid.other"), // cannot receive into an expense
        (mv("4301", "1", "cash"), false, "invalid.other"), // cannot pay from income
        (mv("1102", "1", "cash"), true, "invalid.other"), // bank is a transfer
        (mv("4101", "1", "cash"), true, "invalid.other"), // contributions have their own op
        (mv("9999", "1", "cash"), true, "not_found"),
        (mv("5201", "1.00", "cash"), false, "invalid.other"), // more than the 0.25 in cash
    ] {
        let err = if receiving {
            edge::receive(&mut f.store, &today(), &m)
        } else {
            edge::pay(&mut f.store, &today(), &m)
        }
        .unwrap_err();
        assert_eq!(err.code(), field_or_code, "{}: {err:?}", m.account);
    }
    assert_eq!(
        edge::transfer(&mut f.store, &today(), "cash", "cash", "1", "2026-03-11", "")
            .unwrap_err()
            .code(),
        "invalid.other"
    );
    assert_eq!(dump(&f.store), before);
    // the month summary balances: opening + receipts - payments = closing
    let m = kongthun::report::month_summary(&f.store.read(), 2026, 3).unwrap();
    assert_eq!(
        m.opening.satang() + m.total_receipts.satang() - m.total_payments.satang(),
        m.closing.satang()
    );
    assert_eq!(m.total_receipts, Satang::new(2500000));
}

#[test]
fn a_group_of_sajja_savings_only_takes_no_contribution_and_owes_none() {
    use kongthun::ops::contributions::CollectLine;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("fund.sqlite")).unwrap();
    // a welfare fund (or one of both kinds) lives on contributions: zero is refused
    for kind in [FundKind::Welfare, FundKind::Both] {
        let p = FundProfile { contribution: Satang::ZERO, ..profile(kind) };
        let e = ops::fund::init_fund(&mut store, &ctx_on(2025, 1, 1), &p).unwrap_err();
        assert!(matches!(e, Error::Invalid { field: "contribution", .. }), "{kind:?}: {e}");
    }
    let group =
        FundProfile { contribution: Satang::ZERO, lapse_after: 3, ..profile(FundKind::Savings) };
    ops::fund::init_fund(&mut store, &ctx_on(2025, 1, 1), &group).unwrap();
    edge::set_start(&mut store, &ctx_on(2025, 1, 1), "2020-01-01", "2020-01-01", "").unwrap();
    add_members(&mut store, 3, "2025-01-05");
    let line = |no: &str, contribution: i64, savings: i64| CollectLine {
        member_no: no.into(),
        contribution: Satang::new(contribution),
        savings: Satang::new(savings),
        entrance_fee: Satang::ZERO,
    };
    edge::collect(
        &mut store,
        &today(),
        "2025-02-10",
        "cash",
        &[line("1", 0, 10000), line("2", 0, 5000)],
    )
    .unwrap();
    let refused = edge::collect(&mut store, &today(), "2025-03-10", "cash", &[line("3", 3000, 0)])
        .unwrap_err();
    assert!(refused.message_th().contains("เงินสัจจะ"), "{}", refused.message_th());
    // nobody is behind, nobody lapses, the day's sheet asks for savings only
    let as_of = date(2026, 10, 31);
    assert!(ops::contributions::arrears(&store, as_of).unwrap().is_empty());
    assert!(kongthun::report::standing::to_lapse(&store.read(), as_of).unwrap().is_empty());
    let sheet = ops::contributions::collection_sheet(&store, date(2026, 11, 10)).unwrap();
    assert_eq!(sheet.len(), 3);
    assert!(sheet
        .iter()
        .all(|r| r.expected_contribution == Satang::ZERO && r.arrears_periods == 0));
    assert_eq!(
        store.read().savings_balance(store.read().require_member_by_no("1").unwrap().id).unwrap(),
        Satang::new(10000)
    );
    store.read().verify_chain().unwrap();
}

#[test]
fn missed_monthly_sajja_pledges_count_as_arrears_and_the_lapse_rule_reads_them() {
    use kongthun::ops::contributions::CollectLine;
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("fund.sqlite")).unwrap();
    let group =
        FundProfile { contribution: Satang::ZERO, lapse_after: 3, ..profile(FundKind::Savings) };
    ops::fund::init_fund(&mut store, &ctx_on(2025, 1, 1), &group).unwrap();
    edge::set_start(&mut store, &ctx_on(2025, 1, 1), "2020-01-01", "2020-01-01", "").unwrap();
    add_members(&mut store, 3, "2025-01-05");
    let day = |d: &str| kongthun::domain::input::Input::day("effective_on", d).unwrap();
    // a welfare fund keeps no sajja: no pledge to count
    let mut welfare = fund(FundKind::Welfare);
    let e = ops::fund::set_fund_rule(
        &mut welfare.store,
        &today(),
        "sajja_pledge",
        "100",
        &day("2026-01-01"),
        "มติที่ 1",
        None,
    )
    .unwrap_err();
    assert_eq!(e.code(), "not_offered");
    // bad values are named and change nothing
    let before = dump(&store);
    for (key, value, field) in [
        ("sajja_pledge", "-5", "value"),
        ("pledge", "100", "fund_rule"),
        ("sajja_pledge", "x", "value"),
    ] {
        let e = ops::fund::set_fund_rule(
            &mut store,
            &today(),
            key,
            value,
            &day("2026-01-01"),
            "มติ",
            None,
        )
        .unwrap_err();
        assert!(e.to_string().contains(field), "{key}={value}: {e}");
    }
    // the decision it comes from is asked for
    let e = ops::fund::set_fund_rule(
        &mut store,
        &today(),
        "sajja_pledge",
        "100",
        &day("2026-01-01"),
        " ",
        None,
    )
    .unwrap_err();
    assert!(e.to_string().contains("decision"), "{e}");
    assert_eq!(dump(&store), before);

    // from January 2569 each member pledges at least 100 baht a month
    ops::fund::set_fund_rule(
        &mut store,
        &today(),
        "sajja_pledge",
        "100",
        &day("2026-01-01"),
        "มติที่ประชุมใหญ่ ครั้งที่ 1/2569 มติที่ 2",
        None,
    )
    .unwrap();
    let line = |no: &str, savings: i64| CollectLine {
        member_no: no.into(),
        contribution: Satang::ZERO,
        savings: Satang::new(savings),
        entrance_fee: Satang::ZERO,
    };
    // member 1 keeps every month; member 2 saves in January only, and 50 baht in February;
    // member 3 deposits at the counter in January and February, then stops
    for month in 1..=6 {
        let date = format!("2026-{month:02}-10");
        let mut lines = vec![line("1", 10000)];
        if month == 1 {
            lines.push(line("2", 10000));
        }
        if month == 2 {
            lines.push(line("2", 5000));
        }
        edge::collect(&mut store, &today(), &date, "cash", &lines).unwrap();
        if month <= 2 {
            edge::deposit(&mut store, &today(), "3", "150", &date, "cash").unwrap();
        }
    }
    // a withdrawal is not a pledge kept, nor is a deposit taken back
    edge::deposit(&mut store, &today(), "3", "500", "2026-05-12", "cash").unwrap();
    let taken_back =
        store.read().entries_by_id(0, i64::MAX).unwrap().last().unwrap().doc_no.clone();
    edge::reverse(&mut store, &today(), &taken_back, "บันทึกผิด", Some("2026-05-13")).unwrap();

    let missed = |store: &Store, as_of| {
        kongthun::report::standing::standings(&store.read(), as_of)
            .unwrap()
            .into_iter()
            .map(|r| (r.member_no, r.sajja_missed_months))
            .collect::<Vec<_>>()
    };
    // end of April: member 2 short in February, nothing in March and April
    assert_eq!(
        missed(&store, date(2026, 4, 30)),
        vec![("1".into(), 0), ("2".into(), 3), ("3".into(), 2)]
    );
    // one member's page reads only their own months, and says the same
    let three = store.read().require_member_by_no("3").unwrap();
    let alone =
        kongthun::report::standing::standing_of(&store.read(), &three, date(2026, 4, 30)).unwrap();
    assert_eq!(alone.sajja_missed_months, 2);
    // the arrears list shows both; the lapse rule (3) takes member 2 only
    let arrears: Vec<String> = ops::contributions::arrears(&store, date(2026, 4, 30))
        .unwrap()
        .into_iter()
        .map(|r| r.member_no)
        .collect();
    assert_eq!(arrears, vec!["2".to_string(), "3".to_string()]);
    let to_lapse: Vec<String> =
        kongthun::report::standing::to_lapse(&store.read(), date(2026, 4, 30))
            .unwrap()
            .into_iter()
            .map(|r| r.member_no)
            .collect();
    assert_eq!(to_lapse, vec!["2".to_string()]);
    // at the end of May member 3 is three months behind: the reversed deposit kept nothing
    let lapsed = ops::contributions::apply_lapse(&mut store, &today(), date(2026, 5, 31)).unwrap();
    assert_eq!(lapsed, vec!["2".to_string(), "3".to_string()]);
    let history =
        store.read().status_history(store.read().require_member_by_no("3").unwrap().id).unwrap();
    assert!(history.iter().any(|h| h.reason.contains("ขาดส่งเงินสัจจะติดต่อกัน 3 เดือน")), "{history:?}");
    // a fund that counts no pledge (the default) has none of this
    let rules = ops::fund::fund_rules(&store, date(2026, 6, 1)).unwrap();
    let pledge = rules
        .now
        .iter()
        .find(|r| r.key == kongthun::domain::fund_rules::FundRuleKey::SajjaPledge)
        .unwrap();
    assert_eq!((pledge.value, pledge.shown_th.as_str()), (10000, "100.00 บาท"));
    let cash = rules
        .now
        .iter()
        .find(|r| r.key == kongthun::domain::fund_rules::FundRuleKey::RequireCashCount)
        .unwrap();
    assert_eq!((cash.value, cash.since), (0, None), "the default stands until one is recorded");
    store.read().verify_chain().unwrap();
}
