//! Welfare rules and claims (data-driven evaluation), meetings, quorum, locked minutes,
//! matching, loans and the year-end allocation.

use super::*;
use kongthun::domain::welfare::{Category, RuleAmount, WelfareRule};
use kongthun::ops::contributions::CollectLine;
use kongthun::ops::meetings::Vote;
use kongthun::ops::welfare::ClaimInput;
use kongthun::Error;

/// A welfare fund (default rules from 2025-01-01) with member 1 joined on `joined`, who has
/// paid `periods` months of 30 baht, and a committee of three in office.
pub fn setup(joined: &str, periods: i64) -> Fixture {
    setup_of(FundKind::Welfare, joined, periods)
}

/// The same for a fund of `kind`.
pub fn setup_of(kind: FundKind, joined: &str, periods: i64) -> Fixture {
    let mut f = fund(kind);
    let mut p = person("น้ำทิพย์", "ปั้นทอง", "", joined);
    p.beneficiary_name = "นายผู้ใหญ่ ปั้นทอง".into();
    p.beneficiary_relation = "คู่สมรส".into();
    p.birth_date = "1950-03-01".into();
    ops::members::add_member(&mut f.store, &today(), &p).unwrap();
    for i in 0..3 {
        ops::members::add_member(
            &mut f.store,
            &today(),
            &person(&format!("กรรมการ{i}"), "ทดสอบ", "", "2024-01-01"),
        )
        .unwrap();
        edge::set_committee(
            &mut f.store,
            &(i + 2).to_string(),
            ["chair", "treasurer", "auditor"][i],
            "2024-01-01",
            "2027-12-31",
        )
        .unwrap();
    }
    if periods > 0 {
        edge::collect(
            &mut f.store,
            &today(),
            joined,
            "cash",
            &[CollectLine {
                member_no: "1".into(),
                contribution: Satang::new(3000 * periods),
                savings: Satang::new(0),
                entrance_fee: Satang::new(0),
            }],
        )
        .unwrap();
    }
    edge::receive(
        &mut f.store,
        &today(),
        &ops::cashbook::CashMoveText {
            // (a savings group keeps no matching accounts: a donation then)
            account: if kind == FundKind::Savings { "4301" } else { "4203" }.into(),
            amount: "100000".into(),
            date: joined.into(),
            till: "cash".into(),
            description: "พอช.".into(),
            member_no: None,
        },
    )
    .unwrap();
    f
}

pub fn claim(
    f: &mut Fixture,
    category: &str,
    event: &str,
    days: Option<&str>,
    docs: &[&str],
) -> kongthun::Result<(kongthun::store::ClaimRow, kongthun::domain::welfare::Evaluation)> {
    ops::welfare::open_claim(
        &mut f.store,
        &today(),
        &ClaimInput {
            member_no: "1".into(),
            category: category.into(),
            event_date: event.into(),
            days: days.map(str::to_string),
            documents: docs.iter().map(|d| d.to_string()).collect(),
            note: String::new(),
            person: None,
        },
    )
}

/// A general assembly on `date` (three of the four members present) that passes a
/// resolution of `kind` ("rule" to change the welfare rules).
pub fn assembly_resolution(f: &mut Fixture, date: &str, kind: &str) -> i64 {
    let m = edge::new_meeting(&mut f.store, &today(), "general", date, "วัด").unwrap();
    ops::meetings::attend(&mut f.store, m.id, &["1".into(), "2".into(), "3".into()]).unwrap();
    let vote = Vote {
        subject: "แก้ระเบียบสวัสดิการ",
        kind,
        agenda_no: None,
        votes_for: 3,
        votes_against: 0,
        abstain: 0,
    };
    ops::meetings::resolve(&mut f.store, &today(), m.id, &vote).unwrap().id
}

/// A committee meeting on `date` with all three present and a passed claims resolution.
pub fn approving_resolution(f: &mut Fixture, date: &str) -> i64 {
    let m = edge::new_meeting(&mut f.store, &today(), "committee", date, "ศาลาหมู่บ้าน").unwrap();
    ops::meetings::attend(&mut f.store, m.id, &["2".into(), "3".into(), "4".into()]).unwrap();
    ops::meetings::resolve(
        &mut f.store,
        &today(),
        m.id,
        &Vote {
            subject: "อนุมัติจ่ายสวัสดิการ",
            kind: "claim",
            agenda_no: None,
            votes_for: 2,
            votes_against: 0,
            abstain: 0,
        },
    )
    .unwrap()
    .id
}

