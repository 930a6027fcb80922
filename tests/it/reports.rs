//! Printed and exported reports, checked with real tools: `pdftotext`, `pdffonts` and
//! `pdfinfo` (poppler-utils) on the statement PDF, calamine on the XLSX, and the real
//! `hledger` on our journal export, whose balances must equal our trial balance.

use super::*;
use kongthun::ops::cashbook::CashMoveText;
use kongthun::render::statement::{statement_pdf, StatementOptions};

use super::tool;

fn pdf_text(pdf: &[u8], dir: &std::path::Path) -> (String, String, String) {
    let path = dir.join("report.pdf");
    std::fs::write(&path, pdf).unwrap();
    let p = path.to_str().unwrap();
    (tool("pdftotext", &["-layout", p, "-"]), tool("pdffonts", &[p]), tool("pdfinfo", &[p]))
}

fn pages(info: &str) -> u32 {
    info.lines().find_map(|l| l.strip_prefix("Pages:")).unwrap().trim().parse().unwrap()
}

#[test]
fn statement_on_the_demo_fund_is_one_true_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
    kongthun::demo::build(&mut store, &kongthun::demo::DemoSpec::default()).unwrap();
    for (y, m) in [(2024, 3), (2026, 10)] {
        let s = kongthun::report::statement(&store.read(), y, m, date(2026, 11, 22)).unwrap();
        let sum = &s.summary;
        assert_eq!(
            sum.opening.satang() + sum.total_receipts.satang() - sum.total_payments.satang(),
            sum.closing.satang()
        );
        assert!(s.closed);
        let pdf = statement_pdf(&s, &StatementOptions { recipient_names: false });
        let (text, fonts, info) = pdf_text(&pdf, dir.path());
        assert_eq!(pages(&info), 1, "{y}-{m}");
        for heading in [
            "กองทุนสวัสดิการชุมชนตำบลหนองน้ำใส",
            "รายงานรับ-จ่ายเงินประจำเดือน",
            "ยอดยกมา",
            "รวมรับ",
            "รวมจ่าย",
            "ยอดยกไป",
            "รับฝากเงินสัจจะ",
            "ผู้ตรวจสอบ",
            "หน้า 1 / 1",
        ] {
            assert!(text.contains(heading), "{heading} missing from:\n{text}");
        }
        for figure in [
            sum.opening,
            sum.total_receipts,
            sum.total_payments,
            sum.closing,
            sum.closing_cash,
            sum.closing_bank,
        ] {
            assert!(text.contains(&figure.display()), "{} missing", figure.display());
        }
        assert!(text.contains(&kongthun::thai::baht_text(sum.closing.satang())));
        assert!(text.contains(&s.fingerprint));
        assert!(text.contains(&format!("สมาชิกคงอยู่ ณ สิ้นเดือน {} คน", s.active_members())));
        assert!(fonts.contains("Sarabun-Regular") && fonts.contains("Sarabun-Bold"), "{fonts}");
        for line in fonts.lines().filter(|l| l.contains("Sarabun")) {
            // emb sub uni: embedded, subset, with a ToUnicode map
            assert!(line.contains("yes yes yes"), "{line}");
        }
        assert!(pdf.len() < 300_000);
    }
    // the statement of a closed month never changes, whatever happens after
    let before = statement_pdf(
        &kongthun::report::statement(&store.read(), 2026, 9, date(2026, 11, 22)).unwrap(),
        &StatementOptions { recipient_names: false },
    );
    edge::receive(
        &mut store,
        &ctx_on(2026, 11, 22),
        &CashMoveText {
            account: "4301".into(),
            amount: "999".into(),
            date: "2026-11-20".into(),
            till: "cash".into(),
            description: "บริจาค".into(),
            member_no: None,
        },
    )
    .unwrap();
    let after = statement_pdf(
        &kongthun::report::statement(&store.read(), 2026, 9, date(2026, 11, 22)).unwrap(),
        &StatementOptions { recipient_names: false },
    );
    assert_eq!(before, after);
}

