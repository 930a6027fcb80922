//! The hash chain over journal entries (DESIGN §2, invariant 3):
//! `hash = SHA-256(prev_hash || canonical bytes of entry)`, with 32 zero bytes before the
//! first entry. Canonical bytes: a version tag, then every field that an auditor relies on,
//! each written as its byte length (8 bytes, big-endian) followed by its UTF-8 bytes, so no
//! two different entries can encode alike. Postings follow in line order.

use sha2::{Digest, Sha256};
use std::borrow::Cow;

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

/// An integer's decimal digits, written without allocating (`-` first when negative).
fn decimal(value: i64, buf: &mut [u8; 20]) -> &[u8] {
    let mut n = value.unsigned_abs();
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if value < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

fn int_field(out: &mut Vec<u8>, value: i64) {
    let mut buf = [0u8; 20];
    field(out, decimal(value, &mut buf));
}

fn opt_field(out: &mut Vec<u8>, value: Option<i64>) {
    match value {
        Some(v) => int_field(out, v),
        None => field(out, b""),
    }
}

/// The fields of one entry in the order the chain hashes them, as bytes borrowed from
/// wherever they are read (a database row, a bundle line).
pub struct EntryFields<'a> {
    pub id: i64,
    pub entry_date: &'a [u8],
    pub doc_no: &'a [u8],
    pub kind: &'a [u8],
    pub member_id: Option<i64>,
    pub reverses: Option<i64>,
    pub description: &'a [u8],
    pub reason: &'a [u8],
    pub recorded_by: &'a [u8],
    pub recorded_at: &'a [u8],
}

/// An entry's canonical bytes built field by field into buffers kept from one entry to the
/// next, so that walking a million entries allocates nothing per entry. The bytes are the
/// ones `ChainRecord::canonical_bytes` gives (it is built on this).
#[derive(Default)]
pub struct EntryBytes {
    head: Vec<u8>,
    lines: Vec<u8>,
    count: u64,
    sum: i128,
}

impl EntryBytes {
    /// Begin a new entry (what the last one held is dropped, the buffers kept).
    pub fn start(&mut self, e: &EntryFields<'_>) {
        self.head.clear();
        self.lines.clear();
        self.count = 0;
        self.sum = 0;
        let out = &mut self.head;
        field(out, TAG);
        int_field(out, e.id);
        field(out, e.entry_date);
        field(out, e.doc_no);
        field(out, e.kind);
        opt_field(out, e.member_id);
        opt_field(out, e.reverses);
        field(out, e.description);
        field(out, e.reason);
        field(out, e.recorded_by);
        field(out, e.recorded_at);
    }

    /// One posting line, in line order.
    pub fn line(&mut self, account: &[u8], amount: i64, member_id: Option<i64>) {
        field(&mut self.lines, account);
        int_field(&mut self.lines, amount);
        opt_field(&mut self.lines, member_id);
        self.count += 1;
        self.sum += i128::from(amount);
    }

    pub fn line_count(&self) -> u64 {
        self.count
    }

    /// What the lines add up to (zero in a balanced entry).
    pub fn sum(&self) -> i128 {
        self.sum
    }

    fn count_field(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(28);
        int_field(&mut out, self.count as i64);
        out
    }

    pub fn hash(&self, prev: &[u8; 32]) -> [u8; 32] {
        let mut buf = [0u8; 20];
        let count = decimal(self.count as i64, &mut buf);
        let mut h = Sha256::new();
        h.update(prev);
        h.update(&self.head);
        h.update((count.len() as u64).to_be_bytes());
        h.update(count);
        h.update(&self.lines);
        h.finalize().into()
    }

    pub fn to_vec(&self) -> Vec<u8> {
        [self.head.as_slice(), &self.count_field(), &self.lines].concat()
    }
}

impl ChainRecord {
    fn entry_bytes(&self) -> EntryBytes {
        let mut b = EntryBytes::default();
        b.start(&EntryFields {
            id: self.id,
            entry_date: self.entry_date.as_bytes(),
            doc_no: self.doc_no.as_bytes(),
            kind: self.kind.as_bytes(),
            member_id: self.member_id,
            reverses: self.reverses,
            description: self.description.as_bytes(),
            reason: self.reason.as_bytes(),
            recorded_by: self.recorded_by.as_bytes(),
            recorded_at: self.recorded_at.as_bytes(),
        });
        for (account, amount, member) in &self.postings {
            b.line(account.as_bytes(), *amount, *member);
        }
        b
    }

    pub fn canonical_bytes(&self) -> Vec<u8> {
        self.entry_bytes().to_vec()
    }

