//! The year-end allocation of a savings group's profit: the fund's plan adopted by the
//! general assembly (governance both ways), only the group's own net profit allocated, the
//! batch payout into each member's sajja savings to the satang, the list to sign, and the
//! welfare part paying welfare claims.

use super::welfare::{approving_resolution, assembly_resolution};
use super::*;
use kongthun::ops::contributions::CollectLine;

/// A fund of both kinds with four members through 2025: contributions, a matching round, a
/// donation and bank interest (the welfare fund's); a loan repaid with 90.00 interest and a
/// fine of 20.00 (the savings group's): the group's net profit is 110.00.
fn a_year_with_profit() -> Fixture {
    let mut f = fund(FundKind::Both);
    add_members(&mut f.store, 4, "2025-01-05");
    edge::collect(
        &mut f.store,
        &today(),
        "2025-01-20",
        "cash",
        &(1..=4)
            .map(|i| CollectLine {
                member_no: i.to_string(),
                contribution: Satang::new(36000),
                savings: Satang::new(200000),
                entrance_fee: Satang::new(5000),
            })
            .collect::<Vec<_>>(),
    )
    .unwrap();
    edge::receive_matching(
        &mut f.store,
        &today(),
        "government",
        "2568/1",
        "1200",
        "2025-02-10",
        "bank",
    )
    .unwrap();
    let mv = |account: &str, amount: &str, date: &str| ops::cashbook::CashMoveText {
        account: account.into(),
        amount: amount.into(),
        date: date.into(),
        till: "cash".into(),
        description: "ทดสอบ".into(),
        member_no: None,
    };
    edge::receive(&mut f.store, &today(), &mv("4301", "500", "2025-03-01")).unwrap();
    edge::receive(&mut f.store, &today(), &mv("4401", "12.34", "2025-06-30")).unwrap();
    edge::receive(&mut f.store, &today(), &mv("4501", "20", "2025-07-01")).unwrap();
    edge::pay(&mut f.store, &today(), &mv("5201", "150", "2025-07-02")).unwrap();
    let (loan, _) = edge::lend(
        &mut f.store,
        &today(),
        &ops::loans::LoanText {
            member_no: "1",
            principal: "3000",
            rate: "1",
            method: "flat",
            term_months: 3,
            date: "2025-02-01",
            guarantors: &["2".into()],
            till: "cash",
            resolution_id: None,
        },
    )
    .unwrap();
    for (amount, on) in [("1030", "2025-03-01"), ("1030", "2025-04-01"), ("1030", "2025-05-01")] {
        edge::repay(&mut f.store, &today(), loan, amount, on, "cash").unwrap();
    }
    for (no, role) in [("2", "chair"), ("3", "treasurer"), ("4", "auditor")] {
        edge::set_committee(&mut f.store, no, role, "2025-01-05", "2026-12-31").unwrap();
    }
    f
}

/// The guideline's usual parts adopted by the assembly of 10 January 2026.
fn usual_plan(f: &mut Fixture) {
    let adopted = assembly_resolution(f, "2026-01-10", "rule");
    let parts = ops::allocation::parts_text(&kongthun::domain::allocation::default_parts());
    let parts: Vec<&str> = parts.iter().map(String::as_str).collect();
    edge::adopt_plan(&mut f.store, &today(), &parts, "2026-01-10", adopted).unwrap();
}

#[test]
fn only_the_savings_groups_own_profit_is_allocated() {
    // Contributions, a matching round, a donation and bank interest are the welfare fund's;
    // only loan interest and fines (less nothing of the group's own) may be allocated.
    let mut f = a_year_with_profit();
    let ctx = today();
    let report = kongthun::report::yearly(&f.store.read(), 2025, date(2026, 1, 31)).unwrap();
    assert_eq!(
        report.savings_profit,
        Satang::new(9000 + 2000),
        "loan interest 90.00 and fines 20.00 only"
    );
    assert!(report.surplus > report.savings_profit, "the welfare fund's income is far larger");
    usual_plan(&mut f);
    let out = edge::allocate(&mut f.store, &ctx, 2025, "2026-01-15").unwrap();
    assert_eq!(out.profit, Satang::new(11000));
    assert_eq!(
        out.parts.iter().map(|p| p.amount.satang()).sum::<i64>(),
        11000,
        "every satang of it, no more"
    );
    // the welfare fund's money is still there: capital untouched by the allocation
    let entry = f.store.read().entry_by_doc_no(&out.doc_no).unwrap().unwrap();
    assert!(
        entry.postings.iter().all(|p| !p.account.starts_with("41") && !p.account.starts_with("42")),
        "{:?}",
        entry.postings
    );
}

/// A committee meeting on `date` passing a rule resolution.
fn committee_rule_resolution(f: &mut Fixture, date: &str) -> i64 {
    let m = edge::new_meeting(&mut f.store, &today(), "committee", date, "ศาลา").unwrap();
    ops::meetings::attend(&mut f.store, m.id, &["2".into(), "3".into(), "4".into()]).unwrap();
    let vote = ops::meetings::Vote {
        subject: "แผนการจัดสรรกำไร",
        kind: "rule",
        agenda_no: None,
        votes_for: 2,
        votes_against: 0,
        abstain: 0,
    };
    ops::meetings::resolve(&mut f.store, &today(), m.id, &vote).unwrap().id
}

