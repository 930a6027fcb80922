//! The province's area report as a table (per district and subdistrict) and as a PDF, CSV
//! or XLSX; shared by the command line and the desktop app.

use crate::render::Format;
use crate::report::province::AreaRow;

/// The area report of a government fiscal year (`span`, October to September) in the format
/// asked for: the figures per subdistrict, then welfare by category (cases and baht). The
/// year is named by the BE year it ends in and printed with its dates.
pub fn area_report_bytes(
    rows: &[AreaRow],
    local_rows: &[AreaRow],
    changwat: &str,
    span: (chrono::NaiveDate, chrono::NaiveDate),
    format: Format,
    printed_on: chrono::NaiveDate,
) -> crate::Result<Vec<u8>> {
    let office = format!("สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด{changwat}");
    let area_widths = [
        46.0, 46.0, 30.0, 34.0, 26.0, 26.0, 32.0, 32.0, 28.0, 44.0, 26.0, 50.0, 54.0, 56.0, 62.0,
        80.0, 58.0,
    ];
    let tables = [
        (area_table(rows), area_widths.to_vec()),
        (welfare_table(rows), vec![60.0, 60.0, 140.0, 40.0, 70.0]),
        (local_government_table(local_rows), vec![110.0, 60.0, 34.0, 40.0, 34.0, 64.0, 64.0, 64.0]),
    ];
    let title = "รายงานกองทุนสวัสดิการชุมชน แยกตามอำเภอและตำบล";
    year_tables_bytes(&office, title, span, format, printed_on, &tables)
}

/// Tables of a government fiscal year under one heading: CSV, XLSX (a sheet each), or a PDF
/// on A4 turned on its side (each table after the first under its own name), `widths` the
/// columns' shares of the page.
fn year_tables_bytes(
    office: &str,
    title: &str,
    span: (chrono::NaiveDate, chrono::NaiveDate),
    format: Format,
    printed_on: chrono::NaiveDate,
    tables: &[(crate::render::tables::Table, Vec<f32>)],
) -> crate::Result<Vec<u8>> {
    let d = |x| crate::thai::date_short(x, crate::thai::Digits::Arabic);
    let period =
        format!("ปีงบประมาณ {} ({} – {})", crate::thai::be_year(span.1), d(span.0), d(span.1));
    let heading = crate::render::tables::Heading {
        fund: office.into(),
        report: title.into(),
        period: period.clone(),
        printed: printed_on.and_hms_opt(0, 0, 0).expect("midnight"),
    };
    let only: Vec<crate::render::tables::Table> = tables.iter().map(|(t, _)| t.clone()).collect();
    Ok(match format {
        Format::Csv => crate::render::csv::tables_csv(&heading, &only),
        Format::Xlsx => crate::render::xlsx::tables_xlsx(&heading, &only)?,
        Format::Pdf => {
            let dg = crate::thai::Digits::Arabic;
            crate::render::vouchers::titled_pdf(
                office,
                dg,
                title,
                &period,
                printed_on,
                true,
                |doc| {
                    use crate::render::pdf::{Align, Weight};
                    for (i, (table, widths)) in tables.iter().enumerate() {
                        if i > 0 {
                            doc.gap(10.0);
                            doc.line(&table.name, Weight::Bold, 12.0, Align::Left);
                        }
                        crate::render::vouchers::write_table(doc, dg, table, widths);
                    }
                },
            )
        }
    })
}

/// The matching money an area received from these sources, as a cell.
fn matching_from(r: &AreaRow, sources: &[&str]) -> crate::render::tables::Cell {
    crate::render::tables::Cell::Money(
        r.matching_by_source
            .iter()
            .filter(|(k, _)| sources.contains(&k.as_str()))
            .map(|(_, v)| v.satang())
            .sum(),
    )
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
            "ชาย",
            "หญิง",
            "เยาวชน",
            "สูงอายุ",
            "พิการ",
            "ด้อยโอกาส",
            // welfare cases paid, then their baht
            "ราย",
            "คนในชุมชน",
            "สวัสดิการ",
            "สมทบจากรัฐ",
            "สมทบจาก อปท.",
            "สมทบจาก พอช./อื่น",
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
                    Cell::Int(r.men),
                    Cell::Int(r.women),
                    Cell::Int(r.youth),
                    Cell::Int(r.elderly),
                    Cell::Int(r.disabled),
                    Cell::Int(r.disadvantaged),
                    Cell::Int(r.cases_total),
                    Cell::Int(r.community_cases_total),
                    Cell::Money(r.welfare_total.satang()),
                    matching_from(r, &["government"]),
                    matching_from(r, &["local"]),
                    matching_from(r, &["codi", "other"]),
                    Cell::Money(r.balance.satang()),
                ]
            })
            .collect(),
    }
}

