//! Reading files from a USB stick without trusting them: a file is read only up to a size
//! stated before reading, and a zip (a bundle, an XLSX sheet) is read entry by entry, each
//! checked against what its header declares before a byte is decompressed, and never more
//! than that many bytes however the compressed data lies. A hostile file can make us refuse
//! it; it cannot make us use more memory or disk than the caller's limits.

use crate::error::{Error, Result};
use std::io::Read;
use std::path::Path;

/// Read a whole file of at most `max` bytes; a larger file is refused before it is read.
pub fn read_file(path: &Path, max: u64) -> Result<Vec<u8>> {
    let file = std::fs::File::open(path).map_err(|e| Error::file(path, e))?;
    let declared = file.metadata().map_err(|e| Error::file(path, e))?.len();
    if declared > max {
        return Err(too_large(path, declared, max));
    }
    let mut data = Vec::with_capacity(declared as usize);
    // `take` as well: the file may grow while it is read.
    file.take(max + 1).read_to_end(&mut data).map_err(|e| Error::file(path, e))?;
    if data.len() as u64 > max {
        return Err(too_large(path, data.len() as u64, max));
    }
    Ok(data)
}

fn too_large(path: &Path, bytes: u64, max: u64) -> Error {
    Error::file(
        path,
        format!("ใหญ่เกินกว่าที่รับได้ ({bytes} ไบต์ เกิน {max} ไบต์) / is larger than this program accepts ({bytes} bytes, more than {max})"),
    )
}

/// Free bytes on the file system that holds `folder` (for a regular user), or `None` where
/// it cannot be told.
pub fn free_space(folder: &Path) -> Option<u64> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let c_path = std::ffi::CString::new(folder.as_os_str().as_bytes()).ok()?;
        let mut stats = std::mem::MaybeUninit::<libc::statvfs>::uninit();
        // SAFETY: c_path is a valid C string and stats a buffer of the right type that
        // statvfs fills when it returns 0.
        let stats = unsafe {
            if libc::statvfs(c_path.as_ptr(), stats.as_mut_ptr()) != 0 {
                return None;
            }
            stats.assume_init()
        };
        Some((stats.f_bavail as u64).saturating_mul(stats.f_frsize as u64))
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        None
    }
}

/// FAT32 (a USB stick formatted to be read by every system) holds no file of 4 GiB or more.
pub const FAT32_LARGEST_FILE: u64 = (1 << 32) - 1;

/// The largest file `folder`'s file system holds, where that is less than a book could
/// grow to: FAT32's 4 GiB − 1 byte. Known where the system says which file system it is
/// (Linux's statfs); elsewhere `None`, and the write itself fails on a full file.
pub fn file_size_limit(folder: &Path) -> Option<u64> {
    #[cfg(target_os = "linux")]
    {
        use std::os::unix::ffi::OsStrExt;
        const MSDOS_SUPER_MAGIC: i64 = 0x4d44;
        let c_path = std::ffi::CString::new(folder.as_os_str().as_bytes()).ok()?;
        let mut stats = std::mem::MaybeUninit::<libc::statfs>::uninit();
        // SAFETY: c_path is a valid C string and stats a buffer of the right type that
        // statfs fills when it returns 0.
        let stats = unsafe {
            if libc::statfs(c_path.as_ptr(), stats.as_mut_ptr()) != 0 {
                return None;
            }
            stats.assume_init()
        };
        #[allow(clippy::unnecessary_cast)]
        (stats.f_type as i64 == MSDOS_SUPER_MAGIC).then_some(FAT32_LARGEST_FILE)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = folder;
        None
    }
}

/// Refuse a file of `size` bytes for a file system that holds files up to `limit`, naming
/// the place, the size and what to do.
pub fn require_file_fits(folder: &Path, size: u64, limit: Option<u64>) -> Result<()> {
    match limit {
        Some(max) if size > max => Err(Error::file(
            folder,
            format!("แฟ้มขนาด {size} ไบต์ ใหญ่เกินกว่าที่แฟลชไดรฟ์แบบ FAT32 เก็บได้ (ไม่เกิน 4 GB) ให้ใช้แฟลชไดรฟ์แบบ exFAT / a file of {size} bytes is larger than a FAT32 stick holds (under 4 GB): use one formatted exFAT"),
        )),
        _ => Ok(()),
    }
}

