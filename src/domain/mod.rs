//! Pure types and rules: no IO, no SQL. Everything that can be checked without the database
//! is checked here, so the store only ever sees valid values.

pub mod accounts;
pub mod allocation;
pub mod chain;
pub mod choice;
pub mod committee;
pub mod contribution;
pub mod criteria;
pub mod date;
pub mod entry;
pub mod file_name;
pub mod floors;
pub mod fund;
pub mod fund_rules;
pub mod input;
pub mod loan;
pub mod member;
pub mod migration;
pub mod money;
pub mod money_side;
pub mod non_member;
pub mod programme;
pub mod text;
pub mod thai_id;
pub mod welfare;

pub use accounts::AccountClass;
pub use entry::{BalancedEntry, EntryKind, Posting};
pub use fund::{FundKind, FundProfile, Schedule};
pub use member::{MemberGroup, MemberStatus, Sex};
pub use money::Satang;
pub use thai_id::ThaiId;
