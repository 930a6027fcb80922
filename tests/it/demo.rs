//! The demo fund: deterministic by seed, obeys every rule, and its books balance at every
//! size and on every date.

use super::*;
use kongthun::demo::{build, DemoSpec};

fn demo(
    members: u32,
    years: u32,
    seed: u64,
    kind: FundKind,
) -> (tempfile::TempDir, Store, kongthun::demo::DemoSummary) {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
    let summary = build(
        &mut store,
        &DemoSpec { members, years, seed, until: (2026, 10), kind, ..Default::default() },
    )
    .unwrap();
    (dir, store, summary)
}

#[test]
fn trial_balance_is_zero_and_months_add_up_at_every_size() {
    for (members, years, seed, kind) in
        [(12, 1, 3, FundKind::Welfare), (150, 2, 1, FundKind::Both), (400, 3, 9, FundKind::Savings)]
    {
        let (_dir, store, summary) = demo(members, years, seed, kind);
        assert_eq!(summary.members, members);
        assert!(summary.entries > i64::from(members), "{summary:?}");
        let reader = store.read();
        let first = kongthun::domain::date::parse_month(&summary.first_month).unwrap();
        for i in 0..(years * 12) {
            let idx = first.0 * 12 + first.1 as i32 - 1 + i as i32;
            let (y, m) = (idx / 12, (idx % 12 + 1) as u32);
            let last = kongthun::domain::date::last_of_month(y, m);
            let tb = kongthun::report::trial_balance(&reader, last).unwrap();
            assert_eq!(tb.difference, Satang::new(0), "{y}-{m}");
            assert_eq!(tb.total_debit, tb.total_credit);
            // and mid-month too (exercises the partial-month path)
            let mid = kongthun::report::trial_balance(&reader, date(y, m, 20)).unwrap();
            assert_eq!(mid.difference, Satang::new(0));
            let s = kongthun::report::month_summary(&reader, y, m).unwrap();
            assert_eq!(
                s.opening.satang() + s.total_receipts.satang() - s.total_payments.satang(),
                s.closing.satang(),
                "{y}-{m}"
            );
            assert!(s.closing_cash.satang() >= 0 && s.closing_bank.satang() >= 0, "{y}-{m}: {s:?}");
        }
        reader.verify_chain().unwrap();
        // no member's savings below zero
        assert!(reader.savings_balances().unwrap().iter().all(|(_, b)| b.satang() >= 0));
    }
}

#[test]
fn same_seed_same_fund_other_seed_other_fund() {
    let (_a, _sa, a) = demo(60, 1, 5, FundKind::Both);
    let (_b, _sb, b) = demo(60, 1, 5, FundKind::Both);
    let (_c, _sc, c) = demo(60, 1, 6, FundKind::Both);
    assert_eq!(a.fingerprint, b.fingerprint);
    assert_eq!(a.entries, b.entries);
    assert_ne!(a.fingerprint, c.fingerprint);
}

#[test]
fn demo_looks_like_a_village() {
    let (_dir, store, _) = demo(300, 3, 1, FundKind::Both);
    let reader = store.read();
    let members = reader.members(&Default::default()).unwrap();
    let moos: std::collections::BTreeSet<_> = members.iter().filter_map(|m| m.moo).collect();
    assert_eq!(moos.len(), 12);
    let statuses: std::collections::BTreeSet<_> = members.iter().map(|m| m.status.key()).collect();
    assert!(statuses.contains("active") && statuses.contains("lapsed"), "{statuses:?}");
    assert!(members.iter().any(|m| m.title == "เด็กหญิง" || m.title == "เด็กชาย"));
    assert!(members.iter().any(|m| m.groups.contains(&kongthun::domain::MemberGroup::Disabled)));
    assert!(members.iter().all(|m| m
        .national_id
        .as_deref()
        .is_none_or(|id| kongthun::domain::ThaiId::parse(id).is_ok())));
    assert!(!ops::contributions::arrears(&store, date(2026, 10, 31)).unwrap().is_empty());
    let closed = reader.closed_months().unwrap();
    assert_eq!(closed.len(), 36);
    assert_eq!(closed.last().unwrap().0, "2026-10");
}

#[test]
fn committed_fixture_is_a_valid_demo_fund() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo-small.sqlite");
    let inspection = kongthun::store::inspect_database(&path).unwrap();
    assert_eq!(inspection.fund_code, "DEMO-0001");
    assert!(inspection.chain.entries > 100);
}

#[test]
fn a_version_1_file_is_backed_up_then_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo-small-v1.sqlite"),
        &path,
    )
    .unwrap();
    let before = kongthun::store::inspect_database(&path).unwrap();
    assert_eq!(before.schema_version, 1);
    let mut store = Store::open(&path).unwrap();
    let copy = dir.path().join(format!("old.before-v{}.sqlite", kongthun::store::schema_version()));
    assert_eq!(
        kongthun::store::inspect_database(&copy).unwrap().schema_version,
        1,
        "copy kept before migrating"
    );
    let after = store.read().verify_chain().unwrap();
    assert_eq!(after.head, before.chain.head, "migration leaves the journal as it was");
    // the savings accounts of schema 2 were added; the fund adds the default rules itself
    assert!(store.read().account("2102").unwrap().is_some());
    assert!(store.read().rules().unwrap().is_empty());
    ops::welfare::add_default_rules(&mut store, &today(), date(2025, 1, 1)).unwrap();
    assert_eq!(store.read().rules().unwrap().len(), 7);
}
