//! The functions through the generated dispatch, as a host calls them.

use crate::yaml_ext::sqlink_test::{call, manifest, query_table};
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
fn yaml_becomes_compact_json() {
    assert_eq!(ok("yaml_to_json", "a: 1\nb: [x, 'y', \"z\"]\nc:\n  d: ~\n  e: yes\n"), r#"{"a":1,"b":["x","y","z"],"c":{"d":null,"e":"yes"}}"#);
    assert_eq!(ok("yaml_to_json", "- &a {k: v}\n- *a\n"), r#"[{"k":"v"},{"k":"v"}]"#);
    assert_eq!(ok("yaml_to_json", "1: one\n? [a, b]\n: c\n"), r#"{"1":"one","[\"a\",\"b\"]":"c"}"#);
    assert_eq!(ok("yaml_to_json", "text: |\n  line 1\n  line 2\n"), r#"{"text":"line 1\nline 2\n"}"#);
    assert_eq!(ok("yaml_to_json", "--- 42\n"), "42");
    assert_eq!(ok("yaml_to_json", "---\n"), "null");
    assert_eq!(call("yaml_to_json", &[text("# nothing\n")]).unwrap(), Value::Null);
    assert_eq!(call("yaml_to_json", &[Value::Null]).unwrap(), Value::Null);
}

#[test]
fn errors_name_the_line_and_column() {
    assert_eq!(err("yaml_to_json", "a: 1\nb: [1, 2\n"), "yaml_to_json(): invalid YAML at line 3, column 1: while parsing a flow sequence, expected ',' or ']'");
    assert_eq!(err("yaml_to_json", "a: 1\na: 2\n"), "yaml_to_json(): invalid YAML at line 2, column 1: duplicate key \"a\"");
    assert_eq!(err("yaml_to_json", "n: !!int x\n"), "yaml_to_json(): invalid YAML at line 1, column 4: !!int cannot be \"x\"");
    assert_eq!(err("yaml_to_json", "--- 1\n--- 2\n"), "yaml_to_json(): the text holds 2 documents; yaml_each() gives one row per document");
    assert_eq!(err("json_to_yaml", "{\"a\":\n [1,}"), "json_to_yaml(): invalid JSON at line 2, column 5: expected value");
}

#[test]
fn billion_laughs_is_an_error() {
    let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..12 {
        doc.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n", p = i - 1));
    }
    assert!(err("yaml_to_json", &doc).contains("aliases expand to too much JSON"));
}

#[test]
fn json_becomes_yaml() {
    assert_eq!(ok("json_to_yaml", r#"{"a":1,"b":[true,null,"x"],"c":{"d":"1","e":""}}"#), "a: 1\nb:\n  - true\n  - ~\n  - x\nc:\n  d: \"1\"\n  e: \"\"\n");
    assert_eq!(ok("json_to_yaml", "[]"), "[]\n");
    assert_eq!(ok("json_to_yaml", "\"yes\""), "\"yes\"\n");
    assert_eq!(ok("json_to_yaml", "18446744073709551616"), "1.8446744073709552e+19\n");
}

#[test]
fn yaml_each_gives_a_row_per_document() {
    let rows = query_table("yaml_each", &[("yaml", text("a: 1\n---\n- x\n--- 3\n"))]).unwrap();
    assert_eq!(
        rows,
        [
            vec![Value::Integer(1), Value::Integer(1), text("{\"a\":1}")],
            vec![Value::Integer(2), Value::Integer(2), text("[\"x\"]")],
            vec![Value::Integer(3), Value::Integer(4), text("3")],
        ]
    );
}

#[test]
fn the_manifest_lists_the_functions() {
    let m = manifest();
    let names: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["yaml_to_json", "json_to_yaml"]);
}
