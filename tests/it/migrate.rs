//! Bringing an existing fund in: the program's own template, filled as a treasurer (or a
//! script) would, migrated; then a month of ordinary work, and every rule that looks back
//! (arrears, lapse, welfare caps, loans, CODI counts) treats the carried history as if it
//! had been recorded here. And a template full of mistakes lists every one, writing nothing.

use super::*;
use kongthun::ops::contributions::CollectLine;
use kongthun::ops::migrate::{self, sheets::SHEETS};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A fund of both kinds, monthly 30 baht, entrance fee 50, lapse after 6 missed months,
/// set up on 22 Nov 2569 and not yet holding anything.
fn empty_fund(dir: &Path) -> Store {
    let mut store = Store::open(&dir.join("fund.sqlite")).unwrap();
    let mut p = profile(FundKind::Both);
    p.lapse_after = 6;
    ops::fund::init_fund(&mut store, &today(), &p).unwrap();
    store
}

/// The program's template with `data` rows (by key) appended under each sheet's key row,
/// and the fund sheet's values set from `fund` (key -> value): what a treasurer fills in.
fn fill_template(
    store: &Store,
    dir: &Path,
    fund: &[(&str, String)],
    data: &BTreeMap<&str, Vec<Vec<(&str, String)>>>,
) -> PathBuf {
    let template = dir.join("template.xlsx");
    migrate::template::write_template(store, &today(), &template).unwrap();
    let sheets = kongthun::ops::import::spreadsheet_sheets(
        &std::fs::read(&template).unwrap(),
        &template,
        10,
    )
    .unwrap();
    assert_eq!(
        sheets.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>(),
        SHEETS.iter().map(|s| s.name).collect::<Vec<_>>()
    );
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, rows) in &sheets {
        let ws = book.add_worksheet();
        ws.set_name(name).unwrap();
        let keys: Vec<String> = rows[2].clone();
        let mut r = 0u32;
        for row in rows {
            let mut row = row.clone();
            if name == "fund" && r >= 3 {
                if let Some((_, v)) = fund.iter().find(|(k, _)| *k == row[0]) {
                    row[1] = v.clone();
                }
            }
            for (c, cell) in row.iter().enumerate() {
                ws.write_string(r, c as u16, cell).unwrap();
            }
            r += 1;
        }
        for line in data.get(name.as_str()).into_iter().flatten() {
            for (key, value) in line {
                let c = keys
                    .iter()
                    .position(|k| k == key)
                    .unwrap_or_else(|| panic!("{name} has no column {key}"));
                ws.write_string(r, c as u16, value).unwrap();
            }
            r += 1;
        }
    }
    let filled = dir.join("filled.xlsx");
    book.save(&filled).unwrap();
    filled
}

/// Paid through, by member: spread around the books start (1 Oct 2569).
fn paid_through(i: usize) -> String {
    ["2569-01", "2026-06", "2569-08", "2026-09", "2569-09", "2026-10", "2569-11"][i % 7].to_string()
}

