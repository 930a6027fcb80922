//! Baht in words as Excel's BAHTTEXT writes them: `หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์`,
//! `...บาทถ้วน` when there are no satang, `สิบ` / `ยี่สิบ` / `เอ็ด`, and `ล้าน` repeated for
//! every six digits beyond a million.

const DIGITS: [&str; 10] = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"];
const PLACES: [&str; 6] = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"];

/// Words for 0 < n < 1,000,000; `after_more` is true when higher digits precede this group
/// (so a final 1 reads เอ็ด).
fn group(n: u64, after_more: bool) -> String {
    let mut out = String::new();
    let digits: Vec<u64> = (0..6).map(|p| (n / 10u64.pow(p)) % 10).collect();
    for place in (0..6).rev() {
        let d = digits[place] as usize;
        if d == 0 {
            continue;
        }
        match place {
            0 if d == 1 && (after_more || n >= 10) => out.push_str("เอ็ด"),
            1 if d == 1 => out.push_str("สิบ"),
            1 if d == 2 => out.push_str("ยี่สิบ"),
            _ => {
                out.push_str(DIGITS[d]);
                out.push_str(PLACES[place]);
            }
        }
    }
    out
}

/// Words for a whole number (0 gives an empty string).
fn number(n: u64) -> String {
    if n == 0 {
        return String::new();
    }
    if n < 1_000_000 {
        return group(n, false);
    }
    let high = number(n / 1_000_000);
    let low = n % 1_000_000;
    let low_words = if low == 0 { String::new() } else { group(low, true) };
    format!("{high}ล้าน{low_words}")
}

/// BAHTTEXT of an amount in satang.
pub fn baht_text(satang: i64) -> String {
    let negative = satang < 0;
    let abs = satang.unsigned_abs();
    let (baht, sat) = (abs / 100, abs % 100);
    let mut out = String::new();
    if negative {
        out.push_str("ลบ");
    }
    if baht == 0 && sat == 0 {
        out.push_str("ศูนย์บาทถ้วน");
        return out;
    }
    if baht > 0 {
        out.push_str(&number(baht));
        out.push_str("บาท");
    }
    if sat == 0 {
        out.push_str("ถ้วน");
    } else {
        out.push_str(&number(sat));
        out.push_str("สตางค์");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::baht_text;

    #[test]
    fn matches_known_bahttext_outputs() {
        let cases = [
            (123450, "หนึ่งพันสองร้อยสามสิบสี่บาทห้าสิบสตางค์"),
            (100, "หนึ่งบาทถ้วน"),
            (1000, "สิบบาทถ้วน"),
            (1100, "สิบเอ็ดบาทถ้วน"),
            (2100, "ยี่สิบเอ็ดบาทถ้วน"),
            (2000, "ยี่สิบบาทถ้วน"),
            (10100, "หนึ่งร้อยเอ็ดบาทถ้วน"),
            (10000, "หนึ่งร้อยบาทถ้วน"),
            (0, "ศูนย์บาทถ้วน"),
            (25, "ยี่สิบห้าสตางค์"),
            (1, "หนึ่งสตางค์"),
            (11, "สิบเอ็ดสตางค์"),
            (150, "หนึ่งบาทห้าสิบสตางค์"),
            (3_000_000, "สามหมื่นบาทถ้วน"),
            (100_000_000, "หนึ่งล้านบาทถ้วน"),
            (100_000_100, "หนึ่งล้านเอ็ดบาทถ้วน"),
            (2_100_000_000, "ยี่สิบเอ็ดล้านบาทถ้วน"),
            (1_000_000_000_00, "หนึ่งพันล้านบาทถ้วน"),
            (1_000_000_000_000_00, "หนึ่งล้านล้านบาทถ้วน"),
            (1_234_567_891_25, "หนึ่งพันสองร้อยสามสิบสี่ล้านห้าแสนหกหมื่นเจ็ดพันแปดร้อยเก้าสิบเอ็ดบาทยี่สิบห้าสตางค์"),
            (-7500, "ลบเจ็ดสิบห้าบาทถ้วน"),
            (99_999_99, "เก้าหมื่นเก้าพันเก้าร้อยเก้าสิบเก้าบาทเก้าสิบเก้าสตางค์"),
        ];
        for (satang, words) in cases {
            assert_eq!(baht_text(satang), words, "{satang}");
        }
    }
}
