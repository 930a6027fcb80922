//! What a treasurer typed, read once at the edge (the CLI's flags, the window's forms) into
//! the value it means, with the text kept beside it: an operation that later finds the
//! value wrong (a payment larger than the till, a date in a closed month) names the field
//! with exactly what was typed. Operations take these, never raw text; a value the program
//! computed itself (a payout, a difference) is wrapped with `Input::computed`.

use super::money::{Satang, Sign};
use crate::error::{Error, Problem, Result};
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Input<T> {
    value: T,
    typed: String,
}

impl<T> Input<T> {
    /// A value the program computed rather than read: its text is how it is written.
    pub fn computed(value: T, written: String) -> Input<T> {
        Input { value, typed: written }
    }

    pub fn value(&self) -> &T {
        &self.value
    }

    /// The text as typed, for messages.
    pub fn typed(&self) -> &str {
        &self.typed
    }
}

impl<T: Copy> Input<T> {
    pub fn get(&self) -> T {
        self.value
    }
}

/// An amount of money in baht (`1,234.50`, `๑,๒๓๔.๕๐`).
pub type Amount = Input<Satang>;
/// A day (`31/10/2569`, `1/12/69`, `2026-10-31`).
pub type Day = Input<NaiveDate>;

impl Input<Satang> {
    pub fn amount(field: &'static str, text: &str, sign: Sign) -> Result<Amount> {
        Ok(Input { value: Satang::parse_field(field, text, sign)?, typed: text.to_string() })
    }

    /// An amount the program worked out (a payout, an allocation share).
    pub fn of_amount(value: Satang) -> Amount {
        Input { typed: value.display(), value }
    }
}

impl Input<NaiveDate> {
    pub fn day(field: &'static str, text: &str) -> Result<Day> {
        Ok(Input { value: super::date::parse_field(field, text)?, typed: text.to_string() })
    }

    /// A day the program chose (today, the month's last day).
    pub fn of_day(value: NaiveDate) -> Day {
        Input { typed: value.to_string(), value }
    }

    /// The day typed, or `today` when nothing was.
    pub fn day_or(field: &'static str, text: Option<&str>, today: NaiveDate) -> Result<Day> {
        match text.map(str::trim).filter(|t| !t.is_empty()) {
            Some(t) => Input::day(field, t),
            None => Ok(Input::of_day(today)),
        }
    }
}

/// Where money is kept: the cash box, the bank account, or another cash-type account of the
/// chart by its code (whether that code is one is checked against the fund's accounts when
/// the entry is written).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Till {
    Cash,
    Bank,
    Account(String),
}

impl Input<Till> {
    /// `cash` / `เงินสด`, `bank` / `ธนาคาร`, or an account code.
    pub fn till(text: &str) -> Result<Input<Till>> {
        let value = match text.trim() {
            "" => return Err(Error::invalid("till", text, Problem::Empty)),
            "cash" | "เงินสด" => Till::Cash,
            "bank" | "ธนาคาร" => Till::Bank,
            code => Till::Account(code.to_string()),
        };
        Ok(Input { value, typed: text.to_string() })
    }

    pub fn cash() -> Input<Till> {
        Input { value: Till::Cash, typed: "cash".into() }
    }

    pub fn bank() -> Input<Till> {
        Input { value: Till::Bank, typed: "bank".into() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_is_kept_beside_the_value() {
        let a = Input::amount("amount", "๑,๒๓๔.๕๐", Sign::Positive).unwrap();
        assert_eq!((a.get(), a.typed()), (Satang::new(123_450), "๑,๒๓๔.๕๐"));
        let d = Input::day("date", "1/12/69").unwrap();
        assert_eq!(d.get(), NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        assert_eq!(d.typed(), "1/12/69");
        assert_eq!(Input::till("ธนาคาร").unwrap().value(), &Till::Bank);
        match Input::till(" ").unwrap_err() {
            Error::Invalid { field, .. } => assert_eq!(field, "till"),
            other => panic!("{other:?}"),
        }
        let today = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(Input::day_or("date", None, today).unwrap().get(), today);
    }
}
