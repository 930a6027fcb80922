//! The hash chain over journal entries (DESIGN §2, invariant 3):
//! `hash = SHA-256(prev_hash || canonical bytes of entry)`, with 32 zero bytes before the
//! first entry. Canonical bytes: a version tag, then every field that an auditor relies on,
//! each written as its byte length (8 bytes, big-endian) followed by its UTF-8 bytes, so no
//! two different entries can encode alike. Postings follow in line order.

use sha2::{Digest, Sha256};

pub const GENESIS: [u8; 32] = [0u8; 32];
const TAG: &[u8] = b"kongthun-entry-v1";

/// The fields of a posted entry that the chain covers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainRecord {
    pub id: i64,
    pub entry_date: String,
    pub doc_no: String,
    pub kind: String,
    pub member_id: Option<i64>,
    pub reverses: Option<i64>,
    pub description: String,
    pub reason: String,
    pub recorded_by: String,
    pub recorded_at: String,
    /// (account, amount in satang, member id) in line order.
    pub postings: Vec<(String, i64, Option<i64>)>,
}

fn field(out: &mut Vec<u8>, bytes: &[u8]) {
    out.extend_from_slice(&(bytes.len() as u64).to_be_bytes());
    out.extend_from_slice(bytes);
}

fn opt(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

impl ChainRecord {
    pub fn canonical_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(256);
        field(&mut out, TAG);
        field(&mut out, self.id.to_string().as_bytes());
        field(&mut out, self.entry_date.as_bytes());
        field(&mut out, self.doc_no.as_bytes());
        field(&mut out, self.kind.as_bytes());
        field(&mut out, opt(self.member_id).as_bytes());
        field(&mut out, opt(self.reverses).as_bytes());
        field(&mut out, self.description.as_bytes());
        field(&mut out, self.reason.as_bytes());
        field(&mut out, self.recorded_by.as_bytes());
        field(&mut out, self.recorded_at.as_bytes());
        field(&mut out, self.postings.len().to_string().as_bytes());
        for (account, amount, member) in &self.postings {
            field(&mut out, account.as_bytes());
            field(&mut out, amount.to_string().as_bytes());
            field(&mut out, opt(*member).as_bytes());
        }
        out
    }

    pub fn hash(&self, prev: &[u8; 32]) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(prev);
        h.update(self.canonical_bytes());
        h.finalize().into()
    }
}

/// The short fingerprint printed on statements: the first 8 bytes of the chain head in
/// four groups of four hex digits, easy to read aloud (`3f2a-91c0-77de-0b14`).
pub fn fingerprint(head: &[u8; 32]) -> String {
    let hex = hex::encode(&head[..8]);
    format!("{}-{}-{}-{}", &hex[0..4], &hex[4..8], &hex[8..12], &hex[12..16])
}

/// A signing key's fingerprint, to read aloud and write on the fund's paper registration:
/// SHA-256 of the 32 raw bytes of the public key, its first 10 bytes in five groups of four
/// hex digits (`xxxx-xxxx-xxxx-xxxx-xxxx`).
pub fn key_fingerprint(public: &[u8; 32]) -> String {
    let h = hex::encode(&Sha256::digest(public)[..10]);
    format!("{}-{}-{}-{}-{}", &h[0..4], &h[4..8], &h[8..12], &h[12..16], &h[16..20])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> ChainRecord {
        ChainRecord {
            id: 1,
            entry_date: "2026-10-05".into(),
            doc_no: "RV2569/000001".into(),
            kind: "contribution".into(),
            member_id: Some(3),
            reverses: None,
            description: "เงินสมทบ".into(),
            reason: String::new(),
            recorded_by: "เหรัญญิก".into(),
            recorded_at: "2026-10-05T03:00:00Z".into(),
            postings: vec![("1101".into(), 3000, None), ("4101".into(), -3000, Some(3))],
        }
    }

    #[test]
    fn any_change_changes_the_hash() {
        let base = record().hash(&GENESIS);
        let mut r = record();
        r.postings[0].1 = 3001;
        assert_ne!(r.hash(&GENESIS), base);
        let mut r = record();
        r.description = "เงินสมทบ ".into();
        assert_ne!(r.hash(&GENESIS), base);
        let mut r = record();
        r.postings[1].2 = None;
        assert_ne!(r.hash(&GENESIS), base);
        assert_ne!(record().hash(&[1u8; 32]), base);
        assert_eq!(record().hash(&GENESIS), base);
    }

    #[test]
    fn field_boundaries_are_unambiguous() {
        let mut a = record();
        a.description = "ab".into();
        a.reason = "c".into();
        let mut b = record();
        b.description = "a".into();
        b.reason = "bc".into();
        assert_ne!(a.canonical_bytes(), b.canonical_bytes());
    }

    #[test]
    fn fingerprint_reads_in_groups() {
        let fp = fingerprint(&[0xab; 32]);
        assert_eq!(fp, "abab-abab-abab-abab");
    }
}
