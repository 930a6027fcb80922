//! From province to nation: the province forwards the original signed bundles it imported
//! since its last forward, with a manifest signed by its own key (`bundle::forward`); the
//! nation enrols the province's key (the officer types the fingerprint read from the
//! province's letter) and imports a forward: the manifest's signature and place in the
//! province's sequence, every file against the manifest, the funds the province enrolled
//! (the province's key is the witness of its officer's fingerprint check), then every bundle
//! verified again exactly as at the province, one transaction per bundle.

use crate::bundle::forward::{self, ForwardEnrolment, ForwardManifest, ForwardReEnrolment};
use crate::bundle::keys::{self, FundSecret};
use crate::error::{Error, ProvinceRefusal, Result};
use crate::store::province::{ForwardRecord, ProvinceKey, ProvinceStore, Written};
use serde::Serialize;
use std::path::{Path, PathBuf};

/// The province's signing key: the key file, made with owner-only rights on first use.
pub fn province_key(path: &Path) -> Result<FundSecret> {
    if path.exists() {
        return FundSecret::load(path);
    }
    let secret = FundSecret::generate();
    secret.save(path)?;
    Ok(secret)
}

#[derive(Clone, Debug, Serialize)]
pub struct ForwardOutcome {
    pub province: String,
    pub sequence: i64,
    pub folder: PathBuf,
    pub bundles: usize,
    pub funds: usize,
    pub key_fingerprint: String,
}

/// Write the province's next forward into a new folder under `to`: every imported bundle not
/// forwarded yet. The forward is recorded (with its signed manifest) before its folder is
/// written, so a folder lost on the way is written again, the same, by [`forward_again`].
pub fn forward(
    store: &mut ProvinceStore,
    secret: &FundSecret,
    province: Option<&str>,
    to: &Path,
    officer: &str,
    now: &str,
) -> Result<ForwardOutcome> {
    let name = province_name(store, province)?;
    let list = store.unforwarded()?;
    if list.is_empty() {
        return Err(ProvinceRefusal::NothingToForward.into());
    }
    let (last, previous) = match store.last_forward()? {
        Some((seq, hash)) => (seq, Some(hex::encode(hash))),
        None => (0, None),
    };
    let mut bundles = Vec::with_capacity(list.len());
    let mut enrolments = Vec::new();
    for (code, seq) in &list {
        let bytes = store
            .bundle_file(code, *seq)?
            .ok_or_else(|| Error::file(Path::new(code), "a bundle's file is missing"))?;
        if *seq == 1 {
            // the key that signed the fund's first bundle is the one the officer enrolled
            let m = crate::bundle::verify::open(&bytes)?.manifest;
            enrolments.push(ForwardEnrolment {
                fund_code: code.clone(),
                public_key: m.public_key,
                key_fingerprint: m.key_fingerprint,
            });
        }
        bundles.push(forward::ForwardedBundle {
            fund_code: code.clone(),
            sequence: *seq,
            file: forward::bundle_file_name(code, *seq),
            bytes: bytes.len() as u64,
            sha256: hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes)),
        });
    }
    let in_forward: std::collections::BTreeSet<(&str, i64)> =
        list.iter().map(|(c, s)| (c.as_str(), *s)).collect();
    let re_enrolments = store
        .re_enrolments()?
        .into_iter()
        .filter(|r| in_forward.contains(&(r.fund_code.as_str(), r.from_seq)))
        .map(|r| ForwardReEnrolment {
            fund_code: r.fund_code,
            from_sequence: r.from_seq,
            public_key: hex::encode(r.public_key),
            key_fingerprint: r.fingerprint,
            at: r.at,
        })
        .collect();
    let manifest = ForwardManifest {
        format: forward::FORMAT.into(),
        province: name.clone(),
        public_key: hex::encode(secret.public()),
        key_fingerprint: keys::fingerprint(&secret.public()),
        sequence: last + 1,
        previous_forward: previous,
        created_at: now.into(),
        created_by: officer.into(),
        enrolments,
        re_enrolments,
        bundles,
    };
    let manifest_bytes = serde_json::to_vec_pretty(&manifest).expect("a manifest serialises");
    let signature = hex::encode(secret.sign(&manifest_bytes));
    let hash: [u8; 32] = <sha2::Sha256 as sha2::Digest>::digest(&manifest_bytes).into();
    let record = ForwardRecord {
        seq: manifest.sequence,
        hash: &hash,
        manifest: &manifest_bytes,
        signature: &signature,
        at: now,
        by: officer,
        bundles: &list,
        province: &name,
    };
    if store.record_forward(&record)? != Written::Imported {
        return Err(ProvinceRefusal::Busy.into());
    }
    forward_again(store, manifest.sequence, to)
}

