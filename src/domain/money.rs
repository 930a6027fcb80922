//! `Satang`: money as an exact integer count of satang (1 baht = 100 satang). Parsing
//! accepts what a treasurer types (`1,234.50`, `๑,๒๓๔.๕๐`, `30`) and refuses everything
//! else with the exact problem; `rust_decimal` is the type at the API edges.

use crate::error::Problem;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Satang(i64);

/// The notes and coins a Thai till holds, in satang, the largest first: the faces a cash
/// count names (1000, 500, 100, 50 and 20 baht notes; 10, 5, 2 and 1 baht, 50 and 25 satang
/// coins).
pub const FACES: [i64; 11] = [100_000, 50_000, 10_000, 5_000, 2_000, 1_000, 500, 200, 100, 50, 25];

/// Whether a parsed amount may carry a minus sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// Amounts of money paid or received: zero or more.
    NonNegative,
    /// Amounts that must be strictly positive (a payment of 0 is a mistake).
    Positive,
    /// Opening balances and adjustments.
    Any,
}

impl Satang {
    pub const ZERO: Satang = Satang(0);

    /// An amount counted in satang (as the store keeps it).
    pub const fn new(satang: i64) -> Satang {
        Satang(satang)
    }

    /// The amount in satang (as the store keeps it).
    pub const fn satang(self) -> i64 {
        self.0
    }

    pub const fn is_negative(self) -> bool {
        self.0 < 0
    }

    pub const fn is_positive(self) -> bool {
        self.0 > 0
    }

    pub const fn abs(self) -> Satang {
        Satang(self.0.abs())
    }

    pub fn from_baht(baht: i64) -> Satang {
        Satang(baht * 100)
    }

    /// Parse a typed amount in baht. Thai digits, thousands separators in the right places,
    /// at most two decimals.
    pub fn parse(input: &str, sign: Sign) -> Result<Satang, Problem> {
        let ascii = crate::thai::from_thai_digits(input.trim());
        let text = ascii.trim();
        if text.is_empty() {
            return Err(Problem::Empty);
        }
        let (negative, body) = match text.as_bytes()[0] {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (int_part, frac_part) = match body.split_once('.') {
            Some((i, f)) => (i, Some(f)),
            None => (body, None),
        };
        if int_part.is_empty() || !int_part.chars().all(|c| c.is_ascii_digit() || c == ',') {
            return Err(Problem::NotANumber);
        }
        if int_part.contains(',') {
            let groups: Vec<&str> = int_part.split(',').collect();
            let first_ok = (1..=3).contains(&groups[0].len());
            let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
            if !first_ok || !rest_ok {
                return Err(Problem::BadGrouping);
            }
        }
        let frac = match frac_part {
            None => "",
            Some(f) if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) => {
                return Err(Problem::NotANumber)
            }
            Some(f) if f.len() > 2 => return Err(Problem::TooManyDecimals),
            Some(f) => f,
        };
        let mut value: i64 = 0;
        for c in int_part.chars().filter(|c| *c != ',') {
            let digit = i64::from(c as u8 - b'0');
            value = value
                .checked_mul(10)
                .and_then(|v| v.checked_add(digit))
                .ok_or(Problem::Overflow)?;
        }
        let mut cents: i64 = 0;
        for (i, c) in frac.chars().enumerate() {
            let digit = i64::from(c as u8 - b'0');
            cents += if i == 0 { digit * 10 } else { digit };
        }
        let total =
            value.checked_mul(100).and_then(|v| v.checked_add(cents)).ok_or(Problem::Overflow)?;
        let total = if negative { -total } else { total };
        match sign {
            Sign::Any => {}
            Sign::NonNegative if total < 0 => return Err(Problem::NegativeNotAllowed),
            Sign::Positive if total < 0 => return Err(Problem::NegativeNotAllowed),
            Sign::Positive if total == 0 => return Err(Problem::ZeroNotAllowed),
            _ => {}
        }
        Ok(Satang(total))
    }

    /// Parse for a named field, turning the problem into a full error.
    pub fn parse_field(field: &'static str, input: &str, sign: Sign) -> crate::Result<Satang> {
        Satang::parse(input, sign).map_err(|p| crate::Error::invalid(field, input, p))
    }

    /// The amount as a decimal with scale 2 (`12.50`), for APIs and JSON.
    pub fn to_decimal(self) -> Decimal {
        Decimal::new(self.0, 2)
    }

    /// Exact conversion from a decimal; refuses more than 2 decimals or values out of range.
    pub fn try_from_decimal(value: Decimal) -> Result<Satang, Problem> {
        let normalized = value.normalize();
        if normalized.scale() > 2 {
            return Err(Problem::TooManyDecimals);
        }
        let scaled = normalized.checked_mul(Decimal::ONE_HUNDRED).ok_or(Problem::Overflow)?;
        let mantissa = scaled.trunc().mantissa();
        let exp = scaled.trunc().scale();
        let whole = mantissa / 10i128.pow(exp);
        i64::try_from(whole).map(Satang).map_err(|_| Problem::Overflow)
    }

