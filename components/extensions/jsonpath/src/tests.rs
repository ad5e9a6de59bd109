//! The functions through the generated dispatch, as a host calls them, on
//! RFC 9535's own examples (section numbers in the test names' comments).

use crate::jsonpath_ext::sqlink_test::{call, manifest, query_table};
use sqlink_sdk::Value;

fn text(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}

fn query(json: &str, path: &str) -> String {
    match call("jsonpath_query", &[text(json), text(path)]) {
        Ok(Value::Text(t)) => String::from_utf8(t).unwrap(),
        other => panic!("jsonpath_query({json:?}, {path:?}) gave {other:?}"),
    }
}

const STORE: &str = r#"{"store":{"book":[{"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95},{"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99},{"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99},{"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99}],"bicycle":{"color":"red","price":399}}}"#;

/// Section 1.5, table 3.
#[test]
fn the_bookstore_examples() {
    let authors = r#"["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]"#;
    assert_eq!(query(STORE, "$.store.book[*].author"), authors);
    assert_eq!(query(STORE, "$..author"), authors);
    assert_eq!(query(STORE, "$.store..price"), "[8.95,12.99,8.99,22.99,399]");
    assert_eq!(query(STORE, "$..book[2].author"), r#"["Herman Melville"]"#);
    assert_eq!(query(STORE, "$..book[2].publisher"), "[]");
    assert_eq!(query(STORE, "$..book[-1].title"), r#"["The Lord of the Rings"]"#);
    assert_eq!(query(STORE, "$..book[0,1].title"), query(STORE, "$..book[:2].title"));
    assert_eq!(query(STORE, "$..book[?@.isbn].title"), r#"["Moby Dick","The Lord of the Rings"]"#);
    assert_eq!(query(STORE, "$..book[?@.price<10].title"), r#"["Sayings of the Century","Moby Dick"]"#);
    assert_eq!(call("jsonpath_exists", &[text(STORE), text("$..book[?@.price>20]")]).unwrap(), Value::Integer(1));
    assert_eq!(call("jsonpath_exists", &[text(STORE), text("$..book[?@.price>1000]")]).unwrap(), Value::Integer(0));
}

/// Sections 2.3.5.3 (filters) and 2.4 (functions).
#[test]
fn filters_and_functions() {
    let doc = r#"{"a":[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}],"o":{"p":1,"q":2,"r":3,"s":5,"t":{"u":6}},"e":"f"}"#;
    assert_eq!(query(doc, "$.a[?@.b == 'kilo']"), r#"[{"b":"kilo"}]"#);
    assert_eq!(query(doc, "$.a[?@>3.5]"), "[5,4,6]");
    assert_eq!(query(doc, "$.a[?@<2 || @.b == \"k\"]"), r#"[1,{"b":"k"}]"#);
    assert_eq!(query(doc, "$.a[?match(@.b, \"[jk]\")]"), r#"[{"b":"j"},{"b":"k"}]"#);
    assert_eq!(query(doc, "$.a[?search(@.b, \"[jk]\")]"), r#"[{"b":"j"},{"b":"k"},{"b":"kilo"}]"#);
    assert_eq!(query(doc, "$.o[?@>1 && @<4]"), "[2,3]");
    assert_eq!(query(doc, "$.a[?@.b == $.x]"), "[3,5,1,2,4,6]");
    assert_eq!(query(doc, "$[?length(@) < 3]"), r#"["f"]"#);
    assert_eq!(query(doc, "$.a[?count(@.*) == 1]"), r#"[{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]"#);
}

/// Section 2.6.1 (null), 2.7 (normalized paths) through jsonpath_each.
#[test]
fn each_gives_nodes_with_normalized_paths() {
    let doc = r#"{"a":null,"b":[null],"c":[{}],"null":1,"d'e":[1.5,"x",true]}"#;
    assert_eq!(query(doc, "$.a"), "[null]");
    assert_eq!(query(doc, "$.a[0]"), "[]");
    assert_eq!(query(doc, "$.b[?@==null]"), "[null]");
    assert_eq!(query(doc, "$.c[?@.d==null]"), "[]");
    assert_eq!(query(doc, "$.null"), "[1]");
    let rows = query_table("jsonpath_each", &[("json", text(doc)), ("query", text("$['d\\'e'][*]"))]).unwrap();
    assert_eq!(
        rows,
        [
            vec![text("1.5"), text("$['d\\'e'][0]"), text("real"), Value::Real(1.5)],
            vec![text("\"x\""), text("$['d\\'e'][1]"), text("text"), text("x")],
            vec![text("true"), text("$['d\\'e'][2]"), text("true"), Value::Integer(1)],
        ]
    );
}

#[test]
fn errors_and_nulls() {
    let message = |json: &str, path: &str| call("jsonpath_query", &[text(json), text(path)]).unwrap_err().message;
    assert!(message("{}", "$.a[").starts_with("jsonpath_query(): invalid JSONPath at character "), "{}", message("{}", "$.a["));
    assert!(message("{}", "a").starts_with("jsonpath_query(): invalid JSONPath at character 1: "), "{}", message("{}", "a"));
    let rows = query_table("jsonpath_each", &[("json", text(r#"{"a\\b\u0001\n":1}"#)), ("query", text("$.*"))]).unwrap();
    assert_eq!(rows[0][1], text(r#"$['a\\b\u0001\n']"#));
    assert_eq!(message("{\"a\":\n 1,}", "$"), "jsonpath_query(): invalid JSON at line 2, column 4: trailing comma");
    assert_eq!(call("jsonpath_query", &[Value::Null, text("$")]).unwrap(), Value::Null);
    assert_eq!(call("jsonpath_exists", &[text("{}"), Value::Null]).unwrap(), Value::Null);
    assert!(query_table("jsonpath_each", &[("json", Value::Null), ("query", text("$"))]).unwrap().is_empty());
}

#[test]
fn the_manifest_lists_the_functions() {
    let m = manifest();
    let names: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["jsonpath_query", "jsonpath_exists"]);
}
