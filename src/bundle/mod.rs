//! Signed bundles (DESIGN §6, docs/bundle-format.md): the fund's Ed25519 key, the bundle
//! format and its deterministic writer, and the province side's verification.

pub mod export;
pub mod keys;
pub mod manifest;
pub mod verify;

/// The format version written into every manifest. Version 2 (schema 7) adds the fund's
/// `founded_on` and `books_start` to `data/fund.jsonl`, and its journal may open with an
/// `opening_balance` entry; everything else is as in version 1.
pub const FORMAT: &str = "kongthun-bundle/2";

/// The versions the province reads: every bundle a released program ever wrote.
pub const READABLE_FORMATS: &[&str] = &["kongthun-bundle/1", FORMAT];
