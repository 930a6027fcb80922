//! The provincial office: enrol a fund (its key, confirmed against the paper form by the
//! fingerprint), import bundles (signature, every file hash, then the chain: no replays,
//! gaps, forks or foreign keys; the same bundle again is a no-op), and aggregate reports by
//! district and subdistrict.

use crate::bundle::verify::{self, jsonl, refused, OpenedBundle};
use crate::domain::chain::{ChainRecord, GENESIS};
use crate::domain::Satang;
use crate::error::{Error, Result};
use crate::store::province::{ImportRows, ProvinceStore};
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
pub fn enrol(store: &mut ProvinceStore, bundle_path: &Path, confirm: Option<&str>, officer: &str, now: &str) -> Result<EnrolPreview> {
    enrol_or_replace(store, bundle_path, confirm, false, officer, now)
}

/// Enrol, or with `replace` re-enrol a fund that lost its key: its new key replaces the old,
/// the chain must still continue, and the funds list shows the re-enrolment.
pub fn enrol_or_replace(store: &mut ProvinceStore, bundle_path: &Path, confirm: Option<&str>, replace: bool, officer: &str, now: &str) -> Result<EnrolPreview> {
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
                return Err(refused("province.fingerprint_mismatch", "ลายนิ้วมือกุญแจไม่ตรงกับที่พิมพ์", "the key fingerprint differs from the one typed"));
            }
            let public: [u8; 32] = hex::decode(&m.public_key).ok().and_then(|v| v.try_into().ok()).ok_or_else(|| refused("bundle.format", "กุญแจไม่ถูกต้อง", "malformed key"))?;
            store.replace_key(&m.fund_code, &public, &m.key_fingerprint, true, now)?;
            preview.enrolled = true;
            return Ok(preview);
        }
        return Err(refused("province.already_enrolled", format!("กองทุน {} ลงทะเบียนแล้ว (กุญแจ {})", existing.code, existing.fingerprint), format!("fund {} is already enrolled (key {})", existing.code, existing.fingerprint)));
    }
    let Some(typed) = confirm else { return Ok(preview) };
    if typed.trim() != m.key_fingerprint {
        return Err(refused("province.fingerprint_mismatch", "ลายนิ้วมือกุญแจไม่ตรงกับที่พิมพ์: อย่าลงทะเบียน ตรวจสอบกับแบบฟอร์มกระดาษ", "the key fingerprint differs from the one typed: do not enrol; check the paper form"));
    }
    let public: [u8; 32] = hex::decode(&m.public_key).ok().and_then(|v| v.try_into().ok()).ok_or_else(|| refused("bundle.format", "กุญแจไม่ถูกต้อง", "malformed key"))?;
    store.enrol(&m.fund_code, &m.fund_name, &m.amphoe, &m.tambon, &m.changwat, &public, &m.key_fingerprint, now, officer)?;
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
            ImportResult::AlreadyImported => "นำเข้าไปแล้วก่อนหน้านี้ ไม่มีการเปลี่ยนแปลง / already imported, nothing changed",
            ImportResult::WouldImport => "จะนำเข้า (ทดลอง) / would import",
        }
    }
}

