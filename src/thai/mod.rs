//! Thai conventions in one place, used by every output (CLI, reports, UI commands):
//! Thai digits, Buddhist-era dates with full and short month names, and amounts as
//! `1,234.50`. Parsing of user input lives in `domain` (it is validation); this module only
//! formats.

mod baht;

pub use baht::baht_text;
use chrono::{Datelike, NaiveDate};

/// Years are shown in the Buddhist era: BE = CE + 543.
pub const BE_OFFSET: i32 = 543;

pub const MONTHS_FULL: [&str; 12] = [
    "มกราคม",
    "กุมภาพันธ์",
    "มีนาคม",
    "เมษายน",
    "พฤษภาคม",
    "มิถุนายน",
    "กรกฎาคม",
    "สิงหาคม",
    "กันยายน",
    "ตุลาคม",
    "พฤศจิกายน",
    "ธันวาคม",
];

pub const MONTHS_SHORT: [&str; 12] = [
    "ม.ค.",
    "ก.พ.",
    "มี.ค.",
    "เม.ย.",
    "พ.ค.",
    "มิ.ย.",
    "ก.ค.",
    "ส.ค.",
    "ก.ย.",
    "ต.ค.",
    "พ.ย.",
    "ธ.ค.",
];

const THAI_DIGITS: [char; 10] = ['๐', '๑', '๒', '๓', '๔', '๕', '๖', '๗', '๘', '๙'];

/// Replace ASCII digits by Thai digits (everything else unchanged).
pub fn to_thai_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => THAI_DIGITS[d as usize],
            _ => c,
        })
        .collect()
}

/// Replace Thai digits by ASCII digits (everything else unchanged). Used before parsing.
pub fn from_thai_digits(text: &str) -> String {
    text.chars()
        .map(|c| match THAI_DIGITS.iter().position(|&t| t == c) {
            Some(d) => char::from(b'0' + d as u8),
            None => c,
        })
        .collect()
}

/// Whether digits on print are ASCII or Thai (a fund setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Digits {
    #[default]
    Arabic,
    Thai,
}

impl Digits {
    pub fn apply(self, text: String) -> String {
        match self {
            Digits::Arabic => text,
            Digits::Thai => to_thai_digits(&text),
        }
    }
}

pub fn be_year(date: NaiveDate) -> i32 {
    date.year() + BE_OFFSET
}

/// `31 ต.ค. 2569`
pub fn date_short(date: NaiveDate, digits: Digits) -> String {
    digits.apply(format!(
        "{} {} {}",
        date.day(),
        MONTHS_SHORT[date.month0() as usize],
        be_year(date)
    ))
}

/// `31 ตุลาคม 2569`
pub fn date_long(date: NaiveDate, digits: Digits) -> String {
    digits.apply(format!(
        "{} {} {}",
        date.day(),
        MONTHS_FULL[date.month0() as usize],
        be_year(date)
    ))
}

/// `31/10/2569`, the form most Thai offices write by hand.
pub fn date_numeric(date: NaiveDate, digits: Digits) -> String {
    digits.apply(format!("{:02}/{:02}/{}", date.day(), date.month(), be_year(date)))
}

/// `ตุลาคม 2569` for a month given as (CE year, month 1-12).
pub fn month_long(year: i32, month: u32, digits: Digits) -> String {
    digits.apply(format!("{} {}", MONTHS_FULL[(month - 1) as usize], year + BE_OFFSET))
}

/// `ตุลาคม 2569` for a stored month key `2026-10`, for Thai messages (BE, never the key);
/// anything that is not a key is returned as it is.
pub fn month_key_long(key: &str) -> String {
    let parsed = key.split_once('-').and_then(|(y, m)| {
        let (year, month) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
        (y.len() == 4 && (1..=12).contains(&month)).then_some((year, month))
    });
    match parsed {
        Some((year, month)) => month_long(year, month, Digits::Arabic),
        None => key.to_string(),
    }
}

/// `1,234.50`, `-75.00`: an amount in satang shown in baht with thousands separators.
pub fn amount(satang: i64, digits: Digits) -> String {
    let negative = satang < 0;
    let abs = satang.unsigned_abs();
    let baht = abs / 100;
    let sat = abs % 100;
    let grouped = group_thousands(baht);
    let sign = if negative { "-" } else { "" };
    digits.apply(format!("{sign}{grouped}.{sat:02}"))
}

fn group_thousands(n: u64) -> String {
    let plain = n.to_string();
    let mut out = String::with_capacity(plain.len() + plain.len() / 3);
    for (i, c) in plain.chars().enumerate() {
        if i > 0 && (plain.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_show_in_buddhist_era() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 31).unwrap();
        assert_eq!(date_short(d, Digits::Arabic), "31 ต.ค. 2569");
        assert_eq!(date_short(d, Digits::Thai), "๓๑ ต.ค. ๒๕๖๙");
        assert_eq!(date_long(d, Digits::Arabic), "31 ตุลาคม 2569");
        assert_eq!(date_numeric(d, Digits::Arabic), "31/10/2569");
    }

    #[test]
    fn amounts_group_thousands() {
        assert_eq!(amount(123450, Digits::Arabic), "1,234.50");
        assert_eq!(amount(0, Digits::Arabic), "0.00");
        assert_eq!(amount(-7500, Digits::Arabic), "-75.00");
        assert_eq!(amount(100_000_000_00, Digits::Arabic), "100,000,000.00");
        assert_eq!(amount(123450, Digits::Thai), "๑,๒๓๔.๕๐");
        assert_eq!(amount(i64::MIN, Digits::Arabic), "-92,233,720,368,547,758.08");
    }

    #[test]
    fn digits_round_trip() {
        assert_eq!(from_thai_digits(&to_thai_digits("2569-10-31")), "2569-10-31");
    }
}
