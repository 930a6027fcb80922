//! Reading a bundle without trusting it: the zip, the signature over `manifest.json`, and
//! every file's size and SHA-256 against the manifest. Nothing here knows the province's
//! registry; `ops::province` adds the key, sequence and chain checks.

use super::manifest::Manifest;
use crate::error::{BundleRefusal, Error, Result};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;

pub struct OpenedBundle {
    pub manifest: Manifest,
    /// SHA-256 of manifest.json: the bundle's identity in the chain of bundles.
    pub hash: [u8; 32],
    /// The verified `data/` files (the printed reports are checked, not kept).
    pub files: BTreeMap<String, Vec<u8>>,
}

/// How much of a bundle file this program reads at most. A bundle from a stick is read
/// against these before anything is decompressed, so a hostile file cannot exhaust the
/// office laptop's memory or disk (docs/bundle-format.md, "Limits").
pub mod limits {
    /// The bundle file itself (the first bundle of a 20-year fund is about 60 MB).
    pub const BUNDLE_FILE: u64 = 1 << 30;
    /// manifest.json and manifest.sig.
    pub const MANIFEST: u64 = 4 << 20;
    pub const SIGNATURE: u64 = 1024;
    /// Entries in the zip and files in the manifest (a bundle of 20 years has about 250).
    pub const FILES: usize = 2048;
    /// All listed files together, inflated.
    pub const TOTAL: u64 = 4 << 30;
}

/// Read a bundle file from disk within `limits::BUNDLE_FILE`.
pub fn read_bundle_file(path: &std::path::Path) -> Result<Vec<u8>> {
    crate::bounded::read_file(path, limits::BUNDLE_FILE)
}

fn corrupt(e: impl std::fmt::Display) -> Error {
    BundleRefusal::Corrupt { detail: e.to_string() }.into()
}

fn too_large(what: &str, limit: impl std::fmt::Display) -> Error {
    BundleRefusal::TooLarge { what: what.to_string(), limit: limit.to_string() }.into()
}

/// Read a small entry (the manifest or its signature) of at most `max` bytes.
fn small_entry<R: Read + std::io::Seek>(
    archive: &mut zip::ZipArchive<R>,
    name: &str,
    max: u64,
) -> Result<Vec<u8>> {
    let mut entry = match archive.by_name(name) {
        Ok(entry) => entry,
        Err(zip::result::ZipError::FileNotFound) => {
            return Err(BundleRefusal::MissingFile { name: name.to_string() }.into())
        }
        Err(e) => return Err(corrupt(e)),
    };
    if entry.size() > max {
        return Err(too_large(name, format!("{max} bytes")));
    }
    let mut data = Vec::new();
    entry.by_ref().take(max + 1).read_to_end(&mut data).map_err(corrupt)?;
    if data.len() as u64 > max {
        return Err(too_large(name, format!("{max} bytes")));
    }
    Ok(data)
}