fn five_hundred_members() -> BTreeMap<&'static str, Vec<Vec<(&'static str, String)>>> {
    let mut data: BTreeMap<&str, Vec<Vec<(&str, String)>>> = BTreeMap::new();
    let members = (1..=500)
        .map(|i| {
            let joined = date(2012, 3, 15) + chrono::Duration::days(7 * i as i64);
            let resigned = i % 50 == 0;
            let left_on = joined + chrono::Duration::days(400);
            let th = |d: NaiveDate| kongthun::thai::date_numeric(d, kongthun::thai::Digits::Arabic);
            vec![
                ("member_no", i.to_string()),
                ("title", if i % 2 == 0 { "นาย" } else { "นาง" }.to_string()),
                ("first_name", format!("สมาชิก{i}")),
                ("last_name", "บ้านเก่า".to_string()),
                ("national_id", national_id(5000 + i as u32)),
                ("birth_date", "01/05/2500".to_string()),
                ("moo", "3".to_string()),
                ("joined_on", th(joined)),
                ("status", if resigned { "ลาออก" } else { "ปกติ" }.to_string()),
                ("status_since", if resigned { th(left_on) } else { String::new() }),
                ("paid_through", if resigned { th(left_on) } else { paid_through(i) }),
                ("entrance_fee_paid", "ใช่".to_string()),
                ("savings", format!("{}.25", (i % 10) * 100 + 50)),
            ]
        })
        .collect();
    data.insert("members", members);
    data.insert(
        "loans",
        (1..=40)
            .map(|i| {
                vec![
                    ("member_no", (i * 3).to_string()),
                    ("principal", "12,000".to_string()),
                    ("rate_percent_month", "1".to_string()),
                    (
                        "interest",
                        if i % 2 == 0 {
                            "ลดต้นลดดอก"
                        } else {
                            "คงที่"
                        }
                        .to_string(),
                    ),
                    ("instalments_left", "12".to_string()),
                    ("next_due", "05/10/2569".to_string()),
                    ("guarantors", format!("{}, {}", i * 3 + 1, i * 3 + 2)),
                ]
            })
            .collect(),
    );
    data.insert(
        "welfare_history",
        vec![
            vec![
                ("member_no", "3".into()),
                ("category", "เจ็บป่วย/นอนโรงพยาบาล".into()),
                ("event_date", "02/03/2569".into()),
                ("amount", "3000".into()),
            ],
            vec![
                ("member_no", "4".into()),
                ("category", "elderly".into()),
                ("event_date", "2026-02-01".into()),
                ("amount", "300".into()),
            ],
            vec![
                ("member_no", "5".into()),
                ("category", "illness".into()),
                ("event_date", "2025-06-01".into()),
                ("amount", "800".into()),
            ],
        ],
    );
    data.insert(
        "matching_history",
        (1..=100)
            .map(|i| {
                vec![
                    ("member_no", i.to_string()),
                    ("source", "รัฐ".into()),
                    ("round", "2567/1".into()),
                    ("date", "15/11/2567".into()),
                ]
            })
            .collect(),
    );
    data
}

fn start_values() -> Vec<(&'static str, String)> {
    vec![
        ("books_start", "01/10/2569".into()),
        ("founded_on", "15/03/2555".into()),
        ("founding_note", "มติที่ประชุมหมู่บ้าน 1/2555".into()),
        ("cash", "15,000.00".into()),
        ("bank", "400000".into()),
    ]
}

