//! Writing a file so that it is either whole or absent: under a temporary name beside the
//! target, fsynced, renamed into place (the folder fsynced too), and read back to compare, so
//! a pulled USB stick or a full disk never leaves a file that looks complete. Every file the
//! program writes for a person (documents, exports, bundles) goes through here.

use crate::error::{Error, Result};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::Path;

/// Write `bytes` to `path` atomically and verify the written file; returns its SHA-256.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<[u8; 32]> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| Error::file(path, "no file name"))?
        .to_string_lossy()
        .to_string();
    let partial = dir.join(format!(".{name}.partial"));
    let result = (|| -> Result<[u8; 32]> {
        let mut f = std::fs::File::create(&partial).map_err(|e| Error::file(&partial, e))?;
        f.write_all(bytes).map_err(|e| Error::file(&partial, e))?;
        f.sync_all().map_err(|e| Error::file(&partial, e))?;
        drop(f);
        std::fs::rename(&partial, path).map_err(|e| Error::file(path, e))?;
        if let Ok(d) = std::fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        let expected: [u8; 32] = Sha256::digest(bytes).into();
        let back = std::fs::read(path).map_err(|e| Error::file(path, e))?;
        let got: [u8; 32] = Sha256::digest(&back).into();
        if got != expected {
            return Err(Error::file(
                path,
                "read back differs from what was written / อ่านกลับแล้วไม่ตรงกับที่เขียน",
            ));
        }
        Ok(got)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}
