//! Member import from CSV (UTF-8, with or without BOM) or XLSX (first sheet). The first row
//! names the columns, in English or Thai. Every row is checked, and every bad row is
//! reported with its row number, field and value. Nothing is written if any row is bad,
//! unless the caller asks to import only the good rows.

use super::Ctx;
use crate::domain::member::MemberFields;
use crate::error::{Error, Problem, Result, RowError};
use crate::store::Store;
use serde::Serialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Clone, Debug, Serialize)]
pub struct ImportReport {
    pub total_rows: usize,
    pub imported: usize,
    pub imported_member_nos: Vec<String>,
    pub skipped: Vec<RowError>,
}

/// Column names accepted for each field (English key first, then Thai headings).
const COLUMNS: &[(&str, &[&str])] = &[
    ("member_no", &["member_no", "เลขที่สมาชิก", "เลขสมาชิก"]),
    ("title", &["title", "คำนำหน้า", "คำนำหน้าชื่อ"]),
    ("first_name", &["first_name", "ชื่อ"]),
    ("last_name", &["last_name", "นามสกุล"]),
    ("national_id", &["national_id", "เลขประจำตัวประชาชน", "เลขบัตรประชาชน"]),
    ("birth_date", &["birth_date", "วันเกิด", "วันเดือนปีเกิด"]),
    ("sex", &["sex", "เพศ"]),
    ("moo", &["moo", "หมู่", "หมู่ที่"]),
    ("address", &["address", "ที่อยู่", "บ้านเลขที่"]),
    ("phone", &["phone", "โทรศัพท์", "เบอร์โทร"]),
    ("joined_on", &["joined_on", "วันที่สมัคร", "วันที่เป็นสมาชิก"]),
    ("groups", &["groups", "กลุ่ม"]),
    ("beneficiary_name", &["beneficiary_name", "ผู้รับผลประโยชน์"]),
    ("beneficiary_relation", &["beneficiary_relation", "ความสัมพันธ์"]),
    ("beneficiary_national_id", &["beneficiary_national_id", "เลขประจำตัวประชาชนผู้รับผลประโยชน์"]),
];

fn set_field(f: &mut MemberFields, key: &str, value: String) {
    match key {
        "member_no" => f.member_no = value,
        "title" => f.title = value,
        "first_name" => f.first_name = value,
        "last_name" => f.last_name = value,
        "national_id" => f.national_id = value,
        "birth_date" => f.birth_date = value,
        "sex" => f.sex = value,
        "moo" => f.moo = value,
        "address" => f.address = value,
        "phone" => f.phone = value,
        "joined_on" => f.joined_on = value,
        "groups" => f.groups = value,
        "beneficiary_name" => f.beneficiary_name = value,
        "beneficiary_relation" => f.beneficiary_relation = value,
        "beneficiary_national_id" => f.beneficiary_national_id = value,
        _ => {}
    }
}

/// Map header cells to field keys; unknown headings are an error (a typo would otherwise
/// silently drop a column).
fn map_header(header: &[String], path: &Path) -> Result<Vec<&'static str>> {
    let mut keys = Vec::new();
    for cell in header {
        let name = cell.trim().trim_start_matches('\u{feff}').trim();
        let key = COLUMNS
            .iter()
            .find(|(_, names)| names.iter().any(|n| n.eq_ignore_ascii_case(name)))
            .map(|(k, _)| *k)
            .ok_or_else(|| {
                Error::file(path, format!("unknown column '{name}' / ไม่รู้จักคอลัมน์ '{name}'"))
            })?;
        if keys.contains(&key) {
            return Err(Error::file(
                path,
                format!("column '{name}' appears twice / คอลัมน์ '{name}' ซ้ำ"),
            ));
        }
        keys.push(key);
    }
    for required in ["first_name", "last_name", "title", "joined_on"] {
        if !keys.contains(&required) {
            return Err(Error::file(
                path,
                format!("missing column '{required}' / ไม่มีคอลัมน์ '{required}'"),
            ));
        }
    }
    Ok(keys)
}

