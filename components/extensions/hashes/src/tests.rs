//! Every function called through the generated `sqlink_test`, as a host
//! calls it: the reference vectors of `testdata/vectors.tsv`, then
//! sqlite-hashes' own test cases (tests/scalar.rs, tests/aggregate.rs).

use crate::hashes_ext::sqlink_test;
use sqlink_sdk::wit::types::FunctionFlags;
use sqlink_sdk::{Error, Value};

const ALGORITHMS: [&str; 12] = ["md5", "sha1", "sha224", "sha256", "sha384", "sha512", "blake3", "fnv1a", "xxh32", "xxh64", "xxh3_64", "xxh3_128"];

#[derive(Debug, PartialEq)]
enum Out {
    Null,
    Text(String),
    Blob(Vec<u8>),
}

fn out(v: Value) -> Out {
    match v {
        Value::Null => Out::Null,
        Value::Text(t) => Out::Text(String::from_utf8(t).expect("UTF-8 result")),
        Value::Blob(b) => Out::Blob(b),
        other => panic!("unexpected result {other:?}"),
    }
}

fn call(name: &str, args: Vec<Value>) -> Result<Out, Error> {
    sqlink_test::call(name, &args).map(out)
}

fn aggregate(name: &str, rows: &[&[Value]]) -> Result<Out, Error> {
    sqlink_test::aggregate(name, rows).map(out)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
}

/// The input a vector line describes.
fn input(spec: &str) -> Vec<u8> {
    if let Some(text) = spec.strip_prefix("text:") {
        text.as_bytes().to_vec()
    } else if let Some(rest) = spec.strip_prefix("repeat:") {
        let (c, n) = rest.split_once(':').expect("repeat:C:N");
        c.as_bytes().repeat(n.parse().expect("count"))
    } else if let Some(n) = spec.strip_prefix("pattern251:") {
        (0..n.parse::<usize>().expect("length")).map(|i| (i % 251) as u8).collect()
    } else {
        panic!("unknown input {spec}")
    }
}

#[test]
fn reference_vectors_every_variant() {
    let mut count = 0;
    for line in include_str!("../testdata/vectors.tsv").lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let [f, spec, want] = line.split('\t').collect::<Vec<_>>()[..] else { panic!("bad line {line}") };
        let data = input(spec);
        let what = format!("{f}({spec})");
        assert_eq!(call(f, vec![Value::Blob(data.clone())]).unwrap(), Out::Blob(crate_hex_decode(want)), "{what}");
        assert_eq!(call(&format!("{f}_hex"), vec![Value::Blob(data.clone())]).unwrap(), Out::Text(want.into()), "{what}_hex");
        // As text too (blob and text hash the same bytes), and split into
        // three arguments and into rows of an aggregate.
        if let Ok(text) = String::from_utf8(data.clone()) {
            assert_eq!(call(f, vec![Value::text(text)]).unwrap(), Out::Blob(crate_hex_decode(want)), "{what} as text");
        }
        let (a, rest) = data.split_at(data.len() / 3);
        let (b, c) = rest.split_at(rest.len() / 2);
        let parts = [Value::Blob(a.to_vec()), Value::Null, Value::Blob(b.to_vec()), Value::Blob(c.to_vec())];
        assert_eq!(call(&format!("{f}_hex"), parts.to_vec()).unwrap(), Out::Text(want.into()), "{what} in parts");
        let rows: Vec<[Value; 1]> = parts.iter().map(|p| [p.clone()]).collect();
        let rows: Vec<&[Value]> = rows.iter().map(|r| &r[..]).collect();
        assert_eq!(aggregate(&format!("{f}_concat"), &rows).unwrap(), Out::Blob(crate_hex_decode(want)), "{what}_concat");
        assert_eq!(aggregate(&format!("{f}_concat_hex"), &rows).unwrap(), Out::Text(want.into()), "{what}_concat_hex");
        count += 1;
    }
    assert_eq!(count, 75);
}

