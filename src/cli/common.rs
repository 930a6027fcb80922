//! What several areas of the command line share: today's date when none is given, an
//! optional amount, an as-of date, the files a report is written to.

use crate::domain::money::Sign;
use crate::domain::Satang;
use crate::error::Result;
use crate::ops::{self, Ctx};
use crate::store::Store;
use chrono::NaiveDate;
use clap::Args;
use std::path::PathBuf;

pub fn date_or_today(ctx: &Ctx, date: &Option<String>) -> String {
    date.clone().unwrap_or_else(|| ctx.today().to_string())
}

pub fn amount(field: &'static str, input: &Option<String>) -> Result<Satang> {
    match input {
        Some(text) => Satang::parse_field(field, text, Sign::NonNegative),
        None => Ok(Satang::ZERO),
    }
}

/// Save a document to each file asked for (PDF, CSV, XLSX) by the one path the app uses too
/// (`ops::documents`), so both front ends write the same bytes; false if none was asked
/// (the caller prints instead).
pub fn save_outputs(
    store: &Store,
    ctx: &Ctx,
    doc: &ops::documents::Document,
    out: &FileOutputs,
) -> Result<bool> {
    use ops::documents::Format;
    let mut wrote = false;
    for (path, format) in
        [(&out.pdf, Format::Pdf), (&out.csv, Format::Csv), (&out.xlsx, Format::Xlsx)]
    {
        if let Some(path) = path {
            let saved = ops::documents::save(store, ctx, doc, format, path)?;
            println!("เขียนแล้ว / written: {} ({} bytes)", saved.path.display(), saved.bytes);
            wrote = true;
        }
    }
    Ok(wrote)
}

#[derive(Args, Debug)]
pub struct AsOfArgs {
    #[arg(long)]
    pub as_of: Option<String>,
}

impl AsOfArgs {
    pub fn as_of(&self, ctx: &Ctx) -> Result<NaiveDate> {
        match &self.as_of {
            Some(s) => crate::domain::date::parse_field("as_of", s),
            None => Ok(ctx.today()),
        }
    }
}

/// Where to write a report as a file (otherwise it is printed).
#[derive(Args, Debug, Default)]
pub struct FileOutputs {
    #[arg(long)]
    pub pdf: Option<PathBuf>,
    #[arg(long)]
    pub csv: Option<PathBuf>,
    #[arg(long)]
    pub xlsx: Option<PathBuf>,
}

#[derive(Args, Debug)]
pub struct AsOfFileArgs {
    #[arg(long)]
    pub as_of: Option<String>,
    #[command(flatten)]
    pub out: FileOutputs,
}

impl AsOfFileArgs {
    pub fn as_of(&self, ctx: &Ctx) -> Result<NaiveDate> {
        AsOfArgs { as_of: self.as_of.clone() }.as_of(ctx)
    }
}

#[derive(Args, Debug)]
pub struct YearArgs {
    pub year: i32,
    #[command(flatten)]
    pub out: FileOutputs,
}