#[test]
#[allow(clippy::type_complexity)] // a table of cases, one tuple a row
fn evaluation_table() {
    // (case, joined, periods paid, category, event, days, documents, extra rule) -> (eligible, amount baht, reason)
    type Extra = Option<WelfareRule>;
    let illness_v2 = WelfareRule {
        category: Category::Illness,
        effective_from: date(2026, 1, 1),
        offered: true,
        waiting_days: 90,
        amount: RuleAmount::PerDay {
            per_day: Satang::from_baht(200),
            cap_per_event: Some(Satang::from_baht(1500)),
        },
        cap_per_year: Some(Satang::from_baht(3000)),
        max_claims_per_year: None,
        require_up_to_date: true,
        non_member_amount: None,
        documents: vec!["ใบรับรองแพทย์".into()],
    };
    let doc = ["ใบรับรองแพทย์"];
    let cases: Vec<(&str, &str, i64, &str, &str, Option<&str>, &[&str], Extra, bool, i64, &str)> = vec![
        (
            "waiting one day short",
            "2025-01-10",
            12,
            "illness",
            "2025-07-08",
            Some("3"),
            &doc,
            None,
            false,
            0,
            "ยังไม่ครบ 180 วัน",
        ),
        (
            "waiting met on the day",
            "2025-01-10",
            12,
            "illness",
            "2025-07-09",
            Some("3"),
            &doc,
            None,
            true,
            300,
            "ครบ 180 วัน",
        ),
        (
            "per-event cap",
            "2025-01-10",
            12,
            "illness",
            "2025-08-01",
            Some("15"),
            &doc,
            None,
            true,
            1000,
            "เกินเพดานต่อครั้ง",
        ),
        (
            "missing document",
            "2025-01-10",
            12,
            "illness",
            "2025-08-01",
            Some("2"),
            &[],
            None,
            false,
            0,
            "ขาดเอกสาร: ใบรับรองแพทย์",
        ),
        (
            "arrears",
            "2025-01-10",
            3,
            "illness",
            "2025-08-01",
            Some("2"),
            &doc,
            None,
            false,
            0,
            "ค้างส่งเงินสมทบ 4 งวด",
        ),
        (
            "no nights",
            "2025-01-10",
            12,
            "illness",
            "2025-08-01",
            None,
            &doc,
            None,
            false,
            0,
            "ไม่ได้ระบุจำนวนคืน",
        ),
        (
            "old rule before its replacement",
            "2025-01-10",
            12,
            "illness",
            "2025-12-31",
            Some("4"),
            &doc,
            Some(illness_v2.clone()),
            true,
            400,
            "2568",
        ),
        (
            "new rule from its first day",
            "2025-01-10",
            24,
            "illness",
            "2026-01-01",
            Some("4"),
            &doc,
            Some(illness_v2.clone()),
            true,
            800,
            "1 ม.ค. 2569",
        ),
        (
            "new rule caps per event",
            "2025-01-10",
            24,
            "illness",
            "2026-02-01",
            Some("10"),
            &doc,
            Some(illness_v2),
            true,
            1500,
            "1,500.00",
        ),
        (
            "death: tier 0 before the anniversary",
            "2025-01-10",
            24,
            "death",
            "2026-01-09",
            None,
            &["ใบมรณบัตร"],
            None,
            true,
            2000,
            "0 ปีเต็ม",
        ),
        (
            "death: tier 1 on the anniversary",
            "2025-01-10",
            24,
            "death",
            "2026-01-10",
            None,
            &["ใบมรณบัตร"],
            None,
            true,
            3000,
            "1 ปีเต็ม",
        ),
        (
            "elderly: aged 75",
            "2025-01-10",
            24,
            "elderly",
            "2026-02-01",
            None,
            &[],
            None,
            true,
            300,
            "อายุ 75 ปี",
        ),
        (
            "disability: not in the group",
            "2025-01-10",
            24,
            "disability",
            "2026-02-01",
            None,
            &[],
            None,
            false,
            0,
            "ไม่ได้อยู่ในกลุ่ม",
        ),
    ];
    for (name, joined, periods, category, event, days, docs, extra, eligible, baht, reason) in cases
    {
        let mut f = setup(joined, periods);
        if let Some(rule) = extra {
            let adopted = assembly_resolution(&mut f, "2025-12-20", "rule");
            ops::welfare::add_rule(&mut f.store, &today(), &rule, Some(adopted)).unwrap();
        }
        let (_, e) = claim(&mut f, category, event, days, docs).unwrap();
        assert_eq!((e.eligible, e.amount), (eligible, Satang::from_baht(baht)), "{name}: {e:#?}");
        assert!(
            e.reasons.iter().any(|r| r.th.contains(reason)),
            "{name}: no reason with '{reason}' in {:#?}",
            e.reasons
        );
    }
}

#[test]
fn yearly_cap_counts_approved_claims() {
    let mut f = setup("2025-01-10", 24);
    let res = approving_resolution(&mut f, "2026-03-01");
    for (event, expect) in
        [("2026-01-05", 1000), ("2026-01-20", 1000), ("2026-02-05", 1000), ("2026-02-20", 0)]
    {
        let (c, e) = claim(&mut f, "illness", event, Some("20"), &["ใบรับรองแพทย์"]).unwrap();
        assert_eq!(e.amount, Satang::from_baht(expect), "{event}");
        if e.eligible {
            edge::decide_claim(&mut f.store, c.id, true, res, None).unwrap();
        } else {
            assert!(e.reasons.iter().any(|r| r.th.contains("รับครบเพดาน")));
        }
    }
    // The claims list names the member by number and name (never the internal id), newest first.
    let listed = ops::welfare::recent_claims(&f.store, None, 10).unwrap();
    assert_eq!(listed.len(), 4);
    assert!(listed.windows(2).all(|w| w[0].claim.id > w[1].claim.id), "newest first");
    assert!(listed.iter().all(|c| c.member_no == "1" && c.member_name.contains("น้ำทิพย์ ปั้นทอง")));
    let approved = ops::welfare::recent_claims(&f.store, Some("approved"), 10).unwrap();
    assert_eq!(approved.len(), 3);
}

