//! The `kongthun` command line. `commands/` holds one file per area (the fund, members, money,
//! reports, welfare, meetings, the savings group, bundles, the province, bringing a fund in),
//! each with its clap definitions and handlers; here are the global flags, the dispatch and
//! the error output. Errors go to stderr in Thai and English, naming the field and value,
//! with exit code 1 (2 for usage errors, which clap reports itself).

mod commands;
mod common;
mod print;

use crate::error::{Error, Result};
use crate::ops::Ctx;
use crate::store::Store;
use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand};
use commands::*;
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

/// Every command: the areas' own lists, flattened so each reads `kongthun <command>`.
#[derive(Subcommand, Debug)]
pub enum Command {
    #[command(flatten)]
    App(app::AppCommand),
    #[command(flatten)]
    Members(members::MembersCommand),
    #[command(flatten)]
    Money(money::MoneyCommand),
    #[command(flatten)]
    Reports(reports::ReportsCommand),
    #[command(flatten)]
    Welfare(welfare::WelfareCommand),
    #[command(flatten)]
    Meetings(meetings::MeetingsCommand),
    #[command(flatten)]
    SavingsGroup(savings_group::SavingsGroupCommand),
    /// Signed bundles for the provincial office.
    #[command(subcommand)]
    Bundle(bundles::BundleCommand),
    /// The provincial office: enrol funds, import bundles, reports (its own database).
    #[command(subcommand)]
    Province(province::ProvinceCommand),
    /// Bring an existing fund in from its paper or Excel books: template, then import.
    #[command(subcommand)]
    Migrate(migrate::MigrateCommand),
}

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

fn run(cli: Cli) -> Result<()> {
    let ctx = ctx(&cli)?;
    let json = cli.json;
    let Some(command) = cli.command else {
        return app::open_default(&cli.db.unwrap_or_else(default_db_path), &ctx);
    };
    if let Command::Province(c) = command {
        let db = cli.db.unwrap_or_else(province::province_db_path);
        return province::run(&db, &ctx, json, c);
    }
    let db = cli.db.unwrap_or_else(default_db_path);
    let mut store = Store::open(&db)?;
    let store = &mut store;
    match command {
        Command::App(c) => app::run(store, &ctx, json, c),
        Command::Members(c) => members::run(store, &ctx, json, c),
        Command::Money(c) => money::run(store, &ctx, json, c),
        Command::Reports(c) => reports::run(store, &ctx, json, c),
        Command::Welfare(c) => welfare::run(store, &ctx, json, c),
        Command::Meetings(c) => meetings::run(store, &ctx, json, c),
        Command::SavingsGroup(c) => savings_group::run(store, &ctx, json, c),
        Command::Bundle(c) => bundles::run(store, &ctx, &db, json, c),
        Command::Migrate(c) => migrate::run(store, &ctx, json, c),
        Command::Province(_) => unreachable!("the province has its own database, opened above"),
    }
}

/// Rust ignores SIGPIPE, so printing into a closed pipe (`kongthun journal | head`) fails and
/// `println!` panics with a backtrace. A command-line tool should stop quietly when its
/// reader has gone, as `cat` and `grep` do: give SIGPIPE back its default action. Only the
/// output pipe is affected; a write to the book is one transaction, which SQLite rolls back
/// if the process stops before it commits.
#[cfg(unix)]
pub fn restore_default_sigpipe() {
    // SAFETY: called first thing in main, before any thread exists; SIG_DFL is a valid action.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

#[cfg(not(unix))]
pub fn restore_default_sigpipe() {}
