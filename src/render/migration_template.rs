//! The migration template as an XLSX workbook: one sheet per part of the fund's history,
//! each with a Thai heading row, an explanation row and the row of column keys that the
//! importer (and any script) goes by; the fund sheet comes pre-filled with its items and
//! the fund's own accounts. Identifying columns are text, so Excel keeps leading zeros.

use crate::domain::migration::Sheet;
use crate::error::{Error, Result};
use rust_xlsxwriter::{Format, FormatBorder, Workbook};

/// One pre-filled row of the fund sheet: key, value (may be empty), what it is.
pub struct FundItem {
    pub key: String,
    pub value: String,
    pub note: String,
}

/// Columns kept as text whatever is typed into them.
const TEXT_COLUMNS: &[&str] = &[
    "key",
    "value",
    "member_no",
    "national_id",
    "beneficiary_national_id",
    "guarantors",
    "round",
    "paid_through",
    "moo",
];

pub fn template_xlsx(
    sheets: &[&Sheet],
    fund_items: &[FundItem],
    fund_name: &str,
) -> Result<Vec<u8>> {
    let err = |e: rust_xlsxwriter::XlsxError| Error::File {
        path: "template.xlsx".into(),
        message: e.to_string(),
    };
    let font = "Sarabun";
    let heading = Format::new()
        .set_bold()
        .set_font_name(font)
        .set_background_color("#DDEBF7")
        .set_border_bottom(FormatBorder::Thin);
    let explain = Format::new()
        .set_italic()
        .set_font_name(font)
        .set_font_size(9)
        .set_text_wrap()
        .set_font_color("#555555");
    let key = Format::new().set_font_name("Courier New").set_font_size(9).set_font_color("#1F4E79");
    let text = Format::new().set_font_name(font).set_num_format("@");
    let plain = Format::new().set_font_name(font);
    let mut book = Workbook::new();
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(sheet.name).map_err(err)?;
        for (c, column) in sheet.columns.iter().enumerate() {
            let c = c as u16;
            ws.write_string_with_format(0, c, column.th, &heading).map_err(err)?;
            ws.write_string_with_format(1, c, column.explain, &explain).map_err(err)?;
            ws.write_string_with_format(2, c, column.key, &key).map_err(err)?;
            let width =
                (column.th.chars().count().max(column.key.len()) as f64 + 4.0).clamp(10.0, 40.0);
            let format = if TEXT_COLUMNS.contains(&column.key) { &text } else { &plain };
            ws.set_column_format(c, format).map_err(err)?;
            ws.set_column_width(c, width).map_err(err)?;
        }
        ws.set_row_height(1, 45).map_err(err)?;
        ws.set_freeze_panes(3, 0).map_err(err)?;
        ws.set_header(format!("&L{fund_name}&R{}", sheet.th));
        if sheet.name == "fund" {
            for (r, item) in fund_items.iter().enumerate() {
                let r = r as u32 + 3;
                ws.write_string_with_format(r, 0, &item.key, &text).map_err(err)?;
                ws.write_string_with_format(r, 1, &item.value, &text).map_err(err)?;
                ws.write_string_with_format(r, 2, &item.note, &plain).map_err(err)?;
            }
            ws.set_column_width(2, 60).map_err(err)?;
        }
    }
    book.save_to_buffer().map_err(err)
}
