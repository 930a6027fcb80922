//! The benchmark table: each measure beside its baseline measured in the same run, the
//! ratio, the targets and whether they are met; the machine it ran on; and the section of
//! docs/benchmarks.md it rewrites.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

pub enum Target {
    /// Our median under this time.
    Under(Duration),
    /// Our time at most this many times the baseline's (bare SQL).
    AtMostTimesBaseline(f64),
    /// The baseline at least this many times slower than us (ledger-cli, hledger).
    BaselineSlowerBy(f64),
}

pub struct Row {
    pub measure: String,
    pub ours: Duration,
    pub baseline: Option<(String, Duration)>,
    pub targets: Vec<Target>,
    pub note: String,
}

pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1000.0;
    if ms >= 10_000.0 {
        format!("{:.1} s", ms / 1000.0)
    } else if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else {
        format!("{ms:.2} ms")
    }
}

/// A target time as people write it: `50 ms`, `3 s`, `2 min`.
fn whole(d: Duration) -> String {
    match d.as_millis() {
        ms if ms >= 60_000 && ms % 60_000 == 0 => format!("{} min", ms / 60_000),
        ms if ms >= 1_000 && ms % 1_000 == 0 => format!("{} s", ms / 1_000),
        ms => format!("{ms} ms"),
    }
}

fn thousands(x: f64) -> String {
    let whole = format!("{:.0}", x);
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Row {
    fn ratio(&self) -> String {
        let Some((_, base)) = &self.baseline else { return String::new() };
        let (ours, base) = (self.ours.as_secs_f64(), base.as_secs_f64());
        if base >= ours {
            let x = base / ours;
            if x >= 100.0 {
                format!("{}× faster", thousands(x))
            } else {
                format!("{x:.1}× faster")
            }
        } else {
            format!("{:.2}× the baseline's time", ours / base)
        }
    }

    fn verdict(&self) -> (String, bool) {
        let mut text = Vec::new();
        let mut all = true;
        for t in &self.targets {
            let (label, met) = match t {
                Target::Under(limit) => (format!("< {}", whole(*limit)), self.ours < *limit),
                Target::AtMostTimesBaseline(x) => {
                    let base = self.baseline.as_ref().map(|b| b.1).unwrap_or_default();
                    (format!("≤ {x}× baseline"), self.ours.as_secs_f64() <= x * base.as_secs_f64())
                }
                Target::BaselineSlowerBy(x) => {
                    let base = self.baseline.as_ref().map(|b| b.1).unwrap_or_default();
                    (format!("≥ {x}× faster"), base.as_secs_f64() >= x * self.ours.as_secs_f64())
                }
            };
            all &= met;
            text.push(format!("{label} {}", if met { "✔" } else { "✘ not met" }));
        }
        (text.join("; "), all)
    }
}

pub fn markdown(rows: &[Row]) -> String {
    let mut out = String::from("| measure | ours (median) | baseline, same run | ratio | target | note |\n|---|---|---|---|---|---|\n");
    for r in rows {
        let base =
            r.baseline.as_ref().map(|(name, d)| format!("{name}: {}", ms(*d))).unwrap_or_default();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            r.measure,
            ms(r.ours),
            base,
            r.ratio(),
            r.verdict().0,
            r.note
        ));
    }
    let missed: Vec<&str> =
        rows.iter().filter(|r| !r.verdict().1).map(|r| r.measure.as_str()).collect();
    out.push_str(&format!(
        "\nTargets met: {} of {}{}\n",
        rows.iter().filter(|r| !r.targets.is_empty()).count() - missed.len(),
        rows.iter().filter(|r| !r.targets.is_empty()).count(),
        if missed.is_empty() { String::new() } else { format!("; not met: {}", missed.join(", ")) }
    ));
    out
}

fn first_line(cmd: &str, args: &[&str]) -> String {
    Command::new(cmd)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).lines().next().unwrap_or("").trim().to_string())
        .unwrap_or_else(|| "not installed".into())
}

/// The machine, as a reader needs it to weigh the figures.
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .unwrap_or("?")
        .trim()
        .to_string();
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find(|l| l.starts_with("MemTotal"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|k| k.parse::<f64>().ok())
        .map(|k| k / 1024.0 / 1024.0)
        .unwrap_or(0.0);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    format!(
        "{model}, {cores} cores, {mem_gib:.0} GiB; {}; load average at start {}; SQLite {} (bundled), WAL, synchronous=FULL; {}; {}",
        first_line("uname", &["-sr"]),
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" "),
        rusqlite::version(),
        first_line("ledger", &["--version"]),
        first_line("hledger", &["--version"]),
    )
}

/// Replace the text between `<!-- {marker}:begin -->` and `<!-- {marker}:end -->` in the
/// document, or append it.
pub fn write_section(doc: &Path, marker: &str, body: &str) {
    let text = std::fs::read_to_string(doc).unwrap_or_default();
    let (start, end) = (format!("<!-- {marker}:begin -->"), format!("<!-- {marker}:end -->"));
    let section = format!("{start}\n{body}{end}");
    let new = match (text.find(&start), text.find(&end)) {
        (Some(a), Some(b)) => format!("{}{}{}", &text[..a], section, &text[b + end.len()..]),
        _ => format!("{}\n{}\n", text.trim_end(), section),
    };
    std::fs::write(doc, new).unwrap();
}