/// Welfare by category per subdistrict: the cases (claims paid) and the baht, each category
/// named as the chart names its account (death and funeral are one kind; 5109 is «other
/// welfare», never one of the kinds booked to it).
pub fn welfare_table(rows: &[AreaRow]) -> crate::render::tables::Table {
    use crate::render::tables::Cell;
    let chart = crate::domain::accounts::seed_chart(crate::domain::FundKind::Both);
    let name = |account: &str| {
        chart.iter().find(|a| a.code == account).map(|a| a.name_th).unwrap_or("สวัสดิการอื่น ๆ")
    };
    let mut out = Vec::new();
    for r in rows {
        let accounts: std::collections::BTreeSet<&String> =
            r.welfare.keys().chain(r.cases.keys()).chain(r.community_cases.keys()).collect();
        for account in accounts {
            // the community's claims are part of the account's baht, shown on a row of their own
            let community = r.community_paid.get(account).map(|a| a.satang()).unwrap_or(0);
            out.push(vec![
                Cell::Text(r.amphoe.clone()),
                Cell::Text(r.tambon.clone()),
                Cell::Text(name(account).into()),
                Cell::Int(r.cases.get(account).copied().unwrap_or(0)),
                Cell::Money(r.welfare.get(account).map(|a| a.satang()).unwrap_or(0) - community),
            ]);
            if let Some(cases) = r.community_cases.get(account) {
                out.push(vec![
                    Cell::Text(r.amphoe.clone()),
                    Cell::Text(r.tambon.clone()),
                    Cell::Text(format!("{} (คนในชุมชนที่ไม่ใช่สมาชิก)", name(account))),
                    Cell::Int(*cases),
                    Cell::Money(community),
                ]);
            }
        }
    }
    crate::render::tables::Table {
        name: "สวัสดิการตามประเภท".into(),
        header: ["อำเภอ", "ตำบล", "ประเภทสวัสดิการ", "ราย", "จำนวนเงิน"].map(String::from).to_vec(),
        rows: out,
    }
}

/// The national report of a government fiscal year: each province's total, then its
/// districts, with the province's coverage gaps; PDF (A4 turned on its side), CSV or XLSX.
pub fn national_report_bytes(
    provinces: &[crate::report::province::NationalProvince],
    span: (chrono::NaiveDate, chrono::NaiveDate),
    format: Format,
    printed_on: chrono::NaiveDate,
) -> crate::Result<Vec<u8>> {
    let widths = vec![
        56.0, 56.0, 32.0, 40.0, 28.0, 28.0, 30.0, 44.0, 60.0, 60.0, 72.0, 80.0, 66.0, 74.0, 50.0,
    ];
    year_tables_bytes(
        "กองทุนสวัสดิการชุมชน ระดับประเทศ",
        "รายงานกองทุนสวัสดิการชุมชน แยกตามจังหวัดและอำเภอ",
        span,
        format,
        printed_on,
        &[(national_table(provinces), widths)],
    )
}

/// One line per province (its total, «รวม») and one per district under it.
pub fn national_table(
    provinces: &[crate::report::province::NationalProvince],
) -> crate::render::tables::Table {
    use crate::render::tables::Cell;
    let line = |changwat: &str, amphoe: &str, r: &AreaRow, gaps: Option<(i64, i64)>| {
        vec![
            Cell::Text(changwat.into()),
            Cell::Text(amphoe.into()),
            Cell::Int(r.funds),
            Cell::Int(r.members_active),
            Cell::Int(r.men),
            Cell::Int(r.women),
            Cell::Int(r.cases_total),
            Cell::Int(r.community_cases_total),
            Cell::Money(r.welfare_total.satang()),
            matching_from(r, &["government"]),
            matching_from(r, &["local"]),
            matching_from(r, &["codi", "other"]),
            Cell::Money(r.balance.satang()),
            gaps.map(|g| Cell::Int(g.0)).unwrap_or(Cell::Text(String::new())),
            gaps.map(|g| Cell::Int(g.1)).unwrap_or(Cell::Text(String::new())),
        ]
    };
    let mut rows = Vec::new();
    for p in provinces {
        rows.push(line(&p.changwat, "รวม", &p.total, Some((p.funds_behind, p.months_missing))));
        for d in &p.districts {
            rows.push(line("", &d.amphoe, d, None));
        }
    }
    crate::render::tables::Table {
        name: "รายงานระดับประเทศ".into(),
        header: [
            "จังหวัด",
            "อำเภอ",
            "กองทุน",
            "สมาชิก",
            "ชาย",
            "หญิง",
            "ราย",
            "คนในชุมชน",
            "สวัสดิการ",
            "สมทบจากรัฐ",
            "สมทบจาก อปท.",
            "สมทบจาก พอช./อื่น",
            "เงินคงเหลือ",
            "กองทุนส่งไม่ครบ",
            "เดือนที่ขาด",
        ]
        .map(String::from)
        .to_vec(),
        rows,
    }
}

/// The funds added up by local government (อปท.): what each local government's area holds
/// and what it gave in matching money.
pub fn local_government_table(rows: &[AreaRow]) -> crate::render::tables::Table {
    use crate::render::tables::Cell;
    crate::render::tables::Table {
        name: "แยกตามองค์กรปกครองส่วนท้องถิ่น".into(),
        header: [
            "องค์กรปกครองส่วนท้องถิ่น",
            "อำเภอ",
            "กองทุน",
            "สมาชิก",
            "ราย",
            "สวัสดิการ",
            "สมทบจาก อปท.",
            "เงินคงเหลือ",
        ]
        .map(String::from)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(r.local_government.clone()),
                    Cell::Text(r.amphoe.clone()),
                    Cell::Int(r.funds),
                    Cell::Int(r.members_active),
                    Cell::Int(r.cases_total),
                    Cell::Money(r.welfare_total.satang()),
                    matching_from(r, &["local"]),
                    Cell::Money(r.balance.satang()),
                ]
            })
            .collect(),
    }
}
