//! Why a rule of the fund, of the bundle format or of the province refuses an operation:
//! one enum per area, each case with its stable code and its Thai and English words beside
//! it (as `Problem` is for one bad value). `Error::Refused` carries one of these.

use crate::domain::committee::resolution_kind_th;
use crate::domain::welfare::claim_status_th;
use crate::domain::Satang;
use crate::thai::month_key_long;

/// Every refusal, by area.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    Welfare(WelfareRefusal),
    Meeting(MeetingRefusal),
    Audit(AuditRefusal),
    Allocation(AllocationRefusal),
    Collection(CollectionRefusal),
    Migrate(MigrateRefusal),
    /// Writing a fund's bundle from its book.
    Export(ExportRefusal),
    /// Reading a bundle file: limits, signature, hashes, its text.
    Bundle(BundleRefusal),
    /// Importing a verified bundle at the province: enrolment, keys, sequence, chain.
    Province(ProvinceRefusal),
}

impl Refusal {
    pub fn code(&self) -> &'static str {
        match self {
            Refusal::Welfare(r) => r.code(),
            Refusal::Meeting(r) => r.code(),
            Refusal::Audit(_) => "audit.refused",
            Refusal::Allocation(r) => r.code(),
            Refusal::Collection(CollectionRefusal::NothingToRecord) => "no_payments",
            Refusal::Collection(CollectionRefusal::PaidToday { .. }) => "paid_today",
            Refusal::Migrate(_) => "migrate.not_empty",
            Refusal::Export(r) => r.code(),
            Refusal::Bundle(r) => r.code(),
            Refusal::Province(r) => r.code(),
        }
    }

    pub fn th(&self) -> String {
        match self {
            Refusal::Welfare(r) => r.th(),
            Refusal::Meeting(r) => r.th(),
            Refusal::Audit(r) => r.th(),
            Refusal::Allocation(r) => r.th(),
            Refusal::Collection(CollectionRefusal::NothingToRecord) => {
                "ไม่มีรายการรับเงินให้บันทึก (ไม่มีสมาชิกปกติหรือแฟ้มว่าง)".into()
            }
            Refusal::Collection(CollectionRefusal::PaidToday { member_no, doc_no }) => format!(
                "สมาชิกเลขที่ {member_no} ชำระแล้ววันนี้ (ใบเสร็จ {doc_no}) จะรับซ้ำต้องกลับรายการเดิมก่อน"
            ),
            Refusal::Migrate(MigrateRefusal::NotEmpty { entries, members }) => {
                format!("ย้ายข้อมูลได้เฉพาะบัญชีที่ยังว่าง (บัญชีนี้มี {entries} รายการ และสมาชิก {members} คน)")
            }
            Refusal::Export(r) => r.th(),
            Refusal::Bundle(r) => r.th(),
            Refusal::Province(r) => r.th(),
        }
    }

    pub fn en(&self) -> String {
        match self {
            Refusal::Welfare(r) => r.en(),
            Refusal::Meeting(r) => r.en(),
            Refusal::Audit(r) => r.en(),
            Refusal::Allocation(r) => r.en(),
            Refusal::Collection(CollectionRefusal::NothingToRecord) => {
                "nothing to record (no active members, or an empty file)".into()
            }
            Refusal::Collection(CollectionRefusal::PaidToday { member_no, doc_no }) => format!(
                "member {member_no} has paid today already (receipt {doc_no}); reverse it to record it again"
            ),
            Refusal::Migrate(MigrateRefusal::NotEmpty { entries, members }) => format!(
                "an existing fund is brought into an empty book (this one has {entries} entries and {members} members)"
            ),
            Refusal::Export(r) => r.en(),
            Refusal::Bundle(r) => r.en(),
            Refusal::Province(r) => r.en(),
        }
    }
}

macro_rules! into_error {
    ($($area:ident => $variant:ident),*) => {$(
        impl From<$area> for crate::Error {
            fn from(r: $area) -> crate::Error {
                crate::Error::Refused(Refusal::$variant(r))
            }
        }
    )*};
}

into_error!(
    WelfareRefusal => Welfare,
    MeetingRefusal => Meeting,
    AuditRefusal => Audit,
    AllocationRefusal => Allocation,
    CollectionRefusal => Collection,
    MigrateRefusal => Migrate,
    ExportRefusal => Export,
    BundleRefusal => Bundle,
    ProvinceRefusal => Province
);

/// A claim and its payout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WelfareRefusal {
    /// The claim was approved or rejected already (`status` as stored).
    Decided {
        claim: i64,
        status: String,
    },
    ResolutionBeforeEvent,
    NotEligible {
        why_th: Vec<String>,
        why_en: Vec<String>,
    },
    AboveRule {
        asked: Satang,
        rule: Satang,
    },
    AlreadyPaid {
        claim: i64,
    },
    NotApproved {
        claim: i64,
    },
    /// A new version of a category's rule cites no resolution.
    RuleNeedsResolution {
        category_th: String,
        category_en: String,
    },
    /// A claim names both a member and a person who is not a member.
    MemberOrPerson {
        member_no: String,
    },
    /// A committee's resolution changes the rules where only the general assembly may.
    RuleNeedsAssembly {
        label: String,
    },
}

