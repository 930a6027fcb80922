//! clap definitions of every command and flag. Scripts depend on these exact forms.

use crate::domain::fund::{FundKind, FundProfile, Schedule};
use crate::domain::member::MemberFields;
use crate::domain::money::Sign;
use crate::domain::Satang;
use crate::error::{Error, Result};
use crate::ops::contributions::CollectLine;
use crate::ops::Ctx;
use crate::store::Store;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "kongthun",
    version,
    about = "กองทุน — books for Thai village welfare funds and savings groups"
)]
pub struct Cli {
    /// Database file (default: kongthun.sqlite in the user data folder).
    #[arg(long, global = true, env = "KONGTHUN_DB")]
    pub db: Option<PathBuf>,
    /// Print JSON instead of tables (read commands and results).
    #[arg(long, global = true)]
    pub json: bool,
    /// Name of the person recording (kept on every entry).
    #[arg(long, global = true, env = "KONGTHUN_USER", default_value = "เหรัญญิก")]
    pub by: String,
    /// Pretend the time is this RFC 3339 instant (scripts and tests).
    #[arg(long, global = true, env = "KONGTHUN_NOW", hide = true)]
    pub now: Option<String>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Build the deterministic demo fund in an empty database.
    Demo(DemoArgs),
    /// Create the fund in an empty database.
    Init(InitArgs),
    /// Show the fund profile.
    Fund,
    /// List the chart of accounts.
    Accounts,
    /// Members: add, edit, status, list, show, import.
    #[command(subcommand)]
    Member(MemberCommand),
    /// Record one member's contribution (and savings, entrance fee) on one receipt.
    Contribute(ContributeArgs),
    /// Collection day: record many members' payments at once.
    Collect(CollectArgs),
    /// Sajja savings deposit.
    Deposit(SavingsArgs),
    /// Sajja savings withdrawal.
    Withdraw(SavingsArgs),
    /// Other receipt (donation, grant, interest, fee ...).
    Receive(CashArgs),
    /// Payment (expense ...).
    Pay(CashArgs),
    /// Move money between cash and bank.
    Transfer(TransferArgs),
    /// Reverse an entry (never edit or delete).
    Reverse(ReverseArgs),
    /// Close a month: no entry may be dated in it afterwards.
    CloseMonth(CloseArgs),
    /// Record a cash count that did not agree (เงินขาดบัญชี / เงินเกินบัญชี) with its reason.
    CashDifference(CashDifferenceArgs),
    /// The auditor's month.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Members behind with their contributions.
    Arrears(ArrearsArgs),
    /// Apply the lapse rule as of a date.
    Lapse(AsOfArgs),
    /// List journal entries.
    Journal(JournalArgs),
    /// Reports.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Welfare rules (versioned).
    #[command(subcommand)]
    Rule(super::welfare::RuleCommand),
    /// Welfare claims: open, evaluate, approve, reject, pay.
    #[command(subcommand)]
    Claim(super::welfare::ClaimCommand),
    /// Set a committee member's role and term.
    Committee(super::welfare::CommitteeArgs),
    /// Meetings: new, attend, agenda, minutes, approve-minutes, list, show.
    #[command(subcommand)]
    Meeting(super::welfare::MeetingCommand),
    /// Record a resolution (มติ) with its votes.
    Resolution(super::welfare::ResolutionArgs),
    /// Matching money and the CODI request figures.
    #[command(subcommand)]
    Matching(super::welfare::MatchingCommand),
    /// Savings-group loans.
    #[command(subcommand)]
    Loan(super::welfare::LoanCommand),
    /// Year-end profit allocation (savings groups).
    Allocate(super::welfare::AllocateArgs),
    /// Signed bundles for the provincial office.
    #[command(subcommand)]
    Bundle(super::bundles::BundleCommand),
    /// The provincial office: enrol funds, import bundles, reports (its own database).
    #[command(subcommand)]
    Province(super::bundles::ProvinceCommand),
    /// Exports: the journal as plain-text accounting.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Bring an existing fund in from its paper or Excel books: template, then import.
    #[command(subcommand)]
    Migrate(super::commands_migrate::MigrateCommand),
    /// Recompute the hash chain and name the first broken entry.
    Verify,
    /// Write a verified backup into a folder.
    Backup(BackupArgs),
    /// Restore a backup (checked and verified before anything is replaced).
    Restore(RestoreArgs),
}

#[derive(Args, Debug)]
pub struct DemoArgs {
    #[arg(long, default_value_t = 300)]
    pub members: u32,
    #[arg(long, default_value_t = 3)]
    pub years: u32,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Last month of the demo (YYYY-MM); fixed by default so the same seed gives the same fund.
    #[arg(long)]
    pub until: Option<String>,
    /// welfare, savings or both.
    #[arg(long, default_value = "both", value_parser = parse_kind)]
    pub kind: FundKind,
}

