//! `manifest.json`: what a bundle holds and where it sits in the fund's chain. The bytes of
//! this file, exactly as stored, are what `manifest.sig` signs.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub path: String,
    pub bytes: u64,
    pub sha256: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: String,
    pub to: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainSpan {
    /// Ids of the first and last journal entry carried (first > last: none).
    pub first_entry: i64,
    pub last_entry: i64,
    /// Hash of the entry before the first one (64 zeros at the start of the journal).
    pub previous_head: String,
    /// Hash of the last entry carried: the chain head at the end of the period.
    pub head: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub members: u64,
    pub entries: u64,
    pub postings: u64,
    pub claims: u64,
    pub meetings: u64,
    pub resolutions: u64,
    pub rules: u64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    pub fund_code: String,
    pub fund_name: String,
    pub amphoe: String,
    pub tambon: String,
    pub changwat: String,
    pub public_key: String,
    pub key_fingerprint: String,
    pub sequence: i64,
    /// SHA-256 of the previous bundle's manifest.json, or null for the first.
    pub previous_bundle: Option<String>,
    pub period: Period,
    pub chain: ChainSpan,
    pub counts: Counts,
    /// Whether national IDs are a keyed hash (`hmac-sha256`), left out (`omitted`), or sent
    /// as they are (`clear`, only if the fund chose so).
    pub national_ids: String,
    pub created_at: String,
    pub app_version: String,
    /// Every other file of the bundle, sorted by path.
    pub files: Vec<FileEntry>,
    /// Present after the fund rotated its key: the previous key's signature over the new one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_rotation: Option<KeyRotation>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyRotation {
    pub previous_public_key: String,
    /// Ed25519 by the previous key over `kongthun-key-rotation-v1` followed by the new
    /// public key's 32 bytes, in hex.
    pub signature: String,
}

/// What the previous key signs when the fund rotates to `new_public`.
pub fn rotation_message(new_public: &[u8; 32]) -> Vec<u8> {
    let mut m = b"kongthun-key-rotation-v1".to_vec();
    m.extend_from_slice(new_public);
    m
}