impl WelfareRefusal {
    fn code(&self) -> &'static str {
        match self {
            WelfareRefusal::Decided { .. } => "claim_decided",
            WelfareRefusal::ResolutionBeforeEvent => "resolution_before_event",
            WelfareRefusal::NotEligible { .. } => "claim_not_eligible",
            WelfareRefusal::AboveRule { .. } => "above_rule",
            WelfareRefusal::AlreadyPaid { .. } => "already_paid",
            WelfareRefusal::NotApproved { .. } => "not_approved",
            WelfareRefusal::RuleNeedsResolution { .. } => "rule_needs_resolution",
            WelfareRefusal::RuleNeedsAssembly { .. } => "rule_needs_assembly",
            WelfareRefusal::MemberOrPerson { .. } => "member_or_person",
        }
    }
    fn th(&self) -> String {
        match self {
            WelfareRefusal::Decided { claim, status } => {
                format!("คำขอที่ {claim} {}แล้ว", claim_status_th(status))
            }
            WelfareRefusal::ResolutionBeforeEvent => "มติมีขึ้นก่อนวันที่เกิดเหตุ".into(),
            WelfareRefusal::NotEligible { why_th, .. } => {
                format!("ไม่มีสิทธิ์ตามระเบียบ: {}", why_th.join("; "))
            }
            WelfareRefusal::AboveRule { asked, rule } => {
                format!("{} บาท เกินกว่าที่ระเบียบให้ ({} บาท)", asked.display(), rule.display())
            }
            WelfareRefusal::AlreadyPaid { claim } => format!("คำขอที่ {claim} จ่ายไปแล้ว"),
            WelfareRefusal::NotApproved { claim } => {
                format!("คำขอที่ {claim} ยังไม่ได้รับอนุมัติโดยมติที่ประชุม")
            }
            WelfareRefusal::RuleNeedsResolution { category_th, .. } => {
                format!("การแก้ระเบียบสวัสดิการ{category_th} ต้องอ้างมติที่ประชุมใหญ่ที่อนุมัติ")
            }
            WelfareRefusal::MemberOrPerson { member_no } => format!(
                "คำขอเป็นของสมาชิกเลขที่ {member_no} หรือของคนในชุมชนที่ไม่ใช่สมาชิก อย่างใดอย่างหนึ่ง"
            ),
            WelfareRefusal::RuleNeedsAssembly { label } => format!(
                "{label} เป็นมติของคณะกรรมการ ระเบียบสวัสดิการแก้ได้โดยมติที่ประชุมใหญ่ (เว้นแต่กองทุนตั้งค่าให้คณะกรรมการแก้ได้)"
            ),
        }
    }
    fn en(&self) -> String {
        match self {
            WelfareRefusal::Decided { claim, status } => {
                format!("claim {claim} is already {status}")
            }
            WelfareRefusal::ResolutionBeforeEvent => {
                "the resolution is older than the event".into()
            }
            WelfareRefusal::NotEligible { why_en, .. } => {
                format!("not eligible under the rules: {}", why_en.join("; "))
            }
            WelfareRefusal::AboveRule { asked, rule } => format!(
                "{} baht is more than the rules give ({} baht)",
                asked.display(),
                rule.display()
            ),
            WelfareRefusal::AlreadyPaid { claim } => format!("claim {claim} is already paid"),
            WelfareRefusal::NotApproved { claim } => {
                format!("claim {claim} has no approving resolution")
            }
            WelfareRefusal::RuleNeedsResolution { category_en, .. } => format!(
                "a change to the {category_en} rule must cite the general assembly's resolution"
            ),
            WelfareRefusal::MemberOrPerson { member_no } => format!(
                "a claim is either member {member_no}'s or a non-member's, not both"
            ),
            WelfareRefusal::RuleNeedsAssembly { label } => format!(
                "{label} is a committee's resolution; the welfare rules are changed by the general assembly (unless the fund's setting lets the committee)"
            ),
        }
    }
}

/// Meetings, quorum, minutes and the resolutions other operations cite.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MeetingRefusal {
    NoCommittee,
    /// The meeting's minutes were approved (`meeting` is its label, `ครั้งที่ 3/2569`).
    MinutesLocked {
        meeting: String,
    },
    NoQuorum {
        present: i64,
        eligible: i64,
    },
    /// Minutes are approved at a later meeting than their own.
    ApproveLater,
    /// The approving meeting itself has no quorum.
    NoQuorumAt {
        meeting: String,
    },
    /// The cited resolution did not pass (`label`: `มติที่ 2 การประชุม… ครั้งที่ 3/2569`).
    ResolutionFailed {
        id: i64,
        label: String,
    },
    /// The cited resolution decides something else (`kind` as stored).
    ResolutionKind {
        id: i64,
        label: String,
        kind: String,
    },
    /// A committee's resolution cited for one of the fund's own rules that the general
    /// assembly decides (who changes the rules, always; the others unless the rule in force on
    /// the meeting's day lets the committee).
    FundRuleNeedsAssembly {
        label: String,
    },
}

