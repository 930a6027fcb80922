//! Members: status, groups, sex, and the validated input for adding or editing one.

use super::thai_id::ThaiId;
use crate::error::{Error, Problem};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    Active,
    Lapsed,
    Resigned,
    Deceased,
    Expelled,
}

impl MemberStatus {
    pub const ALL: [MemberStatus; 5] = [
        MemberStatus::Active,
        MemberStatus::Lapsed,
        MemberStatus::Resigned,
        MemberStatus::Deceased,
        MemberStatus::Expelled,
    ];
    pub fn key(self) -> &'static str {
        match self {
            MemberStatus::Active => "active",
            MemberStatus::Lapsed => "lapsed",
            MemberStatus::Resigned => "resigned",
            MemberStatus::Deceased => "deceased",
            MemberStatus::Expelled => "expelled",
        }
    }
    pub fn name_th(self) -> &'static str {
        crate::error::status_th(self.key())
    }
    pub fn parse(input: &str) -> crate::Result<MemberStatus> {
        let t = input.trim();
        MemberStatus::ALL.into_iter().find(|s| s.key() == t || s.name_th() == t).ok_or_else(|| {
            Error::invalid(
                "status",
                input,
                Problem::UnknownChoice {
                    allowed: "active, lapsed, resigned, deceased, expelled".into(),
                },
            )
        })
    }
    /// A deceased member never comes back; other statuses can be changed by the committee.
    pub fn is_final(self) -> bool {
        self == MemberStatus::Deceased
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sex {
    #[serde(rename = "M")]
    Male,
    #[serde(rename = "F")]
    Female,
}

impl Sex {
    pub fn key(self) -> &'static str {
        match self {
            Sex::Male => "M",
            Sex::Female => "F",
        }
    }
    pub fn parse(input: &str) -> crate::Result<Sex> {
        match input.trim() {
            "M" | "m" | "male" | "ชาย" | "ช" => Ok(Sex::Male),
            "F" | "f" | "female" | "หญิง" | "ญ" => Ok(Sex::Female),
            _ => Err(Error::invalid(
                "sex",
                input,
                Problem::UnknownChoice { allowed: "M/ชาย, F/หญิง".into() },
            )),
        }
    }
    /// The sex a Thai title implies, if it implies one.
    pub fn from_title(title: &str) -> Option<Sex> {
        match title {
            "นาย" | "เด็กชาย" | "ด.ช." | "พระ" => Some(Sex::Male),
            "นาง" | "นางสาว" | "น.ส." | "เด็กหญิง" | "ด.ญ." => {
                Some(Sex::Female)
            }
            _ => None,
        }
    }
}

/// Groups the fund reports on. Age groups are derived from the birth date; the others are
/// recorded by the treasurer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberGroup {
    Youth,
    Elderly,
    Disabled,
    Disadvantaged,
    Orphan,
}

impl MemberGroup {
    pub fn key(self) -> &'static str {
        match self {
            MemberGroup::Youth => "youth",
            MemberGroup::Elderly => "elderly",
            MemberGroup::Disabled => "disabled",
            MemberGroup::Disadvantaged => "disadvantaged",
            MemberGroup::Orphan => "orphan",
        }
    }
    pub fn name_th(self) -> &'static str {
        match self {
            MemberGroup::Youth => "เด็กและเยาวชน",
            MemberGroup::Elderly => "ผู้สูงอายุ",
            MemberGroup::Disabled => "คนพิการ",
            MemberGroup::Disadvantaged => "ผู้ด้อยโอกาส",
            MemberGroup::Orphan => "เด็กกำพร้า",
        }
    }
    /// Groups the treasurer records (age groups are never stored).
    pub fn parse_recorded(input: &str) -> crate::Result<MemberGroup> {
        match input.trim() {
            "disabled" | "คนพิการ" | "ผู้พิการ" | "พิการ" => {
                Ok(MemberGroup::Disabled)
            }
            "disadvantaged" | "ผู้ด้อยโอกาส" | "ด้อยโอกาส" => {
                Ok(MemberGroup::Disadvantaged)
            }
            "orphan" | "เด็กกำพร้า" | "กำพร้า" => {
                Ok(MemberGroup::Orphan)
            }
            _ => Err(Error::invalid(
                "groups",
                input,
                Problem::UnknownChoice { allowed: "disabled, disadvantaged, orphan".into() },
            )),
        }
    }
    /// Parse a list like `disabled;orphan` or `ผู้พิการ, ด้อยโอกาส`.
    pub fn parse_list(input: &str) -> crate::Result<Vec<MemberGroup>> {
        let mut groups = Vec::new();
        for part in input.split([',', ';', '|']) {
            if part.trim().is_empty() {
                continue;
            }
            let g = MemberGroup::parse_recorded(part)?;
            if !groups.contains(&g) {
                groups.push(g);
            }
        }
        groups.sort();
        Ok(groups)
    }
}

