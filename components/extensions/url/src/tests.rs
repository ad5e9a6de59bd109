//! The functions and `url_query_each` through the generated exports, as a
//! host drives them, against what sqlite-url v0.1.0 (commit 19cf842, built
//! against Debian 12's libcurl 7.88.1, loaded into Debian's sqlite3
//! 3.40.1) answered. testdata/vectors.txt (made by testdata/gen.sh) holds,
//! for every input and base of WHATWG's urltestdata.json (the url crate
//! 2.5.8's copy, a dev-dependency) and RFC 3986's examples, its validity,
//! every part, url_escape and url_unescape.

use crate::url_ext::sqlink_test::{call, manifest, table};
use sqlink_sdk::Value;

fn hex(b: &[u8]) -> String {
    b.iter().map(|c| format!("{c:02X}")).collect()
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn shown(v: &Value) -> String {
    match v {
        Value::Null => "N".into(),
        Value::Text(t) => hex(t),
        Value::Integer(i) => i.to_string(),
        other => panic!("unexpected {other:?}"),
    }
}

const COLUMNS: [&str; 13] =
    ["valid", "scheme", "user", "password", "options", "host", "port", "path", "query", "fragment", "zoneid", "escape", "unescape"];

#[test]
fn every_vector_answers_as_sqlite_url() {
    let vectors = include_str!("../testdata/vectors.txt");
    let (mut checked, mut wrong) = (0, Vec::new());
    for line in vectors.lines() {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 14, "{line}");
        let input = Value::Text(unhex(fields[0]));
        for (name, want) in COLUMNS.iter().zip(&fields[1..]) {
            let got = call(&format!("url_{name}"), std::slice::from_ref(&input)).unwrap();
            checked += 1;
            if shown(&got) != *want {
                wrong.push(format!("url_{name}({:?}): got {}, sqlite-url {want}", String::from_utf8_lossy(&unhex(fields[0])), shown(&got)));
            }
        }
    }
    assert!(checked > 10000, "vectors.txt has the whole corpus");
    assert!(wrong.is_empty(), "{} of {checked} differ:\n{}", wrong.len(), wrong.iter().take(40).cloned().collect::<Vec<_>>().join("\n"));
}

/// WHATWG's expected results are not the reference (curl reads URLs its own
/// way), so this only measures, for the record, how many of urltestdata's
/// URLs curl's reading (and so this crate) agrees with on validity and, for
/// URLs both accept, on the href, host and path. It fails only if the
/// corpus goes missing.
#[test]
fn how_far_curls_reading_agrees_with_whatwg_urltestdata() {
    let data = urltestdata();
    let (mut total, mut valid_agree, mut both_valid, mut href_agree, mut host_agree, mut path_agree) = (0, 0, 0, 0, 0, 0);
    for item in data.as_array().unwrap() {
        let Some(item) = item.as_object() else { continue };
        // Relative references need a base, which sqlite-url cannot resolve.
        if item.get("base").is_some_and(|b| !b.is_null()) && !item["input"].as_str().unwrap().contains("://") {
            continue;
        }
        let input = item["input"].as_str().unwrap();
        total += 1;
        let whatwg_valid = item.get("failure").is_none();
        let ours = call("url_valid", &[Value::text(input)]).unwrap() == Value::Integer(1);
        if ours == whatwg_valid {
            valid_agree += 1;
        }
        if ours && whatwg_valid {
            both_valid += 1;
            let get = |f: &str| call(f, &[Value::text(input)]).unwrap();
            if get("url") == Value::text(item["href"].as_str().unwrap()) {
                href_agree += 1;
            }
            if get("url_host") == Value::text(item["hostname"].as_str().unwrap()) {
                host_agree += 1;
            }
            if get("url_path") == Value::text(item["pathname"].as_str().unwrap()) {
                path_agree += 1;
            }
        }
    }
    println!(
        "urltestdata (absolute inputs): {total}; validity agrees {valid_agree}; both valid {both_valid}: href {href_agree}, host {host_agree}, path {path_agree}"
    );
    assert!(total > 300);
}

fn urltestdata() -> serde_json::Value {
    // The url crate's package ships it; cargo unpacked it next to the
    // crate's sources (the dev-dependency pins the version, Cargo.lock the
    // checksum).
    let home = std::env::var("CARGO_HOME").map(std::path::PathBuf::from).unwrap_or_else(|_| {
        std::path::PathBuf::from(std::env::var("HOME").unwrap()).join(".cargo")
    });
    let src = home.join("registry/src");
    for index in std::fs::read_dir(&src).unwrap().flatten() {
        let file = index.path().join("url-2.5.8/tests/urltestdata.json");
        if file.exists() {
            return serde_json::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
        }
    }
    panic!("url 2.5.8's tests/urltestdata.json not in {}", src.display());
}

