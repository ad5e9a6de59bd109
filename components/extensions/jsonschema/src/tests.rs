// Included into the extension module; calls the SQL functions through the
// generated dispatch. Expected values: sqlite-jsonschema's README, docs.md
// and tests/test-loadable.py.

use super::*;
use sqlink_test::{call, manifest};

fn t(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}

fn matches(schema: &str, doc: &str) -> i64 {
    match call("jsonschema_matches", &[t(schema), t(doc)]) {
        Ok(Value::Integer(i)) => i,
        other => panic!("jsonschema_matches({schema}, {doc}): {other:?}"),
    }
}

fn err(args: &[Value]) -> String {
    call("jsonschema_matches", args).expect_err("an error").message
}

#[test]
fn registers_the_references_functions() {
    use sqlink_sdk::wit::types::FunctionFlags;
    let m = manifest();
    let mut names: Vec<_> = m.functions.iter().map(|f| (f.name.as_str(), f.arity)).collect();
    names.sort();
    assert_eq!(names, [("jsonschema_debug", 0), ("jsonschema_matches", 2), ("jsonschema_version", 0)]);
    for f in &m.functions {
        assert!((f.flags & FunctionFlags::DETERMINISTIC) == FunctionFlags::DETERMINISTIC, "{}", f.name);
    }
}

#[test]
fn version_and_debug() {
    assert_eq!(call("jsonschema_version", &[]).unwrap(), t("v0.2.3"));
    assert_eq!(call("jsonschema_debug", &[]).unwrap(), t("Version: v0.2.3\nSource: fadd55ddc28537f5f8769205e2c0798dfb854b79\n"));
}

#[test]
fn documented_examples() {
    assert_eq!(matches(r#"{"maxLength": 5}"#, r#""alex""#), 1);
    assert_eq!(matches(r#"{"maxLength": 5}"#, r#""alexxx""#), 0);
    assert_eq!(matches(r#"{"maxLength": 5}"#, r#""aaaaa""#), 1);
    assert_eq!(matches(r#"{"maxLength": 5}"#, r#""aaaaaa""#), 0);
    for (s, want) in [("a", 1), ("bb", 1), ("ccc", 1), ("dddd", 0)] {
        assert_eq!(matches(r#"{"maxLength": 3}"#, &format!("\"{s}\"")), want);
    }
    let students = r#"{"type": "object", "properties": {"firstName": {"type": "string"}, "lastName": {"type": "string"}, "age": {"type": "integer", "minimum": 0}}}"#;
    assert_eq!(matches(students, r#"{"firstName": "Alex", "lastName": "Garcia", "age": 100}"#), 1);
    assert_eq!(matches(students, r#"{"firstName": "Alex", "lastName": "Garcia", "age": -1}"#), 0);
    let numbers = r#"{"type": "array", "items": {"type": "number"}}"#;
    assert_eq!(matches(numbers, "[1, 2.5]"), 1);
    assert_eq!(matches(numbers, r#"[1, "2"]"#), 0);
}

#[test]
fn drafts() {
    // No $schema: Draft 7 (items as an array is tuple validation there).
    assert_eq!(matches(r#"{"items": [{"type": "string"}]}"#, "[1]"), 0);
    assert_eq!(matches(r#"{"prefixItems": [{"type": "string"}]}"#, "[1]"), 1);
    // 2020-12 when declared.
    assert_eq!(matches(r#"{"$schema": "https://json-schema.org/draft/2020-12/schema", "prefixItems": [{"type": "string"}]}"#, "[1]"), 0);
    // Formats are asserted.
    assert_eq!(matches(r#"{"format": "ipv4"}"#, r#""1.2.3.4""#), 1);
    assert_eq!(matches(r#"{"format": "ipv4"}"#, r#""1.2.3""#), 0);
}

#[test]
fn arguments_and_errors() {
    assert_eq!(call("jsonschema_matches", &[t(r#"{"type": "integer"}"#), Value::Integer(5)]).unwrap(), Value::Integer(1));
    assert_eq!(call("jsonschema_matches", &[t(r#"{"type": "integer"}"#), Value::Real(1.5)]).unwrap(), Value::Integer(0));
    assert_eq!(err(&[Value::Null, t("1")]), "Invalid JSON");
    assert_eq!(err(&[t("{"), t("1")]), "Invalid JSON");
    assert_eq!(err(&[t(r#"{"type": 5}"#), t("1")]), "Invalid schema");
    assert_eq!(err(&[t("{}"), Value::Null]), "Invalid JSON: EOF while parsing a value at line 1 column 0");
    assert_eq!(err(&[t("{}"), t("[1,")]), "Invalid JSON: EOF while parsing a value at line 1 column 3");
    assert_eq!(err(&[t("{}"), Value::Text(b"\"\xff\"".to_vec())]), "invalid utf-8 sequence of 1 bytes from index 1");
}
