//! Welfare for people in the community who are not members: a rule version says whether it
//! covers them and for how much; their claim names them, their village and the keyed hash of
//! their ID (never the ID); it is evaluated, approved, paid and counted apart from members'
//! welfare in the monthly statement, the claims register and the province's report.

use super::audit::bundle_at_the_province;
use super::registers::pdf_text;
use super::welfare::{approving_resolution, assembly_resolution, setup};
use super::*;
use kongthun::domain::non_member::PersonText;
use kongthun::ops::documents::Document;
use kongthun::ops::welfare::{ClaimInput, RuleForm};

const SOMJAI_ID: &str = "1-1017-00230-70-8";

fn somjai() -> PersonText {
    PersonText {
        name: "นางสมใจ ใจดี".into(),
        national_id: SOMJAI_ID.into(),
        moo: "4".into(),
        ..Default::default()
    }
}

fn community_claim(
    f: &mut Fixture,
    person: PersonText,
    category: &str,
    event: &str,
) -> kongthun::Result<(kongthun::store::ClaimRow, kongthun::domain::welfare::Evaluation)> {
    ops::welfare::open_claim(
        &mut f.store,
        &today(),
        &ClaimInput {
            category: category.into(),
            event_date: event.into(),
            person: Some(person),
            ..Default::default()
        },
    )
}

/// The welfare fund of `welfare::setup` whose disaster rule covers non-members from
/// 1 January 2026 with 1,000 baht per event (the general assembly's resolution).
fn covering_fund() -> Fixture {
    let mut f = setup("2024-06-01", 30);
    adopt(
        &mut f,
        RuleForm {
            category: "disaster".into(),
            waiting_days: "180".into(),
            fixed: "2000".into(),
            max_per_year: "2".into(),
            non_member_amount: "1000".into(),
            ..Default::default()
        },
    );
    f
}

/// A rule version from 1 January 2026, adopted by the general assembly of 20 December 2025.
fn adopt(f: &mut Fixture, form: RuleForm) {
    let resolution = assembly_resolution(f, "2025-12-20", "rule");
    let rule = RuleForm { from: "2026-01-01".into(), ..form }.rule().unwrap();
    ops::welfare::add_rule(&mut f.store, &today(), &rule, Some(resolution)).unwrap();
}

