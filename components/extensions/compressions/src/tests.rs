//! The reference's own vectors (its tests/test.rs snapshots and doc
//! examples), through the scalar interface as a host calls it.

use sqlink_sdk::{Error, Value};

fn call(name: &str, args: &[Value]) -> Result<Value, Error> {
    crate::compressions_ext::sqlink_test::call(name, args)
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// The result as the reference's tests print it: hex of a blob, NULL, an
/// integer, or the error message.
fn show(r: Result<Value, Error>) -> String {
    match r {
        Ok(Value::Blob(b)) => hex(&b),
        Ok(Value::Null) => "NULL".into(),
        Ok(Value::Integer(i)) => i.to_string(),
        Ok(other) => panic!("unexpected {other:?}"),
        Err(e) => e.message,
    }
}

fn t(s: &str) -> Value {
    Value::text(s)
}
fn b(s: &str) -> Value {
    Value::Blob(unhex(s))
}

#[test]
fn gzip_vectors() {
    let cases = [
        (t(""), "1f8b08000000000000ff03000000000000000000"),
        (b(""), "1f8b08000000000000ff03000000000000000000"),
        (t("a"), "1f8b08000000000000ff4b040043beb7e801000000"),
        (b("00"), "1f8b08000000000000ff6300008def02d201000000"),
        (t("123456789"), "1f8b08000000000000ff33343236313533b7b004002639f4cb09000000"),
        (b("0123456789abcdef"), "1f8b08000000000000ff6354764def5c7df63d00aed1c72808000000"),
        (t("password"), "1f8b08000000000000ff2b482c2e2ecf2f4a0100d546c23508000000"),
        (t("12345"), "1f8b08000000000000ff333432363105001c3af5cb05000000"),
    ];
    for (input, want) in cases {
        assert_eq!(show(call("gzip", std::slice::from_ref(&input))), want, "{input:?}");
    }
    assert_eq!(show(call("gzip", &[b("0123"), Value::Integer(0)])), "1f8b08000000000004ff010200fdff0123cc52a5fa02000000");
    assert_eq!(show(call("gzip", &[b("0123"), Value::Integer(5)])), "1f8b08000000000000ff63540600cc52a5fa02000000");
    assert_eq!(show(call("gzip", &[b("0123"), Value::Integer(9)])), "1f8b08000000000002ff63540600cc52a5fa02000000");
    assert_eq!(show(call("gzip", &[b("0123"), Value::Integer(10)])), "The optional second argument to gzip() must be between 0 and 9");
}

#[test]
fn gzip_is_miniz_oxides_not_zlibs() {
    // zlib 1.2.13 (Python: deflate level 6) starts ed90810d, miniz_oxide ed90890d:
    // a C zlib backend unified into flate2 would show here.
    let data: Vec<u8> = (0..2000u32).flat_map(|i| format!("{} ", (i * i) % 97).into_bytes()).collect();
    let out = match call("gzip", &[Value::Blob(data.clone())]).unwrap() {
        Value::Blob(b) => b,
        other => panic!("{other:?}"),
    };
    assert_eq!(hex(&blake(&out)), GZIP_2000_DIGEST, "gzip output {}", hex(&out));
    assert!(matches!(call("gzip_decode", &[Value::Blob(out)]).unwrap(), Value::Blob(d) if d == data));
}

/// A cheap digest for long outputs (FNV-1a 64).
fn blake(data: &[u8]) -> [u8; 8] {
    let mut h: u64 = 0xcbf29ce484222325;
    for &x in data {
        h ^= x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h.to_be_bytes()
}
const GZIP_2000_DIGEST: &str = "761f7cb6846fa919";

#[test]
fn brotli_vectors() {
    let cases = [
        (t(""), "3b"),
        (b(""), "3b"),
        (t("a"), "0b00806103"),
        (b("00"), "0b00800003"),
        (t("123456789"), "0b048031323334353637383903"),
        (b("0123456789abcdef"), "8b03800123456789abcdef03"),
        (t("hello"), "0b028068656c6c6f03"),
        (t("Hello world!"), "8b058048656c6c6f20776f726c642103"),
    ];
    for (input, want) in cases {
        assert_eq!(show(call("brotli", std::slice::from_ref(&input))), want, "{input:?}");
    }
    for q in [0, 10, 99] {
        assert_eq!(show(call("brotli", &[b("0123"), Value::Integer(q)])), "8b0080012303");
    }
}

#[test]
fn bzip2_vectors() {
    let cases = [
        (t(""), "425a683617724538509000000000"),
        (t("a"), "425a683631415926535919939b6b00000001002000200021184682ee48a70a120332736d60"),
        (b("00"), "425a6836314159265359b1f7404b00000040004000200021184682ee48a70a12163ee80960"),
        (t("123456789"), "425a6836314159265359fc89191800000008003fe02000220d0c0832621e0def29c177245385090fc8919180"),
        (
            b("0123456789abcdef"),
            "425a6836314159265359f61121f9000000555520000800020000800020000800020000a000310c08191a69933573f945dc914e14243d84487e40",
        ),
    ];
    for (input, want) in cases {
        assert_eq!(show(call("bzip2", std::slice::from_ref(&input))), want, "{input:?}");
    }
    for level in [0, 10, 99] {
        assert_eq!(
            show(call("bzip2", &[b("0123"), Value::Integer(level)])),
            "The optional second argument to bzip2() must be between 1 and 9"
        );
    }
}

#[test]
fn round_trips_and_tests() {
    let inputs = [t(""), b(""), t("a"), b("00"), t("123456789"), b("0123456789abcdef")];
    for codec in ["gzip", "brotli", "bzip2"] {
        for input in &inputs {
            let packed = call(codec, std::slice::from_ref(input)).unwrap();
            let bytes = match input {
                Value::Text(x) | Value::Blob(x) => x.clone(),
                _ => unreachable!(),
            };
            assert_eq!(show(call(&format!("{codec}_decode"), std::slice::from_ref(&packed))), hex(&bytes), "{codec}");
            assert_eq!(show(call(&format!("{codec}_test"), &[packed])), "1", "{codec}");
        }
        assert_eq!(show(call(&format!("{codec}_test"), &[b("0123456789abcdef")])), "0", "{codec}");
        assert_eq!(show(call(&format!("{codec}_test"), &[b("123456")])), "0", "{codec}");
    }
}

#[test]
fn nulls_types_and_counts() {
    for codec in ["gzip", "brotli", "bzip2"] {
        let (dec, test) = (format!("{codec}_decode"), format!("{codec}_test"));
        for f in [codec, &dec, &test] {
            assert_eq!(show(call(f, &[Value::Null])), "NULL", "{f}");
            assert_eq!(show(call(f, &[])), "Wrong number of parameters passed to query. Got 0, needed 1", "{f}");
            assert_eq!(show(call(f, &[Value::Integer(1)])), "Invalid function parameter type Integer at index 0", "{f}");
            assert_eq!(show(call(f, &[Value::Real(0.42)])), "Invalid function parameter type Real at index 0", "{f}");
        }
        for f in [&dec, &test] {
            assert_eq!(show(call(f, &[t("x")])), "Invalid function parameter type Text at index 0", "{f}");
            assert_eq!(show(call(f, &[b("00"), b("00")])), "Wrong number of parameters passed to query. Got 2, needed 1", "{f}");
        }
        let three = [t("a"), Value::Integer(1), Value::Integer(1)];
        assert_eq!(show(call(codec, &three)), "Wrong number of parameters passed to query. Got 3, needed 1");
        // The level is read first, and must be an integer in u32's range.
        assert_eq!(show(call(codec, &[Value::Null, t("5")])), "Invalid function parameter type Text at index 1");
        assert_eq!(show(call(codec, &[Value::Null, Value::Null])), "Invalid function parameter type Null at index 1");
        assert_eq!(show(call(codec, &[t("a"), Value::Real(5.0)])), "Invalid function parameter type Real at index 1");
        assert_eq!(show(call(codec, &[t("a"), Value::Integer(-1)])), "Integer -1 out of range at index 1");
        assert_eq!(show(call(codec, &[Value::Null, Value::Integer(5)])), "NULL");
    }
    let err = call("gzip", &[Value::Integer(1)]).unwrap_err();
    assert_eq!(err.code, 1043, "SQLITE_CONSTRAINT_FUNCTION, as rusqlite reports");
}

#[test]
fn corrupt_input() {
    // The decoders' own messages, as the reference passes them on.
    let cases = [
        ("gzip_decode", "0123456789abcdef", "unexpected end of file"),
        ("gzip_decode", "0123456789abcdef0123456789abcdef", "invalid gzip header"),
        ("gzip_decode", "", "unexpected end of file"),
        // gzip('hello') with a flipped CRC, then cut short.
        ("gzip_decode", "1f8b08000000000000ffcb48cdc9c90700a6a6103605000000", "corrupt gzip stream does not have a matching checksum"),
        ("gzip_decode", "1f8b08000000000000ffcb48cdc9c907", "incomplete deflate stream"),
        ("brotli_decode", "123456", "Invalid Data"),
        ("bzip2_decode", "123456", "bzip2: bz2 header missing"),
        ("bzip2_decode", "", "decompression not finished but EOF reached"),
        ("bspatch4", "00", "not a valid patch"),
        ("bspatchraw", "00", "unexpected end of file"),
    ];
    let mut bad = Vec::new();
    for (f, input, want) in cases {
        let args: Vec<Value> = if f.starts_with("bspatch") { vec![t("abc"), b(input)] } else { vec![b(input)] };
        let got = show(call(f, &args));
        if got != want {
            bad.push(format!("{f}(x'{input}'): {got}"));
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn bsdiff4_vectors() {
    let empty = "42534449464634300e000000000000000e000000000000000000000000000000425a683617724538509000000000425a683617724538509000000000425a683617724538509000000000";
    assert_eq!(show(call("bsdiff4", &[t(""), t("")])), empty);
    assert_eq!(show(call("bsdiff4", &[b(""), b("")])), empty);
    assert_eq!(show(call("bsdiff4", &[t("a"), t("")])), empty);
    assert_eq!(show(call("bsdiff4", &[b("00"), t("")])), empty);
    assert_eq!(show(call("bsdiff4", &[t("123456789"), t("123456789")])), "42534449464634302b0000000000000025000000000000000900000000000000425a6836314159265359439c5a03000000e00040200c00200030cd341268369327177245385090439c5a03425a6836314159265359752890670000004000420020002100828317724538509075289067425a683617724538509000000000");
    assert_eq!(show(call("bsdiff4", &[t("1234"), t("5678349A")])), "42534449464634302a000000000000000e000000000000000800000000000000425a68363141592653591769093d00000140004c402000219a68334d32b6c078bb9229c28480bb4849e8425a683617724538509000000000425a683631415926535986c673c30000010c000fe0200020002190c210c08795392f8bb9229c2848436339e180");
    assert_eq!(show(call("bsdiff4", &[b("1234"), b("5678349A")])), "42534449464634302c000000000000000e000000000000000400000000000000425a68363141592653590dcec6b900000140005c00200030cd34129ea7a357029ee1772453850900dcec6b90425a683617724538509000000000425a6836314159265359ff2387120000008aa004000100004000102000219a68334d32bc5dc914e14243fc8e1c48");
    assert_eq!(show(call("bsdiff4", &[t("013479"), t("23456789")])), "42534449464634302e0000000000000025000000000000000800000000000000425a68363141592653596a17ae4f00000160006e80080020002188c08601cad80622af61772453850906a17ae4f0425a6836314159265359b1f7404b00000040004000200021184682ee48a70a12163ee80960425a6836314159265359f715663b00000008001fc02000310c00c4c265ce5de2ee48a70a121ee2acc760");
    let patch = call("bsdiff4", &[t("1234"), t("5678349A")]).unwrap();
    assert_eq!(show(call("bspatch4", &[t("1234"), patch])), "3536373833343941");
    for (x, y) in [(Value::Null, Value::Null), (t("abc"), Value::Null), (Value::Null, t("abc"))] {
        assert_eq!(show(call("bsdiff4", &[x.clone(), y.clone()])), "NULL");
        assert_eq!(show(call("bspatch4", &[x, y])), "NULL");
    }
}

#[test]
fn bsdiffraw_vectors() {
    assert_eq!(show(call("bsdiffraw", &[t(""), t("")])), "");
    assert_eq!(show(call("bsdiffraw", &[t("a"), t("")])), "");
    assert_eq!(show(call("bsdiffraw", &[t("123456789"), t("123456789")])), "090000000000000000000000000000000900000000000080000000000000000000");
    assert_eq!(show(call("bsdiffraw", &[t("1234"), t("5678349A")])), "0000000000000000080000000000000003000000000000003536373833343941");
    assert_eq!(show(call("bsdiffraw", &[b("1234"), b("5678349A")])), "0000000000000000040000000000000001000000000000005678349a");
    assert_eq!(show(call("bsdiffraw", &[t("abc013479zz"), t("abc23456789zzf")])), "03000000000000000b00000000000000070000000000000000000032333435363738397a7a66");
    assert_eq!(show(call("bspatchraw", &[t("abc013479zz"), b("03000000000000000b00000000000000070000000000000000000032333435363738397a7a66")])), hex(b"abc23456789zzf"));
    assert_eq!(show(call("bsdiffraw", &[Value::Integer(1), t("a")])), "Invalid function parameter type Integer at index 0");
    assert_eq!(show(call("bsdiffraw", &[t("a"), Value::Real(1.5)])), "Invalid function parameter type Real at index 1");
    assert_eq!(show(call("bsdiffraw", &[Value::Null, Value::Integer(1)])), "NULL");
}
