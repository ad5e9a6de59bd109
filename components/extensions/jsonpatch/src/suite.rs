//! The json-patch-tests (tests.json and spec_tests.json, as npm
//! `json-patch-test-suite` 1.1.0 ships them) through `jsonpatch_apply`:
//! a test with `expected` must give that document, one with `error` must
//! fail, one with neither must apply; `disabled` tests are counted apart.
//!
//! The suite is not committed: `testdata/package.json` and its
//! `package-lock.json` pin it (version and sha512), and the first run
//! installs it with `npm ci` into `components/target/test-suites/jsonpatch`.

use crate::jsonpatch_ext::sqlink_test::call;
use crate::pointer::equal;
use serde_json::Value as Json;
use sqlink_sdk::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The suite's directory, installed (pinned by the lock file) if missing.
fn suite_dir() -> PathBuf {
    // One install at a time, whichever test asks first.
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _once = INSTALL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = crate_dir.join("../../target/test-suites/jsonpatch");
    let data = dir.join("node_modules/json-patch-test-suite");
    if !data.join("tests.json").is_file() {
        std::fs::create_dir_all(&dir).expect("create the suite's directory");
        for file in ["package.json", "package-lock.json"] {
            std::fs::copy(crate_dir.join("testdata").join(file), dir.join(file)).expect("copy the suite's pins");
        }
        let status = Command::new("npm")
            .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir)
            .status()
            .expect("npm (Debian's npm package) installs the json-patch-tests");
        assert!(status.success(), "npm ci of json-patch-test-suite failed");
    }
    data
}

fn text(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}

#[test]
fn json_patch_tests_pass() {
    let mut failures = Vec::new();
    let mut summary = Vec::new();
    for file in ["tests.json", "spec_tests.json"] {
        let tests: Vec<Json> = serde_json::from_str(&std::fs::read_to_string(suite_dir().join(file)).unwrap()).unwrap();
        let (mut expected, mut errors, mut applied, mut disabled) = ((0, 0), (0, 0), (0, 0), (0, 0));
        for (i, t) in tests.iter().enumerate() {
            let (Some(doc), Some(patch)) = (t.get("doc"), t.get("patch")) else { continue };
            if t.get("disabled") == Some(&Json::Bool(true)) {
                // Run anyway, not counted: two of the four are tests of a
                // duplicate "op" member, which parsed JSON no longer holds.
                let got = call("jsonpatch_apply", &[text(&doc.to_string()), text(&patch.to_string())]);
                let passes = match (got, t.get("expected"), t.get("error")) {
                    (Ok(Value::Text(g)), Some(want), _) => equal(&serde_json::from_slice(&g).unwrap(), want),
                    (Err(_), None, Some(_)) | (Ok(_), None, None) => true,
                    _ => false,
                };
                disabled.0 += usize::from(passes);
                disabled.1 += 1;
                continue;
            }
            let name = format!("{file}[{i}] {}", t.get("comment").and_then(Json::as_str).unwrap_or(""));
            let got = call("jsonpatch_apply", &[text(&doc.to_string()), text(&patch.to_string())]);
            let got = match got {
                Ok(Value::Text(t)) => Ok(serde_json::from_slice::<Json>(&t).expect("JSON out")),
                Ok(other) => panic!("{name}: {other:?}"),
                Err(e) => Err(e.message),
            };
            if let Some(want) = t.get("expected") {
                expected.1 += 1;
                match got {
                    Ok(doc) if equal(&doc, want) => expected.0 += 1,
                    other => failures.push(format!("{name}: got {other:?}, want {want}")),
                }
            } else if let Some(error) = t.get("error") {
                errors.1 += 1;
                match got {
                    Err(_) => errors.0 += 1,
                    Ok(doc) => failures.push(format!("{name}: gave {doc} instead of the error {error}")),
                }
            } else {
                applied.1 += 1;
                match got {
                    Ok(_) => applied.0 += 1,
                    Err(e) => failures.push(format!("{name}: {e}")),
                }
            }
        }
        summary.push(format!(
            "{file}: expected {}/{}, errors {}/{}, applied {}/{}; disabled tests passing anyway {}/{}",
            expected.0, expected.1, errors.0, errors.1, applied.0, applied.1, disabled.0, disabled.1
        ));
    }
    println!("json-patch-tests: {}", summary.join("; "));
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// jsonpatch_diff's patch turns each test's document into its expected one.
#[test]
fn diffs_of_the_suite_apply() {
    let tests: Vec<Json> = serde_json::from_str(&std::fs::read_to_string(suite_dir().join("tests.json")).unwrap()).unwrap();
    let mut n = 0;
    for t in &tests {
        let (Some(a), Some(b)) = (t.get("doc"), t.get("expected")) else { continue };
        let (a, b) = (text(&a.to_string()), text(&b.to_string()));
        let patch = call("jsonpatch_diff", &[a.clone(), b.clone()]).unwrap();
        let Value::Text(got) = call("jsonpatch_apply", &[a, patch]).unwrap() else { panic!() };
        let Value::Text(want) = b else { panic!() };
        let (got, want): (Json, Json) = (serde_json::from_slice(&got).unwrap(), serde_json::from_slice(&want).unwrap());
        assert!(equal(&got, &want), "{t}");
        n += 1;
    }
    println!("json-patch-tests: {n} jsonpatch_diff patches applied back");
}