/// Open a bundle without trusting it: the signature over the manifest first, then each
/// entry of the zip, in order, against the manifest's list — an unlisted name is refused
/// before it is decompressed, a listed one whose header declares another size likewise, and
/// no entry is inflated past its listed size while it is hashed. Only `data/` files are kept
/// in memory; the printed reports are hashed as a stream.
pub fn open(bytes: &[u8]) -> Result<OpenedBundle> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(corrupt)?;
    if archive.len() > limits::FILES {
        return Err(too_large(&format!("{} files", archive.len()), limits::FILES));
    }
    let manifest_bytes = small_entry(&mut archive, "manifest.json", limits::MANIFEST)?;
    let sig = small_entry(&mut archive, "manifest.sig", limits::SIGNATURE)?;
    let manifest: Manifest = serde_json::from_slice(&manifest_bytes)
        .map_err(|e| Error::from(BundleRefusal::UnreadableManifest { detail: e.to_string() }))?;
    if !super::READABLE_FORMATS.contains(&manifest.format.as_str()) {
        return Err(BundleRefusal::UnknownFormat { format: manifest.format.clone() }.into());
    }
    let public: [u8; 32] = hex::decode(&manifest.public_key)
        .ok()
        .and_then(|v| v.try_into().ok())
        .ok_or_else(|| Error::from(BundleRefusal::BadKey))?;
    let sig_bytes = hex::decode(String::from_utf8_lossy(&sig).trim()).unwrap_or_default();
    if !super::keys::verify(&public, &manifest_bytes, &sig_bytes) {
        return Err(BundleRefusal::BadSignature.into());
    }
    if manifest.files.len() > limits::FILES {
        return Err(too_large(&format!("{} files listed", manifest.files.len()), limits::FILES));
    }
    let total = manifest.files.iter().fold(0u64, |sum, f| sum.saturating_add(f.bytes));
    if total > limits::TOTAL {
        return Err(too_large(
            &format!("{total} bytes listed"),
            format!("{} bytes", limits::TOTAL),
        ));
    }
    let listed: BTreeMap<&str, &super::manifest::FileEntry> =
        manifest.files.iter().map(|f| (f.path.as_str(), f)).collect();
    let mut seen: std::collections::BTreeSet<String> = Default::default();
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(corrupt)?;
        let name = entry.name().to_string();
        if !seen.insert(name.clone()) {
            return Err(BundleRefusal::DuplicateFile { name: name.to_string() }.into());
        }
        if name == "manifest.json" || name == "manifest.sig" {
            continue;
        }
        let Some(f) = listed.get(name.as_str()) else {
            return Err(BundleRefusal::ExtraFile { name: name.to_string() }.into());
        };
        let mismatch = || Error::from(BundleRefusal::FileHash { name: name.to_string() });
        let keep = name.starts_with("data/");
        let mut data = Vec::new();
        if keep {
            // room for what the manifest lists, up to a bound (a file that lies about its
            // size is refused once it inflates to something else; it reserves no more)
            data.reserve(f.bytes.min(RESERVE_AT_MOST) as usize);
        }
        let mut hasher = Sha256::new();
        crate::bounded::stream_entry(&mut entry, f.bytes, |chunk| {
            hasher.update(chunk);
            if keep {
                data.extend_from_slice(chunk);
            }
        })
        .map_err(|problem| match problem {
            crate::bounded::EntryProblem::Corrupt(e) => corrupt(e),
            _ => mismatch(),
        })?;
        if hex::encode(hasher.finalize()) != f.sha256 {
            return Err(mismatch());
        }
        if keep {
            files.insert(name, data);
        }
    }
    if let Some(missing) = manifest.files.iter().find(|f| !seen.contains(&f.path)) {
        return Err(BundleRefusal::MissingFile { name: missing.path.clone() }.into());
    }
    Ok(OpenedBundle { hash: Sha256::digest(&manifest_bytes).into(), manifest, files })
}

/// Parse a `data/*.jsonl` file into values.
pub fn jsonl(bundle: &OpenedBundle, path: &str) -> Result<Vec<serde_json::Value>> {
    jsonl_of(bundle, path)
}

/// The members of a bundle, each line read into a [`crate::domain::member::MemberLine`].
pub fn member_lines(bundle: &OpenedBundle) -> Result<Vec<crate::domain::member::MemberLine>> {
    jsonl_of(bundle, "data/members.jsonl")
}

/// The entries of a bundle, each line read into a [`crate::domain::chain::EntryLine`].
pub fn entry_lines(bundle: &OpenedBundle) -> Result<Vec<crate::domain::chain::EntryLine<'_>>> {
    jsonl_of(bundle, "data/entries.jsonl")
}

/// The most room made ahead for one `data/` file as it is inflated (it grows past this as
/// it really inflates, within the limits above).
const RESERVE_AT_MOST: u64 = 256 << 20;

