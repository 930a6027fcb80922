//! Matching money per member: a government round records the amount received and each
//! member's share of it; "rounds received" and "received before" are counted from those
//! records and the history carried in; the next request lists the members under the
//! programme's cap, with their keyed ID, what they had and what is asked.

use super::*;

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
