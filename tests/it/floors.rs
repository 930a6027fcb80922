//! "Never below zero" on every day: tills, each member's sajja savings and each member's loan
//! stay at or above zero on an entry's date and on every later day already on the books,
//! whichever operation writes the entry (the check sits in the store, under every write).

use super::*;
use kongthun::domain::{BalancedEntry, EntryKind, Posting};
use kongthun::Error;

fn savings_fund() -> Fixture {
    let mut f = fund(FundKind::Savings);
    add_members(&mut f.store, 2, "2026-01-10");
    f
}

#[test]
fn reversing_a_deposit_dated_before_a_withdrawal_is_refused() {
    // The scenario found on the landed program: deposit on the 3rd, withdraw it on the 5th,
    // deposit again on the 8th, then reverse the first deposit dated the 3rd. Today's
    // balance (100.00) allowed it, and the savings stood at -100.00 from the 5th to the 7th.
    let mut f = savings_fund();
    let ctx = ctx_on(2026, 3, 20);
    // cash enough that only the member's savings are short
    edge::receive(
        &mut f.store,
        &ctx,
        &ops::cashbook::CashMoveText {
            account: "4301".into(),
            amount: "1000".into(),
            date: "2026-03-01".into(),
            till: "cash".into(),
            description: "บริจาค".into(),
            member_no: None,
        },
    )
    .unwrap();
    let first = edge::deposit(&mut f.store, &ctx, "1", "100", "2026-03-03", "cash").unwrap();
    edge::withdraw(&mut f.store, &ctx, "1", "100", "2026-03-05", "cash").unwrap();
    edge::deposit(&mut f.store, &ctx, "1", "100", "2026-03-08", "cash").unwrap();
    let before = dump(&f.store);
    let e =
        edge::reverse(&mut f.store, &ctx, &first.doc_no, "บันทึกผิด", Some("2026-03-03")).unwrap_err();
    assert_eq!(e.code(), "cannot_reverse", "{e}");
    assert!(
        e.message_th().contains("เงินสัจจะของสมาชิกเลขที่ 1") && e.message_th().contains("3 มี.ค. 2569"),
        "{}",
        e.message_th()
    );
    assert!(e.message_en().contains("member 1's sajja savings"), "{}", e.message_en());
    assert_eq!(dump(&f.store), before, "a refused reversal wrote");
    // dated after the second deposit it only undoes money that is still there
    edge::reverse(&mut f.store, &ctx, &first.doc_no, "บันทึกผิด", Some("2026-03-08")).unwrap();
    assert_eq!(f.store.read().savings_balance(1).unwrap(), Satang::new(0));
}

/// Post an entry straight through the store, as an operation that forgot its own check would.
fn post(
    f: &mut Fixture,
    date: NaiveDate,
    kind: EntryKind,
    postings: Vec<Posting>,
) -> kongthun::Result<()> {
    let entry = BalancedEntry::new(date, kind, String::from("ทดสอบ"), None, postings)?;
    f.store.write(|tx| tx.post_entry(&entry, "ทดสอบ", "2026-03-20T05:00:00Z")).map(|_| ())
}

#[test]
fn the_store_refuses_any_entry_that_goes_below_zero_on_a_later_day() {
    let mut f = savings_fund();
    let ctx = ctx_on(2026, 3, 20);
    edge::deposit(&mut f.store, &ctx, "1", "500", "2026-03-10", "cash").unwrap();
    edge::pay(
        &mut f.store,
        &ctx,
        &ops::cashbook::CashMoveText {
            account: "5201".into(),
            amount: "300".into(),
            date: "2026-03-12".into(),
            till: "cash".into(),
            description: "ค่าใช้จ่าย".into(),
            member_no: None,
        },
    )
    .unwrap();
    // cash: 500 on the 10th, 200 from the 12th; savings of member 1: 500 from the 10th
    let before = dump(&f.store);
    let cases: Vec<(&str, NaiveDate, Vec<Posting>, &str)> = vec![
        // a payment of 250 on the 11th leaves 250 that day but -50 from the 12th
        (
            "till, later day",
            date(2026, 3, 11),
            vec![
                Posting::debit("5201", Satang::new(25000)),
                Posting::credit("1101", Satang::new(25000)),
            ],
            "1101",
        ),
        // a payment before any money came in
        (
            "till, before",
            date(2026, 3, 9),
            vec![
                Posting::debit("5201", Satang::new(100)),
                Posting::credit("1101", Satang::new(100)),
            ],
            "1101",
        ),
        // a withdrawal before the deposit, paid from the bank (which also has nothing)
        (
            "savings, before",
            date(2026, 3, 9),
            vec![
                Posting::debit("2101", Satang::new(100)).for_member(1),
                Posting::credit("4901", Satang::new(100)),
            ],
            "2101",
        ),
        // a repayment of a loan the member never had
        (
            "loan",
            date(2026, 3, 15),
            vec![
                Posting::debit("1101", Satang::new(100)),
                Posting::credit("1201", Satang::new(100)).for_member(2),
            ],
            "1201",
        ),
    ];
    for (what, day, postings, account) in cases {
        let e = post(&mut f, day, EntryKind::Payment, postings).unwrap_err();
        match &e {
            Error::BelowZero { shortfall, .. } => {
                assert_eq!(shortfall.floor.account, account, "{what}: {e}")
            }
            other => panic!("{what}: {other:?}"),
        }
        assert_eq!(e.code(), "below_zero");
        assert_eq!(dump(&f.store), before, "{what}: a refused entry wrote");
    }
    // exactly down to zero on the lowest day is fine
    post(
        &mut f,
        date(2026, 3, 11),
        EntryKind::Payment,
        vec![
            Posting::debit("5201", Satang::new(20000)),
            Posting::credit("1101", Satang::new(20000)),
        ],
    )
    .unwrap();
    assert_eq!(f.store.read().lowest_balance_from("1101", "2026-03-10").unwrap(), Satang::new(0));
}

#[test]
fn a_till_refusal_names_the_account_and_the_day_in_both_languages() {
    let mut f = savings_fund();
    let e = post(
        &mut f,
        date(2026, 3, 9),
        EntryKind::Payment,
        vec![
            Posting::debit("5201", Satang::new(12345)),
            Posting::credit("1101", Satang::new(12345)),
        ],
    )
    .unwrap_err();
    assert!(
        e.message_th().contains("เงินในบัญชี 1101")
            && e.message_th().contains("9 มี.ค. 2569")
            && e.message_th().contains("123.45"),
        "{}",
        e.message_th()
    );
    assert!(
        e.message_en().contains("account 1101") && e.message_en().contains("2026-03-09"),
        "{}",
        e.message_en()
    );
}
