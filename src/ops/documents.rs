//! Every printable or exportable document by name: the monthly statement, trial balance,
//! month figures, yearly report, passbook, voucher, general ledger, arrears list and the
//! committee's registers (members, welfare rules, committee, claims, the month's cash count,
//! the auditor's yearly report), each as
//! PDF, CSV or XLSX where that makes sense. The desktop app saves them through here; the
//! bytes are the same ones the command line writes.

use super::Ctx;
use crate::error::{Error, Problem, Result};
use crate::render::tables::{Heading, Table};
use crate::store::Store;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Document {
    /// งบรับ-จ่ายประจำเดือน for the notice board; `names` prints welfare recipients' names.
    Statement {
        month: String,
        #[serde(default)]
        names: bool,
    },
    TrialBalance {
        as_of: String,
    },
    Month {
        month: String,
    },
    /// The yearly report of the fiscal year named `year` (CE or BE, the year it ends in).
    Year {
        year: i32,
    },
    Passbook {
        member_no: String,
    },
    /// A receipt or payment voucher for one entry (its id or document number).
    Voucher {
        entry: String,
    },
    Ledger {
        account: String,
        from: String,
        to: String,
    },
    Arrears {
        as_of: String,
    },
    /// ทะเบียนสมาชิก: every member with each change of status.
    MemberRegister {
        as_of: String,
    },
    /// ระเบียบสวัสดิการ: every version of every rule, the one in force on `as_of` marked.
    WelfareRules {
        as_of: String,
    },
    /// รายชื่อคณะกรรมการ: every term, who is in office on `as_of`.
    Committee {
        as_of: String,
    },
    /// ทะเบียนคำขอรับสวัสดิการ of the fiscal year named `year` (CE or BE, the year it ends in).
    ClaimsRegister {
        year: i32,
    },
    /// ใบตรวจนับเงินสดและกระทบยอดเงินฝากธนาคาร of a month: one page, blank to count onto
    /// until the month is counted.
    CountSheet {
        month: String,
    },
    /// รายงานผู้ตรวจสอบ of the fiscal year named `year` (CE or BE, the year it ends in).
    AuditorReport {
        year: i32,
    },
    /// รายการรับเงินของวัน: a collection day's receipts with totals, to check and sign.
    CollectionDay {
        date: String,
    },
    /// The minutes of one meeting (รายงานการประชุม), with who attended and each resolution.
    Minutes {
        meeting: i64,
    },
    /// รายชื่อผู้รับเงินปันผลและเฉลี่ยคืน of the fiscal year named `year` (CE or BE, the year it ends in):
    /// each member's share, how it was paid, a column to sign.
    DividendList {
        year: i32,
    },
    /// รายชื่อสมาชิกที่ขอรับเงินสมทบจากรัฐบาล for the counting day 30 September of `year`:
    /// each member's keyed ID, the rounds and baht received before, the amount asked.
    MatchingRequest {
        year: i32,
    },
    /// The figures of a CODI matching request for the counting day 30 September of `year`.
    Codi {
        year: i32,
    },
}

pub use crate::render::Format;

#[derive(Clone, Debug, Serialize)]
pub struct SavedDocument {
    pub path: PathBuf,
    pub bytes: usize,
    pub sha256: String,
}

fn month_of(input: &str) -> Result<(i32, u32)> {
    crate::domain::date::parse_month(input).map_err(|p| Error::invalid("month", input, p))
}

fn not_in(format: Format, what: &str) -> Error {
    Error::invalid(
        "format",
        format.extension(),
        Problem::UnknownChoice { allowed: what.to_string() },
    )
}