/// Write forward `seq` (recorded before) into a new folder under `to`, byte for byte as the
/// first time.
pub fn forward_again(store: &ProvinceStore, seq: i64, to: &Path) -> Result<ForwardOutcome> {
    let (manifest_bytes, signature) = store
        .forward_manifest(seq)?
        .ok_or_else(|| Error::NotFound { what: "forward", key: seq.to_string() })?;
    let manifest: ForwardManifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|e| Error::file(Path::new("p_forward"), e))?;
    let folder = to.join(forward::folder_name(&manifest.province, seq));
    if folder.exists() {
        return Err(Error::file(&folder, "exists already / มีอยู่แล้ว"));
    }
    // written under a temporary name, then renamed: a folder that is there is whole
    let partial = to.join(format!(".{}.partial", forward::folder_name(&manifest.province, seq)));
    let _ = std::fs::remove_dir_all(&partial);
    std::fs::create_dir_all(partial.join("bundles")).map_err(|e| Error::file(&partial, e))?;
    for b in &manifest.bundles {
        let bytes = store
            .bundle_file(&b.fund_code, b.sequence)?
            .ok_or_else(|| Error::file(Path::new(&b.file), "a bundle's file is missing"))?;
        crate::ops::atomic::write_atomic(&partial.join(&b.file), &bytes)?;
    }
    crate::ops::atomic::write_atomic(&partial.join("forward.json"), &manifest_bytes)?;
    crate::ops::atomic::write_atomic(&partial.join("forward.sig"), signature.as_bytes())?;
    std::fs::rename(&partial, &folder).map_err(|e| Error::file(&folder, e))?;
    let funds: std::collections::BTreeSet<&str> =
        manifest.bundles.iter().map(|b| b.fund_code.as_str()).collect();
    Ok(ForwardOutcome {
        province: manifest.province.clone(),
        sequence: seq,
        folder,
        bundles: manifest.bundles.len(),
        funds: funds.len(),
        key_fingerprint: manifest.key_fingerprint.clone(),
    })
}

