//! The support programme's own settings — the government's matching programme through CODI,
//! not the guideline: the counting day on which members are counted, how many rounds a member
//! is matched at most, and the share of spending administration may take. Each is named, dated and carries where it comes from, so a change
//! the programme announces is recorded from its day (`kongthun matching programme`) instead of
//! being written into the code as if it were law. Until one is recorded, the program's
//! defaults stand, and say so.

use crate::error::Problem;
use chrono::NaiveDate;
use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgrammeKey {
    /// Government rounds a member is matched in at most.
    RoundsCap,
    /// Administration (with the committee's costs) at most this share of spending, in
    /// hundredths of a percent.
    AdministrationShare,
    /// The day of the year members are counted for a request (month × 100 + day: 930 is
    /// 30 September); a member counts after a full year of membership on that day.
    CountingDay,
}

impl ProgrammeKey {
    pub const ALL: [ProgrammeKey; 3] =
        [ProgrammeKey::RoundsCap, ProgrammeKey::AdministrationShare, ProgrammeKey::CountingDay];

    pub fn key(self) -> &'static str {
        match self {
            ProgrammeKey::RoundsCap => "rounds_cap",
            ProgrammeKey::AdministrationShare => "administration_share",
            ProgrammeKey::CountingDay => "counting_day",
        }
    }

    pub fn name_th(self) -> &'static str {
        match self {
            ProgrammeKey::RoundsCap => "จำนวนรอบสูงสุดที่สมาชิกได้รับเงินสมทบจากรัฐบาล",
            ProgrammeKey::AdministrationShare => "ค่าบริหารจัดการสูงสุด (ร้อยละของรายจ่าย)",
            ProgrammeKey::CountingDay => "วันนับจำนวนสมาชิกเพื่อขอรับเงินสมทบ (วัน/เดือน)",
        }
    }

    pub fn parse(text: &str) -> Result<ProgrammeKey, Problem> {
        let t = text.trim().replace('-', "_");
        ProgrammeKey::ALL.into_iter().find(|k| k.key() == t).ok_or_else(|| Problem::UnknownChoice {
            allowed: ProgrammeKey::ALL.map(|k| k.key()).join(", "),
        })
    }

    /// The value as typed: a whole number of rounds (1 to 20), or a percent with at most
    /// two decimals (0 to 100) kept in hundredths.
    pub fn parse_value(self, text: &str) -> Result<i64, Problem> {
        match self {
            ProgrammeKey::RoundsCap => {
                let n: i64 = crate::thai::from_thai_digits(text.trim())
                    .parse()
                    .map_err(|_| Problem::NotANumber)?;
                if !(1..=20).contains(&n) {
                    return Err(Problem::UnknownChoice { allowed: "1-20".into() });
                }
                Ok(n)
            }
            ProgrammeKey::AdministrationShare => {
                let bp =
                    crate::domain::Satang::parse(text, crate::domain::money::Sign::NonNegative)?
                        .satang();
                if bp > 10_000 {
                    return Err(Problem::UnknownChoice { allowed: "0-100".into() });
                }
                Ok(bp)
            }
            ProgrammeKey::CountingDay => {
                // `30/9` (day/month, as Thai dates are written) or `09-30` (ISO's month-day)
                let t = crate::thai::from_thai_digits(text.trim());
                let number = |p: &str| p.trim().parse::<u32>().map_err(|_| Problem::BadDate);
                let (day, month) = match (t.split_once('/'), t.split_once('-')) {
                    (Some((d, m)), _) => (number(d)?, number(m)?),
                    (None, Some((m, d))) => (number(d)?, number(m)?),
                    _ => return Err(Problem::BadDate),
                };
                // a day every year has (29 February is not)
                if (month, day) == (2, 29) || NaiveDate::from_ymd_opt(2001, month, day).is_none() {
                    return Err(Problem::BadDate);
                }
                Ok(i64::from(month * 100 + day))
            }
        }
    }

    /// The value as a person reads it: `4`, `15.5`, `30/9`.
    pub fn show(self, value: i64) -> String {
        match self {
            ProgrammeKey::RoundsCap => value.to_string(),
            ProgrammeKey::AdministrationShare => {
                crate::domain::Satang::new(value).to_decimal().normalize().to_string()
            }
            ProgrammeKey::CountingDay => format!("{}/{}", value % 100, value / 100),
        }
    }
}