#[test]
fn claim_workflow_resolution_payment_and_death() {
    let mut f = setup("2024-06-01", 30);
    let before = dump(&f.store);
    // bad input changes nothing
    for (input, code) in [
        (
            ClaimInput {
                member_no: "99".into(),
                category: "death".into(),
                event_date: "2026-01-01".into(),
                ..Default::default()
            },
            "not_found",
        ),
        (
            ClaimInput {
                member_no: "1".into(),
                category: "housing".into(),
                event_date: "2026-01-01".into(),
                ..Default::default()
            },
            "not_offered",
        ),
        (
            ClaimInput {
                member_no: "1".into(),
                category: "wedding".into(),
                event_date: "2026-01-01".into(),
                ..Default::default()
            },
            "invalid.unknown_choice",
        ),
        (
            ClaimInput {
                member_no: "1".into(),
                category: "death".into(),
                event_date: "2026-12-01".into(),
                ..Default::default()
            },
            "invalid.in_future",
        ),
        (
            ClaimInput {
                member_no: "1".into(),
                category: "illness".into(),
                event_date: "2026-01-01".into(),
                days: Some("-2".into()),
                ..Default::default()
            },
            "invalid.negative",
        ),
    ] {
        assert_eq!(
            ops::welfare::open_claim(&mut f.store, &today(), &input).unwrap_err().code(),
            code
        );
    }
    assert_eq!(dump(&f.store), before);

    let (c, e) = claim(&mut f, "death", "2026-06-10", None, &["ใบมรณบัตร"]).unwrap();
    assert!(e.eligible && e.amount == Satang::from_baht(3000), "{e:#?}"); // 2 whole years: the 1-year tier
                                                                          // no payout without an approving resolution
    assert_eq!(
        edge::pay_claim(&mut f.store, &today(), c.id, "2026-06-20", "cash").unwrap_err().code(),
        "not_approved"
    );
    // a failed resolution does not approve; nor does one about something else
    let m = edge::new_meeting(&mut f.store, &today(), "committee", "2026-06-15", "").unwrap();
    ops::meetings::attend(&mut f.store, m.id, &["2".into(), "3".into()]).unwrap();
    let failed = ops::meetings::resolve(
        &mut f.store,
        &today(),
        m.id,
        &Vote {
            subject: "จ่าย",
            kind: "claim",
            agenda_no: None,
            votes_for: 0,
            votes_against: 2,
            abstain: 0,
        },
    )
    .unwrap();
    assert_eq!(
        edge::decide_claim(&mut f.store, c.id, true, failed.id, None).unwrap_err().code(),
        "resolution_failed"
    );
    let other = ops::meetings::resolve(
        &mut f.store,
        &today(),
        m.id,
        &Vote {
            subject: "ซื้อตู้",
            kind: "expense",
            agenda_no: None,
            votes_for: 2,
            votes_against: 0,
            abstain: 0,
        },
    )
    .unwrap();
    assert_eq!(
        edge::decide_claim(&mut f.store, c.id, true, other.id, None).unwrap_err().code(),
        "resolution_kind"
    );
    let ok = ops::meetings::resolve(
        &mut f.store,
        &today(),
        m.id,
        &Vote {
            subject: "อนุมัติสวัสดิการเสียชีวิต",
            kind: "claim",
            agenda_no: None,
            votes_for: 2,
            votes_against: 0,
            abstain: 0,
        },
    )
    .unwrap();
    // not above the rule
    assert_eq!(
        edge::decide_claim(&mut f.store, c.id, true, ok.id, Some("3000.01")).unwrap_err().code(),
        "above_rule"
    );
    edge::decide_claim(&mut f.store, c.id, true, ok.id, None).unwrap();
    let paid = edge::pay_claim(&mut f.store, &today(), c.id, "2026-06-20", "cash").unwrap();
    let entry = f.store.read().entry(paid.id).unwrap().unwrap();
    assert!(entry.doc_no.starts_with("PV"));
    assert!(
        entry.description.contains(&format!("คำขอที่ {}", c.id))
            && entry.description.contains("มติที่ 3"),
        "{}",
        entry.description
    );
    assert!(entry.description.contains("นายผู้ใหญ่ ปั้นทอง"), "the beneficiary is paid");
    assert_eq!(entry.postings[0].account, "5104");
    // the member is now deceased, from the event date
    let m1 = ops::member_by_no(&f.store.read(), "1").unwrap();
    assert_eq!(
        (m1.status, m1.status_since.as_str()),
        (kongthun::domain::MemberStatus::Deceased, "2026-06-10")
    );
    // no double payment, by ops and by the database
    assert_eq!(
        edge::pay_claim(&mut f.store, &today(), c.id, "2026-06-21", "cash").unwrap_err().code(),
        "already_paid"
    );
    let raw = f
        .store
        .raw_connection_for_tests()
        .execute("UPDATE claim SET approved_amount = 999999 WHERE id = ?1", [c.id]);
    assert!(raw.unwrap_err().to_string().contains("paid claim"));
    f.store.read().verify_chain().unwrap();
}

