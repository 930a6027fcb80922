//! XLSX workbooks (rust_xlsxwriter): one sheet per table, each titled with the fund, the
//! report and its period, Thai headers in bold and repeated on every printed page, amounts
//! as real numbers formatted `#,##0.00`, totals as `SUM` formulas over their lines, codes as
//! text in text-formatted cells, and page setup for A4 (landscape when wide, one page wide,
//! the fund's name and the page number in the footer), so a sheet prints as the PDF does.
//! The workbook's own dates come from the program's clock, not the machine's.

use super::tables::{Cell, Heading, Table};
use crate::error::{Error, Result};
use chrono::{Datelike, Timelike};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, FormatAlign, Workbook};

/// Rows above a table's header: fund, report, period, a blank line.
const TITLE_ROWS: u32 = 4;

pub fn tables_xlsx(heading: &Heading, tables: &[Table]) -> Result<Vec<u8>> {
    let err =
        |e: rust_xlsxwriter::XlsxError| Error::File { path: "xlsx".into(), message: e.to_string() };
    let mut wb = Workbook::new();
    let at = heading.printed;
    let created = ExcelDateTime::from_ymd(at.year() as u16, at.month() as u8, at.day() as u8)
        .and_then(|d| d.and_hms(at.hour() as u16, at.minute() as u8, at.second() as f64))
        .map_err(err)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(&heading.report)
            .set_company(&heading.fund)
            .set_creation_datetime(&created),
    );
    let font = "Sarabun";
    let title = Format::new().set_bold().set_font_name(font).set_font_size(14);
    let subtitle = Format::new().set_font_name(font).set_font_size(12);
    let header = Format::new()
        .set_bold()
        .set_font_name(font)
        .set_align(FormatAlign::Center)
        .set_background_color("#E2EFDA");
    let money = Format::new().set_num_format("#,##0.00").set_font_name(font);
    let total = Format::new().set_num_format("#,##0.00").set_font_name(font).set_bold();
    let code = Format::new().set_num_format("@").set_font_name(font);
    let plain = Format::new().set_font_name(font);
    for table in tables {
        let ws = wb.add_worksheet();
        // Sheet names: at most 31 characters, no []:*?/\
        let name: String =
            table.name.chars().filter(|c| !"[]:*?/\\".contains(*c)).take(31).collect();
        ws.set_name(&name).map_err(err)?;
        ws.write_string_with_format(0, 0, &heading.fund, &title).map_err(err)?;
        ws.write_string_with_format(
            1,
            0,
            format!("{} — {}", heading.report, table.name),
            &subtitle,
        )
        .map_err(err)?;
        ws.write_string_with_format(2, 0, &heading.period, &subtitle).map_err(err)?;
        let mut widths: Vec<usize> = table.header.iter().map(|h| h.chars().count()).collect();
        for (c, h) in table.header.iter().enumerate() {
            ws.write_string_with_format(TITLE_ROWS, c as u16, h, &header).map_err(err)?;
        }
        let first_data = TITLE_ROWS + 1;
        for (r, row) in table.rows.iter().enumerate() {
            let r = r as u32 + first_data;
            for (c, cell) in row.iter().enumerate() {
                let col = c as u16;
                let shown = match cell {
                    Cell::Text(s) => {
                        ws.write_string_with_format(r, col, s, &plain).map_err(err)?;
                        s.chars().count()
                    }
                    Cell::Code(s) => {
                        ws.write_string_with_format(r, col, s, &code).map_err(err)?;
                        s.chars().count()
                    }
                    Cell::Int(i) => {
                        ws.write_number_with_format(r, col, *i as f64, &plain).map_err(err)?;
                        i.to_string().len()
                    }
                    Cell::Money(v) => {
                        // satang / 100 is exact to the satang in f64 for any amount below
                        // 2^53 satang; the sheet shows two decimals, as the PDF prints.
                        ws.write_number_with_format(r, col, *v as f64 / 100.0, &money)
                            .map_err(err)?;
                        crate::thai::amount(*v, crate::thai::Digits::Arabic).len()
                    }
                    Cell::Sum { from, to, value } => {
                        let column = column_letters(col);
                        let formula = if to > from {
                            format!(
                                "=SUM({column}{}:{column}{})",
                                first_data + *from as u32 + 1,
                                first_data + *to as u32
                            )
                        } else {
                            "=0".to_string()
                        };
                        ws.write_formula_with_format(r, col, formula.as_str(), &total)
                            .map_err(err)?;
                        ws.set_formula_result(r, col, super::csv::plain_amount(*value));
                        crate::thai::amount(*value, crate::thai::Digits::Arabic).len()
                    }
                };
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(shown);
                }
            }
        }
        let mut width_total = 0.0;
        for (c, w) in widths.iter().enumerate() {
            let w = (*w as f64 + 2.0).min(60.0);
            width_total += w;
            ws.set_column_width(c as u16, w).map_err(err)?;
        }
        // A4 (paper size 9); landscape when the columns are wider than a portrait page.
        ws.set_paper_size(9);
        if width_total > 90.0 {
            ws.set_landscape();
        }
        ws.set_print_fit_to_pages(1, 0);
        ws.set_repeat_rows(TITLE_ROWS, TITLE_ROWS).map_err(err)?;
        ws.set_footer(format!("&L{}&Rหน้า &P / &N", heading.fund.replace('&', "&&")));
    }
    wb.save_to_buffer().map_err(err)
}

/// `A`, `B`, … `Z`, `AA`: the column's letters in a cell reference.
fn column_letters(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}
