//! Report *data*: plain structs computed from the store, handed to the CLI (and later to
//! `render`) to format. Nothing here formats text for people.

pub mod month;
pub mod trial_balance;

pub use month::{month_summary, MonthSummary};
pub use trial_balance::{trial_balance, TrialBalance, TrialBalanceLine};