#[test]
fn welfare_recipients_with_stacked_marks_come_back_exactly() {
    let mut f = fund(FundKind::Welfare);
    let names = [("นาย", "ผู้ใหญ่", "น้ำใจดี"), ("นาง", "น้ำทิพย์", "ปั้นทอง"), ("นาย", "ปั้น", "ผู้มีบุญ")];
    for (title, first, last) in names {
        let mut p = person(first, last, "", "2026-01-10");
        p.title = title.into();
        ops::members::add_member(&mut f.store, &today(), &p).unwrap();
    }
    edge::receive(
        &mut f.store,
        &today(),
        &CashMoveText {
            account: "4203".into(),
            amount: "50000".into(),
            date: "2026-03-01".into(),
            till: "cash".into(),
            description: "พอช.".into(),
            member_no: None,
        },
    )
    .unwrap();
    for (i, account) in ["5104", "5102", "5102"].iter().enumerate() {
        edge::pay(
            &mut f.store,
            &today(),
            &CashMoveText {
                account: account.to_string(),
                amount: "1,500".into(),
                date: "2026-03-15".into(),
                till: "cash".into(),
                description: "จ่ายสวัสดิการ".into(),
                member_no: Some((i + 1).to_string()),
            },
        )
        .unwrap();
    }
    let s = kongthun::report::statement(&f.store.read(), 2026, 3, date(2026, 4, 2)).unwrap();
    assert!(!s.closed);
    let pdf = statement_pdf(&s, &StatementOptions { recipient_names: true });
    let (text, _, info) = pdf_text(&pdf, f.dir.path());
    assert_eq!(pages(&info), 1);
    for expected in [
        "นายผู้ใหญ่ น้ำใจดี",
        "นางน้ำทิพย์ ปั้นทอง",
        "นายปั้น ผู้มีบุญ",
        "สวัสดิการเสียชีวิต",
        "สวัสดิการเจ็บป่วย/นอนโรงพยาบาล",
        "ฉบับร่าง",
        "4,500.00",
        "พิมพ์เมื่อ 2 เม.ย. 2569",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    let illness = s.welfare.iter().find(|w| w.account == "5102").unwrap();
    assert_eq!((illness.cases, illness.amount), (2, Satang::new(300000)));
}

#[test]
fn thai_digits_setting_prints_thai_digits() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("t.sqlite")).unwrap();
    let mut p = profile(FundKind::Welfare);
    p.thai_digits = true;
    ops::fund::init_fund(&mut store, &today(), &p).unwrap();
    edge::set_start(&mut store, &today(), "2020-01-01", "2020-01-01", "").unwrap();
    add_members(&mut store, 1, "2026-01-10");
    edge::collect(
        &mut store,
        &today(),
        "2026-01-25",
        "cash",
        &[kongthun::ops::contributions::CollectLine {
            member_no: "1".into(),
            contribution: Satang::new(3000),
            savings: Satang::new(0),
            entrance_fee: Satang::new(5000),
        }],
    )
    .unwrap();
    let s = kongthun::report::statement(&store.read(), 2026, 1, date(2026, 2, 1)).unwrap();
    let (text, _, _) =
        pdf_text(&statement_pdf(&s, &StatementOptions { recipient_names: false }), dir.path());
    assert!(text.contains("๘๐.๐๐") && text.contains("มกราคม ๒๕๖๙"), "{text}");
}