#[test]
fn a_non_members_claim_is_evaluated_approved_paid_and_counted_apart() {
    let mut f = covering_fund();

    // before the version that covers them, and in a category that does not, they have none
    let (_, old) = community_claim(&mut f, somjai(), "disaster", "2025-11-05").unwrap();
    assert!(!old.eligible);
    assert!(old.reasons.iter().any(|r| !r.ok && r.th.contains("ไม่ครอบคลุมคนในชุมชน")), "{old:#?}");
    let (_, birth) = community_claim(&mut f, somjai(), "birth", "2026-03-01").unwrap();
    assert!(!birth.eligible);

    // bad input is named and changes nothing
    let bad_amount = RuleForm {
        category: "disaster".into(),
        from: "2026-02-01".into(),
        fixed: "2000".into(),
        non_member_amount: "สองพัน".into(),
        ..Default::default()
    };
    let e = bad_amount.rule().unwrap_err();
    assert!(e.to_string().contains("non_member_amount"), "{e}");
    let before = dump(&f.store);
    let both = ops::welfare::open_claim(
        &mut f.store,
        &today(),
        &ClaimInput {
            member_no: "1".into(),
            category: "disaster".into(),
            event_date: "2026-03-05".into(),
            person: Some(somjai()),
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(both.code(), "member_or_person");
    let bad_id = PersonText { national_id: "1101700230709".into(), ..somjai() };
    let e = community_claim(&mut f, bad_id, "disaster", "2026-03-05").unwrap_err();
    assert!(e.to_string().contains("person_national_id"), "{e}");
    let no_name = PersonText { name: " ".into(), ..somjai() };
    let e = community_claim(&mut f, no_name, "disaster", "2026-03-05").unwrap_err();
    assert!(e.to_string().contains("person_name"), "{e}");
    assert_eq!(dump(&f.store), before);

    // covered: no waiting days or contributions asked of a non-member, the version's amount
    let (c, e) = community_claim(&mut f, somjai(), "disaster", "2026-03-05").unwrap();
    assert!(e.eligible && e.amount == Satang::from_baht(1000), "{e:#?}");
    assert_eq!((c.member_id, c.person.as_ref().unwrap().moo), (None, Some(4)));
    // the ID is kept only as its keyed hash: the book's file never holds it
    let hash = &c.person.as_ref().unwrap().id_hash;
    assert_eq!(hash.len(), 64);
    let resolution = approving_resolution(&mut f, "2026-03-10");
    edge::decide_claim(&mut f.store, c.id, true, resolution, None).unwrap();
    assert_eq!(
        edge::pay_claim(&mut f.store, &today(), c.id, "2026-03-09", "cash").unwrap_err().code(),
        "invalid.other",
        "not paid before the meeting that approved it"
    );
    let paid = edge::pay_claim(&mut f.store, &today(), c.id, "2026-03-12", "cash").unwrap();
    let entry = f.store.read().entry(paid.id).unwrap().unwrap();
    assert_eq!(entry.member_id, None);
    assert!(entry.postings.iter().all(|p| p.member_id.is_none()));
    assert_eq!(entry.postings[0].account, "5108");
    assert!(
        entry.description.contains("นางสมใจ ใจดี หมู่ 4") && entry.description.contains("ไม่ใช่สมาชิก"),
        "{}",
        entry.description
    );
    let (text, _) = pdf_text(&f, &Document::Voucher { entry: entry.doc_no.clone() }, "voucher");
    assert!(text.contains("นางสมใจ ใจดี"), "{text}");

    // the same person, found again by the hash: the rule's two a year hold for her
    let (c2, e2) = community_claim(&mut f, somjai(), "disaster", "2026-04-02").unwrap();
    assert!(e2.eligible, "{e2:#?}");
    let resolution = approving_resolution(&mut f, "2026-04-05");
    edge::decide_claim(&mut f.store, c2.id, true, resolution, None).unwrap();
    edge::pay_claim(&mut f.store, &today(), c2.id, "2026-04-06", "cash").unwrap();
    let (_, third) = community_claim(&mut f, somjai(), "disaster", "2026-05-02").unwrap();
    assert!(!third.eligible);
    assert!(third.reasons.iter().any(|r| !r.ok && r.th.contains("ครบ 2 ครั้ง")), "{third:#?}");
    // ... and in Thai digits and another layout it is the same person
    let same =
        PersonText { national_id: "๑๑๐๑๗๐๐๒๓๐๗๐๘".into(), ..somjai() };
    let (_, again) = community_claim(&mut f, same, "disaster", "2026-05-03").unwrap();
    assert!(!again.eligible);
    // someone else is counted on her own
    let other = PersonText {
        name: "นายมานะ ขยัน".into(),
        national_id: national_id(77),
        moo: "2".into(),
        ..Default::default()
    };
    let (_, hers) = community_claim(&mut f, other, "disaster", "2026-05-03").unwrap();
    assert!(hers.eligible, "{hers:#?}");
    // a member's own disaster claim is a member's case, for the member's amount
    let (m, me) = super::welfare::claim(&mut f, "disaster", "2026-03-06", None, &[]).unwrap();
    assert!(me.eligible && me.amount == Satang::from_baht(2000), "{me:#?}");
    let resolution = approving_resolution(&mut f, "2026-03-11");
    edge::decide_claim(&mut f.store, m.id, true, resolution, None).unwrap();
    edge::pay_claim(&mut f.store, &today(), m.id, "2026-03-12", "cash").unwrap();

    let raw = std::fs::read(f.path()).unwrap();
    let wal = std::fs::read(f.path().with_extension("sqlite-wal")).unwrap_or_default();
    for digits in ["1101700230708", "1-1017-00230-70-8"] {
        let found = |bytes: &[u8]| bytes.windows(digits.len()).any(|w| w == digits.as_bytes());
        assert!(!found(&raw) && !found(&wal), "the book holds the ID {digits}");
    }

    // the statement of March 2569 counts members' and the community's welfare apart
    let statement =
        kongthun::report::statement::statement(&f.store.read(), 2026, 3, date(2026, 4, 1)).unwrap();
    let community: Vec<_> = statement.welfare.iter().filter(|w| w.community).collect();
    assert_eq!(community.len(), 1);
    assert_eq!((community[0].cases, community[0].amount), (1, Satang::from_baht(1000)));
    assert_eq!(community[0].recipients, vec!["นางสมใจ ใจดี".to_string()]);
    let members: Vec<_> = statement.welfare.iter().filter(|w| !w.community).collect();
    assert_eq!(members.iter().map(|w| w.cases).sum::<i64>(), 1);
    let statement_doc = Document::Statement { month: "2569-03".into(), names: true };
    let (text, info) = pdf_text(&f, &statement_doc, "statement");
    for line in ["รวมสวัสดิการสมาชิก", "สวัสดิการคนในชุมชนที่ไม่ใช่สมาชิก", "รวมสวัสดิการคนในชุมชน"]
    {
        assert!(text.contains(line), "{line} missing:\n{text}");
    }
    assert!(text.contains("นางสมใจ ใจดี"), "{text}");
    assert!(info.contains("Pages:           1"), "one page on the notice board: {info}");

    // the claims register names her as a non-member
    let register = kongthun::report::registers::claims_register(&f.store.read(), 2026).unwrap();
    assert!(
        register.claims.iter().any(|c| c.member_name.contains("นางสมใจ ใจดี หมู่ 4 (ไม่ใช่สมาชิก)")),
        "{:?}",
        register.claims.iter().map(|c| &c.member_name).collect::<Vec<_>>()
    );
}

#[test]
fn the_province_counts_the_communitys_welfare_apart_from_members() {
    let mut f = covering_fund();
    let (c, _) = community_claim(&mut f, somjai(), "disaster", "2026-03-05").unwrap();
    let resolution = approving_resolution(&mut f, "2026-03-10");
    edge::decide_claim(&mut f.store, c.id, true, resolution, None).unwrap();
    edge::pay_claim(&mut f.store, &today(), c.id, "2026-03-12", "cash").unwrap();
    let (m, _) = super::welfare::claim(&mut f, "disaster", "2026-03-06", None, &[]).unwrap();
    edge::decide_claim(&mut f.store, m.id, true, resolution, None).unwrap();
    edge::pay_claim(&mut f.store, &today(), m.id, "2026-03-12", "cash").unwrap();

    // the books close month by month from their start, as a fund's do before it exports
    for y in 2020..=2026 {
        for m in 1..=12 {
            if (y, m) <= (2026, 10) {
                ops::close::close_month(&mut f.store, &today(), &format!("{y}-{m:02}")).unwrap();
            }
        }
    }
    let (p, bundle) = bundle_at_the_province(&mut f);
    let claims = zip_entries(&bundle)
        .into_iter()
        .find(|(n, _)| n == "data/claims.jsonl")
        .map(|(_, b)| String::from_utf8(b).unwrap())
        .unwrap();
    assert!(!claims.contains("1101700230708") && !claims.contains("สมใจ"), "{claims}");
    let (from, to) = kongthun::report::province::government_year(2569).unwrap();
    let area =
        kongthun::report::province::area_report(&p, &from.to_string(), &to.to_string()).unwrap();
    let row = &area[0];
    assert_eq!((row.cases_total, row.community_cases_total), (1, 1));
    assert_eq!(row.community_paid_total, Satang::from_baht(1000));
    assert_eq!(row.community_cases.get("5108"), Some(&1));
    assert_eq!(row.welfare.get("5108"), Some(&Satang::from_baht(3000)));
    // the welfare table shows the member's 2,000 and the community's 1,000 on rows of their own
    let table = kongthun::render::province::welfare_table(&area);
    use kongthun::render::tables::Cell;
    let disaster: Vec<(String, i64, i64)> = table
        .rows
        .iter()
        .filter_map(|r| match (&r[2], &r[3], &r[4]) {
            (Cell::Text(name), Cell::Int(cases), Cell::Money(baht))
                if name.contains("5108") || name.contains("ภัยพิบัติ") =>
            {
                Some((name.clone(), *cases, *baht))
            }
            _ => None,
        })
        .collect();
    assert_eq!(disaster.len(), 2, "{disaster:#?}");
    assert_eq!((disaster[0].1, disaster[0].2), (1, 200_000));
    assert_eq!((disaster[1].1, disaster[1].2), (1, 100_000));
    assert!(disaster[1].0.contains("คนในชุมชนที่ไม่ใช่สมาชิก"), "{disaster:#?}");
}

#[test]
fn a_non_members_death_benefit_is_paid_to_the_heir_named_on_the_claim() {
    let mut f = setup("2024-06-01", 30);
    adopt(
        &mut f,
        RuleForm {
            category: "death".into(),
            tiers: "0:2000,1:3000".into(),
            max_per_year: "1".into(),
            non_member_amount: "1500".into(),
            ..Default::default()
        },
    );
    // who receives the money is asked for: nothing is opened without it
    let before = dump(&f.store);
    let e = community_claim(&mut f, somjai(), "death", "2026-03-05").unwrap_err();
    assert!(e.to_string().contains("person_payee_name"), "{e}");
    assert!(e.message_th().contains("ผู้รับเงินสวัสดิการแทนผู้เสียชีวิต"), "{}", e.message_th());
    assert_eq!(dump(&f.store), before);
    let heir =
        PersonText {
            payee_name: "นายมานพ ใจดี".into(), payee_relation: "บุตร".into(), ..somjai()
        };
    let (c, e) = community_claim(&mut f, heir, "death", "2026-03-05").unwrap();
    assert!(e.eligible && e.amount == Satang::from_baht(1500), "{e:#?}");
    let approving = approving_resolution(&mut f, "2026-03-10");
    edge::decide_claim(&mut f.store, c.id, true, approving, None).unwrap();
    let paid = edge::pay_claim(&mut f.store, &today(), c.id, "2026-03-12", "cash").unwrap();
    let entry = f.store.read().entry(paid.id).unwrap().unwrap();
    assert!(
        entry.description.contains("นายมานพ ใจดี (บุตรของ นางสมใจ ใจดี หมู่ 4"),
        "{}",
        entry.description
    );
    let (text, _) = pdf_text(&f, &Document::Voucher { entry: entry.doc_no.clone() }, "voucher");
    assert!(text.contains("นายมานพ ใจดี") && text.contains("บุตร"), "{text}");
}
