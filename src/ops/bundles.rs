//! Writing a bundle: the data of a span of closed months, deterministic to the byte (fixed
//! file order, fixed zip timestamps, created-at taken from the month close), signed, written
//! atomically, read back and verified, then logged with its sequence number.

use super::Ctx;
use crate::bundle::archive::zip_bundle;
use crate::bundle::keys::{self, FundSecret};
use crate::bundle::manifest::{ChainSpan, Counts, FileEntry, Manifest, Period};
use crate::domain::chain::GENESIS;
use crate::domain::date::{last_of_month, parse_month};
use crate::error::ExportRefusal;
use crate::error::{Error, Result};
use crate::store::Store;
use serde_json::json;
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// How national IDs leave the fund.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdPolicy {
    /// HMAC-SHA256 with the province's key (or left out if the fund has none yet).
    Hashed,
    /// The fund chose to send them as they are.
    Clear,
}

#[derive(Clone, Debug, serde::Serialize)]
pub struct BundleOutcome {
    pub path: PathBuf,
    pub sequence: i64,
    pub hash: String,
    pub key_fingerprint: String,
    pub period: Period,
    pub entries: u64,
    /// True when the same bundle was written again (same bytes as before).
    pub repeated: bool,
}

/// The month after a stored month key (`YYYY-MM`); a stored key that is not a month is an
/// error naming it, never a quiet 1970-01.
fn months_after(key: &str) -> Result<(i32, u32)> {
    let month = parse_month(key).map_err(|problem| Error::invalid("month", key, problem))?;
    Ok(crate::domain::date::add_months(month, 1))
}

/// The fund's secret key, made on first use (and its public half recorded).
pub fn ensure_key(store: &mut Store, ctx: &Ctx, db_path: &Path) -> Result<FundSecret> {
    let fund = store.read().require_fund()?.profile;
    let path = keys::key_path(db_path, &fund.fund_code);
    match (store.read().current_public_key()?, path.exists()) {
        (Some(public), true) => {
            let secret = FundSecret::load(&path)?;
            if secret.public() != public {
                return Err(Error::file(&path, "does not belong to this fund's registered key / กุญแจไม่ตรงกับที่ลงทะเบียนไว้"));
            }
            Ok(secret)
        }
        (Some(_), false) => Err(Error::file(&path, "the fund's key file is missing: the fund must re-enrol with a new key / ไม่พบแฟ้มกุญแจ ต้องลงทะเบียนกุญแจใหม่กับจังหวัด")),
        (None, _) => {
            let secret = FundSecret::generate();
            secret.save(&path)?;
            let public = secret.public();
            store.write(|tx| tx.insert_fund_key(&public, &ctx.now_text()))?;
            Ok(secret)
        }
    }
}

/// Rotate the fund's key: the new key is signed by the old one, and every later bundle
/// carries that record so the province moves to the new key by itself. With `lost`, the old
/// key is gone: a new key without a record, and the fund must re-enrol at the province.
pub fn rotate_key(store: &mut Store, ctx: &Ctx, db_path: &Path, lost: bool) -> Result<String> {
    let fund = store.read().require_fund()?.profile;
    let path = keys::key_path(db_path, &fund.fund_code);
    let old = if lost { None } else { Some(ensure_key(store, ctx, db_path)?) };
    let new = FundSecret::generate();
    let public = new.public();
    let sig = old.as_ref().map(|o| o.sign(&crate::bundle::manifest::rotation_message(&public)));
    if path.exists() {
        let stamp = ctx.now.format("%Y%m%d%H%M%S");
        let retired = path.with_extension(format!("ed25519.retired-{stamp}"));
        std::fs::rename(&path, &retired).map_err(|e| Error::file(&path, e))?;
    }
    new.save(&path)?;
    store.write(|tx| tx.rotate_fund_key(&public, sig.as_ref().map(|s| &s[..]), &ctx.now_text()))?;
    Ok(keys::fingerprint(&public))
}

fn jsonl(values: impl IntoIterator<Item = serde_json::Value>) -> Vec<u8> {
    let mut out = Vec::new();
    for v in values {
        out.extend_from_slice(serde_json::to_string(&v).expect("json").as_bytes());
        out.push(b'\n');
    }
    out
}