fn parse_kind(s: &str) -> std::result::Result<FundKind, String> {
    FundKind::parse(s).map_err(|e| e.message_en())
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// Fund name in Thai.
    #[arg(long)]
    pub name: String,
    #[arg(long, default_value = "")]
    pub name_en: String,
    /// welfare, savings or both.
    #[arg(long, default_value = "welfare")]
    pub kind: String,
    /// Fund code (letters, digits, '-').
    #[arg(long)]
    pub code: String,
    #[arg(long, default_value = "")]
    pub village: String,
    #[arg(long)]
    pub moo: Option<u32>,
    #[arg(long, default_value = "")]
    pub tambon: String,
    #[arg(long, default_value = "")]
    pub amphoe: String,
    #[arg(long, default_value = "")]
    pub changwat: String,
    /// Month the fiscal year starts (1-12).
    #[arg(long, default_value_t = 1)]
    pub fiscal_year_start: u32,
    /// daily, monthly or yearly.
    #[arg(long, default_value = "daily")]
    pub schedule: String,
    /// Contribution per period in baht.
    #[arg(long, default_value = "1")]
    pub contribution: String,
    #[arg(long, default_value = "0")]
    pub entrance_fee: String,
    /// Missed periods after which a member lapses (0: never).
    #[arg(long, default_value_t = 0)]
    pub lapse_after: u32,
    #[arg(long)]
    pub thai_digits: bool,
    /// When the fund was really founded (default: today).
    #[arg(long)]
    pub founded_on: Option<String>,
    /// The first day kept in this book (default: today); nothing may be dated before it.
    #[arg(long)]
    pub books_start: Option<String>,
}

impl InitArgs {
    pub fn profile(&self) -> Result<FundProfile> {
        Ok(FundProfile {
            name_th: self.name.clone(),
            name_en: self.name_en.clone(),
            kind: FundKind::parse(&self.kind)?,
            fund_code: self.code.clone(),
            village: self.village.clone(),
            moo: self.moo,
            tambon: self.tambon.clone(),
            amphoe: self.amphoe.clone(),
            changwat: self.changwat.clone(),
            fiscal_year_start: self.fiscal_year_start,
            schedule: Schedule::parse(&self.schedule)?,
            contribution: Satang::parse_field("contribution", &self.contribution, Sign::Positive)?,
            entrance_fee: Satang::parse_field(
                "entrance_fee",
                &self.entrance_fee,
                Sign::NonNegative,
            )?,
            lapse_after: self.lapse_after,
            thai_digits: self.thai_digits,
        })
    }
}

#[derive(Subcommand, Debug)]
pub enum MemberCommand {
    Add(MemberAddArgs),
    Edit(MemberEditArgs),
    /// Change status: active, lapsed, resigned, deceased, expelled.
    Status(MemberStatusArgs),
    List(MemberListArgs),
    Show(MemberShowArgs),
    /// Import from CSV or XLSX (first row: column names in English or Thai).
    Import(MemberImportArgs),
}

/// Member fields as flags; all optional so `edit` can change only some.
#[derive(Args, Debug, Default)]
pub struct MemberFieldArgs {
    #[arg(long)]
    pub title: Option<String>,
    #[arg(long)]
    pub first_name: Option<String>,
    #[arg(long)]
    pub last_name: Option<String>,
    #[arg(long)]
    pub national_id: Option<String>,
    #[arg(long)]
    pub birth_date: Option<String>,
    #[arg(long)]
    pub sex: Option<String>,
    #[arg(long)]
    pub moo: Option<String>,
    #[arg(long)]
    pub address: Option<String>,
    #[arg(long)]
    pub phone: Option<String>,
    #[arg(long)]
    pub joined_on: Option<String>,
    /// disabled, disadvantaged, orphan (comma separated).
    #[arg(long)]
    pub groups: Option<String>,
    #[arg(long)]
    pub beneficiary_name: Option<String>,
    #[arg(long)]
    pub beneficiary_relation: Option<String>,
    #[arg(long)]
    pub beneficiary_national_id: Option<String>,
}