/// The document's bytes in the format asked for.
pub fn render(store: &Store, ctx: &Ctx, doc: &Document, format: Format) -> Result<Vec<u8>> {
    use crate::render::{csv, statement, tables, vouchers, xlsx, yearly};
    let reader = store.read();
    let fund = reader.require_fund()?;
    let head_fingerprint =
        || -> Result<String> { Ok(crate::domain::chain::fingerprint(&reader.chain_head()?.1)) };
    let printed = ctx.now.with_timezone(&super::thai_offset()).naive_local();
    let heading = |report: &str, period: String| Heading {
        fund: fund.profile.name_th.clone(),
        report: report.into(),
        period,
        printed,
    };
    let long = |d: chrono::NaiveDate| crate::thai::date_long(d, crate::thai::Digits::Arabic);
    // Every table of the document: one CSV of titled sections, or a sheet each.
    let as_tables = |heading: Heading, t: Vec<Table>| -> Result<Vec<u8>> {
        match format {
            Format::Csv => Ok(csv::tables_csv(&heading, &t)),
            Format::Xlsx => xlsx::tables_xlsx(&heading, &t),
            Format::Pdf => Err(not_in(format, "csv, xlsx")),
        }
    };
    let month_heading = |y: i32, m: u32| {
        heading(
            "รายงานรับ-จ่ายเงินประจำเดือน",
            format!("เดือน{}", crate::thai::month_long(y, m, crate::thai::Digits::Arabic)),
        )
    };
    // A document of one table: on A4 (turned when wide), or as one CSV section or sheet.
    let one_table = |title: &str, subtitle: String, table: Table, widths: &[f32]| match format {
        Format::Pdf => {
            Ok(vouchers::table_pdf(&fund, title, &subtitle, &table, widths, ctx.today()))
        }
        _ => as_tables(heading(title, subtitle), vec![table]),
    };
    let dg = if fund.profile.thai_digits {
        crate::thai::Digits::Thai
    } else {
        crate::thai::Digits::Arabic
    };
    let fund_name = fund.profile.name_th.as_str();
    match doc {
        Document::Statement { month, names } => {
            let (y, m) = month_of(month)?;
            let s = crate::report::statement(&reader, y, m, ctx.today())?;
            match format {
                Format::Pdf => Ok(statement::statement_pdf(
                    &s,
                    &statement::StatementOptions { recipient_names: *names },
                )),
                _ => as_tables(
                    month_heading(y, m),
                    vec![tables::month_table(&crate::report::month_summary(&reader, y, m)?)],
                ),
            }
        }
        Document::Month { month } => {
            let (y, m) = month_of(month)?;
            let summary = crate::report::month_summary(&reader, y, m)?;
            match format {
                Format::Pdf => render(
                    store,
                    ctx,
                    &Document::Statement { month: month.clone(), names: false },
                    format,
                ),
                _ => as_tables(month_heading(y, m), vec![tables::month_table(&summary)]),
            }
        }
        Document::TrialBalance { as_of } => {
            let as_of = crate::domain::date::parse_field("as_of", as_of)?;
            let tb = crate::report::trial_balance(&reader, as_of)?;
            match format {
                Format::Pdf => {
                    Ok(vouchers::trial_balance_pdf(&fund, &tb, &head_fingerprint()?, ctx.today()))
                }
                _ => as_tables(
                    heading("งบทดลอง", format!("ณ วันที่ {}", long(as_of))),
                    vec![tables::trial_balance_table(&tb)],
                ),
            }
        }
        Document::Year { year } => {
            let year = fund.profile.fiscal_year_named(*year)?;
            let report = crate::report::yearly(&reader, year, ctx.today())?;
            match format {
                Format::Pdf => Ok(yearly::yearly_pdf(&report)),
                _ => as_tables(
                    yearly::yearly_heading(&report, printed),
                    yearly::yearly_tables(&report),
                ),
            }
        }
        Document::Passbook { member_no } => {
            let pb = crate::report::books::passbook(&reader, member_no, ctx.today())?;
            match format {
                Format::Pdf => Ok(vouchers::passbook_pdf(&fund, &pb, &head_fingerprint()?)),
                _ => Err(not_in(format, "pdf")),
            }
        }
        Document::Voucher { entry } => {
            let found = match entry.trim().parse::<i64>() {
                Ok(id) => reader.entry(id)?,
                Err(_) => reader.entry_by_doc_no(entry.trim())?,
            }
            .ok_or(Error::NotFound { what: "entry", key: entry.clone() })?;
            let member = match found.member_id {
                Some(id) => reader.member_by_id(id)?,
                None => None,
            };
            let fp = crate::domain::chain::fingerprint(
                &reader.hash_of_entry(found.id)?.unwrap_or_default(),
            );
            match format {
                Format::Pdf => Ok(vouchers::voucher_pdf(
                    &fund,
                    &found,
                    &reader.accounts()?,
                    member.as_ref(),
                    reader.claim_paid_by(found.id)?.and_then(|c| c.payee).as_deref(),
                    &fp,
                )),
                _ => Err(not_in(format, "pdf")),
            }
        }
        Document::Ledger { account, from, to } => {
            let from = crate::domain::date::parse_field("from", from)?;
            let to = crate::domain::date::parse_field("to", to)?;
            let gl = crate::report::books::general_ledger(&reader, account, from, to)?;
            match format {
                Format::Pdf => {
                    Ok(vouchers::general_ledger_pdf(&fund, &gl, &head_fingerprint()?, ctx.today()))
                }
                _ => Err(not_in(format, "pdf")),
            }
        }
        Document::Arrears { as_of } => {
            let as_of = crate::domain::date::parse_field("as_of", as_of)?;
            let rows = super::contributions::arrears(store, as_of)?;
            one_table(
                "รายชื่อสมาชิกค้างส่งเงินสมทบ",
                format!("ณ วันที่ {} รวม {} คน", long(as_of), rows.len()),
                tables::arrears_table(&rows),
                &[50.0, 170.0, 35.0, 60.0, 80.0, 70.0],
            )
        }
        Document::MemberRegister { as_of } => {
            use crate::render::registers::{member_register_pdf, member_register_tables};
            let as_of = crate::domain::date::parse_field("as_of", as_of)?;
            let r = crate::report::registers::member_register(&reader, as_of)?;
            match format {
                Format::Pdf => Ok(member_register_pdf(fund_name, dg, &r)),
                _ => as_tables(
                    heading("ทะเบียนสมาชิก", format!("ณ วันที่ {}", long(as_of))),
                    member_register_tables(&r),
                ),
            }
        }
        Document::WelfareRules { as_of } => {
            let as_of = crate::domain::date::parse_field("as_of", as_of)?;
            let r = crate::report::registers::rule_book(&reader, as_of)?;
            one_table(
                "ระเบียบสวัสดิการ",
                format!("ทุกฉบับ ฉบับที่ใช้ ณ วันที่ {}", long(as_of)),
                crate::render::registers::rule_book_table(&r),
                &[70.0, 50.0, 35.0, 110.0, 30.0, 55.0, 35.0, 50.0, 60.0, 110.0],
            )
        }
        Document::Committee { as_of } => {
            let as_of = crate::domain::date::parse_field("as_of", as_of)?;
            let c = crate::report::registers::committee_list(&reader, as_of)?;
            one_table(
                "รายชื่อคณะกรรมการ",
                format!("ทุกวาระ สถานะ ณ วันที่ {}", long(as_of)),
                crate::render::registers::committee_table(&c),
                &[70.0, 55.0, 150.0, 70.0, 70.0, 60.0],
            )
        }
        Document::ClaimsRegister { year } => {
            let year = fund.profile.fiscal_year_named(*year)?;
            let r = crate::report::registers::claims_register(&reader, year)?;
            // printed, the resolution's name is shortened to fit its column
            let compact = format == Format::Pdf;
            one_table(
                "ทะเบียนคำขอรับสวัสดิการ",
                fiscal_year_th(r.from, r.to, r.claims.len(), "รายการ"),
                crate::render::registers::claims_register_table(&r, compact),
                &[62.0, 30.0, 95.0, 80.0, 90.0, 60.0, 48.0, 48.0, 150.0, 55.0, 78.0],
            )
        }
        Document::CollectionDay { date } => {
            let day = crate::domain::date::parse_field("date", date)?;
            let receipts = crate::report::books::collection_day(&reader, day)?;
            one_table(
                "รายการรับเงินของวัน",
                format!("วันที่ {} รวม {} ราย", long(day), receipts.len()),
                tables::collection_day_table(&receipts),
                &[70.0, 45.0, 150.0, 60.0, 60.0, 55.0, 60.0],
            )
        }
        Document::CountSheet { month } => {
            let (y, m) = month_of(month)?;
            let sheet = crate::report::registers::count_sheet(&reader, y, m)?;
            match format {
                Format::Pdf => Ok(crate::render::registers::count_sheet_pdf(
                    fund_name,
                    dg,
                    &sheet,
                    ctx.today(),
                )),
                _ => Err(not_in(format, "pdf")),
            }
        }
        Document::AuditorReport { year } => {
            let year = fund.profile.fiscal_year_named(*year)?;
            let r = crate::report::registers::auditor_report(&reader, year)?;
            match format {
                Format::Pdf => {
                    Ok(crate::render::registers::auditor_report_pdf(fund_name, dg, &r, ctx.today()))
                }
                _ => as_tables(
                    heading(
                        "รายงานผู้ตรวจสอบประจำปี",
                        fiscal_year_th(r.from, r.to, r.months.len(), "เดือน"),
                    ),
                    vec![crate::render::registers::auditor_report_table(&r)],
                ),
            }
        }
        Document::Minutes { meeting } => {
            let d = crate::report::meetings::meeting_detail(&reader, *meeting)?;
            match format {
                Format::Pdf => {
                    Ok(crate::render::minutes::minutes_pdf(&crate::render::minutes::MinutesData {
                        fund: &fund,
                        meeting: &d.meeting.meeting,
                        attendees: &d.attendees,
                        agenda: &d.agenda,
                        resolutions: &d.resolutions,
                        approved_at: d.approved_at.clone(),
                    }))
                }
                _ => Err(not_in(format, "pdf")),
            }
        }
        Document::DividendList { year } => {
            let list = crate::report::allocation::dividend_list(&reader, *year)?;
            one_table(
                "รายชื่อผู้รับเงินปันผลและเฉลี่ยคืน",
                fiscal_year_th(list.from, list.to, list.lines.len(), "คน"),
                crate::render::registers::dividend_list_table(&list),
                &[70.0, 118.0, 52.0, 52.0, 58.0, 58.0, 66.0, 96.0],
            )
        }
        Document::MatchingRequest { year } => {
            let r = crate::report::codi::matching_request(
                &reader,
                crate::domain::date::ce_year(*year)?,
            )?;
            let rate = r
                .rate
                .map_or("ตามอัตราที่ พอช. กำหนด".to_string(), |x| format!("คนละ {} บาท", x.display()));
            one_table(
                "รายชื่อสมาชิกที่ขอรับเงินสมทบจากรัฐบาล",
                format!(
                    "นับถึงวันที่ {} {} ราย {rate} (ได้รับครบ {} รอบแล้ว {} ราย)",
                    long(r.counting_day),
                    r.lines.len(),
                    r.cap.value,
                    r.at_cap
                ),
                tables::matching_request_table(&r),
                &[80.0, 104.0, 112.0, 70.0, 64.0, 64.0],
            )
        }
        Document::Codi { year } => {
            let r =
                crate::report::codi::codi_report(&reader, crate::domain::date::ce_year(*year)?)?;
            match format {
                Format::Pdf => Ok(crate::render::minutes::codi_pdf(&fund, &r, ctx.today())),
                _ => Err(not_in(format, "pdf")),
            }
        }
    }
}

