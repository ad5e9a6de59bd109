//! The browser host runs the mixed workload (`sqlink-workload`, the shape
//! of speedtest1) in headless Chromium with the output Debian's sqlite3
//! gives: the same sqlite-core as `sqlink --engine wasm`, through the
//! package's worker (`host/browser/run.mjs`). Needs `make browser` (part of
//! `make build`) and Chromium (`make setup`).

use sqlink_e2e::{repo_root, run, text_lines};
use std::path::PathBuf;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(300);

#[test]
fn the_browser_agrees_with_sqlite3_on_the_workload() {
    let root = repo_root();
    assert!(root.join("dist/browser/sqlink.js").exists(), "dist/browser is not built: run `make browser`");
    let script = sqlink_workload::script(4000);
    let reference = run(&PathBuf::from("/usr/bin/sqlite3"), &[":memory:".into()], script.as_bytes(), &root, TIMEOUT).expect("sqlite3 runs");
    assert_eq!(reference.code, Some(0), "sqlite3: {}", String::from_utf8_lossy(&reference.stderr));
    let args = ["host/browser/run.mjs".to_string(), "script".into()];
    let browser = run(&PathBuf::from("node"), &args, script.as_bytes(), &root, TIMEOUT).expect("node runs");
    let stderr = String::from_utf8_lossy(&browser.stderr);
    assert!(browser.code == Some(0), "the browser run failed: {stderr}");
    assert!(stderr.lines().all(|l| l.starts_with("time: ")), "{stderr}");
    let (expected, got) = (text_lines(&reference.stdout), text_lines(&browser.stdout));
    assert!(expected.len() > 1000 && expected.last().map(String::as_str) == Some("ok"), "the workload prints its results and ends with ok");
    if let Some(i) = expected.iter().zip(&got).position(|(a, b)| a != b) {
        panic!("line {}: sqlite3 {:?}, browser {:?}", i + 1, expected[i], got[i]);
    }
    assert_eq!(expected.len(), got.len(), "sqlite3 printed {} lines, the browser {}", expected.len(), got.len());
}
