//! Dates as people type them: ISO CE (`2026-10-31`), day/month/year (`31/10/2569`), either
//! era (a year of 2400 or more is Buddhist era), a two-digit Buddhist year as Thai offices
//! write it by hand (`1/12/69` is 1 ธ.ค. 2569), Thai digits. Stored as ISO CE.

use crate::error::Problem;
use chrono::{Datelike, NaiveDate};

/// Oldest and newest CE years a fund record may carry (births included).
const MIN_YEAR: i32 = 1900;
const MAX_YEAR: i32 = 2200;

pub fn parse(input: &str) -> Result<NaiveDate, Problem> {
    let ascii = crate::thai::from_thai_digits(input.trim());
    if ascii.is_empty() {
        return Err(Problem::Empty);
    }
    let parts: Vec<&str> = if ascii.contains('-') {
        ascii.split('-').collect()
    } else if ascii.contains('/') {
        let mut p: Vec<&str> = ascii.split('/').collect();
        p.reverse(); // d/m/y -> y, m, d
        p
    } else {
        return Err(Problem::BadDate);
    };
    if parts.len() != 3
        || parts.iter().any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(Problem::BadDate);
    }
    // d/m/yy: the two last digits of the Buddhist year (25yy), the common hand-written form
    let short_be_year = ascii.contains('/') && parts[0].len() == 2;
    if (parts[0].len() != 4 && !short_be_year) || parts[1].len() > 2 || parts[2].len() > 2 {
        return Err(Problem::BadDate);
    }
    let year: i32 = parts[0].parse().map_err(|_| Problem::BadDate)?;
    let year = if short_be_year { 2500 + year } else { year };
    let month: u32 = parts[1].parse().map_err(|_| Problem::BadDate)?;
    let day: u32 = parts[2].parse().map_err(|_| Problem::BadDate)?;
    let ce_year = if year >= 2400 { year - crate::thai::BE_OFFSET } else { year };
    if !(MIN_YEAR..=MAX_YEAR).contains(&ce_year) {
        return Err(Problem::DateOutOfRange);
    }
    NaiveDate::from_ymd_opt(ce_year, month, day).ok_or(Problem::BadDate)
}

pub fn parse_field(field: &'static str, input: &str) -> crate::Result<NaiveDate> {
    parse(input).map_err(|p| crate::Error::invalid(field, input, p))
}

/// A month as `YYYY-MM` (CE) or `YYYY-MM` with a BE year; returns (CE year, month).
pub fn parse_month(input: &str) -> Result<(i32, u32), Problem> {
    let ascii = crate::thai::from_thai_digits(input.trim());
    let (y, m) = ascii.split_once('-').ok_or(Problem::BadDate)?;
    if y.len() != 4 || m.is_empty() || m.len() > 2 {
        return Err(Problem::BadDate);
    }
    let year: i32 = y.parse().map_err(|_| Problem::BadDate)?;
    let month: u32 = m.parse().map_err(|_| Problem::BadDate)?;
    let ce_year = if year >= 2400 { year - crate::thai::BE_OFFSET } else { year };
    if !(1..=12).contains(&month) {
        return Err(Problem::BadDate);
    }
    if !(MIN_YEAR..=MAX_YEAR).contains(&ce_year) {
        return Err(Problem::DateOutOfRange);
    }
    Ok((ce_year, month))
}

/// `2026-10`
pub fn month_key(date: NaiveDate) -> String {
    format!("{:04}-{:02}", date.year(), date.month())
}

/// The month `n` months after (or before, for negative `n`) the month `(year, month)`.
pub fn add_months((year, month): (i32, u32), n: i64) -> (i32, u32) {
    let index = i64::from(year) * 12 + i64::from(month) - 1 + n;
    (index.div_euclid(12) as i32, (index.rem_euclid(12) + 1) as u32)
}

pub fn first_of_month(year: i32, month: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, 1).expect("valid month")
}

pub fn last_of_month(year: i32, month: u32) -> NaiveDate {
    let (ny, nm) = add_months((year, month), 1);
    first_of_month(ny, nm).pred_opt().expect("not the first day ever")
}

/// Whole years between two dates (age, years of membership).
pub fn whole_years(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    years
}

/// Thailand's offset from UTC (Asia/Bangkok keeps no daylight saving): a fund's "today" and
/// every date printed from a recorded time are dates in Thailand.
pub fn thai_offset() -> chrono::FixedOffset {
    chrono::FixedOffset::east_opt(7 * 3600).expect("valid offset")
}