    pub fn checked_add(self, other: Satang) -> Option<Satang> {
        self.0.checked_add(other.0).map(Satang)
    }

    pub fn checked_sub(self, other: Satang) -> Option<Satang> {
        self.0.checked_sub(other.0).map(Satang)
    }

    pub fn is_zero(self) -> bool {
        self.0 == 0
    }

    /// `1,234.50`
    pub fn display(self) -> String {
        crate::thai::amount(self.0, crate::thai::Digits::Arabic)
    }
}

impl std::ops::Neg for Satang {
    type Output = Satang;
    fn neg(self) -> Satang {
        Satang(-self.0)
    }
}

// Sums of money never wrap: an amount beyond 92 million million baht is a bug, not money,
// so the operators check even in a release build.
impl std::ops::Add for Satang {
    type Output = Satang;
    fn add(self, other: Satang) -> Satang {
        self.checked_add(other).expect("an amount beyond what an i64 of satang holds")
    }
}

impl std::ops::Sub for Satang {
    type Output = Satang;
    fn sub(self, other: Satang) -> Satang {
        self.checked_sub(other).expect("an amount beyond what an i64 of satang holds")
    }
}

impl std::ops::AddAssign for Satang {
    fn add_assign(&mut self, other: Satang) {
        *self = *self + other;
    }
}

impl std::ops::SubAssign for Satang {
    fn sub_assign(&mut self, other: Satang) {
        *self = *self - other;
    }
}

impl std::iter::Sum for Satang {
    fn sum<I: Iterator<Item = Satang>>(iter: I) -> Satang {
        iter.fold(Satang::ZERO, |a, b| a + b)
    }
}

impl<'a> std::iter::Sum<&'a Satang> for Satang {
    fn sum<I: Iterator<Item = &'a Satang>>(iter: I) -> Satang {
        iter.copied().sum()
    }
}

impl fmt::Display for Satang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(s: &str) -> i64 {
        Satang::parse(s, Sign::Any).unwrap().0
    }

    #[test]
    fn parses_what_treasurers_type() {
        assert_eq!(ok("1,234.50"), 123450);
        assert_eq!(ok("๑,๒๓๔.๕๐"), 123450);
        assert_eq!(ok("30"), 3000);
        assert_eq!(ok(" 0.5 "), 50);
        assert_eq!(ok("0.05"), 5);
        assert_eq!(ok("-75"), -7500);
        assert_eq!(ok("+1"), 100);
        assert_eq!(ok("1234567.89"), 123456789);
        assert_eq!(ok("92,233,720,368,547,758.07"), i64::MAX);
    }

    #[test]
    fn refuses_junk_with_the_exact_problem() {
        let p = |s: &str, sign| Satang::parse(s, sign).unwrap_err();
        assert_eq!(p("", Sign::Any), Problem::Empty);
        assert_eq!(p("   ", Sign::Any), Problem::Empty);
        assert_eq!(p("1.234", Sign::Any), Problem::TooManyDecimals);
        assert_eq!(p("0.001", Sign::Any), Problem::TooManyDecimals);
        assert_eq!(p("-5", Sign::NonNegative), Problem::NegativeNotAllowed);
        assert_eq!(p("0", Sign::Positive), Problem::ZeroNotAllowed);
        assert_eq!(p("0.00", Sign::Positive), Problem::ZeroNotAllowed);
        assert_eq!(p("92233720368547758.08", Sign::Any), Problem::Overflow);
        assert_eq!(p("99999999999999999999", Sign::Any), Problem::Overflow);
        assert_eq!(p("12a", Sign::Any), Problem::NotANumber);
        assert_eq!(p("1e5", Sign::Any), Problem::NotANumber);
        assert_eq!(p("1.", Sign::Any), Problem::NotANumber);
        assert_eq!(p(".5", Sign::Any), Problem::NotANumber);
        assert_eq!(p("1.-5", Sign::Any), Problem::NotANumber);
        assert_eq!(p("--5", Sign::Any), Problem::NotANumber);
        assert_eq!(p("1,23", Sign::Any), Problem::BadGrouping);
        assert_eq!(p("1234,567", Sign::Any), Problem::BadGrouping);
        assert_eq!(p(",123", Sign::Any), Problem::BadGrouping);
        assert_eq!(p("1 000", Sign::Any), Problem::NotANumber);
    }

    #[test]
    fn decimal_edges_are_exact() {
        let d = Satang(123450).to_decimal();
        assert_eq!(d.to_string(), "1234.50");
        assert_eq!(Satang::try_from_decimal(d).unwrap(), Satang(123450));
        assert_eq!(Satang::try_from_decimal(Decimal::new(12345, 3)), Err(Problem::TooManyDecimals));
        assert_eq!(Satang::try_from_decimal(Decimal::new(12300, 3)).unwrap(), Satang(1230));
        assert_eq!(Satang::try_from_decimal(Decimal::MAX), Err(Problem::Overflow));
        assert_eq!(Satang::try_from_decimal(Decimal::new(-5, 1)).unwrap(), Satang(-50));
    }
}
