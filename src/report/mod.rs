//! Report *data*: plain structs computed from the store, handed to the CLI (and later to
//! `render`) to format. Nothing here formats text for people.

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
