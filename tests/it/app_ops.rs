//! The library pieces the desktop app stands on: documents by name, the collection-day
//! sheet, the dashboard, automatic backups in rotation, recovery of an unreadable book, the
//! new-fund form, and the one-pass count of periods paid.
use super::*;
use kongthun::ops::documents::{self, Document, Format};

fn demo_copy() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo-small.sqlite"), &path)
        .unwrap();
    let store = Store::open(&path).unwrap();
    (dir, store)
}

#[test]
fn every_document_renders_in_its_formats_and_refuses_the_others() {
    let (_dir, store) = demo_copy();
    let month = store.read().last_closed_month().unwrap().expect("the demo closes months");
    let ctx = today();
    let entry = store.read().entry_count().unwrap().to_string();
    let cases = [
        (
            Document::Statement { month: month.clone(), names: true },
            vec![Format::Pdf, Format::Csv, Format::Xlsx],
        ),
        (Document::Month { month: month.clone() }, vec![Format::Pdf, Format::Csv, Format::Xlsx]),
        (
            Document::TrialBalance { as_of: "2026-10-31".into() },
            vec![Format::Pdf, Format::Csv, Format::Xlsx],
        ),
        (Document::Year { year: 2569 }, vec![Format::Pdf, Format::Csv, Format::Xlsx]),
        (Document::Passbook { member_no: "1".into() }, vec![Format::Pdf]),
        (Document::Voucher { entry }, vec![Format::Pdf]),
        (
            Document::Ledger {
                account: "1101".into(),
                from: "2026-01-01".into(),
                to: "2026-10-31".into(),
            },
            vec![Format::Pdf],
        ),
        (
            Document::Arrears { as_of: "2026-10-31".into() },
            vec![Format::Pdf, Format::Csv, Format::Xlsx],
        ),
    ];
    for (doc, formats) in cases {
        for format in [Format::Pdf, Format::Csv, Format::Xlsx] {
            let result = documents::render(&store, &ctx, &doc, format);
            if formats.contains(&format) {
                let bytes =
                    result.unwrap_or_else(|e| panic!("{doc:?} as {format:?}: {}", e.message_en()));
                let magic: &[u8] = match format {
                    Format::Pdf => b"%PDF",
                    Format::Csv => "\u{feff}".as_bytes(),
                    Format::Xlsx => b"PK",
                };
                assert!(bytes.starts_with(magic), "{doc:?} as {format:?}");
            } else {
                let e = result.expect_err("refused");
                assert_eq!(e.params()["field"], "format", "{doc:?} as {format:?}");
            }
        }
    }
    // Saving goes through the atomic writer and reports the digest of what is on disk.
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join(documents::suggested_name(
        &Document::Statement { month: month.clone(), names: false },
        Format::Pdf,
    ));
    let saved = documents::save(
        &store,
        &ctx,
        &Document::Statement { month, names: false },
        Format::Pdf,
        &path,
    )
    .unwrap();
    assert_eq!(saved.bytes as u64, std::fs::metadata(&path).unwrap().len());
    assert!(path.file_name().unwrap().to_string_lossy().starts_with("statement-"));
}

#[test]
fn collection_sheet_proposes_what_each_active_member_owes() {
    let mut f = fund(FundKind::Welfare);
    add_members(&mut f.store, 3, "2026-01-10");
    let line = |no: &str, periods: i64| ops::contributions::CollectLine {
        member_no: no.into(),
        contribution: Satang::new(3000 * periods),
        savings: Satang::ZERO,
        entrance_fee: Satang::new(5000),
    };
    edge::collect(&mut f.store, &today(), "2026-03-01", "cash", &[line("1", 3)]).unwrap();
    edge::change_status(
        &mut f.store,
        &today(),
        "3",
        kongthun::domain::MemberStatus::Resigned,
        "2026-02-01",
        "ย้ายบ้าน",
    )
    .unwrap();
    let sheet = ops::contributions::collection_sheet(&f.store, date(2026, 3, 15)).unwrap();
    assert_eq!(
        sheet.iter().map(|r| r.member_no.as_str()).collect::<Vec<_>>(),
        ["1", "2"],
        "active members only"
    );
    // Member 1 paid Jan-Mar: nothing owed, one period proposed, no entrance fee again.
    assert_eq!(
        (sheet[0].arrears_periods, sheet[0].expected_contribution, sheet[0].expected_entrance_fee),
        (0, Satang::new(3000), Satang::ZERO)
    );
    // Member 2 never paid: three periods and the entrance fee.
    assert_eq!(
        (sheet[1].arrears_periods, sheet[1].expected_contribution, sheet[1].expected_entrance_fee),
        (3, Satang::new(9000), Satang::new(5000))
    );
}

