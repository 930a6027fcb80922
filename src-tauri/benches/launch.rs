//! App start on the 20-year, 10,000-member demo fund: time from asking for the window to
//! the dashboard showing its figures, and the memory of the app with WebKit's processes
//! (PSS, so shared libraries are counted once), beside its baseline measured in the same run:
//! WebKitGTK's own MiniBrowser showing a one-line page (the engine with nothing of ours).
//! Targets: < 1.5 s, and memory ≤ 1.25× the baseline.
//!
//! `cargo bench -p kongthun-app --bench launch` (needs the demo built by
//! `cargo bench --bench ledger` in bench-data/; the database is copied so the bench never
//! changes it). Prints a table and rewrites the "App start" section of docs/benchmarks.md.
#[path = "../tests/e2e/harness.rs"]
#[allow(dead_code)]
mod harness;

use std::path::{Path, PathBuf};
use std::time::Duration;

const RUNS: usize = 5;

fn memory_kib(pid: u32, field: &str) -> u64 {
    let text = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).unwrap_or_default();
    text.lines()
        .find_map(|l| l.strip_prefix(field))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

fn process_name(pid: u32) -> String {
    std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default().trim().to_string()
}

/// Every process `root` started, and theirs.
fn descendants(root: u32) -> Vec<u32> {
    let mut out = Vec::new();
    let mut queue = vec![root];
    while let Some(pid) = queue.pop() {
        let children =
            std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
        for child in children.split_whitespace().filter_map(|c| c.parse::<u32>().ok()) {
            out.push(child);
            queue.push(child);
        }
    }
    out
}

