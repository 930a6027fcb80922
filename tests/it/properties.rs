//! Property tests: any sequence of treasurer operations — valid or not — keeps the books
//! balanced, the chain verifiable, no member's savings or any till below zero, and our
//! journal export equal to what `hledger bal` makes of it. Invalid operations must fail
//! cleanly (the generator makes plenty: overdrafts, double reversals, closed months). And
//! whatever the fund did, the bundles it sends carry its books to the province losslessly.

use super::*;
use chrono::Datelike;
use kongthun::ops::bundles::{export_bundle, IdPolicy};
use kongthun::ops::cashbook::CashMoveText;
use kongthun::ops::contributions::CollectLine;
use kongthun::store::province::{ProvinceEntry, ProvinceStore};
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Deposit {
        member: u8,
        baht: u16,
    },
    Collect {
        member: u8,
        periods: u8,
        savings: u16,
    },
    Withdraw {
        member: u8,
        baht: u16,
    },
    Receive {
        baht: u32,
    },
    Pay {
        baht: u32,
    },
    Transfer {
        to_bank: bool,
        baht: u32,
    },
    /// `on_its_date`: dated on the reversed entry's own day (in the open month), as a
    /// treasurer correcting that day's mistake does; otherwise on the running day.
    Reverse {
        pick: proptest::sample::Index,
        on_its_date: bool,
    },
    Close,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..4, 0u8..4, 0u16..500).prop_map(|(member, periods, savings)| Op::Collect { member, periods, savings }),
        2 => (0u8..4, 1u16..400).prop_map(|(member, baht)| Op::Deposit { member, baht }),
        2 => (0u8..4, 1u16..400).prop_map(|(member, baht)| Op::Withdraw { member, baht }),
        1 => (1u32..5000).prop_map(|baht| Op::Receive { baht }),
        2 => (1u32..3000).prop_map(|baht| Op::Pay { baht }),
        2 => (any::<bool>(), 1u32..3000).prop_map(|(to_bank, baht)| Op::Transfer { to_bank, baht }),
        3 => (any::<proptest::sample::Index>(), any::<bool>()).prop_map(|(pick, on_its_date)| Op::Reverse { pick, on_its_date }),
        1 => Just(Op::Close),
    ]
}

/// Carry out one operation dated `day` (a close closes the month before the day).
fn apply(store: &mut Store, op: &Op, day: NaiveDate) -> kongthun::Result<()> {
    let d = day.to_string();
    let ctx = today();
    let mv = |account: &str, baht: u32| CashMoveText {
        account: account.into(),
        amount: baht.to_string(),
        date: d.clone(),
        till: "cash".into(),
        description: "p".into(),
        member_no: None,
    };
    match op {
        Op::Collect { member, periods, savings } => edge::collect(
            store,
            &ctx,
            &d,
            "cash",
            &[CollectLine {
                member_no: (member + 1).to_string(),
                contribution: Satang::new(3000 * i64::from(*periods)),
                savings: Satang::from_baht(i64::from(*savings)),
                entrance_fee: Satang::new(0),
            }],
        )
        .map(|_| ()),
        Op::Deposit { member, baht } => {
            edge::deposit(store, &ctx, &(member + 1).to_string(), &baht.to_string(), &d, "cash")
                .map(|_| ())
        }
        Op::Withdraw { member, baht } => {
            edge::withdraw(store, &ctx, &(member + 1).to_string(), &baht.to_string(), &d, "cash")
                .map(|_| ())
        }
        Op::Receive { baht } => edge::receive(store, &ctx, &mv("4301", *baht)).map(|_| ()),
        Op::Pay { baht } => edge::pay(store, &ctx, &mv("5201", *baht)).map(|_| ()),
        Op::Transfer { to_bank, baht } => {
            let (from, to) = if *to_bank { ("cash", "bank") } else { ("bank", "cash") };
            edge::transfer(store, &ctx, from, to, &baht.to_string(), &d, "").map(|_| ())
        }
        Op::Reverse { pick, on_its_date } => {
            // any entry on the books (the chain head's id is the count)
            let count = store.read().chain_head().unwrap().0;
            let entry = if count == 0 { 1 } else { pick.index(count as usize) as i64 + 1 };
            let on = match store.read().entry(entry).unwrap() {
                Some(e) if *on_its_date => e.entry_date.max(day.with_day(1).unwrap().to_string()),
                _ => d.clone(),
            };
            edge::reverse(store, &ctx, &entry.to_string(), "ทดสอบ", Some(&on)).map(|_| ())
        }
        Op::Close => ops::close::close_month(
            store,
            &ctx,
            &kongthun::domain::date::month_key(day.pred_opt().unwrap()),
        )
        .map(|_| ()),
    }
}

