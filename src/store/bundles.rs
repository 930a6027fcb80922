//! SQL for the fund side of bundles: the signing key's public half, the log of bundles sent,
//! settings (the province's ID-hashing key), and reading the data a bundle carries.

use super::{Reader, Tx};
use crate::error::Result;
use rusqlite::{params, OptionalExtension};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BundleLogRow {
    pub seq: i64,
    pub hash: [u8; 32],
    pub period_from: String,
    pub period_to: String,
    pub first_entry: i64,
    pub last_entry: i64,
}

impl Tx<'_> {
    pub fn insert_fund_key(&mut self, public_key: &[u8; 32], at: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO fund_key (public_key, created_at) VALUES (?1, ?2)",
            params![&public_key[..], at],
        )?;
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    /// Retire the current key and record its successor with the rotation signature (None
    /// when the old key was lost and the fund re-enrols).
    pub fn rotate_fund_key(
        &mut self,
        new_public: &[u8; 32],
        rotation_sig: Option<&[u8]>,
        at: &str,
    ) -> Result<()> {
        self.tx.execute("UPDATE fund_key SET retired_at = ?1 WHERE retired_at IS NULL", [at])?;
        self.tx.execute(
            "INSERT INTO fund_key (public_key, created_at, rotation_sig) VALUES (?1, ?2, ?3)",
            params![&new_public[..], at, rotation_sig],
        )?;
        Ok(())
    }

    // (one argument per column of the log row)
    #[allow(clippy::too_many_arguments)]
    pub fn insert_bundle_log(
        &mut self,
        seq: i64,
        hash: &[u8; 32],
        from: &str,
        to: &str,
        first: i64,
        last: i64,
        at: &str,
        file: &str,
    ) -> Result<()> {
        self.tx.execute(
            "INSERT INTO bundle_log (seq, hash, period_from, period_to, first_entry, last_entry, created_at, file_name)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![seq, &hash[..], from, to, first, last, at, file],
        )?;
        Ok(())
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.tx.execute(
            "INSERT INTO setting (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }
}

impl Reader<'_> {
    pub fn current_public_key(&self) -> Result<Option<[u8; 32]>> {
        let k: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT public_key FROM fund_key WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?;
        Ok(k.and_then(|v| v.try_into().ok()))
    }

    /// The current key's rotation record: (previous public key, signature), if it has one.
    pub fn current_rotation(&self) -> Result<Option<([u8; 32], Vec<u8>)>> {
        let row: Option<(Option<Vec<u8>>, i64)> = self
            .conn
            .query_row("SELECT rotation_sig, id FROM fund_key WHERE retired_at IS NULL ORDER BY id DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((Some(sig), id)) = row else { return Ok(None) };
        let prev: Option<Vec<u8>> = self
            .conn
            .query_row(
                "SELECT public_key FROM fund_key WHERE id < ?1 ORDER BY id DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(prev.and_then(|p| p.try_into().ok()).map(|p| (p, sig)))
    }

    pub fn last_bundle(&self) -> Result<Option<BundleLogRow>> {
        Ok(self
            .conn
            .query_row(
                "SELECT seq, hash, period_from, period_to, first_entry, last_entry FROM bundle_log ORDER BY seq DESC LIMIT 1",
                [],
                |r| {
                    let h: Vec<u8> = r.get(1)?;
                    Ok(BundleLogRow {
                        seq: r.get(0)?,
                        hash: h.try_into().unwrap_or([0; 32]),
                        period_from: r.get(2)?,
                        period_to: r.get(3)?,
                        first_entry: r.get(4)?,
                        last_entry: r.get(5)?,
                    })
                },
            )
            .optional()?)
    }

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    /// The last entry id recorded when `month` was closed.
    pub fn closed_month_last_entry(&self, month: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row("SELECT last_entry FROM closed_month WHERE month = ?1", [month], |r| {
                r.get(0)
            })
            .optional()?)
    }

    /// Entries with ids in [first, last], with postings, in id order.
    pub fn entries_by_id(&self, first: i64, last: i64) -> Result<Vec<super::EntryRow>> {
        let mut out = Vec::new();
        self.for_each_entry_in(first, last, |e| out.push(e.clone()))?;
        Ok(out)
    }

    pub fn bundle_hash(&self, seq: i64) -> Result<Option<[u8; 32]>> {
        let h: Option<Vec<u8>> = self
            .conn
            .query_row("SELECT hash FROM bundle_log WHERE seq = ?1", [seq], |r| r.get(0))
            .optional()?;
        Ok(h.and_then(|v| v.try_into().ok()))
    }

    /// When a month was closed (RFC 3339).
    pub fn closed_at(&self, month: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT closed_at FROM closed_month WHERE month = ?1", [month], |r| r.get(0))
            .optional()?)
    }
}
