//! Property test: any sequence of treasurer operations — valid or not — keeps the books
//! balanced, the chain verifiable, and no member's savings or any till below zero. Invalid
//! operations must fail cleanly (the generator makes plenty: overdrafts, double reversals,
//! closed months).

use super::*;
use kongthun::ops::cashbook::CashMove;
use kongthun::ops::contributions::CollectLine;
use proptest::prelude::*;

#[derive(Clone, Debug)]
enum Op {
    Collect { member: u8, periods: u8, savings: u16 },
    Withdraw { member: u8, baht: u16 },
    Receive { baht: u32 },
    Pay { baht: u32 },
    Transfer { to_bank: bool, baht: u32 },
    Reverse { entry: u16 },
    Close,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..4, 0u8..4, 0u16..500).prop_map(|(member, periods, savings)| Op::Collect { member, periods, savings }),
        2 => (0u8..4, 1u16..400).prop_map(|(member, baht)| Op::Withdraw { member, baht }),
        1 => (1u32..5000).prop_map(|baht| Op::Receive { baht }),
        2 => (1u32..3000).prop_map(|baht| Op::Pay { baht }),
        2 => (any::<bool>(), 1u32..3000).prop_map(|(to_bank, baht)| Op::Transfer { to_bank, baht }),
        1 => (1u16..60).prop_map(|entry| Op::Reverse { entry }),
        1 => Just(Op::Close),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn books_stay_sound_under_any_sequence(ops in proptest::collection::vec(op(), 1..40)) {
        let mut f = fund(FundKind::Both);
        add_members(&mut f.store, 4, "2025-01-05");
        // one operation per day from February 2025; a close closes the month before the day
        let mut day = date(2025, 2, 1);
        for op in &ops {
            let d = day.to_string();
            let ctx = today();
            let mv = |account: &str, baht: u32| CashMove { account: account.into(), amount: baht.to_string(), date: d.clone(), till: "cash".into(), description: "p".into(), member_no: None };
            let before = dump(&f.store);
            let result = match op {
                Op::Collect { member, periods, savings } => ops::contributions::collect(&mut f.store, &ctx, &d, "cash", &[CollectLine {
                    member_no: (member + 1).to_string(),
                    contribution: Satang(3000 * i64::from(*periods)),
                    savings: Satang::from_baht(i64::from(*savings)),
                    entrance_fee: Satang(0),
                }]).map(|_| ()),
                Op::Withdraw { member, baht } => ops::savings::withdraw(&mut f.store, &ctx, &(member + 1).to_string(), &baht.to_string(), &d, "cash").map(|_| ()),
                Op::Receive { baht } => ops::cashbook::receive(&mut f.store, &ctx, &mv("4301", *baht)).map(|_| ()),
                Op::Pay { baht } => ops::cashbook::pay(&mut f.store, &ctx, &mv("5201", *baht)).map(|_| ()),
                Op::Transfer { to_bank, baht } => {
                    let (from, to) = if *to_bank { ("cash", "bank") } else { ("bank", "cash") };
                    ops::cashbook::transfer(&mut f.store, &ctx, from, to, &baht.to_string(), &d, "").map(|_| ())
                }
                Op::Reverse { entry } => ops::reversal::reverse(&mut f.store, &ctx, &entry.to_string(), "ทดสอบ", Some(&d)).map(|_| ()),
                Op::Close => {
                    let prev = day.pred_opt().unwrap();
                    ops::close::close_month(&mut f.store, &ctx, &kongthun::domain::date::month_key(prev)).map(|_| ())
                }
            };
            if result.is_err() {
                // a refused operation changes nothing
                prop_assert_eq!(dump(&f.store), before, "{:?} failed but wrote", op);
            }
            day = day.succ_opt().unwrap();
        }
        let reader = f.store.read();
        reader.verify_chain().unwrap();
        let tb = kongthun::report::trial_balance(&reader, day).unwrap();
        prop_assert_eq!(tb.difference, Satang(0));
        for (_, balance) in reader.savings_balances().unwrap() {
            prop_assert!(balance.0 >= 0);
        }
        for till in ["1101", "1102"] {
            prop_assert!(reader.lowest_balance_from(till, "2025-01-01").unwrap().0 >= 0, "{} below zero", till);
        }
    }
}
