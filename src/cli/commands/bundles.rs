//! The fund's signed bundles for the provincial office: export, its key, rotation.

use super::super::print;
use crate::error::{Error, Result};
use crate::ops::Ctx;
use crate::store::Store;
use clap::Subcommand;
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum BundleCommand {
    /// Write a signed bundle of closed months to a folder (a USB stick).
    Export {
        /// YYYY-MM, YYYY or since-last.
        #[arg(long, default_value = "since-last")]
        period: String,
        #[arg(long)]
        to: PathBuf,
        /// Send national IDs as they are (default: keyed hash, or left out).
        #[arg(long)]
        clear_ids: bool,
    },
    /// Show the fund's key fingerprint (made on first use).
    Key,
    /// Store the province's key for hashing national IDs (given at enrolment).
    SetIdKey { key: String },
    /// Rotate the fund's key (the old key signs the new); with --lost, make a new key after
    /// the old one was lost (the province must re-enrol the fund).
    RotateKey {
        #[arg(long)]
        lost: bool,
    },
}

pub fn run(store: &mut Store, ctx: &Ctx, db: &Path, json: bool, c: BundleCommand) -> Result<()> {
    match c {
        BundleCommand::Export { period, to, clear_ids } => {
            let ids = if clear_ids {
                crate::ops::bundles::IdPolicy::Clear
            } else {
                crate::ops::bundles::IdPolicy::Hashed
            };
            let out = crate::ops::bundles::export_bundle(store, ctx, db, &period, &to, ids)?;
            print::output(json, &out, || {
                println!(
                    "{}ชุดข้อมูลลำดับที่ {} / bundle {}: {}",
                    if out.repeated { "เขียนซ้ำ " } else { "" },
                    out.sequence,
                    out.sequence,
                    out.path.display()
                );
                println!(
                    "ช่วง {} ถึง {}, {} รายการ, กุญแจ {}",
                    out.period.from, out.period.to, out.entries, out.key_fingerprint
                );
            });
        }
        BundleCommand::Key => {
            let secret = crate::ops::bundles::ensure_key(store, ctx, db)?;
            let fp = crate::bundle::keys::fingerprint(&secret.public());
            print::output(json, &fp, || println!("ลายนิ้วมือกุญแจของกองทุน / key fingerprint: {fp}"));
        }
        BundleCommand::RotateKey { lost } => {
            let fp = crate::ops::bundles::rotate_key(store, ctx, db, lost)?;
            println!("กุญแจใหม่ / new key fingerprint: {fp}");
            if lost {
                println!("แจ้งจังหวัดเพื่อลงทะเบียนกุญแจใหม่ / ask the province to re-enrol the fund (province enrol --replace)");
            }
        }
        BundleCommand::SetIdKey { key } => {
            let k = key.trim().to_string();
            if k.len() != 64 || hex::decode(&k).is_err() {
                return Err(Error::invalid(
                    "key",
                    key,
                    crate::Problem::WrongLength { expected: 64 },
                ));
            }
            store.write(|tx| tx.set_setting("province_id_key", &k))?;
            println!("บันทึกกุญแจของจังหวัดแล้ว / province ID key stored");
        }
    }
    Ok(())
}
