//! The committee's offices (the keys stored with each term and their Thai names, in the
//! order a committee list is printed: chair first, the auditor last) and the kinds of
//! resolution it passes.

pub const ROLES: &[(&str, &str)] = &[
    ("chair", "ประธาน"),
    ("vice_chair", "รองประธาน"),
    ("treasurer", "เหรัญญิก"),
    ("secretary", "เลขานุการ"),
    ("member", "กรรมการ"),
    ("auditor", "ผู้ตรวจสอบ"),
];

/// The Thai name of a stored role key (the key itself if it is not one of ours).
pub fn role_th(key: &str) -> &str {
    ROLES.iter().find(|(k, _)| *k == key).map(|(_, th)| *th).unwrap_or(key)
}

/// What a resolution decides (its stored kind) and the Thai words for it.
pub const RESOLUTION_KINDS: &[(&str, &str)] = &[
    ("claim", "จ่ายสวัสดิการ"),
    ("expense", "รายจ่าย"),
    ("rule", "ระเบียบ"),
    ("admission", "รับสมาชิก"),
    ("other", "เรื่องอื่น"),
];

/// The Thai name of a resolution's stored kind (the key itself if it is not one of ours).
pub fn resolution_kind_th(key: &str) -> &str {
    RESOLUTION_KINDS.iter().find(|(k, _)| *k == key).map(|(_, th)| *th).unwrap_or(key)
}