#[test]
fn quorum_and_locked_minutes() {
    let mut f = setup("2024-06-01", 0);
    let m = edge::new_meeting(&mut f.store, &today(), "committee", "2026-05-01", "").unwrap();
    assert_eq!(m.label(), "ครั้งที่ 1/2569");
    assert_eq!(m.eligible, 2, "the chair and the treasurer; the auditor does not count");
    ops::meetings::attend(&mut f.store, m.id, &["2".into()]).unwrap();
    // the auditor attends to check, and does not make a quorum
    let with_auditor = ops::meetings::attend(&mut f.store, m.id, &["4".into()]).unwrap();
    assert_eq!(with_auditor.present, 1);
    let vote = Vote {
        subject: "ทดสอบ",
        kind: "other",
        agenda_no: None,
        votes_for: 1,
        votes_against: 0,
        abstain: 0,
    };
    let err = ops::meetings::resolve(&mut f.store, &today(), m.id, &vote).unwrap_err();
    assert_eq!(err.code(), "no_quorum");
    assert!(err.message_th().contains("ไม่ครบองค์ประชุม"));
    // a non-committee member cannot attend a committee meeting
    assert!(matches!(
        ops::meetings::attend(&mut f.store, m.id, &["1".into()]),
        Err(Error::Invalid { field: "member", .. })
    ));
    ops::meetings::attend(&mut f.store, m.id, &["3".into()]).unwrap();
    assert!(matches!(
        ops::meetings::resolve(&mut f.store, &today(), m.id, &Vote { votes_for: 3, ..vote }),
        Err(Error::Invalid { field: "votes", .. })
    ));
    ops::meetings::add_agenda(&mut f.store, m.id, "เรื่องแจ้งเพื่อทราบ", "").unwrap();
    ops::meetings::resolve(
        &mut f.store,
        &today(),
        m.id,
        &Vote {
            subject: "ทดสอบ",
            kind: "other",
            agenda_no: Some(1),
            votes_for: 2,
            votes_against: 0,
            abstain: 0,
        },
    )
    .unwrap();
    ops::meetings::write_minutes(&mut f.store, m.id, "ประชุมเวลา 09.00 น. ...").unwrap();
    let next = edge::new_meeting(&mut f.store, &today(), "committee", "2026-06-01", "").unwrap();
    assert_eq!(next.label(), "ครั้งที่ 2/2569");
    // approval needs a later meeting with quorum
    assert_eq!(
        ops::meetings::approve_minutes(&mut f.store, m.id, next.id).unwrap_err().code(),
        "no_quorum"
    );
    ops::meetings::attend(&mut f.store, next.id, &["2".into(), "3".into(), "4".into()]).unwrap();
    ops::meetings::approve_minutes(&mut f.store, m.id, next.id).unwrap();
    let before = dump(&f.store);
    assert_eq!(
        ops::meetings::write_minutes(&mut f.store, m.id, "แก้ไข").unwrap_err().code(),
        "minutes_locked"
    );
    assert_eq!(
        ops::meetings::attend(&mut f.store, m.id, &["4".into()]).unwrap_err().code(),
        "minutes_locked"
    );
    assert_eq!(
        ops::meetings::add_agenda(&mut f.store, m.id, "เพิ่ม", "").unwrap_err().code(),
        "minutes_locked"
    );
    assert_eq!(
        ops::meetings::resolve(
            &mut f.store,
            &today(),
            m.id,
            &Vote {
                subject: "x",
                kind: "other",
                agenda_no: None,
                votes_for: 2,
                votes_against: 0,
                abstain: 0
            }
        )
        .unwrap_err()
        .code(),
        "minutes_locked"
    );
    // the database refuses too
    assert!(f
        .store
        .raw_connection_for_tests()
        .execute("UPDATE meeting SET minutes = 'x' WHERE id = ?1", [m.id])
        .is_err());
    assert!(f
        .store
        .raw_connection_for_tests()
        .execute("UPDATE resolution SET votes_for = 9", [])
        .is_err());
    assert_eq!(dump(&f.store), before);
}

#[test]
fn matching_rounds_count_each_member_at_most_three_times() {
    let mut f = setup("2020-01-10", 0);
    for year in [2022, 2023, 2024, 2025] {
        let label = format!("{}/1", year + 543);
        let d = format!("{year}-11-15");
        edge::receive_matching(
            &mut f.store,
            &ctx_on(year, 11, 20),
            "government",
            &label,
            "365",
            &d,
            "bank",
        )
        .unwrap();
    }
    let times = f.store.read().times_matched("government").unwrap();
    let m1 = ops::member_by_no(&f.store.read(), "1").unwrap();
    assert_eq!(times.get(&m1.id), Some(&3), "capped at three rounds");
    assert_eq!(
        edge::receive_matching(
            &mut f.store,
            &today(),
            "government",
            "2568/1",
            "1",
            "2026-01-05",
            "bank"
        )
        .unwrap_err()
        .code(),
        "invalid.duplicate"
    );
    let r = ops::matching::codi(&f.store, 2026).unwrap();
    assert_eq!(r.members_full_year, 4);
    assert_eq!(r.times_matched[3], 1);
    assert_eq!(r.members_to_request, 3);
    let by_key = |k: &str| r.criteria.iter().find(|c| c.key == k).unwrap().clone();
    assert_eq!(r.stage, kongthun::domain::criteria::Stage::Existing, "founded in 2020");
    assert!(r.criteria.iter().all(|c| c.key != "members_100"), "asked of new funds only");
    assert_eq!(by_key("running_one_year").passed, Some(true));
    let groups = by_key("groups_covered");
    assert!(groups.passed == Some(false) && groups.evidence_th.contains("คนพิการ"), "{groups:?}");
    assert_eq!(by_key("certified").passed, None, "not recorded: cannot know");
}