/// One file of a bundle: its path inside the archive and its bytes.
type BundleFile = (String, Vec<u8>);

/// The months a bundle covers and where it sits in the fund's sequence and chain.
struct Span {
    from: String,
    to: String,
    sequence: i64,
    previous_hash: Option<[u8; 32]>,
    first_entry: i64,
    last_entry: i64,
    previous_head: [u8; 32],
    head: [u8; 32],
    closed_at: String,
    /// The bundle already sent for exactly this span, when it is written again.
    repeat: Option<crate::store::BundleLogRow>,
}

/// `period`: `YYYY-MM`, `YYYY` (CE or BE) or `since-last`.
pub fn export_bundle(
    store: &mut Store,
    ctx: &Ctx,
    db_path: &Path,
    period: &str,
    dir: &Path,
    ids: IdPolicy,
) -> Result<BundleOutcome> {
    let secret = ensure_key(store, ctx, db_path)?;
    let reader = store.read();
    let fund = reader.require_fund()?.profile;
    let span = span_of(&reader, period)?;
    let (mut files, counts, id_mode) = data_files(&reader, &secret, &span, ids)?;
    files.extend(statement_files(&reader, &span)?);
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let manifest = Manifest {
        format: crate::bundle::FORMAT.into(),
        fund_code: fund.fund_code.clone(),
        fund_name: fund.name_th.clone(),
        amphoe: fund.amphoe.clone(),
        tambon: fund.tambon.clone(),
        changwat: fund.changwat.clone(),
        public_key: hex::encode(secret.public()),
        key_fingerprint: keys::fingerprint(&secret.public()),
        sequence: span.sequence,
        previous_bundle: span.previous_hash.map(hex::encode),
        period: Period { from: span.from.clone(), to: span.to.clone() },
        chain: ChainSpan {
            first_entry: span.first_entry,
            last_entry: span.last_entry,
            previous_head: hex::encode(span.previous_head),
            head: hex::encode(span.head),
        },
        counts,
        national_ids: id_mode.into(),
        created_at: span.closed_at.clone(),
        app_version: env!("CARGO_PKG_VERSION").into(),
        files: files
            .iter()
            .map(|(p, d)| FileEntry {
                path: p.clone(),
                bytes: d.len() as u64,
                sha256: hex::encode(Sha256::digest(d)),
            })
            .collect(),
        key_rotation: reader.current_rotation()?.map(|(prev, sig)| {
            crate::bundle::manifest::KeyRotation {
                previous_public_key: hex::encode(prev),
                signature: hex::encode(sig),
            }
        }),
    };
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).expect("json");
    let hash: [u8; 32] = Sha256::digest(&manifest_bytes).into();
    let signature = hex::encode(secret.sign(&manifest_bytes));
    let bytes = zip_bundle(&manifest_bytes, signature.as_bytes(), &files)?;
    if span.repeat.as_ref().is_some_and(|r| r.hash != hash) {
        return Err(ExportRefusal::Changed.into());
    }
    let (from, to, sequence) = (&span.from, &span.to, span.sequence);
    let name = format!("{}-{sequence:04}-{from}_{to}.kongthun", fund.fund_code);
    let path = write_verified(dir, &name, &bytes, &hash)?;
    if span.repeat.is_none() {
        store.write(|tx| {
            tx.insert_bundle_log(
                sequence,
                &hash,
                from,
                to,
                span.first_entry,
                span.last_entry,
                &ctx.now_text(),
                &name,
            )
        })?;
    }
    Ok(BundleOutcome {
        path,
        sequence,
        hash: hex::encode(hash),
        key_fingerprint: manifest.key_fingerprint,
        period: manifest.period,
        entries: manifest.counts.entries,
        repeated: span.repeat.is_some(),
    })
}

