//! DESIGN §2: balanced entries, immutable posted rows (refused by SQLite itself), a hash
//! chain that finds forced edits, closed months, one write = one transaction.

use super::*;
use kongthun::domain::{BalancedEntry, EntryKind, Posting};
use kongthun::ops::contributions::CollectLine;
use kongthun::Error;

fn posted_fund() -> Fixture {
    let mut f = fund(FundKind::Both);
    let nos = add_members(&mut f.store, 3, "2026-01-10");
    for (i, no) in nos.iter().enumerate() {
        edge::collect(
            &mut f.store,
            &today(),
            "2026-02-25",
            "cash",
            &[CollectLine {
                member_no: no.clone(),
                contribution: Satang::new(6000),
                savings: Satang::new(10000 * (i as i64 + 1)),
                entrance_fee: Satang::new(5000),
            }],
        )
        .unwrap();
    }
    f
}

#[test]
fn unbalanced_entry_cannot_be_built() {
    let e = BalancedEntry::new(
        date(2026, 2, 1),
        EntryKind::Receipt,
        "x",
        None,
        vec![Posting::debit("1101", Satang::new(100)), Posting::credit("4301", Satang::new(99))],
    );
    assert!(matches!(e, Err(Error::Unbalanced { sum: 1 })));
}

#[test]
fn database_refuses_update_and_delete_of_posted_rows() {
    let f = posted_fund();
    let conn = f.store.raw_connection_for_tests();
    for sql in [
        "UPDATE journal_entry SET description = 'x' WHERE id = 1",
        "DELETE FROM journal_entry WHERE id = 1",
        "UPDATE posting SET amount = amount + 1 WHERE entry_id = 1",
        "DELETE FROM posting WHERE entry_id = 1",
        "UPDATE contribution SET periods = 9",
        "DELETE FROM contribution",
        "UPDATE member_status SET status = 'active'",
        "DELETE FROM member",
    ] {
        let err = conn.execute(sql, []).expect_err(sql);
        assert!(err.to_string().contains("kongthun:"), "{sql}: {err}");
    }
    f.store.read().verify_chain().unwrap();
}

