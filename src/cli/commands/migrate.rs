//! `kongthun migrate`: bring an existing fund in from its paper or Excel books — write the
//! template, then import the filled file (a dry run first shows what would be written).

use crate::error::Result;
use crate::ops::{self, Ctx};
use crate::store::Store;
use clap::Subcommand;
use std::path::PathBuf;

#[derive(Subcommand, Debug)]
pub enum MigrateCommand {
    /// Write the template (XLSX, in Thai with the column keys) for this fund.
    Template {
        /// Where to write it, e.g. template.xlsx.
        file: PathBuf,
    },
    /// Import a filled template (.xlsx, or a folder of fund.csv, members.csv, ...).
    Import {
        file: PathBuf,
        /// Check and show the opening balances and members' standing; write nothing.
        #[arg(long)]
        dry_run: bool,
    },
}

pub fn run(store: &mut Store, ctx: &Ctx, json: bool, command: MigrateCommand) -> Result<()> {
    match command {
        MigrateCommand::Template { file } => {
            let items = ops::migrate::template::write_template(store, ctx, &file)?;
            super::super::print::output(
                json,
                &serde_json::json!({"file": file, "fund_items": items}),
                || {
                    println!("เขียนแม่แบบแล้ว / template written: {} ({items} รายการในแผ่น fund / fund items)", file.display());
                },
            );
        }
        MigrateCommand::Import { file, dry_run } => {
            let out = ops::migrate::migrate(store, ctx, &file, dry_run)?;
            super::super::print::output(json, &out, || super::super::print::migration(&out));
        }
    }
    Ok(())
}