/// One setting from a day on, and where it comes from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProgrammeSetting {
    pub key: ProgrammeKey,
    pub value: i64,
    pub effective_from: NaiveDate,
    pub source: String,
    /// False for the program's own default (nothing recorded yet).
    pub recorded: bool,
}

/// What the program assumes until the fund records the programme's own figure.
pub fn default_setting(key: ProgrammeKey) -> ProgrammeSetting {
    ProgrammeSetting {
        key,
        value: match key {
            ProgrammeKey::RoundsCap => 3,
            ProgrammeKey::AdministrationShare => 2_000,
            ProgrammeKey::CountingDay => 930,
        },
        effective_from: NaiveDate::from_ymd_opt(2000, 1, 1).expect("a day"),
        recorded: false,
        source: "ค่าเริ่มต้นของโปรแกรม ตามโครงการสนับสนุนของรัฐบาลผ่าน พอช. (ไม่ใช่แนวทาง) / the program's default for the government's support programme through CODI (not the guideline)".into(),
    }
}

/// The settings in force on `day`: the latest recorded from that day or before, else the
/// default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Programme {
    pub rounds_cap: ProgrammeSetting,
    pub administration_share: ProgrammeSetting,
    pub counting_day: ProgrammeSetting,
}

impl Programme {
    pub fn on(recorded: &[ProgrammeSetting], day: NaiveDate) -> Programme {
        let of = |key: ProgrammeKey| {
            recorded
                .iter()
                .filter(|s| s.key == key && s.effective_from <= day)
                .max_by_key(|s| s.effective_from)
                .cloned()
                .unwrap_or_else(|| default_setting(key))
        };
        Programme {
            rounds_cap: of(ProgrammeKey::RoundsCap),
            administration_share: of(ProgrammeKey::AdministrationShare),
            counting_day: of(ProgrammeKey::CountingDay),
        }
    }

    /// The counting day of the setting in `year`.
    pub fn counting_day_in(&self, year: i32) -> NaiveDate {
        let v = self.counting_day.value;
        let month = u32::try_from(v / 100).unwrap_or(9);
        let day = u32::try_from(v % 100).unwrap_or(30);
        NaiveDate::from_ymd_opt(year, month, day)
            .unwrap_or_else(|| NaiveDate::from_ymd_opt(year, 9, 30).expect("a day"))
    }
}

impl Default for Programme {
    fn default() -> Programme {
        Programme::on(&[], NaiveDate::from_ymd_opt(2000, 1, 1).expect("a day"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recorded_setting_holds_from_its_day_and_the_default_before() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let four = ProgrammeSetting {
            key: ProgrammeKey::RoundsCap,
            value: 4,
            effective_from: day(2026, 10, 1),
            source: "หนังสือ พอช. 1/2569".into(),
            recorded: true,
        };
        let recorded = [four.clone()];
        assert_eq!(Programme::on(&recorded, day(2026, 9, 30)).rounds_cap.value, 3);
        assert_eq!(Programme::on(&recorded, day(2026, 10, 1)).rounds_cap, four);
        assert_eq!(Programme::on(&recorded, day(2027, 1, 1)).administration_share.value, 2_000);
        assert_eq!(ProgrammeKey::parse("rounds-cap"), Ok(ProgrammeKey::RoundsCap));
        assert!(ProgrammeKey::parse("lapse_after").is_err());
        assert_eq!(ProgrammeKey::RoundsCap.parse_value("๔"), Ok(4));
        assert!(ProgrammeKey::RoundsCap.parse_value("0").is_err());
        assert_eq!(ProgrammeKey::AdministrationShare.parse_value("15.5"), Ok(1_550));
        assert!(ProgrammeKey::AdministrationShare.parse_value("101").is_err());
        assert_eq!(ProgrammeKey::CountingDay.parse_value("31/12"), Ok(1231));
        assert_eq!(ProgrammeKey::CountingDay.parse_value("๓๐/๙"), Ok(930));
        assert_eq!(ProgrammeKey::CountingDay.parse_value("09-30"), Ok(930));
        for bad in ["29/2", "31/4", "30", "x/9"] {
            assert!(ProgrammeKey::CountingDay.parse_value(bad).is_err(), "{bad}");
        }
        assert_eq!(ProgrammeKey::CountingDay.show(930), "30/9");
        let mut p = Programme::default();
        assert_eq!(p.counting_day_in(2026), day(2026, 9, 30));
        p.counting_day.value = 1231;
        assert_eq!(p.counting_day_in(2026), day(2026, 12, 31));
    }
}