#[test]
fn loans_and_allocation_add_up_exactly() {
    let mut f = fund(FundKind::Savings);
    add_members(&mut f.store, 4, "2025-01-05");
    for no in ["1", "2", "3"] {
        edge::deposit(
            &mut f.store,
            &today(),
            no,
            &format!("{}", 1000 * no.parse::<i64>().unwrap()),
            "2025-01-20",
            "cash",
        )
        .unwrap();
    }
    let (loan, _) = edge::lend(
        &mut f.store,
        &today(),
        &ops::loans::LoanText {
            member_no: "4",
            principal: "3000",
            rate: "1",
            method: "declining",
            term_months: 3,
            date: "2025-02-01",
            guarantors: &["1".into(), "2".into()],
            till: "cash",
            resolution_id: None,
        },
    )
    .unwrap();
    // guarantors: the borrower cannot guarantee themself
    assert!(edge::lend(
        &mut f.store,
        &today(),
        &ops::loans::LoanText {
            member_no: "1",
            principal: "10",
            rate: "1",
            method: "flat",
            term_months: 1,
            date: "2025-02-01",
            guarantors: &["1".into()],
            till: "cash",
            resolution_id: None
        }
    )
    .is_err());
    assert_eq!(ops::loans::overdue(&f.store, date(2025, 3, 5)).unwrap().len(), 1);
    edge::repay(&mut f.store, &today(), loan, "1030", "2025-03-01", "cash").unwrap();
    // The loans list names the borrower and what is still owed.
    let listed = ops::loans::loans_listing(&f.store).unwrap();
    let borrower = f.store.read().member_by_no("4").unwrap().unwrap();
    assert_eq!(
        (listed[0].member_no.as_str(), listed[0].member_name.clone()),
        ("4", borrower.full_name())
    );
    assert_eq!(listed[0].principal_outstanding, Satang::new(200000), "1,000 of 3,000 repaid");
    edge::repay(&mut f.store, &today(), loan, "1020", "2025-04-01", "cash").unwrap();
    edge::repay(&mut f.store, &today(), loan, "1010", "2025-05-01", "cash").unwrap();
    let l = f.store.read().loan(loan).unwrap().unwrap();
    assert_eq!((l.principal_paid, l.interest_paid), (Satang::new(300000), Satang::new(6000)));
    assert!(ops::loans::overdue(&f.store, date(2025, 12, 31)).unwrap().is_empty());
    assert!(
        edge::repay(&mut f.store, &today(), loan, "1", "2025-06-01", "cash").is_err(),
        "nothing left to repay"
    );
    edge::receive(
        &mut f.store,
        &today(),
        &ops::cashbook::CashMoveText {
            account: "4401".into(),
            amount: "10.01".into(),
            date: "2025-12-31".into(),
            till: "cash".into(),
            description: "ดอกเบี้ย".into(),
            member_no: None,
        },
    )
    .unwrap();
    // profit 60 + 10.01 = 70.01 baht; nothing is allocated before the assembly adopts a plan
    assert_eq!(
        edge::allocate(&mut f.store, &today(), 2025, "2026-01-15").unwrap_err().code(),
        "no_plan"
    );
    let adopted = assembly_resolution(&mut f, "2026-01-10", "rule");
    let six = |public: &'static str| {
        ["reserve=10", "dividend=40", "refund=20", "welfare=10", "committee=10", public]
    };
    let before = dump(&f.store);
    let e = edge::adopt_plan(&mut f.store, &today(), &six("public=9"), "2026-01-10", adopted)
        .unwrap_err();
    assert_eq!(e.code(), "invalid.other");
    assert!(e.message_th().contains("ร้อยละ 99"), "{}", e.message_th());
    assert_eq!(dump(&f.store), before);
    edge::adopt_plan(&mut f.store, &today(), &six("public=10"), "2026-01-10", adopted).unwrap();
    let out = edge::allocate(&mut f.store, &today(), 2025, "2026-01-15").unwrap();
    assert_eq!(out.profit, Satang::new(7001));
    assert_eq!(out.parts.iter().map(|p| p.amount.satang()).sum::<i64>(), 7001);
    let dividends: i64 = out.members.iter().map(|m| m.dividend.satang()).sum();
    let refunds: i64 = out.members.iter().map(|m| m.refund.satang()).sum();
    assert_eq!(dividends, out.parts[1].amount.satang());
    assert_eq!(refunds, out.parts[2].amount.satang());
    assert_eq!(
        out.members.iter().find(|m| m.member_no == "4").unwrap().refund,
        Satang::new(refunds)
    );
    assert_eq!(
        edge::allocate(&mut f.store, &today(), 2025, "2026-01-16").unwrap_err().code(),
        "invalid.duplicate"
    );
    let tb = kongthun::report::trial_balance(&f.store.read(), date(2026, 1, 31)).unwrap();
    assert_eq!(tb.difference, Satang::new(0));
}

#[test]
fn expenses_and_admissions_cite_their_resolutions() {
    let mut f = setup("2024-06-01", 0);
    let m = edge::new_meeting(&mut f.store, &today(), "committee", "2026-05-01", "").unwrap();
    ops::meetings::attend(&mut f.store, m.id, &["2".into(), "3".into(), "4".into()]).unwrap();
    let expense = ops::meetings::resolve(
        &mut f.store,
        &today(),
        m.id,
        &Vote {
            subject: "ซื้อตู้เก็บเอกสาร",
            kind: "expense",
            agenda_no: None,
            votes_for: 2,
            votes_against: 0,
            abstain: 0,
        },
    )
    .unwrap();
    let admission = ops::meetings::resolve(
        &mut f.store,
        &today(),
        m.id,
        &Vote {
            subject: "รับสมาชิกใหม่",
            kind: "admission",
            agenda_no: None,
            votes_for: 2,
            votes_against: 0,
            abstain: 0,
        },
    )
    .unwrap();
    let mv = ops::cashbook::CashMoveText {
        account: "5201".into(),
        amount: "2500".into(),
        date: "2026-05-02".into(),
        till: "cash".into(),
        description: "ตู้เก็บเอกสาร".into(),
        member_no: None,
    };
    assert_eq!(
        edge::pay_by_resolution(&mut f.store, &today(), &mv, admission.id).unwrap_err().code(),
        "resolution_kind"
    );
    let paid = edge::pay_by_resolution(&mut f.store, &today(), &mv, expense.id).unwrap();
    assert!(f
        .store
        .read()
        .entry(paid.id)
        .unwrap()
        .unwrap()
        .description
        .contains("มติที่ 1 การประชุมคณะกรรมการ ครั้งที่ 1/2569"));
    let new = ops::members::add_member_by_resolution(
        &mut f.store,
        &today(),
        &person("ใหม่", "ใจดี", "", "2026-05-02"),
        admission.id,
    )
    .unwrap();
    assert!(f.store.read().status_history(new.id).unwrap()[0].reason.contains("มติที่ 2"));
}