#[test]
fn csv_has_a_bom_and_xlsx_reads_back_as_numbers() {
    use calamine::{Data, Reader as _};
    let f = super::invariants_fixture();
    let tb = kongthun::report::trial_balance(&f.store.read(), date(2026, 3, 31)).unwrap();
    let table = kongthun::render::tables::trial_balance_table(&tb);
    let heading = kongthun::render::tables::Heading {
        fund: "กองทุนทดสอบ".into(),
        report: "งบทดลอง".into(),
        period: "ณ วันที่ 31 มีนาคม 2569".into(),
        printed: date(2026, 4, 1).and_hms_opt(9, 30, 0).unwrap(),
    };
    let csv = kongthun::render::csv::tables_csv(&heading, std::slice::from_ref(&table));
    assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    assert!(
        text.starts_with(
            "กองทุนทดสอบ\nงบทดลอง\nณ วันที่ 31 มีนาคม 2569\n\nรหัสบัญชี,ชื่อบัญชี,Account,เดบิต,เครดิต\n"
        ),
        "titled: {text}"
    );
    assert!(text.contains("1101,เงินสด,Cash on hand,"));
    assert!(
        text.lines().all(|l| l.split(',').filter(|c| c.contains('.')).all(|c| c
            .rsplit('.')
            .next()
            .unwrap()
            .len()
            == 2)),
        "two decimals: {text}"
    );

    let bytes = kongthun::render::xlsx::tables_xlsx(&heading, &[table]).unwrap();
    let path = f.dir.path().join("tb.xlsx");
    kongthun::ops::atomic::write_atomic(&path, &bytes).unwrap();
    let mut wb = calamine::open_workbook_auto(&path).unwrap();
    let range = wb.worksheet_range("งบทดลอง").unwrap();
    assert_eq!(range.get((0, 0)), Some(&Data::String("กองทุนทดสอบ".into())), "the fund first");
    assert_eq!(range.get((4, 1)), Some(&Data::String("ชื่อบัญชี".into())));
    let cash_row = range.rows().find(|r| r[0] == Data::String("1101".into())).unwrap();
    let cash = tb.lines.iter().find(|l| l.code == "1101").unwrap().debit;
    assert_eq!(cash_row[3], Data::Float(cash.satang() as f64 / 100.0));
    // the total is a formula over its lines, and its cached value is the printed total
    let formulas = wb.worksheet_formula("งบทดลอง").unwrap();
    let total_row = range.rows().position(|r| r[1] == Data::String("รวม".into())).unwrap();
    let formula = formulas
        .get((
            total_row - formulas.start().unwrap().0 as usize,
            3 - formulas.start().unwrap().1 as usize,
        ))
        .cloned()
        .unwrap_or_default();
    assert!(formula.starts_with("SUM(D6:D"), "{formula}");
    assert_eq!(
        range.rows().nth(total_row).unwrap()[3],
        Data::Float(tb.total_debit.satang() as f64 / 100.0)
    );
    // workbook dates come from the program's clock
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut core = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("docProps/core.xml").unwrap(), &mut core)
        .unwrap();
    assert!(core.contains("2026-04-01T09:30:00Z"), "{core}");
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(
        sheet.contains("paperSize=\"9\"")
            && sheet.contains("fitToPage=\"1\"")
            && sheet.contains("fitToHeight=\"0\""),
        "A4, one page wide (fitToWidth 1 is the default): {sheet}"
    );
}

#[test]
fn every_table_of_the_yearly_report_is_in_its_csv_and_xlsx() {
    use calamine::{Data, Reader as _};
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
    kongthun::demo::build(&mut store, &kongthun::demo::DemoSpec::default()).unwrap();
    let doc = ops::documents::Document::Year { year: 2568 };
    let report = kongthun::report::yearly(&store.read(), 2025, date(2026, 11, 22)).unwrap();
    let tables = kongthun::render::yearly::yearly_tables(&report);
    assert_eq!(tables.len(), 7);
    let csv_path = dir.path().join("year.csv");
    ops::documents::save(&store, &today(), &doc, ops::documents::Format::Csv, &csv_path).unwrap();
    let text = String::from_utf8(std::fs::read(&csv_path).unwrap()[3..].to_vec()).unwrap();
    assert!(
        text.starts_with(&format!("{}\nรายงานประจำปี\nปีบัญชี 2568", report.fund.name_th)),
        "{}",
        &text[..200]
    );
    for table in &tables {
        assert!(
            text.contains(&format!("\n{}\n{}", table.name, table.header.join(","))),
            "table {} missing from the CSV",
            table.name
        );
    }
    assert!(
        text.contains("มกราคม 2568") && !text.contains(",2025-01,") && !text.contains("\n2025-01,"),
        "BE month labels"
    );
    let welfare = text.split("\nสวัสดิการ\n").nth(1).unwrap().split("\n\n").next().unwrap();
    assert!(
        welfare.lines().skip(1).all(|l| !l.starts_with(|c: char| c.is_ascii_alphabetic())),
        "category names in Thai: {welfare}"
    );
    let xlsx_path = dir.path().join("year.xlsx");
    ops::documents::save(&store, &today(), &doc, ops::documents::Format::Xlsx, &xlsx_path).unwrap();
    let mut wb = calamine::open_workbook_auto(&xlsx_path).unwrap();
    let names = wb.sheet_names();
    assert_eq!(names, tables.iter().map(|t| t.name.clone()).collect::<Vec<_>>());
    for table in &tables {
        let range = wb.worksheet_range(&table.name).unwrap();
        assert_eq!(
            range.get((4, 0)),
            Some(&Data::String(table.header[0].clone())),
            "{}",
            table.name
        );
        assert_eq!(range.height(), 5 + table.rows.len(), "{}: every row", table.name);
    }
    // the CLI writes the very same bytes as the app's save
    let cli_csv = dir.path().join("cli.csv");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_kongthun"))
        .args([
            "--db",
            dir.path().join("demo.sqlite").to_str().unwrap(),
            "--now",
            "2026-11-22T05:00:00Z",
            "report",
            "year",
            "2568",
            "--csv",
            cli_csv.to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&cli_csv).unwrap(), std::fs::read(&csv_path).unwrap());
}

