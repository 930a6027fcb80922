//! Writing the migration template for this fund: the fund sheet's items (the suggested books
//! start is the first day of the current fiscal year) and one row per account of the fund's
//! chart that can carry a balance besides cash, the bank, members' savings and loans, and
//! the capital (which the program computes).

use super::super::Ctx;
use super::sheets::SHEETS;
use crate::domain::accounts::{BANK, CASH, FUND_CAPITAL, LOANS, SAVINGS_OWED};
use crate::domain::AccountClass;
use crate::error::Result;
use crate::render::migration_template::{template_xlsx, FundItem};
use crate::store::Store;
use std::path::Path;

/// Write the template to `path` (atomically); returns the number of fund items.
pub fn write_template(store: &Store, ctx: &Ctx, path: &Path) -> Result<usize> {
    let reader = store.read();
    let fund = reader.require_fund()?;
    let today = ctx.today();
    let fy = fund.profile.fiscal_year_start;
    let (year, month) = (chrono::Datelike::year(&today), chrono::Datelike::month(&today));
    let start_year = if month >= fy { year } else { year - 1 };
    let suggested = crate::domain::date::first_of_month(start_year, fy);
    let digits = crate::thai::Digits::Arabic;
    let item = |key: &str, value: String, note: &str| FundItem {
        key: key.into(),
        value,
        note: note.into(),
    };
    let mut items = vec![
        item("books_start", crate::thai::date_numeric(suggested, digits), "วันแรกที่บันทึกในโปรแกรม (แนะนำวันแรกของปีบัญชี) / the first day kept in the program"),
        item("founded_on", String::new(), "วันก่อตั้งกองทุนจริง / when the fund was really founded"),
        item("founding_note", String::new(), "มติที่ประชุมก่อตั้ง (ถ้ามี) / the founding resolution, if any"),
        item("cash", String::new(), "เงินสดในมือ ณ วันเริ่มบัญชี / cash in hand on the books' first day"),
        item("bank", String::new(), "เงินฝากธนาคารตามสมุดบัญชี / the bank balance in the passbook"),
        item("capital_expected", String::new(), "ทุนสะสมตามรายงานฉบับสุดท้ายที่เขียนด้วยมือ (ถ้ามี โปรแกรมจะตรวจให้ตรงกัน) / the capital on the last handwritten statement, checked if given"),
        item("savings_total", String::new(), "ยอดรวมเงินสัจจะตามบัญชีเดิม (ถ้ามี) / total sajja savings in the old books, checked if given"),
        item("loans_total", String::new(), "ยอดรวมเงินกู้คงค้างตามบัญชีเดิม (ถ้ามี) / total loans outstanding, checked if given"),
    ];
    for a in reader.accounts()? {
        let carried =
            matches!(a.class, AccountClass::Asset | AccountClass::Liability | AccountClass::Equity);
        if carried && ![CASH, BANK, LOANS, SAVINGS_OWED, FUND_CAPITAL].contains(&a.code.as_str()) {
            items.push(item(
                &format!("account:{}", a.code),
                String::new(),
                &format!("{} / {}", a.name_th, a.name_en),
            ));
        }
    }
    let bytes = template_xlsx(&SHEETS, &items, &fund.profile.name_th)?;
    crate::ops::atomic::write_atomic(path, &bytes)?;
    Ok(items.len())
}