#[test]
fn records_follow_their_reversed_entries() {
    // A claim whose payout is reversed is approved and unpaid again, and can be paid again.
    let mut f = setup("2024-01-10", 36);
    let (c, e) = claim(&mut f, "illness", "2026-06-10", Some("2"), &["ใบรับรองแพทย์"]).unwrap();
    assert!(e.eligible, "{e:#?}");
    let r = approving_resolution(&mut f, "2026-06-15");
    edge::decide_claim(&mut f.store, c.id, true, r, None).unwrap();
    let paid = edge::pay_claim(&mut f.store, &today(), c.id, "2026-06-20", "cash").unwrap();
    edge::reverse(&mut f.store, &today(), &paid.doc_no, "จ่ายผิดวัน", Some("2026-06-21")).unwrap();
    let after = f.store.read().claim(c.id).unwrap().unwrap();
    assert_eq!((after.status.as_str(), after.payout_entry_id), ("approved", None), "{after:?}");
    edge::pay_claim(&mut f.store, &today(), c.id, "2026-06-22", "cash").unwrap();
    assert_eq!(f.store.read().claim(c.id).unwrap().unwrap().status, "paid");
    // the database still refuses any other change to a paid claim
    assert!(f
        .store
        .raw_connection_for_tests()
        .execute(
            "UPDATE claim SET status = 'approved', payout_entry_id = NULL WHERE id = ?1",
            [c.id]
        )
        .is_err());

    // A matching round whose entry is reversed no longer counts and can be received again.
    let round = edge::receive_matching(
        &mut f.store,
        &today(),
        "government",
        "2569/1",
        "365",
        "2026-06-25",
        "bank",
    )
    .unwrap();
    let m1 = ops::member_by_no(&f.store.read(), "1").unwrap();
    assert_eq!(f.store.read().times_matched("government").unwrap().get(&m1.id), Some(&1));
    edge::reverse(&mut f.store, &today(), &round.doc_no, "ยอดผิด", Some("2026-06-25")).unwrap();
    assert_eq!(f.store.read().times_matched("government").unwrap().get(&m1.id), None);
    edge::receive_matching(
        &mut f.store,
        &today(),
        "government",
        "2569/1",
        "375",
        "2026-06-26",
        "bank",
    )
    .unwrap();
    assert_eq!(f.store.read().times_matched("government").unwrap().get(&m1.id), Some(&1));
    assert_eq!(
        edge::receive_matching(
            &mut f.store,
            &today(),
            "government",
            "2569/1",
            "1",
            "2026-06-26",
            "bank"
        )
        .unwrap_err()
        .code(),
        "invalid.duplicate"
    );
}

#[test]
fn loans_allocations_and_entrance_fees_follow_their_reversed_entries() {
    let mut f = fund(FundKind::Savings);
    add_members(&mut f.store, 3, "2025-01-05");
    // an entrance fee paid alone is not proposed again; reversed, it is
    let fee = edge::collect(
        &mut f.store,
        &today(),
        "2025-01-10",
        "cash",
        &[CollectLine {
            member_no: "3".into(),
            contribution: Satang::new(0),
            savings: Satang::new(0),
            entrance_fee: Satang::new(5000),
        }],
    )
    .unwrap();
    let sheet_fee = |f: &Fixture| {
        ops::contributions::collection_sheet(&f.store, date(2025, 1, 20))
            .unwrap()
            .into_iter()
            .find(|r| r.member_no == "3")
            .unwrap()
            .expected_entrance_fee
    };
    assert_eq!(sheet_fee(&f), Satang::new(0), "paid the fee only: not asked again");
    edge::reverse(&mut f.store, &today(), &fee.receipts[0].doc_no, "ผิดคน", Some("2025-01-10"))
        .unwrap();
    assert_eq!(sheet_fee(&f), Satang::new(5000), "fee reversed: owed again");

    for no in ["1", "2"] {
        edge::deposit(&mut f.store, &today(), no, "5000", "2025-01-20", "cash").unwrap();
    }
    let lend = |f: &mut Fixture, date: &str| {
        edge::lend(
            &mut f.store,
            &today(),
            &ops::loans::LoanText {
                member_no: "3",
                principal: "3000",
                rate: "1",
                method: "flat",
                term_months: 3,
                date,
                guarantors: &["1".into(), "2".into()],
                till: "cash",
                resolution_id: None,
            },
        )
        .unwrap()
        .0
    };
    let loan = lend(&mut f, "2025-02-01");
    let disbursed = f.store.read().loan(loan).unwrap().unwrap().entry_id;
    // a repayment reversed stops counting
    let repaid = edge::repay(&mut f.store, &today(), loan, "1030", "2025-03-01", "cash").unwrap();
    assert_eq!(f.store.read().loan(loan).unwrap().unwrap().principal_paid, Satang::new(100000));
    // the disbursement cannot be undone while a repayment stands
    assert_eq!(
        edge::reverse(&mut f.store, &today(), &disbursed.to_string(), "ผิด", Some("2025-03-02"))
            .unwrap_err()
            .code(),
        "cannot_reverse"
    );
    edge::reverse(&mut f.store, &today(), &repaid.doc_no, "ผิด", Some("2025-03-02")).unwrap();
    assert_eq!(f.store.read().loan(loan).unwrap().unwrap().principal_paid, Satang::new(0));
    // then the loan itself: gone from the loans, nothing overdue
    edge::reverse(&mut f.store, &today(), &disbursed.to_string(), "ผิด", Some("2025-03-02"))
        .unwrap();
    assert!(f.store.read().loan(loan).unwrap().is_none());
    assert!(ops::loans::overdue(&f.store, date(2025, 12, 31)).unwrap().is_empty());
    assert_eq!(
        edge::repay(&mut f.store, &today(), loan, "1", "2025-03-05", "cash").unwrap_err().code(),
        "not_found"
    );

    // a year's allocation reversed can be made again
    edge::receive(
        &mut f.store,
        &today(),
        &ops::cashbook::CashMoveText {
            account: "4401".into(),
            amount: "100".into(),
            date: "2025-12-31".into(),
            till: "cash".into(),
            description: "ดอกเบี้ย".into(),
            member_no: None,
        },
    )
    .unwrap();
    // no interest was paid: no refund part
    let adopted = assembly_resolution(&mut f, "2026-01-10", "rule");
    edge::adopt_plan(
        &mut f.store,
        &today(),
        &["reserve=10", "dividend=60", "welfare=10", "committee=10", "public=10"],
        "2026-01-10",
        adopted,
    )
    .unwrap();
    let first = edge::allocate(&mut f.store, &today(), 2025, "2026-01-15").unwrap();
    assert_eq!(
        edge::allocate(&mut f.store, &today(), 2025, "2026-01-16").unwrap_err().code(),
        "invalid.duplicate"
    );
    // The screen suggests the BE year: 2568 is the same year, refused as a duplicate too.
    assert_eq!(
        edge::allocate(&mut f.store, &today(), 2568, "2026-01-16").unwrap_err().code(),
        "invalid.duplicate"
    );
    edge::reverse(&mut f.store, &today(), &first.doc_no, "สัดส่วนผิด", Some("2026-01-16")).unwrap();
    let again = edge::allocate(&mut f.store, &today(), 2568, "2026-01-16").unwrap();
    assert_eq!(again.year, 2025, "BE 2568 is stored as the fiscal year 2025");
    f.store.read().verify_chain().unwrap();
}

