//! XLSX workbooks (rust_xlsxwriter): one sheet per table, Thai headers in bold, amounts as
//! real numbers formatted `#,##0.00`, columns sized to fit.

use super::tables::{Cell, Table};
use crate::error::{Error, Result};
use rust_xlsxwriter::{Format, Workbook};

pub fn tables_xlsx(tables: &[Table]) -> Result<Vec<u8>> {
    let mut wb = Workbook::new();
    let header = Format::new().set_bold().set_font_name("Sarabun");
    let money = Format::new().set_num_format("#,##0.00").set_font_name("Sarabun");
    let plain = Format::new().set_font_name("Sarabun");
    let err = |e: rust_xlsxwriter::XlsxError| Error::File { path: "xlsx".into(), message: e.to_string() };
    for table in tables {
        let ws = wb.add_worksheet();
        // Sheet names: at most 31 characters, no []:*?/\
        let name: String = table.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        ws.set_name(&name).map_err(err)?;
        let mut widths: Vec<usize> = table.header.iter().map(|h| h.chars().count()).collect();
        for (c, h) in table.header.iter().enumerate() {
            ws.write_string_with_format(0, c as u16, h, &header).map_err(err)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + 1;
            for (c, cell) in row.iter().enumerate() {
                let col = c as u16;
                let shown = match cell {
                    Cell::Text(s) => {
                        ws.write_string_with_format(r, col, s, &plain).map_err(err)?;
                        s.chars().count()
                    }
                    Cell::Int(i) => {
                        ws.write_number_with_format(r, col, *i as f64, &plain).map_err(err)?;
                        i.to_string().len()
                    }
                    Cell::Money(v) => {
                        // satang / 100 is exact in f64 for any amount below 2^53 satang.
                        ws.write_number_with_format(r, col, *v as f64 / 100.0, &money).map_err(err)?;
                        crate::thai::amount(*v, crate::thai::Digits::Arabic).len()
                    }
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(shown);
                }
            }
        }
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, (*w as f64 + 2.0).min(60.0)).map_err(err)?;
        }
    }
    wb.save_to_buffer().map_err(err)
}
