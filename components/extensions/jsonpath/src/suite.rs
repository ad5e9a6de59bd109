//! The jsonpath-compliance-test-suite (`cts.json`). `make test` fetches the
//! copy npm's jsonpath-rfc9535 1.3.0 carries (687 tests) into
//! components/target/jsonpath-cts/; `JSONPATH_CTS=/path/to/cts.json` runs
//! another (the suite's repository at commit 7be7c1f, 703 tests, was
//! measured too: see the README). Skipped when neither is there:
//!
//! ```text
//! JSONPATH_CTS=/path/to/cts.json cargo test -p sqlink-ext-jsonpath -- --nocapture
//! ```
//!
//! Valid selectors must give the test's result (or one of its results,
//! where object member order leaves several possible) and its normalized
//! paths; invalid ones must be errors.

use crate::jsonpath_ext::sqlink_test::{call, query_table};
use serde_json::Value as Json;
use sqlink_sdk::Value;

fn text(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}

#[test]
fn jsonpath_compliance_test_suite() {
    let path = std::env::var("JSONPATH_CTS").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/jsonpath-cts/cts.json").into());
    let Ok(source) = std::fs::read_to_string(&path) else {
        eprintln!("no {path}: skipped (make test fetches it)");
        return;
    };
    let cts: Json = serde_json::from_str(&source).expect("cts.json is JSON");
    let (mut valid, mut invalid, mut paths) = ((0, 0), (0, 0), (0, 0));
    let mut failures = Vec::new();
    for t in cts["tests"].as_array().expect("tests") {
        let name = t["name"].as_str().unwrap_or("");
        let selector = t["selector"].as_str().expect("selector");
        let document = t.get("document").cloned().unwrap_or(Json::Null).to_string();
        let got = call("jsonpath_query", &[text(&document), text(selector)]);
        if t.get("invalid_selector") == Some(&Json::Bool(true)) {
            invalid.1 += 1;
            match got {
                Err(_) => invalid.0 += 1,
                Ok(v) => failures.push(format!("{name}: {selector:?} accepted, gave {v:?}")),
            }
            continue;
        }
        valid.1 += 1;
        let wanted: Vec<Json> = match (t.get("result"), t.get("results")) {
            (Some(one), _) => vec![one.clone()],
            (None, Some(Json::Array(many))) => many.clone(),
            _ => panic!("{name}: no result"),
        };
        match got {
            Ok(Value::Text(json)) => {
                let json: Json = serde_json::from_slice(&json).expect("JSON out");
                if wanted.contains(&json) { valid.0 += 1 } else { failures.push(format!("{name}: {selector:?} gave {json}, want {wanted:?}")) }
            }
            other => failures.push(format!("{name}: {selector:?} gave {other:?}")),
        }
        let wanted_paths: Vec<Json> = match (t.get("result_paths"), t.get("results_paths")) {
            (Some(one), _) => vec![one.clone()],
            (None, Some(Json::Array(many))) => many.clone(),
            _ => continue,
        };
        paths.1 += 1;
        match query_table("jsonpath_each", &[("json", text(&document)), ("query", text(selector))]) {
            Ok(rows) => {
                let got: Json = rows.iter().map(|r| match &r[1] { Value::Text(t) => Json::String(String::from_utf8(t.clone()).unwrap()), v => panic!("{v:?}") }).collect();
                if wanted_paths.contains(&got) { paths.0 += 1 } else { failures.push(format!("{name}: {selector:?} paths {got}, want {wanted_paths:?}")) }
            }
            Err(e) => failures.push(format!("{name}: {selector:?} jsonpath_each: {}", e.message)),
        }
    }
    println!("jsonpath-compliance-test-suite: valid {}/{}, invalid {}/{}, normalized paths {}/{}", valid.0, valid.1, invalid.0, invalid.1, paths.0, paths.1);
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
