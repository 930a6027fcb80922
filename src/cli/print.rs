//! Human output of the CLI: plain tables, Thai first, BE dates. Column padding counts Thai
//! combining marks (vowels above and below, tone marks) as zero width so columns line up.

use crate::domain::Satang;
use crate::ops::close::CloseOutcome;
use crate::ops::contributions::{ArrearsRow, CollectOutcome};
use crate::ops::import::ImportReport;
use crate::report::{MonthSummary, TrialBalance};
use crate::store::{AccountRow, ChainReport, EntryRow, FundRow, MemberRow, PostedRef, StatusRow};
use crate::thai::{self, Digits};
use chrono::NaiveDate;
use serde::Serialize;

/// Print JSON when asked, else the human form.
pub fn output<T: Serialize>(json: bool, value: &T, human: impl FnOnce()) {
    if json {
        println!("{}", serde_json::to_string_pretty(value).expect("serialisable"));
    } else {
        human();
    }
}

fn is_zero_width(c: char) -> bool {
    matches!(c, '\u{0E31}' | '\u{0E34}'..='\u{0E3A}' | '\u{0E47}'..='\u{0E4E}')
}

fn width(s: &str) -> usize {
    s.chars().filter(|c| !is_zero_width(*c)).count()
}

fn left(s: &str, w: usize) -> String {
    format!("{s}{}", " ".repeat(w.saturating_sub(width(s))))
}

fn right(s: &str, w: usize) -> String {
    format!("{}{s}", " ".repeat(w.saturating_sub(width(s))))
}

fn money(s: Satang) -> String {
    thai::amount(s.satang(), Digits::Arabic)
}

fn be(date: &str) -> String {
    match crate::domain::date::parse(date) {
        Ok(d) => thai::date_short(d, Digits::Arabic),
        Err(_) => date.to_string(),
    }
}

pub fn demo(s: &crate::demo::DemoSummary) {
    println!(
        "กองทุนตัวอย่าง / demo fund: {} สมาชิก, {} รายการ, {} ถึง {}",
        s.members, s.entries, s.first_month, s.last_month
    );
    println!("ลายนิ้วมือบัญชี / ledger fingerprint: {}", s.fingerprint);
}

pub fn fund(f: &FundRow) {
    let p = &f.profile;
    println!("{} ({})", p.name_th, p.fund_code);
    println!(
        "  {} | หมู่ {} {} ต.{} อ.{} จ.{}",
        p.kind.name_th(),
        p.moo.map(|m| m.to_string()).unwrap_or_else(|| "-".into()),
        p.village,
        p.tambon,
        p.amphoe,
        p.changwat
    );
    println!(
        "  เงินสมทบ {} บาท {} | ขาดส่ง {} งวดพ้นสภาพ | เริ่มปีบัญชีเดือน {}",
        money(p.contribution),
        p.schedule.name_th(),
        p.lapse_after,
        thai::MONTHS_FULL[(p.fiscal_year_start.clamp(1, 12) - 1) as usize]
    );
}

pub fn accounts(rows: &[AccountRow]) {
    for a in rows {
        println!("{}  {} / {}", a.code, left(&a.name_th, 34), a.name_en);
    }
}

pub fn posted(r: &PostedRef) {
    println!("บันทึกแล้ว / posted: รายการ {} เลขที่ {}", r.id, r.doc_no);
}

pub fn collect(o: &CollectOutcome) {
    println!("วันรับเงิน / collection day {}: {} คน", be(&o.date), o.members);
    println!("  เงินสมทบ / contributions   {}", right(&money(o.contributions), 16));
    println!("  เงินสัจจะ / savings          {}", right(&money(o.savings), 16));
    println!("  ค่าแรกเข้า / entrance fees   {}", right(&money(o.entrance_fees), 16));
    println!("  รวม / total                {}", right(&money(o.total), 16));
    if let (Some(first), Some(last)) = (o.receipts.first(), o.receipts.last()) {
        println!("  ใบเสร็จ / receipts {} – {}", first.doc_no, last.doc_no);
    }
}

pub fn closed(o: &CloseOutcome) {
    println!("ปิดงวดเดือน / closed {} ถึงรายการ {}", o.month, o.last_entry);
    println!("ลายนิ้วมือบัญชี / ledger fingerprint: {}", o.fingerprint);
    if !o.lapsed_members.is_empty() {
        println!("พ้นสภาพเพราะขาดส่ง / lapsed: {}", o.lapsed_members.join(", "));
    }
}