#[test]
fn the_plan_is_the_assemblys_unless_the_fund_lets_the_committee_adopt_it() {
    let mut f = a_year_with_profit();
    let parts = ["reserve=20", "dividend=50", "refund=20", "other:กองทุนการศึกษาเด็ก=10"];
    let by_committee = committee_rule_resolution(&mut f, "2026-01-05");
    let e =
        edge::adopt_plan(&mut f.store, &today(), &parts, "2026-01-05", by_committee).unwrap_err();
    assert_eq!(e.code(), "needs_assembly");
    assert!(e.message_th().contains("ที่ประชุมใหญ่"), "{}", e.message_th());
    edge::fund_rule(&mut f.store, "rules_changed_by", "committee", "2026-01-01");
    edge::adopt_plan(&mut f.store, &today(), &parts, "2026-01-05", by_committee).unwrap();
    edge::fund_rule(&mut f.store, "rules_changed_by", "general", "2026-01-06");

    let by_assembly = assembly_resolution(&mut f, "2026-01-10", "rule");
    for (bad, code) in [
        (vec!["bonus=100"], "invalid.unknown_choice"),
        (vec!["dividend=50", "dividend:ปันผลพิเศษ=50"], "invalid.other"),
        (vec!["reserve=100.001"], "invalid.too_many_decimals"),
    ] {
        let e =
            edge::adopt_plan(&mut f.store, &today(), &bad, "2026-01-12", by_assembly).unwrap_err();
        assert_eq!(e.code(), code, "{bad:?}: {}", e.message_en());
    }
    // not in force before the meeting that adopted it
    let e =
        edge::adopt_plan(&mut f.store, &today(), &parts, "2026-01-09", by_assembly).unwrap_err();
    assert!(matches!(e, kongthun::Error::Invalid { field: "effective_on", .. }), "{e}");
    edge::adopt_plan(
        &mut f.store,
        &today(),
        &["reserve=30", "dividend=70"],
        "2026-01-10",
        by_assembly,
    )
    .unwrap();

    // the plan in force on the allocation's day decides, with the assembly's own names
    let plans = kongthun::report::allocation::plans(&f.store.read(), date(2026, 1, 15)).unwrap();
    assert_eq!(plans.plans.len(), 2);
    assert!(plans.plans[1].in_force && !plans.plans[0].in_force);
    let on_the_8th = edge::allocate(&mut f.store, &today(), 2025, "2026-01-08").unwrap();
    assert_eq!(
        on_the_8th.parts.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["เงินสำรอง", "ปันผลตามเงินสัจจะ", "เฉลี่ยคืนตามดอกเบี้ย", "กองทุนการศึกษาเด็ก"]
    );
    assert_eq!(on_the_8th.parts[3].amount, Satang::new(1100), "10% of 110.00");
    let entry = f.store.read().entry_by_doc_no(&on_the_8th.doc_no).unwrap().unwrap();
    assert!(entry.postings.iter().any(|p| p.account == "2109" && p.amount == Satang::new(-1100)));
}

