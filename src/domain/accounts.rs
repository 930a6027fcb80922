//! The chart of accounts seeded for each kind of fund, in Thai and English. Codes follow the
//! usual Thai layout: 1 assets, 2 liabilities, 3 fund capital, 4 income, 5 expenses. Operations
//! refer to the system accounts through the constants below; a treasurer may add accounts.

use super::fund::FundKind;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountClass {
    Asset,
    Liability,
    Equity,
    Income,
    Expense,
}

impl AccountClass {
    pub fn key(self) -> &'static str {
        match self {
            AccountClass::Asset => "asset",
            AccountClass::Liability => "liability",
            AccountClass::Equity => "equity",
            AccountClass::Income => "income",
            AccountClass::Expense => "expense",
        }
    }
    pub fn from_key(key: &str) -> Option<AccountClass> {
        [
            AccountClass::Asset,
            AccountClass::Liability,
            AccountClass::Equity,
            AccountClass::Income,
            AccountClass::Expense,
        ]
        .into_iter()
        .find(|c| c.key() == key)
    }
    /// The class a code belongs to by its first digit.
    pub fn of_code(code: &str) -> Option<AccountClass> {
        match code.as_bytes().first()? {
            b'1' => Some(AccountClass::Asset),
            b'2' => Some(AccountClass::Liability),
            b'3' => Some(AccountClass::Equity),
            b'4' => Some(AccountClass::Income),
            b'5' => Some(AccountClass::Expense),
            _ => None,
        }
    }
}

pub const CASH: &str = "1101";
pub const BANK: &str = "1102";
pub const LOANS: &str = "1201";
pub const SAVINGS_OWED: &str = "2101";
pub const DIVIDENDS_PAYABLE: &str = "2102";
pub const WELFARE_ALLOCATED: &str = "2103";
pub const COMMITTEE_PAYABLE: &str = "2104";
pub const PUBLIC_ALLOCATED: &str = "2105";
pub const ADMINISTRATION_ALLOCATED: &str = "2106";
pub const OTHER_ALLOCATED: &str = "2109";
pub const FUND_CAPITAL: &str = "3101";
pub const PROFIT_ALLOCATED: &str = "3104";
pub const RESERVE: &str = "3102";
pub const CONTRIBUTIONS: &str = "4101";
pub const ENTRANCE_FEES: &str = "4102";
pub const MATCHING_GOVERNMENT: &str = "4201";
pub const MATCHING_LOCAL: &str = "4202";
pub const MATCHING_CODI: &str = "4203";
pub const GRANTS_OTHER: &str = "4204";
pub const DONATIONS: &str = "4301";
pub const BANK_INTEREST: &str = "4401";
pub const LOAN_INTEREST: &str = "4402";
pub const FINES: &str = "4501";
/// The welfare allocated from a year's profit, drawn as the claims it pays are paid: the
/// welfare activity's income beside those claims (a savings group's welfare is paid from it).
pub const WELFARE_FROM_ALLOCATION: &str = "4602";
pub const OTHER_INCOME: &str = "4901";
pub const WELFARE_OTHER: &str = "5109";
pub const ADMINISTRATION: &str = "5201";
pub const COMMITTEE: &str = "5202";
pub const PUBLIC_BENEFIT: &str = "5203";
pub const OTHER_EXPENSE: &str = "5901";

/// Which kinds of fund get an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum For {
    All,
    Welfare,
    Savings,
}

#[derive(Clone, Copy, Debug)]
pub struct AccountSeed {
    pub code: &'static str,
    pub name_th: &'static str,
    pub name_en: &'static str,
    pub class: AccountClass,
    /// `cash` or `bank`: the accounts whose movements are receipts and payments.
    pub cash_kind: Option<&'static str>,
    pub welfare_category: Option<&'static str>,
    for_kind: For,
}

const fn seed(
    code: &'static str,
    th: &'static str,
    en: &'static str,
    class: AccountClass,
    for_kind: For,
) -> AccountSeed {
    AccountSeed {
        code,
        name_th: th,
        name_en: en,
        class,
        cash_kind: None,
        welfare_category: None,
        for_kind,
    }
}

/// A welfare account (with its category): always a 51xx code, which the store's index of
/// welfare postings covers (5100 to 5299).
const fn welfare(
    code: &'static str,
    th: &'static str,
    en: &'static str,
    category: &'static str,
) -> AccountSeed {
    AccountSeed {
        code,
        name_th: th,
        name_en: en,
        class: AccountClass::Expense,
        cash_kind: None,
        welfare_category: Some(category),
        // a savings group pays welfare from its allocated part too, booked by category
        for_kind: For::All,
    }
}

use AccountClass::*;

