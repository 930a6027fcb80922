//! The balances the books never let fall below zero (a till, a member's sajja savings, a
//! member's loan), and what an entry that would take one below zero is told: plain data,
//! computed by the store (`store::floors`) and worded by the error.

use super::Satang;

/// One balance that must stay at or above zero: a till (no member), or a member's savings
/// or loan.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Floor {
    pub account: String,
    pub member_id: Option<i64>,
}

/// An entry that would take a floored balance below zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortfall {
    pub floor: Floor,
    pub account_name_th: String,
    pub account_name_en: String,
    pub member_no: Option<String>,
    /// The lowest the balance is, on the entry's date or later, without the entry.
    pub lowest: Satang,
    /// How much the entry takes out of it.
    pub taken: Satang,
}