impl MeetingRefusal {
    fn code(&self) -> &'static str {
        match self {
            MeetingRefusal::NoCommittee => "no_committee",
            MeetingRefusal::MinutesLocked { .. } => "minutes_locked",
            MeetingRefusal::NoQuorum { .. } | MeetingRefusal::NoQuorumAt { .. } => "no_quorum",
            MeetingRefusal::ApproveLater => "approve_later",
            MeetingRefusal::ResolutionFailed { .. } => "resolution_failed",
            MeetingRefusal::ResolutionKind { .. } => "resolution_kind",
            MeetingRefusal::FundRuleNeedsAssembly { .. } => "fund_rule_needs_assembly",
        }
    }
    fn th(&self) -> String {
        match self {
            MeetingRefusal::NoCommittee => "ไม่มีคณะกรรมการที่อยู่ในวาระในวันนั้น".into(),
            MeetingRefusal::MinutesLocked { meeting } => {
                format!("รายงานการประชุม{meeting} รับรองแล้ว แก้ไขไม่ได้")
            }
            MeetingRefusal::NoQuorum { present, eligible } => {
                format!("ไม่ครบองค์ประชุม: มาประชุม {present} จาก {eligible} คน ต้องมากกว่ากึ่งหนึ่ง")
            }
            MeetingRefusal::ApproveLater => "ต้องรับรองในการประชุมครั้งถัดไป".into(),
            MeetingRefusal::NoQuorumAt { meeting } => {
                format!("การประชุม{meeting} ไม่ครบองค์ประชุม")
            }
            MeetingRefusal::ResolutionFailed { label, .. } => format!("{label} ไม่ผ่านที่ประชุม"),
            MeetingRefusal::ResolutionKind { label, kind, .. } => {
                format!("{label} เป็นมติเรื่อง{} ไม่ใช่มติเรื่องนี้", resolution_kind_th(kind))
            }
            MeetingRefusal::FundRuleNeedsAssembly { label } => {
                format!("{label} เป็นมติของคณะกรรมการ ข้อบังคับของกองทุนข้อนี้แก้ได้โดยมติที่ประชุมใหญ่")
            }
        }
    }
    fn en(&self) -> String {
        match self {
            MeetingRefusal::NoCommittee => "no committee in office on that day".into(),
            MeetingRefusal::MinutesLocked { meeting } => {
                format!("the minutes of meeting {meeting} are approved and locked")
            }
            MeetingRefusal::NoQuorum { present, eligible } => {
                format!("no quorum: {present} of {eligible} present, more than half are needed")
            }
            MeetingRefusal::ApproveLater => "minutes are approved at a later meeting".into(),
            MeetingRefusal::NoQuorumAt { meeting } => format!("meeting {meeting} has no quorum"),
            MeetingRefusal::ResolutionFailed { id, .. } => format!("resolution {id} did not pass"),
            MeetingRefusal::ResolutionKind { id, kind, .. } => {
                format!("resolution {id} is about {kind}, not this")
            }
            MeetingRefusal::FundRuleNeedsAssembly { label } => format!(
                "{label} is a committee's resolution; this rule of the fund is changed by the general assembly"
            ),
        }
    }
}

/// The auditor's sign-off of a month (`month` as its key, `2026-10`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuditRefusal {
    NotEnded { month: String },
    Closed { month: String },
    SignedAlready { month: String },
}

impl AuditRefusal {
    fn th(&self) -> String {
        match self {
            AuditRefusal::NotEnded { month } => {
                format!("เดือน{} ยังไม่สิ้นสุด", month_key_long(month))
            }
            AuditRefusal::Closed { month } => {
                format!("เดือน{} ปิดงวดแล้ว ผู้ตรวจสอบลงนามก่อนปิดงวด", month_key_long(month))
            }
            AuditRefusal::SignedAlready { month } => {
                format!("เดือน{} ลงนามตรวจสอบแล้ว", month_key_long(month))
            }
        }
    }
    fn en(&self) -> String {
        match self {
            AuditRefusal::NotEnded { month } => format!("{month} has not ended yet"),
            AuditRefusal::Closed { month } => {
                format!("{month} is closed; the auditor signs before the close")
            }
            AuditRefusal::SignedAlready { month } => format!("{month} is signed already"),
        }
    }
}

/// The year-end allocation of the savings group's profit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AllocationRefusal {
    NoProfit,
    NoSavers,
    NoBorrowers,
    /// The fund has adopted no allocation plan in force on the allocation's day.
    NoPlan,
    /// A plan adopted by a committee resolution (`label`) where the assembly decides.
    PlanNeedsAssembly {
        label: String,
    },
    /// The year (BE) has no allocation to pay from.
    NotAllocated {
        year: i32,
    },
    /// Every share of the year (BE) is paid, or `not_paid` members wait for cash.
    NothingToPay {
        year: i32,
        not_paid: usize,
    },
}

