//! What one journal entry did with money, as the monthly statement counts it: an entry that
//! moved a till (cash on hand or a bank account) received or paid its other lines; an entry
//! with no till in it (the year's allocation, a reversal's journal) moved no money and is
//! counted apart; a fund's opening entry brings its cash and bank forward (ยอดยกมา) instead of
//! receiving them. The store keeps each month summed this way as it posts (`cash_month`),
//! and `verify` sums the postings again by the same rule.

use std::collections::BTreeMap;

/// One entry's money, from whether it opens the books and its till lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryMoney {
    /// An opening entry: its tills' lines (satang, debit positive) are brought forward.
    BroughtForward(i64),
    /// No till in it: counted apart, in neither receipts nor payments.
    WithoutCash,
    /// It moved a till: its other lines are the month's receipts and payments.
    Moved,
}

impl EntryMoney {
    /// `till_lines`: how many of the entry's lines are on a till; `till_sum`: their sum.
    pub fn of(opening: bool, till_lines: usize, till_sum: i64) -> EntryMoney {
        if opening {
            EntryMoney::BroughtForward(till_sum)
        } else if till_lines == 0 {
            EntryMoney::WithoutCash
        } else {
            EntryMoney::Moved
        }
    }
}

/// A month's money summed entry by entry: the other side of its money entries by account
/// as (debits, credits), the entries without cash, and what opening entries brought forward.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MonthMoney {
    pub other_side: BTreeMap<String, (i64, i64)>,
    pub entries_without_cash: i64,
    pub brought_forward: i64,
}

impl MonthMoney {
    /// Add one entry, its lines as (account, amount, whether the account is a till).
    pub fn add_entry<'a>(
        &mut self,
        opening: bool,
        lines: impl Iterator<Item = (&'a str, i64, bool)> + Clone,
    ) {
        let (till_lines, till_sum) =
            lines.clone().filter(|l| l.2).fold((0, 0), |(n, sum), l| (n + 1, sum + l.1));
        match EntryMoney::of(opening, till_lines, till_sum) {
            EntryMoney::BroughtForward(amount) => self.brought_forward += amount,
            EntryMoney::WithoutCash => self.entries_without_cash += 1,
            EntryMoney::Moved => {
                for (account, amount, _) in lines.filter(|l| !l.2) {
                    let sums = match self.other_side.get_mut(account) {
                        Some(sums) => sums,
                        None => self.other_side.entry(account.to_string()).or_default(),
                    };
                    add_debit_or_credit(sums, amount);
                }
            }
        }
    }

    /// Nothing to keep: no money entry and nothing counted apart.
    pub fn is_empty(&self) -> bool {
        self.other_side.is_empty() && self.entries_without_cash == 0 && self.brought_forward == 0
    }
}

/// A line's amount added to (debits, credits): debit positive, credit negative.
pub fn add_debit_or_credit(sums: &mut (i64, i64), amount: i64) {
    if amount > 0 {
        sums.0 += amount;
    } else {
        sums.1 -= amount;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_is_money_received_or_paid_kept_apart_or_brought_forward() {
        let mut m = MonthMoney::default();
        // a contribution received in cash: the income line is the month's receipt
        m.add_entry(false, [("1101", 2000, true), ("4101", -2000, false)].into_iter());
        // cash into the bank moves nothing in or out
        m.add_entry(false, [("1102", 5000, true), ("1101", -5000, true)].into_iter());
        // the year's allocation touches no till
        m.add_entry(false, [("3101", 700, false), ("3201", -700, false)].into_iter());
        // a fund brought in from paper: its cash and bank come forward
        m.add_entry(
            true,
            [("1101", 1500, true), ("1102", 8500, true), ("3101", -10_000, false)].into_iter(),
        );
        // a refund of an expense: a credit on the expense's side
        m.add_entry(false, [("1101", 300, true), ("5300", -300, false)].into_iter());
        assert_eq!(m.entries_without_cash, 1);
        assert_eq!(m.brought_forward, 10_000);
        assert_eq!(
            m.other_side.into_iter().collect::<Vec<_>>(),
            vec![("4101".to_string(), (0, 2000)), ("5300".to_string(), (0, 300))]
        );
        assert_eq!(EntryMoney::of(true, 0, 0), EntryMoney::BroughtForward(0));
    }
}
