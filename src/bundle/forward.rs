//! A province's forward to the nation: a folder holding the funds' original signed bundles,
//! byte for byte as the province imported them, and a manifest that the province signs with
//! its own key — which funds and which bundles (each file's size and SHA-256), which funds
//! its officers enrolled (the key they checked on the fund's paper form) and re-enrolled, and
//! the forward's place in the province's sequence of forwards. The nation verifies the
//! manifest with the province key it enrolled, then every bundle again as the province did.
//! docs/bundle-format.md describes it for other implementations.
//!
//! ```text
//! kongthun-forward-<province>-<sequence>/
//!   forward.json   the manifest (UTF-8 JSON)
//!   forward.sig    Ed25519 signature of forward.json's bytes, hex
//!   bundles/<fund code>-<sequence>.kongthun
//! ```

use crate::error::{Error, ProvinceRefusal, Result};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

pub const FORMAT: &str = "kongthun-forward/1";

/// Bounds for reading a forward from a stick: the manifest and signature are small; each
/// bundle is read within the bundle's own bound, one at a time.
pub mod limits {
    pub const MANIFEST: u64 = 16 << 20;
    pub const SIGNATURE: u64 = 1024;
    /// Bundles in one forward (a province of 1,000 funds forwarding a year: 12,000).
    pub const BUNDLES: usize = 100_000;
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForwardManifest {
    pub format: String,
    /// The province (จังหวัด) as the nation enrolled it.
    pub province: String,
    pub public_key: String,
    pub key_fingerprint: String,
    /// 1, 2, 3, … with no gaps; `previous_forward` is the SHA-256 of the last manifest.
    pub sequence: i64,
    pub previous_forward: Option<String>,
    pub created_at: String,
    pub created_by: String,
    /// Funds whose first bundle is in this forward, with the key the province enrolled.
    pub enrolments: Vec<ForwardEnrolment>,
    /// Keys the province's officers put in place after a fund lost its own.
    pub re_enrolments: Vec<ForwardReEnrolment>,
    /// In order: by fund, then by the fund's sequence.
    pub bundles: Vec<ForwardedBundle>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForwardEnrolment {
    pub fund_code: String,
    pub public_key: String,
    pub key_fingerprint: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForwardReEnrolment {
    pub fund_code: String,
    /// The fund's bundle from which the new key holds.
    pub from_sequence: i64,
    pub public_key: String,
    pub key_fingerprint: String,
    pub at: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ForwardedBundle {
    pub fund_code: String,
    pub sequence: i64,
    /// Inside the folder: `bundles/<fund code>-<sequence>.kongthun`.
    pub file: String,
    pub bytes: u64,
    pub sha256: String,
}

/// The bundle's place in the folder.
pub fn bundle_file_name(fund_code: &str, seq: i64) -> String {
    format!("bundles/{}-{seq:04}.kongthun", crate::domain::file_name::portable(fund_code))
}

/// The folder's name for a province's forward.
pub fn folder_name(province: &str, seq: i64) -> String {
    crate::domain::file_name::portable(&format!("kongthun-forward-{province}-{seq:04}"))
}

/// A forward read from its folder: the manifest checked for shape, its bytes and hash, the
/// signature (hex, not yet verified: the key is the nation's to choose).
pub struct OpenedForward {
    pub dir: PathBuf,
    pub manifest: ForwardManifest,
    pub manifest_bytes: Vec<u8>,
    pub hash: [u8; 32],
    pub signature: Vec<u8>,
}

pub fn open(dir: &Path) -> Result<OpenedForward> {
    let manifest_bytes = crate::bounded::read_file(&dir.join("forward.json"), limits::MANIFEST)?;
    let sig_text = crate::bounded::read_file(&dir.join("forward.sig"), limits::SIGNATURE)?;
    let signature = hex::decode(String::from_utf8_lossy(&sig_text).trim())
        .map_err(|_| Error::from(ProvinceRefusal::ForwardSignature))?;
    let manifest: ForwardManifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|_| ProvinceRefusal::ForwardContents { file: "forward.json".into() })?;
    if manifest.format != FORMAT || manifest.bundles.len() > limits::BUNDLES {
        return Err(ProvinceRefusal::ForwardContents { file: "forward.json".into() }.into());
    }
    // every listed file where its name says, and nothing else in bundles/
    for b in &manifest.bundles {
        if b.file != bundle_file_name(&b.fund_code, b.sequence) {
            return Err(ProvinceRefusal::ForwardContents { file: b.file.clone() }.into());
        }
    }
    let listed: std::collections::BTreeSet<&str> =
        manifest.bundles.iter().map(|b| b.file.as_str()).collect();
    let folder = dir.join("bundles");
    let entries = std::fs::read_dir(&folder).map_err(|e| Error::file(&folder, e))?;
    for (n, entry) in entries.enumerate() {
        let entry = entry.map_err(|e| Error::file(&folder, e))?;
        let name = format!("bundles/{}", entry.file_name().to_string_lossy());
        if n > limits::BUNDLES || !listed.contains(name.as_str()) {
            return Err(ProvinceRefusal::ForwardContents { file: name }.into());
        }
    }
    let hash = <sha2::Sha256 as sha2::Digest>::digest(&manifest_bytes).into();
    Ok(OpenedForward { dir: dir.to_path_buf(), manifest, manifest_bytes, hash, signature })
}

impl OpenedForward {
    /// A listed bundle's bytes, read within the bundle's bound and checked against the
    /// manifest's size and SHA-256.
    pub fn bundle(&self, b: &ForwardedBundle) -> Result<Vec<u8>> {
        let bytes = crate::bundle::verify::read_bundle_file(&self.dir.join(&b.file))?;
        let sha = hex::encode(<sha2::Sha256 as sha2::Digest>::digest(&bytes));
        if bytes.len() as u64 != b.bytes || sha != b.sha256 {
            return Err(ProvinceRefusal::ForwardContents { file: b.file.clone() }.into());
        }
        Ok(bytes)
    }
}