impl AllocationRefusal {
    fn code(&self) -> &'static str {
        match self {
            AllocationRefusal::NoProfit => "no_profit",
            AllocationRefusal::NoSavers => "no_savers",
            AllocationRefusal::NoBorrowers => "no_borrowers",
            AllocationRefusal::NoPlan => "no_plan",
            AllocationRefusal::PlanNeedsAssembly { .. } => "needs_assembly",
            AllocationRefusal::NotAllocated { .. } => "not_allocated",
            AllocationRefusal::NothingToPay { .. } => "nothing_to_pay",
        }
    }
    fn th(&self) -> String {
        match self {
            AllocationRefusal::NoProfit => "ปีนี้ไม่มีกำไรให้จัดสรร".into(),
            AllocationRefusal::NoSavers => "ไม่มีเงินสัจจะของสมาชิกที่จะปันผลให้".into(),
            AllocationRefusal::NoBorrowers => "ไม่มีดอกเบี้ยที่สมาชิกจ่ายเพื่อเฉลี่ยคืน".into(),
            AllocationRefusal::NoPlan => "ยังไม่มีแผนการจัดสรรกำไรที่ที่ประชุมใหญ่รับรอง ให้บันทึกแผนก่อน".into(),
            AllocationRefusal::PlanNeedsAssembly { label } => {
                format!("แผนการจัดสรรกำไรต้องผ่านมติที่ประชุมใหญ่ ({label} เป็นมติคณะกรรมการ)")
            }
            AllocationRefusal::NotAllocated { year } => {
                format!("ปีบัญชี {year} ยังไม่ได้จัดสรรกำไร")
            }
            AllocationRefusal::NothingToPay { year, not_paid: 0 } => {
                format!("ปันผลและเฉลี่ยคืนปีบัญชี {year} จ่ายครบแล้ว")
            }
            AllocationRefusal::NothingToPay { year, not_paid } => format!(
                "ปันผลและเฉลี่ยคืนปีบัญชี {year} ที่ยังไม่จ่ายเป็นของผู้ที่พ้นสภาพ {not_paid} คน ให้จ่ายเป็นเงินสด"
            ),
        }
    }
    fn en(&self) -> String {
        match self {
            AllocationRefusal::NoProfit => "no profit to allocate this year".into(),
            AllocationRefusal::NoSavers => "no member savings to pay a dividend on".into(),
            AllocationRefusal::NoBorrowers => "no interest paid by members to refund".into(),
            AllocationRefusal::NoPlan => {
                "no allocation plan adopted by the general assembly is in force: adopt one first"
                    .into()
            }
            AllocationRefusal::PlanNeedsAssembly { label } => format!(
                "the allocation plan needs a general assembly's resolution ({label} is the committee's)"
            ),
            AllocationRefusal::NotAllocated { year } => {
                format!("the fiscal year {year} (BE) has not been allocated")
            }
            AllocationRefusal::NothingToPay { year, not_paid: 0 } => {
                format!("every dividend and refund of {year} (BE) is paid")
            }
            AllocationRefusal::NothingToPay { year, not_paid } => format!(
                "what is unpaid of {year} (BE) belongs to {not_paid} members who left: pay them in cash"
            ),
        }
    }
}

/// A collection day with nothing on it, or a member paid twice on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CollectionRefusal {
    NothingToRecord,
    /// The member has a receipt of this day already (`doc_no`): paying again is a mistake
    /// far more often than it is meant.
    PaidToday {
        member_no: String,
        doc_no: String,
    },
}

/// Bringing an existing fund into a book that is not empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MigrateRefusal {
    NotEmpty { entries: i64, members: i64 },
}

/// Writing the fund's bundle (months as keys, `2026-10`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExportRefusal {
    NothingClosed,
    /// Every closed month went in bundle `seq`, up to `to`.
    NothingNew {
        seq: i64,
        to: String,
    },
    PeriodOpen {
        from: String,
        to: String,
        closed_to: String,
    },
    /// A bundle must start at `start`, the month after the last one sent.
    Gap {
        start: String,
    },
    /// A period sent before now reads differently.
    Changed,
}

impl ExportRefusal {
    fn code(&self) -> &'static str {
        match self {
            ExportRefusal::NothingClosed => "bundle.nothing_closed",
            ExportRefusal::NothingNew { .. } => "bundle.nothing_new",
            ExportRefusal::PeriodOpen { .. } => "bundle.period_open",
            ExportRefusal::Gap { .. } => "bundle.gap",
            ExportRefusal::Changed => "bundle.changed",
        }
    }
    fn th(&self) -> String {
        let m = |k: &str| month_key_long(k);
        match self {
            ExportRefusal::NothingClosed => "ยังไม่มีเดือนที่ปิดงวด".into(),
            ExportRefusal::NothingNew { seq, to } => {
                format!("ส่งข้อมูลครบถึงเดือนที่ปิดงวดล่าสุดแล้ว (ชุดที่ {seq} ถึงเดือน{}) ปิดงวดเดือนถัดไปก่อน", m(to))
            }
            ExportRefusal::PeriodOpen { from, to, closed_to } => format!(
                "ช่วงเดือน{} ถึงเดือน{} ยังปิดงวดไม่ครบ (ปิดงวดถึงเดือน{})",
                m(from),
                m(to),
                m(closed_to)
            ),
            ExportRefusal::Gap { start } => {
                format!("ชุดข้อมูลต้องต่อจากชุดก่อน (เริ่มเดือน{})", m(start))
            }
            ExportRefusal::Changed => "ข้อมูลของช่วงเดิมเปลี่ยนไปจากชุดที่ส่งแล้ว".into(),
        }
    }
    fn en(&self) -> String {
        match self {
            ExportRefusal::NothingClosed => "no month has been closed yet".into(),
            ExportRefusal::NothingNew { seq, to } => format!(
                "every closed month has been sent already (bundle {seq} up to {to}); close the next month first"
            ),
            ExportRefusal::PeriodOpen { from, to, closed_to } => {
                format!("{from} to {to} is not all closed (closed up to {closed_to})")
            }
            ExportRefusal::Gap { start } => {
                format!("a bundle must follow the last one (start at {start})")
            }
            ExportRefusal::Changed => "the data of an already sent period has changed".into(),
        }
    }
}

/// A bundle file that cannot be read as one (`docs/bundle-format.md`, "Limits").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BundleRefusal {
    /// The zip cannot be read (`detail` is the reader's own words).
    Corrupt {
        detail: String,
    },
    TooLarge {
        what: String,
        limit: String,
    },
    MissingFile {
        name: String,
    },
    UnreadableManifest {
        detail: String,
    },
    UnknownFormat {
        format: String,
    },
    BadKey,
    BadSignature,
    DuplicateFile {
        name: String,
    },
    ExtraFile {
        name: String,
    },
    FileHash {
        name: String,
    },
    NotUtf8 {
        name: String,
    },
    BadLine {
        name: String,
        detail: String,
    },
}

