//! Sajja savings (เงินสัจจะ): deposits and withdrawals. Savings are the member's money (a
//! liability of the fund), so a balance can never go below zero.

use super::{check_entry_date, Ctx};
use crate::domain::accounts::SAVINGS_OWED;
use crate::domain::input::{Amount, Day, Input, Till};
use crate::domain::money::Sign;
use crate::domain::{BalancedEntry, EntryKind, MemberStatus, Posting};
use crate::error::{Error, Problem, Result};
use crate::store::{PostedRef, Store};

/// A deposit or withdrawal as read from the form or the command line.
#[derive(Clone, Debug)]
pub struct SavingsMove {
    pub member_no: String,
    pub amount: Amount,
    pub date: Day,
    pub till: Input<Till>,
}

impl SavingsMove {
    /// Read what was typed, naming the field of a bad value.
    pub fn parse(member_no: &str, amount: &str, date: &str, till: &str) -> Result<SavingsMove> {
        Ok(SavingsMove {
            member_no: member_no.to_string(),
            amount: Input::amount("amount", amount, Sign::Positive)?,
            date: Input::day("date", date)?,
            till: Input::till(till)?,
        })
    }
}

pub fn deposit(store: &mut Store, ctx: &Ctx, m: &SavingsMove) -> Result<PostedRef> {
    move_savings(store, ctx, m, true)
}

pub fn withdraw(store: &mut Store, ctx: &Ctx, m: &SavingsMove) -> Result<PostedRef> {
    move_savings(store, ctx, m, false)
}

fn move_savings(
    store: &mut Store,
    ctx: &Ctx,
    m: &SavingsMove,
    is_deposit: bool,
) -> Result<PostedRef> {
    let (amount, date) = (m.amount.get(), m.date.get());
    store.write(|tx| {
        let reader = tx.read();
        let fund = reader.require_fund()?.profile;
        super::require_savings_kept(&fund, "เงินสัจจะ / sajja savings")?;
        check_entry_date(&reader, ctx, &m.date)?;
        let till = super::till_account(&reader, &m.till)?;
        let member = super::member_by_no(&reader, &m.member_no)?;
        if date.to_string() < member.joined_on {
            return Err(Error::invalid(
                "date",
                m.date.typed(),
                Problem::Other {
                    th: "ก่อนวันที่สมัคร".into(),
                    en: "is before the member joined".into(),
                },
            ));
        }
        let entry = if is_deposit {
            if member.status != MemberStatus::Active {
                return Err(Error::MemberNotActive {
                    member_no: member.member_no,
                    status: member.status.key().into(),
                });
            }
            BalancedEntry::new(
                date,
                EntryKind::Deposit,
                format!("ฝากเงินสัจจะ {} ({})", member.full_name(), member.member_no),
                Some(member.id),
                vec![
                    Posting::debit(&till, amount),
                    Posting::credit(SAVINGS_OWED, amount).for_member(member.id),
                ],
            )?
        } else {
            // Members who left may still take out what is theirs.
            let balance = reader.lowest_savings_from(member.id, &date.to_string())?;
            if balance < amount {
                return Err(Error::InsufficientSavings {
                    member_no: member.member_no,
                    balance: balance.display(),
                    amount: amount.display(),
                });
            }
            super::require_funds(&reader, &till, date, &m.amount)?;
            BalancedEntry::new(
                date,
                EntryKind::Withdrawal,
                format!("ถอนเงินสัจจะ {} ({})", member.full_name(), member.member_no),
                Some(member.id),
                vec![
                    Posting::debit(SAVINGS_OWED, amount).for_member(member.id),
                    Posting::credit(&till, amount),
                ],
            )?
        };
        tx.post_entry(&entry, &ctx.recorded_by, &ctx.now_text())
    })
}

/// Which way sajja savings move, as the app's form sends it (`deposit` or `withdraw`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavingsDirection {
    Deposit,
    Withdraw,
}

impl SavingsDirection {
    pub fn parse(input: &str) -> Result<SavingsDirection> {
        crate::domain::choice::parse_choice(
            "direction",
            input,
            &[("deposit", SavingsDirection::Deposit), ("withdraw", SavingsDirection::Withdraw)],
        )
    }
}
