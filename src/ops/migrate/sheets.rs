//! Reading a filled migration template: one XLSX workbook with the template's sheets, or a
//! folder of CSV files named after them (the sheets themselves: `domain::migration`).

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;

pub use crate::domain::migration::{
    Column, Sheet, FUND, LOANS, MATCHING_HISTORY, MEMBERS, SHEETS, WELFARE_HISTORY,
};

/// One data row of a sheet: its row number as the spreadsheet shows it, and its cells by key.
#[derive(Clone, Debug, Default)]
pub struct DataRow {
    pub row: usize,
    pub cells: BTreeMap<&'static str, String>,
}

impl DataRow {
    pub fn get(&self, key: &str) -> &str {
        self.cells.get(key).map(|s| s.trim()).unwrap_or("")
    }
}

/// A filled migration file: each sheet's data rows (sheets not given are empty).
#[derive(Clone, Debug, Default)]
pub struct Filled {
    pub rows: BTreeMap<&'static str, Vec<DataRow>>,
}

impl Filled {
    pub fn of(&self, sheet: &Sheet) -> &[DataRow] {
        self.rows.get(sheet.name).map(Vec::as_slice).unwrap_or(&[])
    }
}

/// Read a filled template: an `.xlsx` workbook, or a folder of CSV files named after the
/// sheets (`fund.csv`, `members.csv`, ...), or one of those CSV files (its folder is read).
pub fn read(path: &Path) -> Result<Filled> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let mut raw: Vec<(String, Vec<Vec<String>>)> = Vec::new();
    if path.is_dir() || ext == "csv" {
        let folder = if path.is_dir() { path } else { path.parent().unwrap_or(Path::new(".")) };
        for sheet in SHEETS {
            let file = folder.join(format!("{}.csv", sheet.name));
            if file.is_file() {
                let bytes = crate::bounded::read_file(&file, crate::ops::import::limits::FILE)?;
                raw.push((sheet.name.to_string(), crate::ops::import::csv_rows(&bytes, &file)?));
            }
        }
        if raw.is_empty() {
            return Err(Error::file(
                folder,
                "has no fund.csv, members.csv, ... / ไม่มีแฟ้ม fund.csv, members.csv ...",
            ));
        }
    } else if ext == "xlsx" || ext == "xlsm" {
        let bytes = crate::bounded::read_file(path, crate::ops::import::limits::FILE)?;
        raw = crate::ops::import::spreadsheet_sheets(&bytes, path, 20)?;
    } else {
        return Err(Error::file(path, "expected the template .xlsx, or a folder of .csv files / ต้องเป็นแฟ้มแม่แบบ .xlsx หรือโฟลเดอร์ของแฟ้ม .csv"));
    }
    let mut filled = Filled::default();
    for (name, rows) in raw {
        let Some(sheet) = SHEETS.iter().find(|s| s.name == name.trim()) else { continue };
        filled.rows.insert(sheet.name, data_rows(sheet, &rows, path)?);
    }
    if filled.of(&FUND).is_empty() {
        return Err(Error::file(
            path,
            "has no 'fund' sheet (books_start, cash, bank ...) / ไม่มีแผ่น fund",
        ));
    }
    Ok(filled)
}

/// The rows under a sheet's key row. The key row is the first row whose first cell is the
/// sheet's first key (the template puts a Thai heading row and an explanation row above
/// it; a CSV from another program may start with it). Unknown column keys are an error.
fn data_rows(sheet: &Sheet, rows: &[Vec<String>], path: &Path) -> Result<Vec<DataRow>> {
    let first_key = sheet.columns[0].key;
    let Some(key_row) = rows.iter().position(|r| {
        r.first().map(|c| c.trim().trim_start_matches('\u{feff}')) == Some(first_key)
    }) else {
        return Err(Error::file(
            path,
            format!(
                "sheet {}: no row of column keys ({first_key}, ...) / แผ่น {}: ไม่พบแถวรหัสคอลัมน์",
                sheet.name, sheet.name
            ),
        ));
    };
    let mut keys: Vec<Option<&'static str>> = Vec::new();
    for cell in &rows[key_row] {
        let name = cell.trim().trim_start_matches('\u{feff}');
        if name.is_empty() {
            keys.push(None);
            continue;
        }
        let column = sheet.columns.iter().find(|c| c.key == name).ok_or_else(|| {
            Error::file(
                path,
                format!(
                    "sheet {}: unknown column '{name}' / แผ่น {}: ไม่รู้จักคอลัมน์ '{name}'",
                    sheet.name, sheet.name
                ),
            )
        })?;
        keys.push(Some(column.key));
    }
    let mut out = Vec::new();
    for (i, cells) in rows.iter().enumerate().skip(key_row + 1) {
        if cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let mut row = DataRow { row: i + 1, cells: BTreeMap::new() };
        for (key, cell) in keys.iter().zip(cells) {
            if let Some(key) = key {
                row.cells.insert(key, cell.clone());
            }
        }
        out.push(row);
    }
    Ok(out)
}
