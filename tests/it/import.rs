//! Member import from CSV and XLSX: Thai or English headings, a row-by-row error report,
//! all or nothing unless asked for the good rows only.

use super::*;
use kongthun::Error;

const GOOD_AND_BAD: &str =
    "\u{feff}เลขที่สมาชิก,คำนำหน้า,ชื่อ,นามสกุล,เลขประจำตัวประชาชน,วันเกิด,หมู่,วันที่สมัคร,กลุ่ม\n\
10,นาย,สมชาย,ผู้ใหญ่ดี,1103702071561,12/05/2520,3,01/02/2568,\n\
11,นาง,น้ำทิพย์,ปั้นทอง,1103702071562,01/01/2525,4,01/02/2568,ผู้พิการ\n\
12,เด็กหญิง,มาลี,ใจดี,,01/01/2560,4,01/02/2568,กำพร้า\n\
13,นาย,สมศักดิ์,ศรีสุข,,01/01/2500,100,01/02/2568,\n\
10,นาย,ซ้ำ,ซ้ำ,,01/01/2500,1,01/02/2568,\n";

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, text).unwrap();
    p
}

#[test]
fn csv_with_bad_rows_imports_nothing_and_reports_every_row() {
    let mut f = fund(FundKind::Welfare);
    let before = dump(&f.store);
    let file = write(&f.dir, "members.csv", GOOD_AND_BAD);
    match ops::import::import_members(&mut f.store, &today(), &file, false) {
        Err(Error::ImportRejected { count, total, rows }) => {
            assert_eq!((count, total), (3, 5));
            let got: Vec<(usize, &str)> = rows.iter().map(|r| (r.row, r.field.as_str())).collect();
            assert_eq!(got, vec![(3, "national_id"), (5, "moo"), (6, "member_no")]);
            assert_eq!(rows[0].value, "1103702071562");
            assert!(rows[0].message_th.contains("เลขตรวจสอบ"));
            assert!(rows[2].message_en.contains("row 2"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(dump(&f.store), before);
}

#[test]
fn good_rows_only_imports_the_rest() {
    let mut f = fund(FundKind::Welfare);
    let file = write(&f.dir, "members.csv", GOOD_AND_BAD);
    let report = ops::import::import_members(&mut f.store, &today(), &file, true).unwrap();
    assert_eq!(report.imported, 2);
    assert_eq!(report.imported_member_nos, vec!["10", "12"]);
    assert_eq!(report.skipped.len(), 3);
    let m = ops::member_by_no(&f.store.read(), "12").unwrap();
    assert_eq!(m.full_name(), "เด็กหญิงมาลี ใจดี");
    assert_eq!(m.joined_on, "2025-02-01");
    assert_eq!(m.groups, vec![kongthun::domain::MemberGroup::Orphan]);
}

#[test]
fn unknown_or_missing_columns_are_refused() {
    let mut f = fund(FundKind::Welfare);
    let file = write(
        &f.dir,
        "a.csv",
        "title,first_name,last_name,joined_on,shoe_size\nนาย,ก,ข,2025-01-01,42\n",
    );
    let err = ops::import::import_members(&mut f.store, &today(), &file, true).unwrap_err();
    assert!(err.message_en().contains("shoe_size"));
    let file = write(&f.dir, "b.csv", "title,first_name,last_name\nนาย,ก,ข\n");
    assert!(ops::import::import_members(&mut f.store, &today(), &file, true)
        .unwrap_err()
        .message_en()
        .contains("joined_on"));
    let file = write(&f.dir, "c.json", "{}");
    assert!(ops::import::import_members(&mut f.store, &today(), &file, true).is_err());
}

#[test]
fn xlsx_import_reads_numbers_dates_and_thai() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut f = fund(FundKind::Welfare);
    let path = f.dir.path().join("members.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in
        ["member_no", "title", "first_name", "last_name", "national_id", "moo", "joined_on"]
            .iter()
            .enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    // numbers typed as numbers, the date as a real Excel date, another as BE text
    ws.write_number(1, 0, 21.0).unwrap();
    ws.write_string(1, 1, "นาง").unwrap();
    ws.write_string(1, 2, "บัวผัน").unwrap();
    ws.write_string(1, 3, "น้ำใจดี").unwrap();
    ws.write_number(1, 4, 1103702071561.0).unwrap();
    ws.write_number(1, 5, 7.0).unwrap();
    ws.write_datetime_with_format(
        1,
        6,
        ExcelDateTime::from_ymd(2024, 6, 15).unwrap(),
        &date_format,
    )
    .unwrap();
    ws.write_number(2, 0, 22.0).unwrap();
    ws.write_string(2, 1, "นาย").unwrap();
    ws.write_string(2, 2, "ทองดี").unwrap();
    ws.write_string(2, 3, "ผู้มีบุญ").unwrap();
    ws.write_string(2, 6, "15/06/2567").unwrap();
    wb.save(&path).unwrap();
    let report = ops::import::import_members(&mut f.store, &today(), &path, false).unwrap();
    assert_eq!(report.imported, 2);
    let m = ops::member_by_no(&f.store.read(), "21").unwrap();
    assert_eq!(m.national_id.as_deref(), Some("1103702071561"));
    assert_eq!(m.moo, Some(7));
    assert_eq!(m.joined_on, "2024-06-15");
    assert_eq!(ops::member_by_no(&f.store.read(), "22").unwrap().joined_on, "2024-06-15");
}
