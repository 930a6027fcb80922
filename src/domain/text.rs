//! Checks for short free-text fields (names, descriptions, reasons).

use crate::error::{Error, Problem};

/// Trimmed, non-empty, at most `max` characters.
pub fn required(field: &'static str, input: &str, max: usize) -> crate::Result<String> {
    let t = input.trim();
    if t.is_empty() {
        return Err(Error::invalid(field, input, Problem::Empty));
    }
    optional(field, t, max).map(|o| o.unwrap_or_default())
}

/// Trimmed; empty becomes `None`; at most `max` characters.
pub fn optional(field: &'static str, input: &str, max: usize) -> crate::Result<Option<String>> {
    let t = input.trim();
    if t.is_empty() {
        return Ok(None);
    }
    if t.chars().count() > max {
        return Err(Error::invalid(field, t, Problem::TooLong { max }));
    }
    if t.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(
            field,
            t.escape_debug().to_string(),
            Problem::Other {
                th: "มีอักขระควบคุม".into(), en: "contains control characters".into()
            },
        ));
    }
    Ok(Some(t.to_string()))
}