impl MemberFieldArgs {
    pub fn apply_to(&self, mut f: MemberFields) -> MemberFields {
        let set = |target: &mut String, v: &Option<String>| {
            if let Some(v) = v {
                *target = v.clone();
            }
        };
        set(&mut f.title, &self.title);
        set(&mut f.first_name, &self.first_name);
        set(&mut f.last_name, &self.last_name);
        set(&mut f.national_id, &self.national_id);
        set(&mut f.birth_date, &self.birth_date);
        set(&mut f.sex, &self.sex);
        set(&mut f.moo, &self.moo);
        set(&mut f.address, &self.address);
        set(&mut f.phone, &self.phone);
        set(&mut f.joined_on, &self.joined_on);
        set(&mut f.groups, &self.groups);
        set(&mut f.beneficiary_name, &self.beneficiary_name);
        set(&mut f.beneficiary_relation, &self.beneficiary_relation);
        set(&mut f.beneficiary_national_id, &self.beneficiary_national_id);
        f
    }
}

#[derive(Args, Debug)]
pub struct MemberAddArgs {
    /// Member number (default: the next free number).
    #[arg(long)]
    pub member_no: Option<String>,
    /// The resolution that admitted the member.
    #[arg(long)]
    pub resolution: Option<i64>,
    #[command(flatten)]
    pub fields: MemberFieldArgs,
}

impl MemberAddArgs {
    pub fn fields(&self) -> MemberFields {
        let mut f = self.fields.apply_to(MemberFields::default());
        f.member_no = self.member_no.clone().unwrap_or_default();
        f
    }
}

#[derive(Args, Debug)]
pub struct MemberEditArgs {
    pub member: String,
    #[command(flatten)]
    pub fields: MemberFieldArgs,
}

#[derive(Args, Debug)]
pub struct MemberStatusArgs {
    pub member: String,
    pub status: String,
    /// Effective date (default: today).
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long)]
    pub reason: String,
}

#[derive(Args, Debug)]
pub struct MemberListArgs {
    /// Member number, national ID, or the start of a first or last name.
    #[arg(long)]
    pub search: Option<String>,
    #[arg(long)]
    pub status: Option<String>,
    #[arg(long)]
    pub moo: Option<u32>,
    #[arg(long)]
    pub limit: Option<usize>,
}

#[derive(Args, Debug)]
pub struct MemberShowArgs {
    pub member: String,
}

#[derive(Args, Debug)]
pub struct MemberImportArgs {
    pub file: PathBuf,
    /// Import the good rows and report the bad ones (default: import nothing if any row is bad).
    #[arg(long)]
    pub good_rows: bool,
}

#[derive(Args, Debug)]
pub struct ContributeArgs {
    pub member: String,
    /// Contribution in baht (a whole number of periods).
    pub amount: String,
    #[arg(long)]
    pub savings: Option<String>,
    #[arg(long)]
    pub entrance_fee: Option<String>,
    #[arg(long)]
    pub date: Option<String>,
    /// cash or bank.
    #[arg(long, default_value = "cash")]
    pub to: String,
}

#[derive(Args, Debug)]
pub struct CollectArgs {
    #[arg(long)]
    pub date: Option<String>,
    /// CSV with columns member_no, contribution[, savings][, entrance_fee].
    #[arg(long, conflicts_with = "all_due")]
    pub file: Option<PathBuf>,
    /// Every member active on the day pays what the collection sheet shows as due: the
    /// arrears (or one period), and the entrance fee if it was never paid.
    #[arg(long)]
    pub all_due: bool,
    /// With --all-due: each member also saves this much.
    #[arg(long)]
    pub savings: Option<String>,
    #[arg(long, default_value = "cash")]
    pub to: String,
}