#[test]
fn an_existing_fund_migrates_and_its_history_counts() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = empty_fund(dir.path());
    let filled = fill_template(&store, dir.path(), &start_values(), &five_hundred_members());

    // The dry run shows everything and writes nothing.
    let before = dump(&store);
    let dry = migrate::migrate(&mut store, &today(), &filled, true).unwrap();
    assert_eq!(dump(&store), before);
    assert_eq!(
        (dry.members.len(), dry.loans, dry.welfare_history, dry.matching_history),
        (500, 40, 3, 100)
    );
    let savings: i64 = (1..=500).map(|i| ((i % 10) * 100 + 50) * 100 + 25).sum();
    let assets = Satang::from_baht(15_000 + 400_000 + 40 * 12_000).satang();
    assert_eq!(dry.capital, Satang::new(assets - savings), "capital = assets - members' savings");
    assert_eq!(dry.total_debit, dry.total_credit);
    let m2 = dry.members.iter().find(|m| m.member_no == "2").unwrap();
    assert_eq!(
        m2.arrears_periods, 3,
        "paid through 2569-08: owes September to November (today) {m2:?}"
    );

    // Confirmed: one transaction, the opening entry first on the chain.
    let out = migrate::migrate(&mut store, &today(), &filled, false).unwrap();
    let entry = out.entry.clone().unwrap();
    assert_eq!(entry.id, 1);
    let fund = store.read().require_fund().unwrap();
    assert_eq!((fund.founded_on.as_str(), fund.books_start.as_str()), ("2012-03-15", "2026-10-01"));
    assert_eq!(store.read().entry(1).unwrap().unwrap().kind, "opening_balance");
    // a second migration is refused
    assert_eq!(
        migrate::migrate(&mut store, &today(), &filled, true).unwrap_err().code(),
        "migrate.not_empty"
    );
    // nothing before the books start
    assert_eq!(
        edge::deposit(&mut store, &today(), "1", "10", "2026-09-30", "cash").unwrap_err().code(),
        "invalid.other"
    );

    // A month of ordinary work: October's collection day from those paid through September,
    // a loan instalment, an expense.
    let paid_sept: Vec<String> = (1..=500)
        .filter(|i| i % 50 != 0 && (i % 7 == 3 || i % 7 == 4))
        .map(|i| i.to_string())
        .collect();
    let lines: Vec<CollectLine> = paid_sept
        .iter()
        .map(|no| CollectLine {
            member_no: no.clone(),
            contribution: Satang::new(3000),
            savings: Satang::new(10000),
            entrance_fee: Satang::new(0),
        })
        .collect();
    edge::collect(&mut store, &today(), "2026-10-25", "cash", &lines).unwrap();
    edge::pay(
        &mut store,
        &today(),
        &ops::cashbook::CashMoveText {
            account: "5201".into(),
            amount: "350".into(),
            date: "2026-10-26".into(),
            till: "cash".into(),
            description: "ค่าเอกสาร".into(),
            member_no: None,
        },
    )
    .unwrap();
    let loan = store.read().loans().unwrap()[0].clone();
    ops::close::close_month(&mut store, &today(), "2026-10").unwrap();

    // The first statement carries the opening cash and bank as ยอดยกมา.
    let statement =
        kongthun::report::statement(&store.read(), 2026, 10, date(2026, 11, 22)).unwrap();
    assert_eq!(statement.summary.opening, Satang::from_baht(415_000));
    assert!(
        statement.summary.receipts.iter().all(|l| l.code != "3101"),
        "the capital is not a receipt"
    );
    assert_eq!(statement.summary.total_receipts, Satang::from_baht(paid_sept.len() as i64 * 130));

    // Arrears count only periods after paid_through; nobody paid up lapsed at the close.
    let standing =
        kongthun::ops::contributions::standings(&store.read(), date(2026, 10, 31)).unwrap();
    let of = |no: &str| standing.iter().find(|r| r.member_no == no).unwrap().clone();
    for i in 1..=500usize {
        let row = of(&i.to_string());
        let member = ops::member_by_no(&store.read(), &i.to_string()).unwrap();
        if i % 50 == 0 {
            assert_eq!(member.status, kongthun::domain::MemberStatus::Resigned);
            continue;
        }
        let expected_arrears = [9, 4, 2, 0, 0, 0, 0][i % 7];
        assert_eq!(
            row.arrears_periods,
            expected_arrears,
            "member {i} paid through {}",
            paid_through(i)
        );
        let lapsed = member.status == kongthun::domain::MemberStatus::Lapsed;
        assert_eq!(
            lapsed,
            expected_arrears >= 6,
            "member {i} ({} in arrears) lapsed: {lapsed}",
            expected_arrears
        );
    }

    // A yearly-capped benefit already received this year is refused a second time, the cap named.
    let (_, evaluation) = ops::welfare::open_claim(
        &mut store,
        &today(),
        &ops::welfare::ClaimInput {
            member_no: "3".into(),
            category: "illness".into(),
            event_date: "2026-11-02".into(),
            days: Some("2".into()),
            documents: vec!["ใบรับรองแพทย์".into()],
            note: String::new(),
            person: None,
        },
    )
    .unwrap();
    assert!(!evaluation.eligible, "{evaluation:#?}");
    assert!(
        evaluation.reasons.iter().any(|r| !r.ok && r.th.contains("เพดาน 3,000.00 บาท")),
        "{evaluation:#?}"
    );

    // The loan carried in is repaid to zero on its schedule.
    let start = chrono::NaiveDate::parse_from_str(&loan.start_date, "%Y-%m-%d").unwrap();
    let method = kongthun::domain::loan::Method::parse("m", &loan.method).unwrap();
    let schedule = kongthun::domain::loan::schedule(
        loan.principal,
        loan.rate_bp,
        method,
        loan.term_months,
        start,
    );
    assert_eq!(schedule[0].due, date(2026, 10, 5), "first instalment on next_due");
    let later = ctx_on(2027, 10, 1);
    for instalment in &schedule {
        let on = instalment.due.max(date(2026, 11, 1)).to_string();
        edge::repay(
            &mut store,
            &later,
            loan.id,
            &(instalment.principal + instalment.interest).display(),
            &on,
            "cash",
        )
        .unwrap();
    }
    let repaid = store.read().loan(loan.id).unwrap().unwrap();
    assert_eq!(repaid.principal_paid, loan.principal);
    assert!(ops::loans::overdue(&store, date(2027, 10, 1))
        .unwrap()
        .iter()
        .all(|o| o.loan_id != loan.id));

    // CODI counts the rounds carried in; the fund has run since its founding.
    let times = store.read().times_matched("government").unwrap();
    assert_eq!(times.get(&ops::member_by_no(&store.read(), "7").unwrap().id), Some(&1));

    // Another program reads our journal to the same balances.
    let reader = store.read();
    let tb = kongthun::report::trial_balance(&reader, date(2027, 10, 1)).unwrap();
    assert_eq!(tb.difference, Satang::new(0));
    let journal = dir.path().join("fund.journal");
    std::fs::write(&journal, kongthun::ops::documents::journal_text(&reader).unwrap()).unwrap();
    assert_hledger_balance_is_ours(&journal, &tb);
    reader.verify_chain().unwrap();

    // The first bundle imports at the province, with the fund's founding date.
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let bundle = kongthun::ops::bundles::export_bundle(
        &mut store,
        &today(),
        &dir.path().join("fund.sqlite"),
        "since-last",
        &usb,
        kongthun::ops::bundles::IdPolicy::Hashed,
    )
    .unwrap();
    let lines_of = |name: &str| {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&bundle.path).unwrap()).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text.lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
            .collect::<Vec<_>>()
    };
    let history = lines_of("data/history.jsonl");
    let count = |kind: &str| history.iter().filter(|h| h["kind"] == kind).count();
    assert_eq!(
        (count("contribution"), count("welfare"), count("matching")),
        (500, 3, 100),
        "the carried history travels"
    );
    assert_eq!(lines_of("data/loans.jsonl").len(), 40, "the loans as they stand");
    let mut province =
        kongthun::store::province::ProvinceStore::open(&dir.path().join("province.sqlite"))
            .unwrap();
    let preview = ops::province::enrol(&mut province, &bundle.path, None, "x", "t").unwrap();
    ops::province::enrol(&mut province, &bundle.path, Some(&preview.key_fingerprint), "x", "t")
        .unwrap();
    ops::province::import(&mut province, &bundle.path, false, "x", "t").unwrap();
    let funds = province.funds().unwrap();
    assert_eq!(
        (funds[0].founded_on.as_deref(), funds[0].books_start.as_deref()),
        (Some("2012-03-15"), Some("2026-10-01"))
    );
    let coverage = ops::province::coverage(&province, "2026-10").unwrap();
    assert_eq!(
        coverage[0].founded_on.as_deref(),
        Some("2012-03-15"),
        "the funds list shows the founding"
    );
    let entries = province.entries_of(&fund.profile.fund_code).unwrap();
    assert_eq!(entries[0].kind, "opening_balance");
}

