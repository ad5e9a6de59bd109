//! The functions through the interfaces a host calls, on vectors from the
//! zstd command-line tool (zstd 1.5.4) and round trips.

use sqlink_sdk::{Error, Value};

fn call(name: &str, args: &[Value]) -> Result<Value, Error> {
    crate::zstd_ext::sqlink_test::call(name, args)
}

fn train(rows: &[&[Value]]) -> Result<Value, Error> {
    crate::zstd_ext::sqlink_test::aggregate("zstd_train_dict", rows)
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn blob(s: &str) -> Value {
    Value::Blob(unhex(s))
}

fn text(s: &str) -> Value {
    Value::text(s)
}

fn int(i: i64) -> Value {
    Value::Integer(i)
}

fn bytes(v: Value) -> Vec<u8> {
    match v {
        Value::Blob(b) => b,
        other => panic!("not a blob: {other:?}"),
    }
}

fn message(r: Result<Value, Error>) -> String {
    let e = r.expect_err("an error");
    assert_eq!(e.code, 1043, "SQLITE_CONSTRAINT_FUNCTION, as rusqlite reports: {}", e.message);
    e.message
}

const HELLO: &str = "hello zstd, hello zstd, hello zstd";

#[test]
fn decodes_the_cli_s_frames() {
    // printf '...' | zstd -3 -c (with a checksum), and --no-check.
    for frame in ["28b52ffd04589500006068656c6c6f207a7374642c200100574a1281630a62", "28b52ffd00589500006068656c6c6f207a7374642c200100574a12"] {
        let out = call("zstd_decompress", &[blob(frame), int(1)]).unwrap();
        assert!(matches!(out, Value::Text(t) if t == HELLO.as_bytes()));
        let out = call("zstd_decompress", &[blob(frame), int(0)]).unwrap();
        assert_eq!(bytes(out), HELLO.as_bytes());
    }
    // zstd -19 -D d.raw, d.raw a raw-content dictionary.
    let dict = text("the quick brown fox jumps over the lazy dog");
    let dict = Value::Blob(match dict {
        Value::Text(t) => t,
        _ => unreachable!(),
    });
    let frame = blob("28b52ffd0468550000207463617401005ca98465dc8814");
    let out = call("zstd_decompress", &[frame.clone(), int(1), dict]).unwrap();
    assert!(matches!(out, Value::Text(t) if t == b"the quick brown fox jumps over the lazy cat"));
    // Without the dictionary zstd notices: the frame names its dictionary.
    assert!(message(call("zstd_decompress", &[frame, int(1)])).starts_with("decoding\n\nCaused by:\n    "));
}

#[test]
fn compresses_as_zstd_does() {
    // Level 3 (also the default, 0): zstd's frame with the content size
    // (the reference pledges it) and no checksum.
    let plain = bytes(call("zstd_compress", &[text(HELLO)]).unwrap());
    assert_eq!(plain[..4], [0x28, 0xb5, 0x2f, 0xfd]);
    assert_eq!(bytes(call("zstd_compress", &[text(HELLO), int(3)]).unwrap()), plain);
    assert_eq!(bytes(call("zstd_compress", &[text(HELLO), int(0)]).unwrap()), plain);
    assert_eq!(bytes(call("zstd_compress", &[text(HELLO), int(3), Value::Null]).unwrap()), plain);
    assert_eq!(bytes(call("zstd_compress", &[text(HELLO), int(3), int(-1), int(0)]).unwrap()), plain);
    // Compact: no magic number (4 bytes saved), and only the compact
    // decoder reads it.
    let compact = bytes(call("zstd_compress", &[text(HELLO), int(3), Value::Null, int(1)]).unwrap());
    assert!(compact.len() < plain.len());
    assert_ne!(compact[..4], [0x28, 0xb5, 0x2f, 0xfd]);
    let back = call("zstd_decompress", &[Value::Blob(compact.clone()), int(0), Value::Null, int(1)]).unwrap();
    assert_eq!(bytes(back), HELLO.as_bytes());
    assert!(call("zstd_decompress", &[Value::Blob(compact), int(0)]).is_err());
}

#[test]
fn round_trips_at_every_level_with_and_without_dictionaries() {
    let data: Vec<u8> = (0..3000u32).flat_map(|i| format!("{{\"id\":{},\"kind\":\"{}\"}}", i % 71, ["open", "close", "shutdown"][(i % 3) as usize]).into_bytes()).collect();
    let dict = b"{\"id\":0,\"kind\":\"open\"}{\"id\":1,\"kind\":\"close\"}{\"id\":2,\"kind\":\"shutdown\"}".to_vec();
    for level in [-5, 1, 3, 9, 19, 22, 99] {
        for d in [Value::Null, Value::Blob(dict.clone())] {
            for compact in [0, 1] {
                let z = call("zstd_compress", &[Value::Blob(data.clone()), int(level), d.clone(), int(compact)]).unwrap();
                let back = call("zstd_decompress", &[z, int(0), d.clone(), int(compact)]).unwrap();
                assert_eq!(bytes(back), data, "level {level} compact {compact}");
            }
        }
    }
    // Empty input.
    let z = call("zstd_compress", &[text("")]).unwrap();
    assert!(matches!(call("zstd_decompress", &[z, int(1)]).unwrap(), Value::Text(t) if t.is_empty()));
}

#[test]
fn nulls_and_passthrough() {
    assert!(call("zstd_compress", &[Value::Null]).unwrap().is_null());
    assert!(call("zstd_compress", &[Value::Null, text("not a level")]).unwrap().is_null());
    assert!(call("zstd_decompress", &[Value::Null, int(1)]).unwrap().is_null());
    // is_text is read before the data.
    assert_eq!(
        message(call("zstd_decompress", &[Value::Null, Value::Null])),
        "output_text arg invalid\n\nCaused by:\n    Invalid function parameter type Null at index 1"
    );
    // The _col forms pass data through when the dictionary is NULL.
    assert!(matches!(call("zstd_compress_col", &[text("abc"), int(3), Value::Null, int(1)]).unwrap(), Value::Blob(b) if b == b"abc"));
    assert!(matches!(call("zstd_decompress_col", &[text("abc"), int(1), Value::Null, int(1)]).unwrap(), Value::Text(b) if b == b"abc"));
    assert!(matches!(call("zstd_decompress_col", &[int(7), text("x"), Value::Null, text("y")]).unwrap(), Value::Integer(7)));
    let z = call("zstd_compress_col", &[text("abc"), int(3), int(-1), int(1)]).unwrap();
    assert!(matches!(call("zstd_decompress_col", &[z, int(1), int(-1), int(1)]).unwrap(), Value::Text(b) if b == b"abc"));
}

#[test]
fn errors_are_the_reference_s() {
    let cases: Vec<(&str, Vec<Value>, &str)> = vec![
        ("zstd_compress", vec![int(1)], "zstd_compress expects blob or text as input, got Integer"),
        ("zstd_compress", vec![Value::Real(1.5)], "zstd_compress expects blob or text as input, got Real"),
        ("zstd_compress", vec![text("a"), text("3")], "level argument\n\nCaused by:\n    Invalid function parameter type Text at index 1"),
        ("zstd_compress", vec![text("a"), Value::Null], "level argument\n\nCaused by:\n    Invalid function parameter type Null at index 1"),
        ("zstd_compress", vec![text("a"), int(1 << 40)], "level argument\n\nCaused by:\n    Integer 1099511627776 out of range at index 1"),
        ("zstd_compress", vec![text("a"), int(3), text("d")], "dict argument must be int or blob, got Text"),
        ("zstd_compress", vec![text("a"), int(3), Value::Null, Value::Real(1.0)], "is_compact argument\n\nCaused by:\n    Invalid function parameter type Real at index 3"),
        ("zstd_decompress", vec![text("a"), int(1)], "zstd_decompress expects blob as input, got Text"),
        ("zstd_decompress", vec![blob("00"), int(1), Value::Real(2.0)], "dict argument must be int or blob, got Real"),
        ("zstd_decompress", vec![blob("00"), int(1), Value::Null, text("1")], "argument 'compact'\n\nCaused by:\n    Invalid function parameter type Text at index 3"),
        ("zstd_decompress", vec![blob("0123456789"), int(1)], "decoding\n\nCaused by:\n    Unknown frame descriptor"),
    ];
    for (f, args, want) in cases {
        assert_eq!(message(call(f, &args)), want, "{f}{args:?}");
    }
    // Dictionaries by id need SQL, which this extension does not run.
    let by_id = message(call("zstd_compress", &[text("a"), int(3), int(5)]));
    assert!(by_id.starts_with("loading dictionary from int\n\nCaused by:\n    dictionary 5 is in _zstd_dicts"), "{by_id}");
    let by_id = message(call("zstd_decompress", &[blob("00"), int(1), int(5)]));
    assert!(by_id.starts_with("load dict\n\nCaused by:\n    dictionary 5 is in _zstd_dicts"), "{by_id}");
}

#[test]
fn trains_dictionaries_that_compress_better() {
    let rows: Vec<Vec<Value>> = (0..400)
        .map(|i| {
            let sample = format!(
                "{{\"type\":\"OpenApplication\",\"id\":{},\"app_name\":\"app-{}\",\"properties\":{{\"WM_CLASS\":\"1\",\"_NET_WM_PID\":\"{}\"}}}}",
                i % 37,
                i % 11,
                i * 7
            );
            vec![text(&sample), int(2000), int(100)]
        })
        .collect();
    let refs: Vec<&[Value]> = rows.iter().map(Vec::as_slice).collect();
    let dict = bytes(train(&refs).unwrap());
    assert!(!dict.is_empty() && dict.len() <= 2000, "{}", dict.len());
    assert_eq!(dict[..4], [0x37, 0xa4, 0x30, 0xec], "a zstd dictionary's magic");
    let sample = rows[5][0].clone();
    let plain = bytes(call("zstd_compress", &[sample.clone(), int(5)]).unwrap());
    let with = bytes(call("zstd_compress", &[sample.clone(), int(5), Value::Blob(dict.clone())]).unwrap());
    assert!(with.len() < plain.len(), "{} < {}", with.len(), plain.len());
    let back = call("zstd_decompress", &[Value::Blob(with), int(1), Value::Blob(dict)]).unwrap();
    assert!(matches!((back, sample), (Value::Text(a), Value::Text(b)) if a == b));
    // A real sample_count is accepted; non-text samples are skipped.
    let odd: Vec<Vec<Value>> = rows.iter().map(|r| vec![r[0].clone(), int(2000), Value::Real(50.5)]).chain([vec![int(1), int(2000), int(1)]]).collect();
    let refs: Vec<&[Value]> = odd.iter().map(Vec::as_slice).collect();
    assert!(train(&refs).is_ok());
}

#[test]
fn training_errors() {
    // No rows (the test harness cannot run an aggregate over none).
    assert_eq!(message(sqlink_zstd_sql::train::Trainer::default().finish()), "tried to train zstd dict on zero rows");
    assert_eq!(message(train(&[&[text("a"), int(100), text("x")]])), "Invalid function parameter type Text at index 2");
    assert_eq!(message(train(&[&[text("a"), Value::Real(1.0), int(1)]])), "Invalid function parameter type Real at index 1");
    // Sizes the builder could not allocate.
    assert_eq!(message(train(&[&[text("a"), int(-1), int(10)]])), "Training dictionary failed\n\nCaused by:\n    dictionary size -1 is too large");
    // Too few samples for zstd's trainer.
    assert!(message(train(&[&[text("a"), int(100), int(10)]])).starts_with("Training dictionary failed\n\nCaused by:\n    "));
}