/// Everything that makes a bundle acceptable to this province, in order; returns the rows to
/// write, or `None` when this exact bundle is already the fund's latest (a no-op).
fn check(store: &ProvinceStore, b: &OpenedBundle) -> Result<Option<ImportRows>> {
    let m = &b.manifest;
    let fund = store.fund(&m.fund_code)?.ok_or_else(|| refused("bundle.unknown_fund", format!("กองทุน {} ยังไม่ได้ลงทะเบียน", m.fund_code), format!("fund {} is not enrolled", m.fund_code)))?;
    // A rotation: the enrolled key signed the new one.
    let mut new_key = None;
    if hex::encode(fund.public_key) != m.public_key {
        if let Some(rot) = &m.key_rotation {
            let new_public: Option<[u8; 32]> = hex::decode(&m.public_key).ok().and_then(|v| v.try_into().ok());
            let sig = hex::decode(&rot.signature).unwrap_or_default();
            if let Some(np) = new_public {
                if rot.previous_public_key == hex::encode(fund.public_key)
                    && crate::bundle::keys::verify(&fund.public_key, &crate::bundle::manifest::rotation_message(&np), &sig)
                {
                    new_key = Some((np, m.key_fingerprint.clone()));
                }
            }
        }
    }
    if hex::encode(fund.public_key) != m.public_key && new_key.is_none() {
        return Err(refused("bundle.unknown_key", format!("ลงนามด้วยกุญแจ {} ซึ่งไม่ใช่กุญแจที่ลงทะเบียนไว้ ({})", m.key_fingerprint, fund.fingerprint), format!("signed with key {}, not the enrolled key {}", m.key_fingerprint, fund.fingerprint)));
    }
    if fund.revoked {
        return Err(refused("bundle.revoked_key", "กุญแจของกองทุนนี้ถูกเพิกถอนแล้ว", "this fund's key is revoked"));
    }
    if let Some((_, seq)) = store.bundle_seq_of_hash(&b.hash)? {
        if seq == fund.last_seq {
            return Ok(None);
        }
        return Err(refused("bundle.replay", format!("เป็นชุดข้อมูลเก่าลำดับที่ {seq} ที่นำเข้าไปแล้ว (ล่าสุด {})", fund.last_seq), format!("an older bundle (sequence {seq}) already imported; the latest is {}", fund.last_seq)));
    }
    if m.sequence <= fund.last_seq {
        return Err(refused("bundle.fork", format!("ลำดับที่ {} มีอยู่แล้วแต่เนื้อหาต่างกัน", m.sequence), format!("sequence {} was already imported with different content", m.sequence)));
    }
    if m.sequence > fund.last_seq + 1 {
        return Err(refused("bundle.gap", format!("ขาดชุดข้อมูลลำดับที่ {} ถึง {}", fund.last_seq + 1, m.sequence - 1), format!("bundles {} to {} are missing", fund.last_seq + 1, m.sequence - 1)));
    }
    if m.previous_bundle != fund.last_bundle.map(hex::encode) {
        return Err(refused("bundle.fork", "ชุดข้อมูลไม่ได้ต่อจากชุดล่าสุดที่นำเข้า", "the bundle does not follow the last imported one"));
    }
    // The chain: every entry's hash recomputed from its fields, starting at the head we hold.
    let head_held = if fund.last_seq == 0 { GENESIS } else { fund.chain_head };
    if m.chain.previous_head != hex::encode(head_held) || m.chain.first_entry != fund.last_entry + 1 {
        return Err(refused("bundle.chain", "สายลายนิ้วมือบัญชีไม่ต่อจากที่จังหวัดมีอยู่", "the ledger chain does not continue from the one held"));
    }
    let entries = jsonl(b, "data/entries.jsonl")?;
    let mut prev = head_held;
    let mut expected_id = m.chain.first_entry;
    for e in &entries {
        let postings: Vec<(String, i64, Option<i64>)> = e["postings"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|p| (p["account"].as_str().unwrap_or("").to_string(), p["amount"].as_i64().unwrap_or(0), p["member_id"].as_i64()))
            .collect();
        let s = |k: &str| e[k].as_str().unwrap_or("").to_string();
        let record = ChainRecord {
            id: e["id"].as_i64().unwrap_or(-1),
            entry_date: s("entry_date"),
            doc_no: s("doc_no"),
            kind: s("kind"),
            member_id: e["member_id"].as_i64(),
            reverses: e["reverses"].as_i64(),
            description: s("description"),
            reason: s("reason"),
            recorded_by: s("recorded_by"),
            recorded_at: s("recorded_at"),
            postings,
        };
        let sum: i64 = record.postings.iter().map(|p| p.1).sum();
        let hash = record.hash(&prev);
        if record.id != expected_id || sum != 0 || hex::encode(hash) != s("hash") {
            return Err(refused("bundle.chain", format!("รายการ {} ไม่ตรงกับสายลายนิ้วมือบัญชี", record.id), format!("entry {} breaks the ledger chain", record.id)));
        }
        prev = hash;
        expected_id += 1;
    }
    if hex::encode(prev) != m.chain.head || expected_id != m.chain.last_entry + 1 || entries.len() as u64 != m.counts.entries {
        return Err(refused("bundle.chain", "หัวสายลายนิ้วมือบัญชีไม่ตรงกับ manifest", "the chain head does not match the manifest"));
    }
    let members = jsonl(b, "data/members.jsonl")?;
    if members.len() as u64 != m.counts.members {
        return Err(refused("bundle.counts", "จำนวนสมาชิกไม่ตรงกับ manifest", "member count differs from the manifest"));
    }
    let fund_start = jsonl(b, "data/fund.jsonl")?.first().and_then(|f| Some((f["founded_on"].as_str()?.to_string(), f["books_start"].as_str()?.to_string())));
    Ok(Some(ImportRows { new_key, members, entries, claims: jsonl(b, "data/claims.jsonl")?, fund_start }))
}

/// Import one bundle file. With `dry_run`, say what would happen and write nothing.
pub fn import(store: &mut ProvinceStore, bundle_path: &Path, dry_run: bool, officer: &str, now: &str) -> Result<ImportOutcome> {
    let bytes = verify::read_bundle_file(bundle_path)?;
    import_bytes(store, &bytes, dry_run, officer, now)
}

