//! What `verify` found wrong in a book, in Thai and English: the auditor reads the Thai one
//! after a restore or a check, so each problem has its own words (months in BE, never a
//! stored `2026-10` key), not an English reason inside a Thai sentence.

use crate::thai::month_key_long;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChainProblem {
    /// An entry with fewer than two posting lines.
    FewerThanTwoLines,
    /// An entry whose lines do not sum to zero (satang).
    LinesDoNotSum { sum: i128 },
    /// The stored hash is not the hash of the entry's fields on the one before it.
    HashMismatch,
    /// The entry before this one (its id) is not in the journal.
    EntryMissing { missing: i64 },
    /// A closed month's recorded chain head is not the chain's hash there any more.
    ClosedMonthHead { month: String },
    /// The monthly totals kept for an account do not match its postings.
    MonthTotals { account: String, month: String },
    /// A month's money kept for the statement (an account's line, or the entries counted
    /// apart when `account` is `None`) does not match the postings.
    MonthMoney { month: String, account: Option<String> },
    /// A member's contribution periods kept beside the contributions do not match them
    /// (the member named by their number).
    PeriodsKept { member_no: String, kept: i64, actual: i64 },
    /// Postings of an entry that is not in the journal.
    PostingsWithoutEntry { entry: i64 },
    /// A contribution row of an entry that is not in the journal.
    ContributionWithoutEntry { entry: i64 },
    /// A contribution that names a member id not on the register.
    ContributionOfUnknownMember { member_id: i64 },
}

impl ChainProblem {
    pub fn th(&self) -> String {
        match self {
            ChainProblem::FewerThanTwoLines => "รายการมีบรรทัดบัญชีน้อยกว่าสองบรรทัด".into(),
            ChainProblem::LinesDoNotSum { sum } => {
                format!("บรรทัดบัญชีของรายการรวมกันได้ {sum} สตางค์ ไม่เท่ากับศูนย์")
            }
            ChainProblem::HashMismatch => {
                "ลายนิ้วมือที่เก็บไว้ไม่ตรงกับเนื้อหาของรายการและรายการก่อนหน้า".into()
            }
            ChainProblem::EntryMissing { missing } => format!("ไม่พบรายการที่ {missing} ก่อนหน้า"),
            ChainProblem::ClosedMonthHead { month } => format!(
                "ลายนิ้วมือที่บันทึกไว้เมื่อปิดงวดเดือน{} ไม่ตรงกับสายลายนิ้วมือบัญชี",
                month_key_long(month)
            ),
            ChainProblem::MonthTotals { account, month } => format!(
                "ยอดรวมรายเดือนของบัญชี {account} เดือน{} ไม่ตรงกับบรรทัดบัญชี",
                month_key_long(month)
            ),
            ChainProblem::MonthMoney { month, account: Some(account) } => format!(
                "ยอดรับ-จ่ายของบัญชี {account} ที่เก็บไว้สำหรับงบเดือน{} ไม่ตรงกับบรรทัดบัญชี",
                month_key_long(month)
            ),
            ChainProblem::MonthMoney { month, account: None } => format!(
                "จำนวนรายการที่ไม่มีเงินสดและยอดยกมาที่เก็บไว้สำหรับงบเดือน{} ไม่ตรงกับบรรทัดบัญชี",
                month_key_long(month)
            ),
            ChainProblem::PeriodsKept { member_no, kept, actual } => format!(
                "สมาชิกเลขที่ {member_no}: งวดเงินสมทบที่เก็บไว้ {kept} งวด แต่ตามรายการรับเงินสมทบมี {actual} งวด"
            ),
            ChainProblem::PostingsWithoutEntry { entry } => {
                format!("มีบรรทัดบัญชีของรายการที่ {entry} ซึ่งไม่มีในสมุดรายวัน")
            }
            ChainProblem::ContributionWithoutEntry { entry } => {
                format!("มีเงินสมทบของรายการที่ {entry} ซึ่งไม่มีในสมุดรายวัน")
            }
            ChainProblem::ContributionOfUnknownMember { member_id } => {
                format!("มีเงินสมทบของสมาชิกรหัสภายใน {member_id} ซึ่งไม่มีในทะเบียนสมาชิก")
            }
        }
    }

    pub fn en(&self) -> String {
        match self {
            ChainProblem::FewerThanTwoLines => "it has fewer than two posting lines".into(),
            ChainProblem::LinesDoNotSum { sum } => {
                format!("its lines sum to {sum} satang, not zero")
            }
            ChainProblem::HashMismatch => {
                "its stored hash does not match its contents and the entry before it".into()
            }
            ChainProblem::EntryMissing { missing } => {
                format!("entry {missing} before it is missing")
            }
            ChainProblem::ClosedMonthHead { month } => {
                format!("closed month {month} recorded a different chain head")
            }
            ChainProblem::MonthTotals { account, month } => {
                format!("monthly totals of account {account} in {month} do not match its postings")
            }
            ChainProblem::MonthMoney { month, account: Some(account) } => format!(
                "the money kept for {month} (account {account}) does not match its postings"
            ),
            ChainProblem::MonthMoney { month, account: None } => format!(
                "the money kept for {month} (entries without cash and brought forward) does not match its postings"
            ),
            ChainProblem::PeriodsKept { member_no, kept, actual } => format!(
                "member {member_no}: {kept} contribution periods kept, {actual} in the contributions"
            ),
            ChainProblem::PostingsWithoutEntry { entry } => {
                format!("postings of entry {entry} are not in the journal")
            }
            ChainProblem::ContributionWithoutEntry { entry } => {
                format!("the contribution of entry {entry} is not in the journal")
            }
            ChainProblem::ContributionOfUnknownMember { member_id } => {
                format!("a contribution names member {member_id}, who is not on the register")
            }
        }
    }
}

impl ChainProblem {
    /// The problem as the error `verify` fails with, at entry `entry_id` (0 for what is kept
    /// beside the journal), named by its id alone.
    pub fn at(self, entry_id: i64) -> crate::Error {
        crate::Error::ChainBroken { entry_id, doc_no: String::new(), reason: self }
    }
}

impl std::fmt::Display for ChainProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_reads_in_thai_without_english_and_with_be_months() {
        let month = || "2026-02".to_string();
        let all = [
            ChainProblem::FewerThanTwoLines,
            ChainProblem::LinesDoNotSum { sum: 1 },
            ChainProblem::HashMismatch,
            ChainProblem::EntryMissing { missing: 2 },
            ChainProblem::ClosedMonthHead { month: month() },
            ChainProblem::MonthTotals { account: "1101".into(), month: month() },
            ChainProblem::MonthMoney { month: month(), account: Some("4101".into()) },
            ChainProblem::MonthMoney { month: month(), account: None },
            ChainProblem::PeriodsKept { member_no: "12".into(), kept: 2, actual: 0 },
            ChainProblem::PostingsWithoutEntry { entry: 3 },
            ChainProblem::ContributionWithoutEntry { entry: 99 },
            ChainProblem::ContributionOfUnknownMember { member_id: 7 },
        ];
        for p in all {
            let th = p.th();
            assert!(!th.chars().any(|c| c.is_ascii_alphabetic()), "{th}");
            assert!(!th.contains("2026"), "{th}");
            assert!(!p.en().is_empty());
        }
        assert!(ChainProblem::MonthTotals { account: "1101".into(), month: month() }
            .th()
            .contains("กุมภาพันธ์ 2569"));
    }
}