#[test]
fn governance_rules_refuse_and_allow() {
    // A loan's rate: at most 15% a year (1.25% a month), flat or declining.
    let mut f = fund(FundKind::Savings);
    add_members(&mut f.store, 3, "2025-01-05");
    edge::deposit(&mut f.store, &today(), "2", "10000", "2025-01-20", "cash").unwrap();
    let lend = |f: &mut Fixture, rate: &str, method: &str| {
        edge::lend(
            &mut f.store,
            &today(),
            &ops::loans::LoanText {
                member_no: "1",
                principal: "1000",
                rate,
                method,
                term_months: 2,
                date: "2025-02-01",
                guarantors: &["2".into()],
                till: "cash",
                resolution_id: None,
            },
        )
    };
    for method in ["flat", "declining"] {
        let e = lend(&mut f, "1.26", method).unwrap_err();
        assert!(
            e.message_th().contains("15.12") && e.message_th().contains("มาตรา 654"),
            "{method}: {}",
            e.message_th()
        );
        assert!(e.message_en().contains("15.12% a year"), "{}", e.message_en());
    }
    lend(&mut f, "1.25", "declining").unwrap();

    // The auditor holds no other office in the same term.
    edge::set_committee(&mut f.store, "3", "treasurer", "2025-02-01", "2026-12-31").unwrap();
    let e =
        edge::set_committee(&mut f.store, "3", "auditor", "2026-06-01", "2027-12-31").unwrap_err();
    assert!(
        e.message_th().contains("ผู้ตรวจสอบต้องไม่ดำรงตำแหน่งประธานหรือเหรัญญิก"),
        "{}",
        e.message_th()
    );
    let e = edge::set_committee(&mut f.store, "2", "auditor", "2025-02-01", "2026-12-31")
        .and_then(|_| edge::set_committee(&mut f.store, "2", "chair", "2025-06-01", "2025-12-31"))
        .unwrap_err();
    assert_eq!(e.code(), "invalid.other", "{e}");
    // another term, after the treasurer's ends: allowed
    edge::set_committee(&mut f.store, "3", "auditor", "2027-01-01", "2028-12-31").unwrap();
}

#[test]
fn a_claim_is_not_paid_before_the_meeting_that_approved_it() {
    let mut f = setup("2024-01-10", 36);
    let (c, e) = claim(&mut f, "illness", "2026-06-10", Some("2"), &["ใบรับรองแพทย์"]).unwrap();
    assert!(e.eligible);
    let r = approving_resolution(&mut f, "2026-06-15");
    edge::decide_claim(&mut f.store, c.id, true, r, None).unwrap();
    let before = dump(&f.store);
    let e = edge::pay_claim(&mut f.store, &today(), c.id, "2026-06-14", "cash").unwrap_err();
    assert!(
        e.message_th().contains("ก่อนวันประชุมที่อนุมัติ") && e.message_th().contains("15 มิ.ย. 2569"),
        "{}",
        e.message_th()
    );
    assert_eq!(dump(&f.store), before);
    edge::pay_claim(&mut f.store, &today(), c.id, "2026-06-15", "cash").unwrap();
}

#[test]
fn the_general_assembly_changes_the_welfare_rules_unless_the_fund_lets_the_committee() {
    let mut f = setup("2024-06-01", 30);
    let illness = |from| WelfareRule {
        category: Category::Illness,
        effective_from: from,
        offered: true,
        waiting_days: 90,
        amount: RuleAmount::Fixed { amount: Satang::from_baht(500) },
        cap_per_year: None,
        max_claims_per_year: None,
        require_up_to_date: true,
        non_member_amount: None,
        documents: vec![],
    };
    let before = dump(&f.store);
    // a change without a resolution is refused, naming the category
    let e = ops::welfare::add_rule(&mut f.store, &today(), &illness(date(2026, 2, 1)), None)
        .unwrap_err();
    assert_eq!(e.code(), "rule_needs_resolution");
    assert!(e.message_th().contains("ที่ประชุมใหญ่"), "{}", e.message_th());
    // a committee's resolution is refused by default ...
    let committee = {
        let m = edge::new_meeting(&mut f.store, &today(), "committee", "2026-01-10", "").unwrap();
        ops::meetings::attend(&mut f.store, m.id, &["2".into(), "3".into(), "4".into()]).unwrap();
        let vote = Vote {
            subject: "แก้ระเบียบ",
            kind: "rule",
            agenda_no: None,
            votes_for: 2,
            votes_against: 0,
            abstain: 0,
        };
        ops::meetings::resolve(&mut f.store, &today(), m.id, &vote).unwrap().id
    };
    let e =
        ops::welfare::add_rule(&mut f.store, &today(), &illness(date(2026, 2, 1)), Some(committee))
            .unwrap_err();
    assert_eq!(e.code(), "rule_needs_assembly");
    // ... and allowed where the fund's setting lets the committee
    edge::fund_rule(&mut f.store, "rules_changed_by", "committee", "2026-01-01");
    ops::welfare::add_rule(&mut f.store, &today(), &illness(date(2026, 2, 1)), Some(committee))
        .unwrap();
    edge::fund_rule(&mut f.store, "rules_changed_by", "general", "2026-01-11");
    // the general assembly's resolution always may
    let adopted = assembly_resolution(&mut f, "2026-01-20", "rule");
    ops::welfare::add_rule(&mut f.store, &today(), &illness(date(2026, 3, 1)), Some(adopted))
        .unwrap();
    assert_ne!(dump(&f.store), before);
    // a category's first rule (setting the fund up) needs none
    let housing = WelfareRule { category: Category::Housing, ..illness(date(2026, 3, 1)) };
    ops::welfare::add_rule(&mut f.store, &today(), &housing, None).unwrap();
}