/// Import one bundle from its bytes (as read from the stick): verified, checked against the
/// registry, then written in one transaction together with the bundle file itself.
pub fn import_bytes(store: &mut ProvinceStore, bytes: &[u8], dry_run: bool, officer: &str, now: &str) -> Result<ImportOutcome> {
    let b = verify::open(bytes)?;
    let m = b.manifest.clone();
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
    // The bundle's own bytes go into the same transaction as its data.
    let head: [u8; 32] = hex::decode(&m.chain.head).ok().and_then(|v| v.try_into().ok()).unwrap_or(GENESIS);
    store.import(&m.fund_code, m.sequence, &b.hash, (&m.period.from, &m.period.to), &head, m.chain.last_entry, &rows, now, officer, bytes)?;
    out.result = ImportResult::Imported;
    Ok(out)
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct AreaRow {
    pub amphoe: String,
    pub tambon: String,
    pub funds: i64,
    pub members_active: i64,
    pub youth: i64,
    pub elderly: i64,
    pub disabled: i64,
    pub disadvantaged: i64,
    /// Welfare paid in the span, by category account (5101..5109).
    pub welfare: std::collections::BTreeMap<String, Satang>,
    pub welfare_total: Satang,
    pub matching: Satang,
    /// Cash and bank at the end of the span.
    pub balance: Satang,
}

/// Figures by district and subdistrict over [from, to] (ISO dates); balances at `to`.
pub fn area_report(store: &ProvinceStore, from: &str, to: &str) -> Result<Vec<AreaRow>> {
    let funds = store.funds()?;
    let area = |code: &str| funds.iter().find(|f| f.code == code).map(|f| (f.amphoe.clone(), f.tambon.clone())).unwrap_or_default();
    let mut rows: std::collections::BTreeMap<(String, String), AreaRow> = std::collections::BTreeMap::new();
    for f in &funds {
        let r = rows.entry((f.amphoe.clone(), f.tambon.clone())).or_insert_with(|| AreaRow { amphoe: f.amphoe.clone(), tambon: f.tambon.clone(), ..Default::default() });
        r.funds += 1;
    }
    let year = to.get(..4).and_then(|y| y.parse::<i32>().ok()).unwrap_or(2000);
    for (code, status, groups, birth_year) in store.members()? {
        if status != "active" {
            continue;
        }
        let r = rows.entry(area(&code)).or_default();
        r.members_active += 1;
        if let Some(b) = birth_year {
            // ages from the birth year only: the bundle carries no exact birth dates
            let age = year - b;
            r.youth += i64::from(age < crate::domain::member::YOUTH_UNDER);
            r.elderly += i64::from(age >= crate::domain::member::ELDERLY_FROM);
        }
        r.disabled += i64::from(groups.contains("disabled"));
        r.disadvantaged += i64::from(groups.contains("disadvantaged"));
    }
    for (code, account, amount) in store.account_totals(from, to)? {
        let r = rows.entry(area(&code)).or_default();
        if account.starts_with("51") {
            *r.welfare.entry(account.clone()).or_default() = Satang(r.welfare.get(&account).map(|a| a.0).unwrap_or(0) + amount.0);
            r.welfare_total.0 += amount.0;
        }
        if account.starts_with("42") {
            r.matching.0 -= amount.0;
        }
    }
    for (code, account, amount) in store.account_totals("0000-01-01", to)? {
        if account == crate::domain::accounts::CASH || account == crate::domain::accounts::BANK {
            rows.entry(area(&code)).or_default().balance.0 += amount.0;
        }
    }
    Ok(rows.into_values().collect())
}

#[derive(Clone, Debug, Serialize)]
pub struct FundCoverage {
    pub code: String,
    pub name: String,
    pub amphoe: String,
    pub tambon: String,
    pub key_fingerprint: String,
    /// Times the key changed (rotations and re-enrolments), and the last re-enrolment.
    pub key_changes: i64,
    pub re_enrolled_at: Option<String>,
    pub bundles: i64,
    pub covered_from: Option<String>,
    pub covered_to: Option<String>,
    /// Whole months after `covered_to` up to the month asked about: the gap to chase.
    pub months_missing: i64,
}

pub fn coverage(store: &ProvinceStore, as_of_month: &str) -> Result<Vec<FundCoverage>> {
    let cov = store.coverage()?;
    let (ay, am) = crate::domain::date::parse_month(as_of_month).map_err(|p| Error::invalid("month", as_of_month, p))?;
    Ok(store
        .funds()?
        .into_iter()
        .map(|f| {
            let mine: Vec<_> = cov.iter().filter(|(c, _, _)| *c == f.code).collect();
            let missing = match &f.covered_to {
                Some(to) => {
                    let (y, m) = crate::domain::date::parse_month(to).unwrap_or((ay, am));
                    (i64::from(ay) * 12 + i64::from(am)) - (i64::from(y) * 12 + i64::from(m))
                }
                None => -1,
            };
            FundCoverage {
                code: f.code.clone(),
                name: f.name.clone(),
                amphoe: f.amphoe.clone(),
                tambon: f.tambon.clone(),
                key_fingerprint: f.fingerprint.clone(),
                key_changes: f.key_changes,
                re_enrolled_at: f.re_enrolled_at.clone(),
                bundles: mine.len() as i64,
                covered_from: mine.first().map(|x| x.1.clone()),
                covered_to: f.covered_to.clone(),
                months_missing: missing.max(0),
            }
        })
        .collect())
}

#[derive(Clone, Debug, Serialize)]
pub struct FundCriteria {
    pub code: String,
    pub name: String,
    pub criteria: Vec<crate::ops::matching::Criterion>,
}

/// The government matching criteria for every fund, from the imported data, over the twelve
/// months to 30 September of `year` (CE). The same rules as the fund's own CODI figures
/// (`ops::matching`), except that ages come from birth years.
pub fn criteria(store: &ProvinceStore, year: i32) -> Result<Vec<FundCriteria>> {
    use crate::ops::matching::Criterion;
    let from = format!("{}-10-01", year - 1);
    let to = format!("{year}-09-30");
    let year_before = format!("{}-09-30", year - 1);
    let totals = store.account_totals(&from, &to)?;
    let members = store.members()?;
    let firsts = store.first_entry_dates()?;
    let mut out = Vec::new();
    for f in store.funds()? {
        let mine: Vec<_> = members.iter().filter(|m| m.0 == f.code && m.1 == "active").collect();
        let age = |b: &Option<i32>| b.map(|b| year - b);
        let has = |pred: &dyn Fn(&&(String, String, String, Option<i32>)) -> bool| mine.iter().any(pred);
        let groups = [
            ("เด็กและเยาวชน", has(&|m| age(&m.3).is_some_and(|a| a < crate::domain::member::YOUTH_UNDER))),
            ("ผู้สูงอายุ", has(&|m| age(&m.3).is_some_and(|a| a >= crate::domain::member::ELDERLY_FROM))),
            ("ผู้พิการ", has(&|m| m.2.contains("disabled"))),
            ("ผู้ด้อยโอกาส", has(&|m| m.2.contains("disadvantaged"))),
        ];
        let missing: Vec<&str> = groups.iter().filter(|(_, ok)| !ok).map(|(n, _)| *n).collect();
        let fund_totals: Vec<_> = totals.iter().filter(|t| t.0 == f.code).collect();
        let kinds = fund_totals.iter().filter(|t| t.1.starts_with("51") && t.2.0 > 0).count();
        let expenses: i64 = fund_totals.iter().filter(|t| t.1.starts_with('5')).map(|t| t.2.0).sum();
        let admin: i64 = fund_totals.iter().filter(|t| t.1 == crate::domain::accounts::ADMINISTRATION || t.1 == crate::domain::accounts::COMMITTEE).map(|t| t.2.0).sum();
        let permille = if expenses > 0 { i128::from(admin) * 1000 / i128::from(expenses) } else { 0 };
        let first = firsts.iter().find(|x| x.0 == f.code).map(|x| x.1.clone()).unwrap_or_default();
        out.push(FundCriteria {
            code: f.code.clone(),
            name: f.name.clone(),
            criteria: vec![
                Criterion { key: "running_one_year", th: "ดำเนินการมาแล้วไม่น้อยกว่า 1 ปี".into(), en: "running for at least a year".into(), value: first.clone(), pass: !first.is_empty() && first <= year_before },
                Criterion { key: "members_100", th: "มีสมาชิกไม่น้อยกว่า 100 คน".into(), en: "at least 100 members".into(), value: mine.len().to_string(), pass: mine.len() >= 100 },
                Criterion { key: "groups_covered", th: "มีสมาชิกครบทุกกลุ่ม".into(), en: "all four groups covered".into(), value: if missing.is_empty() { "ครบ".into() } else { format!("ขาด {}", missing.join(", ")) }, pass: missing.is_empty() },
                Criterion { key: "welfare_kinds_3", th: "จ่ายสวัสดิการไม่น้อยกว่า 3 ประเภท".into(), en: "at least 3 kinds of welfare paid".into(), value: kinds.to_string(), pass: kinds >= 3 },
                Criterion { key: "administration_20", th: "ค่าบริหารจัดการไม่เกินร้อยละ 20 ของรายจ่าย".into(), en: "administration at most 20% of expenditure".into(), value: format!("{}.{}%", permille / 10, permille % 10), pass: admin * 5 <= expenses },
            ],
        });
    }
    Ok(out)
}
