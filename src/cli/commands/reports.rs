//! The month's end and the documents: month close with the count, cash differences, the
//! auditor's sign-off, every report through `ops::documents`, the yearly and journal exports.
use super::super::common::*;
use super::super::print;
use crate::domain::input::Input;
use crate::error::{Error, Result};
use crate::ops::{self, Ctx};
use crate::store::Store;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum ReportsCommand {
    /// Close a month: no entry may be dated in it afterwards.
    CloseMonth(CloseArgs),
    /// Record a cash count that did not agree (เงินขาดบัญชี / เงินเกินบัญชี) with its reason.
    CashDifference(CashDifferenceArgs),
    /// The auditor's month.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Exports: the journal as plain-text accounting.
    #[command(subcommand)]
    Export(ExportCommand),
}

pub fn run(store: &mut Store, ctx: &Ctx, json: bool, command: ReportsCommand) -> Result<()> {
    match command {
        ReportsCommand::CloseMonth(a) => {
            let check = ops::close::MonthCheckText {
                cash_counted: a.cash_counted.as_deref().unwrap_or(""),
                bank_statement: a.bank_statement.as_deref().unwrap_or(""),
                in_transit: &a.in_transit,
                uncleared: &a.uncleared,
                notes_and_coins: &a.notes_and_coins,
            }
            .parse()?;
            let out = ops::close::close_month_checked(store, ctx, &a.month, check.as_ref())?;
            print::output(json, &out, || print::closed(&out));
        }
        ReportsCommand::CashDifference(a) => {
            let r = ops::cashbook::record_cash_difference(
                store,
                ctx,
                &Input::day_or("date", a.date.as_deref(), ctx.today())?,
                &Input::amount("amount", &a.difference, crate::domain::money::Sign::Any)?,
                &a.reason,
            )?;
            print::output(json, &r, || print::posted(&r));
        }
        ReportsCommand::Audit(AuditCommand::Sign { month, auditor, remarks }) => {
            let row = ops::close::sign_audit(store, ctx, &month, &auditor, &remarks)?;
            print::output(json, &row, || {
                println!("ลงนามตรวจสอบแล้ว / signed: {} {}", row.month, row.auditor)
            });
        }
        ReportsCommand::Report(ReportCommand::TrialBalance(a)) => {
            let as_of = a.as_of(ctx)?;
            let doc = ops::documents::Document::TrialBalance { as_of: as_of.to_string() };
            if !save_outputs(store, ctx, &doc, &a.out)? {
                let tb = crate::report::trial_balance(&store.read(), as_of)?;
                print::output(json, &tb, || print::trial_balance(&tb));
            }
        }
        ReportsCommand::Report(ReportCommand::Month(a)) => {
            let (y, m) = crate::domain::date::parse_month(&a.month)
                .map_err(|p| Error::invalid("month", &a.month, p))?;
            let doc = ops::documents::Document::Month { month: format!("{y:04}-{m:02}") };
            if !save_outputs(store, ctx, &doc, &a.out)? {
                let summary = crate::report::month_summary(&store.read(), y, m)?;
                print::output(json, &summary, || print::month(&summary));
            }
        }
        ReportsCommand::Report(ReportCommand::Statement(a)) => {
            let (y, m) = crate::domain::date::parse_month(&a.month)
                .map_err(|p| Error::invalid("month", &a.month, p))?;
            let doc = ops::documents::Document::Statement {
                month: format!("{y:04}-{m:02}"),
                names: a.names,
            };
            save_pdf(store, ctx, &doc, &a.pdf)?;
        }
        ReportsCommand::Report(ReportCommand::Year(a)) => {
            let doc = ops::documents::Document::Year { year: a.year };
            if !save_outputs(store, ctx, &doc, &a.out)? {
                let reader = store.read();
                let year = reader.require_fund()?.profile.fiscal_year_named(a.year)?;
                let report = crate::report::yearly(&reader, year, ctx.today())?;
                print::output(true, &report, || {});
            }
        }
        ReportsCommand::Report(ReportCommand::Passbook(a)) => match &a.pdf {
            Some(path) => {
                let doc = ops::documents::Document::Passbook { member_no: a.member.clone() };
                save_pdf(store, ctx, &doc, path)?;
            }
            None => {
                let pb = crate::report::books::passbook(&store.read(), &a.member, ctx.today())?;
                print::output(true, &pb, || {});
            }
        },
        ReportsCommand::Report(ReportCommand::Voucher(a)) => {
            let doc = ops::documents::Document::Voucher { entry: a.entry.clone() };
            save_pdf(store, ctx, &doc, &a.pdf)?;
        }
        ReportsCommand::Report(ReportCommand::Ledger(a)) => {
            let doc = ops::documents::Document::Ledger {
                account: a.account.clone(),
                from: a.from.clone(),
                to: a.to.clone(),
            };
            match &a.pdf {
                Some(path) => save_pdf(store, ctx, &doc, path)?,
                None => {
                    let from = crate::domain::date::parse_field("from", &a.from)?;
                    let to = crate::domain::date::parse_field("to", &a.to)?;
                    let gl =
                        crate::report::books::general_ledger(&store.read(), &a.account, from, to)?;
                    print::output(true, &gl, || {});
                }
            }
        }
        ReportsCommand::Report(ReportCommand::Members(a)) => {
            let as_of = a.as_of(ctx)?.to_string();
            register(store, ctx, &ops::documents::Document::MemberRegister { as_of }, &a.out)?;
        }
        ReportsCommand::Report(ReportCommand::Rules(a)) => {
            let as_of = a.as_of(ctx)?.to_string();
            register(store, ctx, &ops::documents::Document::WelfareRules { as_of }, &a.out)?;
        }
        ReportsCommand::Report(ReportCommand::Committee(a)) => {
            let as_of = a.as_of(ctx)?.to_string();
            register(store, ctx, &ops::documents::Document::Committee { as_of }, &a.out)?;
        }
        ReportsCommand::Report(ReportCommand::Claims(a)) => {
            let doc = ops::documents::Document::ClaimsRegister { year: a.year };
            register(store, ctx, &doc, &a.out)?;
        }
        ReportsCommand::Report(ReportCommand::CashCount(a)) => {
            let doc = ops::documents::Document::CountSheet { month: a.month.clone() };
            save_pdf(store, ctx, &doc, &a.pdf)?;
        }
        ReportsCommand::Report(ReportCommand::Auditor(a)) => {
            let doc = ops::documents::Document::AuditorReport { year: a.year };
            register(store, ctx, &doc, &a.out)?;
        }
        ReportsCommand::Report(ReportCommand::MatchingRequest(a)) => {
            let doc = ops::documents::Document::MatchingRequest { year: a.year };
            register(store, ctx, &doc, &a.out)?;
        }
        ReportsCommand::Report(ReportCommand::Dividends(a)) => {
            let doc = ops::documents::Document::DividendList { year: a.year };
            register(store, ctx, &doc, &a.out)?;
        }
        ReportsCommand::Export(ExportCommand::Year(a)) => {
            let out = ops::export::export_year(store, a.year, ctx.today(), &a.to)?;
            print::output(json, &out, || {
                println!("ส่งออกรายงานประจำปีแล้ว / yearly report exported: {}", out.folder.display());
                for f in &out.files {
                    println!("  {}  {}", f.sha256, f.name);
                }
                println!("อ่านกลับตรวจสอบแล้วทุกแฟ้ม / every file read back and verified");
            });
        }
        ReportsCommand::Export(ExportCommand::Journal(a)) => {
            let text = crate::ops::documents::journal_text(&store.read())?;
            match &a.to {
                Some(path) => {
                    ops::atomic::write_atomic(path, text.as_bytes())?;
                    println!("เขียนแล้ว / written: {}", path.display());
                }
                None => print!("{text}"),
            }
        }
    }
    Ok(())
}