/// The date in Thailand of a recorded UTC time (`2026-04-30T22:30:00Z` is 1 May there);
/// `None` for text that is not such a time.
pub fn local_date_of(recorded_at: &str) -> Option<NaiveDate> {
    let at = chrono::DateTime::parse_from_rfc3339(recorded_at).ok()?;
    Some(at.with_timezone(&thai_offset()).date_naive())
}

/// A year as typed (`2568`, `๒๕๖๘` or `2025`), as a Gregorian year; anything else is refused
/// naming the field `year` and the text.
pub fn year_typed(text: &str) -> crate::Result<i32> {
    let digits = crate::thai::from_thai_digits(text.trim());
    let year = digits
        .parse::<i32>()
        .map_err(|_| crate::Error::invalid("year", text, crate::Problem::NotANumber))?;
    ce_year(year)
}

/// A year given as a number, BE (2569) or CE (2026), as the Gregorian year.
pub fn ce_year(year: i32) -> crate::Result<i32> {
    let ce = if year >= 2400 { year - crate::thai::BE_OFFSET } else { year };
    if !(1900..=2200).contains(&ce) {
        return Err(crate::Error::invalid(
            "year",
            year.to_string(),
            crate::Problem::DateOutOfRange,
        ));
    }
    Ok(ce)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_digit_buddhist_year_is_read_as_thai_offices_write_it() {
        assert_eq!(parse("1/12/69"), Ok(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()));
        assert_eq!(parse("๑/๑๒/๖๙"), Ok(NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()));
        assert_eq!(parse("31/10/2569"), parse("31/10/69"));
        assert!(parse("2026-12-1").is_ok() && parse("69-12-01").is_err(), "ISO keeps four digits");
    }

    #[test]
    fn a_recorded_time_is_dated_in_thailand() {
        // 05:30 on 1 May in Thailand is 22:30 on 30 April in UTC: the close prints 1 พ.ค.
        assert_eq!(local_date_of("2026-04-30T22:30:00Z"), NaiveDate::from_ymd_opt(2026, 5, 1));
        assert_eq!(local_date_of("2026-04-30T16:59:59Z"), NaiveDate::from_ymd_opt(2026, 4, 30));
        assert_eq!(local_date_of("not a time"), None);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn accepts_both_eras_and_layouts() {
        assert_eq!(parse("2026-10-31").unwrap(), d(2026, 10, 31));
        assert_eq!(parse("2569-10-31").unwrap(), d(2026, 10, 31));
        assert_eq!(parse("31/10/2569").unwrap(), d(2026, 10, 31));
        assert_eq!(parse("31/10/2026").unwrap(), d(2026, 10, 31));
        assert_eq!(parse("๓๑/๑๐/๒๕๖๙").unwrap(), d(2026, 10, 31));
        assert_eq!(parse("1/2/2569").unwrap(), d(2026, 2, 1));
        // 2400 is the first year taken as BE: 2400 BE = 1857 CE, too old for a fund.
        assert_eq!(parse("2399-01-01"), Err(Problem::DateOutOfRange));
        assert_eq!(parse("2443-01-01").unwrap(), d(1900, 1, 1));
        // leap day exists in 2567 BE (2024 CE) but not in 2566 BE (2023 CE)
        assert_eq!(parse("29/02/2567").unwrap(), d(2024, 2, 29));
        assert_eq!(parse("29/02/2566"), Err(Problem::BadDate));
    }

    #[test]
    fn refuses_ambiguous_or_broken_dates() {
        for s in [
            "31-10-2569",
            "2026/10/31x",
            "2026-13-01",
            "2026-00-10",
            "2026-10-32",
            "26-10-31",
            "hello",
            "2026-10",
            "1899-12-31",
        ] {
            assert!(parse(s).is_err(), "{s}");
        }
        assert_eq!(parse(""), Err(Problem::Empty));
    }

    #[test]
    fn months_and_years() {
        assert_eq!(parse_month("2026-10").unwrap(), (2026, 10));
        assert_eq!(parse_month("2569-10").unwrap(), (2026, 10));
        assert!(parse_month("2026-13").is_err());
        assert_eq!(last_of_month(2024, 2), d(2024, 2, 29));
        assert_eq!(last_of_month(2026, 12), d(2026, 12, 31));
        assert_eq!(whole_years(d(2000, 3, 1), d(2026, 2, 28)), 25);
        assert_eq!(whole_years(d(2000, 3, 1), d(2026, 3, 1)), 26);
    }
}
