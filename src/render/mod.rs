//! Report data -> files people read: PDF (Thai shaped and wrapped), CSV for Excel, XLSX,
//! and a plain-text accounting journal. Thai formatting itself comes from `crate::thai`.

pub mod csv;
pub mod journal;
pub mod migration_template;
pub mod minutes;
pub mod province;
pub mod pdf;
pub mod statement;
pub mod tables;
pub mod vouchers;
pub mod xlsx;
pub mod yearly;
