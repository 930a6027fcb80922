//! The `kongthun` command line: clap definitions and one short handler per command, each
//! calling an operation and printing its result (a table in Thai, or JSON with `--json`).
//! Errors go to stderr in Thai and English, naming the field and value, with exit code 1
//! (2 for usage errors, which clap reports itself).

mod args;
mod bundles;
mod commands_migrate;
mod print;
mod welfare;

use crate::domain::money::Sign;
use crate::domain::{MemberStatus, Satang};
use crate::error::{Error, Result};
use crate::ops::{self, Ctx};
use crate::store::{MemberFilter, Store};
use args::{Cli, Command, ExportCommand, FileOutputs, MemberCommand, ReportCommand};
use chrono::{DateTime, Utc};
use clap::Parser;
use std::path::{Path, PathBuf};

/// Run the CLI with the process arguments; returns the exit code.
pub fn main() -> i32 {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("ผิดพลาด: {}", e.message_th());
            eprintln!("error: {}", e.message_en());
            for r in rows_of(&e) {
                eprintln!("  แถว/row {}: {} / {}", r.row, r.message_th, r.message_en);
            }
            1
        }
    }
}

fn rows_of(e: &Error) -> &[crate::error::RowError] {
    match e {
        Error::ImportRejected { rows, .. } => rows,
        _ => &[],
    }
}

/// Where the fund's database lives when `--db` is not given.
pub fn default_db_path() -> PathBuf {
    dirs::data_dir().unwrap_or_else(|| PathBuf::from(".")).join("kongthun").join("kongthun.sqlite")
}

fn ctx(cli: &Cli) -> Result<Ctx> {
    let now = match &cli.now {
        Some(text) => DateTime::parse_from_rfc3339(text)
            .map_err(|_| Error::invalid("now", text, crate::Problem::BadDate))?
            .with_timezone(&Utc),
        None => Utc::now(),
    };
    Ctx::new(cli.by.clone(), now)
}

fn date_or_today(ctx: &Ctx, date: &Option<String>) -> String {
    date.clone().unwrap_or_else(|| ctx.today().to_string())
}

fn amount(field: &'static str, input: &Option<String>) -> Result<Satang> {
    match input {
        Some(text) => Satang::parse_field(field, text, Sign::NonNegative),
        None => Ok(Satang::ZERO),
    }
}

