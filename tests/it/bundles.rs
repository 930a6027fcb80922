//! Signed bundles and the provincial office: round trip, determinism, the golden bundle, and
//! the tamper matrix — every way of spoiling a bundle is refused with its own code and leaves
//! the province database unchanged.

use super::*;
use kongthun::bundle::archive::zip_bundle;
use kongthun::ops::bundles::{export_bundle, IdPolicy};
use kongthun::ops::province;
use kongthun::store::province::ProvinceStore;
use std::path::Path;

use super::suite;
use suite::{demo_fund, demo_fund_of, export, import, province_with, rezip, unzip};

/// The embedded engine: a province file in the folder given. (The office program runs the
/// same scenarios on PostgreSQL: office/tests/postgres.rs.)
fn sqlite(dir: &Path) -> ProvinceStore {
    ProvinceStore::open(&dir.join("province.sqlite")).unwrap()
}

#[test]
fn tamper_matrix_each_refused_with_its_own_code_and_nothing_written() {
    suite::tamper_matrix(&sqlite);
}

#[test]
fn the_golden_bundle_still_imports() {
    suite::golden_bundle(&sqlite);
}

#[test]
fn key_rotation_is_followed_and_a_lost_key_needs_re_enrolment() {
    suite::key_rotation(&sqlite);
}

#[test]
fn two_provinces_forward_to_the_nation_and_its_report_is_their_sum() {
    suite::forward_from_two_provinces(&sqlite);
}

#[test]
fn round_trip_figures_equal_the_funds_own_reports() {
    let mut s = demo_fund(3);
    let b1 = export(&mut s, "2025");
    let b2 = export(&mut s, "since-last");
    for mut p in [province_with(&sqlite, &s, &b1)] {
        assert_eq!(
            province::import(&mut p, &b1, true, "x", "t").unwrap().result.key(),
            "would_import"
        );
        assert_eq!(import(&mut p, &b1).unwrap().result.key(), "imported");
        assert_eq!(import(&mut p, &b2).unwrap().result.key(), "imported");
        assert_eq!(import(&mut p, &b2).unwrap().result.key(), "already_imported");
        // each bundle is kept, byte for byte, inside the province database
        let code = s.store.read().require_fund().unwrap().profile.fund_code;
        for (seq, file) in [(1, &b1), (2, &b2)] {
            assert_eq!(
                p.bundle_file(&code, seq).unwrap(),
                Some(std::fs::read(file).unwrap()),
                "bundle {seq}"
            );
        }
        assert_eq!(p.bundle_file(&code, 3).unwrap(), None);

        let reader = s.store.read();
        for year in [2025, 2026] {
            let (from, to) = (format!("{year}-01-01"), format!("{year}-10-31"));
            let area = province::area_report(&p, &from, &to).unwrap();
            assert_eq!(area.len(), 1);
            let welfare = reader.welfare_paid_between(&from, &to).unwrap();
            assert_eq!(
                area[0].welfare_total.satang(),
                welfare.iter().map(|w| w.amount.satang()).sum::<i64>(),
                "{year}"
            );
            let bal = reader.account_balance("1101", &to).unwrap().satang()
                + reader.account_balance("1102", &to).unwrap().satang();
            assert_eq!(area[0].balance.satang(), bal, "{year}");
            let tb_end = reader.totals_as_of(&to).unwrap();
            let tb_start = reader.totals_as_of(&format!("{}-12-31", year - 1)).unwrap();
            let matching: i64 = ["4201", "4202", "4203", "4204"]
                .iter()
                .map(|c| {
                    let e = tb_end
                        .iter()
                        .find(|t| t.account == *c)
                        .map(|t| t.net().satang())
                        .unwrap_or(0);
                    let b = tb_start
                        .iter()
                        .find(|t| t.account == *c)
                        .map(|t| t.net().satang())
                        .unwrap_or(0);
                    b - e
                })
                .sum();
            assert_eq!(area[0].matching.satang(), matching, "{year}");
        }
        // the fingerprint printed on the statement equals the head the province holds
        let statement = kongthun::report::statement(&reader, 2026, 10, date(2026, 11, 22)).unwrap();
        let held = p.head_at_month_end("DEMO-0001", "2026-10").unwrap().unwrap();
        assert_eq!(statement.fingerprint, kongthun::domain::chain::fingerprint(&held));
        // and the key fingerprint on its footer is the one the province enrolled
        assert_eq!(
            statement.key_fingerprint.as_deref(),
            Some(p.fund("DEMO-0001").unwrap().unwrap().fingerprint.as_str())
        );
        let cov = province::coverage(&p, "2026-12").unwrap();
        assert_eq!((cov[0].covered_to.as_deref(), cov[0].months_missing), (Some("2026-10"), 2));
        // the matching criteria from imported data agree with the fund's own check where they can
        let fund_side = kongthun::ops::matching::codi(&s.store, 2026).unwrap();
        let province_side = province::criteria(&p, 2026).unwrap();
        assert_eq!(fund_side.stage, province_side[0].stage);
        for key in [
            "running_one_year",
            "welfare_kinds_3",
            "income_sources",
            "groups_covered",
            "administration_share",
        ] {
            let find =
                |list: &[kongthun::domain::criteria::Criterion],
                 programme: &[kongthun::domain::criteria::Criterion]| {
                    list.iter().chain(programme).find(|c| c.key == key).cloned().unwrap()
                };
            let a = find(&fund_side.criteria, &fund_side.programme);
            let b = find(&province_side[0].criteria, &province_side[0].programme);
            assert_eq!(a.passed, b.passed, "{key}: {} vs {}", a.evidence_en, b.evidence_en);
        }
        // national IDs left the fund only as keyed hashes: none appears in any bundle file
        let ids: Vec<String> = reader
            .members(&Default::default())
            .unwrap()
            .into_iter()
            .filter_map(|m| m.national_id)
            .collect();
        assert!(!ids.is_empty());
        for (name, data) in unzip(&b1) {
            let text = String::from_utf8_lossy(&data);
            assert!(
                ids.iter().all(|id| !text.contains(id.as_str())),
                "{name} carries a national ID"
            );
        }
    }
}