#[test]
fn hledger_balances_equal_our_trial_balance() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
    kongthun::demo::build(
        &mut store,
        &kongthun::demo::DemoSpec { members: 120, years: 2, seed: 4, ..Default::default() },
    )
    .unwrap();
    // a reversal too, so the export carries one
    edge::receive(
        &mut store,
        &ctx_on(2026, 11, 22),
        &CashMoveText {
            account: "4301".into(),
            amount: "12.34".into(),
            date: "2026-11-20".into(),
            till: "cash".into(),
            description: "บริจาค; ทดสอบ".into(),
            member_no: None,
        },
    )
    .unwrap();
    let last = store.read().entry_count().unwrap();
    edge::reverse(&mut store, &ctx_on(2026, 11, 22), &last.to_string(), "ผิด", Some("2026-11-21"))
        .unwrap();
    let journal = kongthun::ops::documents::journal_text(&store.read()).unwrap();
    let path = dir.path().join("fund.journal");
    std::fs::write(&path, &journal).unwrap();
    let tb = kongthun::report::trial_balance(&store.read(), date(2026, 11, 30)).unwrap();
    let seen = super::assert_hledger_balance_is_ours(&path, &tb);
    assert_eq!(seen, tb.lines.len());
}

#[test]
fn yearly_report_balances_and_exports_to_a_stick_verified() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
    kongthun::demo::build(&mut store, &kongthun::demo::DemoSpec::default()).unwrap();
    for year in [2024, 2025] {
        let r = kongthun::report::yearly(&store.read(), year, date(2026, 11, 22)).unwrap();
        assert_eq!(r.total_assets, r.total_liabilities_and_equity, "{year}");
        assert_eq!(r.months.len(), 12);
        let receipts: i64 = r.months.iter().map(|m| m.receipts.satang()).sum();
        assert!(receipts > r.total_income.satang(), "receipts include savings deposits");
        assert!(r.members_by_moo.iter().map(|(_, n)| n).sum::<i64>() == r.members_active);
    }
    let usb = tempfile::tempdir().unwrap();
    let out = ops::export::export_year(&store, 2025, date(2026, 11, 22), usb.path()).unwrap();
    assert!(out.folder.ends_with("kongthun-DEMO-0001-2568"));
    let names: Vec<String> = std::fs::read_dir(&out.folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert_eq!(names.len(), out.files.len() + 1, "{names:?}");
    assert!(names.iter().all(|n| !n.contains("partial")));
    let sums = std::fs::read_to_string(out.folder.join("SHA256SUMS")).unwrap();
    for f in &out.files {
        assert!(sums.contains(&format!("{}  {}", f.sha256, f.name)));
    }
    // the folder listing on the stick holds only the finished folder
    assert_eq!(std::fs::read_dir(usb.path()).unwrap().count(), 1);
    let (text, _, _) =
        pdf_text(&std::fs::read(out.folder.join("yearly-report-2568.pdf")).unwrap(), dir.path());
    for h in [
        "รายงานประจำปีบัญชี 2568",
        "งบรายได้และค่าใช้จ่าย",
        "งบดุล",
        "รวมสินทรัพย์",
        "หมู่ 12",
        "รายรับและรายจ่ายรายเดือน",
    ] {
        assert!(text.contains(h), "{h}");
    }
    // exporting again refuses rather than overwriting; a missing stick is a clear error
    assert!(ops::export::export_year(&store, 2025, date(2026, 11, 22), usb.path())
        .unwrap_err()
        .message_en()
        .contains("already exists"));
    let not_a_dir = usb.path().join("file.txt");
    std::fs::write(&not_a_dir, "x").unwrap();
    let err = ops::export::export_year(&store, 2025, date(2026, 11, 22), &not_a_dir).unwrap_err();
    assert!(err.message_th().contains("ไม่ใช่โฟลเดอร์"), "{}", err.message_th());
}

