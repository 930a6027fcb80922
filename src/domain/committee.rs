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

/// An office of the committee, read from its key or its Thai name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Role(&'static str);

impl Role {
    pub fn parse(input: &str) -> crate::Result<Role> {
        ROLES
            .iter()
            .find(|(k, th)| *k == input.trim() || *th == input.trim())
            .map(|(k, _)| Role(k))
            .ok_or_else(|| {
                crate::Error::invalid(
                    "role",
                    input,
                    crate::Problem::UnknownChoice {
                        allowed: ROLES.iter().map(|r| r.0).collect::<Vec<_>>().join(", "),
                    },
                )
            })
    }

    /// The key stored with the term (`chair`, `auditor`, ...).
    pub fn key(self) -> &'static str {
        self.0
    }

    pub fn th(self) -> &'static str {
        role_th(self.0)
    }
}

/// A committee meeting or the general assembly (ประชุมใหญ่).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum MeetingKind {
    Committee,
    General,
}

impl MeetingKind {
    pub fn parse(input: &str) -> crate::Result<MeetingKind> {
        crate::domain::choice::parse_choice(
            "kind",
            input,
            &[
                ("committee", MeetingKind::Committee),
                ("กรรมการ", MeetingKind::Committee),
                ("general", MeetingKind::General),
                ("ใหญ่", MeetingKind::General),
                ("ประชุมใหญ่", MeetingKind::General),
            ],
        )
    }

    /// The key stored with the meeting.
    pub fn key(self) -> &'static str {
        match self {
            MeetingKind::Committee => "committee",
            MeetingKind::General => "general",
        }
    }
}

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
