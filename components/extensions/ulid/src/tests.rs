//! Every function called through the generated `sqlink_test`: the
//! reference's documented examples (docs.md) and its tests
//! (tests/test-loadable.py), then arguments it reads in its own way.

use crate::ulid_ext::sqlink_test::{call, manifest};
use sqlink_sdk::wit::types::FunctionFlags;
use sqlink_sdk::{Error, Value};

fn text(name: &str, args: Vec<Value>) -> String {
    match call(name, &args).unwrap() {
        Value::Text(t) => String::from_utf8(t).unwrap(),
        other => panic!("{name} returned {other:?}"),
    }
}

fn blob(name: &str, args: Vec<Value>) -> Vec<u8> {
    match call(name, &args).unwrap() {
        Value::Blob(b) => b,
        other => panic!("{name} returned {other:?}"),
    }
}

fn err(name: &str, args: Vec<Value>) -> String {
    let e: Error = call(name, &args).unwrap_err();
    e.message
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn is_ulid(s: &str) -> bool {
    s.len() == 26 && s.bytes().all(|b| b"0123456789abcdefghjkmnpqrstvwxyz".contains(&b)) && s.as_bytes()[0] <= b'7'
}

#[test]
fn documented_examples() {
    assert_eq!(text("ulid", vec![Value::Blob(unhex("0185f0dc8ec7613cfa43034128935a60"))]), "01gqrds3p7c4yfmgr384m96pk0");
    assert_eq!(blob("ulid_bytes", vec![Value::text("01gqrdes0hyscqpxf1yjm6m3r9")]), unhex("0185f0d76411f6597b75e1f4a86a0f09"));
    assert_eq!(blob("ulid_bytes", vec![Value::text("01gqrdeseemx2mwnfg932phz1k")]), unhex("0185f0d765cea7454e55f048c568fc33"));
    assert_eq!(text("ulid_datetime", vec![Value::text("01GQ8C8FWG0W1B5H3W5304049S")]), "2023-01-20 20:00:00.400");
    assert_eq!(text("ulid_datetime", vec![Value::Blob(unhex("0185d0c5362761312e0483e4c9e3ec5d"))]), "2023-01-20 20:01:03.527");
    assert_eq!(text("ulid_datetime", vec![Value::text("invoice_01gqre8x2efy50mz28b238dh2a")]), "2023-01-27 01:43:01.966");
    // The docs' ulid_with_datetime example: the same time part as 01GQ8C8FWG...
    let u = text("ulid_with_datetime", vec![Value::text("2023-01-20 20:00:00.400")]);
    assert!(is_ulid(&u) && u.starts_with("01gq8c8fwg"), "{u}");
}

#[test]
fn reference_tests() {
    assert!(text("ulid_version", vec![]).starts_with('v'));
    assert_eq!(text("ulid_debug", vec![]).split('\n').count(), 3);
    assert!(is_ulid(&text("ulid", vec![])));
    let b = b"\x01\x85\xe5\xb1\xc5\xe9\xfb\xa7\xf5\xcfSJ\x13\xe4.\xa3".to_vec();
    assert_eq!(text("ulid", vec![Value::Blob(b.clone())]).len(), 26);
    assert_eq!(blob("ulid_bytes", vec![]).len(), 16);
    assert_eq!(blob("ulid_bytes", vec![Value::text("01gqqt4x43d7k0x3n5jpqhh2qd")]).len(), 16);
    assert_eq!(text("ulid_with_prefix", vec![Value::text("abc")]).len(), 26 + 4);
    let u = text("ulid_with_datetime", vec![Value::text("2023-01-26 19:50:09.428")]);
    assert_eq!(text("ulid_datetime", vec![Value::text(u)]), "2023-01-26 19:50:09.428");
    assert_eq!(text("ulid_datetime", vec![Value::text("01GMP2G8ZG6PMKWYVKS62TTA41")]), "2022-12-19 20:51:46.288");
    assert_eq!(text("ulid_datetime", vec![Value::text("u_01gqqt6dz6p00680vw747t8vs5")]), "2023-01-26 19:52:09.446");
    assert_eq!(text("ulid_datetime", vec![Value::Blob(b)]), "2023-01-24 21:31:51.145");
}

#[test]
fn generated_ulids_are_fresh_and_current() {
    let a = blob("ulid_bytes", vec![]);
    let b = blob("ulid_bytes", vec![]);
    assert_ne!(a, b);
    // Round trip through both forms.
    let t = text("ulid", vec![Value::Blob(a.clone())]);
    assert_eq!(blob("ulid_bytes", vec![Value::text(t.to_uppercase())]), a);
    // The time part is now (after 2025).
    let when = text("ulid_datetime", vec![Value::Blob(a)]);
    assert!(when.as_str() > "2025-01-01 00:00:00.000", "{when}");
    let p = text("ulid_with_prefix", vec![Value::text("Invoice")]);
    assert!(p.starts_with("invoice_") && is_ulid(&p[8..]), "{p}");
}

#[test]
fn arguments_read_as_sqlite_loadable_reads_them() {
    // NULL prefix is '', a number its text.
    assert!(text("ulid_with_prefix", vec![Value::Null]).starts_with('_'));
    assert!(text("ulid_with_prefix", vec![Value::Integer(42)]).starts_with("42_"));
    assert!(text("ulid_with_prefix", vec![Value::Real(1.5)]).starts_with("1.5_"));
    assert!(text("ulid_with_prefix", vec![Value::text("ÄBC")]).starts_with("äbc_"));
    assert_eq!(err("ulid_with_prefix", vec![Value::Text(vec![0xff])]), "utf8 err");
    // ulid(): 16 bytes of text are read as bytes; anything else fails.
    assert_eq!(text("ulid", vec![Value::text("AAAAAAAAAAAAAAAA")]), "21850m2ga1850m2ga1850m2ga1");
    for v in [Value::Null, Value::Integer(5), Value::Blob(vec![0; 15]), Value::Blob(vec![0; 17])] {
        assert_eq!(err("ulid", vec![v]), "invalid BLOB input to ulid()");
    }
    // ulid_bytes(text)
    assert_eq!(err("ulid_bytes", vec![Value::Null]), "invalid ULID input to ulid_bytes(): invalid length");
    assert_eq!(err("ulid_bytes", vec![Value::text("01gqrdes0hyscqpxf1yjm6m3r")]), "invalid ULID input to ulid_bytes(): invalid length");
    assert_eq!(err("ulid_bytes", vec![Value::text("01gqrdes0hyscqpxf1yjm6m3ru")]), "invalid ULID input to ulid_bytes(): invalid character");
    assert_eq!(err("ulid_bytes", vec![Value::Text(b"01gqrdes0hyscqpxf1yjm6m3r\xff".to_vec())]), "utf8 err");
    // ulid_datetime
    for v in [Value::Null, Value::Integer(1), Value::Real(2.5)] {
        assert_eq!(err("ulid_datetime", vec![v]), "unsupported input for ulid_datetime");
    }
    assert_eq!(err("ulid_datetime", vec![Value::Blob(vec![1, 2, 3])]), "invalid BLOB input to ulid_datetime()");
    assert_eq!(err("ulid_datetime", vec![Value::text("nope")]), "invalid ULID input to ulid_datetime(): invalid length");
    assert_eq!(err("ulid_datetime", vec![Value::text("x_y_01gqqt6dz6p00680vw747t8vs")]), "invalid ULID input to ulid_datetime(): invalid length");
    assert_eq!(text("ulid_datetime", vec![Value::text("7zzzzzzzzzzzzzzzzzzzzzzzzz")]), "+10889-08-02 05:31:50.655");
    assert_eq!(text("ulid_datetime", vec![Value::text("00000000000000000000000000")]), "1970-01-01 00:00:00.000");
    // ulid_with_datetime: chrono's reasons, in the reference's message.
    let fmt = "error parsing date and time using format '%Y-%m-%d %H:%M:%S.%3f'";
    assert_eq!(err("ulid_with_datetime", vec![Value::Null]), format!("{fmt}: premature end of input"));
    assert_eq!(err("ulid_with_datetime", vec![Value::text("2023-01-26 19:50:09")]), format!("{fmt}: premature end of input"));
    assert_eq!(err("ulid_with_datetime", vec![Value::text("2023-01-26 19:50:09.4")]), format!("{fmt}: premature end of input"));
    assert_eq!(err("ulid_with_datetime", vec![Value::text("2023-01-26T19:50:09.428")]), format!("{fmt}: input contains invalid characters"));
    assert_eq!(err("ulid_with_datetime", vec![Value::text("2023-02-30 19:50:09.428")]), format!("{fmt}: input is out of range"));
    assert_eq!(err("ulid_with_datetime", vec![Value::text("2023-01-26 19:50:09.4281")]), format!("{fmt}: trailing input"));
    assert!(err("ulid_with_datetime", vec![Value::text("1969-12-31 23:59:59.999")]).contains("before 1970"));
    let u = text("ulid_with_datetime", vec![Value::text("1970-01-01 00:00:00.000")]);
    assert!(u.starts_with("0000000000"), "{u}");
}

#[test]
fn manifest_names_arities_and_flags_as_the_reference() {
    let m = manifest();
    let mut got: Vec<(String, i32, FunctionFlags)> = m.functions.iter().map(|f| (f.name.clone(), f.arity, f.flags)).collect();
    got.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let none = FunctionFlags::empty();
    let det = FunctionFlags::DETERMINISTIC;
    let want: Vec<(String, i32, FunctionFlags)> = [
        ("ulid", 0, none),
        ("ulid", 1, none),
        ("ulid_bytes", 0, none),
        ("ulid_bytes", 1, none),
        ("ulid_datetime", 1, det),
        ("ulid_debug", 0, det),
        ("ulid_version", 0, det),
        ("ulid_with_datetime", 1, none),
        ("ulid_with_prefix", 1, none),
    ]
    .into_iter()
    .map(|(n, a, f)| (n.to_string(), a, f))
    .collect();
    assert_eq!(got, want);
}