const CHART: &[AccountSeed] = &[
    AccountSeed {
        cash_kind: Some("cash"), ..seed(CASH, "เงินสด", "Cash on hand", Asset, For::All)
    },
    AccountSeed {
        cash_kind: Some("bank"),
        ..seed(BANK, "เงินฝากธนาคาร", "Bank deposits", Asset, For::All)
    },
    seed(LOANS, "ลูกหนี้เงินกู้สมาชิก", "Loans to members", Asset, For::Savings),
    seed(SAVINGS_OWED, "เงินสัจจะสะสมของสมาชิก", "Members' sajja savings", Liability, For::Savings),
    seed(
        DIVIDENDS_PAYABLE,
        "เงินปันผลและเฉลี่ยคืนค้างจ่าย",
        "Dividends and refunds payable",
        Liability,
        For::Savings,
    ),
    seed(
        WELFARE_ALLOCATED,
        "เงินจัดสรรเพื่อสวัสดิการสมาชิก",
        "Allocated to members' welfare",
        Liability,
        For::Savings,
    ),
    seed(
        COMMITTEE_PAYABLE,
        "ค่าตอบแทนกรรมการค้างจ่าย",
        "Committee compensation payable",
        Liability,
        For::Savings,
    ),
    seed(
        PUBLIC_ALLOCATED,
        "เงินจัดสรรเพื่อสาธารณประโยชน์",
        "Allocated to public benefit",
        Liability,
        For::Savings,
    ),
    seed(
        ADMINISTRATION_ALLOCATED,
        "เงินจัดสรรเพื่อค่าใช้จ่ายในการบริหาร",
        "Allocated to administration",
        Liability,
        For::Savings,
    ),
    seed(
        OTHER_ALLOCATED,
        "เงินจัดสรรอื่นตามมติที่ประชุมใหญ่",
        "Other parts allocated by the assembly",
        Liability,
        For::Savings,
    ),
    seed(FUND_CAPITAL, "ทุนของกองทุน", "Fund capital", Equity, For::All),
    seed(RESERVE, "เงินสำรอง", "Reserve", Equity, For::All),
    seed(PROFIT_ALLOCATED, "กำไรที่จัดสรรแล้ว", "Profit allocated", Equity, For::Savings),
    seed(CONTRIBUTIONS, "เงินสมทบจากสมาชิก", "Member contributions", Income, For::All),
    seed(ENTRANCE_FEES, "ค่าธรรมเนียมแรกเข้า", "Entrance fees", Income, For::All),
    seed(
        MATCHING_GOVERNMENT,
        "เงินสมทบจากรัฐบาล (ผ่าน พอช.)",
        "Government matching (via CODI)",
        Income,
        For::Welfare,
    ),
    seed(MATCHING_LOCAL, "เงินสมทบจาก อปท.", "Local council matching", Income, For::Welfare),
    seed(MATCHING_CODI, "เงินสมทบจาก พอช.", "CODI matching", Income, For::Welfare),
    seed(GRANTS_OTHER, "เงินสนับสนุนจากหน่วยงานอื่น", "Grants from other agencies", Income, For::All),
    seed(DONATIONS, "เงินบริจาค", "Donations", Income, For::All),
    seed(BANK_INTEREST, "ดอกเบี้ยเงินฝากธนาคาร", "Bank interest", Income, For::All),
    seed(LOAN_INTEREST, "ดอกเบี้ยเงินกู้", "Loan interest", Income, For::Savings),
    seed(FINES, "ค่าปรับ", "Fines", Income, For::All),
    seed(
        WELFARE_FROM_ALLOCATION,
        "รับจากเงินจัดสรรเพื่อสวัสดิการ",
        "Drawn from the welfare allocated",
        Income,
        For::Savings,
    ),
    seed(OTHER_INCOME, "รายได้อื่น", "Other income", Income, For::All),
    welfare("5101", "สวัสดิการคลอดบุตร", "Welfare: birth", "birth"),
    welfare("5102", "สวัสดิการเจ็บป่วย/นอนโรงพยาบาล", "Welfare: illness", "illness"),
    welfare("5103", "สวัสดิการผู้สูงอายุ", "Welfare: elderly", "elderly"),
    welfare("5104", "สวัสดิการเสียชีวิต", "Welfare: death", "death"),
    welfare("5105", "สวัสดิการคนพิการ/ผู้ด้อยโอกาส", "Welfare: disability", "disability"),
    welfare("5106", "สวัสดิการการศึกษา", "Welfare: education", "education"),
    welfare("5107", "สวัสดิการส่งเสริมอาชีพ", "Welfare: occupation", "occupation"),
    welfare("5108", "สวัสดิการภัยพิบัติ/อุบัติภัย", "Welfare: disaster and accident", "disaster"),
    AccountSeed {
        for_kind: For::All,
        ..welfare(WELFARE_OTHER, "สวัสดิการอื่น ๆ", "Welfare: other", "other")
    },
    seed(ADMINISTRATION, "ค่าใช้จ่ายในการบริหาร", "Administration", Expense, For::All),
    seed(COMMITTEE, "ค่าตอบแทนคณะกรรมการ", "Committee compensation", Expense, For::All),
    seed(PUBLIC_BENEFIT, "สาธารณประโยชน์", "Public benefit", Expense, For::All),
    seed(OTHER_EXPENSE, "ค่าใช้จ่ายอื่น", "Other expenses", Expense, For::All),
];