/// Youth: under 25 (the Thai child-and-youth act); elderly: 60 and over.
pub const YOUTH_UNDER: i32 = 25;
pub const ELDERLY_FROM: i32 = 60;

/// Age groups of a person born on `birth` at `on`.
pub fn age_groups(birth: Option<NaiveDate>, on: NaiveDate) -> Vec<MemberGroup> {
    match birth.map(|b| super::date::whole_years(b, on)) {
        Some(age) if age < YOUTH_UNDER => vec![MemberGroup::Youth],
        Some(age) if age >= ELDERLY_FROM => vec![MemberGroup::Elderly],
        _ => vec![],
    }
}

/// Everything needed to add a member, already checked field by field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberInput {
    /// `None`: the next free number.
    pub member_no: Option<String>,
    pub title: String,
    pub first_name: String,
    pub last_name: String,
    pub national_id: Option<ThaiId>,
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    pub moo: Option<u32>,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub joined_on: NaiveDate,
    pub groups: Vec<MemberGroup>,
    pub beneficiary_name: Option<String>,
    pub beneficiary_relation: Option<String>,
    pub beneficiary_national_id: Option<ThaiId>,
}

/// A village number (หมู่ที่) as typed, Thai digits too: 1 to 99, or none when left empty.
pub fn parse_moo(field: &'static str, text: &str) -> crate::Result<Option<u32>> {
    match crate::thai::from_thai_digits(text.trim()).as_str() {
        "" => Ok(None),
        s => match s.parse::<u32>() {
            Ok(m) if (1..=99).contains(&m) => Ok(Some(m)),
            _ => {
                Err(Error::invalid(field, text, Problem::UnknownChoice { allowed: "1-99".into() }))
            }
        },
    }
}

/// The same fields as typed (CLI, CSV, XLSX, UI), before checking.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberFields {
    pub member_no: String,
    pub title: String,
    pub first_name: String,
    pub last_name: String,
    pub national_id: String,
    pub birth_date: String,
    pub sex: String,
    pub moo: String,
    pub address: String,
    pub phone: String,
    pub joined_on: String,
    pub groups: String,
    pub beneficiary_name: String,
    pub beneficiary_relation: String,
    pub beneficiary_national_id: String,
}

impl MemberFields {
    /// Check every field; the first problem is returned as an error naming field and value.
    /// `today` guards against birth and joining dates in the future.
    pub fn validate(&self, today: NaiveDate) -> crate::Result<MemberInput> {
        use super::text::{optional, required};
        let member_no = optional("member_no", &self.member_no, 20)?;
        if let Some(no) = &member_no {
            if !no.chars().all(|c| c.is_alphanumeric() || c == '-' || c == '/') {
                return Err(Error::invalid(
                    "member_no",
                    no,
                    Problem::Other {
                        th: "มีอักขระที่ใช้ไม่ได้".into(),
                        en: "has characters that are not allowed".into(),
                    },
                ));
            }
        }
        let title = required("title", &self.title, 40)?;
        let first_name = required("first_name", &self.first_name, 100)?;
        let last_name = required("last_name", &self.last_name, 100)?;
        let national_id = match self.national_id.trim() {
            "" => None,
            s => Some(ThaiId::parse_field("national_id", s)?),
        };
        let birth_date = match self.birth_date.trim() {
            "" => None,
            s => Some(super::date::parse_field("birth_date", s)?),
        };
        if let Some(b) = birth_date {
            if b > today {
                return Err(Error::invalid("birth_date", &self.birth_date, Problem::InFuture));
            }
        }
        let sex = match self.sex.trim() {
            "" => Sex::from_title(&title),
            s => Some(Sex::parse(s)?),
        };
        let moo = parse_moo("moo", &self.moo)?;
        let phone = optional("phone", &self.phone, 20)?;
        if let Some(p) = &phone {
            let ascii = crate::thai::from_thai_digits(p);
            if !ascii.chars().all(|c| c.is_ascii_digit() || "-+ ".contains(c)) {
                return Err(Error::invalid("phone", p, Problem::NotANumber));
            }
        }
        let joined_on = super::date::parse_field("joined_on", &self.joined_on)?;
        if joined_on > today {
            return Err(Error::invalid("joined_on", &self.joined_on, Problem::InFuture));
        }
        if let Some(b) = birth_date {
            if joined_on < b {
                return Err(Error::invalid(
                    "joined_on",
                    &self.joined_on,
                    Problem::Other {
                        th: "ก่อนวันเกิด".into(), en: "is before the birth date".into()
                    },
                ));
            }
        }
        let beneficiary_national_id = match self.beneficiary_national_id.trim() {
            "" => None,
            s => Some(ThaiId::parse_field("beneficiary_national_id", s)?),
        };
        Ok(MemberInput {
            member_no,
            title,
            first_name,
            last_name,
            national_id,
            birth_date,
            sex,
            moo,
            address: optional("address", &self.address, 300)?,
            phone,
            joined_on,
            groups: MemberGroup::parse_list(&self.groups)?,
            beneficiary_name: optional("beneficiary_name", &self.beneficiary_name, 200)?,
            beneficiary_relation: optional("beneficiary_relation", &self.beneficiary_relation, 50)?,
            beneficiary_national_id,
        })
    }
}