fn run(cli: Cli) -> Result<()> {
    let ctx = ctx(&cli)?;
    let db = cli.db.clone().unwrap_or_else(default_db_path);
    let json = cli.json;
    let Some(command) = cli.command else {
        return open_default(&db, &ctx);
    };
    if let Command::Province(c) = command {
        let db = cli.db.clone().unwrap_or_else(bundles::province_db_path);
        return bundles::province(&db, &ctx, json, c);
    }
    let mut store = Store::open(&db)?;
    match command {
        Command::Province(_) => unreachable!("handled above"),
        Command::Bundle(c) => bundles::bundle(&mut store, &ctx, &db, json, c)?,
        Command::Migrate(c) => commands_migrate::run(&mut store, &ctx, json, c)?,
        Command::Demo(a) => {
            let until = match &a.until {
                Some(m) => crate::domain::date::parse_month(m)
                    .map_err(|p| Error::invalid("month", m, p))?,
                None => crate::demo::DEFAULT_UNTIL,
            };
            let summary = crate::demo::build(
                &mut store,
                &crate::demo::DemoSpec {
                    members: a.members,
                    years: a.years,
                    seed: a.seed,
                    until,
                    kind: a.kind,
                    ..Default::default()
                },
            )?;
            print::output(json, &summary, || print::demo(&summary));
        }
        Command::Init(a) => {
            let profile = a.profile()?;
            ops::fund::init_fund(&mut store, &ctx, &profile)?;
            if a.founded_on.is_some() || a.books_start.is_some() {
                let today = ctx.today().to_string();
                let start = a.books_start.clone().unwrap_or(today.clone());
                let founded = a.founded_on.clone().unwrap_or(start.clone());
                ops::fund::set_start(&mut store, &ctx, &founded, &start, "")?;
            }
            let fund = store.read().require_fund()?;
            print::output(json, &fund, || print::fund(&fund));
        }
        Command::Fund => {
            let fund = store.read().require_fund()?;
            print::output(json, &fund, || print::fund(&fund));
        }
        Command::Accounts => {
            let accounts = store.read().accounts()?;
            print::output(json, &accounts, || print::accounts(&accounts));
        }
        Command::Member(m) => member(&mut store, &ctx, json, m)?,
        Command::Contribute(a) => {
            let line = ops::contributions::CollectLine {
                member_no: a.member,
                contribution: Satang::parse_field("contribution", &a.amount, Sign::NonNegative)?,
                savings: amount("savings", &a.savings)?,
                entrance_fee: amount("entrance_fee", &a.entrance_fee)?,
            };
            let out = ops::contributions::collect(
                &mut store,
                &ctx,
                &date_or_today(&ctx, &a.date),
                &a.to,
                &[line],
            )?;
            print::output(json, &out, || print::collect(&out));
        }
        Command::Collect(a) => {
            let date_text = date_or_today(&ctx, &a.date);
            let lines = a.lines(&store, crate::domain::date::parse_field("date", &date_text)?)?;
            let out = ops::contributions::collect(&mut store, &ctx, &date_text, &a.to, &lines)?;
            print::output(json, &out, || print::collect(&out));
        }
        Command::Deposit(a) => {
            let r = ops::savings::deposit(
                &mut store,
                &ctx,
                &a.member,
                &a.amount,
                &date_or_today(&ctx, &a.date),
                &a.till,
            )?;
            print::output(json, &r, || print::posted(&r));
        }
        Command::Withdraw(a) => {
            let r = ops::savings::withdraw(
                &mut store,
                &ctx,
                &a.member,
                &a.amount,
                &date_or_today(&ctx, &a.date),
                &a.till,
            )?;
            print::output(json, &r, || print::posted(&r));
        }
        Command::Receive(a) => {
            let r = ops::cashbook::receive(&mut store, &ctx, &a.to_move(&ctx))?;
            print::output(json, &r, || print::posted(&r));
        }
        Command::Pay(a) => {
            let r = match a.resolution {
                Some(res) => {
                    ops::cashbook::pay_by_resolution(&mut store, &ctx, &a.to_move(&ctx), res)?
                }
                None => ops::cashbook::pay(&mut store, &ctx, &a.to_move(&ctx))?,
            };
            print::output(json, &r, || print::posted(&r));
        }
        Command::Transfer(a) => {
            let r = ops::cashbook::transfer(
                &mut store,
                &ctx,
                &a.from,
                &a.to,
                &a.amount,
                &date_or_today(&ctx, &a.date),
                &a.memo,
            )?;
            print::output(json, &r, || print::posted(&r));
        }
        Command::Reverse(a) => {
            let r =
                ops::reversal::reverse(&mut store, &ctx, &a.entry, &a.reason, a.date.as_deref())?;
            print::output(json, &r, || print::posted(&r));
        }
        Command::CloseMonth(a) => {
            let check = ops::close::MonthCheckText {
                cash_counted: a.cash_counted.as_deref().unwrap_or(""),
                bank_statement: a.bank_statement.as_deref().unwrap_or(""),
                in_transit: &a.in_transit,
                uncleared: &a.uncleared,
                notes_and_coins: &a.notes_and_coins,
            }
            .parse()?;
            let out = ops::close::close_month_checked(&mut store, &ctx, &a.month, check.as_ref())?;
            print::output(json, &out, || print::closed(&out));
        }
        Command::CashDifference(a) => {
            let r = ops::cashbook::record_cash_difference(
                &mut store,
                &ctx,
                &date_or_today(&ctx, &a.date),
                &a.difference,
                &a.reason,
            )?;
            print::output(json, &r, || print::posted(&r));
        }
        Command::Audit(args::AuditCommand::Sign { month, auditor, remarks }) => {
            let row = ops::close::sign_audit(&mut store, &ctx, &month, &auditor, &remarks)?;
            print::output(json, &row, || {
                println!("ลงนามตรวจสอบแล้ว / signed: {} {}", row.month, row.auditor)
            });
        }
        Command::Arrears(a) => {
            let as_of = args::AsOfArgs { as_of: a.as_of.clone() }.as_of(&ctx)?;
            let doc = ops::documents::Document::Arrears { as_of: as_of.to_string() };
            if !save_outputs(&store, &ctx, &doc, &a.out)? {
                let rows = ops::contributions::arrears(&store, as_of)?;
                print::output(json, &rows, || print::arrears(&rows, as_of));
            }
        }
        Command::Lapse(a) => {
            let as_of = a.as_of(&ctx)?;
            let lapsed = ops::contributions::apply_lapse(&mut store, &ctx, as_of)?;
            print::output(json, &lapsed, || {
                println!("พ้นสภาพเพราะขาดส่ง / lapsed: {}", lapsed.len())
            });
        }
        Command::Journal(a) => {
            let from = a
                .from
                .as_deref()
                .map(|s| crate::domain::date::parse_field("from", s))
                .transpose()?;
            let to =
                a.to.as_deref().map(|s| crate::domain::date::parse_field("to", s)).transpose()?;
            let member_id = match &a.member {
                Some(no) => Some(ops::member_by_no(&store.read(), no)?.id),
                None => None,
            };
            let from = from.map(|d| d.to_string()).unwrap_or_else(|| "0000-01-01".into());
            let to = to.map(|d| d.to_string()).unwrap_or_else(|| "9999-12-31".into());
            let entries = store.read().entries_between(&from, &to, member_id)?;
            print::output(json, &entries, || print::journal(&entries));
        }
        Command::Report(ReportCommand::TrialBalance(a)) => {
            let as_of = a.as_of(&ctx)?;
            let doc = ops::documents::Document::TrialBalance { as_of: as_of.to_string() };
            if !save_outputs(&store, &ctx, &doc, &a.out)? {
                let tb = crate::report::trial_balance(&store.read(), as_of)?;
                print::output(json, &tb, || print::trial_balance(&tb));
            }
        }
        Command::Report(ReportCommand::Month(a)) => {
            let (y, m) = crate::domain::date::parse_month(&a.month)
                .map_err(|p| Error::invalid("month", &a.month, p))?;
            let doc = ops::documents::Document::Month { month: format!("{y:04}-{m:02}") };
            if !save_outputs(&store, &ctx, &doc, &a.out)? {
                let summary = crate::report::month_summary(&store.read(), y, m)?;
                print::output(json, &summary, || print::month(&summary));
            }
        }
        Command::Report(ReportCommand::Statement(a)) => {
            let (y, m) = crate::domain::date::parse_month(&a.month)
                .map_err(|p| Error::invalid("month", &a.month, p))?;
            let doc = ops::documents::Document::Statement {
                month: format!("{y:04}-{m:02}"),
                names: a.names,
            };
            save_pdf(&store, &ctx, &doc, &a.pdf)?;
        }
        Command::Report(ReportCommand::Year(a)) => {
            let doc = ops::documents::Document::Year { year: a.year };
            if !save_outputs(&store, &ctx, &doc, &a.out)? {
                let report = crate::report::yearly(
                    &store.read(),
                    crate::domain::date::ce_year(a.year)?,
                    ctx.today(),
                )?;
                print::output(true, &report, || {});
            }
        }
        Command::Report(ReportCommand::Passbook(a)) => match &a.pdf {
            Some(path) => {
                let doc = ops::documents::Document::Passbook { member_no: a.member.clone() };
                save_pdf(&store, &ctx, &doc, path)?;
            }
            None => {
                let pb = crate::report::books::passbook(&store.read(), &a.member, ctx.today())?;
                print::output(true, &pb, || {});
            }
        },
        Command::Report(ReportCommand::Voucher(a)) => {
            let doc = ops::documents::Document::Voucher { entry: a.entry.clone() };
            save_pdf(&store, &ctx, &doc, &a.pdf)?;
        }
        Command::Report(ReportCommand::Ledger(a)) => {
            let doc = ops::documents::Document::Ledger {
                account: a.account.clone(),
                from: a.from.clone(),
                to: a.to.clone(),
            };
            match &a.pdf {
                Some(path) => save_pdf(&store, &ctx, &doc, path)?,
                None => {
                    let from = crate::domain::date::parse_field("from", &a.from)?;
                    let to = crate::domain::date::parse_field("to", &a.to)?;
                    let gl =
                        crate::report::books::general_ledger(&store.read(), &a.account, from, to)?;
                    print::output(true, &gl, || {});
                }
            }
        }
        Command::Report(ReportCommand::Members(a)) => {
            let as_of = a.as_of(&ctx)?.to_string();
            register(&store, &ctx, &ops::documents::Document::MemberRegister { as_of }, &a.out)?;
        }
        Command::Report(ReportCommand::Rules(a)) => {
            let as_of = a.as_of(&ctx)?.to_string();
            register(&store, &ctx, &ops::documents::Document::WelfareRules { as_of }, &a.out)?;
        }
        Command::Report(ReportCommand::Committee(a)) => {
            let as_of = a.as_of(&ctx)?.to_string();
            register(&store, &ctx, &ops::documents::Document::Committee { as_of }, &a.out)?;
        }
        Command::Report(ReportCommand::Claims(a)) => {
            let doc = ops::documents::Document::ClaimsRegister { year: a.year };
            register(&store, &ctx, &doc, &a.out)?;
        }
        Command::Report(ReportCommand::CashCount(a)) => {
            let doc = ops::documents::Document::CountSheet { month: a.month.clone() };
            save_pdf(&store, &ctx, &doc, &a.pdf)?;
        }
        Command::Report(ReportCommand::Auditor(a)) => {
            let doc = ops::documents::Document::AuditorReport { year: a.year };
            register(&store, &ctx, &doc, &a.out)?;
        }
        Command::Export(ExportCommand::Year(a)) => {
            let year = crate::domain::date::ce_year(a.year)?;
            let out = ops::export::export_year(&store, year, ctx.today(), &a.to)?;
            print::output(json, &out, || {
                println!("ส่งออกรายงานประจำปีแล้ว / yearly report exported: {}", out.folder.display());
                for f in &out.files {
                    println!("  {}  {}", f.sha256, f.name);
                }
                println!("อ่านกลับตรวจสอบแล้วทุกแฟ้ม / every file read back and verified");
            });
        }
        Command::Export(ExportCommand::Journal(a)) => {
            let text = crate::ops::documents::journal_text(&store.read())?;
            match &a.to {
                Some(path) => {
                    ops::export::write_atomic(path, text.as_bytes())?;
                    println!("เขียนแล้ว / written: {}", path.display());
                }
                None => print!("{text}"),
            }
        }
        Command::Rule(c) => welfare::rule(&mut store, &ctx, json, c)?,
        Command::Claim(c) => welfare::claim(&mut store, &ctx, json, c)?,
        Command::Committee(a) => welfare::committee(&mut store, json, a)?,
        Command::Meeting(c) => welfare::meeting(&mut store, &ctx, json, c)?,
        Command::Resolution(a) => welfare::resolution(&mut store, &ctx, json, a)?,
        Command::Matching(c) => welfare::matching(&mut store, &ctx, json, c)?,
        Command::Loan(c) => welfare::loan(&mut store, &ctx, json, c)?,
        Command::Allocate(a) => welfare::allocate(&mut store, &ctx, json, a)?,
        Command::Verify => {
            let report = store.read().verify_chain()?;
            print::output(json, &report, || print::verified(&report));
        }
        Command::Backup(a) => {
            let out = ops::backup::backup(&mut store, &ctx, &a.dir)?;
            print::output(json, &out, || {
                println!("สำรองข้อมูลแล้ว / backup written: {}", out.path.display());
                println!(
                    "รายการ / entries: {}  ลายนิ้วมือ / fingerprint: {}",
                    out.entries, out.fingerprint
                );
            });
        }
        Command::Restore(a) => {
            let out = ops::backup::restore(&mut store, &ctx, &a.file)?;
            print::output(json, &out, || {
                println!("กู้คืนข้อมูลแล้ว / restored: {} ({} entries)", out.fund_name, out.entries);
                println!("ลายนิ้วมือ / fingerprint: {}", out.fingerprint);
                if let Some(copy) = &out.previous_copy {
                    println!("ข้อมูลเดิมเก็บไว้ที่ / previous data kept at: {}", copy.display());
                }
            });
        }
    }
    Ok(())
}