fn crate_hex_decode(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

/// The hex of `name` over plain bytes, to compare the other cases with.
fn expected(name: &str, data: &[u8]) -> String {
    match call(&format!("{name}_hex"), vec![Value::Blob(data.to_vec())]).unwrap() {
        Out::Text(t) => t,
        other => panic!("{other:?}"),
    }
}

const MIXED: &[u8] = b"a123456789\x00\x01\x23\x45\x67\x89\xab\xcd\xef";

fn mixed_args(with_nulls: bool) -> Vec<Value> {
    let mut args = vec![
        Value::text(""),
        Value::text("a"),
        Value::text("123456789"),
        Value::Blob(vec![]),
        Value::Blob(vec![0]),
        Value::Blob(vec![0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef]),
    ];
    if with_nulls {
        for at in [6, 4, 2, 1, 0] {
            args.insert(at, Value::Null);
        }
    }
    args
}

/// sqlite-hashes tests/scalar.rs `simple` and `simple_hex`.
#[test]
fn scalars_as_the_reference_tests_them() {
    for f in ALGORITHMS {
        let hx = format!("{f}_hex");
        assert_eq!(call(f, vec![Value::Null]).unwrap(), Out::Null);
        assert_eq!(call(f, vec![Value::Null, Value::Null, Value::Null]).unwrap(), Out::Null);
        assert_eq!(call(&hx, vec![Value::Null]).unwrap(), Out::Text(String::new()));
        assert_eq!(call(&hx, vec![Value::Null, Value::Null, Value::Null]).unwrap(), Out::Text(String::new()));
        for name in [f, hx.as_str()] {
            let e = call(name, vec![Value::Integer(1)]).unwrap_err();
            assert_eq!((e.code, e.message.as_str()), (1043, "Invalid function parameter type Integer at index 0"));
            let e = call(name, vec![Value::Real(0.42)]).unwrap_err();
            assert_eq!(e.message, "Invalid function parameter type Real at index 0");
            // The scalars name index 0 wherever the number is.
            let e = call(name, vec![Value::text("a"), Value::Null, Value::Integer(7)]).unwrap_err();
            assert_eq!(e.message, "Invalid function parameter type Integer at index 0");
            let e = call(name, vec![]).unwrap_err();
            assert_eq!((e.code, e.message.as_str()), (1043, "Wrong number of parameters passed to query. Got 0, needed 1"));
        }
        assert_eq!(call(&hx, vec![Value::text("")]).unwrap(), Out::Text(expected(f, b"")));
        assert_eq!(call(&hx, vec![Value::Blob(vec![])]).unwrap(), Out::Text(expected(f, b"")));
        assert_eq!(call(&hx, vec![Value::Blob(vec![0])]).unwrap(), Out::Text(expected(f, b"\0")));
        assert_eq!(call(&hx, mixed_args(false)).unwrap(), Out::Text(expected(f, MIXED)));
        assert_eq!(call(&hx, mixed_args(true)).unwrap(), Out::Text(expected(f, MIXED)));
        let Out::Blob(b) = call(f, mixed_args(true)).unwrap() else { panic!() };
        assert_eq!(hex(&b), expected(f, MIXED));
        // Invalid UTF-8 text hashes as its bytes.
        assert_eq!(call(&hx, vec![Value::Text(vec![0xff, b'A'])]).unwrap(), Out::Text(expected(f, b"\xffA")));
    }
}

/// sqlite-hashes tests/aggregate.rs `simple_concat(_hex)`, `hash_concat`
/// and `concat_sequence(_hex)`.
#[test]
fn aggregates_as_the_reference_tests_them() {
    for f in ALGORITHMS {
        let (cc, ch) = (format!("{f}_concat"), format!("{f}_concat_hex"));
        // No rows: NULL for both.
        assert_eq!(aggregate(&cc, &[]).unwrap(), Out::Null);
        assert_eq!(aggregate(&ch, &[]).unwrap(), Out::Null);
        // Only NULLs: NULL and ''.
        let nulls = [Value::Null, Value::Null, Value::Null];
        assert_eq!(aggregate(&cc, &[&nulls[..1]]).unwrap(), Out::Null);
        assert_eq!(aggregate(&cc, &[&nulls, &nulls]).unwrap(), Out::Null);
        assert_eq!(aggregate(&ch, &[&nulls[..1]]).unwrap(), Out::Text(String::new()));
        assert_eq!(aggregate(&ch, &[&nulls[..1], &nulls[..1], &nulls[..1]]).unwrap(), Out::Text(String::new()));
        // Numbers: an error naming the argument's own index. (The harness
        // keeps a failed group's state, as it never finalizes it, so these
        // hash nothing before failing.)
        for name in [&cc, &ch] {
            let e = aggregate(name, &[&[Value::Integer(1)]]).unwrap_err();
            assert_eq!((e.code, e.message.as_str()), (1043, "Invalid function parameter type Integer at index 0"));
            let e = aggregate(name, &[&[Value::Null, Value::Real(0.42)]]).unwrap_err();
            assert_eq!(e.message, "Invalid function parameter type Real at index 1");
        }
        let mixed = mixed_args(true);
        assert_eq!(aggregate(&ch, &[&mixed]).unwrap(), Out::Text(expected(f, MIXED)));
        // Rows in order: aaa, bbb, ccc.
        let rows = [[Value::text("aaa")], [Value::text("bbb")], [Value::Blob(b"ccc".to_vec())]];
        let rows: Vec<&[Value]> = rows.iter().map(|r| &r[..]).collect();
        assert_eq!(aggregate(&ch, &rows).unwrap(), Out::Text(expected(f, b"aaabbbccc")));
        // 1000 rows of (NULL, v, v+1, NULL).
        let rows: Vec<[Value; 4]> = (1..=1000)
            .map(|i: i64| [Value::Null, Value::text(i.to_string()), Value::Blob((i + 1).to_string().into_bytes()), Value::Null])
            .collect();
        let rows: Vec<&[Value]> = rows.iter().map(|r| &r[..]).collect();
        let want: String = (1..=1000).map(|i| format!("{i}{}", i + 1)).collect();
        assert_eq!(aggregate(&ch, &rows).unwrap(), Out::Text(expected(f, want.as_bytes())));
        let Out::Blob(b) = aggregate(&cc, &rows).unwrap() else { panic!() };
        assert_eq!(hex(&b), expected(f, want.as_bytes()));
    }
}

/// 48 functions: each algorithm's four, every one variadic, deterministic
/// and direct-only like the reference's.
#[test]
fn manifest_has_the_reference_names_and_flags() {
    let m = sqlink_test::manifest();
    let mut names: Vec<String> = m.functions.iter().map(|f| f.name.clone()).chain(m.aggregates.iter().map(|a| a.name.clone())).collect();
    names.sort();
    let mut want: Vec<String> = ALGORITHMS.iter().flat_map(|f| [f.to_string(), format!("{f}_hex"), format!("{f}_concat"), format!("{f}_concat_hex")]).collect();
    want.sort();
    assert_eq!(names, want);
    for f in &m.functions {
        assert_eq!(f.arity, -1, "{}", f.name);
        assert_eq!(f.flags, FunctionFlags::DETERMINISTIC | FunctionFlags::DIRECT_ONLY, "{}", f.name);
    }
    for a in &m.aggregates {
        assert_eq!(a.arity, -1, "{}", a.name);
        assert!(!a.window, "{}", a.name);
        assert_eq!(a.flags, FunctionFlags::DETERMINISTIC | FunctionFlags::DIRECT_ONLY, "{}", a.name);
    }
}