#[test]
fn dividends_are_paid_in_one_batch_into_each_members_savings_to_the_satang() {
    let mut f = a_year_with_profit();
    usual_plan(&mut f);
    let out = edge::allocate(&mut f.store, &today(), 2025, "2026-01-15").unwrap();
    // 40% of 110.00 by savings (all equal), 20% by interest (member 1 alone)
    assert_eq!(out.members.iter().map(|m| m.dividend.satang()).sum::<i64>(), 4400);
    assert_eq!(out.members.iter().find(|m| m.member_no == "1").unwrap().refund, Satang::new(2200));
    edge::change_status(
        &mut f.store,
        &today(),
        "4",
        kongthun::domain::MemberStatus::Resigned,
        "2026-01-15",
        "ย้ายไปต่างจังหวัด",
    )
    .unwrap();
    let id_of = |f: &Fixture, no: &str| f.store.read().require_member_by_no(no).unwrap().id;
    let savings = |f: &Fixture| {
        (1..=4)
            .map(|i| f.store.read().savings_balance(id_of(f, &i.to_string())).unwrap())
            .collect::<Vec<_>>()
    };
    let before = savings(&f);
    let early = edge::pay_dividends(&mut f.store, &today(), 2025, "savings", "2026-01-14");
    assert!(
        matches!(early, Err(kongthun::Error::Invalid { field: "date", .. })),
        "not before the allocation: {early:?}"
    );
    let paid = edge::pay_dividends(&mut f.store, &today(), 2025, "savings", "2026-01-16").unwrap();
    assert_eq!(paid.paid.len(), 3, "member 4 resigned: left for a cash payment");
    assert_eq!(paid.not_paid.len(), 1);
    assert_eq!(paid.not_paid[0].member_no, "4");
    let after = savings(&f);
    for (i, m) in out.members.iter().enumerate().take(3) {
        assert_eq!(after[i] - before[i], m.dividend + m.refund, "member {}", m.member_no);
    }
    assert_eq!(after[3], before[3]);
    assert!(paid.paid.iter().all(|p| p.doc_no.starts_with("JV")));
    let e = edge::pay_dividends(&mut f.store, &today(), 2025, "savings", "2026-01-16").unwrap_err();
    assert_eq!(e.code(), "nothing_to_pay");
    assert!(
        e.message_th().contains("ปีบัญชี 2568") && e.message_th().contains("1 คน"),
        "{}",
        e.message_th()
    );
    let cash = edge::pay_dividends(&mut f.store, &today(), 2025, "cash", "2026-01-16").unwrap();
    assert_eq!(cash.paid.len(), 1);
    assert!(cash.paid[0].doc_no.starts_with("PV"));
    assert_eq!(cash.total, out.members[3].dividend + out.members[3].refund);

    // a payment reversed is owed again, and paid again alone
    edge::reverse(&mut f.store, &today(), &paid.paid[0].doc_no, "ผิดคน", Some("2026-01-17"))
        .unwrap();
    let again = edge::pay_dividends(&mut f.store, &today(), 2025, "savings", "2026-01-17").unwrap();
    assert_eq!(again.paid.len(), 1);
    assert_eq!(again.paid[0].member_no, "1");
    assert_eq!(savings(&f), after);

    // the list to sign: every member, what they got and how
    let doc = ops::documents::Document::DividendList { year: 2568 };
    let csv = super::registers::csv_text(&f, &doc);
    for m in &out.members {
        assert!(csv.contains(&m.name), "{csv}");
    }
    assert!(csv.contains("เข้าเงินสัจจะ") && csv.contains("เงินสด"), "{csv}");
    let (pdf, _) = super::registers::pdf_text(&f, &doc, "dividends");
    assert!(pdf.contains("ลายมือชื่อผู้รับ") && pdf.contains("66.00"), "{pdf}");
    let tb = kongthun::report::trial_balance(&f.store.read(), date(2026, 1, 31)).unwrap();
    assert_eq!(tb.difference, Satang::new(0));
    let payable = tb.lines.iter().find(|l| l.code == "2102").map(|l| l.credit).unwrap_or_default();
    assert_eq!(payable, Satang::ZERO, "every share paid");
    f.store.read().verify_chain().unwrap();
}

#[test]
fn the_welfare_part_pays_welfare_claims_as_they_are_paid() {
    let mut f = a_year_with_profit();
    usual_plan(&mut f);
    edge::allocate(&mut f.store, &today(), 2025, "2026-01-15").unwrap();
    // member 1 pays January to March 2569 (the claims' rule wants no arrears)
    let line = CollectLine {
        member_no: "1".into(),
        contribution: Satang::new(9000),
        savings: Satang::ZERO,
        entrance_fee: Satang::ZERO,
    };
    edge::collect(&mut f.store, &today(), "2026-01-20", "cash", &[line]).unwrap();
    // 10% of 110.00 is the welfare allocated
    let welfare_left = |f: &Fixture| -f.store.read().account_balance("2103", "2026-12-31").unwrap();
    assert_eq!(welfare_left(&f), Satang::new(1100));
    let pay_a_claim = |f: &mut Fixture, event: &str, on: &str| {
        let (c, evaluation) =
            super::welfare::claim(f, "illness", event, Some("2"), &["ใบรับรองแพทย์"]).unwrap();
        assert!(evaluation.eligible, "{evaluation:?}");
        let r = approving_resolution(f, on);
        edge::decide_claim(&mut f.store, c.id, true, r, None).unwrap();
        let paid = edge::pay_claim(&mut f.store, &today(), c.id, on, "cash").unwrap();
        f.store.read().entry(paid.id).unwrap().unwrap()
    };
    let first = pay_a_claim(&mut f, "2026-02-01", "2026-02-05");
    let drawn = |e: &kongthun::store::EntryRow, code: &str| {
        e.postings.iter().filter(|p| p.account == code).map(|p| p.amount.satang()).sum::<i64>()
    };
    assert_eq!(drawn(&first, "2103"), 1100, "the whole welfare part, less than the claim");
    assert_eq!(drawn(&first, "4602"), -1100);
    assert_eq!(welfare_left(&f), Satang::ZERO);
    let second = pay_a_claim(&mut f, "2026-03-01", "2026-03-05");
    assert_eq!(drawn(&second, "2103"), 0, "nothing left to draw");
    // the draw is the welfare fund's income, never the savings group's profit
    let year = kongthun::report::yearly(&f.store.read(), 2026, date(2026, 11, 22)).unwrap();
    assert_eq!(year.savings_profit, Satang::ZERO);
    assert!(year.income.iter().any(|l| l.code == "4602" && l.amount == Satang::new(1100)));
}