#[test]
fn voucher_passbook_and_ledger_agree_with_the_books() {
    let f = super::invariants_fixture();
    let reader = f.store.read();
    let fund = reader.require_fund().unwrap();
    let accounts = reader.accounts().unwrap();
    let entry = reader.entry(1).unwrap().unwrap();
    let member = reader.member_by_id(entry.member_id.unwrap()).unwrap();
    let pdf = kongthun::render::vouchers::voucher_pdf(
        &fund,
        &entry,
        &accounts,
        member.as_ref(),
        None,
        "abcd-abcd-abcd-abcd",
    );
    let (text, _, info) = pdf_text(&pdf, f.dir.path());
    assert_eq!(pages(&info), 1);
    for s in [
        "ใบเสร็จรับเงิน",
        "RV2569/000001",
        "250.50",
        "สองร้อยห้าสิบบาทห้าสิบสตางค์",
        "ได้รับเงินจาก นางสมาชิก0 ทดสอบ",
        "5 มีนาคม 2569",
    ] {
        assert!(text.contains(s), "{s} missing:\n{text}");
    }
    let transfer = reader.entry(4).unwrap().unwrap();
    let (text, _, _) = pdf_text(
        &kongthun::render::vouchers::voucher_pdf(&fund, &transfer, &accounts, None, None, "x"),
        f.dir.path(),
    );
    assert!(text.contains("ใบสำคัญทั่วไป") && text.contains("500.00"), "{text}");

    let pb = kongthun::report::books::passbook(&reader, "2", date(2026, 3, 31)).unwrap();
    assert_eq!(pb.savings_balance, reader.savings_balance(pb.member.id).unwrap());
    assert_eq!(pb.lines.len(), 1);

    let gl = kongthun::report::books::general_ledger(
        &reader,
        "1101",
        date(2026, 3, 1),
        date(2026, 3, 31),
    )
    .unwrap();
    assert_eq!(gl.closing, reader.account_balance("1101", "2026-03-31").unwrap());
    assert_eq!(gl.lines.len(), 4);
}

#[test]
fn long_ledgers_repeat_the_table_header_on_every_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
    kongthun::demo::build(
        &mut store,
        &kongthun::demo::DemoSpec { members: 200, years: 1, ..Default::default() },
    )
    .unwrap();
    let reader = store.read();
    let gl = kongthun::report::books::general_ledger(
        &reader,
        "1101",
        date(2025, 11, 1),
        date(2026, 10, 31),
    )
    .unwrap();
    let pdf = kongthun::render::vouchers::general_ledger_pdf(
        &reader.require_fund().unwrap(),
        &gl,
        "x",
        date(2026, 11, 22),
    );
    let path = dir.path().join("gl.pdf");
    std::fs::write(&path, &pdf).unwrap();
    let info = tool("pdfinfo", &[path.to_str().unwrap()]);
    let n = pages(&info);
    assert!(n >= 3, "{n} pages");
    for page in 1..=n {
        let p = page.to_string();
        let text = tool("pdftotext", &["-layout", "-f", &p, "-l", &p, path.to_str().unwrap(), "-"]);
        assert!(text.contains("วันที่") && text.contains("คงเหลือ"), "page {page} has no header");
        assert!(text.contains(&format!("หน้า {page} / {n}")), "page {page}");
    }
}

/// What a PDF carries besides its page: no scripts, actions, links, forms or attached files,
/// and metadata that says only the title and the program (no user, path or machine).
#[test]
fn printed_documents_carry_no_hidden_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.sqlite");
    std::fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/demo-small.sqlite"), &path)
        .unwrap();
    let store = Store::open(&path).unwrap();
    let month = store.read().last_closed_month().unwrap().unwrap();
    let entry = store.read().entry_count().unwrap().to_string();
    let docs = [
        kongthun::ops::documents::Document::Statement { month: month.clone(), names: true },
        kongthun::ops::documents::Document::Year { year: 2026 },
        kongthun::ops::documents::Document::Passbook { member_no: "1".into() },
        kongthun::ops::documents::Document::Voucher { entry },
    ];
    for doc in docs {
        let pdf = kongthun::ops::documents::render(
            &store,
            &super::today(),
            &doc,
            kongthun::ops::documents::Format::Pdf,
        )
        .unwrap();
        let file = dir.path().join("doc.pdf");
        std::fs::write(&file, &pdf).unwrap();
        let p = file.to_str().unwrap();
        let info = tool("pdfinfo", &[p]);
        for (key, want) in [("JavaScript:", "no"), ("Form:", "none"), ("Encrypted:", "no")] {
            let value = info
                .lines()
                .find_map(|l| l.strip_prefix(key))
                .unwrap_or_else(|| panic!("{key} in {info}"))
                .trim();
            assert_eq!(value, want, "{doc:?}: {key}");
        }
        assert!(
            tool("pdfdetach", &["-list", p]).starts_with("0 embedded files"),
            "{doc:?}: attached files"
        );
        for line in info.lines().filter(|l| {
            l.starts_with("Author")
                || l.starts_with("Producer")
                || l.starts_with("Creator")
                || l.starts_with("Subject")
                || l.starts_with("Keywords")
        }) {
            assert!(
                !line.contains('/')
                    && !line.contains("root")
                    && !line.contains(&std::env::var("USER").unwrap_or_else(|_| "root".into())),
                "{doc:?}: {line}"
            );
        }
        // No action, link or annotation objects anywhere in the file.
        let raw = String::from_utf8_lossy(&pdf);
        for marker in [
            "/JavaScript",
            "/JS ",
            "/Launch",
            "/URI",
            "/EmbeddedFile",
            "/Annots",
            "/OpenAction",
            "/AA ",
        ] {
            assert!(!raw.contains(marker), "{doc:?} holds {marker}");
        }
    }
}

