//! SQLite's online backup API, used for backups (to any folder) and restores. A file is only
//! restored after it has been opened on its own, recognised as a Kongthun database, and its
//! hash chain verified.

use super::{migrate, Reader, Store};
use crate::error::{Error, Result};
use rusqlite::{Connection, DatabaseName, OpenFlags};
use std::path::Path;

/// What a candidate database file holds, checked without touching the live one.
#[derive(Clone, Debug, serde::Serialize)]
pub struct Inspection {
    pub fund_name: String,
    pub fund_code: String,
    pub schema_version: i64,
    pub chain: super::ChainReport,
}

/// Open `path` read-only, check it is a Kongthun database with a fund, and verify its chain.
pub fn inspect_database(path: &Path) -> Result<Inspection> {
    if !path.is_file() {
        return Err(Error::file(path, "no such file"));
    }
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)
        .map_err(|e| Error::NotKongthun { path: path.display().to_string(), reason: e.to_string() })?;
    migrate::check_is_kongthun(&conn, path)?;
    let version = migrate::current_version(&conn)?;
    if version == 0 {
        return Err(Error::NotKongthun { path: path.display().to_string(), reason: "it holds no Kongthun tables".into() });
    }
    let reader = Reader { conn: &conn };
    let fund = reader.fund()?.ok_or_else(|| Error::NotKongthun {
        path: path.display().to_string(),
        reason: "it holds no fund".into(),
    })?;
    let chain = reader.verify_chain()?;
    Ok(Inspection {
        fund_name: fund.profile.name_th,
        fund_code: fund.profile.fund_code,
        schema_version: version,
        chain,
    })
}

impl Store {
    /// Write a consistent copy of the live database to `target` (which must not exist).
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        self.conn
            .backup(DatabaseName::Main, target, None)
            .map_err(|e| Error::file(target, format!("backup failed: {e}")))?;
        // A backup is one self-contained file: no -wal or -shm beside it on the stick.
        let copy = Connection::open(target).map_err(|e| Error::file(target, e))?;
        copy.pragma_update(None, "journal_mode", "DELETE").map_err(|e| Error::file(target, e))?;
        Ok(())
    }

    /// Replace the live database's contents with `source`'s. Callers inspect `source` first.
    pub fn restore_from(&mut self, source: &Path) -> Result<()> {
        self.conn
            .restore(DatabaseName::Main, source, None::<fn(rusqlite::backup::Progress)>)
            .map_err(|e| Error::file(source, format!("restore failed: {e}")))?;
        migrate::migrate(&mut self.conn, self.path.as_deref())?;
        Ok(())
    }
}
