//! Matching money per member: a government round records the amount received and each
//! member's share of it; "rounds received" and "received before" are counted from those
//! records and the history carried in; the next request lists the members under the
//! programme's cap, with their keyed ID, what they had and what is asked.

use super::*;
use kongthun::domain::input::Input;

#[test]
fn a_government_round_records_each_members_share_and_the_next_request_lists_the_rest() {
    let mut f = fund(FundKind::Welfare);
    let members = add_members(&mut f.store, 32, "2023-01-05");
    // two members were matched three times before the books began (carried in)
    let carried: Vec<i64> = members[30..]
        .iter()
        .map(|no| f.store.read().require_member_by_no(no).unwrap().id)
        .collect();
    f.store
        .write(|tx| {
            for id in &carried {
                for round in ["2565/1", "2566/1", "2567/1"] {
                    tx.insert_carried_matching(*id, "government", round, "2024-03-01")?;
                }
            }
            tx.set_setting("province_id_key", &"ab".repeat(32))
        })
        .unwrap();
    // 120.00 a member for the 30 under the cap
    let posted = edge::receive_matching(
        &mut f.store,
        &today(),
        "government",
        "2568/1",
        "3600",
        "2025-03-15",
        "bank",
    )
    .unwrap();
    let entry = f.store.read().entry(posted.id).unwrap().unwrap();
    assert!(entry.postings.iter().any(|p| p.account == "4201" && p.amount == Satang::new(-360000)));
    let received = f.store.read().matching_received("government").unwrap();
    assert_eq!(received.len(), 30, "the two at the cap were not counted");
    assert!(received.values().all(|(rounds, baht)| *rounds == 1 && *baht == Satang::new(12000)));
    assert!(carried.iter().all(|id| !received.contains_key(id)));

    // the next request, for the counting day 30 September 2568
    let r = kongthun::report::codi::matching_request(&f.store.read(), 2025).unwrap();
    assert_eq!(r.counting_day, date(2025, 9, 30));
    assert_eq!(r.at_cap, 2);
    assert_eq!(r.lines.len(), 30);
    assert_eq!(r.rate, Some(Satang::new(12000)), "the last round's rate");
    assert!(r
        .lines
        .iter()
        .all(|l| l.rounds_before == 1 && l.received_before == Satang::new(12000)));
    assert_eq!(r.total_asked, Satang::new(360000));
    let first = &r.lines[0];
    let nid = f.store.read().require_member_by_no(&first.member_no).unwrap().national_id.unwrap();
    assert_eq!(
        first.id_hash.as_deref(),
        Some(kongthun::domain::thai_id::keyed_hash(&nid, &"ab".repeat(32)).as_str())
    );
    let doc = ops::documents::Document::MatchingRequest { year: 2568 };
    let (text, _) = super::registers::pdf_text(&f, &doc, "request");
    assert!(text.contains("คนละ 120.00 บาท") && text.contains("3,600.00"), "{text}");
    assert!(text.contains(&first.name) && !text.contains(&nid), "no clear ID on paper: {text}");

    // a round reversed is no longer received
    edge::reverse(&mut f.store, &today(), &posted.doc_no, "บันทึกซ้ำ", Some("2025-03-20")).unwrap();
    assert!(f.store.read().matching_received("government").unwrap().is_empty());
}

