//! The window formats money and dates itself (ui/format.js) so that typing stays quick; this
//! test holds it to the library's Thai formatting (src/thai) and money parsing on the same
//! cases, by running the JavaScript module in Node.

// Amounts in satang are written `1_234_50` (baht, then two digits of satang) on purpose.
#![allow(clippy::inconsistent_digit_grouping)]

use chrono::NaiveDate;
use kongthun::domain::money::Sign;
use kongthun::domain::Satang;
use kongthun::thai::{self, Digits};
use std::process::Command;

const AMOUNTS: &[i64] = &[
    0,
    1,
    5,
    99,
    100,
    105,
    123_456,
    100_000,
    99_999_999,
    123_456_789_012,
    -75_00,
    -1,
    -123_456_78,
];
const DATES: &[&str] = &["2026-10-31", "2026-01-01", "2024-02-29", "1999-12-31", "2043-06-09"];
const TYPED: &[&str] =
    &["1234", "1234.5", "1,234.50", "๑๒๓๔.๕", "0.05", "1000000", "12.345", "007"];

fn node(script: &str) -> serde_json::Value {
    let ui = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../ui/format.js")
        .canonicalize()
        .unwrap();
    let program = format!("import * as f from 'file://{}';\n{script}", ui.display());
    let out = Command::new("node")
        .args(["--input-type=module", "-e", &program])
        .output()
        .expect("node (the machine's Node.js) runs the UI's format module");
    assert!(out.status.success(), "node: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn amounts_and_dates_match_the_library() {
    let js = node(&format!(
        "const a = {:?}; const d = {:?}; console.log(JSON.stringify({{ arabic: a.map(f.baht), dates: d.map(f.beDate), thai: (f.useThaiDigits(true), a.map(f.baht)) }}));",
        AMOUNTS, DATES
    ));
    for (i, satang) in AMOUNTS.iter().enumerate() {
        assert_eq!(js["arabic"][i], thai::amount(*satang, Digits::Arabic), "amount {satang}");
        assert_eq!(
            js["thai"][i],
            thai::amount(*satang, Digits::Thai),
            "amount {satang} in Thai digits"
        );
    }
    for (i, iso) in DATES.iter().enumerate() {
        let date = NaiveDate::parse_from_str(iso, "%Y-%m-%d").unwrap();
        assert_eq!(js["dates"][i], thai::date_numeric(date, Digits::Arabic), "date {iso}");
    }
}

#[test]
fn amounts_typed_are_read_as_the_library_reads_them() {
    let js = node(&format!("const t = {:?}; console.log(JSON.stringify(t.map(x => [f.formatTyped(x), f.toSatang(f.formatTyped(x))])));", TYPED));
    for (i, typed) in TYPED.iter().enumerate() {
        let shown = js[i][0].as_str().unwrap();
        let satang = js[i][1].as_i64().unwrap();
        let parsed = Satang::parse_field("amount", shown, Sign::NonNegative)
            .unwrap_or_else(|e| panic!("'{typed}' shown as '{shown}': {}", e.message_en()));
        assert_eq!(parsed.satang(), satang, "'{typed}' shown as '{shown}'");
    }
}
