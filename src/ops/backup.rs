//! Backups to any folder (a USB stick) and restores. A backup is written under a temporary
//! name, checked, then renamed, so a pulled stick never leaves a file that looks complete.
//! A restore first proves the file is a Kongthun database with an intact chain, and keeps a
//! copy of the current database before replacing it.

use super::Ctx;
use crate::error::{Error, Result};
use crate::store::{inspect_database, Store};
use serde::Serialize;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, Serialize)]
pub struct BackupOutcome {
    pub path: PathBuf,
    pub entries: i64,
    pub fingerprint: String,
}

pub fn backup(store: &mut Store, ctx: &Ctx, dir: &Path) -> Result<BackupOutcome> {
    let fund = store.read().require_fund()?.profile;
    std::fs::create_dir_all(dir).map_err(|e| Error::file(dir, e))?;
    let stamp = ctx.now.with_timezone(&super::thai_offset()).format("%Y%m%d-%H%M%S");
    let name = format!("kongthun-{}-{stamp}.sqlite", fund.fund_code);
    let target = dir.join(&name);
    if target.exists() {
        return Err(Error::file(&target, "already exists"));
    }
    let partial = dir.join(format!(".{name}.partial"));
    let _ = std::fs::remove_file(&partial);
    let result = (|| {
        store.backup_to(&partial)?;
        std::fs::File::open(&partial).and_then(|f| f.sync_all()).map_err(|e| Error::file(&partial, e))?;
        let inspection = inspect_database(&partial)?;
        std::fs::rename(&partial, &target).map_err(|e| Error::file(&target, e))?;
        if let Ok(d) = std::fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(inspection)
    })();
    let inspection = match result {
        Ok(i) => i,
        Err(e) => {
            let _ = std::fs::remove_file(&partial);
            return Err(e);
        }
    };
    let outcome = BackupOutcome {
        path: target.clone(),
        entries: inspection.chain.entries,
        fingerprint: inspection.chain.fingerprint.clone(),
    };
    store.write(|tx| tx.log_backup(&target.display().to_string(), &ctx.now_text(), inspection.chain.entries))?;
    Ok(outcome)
}

#[derive(Clone, Debug, Serialize)]
pub struct RestoreOutcome {
    pub restored_from: PathBuf,
    pub fund_name: String,
    pub entries: i64,
    pub fingerprint: String,
    /// Where the database as it was before the restore was kept.
    pub previous_copy: Option<PathBuf>,
}

pub fn restore(store: &mut Store, ctx: &Ctx, source: &Path) -> Result<RestoreOutcome> {
    let inspection = inspect_database(source)?;
    let previous_copy = match (store.path(), store.read().fund()?) {
        (Some(live), Some(_)) => {
            let stamp = ctx.now.with_timezone(&super::thai_offset()).format("%Y%m%d-%H%M%S");
            let copy = live.with_extension(format!("before-restore-{stamp}.sqlite"));
            store.backup_to(&copy)?;
            Some(copy)
        }
        _ => None,
    };
    store.restore_from(source)?;
    let after = store.read().verify_chain()?;
    Ok(RestoreOutcome {
        restored_from: source.to_path_buf(),
        fund_name: inspection.fund_name,
        entries: after.entries,
        fingerprint: after.fingerprint,
        previous_copy,
    })
}