/// Save one PDF by the app's document path and say where it went.
fn save_pdf(store: &Store, ctx: &Ctx, doc: &ops::documents::Document, path: &Path) -> Result<()> {
    let saved = ops::documents::save(store, ctx, doc, ops::documents::Format::Pdf, path)?;
    println!("เขียนแล้ว / written: {} ({} bytes)", saved.path.display(), saved.bytes);
    Ok(())
}

/// A register: to the files asked for, or else printed as its CSV (titled sections in Thai,
/// as a spreadsheet would show them).
fn register(
    store: &Store,
    ctx: &Ctx,
    doc: &ops::documents::Document,
    out: &FileOutputs,
) -> Result<()> {
    if !save_outputs(store, ctx, doc, out)? {
        let csv = ops::documents::render(store, ctx, doc, ops::documents::Format::Csv)?;
        print!("{}", String::from_utf8_lossy(&csv));
    }
    Ok(())
}

#[derive(Args, Debug)]
pub struct CloseArgs {
    /// YYYY-MM (CE or BE year).
    pub month: String,
    /// The cash counted at the month's end; with it the close checks the count and the bank.
    #[arg(long)]
    pub cash_counted: Option<String>,
    /// The bank account's (1102) balance in the passbook or statement at the month's end.
    #[arg(long)]
    pub bank_statement: Option<String>,
    /// Deposits made but not yet in the passbook.
    #[arg(long, default_value = "0")]
    pub in_transit: String,
    /// Payments made but not yet cleared by the bank.
    #[arg(long, default_value = "0")]
    pub uncleared: String,
    /// The notes and coins counted, e.g. `1000x3,100x7,0.25x4` (face in baht x pieces);
    /// they must add up to the cash counted.
    #[arg(long, default_value = "")]
    pub notes_and_coins: String,
}