/// WebKitGTK's MiniBrowser (the engine's own test browser) on a display of its own, showing
/// a one-line Thai page: PSS of it and every process it starts, in MiB, after it settles.
/// None where this WebKitGTK ships no MiniBrowser.
fn blank_engine_pss() -> Option<f64> {
    use std::process::{Command, Stdio};
    let browser = Path::new("/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser");
    if !browser.exists() {
        return None;
    }
    let display = harness::free_display();
    let mut xvfb = Command::new("Xvfb")
        .args([format!(":{display}"), "-screen".into(), "0".into(), "1024x768x24".into()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("Xvfb");
    harness::wait_until("Xvfb", Duration::from_secs(20), || {
        Path::new(&format!("/tmp/.X11-unix/X{display}")).exists()
    });
    let tmp = tempfile::tempdir().unwrap();
    let page = tmp.path().join("index.html");
    std::fs::write(&page, "<!doctype html><meta charset=utf-8><p>กองทุน</p>").unwrap();
    let mut mini = Command::new(browser)
        .arg(format!("file://{}", page.display()))
        .env("DISPLAY", format!(":{display}"))
        .env("XDG_DATA_HOME", tmp.path().join("data"))
        .env("XDG_CONFIG_HOME", tmp.path().join("config"))
        .env("XDG_CACHE_HOME", tmp.path().join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("MiniBrowser");
    std::thread::sleep(Duration::from_secs(5));
    let mut pids = vec![mini.id()];
    pids.extend(descendants(mini.id()));
    let kib: u64 = pids.iter().map(|p| memory_kib(*p, "Pss:")).sum();
    let _ = mini.kill();
    let _ = mini.wait();
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    Some(kib as f64 / 1024.0)
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(|a, b| a.partial_cmp(b).unwrap());
    v[v.len() / 2]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let source = std::env::var_os("KONGTHUN_BENCH_DB")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("bench-data/demo-10000m-20y-seed42.sqlite"));
    assert!(
        source.exists(),
        "{} is missing: run `cargo bench --bench ledger` once to build the demo fund",
        source.display()
    );
    let mut times = Vec::new();
    let mut arrears_times = Vec::new();
    let mut pss = Vec::new();
    let mut rss = Vec::new();
    let mut detail = String::new();
    for run in 0..RUNS {
        let tmp = tempfile::tempdir().unwrap();
        let db = tmp.path().join("bench.sqlite");
        std::fs::copy(&source, &db).unwrap();
        let s = harness::Session::start_with(tmp, Some(db)).await;
        s.wait_text_containing("[data-test=cash]", "", 60).await;
        let elapsed = s.launched_at.elapsed();
        s.wait_text_containing("[data-test=arrears]", "", 60).await;
        let arrears_elapsed = s.launched_at.elapsed();
        // Let the page settle before reading memory, as a treasurer would start working.
        tokio::time::sleep(Duration::from_millis(500)).await;
        let pids = s.app_processes();
        let total_pss: u64 = pids.iter().map(|p| memory_kib(*p, "Pss:")).sum();
        let total_rss: u64 = pids.iter().map(|p| memory_kib(*p, "Rss:")).sum();
        if run == 0 {
            for p in &pids {
                detail.push_str(&format!(
                    "{} {} KiB PSS; ",
                    process_name(*p),
                    memory_kib(*p, "Pss:")
                ));
            }
            s.shot("bench-dashboard-10000").await;
        }
        arrears_times.push(arrears_elapsed.as_secs_f64() * 1000.0);
        println!("run {}: dashboard with data after {:.0} ms (arrears count after {:.0} ms); PSS {} MiB, RSS {} MiB", run + 1, elapsed.as_secs_f64() * 1000.0, arrears_elapsed.as_secs_f64() * 1000.0, total_pss / 1024, total_rss / 1024);
        times.push(elapsed.as_secs_f64() * 1000.0);
        pss.push(total_pss as f64 / 1024.0);
        rss.push(total_rss as f64 / 1024.0);
        s.finish().await;
    }
    let blank: Vec<f64> = (0..3).filter_map(|_| blank_engine_pss()).collect();
    let (blank_cell, ratio_cell) = if blank.is_empty() {
        ("not measured: no MiniBrowser in this WebKitGTK".to_string(), String::new())
    } else {
        let b = median(blank.clone());
        let ratio = median(pss.clone()) / b;
        (
            format!(
                "{b:.0} MiB ({})",
                blank.iter().map(|t| format!("{t:.0}")).collect::<Vec<_>>().join(", ")
            ),
            format!(
                "{ratio:.2}× the baseline; target ≤ 1.25× {}",
                if ratio <= 1.25 { "✔" } else { "✘ not met" }
            ),
        )
    };
    let table = format!(
        "| measure | median of {RUNS} | target | runs |\n|---|---|---|---|\n\
         | launch to dashboard showing data (10,000 members, 20 years) | {:.0} ms | < 1500 ms | {} |\n\
         | launch to the arrears count filled in (drawn second) | {:.0} ms | | {} |\n\
         | memory of app + WebKit processes, PSS | {:.0} MiB | {ratio_cell} | {} |\n\
         | baseline, same run: WebKitGTK's MiniBrowser showing a one-line page, PSS (median of 3) | {blank_cell} | | |\n\
         | same, RSS (shared pages counted in each process) | {:.0} MiB | | {} |\n\nProcesses (first run): {detail}\n",
        median(times.clone()),
        times.iter().map(|t| format!("{t:.0}")).collect::<Vec<_>>().join(", "),
        median(arrears_times.clone()),
        arrears_times.iter().map(|t| format!("{t:.0}")).collect::<Vec<_>>().join(", "),
        median(pss.clone()),
        pss.iter().map(|t| format!("{t:.0}")).collect::<Vec<_>>().join(", "),
        median(rss.clone()),
        rss.iter().map(|t| format!("{t:.0}")).collect::<Vec<_>>().join(", "),
    );
    println!("\n{table}");
    let doc = root.join("docs/benchmarks.md");
    let text = std::fs::read_to_string(&doc).unwrap_or_default();
    let (start, end) = ("<!-- app-start:begin -->", "<!-- app-start:end -->");
    let section = format!(
        "{start}\n## App start (`cargo bench -p kongthun-app --bench launch`)\n\n{table}{end}"
    );
    let new = match (text.find(start), text.find(end)) {
        (Some(a), Some(b)) => format!("{}{}{}", &text[..a], section, &text[b + end.len()..]),
        _ => format!("{}\n{}\n", text.trim_end(), section),
    };
    std::fs::write(&doc, new).unwrap();
}