#[test]
fn the_programmes_cap_and_administration_share_are_recorded_from_a_day_with_their_source() {
    let mut f = fund(FundKind::Welfare);
    let members = add_members(&mut f.store, 3, "2023-01-05");
    let at_cap = f.store.read().require_member_by_no(&members[2]).unwrap().id;
    f.store
        .write(|tx| {
            for round in ["2565/1", "2566/1", "2567/1"] {
                tx.insert_carried_matching(at_cap, "government", round, "2024-03-01")?;
            }
            Ok(())
        })
        .unwrap();
    let request = |f: &Fixture| kongthun::report::codi::matching_request(&f.store.read(), 2025);
    // the program's default: three rounds, and it says where that comes from
    let before = request(&f).unwrap();
    assert_eq!((before.cap.value, before.at_cap, before.lines.len()), (3, 1, 2));
    assert!(before.cap.source.contains("ค่าเริ่มต้น"), "{}", before.cap.source);

    let day = |t: &str| Input::day("effective_on", t).unwrap();
    // a fourth round announced from 1 October 2568 does not reach back to 30 September 2568
    ops::matching::set_programme(
        &mut f.store,
        &today(),
        "rounds_cap",
        "4",
        &day("2025-10-01"),
        "หนังสือ พอช. ที่ 12/2568",
    )
    .unwrap();
    assert_eq!(request(&f).unwrap().at_cap, 1);
    let next = kongthun::report::codi::matching_request(&f.store.read(), 2026).unwrap();
    assert_eq!((next.cap.value, next.at_cap), (4, 0), "counted from its day on");
    assert_eq!(next.cap.source, "หนังสือ พอช. ที่ 12/2568");

    // the same setting twice from one day is refused and changes nothing
    let dump_before = dump(&f.store);
    let e = ops::matching::set_programme(
        &mut f.store,
        &today(),
        "rounds_cap",
        "5",
        &day("2025-10-01"),
        "ซ้ำ",
    )
    .unwrap_err();
    assert!(e.to_string().contains("effective_on"), "{e}");
    for (key, value) in
        [("rounds_cap", "0"), ("administration_share", "101"), ("counting_day", "1")]
    {
        assert!(ops::matching::set_programme(
            &mut f.store,
            &today(),
            key,
            value,
            &day("2026-01-01"),
            "x"
        )
        .is_err());
    }
    assert_eq!(dump(&f.store), dump_before);

    // the administration limit: the criterion names the recorded share and its source
    ops::matching::set_programme(
        &mut f.store,
        &today(),
        "administration_share",
        "15",
        &day("2024-10-01"),
        "ประกาศโครงการ 2568",
    )
    .unwrap();
    let codi = ops::matching::codi(&f.store, 2025).unwrap();
    let admin = codi.programme.iter().find(|c| c.key == "administration_share").unwrap();
    assert!(
        admin.th.contains("ร้อยละ 15") && admin.th.contains("ประกาศโครงการ 2568"),
        "{}",
        admin.th
    );
    let settings = ops::matching::programme(&f.store.read(), date(2026, 1, 1)).unwrap();
    assert_eq!(settings.administration_share.value, 1_500);
    assert_eq!(settings.rounds_cap.value, 4);
}

#[test]
fn the_programmes_counting_day_is_a_dated_setting_and_members_count_a_full_year_to_it() {
    let mut f = fund(FundKind::Welfare);
    // joined 15 November 2566 and 15 February 2567
    add_members(&mut f.store, 2, "2023-11-15");
    ops::members::add_member(
        &mut f.store,
        &today(),
        &person("สาม", "ทดสอบ", &national_id(2000), "2024-02-15"),
    )
    .unwrap();
    let day = |t: &str| Input::day("effective_on", t).unwrap();
    let before = kongthun::report::codi::matching_request(&f.store.read(), 2024).unwrap();
    assert_eq!(before.counting_day, date(2024, 9, 30), "the default: 30 September");
    assert_eq!(before.lines.len(), 0, "nobody had a full year by 30 September 2567");
    // the programme counts on 31 December from its year 2568 (1 October 2567 on)
    ops::matching::set_programme(
        &mut f.store,
        &today(),
        "counting_day",
        "31/12",
        &day("2024-10-01"),
        "หนังสือ พอช. ที่ 7/2567",
    )
    .unwrap();
    let r = kongthun::report::codi::matching_request(&f.store.read(), 2024).unwrap();
    assert_eq!(r.counting_day, date(2024, 9, 30), "year 2567 keeps the day it began with");
    let r = kongthun::report::codi::matching_request(&f.store.read(), 2025).unwrap();
    assert_eq!(r.counting_day, date(2025, 12, 31));
    assert_eq!(r.lines.len(), 3, "all three have a full year by 31 December 2568");
    let codi = ops::matching::codi(&f.store, 2025).unwrap();
    assert_eq!((codi.counting_day, codi.members_full_year), (date(2025, 12, 31), 3));
    assert_eq!(
        ops::matching::counting_day(&f.store.read(), date(2025, 11, 1)).unwrap(),
        date(2024, 12, 31)
    );
    let bad = ops::matching::set_programme(
        &mut f.store,
        &today(),
        "counting_day",
        "29/2",
        &day("2026-10-01"),
        "x",
    );
    assert!(bad.unwrap_err().to_string().contains("29/2"));
}
