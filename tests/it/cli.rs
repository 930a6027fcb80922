//! The real `kongthun` binary: exact command forms, JSON on reads, errors on stderr with a
//! non-zero exit naming the field and the value.

use std::process::{Command, Output};

struct Cli {
    dir: tempfile::TempDir,
}

impl Cli {
    fn new() -> Cli {
        Cli { dir: tempfile::tempdir().unwrap() }
    }
    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_kongthun"))
            .args(args)
            .env("KONGTHUN_DB", self.dir.path().join("fund.sqlite"))
            .env("KONGTHUN_NOW", "2026-11-22T03:00:00Z")
            .env("KONGTHUN_USER", "สมศรี เหรัญญิก")
            .output()
            .unwrap()
    }
    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }
    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.push("--json");
        serde_json::from_str(&self.ok(&all)).unwrap()
    }
    fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} should fail");
        assert!(out.stdout.is_empty(), "nothing on stdout when failing");
        String::from_utf8(out.stderr).unwrap()
    }
}

#[test]
fn demo_then_trial_balance_json() {
    let cli = Cli::new();
    cli.ok(&["demo", "--members", "40", "--years", "1", "--seed", "2"]);
    let tb = cli.json(&["report", "trial-balance", "--as-of", "2026-10-31"]);
    assert_eq!(tb["difference"], 0);
    assert_eq!(tb["total_debit"], tb["total_credit"]);
    let text = cli.ok(&["report", "trial-balance", "--as-of", "31/10/2569"]);
    assert!(
        text.contains("งบทดลอง") && text.contains("31 ตุลาคม 2569") && text.contains("สมดุล"),
        "{text}"
    );
    let v = cli.json(&["verify"]);
    assert!(v["entries"].as_i64().unwrap() > 40);
    let members = cli.json(&["member", "list"]);
    assert_eq!(members.as_array().unwrap().len(), 40);
    // demo refuses a database that already holds a fund
    assert!(cli
        .fails(&["demo", "--members", "5", "--years", "1", "--seed", "1"])
        .contains("already holds a fund"));
}