impl BundleRefusal {
    fn code(&self) -> &'static str {
        match self {
            BundleRefusal::Corrupt { .. } => "bundle.corrupt",
            BundleRefusal::TooLarge { .. } => "bundle.too_large",
            BundleRefusal::MissingFile { .. } => "bundle.missing_file",
            BundleRefusal::UnreadableManifest { .. }
            | BundleRefusal::UnknownFormat { .. }
            | BundleRefusal::BadKey
            | BundleRefusal::NotUtf8 { .. }
            | BundleRefusal::BadLine { .. } => "bundle.format",
            BundleRefusal::BadSignature => "bundle.bad_signature",
            BundleRefusal::DuplicateFile { .. } => "bundle.duplicate_file",
            BundleRefusal::ExtraFile { .. } => "bundle.extra_file",
            BundleRefusal::FileHash { .. } => "bundle.file_hash",
        }
    }
    fn th(&self) -> String {
        match self {
            BundleRefusal::Corrupt { detail } => {
                format!("แฟ้มชุดข้อมูลเสียหายหรือไม่ครบ ({detail})")
            }
            BundleRefusal::TooLarge { what, limit } => {
                format!("ชุดข้อมูลใหญ่เกินกว่าที่รับได้: {what} (เกิน {limit})")
            }
            BundleRefusal::MissingFile { name } => format!("ไม่มีแฟ้ม {name}"),
            BundleRefusal::UnreadableManifest { detail } => {
                format!("อ่านใบรายการแฟ้มของชุดข้อมูลไม่ได้ ({detail})")
            }
            BundleRefusal::UnknownFormat { format } => {
                format!("ชุดข้อมูลรูปแบบ {format} โปรแกรมรุ่นนี้ไม่รู้จัก")
            }
            BundleRefusal::BadKey => "กุญแจสาธารณะในชุดข้อมูลไม่ถูกต้อง".into(),
            BundleRefusal::BadSignature => {
                "ลายมือชื่อดิจิทัลไม่ถูกต้อง: ใบรายการแฟ้มถูกแก้ไขหรือลงนามด้วยกุญแจอื่น".into()
            }
            BundleRefusal::DuplicateFile { name } => format!("มีแฟ้ม {name} ซ้ำ"),
            BundleRefusal::ExtraFile { name } => {
                format!("มีแฟ้ม {name} ที่ไม่อยู่ในใบรายการแฟ้ม")
            }
            BundleRefusal::FileHash { name } => {
                format!("แฟ้ม {name} ไม่ตรงกับลายนิ้วมือในใบรายการแฟ้ม")
            }
            BundleRefusal::NotUtf8 { name } => format!("แฟ้ม {name} ไม่ใช่ข้อความที่อ่านได้"),
            BundleRefusal::BadLine { name, detail } => {
                format!("แฟ้ม {name} มีบรรทัดที่อ่านไม่ได้ ({detail})")
            }
        }
    }
    fn en(&self) -> String {
        match self {
            BundleRefusal::Corrupt { detail } => {
                format!("the bundle file is damaged or incomplete ({detail})")
            }
            BundleRefusal::TooLarge { what, limit } => {
                format!(
                    "the bundle is larger than this program accepts: {what} (more than {limit})"
                )
            }
            BundleRefusal::MissingFile { name } => format!("{name} is missing"),
            BundleRefusal::UnreadableManifest { detail } => {
                format!("manifest.json is not valid: {detail}")
            }
            BundleRefusal::UnknownFormat { format } => format!("unknown format {format}"),
            BundleRefusal::BadKey => "the public key is malformed".into(),
            BundleRefusal::BadSignature => "the signature does not match the manifest".into(),
            BundleRefusal::DuplicateFile { name } => format!("{name} appears twice"),
            BundleRefusal::ExtraFile { name } => format!("{name} is not listed in the manifest"),
            BundleRefusal::FileHash { name } => {
                format!("{name} does not match its hash in the manifest")
            }
            BundleRefusal::NotUtf8 { name } => format!("{name} is not UTF-8"),
            BundleRefusal::BadLine { name, detail } => format!("{name}: {detail}"),
        }
    }
}

/// The province's checks of an enrolment or an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProvinceRefusal {
    /// The fingerprint typed from the paper form is not the bundle's key.
    FingerprintMismatch,
    AlreadyEnrolled {
        code: String,
        fingerprint: String,
    },
    UnknownFund {
        code: String,
    },
    UnknownKey {
        signed_with: String,
        enrolled: String,
    },
    RevokedKey,
    /// An older bundle, imported before.
    Replay {
        seq: i64,
        latest: i64,
    },
    /// A sequence imported before with other content.
    Fork {
        seq: i64,
    },
    /// The bundle does not follow the last one imported.
    NotFollowing,
    Gap {
        from: i64,
        to: i64,
    },
    /// The chain does not continue from the head held.
    ChainNotContinued,
    ChainBroken {
        entry: i64,
    },
    ChainHead,
    Counts {
        what_th: &'static str,
        what_en: &'static str,
    },
    /// The embedded database has one writer at a time, and another import held it too long.
    Busy,
    /// A server database named, in a program that has no server engine (the fund's own).
    NoServerEngine,
    /// Every imported bundle has been forwarded already.
    NothingToForward,
    /// A forward from a province the nation has not enrolled.
    UnknownProvince {
        name: String,
    },
    ProvinceAlreadyEnrolled {
        name: String,
        fingerprint: String,
    },
    /// The forward's manifest is not signed by the enrolled province key.
    ForwardSignature,
    /// A file of the forward is missing, extra, or not the one its manifest lists.
    ForwardContents {
        file: String,
    },
    ForwardReplay {
        seq: i64,
        latest: i64,
    },
    ForwardFork {
        seq: i64,
    },
    ForwardGap {
        from: i64,
        to: i64,
    },
}