/// Save a document to each file asked for (PDF, CSV, XLSX) by the one path the app uses too
/// (`ops::documents`), so both front ends write the same bytes; false if none was asked
/// (the caller prints instead).
fn save_outputs(
    store: &Store,
    ctx: &Ctx,
    doc: &ops::documents::Document,
    out: &FileOutputs,
) -> Result<bool> {
    use ops::documents::Format;
    let mut wrote = false;
    for (path, format) in
        [(&out.pdf, Format::Pdf), (&out.csv, Format::Csv), (&out.xlsx, Format::Xlsx)]
    {
        if let Some(path) = path {
            let saved = ops::documents::save(store, ctx, doc, format, path)?;
            println!("เขียนแล้ว / written: {} ({} bytes)", saved.path.display(), saved.bytes);
            wrote = true;
        }
    }
    Ok(wrote)
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

/// `kongthun` with no command: open the default database, creating the demo fund the first
/// time, and show the fund, this month's figures and the trial balance.
fn open_default(db: &std::path::Path, ctx: &Ctx) -> Result<()> {
    let mut store = Store::open(db)?;
    if store.read().fund()?.is_none() {
        println!("สร้างกองทุนตัวอย่างใน / creating the demo fund in {}", db.display());
        let summary = crate::demo::build(&mut store, &crate::demo::DemoSpec::default())?;
        print::demo(&summary);
    }
    let fund = store.read().require_fund()?;
    print::fund(&fund);
    let tb = crate::report::trial_balance(&store.read(), ctx.today())?;
    print::trial_balance(&tb);
    Ok(())
}

fn member(store: &mut Store, ctx: &Ctx, json: bool, command: MemberCommand) -> Result<()> {
    match command {
        MemberCommand::Add(a) => {
            let m = match a.resolution {
                Some(res) => ops::members::add_member_by_resolution(store, ctx, &a.fields(), res)?,
                None => ops::members::add_member(store, ctx, &a.fields())?,
            };
            print::output(json, &m, || print::member(&m, &[], None));
        }
        MemberCommand::Edit(a) => {
            let current = ops::member_by_no(&store.read(), &a.member)?;
            let fields = a.fields.apply_to(ops::members::fields_of(&current));
            let m = ops::members::edit_member(store, ctx, &a.member, &fields)?;
            print::output(json, &m, || print::member(&m, &[], None));
        }
        MemberCommand::Status(a) => {
            let status = MemberStatus::parse(&a.status)?;
            let m = ops::members::change_status(
                store,
                ctx,
                &a.member,
                status,
                &date_or_today(ctx, &a.date),
                &a.reason,
            )?;
            print::output(json, &m, || print::member(&m, &[], None));
        }
        MemberCommand::List(a) => {
            let filter = MemberFilter {
                search: a.search,
                status: a.status.as_deref().map(MemberStatus::parse).transpose()?,
                moo: a.moo,
                limit: a.limit,
            };
            let rows = ops::members::list_members(store, &filter)?;
            print::output(json, &rows, || print::members(&rows));
        }
        MemberCommand::Show(a) => {
            let m = ops::member_by_no(&store.read(), &a.member)?;
            let history = store.read().status_history(m.id)?;
            let savings = store.read().savings_balance(m.id)?;
            let standing = ops::contributions::standings(&store.read(), ctx.today())?
                .into_iter()
                .find(|r| r.member_no == m.member_no);
            #[derive(serde::Serialize)]
            struct Shown<'a> {
                #[serde(flatten)]
                member: &'a crate::store::MemberRow,
                history: &'a [crate::store::StatusRow],
                savings_balance: Satang,
                contributions: Option<&'a ops::contributions::ArrearsRow>,
            }
            let shown = Shown {
                member: &m,
                history: &history,
                savings_balance: savings,
                contributions: standing.as_ref(),
            };
            print::output(json, &shown, || {
                print::member(&m, &history, Some(savings));
                if let Some(s) = &standing {
                    println!(
                        "เงินสมทบ / contributions: ส่งแล้ว {} งวด, ค้าง {} งวด ({} บาท), ถึงงวด {}",
                        s.periods_paid,
                        s.arrears_periods,
                        s.arrears_amount,
                        s.paid_through.clone().unwrap_or_else(|| "-".into())
                    );
                }
            });
        }
        MemberCommand::Import(a) => {
            let report = ops::import::import_members(store, ctx, &a.file, a.good_rows)?;
            print::output(json, &report, || print::import(&report));
        }
    }
    Ok(())
}