/// How much of a member or migration spreadsheet this program reads at most: a file on a
/// stick may be anything, and must not exhaust the laptop's memory (see `crate::bounded`).
pub mod limits {
    /// The file itself, CSV or XLSX (10,000 members with every column is about 2 MB).
    pub const FILE: u64 = 32 << 20;
    /// Entries in an XLSX zip (a workbook has a dozen).
    pub const ZIP_ENTRIES: usize = 1000;
    /// All of an XLSX's entries inflated together.
    pub const ZIP_TOTAL: u64 = 128 << 20;
    /// Rows and columns of a sheet.
    pub const ROWS: u32 = 500_000;
    pub const COLUMNS: u32 = 100;
}

/// Read the rows of a CSV or XLSX file as text cells (header first).
pub fn read_rows(path: &Path) -> Result<Vec<Vec<String>>> {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "txt" => csv_rows(&crate::bounded::read_file(path, limits::FILE)?, path),
        "xlsx" | "xlsm" => spreadsheet_rows(&crate::bounded::read_file(path, limits::FILE)?, path),
        _ => Err(Error::file(path, "expected a .csv or .xlsx file (save .xls or .ods as .xlsx) / ต้องเป็นแฟ้ม .csv หรือ .xlsx (แฟ้ม .xls หรือ .ods ให้บันทึกเป็น .xlsx ก่อน)")),
    }
}

/// The rows of CSV bytes as text cells; `path` only names the source in errors.
pub fn csv_rows(bytes: &[u8], path: &Path) -> Result<Vec<Vec<String>>> {
    if bytes.len() as u64 > limits::FILE {
        return Err(Error::file(
            path,
            format!("is larger than {} bytes / ใหญ่เกิน {} ไบต์", limits::FILE, limits::FILE),
        ));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Error::file(path, "is not UTF-8 text (save as 'CSV UTF-8') / ไม่ใช่ข้อความ UTF-8")
    })?;
    let text = text.trim_start_matches('\u{feff}');
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| Error::file(path, e))?;
        if rows.len() as u32 >= limits::ROWS || record.len() as u32 > limits::COLUMNS {
            return Err(Error::file(
                path,
                format!(
                    "has more than {} rows or {} columns / มีเกิน {} แถวหรือ {} คอลัมน์",
                    limits::ROWS,
                    limits::COLUMNS,
                    limits::ROWS,
                    limits::COLUMNS
                ),
            ));
        }
        rows.push(record.iter().map(str::to_string).collect());
    }
    Ok(rows)
}

/// The rows of the first sheet of an XLSX workbook's bytes as text cells; `path` only names
/// the source in errors.
pub fn spreadsheet_rows(bytes: &[u8], path: &Path) -> Result<Vec<Vec<String>>> {
    let mut sheets = spreadsheet_sheets(bytes, path, 1)?;
    if sheets.is_empty() {
        return Err(Error::file(path, "has no sheets / ไม่มีแผ่นงาน"));
    }
    Ok(sheets.remove(0).1)
}

/// The first `at_most` sheets of an XLSX workbook's bytes, each by name with its rows as text
/// cells. The zip is checked within `limits` first (entries, inflated sizes, headers that
/// lie), then the cells are read one by one into rows, so neither a huge declared sheet
/// dimension nor a sparse cell far away can make us allocate a dense grid.
pub fn spreadsheet_sheets(
    bytes: &[u8],
    path: &Path,
    at_most: usize,
) -> Result<Vec<(String, Vec<Vec<String>>)>> {
    use calamine::Reader;
    let refuse = |why: String| {
        Error::file(
            path,
            format!("is not a workbook this program reads ({why}) / อ่านแฟ้มนี้ไม่ได้ ({why})"),
        )
    };
    if bytes.len() as u64 > limits::FILE {
        return Err(refuse(format!("larger than {} bytes", limits::FILE)));
    }
    crate::bounded::check_zip(
        bytes,
        crate::bounded::ZipLimits {
            max_entries: limits::ZIP_ENTRIES,
            max_total: limits::ZIP_TOTAL,
        },
    )
    .map_err(refuse)?;
    check_shared_strings_count(bytes).map_err(refuse)?;
    let mut workbook: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
            .map_err(|e: calamine::XlsxError| refuse(e.to_string()))?;
    let names: Vec<String> = workbook.sheet_names().into_iter().take(at_most).collect();
    let mut sheets = Vec::new();
    for name in names {
        let rows = sheet_rows(&mut workbook, &name).map_err(refuse)?;
        sheets.push((name, rows));
    }
    Ok(sheets)
}

