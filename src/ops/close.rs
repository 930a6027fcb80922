//! Month close (DESIGN §2, invariant 4): after it, no entry may be dated in that month or
//! any month before it. The lapse rule is applied as of the month's last day in the same
//! transaction, and the chain head is recorded so the month's statement never changes.

use super::Ctx;
use crate::domain::chain::fingerprint;
use crate::domain::date::{last_of_month, parse_month};
use crate::error::{Error, Result};
use crate::store::Store;
use serde::Serialize;

#[derive(Clone, Debug, Serialize)]
pub struct CloseOutcome {
    pub month: String,
    pub last_entry: i64,
    pub fingerprint: String,
    pub lapsed_members: Vec<String>,
}

pub fn close_month(store: &mut Store, ctx: &Ctx, month_input: &str) -> Result<CloseOutcome> {
    let (year, month) =
        parse_month(month_input).map_err(|p| Error::invalid("month", month_input, p))?;
    let key = format!("{year:04}-{month:02}");
    let last_day = last_of_month(year, month);
    let refuse = |th: String, en: String| Error::CannotClose {
        month: key.clone(),
        reason_th: th,
        reason_en: en,
    };
    if last_day >= ctx.today() {
        return Err(refuse("เดือนนี้ยังไม่สิ้นสุด".into(), "the month has not ended yet".into()));
    }
    store.write(|tx| {
        tx.read().require_fund()?;
        if let Some(closed) = tx.read().last_closed_month()? {
            if key <= closed {
                return Err(refuse(
                    format!("ปิดถึงเดือน {closed} แล้ว"),
                    format!("months up to {closed} are already closed"),
                ));
            }
        }
        let lapsed = super::contributions::apply_lapse_in(tx, ctx, last_day)?;
        let (last_entry, head) = tx.insert_closed_month(&key, &ctx.now_text(), &ctx.recorded_by)?;
        Ok(CloseOutcome {
            month: key.clone(),
            last_entry,
            fingerprint: fingerprint(&head),
            lapsed_members: lapsed,
        })
    })
}