/// Refuse to write `needed` bytes into `folder` when its file system has less free (with
/// 64 MiB to spare for the system), naming the place and both sizes.
pub fn require_free_space(folder: &Path, needed: u64) -> Result<()> {
    const SPARE: u64 = 64 << 20;
    match free_space(folder) {
        Some(free) if free < needed.saturating_add(SPARE) => Err(Error::file(
            folder,
            format!("มีที่ว่างไม่พอ (ต้องการ {needed} ไบต์ เหลือ {free} ไบต์) / not enough free space (needs {needed} bytes, {free} free)"),
        )),
        _ => Ok(()),
    }
}

/// Why a zip entry was not read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EntryProblem {
    /// The entry's header declares a size other than the one expected.
    DeclaredSize { declared: u64 },
    /// Its data inflates to more (or fewer) bytes than expected, whatever the header said.
    ActualSize,
    /// The zip itself cannot be read.
    Corrupt(String),
}

/// Stream one zip entry of exactly `expected` bytes into `sink`, chunk by chunk: refused
/// before decompressing when its header declares another size, and stopped after
/// `expected + 1` bytes when the data says otherwise.
pub fn stream_entry<R: Read>(
    entry: &mut zip::read::ZipFile<'_, R>,
    expected: u64,
    mut sink: impl FnMut(&[u8]),
) -> std::result::Result<(), EntryProblem> {
    if entry.size() != expected {
        return Err(EntryProblem::DeclaredSize { declared: entry.size() });
    }
    let mut limited = entry.take(expected + 1);
    let mut buffer = [0u8; 64 * 1024];
    let mut total = 0u64;
    loop {
        let n = limited.read(&mut buffer).map_err(|e| EntryProblem::Corrupt(e.to_string()))?;
        if n == 0 {
            break;
        }
        total += n as u64;
        if total > expected {
            return Err(EntryProblem::ActualSize);
        }
        sink(&buffer[..n]);
    }
    if total != expected {
        return Err(EntryProblem::ActualSize);
    }
    Ok(())
}

/// Limits for a zip read whole (an XLSX workbook).
#[derive(Debug, Clone, Copy)]
pub struct ZipLimits {
    pub max_entries: usize,
    /// The most bytes all entries may inflate to, together.
    pub max_total: u64,
}

/// Check every entry of a zip within `limits` by inflating each (bounded by its declared
/// size) and discarding the bytes: after this, a reader that trusts the headers (calamine
/// reading a workbook) cannot be led past the limits.
pub fn check_zip(bytes: &[u8], limits: ZipLimits) -> std::result::Result<(), String> {
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    if archive.len() > limits.max_entries {
        return Err(format!("{} entries, more than {}", archive.len(), limits.max_entries));
    }
    let mut total = 0u64;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(|e| e.to_string())?;
        let declared = entry.size();
        total = total.saturating_add(declared);
        if total > limits.max_total {
            return Err(format!("its entries inflate to more than {} bytes", limits.max_total));
        }
        let name = entry.name().to_string();
        stream_entry(&mut entry, declared, |_| {}).map_err(|p| format!("{name}: {p:?}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fat32_stick_refuses_a_file_of_4_gib_naming_exfat() {
        let here = Path::new(".");
        assert!(require_file_fits(here, FAT32_LARGEST_FILE, Some(FAT32_LARGEST_FILE)).is_ok());
        let e = require_file_fits(here, FAT32_LARGEST_FILE + 1, Some(FAT32_LARGEST_FILE))
            .unwrap_err()
            .to_string();
        assert!(e.contains("exFAT") && e.contains("4294967296"), "{e}");
        assert!(require_file_fits(here, u64::MAX, None).is_ok(), "no limit known");
    }
}