    pub fn hash(&self, prev: &[u8; 32]) -> [u8; 32] {
        self.entry_bytes().hash(prev)
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

/// One entry as a bundle carries it (a line of `data/entries.jsonl`), read straight into its
/// fields (no JSON tree per line: the province's hashing and writing read these), each text
/// borrowed from the bundle's bytes unless it has an escape to undo (so a year's 80,000
/// entries make no string of their own). A field left out or `null` reads as empty, as the
/// chain's bytes have it; a field of another type refuses the line.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct EntryLine<'a> {
    #[serde(default = "no_id")]
    pub id: i64,
    #[serde(borrow, deserialize_with = "text")]
    pub entry_date: Option<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "text")]
    pub doc_no: Option<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "text")]
    pub kind: Option<Cow<'a, str>>,
    pub member_id: Option<i64>,
    pub reverses: Option<i64>,
    #[serde(borrow, deserialize_with = "text")]
    pub description: Option<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "text")]
    pub reason: Option<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "text")]
    pub recorded_by: Option<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "text")]
    pub recorded_at: Option<Cow<'a, str>>,
    #[serde(borrow, deserialize_with = "text")]
    pub hash: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub postings: Vec<PostingLine<'a>>,
}

impl EntryLine<'_> {
    /// The hash the line states, as bytes; `None` when it is missing or not 64 hex digits.
    pub fn stored_hash(&self) -> Option<[u8; 32]> {
        let mut hash = [0u8; 32];
        hex::decode_to_slice(self.hash.as_deref()?, &mut hash).ok()?;
        Some(hash)
    }
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct PostingLine<'a> {
    #[serde(borrow, deserialize_with = "text")]
    pub account: Option<Cow<'a, str>>,
    pub amount: i64,
    pub member_id: Option<i64>,
}

/// A text field of a line, borrowed from the line's bytes when it has no escape to undo
/// (serde borrows a bare `Cow<str>` itself, but not one inside an `Option`).
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Cow<'de, str>>, D::Error> {
    struct Text;
    impl<'de> serde::de::Visitor<'de> for Text {
        type Value = Option<Cow<'de, str>>;
        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("a string or null")
        }
        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Borrowed(v)))
        }
        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v)))
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_str(Text)
        }
    }
    d.deserialize_option(Text)
}

fn no_id() -> i64 {
    -1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundle_line_borrows_its_text_and_undoes_escapes() {
        let line = r#"{"id":7,"doc_no":"RV2569/000001","description":"ค่า \"ไฟฟ้า\"","kind":null,
                       "postings":[{"account":"1101","amount":100},{"account":"5201","amount":-100}]}"#;
        let e: EntryLine<'_> = serde_json::from_str(line).unwrap();
        assert_eq!(e.id, 7);
        assert!(matches!(e.doc_no, Some(Cow::Borrowed("RV2569/000001"))));
        assert_eq!(e.description.as_deref(), Some("ค่า \"ไฟฟ้า\""));
        assert!(matches!(e.description, Some(Cow::Owned(_))), "an escape is undone");
        assert_eq!((e.kind, e.reason), (None, None), "null and left out read the same");
        assert_eq!(e.postings[1].account.as_deref(), Some("5201"));
        let wrong = serde_json::from_str::<EntryLine<'_>>(r#"{"id":1,"description":5}"#);
        assert!(wrong.unwrap_err().to_string().contains("a string or null"));
        assert_eq!(serde_json::from_str::<EntryLine<'_>>("{}").unwrap().id, -1);
    }

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

    /// The canonical bytes as the format defines them (docs/bundle-format.md), written the
    /// plain way: each field's length then its bytes, numbers in decimal.
    fn written_out(r: &ChainRecord) -> Vec<u8> {
        let mut out = Vec::new();
        let mut put = |b: &[u8]| {
            out.extend_from_slice(&(b.len() as u64).to_be_bytes());
            out.extend_from_slice(b);
        };
        let opt = |v: Option<i64>| v.map(|v| v.to_string()).unwrap_or_default();
        put(TAG);
        put(r.id.to_string().as_bytes());
        for f in [&r.entry_date, &r.doc_no, &r.kind] {
            put(f.as_bytes());
        }
        put(opt(r.member_id).as_bytes());
        put(opt(r.reverses).as_bytes());
        for f in [&r.description, &r.reason, &r.recorded_by, &r.recorded_at] {
            put(f.as_bytes());
        }
        put(r.postings.len().to_string().as_bytes());
        for (account, amount, member) in &r.postings {
            put(account.as_bytes());
            put(amount.to_string().as_bytes());
            put(opt(*member).as_bytes());
        }
        out
    }

    #[test]
    fn the_streamed_bytes_are_the_formats_bytes() {
        let mut r = record();
        assert_eq!(r.canonical_bytes(), written_out(&r));
        r.id = i64::MAX;
        r.reverses = Some(-1);
        r.postings.push(("2101".into(), i64::MIN + 1, Some(0)));
        r.postings.push(("2101".into(), 0, None));
        assert_eq!(r.canonical_bytes(), written_out(&r));
        let mut h = Sha256::new();
        h.update(GENESIS);
        h.update(written_out(&r));
        assert_eq!(r.hash(&GENESIS), <[u8; 32]>::from(h.finalize()));
        let mut buf = [0u8; 20];
        for v in [0, 7, -7, 10, 1234567890, i64::MIN, i64::MAX] {
            assert_eq!(decimal(v, &mut buf), v.to_string().as_bytes());
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
