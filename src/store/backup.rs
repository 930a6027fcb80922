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
    check_database_header(path)?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| Error::NotKongthun { path: path.display().to_string(), reason: e.to_string() })?;
    // A file from a stick is not ours until checked: run none of its schema's functions.
    conn.pragma_update(None, "trusted_schema", "OFF")?;
    migrate::check_is_kongthun(&conn, path)?;
    let version = migrate::current_version(&conn)?;
    if version == 0 {
        return Err(Error::NotKongthun {
            path: path.display().to_string(),
            reason: "it holds no Kongthun tables".into(),
        });
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

/// The largest database this program restores (a 20-year fund of 10,000 members is about
/// 700 MB).
pub const MAX_DATABASE_BYTES: u64 = 16 << 30;

/// Before SQLite opens a file from a stick: it must start with SQLite's header, and its
/// length must be what the header says (page size × page count), within
/// `MAX_DATABASE_BYTES`: so the size checked against the free disk space is the real one.
fn check_database_header(path: &Path) -> Result<()> {
    let not_ours = |reason: String| Error::NotKongthun { path: path.display().to_string(), reason };
    let length = std::fs::metadata(path).map_err(|e| Error::file(path, e))?.len();
    if length > MAX_DATABASE_BYTES {
        return Err(not_ours(format!("it is larger than {MAX_DATABASE_BYTES} bytes")));
    }
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path).map_err(|e| Error::file(path, e))?;
    std::io::Read::read_exact(&mut file, &mut header)
        .map_err(|_| not_ours("it is too short to be a database".into()))?;
    if &header[..16] != b"SQLite format 3\0" {
        return Err(not_ours("it is not an SQLite database".into()));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([header[28], header[29], header[30], header[31]]));
    // The page count is valid only when "version-valid-for" equals the change counter (old
    // writers and some journal modes leave it stale).
    let count_is_valid = header[92..96] == header[24..28];
    if page_size < 512
        || !page_size.is_power_of_two()
        || (count_is_valid && page_size.saturating_mul(pages) != length)
    {
        return Err(not_ours(format!(
            "its header says {pages} pages of {page_size} bytes, but the file has {length} bytes"
        )));
    }
    Ok(())
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