#[test]
fn every_bad_cell_is_listed_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let store = empty_fund(dir.path());
    let mut fund = start_values();
    fund[1].1 = "32/13/2555".into(); // founded_on: not a date
    fund[3].1 = "15,00.00".into(); // cash: misplaced separator
    fund.push(("savings_total", "999".into())); // disagrees with the members' savings
    let mut data = five_hundred_members();
    let members = data.get_mut("members").unwrap();
    members.truncate(12);
    let set = |row: &mut Vec<(&'static str, String)>, key: &'static str, value: &str| {
        row.iter_mut().find(|(k, _)| *k == key).unwrap().1 = value.to_string();
    };
    set(&mut members[0], "national_id", "1103702071562"); // check digit
    set(&mut members[1], "joined_on", "01/01/2570"); // in the future
    set(&mut members[2], "status", "ย้ายบ้าน"); // unknown status
    set(&mut members[3], "paid_through", "เมื่อวาน"); // not a period
    set(&mut members[4], "entrance_fee_paid", "อาจจะ"); // not yes or no
    set(&mut members[5], "savings", "-5"); // negative
    set(&mut members[6], "member_no", "1"); // repeats row 4
    data.get_mut("loans").unwrap().truncate(2);
    set(&mut data.get_mut("loans").unwrap()[0], "member_no", "999"); // no such member
    set(&mut data.get_mut("loans").unwrap()[1], "interest", "compound"); // unknown method
    set(&mut data.get_mut("welfare_history").unwrap()[0], "category", "wedding"); // unknown category
    set(&mut data.get_mut("welfare_history").unwrap()[1], "event_date", "2026-11-01"); // after the books start
    data.get_mut("matching_history").unwrap().truncate(1);
    set(&mut data.get_mut("matching_history").unwrap()[0], "source", "ธนาคาร"); // unknown source
    let filled = fill_template(&store, dir.path(), &fund, &data);

    // the file itself, with everything checkpointed into it, before and after
    let db = dir.path().join("fund.sqlite");
    drop(store);
    let digest = |path: &Path| {
        use sha2::Digest;
        hex::encode(sha2::Sha256::digest(std::fs::read(path).unwrap()))
    };
    let bytes_before = digest(&db);
    let mut store = Store::open(&db).unwrap();
    let before = dump(&store);
    let e = migrate::migrate(&mut store, &today(), &filled, true).unwrap_err();
    let rows = match &e {
        kongthun::Error::ImportRejected { rows, .. } => rows.clone(),
        other => panic!("{other:?}"),
    };
    let found = |sheet: &str, field: &str, value: &str| {
        rows.iter()
            .find(|r| r.sheet == sheet && r.field == field && r.value == value)
            .unwrap_or_else(|| panic!("{sheet}/{field}/{value} not listed in {rows:#?}"))
    };
    found("fund", "founded_on", "32/13/2555");
    found("fund", "cash", "15,00.00");
    found("members", "national_id", "1103702071562");
    found("members", "joined_on", "01/01/2570");
    found("members", "status", "ย้ายบ้าน");
    found("members", "paid_through", "เมื่อวาน");
    found("members", "entrance_fee_paid", "อาจจะ");
    found("members", "savings", "-5");
    let dup = found("members", "member_no", "1");
    assert!(dup.message_th.contains("ซ้ำกับแถวที่ 4") && dup.row == 10, "{dup:?}");
    found("loans", "member_no", "999");
    found("loans", "interest", "compound");
    found("welfare_history", "category", "wedding");
    let late = found("welfare_history", "event_date", "2026-11-01");
    assert!(late.message_en.contains("before the books start"), "{late:?}");
    found("matching_history", "source", "ธนาคาร");
    let total = found("fund", "savings_total", "999.00");
    assert!(
        total.message_th.contains("บาท")
            && total.message_en.contains("differs from the members' savings"),
        "{total:?}"
    );
    // each named with its row as the spreadsheet shows it, in both languages
    assert!(
        rows.iter().all(|r| r.row >= 4 && !r.message_th.is_empty() && !r.message_en.is_empty()),
        "{rows:#?}"
    );
    // the same refusal for the real import, and the database byte for byte as it was
    assert_eq!(
        migrate::migrate(&mut store, &today(), &filled, false).unwrap_err().code(),
        "import_rejected"
    );
    assert_eq!(dump(&store), before);
    drop(store);
    assert_eq!(digest(&db), bytes_before, "the database file changed");
}

