//! The yearly export to a USB stick: every document of the fiscal year (PDF, CSV, XLSX) in a
//! new folder, each file written whole (`ops::atomic`) and read back.

use super::atomic::write_atomic;
use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::path::Path;

#[derive(Clone, Debug, serde::Serialize)]
pub struct ExportedFile {
    pub name: String,
    pub bytes: usize,
    pub sha256: String,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct YearExport {
    pub folder: std::path::PathBuf,
    pub files: Vec<ExportedFile>,
}

/// The yearly report set — PDF, XLSX, one CSV per section, the trial balance and the
/// journal — written into a new folder `kongthun-<code>-<BE year>` under `target`: files go
/// into a hidden `.partial` folder, are fsynced, the folder is renamed into place, and every
/// file is read back and compared with its SHA-256 (also written to `SHA256SUMS`). On any
/// error the partial folder is removed and nothing that looks complete is left behind.
pub fn export_year(
    store: &crate::store::Store,
    year: i32,
    today: chrono::NaiveDate,
    target: &Path,
) -> Result<YearExport> {
    export_year_reporting(store, year, today, target, &mut |_, _| {})
}

/// `export_year`, telling `progress(done, total)` after the reports are drawn, after each
/// file is written and after the read-back (the desktop app's progress bar).
pub fn export_year_reporting(
    store: &crate::store::Store,
    year: i32,
    today: chrono::NaiveDate,
    target: &Path,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<YearExport> {
    use crate::render;
    let reader = store.read();
    let fund = reader.require_fund()?;
    // `year` names the fiscal year by the year it ends in (BE or CE), as the files do
    let be = crate::domain::date::ce_year(year)? + crate::thai::BE_OFFSET;
    let year = fund.profile.fiscal_year_named(year)?;
    let report = crate::report::yearly(&reader, year, today)?;
    let tb = crate::report::trial_balance(&reader, report.to)?;
    let mut files: Vec<(String, Vec<u8>)> =
        vec![(format!("yearly-report-{be}.pdf"), render::yearly::yearly_pdf(&report))];
    // The program's clock, in Thai time, for the workbooks' own dates.
    let printed = today.and_hms_opt(0, 0, 0).expect("midnight");
    let heading = render::yearly::yearly_heading(&report, printed);
    let tables = render::yearly::yearly_tables(&report);
    files.push((format!("yearly-report-{be}.xlsx"), render::xlsx::tables_xlsx(&heading, &tables)?));
    // Each table also as its own CSV (for other programs), and all of them as one.
    files.push((format!("yearly-report-{be}.csv"), render::csv::tables_csv(&heading, &tables)));
    let csv_names = [
        "income-expenditure",
        "balance-sheet",
        "welfare",
        "members",
        "contributions",
        "matching",
        "monthly",
    ];
    assert_eq!(csv_names.len(), tables.len(), "a name for every table of the yearly report");
    for (table, name) in tables.iter().zip(csv_names) {
        files.push((
            format!("{name}-{be}.csv"),
            render::csv::tables_csv(&heading, std::slice::from_ref(table)),
        ));
    }
    let tb_heading = render::tables::Heading {
        report: "งบทดลอง".into(),
        period: format!("ณ วันที่ {}", crate::thai::date_long(report.to, crate::thai::Digits::Arabic)),
        ..heading.clone()
    };
    files.push((
        format!("trial-balance-{be}.csv"),
        render::csv::tables_csv(&tb_heading, &[render::tables::trial_balance_table(&tb)]),
    ));
    files.push((
        format!("trial-balance-{be}.pdf"),
        render::vouchers::trial_balance_pdf(&fund, &tb, &report.fingerprint, today),
    ));
    files.push(("journal.ledger".into(), super::documents::journal_text(&reader)?.into_bytes()));
    let total = files.len() + 2;
    progress(1, total);

    if !target.is_dir() {
        return Err(Error::file(
            target,
            "is not a folder (is the USB stick mounted?) / ไม่ใช่โฟลเดอร์ (เสียบแฟลชไดรฟ์แล้วหรือยัง)",
        ));
    }
    let name = format!("kongthun-{}-{be}", fund.profile.fund_code);
    let folder = target.join(&name);
    if folder.exists() {
        return Err(Error::file(
            &folder,
            "already exists; move or rename it first / มีโฟลเดอร์นี้อยู่แล้ว",
        ));
    }
    let partial = target.join(format!(".{name}.partial"));
    let _ = std::fs::remove_dir_all(&partial);
    let result = (|| -> Result<Vec<ExportedFile>> {
        std::fs::create_dir(&partial).map_err(|e| Error::file(&partial, e))?;
        let mut out = Vec::new();
        let mut sums = String::new();
        for (file, bytes) in &files {
            let hash = write_atomic(&partial.join(file), bytes)?;
            sums.push_str(&format!("{}  {file}\n", hex::encode(hash)));
            out.push(ExportedFile {
                name: file.clone(),
                bytes: bytes.len(),
                sha256: hex::encode(hash),
            });
            progress(1 + out.len(), total);
        }
        write_atomic(&partial.join("SHA256SUMS"), sums.as_bytes())?;
        std::fs::rename(&partial, &folder).map_err(|e| Error::file(&folder, e))?;
        if let Ok(d) = std::fs::File::open(target) {
            let _ = d.sync_all();
        }
        // Read everything back from its final place.
        for f in &out {
            let back = std::fs::read(folder.join(&f.name))
                .map_err(|e| Error::file(&folder.join(&f.name), e))?;
            if hex::encode(Sha256::digest(&back)) != f.sha256 {
                return Err(Error::file(
                    &folder.join(&f.name),
                    "read back differs / อ่านกลับแล้วไม่ตรงกัน",
                ));
            }
        }
        progress(total, total);
        Ok(out)
    })();
    match result {
        Ok(files) => Ok(YearExport { folder, files }),
        Err(e) => {
            let _ = std::fs::remove_dir_all(&partial);
            Err(e)
        }
    }
}
