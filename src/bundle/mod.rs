//! Signed bundles (docs/bundle-format.md): the format itself — the fund's Ed25519 key, the
//! manifest, the deterministic zip — and the province side's verification. Writing a fund's
//! bundle from its book is an operation (`ops::bundles`); this module knows no database.

pub mod archive;
pub mod forward;
pub mod keys;
pub mod manifest;
pub mod verify;

/// The format version written into every manifest. Version 2 (schema 7) adds the fund's
/// `founded_on` and `books_start` to `data/fund.jsonl`, and its journal may open with an
/// `opening_balance` entry; everything else is as in version 1.
pub const FORMAT: &str = "kongthun-bundle/2";

/// The versions the province reads: every bundle a released program ever wrote.
pub const READABLE_FORMATS: &[&str] = &["kongthun-bundle/1", FORMAT];