pub fn arrears(rows: &[ArrearsRow], as_of: NaiveDate) {
    println!("สมาชิกค้างส่งเงินสมทบ ณ {} / arrears", thai::date_short(as_of, Digits::Arabic));
    println!(
        "{}  {}  {} {} ถึงงวด",
        left("เลขที่", 7),
        left("ชื่อ-สกุล", 32),
        right("ค้าง(งวด)", 9),
        right("บาท", 12)
    );
    for r in rows {
        println!(
            "{}  {}  {} {} {}{}",
            left(&r.member_no, 7),
            left(&r.name, 32),
            right(&r.arrears_periods.to_string(), 9),
            right(&money(r.arrears_amount), 12),
            r.paid_through.clone().unwrap_or_else(|| "-".into()),
            if r.sajja_missed_months > 0 {
                format!("  ขาดส่งเงินสัจจะ {} เดือน", r.sajja_missed_months)
            } else {
                String::new()
            }
        );
    }
    let total: i64 = rows.iter().map(|r| r.arrears_amount.satang()).sum();
    println!("รวม {} คน {} บาท", rows.len(), money(Satang::new(total)));
}

pub fn journal(entries: &[EntryRow]) {
    for e in entries {
        let amount: i64 =
            e.postings.iter().filter(|p| p.amount.satang() > 0).map(|p| p.amount.satang()).sum();
        let mark =
            if e.reversed_by.is_some() { " (ถูกกลับรายการ)" } else { "" };
        println!(
            "{:>6} {} {} {} {}{}",
            e.id,
            left(&be(&e.entry_date), 13),
            left(&e.doc_no, 15),
            right(&money(Satang::new(amount)), 14),
            e.description,
            mark
        );
    }
}

pub fn trial_balance(tb: &TrialBalance) {
    println!("{}", tb.fund_name);
    println!("งบทดลอง / trial balance ณ {}", thai::date_long(tb.as_of, Digits::Arabic));
    println!(
        "{}  {}  {}  {}",
        left("รหัส", 5),
        left("ชื่อบัญชี", 36),
        right("เดบิต", 16),
        right("เครดิต", 16)
    );
    for l in &tb.lines {
        let d = if l.debit.satang() != 0 { money(l.debit) } else { String::new() };
        let c = if l.credit.satang() != 0 { money(l.credit) } else { String::new() };
        println!(
            "{}  {}  {}  {}",
            left(&l.code, 5),
            left(&l.name_th, 36),
            right(&d, 16),
            right(&c, 16)
        );
    }
    println!(
        "{}  {}  {}  {}",
        left("", 5),
        left("รวม / total", 36),
        right(&money(tb.total_debit), 16),
        right(&money(tb.total_credit), 16)
    );
    if tb.difference.satang() == 0 {
        println!("สมดุล / balanced");
    } else {
        println!("ไม่สมดุล / NOT balanced: {}", money(tb.difference));
    }
}

pub fn month(m: &MonthSummary) {
    let (y, mo) = crate::domain::date::parse_month(&m.month).unwrap_or((1970, 1));
    println!("งบรับ-จ่าย / receipts and payments: {}", thai::month_long(y, mo, Digits::Arabic));
    println!("{}  {}", left("ยอดยกมา / opening", 44), right(&money(m.opening), 16));
    println!("รายรับ / receipts");
    for l in &m.receipts {
        println!(
            "  {}  {}",
            left(&format!("{} {}", l.code, l.name_th), 42),
            right(&money(l.amount), 16)
        );
    }
    println!("{}  {}", left("  รวมรับ / total receipts", 44), right(&money(m.total_receipts), 16));
    println!("รายจ่าย / payments");
    for l in &m.payments {
        println!(
            "  {}  {}",
            left(&format!("{} {}", l.code, l.name_th), 42),
            right(&money(l.amount), 16)
        );
    }
    println!("{}  {}", left("  รวมจ่าย / total payments", 44), right(&money(m.total_payments), 16));
    println!("{}  {}", left("ยอดยกไป / closing", 44), right(&money(m.closing), 16));
    println!("{}  {}", left("  เงินสด / cash", 44), right(&money(m.closing_cash), 16));
    println!("{}  {}", left("  เงินฝากธนาคาร / bank", 44), right(&money(m.closing_bank), 16));
    if m.entries_without_cash > 0 {
        println!(
            "หมายเหตุ: รายการบัญชีที่ไม่มีการรับหรือจ่ายเงิน {} รายการ ไม่นับเป็นรายรับหรือรายจ่าย / {} entries moved no money and are not receipts or payments",
            m.entries_without_cash, m.entries_without_cash
        );
    }
}

