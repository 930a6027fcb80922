//! The provincial office: enrol a fund (its key, confirmed against the paper form by the
//! fingerprint), import bundles (signature, every file hash, then the chain: no replays,
//! gaps, forks or foreign keys; the same bundle again is a no-op), and aggregate reports by
//! district and subdistrict.

use crate::bundle::verify::{self, jsonl, OpenedBundle};
use crate::domain::chain::GENESIS;
use crate::error::{BundleRefusal, Error, ProvinceRefusal, Result};
use crate::store::province::{BundleRecord, Enrolment, ImportRows, ProvinceStore, Written};
use serde::Serialize;
use std::path::Path;

#[derive(Clone, Debug, Serialize)]
pub struct EnrolPreview {
    pub fund_code: String,
    pub fund_name: String,
    pub amphoe: String,
    pub tambon: String,
    pub key_fingerprint: String,
    pub enrolled: bool,
    /// Give this to the fund: it hashes national IDs with it (`kongthun bundle set-id-key`).
    pub id_key: Option<String>,
}

/// Show a bundle's fund and key; enrol it only when the officer types the fingerprint they
/// read on the fund's paper registration.
pub fn enrol(
    store: &mut ProvinceStore,
    bundle_path: &Path,
    confirm: Option<&str>,
    officer: &str,
    now: &str,
) -> Result<EnrolPreview> {
    enrol_or_replace(store, bundle_path, confirm, false, officer, now)
}

/// Enrol, or with `replace` re-enrol a fund that lost its key: its new key replaces the old,
/// the chain must still continue, and the funds list shows the re-enrolment.
pub fn enrol_or_replace(
    store: &mut ProvinceStore,
    bundle_path: &Path,
    confirm: Option<&str>,
    replace: bool,
    officer: &str,
    now: &str,
) -> Result<EnrolPreview> {
    let bytes = verify::read_bundle_file(bundle_path)?;
    let b = verify::open(&bytes)?;
    let m = &b.manifest;
    let mut preview = EnrolPreview {
        fund_code: m.fund_code.clone(),
        fund_name: m.fund_name.clone(),
        amphoe: m.amphoe.clone(),
        tambon: m.tambon.clone(),
        key_fingerprint: m.key_fingerprint.clone(),
        enrolled: false,
        id_key: None,
    };
    if let Some(existing) = store.fund(&m.fund_code)? {
        if replace {
            let Some(typed) = confirm else { return Ok(preview) };
            if typed.trim() != m.key_fingerprint {
                return Err(ProvinceRefusal::FingerprintMismatch.into());
            }
            let public: [u8; 32] = hex::decode(&m.public_key)
                .ok()
                .and_then(|v| v.try_into().ok())
                .ok_or_else(|| Error::from(BundleRefusal::BadKey))?;
            store.replace_key(&m.fund_code, &public, &m.key_fingerprint, true, now)?;
            preview.enrolled = true;
            return Ok(preview);
        }
        return Err(ProvinceRefusal::AlreadyEnrolled {
            code: existing.code.clone(),
            fingerprint: existing.fingerprint.clone(),
        }
        .into());
    }
    let Some(typed) = confirm else { return Ok(preview) };
    if typed.trim() != m.key_fingerprint {
        return Err(ProvinceRefusal::FingerprintMismatch.into());
    }
    let public: [u8; 32] = hex::decode(&m.public_key)
        .ok()
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| Error::from(BundleRefusal::BadKey))?;
    store.enrol(&Enrolment {
        code: &m.fund_code,
        name: &m.fund_name,
        amphoe: &m.amphoe,
        tambon: &m.tambon,
        changwat: &m.changwat,
        public_key: &public,
        fingerprint: &m.key_fingerprint,
        at: now,
        by: officer,
    })?;
    preview.enrolled = true;
    preview.id_key = Some(store.id_key()?);
    Ok(preview)
}

