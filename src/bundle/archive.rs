//! The bundle's zip: deterministic to the byte (fixed order, fixed timestamps, fixed mode),
//! so equal data gives an equal file.

use crate::error::{Error, Result};
use std::io::Write;

/// The zip: manifest.json, manifest.sig, then the files in path order; every timestamp the
/// zip format's earliest (1980-01-01) so equal data gives equal bytes.
pub fn zip_bundle(
    manifest: &[u8],
    signature: &[u8],
    files: &[(String, Vec<u8>)],
) -> Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(zip::DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let err =
        |e: zip::result::ZipError| Error::File { path: "bundle".into(), message: e.to_string() };
    for (name, data) in [("manifest.json", manifest), ("manifest.sig", signature)]
        .into_iter()
        .chain(files.iter().map(|(n, d)| (n.as_str(), d.as_slice())))
    {
        w.start_file(name, options).map_err(err)?;
        w.write_all(data).map_err(|e| Error::File { path: name.into(), message: e.to_string() })?;
    }
    Ok(w.finish().map_err(err)?.into_inner())
}
