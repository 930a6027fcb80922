//! CSV for Excel: UTF-8 with a byte-order mark (so Excel opens Thai correctly), amounts as
//! plain `1234.50` so Excel reads them as numbers.

use super::tables::{Cell, Table};

pub fn table_csv(table: &Table) -> Vec<u8> {
    let mut out = Vec::from("\u{feff}".as_bytes());
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(&table.header).expect("in-memory write");
        for row in &table.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|c| match c {
                    Cell::Text(s) => s.clone(),
                    Cell::Int(i) => i.to_string(),
                    Cell::Money(v) => crate::domain::Satang(*v).to_decimal().to_string(),
                })
                .collect();
            w.write_record(&cells).expect("in-memory write");
        }
        w.flush().expect("in-memory write");
    }
    out
}
