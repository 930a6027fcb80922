//! Reading a bundle without trusting it: the zip, the signature over `manifest.json`, and
//! every file's size and SHA-256 against the manifest. Nothing here knows the province's
//! registry; `ops::province` adds the key, sequence and chain checks.

use super::manifest::Manifest;
use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;

pub struct OpenedBundle {
    pub manifest: Manifest,
    /// SHA-256 of manifest.json: the bundle's identity in the chain of bundles.
    pub hash: [u8; 32],
    pub files: BTreeMap<String, Vec<u8>>,
}

pub fn refused(code: &'static str, th: impl Into<String>, en: impl Into<String>) -> Error {
    Error::Refused { code, th: th.into(), en: en.into() }
}

pub fn open(bytes: &[u8]) -> Result<OpenedBundle> {
    let corrupt = |e: String| refused("bundle.corrupt", format!("แฟ้มชุดข้อมูลเสียหายหรือไม่ครบ ({e})"), format!("the bundle file is damaged or incomplete ({e})"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| corrupt(e.to_string()))?;
    let mut raw: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).map_err(|e| corrupt(e.to_string()))?;
        let name = f.name().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).map_err(|e| corrupt(e.to_string()))?;
        if raw.insert(name.clone(), data).is_some() {
            return Err(refused("bundle.duplicate_file", format!("มีแฟ้ม {name} ซ้ำ"), format!("{name} appears twice")));
        }
    }
    let manifest_bytes = raw.remove("manifest.json").ok_or_else(|| refused("bundle.missing_file", "ไม่มี manifest.json", "manifest.json is missing"))?;
    let sig = raw.remove("manifest.sig").ok_or_else(|| refused("bundle.missing_file", "ไม่มี manifest.sig", "manifest.sig is missing"))?;
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes).map_err(|e| refused("bundle.format", format!("manifest.json อ่านไม่ได้: {e}"), format!("manifest.json is not valid: {e}")))?;
    if manifest.format != super::FORMAT {
        return Err(refused("bundle.format", format!("รูปแบบ {} ไม่รู้จัก", manifest.format), format!("unknown format {}", manifest.format)));
    }
    let public: [u8; 32] = hex::decode(&manifest.public_key).ok().and_then(|v| v.try_into().ok()).ok_or_else(|| refused("bundle.format", "กุญแจสาธารณะไม่ถูกต้อง", "the public key is malformed"))?;
    let sig_bytes = hex::decode(String::from_utf8_lossy(&sig).trim()).unwrap_or_default();
    if !super::keys::verify(&public, &manifest_bytes, &sig_bytes) {
        return Err(refused("bundle.bad_signature", "ลายมือชื่อดิจิทัลไม่ถูกต้อง: manifest ถูกแก้ไขหรือลงนามด้วยกุญแจอื่น", "the signature does not match the manifest"));
    }
    for f in &manifest.files {
        let data = raw.get(&f.path).ok_or_else(|| refused("bundle.missing_file", format!("ไม่มีแฟ้ม {}", f.path), format!("{} is missing", f.path)))?;
        if data.len() as u64 != f.bytes || hex::encode(Sha256::digest(data)) != f.sha256 {
            return Err(refused("bundle.file_hash", format!("แฟ้ม {} ไม่ตรงกับลายนิ้วมือใน manifest", f.path), format!("{} does not match its hash in the manifest", f.path)));
        }
    }
    if let Some(extra) = raw.keys().find(|k| !manifest.files.iter().any(|f| &f.path == *k)) {
        return Err(refused("bundle.extra_file", format!("มีแฟ้ม {extra} ที่ไม่อยู่ใน manifest"), format!("{extra} is not listed in the manifest")));
    }
    Ok(OpenedBundle { hash: Sha256::digest(&manifest_bytes).into(), manifest, files: raw })
}

/// Parse a `data/*.jsonl` file into values.
pub fn jsonl(bundle: &OpenedBundle, path: &str) -> Result<Vec<serde_json::Value>> {
    let data = bundle.files.get(path).ok_or_else(|| refused("bundle.missing_file", format!("ไม่มีแฟ้ม {path}"), format!("{path} is missing")))?;
    let text = std::str::from_utf8(data).map_err(|_| refused("bundle.format", format!("{path} ไม่ใช่ UTF-8"), format!("{path} is not UTF-8")))?;
    text.lines()
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_str(l).map_err(|e| refused("bundle.format", format!("{path}: {e}"), format!("{path}: {e}"))))
        .collect()
}