#[test]
fn bundles_are_deterministic_and_repeatable() {
    let mut a = demo_fund(5);
    let first = export(&mut a, "2025");
    let bytes = std::fs::read(&first).unwrap();
    // the same period again: the same bytes, the same sequence, nothing new logged
    std::fs::remove_file(&first).unwrap();
    let again = export_bundle(&mut a.store, &today(), &a.fund_db, "2025", &a.usb, IdPolicy::Hashed)
        .unwrap();
    assert!(again.repeated);
    assert_eq!(std::fs::read(&again.path).unwrap(), bytes);
    // the zip writer alone is deterministic too
    let files = vec![("data/x.jsonl".to_string(), b"{}\n".to_vec())];
    assert_eq!(zip_bundle(b"m", b"s", &files).unwrap(), zip_bundle(b"m", b"s", &files).unwrap());
    // a period that skips months is refused
    assert_eq!(
        export_bundle(&mut a.store, &today(), &a.fund_db, "2026-05", &a.usb, IdPolicy::Hashed)
            .unwrap_err()
            .code(),
        "bundle.gap"
    );
    assert_eq!(
        export_bundle(&mut a.store, &today(), &a.fund_db, "2026-11", &a.usb, IdPolicy::Hashed)
            .unwrap_err()
            .code(),
        "bundle.period_open"
    );
}

/// Every file of a bundle as text: PDFs through pdftotext (their streams are compressed, so
/// their raw bytes would hide a printed ID), the rest as they are.
fn bundle_texts(path: &Path, work: &Path) -> Vec<(String, String)> {
    unzip(path)
        .into_iter()
        .map(|(name, data)| {
            let text = if name.ends_with(".pdf") {
                let pdf = work.join("bundle-file.pdf");
                std::fs::write(&pdf, &data).unwrap();
                tool("pdftotext", &[pdf.to_str().unwrap(), "-"])
            } else {
                String::from_utf8_lossy(&data).into_owned()
            };
            (name, text)
        })
        .collect()
}

