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