#[derive(Clone, Debug, Serialize)]
pub struct ImportOutcome {
    pub fund_code: String,
    pub sequence: i64,
    pub period: (String, String),
    pub entries: usize,
    pub members: usize,
    pub result: ImportResult,
}

/// What an import did with one bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportResult {
    Imported,
    /// This exact bundle is already the fund's latest: nothing changed.
    AlreadyImported,
    /// A dry run: it would be imported.
    WouldImport,
}

impl ImportResult {
    pub fn key(self) -> &'static str {
        match self {
            ImportResult::Imported => "imported",
            ImportResult::AlreadyImported => "already_imported",
            ImportResult::WouldImport => "would_import",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ImportResult::Imported => "นำเข้าแล้ว / imported",
            ImportResult::AlreadyImported => {
                "นำเข้าไปแล้วก่อนหน้านี้ ไม่มีการเปลี่ยนแปลง / already imported, nothing changed"
            }
            ImportResult::WouldImport => "จะนำเข้า (ทดลอง) / would import",
        }
    }
}

/// Everything that makes a bundle acceptable to this province, in order; returns the rows to
/// write, or `None` when this exact bundle is already the fund's latest (a no-op).
fn check<'b>(store: &ProvinceStore, b: &'b OpenedBundle) -> Result<Option<ImportRows<'b>>> {
    let m = &b.manifest;
    let fund = store
        .fund(&m.fund_code)?
        .ok_or_else(|| Error::from(ProvinceRefusal::UnknownFund { code: m.fund_code.clone() }))?;
    // A rotation: the enrolled key signed the new one.
    let mut new_key = None;
    if hex::encode(fund.public_key) != m.public_key {
        if let Some(rot) = &m.key_rotation {
            let new_public: Option<[u8; 32]> =
                hex::decode(&m.public_key).ok().and_then(|v| v.try_into().ok());
            let sig = hex::decode(&rot.signature).unwrap_or_default();
            if let Some(np) = new_public {
                if rot.previous_public_key == hex::encode(fund.public_key)
                    && crate::bundle::keys::verify(
                        &fund.public_key,
                        &crate::bundle::manifest::rotation_message(&np),
                        &sig,
                    )
                {
                    new_key = Some((np, m.key_fingerprint.clone()));
                }
            }
        }
    }
    if hex::encode(fund.public_key) != m.public_key && new_key.is_none() {
        return Err(ProvinceRefusal::UnknownKey {
            signed_with: m.key_fingerprint.clone(),
            enrolled: fund.fingerprint.clone(),
        }
        .into());
    }
    if fund.revoked {
        return Err(ProvinceRefusal::RevokedKey.into());
    }
    if let Some((_, seq)) = store.bundle_seq_of_hash(&b.hash)? {
        if seq == fund.last_seq {
            return Ok(None);
        }
        return Err(ProvinceRefusal::Replay { seq, latest: fund.last_seq }.into());
    }
    if m.sequence <= fund.last_seq {
        return Err(ProvinceRefusal::Fork { seq: m.sequence }.into());
    }
    if m.sequence > fund.last_seq + 1 {
        return Err(ProvinceRefusal::Gap { from: fund.last_seq + 1, to: m.sequence - 1 }.into());
    }
    if m.previous_bundle != fund.last_bundle.map(hex::encode) {
        return Err(ProvinceRefusal::NotFollowing.into());
    }
    // The chain: every entry's hash recomputed from its fields, starting at the head we hold.
    let head_held = if fund.last_seq == 0 { GENESIS } else { fund.chain_head };
    if m.chain.previous_head != hex::encode(head_held) || m.chain.first_entry != fund.last_entry + 1
    {
        return Err(ProvinceRefusal::ChainNotContinued.into());
    }
    let entries = verify::entry_lines(b)?;
    let (prev, expected_id) = check_chain(&entries, head_held, m.chain.first_entry)?;
    if hex::encode(prev) != m.chain.head
        || expected_id != m.chain.last_entry + 1
        || entries.len() as u64 != m.counts.entries
    {
        return Err(ProvinceRefusal::ChainHead.into());
    }
    let members = verify::member_lines(b)?;
    if members.len() as u64 != m.counts.members {
        return Err(ProvinceRefusal::Counts { what_th: "สมาชิก", what_en: "member" }.into());
    }
    let fund_line = jsonl(b, "data/fund.jsonl")?.into_iter().next().unwrap_or_default();
    let fund_start = Some(&fund_line).and_then(|f| {
        Some((f["founded_on"].as_str()?.to_string(), f["books_start"].as_str()?.to_string()))
    });
    // what the fund recorded for the criteria (bundles from before this leave them out)
    let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
    let c = &fund_line["certification"];
    let records = crate::store::province::FundRecords {
        certification: text(&c["by"])
            .zip(text(&c["on"]))
            .map(|(by, on)| (by, on, text(&c["document"]).unwrap_or_default())),
        area_moos: text(&fund_line["area_moos"]),
        local_government: text(&fund_line["local_government"]),
    };
    // (a bundle of format 1, or one written before schema 8, has no audits file)
    let audits = match b.files.contains_key("data/audits.jsonl") {
        true => jsonl(b, "data/audits.jsonl")?
            .iter()
            .filter_map(|a| {
                let s = |k: &str| a[k].as_str().map(str::to_string);
                Some((
                    s("month")?,
                    s("auditor")?,
                    s("remarks").unwrap_or_default(),
                    s("signed_at")?,
                ))
            })
            .collect(),
        false => Vec::new(),
    };
    Ok(Some(ImportRows {
        new_key,
        members,
        entries,
        claims: jsonl(b, "data/claims.jsonl")?,
        fund_start,
        audits,
        records,
    }))
}