#[test]
fn periods_paid_in_one_pass_equal_the_dated_query() {
    let (_dir, store) = demo_copy();
    let reader = store.read();
    let latest = reader
        .entries_between("0000-01-01", "9999-12-31", None)
        .unwrap()
        .last()
        .unwrap()
        .entry_date
        .clone();
    // On or after the latest entry the one-pass sum is used; a day before it, the dated
    // query. Both must agree with summing member by member.
    let fast = reader.periods_paid_all(&latest).unwrap();
    for (member, paid) in &fast {
        assert_eq!(*paid, reader.periods_paid_as_of(*member, &latest).unwrap(), "member {member}");
    }
    let members = reader.members(&Default::default()).unwrap();
    assert_eq!(
        fast.len(),
        members.iter().filter(|m| reader.periods_paid(m.id).unwrap() > 0).count()
    );
    let earlier = reader.periods_paid_all("2026-06-30").unwrap();
    for (member, paid) in &earlier {
        assert_eq!(*paid, reader.periods_paid_as_of(*member, "2026-06-30").unwrap());
    }
    // a payment after that day taken back: still the same, member by member
    let later = reader
        .entries_between("2026-07-01", "2026-10-31", None)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == "contribution")
        .unwrap();
    let mut store = store;
    edge::reverse(&mut store, &today(), &later.doc_no, "บันทึกผิดคน", None).unwrap();
    let reader = store.read();
    let again = reader.periods_paid_all("2026-06-30").unwrap();
    assert_eq!(again, earlier, "a reversed later payment was never counted as of the day");
    let now = reader.periods_paid_all("2026-10-31").unwrap();
    for (member, paid) in &now {
        assert_eq!(*paid, reader.periods_paid_as_of(*member, "2026-10-31").unwrap());
    }
    let member = later.member_id.unwrap();
    assert_eq!(now[&member], fast[&member] - 1, "the reversed payment's period is gone");
}

#[test]
fn dashboard_adds_up_with_the_reports() {
    let (_dir, store) = demo_copy();
    let d = kongthun::report::dashboard(&store.read(), date(2026, 10, 31)).unwrap();
    let month = kongthun::report::month_summary(&store.read(), 2026, 10).unwrap();
    assert_eq!((d.cash, d.bank), (month.closing_cash, month.closing_bank));
    assert_eq!((d.month_receipts, d.month_payments), (month.total_receipts, month.total_payments));
    let arrears = ops::contributions::arrears(&store, date(2026, 10, 31)).unwrap();
    assert_eq!(d.members_in_arrears, None, "counted separately");
    let count = kongthun::report::arrears_count(&store.read(), date(2026, 10, 31)).unwrap();
    assert_eq!(count, arrears.len() as i64, "the card and the list agree");
    assert!(arrears.iter().all(|r| r.status == kongthun::domain::MemberStatus::Active));
    assert!(d.last_closed_month.is_some());
}

#[test]
fn automatic_backups_rotate_and_the_newest_is_offered() {
    let mut f = invariants_fixture();
    let dir = f.dir.path().join("backups");
    for minute in 0..5 {
        let ctx = Ctx {
            recorded_by: "ทดสอบ".into(),
            now: Utc.with_ymd_and_hms(2026, 11, 22, 3, minute, 0).unwrap(),
        };
        ops::backup::automatic_backup(&mut f.store, &ctx, &dir, 3, false).unwrap().unwrap();
    }
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "kongthun-T-001-20261122-100200.sqlite",
            "kongthun-T-001-20261122-100300.sqlite",
            "kongthun-T-001-20261122-100400.sqlite"
        ]
    );
    // The daily one is skipped once a backup exists for the day.
    let later = Ctx {
        recorded_by: "ทดสอบ".into(),
        now: Utc.with_ymd_and_hms(2026, 11, 22, 9, 0, 0).unwrap(),
    };
    assert!(ops::backup::automatic_backup(&mut f.store, &later, &dir, 3, true).unwrap().is_none());
    // A backup cut short (a partial file) is never offered.
    std::fs::write(dir.join(".kongthun-T-001-20261122-200000.sqlite.partial"), b"half").unwrap();
    assert_eq!(
        ops::backup::newest_backup(&dir).unwrap(),
        dir.join("kongthun-T-001-20261122-100400.sqlite")
    );
}

