//! Money in and out: contributions and a collection day, sajja savings, other receipts and
//! payments, transfers, reversals, the journal list.
use super::super::common::*;
use super::super::print;
use crate::domain::input::Input;
use crate::domain::money::Sign;
use crate::domain::Satang;
use crate::error::{Error, Result};
use crate::ops::contributions::CollectLine;
use crate::ops::{self, Ctx};
use crate::store::Store;
use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum MoneyCommand {
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
    /// List journal entries.
    Journal(JournalArgs),
}

pub fn run(store: &mut Store, ctx: &Ctx, json: bool, command: MoneyCommand) -> Result<()> {
    match command {
        MoneyCommand::Contribute(a) => {
            let line = ops::contributions::CollectLine {
                member_no: a.member,
                contribution: Satang::parse_field("contribution", &a.amount, Sign::NonNegative)?,
                savings: amount("savings", &a.savings)?,
                entrance_fee: amount("entrance_fee", &a.entrance_fee)?,
            };
            let day = Input::day_or("date", a.date.as_deref(), ctx.today())?;
            let out = ops::contributions::collect(store, ctx, &day, &Input::till(&a.to)?, &[line])?;
            print::output(json, &out, || print::collect(&out));
        }
        MoneyCommand::Collect(a) => {
            let day = Input::day_or("date", a.date.as_deref(), ctx.today())?;
            let lines = a.lines(store, day.get())?;
            let out = ops::contributions::collect(store, ctx, &day, &Input::till(&a.to)?, &lines)?;
            print::output(json, &out, || print::collect(&out));
        }
        MoneyCommand::Deposit(a) => {
            let r = ops::savings::deposit(store, ctx, &a.savings_move(ctx)?)?;
            print::output(json, &r, || print::posted(&r));
        }
        MoneyCommand::Withdraw(a) => {
            let r = ops::savings::withdraw(store, ctx, &a.savings_move(ctx)?)?;
            print::output(json, &r, || print::posted(&r));
        }
        MoneyCommand::Receive(a) => {
            let r = ops::cashbook::receive(store, ctx, &a.to_move(ctx).parse()?)?;
            print::output(json, &r, || print::posted(&r));
        }
        MoneyCommand::Pay(a) => {
            let r = match a.resolution {
                Some(res) => {
                    ops::cashbook::pay_by_resolution(store, ctx, &a.to_move(ctx).parse()?, res)?
                }
                None => ops::cashbook::pay(store, ctx, &a.to_move(ctx).parse()?)?,
            };
            print::output(json, &r, || print::posted(&r));
        }
        MoneyCommand::Transfer(a) => {
            let t = ops::cashbook::Transfer::parse(
                &a.from,
                &a.to,
                &a.amount,
                &date_or_today(ctx, &a.date),
                &a.memo,
            )?;
            let r = ops::cashbook::transfer(store, ctx, &t)?;
            print::output(json, &r, || print::posted(&r));
        }
        MoneyCommand::Reverse(a) => {
            let day = Input::day_or("date", a.date.as_deref(), ctx.today())?;
            let r = ops::reversal::reverse(store, ctx, &a.entry, &a.reason, &day)?;
            print::output(json, &r, || print::posted(&r));
        }
        MoneyCommand::Journal(a) => {
            let from = a
                .from
                .as_deref()
                .map(|s| crate::domain::date::parse_field("from", s))
                .transpose()?;
            let to =
                a.to.as_deref().map(|s| crate::domain::date::parse_field("to", s)).transpose()?;
            let entries =
                crate::report::books::journal(&store.read(), from, to, a.member.as_deref())?;
            print::output(json, &entries, || print::journal(&entries));
        }
    }
    Ok(())
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
        ops::import::collection_lines(path)
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

impl SavingsArgs {
    fn savings_move(&self, ctx: &Ctx) -> Result<ops::savings::SavingsMove> {
        ops::savings::SavingsMove::parse(
            &self.member,
            &self.amount,
            &date_or_today(ctx, &self.date),
            &self.till,
        )
    }
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
    pub fn to_move(&self, ctx: &Ctx) -> crate::ops::cashbook::CashMoveText {
        crate::ops::cashbook::CashMoveText {
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
pub struct JournalArgs {
    #[arg(long)]
    pub from: Option<String>,
    #[arg(long)]
    pub to: Option<String>,
    #[arg(long)]
    pub member: Option<String>,
}
