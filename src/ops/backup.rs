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
    // room on the stick for the whole book, and a file system that holds a file that big
    if let Some(size) = store.path().and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()) {
        crate::bounded::require_free_space(dir, size)?;
        crate::bounded::require_file_fits(dir, size, crate::bounded::file_size_limit(dir))?;
    }
    let partial = dir.join(format!(".{name}.partial"));
    let _ = std::fs::remove_file(&partial);
    let result = (|| {
        store.backup_to(&partial)?;
        std::fs::File::open(&partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| Error::file(&partial, e))?;
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
    store.write(|tx| {
        tx.log_backup(&target.display().to_string(), &ctx.now_text(), inspection.chain.entries)
    })?;
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
    // The current book is copied aside and the backup copied in: room for both, checked
    // before anything is written (the size is the checked database size).
    if let Some(folder) = store.path().and_then(Path::parent) {
        let incoming = std::fs::metadata(source).map_err(|e| crate::Error::file(source, e))?.len();
        let current =
            store.path().and_then(|p| std::fs::metadata(p).ok()).map(|m| m.len()).unwrap_or(0);
        crate::bounded::require_free_space(folder, incoming.saturating_add(current))?;
    }
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

/// How many automatic backups are kept in the app's backup folder; older ones are removed.
pub const AUTOMATIC_BACKUPS_KEPT: usize = 14;

/// The automatic backup the app makes on exit and once a day: a normal backup into `dir`,
/// then the oldest backups of this fund beyond `keep` are removed. `only_if_none_today`
/// skips the backup when one was already made today (the daily one).
pub fn automatic_backup(
    store: &mut Store,
    ctx: &Ctx,
    dir: &Path,
    keep: usize,
    only_if_none_today: bool,
) -> Result<Option<BackupOutcome>> {
    let fund = store.read().require_fund()?.profile;
    let today = ctx.now.with_timezone(&super::thai_offset()).format("%Y%m%d").to_string();
    let prefix = format!("kongthun-{}-", fund.fund_code);
    if only_if_none_today
        && backups_in(dir, &prefix)
            .iter()
            .any(|p| file_name(p).starts_with(&format!("{prefix}{today}")))
    {
        return Ok(None);
    }
    let outcome = backup(store, ctx, dir)?;
    let mut all = backups_in(dir, &prefix);
    // Names carry the time as YYYYMMDD-HHMMSS, so name order is age order.
    all.sort();
    while all.len() > keep.max(1) {
        let oldest = all.remove(0);
        std::fs::remove_file(&oldest).map_err(|e| Error::file(&oldest, e))?;
    }
    Ok(Some(outcome))
}

/// The newest complete backup in `dir` (any fund), by the time in its name; partial files
/// (a backup cut short) are never offered.
pub fn newest_backup(dir: &Path) -> Option<PathBuf> {
    let mut all = backups_in(dir, "kongthun-");
    all.sort_by_key(|p| {
        file_name(p).rsplit('-').take(2).collect::<Vec<_>>().into_iter().rev().collect::<String>()
    });
    all.pop()
}

fn file_name(p: &Path) -> String {
    p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn backups_in(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(dir) else { return vec![] };
    read.filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            let name = file_name(p);
            name.starts_with(prefix) && name.ends_with(".sqlite") && p.is_file()
        })
        .collect()
}

/// Put a backup in place of a database that cannot be opened (or does not exist yet): the
/// backup is proved first, the unreadable file and its WAL are kept beside it under
/// `.unreadable-<time>` names, never deleted, and the restored file is opened.
pub fn recover_from_backup(
    db_path: &Path,
    ctx: &Ctx,
    source: &Path,
) -> Result<(Store, RestoreOutcome)> {
    let inspection = inspect_database(source)?;
    let stamp = ctx.now.with_timezone(&super::thai_offset()).format("%Y%m%d-%H%M%S");
    let mut previous_copy = None;
    for suffix in ["", "-wal", "-shm"] {
        let live = PathBuf::from(format!("{}{suffix}", db_path.display()));
        if live.exists() {
            let aside = PathBuf::from(format!("{}.unreadable-{stamp}{suffix}", db_path.display()));
            std::fs::rename(&live, &aside).map_err(|e| Error::file(&live, e))?;
            if suffix.is_empty() {
                previous_copy = Some(aside);
            }
        }
    }
    if let Some(parent) = db_path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| Error::file(parent, e))?;
    }
    let mut store = Store::open(db_path)?;
    store.restore_from(source)?;
    let after = store.read().verify_chain()?;
    let outcome = RestoreOutcome {
        restored_from: source.to_path_buf(),
        fund_name: inspection.fund_name,
        entries: after.entries,
        fingerprint: after.fingerprint,
        previous_copy,
    };
    Ok((store, outcome))
}