#[test]
fn the_capital_expected_must_be_the_capital_computed() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = empty_fund(dir.path());
    let mut fund = start_values();
    fund.push(("capital_expected", "415,000.50".into()));
    let filled = fill_template(&store, dir.path(), &fund, &BTreeMap::new());
    let e = migrate::migrate(&mut store, &today(), &filled, true).unwrap_err();
    let kongthun::Error::ImportRejected { rows, .. } = &e else { panic!("{e:?}") };
    assert_eq!(rows[0].field, "capital_expected");
    assert!(
        rows[0].message_th.contains("415,000.00") && rows[0].message_th.contains("-0.50"),
        "{}",
        rows[0].message_th
    );
    // and the right figure goes through
    let mut fund = start_values();
    fund.push(("capital_expected", "415,000.00".into()));
    let filled = fill_template(&store, dir.path(), &fund, &BTreeMap::new());
    let out = migrate::migrate(&mut store, &today(), &filled, false).unwrap();
    assert_eq!(out.capital, Satang::from_baht(415_000));
}

#[test]
fn csv_files_named_after_the_sheets_are_read_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = empty_fund(dir.path());
    let folder = dir.path().join("csv");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("fund.csv"),
        "\u{feff}key,value\nbooks_start,2026-10-01\ncash,100\nbank,0\n",
    )
    .unwrap();
    std::fs::write(folder.join("members.csv"), "member_no,title,first_name,last_name,joined_on,paid_through,entrance_fee_paid,savings\n1,นาง,มาลี,ศรีสุข,2015-01-01,2026-09,yes,20\n").unwrap();
    let out = migrate::migrate(&mut store, &today(), &folder.join("members.csv"), false).unwrap();
    assert_eq!((out.members.len(), out.capital), (1, Satang::new(8000)));
    assert_eq!(
        store.read().require_fund().unwrap().founded_on,
        "2026-10-01",
        "founded_on defaults to the books start"
    );
}