impl ProvinceRefusal {
    fn code(&self) -> &'static str {
        match self {
            ProvinceRefusal::FingerprintMismatch => "province.fingerprint_mismatch",
            ProvinceRefusal::AlreadyEnrolled { .. } => "province.already_enrolled",
            ProvinceRefusal::UnknownFund { .. } => "bundle.unknown_fund",
            ProvinceRefusal::UnknownKey { .. } => "bundle.unknown_key",
            ProvinceRefusal::RevokedKey => "bundle.revoked_key",
            ProvinceRefusal::Replay { .. } => "bundle.replay",
            ProvinceRefusal::Fork { .. } | ProvinceRefusal::NotFollowing => "bundle.fork",
            ProvinceRefusal::Gap { .. } => "bundle.gap",
            ProvinceRefusal::ChainNotContinued
            | ProvinceRefusal::ChainBroken { .. }
            | ProvinceRefusal::ChainHead => "bundle.chain",
            ProvinceRefusal::Counts { .. } => "bundle.counts",
            ProvinceRefusal::Busy => "province.busy",
            ProvinceRefusal::NoServerEngine => "province.no_server_engine",
            ProvinceRefusal::NothingToForward => "province.nothing_to_forward",
            ProvinceRefusal::UnknownProvince { .. } => "forward.unknown_province",
            ProvinceRefusal::ProvinceAlreadyEnrolled { .. } => "forward.province_enrolled",
            ProvinceRefusal::ForwardSignature => "forward.bad_signature",
            ProvinceRefusal::ForwardContents { .. } => "forward.contents",
            ProvinceRefusal::ForwardReplay { .. } => "forward.replay",
            ProvinceRefusal::ForwardFork { .. } => "forward.fork",
            ProvinceRefusal::ForwardGap { .. } => "forward.gap",
        }
    }
    fn th(&self) -> String {
        match self {
            ProvinceRefusal::FingerprintMismatch => {
                "ลายนิ้วมือกุญแจไม่ตรงกับที่พิมพ์: อย่าลงทะเบียน ตรวจสอบกับแบบฟอร์มกระดาษ".into()
            }
            ProvinceRefusal::AlreadyEnrolled { code, fingerprint } => {
                format!("กองทุน {code} ลงทะเบียนแล้ว (กุญแจ {fingerprint})")
            }
            ProvinceRefusal::UnknownFund { code } => format!("กองทุน {code} ยังไม่ได้ลงทะเบียน"),
            ProvinceRefusal::UnknownKey { signed_with, enrolled } => {
                format!("ลงนามด้วยกุญแจ {signed_with} ซึ่งไม่ใช่กุญแจที่ลงทะเบียนไว้ ({enrolled})")
            }
            ProvinceRefusal::RevokedKey => "กุญแจของกองทุนนี้ถูกเพิกถอนแล้ว".into(),
            ProvinceRefusal::Replay { seq, latest } => {
                format!("เป็นชุดข้อมูลเก่าลำดับที่ {seq} ที่นำเข้าไปแล้ว (ล่าสุด {latest})")
            }
            ProvinceRefusal::Fork { seq } => format!("ลำดับที่ {seq} มีอยู่แล้วแต่เนื้อหาต่างกัน"),
            ProvinceRefusal::NotFollowing => "ชุดข้อมูลไม่ได้ต่อจากชุดล่าสุดที่นำเข้า".into(),
            ProvinceRefusal::Gap { from, to } => format!("ขาดชุดข้อมูลลำดับที่ {from} ถึง {to}"),
            ProvinceRefusal::ChainNotContinued => "สายลายนิ้วมือบัญชีไม่ต่อจากที่จังหวัดมีอยู่".into(),
            ProvinceRefusal::ChainBroken { entry } => {
                format!("รายการ {entry} ไม่ตรงกับสายลายนิ้วมือบัญชี")
            }
            ProvinceRefusal::ChainHead => "หัวสายลายนิ้วมือบัญชีไม่ตรงกับใบรายการแฟ้มของชุดข้อมูล".into(),
            ProvinceRefusal::Counts { what_th, .. } => {
                format!("จำนวน{what_th}ไม่ตรงกับใบรายการแฟ้มของชุดข้อมูล")
            }
            ProvinceRefusal::Busy => {
                "ฐานข้อมูลกำลังถูกใช้นำเข้าหรือส่งต่อโดยอีกโปรแกรมหนึ่ง รอให้เสร็จแล้วลองอีกครั้ง".into()
            }
            ProvinceRefusal::NoServerEngine => {
                "โปรแกรมของกองทุนไม่เชื่อมต่อเครือข่าย ฐานข้อมูลบนเครื่องแม่ข่ายต้องเปิดด้วยโปรแกรมสำหรับสำนักงาน"
                    .into()
            }
            ProvinceRefusal::NothingToForward => "ชุดข้อมูลที่นำเข้าทั้งหมดส่งต่อไปแล้ว ไม่มีชุดใหม่ให้ส่งต่อ".into(),
            ProvinceRefusal::UnknownProvince { name } => {
                format!("จังหวัด{name}ยังไม่ได้ลงทะเบียนกุญแจกับส่วนกลาง")
            }
            ProvinceRefusal::ProvinceAlreadyEnrolled { name, fingerprint } => {
                format!("จังหวัด{name}ลงทะเบียนแล้ว (กุญแจ {fingerprint})")
            }
            ProvinceRefusal::ForwardSignature => {
                "ใบรายการส่งต่อไม่ได้ลงนามด้วยกุญแจของจังหวัดที่ลงทะเบียนไว้".into()
            }
            ProvinceRefusal::ForwardContents { file } => {
                format!("แฟ้ม {file} ในชุดส่งต่อไม่ตรงกับใบรายการส่งต่อ")
            }
            ProvinceRefusal::ForwardReplay { seq, latest } => {
                format!("เป็นชุดส่งต่อเก่าครั้งที่ {seq} ที่นำเข้าไปแล้ว (ล่าสุด {latest})")
            }
            ProvinceRefusal::ForwardFork { seq } => {
                format!("ชุดส่งต่อครั้งที่ {seq} ไม่ได้ต่อจากครั้งก่อน หรือมีอยู่แล้วแต่เนื้อหาต่างกัน")
            }
            ProvinceRefusal::ForwardGap { from, to } => {
                format!("ขาดชุดส่งต่อครั้งที่ {from} ถึง {to}")
            }
        }
    }
    fn en(&self) -> String {
        match self {
            ProvinceRefusal::FingerprintMismatch => {
                "the key fingerprint differs from the one typed: do not enrol; check the paper form"
                    .into()
            }
            ProvinceRefusal::AlreadyEnrolled { code, fingerprint } => {
                format!("fund {code} is already enrolled (key {fingerprint})")
            }
            ProvinceRefusal::UnknownFund { code } => format!("fund {code} is not enrolled"),
            ProvinceRefusal::UnknownKey { signed_with, enrolled } => {
                format!("signed with key {signed_with}, not the enrolled key {enrolled}")
            }
            ProvinceRefusal::RevokedKey => "this fund's key is revoked".into(),
            ProvinceRefusal::Replay { seq, latest } => {
                format!("an older bundle (sequence {seq}) already imported; the latest is {latest}")
            }
            ProvinceRefusal::Fork { seq } => {
                format!("sequence {seq} was already imported with different content")
            }
            ProvinceRefusal::NotFollowing => {
                "the bundle does not follow the last imported one".into()
            }
            ProvinceRefusal::Gap { from, to } => format!("bundles {from} to {to} are missing"),
            ProvinceRefusal::ChainNotContinued => {
                "the ledger chain does not continue from the one held".into()
            }
            ProvinceRefusal::ChainBroken { entry } => {
                format!("entry {entry} breaks the ledger chain")
            }
            ProvinceRefusal::ChainHead => "the chain head does not match the manifest".into(),
            ProvinceRefusal::Counts { what_en, .. } => {
                format!("{what_en} count differs from the manifest")
            }
            ProvinceRefusal::Busy => {
                "the database is busy with another import or forward: wait for it to finish and try again"
                    .into()
            }
            ProvinceRefusal::NoServerEngine => {
                "the fund's program has no network code: open a server database with the office program, kongthun-office".into()
            }
            ProvinceRefusal::NothingToForward => {
                "every imported bundle has been forwarded: nothing new to forward".into()
            }
            ProvinceRefusal::UnknownProvince { name } => {
                format!("province {name} has not enrolled its key with the nation")
            }
            ProvinceRefusal::ProvinceAlreadyEnrolled { name, fingerprint } => {
                format!("province {name} is already enrolled (key {fingerprint})")
            }
            ProvinceRefusal::ForwardSignature => {
                "the forward's manifest is not signed by the enrolled province key".into()
            }
            ProvinceRefusal::ForwardContents { file } => {
                format!("file {file} of the forward differs from its manifest")
            }
            ProvinceRefusal::ForwardReplay { seq, latest } => {
                format!("an older forward ({seq}) already imported; the latest is {latest}")
            }
            ProvinceRefusal::ForwardFork { seq } => {
                format!("forward {seq} does not follow the last one, or was imported with other content")
            }
            ProvinceRefusal::ForwardGap { from, to } => {
                format!("forwards {from} to {to} are missing")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every refusal, its data given as a fund would (numbers, month keys, Thai labels).
    fn every_refusal() -> Vec<Refusal> {
        let m = || "2026-10".to_string();
        let label = || "มติที่ 2 การประชุมคณะกรรมการ ครั้งที่ 3/2569".to_string();
        let name = || "ข้อมูล".to_string();
        vec![
            WelfareRefusal::Decided { claim: 7, status: "approved".into() }.into(),
            WelfareRefusal::ResolutionBeforeEvent.into(),
            WelfareRefusal::NotEligible {
                why_th: vec!["ค้างส่ง".into()], why_en: vec![]
            }
            .into(),
            WelfareRefusal::AboveRule { asked: Satang::new(300_001), rule: Satang::new(300_000) }
                .into(),
            WelfareRefusal::AlreadyPaid { claim: 7 }.into(),
            WelfareRefusal::NotApproved { claim: 7 }.into(),
            WelfareRefusal::RuleNeedsResolution {
                category_th: "เจ็บป่วย".into(),
                category_en: "illness".into(),
            }
            .into(),
            WelfareRefusal::RuleNeedsAssembly { label: "มติที่ 1".into() }.into(),
            WelfareRefusal::MemberOrPerson { member_no: "0007".into() }.into(),
            MeetingRefusal::NoCommittee.into(),
            MeetingRefusal::MinutesLocked { meeting: "ครั้งที่ 3/2569".into() }.into(),
            MeetingRefusal::NoQuorum { present: 2, eligible: 5 }.into(),
            MeetingRefusal::ApproveLater.into(),
            MeetingRefusal::NoQuorumAt { meeting: "ครั้งที่ 3/2569".into() }.into(),
            MeetingRefusal::ResolutionFailed { id: 2, label: label() }.into(),
            MeetingRefusal::ResolutionKind { id: 2, label: label(), kind: "expense".into() }.into(),
            AuditRefusal::NotEnded { month: m() }.into(),
            AuditRefusal::Closed { month: m() }.into(),
            AuditRefusal::SignedAlready { month: m() }.into(),
            AllocationRefusal::NoProfit.into(),
            AllocationRefusal::NoSavers.into(),
            AllocationRefusal::NoBorrowers.into(),
            CollectionRefusal::NothingToRecord.into(),
            CollectionRefusal::PaidToday { member_no: "12".into(), doc_no: "RV2569/000123".into() }
                .into(),
            MigrateRefusal::NotEmpty { entries: 3, members: 2 }.into(),
            ExportRefusal::NothingClosed.into(),
            ExportRefusal::NothingNew { seq: 4, to: m() }.into(),
            ExportRefusal::PeriodOpen { from: m(), to: m(), closed_to: m() }.into(),
            ExportRefusal::Gap { start: m() }.into(),
            ExportRefusal::Changed.into(),
            BundleRefusal::Corrupt { detail: "๑".into() }.into(),
            BundleRefusal::TooLarge { what: "๒".into(), limit: "3".into() }.into(),
            BundleRefusal::MissingFile { name: name() }.into(),
            BundleRefusal::UnreadableManifest { detail: "๑".into() }.into(),
            BundleRefusal::UnknownFormat { format: "9".into() }.into(),
            BundleRefusal::BadKey.into(),
            BundleRefusal::BadSignature.into(),
            BundleRefusal::DuplicateFile { name: name() }.into(),
            BundleRefusal::ExtraFile { name: name() }.into(),
            BundleRefusal::FileHash { name: name() }.into(),
            BundleRefusal::NotUtf8 { name: name() }.into(),
            BundleRefusal::BadLine { name: name(), detail: "๑".into() }.into(),
            ProvinceRefusal::FingerprintMismatch.into(),
            ProvinceRefusal::AlreadyEnrolled { code: "1".into(), fingerprint: "2".into() }.into(),
            ProvinceRefusal::UnknownFund { code: "1".into() }.into(),
            ProvinceRefusal::UnknownKey { signed_with: "1".into(), enrolled: "2".into() }.into(),
            ProvinceRefusal::RevokedKey.into(),
            ProvinceRefusal::Replay { seq: 1, latest: 2 }.into(),
            ProvinceRefusal::Fork { seq: 1 }.into(),
            ProvinceRefusal::NotFollowing.into(),
            ProvinceRefusal::Gap { from: 1, to: 2 }.into(),
            ProvinceRefusal::ChainNotContinued.into(),
            ProvinceRefusal::ChainBroken { entry: 1 }.into(),
            ProvinceRefusal::ChainHead.into(),
            ProvinceRefusal::Busy.into(),
            ProvinceRefusal::NoServerEngine.into(),
            ProvinceRefusal::NothingToForward.into(),
            ProvinceRefusal::UnknownProvince { name: "ขอนแก่น".into() }.into(),
            ProvinceRefusal::ProvinceAlreadyEnrolled {
                name: "ขอนแก่น".into(),
                fingerprint: "ab12".into(),
            }
            .into(),
            ProvinceRefusal::ForwardSignature.into(),
            ProvinceRefusal::ForwardContents { file: "bundles/X-0001.kongthun".into() }.into(),
            ProvinceRefusal::ForwardReplay { seq: 1, latest: 2 }.into(),
            ProvinceRefusal::ForwardFork { seq: 2 }.into(),
            ProvinceRefusal::ForwardGap { from: 2, to: 3 }.into(),
            ProvinceRefusal::Counts { what_th: "สมาชิก", what_en: "member" }.into(),
        ]
        .into_iter()
        .map(|e: crate::Error| match e {
            crate::Error::Refused(r) => r,
            other => panic!("{other:?}"),
        })
        .collect()
    }

    #[test]
    fn every_refusal_says_it_in_thai_without_english_and_in_english() {
        for r in every_refusal() {
            let th = r.th();
            // a document number (RV2569/000123) is a code, not a word
            let words: String = th
                .split(|c: char| c.is_whitespace() || "()".contains(c))
                .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
                .collect();
            assert!(
                !words.chars().any(|c| c.is_ascii_alphabetic()),
                "{}: an English word in the Thai message: {th}",
                r.code()
            );
            assert!(
                !r.en().is_empty()
                    && r.code().chars().all(|c| c.is_ascii_lowercase() || "._".contains(c))
            );
        }
        assert!(every_refusal().iter().any(|r| r.th().contains("ตุลาคม 2569")), "months in BE");
    }
}