#[test]
fn the_manifest_has_sqlite_urls_functions_and_table() {
    let m = manifest();
    let mut functions: Vec<_> = m.functions.iter().map(|f| (f.name.as_str(), f.arity)).collect();
    functions.sort();
    let mut want = vec![("url", -1), ("url_debug", 0), ("url_querystring", -1), ("url_version", 0)];
    for one in ["escape", "fragment", "host", "options", "password", "path", "port", "query", "scheme", "unescape", "user", "valid", "zoneid"] {
        want.push((Box::leak(format!("url_{one}").into_boxed_str()), 1));
    }
    want.sort();
    assert_eq!(functions, want);
    assert_eq!(table("url_query_each").schema(), "CREATE TABLE x(query hidden, raw_sequence text hidden, name text, value text)");
}

#[test]
fn url_query_each_keeps_sqlite_urls_quirks() {
    let rows = |q: &str, cols: &[&str]| table("url_query_each").query().arg("query", q).select(cols).rows();
    let t = Value::text;
    assert_eq!(rows("a=b&c=d", &["rowid", "name", "value"]).unwrap(), [vec![Value::Integer(0), t("a"), t("b")], vec![Value::Integer(1), t("c"), t("d")]]);
    assert_eq!(rows("a=&b=c", &["value"]).unwrap(), [vec![t("&b=c")], vec![t("c")]]);
    assert_eq!(rows("a&b=c", &["name"]).unwrap(), [vec![t("a&")], vec![t("b")]]);
    // sqlite-url: out of memory.
    assert_eq!(rows("a&b=c", &["value"]).unwrap(), [vec![t("")], vec![t("c")]]);
    assert_eq!(
        rows("x+y=1&z=a+b", &["query"]).unwrap(),
        [vec![t("x y=1&z=a+b")], vec![t("x y=1&z=a b")]]
    );
}

#[test]
fn url_querystring_refuses_an_odd_count_and_reads_null_as_empty() {
    assert_eq!(call("url_querystring", &[Value::text("a"), Value::Null]).unwrap(), Value::text("a="));
    let e = call("url_querystring", &[Value::text("a"), Value::text("b"), Value::text("c")]).unwrap_err();
    assert_eq!(e.message, "url_querystring() requires an even number of arguments");
}

/// RFC 3986 section 5.4's examples (base `http://a/b/c/d;p?q`) whose
/// reference is a relative path: appended to the base's directory, curl's
/// removal of dot segments must give the RFC's resolved URL. (sqlite-url
/// cannot resolve a reference against a base; this checks the half of
/// resolution it does.)
#[test]
fn rfc_3986_dot_segment_examples() {
    let examples = [
        ("g", "http://a/b/c/g"),
        ("./g", "http://a/b/c/g"),
        ("g/", "http://a/b/c/g/"),
        (";x", "http://a/b/c/;x"),
        ("g;x", "http://a/b/c/g;x"),
        ("g;x?y#s", "http://a/b/c/g;x?y#s"),
        (".", "http://a/b/c/"),
        ("./", "http://a/b/c/"),
        ("..", "http://a/b/"),
        ("../", "http://a/b/"),
        ("../g", "http://a/b/g"),
        ("../..", "http://a/"),
        ("../../", "http://a/"),
        ("../../g", "http://a/g"),
        ("../../../g", "http://a/g"),
        ("../../../../g", "http://a/g"),
        ("g.", "http://a/b/c/g."),
        (".g", "http://a/b/c/.g"),
        ("g..", "http://a/b/c/g.."),
        ("..g", "http://a/b/c/..g"),
        ("./../g", "http://a/b/g"),
        ("./g/.", "http://a/b/c/g/"),
        ("g/./h", "http://a/b/c/g/h"),
        ("g/../h", "http://a/b/c/h"),
        ("g;x=1/./y", "http://a/b/c/g;x=1/y"),
        ("g;x=1/../y", "http://a/b/c/y"),
        ("g?y/./x", "http://a/b/c/g?y/./x"),
        ("g?y/../x", "http://a/b/c/g?y/../x"),
        ("g#s/./x", "http://a/b/c/g#s/./x"),
        ("g#s/../x", "http://a/b/c/g#s/../x"),
    ];
    for (reference, want) in examples {
        let got = call("url", &[Value::text(format!("http://a/b/c/{reference}"))]).unwrap();
        assert_eq!(got, Value::text(want), "{reference}");
    }
}
