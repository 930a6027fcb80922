//! Setting up a fund: the profile and the seeded chart of accounts, in one transaction.

use super::Ctx;
use crate::domain::accounts::seed_chart;
use crate::domain::FundProfile;
use crate::error::{Error, Result};
use crate::store::Store;

pub fn init_fund(store: &mut Store, ctx: &Ctx, profile: &FundProfile) -> Result<()> {
    profile.validate()?;
    store.write(|tx| {
        if let Some(existing) = tx.read().fund()? {
            return Err(Error::FundExists { name: existing.profile.name_th });
        }
        let mut p = profile.clone();
        p.name_th = p.name_th.trim().to_string();
        p.fund_code = p.fund_code.trim().to_string();
        tx.insert_fund(&p, &ctx.now_text())?;
        for account in seed_chart(p.kind) {
            tx.insert_account(&account, true, &ctx.now_text())?;
        }
        // The default welfare rules, in force from the start of the year the fund was set up
        // in (members' history before that is usually entered as opening balances).
        let from = chrono::NaiveDate::from_ymd_opt(chrono::Datelike::year(&ctx.today()), 1, 1).expect("valid");
        super::welfare::seed_default_rules(tx, ctx, from)?;
        Ok(())
    })
}

/// A new fund's profile as typed in a form (the desktop app's first-run wizard): every field
/// is text, checked here so that a bad one is named with its value.
#[derive(Clone, Debug, Default, serde::Deserialize, serde::Serialize)]
#[serde(default)]
pub struct FundForm {
    pub name_th: String,
    pub name_en: String,
    pub kind: String,
    pub fund_code: String,
    pub village: String,
    pub moo: String,
    pub tambon: String,
    pub amphoe: String,
    pub changwat: String,
    pub fiscal_year_start: String,
    pub schedule: String,
    pub contribution: String,
    pub entrance_fee: String,
    pub lapse_after: String,
    pub thai_digits: bool,
}

impl FundForm {
    pub fn profile(&self) -> Result<FundProfile> {
        use crate::domain::fund::{FundKind, Schedule};
        use crate::domain::money::Sign;
        use crate::domain::Satang;
        let number = |field: &'static str, text: &str, default: u32, max: u32| -> Result<u32> {
            let digits = crate::thai::from_thai_digits(text.trim());
            if digits.is_empty() {
                return Ok(default);
            }
            match digits.parse::<u32>() {
                Ok(n) if n <= max => Ok(n),
                _ => Err(Error::invalid(field, text, crate::Problem::NotANumber)),
            }
        };
        let moo = number("moo", &self.moo, 0, 99)?;
        let fiscal = number("fiscal_year_start", &self.fiscal_year_start, 1, 12)?;
        if fiscal == 0 {
            return Err(Error::invalid("fiscal_year_start", &self.fiscal_year_start, crate::Problem::NotANumber));
        }
        let entrance = if self.entrance_fee.trim().is_empty() { "0" } else { self.entrance_fee.as_str() };
        Ok(FundProfile {
            name_th: self.name_th.clone(),
            name_en: self.name_en.clone(),
            kind: FundKind::parse(&self.kind)?,
            fund_code: self.fund_code.clone(),
            village: self.village.clone(),
            moo: (moo > 0).then_some(moo),
            tambon: self.tambon.clone(),
            amphoe: self.amphoe.clone(),
            changwat: self.changwat.clone(),
            fiscal_year_start: fiscal,
            schedule: Schedule::parse(&self.schedule)?,
            contribution: Satang::parse_field("contribution", &self.contribution, Sign::Positive)?,
            entrance_fee: Satang::parse_field("entrance_fee", entrance, Sign::NonNegative)?,
            lapse_after: number("lapse_after", &self.lapse_after, 0, 120)?,
            thai_digits: self.thai_digits,
        })
    }
}
