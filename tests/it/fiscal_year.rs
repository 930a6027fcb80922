//! One fiscal-year convention: a fund's year is named by the BE year in which it ends (as
//! ปีงบประมาณ is), everywhere a year is typed or printed. A fund whose year starts on
//! 1 October calls October 2568 – September 2569 «2569» in its yearly report, its
//! allocation, its CODI figures and its exported files, each shown with its dates.

use super::welfare::assembly_resolution;
use super::*;
use kongthun::ops::documents::{Document, Format};

/// A savings group and welfare fund whose year starts in October, with a fine of 50.00 in
/// September 2568 (the year 2568) and one of 100.00 in March 2569 (the year 2569).
fn an_october_fund() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("fund.sqlite")).unwrap();
    let october = FundProfile { fiscal_year_start: 10, ..profile(FundKind::Both) };
    ops::fund::init_fund(&mut store, &ctx_on(2025, 1, 1), &october).unwrap();
    edge::set_start(&mut store, &ctx_on(2025, 1, 1), "2020-01-01", "2020-01-01", "").unwrap();
    let mut f = Fixture { dir, store };
    add_members(&mut f.store, 4, "2025-01-05");
    for (amount, on) in [("50", "2025-09-15"), ("100", "2026-03-01")] {
        let fine = ops::cashbook::CashMoveText {
            account: "4501".into(),
            amount: amount.into(),
            date: on.into(),
            till: "cash".into(),
            description: "ค่าปรับ".into(),
            member_no: None,
        };
        edge::receive(&mut f.store, &today(), &fine).unwrap();
    }
    f
}

#[test]
fn an_october_year_is_named_by_the_year_it_ends_in_everywhere() {
    let mut f = an_october_fund();
    // the yearly report of «2569»: October 2568 to September 2569, with its dates
    let doc = Document::Year { year: 2569 };
    let path = f.dir.path().join("year.pdf");
    ops::documents::save(&f.store, &today(), &doc, Format::Pdf, &path).unwrap();
    let pdf = tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(pdf.contains("รายงานประจำปีบัญชี 2569"), "{pdf}");
    assert!(pdf.contains("1 ตุลาคม 2568") && pdf.contains("30 กันยายน 2569"), "{pdf}");
    let csv =
        String::from_utf8(ops::documents::render(&f.store, &today(), &doc, Format::Csv).unwrap())
            .unwrap();
    assert!(csv.contains("ปีบัญชี 2569 (1 ต.ค. 2568 – 30 ก.ย. 2569)"), "{csv}");
    // a CE year names the same year
    let ce = String::from_utf8(
        ops::documents::render(&f.store, &today(), &Document::Year { year: 2026 }, Format::Csv)
            .unwrap(),
    )
    .unwrap();
    assert_eq!(ce, csv);

    // the allocation of «2569» allocates the 100.00 of that year, not the 50.00 of 2568
    let adopted = assembly_resolution(&mut f, "2026-10-10", "rule");
    edge::adopt_plan(&mut f.store, &today(), &["reserve=50", "public=50"], "2026-10-10", adopted)
        .unwrap();
    let early = edge::allocate(&mut f.store, &today(), 2569, "2026-09-30").unwrap_err();
    assert!(matches!(early, kongthun::Error::Invalid { field: "date", .. }), "{early}");
    let out = edge::allocate(&mut f.store, &today(), 2569, "2026-10-15").unwrap();
    assert_eq!(out.profit, Satang::new(10000));
    let entry = f.store.read().entry_by_doc_no(&out.doc_no).unwrap().unwrap();
    assert_eq!(entry.description, "จัดสรรกำไรปีบัญชี 2569");
    assert_eq!(
        edge::allocate(&mut f.store, &today(), 2026, "2026-10-16").unwrap_err().code(),
        "invalid.duplicate",
        "2026 is the same year"
    );

    // the CODI figures of «2569» count on 30 September 2569, from 1 October 2568
    let codi = kongthun::report::codi::codi_report(&f.store.read(), 2026).unwrap();
    assert_eq!(codi.counting_day, date(2026, 9, 30));
    let codi_pdf = f.dir.path().join("codi.pdf");
    ops::documents::save(
        &f.store,
        &today(),
        &Document::Codi { year: 2569 },
        Format::Pdf,
        &codi_pdf,
    )
    .unwrap();
    let text = tool("pdftotext", &["-layout", codi_pdf.to_str().unwrap(), "-"]);
    assert!(text.contains("30 กันยายน 2569"), "{text}");

    // the exported files are named by it too
    let usb = tempfile::tempdir().unwrap();
    let export = ops::export::export_year(&f.store, 2569, date(2026, 11, 22), usb.path()).unwrap();
    assert!(export.folder.ends_with("kongthun-T-001-2569"), "{}", export.folder.display());
    assert!(export.files.iter().any(|x| x.name == "yearly-report-2569.pdf"));
}