impl CollectArgs {
    pub fn lines(&self, store: &Store, date: chrono::NaiveDate) -> Result<Vec<CollectLine>> {
        if self.all_due {
            let savings = match &self.savings {
                Some(s) => Satang::parse_field("savings", s, Sign::NonNegative)?,
                None => Satang::ZERO,
            };
            return crate::ops::contributions::due_lines(store, date, savings);
        }
        let Some(path) = &self.file else {
            return Err(Error::invalid("file", "", crate::Problem::Empty));
        };
        let rows = crate::ops::import::read_rows(path)?;
        let Some((header, body)) = rows.split_first() else {
            return Err(Error::file(path, "is empty"));
        };
        let col = |name: &str| {
            header.iter().position(|h| h.trim().trim_start_matches('\u{feff}') == name)
        };
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
}

#[derive(Args, Debug)]
pub struct SavingsArgs {
    pub member: String,
    pub amount: String,
    #[arg(long)]
    pub date: Option<String>,
    /// cash or bank.
    #[arg(long = "till", alias = "to", alias = "from", default_value = "cash")]
    pub till: String,
}

#[derive(Args, Debug)]
pub struct CashArgs {
    /// Counter account code (see `kongthun accounts`).
    pub account: String,
    pub amount: String,
    /// What it was for.
    #[arg(long)]
    pub memo: String,
    #[arg(long)]
    pub date: Option<String>,
    /// cash or bank.
    #[arg(long = "till", alias = "to", alias = "from", default_value = "cash")]
    pub till: String,
    #[arg(long)]
    pub member: Option<String>,
    /// The committee resolution that decided this payment.
    #[arg(long)]
    pub resolution: Option<i64>,
}

impl CashArgs {
    pub fn to_move(&self, ctx: &Ctx) -> crate::ops::cashbook::CashMove {
        crate::ops::cashbook::CashMove {
            account: self.account.clone(),
            amount: self.amount.clone(),
            date: self.date.clone().unwrap_or_else(|| ctx.today().to_string()),
            till: self.till.clone(),
            description: self.memo.clone(),
            member_no: self.member.clone(),
        }
    }
}

#[derive(Args, Debug)]
pub struct TransferArgs {
    pub from: String,
    pub to: String,
    pub amount: String,
    #[arg(long)]
    pub date: Option<String>,
    #[arg(long, default_value = "")]
    pub memo: String,
}

#[derive(Args, Debug)]
pub struct ReverseArgs {
    /// Entry id or document number.
    pub entry: String,
    #[arg(long)]
    pub reason: String,
    #[arg(long)]
    pub date: Option<String>,
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

#[derive(Args, Debug)]
pub struct ArrearsArgs {
    #[arg(long)]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub out: FileOutputs,
}

#[derive(Args, Debug)]
pub struct AsOfArgs {
    #[arg(long)]
    pub as_of: Option<String>,
}

impl AsOfArgs {
    pub fn as_of(&self, ctx: &Ctx) -> Result<NaiveDate> {
        match &self.as_of {
            Some(s) => crate::domain::date::parse_field("as_of", s),
            None => Ok(ctx.today()),
        }
    }
}

#[derive(Args, Debug)]
pub struct JournalArgs {
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub member: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum ReportCommand {
    /// Trial balance as of a date (default: today).
    TrialBalance(TrialBalanceArgs),
    /// One month's receipts, payments and balances.
    Month(MonthArgs),
    /// The monthly statement for public posting (one A4 page).
    Statement(StatementArgs),
    /// The yearly report (fiscal year YEAR, CE or BE).
    Year(YearArgs),
    /// A member's passbook: contributions and sajja savings.
    Passbook(PassbookArgs),
    /// Receipt or payment voucher of one entry.
    Voucher(VoucherArgs),
    /// General ledger of one account.
    Ledger(LedgerArgs),
    /// The member register (ทะเบียนสมาชิก) with every change of status.
    Members(TrialBalanceArgs),
    /// The welfare rules (ระเบียบสวัสดิการ): every version, the one in force marked.
    Rules(TrialBalanceArgs),
    /// The committee (รายชื่อคณะกรรมการ): every term, who is in office.
    Committee(TrialBalanceArgs),
    /// The claims register (ทะเบียนคำขอรับสวัสดิการ) of fiscal year YEAR (CE or BE).
    Claims(YearArgs),
    /// The cash-count and bank reconciliation sheet of a month (one A4 page; blank lines to
    /// count onto while the month is not counted).
    CashCount(CountSheetArgs),
    /// The auditor's yearly report (รายงานผู้ตรวจสอบ) of fiscal year YEAR (CE or BE).
    Auditor(YearArgs),
}

#[derive(Args, Debug)]
pub struct CountSheetArgs {
    /// YYYY-MM (CE or BE year).
    pub month: String,
    #[arg(long)]
    pub pdf: PathBuf,
}

#[derive(Args, Debug)]
pub struct YearArgs {
    pub year: i32,
    #[command(flatten)]
    pub out: FileOutputs,
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

/// Where to write a report as a file (otherwise it is printed).
#[derive(Args, Debug, Default)]
pub struct FileOutputs {
    #[arg(long)]
    pub pdf: Option<PathBuf>,
    #[arg(long)]
    pub csv: Option<PathBuf>,
    #[arg(long)]
    pub xlsx: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct TrialBalanceArgs {
    #[arg(long)]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub out: FileOutputs,
}

impl TrialBalanceArgs {
    pub fn as_of(&self, ctx: &Ctx) -> Result<NaiveDate> {
        AsOfArgs { as_of: self.as_of.clone() }.as_of(ctx)
    }
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
    /// Fiscal year (CE or BE).
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

#[derive(Args, Debug)]
pub struct BackupArgs {
    pub dir: PathBuf,
}

#[derive(Args, Debug)]
pub struct RestoreArgs {
    pub file: PathBuf,
}