#[test]
fn national_ids_leave_the_fund_only_when_the_fund_chooses() {
    // Files of a fund's whole-journal bundle under `policy` that show any member's ID.
    let carrying = |policy: IdPolicy| -> Vec<String> {
        let mut s = demo_fund(11);
        let ids: Vec<String> = s
            .store
            .read()
            .members(&Default::default())
            .unwrap()
            .into_iter()
            .filter_map(|m| m.national_id)
            .collect();
        assert!(ids.len() > 10);
        let bundle =
            export_bundle(&mut s.store, &today(), &s.fund_db, "since-last", &s.usb, policy)
                .unwrap();
        let texts = bundle_texts(&bundle.path, s.dir.path());
        assert!(
            texts.iter().any(|(n, _)| n.ends_with(".pdf")),
            "the bundle carries printed statements"
        );
        texts
            .iter()
            .filter(|(_, t)| ids.iter().any(|id| t.contains(id.as_str())))
            .map(|(n, _)| n.clone())
            .collect()
    };
    assert_eq!(carrying(IdPolicy::Hashed), Vec::<String>::new(), "national IDs in a hashed bundle");
    // the same check finds them when the fund chose to send them as they are
    assert_eq!(carrying(IdPolicy::Clear), vec!["data/members.jsonl".to_string()]);
}

#[test]
fn statements_in_a_bundle_are_dated_in_thai_time() {
    // Closed at 05:30 on 1 May in Thailand (22:30 on 30 April, UTC): printed 1 พ.ค., not 30 เม.ย.
    let mut f = fund(FundKind::Welfare);
    add_members(&mut f.store, 1, "2026-01-05");
    let close_ctx = Ctx {
        recorded_by: "ทดสอบ".into(),
        now: Utc.with_ymd_and_hms(2026, 4, 30, 22, 30, 0).unwrap(),
    };
    ops::close::close_month(&mut f.store, &close_ctx, "2026-04").unwrap();
    let usb = f.dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let db = f.path();
    let out =
        export_bundle(&mut f.store, &today(), &db, "since-last", &usb, IdPolicy::Hashed).unwrap();
    let pdf =
        unzip(&out.path).into_iter().find(|(n, _)| n == "reports/statement-2026-04.pdf").unwrap().1;
    let path = f.dir.path().join("april.pdf");
    std::fs::write(&path, pdf).unwrap();
    let text = tool("pdftotext", &["-layout", path.to_str().unwrap(), "-"]);
    assert!(text.contains("พิมพ์เมื่อ 1 พ.ค. 2569"), "{text}");
}

/// Run the reference verifier written from docs/bundle-format.md: (exit ok, its output).
fn reference_verifier(bundle: &Path) -> (bool, String) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/verify_bundle.py");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(bundle)
        .output()
        .expect("python3 with the cryptography package (bash .ci/run installs it)");
    (
        out.status.success(),
        format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr)),
    )
}

#[test]
fn the_reference_verifier_from_the_document_agrees_with_the_program() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/golden/DEMO-0001-0001-2025-11_2026-10.kongthun");
    let (ok, said) = reference_verifier(&golden);
    assert!(ok && said.starts_with("ok DEMO-0001 #1"), "golden: {said}");
    let mut s = demo_fund(11);
    let fresh = export(&mut s, "since-last");
    let (ok, said) = reference_verifier(&fresh);
    assert!(ok, "fresh bundle: {said}");
    let fingerprint = kongthun::domain::chain::fingerprint(
        &s.store.read().sealed_head(&s.store.read().last_closed_month().unwrap().unwrap()).unwrap(),
    );
    assert!(
        said.contains(&fingerprint),
        "the ledger fingerprint of the last closed month: {said} vs {fingerprint}"
    );
    // one byte flipped in an entry: refused at the file hash, as the program refuses it
    let mut files = unzip(&fresh);
    let entries = files.iter_mut().find(|(n, _)| n == "data/entries.jsonl").unwrap();
    let at = entries.1.len() / 2;
    entries.1[at] ^= 0x01;
    let flipped = s.dir.path().join("flipped.kongthun");
    rezip(&files, &flipped);
    let (ok, said) = reference_verifier(&flipped);
    assert!(!ok && said.starts_with("bundle.file_hash"), "{said}");
    let mut p = ProvinceStore::open(&s.dir.path().join("p.sqlite")).unwrap();
    let preview = province::enrol(&mut p, &fresh, None, "x", "t").unwrap();
    province::enrol(&mut p, &fresh, Some(&preview.key_fingerprint), "x", "t").unwrap();
    assert_eq!(import(&mut p, &flipped).unwrap_err().code(), "bundle.file_hash");
}

