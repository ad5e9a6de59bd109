//! The functions through the generated dispatch, as a host calls them;
//! examples from RFC 6902's appendix A.

use crate::jsonpatch_ext::sqlink_test::{call, manifest};
use sqlink_sdk::Value;

fn text(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}

fn ok(name: &str, a: &str, b: &str) -> Value {
    call(name, &[text(a), text(b)]).unwrap_or_else(|e| panic!("{name}({a:?}, {b:?}) failed: {}", e.message))
}

fn err(name: &str, a: &str, b: &str) -> String {
    match call(name, &[text(a), text(b)]) {
        Ok(v) => panic!("{name}({a:?}, {b:?}) gave {v:?} instead of an error"),
        Err(e) => e.message,
    }
}

#[test]
fn rfc_6902_appendix_a() {
    // A.1, A.2, A.3, A.6, A.7, A.9/A.8 (test), A.10 (nested add), A.16 (array value).
    assert_eq!(ok("jsonpatch_apply", r#"{"foo":"bar"}"#, r#"[{"op":"add","path":"/baz","value":"qux"}]"#), text(r#"{"foo":"bar","baz":"qux"}"#));
    assert_eq!(ok("jsonpatch_apply", r#"{"foo":["bar","baz"]}"#, r#"[{"op":"add","path":"/foo/1","value":"qux"}]"#), text(r#"{"foo":["bar","qux","baz"]}"#));
    assert_eq!(ok("jsonpatch_apply", r#"{"baz":"qux","foo":"bar"}"#, r#"[{"op":"remove","path":"/baz"}]"#), text(r#"{"foo":"bar"}"#));
    assert_eq!(
        ok("jsonpatch_apply", r#"{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}"#, r#"[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]"#),
        text(r#"{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}"#)
    );
    assert_eq!(ok("jsonpatch_apply", r#"{"foo":["all","grass","cows","eat"]}"#, r#"[{"op":"move","from":"/foo/1","path":"/foo/3"}]"#), text(r#"{"foo":["all","cows","eat","grass"]}"#));
    assert_eq!(
        ok("jsonpatch_apply", r#"{"baz":"qux","foo":["a",2,"c"]}"#, r#"[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]"#),
        text(r#"{"baz":"qux","foo":["a",2,"c"]}"#)
    );
    assert_eq!(ok("jsonpatch_apply", r#"{"foo":["bar"]}"#, r#"[{"op":"add","path":"/foo/-","value":["abc","def"]}]"#), text(r#"{"foo":["bar",["abc","def"]]}"#));
    assert_eq!(ok("jsonpatch_apply", r#"{"/":9,"~1":10}"#, r#"[{"op":"test","path":"/~01","value":10}]"#), text(r#"{"/":9,"~1":10}"#));
    assert_eq!(ok("jsonpatch_apply", r#"{"n":1}"#, r#"[{"op":"test","path":"/n","value":1.0}]"#), text(r#"{"n":1}"#));
}

#[test]
fn errors_name_the_operation() {
    // A.9, A.12, A.13 (the invalid JSON), A.15.
    assert_eq!(
        err("jsonpatch_apply", r#"{"baz":"qux"}"#, r#"[{"op":"test","path":"/baz","value":"bar"}]"#),
        r#"jsonpatch_apply(): operation 1 (test "/baz"): the value is "qux", not "bar""#
    );
    assert_eq!(
        err("jsonpatch_apply", r#"{"foo":"bar"}"#, r#"[{"op":"add","path":"/baz/bat","value":"qux"}]"#),
        r#"jsonpatch_apply(): operation 1 (add "/baz/bat"): path is invalid"#
    );
    assert_eq!(
        err("jsonpatch_apply", r#"{"foo":"bar"}"#, r#"[{"op":"add","path":"/baz","value":"qux","op":"remove"}]"#),
        "jsonpatch_apply(): invalid JSON patch at line 1, column 45: duplicate field `op`"
    );
    assert_eq!(
        err("jsonpatch_apply", r#"{"/":9,"~1":10}"#, r#"[{"op":"test","path":"/~01","value":"10"}]"#),
        r#"jsonpatch_apply(): operation 1 (test "/~01"): the value is 10, not "10""#
    );
    assert_eq!(err("jsonpatch_apply", r#"{"a":1}"#, r#"[{"op":"spam","path":"/a"}]"#).split(':').take(3).collect::<Vec<_>>().join(":"), "jsonpatch_apply(): invalid JSON patch at line 1, column 13: unknown variant `spam`, expected one of `add`, `remove`, `replace`, `move`, `copy`, `test`".split(':').take(3).collect::<Vec<_>>().join(":"));
    assert_eq!(err("jsonpatch_apply", "{\"a\":\n 1,}", "[]"), "jsonpatch_apply(): invalid JSON document at line 2, column 4: trailing comma");
    assert_eq!(err("json_pointer_get", "{}", "a"), r#"json_pointer_get(): invalid JSON pointer "a": it must be empty or start with '/'"#);
}

#[test]
fn diff_makes_a_patch() {
    assert_eq!(ok("jsonpatch_diff", r#"{"a":1,"b":[1,2]}"#, r#"{"a":2,"b":[1,2,3],"c":null}"#), text(r#"[{"op":"replace","path":"/a","value":2},{"op":"add","path":"/b/2","value":3},{"op":"add","path":"/c","value":null}]"#));
    assert_eq!(ok("jsonpatch_diff", r#"{"a":1}"#, r#"{"a":1}"#), text("[]"));
}

#[test]
fn pointers_get_json() {
    assert_eq!(ok("json_pointer_get", r#"{"foo":["bar",{"a/b":[1.5]}]}"#, "/foo/1/a~1b"), text("[1.5]"));
    assert_eq!(ok("json_pointer_get", r#"{"foo":"bar"}"#, ""), text(r#"{"foo":"bar"}"#));
    assert_eq!(ok("json_pointer_get", r#"{"foo":"bar"}"#, "/nope"), Value::Null);
    assert_eq!(call("json_pointer_get", &[Value::Null, text("/a")]).unwrap(), Value::Null);
    assert_eq!(call("jsonpatch_apply", &[text("{}"), Value::Null]).unwrap(), Value::Null);
}

#[test]
fn the_manifest_lists_the_functions() {
    let m = manifest();
    let names: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["jsonpatch_apply", "jsonpatch_diff", "json_pointer_get"]);
}
