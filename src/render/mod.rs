//! Report data -> files people read: PDF (Thai shaped and wrapped), CSV for Excel, XLSX,
//! and a plain-text accounting journal. Thai formatting itself comes from `crate::thai`.

pub mod csv;
pub mod journal;
pub mod migration_template;
pub mod minutes;
pub mod pdf;
pub mod province;
pub mod registers;
pub mod statement;
pub mod tables;
pub mod vouchers;
pub mod xlsx;
pub mod yearly;

/// The file formats a document is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Pdf,
    Csv,
    Xlsx,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}
