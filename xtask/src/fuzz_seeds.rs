//! `cargo xtask fuzz-seeds`: writes the starting inputs of the fuzz targets into
//! `fuzz/seeds/<target>/` — amounts and dates as treasurers type them, member files in CSV
//! and XLSX with a bad row, and the demo fund's first bundle in the bundle target's parts
//! format. The files are committed; `tests/it/fuzz_regressions.rs` runs them every time.
use std::path::Path;

const AMOUNTS: &[(&str, &str)] = &[
    ("plain", "30"),
    ("grouped", "1,234.50"),
    ("thai-digits", "๑,๒๓๔.๕๐"),
    ("negative", "-250.75"),
    ("plus-half", "+0.5"),
    ("big", "92,233,720,368,547,758.07"),
];

const DATES: &[(&str, &str)] = &[
    ("iso-ce", "2026-10-31"),
    ("dmy-be", "31/10/2569"),
    ("dmy-be-thai-digits", "๓๑/๑๐/๒๕๖๙"),
    ("month-be", "2569-10"),
    ("leap-day", "29/2/2567"),
];

/// Header plus rows: a good one, one with a wrong check digit, one numbered by hand.
const MEMBER_ROWS: &[&[&str]] = &[
    &[
        "เลขที่สมาชิก",
        "คำนำหน้า",
        "ชื่อ",
        "นามสกุล",
        "เลขประจำตัวประชาชน",
        "วันเกิด",
        "หมู่",
        "วันที่สมัคร",
        "ผู้รับผลประโยชน์",
    ],
    &["", "นาง", "สมศรี", "ใจดี", "1101700230705", "12/05/2508", "3", "01/01/2568", "นายสมชาย ใจดี"],
    &["", "นาย", "บุญมี", "มีสุข", "1101700230706", "1970-01-31", "๓", "2025-02-01", ""],
    &["77", "น.ส.", "ดวงใจ", "รักถิ่น", "", "", "4", "๑/๓/๒๕๖๘", ""],
];

pub fn write_seeds(root: &Path) {
    let seeds = root.join("fuzz/seeds");
    let put = |target: &str, name: &str, bytes: &[u8]| {
        let dir = seeds.join(target);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    };
    for (name, text) in AMOUNTS {
        put("amount", name, text.as_bytes());
    }
    for (name, text) in DATES {
        put("date", name, text.as_bytes());
    }
    let mut csv = String::from("\u{feff}");
    for row in MEMBER_ROWS {
        csv.push_str(&row.join(","));
        csv.push('\n');
    }
    put("member_csv", "thai-header", csv.as_bytes());
    put(
        "member_csv",
        "english-header",
        b"title,first_name,last_name,joined_on,moo\nMrs,Mali,Srisuk,2025-01-01,2\n,,,,\n",
    );
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, row) in MEMBER_ROWS.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            // Numbers as Excel keeps them (whole numbers come back as floats), text as text.
            match cell.parse::<f64>() {
                Ok(n) if !cell.is_empty() && r > 0 => {
                    sheet.write_number(r as u32, c as u16, n).unwrap()
                }
                _ => sheet.write_string(r as u32, c as u16, *cell).unwrap(),
            };
        }
    }
    put("member_xlsx", "thai-header.xlsx", &book.save_to_buffer().unwrap());
    put("bundle", "demo-first-bundle", &kongthun::fuzz::bundle_seed());
    for (name, seed) in kongthun::fuzz::bundle_bound_seeds() {
        put("bundle", name, &seed);
    }
    for target in kongthun::fuzz::TARGETS {
        println!("{}: {} seeds", target, std::fs::read_dir(seeds.join(target)).unwrap().count());
    }
}