#[test]
fn verify_names_the_first_entry_edited_behind_the_triggers() {
    // Change an amount on both lines (still balanced), as a forger would.
    let f = posted_fund();
    let conn = f.store.raw_connection_for_tests();
    conn.execute_batch(
        "DROP TRIGGER posting_no_update;
         UPDATE posting SET amount = amount * 2 WHERE entry_id = 2;",
    )
    .unwrap();
    match f.store.read().verify_chain() {
        Err(Error::ChainBroken { entry_id, doc_no, .. }) => {
            assert_eq!(entry_id, 2);
            assert!(doc_no.starts_with("RV2569/"), "{doc_no}");
        }
        other => panic!("{other:?}"),
    }

    // A changed description, with the cached totals left alone.
    let f = posted_fund();
    let conn = f.store.raw_connection_for_tests();
    conn.execute_batch(
        "DROP TRIGGER journal_entry_no_update;
         UPDATE journal_entry SET description = 'เงินบริจาค' WHERE id = 3;",
    )
    .unwrap();
    assert!(matches!(f.store.read().verify_chain(), Err(Error::ChainBroken { entry_id: 3, .. })));

    // A deleted entry leaves a gap.
    let f = posted_fund();
    let conn = f.store.raw_connection_for_tests();
    conn.execute_batch(
        "DROP TRIGGER journal_entry_no_delete; DROP TRIGGER posting_no_delete;
         PRAGMA foreign_keys = OFF;
         DELETE FROM posting WHERE entry_id = 2; DELETE FROM journal_entry WHERE id = 2;",
    )
    .unwrap();
    assert!(matches!(f.store.read().verify_chain(), Err(Error::ChainBroken { entry_id: 3, .. })));

    // The last entry deleted with its postings left behind: the postings are named.
    let f = posted_fund();
    let conn = f.store.raw_connection_for_tests();
    conn.execute_batch(
        "DROP TRIGGER journal_entry_no_delete; PRAGMA foreign_keys = OFF;
         DELETE FROM journal_entry WHERE id = 3;",
    )
    .unwrap_or_else(|e| panic!("{e}"));
    match f.store.read().verify_chain() {
        Err(Error::ChainBroken { reason, .. }) => {
            assert!(reason.en().contains("postings of entry 3 are not in the journal"), "{reason}")
        }
        other => panic!("{other:?}"),
    }

    // A hash overwritten by hand, in a closed month.
    let mut f = posted_fund();
    ops::close::close_month(&mut f.store, &today(), "2026-02").unwrap();
    let conn = f.store.raw_connection_for_tests();
    conn.execute_batch("DROP TRIGGER journal_entry_no_update; UPDATE journal_entry SET hash = zeroblob(32) WHERE id = 3;").unwrap();
    assert!(matches!(f.store.read().verify_chain(), Err(Error::ChainBroken { entry_id: 3, .. })));

    // Monthly totals edited by hand are found too.
    let f = posted_fund();
    f.store
        .raw_connection_for_tests()
        .execute("UPDATE account_month SET debit = debit + 1 WHERE account_code = '1101'", [])
        .unwrap();
    match f.store.read().verify_chain() {
        Err(Error::ChainBroken { reason, .. }) => assert!(reason.en().contains("1101"), "{reason}"),
        other => panic!("{other:?}"),
    }
    // and a month with movements whose totals row was deleted
    let f = posted_fund();
    f.store
        .raw_connection_for_tests()
        .execute("DELETE FROM account_month WHERE account_code = '1101'", [])
        .unwrap();
    assert!(matches!(f.store.read().verify_chain(), Err(Error::ChainBroken { .. })));

    // Each month's money (what the statement reads) edited by hand: an amount, a month's
    // count of entries without cash deleted, a till's line added.
    for sql in [
        "UPDATE cash_month SET credit = credit + 1 WHERE account_code = '4101'",
        "INSERT INTO cash_month_apart (month, entries_without_cash) VALUES ('2026-02', 1)",
        "INSERT INTO cash_month (month, account_code, debit, credit) VALUES ('2026-02', '1101', 1, 0)",
        "DELETE FROM cash_month WHERE account_code = '2101'",
    ] {
        let f = posted_fund();
        f.store.raw_connection_for_tests().execute(sql, []).unwrap();
        match f.store.read().verify_chain() {
            Err(e @ Error::ChainBroken { .. }) => {
                assert!(e.message_en().contains("money kept for 2026-02"), "{sql}: {e}");
                // the auditor's Thai: the month in BE, no English inside it
                let th = e.message_th();
                assert!(th.contains("กุมภาพันธ์ 2569"), "{th}");
                assert!(!th.chars().any(|c| c.is_ascii_alphabetic()), "{th}");
            }
            other => panic!("{sql}: {other:?}"),
        }
    }

    // A contribution reversed: its periods come off the member's (the reversal is read in
    // the same pass), so the kept figure must come down too.
    let mut f = posted_fund();
    let first = f.store.read().entry(1).unwrap().unwrap().doc_no;
    edge::reverse(&mut f.store, &today(), &first, "บันทึกผิดคน", Some("2026-02-27")).unwrap();
    f.store.read().verify_chain().unwrap();
    let conn = f.store.raw_connection_for_tests();
    conn.execute("UPDATE member_periods SET periods = 2 WHERE member_id = 1", []).unwrap();
    match f.store.read().verify_chain() {
        Err(Error::ChainBroken { reason, .. }) => {
            assert!(reason.en().contains("member 1: 2 contribution periods kept, 0 in"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
    // and a contribution row whose entry is not in the journal is named
    let f = posted_fund();
    let conn = f.store.raw_connection_for_tests();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO contribution (entry_id, member_id, periods, amount) VALUES (99, 1, 1, 3000);",
    )
    .unwrap();
    match f.store.read().verify_chain() {
        Err(Error::ChainBroken { reason, .. }) => {
            assert!(
                reason.en().contains("the contribution of entry 99 is not in the journal"),
                "{reason}"
            )
        }
        other => panic!("{other:?}"),
    }

    // A register whose ids are far apart (a file made by hand): verify's sums stay as large as
    // the register, not as its largest id, and a contribution naming no member is named.
    let f = posted_fund();
    let conn = f.store.raw_connection_for_tests();
    conn.execute_batch(
        "INSERT INTO member (id, member_no, title, first_name, last_name, joined_on, status_since, created_at)
         VALUES (1000000000000000, '999', 'นาย', 'ไกล', 'สุดทาง', '2026-01-10', '2026-01-10', '2026-01-10T00:00:00Z');",
    )
    .unwrap();
    f.store.read().verify_chain().unwrap();
    let conn = f.store.raw_connection_for_tests();
    conn.execute_batch(
        "DROP TRIGGER contribution_no_update; PRAGMA foreign_keys = OFF;
         UPDATE contribution SET member_id = 2000000000000000 WHERE entry_id = 2;",
    )
    .unwrap();
    match f.store.read().verify_chain() {
        Err(e @ Error::ChainBroken { .. }) => {
            assert!(e.message_en().contains("names member 2000000000000000"), "{e}")
        }
        other => panic!("{other:?}"),
    }

    // The periods kept per member (what the arrears read) against the contributions.
    let f = posted_fund();
    let conn = f.store.raw_connection_for_tests();
    let kept: i64 =
        conn.query_row("SELECT count(*) FROM member_periods", [], |r| r.get(0)).unwrap();
    assert!(kept > 0, "the fund's contributions are kept per member");
    conn.execute("UPDATE member_periods SET periods = periods + 1", []).unwrap();
    match f.store.read().verify_chain() {
        Err(Error::ChainBroken { reason, .. }) => {
            assert!(reason.en().contains("periods"), "{reason}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn closed_month_refuses_entries_by_ops_and_by_trigger() {
    let mut f = posted_fund();
    let out = ops::close::close_month(&mut f.store, &today(), "2026-02").unwrap();
    assert_eq!(out.last_entry, 3);
    let before = dump(&f.store);
    let err = edge::receive(
        &mut f.store,
        &today(),
        &ops::cashbook::CashMoveText {
            account: "4301".into(),
            amount: "100".into(),
            date: "2026-02-28".into(),
            till: "cash".into(),
            description: "บริจาค".into(),
            member_no: None,
        },
    )
    .unwrap_err();
    assert!(matches!(err, Error::MonthClosed { .. }), "{err:?}");
    assert!(
        err.message_th().contains("ปิดงวดแล้ว") && !err.message_th().contains("2026-"),
        "{}",
        err.message_th()
    );
    // earlier months are closed too
    let err = edge::deposit(&mut f.store, &today(), "1", "10", "2026-01-31", "cash").unwrap_err();
    assert!(matches!(err, Error::MonthClosed { .. }));
    // the database itself refuses, even without the ops check
    let raw = f.store.raw_connection_for_tests().execute(
        "INSERT INTO journal_entry (id, entry_date, doc_no, kind, description, recorded_by, recorded_at, hash)
         VALUES (99, '2026-02-10', 'X', 'receipt', 'x', 'x', 'x', zeroblob(32))",
        [],
    );
    assert!(raw.unwrap_err().to_string().contains("closed"));
    assert_eq!(dump(&f.store), before);
    // March is open; closing goes forward only; an unfinished month cannot close
    edge::deposit(&mut f.store, &today(), "1", "10", "2026-03-01", "cash").unwrap();
    assert!(matches!(
        ops::close::close_month(&mut f.store, &today(), "2026-01"),
        Err(Error::CannotClose { .. })
    ));
    assert!(matches!(
        ops::close::close_month(&mut f.store, &today(), "2026-11"),
        Err(Error::CannotClose { .. })
    ));
    // a closed month keeps its chain head, and verify checks it
    let head_feb = f.store.read().closed_months().unwrap()[0].2;
    assert_eq!(Some(head_feb), f.store.read().hash_of_entry(3).unwrap());
    f.store.read().verify_chain().unwrap();
}

#[test]
fn a_failing_operation_leaves_the_file_byte_for_byte_unchanged() {
    let f = posted_fund();
    let path = f.path();
    let dir = f.dir;
    drop(f.store); // checkpoints the WAL into the main file
    let before = std::fs::read(&path).unwrap();

    let mut store = Store::open(&path).unwrap();
    let lines = vec![
        CollectLine {
            member_no: "1".into(),
            contribution: Satang::new(3000),
            savings: Satang::new(0),
            entrance_fee: Satang::new(0),
        },
        CollectLine {
            member_no: "2".into(),
            contribution: Satang::new(3000),
            savings: Satang::new(5000),
            entrance_fee: Satang::new(0),
        },
        // 45 baht is not a whole number of 30-baht periods: the whole day is refused
        CollectLine {
            member_no: "3".into(),
            contribution: Satang::new(4500),
            savings: Satang::new(0),
            entrance_fee: Satang::new(0),
        },
    ];
    let err = edge::collect(&mut store, &today(), "2026-03-25", "cash", &lines).unwrap_err();
    match &err {
        Error::InLine { line, member_no, inner } => {
            assert_eq!((*line, member_no.as_str()), (3, "3"));
            assert!(matches!(**inner, Error::Invalid { field: "contribution", .. }));
        }
        other => panic!("{other:?}"),
    }
    assert!(err.message_th().contains("บรรทัดที่ 3"));
    assert!(err.message_en().contains("45.00"));
    drop(store);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    drop(dir);
}

#[test]
fn who_and_when_are_on_every_entry_and_in_the_hash() {
    let f = posted_fund();
    let e = f.store.read().entry(1).unwrap().unwrap();
    assert_eq!(e.recorded_by, "ทดสอบ");
    assert_eq!(e.recorded_at, "2026-11-22T05:00:00Z");
    let conn = f.store.raw_connection_for_tests();
    conn.execute_batch("DROP TRIGGER journal_entry_no_update; UPDATE journal_entry SET recorded_by = 'คนอื่น' WHERE id = 1;").unwrap();
    assert!(matches!(f.store.read().verify_chain(), Err(Error::ChainBroken { entry_id: 1, .. })));
}

#[test]
fn a_file_that_is_not_kongthun_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.sqlite");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
    drop(conn);
    assert!(matches!(Store::open(&other), Err(Error::NotKongthun { .. })));
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, b"this is not a database at all, just text that goes on").unwrap();
    assert!(Store::open(&junk).is_err());
}

#[test]
fn reversing_a_receipt_may_not_overdraw_the_till() {
    // Found by the property test: 294.00 collected, most of the cash paid out, then the
    // collection reversed — the till went to -1.00.
    let mut f = fund(FundKind::Both);
    add_members(&mut f.store, 1, "2025-01-05");
    let collected = edge::collect(
        &mut f.store,
        &today(),
        "2025-02-04",
        "cash",
        &[kongthun::ops::contributions::CollectLine {
            member_no: "1".into(),
            contribution: Satang::new(9000),
            savings: Satang::new(20400),
            entrance_fee: Satang::new(0),
        }],
    )
    .unwrap();
    let pay = |amount: &str| kongthun::ops::cashbook::CashMoveText {
        account: "5201".into(),
        amount: amount.into(),
        date: "2025-02-05".into(),
        till: "cash".into(),
        description: "ค่าใช้จ่าย".into(),
        member_no: None,
    };
    edge::pay(&mut f.store, &today(), &pay("100")).unwrap();
    let entry = collected.receipts[0].id.to_string();
    let before = dump(&f.store);
    let e =
        edge::reverse(&mut f.store, &today(), &entry, "บันทึกผิด", Some("2025-02-06")).unwrap_err();
    assert_eq!(e.code(), "cannot_reverse", "{e}");
    assert!(
        e.message_en().contains("1101") && e.message_en().contains("194.00"),
        "{}",
        e.message_en()
    );
    assert_eq!(dump(&f.store), before, "a refused reversal wrote");
    // with the cash back in the till it goes through
    edge::receive(
        &mut f.store,
        &today(),
        &kongthun::ops::cashbook::CashMoveText {
            account: "4301".into(),
            amount: "100".into(),
            date: "2025-02-06".into(),
            till: "cash".into(),
            description: "บริจาค".into(),
            member_no: None,
        },
    )
    .unwrap();
    edge::reverse(&mut f.store, &today(), &entry, "บันทึกผิด", Some("2025-02-06")).unwrap();
}

/// Each month's money as the statement reads it (`cash_month`, `cash_month_apart`), kept as
/// each entry is posted, against the same sums made from the postings by a query of the
/// test's own: receipts in cash, a transfer to the bank (nothing in or out), an expense, an
/// entry with no till (counted apart), an opening entry (brought forward), a reversal, a
/// bank account added and paid into in one transaction.
#[test]
fn each_months_money_is_kept_as_it_is_posted() {
    let mut f = posted_fund();
    let ctx = today();
    edge::transfer(&mut f.store, &ctx, "cash", "bank", "100", "2026-02-26", "ฝากธนาคาร").unwrap();
    let expense = ops::cashbook::CashMoveText {
        account: "5201".into(),
        amount: "35".into(),
        date: "2026-03-02".into(),
        till: "cash".into(),
        description: "ค่าเครื่องเขียน".into(),
        member_no: None,
    };
    let paid = edge::pay(&mut f.store, &ctx, &expense).unwrap();
    f.store
        .write(|tx| {
            let no_till = BalancedEntry::new(
                date(2026, 3, 5),
                EntryKind::Allocation,
                "โอนระหว่างบัญชี",
                None,
                vec![
                    Posting::debit("5201", Satang::new(500)),
                    Posting::credit("3101", Satang::new(500)),
                ],
            )?;
            tx.post_entry(&no_till, "ทดสอบ", "2026-03-05T10:00:00Z")?;
            let opening = BalancedEntry::new(
                date(2026, 3, 6),
                EntryKind::OpeningBalance,
                "ยอดยกมา",
                None,
                vec![
                    Posting::debit("1101", Satang::new(1_000)),
                    Posting::debit("1102", Satang::new(9_000)),
                    Posting::credit("3101", Satang::new(10_000)),
                ],
            )?;
            tx.post_entry(&opening, "ทดสอบ", "2026-03-06T10:00:00Z")?;
            tx.insert_custom_account(
                &kongthun::store::AccountRow {
                    code: "1109".into(),
                    name_th: "เงินฝากธนาคารออมสิน".into(),
                    name_en: "Savings bank".into(),
                    class: kongthun::domain::AccountClass::Asset,
                    cash_kind: Some("bank".into()),
                    welfare_category: None,
                    system: false,
                },
                "2026-03-07T10:00:00Z",
            )?;
            let into_new_bank = BalancedEntry::new(
                date(2026, 3, 7),
                EntryKind::Receipt,
                "ดอกเบี้ยเงินฝาก",
                None,
                vec![
                    Posting::debit("1109", Satang::new(250)),
                    Posting::credit("4301", Satang::new(250)),
                ],
            )?;
            tx.post_entry(&into_new_bank, "ทดสอบ", "2026-03-07T10:00:00Z")?;
            Ok(())
        })
        .unwrap();
    edge::reverse(&mut f.store, &ctx, &paid.doc_no, "บันทึกซ้ำ", Some("2026-03-09")).unwrap();

    let conn = f.store.raw_connection_for_tests();
    let rows = |sql: &str| -> Vec<(String, String, i64, i64)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let kept = rows("SELECT month, account_code, debit, credit FROM cash_month ORDER BY 1, 2");
    let from_postings = rows(
        "WITH till AS (SELECT code FROM account WHERE cash_kind IS NOT NULL)
         SELECT substr(e.entry_date, 1, 7), p.account_code,
                sum(max(p.amount, 0)), sum(max(-p.amount, 0))
         FROM journal_entry e JOIN posting p ON p.entry_id = e.id
         WHERE e.kind <> 'opening_balance' AND p.account_code NOT IN till
           AND EXISTS (SELECT 1 FROM posting t WHERE t.entry_id = e.id AND t.account_code IN till)
         GROUP BY 1, 2 ORDER BY 1, 2",
    );
    assert_eq!(kept, from_postings);
    // the expense paid, then reversed: a payment and its refund on the expense's line; the
    // interest into the bank account added in the same transaction is a receipt
    assert!(kept.contains(&("2026-03".into(), "5201".into(), 3_500, 3_500)), "{kept:?}");
    assert!(kept.contains(&("2026-03".into(), "4301".into(), 0, 250)), "{kept:?}");
    assert!(!kept.iter().any(|r| r.1 == "1101" || r.1 == "1102" || r.1 == "1109"));
    let apart: Vec<(String, i64, i64)> = {
        let mut stmt = conn
            .prepare("SELECT month, entries_without_cash, brought_forward FROM cash_month_apart")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(apart, vec![("2026-03".to_string(), 1, 10_000)]);
    let march = kongthun::report::month_summary(&f.store.read(), 2026, 3).unwrap();
    assert_eq!(march.entries_without_cash, 1);
    assert_eq!(
        march.opening.satang() + march.total_receipts.satang() - march.total_payments.satang(),
        march.closing.satang()
    );
    f.store.read().verify_chain().unwrap();
}
