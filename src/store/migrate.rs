//! Numbered migrations embedded in the binary. Each runs in its own transaction together
//! with the row that records its version, so a database is always at exactly one version.

use super::APPLICATION_ID;
use crate::error::{Error, Result};
use rusqlite::Connection;
use std::path::Path;

/// (version, SQL). Append only; never edit a shipped migration.
pub const MIGRATIONS: &[(i64, &str)] = &[
    (1, include_str!("migrations/0001_ledger.sql")),
    (2, include_str!("migrations/0002_welfare.sql")),
    (3, include_str!("migrations/0003_bundles.sql")),
    (4, include_str!("migrations/0004_month_totals_in_store.sql")),
    (5, include_str!("migrations/0005_fewer_member_indexes.sql")),
    (6, include_str!("migrations/0006_records_follow_reversals.sql")),
    (7, include_str!("migrations/0007_existing_funds.sql")),
    (8, include_str!("migrations/0008_auditors_month.sql")),
    (9, include_str!("migrations/0009_fund_changes.sql")),
    (10, include_str!("migrations/0010_savings_group_welfare.sql")),
    (11, include_str!("migrations/0011_allocation_plans.sql")),
    (12, include_str!("migrations/0012_matching_shares.sql")),
    (13, include_str!("migrations/0013_periods_paid.sql")),
    (14, include_str!("migrations/0014_sajja_only_groups.sql")),
    (15, include_str!("migrations/0015_programme_settings.sql")),
    (16, include_str!("migrations/0016_programme_counting_day.sql")),
    (17, include_str!("migrations/0017_community_welfare.sql")),
    (18, include_str!("migrations/0018_fund_rules.sql")),
    (19, include_str!("migrations/0019_indexes_for_the_statement.sql")),
    (20, include_str!("migrations/0020_non_member_payee.sql")),
    (21, include_str!("migrations/0021_money_by_month.sql")),
    (22, include_str!("migrations/0022_fund_rule_resolution.sql")),
];

pub fn latest_version() -> i64 {
    MIGRATIONS.last().map(|m| m.0).unwrap_or(0)
}

pub fn current_version(conn: &Connection) -> Result<i64> {
    let has_table: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version')",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(0);
    }
    Ok(conn.query_row("SELECT COALESCE(MAX(version), 0) FROM schema_version", [], |r| r.get(0))?)
}

/// Refuse a file that is some other program's SQLite database (or not SQLite at all).
pub fn check_is_kongthun(conn: &Connection, path: &Path) -> Result<()> {
    let app_id: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|e| {
        Error::NotKongthun { path: path.display().to_string(), reason: e.to_string() }
    })?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
    if app_id != APPLICATION_ID && tables > 0 {
        return Err(Error::NotKongthun {
            path: path.display().to_string(),
            reason: format!("application_id is {app_id:#x}, not {APPLICATION_ID:#x}"),
        });
    }
    let version = current_version(conn)?;
    if version > latest_version() {
        return Err(Error::NotKongthun {
            path: path.display().to_string(),
            reason: format!(
                "made by a newer Kongthun (schema {version}, this program knows {})",
                latest_version()
            ),
        });
    }
    Ok(())
}

pub fn migrate(conn: &mut Connection, path: Option<&Path>) -> Result<()> {
    let version = current_version(conn)?;
    if version >= latest_version() {
        return Ok(());
    }
    if version > 0 {
        if let Some(path) = path {
            let copy = path.with_extension(format!("before-v{}.sqlite", latest_version()));
            conn.backup(rusqlite::DatabaseName::Main, &copy, None)
                .map_err(|e| Error::file(&copy, format!("backup before migrating failed: {e}")))?;
        }
    }
    // A migration that rebuilds a table (create the new one, copy, drop the old, rename) must
    // not have SQLite enforce foreign keys while the old table is gone; the pragma cannot
    // change inside a transaction, so it is off around them, and each migration checks every
    // foreign key itself before it commits (SQLite's documented procedure).
    conn.pragma_update(None, "foreign_keys", "OFF")?;
    let result = apply_pending(conn, version);
    conn.pragma_update(None, "foreign_keys", "ON")?;
    result
}

fn apply_pending(conn: &mut Connection, version: i64) -> Result<()> {
    for (v, sql) in MIGRATIONS.iter().filter(|(v, _)| *v > version) {
        let tx = conn.transaction()?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)",
        )?;
        tx.execute_batch(sql)?;
        tx.execute(
            "INSERT INTO schema_version (version, applied_at) VALUES (?1, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
            [v],
        )?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        let broken: i64 =
            tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
        if broken > 0 {
            return Err(Error::NotKongthun {
                path: String::new(),
                reason: format!("schema {v} would leave {broken} broken references"),
            });
        }
        tx.commit()?;
    }
    Ok(())
}
