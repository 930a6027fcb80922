//! The savings group: loans (lend, repay, overdue) and the year-end allocation of its profit.
use super::super::common::*;
use super::super::print;
use crate::domain::input::Input;
use crate::error::Result;
use crate::ops::{self, Ctx};
use crate::store::Store;
use clap::Subcommand;

#[derive(Subcommand, Debug)]
pub enum SavingsGroupCommand {
    /// Savings-group loans.
    #[command(subcommand)]
    Loan(LoanCommand),
    /// Year-end profit allocation (savings groups): the plan, a year's allocation, the payout.
    #[command(subcommand)]
    Allocate(AllocateCommand),
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

fn allocate(store: &mut Store, ctx: &Ctx, json: bool, c: AllocateCommand) -> Result<()> {
    match c {
        AllocateCommand::Plan { parts, resolution, from } => {
            let parts =
                parts.iter().map(|p| ops::allocation::parse_part(p)).collect::<Result<Vec<_>>>()?;
            let id = ops::allocation::adopt_plan(
                store,
                ctx,
                &Input::day_or("effective_on", from.as_deref(), ctx.today())?,
                parts,
                resolution,
            )?;
            print::output(json, &id, || println!("บันทึกแผนการจัดสรรกำไรที่ {id} แล้ว"));
        }
        AllocateCommand::Show => {
            let plans = crate::report::allocation::plans(&store.read(), ctx.today())?;
            print::output(json, &plans, || {
                if plans.plans.is_empty() {
                    println!("ยังไม่มีแผนการจัดสรรกำไร ส่วนที่แนวทางเสนอ:");
                    for p in &plans.suggested {
                        println!("  {}={} ({})", p.kind.key(), pct(p.basis_points), p.name);
                    }
                }
                for p in &plans.plans {
                    let mark = if p.in_force { " (ใช้อยู่)" } else { "" };
                    let from =
                        crate::thai::date_long(p.effective_from, crate::thai::Digits::Arabic);
                    println!("ตั้งแต่ {from} ตาม{}{mark}", p.resolution);
                    for part in &p.parts {
                        println!("  {} ร้อยละ {}", part.name, pct(part.basis_points));
                    }
                }
            });
        }
        AllocateCommand::Year { year, date } => {
            // allocate reads a BE or CE year itself (and names the year as typed when refusing it)
            let out = ops::allocation::allocate(
                store,
                ctx,
                year,
                &Input::day_or("date", date.as_deref(), ctx.today())?,
            )?;
            print::output(json, &out, || {
                println!("จัดสรรกำไร {} บาท ({})", out.profit, out.doc_no);
                for p in &out.parts {
                    println!("  {} ร้อยละ {} = {}", p.name, pct(p.basis_points), p.amount);
                }
                println!("  สมาชิกได้รับปันผล/เฉลี่ยคืน {} คน", out.members.len());
            });
        }
        AllocateCommand::Pay { year, into, date } => {
            let out = ops::allocation::pay_dividends(
                store,
                ctx,
                year,
                &ops::allocation::PayInto::parse(&into)?,
                &Input::day_or("date", date.as_deref(), ctx.today())?,
            )?;
            print::output(json, &out, || {
                println!("จ่ายปันผลและเฉลี่ยคืน {} คน รวม {} บาท", out.paid.len(), out.total);
                for u in &out.not_paid {
                    println!(
                        "  ยังไม่จ่าย {} {} {} บาท ({})",
                        u.member_no,
                        u.name,
                        u.amount,
                        u.status.name_th()
                    );
                }
            });
        }
    }
    Ok(())
}

fn pct(basis_points: i64) -> String {
    crate::domain::Satang::new(basis_points).to_decimal().normalize().to_string()
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

#[derive(Subcommand, Debug)]
pub enum AllocateCommand {
    /// Adopt the fund's allocation plan from a day on, citing the assembly's resolution.
    Plan {
        /// `kind=percent` or `kind:name=percent`, once per part (kinds: reserve, dividend,
        /// refund, welfare, committee, public, administration, other); they sum to 100.
        #[arg(long = "part", required = true)]
        parts: Vec<String>,
        #[arg(long)]
        resolution: i64,
        #[arg(long)]
        from: Option<String>,
    },
    /// The plans adopted and the one in force (or the guideline's usual parts).
    Show,
    /// Allocate a fiscal year's profit (BE or CE year) by the plan in force.
    Year {
        year: i32,
        #[arg(long)]
        date: Option<String>,
    },
    /// Pay the year's dividends and refunds: `--into savings` (each member's sajja savings)
    /// or a till (`cash`, `bank`).
    Pay {
        year: i32,
        #[arg(long, default_value = "savings")]
        into: String,
        #[arg(long)]
        date: Option<String>,
    },
}
