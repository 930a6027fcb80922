//! Journal entries. A `BalancedEntry` can only be built through `BalancedEntry::new`, which
//! refuses anything whose postings do not sum to zero (DESIGN §2, invariant 1). Postings are
//! signed: debit positive, credit negative.

use super::money::Satang;
use crate::error::{Error, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One line of an entry. `member_id` ties the line to a member's sub-ledger (their sajja
/// savings, their contributions).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub account: String,
    pub amount: Satang,
    pub member_id: Option<i64>,
}

impl Posting {
    pub fn debit(account: &str, amount: Satang) -> Posting {
        Posting { account: account.to_string(), amount, member_id: None }
    }
    pub fn credit(account: &str, amount: Satang) -> Posting {
        Posting { account: account.to_string(), amount: -amount, member_id: None }
    }
    pub fn for_member(mut self, member_id: i64) -> Posting {
        self.member_id = Some(member_id);
        self
    }
}

macro_rules! entry_kinds {
    ($($variant:ident = $key:literal, $prefix:literal, $th:literal;)*) => {
        /// What an entry records. The key is stored; the prefix starts its document number.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum EntryKind { $($variant),* }

        impl EntryKind {
            pub const ALL: &'static [EntryKind] = &[$(EntryKind::$variant),*];
            pub fn key(self) -> &'static str { match self { $(EntryKind::$variant => $key),* } }
            /// Document number prefix: RV receipts, PV payments, JV journal.
            pub fn doc_prefix(self) -> &'static str { match self { $(EntryKind::$variant => $prefix),* } }
            pub fn name_th(self) -> &'static str { match self { $(EntryKind::$variant => $th),* } }
            pub fn from_key(key: &str) -> Option<EntryKind> {
                match key { $($key => Some(EntryKind::$variant),)* _ => None }
            }
        }
    };
}

