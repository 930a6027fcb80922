//! Signed bundles (DESIGN §6, docs/bundle-format.md): the fund's Ed25519 key, the bundle
//! format and its deterministic writer, and the province side's verification.

pub mod export;
pub mod keys;
pub mod manifest;
pub mod verify;

/// The format version written into every manifest.
pub const FORMAT: &str = "kongthun-bundle/1";
