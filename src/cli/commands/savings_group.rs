//! The savings group: loans (lend, repay, overdue) and the year-end allocation of its profit.
use super::super::common::*;
use super::super::print;
use crate::domain::input::Input;
use crate::error::Result;
use crate::ops::{self, Ctx};
use crate::store::Store;
use clap::{Args, Subcommand};

#[derive(Subcommand, Debug)]
pub enum SavingsGroupCommand {
    /// Savings-group loans.
    #[command(subcommand)]
    Loan(LoanCommand),
    /// Year-end profit allocation (savings groups).
    Allocate(AllocateArgs),
}

pub fn run(store: &mut Store, ctx: &Ctx, json: bool, command: SavingsGroupCommand) -> Result<()> {
    match command {
        SavingsGroupCommand::Loan(c) => loan(store, ctx, json, c),
        SavingsGroupCommand::Allocate(a) => allocate(store, ctx, json, a),
    }
}

fn loan(store: &mut Store, ctx: &Ctx, json: bool, c: LoanCommand) -> Result<()> {
    match c {
        LoanCommand::New {
            member,
            amount,
            rate,
            method,
            months,
            date,
            guarantors,
            till,
            resolution,
        } => {
            let d = date_or_today(ctx, &date);
            let (id, posted) = ops::loans::lend(
                store,
                ctx,
                &ops::loans::LoanText {
                    member_no: &member,
                    principal: &amount,
                    rate: &rate,
                    method: &method,
                    term_months: months,
                    date: &d,
                    guarantors: &guarantors,
                    till: &till,
                    resolution_id: resolution,
                }
                .parse()?,
            )?;
            print::output(json, &id, || println!("สัญญาเงินกู้ที่ {id} / loan {id}: {}", posted.doc_no));
        }
        LoanCommand::Repay { loan, amount, date, till } => {
            let r = ops::loans::repay(
                store,
                ctx,
                loan,
                &Input::amount("amount", &amount, crate::domain::money::Sign::Positive)?,
                &Input::day_or("date", date.as_deref(), ctx.today())?,
                &Input::till(&till)?,
            )?;
            print::output(json, &r, || print::posted(&r));
        }
        LoanCommand::List => {
            let loans = ops::loans::loans_listing(store)?;
            print::output(json, &loans, || {
                for l in &loans {
                    println!(
                        "{:>4} สมาชิก {} {} เงินต้น {} ค้างเงินต้น {} ดอกเบี้ยที่ชำระ {} บาท",
                        l.loan.id,
                        l.member_no,
                        l.member_name,
                        l.loan.principal.display(),
                        l.principal_outstanding.display(),
                        l.loan.interest_paid.display()
                    );
                }
            });
        }
        LoanCommand::Overdue { as_of } => {
            let as_of = match as_of {
                Some(s) => crate::domain::date::parse_field("as_of", &s)?,
                None => ctx.today(),
            };
            let rows = ops::loans::overdue(store, as_of)?;
            print::output(json, &rows, || {
                for r in &rows {
                    println!(
                        "{:>4} {} {} ค้างเงินต้น {} ค้างดอกเบี้ย {}",
                        r.loan_id, r.member_no, r.name, r.principal_overdue, r.interest_overdue
                    );
                }
            });
        }
    }
    Ok(())
}

fn allocate(store: &mut Store, ctx: &Ctx, json: bool, a: AllocateArgs) -> Result<()> {
    // allocate reads a BE or CE year itself (and names the year as typed when refusing it)
    let out = ops::allocation::allocate(
        store,
        ctx,
        a.year,
        &a.parts,
        &Input::day_or("date", a.date.as_deref(), ctx.today())?,
    )?;
    print::output(json, &out, || {
        println!("จัดสรรกำไร {} บาท ({})", out.profit, out.doc_no);
        for (k, v) in &out.parts {
            println!("  {k} {v}");
        }
        println!("  สมาชิกได้รับปันผล/เฉลี่ยคืน {} คน", out.members.len());
    });
    Ok(())
}

#[derive(Subcommand, Debug)]
pub enum LoanCommand {
    New {
        member: String,
        amount: String,
        /// Percent per month.
        #[arg(long)]
        rate: String,
        #[arg(long, default_value = "declining")]
        method: String,
        #[arg(long)]
        months: u32,
        #[arg(long)]
        date: Option<String>,
        #[arg(long = "guarantor")]
        guarantors: Vec<String>,
        #[arg(long = "till", alias = "from", default_value = "cash")]
        till: String,
        #[arg(long)]
        resolution: Option<i64>,
    },
    Repay {
        loan: i64,
        amount: String,
        #[arg(long)]
        date: Option<String>,
        #[arg(long = "till", alias = "to", default_value = "cash")]
        till: String,
    },
    List,
    Overdue {
        #[arg(long)]
        as_of: Option<String>,
    },
}

#[derive(Args, Debug)]
pub struct AllocateArgs {
    pub year: i32,
    /// Six percentages: reserve,dividend,refund,welfare,committee,public (sum 100).
    #[arg(long, value_delimiter = ',')]
    pub parts: Vec<String>,
    #[arg(long)]
    pub date: Option<String>,
}