entry_kinds! {
    OpeningBalance = "opening_balance", "JV", "ยอดยกมา";
    Contribution = "contribution", "RV", "รับเงินสมทบ/เงินสัจจะ";
    Deposit = "deposit", "RV", "ฝากเงินสัจจะ";
    Withdrawal = "withdrawal", "PV", "ถอนเงินสัจจะ";
    Receipt = "receipt", "RV", "รับเงินอื่น";
    Payment = "payment", "PV", "จ่ายเงิน";
    Transfer = "transfer", "JV", "โอนเงินสด/ธนาคาร";
    Matching = "matching", "RV", "รับเงินสมทบจากรัฐ/อปท./พอช.";
    ClaimPayout = "claim_payout", "PV", "จ่ายสวัสดิการ";
    Reversal = "reversal", "JV", "กลับรายการ";
    Allocation = "allocation", "JV", "จัดสรรกำไร";
    DividendToSavings = "dividend_to_savings", "JV", "โอนปันผลเข้าเงินสัจจะ";
    DividendPayout = "dividend_payout", "PV", "จ่ายปันผลและเฉลี่ยคืน";
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BalancedEntry {
    date: NaiveDate,
    kind: EntryKind,
    description: String,
    member_id: Option<i64>,
    postings: Vec<Posting>,
    reverses: Option<i64>,
    reason: String,
}

impl BalancedEntry {
    /// Validate and build. Refuses: fewer than two postings, a zero posting, a sum that is
    /// not zero, an empty account, overflow.
    pub fn new(
        date: NaiveDate,
        kind: EntryKind,
        description: impl Into<String>,
        member_id: Option<i64>,
        postings: Vec<Posting>,
    ) -> crate::Result<BalancedEntry> {
        if postings.len() < 2 {
            return Err(Error::invalid(
                "postings",
                postings.len().to_string(),
                Problem::Other {
                    th: "ต้องมีอย่างน้อยสองบรรทัด".into(),
                    en: "needs at least two lines".into(),
                },
            ));
        }
        let mut sum: i128 = 0;
        for p in &postings {
            if p.amount.is_zero() {
                return Err(Error::invalid("amount", "0", Problem::ZeroNotAllowed));
            }
            if p.account.trim().is_empty() {
                return Err(Error::invalid("account", "", Problem::Empty));
            }
            sum += i128::from(p.amount.satang());
        }
        if sum != 0 {
            return Err(Error::Unbalanced { sum });
        }
        Ok(BalancedEntry {
            date,
            kind,
            description: description.into(),
            member_id,
            postings,
            reverses: None,
            reason: String::new(),
        })
    }

    /// The entry that undoes `self` (every posting negated), naming the reversed entry and why.
    pub fn reversal_of(
        original_id: i64,
        original: &BalancedEntry,
        date: NaiveDate,
        description: String,
        reason: String,
    ) -> BalancedEntry {
        BalancedEntry {
            date,
            kind: EntryKind::Reversal,
            description,
            member_id: original.member_id,
            postings: original
                .postings
                .iter()
                .map(|p| Posting {
                    account: p.account.clone(),
                    amount: -p.amount,
                    member_id: p.member_id,
                })
                .collect(),
            reverses: Some(original_id),
            reason,
        }
    }

    pub fn date(&self) -> NaiveDate {
        self.date
    }
    pub fn kind(&self) -> EntryKind {
        self.kind
    }
    pub fn description(&self) -> &str {
        &self.description
    }
    pub fn member_id(&self) -> Option<i64> {
        self.member_id
    }
    pub fn postings(&self) -> &[Posting] {
        &self.postings
    }
    pub fn reverses(&self) -> Option<i64> {
        self.reverses
    }
    pub fn reason(&self) -> &str {
        &self.reason
    }
    /// Total debits: the amount of money the entry moves.
    pub fn total(&self) -> Satang {
        Satang::new(
            self.postings.iter().filter(|p| p.amount.satang() > 0).map(|p| p.amount.satang()).sum(),
        )
    }
}

/// The names a cash-count difference is recorded under (DESIGN §2, the auditor's month):
/// money over the cash account (other income) and money short of it (other expense). The
/// entry's description is `<name>: <reason>`, so the auditor's report finds it again.
pub const CASH_OVER_TH: &str = "เงินเกินบัญชี";
pub const CASH_SHORT_TH: &str = "เงินขาดบัญชี";

/// `Some((over, reason))` when a description records a cash-count difference.
pub fn cash_difference_of(description: &str) -> Option<(bool, &str)> {
    let reason = |name: &str| description.strip_prefix(name)?.strip_prefix(": ");
    reason(CASH_OVER_TH).map(|r| (true, r)).or_else(|| reason(CASH_SHORT_TH).map(|r| (false, r)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, 5).unwrap()
    }

    #[test]
    fn balanced_entries_build_and_unbalanced_are_refused() {
        let ok = BalancedEntry::new(
            day(),
            EntryKind::Receipt,
            "donation",
            None,
            vec![
                Posting::debit("1101", Satang::new(500)),
                Posting::credit("4301", Satang::new(500)),
            ],
        );
        assert!(ok.is_ok());
        let bad = BalancedEntry::new(
            day(),
            EntryKind::Receipt,
            "donation",
            None,
            vec![
                Posting::debit("1101", Satang::new(500)),
                Posting::credit("4301", Satang::new(499)),
            ],
        );
        assert!(matches!(bad, Err(Error::Unbalanced { sum: 1 })));
        let one_line = BalancedEntry::new(
            day(),
            EntryKind::Receipt,
            "x",
            None,
            vec![Posting::debit("1101", Satang::new(1))],
        );
        assert!(one_line.is_err());
        let zero = BalancedEntry::new(
            day(),
            EntryKind::Receipt,
            "x",
            None,
            vec![Posting::debit("1101", Satang::new(0)), Posting::credit("4301", Satang::new(0))],
        );
        assert!(zero.is_err());
        // i64 extremes cannot overflow the check
        let huge = BalancedEntry::new(
            day(),
            EntryKind::Receipt,
            "x",
            None,
            vec![
                Posting::debit("1101", Satang::new(i64::MAX)),
                Posting::debit("1101", Satang::new(i64::MAX)),
                Posting::credit("4301", Satang::new(1)),
            ],
        );
        assert!(matches!(huge, Err(Error::Unbalanced { .. })));
    }

    #[test]
    fn reversal_negates_every_line() {
        let e = BalancedEntry::new(
            day(),
            EntryKind::Deposit,
            "d",
            Some(7),
            vec![
                Posting::debit("1101", Satang::new(500)),
                Posting::credit("2101", Satang::new(500)).for_member(7),
            ],
        )
        .unwrap();
        let r = BalancedEntry::reversal_of(1, &e, day(), "กลับรายการ".into(), "typo".into());
        assert_eq!(r.postings()[0].amount, Satang::new(-500));
        assert_eq!(r.postings()[1].amount, Satang::new(500));
        assert_eq!(r.postings()[1].member_id, Some(7));
        assert_eq!(r.reverses(), Some(1));
        assert_eq!(r.postings().iter().map(|p| p.amount.satang()).sum::<i64>(), 0);
    }
}