#[test]
fn a_treasurers_month_on_the_command_line() {
    let cli = Cli::new();
    cli.ok(&[
        "init",
        "--name",
        "กองทุนสวัสดิการชุมชนบ้านดอนปั้น",
        "--code",
        "KK-0412",
        "--founded-on",
        "2555-06-01",
        "--books-start",
        "2025-01-01",
        "--kind",
        "both",
        "--moo",
        "3",
        "--tambon",
        "ดอนปั้น",
        "--amphoe",
        "น้ำพอง",
        "--changwat",
        "ขอนแก่น",
        "--schedule",
        "monthly",
        "--contribution",
        "30",
        "--entrance-fee",
        "50",
        "--lapse-after",
        "6",
    ]);
    cli.ok(&[
        "member",
        "add",
        "--title",
        "นาง",
        "--first-name",
        "น้ำทิพย์",
        "--last-name",
        "ปั้นทอง",
        "--national-id",
        "1-1037-02071-56-1",
        "--birth-date",
        "12/05/2520",
        "--moo",
        "3",
        "--joined-on",
        "01/09/2569",
    ]);
    cli.ok(&[
        "member",
        "add",
        "--title",
        "นาย",
        "--first-name",
        "สมชาย",
        "--last-name",
        "ผู้ใหญ่ดี",
        "--joined-on",
        "2026-09-01",
    ]);
    let err = cli.fails(&[
        "member",
        "add",
        "--title",
        "นาย",
        "--first-name",
        "ก",
        "--last-name",
        "ข",
        "--national-id",
        "1103702071562",
        "--joined-on",
        "2026-09-01",
    ]);
    assert!(err.contains("เลขประจำตัวประชาชน '1103702071562'"), "{err}");
    assert!(err.contains("National ID") && err.contains("check digit"), "{err}");

    cli.ok(&[
        "contribute",
        "1",
        "60",
        "--savings",
        "100",
        "--entrance-fee",
        "50",
        "--date",
        "2026-09-25",
    ]);
    let collect_file = cli.dir.path().join("day.csv");
    std::fs::write(&collect_file, "member_no,contribution,savings\n1,30,100\n2,90,\n").unwrap();
    let out =
        cli.json(&["collect", "--date", "2026-10-25", "--file", collect_file.to_str().unwrap()]);
    assert_eq!(out["members"], 2);
    assert_eq!(out["total"], 22000);
    cli.ok(&["deposit", "2", "500", "--date", "2026-10-26"]);
    cli.ok(&["withdraw", "1", "50", "--date", "2026-10-27"]);
    cli.ok(&["receive", "4301", "1000", "--memo", "ผู้ใหญ่บ้านบริจาค", "--date", "2026-10-27"]);
    cli.ok(&["transfer", "cash", "bank", "1000", "--date", "2026-10-28"]);
    cli.ok(&["pay", "5201", "120", "--memo", "ค่าถ่ายเอกสาร", "--date", "2026-10-29"]);
    let err = cli.fails(&["withdraw", "1", "1,000", "--date", "2026-10-29"]);
    assert!(err.contains("insufficient") || err.contains("cannot take out"), "{err}");
    let journal = cli.json(&["journal"]);
    let last = journal.as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["recorded_by"], "สมศรี เหรัญญิก");
    cli.ok(&[
        "reverse",
        last["doc_no"].as_str().unwrap(),
        "--reason",
        "จ่ายซ้ำ",
        "--date",
        "2026-10-30",
    ]);

    let month = cli.json(&["report", "month", "2026-10"]);
    let (o, r, p, c) = (
        month["opening"].as_i64().unwrap(),
        month["total_receipts"].as_i64().unwrap(),
        month["total_payments"].as_i64().unwrap(),
        month["closing"].as_i64().unwrap(),
    );
    assert_eq!(o + r - p, c);
    let arrears = cli.json(&["arrears", "--as-of", "2026-12-31"]);
    assert_eq!(arrears.as_array().unwrap().len(), 2);

    cli.ok(&["close-month", "2026-09"]);
    cli.ok(&["close-month", "2569-10"]);
    let err = cli.fails(&["deposit", "2", "10", "--date", "2026-10-31"]);
    assert!(
        err.contains("31 ต.ค. 2569 อยู่ในเดือนตุลาคม 2569 ซึ่งปิดงวดแล้ว") && err.contains("closed"),
        "BE in the Thai message: {err}"
    );
    let show = cli.json(&["member", "show", "1"]);
    assert_eq!(show["savings_balance"], 15000);
    assert_eq!(show["standing"]["periods_paid"], 3, "the same member page the app shows");
    assert_eq!(show["member"]["member_no"], "1");

    let pdf = cli.dir.path().join("statement-2569-10.pdf");
    cli.ok(&["report", "statement", "--month", "2569-10", "--pdf", pdf.to_str().unwrap()]);
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let xlsx = cli.dir.path().join("tb.xlsx");
    let csv = cli.dir.path().join("tb.csv");
    cli.ok(&[
        "report",
        "trial-balance",
        "--as-of",
        "2026-10-31",
        "--xlsx",
        xlsx.to_str().unwrap(),
        "--csv",
        csv.to_str().unwrap(),
    ]);
    assert!(std::fs::read(&csv).unwrap().starts_with(&[0xEF, 0xBB, 0xBF]));
    cli.ok(&[
        "report",
        "voucher",
        "RV2569/000001",
        "--pdf",
        cli.dir.path().join("v.pdf").to_str().unwrap(),
    ]);
    let journal = cli.ok(&["export", "journal"]);
    assert!(journal.contains("(RV2569/000001)"));
    let usb = cli.dir.path().join("usb");
    let b = cli.json(&["backup", usb.to_str().unwrap()]);
    let file = b["path"].as_str().unwrap().to_string();
    cli.ok(&["deposit", "2", "10", "--date", "2026-11-02"]);
    let r = cli.json(&["restore", &file]);
    assert_eq!(r["entries"], b["entries"]);
    cli.ok(&["verify"]);
}