/// One member as a bundle carries them (a line of `data/members.jsonl`), read straight into
/// its fields for the province (no JSON tree per line). Left out or `null` reads as absent;
/// `birth_year` is a number or, from older bundles, its digits as text.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct MemberLine {
    pub member_no: Option<String>,
    pub title: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub sex: Option<String>,
    pub birth_year: Option<serde_json::Value>,
    pub moo: Option<i64>,
    pub joined_on: Option<String>,
    pub status: Option<String>,
    pub status_since: Option<String>,
    pub groups: Option<Vec<String>>,
    /// The keyed hash of the national ID (or the ID itself when the fund chose to send it).
    pub national_id: Option<String>,
}

impl MemberLine {
    pub fn birth_year(&self) -> Option<i64> {
        match &self.birth_year {
            Some(serde_json::Value::Number(n)) => n.as_i64(),
            Some(serde_json::Value::String(t)) => t.parse().ok(),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    fn somchai() -> MemberFields {
        MemberFields {
            title: "นาย".into(),
            first_name: "สมชาย".into(),
            last_name: "ใจดี".into(),
            national_id: "1-1037-02071-56-1".into(),
            birth_date: "12/05/2520".into(),
            moo: "๓".into(),
            joined_on: "2020-01-15".into(),
            groups: "ผู้พิการ; orphan".into(),
            ..Default::default()
        }
    }

    #[test]
    fn fields_validate_into_input() {
        let m = somchai().validate(today()).unwrap();
        assert_eq!(m.sex, Some(Sex::Male));
        assert_eq!(m.moo, Some(3));
        assert_eq!(m.birth_date, NaiveDate::from_ymd_opt(1977, 5, 12));
        assert_eq!(m.groups, vec![MemberGroup::Disabled, MemberGroup::Orphan]);
        assert_eq!(m.national_id.unwrap().as_str(), "1103702071561");
    }

    #[test]
    #[allow(clippy::type_complexity)]
    fn each_bad_field_is_named() {
        let cases: Vec<(fn(&mut MemberFields), &str)> = vec![
            (|f| f.national_id = "1103702071562".into(), "national_id"),
            (|f| f.first_name = "  ".into(), "first_name"),
            (|f| f.joined_on = "2027-01-01".into(), "joined_on"),
            (|f| f.joined_on = "1970-01-01".into(), "joined_on"),
            (|f| f.birth_date = "31/02/2520".into(), "birth_date"),
            (|f| f.moo = "0".into(), "moo"),
            (|f| f.sex = "x".into(), "sex"),
            (|f| f.groups = "rich".into(), "groups"),
            (|f| f.phone = "08x".into(), "phone"),
        ];
        for (mutate, field) in cases {
            let mut f = somchai();
            mutate(&mut f);
            match f.validate(today()) {
                Err(Error::Invalid { field: got, .. }) => assert_eq!(got, field),
                other => panic!("{field}: {other:?}"),
            }
        }
    }

    #[test]
    fn age_groups_follow_birthdays() {
        let on = today();
        let born = |y| NaiveDate::from_ymd_opt(y, 11, 23);
        assert_eq!(age_groups(born(2001), on), vec![MemberGroup::Youth]); // 24 until tomorrow
        assert_eq!(age_groups(born(1966), on), vec![]); // 59
        assert_eq!(
            age_groups(NaiveDate::from_ymd_opt(1966, 11, 22), on),
            vec![MemberGroup::Elderly]
        );
        assert_eq!(age_groups(None, on), vec![]);
    }
}
