//! CSV for Excel: UTF-8 with a byte-order mark (so Excel opens Thai correctly; LibreOffice
//! asks, and UTF-8 is the choice), amounts as plain `1234.50` with two decimals so a
//! spreadsheet reads them as numbers. A report of several tables is one file of titled
//! sections: the heading (fund, report, period) once, then for each table a line with its
//! name, its header row and its rows, a blank line between tables — so the file that the
//! treasurer asked for holds every table of the report, in the order the PDF prints them.

use super::tables::{Cell, Heading, Table};

/// `1234.50`, `-0.75`: satang as plain baht with exactly two decimals.
pub fn plain_amount(satang: i64) -> String {
    let sign = if satang < 0 { "-" } else { "" };
    let abs = satang.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) | Cell::Code(s) => s.clone(),
        Cell::Int(i) => i.to_string(),
        Cell::Money(v) | Cell::Sum { value: v, .. } => plain_amount(*v),
    }
}

pub fn tables_csv(heading: &Heading, tables: &[Table]) -> Vec<u8> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    let mut lines: Vec<Vec<String>> = vec![
        vec![heading.fund.clone()],
        vec![heading.report.clone()],
        vec![heading.period.clone()],
    ];
    for table in tables {
        lines.push(vec![]);
        if tables.len() > 1 {
            lines.push(vec![table.name.clone()]);
        }
        lines.push(table.header.clone());
        lines.extend(table.rows.iter().map(|row| row.iter().map(cell_text).collect()));
    }
    for line in lines {
        if line.is_empty() {
            // a blank line between sections (the csv crate would write `""`)
            out.push(b'\n');
            continue;
        }
        let mut w = csv::WriterBuilder::new().flexible(true).from_writer(&mut out);
        w.write_record(&line).expect("in-memory write");
        w.flush().expect("in-memory write");
    }
    out
}