/// A file of this many bytes or more is read in two halves, one on another core.
const READ_IN_HALVES_FROM: usize = 1 << 20;

fn jsonl_of<'b, T: serde::Deserialize<'b> + Send>(
    bundle: &'b OpenedBundle,
    path: &str,
) -> Result<Vec<T>> {
    let data = bundle
        .files
        .get(path)
        .ok_or_else(|| Error::from(BundleRefusal::MissingFile { name: path.to_string() }))?;
    let text = std::str::from_utf8(data)
        .map_err(|_| Error::from(BundleRefusal::NotUtf8 { name: path.to_string() }))?;
    parse_lines(text, path)
}

/// Each non-empty line of `text` read into a `T`, the first bad line refusing the file.
fn parse_lines<'b, T: serde::Deserialize<'b> + Send>(text: &'b str, path: &str) -> Result<Vec<T>> {
    let lines = |part: &'b str| -> Result<Vec<T>> {
        part.lines()
            .filter(|l| !l.is_empty())
            .map(|l| {
                serde_json::from_str(l).map_err(|e| {
                    Error::from(BundleRefusal::BadLine {
                        name: path.to_string(),
                        detail: e.to_string(),
                    })
                })
            })
            .collect()
    };
    if text.len() < READ_IN_HALVES_FROM {
        return lines(text);
    }
    // Split after the line that crosses the middle: the same lines, the same order, and
    // the first bad line in the file is the one named (the first half's, if it has one).
    // (searched as bytes: the middle byte may fall inside a Thai letter; a newline cannot)
    let half = text.len() / 2;
    let middle = text.as_bytes()[half..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |i| half + i + 1);
    let (first, second) = text.split_at(middle);
    let (first, second) = std::thread::scope(|scope| {
        let other = scope.spawn(|| lines(second));
        let first = lines(first);
        (first, other.join())
    });
    let mut all = first?;
    all.extend(second.unwrap_or_else(|panic| std::panic::resume_unwind(panic))?);
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lines of Thai text past the size read in halves, so the middle falls inside a letter.
    fn big_file(bad: &[usize]) -> (String, usize) {
        let mut text = String::new();
        let mut n = 0;
        while text.len() < 3 * READ_IN_HALVES_FROM {
            if bad.contains(&n) {
                text.push_str(&format!("{{\"id\":{n},\"kind\":{n}}}\n"));
            } else {
                text.push_str(&format!("{{\"id\":{n},\"description\":\"ค่าเครื่องเขียน {n}\"}}\n"));
            }
            n += 1;
        }
        (text, n)
    }

    #[test]
    fn a_large_file_read_in_halves_keeps_every_line_in_order_and_names_the_first_bad_one() {
        let (text, n) = big_file(&[]);
        let lines: Vec<crate::domain::chain::EntryLine<'_>> =
            parse_lines(&text, "data/entries.jsonl").unwrap();
        assert_eq!(lines.len(), n);
        assert!(lines.iter().enumerate().all(|(i, l)| l.id == i as i64));
        assert_eq!(
            lines[n - 1].description.as_deref(),
            Some(format!("ค่าเครื่องเขียน {}", n - 1).as_str())
        );

        // a bad line in the first half, one in each (the first half's is named), one in the
        // second only
        let first = big_file(&[10]).0;
        let both = big_file(&[10, n - 10]).0;
        let second = big_file(&[n - 10]).0;
        for (file, line) in [(&first, 10), (&both, 10), (&second, n - 10)] {
            let err =
                parse_lines::<crate::domain::chain::EntryLine<'_>>(file, "data/entries.jsonl")
                    .unwrap_err();
            let detail = format!("{err:?}");
            assert!(detail.contains("data/entries.jsonl"), "{detail}");
            assert!(detail.contains(&format!("integer `{line}`, expected a string")), "{detail}");
        }
    }
}
