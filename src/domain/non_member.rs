//! A person in the community who is not a member, as a welfare claim names them (the
//! guideline's «ดูแลสมาชิกและคนในชุมชน»): read from what was typed once, here; the store
//! keeps their national ID only as a keyed hash.

use super::thai_id::ThaiId;
use crate::error::{Error, Problem};
use chrono::NaiveDate;
use serde::Deserialize;

/// The person as typed in the claim form or on the command line.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default)]
pub struct PersonText {
    pub name: String,
    pub national_id: String,
    pub moo: String,
    pub birth_date: String,
    pub disabled_or_disadvantaged: bool,
    /// Who receives the money when it is not the person (a death benefit: the heir).
    pub payee_name: String,
    pub payee_relation: String,
}

/// The person, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NonMember {
    pub name: String,
    pub national_id: ThaiId,
    pub moo: Option<u8>,
    pub birth_date: Option<NaiveDate>,
    pub disabled_or_disadvantaged: bool,
    /// (name, relation to the person) of who receives the money, when not the person.
    pub payee: Option<(String, String)>,
}

impl PersonText {
    pub fn read(&self, today: NaiveDate) -> crate::Result<NonMember> {
        let name = super::text::required("person_name", &self.name, 120)?;
        let national_id = ThaiId::parse_field("person_national_id", &self.national_id)?;
        // (1 to 99: a u8 holds it)
        let moo = super::member::parse_moo("person_moo", &self.moo)?.map(|m| m as u8);
        let birth_date = match self.birth_date.trim() {
            "" => None,
            b => {
                let d = super::date::parse_field("person_birth_date", b)?;
                if d > today {
                    return Err(Error::invalid(
                        "person_birth_date",
                        &self.birth_date,
                        Problem::InFuture,
                    ));
                }
                Some(d)
            }
        };
        let payee = super::text::optional("person_payee_name", &self.payee_name, 120)?
            .map(|payee| {
                let relation =
                    super::text::optional("person_payee_relation", &self.payee_relation, 60)?;
                Ok::<_, Error>((payee, relation.unwrap_or_default()))
            })
            .transpose()?;
        Ok(NonMember {
            payee,
            name,
            national_id,
            moo,
            birth_date,
            disabled_or_disadvantaged: self.disabled_or_disadvantaged,
        })
    }
}

impl NonMember {
    /// The name with the village, as a voucher and a list print it.
    pub fn named(&self) -> String {
        with_village(&self.name, self.moo)
    }
}

/// A non-member's name with their village (`นางสมใจ ใจดี หมู่ 4`), the one way every list,
/// entry and voucher writes it.
pub fn with_village(name: &str, moo: Option<u8>) -> String {
    match moo {
        Some(m) => format!("{name} หมู่ {m}"),
        None => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
    }

    #[test]
    fn a_person_is_read_once_with_each_bad_field_named() {
        let good = PersonText {
            name: " นางสมใจ ใจดี ".into(),
            national_id: "1-1017-00230-70-8".into(),
            moo: "๔".into(),
            birth_date: "1950-03-02".into(),
            ..Default::default()
        };
        let p = good.read(today()).unwrap();
        assert_eq!(p.name, "นางสมใจ ใจดี");
        assert_eq!(p.moo, Some(4));
        assert_eq!(p.named(), "นางสมใจ ใจดี หมู่ 4");
        for (change, field) in [
            (
                Box::new(|t: &mut PersonText| t.name = " ".into()) as Box<dyn Fn(&mut PersonText)>,
                "person_name",
            ),
            (
                Box::new(|t: &mut PersonText| t.national_id = "1101700230709".into()),
                "person_national_id",
            ),
            (Box::new(|t: &mut PersonText| t.moo = "0".into()), "person_moo"),
            (
                Box::new(|t: &mut PersonText| t.birth_date = "2030-01-01".into()),
                "person_birth_date",
            ),
        ] {
            let mut bad = good.clone();
            change(&mut bad);
            let e = bad.read(today()).unwrap_err();
            assert!(format!("{e:?}").contains(field), "{field}: {e:?}");
        }
    }
}