/// Which months `period` names, checked against what is closed and what was sent before:
/// a bundle follows the last one sent (or repeats it exactly), and only closed months go.
fn span_of(reader: &crate::store::Reader<'_>, period: &str) -> Result<Span> {
    let last_closed =
        reader.last_closed_month()?.ok_or(Error::from(ExportRefusal::NothingClosed))?;
    let previous = reader.last_bundle()?;
    let first_month = reader
        .first_entry_date()?
        .map(|d| d[..7].to_string())
        .unwrap_or_else(|| last_closed.clone());
    let (from, to) = match period.trim() {
        "since-last" => {
            if let Some(p) = previous.as_ref().filter(|p| p.period_to >= last_closed) {
                // Everything closed has gone already: say so, rather than name an empty span.
                return Err(
                    ExportRefusal::NothingNew { seq: p.seq, to: p.period_to.clone() }.into()
                );
            }
            let from = previous
                .as_ref()
                .map(|p| {
                    let (y, m) = months_after(&p.period_to)?;
                    Ok::<_, Error>(format!("{y:04}-{m:02}"))
                })
                .transpose()?
                .unwrap_or(first_month.clone());
            (from, last_closed.clone())
        }
        p if p.len() == 4 => {
            let year = crate::domain::date::ce_year(
                p.parse().map_err(|_| Error::invalid("period", p, crate::Problem::BadDate))?,
            )?;
            (format!("{year:04}-01"), format!("{year:04}-12"))
        }
        p => {
            let (y, m) = parse_month(p).map_err(|e| Error::invalid("period", p, e))?;
            (format!("{y:04}-{m:02}"), format!("{y:04}-{m:02}"))
        }
    };
    // The first bundle carries the journal from its very start, and says so. (So a repeat of
    // the first bundle is matched by its end month.)
    let from = if previous.is_none() { from.min(first_month.clone()) } else { from };
    let from = match previous.as_ref().filter(|p| p.seq == 1 && p.period_to == to) {
        Some(p) => p.period_from.clone(),
        None => from,
    };
    if to > last_closed || from > to {
        return Err(ExportRefusal::PeriodOpen {
            from: from.clone(),
            to: to.clone(),
            closed_to: last_closed.clone(),
        }
        .into());
    }
    // Same period as the last bundle: write it again, byte for byte.
    let repeat = previous.as_ref().filter(|p| p.period_to == to && p.period_from == from).cloned();
    let (sequence, previous_hash, first_entry) = match (&repeat, &previous) {
        (Some(r), _) => {
            let before = if r.seq > 1 { reader.bundle_hash(r.seq - 1)? } else { None };
            (r.seq, before, r.first_entry)
        }
        (None, Some(p)) => {
            let (y, m) = months_after(&p.period_to)?;
            if from != format!("{y:04}-{m:02}") {
                return Err(ExportRefusal::Gap { start: format!("{y:04}-{m:02}") }.into());
            }
            (p.seq + 1, Some(p.hash), p.last_entry + 1)
        }
        (None, None) => (1, None, 1),
    };
    let last_entry = reader.closed_month_last_entry(&to)?.unwrap_or(0);
    let previous_head = if first_entry > 1 {
        reader.hash_of_entry(first_entry - 1)?.unwrap_or(GENESIS)
    } else {
        GENESIS
    };
    let head = if last_entry >= first_entry {
        reader.hash_of_entry(last_entry)?.unwrap_or(GENESIS)
    } else {
        previous_head
    };
    Ok(Span {
        closed_at: reader.closed_at(&to)?.unwrap_or_default(),
        from,
        to,
        sequence,
        previous_hash,
        first_entry,
        last_entry,
        previous_head,
        head,
        repeat,
    })
}

/// A national ID as the bundle carries it: as it is, keyed-hashed with the province's key,
/// or not at all (`id_mode`: `clear`, `hmac-sha256`, `omitted`).
fn national_id_for(nid: &str, id_mode: &str, id_key: Option<&str>) -> Option<String> {
    match id_mode {
        "clear" => Some(nid.to_string()),
        "hmac-sha256" => Some(crate::domain::thai_id::keyed_hash(nid, id_key.unwrap_or(""))),
        _ => None,
    }
}