/// Every entry's hash recomputed from its fields on the hash stored in the line before it
/// (the first on the head the province holds), its id the next, its lines summing to zero:
/// (the last hash, the id after the last). Run in two halves, one on another core: each
/// entry is checked against the stored hash before it, which, once every entry before it
/// has matched, is the hash the chain computes, so the first entry refused is the same one
/// a single pass refuses.
fn check_chain(
    entries: &[crate::domain::chain::EntryLine<'_>],
    head_held: [u8; 32],
    first_entry: i64,
) -> Result<([u8; 32], i64)> {
    // (a small bundle, a month of a small fund, is not worth a thread)
    if entries.len() < CHAIN_IN_HALVES_FROM {
        return check_chain_part(entries, head_held, first_entry);
    }
    let middle = entries.len() / 2;
    let (first, second) = entries.split_at(middle);
    // (a stored hash that does not read refuses its own entry in the first half)
    let second_prev = first.last().and_then(|e| e.stored_hash()).unwrap_or(head_held);
    let second_first = first_entry + middle as i64;
    let (first, second) = std::thread::scope(|scope| {
        let other = scope.spawn(|| check_chain_part(second, second_prev, second_first));
        let first = check_chain_part(first, head_held, first_entry);
        (first, other.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
    });
    // the second half ends the chain (with no entries at all, it is the head held)
    first?;
    second
}

/// A bundle of this many entries or more has its chain checked in two halves.
const CHAIN_IN_HALVES_FROM: usize = 4096;

/// `check_chain` over consecutive entries, the first on `prev` with id `expected_id`.
fn check_chain_part(
    entries: &[crate::domain::chain::EntryLine<'_>],
    mut prev: [u8; 32],
    mut expected_id: i64,
) -> Result<([u8; 32], i64)> {
    // each entry's bytes built in buffers kept from entry to entry, straight from the
    // line's fields as read (no copy of them), and compared with its hash as bytes
    let mut bytes = crate::domain::chain::EntryBytes::default();
    for e in entries {
        let id = e.id;
        bytes.start(&crate::domain::chain::EntryFields {
            id,
            entry_date: text(&e.entry_date),
            doc_no: text(&e.doc_no),
            kind: text(&e.kind),
            member_id: e.member_id,
            reverses: e.reverses,
            description: text(&e.description),
            reason: text(&e.reason),
            recorded_by: text(&e.recorded_by),
            recorded_at: text(&e.recorded_at),
        });
        for p in &e.postings {
            bytes.line(text(&p.account), p.amount, p.member_id);
        }
        let hash = bytes.hash(&prev);
        if id != expected_id || bytes.sum() != 0 || e.stored_hash() != Some(hash) {
            return Err(ProvinceRefusal::ChainBroken { entry: id }.into());
        }
        prev = hash;
        expected_id += 1;
    }
    Ok((prev, expected_id))
}

/// A text field of a bundle's line as the chain's bytes have it: left out or null is empty.
fn text<'a>(field: &'a Option<std::borrow::Cow<'_, str>>) -> &'a [u8] {
    field.as_deref().unwrap_or("").as_bytes()
}

/// Import one bundle file. With `dry_run`, say what would happen and write nothing.
pub fn import(
    store: &mut ProvinceStore,
    bundle_path: &Path,
    dry_run: bool,
    officer: &str,
    now: &str,
) -> Result<ImportOutcome> {
    let bytes = verify::read_bundle_file(bundle_path)?;
    import_bytes(store, &bytes, dry_run, officer, now)
}

/// Import one bundle from its bytes (as read from the stick): verified, checked against the
/// registry, then written in one transaction together with the bundle file itself.
pub fn import_bytes(
    store: &mut ProvinceStore,
    bytes: &[u8],
    dry_run: bool,
    officer: &str,
    now: &str,
) -> Result<ImportOutcome> {
    let b = verify::open(bytes)?;
    let m = b.manifest.clone();
    let head: [u8; 32] =
        hex::decode(&m.chain.head).ok().and_then(|v| v.try_into().ok()).unwrap_or(GENESIS);
    // Checked, then written under the fund's lock; if another importer took the fund's next
    // bundle in between (a shared server), the bundle is checked again against what it
    // wrote: the same bundle is then "already imported", another one a fork.
    loop {
        let rows = check(store, &b)?;
        let mut out = ImportOutcome {
            fund_code: m.fund_code.clone(),
            sequence: m.sequence,
            period: (m.period.from.clone(), m.period.to.clone()),
            entries: rows.as_ref().map(|r| r.entries.len()).unwrap_or(0),
            members: rows.as_ref().map(|r| r.members.len()).unwrap_or(0),
            result: ImportResult::AlreadyImported,
        };
        let Some(rows) = rows else { return Ok(out) };
        if dry_run {
            out.result = ImportResult::WouldImport;
            return Ok(out);
        }
        let record = BundleRecord {
            code: &m.fund_code,
            seq: m.sequence,
            hash: &b.hash,
            period: (&m.period.from, &m.period.to),
            head: &head,
            last_entry: m.chain.last_entry,
            at: now,
            by: officer,
            file: bytes,
        };
        if store.import(&record, &rows)? == Written::Imported {
            out.result = ImportResult::Imported;
            return Ok(out);
        }
    }
}

pub use crate::report::province::{
    area_report, coverage, criteria, government_year, national_report, AreaRow, FundCoverage,
    FundCriteria, NationalProvince,
};

/// The province's area report of a government fiscal year (CE or BE, the year it ends in:
/// October to September) as a document, the one the CLI and the window both save.
pub fn area_report_document(
    store: &ProvinceStore,
    year: i32,
    format: crate::render::Format,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>> {
    let (from, to) = crate::report::province::government_year(year)?;
    let (rows, local) = crate::report::province::area_and_local_government_reports(
        store,
        &from.to_string(),
        &to.to_string(),
    )?;
    let changwat = store.funds()?.first().map(|f| f.changwat.clone()).unwrap_or_default();
    crate::render::province::area_report_bytes(&rows, &local, &changwat, (from, to), format, today)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::chain::{ChainRecord, EntryLine, PostingLine};
    use std::borrow::Cow;

    /// `n` entries chained from `head`, as a bundle's lines read them.
    fn chain(n: i64, head: [u8; 32]) -> Vec<EntryLine<'static>> {
        let mut prev = head;
        (1..=n)
            .map(|id| {
                let record = ChainRecord {
                    id,
                    entry_date: "2026-10-05".into(),
                    doc_no: format!("RV2569/{id:06}"),
                    kind: "contribution".into(),
                    member_id: Some(id),
                    reverses: None,
                    description: "เงินสมทบ".into(),
                    reason: String::new(),
                    recorded_by: "เหรัญญิก".into(),
                    recorded_at: "2026-10-05T03:00:00Z".into(),
                    postings: vec![("1101".into(), 3000, None), ("4101".into(), -3000, Some(id))],
                };
                prev = record.hash(&prev);
                let text = |s: &str| Some(Cow::Owned(s.to_string()));
                EntryLine {
                    id,
                    entry_date: text(&record.entry_date),
                    doc_no: text(&record.doc_no),
                    kind: text(&record.kind),
                    member_id: record.member_id,
                    reverses: None,
                    description: text(&record.description),
                    reason: None,
                    recorded_by: text(&record.recorded_by),
                    recorded_at: text(&record.recorded_at),
                    hash: text(&hex::encode(prev)),
                    postings: record
                        .postings
                        .iter()
                        .map(|(account, amount, member_id)| PostingLine {
                            account: text(account),
                            amount: *amount,
                            member_id: *member_id,
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn refused_entry(result: Result<([u8; 32], i64)>) -> Option<i64> {
        match result {
            Err(Error::Refused(crate::error::Refusal::Province(
                ProvinceRefusal::ChainBroken { entry },
            ))) => Some(entry),
            Err(other) => panic!("{other:?}"),
            Ok(_) => None,
        }
    }

    #[test]
    fn the_chain_checked_in_halves_refuses_the_entry_one_pass_refuses() {
        let head = [7u8; 32];
        for n in [0, 1, 2, 3, 10, 11, CHAIN_IN_HALVES_FROM as i64, CHAIN_IN_HALVES_FROM as i64 + 1]
        {
            let lines = chain(n, head);
            let (last, next) = check_chain(&lines, head, 1).unwrap();
            assert_eq!(next, n + 1);
            let one_pass = check_chain_part(&lines, head, 1).unwrap();
            assert_eq!((last, next), one_pass, "{n} entries");
        }
        // an amount changed on both lines, or a stored hash replaced, in the first half, at
        // either side of the middle, in the second half, and the last: that entry is named
        let n = CHAIN_IN_HALVES_FROM as i64 + 2;
        let middle = n / 2;
        for broken in [1, 4, middle - 1, middle, middle + 1, middle + 2, n - 1, n] {
            let mut amount = chain(n, head);
            let e = &mut amount[broken as usize - 1];
            (e.postings[0].amount, e.postings[1].amount) = (3001, -3001);
            assert_eq!(refused_entry(check_chain(&amount, head, 1)), Some(broken));
            assert_eq!(refused_entry(check_chain_part(&amount, head, 1)), Some(broken));

            let mut hash = chain(n, head);
            hash[broken as usize - 1].hash = Some(Cow::Borrowed("zz"));
            assert_eq!(refused_entry(check_chain(&hash, head, 1)), Some(broken));
        }
        // a missing entry: the one after the gap is named
        let mut gap = chain(n, head);
        gap.remove(middle as usize + 6);
        assert_eq!(refused_entry(check_chain(&gap, head, 1)), Some(middle + 8));
        let mut gap = chain(10, head);
        gap.remove(6);
        assert_eq!(refused_entry(check_chain(&gap, head, 1)), Some(8));
        // and a chain that starts on another head is refused at its first entry
        assert_eq!(refused_entry(check_chain(&chain(n, head), [0u8; 32], 1)), Some(1));
    }
}