#[test]
fn usage_and_input_errors_exit_non_zero_with_both_languages() {
    let cli = Cli::new();
    let err = cli.fails(&["report", "trial-balance"]);
    assert!(err.contains("kongthun init") && err.contains("ยังไม่มีกองทุน"), "{err}");
    cli.ok(&[
        "init",
        "--name",
        "กองทุนทดสอบ",
        "--code",
        "X1",
        "--contribution",
        "1",
        "--books-start",
        "2025-01-01",
    ]);
    let err = cli.fails(&["init", "--name", "อีกกองทุน", "--code", "X2"]);
    assert!(err.contains("already holds a fund"), "{err}");
    let err = cli.fails(&["report", "trial-balance", "--as-of", "31/02/2569"]);
    assert!(err.contains("'31/02/2569'") && err.contains("วันที่"), "{err}");
    let err = cli.fails(&["contribute", "99", "30", "--date", "2026-11-01"]);
    assert!(err.contains("'99'"), "{err}");
    let out = cli.run(&["no-such-command"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn welfare_meetings_and_minutes_on_the_command_line() {
    let cli = Cli::new();
    cli.ok(&[
        "init",
        "--name",
        "กองทุนสวัสดิการชุมชนบ้านน้ำปั้น",
        "--code",
        "W-1",
        "--schedule",
        "monthly",
        "--contribution",
        "30",
        "--books-start",
        "2025-01-01",
    ]);
    for (first, joined) in [
        ("สมศรี", "2025-01-05"),
        ("ประธาน", "2025-01-05"),
        ("เหรัญญิก", "2025-01-05"),
        ("ผู้ตรวจ", "2025-01-05"),
    ] {
        cli.ok(&[
            "member",
            "add",
            "--title",
            "นาง",
            "--first-name",
            first,
            "--last-name",
            "น้ำใจดี",
            "--joined-on",
            joined,
        ]);
    }
    for (no, role) in [("2", "ประธาน"), ("3", "treasurer"), ("4", "auditor")] {
        cli.ok(&["committee", no, role, "--from", "2025-01-05", "--to", "2028-12-31"]);
    }
    cli.ok(&["contribute", "1", "690", "--date", "2025-01-25"]);
    cli.ok(&["receive", "4203", "20000", "--memo", "พอช.", "--date", "2025-02-01"]);
    let rules = cli.json(&["rule", "list"]);
    assert_eq!(rules.as_array().unwrap().len(), 7);
    // a rule is changed by the general assembly's resolution
    let ga = cli.json(&["meeting", "new", "general", "--date", "2026-01-20"]);
    let ga = ga["id"].as_i64().unwrap().to_string();
    cli.ok(&["meeting", "attend", &ga, "1", "2", "3"]);
    let adopted = cli.json(&[
        "resolution",
        &ga,
        "--subject",
        "แก้ระเบียบเจ็บป่วย",
        "--kind",
        "rule",
        "--for",
        "3",
    ]);
    let adopted = adopted["id"].as_i64().unwrap().to_string();
    let refused = cli.fails(&[
        "rule",
        "add",
        "--category",
        "illness",
        "--from",
        "2026-02-01",
        "--fixed",
        "300",
    ]);
    assert!(refused.contains("ที่ประชุมใหญ่"), "{refused}");
    cli.ok(&[
        "rule",
        "add",
        "--resolution",
        &adopted,
        "--category",
        "illness",
        "--from",
        "2026-02-01",
        "--per-day",
        "150",
        "--cap-per-event",
        "1200",
        "--waiting-days",
        "90",
        "--document",
        "ใบรับรองแพทย์",
    ]);
    let opened = cli.json(&[
        "claim",
        "open",
        "1",
        "illness",
        "--event-date",
        "2026-03-02",
        "--days",
        "10",
        "--document",
        "ใบรับรองแพทย์",
    ]);
    assert_eq!(opened["eligible"], true);
    assert_eq!(opened["evaluated"], 120000);
    let claim = opened["id"].as_i64().unwrap().to_string();
    let err = cli.fails(&["claim", "pay", &claim, "--date", "2026-03-20"]);
    assert!(err.contains("ยังไม่ได้รับอนุมัติ"), "{err}");
    let meeting = cli.json(&["meeting", "new", "committee", "--date", "2026-03-15"]);
    let mid = meeting["id"].as_i64().unwrap().to_string();
    cli.ok(&["meeting", "attend", &mid, "2"]);
    let err =
        cli.fails(&["resolution", &mid, "--subject", "อนุมัติ", "--kind", "claim", "--for", "1"]);
    assert!(err.contains("ไม่ครบองค์ประชุม"), "{err}");
    cli.ok(&["meeting", "attend", &mid, "3", "4"]);
    cli.ok(&["meeting", "agenda", &mid, "--title", "พิจารณาคำขอรับสวัสดิการ"]);
    let res = cli.json(&[
        "resolution",
        &mid,
        "--subject",
        "อนุมัติจ่ายสวัสดิการเจ็บป่วย 1 ราย",
        "--kind",
        "claim",
        "--agenda",
        "1",
        "--for",
        "2", // the chair and the treasurer; the auditor attends without a vote
    ]);
    let rid = res["id"].as_i64().unwrap().to_string();
    cli.ok(&["claim", "approve", &claim, "--resolution", &rid]);
    cli.ok(&["claim", "pay", &claim, "--date", "2026-03-20"]);
    let err = cli.fails(&["claim", "pay", &claim, "--date", "2026-03-21"]);
    assert!(err.contains("จ่ายไปแล้ว"), "{err}");
    cli.ok(&["meeting", "minutes", &mid, "--text", "ประชุมเวลา 09.30 น. ที่ประชุมมีมติเห็นชอบจ่ายสวัสดิการ"]);
    let next = cli.json(&["meeting", "new", "committee", "--date", "2026-04-15"]);
    let nid = next["id"].as_i64().unwrap().to_string();
    cli.ok(&["meeting", "attend", &nid, "2", "3", "4"]);
    cli.ok(&["meeting", "approve-minutes", &mid, "--at", &nid]);
    let err = cli.fails(&["meeting", "minutes", &mid, "--text", "แก้"]);
    assert!(err.contains("locked"), "{err}");
    let pdf = cli.dir.path().join("minutes.pdf");
    cli.ok(&["meeting", "print", &mid, "--pdf", pdf.to_str().unwrap()]);
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args(["-layout", pdf.to_str().unwrap(), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(
        text.contains("ครั้งที่ 1/2569")
            && text.contains("อนุมัติจ่ายสวัสดิการเจ็บป่วย 1 ราย")
            && text.contains("รับรองแล้ว"),
        "{text}"
    );
    let codi = cli.dir.path().join("codi.pdf");
    cli.ok(&["matching", "report", "2569", "--pdf", codi.to_str().unwrap()]);
    let statement = cli.dir.path().join("s.pdf");
    cli.ok(&[
        "report",
        "statement",
        "--month",
        "2026-03",
        "--pdf",
        statement.to_str().unwrap(),
        "--names",
    ]);
    let text = String::from_utf8(
        Command::new("pdftotext")
            .args(["-layout", statement.to_str().unwrap(), "-"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(text.contains("นางสมศรี น้ำใจดี") && text.contains("1,200.00"), "{text}");
    cli.ok(&["verify"]);
}

#[test]
fn a_closed_output_pipe_ends_the_command_quietly() {
    // `kongthun journal | head -n 1`: the reader goes away after one line.
    let fixture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/demo-small.sqlite");
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("fund.sqlite");
    std::fs::copy(&fixture, &db).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_kongthun"))
        .args(["--db", db.to_str().unwrap(), "journal"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut first = [0u8; 64];
    std::io::Read::read_exact(&mut stdout, &mut first).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("Broken pipe"), "{stderr}");
    use std::os::unix::process::ExitStatusExt;
    assert_eq!(
        out.status.signal(),
        Some(libc_sigpipe()),
        "stopped by SIGPIPE, as cat would be: {:?}",
        out.status
    );
}

fn libc_sigpipe() -> i32 {
    13 // SIGPIPE on Linux
}

#[test]
fn a_recorded_certification_and_area_reach_the_criteria() {
    let cli = Cli::new();
    cli.ok(&[
        "init",
        "--name",
        "กองทุนสวัสดิการชุมชนบ้านหนองแวง",
        "--code",
        "W-9",
        "--schedule",
        "monthly",
        "--contribution",
        "30",
        "--books-start",
        "2024-01-01",
        "--founded-on",
        "2020-01-01",
    ]);
    for (first, moo) in [("หนึ่ง", "1"), ("สอง", "2"), ("สาม", "2")] {
        cli.ok(&[
            "member",
            "add",
            "--title",
            "นาย",
            "--first-name",
            first,
            "--last-name",
            "ใจดี",
            "--joined-on",
            "2024-01-05",
            "--moo",
            moo,
        ]);
    }
    let criterion = |key: &str| -> serde_json::Value {
        let r = cli.json(&["matching", "report", "2569"]);
        r["criteria"].as_array().unwrap().iter().find(|c| c["key"] == key).unwrap().clone()
    };
    assert_eq!(criterion("certified")["passed"], serde_json::Value::Null, "not recorded yet");
    assert_eq!(criterion("villages_half")["passed"], serde_json::Value::Null);
    cli.ok(&["certify", "--by", "codi", "--on", "1/5/2568", "--document", "พอช. 12/2568"]);
    cli.ok(&["area", "1-4"]);
    let certified = criterion("certified");
    assert_eq!(certified["passed"], true);
    assert!(certified["evidence_th"].as_str().unwrap().contains("พอช. 12/2568"), "{certified}");
    let villages = criterion("villages_half");
    assert_eq!(villages["passed"], true, "members in 2 of 4 villages: half: {villages}");
    cli.ok(&["area", "1-6"]);
    assert_eq!(criterion("villages_half")["passed"], false, "2 of 6 is not half");
    let bad = cli.fails(&["area", "5-2"]);
    assert!(bad.contains("5-2"), "{bad}");
}

#[test]
fn the_allocation_on_the_command_line() {
    let cli = Cli::new();
    cli.ok(&["demo", "--members", "100", "--years", "2", "--seed", "1"]);
    let shown = cli.ok(&["allocate", "show"]);
    assert!(shown.contains("ปันผลตามเงินสัจจะ") && shown.contains("(ใช้อยู่)"), "{shown}");
    assert!(shown.contains("20 มกราคม 2568"), "a BE date: {shown}");
    // a plan that does not add up names the field and the sum, in both languages
    let bad = cli.fails(&[
        "allocate",
        "plan",
        "--part",
        "reserve=50",
        "--part",
        "dividend=49",
        "--resolution",
        "1",
    ]);
    assert!(bad.contains("ส่วนที่จัดสรร") && bad.contains("ร้อยละ 99 ") && bad.contains("99%"), "{bad}");
    // the demo's assembly allocated 2568 and paid it into savings; what is left is in cash
    let paid = cli.json(&["allocate", "pay", "2568", "--into", "cash", "--date", "2026-11-22"]);
    assert!(
        paid["paid"]
            .as_array()
            .is_some_and(|p| p.iter().all(|x| x["doc_no"].as_str().unwrap().starts_with("PV"))),
        "{paid}"
    );
    let again = cli.fails(&["allocate", "pay", "2568", "--into", "cash"]);
    assert!(again.contains("จ่ายครบแล้ว"), "{again}");
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("d.csv");
    cli.ok(&["report", "dividends", "2568", "--csv", csv.to_str().unwrap()]);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("ลายมือชื่อผู้รับ") && !text.contains("ยังไม่จ่าย"), "every share paid: {text}");
}
