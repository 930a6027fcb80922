//! The migration template's sheets and their columns: the keys scripts fill in (keep them
//! exact), each column's Thai heading and what to write in it. Pure data, shared by the
//! template writer (`render::migration_template`) and the reader (`ops::migrate`).

/// One column of a sheet: its key, Thai heading, and what to write in it (Thai / English).
pub struct Column {
    pub key: &'static str,
    pub th: &'static str,
    pub explain: &'static str,
}

pub struct Sheet {
    pub name: &'static str,
    pub th: &'static str,
    pub columns: &'static [Column],
}

const fn col(key: &'static str, th: &'static str, explain: &'static str) -> Column {
    Column { key, th, explain }
}

pub const FUND: Sheet = Sheet {
    name: "fund",
    th: "ข้อมูลกองทุนและยอดยกมา",
    columns: &[
        col("key", "รายการ", "รหัสรายการ (อย่าแก้) / item key (do not change)"),
        col(
            "value",
            "ค่า",
            "วันที่ 31/10/2569 หรือ 2026-10-31, จำนวนเงิน 1,234.50 / a date or an amount",
        ),
        col("note", "คำอธิบาย", "คำอธิบายรายการ / what the item is"),
    ],
};

pub const MEMBERS: Sheet = Sheet {
    name: "members",
    th: "สมาชิกและประวัติ",
    columns: &[
        col("member_no", "เลขที่สมาชิก", "ต้องมี ไม่ซ้ำ / required, unique"),
        col("title", "คำนำหน้า", "นาย นาง นางสาว ..."),
        col("first_name", "ชื่อ", "ต้องมี / required"),
        col("last_name", "นามสกุล", "ต้องมี / required"),
        col("national_id", "เลขประจำตัวประชาชน", "13 หลัก (เว้นได้สำหรับเด็ก) / 13 digits"),
        col("birth_date", "วันเกิด", "31/10/2500"),
        col("sex", "เพศ", "ชาย/หญิง หรือ M/F"),
        col("moo", "หมู่ที่", "ตัวเลข / a number"),
        col("joined_on", "วันที่สมัคร", "วันที่เป็นสมาชิกจริง / the real joining date"),
        col(
            "status",
            "สถานะ",
            "ปกติ ขาดส่ง (พ้นสภาพ) ลาออก เสียชีวิต ถูกให้ออก / active lapsed resigned deceased expelled",
        ),
        col(
            "status_since",
            "สถานะตั้งแต่",
            "วันที่ของสถานะ (ไม่ใช่ปกติ) / date of the status, if not active",
        ),
        col(
            "paid_through",
            "ส่งเงินสมทบถึง",
            "งวดสุดท้ายที่ส่งแล้ว เช่น 2569-09 หรือวันที่ ว่าง = ยังไม่เคยส่ง / last period paid, e.g. 2569-09",
        ),
        col("entrance_fee_paid", "จ่ายค่าแรกเข้าแล้ว", "ใช่/ไม่ใช่ (yes/no)"),
        col("savings", "เงินสัจจะคงเหลือ", "ยอด ณ วันเริ่มบัญชี / balance on the books' first day"),
        col("groups", "กลุ่ม", "เยาวชน ผู้สูงอายุ คนพิการ ผู้ด้อยโอกาส เด็กกำพร้า (คั่นด้วย ,)"),
        col("beneficiary_name", "ผู้รับผลประโยชน์", ""),
        col("beneficiary_relation", "ความสัมพันธ์", ""),
        col("beneficiary_national_id", "เลขประจำตัวประชาชนผู้รับผลประโยชน์", ""),
    ],
};

pub const LOANS: Sheet = Sheet {
    name: "loans",
    th: "เงินกู้คงค้าง",
    columns: &[
        col("member_no", "เลขที่สมาชิกผู้กู้", "ต้องมีในแผ่น members / must be in members"),
        col("principal", "เงินต้นคงเหลือ", "ณ วันเริ่มบัญชี / outstanding on the books' first day"),
        col("rate_percent_month", "ดอกเบี้ยร้อยละต่อเดือน", "เช่น 1 หรือ 0.75"),
        col("interest", "วิธีคิดดอกเบี้ย", "คงที่ หรือ ลดต้นลดดอก (flat/declining)"),
        col("instalments_left", "งวดที่เหลือ", "จำนวนงวดรายเดือน / monthly instalments left"),
        col("next_due", "งวดถัดไปครบกำหนด", "วันที่ / date"),
        col("guarantors", "ผู้ค้ำประกัน", "เลขที่สมาชิก คั่นด้วย , / member numbers"),
    ],
};

pub const WELFARE_HISTORY: Sheet = Sheet {
    name: "welfare_history",
    th: "สวัสดิการที่รับไปแล้ว",
    columns: &[
        col("member_no", "เลขที่สมาชิก", ""),
        col(
            "category",
            "ประเภทสวัสดิการ",
            "เกิด เจ็บป่วย ผู้สูงอายุ เสียชีวิต ... หรือ birth illness elderly death ...",
        ),
        col("event_date", "วันที่เกิดเหตุ", "ก่อนวันเริ่มบัญชี / before the books' first day"),
        col("amount", "จำนวนเงินที่ได้รับ", ""),
    ],
};

pub const MATCHING_HISTORY: Sheet = Sheet {
    name: "matching_history",
    th: "รอบเงินสมทบที่ได้รับแล้ว",
    columns: &[
        col("member_no", "เลขที่สมาชิก", ""),
        col("source", "แหล่งเงินสมทบ", "รัฐ อปท. พอช. อื่น (government local codi other)"),
        col("round", "รอบ", "เช่น 2567/1"),
        col("date", "วันที่ได้รับ", ""),
    ],
};

pub const SHEETS: [&Sheet; 5] = [&FUND, &MEMBERS, &LOANS, &WELFARE_HISTORY, &MATCHING_HISTORY];