#[test]
fn an_unreadable_book_is_kept_aside_and_the_backup_put_in_its_place() {
    let mut f = invariants_fixture();
    let dir = f.dir.path().join("backups");
    let backup = ops::backup::backup(&mut f.store, &today(), &dir).unwrap();
    let fingerprint = f.store.read().verify_chain().unwrap().fingerprint;
    let path = f.path();
    drop(f.store);
    std::fs::write(&path, b"garbage where the book was").unwrap();
    assert!(
        Store::open(&path).and_then(|s| s.read().require_fund().map(|_| ())).is_err(),
        "the damaged file does not open as a fund"
    );
    let (store, outcome) = ops::backup::recover_from_backup(&path, &today(), &backup.path).unwrap();
    assert_eq!(store.read().verify_chain().unwrap().fingerprint, fingerprint);
    let aside = outcome.previous_copy.expect("kept aside");
    assert_eq!(std::fs::read(&aside).unwrap(), b"garbage where the book was");
    // A file that is not a Kongthun backup is refused before anything is moved.
    let other = f.dir.path().join("not-a-backup.sqlite");
    std::fs::write(&other, b"nope").unwrap();
    drop(store);
    assert!(ops::backup::recover_from_backup(&path, &today(), &other).is_err());
    assert!(path.exists(), "the restored book stays in place");
}

#[test]
fn the_new_fund_form_names_the_bad_field() {
    let good = ops::fund::FundForm {
        name_th: "กองทุนบ้านใหม่".into(),
        kind: "welfare".into(),
        fund_code: "KK-0001".into(),
        schedule: "monthly".into(),
        contribution: "๓๐".into(),
        moo: "๕".into(),
        ..Default::default()
    };
    let p = good.profile().unwrap();
    assert_eq!(
        (p.contribution, p.moo, p.fiscal_year_start, p.entrance_fee),
        (Satang::new(3000), Some(5), 1, Satang::ZERO)
    );
    for (field, bad) in [
        ("contribution", ops::fund::FundForm { contribution: "สามสิบ".into(), ..good.clone() }),
        (
            "fiscal_year_start",
            ops::fund::FundForm { fiscal_year_start: "13".into(), ..good.clone() },
        ),
        ("kind", ops::fund::FundForm { kind: "bank".into(), ..good.clone() }),
        ("moo", ops::fund::FundForm { moo: "x".into(), ..good.clone() }),
    ] {
        let e = bad.profile().expect_err(field);
        assert_eq!(e.params()["field"], field, "{}", e.message_en());
    }
    let month_13 = ops::fund::FundForm { fiscal_year_start: "13".into(), ..good.clone() };
    let e = month_13.profile().unwrap_err();
    assert!(
        e.message_th().contains("1 ถึง 12") && e.message_en().contains("1 to 12"),
        "a month out of range says the range: {} / {}",
        e.message_th(),
        e.message_en()
    );
}

#[test]
fn the_dashboard_shows_the_last_backup_in_thai_time() {
    let (dir, mut store) = demo_copy();
    let at = Ctx {
        recorded_by: "ทดสอบ".into(),
        now: Utc.with_ymd_and_hms(2026, 11, 22, 12, 42, 0).unwrap(),
    };
    let folder = dir.path().join("backups");
    std::fs::create_dir_all(&folder).unwrap();
    ops::backup::backup(&mut store, &at, &folder).unwrap();
    let d = kongthun::report::dashboard(&store.read(), date(2026, 11, 22)).unwrap();
    let shown = d.last_backup_at.unwrap();
    assert!(shown.starts_with("2026-11-22T19:42"), "12:42 UTC is 19:42 in the village: {shown}");
}