#[test]
fn a_savings_groups_welfare_is_booked_by_category() {
    let mut f = setup_of(FundKind::Savings, "2024-06-01", 30);
    let (c, e) = claim(&mut f, "death", "2026-06-10", None, &["ใบมรณบัตร"]).unwrap();
    assert!(e.eligible, "{e:#?}");
    let approving = approving_resolution(&mut f, "2026-06-15");
    edge::decide_claim(&mut f.store, c.id, true, approving, None).unwrap();
    let paid = edge::pay_claim(&mut f.store, &today(), c.id, "2026-06-20", "cash").unwrap();
    let entry = f.store.read().entry(paid.id).unwrap().unwrap();
    assert!(
        entry.postings.iter().any(|p| p.account == "5104" && p.amount.is_positive()),
        "the death benefit on the death account, not 'other welfare': {:?}",
        entry.postings
    );
}

/// The fund's own rules cite the passed resolution they come from: its words become the
/// decision and the rule keeps which one; a failed resolution, one about something else, a
/// rule dated before its meeting, and a committee's resolution where the general assembly
/// decides are each refused, recording nothing.
#[test]
fn a_fund_rule_cites_the_passed_resolution_it_comes_from() {
    let mut f = setup("2024-06-01", 30);
    // a fund rule from `from`, citing `resolution` (its words when `decision` is empty)
    let record = |f: &mut Fixture, key: &str, value: &str, from: &str, resolution: i64| {
        let day = kongthun::domain::input::Input::day("effective_on", from).unwrap();
        ops::fund::set_fund_rule(&mut f.store, &today(), key, value, &day, "", Some(resolution))
    };
    // a resolution about rules at a meeting of `kind`, three there
    let resolved = |f: &mut Fixture, kind: &str, date: &str, (votes_for, votes_against)| {
        let m = edge::new_meeting(&mut f.store, &today(), kind, date, "วัด").unwrap();
        let there = if kind == "committee" { ["2", "3", "4"] } else { ["1", "2", "3"] };
        ops::meetings::attend(&mut f.store, m.id, &there.map(String::from)).unwrap();
        let vote = Vote {
            subject: "แก้ข้อบังคับ",
            kind: "rule",
            agenda_no: None,
            votes_for,
            votes_against,
            abstain: 0,
        };
        ops::meetings::resolve(&mut f.store, &today(), m.id, &vote).unwrap().id
    };
    let adopted = assembly_resolution(&mut f, "2026-01-20", "rule");
    let label = f.store.read().resolution(adopted).unwrap().unwrap().label;
    let rule = record(&mut f, "require_cash_count", "yes", "2026-02-01", adopted).unwrap();
    assert_eq!((rule.decision.as_str(), rule.resolution_id), (label.as_str(), Some(adopted)));
    let kept = ops::fund::fund_rules(&f.store, date(2026, 3, 1)).unwrap();
    assert_eq!(kept.history.last().unwrap().resolution_id, Some(adopted), "kept with the rule");

    let rules_before = f.store.read().fund_rules().unwrap();
    // dated before the meeting that decided it
    let e = record(&mut f, "require_cash_count", "no", "2026-01-19", adopted).unwrap_err();
    assert!(e.message_th().contains("ก่อนวันประชุมที่มีมติ"), "{}", e.message_th());
    assert!(e.message_th().contains("20 ม.ค. 2569"), "{}", e.message_th());
    // a resolution about claims, and one that did not pass
    let claims = approving_resolution(&mut f, "2026-01-21");
    let e = record(&mut f, "require_cash_count", "no", "2026-02-02", claims).unwrap_err();
    assert_eq!(e.code(), "resolution_kind");
    let failed = resolved(&mut f, "general", "2026-01-22", (1, 2));
    let e = record(&mut f, "require_cash_count", "no", "2026-02-02", failed).unwrap_err();
    assert_eq!(e.code(), "resolution_failed");
    // a committee's resolution: never for who changes the rules, and for the others only
    // where that rule lets the committee on the meeting's day
    let committee = resolved(&mut f, "committee", "2026-01-23", (2, 0));
    for (key, value) in [("require_cash_count", "no"), ("rules_changed_by", "committee")] {
        let e = record(&mut f, key, value, "2026-02-03", committee).unwrap_err();
        assert_eq!(e.code(), "fund_rule_needs_assembly", "{key}");
        assert!(e.message_th().contains("ที่ประชุมใหญ่"), "{}", e.message_th());
    }
    assert_eq!(f.store.read().fund_rules().unwrap(), rules_before, "no refusal recorded a rule");
    edge::fund_rule(&mut f.store, "rules_changed_by", "committee", "2026-01-01");
    record(&mut f, "require_cash_count", "no", "2026-02-03", committee).unwrap();
    let e = record(&mut f, "rules_changed_by", "general", "2026-02-04", committee).unwrap_err();
    assert_eq!(e.code(), "fund_rule_needs_assembly", "who changes the rules: the assembly only");
}