/// The province's name: the one recorded with its first forward (in that forward's own
/// transaction, so a refused forward records no name), the same ever after.
fn province_name(store: &ProvinceStore, typed: Option<&str>) -> Result<String> {
    let recorded = store.setting(crate::store::province::PROVINCE_NAME)?;
    let typed = typed.map(str::trim).filter(|t| !t.is_empty());
    match (recorded, typed) {
        (Some(r), Some(t)) if r != t => {
            Err(Error::invalid("province", t, crate::Problem::UnknownChoice { allowed: r }))
        }
        (Some(r), _) => Ok(r),
        (None, Some(t)) => crate::domain::text::required("province", t, 100),
        (None, None) => Err(Error::invalid("province", "", crate::Problem::Empty)),
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct ProvinceEnrolPreview {
    pub province: String,
    pub key_fingerprint: String,
    pub enrolled: bool,
}

/// At the nation: show a forward's province and key; enrol it only when the officer types
/// the fingerprint read on the province's letter.
pub fn enrol_province(
    store: &mut ProvinceStore,
    dir: &Path,
    confirm: Option<&str>,
    officer: &str,
    now: &str,
) -> Result<ProvinceEnrolPreview> {
    let f = forward::open(dir)?;
    let m = &f.manifest;
    let mut preview = ProvinceEnrolPreview {
        province: m.province.clone(),
        key_fingerprint: m.key_fingerprint.clone(),
        enrolled: false,
    };
    if let Some(existing) = store.province(&m.province)? {
        return Err(ProvinceRefusal::ProvinceAlreadyEnrolled {
            name: existing.name,
            fingerprint: existing.fingerprint,
        }
        .into());
    }
    let Some(typed) = confirm else { return Ok(preview) };
    let public = public_key(&m.public_key)?;
    if typed.trim() != m.key_fingerprint || keys::fingerprint(&public) != m.key_fingerprint {
        return Err(ProvinceRefusal::FingerprintMismatch.into());
    }
    store.enrol_province(&ProvinceKey {
        name: m.province.clone(),
        public_key: public,
        fingerprint: m.key_fingerprint.clone(),
        enrolled_at: now.into(),
        enrolled_by: officer.into(),
        last_forward: 0,
        last_forward_hash: None,
    })?;
    preview.enrolled = true;
    Ok(preview)
}

fn public_key(text: &str) -> Result<[u8; 32]> {
    hex::decode(text)
        .ok()
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| Error::from(crate::error::BundleRefusal::BadKey))
}

#[derive(Clone, Debug, Serialize)]
pub struct ForwardImport {
    pub province: String,
    pub sequence: i64,
    pub result: super::province::ImportResult,
    /// Funds enrolled nationally through this forward.
    pub funds_enrolled: Vec<String>,
    pub bundles_imported: usize,
    /// Bundles that were in already (a forward imported again after it stopped halfway).
    pub bundles_already_in: usize,
}

/// Import a province's forward at the nation. With `dry_run`, check the manifest, its
/// signature and sequence, and every file against it, and write nothing.
pub fn import_forward(
    store: &mut ProvinceStore,
    dir: &Path,
    dry_run: bool,
    officer: &str,
    now: &str,
) -> Result<ForwardImport> {
    use super::province::ImportResult;
    let f = forward::open(dir)?;
    let m = &f.manifest;
    let province = store
        .province(&m.province)?
        .ok_or_else(|| ProvinceRefusal::UnknownProvince { name: m.province.clone() })?;
    if hex::encode(province.public_key) != m.public_key
        || !keys::verify(&province.public_key, &f.manifest_bytes, &f.signature)
    {
        return Err(ProvinceRefusal::ForwardSignature.into());
    }
    let mut out = ForwardImport {
        province: m.province.clone(),
        sequence: m.sequence,
        result: ImportResult::AlreadyImported,
        funds_enrolled: Vec::new(),
        bundles_imported: 0,
        bundles_already_in: 0,
    };
    if m.sequence <= province.last_forward {
        if m.sequence == province.last_forward && province.last_forward_hash == Some(f.hash) {
            return Ok(out);
        }
        if m.sequence == province.last_forward {
            return Err(ProvinceRefusal::ForwardFork { seq: m.sequence }.into());
        }
        return Err(ProvinceRefusal::ForwardReplay {
            seq: m.sequence,
            latest: province.last_forward,
        }
        .into());
    }
    if m.sequence > province.last_forward + 1 {
        return Err(ProvinceRefusal::ForwardGap {
            from: province.last_forward + 1,
            to: m.sequence - 1,
        }
        .into());
    }
    if m.previous_forward != province.last_forward_hash.map(hex::encode) {
        return Err(ProvinceRefusal::ForwardFork { seq: m.sequence }.into());
    }
    // every file against the manifest before anything is written; kept of each: its hash
    // (the file read again to import is checked against the manifest's SHA-256, so it is the
    // same bundle) and, of a fund's first bundle, the fund it names
    let mut hashes = Vec::with_capacity(m.bundles.len());
    let mut firsts = std::collections::HashMap::new();
    for b in &m.bundles {
        let opened = crate::bundle::verify::open(&f.bundle(b)?)?;
        if opened.manifest.fund_code != b.fund_code || opened.manifest.sequence != b.sequence {
            return Err(ProvinceRefusal::ForwardContents { file: b.file.clone() }.into());
        }
        hashes.push(opened.hash);
        if b.sequence == 1 {
            let n = opened.manifest;
            firsts.insert(b.fund_code.as_str(), (n.fund_name, n.amphoe, n.tambon, n.changwat));
        }
    }
    if dry_run {
        out.result = ImportResult::WouldImport;
        return Ok(out);
    }
    let witness = format!("จังหวัด{} (กุญแจ {}) / {officer}", m.province, m.key_fingerprint);
    for e in &m.enrolments {
        if store.fund(&e.fund_code)?.is_some() {
            continue;
        }
        let public = public_key(&e.public_key)?;
        let (name, amphoe, tambon, changwat) = firsts
            .get(e.fund_code.as_str())
            .ok_or_else(|| ProvinceRefusal::ForwardContents { file: e.fund_code.clone() })?;
        let enrolled = store.enrol(&crate::store::province::Enrolment {
            code: &e.fund_code,
            name,
            amphoe,
            tambon,
            changwat,
            public_key: &public,
            fingerprint: &e.key_fingerprint,
            at: now,
            by: &witness,
        });
        match enrolled {
            Ok(()) => out.funds_enrolled.push(e.fund_code.clone()),
            // another officer importing the same forward enrolled it a moment ago
            Err(_) if store.fund(&e.fund_code)?.is_some() => {}
            Err(e) => return Err(e),
        }
    }
    for (b, hash) in m.bundles.iter().zip(hashes) {
        for r in m
            .re_enrolments
            .iter()
            .filter(|r| r.fund_code == b.fund_code && r.from_sequence == b.sequence)
        {
            let held = store.fund(&r.fund_code)?.map(|f| hex::encode(f.public_key));
            if held.as_deref() != Some(r.public_key.as_str()) {
                store.replace_key(
                    &r.fund_code,
                    &public_key(&r.public_key)?,
                    &r.key_fingerprint,
                    true,
                    &r.at,
                )?;
            }
        }
        let bytes = f.bundle(b)?;
        if store.bundle_hash(&b.fund_code, b.sequence)? == Some(hash) {
            out.bundles_already_in += 1;
            continue;
        }
        match super::province::import_bytes(store, &bytes, false, officer, now) {
            Ok(done) if done.result == ImportResult::Imported => out.bundles_imported += 1,
            Ok(_) => out.bundles_already_in += 1,
            // another officer importing the same forward took this bundle and the next:
            // it is in, as this one would have written it
            Err(_) if store.bundle_hash(&b.fund_code, b.sequence)? == Some(hash) => {
                out.bundles_already_in += 1;
            }
            Err(e) => return Err(e),
        }
    }
    if store.record_forward_imported(&m.province, m.sequence, &f.hash)? != Written::Imported {
        // another officer imported the same forward at the same time: it is in
        return Ok(out);
    }
    out.result = ImportResult::Imported;
    Ok(out)
}