fn sheet_rows<RS: std::io::Read + std::io::Seek>(
    workbook: &mut calamine::Xlsx<RS>,
    sheet: &str,
) -> std::result::Result<Vec<Vec<String>>, String> {
    use calamine::DataRef;
    let mut cells = workbook.worksheet_cells_reader(sheet).map_err(|e| e.to_string())?;
    let mut placed: Vec<((u32, u32), String)> = Vec::new();
    while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
        let (row, col) = cell.get_position();
        if row >= limits::ROWS || col >= limits::COLUMNS {
            return Err(format!(
                "a cell beyond row {} or column {}",
                limits::ROWS,
                limits::COLUMNS
            ));
        }
        let text = match cell.get_value().clone() {
            DataRef::Empty => continue,
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s,
            DataRef::SharedString(s) => s.to_string(),
            // Whole numbers (member numbers, IDs, หมู่) come back as floats from Excel; amounts
            // are parsed from this text as decimals, never used as floats.
            DataRef::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            DataRef::Float(f) => f.to_string(),
            DataRef::Int(i) => i.to_string(),
            DataRef::Bool(b) => b.to_string(),
            DataRef::DateTime(dt) => {
                dt.as_datetime().map(|d| d.date().to_string()).unwrap_or_default()
            }
            DataRef::Error(e) => format!("#ERROR {e:?}"),
        };
        placed.push(((row, col), text));
    }
    // Rows start at the first used row and column, as the sheet shows them.
    let first_row = placed.iter().map(|((r, _), _)| *r).min().unwrap_or(0);
    let first_col = placed.iter().map(|((_, c), _)| *c).min().unwrap_or(0);
    let mut rows: Vec<Vec<String>> = Vec::new();
    for ((row, col), text) in placed {
        let (r, c) = ((row - first_row) as usize, (col - first_col) as usize);
        if rows.len() <= r {
            rows.resize_with(r + 1, Vec::new);
        }
        if rows[r].len() <= c {
            rows[r].resize(c + 1, String::new());
        }
        rows[r][c] = text;
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    Ok(rows)
}

/// calamine reserves room for the shared-string count a workbook declares before reading
/// one string; a declared count larger than the strings file could hold (each string takes
/// at least eight bytes of XML) is a lie, refused before calamine sees it.
fn check_shared_strings_count(bytes: &[u8]) -> std::result::Result<(), String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let Ok(entry) = archive.by_name("xl/sharedStrings.xml") else { return Ok(()) };
    let size = entry.size();
    let mut head = Vec::new();
    std::io::Read::read_to_end(&mut std::io::Read::take(entry, 4096), &mut head)
        .map_err(|e| e.to_string())?;
    let head = String::from_utf8_lossy(&head);
    // (only uniqueCount is reserved for; `count` counts every use of a string and may be
    // far larger than the file)
    for attribute in ["uniqueCount=\""] {
        if let Some(at) = head.find(attribute) {
            let digits: String =
                head[at + attribute.len()..].chars().take_while(char::is_ascii_digit).collect();
            let declared: u64 = digits.parse().unwrap_or(u64::MAX);
            if declared > size / 8 + 1 {
                return Err(format!("declares {declared} shared strings in {size} bytes"));
            }
        }
    }
    Ok(())
}

fn row_error(row: usize, e: &Error) -> RowError {
    RowError::of("", row, e)
}

/// Import members from `path`. With `good_rows_only`, bad rows are skipped and reported;
/// without it, any bad row rejects the whole file.
pub fn import_members(
    store: &mut Store,
    ctx: &Ctx,
    path: &Path,
    good_rows_only: bool,
) -> Result<ImportReport> {
    let rows = read_rows(path)?;
    import_member_rows(store, ctx, &rows, path, good_rows_only)
}