/// The `data/*.jsonl` files of a bundle (docs/bundle-format.md), what they count, and how
/// national IDs went.
fn data_files(
    reader: &crate::store::Reader<'_>,
    secret: &FundSecret,
    span: &Span,
    ids: IdPolicy,
) -> Result<(Vec<BundleFile>, Counts, &'static str)> {
    let id_key = reader.setting("province_id_key")?;
    let id_mode = match (ids, &id_key) {
        (IdPolicy::Clear, _) => "clear",
        (IdPolicy::Hashed, Some(_)) => "hmac-sha256",
        (IdPolicy::Hashed, None) => "omitted",
    };
    let members = reader.members(&Default::default())?;
    let members_file = jsonl(members.iter().map(|m| {
        let id = m.national_id.as_deref().and_then(|nid| national_id_for(nid, id_mode, id_key.as_deref()));
        json!({
            "member_no": m.member_no, "title": m.title, "first_name": m.first_name, "last_name": m.last_name,
            "sex": m.sex.map(|s| s.key()), "birth_year": m.birth_date.as_deref().and_then(|b| b.get(..4)?.parse::<i64>().ok()), "moo": m.moo,
            "joined_on": m.joined_on, "status": m.status.key(), "status_since": m.status_since,
            "groups": m.groups.iter().map(|g| g.key()).collect::<Vec<_>>(), "national_id": id,
        })
    }));
    let entries = reader.entries_by_id(span.first_entry, span.last_entry)?;
    let number_of: std::collections::HashMap<i64, &str> =
        members.iter().map(|m| (m.id, m.member_no.as_str())).collect();
    let member_no = |id: Option<i64>| id.and_then(|i| number_of.get(&i).map(|n| n.to_string()));
    let entries_file = jsonl(entries.iter().map(|e| {
        json!({
            "id": e.id, "entry_date": e.entry_date, "doc_no": e.doc_no, "kind": e.kind, "member_id": e.member_id,
            "member_no": member_no(e.member_id), "reverses": e.reverses, "description": e.description, "reason": e.reason,
            "recorded_by": e.recorded_by, "recorded_at": e.recorded_at, "hash": e.hash,
            "postings": e.postings.iter().map(|p| json!({"account": p.account, "amount": p.amount.satang(), "member_id": p.member_id})).collect::<Vec<_>>(),
        })
    }));
    let claims = reader.claims(None)?;
    let claims_file = jsonl(claims.iter().map(|c| json!({
        "id": c.id, "member_no": member_no(c.member_id), "non_member": c.person.is_some(), "moo": c.person.as_ref().and_then(|p| p.moo),
        "category": c.category, "event_date": c.event_date,
        "status": c.status, "approved_amount": c.approved_amount.map(|a| a.satang()), "payout_entry_id": c.payout_entry_id,
        "resolution_id": c.resolution_id,
    })));
    let meetings = reader.meetings()?;
    let meetings_file = jsonl(meetings.iter().map(|m| json!({
        "id": m.id, "kind": m.kind, "number": m.number, "be_year": m.be_year, "held_on": m.held_on,
        "eligible": m.eligible, "present": m.present, "locked": m.locked, "minutes": m.minutes,
    })));
    let mut resolutions = Vec::new();
    for m in &meetings {
        resolutions.extend(reader.resolutions_of(m.id)?);
    }
    let resolutions_file =
        jsonl(resolutions.iter().map(|r| serde_json::to_value(r).expect("json")));
    let rules = reader.rules()?;
    let rules_file = jsonl(rules.iter().map(|(id, r)| json!({"id": id, "rule": r})));
    // Loans as they stand (carried in or made here), and the history a fund brought in from
    // paper carried with it: what its rules look back on.
    let loans_file = jsonl(reader.loans()?.iter().map(|l| json!({
        "id": l.id, "member_no": member_no(Some(l.member_id)), "principal": l.principal.satang(), "rate_bp": l.rate_bp,
        "method": l.method, "term_months": l.term_months, "start_date": l.start_date, "entry_id": l.entry_id,
        "principal_paid": l.principal_paid.satang(), "interest_paid": l.interest_paid.satang(),
    })));
    let carried = reader.carried_history()?;
    let history_file = jsonl(
        carried.contributions.iter().map(|(m, periods, through, fee)| json!({"kind": "contribution", "member_no": member_no(Some(*m)), "periods": periods, "paid_through": through, "entrance_fee_paid": fee}))
            .chain(carried.welfare.iter().map(|(m, category, date, amount)| json!({"kind": "welfare", "member_no": member_no(Some(*m)), "category": category, "event_date": date, "amount": amount.satang()})))
            .chain(carried.matching.iter().map(|(m, source, round, date)| json!({"kind": "matching", "member_no": member_no(Some(*m)), "source": source, "round": round, "received_on": date}))),
    );
    // The auditor's months: each sign-off, with the count stored with that month's close.
    let mut audits = Vec::new();
    for a in reader.audits()? {
        let check = reader.month_check(&a.month)?;
        audits.push(json!({
            "month": a.month, "auditor": a.auditor, "remarks": a.remarks, "signed_at": a.signed_at,
            "cash_counted": check.as_ref().map(|c| c.cash_counted.satang()), "cash_book": check.as_ref().map(|c| c.cash_book.satang()),
        }));
    }
    let audits_file = jsonl(audits);
    let start = reader.require_fund()?;
    // what the fund recorded for the government's criteria
    let certification = crate::report::codi::certification(reader)?
        .map(|c| json!({"by": c.by.key(), "on": c.on.to_string(), "document": c.document}));
    let area_moos = crate::report::codi::area_moos(reader)?
        .map(|a| a.iter().map(|m| m.to_string()).collect::<Vec<_>>().join(","));
    let local_government = crate::report::codi::local_government(reader)?;
    let fund_file = jsonl([
        json!({"profile": start.profile, "public_key": hex::encode(secret.public()), "founded_on": start.founded_on, "books_start": start.books_start,
               "certification": certification, "area_moos": area_moos, "local_government": local_government}),
    ]);
    let counts = Counts {
        members: members.len() as u64,
        entries: entries.len() as u64,
        postings: entries.iter().map(|e| e.postings.len() as u64).sum(),
        claims: claims.len() as u64,
        meetings: meetings.len() as u64,
        resolutions: resolutions.len() as u64,
        rules: rules.len() as u64,
    };
    let files = vec![
        ("data/audits.jsonl".into(), audits_file),
        ("data/claims.jsonl".into(), claims_file),
        ("data/entries.jsonl".into(), entries_file),
        ("data/fund.jsonl".into(), fund_file),
        ("data/history.jsonl".into(), history_file),
        ("data/loans.jsonl".into(), loans_file),
        ("data/meetings.jsonl".into(), meetings_file),
        ("data/members.jsonl".into(), members_file),
        ("data/resolutions.jsonl".into(), resolutions_file),
        ("data/rules.jsonl".into(), rules_file),
    ];
    Ok((files, counts, id_mode))
}

