//! File names the program writes, valid on every system a village laptop runs: Windows
//! refuses `< > : " / \ | ? *` and control characters, names ending in a dot or a space,
//! and the names it keeps for devices (`CON`, `NUL`, `COM1`, …, with any extension); FAT32
//! and exFAT sticks take at most 255 characters. A name built from what a person typed (a
//! date `31/10/2569`, a document number `RV2569/000012`) is made portable here once.

const RESERVED: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Whether `stem` (the name before its first dot) is one Windows keeps for a device.
fn is_device_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or("").trim_end().to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.as_bytes()[3].is_ascii_digit()
            && stem.as_bytes()[3] != b'0')
}

/// What is wrong with `name` as a file name on some system, if anything.
pub fn problem(name: &str) -> Option<&'static str> {
    if name.is_empty() || name == "." || name == ".." {
        return Some("empty");
    }
    if name.chars().any(|c| RESERVED.contains(&c) || c.is_control()) {
        return Some("a character Windows refuses");
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("ends in a dot or a space");
    }
    if is_device_name(name) {
        return Some("a name Windows keeps for a device");
    }
    if name.chars().count() > 255 {
        return Some("longer than 255 characters");
    }
    None
}

/// `name` made portable: each refused character becomes `-`, trailing dots and spaces go,
/// a device name gets `_` after it, and the whole is cut to 255 characters.
pub fn portable(name: &str) -> String {
    let mut out: String = name
        .chars()
        .map(|c| if RESERVED.contains(&c) || c.is_control() { '-' } else { c })
        .take(255)
        .collect();
    while out.ends_with('.') || out.ends_with(' ') {
        out.pop();
    }
    if out.is_empty() {
        out.push('-');
    }
    if is_device_name(&out) {
        let at = out.find('.').unwrap_or(out.len());
        out.insert(at, '_');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_dates_document_numbers_and_device_names_become_portable() {
        for (typed, made) in [
            ("trial-balance-31/10/2569.pdf", "trial-balance-31-10-2569.pdf"),
            ("voucher-RV2569/000012.pdf", "voucher-RV2569-000012.pdf"),
            ("backup 10:30.sqlite", "backup 10-30.sqlite"),
            ("ends with a dot.", "ends with a dot"),
            ("CON.ed25519", "CON_.ed25519"),
            ("com3", "com3_"),
            ("รายงาน ต.ค. 2569.pdf", "รายงาน ต.ค. 2569.pdf"),
        ] {
            assert_eq!(portable(typed), made);
            assert_eq!(problem(made), None, "{made}");
        }
        assert!(problem("a:b").is_some());
        assert!(problem("NUL.txt").is_some());
        assert!(problem("LPT9").is_some());
        assert!(problem("COM0").is_none() && problem("CONSOLE.txt").is_none());
        assert!(problem("x ").is_some() && problem("x.").is_some());
        assert!(problem(&"ก".repeat(256)).is_some());
    }
}
