// The JSON-Schema-Test-Suite through `jsonschema_matches`: every case of
// the required (not `optional/`) files of a draft must give its `valid`.
//
// The suite is not committed. Draft 4/6/7 come from Debian's
// `json-schema-test-suite` 2.0.0-1.1 (the suite's 2.0.0 release), which
// the first run fetches with `apt-get download`, checks against the
// SHA-256 below and unpacks into `components/target/test-suites/jsonschema`.
// That release predates draft 2019-09 and 2020-12: their directories are
// run when present under `tests/` there (copied from the suite's git
// repository), and skipped otherwise.

use super::*;
use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::Command;

const DEB: &str = "json-schema-test-suite_2.0.0-1.1_all.deb";
const DEB_SHA256: &str = "2478fdd0f873e9a449335a2c2af47c83d105f0b317a47a529f035014b53cc405";

/// The suite's `tests` directory, installed from the pinned .deb if missing.
fn suite_dir() -> PathBuf {
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _once = INSTALL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/test-suites/jsonschema");
    let tests = dir.join("tests");
    if !tests.join("draft7").is_dir() {
        std::fs::create_dir_all(&dir).expect("create the suite's directory");
        let run = |cmd: &mut Command| assert!(cmd.current_dir(&dir).status().expect("run").success(), "{cmd:?} failed");
        // A fresh machine may have no package lists yet: read them once.
        let download = || Command::new("apt-get").args(["download", "json-schema-test-suite=2.0.0-1.1"]).current_dir(&dir).status().is_ok_and(|s| s.success());
        if !download() {
            run(Command::new("apt-get").args(["update", "-qq"]));
            assert!(download(), "apt-get download json-schema-test-suite=2.0.0-1.1 failed (Debian's package, for the suite)");
        }
        let sum = Command::new("sha256sum").arg(DEB).current_dir(&dir).output().expect("sha256sum");
        assert!(String::from_utf8_lossy(&sum.stdout).starts_with(DEB_SHA256), "{DEB} does not have the pinned SHA-256");
        run(Command::new("dpkg-deb").args(["-x", DEB, "deb"]));
        std::fs::rename(dir.join("deb/usr/share/json-schema-test-suite/tests"), &tests).expect("move the tests into place");
    }
    tests
}

/// (passed, failed descriptions) over the required files of `draft`;
/// `None` if that draft's directory is not there.
fn run_draft(draft: &str) -> Option<(usize, Vec<String>)> {
    let dir = suite_dir().join(draft);
    if !dir.is_dir() {
        return None;
    }
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "json")).collect();
    files.sort();
    let (mut passed, mut failed) = (0, Vec::new());
    for file in files {
        let groups: Json = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for group in groups.as_array().unwrap() {
            let schema = Value::Text(group["schema"].to_string().into_bytes());
            for case in group["tests"].as_array().unwrap() {
                let data = Value::Text(case["data"].to_string().into_bytes());
                let want = Value::Integer(case["valid"].as_bool().unwrap() as i64);
                match sqlink_test::call("jsonschema_matches", &[schema.clone(), data]) {
                    Ok(got) if got == want => passed += 1,
                    got => failed.push(format!(
                        "{}: {} / {}: {got:?}",
                        file.file_name().unwrap().to_string_lossy(),
                        group["description"],
                        case["description"]
                    )),
                }
            }
        }
    }
    Some((passed, failed))
}

/// Runs one draft, prints its count and failures, and checks the count.
fn check(draft: &str, at_least: usize) {
    let Some((passed, failed)) = run_draft(draft) else {
        eprintln!("{draft}: not installed, skipped");
        return;
    };
    eprintln!("{draft}: {passed} of {} required cases pass", passed + failed.len());
    for f in &failed {
        eprintln!("  FAIL {f}");
    }
    assert!(passed >= at_least, "{draft}: {passed} pass, expected at least {at_least}");
}

#[test]
fn draft7_required() {
    check("draft7", 408);
}

#[test]
fn draft2020_12_required() {
    check("draft2020-12", 1254);
}
