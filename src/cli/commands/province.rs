//! The provincial office, on its own database: enrol funds, import bundles, the funds
//! list, criteria and the area report.

use super::super::print;
use crate::error::Result;
use crate::ops::{self, Ctx};
use crate::store::province::ProvinceStore;
use clap::Subcommand;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum ProvinceCommand {
    /// Create the province database.
    Init,
    /// Show a bundle's fund and key; with --fingerprint (typed from the paper form) enrol it.
    Enrol {
        file: PathBuf,
        #[arg(long)]
        fingerprint: Option<String>,
        /// Re-enrol a fund that lost its key.
        #[arg(long)]
        replace: bool,
    },
    /// Import bundles (verified: signature, files, sequence, chain).
    Import {
        files: Vec<PathBuf>,
        #[arg(long)]
        dry_run: bool,
    },
    /// Enrolled funds, months covered and gaps.
    Funds {
        /// The month to measure gaps to (YYYY-MM; default: last month).
        #[arg(long)]
        month: Option<String>,
    },
    /// The government matching criteria, fund by fund, for 30 September of YEAR.
    Criteria { year: i32 },
    /// The province's signing key for forwards (made on first use): its fingerprint, for
    /// the letter to the national office.
    Key {
        #[arg(long)]
        key: Option<PathBuf>,
    },
    /// Forward to the nation every imported bundle not forwarded yet (--since-last, the only
    /// kind), signed by the province's key, into a new folder under --to; --again N writes
    /// forward N again, byte for byte.
    Forward {
        #[arg(long)]
        to: PathBuf,
        /// The province's name, recorded with its first forward (จังหวัด).
        #[arg(long)]
        province: Option<String>,
        #[arg(long)]
        key: Option<PathBuf>,
        #[arg(long, default_value_t = true)]
        since_last: bool,
        #[arg(long)]
        again: Option<i64>,
    },
    /// At the nation: show a forward's province and key; with --fingerprint (typed from the
    /// province's letter) enrol it.
    EnrolProvince {
        dir: PathBuf,
        #[arg(long)]
        fingerprint: Option<String>,
    },
    /// At the nation: import provinces' forwards (each bundle verified again).
    ImportForward {
        dirs: Vec<PathBuf>,
        #[arg(long)]
        dry_run: bool,
    },
    /// At the nation: figures by province, then district, for a government year, with each
    /// province's coverage gaps.
    National {
        year: i32,
        /// The month to measure gaps to (YYYY-MM; default: the year's last month).
        #[arg(long)]
        month: Option<String>,
        #[arg(long)]
        csv: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
    /// Figures by district and subdistrict for a year.
    Report {
        year: i32,
        #[arg(long)]
        csv: Option<PathBuf>,
        #[arg(long)]
        xlsx: Option<PathBuf>,
        #[arg(long)]
        pdf: Option<PathBuf>,
    },
}

/// Where the province's signing key lives unless --key says.
pub fn province_key_path() -> PathBuf {
    dirs::data_dir()
        .unwrap_or_else(|| PathBuf::from("."))
        .join("kongthun")
        .join("keys")
        .join("province.ed25519")
}

pub fn province_db_path() -> PathBuf {
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("kongthun").join("province.sqlite")
}

pub fn run(db: &Path, ctx: &Ctx, json: bool, c: ProvinceCommand) -> Result<()> {
    let mut store = ProvinceStore::open_target(db)?;
    let now = ctx.now_text();
    match c {
        ProvinceCommand::Init => println!("ฐานข้อมูลจังหวัด / province database: {}", store.describe()),
        ProvinceCommand::Enrol { file, fingerprint, replace } => {
            let p = ops::province::enrol_or_replace(
                &mut store,
                &file,
                fingerprint.as_deref(),
                replace,
                &ctx.recorded_by,
                &now,
            )?;
            print::output(json, &p, || {
                println!("กองทุน {} ({}) อ.{} ต.{}", p.fund_name, p.fund_code, p.amphoe, p.tambon);
                println!("ลายนิ้วมือกุญแจ / key fingerprint: {}", p.key_fingerprint);
                if p.enrolled {
                    println!("ลงทะเบียนแล้ว / enrolled. กุญแจสำหรับเลขประจำตัวประชาชน / ID key for the fund: {}", p.id_key.clone().unwrap_or_default());
                } else {
                    println!("ตรวจกับแบบฟอร์มกระดาษ แล้วสั่งอีกครั้งพร้อม --fingerprint / compare with the paper form, then run again with --fingerprint");
                }
            });
        }
        ProvinceCommand::Import { files, dry_run } => {
            let mut outcomes = Vec::new();
            for f in &files {
                outcomes.push(ops::province::import(
                    &mut store,
                    f,
                    dry_run,
                    &ctx.recorded_by,
                    &now,
                )?);
            }
            print::output(json, &outcomes, || {
                for o in &outcomes {
                    let what = o.result.label();
                    println!(
                        "{} ลำดับ {} ({} ถึง {}): {what}, {} รายการ",
                        o.fund_code, o.sequence, o.period.0, o.period.1, o.entries
                    );
                }
            });
        }
        ProvinceCommand::Funds { month } => {
            let month = month.unwrap_or_else(|| {
                let t = ctx.today();
                let (y, m) = if chrono::Datelike::month(&t) == 1 {
                    (chrono::Datelike::year(&t) - 1, 12)
                } else {
                    (chrono::Datelike::year(&t), chrono::Datelike::month(&t) - 1)
                };
                format!("{y:04}-{m:02}")
            });
            let rows = ops::province::coverage(&store, &month)?;
            print::output(json, &rows, || {
                for r in &rows {
                    let be = |d: &Option<String>| {
                        d.as_deref()
                            .and_then(|d| crate::domain::date::parse(d).ok())
                            .map(|d| crate::thai::date_short(d, crate::thai::Digits::Arabic))
                            .unwrap_or_else(|| "-".into())
                    };
                    println!(
                        "{} {} อ.{} ต.{} ก่อตั้ง {} เริ่มบัญชี {} ชุด {} ครอบคลุม {}–{} ขาด {} เดือน",
                        r.code,
                        r.name,
                        r.amphoe,
                        r.tambon,
                        be(&r.founded_on),
                        be(&r.books_start),
                        r.bundles,
                        r.covered_from.clone().unwrap_or_default(),
                        r.covered_to.clone().unwrap_or_default(),
                        r.months_missing
                    );
                }
            });
        }
        ProvinceCommand::Criteria { year } => {
            let rows = ops::province::criteria(&store, crate::domain::date::ce_year(year)?)?;
            print::output(json, &rows, || {
                for f in &rows {
                    println!("{} {}", f.code, f.name);
                    for c in &f.criteria {
                        println!("  {} {} : {}", c.mark(), c.th, c.evidence_th);
                    }
                }
            });
        }
        ProvinceCommand::Key { key } => {
            let secret = ops::forward::province_key(&key.unwrap_or_else(province_key_path))?;
            let fp = crate::bundle::keys::fingerprint(&secret.public());
            print::output(json, &serde_json::json!({ "key_fingerprint": fp }), || {
                println!("ลายนิ้วมือกุญแจของจังหวัด / province key fingerprint: {fp}");
            });
        }
        ProvinceCommand::Forward { to, province, key, since_last: _, again } => {
            let out = match again {
                Some(n) => ops::forward::forward_again(&store, n, &to)?,
                None => {
                    let secret =
                        ops::forward::province_key(&key.unwrap_or_else(province_key_path))?;
                    ops::forward::forward(
                        &mut store,
                        &secret,
                        province.as_deref(),
                        &to,
                        &ctx.recorded_by,
                        &now,
                    )?
                }
            };
            print::output(json, &out, || {
                println!(
                    "ส่งต่อครั้งที่ {} ของจังหวัด{}: {} ชุดข้อมูล จาก {} กองทุน → {}",
                    out.sequence,
                    out.province,
                    out.bundles,
                    out.funds,
                    out.folder.display()
                );
            });
        }
        ProvinceCommand::EnrolProvince { dir, fingerprint } => {
            let p = ops::forward::enrol_province(
                &mut store,
                &dir,
                fingerprint.as_deref(),
                &ctx.recorded_by,
                &now,
            )?;
            print::output(json, &p, || {
                println!("จังหวัด{} กุญแจ / key: {}", p.province, p.key_fingerprint);
                if p.enrolled {
                    println!("ลงทะเบียนแล้ว / enrolled");
                } else {
                    println!("ตรวจกับหนังสือของจังหวัด แล้วสั่งอีกครั้งพร้อม --fingerprint / compare with the province's letter, then run again with --fingerprint");
                }
            });
        }
        ProvinceCommand::ImportForward { dirs, dry_run } => {
            let mut outcomes = Vec::new();
            for d in &dirs {
                outcomes.push(ops::forward::import_forward(
                    &mut store,
                    d,
                    dry_run,
                    &ctx.recorded_by,
                    &now,
                )?);
            }
            print::output(json, &outcomes, || {
                for o in &outcomes {
                    println!(
                        "จังหวัด{} ส่งต่อครั้งที่ {}: {}, นำเข้า {} ชุด (มีอยู่แล้ว {}), ลงทะเบียนกองทุนใหม่ {}",
                        o.province,
                        o.sequence,
                        o.result.label(),
                        o.bundles_imported,
                        o.bundles_already_in,
                        o.funds_enrolled.len()
                    );
                }
            });
        }
        ProvinceCommand::National { year, month, csv, xlsx, pdf } => {
            let (from, to) = crate::report::province::government_year(year)?;
            let month = month.unwrap_or_else(|| to.format("%Y-%m").to_string());
            let rows =
                ops::province::national_report(&store, &from.to_string(), &to.to_string(), &month)?;
            let wrote = write_each([csv, xlsx, pdf], |format| {
                crate::render::province::national_report_bytes(
                    &rows,
                    (from, to),
                    format,
                    ctx.today(),
                )
            })?;
            if !wrote {
                print::output(json, &rows, || {
                    for p in &rows {
                        println!(
                            "จังหวัด{}: {} กองทุน สมาชิก {} สวัสดิการ {} ราย {} บาท; ส่งข้อมูลไม่ครบ {} กองทุน ({} เดือน)",
                            p.changwat,
                            p.total.funds,
                            p.total.members_active,
                            p.total.cases_total,
                            p.total.welfare_total.display(),
                            p.funds_behind,
                            p.months_missing
                        );
                    }
                });
            }
        }
        ProvinceCommand::Report { year, csv, xlsx, pdf } => {
            let wrote = write_each([csv, xlsx, pdf], |format| {
                ops::province::area_report_document(&store, year, format, ctx.today())
            })?;
            if !wrote {
                let (from, to) = crate::report::province::government_year(year)?;
                let rows = ops::province::area_report(&store, &from.to_string(), &to.to_string())?;
                print::output(true, &rows, || {});
            }
        }
    }
    Ok(())
}

/// Write a document to each of the files asked for (CSV, XLSX, PDF, in that order), each
/// whole or not at all; whether any was asked for.
fn write_each(
    paths: [Option<PathBuf>; 3],
    bytes: impl Fn(crate::ops::documents::Format) -> Result<Vec<u8>>,
) -> Result<bool> {
    use crate::ops::documents::Format;
    let mut wrote = false;
    for (path, format) in paths.iter().zip([Format::Csv, Format::Xlsx, Format::Pdf]) {
        if let Some(p) = path {
            let bytes = bytes(format)?;
            ops::atomic::write_atomic(p, &bytes)?;
            println!("เขียนแล้ว / written: {} ({} bytes)", p.display(), bytes.len());
            wrote = true;
        }
    }
    Ok(wrote)
}