pub fn verified(r: &ChainReport) {
    println!("ตรวจสอบแล้ว ถูกต้อง / verified: {} รายการ, {} บรรทัด", r.entries, r.postings);
    println!("ลายนิ้วมือบัญชี / ledger fingerprint: {}", r.fingerprint);
}

pub fn member(m: &MemberRow, history: &[StatusRow], savings: Option<Satang>) {
    println!("สมาชิกเลขที่ {}: {}", m.member_no, m.full_name());
    if let Some(id) = &m.national_id {
        println!("  เลขประจำตัวประชาชน {id}");
    }
    if let Some(b) = &m.birth_date {
        println!("  วันเกิด {}", be(b));
    }
    println!(
        "  หมู่ {}  สมัคร {}  สถานะ {} (ตั้งแต่ {})",
        m.moo.map(|v| v.to_string()).unwrap_or_else(|| "-".into()),
        be(&m.joined_on),
        m.status.name_th(),
        be(&m.status_since)
    );
    if !m.groups.is_empty() {
        println!("  กลุ่ม {}", m.groups.iter().map(|g| g.name_th()).collect::<Vec<_>>().join(", "));
    }
    if let Some(b) = &m.beneficiary_name {
        println!("  ผู้รับผลประโยชน์ {} ({})", b, m.beneficiary_relation.clone().unwrap_or_default());
    }
    if let Some(s) = savings {
        println!("  เงินสัจจะคงเหลือ / savings {} บาท", money(s));
    }
    for h in history {
        println!(
            "  {} {} — {} ({})",
            be(&h.effective_on),
            h.status.name_th(),
            h.reason,
            h.recorded_by
        );
    }
}

pub fn members(rows: &[MemberRow]) {
    for m in rows {
        println!(
            "{}  {}  หมู่ {}  {}",
            left(&m.member_no, 7),
            left(&m.full_name(), 34),
            right(&m.moo.map(|v| v.to_string()).unwrap_or_default(), 2),
            m.status.name_th()
        );
    }
    println!("{} คน / members", rows.len());
}

pub fn import(r: &ImportReport) {
    println!("นำเข้าแล้ว / imported {} จาก {} แถว", r.imported, r.total_rows);
    for e in &r.skipped {
        println!("  ข้าม/skipped แถว/row {}: {} / {}", e.row, e.message_th, e.message_en);
    }
}

/// A migration's opening trial balance, capital and members' standing.
pub fn migration(out: &crate::ops::migrate::MigrationOutcome) {
    let date = |iso: &str| {
        crate::domain::date::parse(iso)
            .map(|d| crate::thai::date_long(d, crate::thai::Digits::Arabic))
            .unwrap_or_else(|_| iso.to_string())
    };
    if out.dry_run {
        println!("ทดลองย้ายข้อมูล (ยังไม่บันทึก) / dry run, nothing written");
    } else {
        println!("ย้ายข้อมูลเข้าโปรแกรมแล้ว / migrated");
    }
    println!(
        "ก่อตั้งเมื่อ / founded: {}   เริ่มบัญชี / books start: {}",
        date(&out.founded_on),
        date(&out.books_start)
    );
    println!("งบทดลองยกมา / opening trial balance");
    for l in &out.opening {
        println!(
            "  {} {}  {}  {}",
            l.code,
            left(&l.name_th, 36),
            right(&money(l.debit), 14),
            right(&money(l.credit), 14)
        );
    }
    println!(
        "  {}  {}  {}",
        left("รวม / total", 41),
        right(&money(out.total_debit), 14),
        right(&money(out.total_credit), 14)
    );
    println!("ทุนสะสมยกมา / capital carried forward: {} บาท", money(out.capital));
    let in_arrears = out.members.iter().filter(|m| m.arrears_periods > 0).count();
    println!(
        "สมาชิก {} คน (ค้างส่ง {} คน), เงินกู้ {} สัญญา, ประวัติสวัสดิการ {} รายการ, รอบเงินสมทบ {} รายการ / {} members ({} in arrears), {} loans, {} welfare, {} matching",
        out.members.len(), in_arrears, out.loans, out.welfare_history, out.matching_history,
        out.members.len(), in_arrears, out.loans, out.welfare_history, out.matching_history
    );
    if let Some(e) = &out.entry {
        println!("รายการยอดยกมา / opening entry: {}", e.doc_no);
    }
}