/// Each month's sealed statement, printed on the day of its close in the fund's own time
/// (Thailand), not UTC's.
fn statement_files(reader: &crate::store::Reader<'_>, span: &Span) -> Result<Vec<BundleFile>> {
    let mut files = Vec::new();
    let (mut y, mut m) =
        parse_month(&span.from).map_err(|e| Error::invalid("period", &span.from, e))?;
    loop {
        let key = format!("{y:04}-{m:02}");
        if key > span.to {
            break;
        }
        let printed = reader
            .closed_at(&key)?
            .and_then(|t| crate::domain::date::local_date_of(&t))
            .unwrap_or(last_of_month(y, m));
        let s = crate::report::statement(reader, y, m, printed)?;
        files.push((
            format!("reports/statement-{key}.pdf"),
            crate::render::statement::statement_pdf(
                &s,
                &crate::render::statement::StatementOptions { recipient_names: false },
            ),
        ));
        (y, m) = months_after(&key)?;
    }
    Ok(files)
}

/// Write the bundle into `dir` and read it back, verified as the province will verify it.
fn write_verified(
    dir: &Path,
    name: &str,
    bytes: &[u8],
    hash: &[u8; 32],
) -> Result<std::path::PathBuf> {
    if !dir.is_dir() {
        return Err(Error::file(dir, "is not a folder (is the USB stick mounted?) / ไม่ใช่โฟลเดอร์"));
    }
    let path = dir.join(name);
    super::atomic::write_atomic(&path, bytes)?;
    let back = std::fs::read(&path).map_err(|e| Error::file(&path, e))?;
    let opened = crate::bundle::verify::open(&back)?;
    if &opened.hash != hash {
        return Err(Error::file(&path, "read back differs"));
    }
    Ok(path)
}