/// Import members from rows already read (header first); `path` only names the source in
/// errors. One transaction: all rows, the good rows, or nothing.
pub fn import_member_rows(
    store: &mut Store,
    ctx: &Ctx,
    rows: &[Vec<String>],
    path: &Path,
    good_rows_only: bool,
) -> Result<ImportReport> {
    let Some((header, body)) = rows.split_first() else {
        return Err(Error::file(path, "is empty / แฟ้มว่าง"));
    };
    let keys = map_header(header, path)?;
    let today = ctx.today();
    store.write(|tx| {
        tx.read().require_fund()?;
        let mut errors = Vec::new();
        let mut good = Vec::new();
        let mut seen_no: HashMap<String, usize> = HashMap::new();
        let mut seen_id: HashMap<String, usize> = HashMap::new();
        let mut total = 0;
        for (i, cells) in body.iter().enumerate() {
            let row_no = i + 2; // as the spreadsheet numbers it, header on row 1
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            total += 1;
            let mut fields = MemberFields::default();
            for (key, cell) in keys.iter().zip(cells) {
                set_field(&mut fields, key, cell.clone());
            }
            let input = match fields.validate(today) {
                Ok(input) => input,
                Err(e) => {
                    errors.push(row_error(row_no, &e));
                    continue;
                }
            };
            let mut dup = None;
            if let Some(no) = &input.member_no {
                if let Some(first) = seen_no.insert(no.clone(), row_no) {
                    dup = Some(Error::invalid(
                        "member_no",
                        no,
                        Problem::Other {
                            th: format!("ซ้ำกับแถวที่ {first}"),
                            en: format!("repeats row {first}"),
                        },
                    ));
                }
            }
            if let Some(id) = &input.national_id {
                if let Some(first) = seen_id.insert(id.as_str().to_string(), row_no) {
                    dup = Some(Error::invalid(
                        "national_id",
                        id.as_str(),
                        Problem::Other {
                            th: format!("ซ้ำกับแถวที่ {first}"),
                            en: format!("repeats row {first}"),
                        },
                    ));
                }
            }
            if let Some(e) = dup {
                errors.push(row_error(row_no, &e));
                continue;
            }
            good.push((row_no, input));
        }
        // Rows numbered in the file are inserted first, so automatic numbers never take a
        // number that a later row asks for.
        good.sort_by_key(|(_, input)| input.member_no.is_none());
        let mut imported = Vec::new();
        for (row_no, input) in &good {
            match super::members::insert_checked(tx, ctx, input) {
                Ok(id) => imported
                    .push(tx.read().member_by_id(id)?.map(|m| m.member_no).unwrap_or_default()),
                Err(e @ Error::Invalid { .. }) => errors.push(row_error(*row_no, &e)),
                Err(e) => return Err(e),
            }
        }
        errors.sort_by_key(|e| e.row);
        if !errors.is_empty() && !good_rows_only {
            return Err(Error::ImportRejected { count: errors.len(), total, rows: errors });
        }
        Ok(ImportReport {
            total_rows: total,
            imported: imported.len(),
            imported_member_nos: imported,
            skipped: errors,
        })
    })
}

/// A collection day's file (CSV or XLSX): a header row with `member_no` and any of
/// `contribution`, `savings`, `entrance_fee`, then a line per member; blank lines are
/// skipped, a bad amount is refused naming its line.
pub fn collection_lines(path: &Path) -> Result<Vec<crate::ops::contributions::CollectLine>> {
    use crate::ops::contributions::CollectLine;
    let rows = read_rows(path)?;
    let Some((header, body)) = rows.split_first() else {
        return Err(Error::file(path, "is empty"));
    };
    let col =
        |name: &str| header.iter().position(|h| h.trim().trim_start_matches('\u{feff}') == name);
    let member_col =
        col("member_no").ok_or_else(|| Error::file(path, "missing column member_no"))?;
    let (c, s, f) = (col("contribution"), col("savings"), col("entrance_fee"));
    let cell = |row: &Vec<String>, idx: Option<usize>| {
        idx.and_then(|i| row.get(i)).cloned().unwrap_or_default()
    };
    let mut lines = Vec::new();
    for (i, row) in body.iter().enumerate() {
        if row.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        lines.push(CollectLine::from_text(
            i + 1,
            &cell(row, Some(member_col)),
            &cell(row, c),
            &cell(row, s),
            &cell(row, f),
        )?);
    }
    Ok(lines)
}
