//! Report *data*: plain structs computed from the store, handed to the CLI (and later to
//! `render`) to format. Nothing here formats text for people.

pub mod allocation;
pub mod books;
pub mod codi;
pub mod dashboard;
pub mod meetings;
pub mod members;
pub mod month;
pub mod province;
pub mod registers;
pub mod standing;
pub mod statement;
pub mod trial_balance;
pub mod yearly;

pub use dashboard::{arrears_count, dashboard, Dashboard};
pub use month::{month_summary, MonthLine, MonthSummary};
pub use statement::{statement, Statement};
pub use trial_balance::{trial_balance, TrialBalance, TrialBalanceLine};
pub use yearly::{yearly, YearReport};

/// One change of the fund's profile as Settings lists it: when, who, why, which fields.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ProfileChange {
    pub recorded_at: String,
    pub recorded_by: String,
    pub reason: String,
    /// (field, before, after) of each field that changed.
    pub fields: Vec<(String, String, String)>,
}

/// Every change of the fund's profile, the newest first.
pub fn profile_history(reader: &crate::store::Reader<'_>) -> crate::Result<Vec<ProfileChange>> {
    let mut out = Vec::new();
    for c in reader.fund_changes()? {
        let (before, after) = (
            serde_json::to_value(&c.before).expect("json"),
            serde_json::to_value(&c.after).expect("json"),
        );
        let mut fields = Vec::new();
        if let (Some(b), Some(a)) = (before.as_object(), after.as_object()) {
            for (key, was) in b {
                let now = &a[key];
                if was != now {
                    let text = |v: &serde_json::Value| {
                        v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())
                    };
                    fields.push((key.clone(), text(was), text(now)));
                }
            }
        }
        out.push(ProfileChange {
            recorded_at: c.recorded_at,
            recorded_by: c.recorded_by,
            reason: c.reason,
            fields,
        });
    }
    out.reverse();
    Ok(out)
}
