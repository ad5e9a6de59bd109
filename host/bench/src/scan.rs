//! (h): scanning a virtual table. One million rows from the wasm `series`
//! extension's generate_series against SQLite's own (series.c, compiled
//! into Debian's sqlite3 shell), both in that shell, the wasm one through
//! libsqlink_loader.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const ROWS: usize = 1_000_000;
const RUNS: usize = 5;

/// Runs `script` in Debian's sqlite3 and returns the `.timer` times of its
/// statements, in order, and the other lines it printed.
fn timed(sqlite3: &Path, root: &Path, script: &str) -> (Vec<Duration>, Vec<String>) {
    let mut child = Command::new(sqlite3).arg(":memory:").current_dir(root).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "sqlite3 failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let (times, lines): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| l.starts_with("Run Time: "));
    let times = times
        .iter()
        .filter_map(|l| l.strip_prefix("Run Time: real ")?.split_whitespace().next()?.parse::<f64>().ok())
        .map(Duration::from_secs_f64)
        .collect();
    (times, lines.into_iter().map(str::to_string).collect())
}

pub fn case_scan(root: &Path) {
    let sqlite3 = Path::new("/usr/bin/sqlite3");
    if !sqlite3.exists() {
        println!("(h) skipped: /usr/bin/sqlite3 is not installed");
        return;
    }
    let loader = crate::wasm("dist/lib/libsqlink_loader.so");
    let series = crate::wasm("dist/extensions/series.wasm");
    let native = format!("select sum(value) from generate_series(1, {ROWS});\n");
    let wasm = format!("select sum(value) from series__generate_series(1, {ROWS});\n");
    let mut script = format!(".load {}\nselect sqlink_load('{}');\n", loader.with_extension("").display(), series.display());
    // Both give the same sum before anything is timed.
    script.push_str(&native);
    script.push_str(&wasm);
    script.push_str(".timer on\n");
    for _ in 0..RUNS {
        script.push_str(&native);
        script.push_str(&wasm);
    }
    let (times, lines) = timed(sqlite3, root, &script);
    assert_eq!(times.len(), RUNS * 2, "unexpected sqlite3 output");
    let sum = (ROWS * (ROWS + 1) / 2).to_string();
    // The load's report (and its warning that the shell's own module keeps
    // the bare name), then only sums.
    let sums: Vec<&String> = lines.iter().filter(|l| !l.starts_with("loaded ") && !l.starts_with("warning: ")).collect();
    assert!(sums.len() == 2 + RUNS * 2 && sums.iter().all(|l| **l == sum), "the two scans disagree: {lines:?}");
    let native = times.iter().step_by(2).min().copied().unwrap();
    let wasm = times.iter().skip(1).step_by(2).min().copied().unwrap();
    crate::report("(h) scan of 1M rows: wasm series vs series.c", native, wasm, ROWS);
}