/// `ปีบัญชี 2569 (1 ม.ค. 2569 – 31 ธ.ค. 2569) 12 รายการ`: a fiscal year named by the BE year
/// it ends in, as the yearly report names it.
fn fiscal_year_th(from: chrono::NaiveDate, to: chrono::NaiveDate, n: usize, unit: &str) -> String {
    let d = |x| crate::thai::date_short(x, crate::thai::Digits::Arabic);
    format!("ปีบัญชี {} ({} – {}) {n} {unit}", crate::thai::be_year(to), d(from), d(to))
}

/// Render and write atomically (temporary name, fsync, rename, read back).
pub fn save(
    store: &Store,
    ctx: &Ctx,
    doc: &Document,
    format: Format,
    path: &Path,
) -> Result<SavedDocument> {
    let bytes = render(store, ctx, doc, format)?;
    let digest = super::atomic::write_atomic(path, &bytes)?;
    Ok(SavedDocument { path: path.to_path_buf(), bytes: bytes.len(), sha256: hex::encode(digest) })
}

/// A file name a treasurer would recognise, e.g. `statement-2026-10.pdf`.
pub fn suggested_name(doc: &Document, format: Format) -> String {
    let stem = match doc {
        Document::Statement { month, .. } => format!("statement-{month}"),
        Document::TrialBalance { as_of } => format!("trial-balance-{as_of}"),
        Document::Month { month } => format!("month-{month}"),
        Document::Year { year } => format!("yearly-report-{year}"),
        Document::Passbook { member_no } => format!("passbook-{member_no}"),
        Document::Voucher { entry } => format!("voucher-{entry}"),
        Document::Ledger { account, from, to } => format!("ledger-{account}-{from}_{to}"),
        Document::Arrears { as_of } => format!("arrears-{as_of}"),
        Document::MemberRegister { as_of } => format!("member-register-{as_of}"),
        Document::WelfareRules { as_of } => format!("welfare-rules-{as_of}"),
        Document::Committee { as_of } => format!("committee-{as_of}"),
        Document::ClaimsRegister { year } => format!("claims-register-{year}"),
        Document::CountSheet { month } => format!("cash-count-{month}"),
        Document::AuditorReport { year } => format!("auditor-report-{year}"),
        Document::Minutes { meeting } => format!("minutes-{meeting}"),
        Document::CollectionDay { date } => format!("collection-day-{date}"),
        Document::Codi { year } => format!("codi-{year}"),
        Document::DividendList { year } => format!("dividends-{year}"),
        Document::MatchingRequest { year } => format!("matching-request-{year}"),
    };
    // typed values (a Thai date `31/10/2569`) make a name that must hold on any stick
    crate::domain::file_name::portable(&format!("{stem}.{}", format.extension()))
}

/// Which report the preview screen shows: a month's summary, the trial balance or arrears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PreviewKind {
    Month,
    TrialBalance,
    Arrears,
}

impl PreviewKind {
    pub fn parse(input: &str) -> Result<PreviewKind> {
        crate::domain::choice::parse_choice(
            "kind",
            input,
            &[
                ("month", PreviewKind::Month),
                ("trial_balance", PreviewKind::TrialBalance),
                ("arrears", PreviewKind::Arrears),
            ],
        )
    }
}

/// The whole journal as hledger/ledger text (`render::journal`), streamed from the book.
pub fn journal_text(reader: &crate::store::Reader<'_>) -> Result<String> {
    let fund = reader.require_fund()?;
    let accounts = reader.accounts()?;
    crate::render::journal::journal_text(&fund, &accounts, |each| {
        reader.for_each_entry(|e| each(e))
    })
}