#[test]
fn the_province_report_splits_matching_by_source_and_counts_welfare_cases_by_category() {
    // three years: members a full year in by 30 September 2568 are matched in March 2569
    let mut s = demo_fund_of(3, 3);
    kongthun::ops::fund::set_local_government(&mut s.store, "อบต.หนองน้ำใส").unwrap();
    let b1 = export(&mut s, "2024");
    let b2 = export(&mut s, "since-last");
    for mut p in [province_with(&sqlite, &s, &b1)] {
        import(&mut p, &b1).unwrap();
        import(&mut p, &b2).unwrap();
        // the government's year 2569: 1 October 2568 to 30 September 2569
        let (from, to) = province::government_year(2569).unwrap();
        assert_eq!((from, to), (date(2025, 10, 1), date(2026, 9, 30)));
        let area = province::area_report(&p, &from.to_string(), &to.to_string()).unwrap();
        let row = &area[0];
        let reader = s.store.read();
        let paid: Vec<_> = reader
            .claims(Some("paid"))
            .unwrap()
            .into_iter()
            .filter(|c| c.event_date >= from.to_string() && c.event_date <= to.to_string())
            .collect();
        assert!(paid.len() > 3, "the demo pays claims: {}", paid.len());
        assert_eq!(row.cases_total, paid.len() as i64);
        // members by sex, as the fund recorded it
        // (the province counts members as their status stands in the latest bundle)
        let members = reader.members(&Default::default()).unwrap();
        let women = members
            .iter()
            .filter(|m| m.status == kongthun::domain::member::MemberStatus::Active)
            .filter(|m| m.sex == Some(kongthun::domain::member::Sex::Female))
            .count();
        assert_eq!(row.women, women as i64);
        assert!(row.men > 0 && row.women > 0 && row.men + row.women <= row.members_active);
        assert_eq!(row.cases.values().sum::<i64>(), row.cases_total);
        let by_source: i64 = row.matching_by_source.values().map(|v| v.satang()).sum();
        assert_eq!(by_source, row.matching.satang());
        assert!(row.matching_by_source.len() >= 2, "{:?}", row.matching_by_source);
        let government = -reader.account_balance("4201", &to.to_string()).unwrap().satang()
            + reader
                .account_balance("4201", &from.pred_opt().unwrap().to_string())
                .unwrap()
                .satang();
        assert_eq!(
            row.matching_by_source.get("government").map(|v| v.satang()).unwrap_or(0),
            government
        );

        let pdf = s.dir.path().join("province.pdf");
        let bytes = kongthun::ops::province::area_report_document(
            &p,
            2569,
            kongthun::render::Format::Pdf,
            date(2026, 11, 22),
        )
        .unwrap();
        std::fs::write(&pdf, bytes).unwrap();
        let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
        for needle in [
            "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด",
            "ปีงบประมาณ 2569 (1 ต.ค. 2568 – 30 ก.ย. 2569)",
            "สมทบจากรัฐ",
            "สมทบจาก อปท.",
            "สวัสดิการตามประเภท",
            "สวัสดิการเจ็บป่วย",
        ] {
            assert!(text.contains(needle), "{needle}: {text}");
        }
        assert!(!text.contains("ประเพณี"), "5109 is other welfare, not tradition: {text}");
        let xlsx = s.dir.path().join("province.xlsx");
        let bytes = kongthun::ops::province::area_report_document(
            &p,
            2569,
            kongthun::render::Format::Xlsx,
            date(2026, 11, 22),
        )
        .unwrap();
        std::fs::write(&xlsx, bytes).unwrap();
        let sheets: Vec<String> = unzip(&xlsx)
            .into_iter()
            .map(|(n, _)| n)
            .filter(|n| n.starts_with("xl/worksheets/"))
            .collect();
        assert_eq!(sheets.len(), 3, "{sheets:?}");
        // and by local government, as the fund's bundle names it
        let local = kongthun::report::province::local_government_report(
            &p,
            &from.to_string(),
            &to.to_string(),
        )
        .unwrap();
        assert_eq!(local.len(), 1);
        assert_eq!((local[0].local_government.as_str(), local[0].funds), ("อบต.หนองน้ำใส", 1));
        assert_eq!(local[0].matching_by_source.get("local"), row.matching_by_source.get("local"));
        assert!(
            text.contains("แยกตามองค์กรปกครองส่วนท้องถิ่น") && text.contains("อบต.หนองน้ำใส"),
            "{text}"
        );
    }
}
