//! (k): the browser host in headless Chromium (`host/browser/run.mjs`,
//! over dist/browser/): what a call to an extension's scalar costs above
//! the same query on a built-in function, and the mixed workload of (g)
//! against native `sqlink` measured in the same run (the page's time for
//! the script, after its worker and sqlite-core have started).

use super::{RUNS, workload};
use sqlink_e2e::{Runner, run};
use std::path::Path;
use std::time::Duration;

/// Rows of the workload, as in (g).
const ROWS: u32 = 25_000;
/// How long one run may take.
const TIMEOUT: Duration = Duration::from_secs(600);

/// Runs `node host/browser/run.mjs ARGS` with `input`; its stdout and stderr.
fn node(root: &Path, args: &[&str], input: &str) -> (String, String) {
    let mut all = vec!["host/browser/run.mjs".to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    let out = run(Path::new("node"), &all, input.as_bytes(), root, TIMEOUT).expect("node runs (make setup installs it)");
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned());
    assert!(out.code == Some(0), "the browser run failed: {stderr}");
    (stdout, stderr)
}

/// The number after `label ` on a line of `text`.
fn number(text: &str, label: &str) -> f64 {
    text.lines().find_map(|l| l.strip_prefix(label)?.trim().parse().ok()).unwrap_or_else(|| panic!("no `{label}` in: {text}"))
}

pub fn case_browser(root: &Path) {
    assert!(root.join("dist/browser/sqlink.js").exists(), "dist/browser is missing: run `make build` first");
    let (calls, _) = node(root, &["calls"], "");
    let (extension, builtin) = (number(&calls, "extension "), number(&calls, "builtin "));
    println!(
        "(k) browser scalar call (Chromium): text_upper {extension:.3} us   upper() {builtin:.3} us   above the built-in {:.3} us (target 0.5)",
        extension - builtin
    );
    let script = sqlink_workload::script(ROWS);
    let scratch = std::env::temp_dir().join(format!("sqlink-bench-browser-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let mut expected = None;
    let native = workload::best(Runner::Native, &scratch, false, &script, &mut expected);
    let _ = std::fs::remove_dir_all(&scratch);
    let expected = String::from_utf8_lossy(&expected.expect("native sqlink's output")).into_owned();
    let mut browser = f64::INFINITY;
    for _ in 0..RUNS {
        let (out, err) = node(root, &["script"], &script);
        assert!(out == expected, "the browser printed different results from native sqlink");
        browser = browser.min(number(&err, "time: "));
    }
    let native_ms = native.as_secs_f64() * 1e3;
    println!(
        "(k) workload {ROWS} rows in memory: browser (Chromium)            native {native_ms:>7.0} ms   wasm {browser:>7.0} ms   ratio {:>5.2}x (target 2.5)",
        browser / native_ms
    );
}