#[derive(Args, Debug)]
pub struct CashDifferenceArgs {
    /// Counted minus the cash account, signed: `-20` short, `15.50` over.
    #[arg(allow_hyphen_values = true)]
    pub difference: String,
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
    pub date: Option<String>,
}

#[derive(clap::Subcommand, Debug)]
pub enum AuditCommand {
    /// The auditor signs a month that has ended, before it closes.
    Sign {
        month: String,
        #[arg(long)]
        auditor: String,
        #[arg(long, default_value = "")]
        remarks: String,
    },
}

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// Trial balance as of a date (default: today).
    TrialBalance(AsOfFileArgs),
    /// One month's receipts, payments and balances.
    Month(MonthArgs),
    /// The monthly statement for public posting (one A4 page).
    Statement(StatementArgs),
    /// The yearly report (fiscal year YEAR, CE or BE, named by the year it ends in).
    Year(YearArgs),
    /// A member's passbook: contributions and sajja savings.
    Passbook(PassbookArgs),
    /// Receipt or payment voucher of one entry.
    Voucher(VoucherArgs),
    /// General ledger of one account.
    Ledger(LedgerArgs),
    /// The member register (ทะเบียนสมาชิก) with every change of status.
    Members(AsOfFileArgs),
    /// The welfare rules (ระเบียบสวัสดิการ): every version, the one in force marked.
    Rules(AsOfFileArgs),
    /// The committee (รายชื่อคณะกรรมการ): every term, who is in office.
    Committee(AsOfFileArgs),
    /// The claims register (ทะเบียนคำขอรับสวัสดิการ) of fiscal year YEAR (CE or BE).
    Claims(YearArgs),
    /// The cash-count and bank reconciliation sheet of a month (one A4 page; blank lines to
    /// count onto while the month is not counted).
    CashCount(CountSheetArgs),
    /// The auditor's yearly report (รายงานผู้ตรวจสอบ) of fiscal year YEAR (CE or BE).
    Auditor(YearArgs),
    /// รายชื่อสมาชิกที่ขอรับเงินสมทบจากรัฐบาล for the counting day 30 September of YEAR.
    MatchingRequest(YearArgs),
    /// รายชื่อผู้รับเงินปันผลและเฉลี่ยคืน: the year's shares, how each was paid, to sign.
    Dividends(YearArgs),
}

#[derive(Args, Debug)]
pub struct CountSheetArgs {
    /// YYYY-MM (CE or BE year).
    pub month: String,
    #[arg(long)]
    pub pdf: PathBuf,
}

#[derive(Args, Debug)]
pub struct PassbookArgs {
    pub member: String,
    #[arg(long)]
    pub pdf: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct VoucherArgs {
    /// Entry id or document number.
    pub entry: String,
    #[arg(long)]
    pub pdf: PathBuf,
}

#[derive(Args, Debug)]
pub struct LedgerArgs {
    pub account: String,
    #[arg(long)]
    pub from: String,
    #[arg(long)]
    pub to: String,
    #[arg(long)]
    pub pdf: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct MonthArgs {
    pub month: String,
    #[command(flatten)]
    pub out: FileOutputs,
}

#[derive(Args, Debug)]
pub struct StatementArgs {
    /// YYYY-MM (CE or BE year).
    #[arg(long)]
    pub month: String,
    #[arg(long)]
    pub pdf: PathBuf,
    /// List welfare recipients by name (default: counts only).
    #[arg(long)]
    pub names: bool,
}

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// The whole journal as hledger/ledger text.
    Journal(JournalExportArgs),
    /// The yearly report set (PDF, CSV, XLSX) into a new folder on a USB stick, verified.
    Year(ExportYearArgs),
}

#[derive(Args, Debug)]
pub struct ExportYearArgs {
    /// Fiscal year (CE or BE), named by the year it ends in (Oct 2568 – Sep 2569 is 2569).
    pub year: i32,
    #[arg(long)]
    pub to: PathBuf,
}

#[derive(Args, Debug)]
pub struct JournalExportArgs {
    /// File to write (default: print).
    #[arg(long)]
    pub to: Option<PathBuf>,
}