/// The first day operations are dated: members join in January 2025.
fn first_day() -> NaiveDate {
    date(2025, 2, 1)
}

/// An operation and how many days before the running day it is dated: treasurers backdate
/// within the open month (never before its first day: that month is closed or not yet
/// reached), so every balance must hold on every day, not only at the end.
fn dated_op() -> impl Strategy<Value = (Op, u8)> {
    (op(), prop_oneof![3 => Just(0u8), 2 => 1u8..20])
}

fn day_of(running: NaiveDate, back: u8) -> NaiveDate {
    let first_of_month = running.with_day(1).unwrap();
    (running - chrono::Duration::days(i64::from(back))).max(first_of_month)
}

/// Every till, every member's savings and every member's loan at the end of every day, from
/// the postings themselves (not the store's own balance queries): none below zero.
fn assert_no_balance_below_zero_on_any_day(store: &Store) {
    let conn = store.raw_connection_for_tests();
    let mut stmt = conn
        .prepare(
            "SELECT e.entry_date, p.account_code, p.member_id, SUM(p.amount) FROM posting p
             JOIN journal_entry e ON e.id = p.entry_id
             WHERE p.account_code IN ('1101', '1102', '1201', '2101')
             GROUP BY e.entry_date, p.account_code, p.member_id ORDER BY e.entry_date",
        )
        .unwrap();
    let rows: Vec<(String, String, Option<i64>, i64)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut balances: std::collections::BTreeMap<(String, Option<i64>), i64> = Default::default();
    let mut i = 0;
    while i < rows.len() {
        let day = rows[i].0.clone();
        while i < rows.len() && rows[i].0 == day {
            let (_, account, member, amount) = &rows[i];
            let (key, signed) = match account.as_str() {
                "2101" => ((account.clone(), *member), -amount),
                "1201" => ((account.clone(), *member), *amount),
                _ => ((account.clone(), None), *amount),
            };
            *balances.entry(key).or_default() += signed;
            i += 1;
        }
        for ((account, member), balance) in &balances {
            assert!(
                *balance >= 0,
                "{account} (member {member:?}) at {balance} satang at the end of {day}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn books_stay_sound_under_any_sequence(ops in proptest::collection::vec(dated_op(), 1..40)) {
        let mut f = fund(FundKind::Both);
        add_members(&mut f.store, 4, "2025-01-05");
        let mut day = first_day();
        for (op, back) in &ops {
            let before = dump(&f.store);
            let on = if matches!(op, Op::Close) { day } else { day_of(day, *back) };
            if apply(&mut f.store, op, on).is_err() {
                // a refused operation changes nothing
                prop_assert_eq!(dump(&f.store), before, "{:?} failed but wrote", op);
            }
            assert_no_balance_below_zero_on_any_day(&f.store);
            day = day.succ_opt().unwrap();
        }
        let reader = f.store.read();
        reader.verify_chain().unwrap();
        // every month's receipts and payments are exactly the money that moved
        let mut month = (2025, 1);
        while kongthun::domain::date::first_of_month(month.0, month.1) <= day {
            let m = kongthun::report::month_summary(&reader, month.0, month.1).unwrap();
            prop_assert_eq!(m.opening.satang() + m.total_receipts.satang() - m.total_payments.satang(), m.closing.satang(), "{}", m.month);
            month = kongthun::domain::date::add_months(month, 1);
        }
        let tb = kongthun::report::trial_balance(&reader, day).unwrap();
        prop_assert_eq!(tb.difference, Satang::new(0));
        for (_, balance) in reader.savings_balances().unwrap() {
            prop_assert!(balance.satang() >= 0);
        }
        for till in ["1101", "1102"] {
            prop_assert!(reader.lowest_balance_from(till, "2025-01-01").unwrap().satang() >= 0, "{} below zero", till);
        }
        // Another program reads our journal export to the same balances.
        let journal = f.dir.path().join("fund.journal");
        std::fs::write(&journal, kongthun::ops::documents::journal_text(&reader).unwrap()).unwrap();
        assert_hledger_balance_is_ours(&journal, &tb);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    #[test]
    fn bundles_carry_the_books_to_the_province_losslessly(ops in proptest::collection::vec(op(), 1..50)) {
        let mut f = fund(FundKind::Both);
        add_members(&mut f.store, 4, "2025-01-05");
        let db = f.dir.path().join("fund.sqlite");
        let usb = f.dir.path().join("usb");
        std::fs::create_dir(&usb).unwrap();
        let mut bundles = Vec::new();
        let export = |store: &mut Store, bundles: &mut Vec<std::path::PathBuf>| match export_bundle(store, &today(), &db, "since-last", &usb, IdPolicy::Hashed) {
            Ok(out) => bundles.push(out.path),
            Err(e) => assert!(["bundle.nothing_closed", "bundle.nothing_new"].contains(&e.code().as_str()), "{e}"),
        };
        let mut day = first_day();
        for op in &ops {
            // a bundle after every month close, as a treasurer sends them
            if apply(&mut f.store, op, day).is_ok() && matches!(op, Op::Close) {
                export(&mut f.store, &mut bundles);
            }
            day = day.succ_opt().unwrap();
        }
        // close every month up to the last day's, then send the rest
        let mut month = (2025, 1);
        while kongthun::domain::date::first_of_month(month.0, month.1) <= day {
            let _ = ops::close::close_month(&mut f.store, &today(), &format!("{:04}-{:02}", month.0, month.1));
            month = kongthun::domain::date::add_months(month, 1);
        }
        export(&mut f.store, &mut bundles);
        prop_assert!(!bundles.is_empty());

        let mut province = ProvinceStore::open(&f.dir.path().join("province/province.sqlite")).unwrap();
        let preview = ops::province::enrol(&mut province, &bundles[0], None, "officer", "t").unwrap();
        ops::province::enrol(&mut province, &bundles[0], Some(&preview.key_fingerprint), "officer", "t").unwrap();
        for b in &bundles {
            prop_assert_eq!(ops::province::import(&mut province, b, false, "officer", "t").unwrap().result.key(), "imported");
        }
        // never twice: the newest says already imported, older ones are refused as replays,
        // and neither changes anything
        let digest = province.content_digest().unwrap();
        for b in &bundles {
            match ops::province::import(&mut province, b, false, "officer", "t") {
                Ok(out) => prop_assert_eq!(out.result.key(), "already_imported"),
                Err(e) => prop_assert_eq!(e.code(), "bundle.replay"),
            }
        }
        prop_assert_eq!(province.content_digest().unwrap(), digest);

        let reader = f.store.read();
        let code = reader.require_fund().unwrap().profile.fund_code;
        let mut ours = Vec::new();
        reader.for_each_entry(|e| ours.push(ProvinceEntry {
            id: e.id,
            entry_date: e.entry_date.clone(),
            kind: e.kind.clone(),
            doc_no: e.doc_no.clone(),
            description: e.description.clone(),
            hash: e.hash.clone(),
            postings: e.postings.iter().map(|p| (p.account.clone(), p.amount.satang())).collect(),
        })).unwrap();
        prop_assert_eq!(province.entries_of(&code).unwrap(), ours);
        let mut members: Vec<_> = reader
            .members(&Default::default())
            .unwrap()
            .into_iter()
            .map(|m| (m.member_no, m.title, m.first_name, m.last_name, serde_json::to_value(m.status).unwrap().as_str().unwrap().to_string(), m.status_since))
            .collect();
        members.sort();
        prop_assert_eq!(province.members_of(&code).unwrap(), members);
    }
}
