// Included into the extension module (a proc-macro input cannot declare a
// file module), so these tests call `jq` through the generated dispatch.
// Expected values: liteJQ's tests/basic.sql and tests/complex.sql, its
// README, and the jq 1.7 manual's examples (last output only, as liteJQ).

use super::*;
use sqlink_test::{call, manifest};

fn t(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}

fn jq(json: &str, filter: &str) -> Value {
    call("jq", &[t(json), t(filter)]).unwrap_or_else(|e| panic!("jq({json}, {filter}): {}", e.message))
}

fn err(args: &[Value]) -> String {
    call("jq", args).expect_err("an error").message
}

#[test]
fn registers_jq_not_deterministic() {
    use sqlink_sdk::wit::types::FunctionFlags;
    let m = manifest();
    let f: Vec<_> = m.functions.iter().map(|f| (f.name.as_str(), f.arity)).collect();
    assert_eq!(f, [("jq", 2)]);
    assert!((m.functions[0].flags & FunctionFlags::DETERMINISTIC) != FunctionFlags::DETERMINISTIC);
}

#[test]
fn litejq_basic_and_complex() {
    assert_eq!(jq(r#"{"a": "xyz"}"#, ".a"), t("xyz"));
    assert_eq!(jq(r#"{"a": 100}"#, ".a"), Value::Integer(100));
    assert_eq!(jq(r#"{"a": 100.0001}"#, ".a"), Value::Real(100.0001));
    assert_eq!(jq(r#"{"a": "sdfgdfg"}"#, ".b"), Value::Null);
    assert_eq!(jq(r#"{"a": true}"#, ".a"), Value::Integer(1));
    assert_eq!(jq(r#"{"a": false}"#, ".a"), Value::Integer(0));
    let d = r#"{"a":2,"c":[4,5,{"f":7}]}"#;
    assert_eq!(jq(d, "."), t(d));
    assert_eq!(jq(d, ".a"), Value::Integer(2));
    assert_eq!(jq(d, ".c"), t(r#"[4,5,{"f":7}]"#));
    assert_eq!(jq(d, ".c[2]"), t(r#"{"f":7}"#));
    assert_eq!(jq(d, ".c[2].f"), Value::Integer(7));
}

#[test]
fn readme_examples() {
    let m = r#"{"title": "The Corn Is Green", "year": 1945, "cast": ["Bette Davis", "Joan Lorring", "John Dall"], "genres": ["Drama"], "extract": "a silent film"}"#;
    assert_eq!(jq(m, ".title"), t("The Corn Is Green"));
    assert_eq!(jq(m, "{title: .title, year: .year}"), t(r#"{"title":"The Corn Is Green","year":1945}"#));
    assert_eq!(jq(m, ".year > 1980"), Value::Integer(0));
    assert_eq!(jq(m, r#".extract | contains("silent")"#), Value::Integer(1));
    assert_eq!(jq(m, r#".genres[] == "Drama""#), Value::Integer(1));
    assert_eq!(jq(m, r#".cast | contains(["Joan Lorring", "John Dall"])"#), Value::Integer(1));
}

#[test]
fn manual_examples_last_output() {
    let cases: &[(&str, &str, Value)] = &[
        (r#"{"foo": 42, "bar": "less interesting data"}"#, ".foo", Value::Integer(42)),
        (r#"{"notfoo": true, "alsonotfoo": false}"#, ".foo", Value::Null),
        (r#"{"foo": 42}"#, r#".["foo"]"#, Value::Integer(42)),
        (r#"[{"name":"JSON", "good":true}, {"name":"XML", "good":false}]"#, ".[0]", t(r#"{"name":"JSON","good":true}"#)),
        ("[1,2,3]", ".[-2]", Value::Integer(2)),
        (r#"["a","b","c","d","e"]"#, ".[2:4]", t(r#"["c","d"]"#)),
        (r#""abcdefghi""#, ".[2:4]", t("cd")),
        ("[1,2,3]", ".[]", Value::Integer(3)),
        (r#"{"a": 1, "b": 1}"#, ".[]", Value::Integer(1)),
        (r#"{"foo": 42, "bar": "something else", "baz": true}"#, ".foo, .bar", t("something else")),
        (r#"[{"name":"JSON", "good":true}, {"name":"XML", "good":false}]"#, ".[] | .name", t("XML")),
        (r#"{"a":1,"b":2}"#, "[.a, .b] | add", Value::Integer(3)),
        (r#"{"user":"stedolan","titles":["JQ Primer", "More JQ"]}"#, "{user, title: .titles[]}", t(r#"{"user":"stedolan","title":"More JQ"}"#)),
        ("[[1,2],[3,4]]", "[.[] | add]", t("[3,7]")),
        ("null", "1 / 2", Value::Real(0.5)),
        ("[1,2]", "map(. * 10)", t("[10,20]")),
        (r#"{"a":1,"b":2}"#, "keys", t(r#"["a","b"]"#)),
        ("[3,1,2]", "sort", t("[1,2,3]")),
        (r#"[1, "1", [1]]"#, "map(type)", t(r#"["number","string","array"]"#)),
        (r#""a,b, cd, efg""#, r#"split(", ")"#, t(r#"["a,b","cd","efg"]"#)),
        (r#"["a","b","c"]"#, r#"join("-")"#, t("a-b-c")),
        (r#""test 123 abc""#, r#"test("\\d+")"#, Value::Integer(1)),
        ("[1,[2]]", "tojson", t("[1,[2]]")),
        (r#""[1,2]""#, "fromjson", t("[1,2]")),
        ("[1,2,3]", "length", Value::Integer(3)),
        ("null", "[range(0;10;3)]", t("[0,3,6,9]")),
        (r#"{"a":[1,2]}"#, "[paths]", t(r#"[["a"],["a",0],["a",1]]"#)),
        ("[1,2,3]", "reduce .[] as $x (0; . + $x)", Value::Integer(6)),
        ("null", "empty", Value::Null),
        ("4", "sqrt", Value::Integer(2)),
        ("null", r#""\(1 + 2) apples""#, t("3 apples")),
        (r#""<&>""#, "@html", t("&lt;&amp;&gt;")),
        (r#""hi""#, "@base64", t("aGk=")),
        ("1e-17", ".", Value::Integer(0)),
        ("3.0", ".", Value::Integer(3)),
        ("null", "nan", Value::Null),
        ("null", "infinite", Value::Real(f64::INFINITY)),
        ("5000000000", ".", Value::Integer(5_000_000_000)),
        ("null", r#""a\u0000b""#, t("a")),
        ("null", r#"[1.0, 1e2, 0.1+0.2, 1e-5, "é\u0001"]"#, t("[1.0,1E+2,0.30000000000000004,0.00001,\"é\\u0001\"]")),
        ("null", r#"{"b":1,"a":2}"#, t(r#"{"b":1,"a":2}"#)),
        ("[1,2]", r#".[0], error("boom"), .[1]"#, Value::Integer(1)),
        ("null", "input", Value::Null),
        ("null", "[inputs]", t("[]")),
        ("1", "., halt, 2", Value::Integer(1)),
        ("1", "., halt_error, 2", Value::Integer(1)),
        ("1", "., input, 2", Value::Integer(1)),
        ("[1,2]", "IN(.[]; 2, 3)", Value::Integer(1)),
        ("2", "IN(1, 2)", Value::Integer(1)),
        (r#"[{"id":1,"v":"a"}]"#, "INDEX(.id)", t(r#"{"1":{"id":1,"v":"a"}}"#)),
        ("[[1,2],[3,4]]", "[combinations]", t("[[1,3],[1,4],[2,3],[2,4]]")),
        ("[0,1]", "[combinations(2)]", t("[[0,0],[0,1],[1,0],[1,1]]")),
        (r#"{"a":{"b":1},"c":[2]}"#, "[leaf_paths]", t(r#"[["a","b"],["c",0]]"#)),
        ("1", "toarray", t("[1]")),
    ];
    for (json, filter, want) in cases {
        let got = jq(json, filter);
        match (&got, want) {
            (Value::Real(a), Value::Real(b)) if a == b => {}
            _ => assert_eq!(&got, want, "jq({json}, {filter})"),
        }
    }
}

#[test]
fn errors_and_argument_types() {
    const ARGS: &str = "jq function requires exactly two TEXT arguments";
    assert_eq!(err(&[Value::Null, t(".")]), ARGS);
    assert_eq!(err(&[t("1"), Value::Null]), ARGS);
    assert_eq!(err(&[Value::Integer(1), t(".")]), ARGS);
    assert_eq!(err(&[Value::Blob(b"1".to_vec()), t(".")]), ARGS);
    assert_eq!(err(&[t("{"), t(".")]), "Invalid JSON input");
    assert_eq!(err(&[t("1 2"), t(".")]), "Invalid JSON input");
    assert_eq!(err(&[t(""), t(".")]), "Invalid JSON input");
    assert_eq!(err(&[t("{'a':1}"), t(".")]), "Invalid JSON input");
    assert_eq!(err(&[t("1"), t(".[")]), "Failed to compile jq program");
    assert_eq!(err(&[t("1"), t("nosuch")]), "Failed to compile jq program");
    // Invalid UTF-8 inside a string becomes U+FFFD, as jq's parser does.
    assert_eq!(call("jq", &[Value::Text(b"\"a\xffb\"".to_vec()), t(".")]).unwrap(), t("a\u{fffd}b"));
    assert_eq!(err(&[Value::Text(b"\xff".to_vec()), t(".")]), "Invalid JSON input");
}
