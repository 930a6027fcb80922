//! The province's area report as a table (per district and subdistrict) and as a PDF, CSV
//! or XLSX; shared by the command line and the desktop app.

use crate::render::Format;
use crate::report::province::AreaRow;

/// The area report for a Gregorian `year` in the format asked for (XLSX adds a sheet of
/// welfare by category).
pub fn area_report_bytes(
    rows: &[AreaRow],
    changwat: &str,
    year: i32,
    format: Format,
    printed_on: chrono::NaiveDate,
) -> crate::Result<Vec<u8>> {
    let table = area_table(rows);
    let heading = crate::render::tables::Heading {
        fund: format!("สำนักงานจังหวัด{changwat}"),
        report: "รายงานกองทุนสวัสดิการชุมชน แยกตามอำเภอและตำบล".into(),
        period: format!("ปี {}", year + crate::thai::BE_OFFSET),
        printed: printed_on.and_hms_opt(0, 0, 0).expect("midnight"),
    };
    let both = [table.clone(), welfare_table(rows)];
    Ok(match format {
        Format::Csv => crate::render::csv::tables_csv(&heading, &both),
        Format::Xlsx => crate::render::xlsx::tables_xlsx(&heading, &both)?,
        Format::Pdf => crate::render::vouchers::plain_table_pdf(
            &format!("สำนักงานจังหวัด{changwat}"),
            crate::thai::Digits::Arabic,
            &format!("กองทุนสวัสดิการชุมชน ปี {}", year + crate::thai::BE_OFFSET),
            "แยกตามอำเภอและตำบล",
            &table,
            &[55.0, 55.0, 36.0, 38.0, 40.0, 38.0, 30.0, 48.0, 62.0, 62.0, 70.0],
            printed_on,
        ),
    })
}

pub fn area_table(rows: &[AreaRow]) -> crate::render::tables::Table {
    use crate::render::tables::Cell;
    crate::render::tables::Table {
        name: "รายงานจังหวัด".into(),
        header: [
            "อำเภอ",
            "ตำบล",
            "กองทุน",
            "สมาชิก",
            "เยาวชน",
            "สูงอายุ",
            "พิการ",
            "ด้อยโอกาส",
            "สวัสดิการ",
            "เงินสมทบ",
            "เงินคงเหลือ",
        ]
        .map(String::from)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(r.amphoe.clone()),
                    Cell::Text(r.tambon.clone()),
                    Cell::Int(r.funds),
                    Cell::Int(r.members_active),
                    Cell::Int(r.youth),
                    Cell::Int(r.elderly),
                    Cell::Int(r.disabled),
                    Cell::Int(r.disadvantaged),
                    Cell::Money(r.welfare_total.satang()),
                    Cell::Money(r.matching.satang()),
                    Cell::Money(r.balance.satang()),
                ]
            })
            .collect(),
    }
}

/// Welfare paid by category per subdistrict (a second sheet of the XLSX).
pub fn welfare_table(rows: &[AreaRow]) -> crate::render::tables::Table {
    use crate::render::tables::Cell;
    let mut out = Vec::new();
    for r in rows {
        for (account, amount) in &r.welfare {
            let category = crate::domain::welfare::Category::ALL
                .iter()
                .find(|c| c.account() == account)
                .map(|c| c.name_th())
                .unwrap_or("อื่น ๆ");
            out.push(vec![
                Cell::Text(r.amphoe.clone()),
                Cell::Text(r.tambon.clone()),
                Cell::Text(category.into()),
                Cell::Money(amount.satang()),
            ]);
        }
    }
    crate::render::tables::Table {
        name: "สวัสดิการตามประเภท".into(),
        header: ["อำเภอ", "ตำบล", "ประเภทสวัสดิการ", "จำนวนเงิน"].map(String::from).to_vec(),
        rows: out,
    }
}