/// What a villager reads on the notice board for money moved on a member's account: the
/// savings received and paid back, the loans paid out and repaid — not the account's name
/// («เงินสัจจะสะสมของสมาชิก» on both sides of the statement). `received`: the receipts side.
pub fn cash_line_name(code: &str, received: bool) -> Option<(&'static str, &'static str)> {
    match (code, received) {
        (SAVINGS_OWED, true) => Some(("รับฝากเงินสัจจะ", "Sajja savings deposited")),
        (SAVINGS_OWED, false) => Some(("ถอนเงินสัจจะ", "Sajja savings withdrawn")),
        (LOANS, true) => Some(("รับชำระคืนเงินกู้", "Loan repayments received")),
        (LOANS, false) => Some(("จ่ายเงินกู้", "Loans paid out")),
        _ => None,
    }
}

/// The two activities one book may keep (a fund of kind `both`): the welfare fund, whose
/// money is the members' contributions and the matching money given for their welfare, and
/// the savings group, which earns interest and fines on its members' sajja savings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Activity {
    Welfare,
    Savings,
}

/// Which activity an income or expense account belongs to, `None` for the other classes.
/// Contributions, entrance fees, matching money, grants and donations are always the welfare
/// fund's (never a profit to share), and so is the welfare allocated to it from the
/// group's profit as it pays claims; loan interest and fines are always the savings group's.
/// Bank interest, other income and the running costs belong to the savings group only in a
/// fund that is a savings group alone: in a fund of both kinds they are the welfare fund's,
/// so that nothing of the welfare fund is ever counted as the group's profit.
pub fn activity_of(code: &str, kind: FundKind) -> Option<Activity> {
    let class = AccountClass::of_code(code)?;
    if !matches!(class, AccountClass::Income | AccountClass::Expense) {
        return None;
    }
    Some(match code {
        LOAN_INTEREST | FINES => Activity::Savings,
        CONTRIBUTIONS | ENTRANCE_FEES | DONATIONS | WELFARE_FROM_ALLOCATION => Activity::Welfare,
        c if c.starts_with("42") || c.starts_with("51") => Activity::Welfare,
        _ if kind == FundKind::Savings => Activity::Savings,
        _ => Activity::Welfare,
    })
}

/// The accounts a new fund of this kind starts with, in code order.
pub fn seed_chart(kind: FundKind) -> Vec<AccountSeed> {
    CHART
        .iter()
        .filter(|a| match a.for_kind {
            For::All => true,
            For::Welfare => kind != FundKind::Savings,
            For::Savings => kind != FundKind::Welfare,
        })
        .copied()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_differ_by_kind_and_classes_match_codes() {
        let welfare = seed_chart(FundKind::Welfare);
        let savings = seed_chart(FundKind::Savings);
        let both = seed_chart(FundKind::Both);
        assert!(welfare.iter().all(|a| a.code != SAVINGS_OWED));
        assert!(savings.iter().any(|a| a.code == SAVINGS_OWED));
        assert!(
            savings.iter().any(|a| a.code == "5104"),
            "welfare by category in a savings group too"
        );
        assert!(welfare.iter().all(|a| a.code != LOAN_INTEREST));
        assert_eq!(both.len(), CHART.len());
        for a in CHART {
            assert_eq!(AccountClass::of_code(a.code), Some(a.class), "{}", a.code);
            assert!(!a.name_th.is_empty() && !a.name_en.is_empty());
        }
        let mut codes: Vec<_> = CHART.iter().map(|a| a.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), CHART.len());
    }

    #[test]
    fn every_welfare_account_is_in_the_range_the_store_indexes() {
        // store::ledger finds welfare postings by a partial index over 5100..5299 (schema 19)
        for a in CHART.iter().filter(|a| a.welfare_category.is_some()) {
            assert!(("5100"..="5299").contains(&a.code), "{} is outside the index", a.code);
        }
    }
}