#[test]
fn a_january_with_the_allocation_shows_only_money_that_moved() {
    // The demo allocates each year's profit in January: a journal entry with no cash in it.
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
    kongthun::demo::build(&mut store, &kongthun::demo::DemoSpec::default()).unwrap();
    let reader = store.read();
    let mut checked = 0;
    for year in 2024..=2026 {
        let s = kongthun::report::statement(&reader, year, 1, date(2026, 11, 22)).unwrap();
        let m = &s.summary;
        assert_eq!(
            m.opening.satang() + m.total_receipts.satang() - m.total_payments.satang(),
            m.closing.satang()
        );
        let allocation_lines = m
            .receipts
            .iter()
            .chain(&m.payments)
            .filter(|l| {
                l.code.starts_with('3')
                    || ["2102", "2103", "2104", "2105"].contains(&l.code.as_str())
            })
            .count();
        if m.entries_without_cash == 0 {
            continue;
        }
        checked += 1;
        assert_eq!(
            allocation_lines, 0,
            "{}: the allocation is not a receipt or payment: {:?} {:?}",
            m.month, m.receipts, m.payments
        );
        let pdf = statement_pdf(&s, &StatementOptions { recipient_names: false });
        let (text, _, info) = pdf_text(&pdf, dir.path());
        assert_eq!(pages(&info), 1);
        assert!(text.contains("ไม่นับเป็นรายรับหรือรายจ่าย"), "{text}");
    }
    assert!(checked > 0, "the demo has a January with an allocation");
}

#[test]
fn the_demo_allocates_only_the_savings_groups_net_profit() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("demo.sqlite")).unwrap();
    kongthun::demo::build(&mut store, &kongthun::demo::DemoSpec::default()).unwrap();
    let reader = store.read();
    let mut seen = 0;
    reader
        .for_each_entry(|e| {
            if e.kind != "allocation" {
                return;
            }
            seen += 1;
            let year: i32 = e.entry_date[..4].parse::<i32>().unwrap() - 1;
            let report = kongthun::report::yearly(&reader, year, date(2026, 11, 22)).unwrap();
            let allocated: i64 =
                e.postings.iter().filter(|p| p.account == "3104").map(|p| p.amount.satang()).sum();
            assert_eq!(
                Satang::new(allocated),
                report.savings_profit,
                "{}: allocated = the group's net profit",
                e.doc_no
            );
            // contributions (41xx) and matching money (42xx) are never the group's
            for l in report
                .income
                .iter()
                .filter(|l| l.code.starts_with("41") || l.code.starts_with("42"))
            {
                let activity = kongthun::domain::accounts::activity_of(&l.code, report.fund.kind);
                assert_eq!(
                    activity,
                    Some(kongthun::domain::accounts::Activity::Welfare),
                    "{}",
                    l.code
                );
            }
            assert!(
                report.savings_profit < report.surplus,
                "{}: the surplus holds the welfare fund's income too",
                e.doc_no
            );
        })
        .unwrap();
    assert!(seen > 0, "the demo allocates");
}

#[test]
fn a_typed_year_is_read_in_be_ce_or_thai_digits() {
    use kongthun::domain::date::year_typed;
    assert_eq!(year_typed("2568").unwrap(), 2025);
    assert_eq!(year_typed(" ๒๕๖๘ ").unwrap(), 2025);
    assert_eq!(year_typed("2025").unwrap(), 2025);
    for bad in ["", "ปีนี้", "68", "99999"] {
        match year_typed(bad) {
            Err(kongthun::Error::Invalid { field, value, .. }) => {
                assert_eq!((field, value.as_str()), ("year", bad))
            }
            other => panic!("{bad:?}: {other:?}"),
        }
    }
}
