//! Every function called through the scalar interface, as a host calls it.

use sqlink_sdk::{Error, Value};

/// A result in a form tests can compare (`Value` has no `PartialEq`).
#[derive(Debug, PartialEq)]
enum Out {
    Null,
    Text(String),
    Blob(Vec<u8>),
}

fn call(name: &str, args: Vec<Value>) -> Result<Out, Error> {
    Ok(match crate::crypto_ext::sqlink_test::call(name, &args)? {
        Value::Null => Out::Null,
        Value::Text(t) => Out::Text(String::from_utf8(t).expect("UTF-8 result")),
        Value::Blob(b) => Out::Blob(b),
        other => panic!("{name} returned {other:?}"),
    })
}

/// FIPS 180 example messages: "abc", the 448-bit and the 896-bit message.
const ABC: &str = "abc";
const M448: &str = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
const M896: &str =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
/// sqlean's own test string (multi-byte UTF-8).
const FOX: &str = "The quick brown 🦊 jumps over 13 lazy 🐶.";

/// The lower-case hex of the blob `name(input)` returns.
fn hash(name: &str, input: &str) -> String {
    match call(name, vec![Value::text(input)]).unwrap() {
        Out::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect(),
        other => panic!("{name}('{input}') returned {other:?}"),
    }
}

fn check(name: &str, cases: &[(&str, &str)]) {
    for (input, want) in cases {
        assert_eq!(hash(name, input), want.to_lowercase(), "{name}('{input}')");
    }
}

#[test]
fn md5_rfc1321() {
    check(
        "crypto_md5",
        &[
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            (ABC, "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            (
                "12345678901234567890123456789012345678901234567890123456789012345678901234567890",
                "57edf4a22be3c955ac49da2e2107b67a",
            ),
        ],
    );
}

#[test]
fn sha1_fips180() {
    check(
        "crypto_sha1",
        &[
            ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
            (ABC, "a9993e364706816aba3e25717850c26c9cd0d89d"),
            (M448, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        ],
    );
}

#[test]
fn sha256_fips180() {
    check(
        "crypto_sha256",
        &[
            ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
            (ABC, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
            (M448, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ],
    );
}

#[test]
fn sha384_fips180() {
    check(
        "crypto_sha384",
        &[
            ("", "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b"),
            (ABC, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7"),
            (M448, "3391fdddfc8dc7393707a65b1b4709397cf8b1d162af05abfe8f450de5f36bc6b0455a8520bc4e6f5fe95b1fe3c8452b"),
            (M896, "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039"),
        ],
    );
}

#[test]
fn sha512_fips180() {
    check(
        "crypto_sha512",
        &[
            (
                "",
                "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
            ),
            (
                ABC,
                "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
            ),
            (
                M448,
                "204a8fc6dda82f0a0ced7beb8e08a41657c16ef468b228a8279be331a703c33596fd15c13b1b07f9aa1d3bea57789ca031ad85c7a71dd70354ec631238ca3445",
            ),
            (
                M896,
                "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909",
            ),
        ],
    );
}

#[test]
fn blake3_official_vectors() {
    check(
        "crypto_blake3",
        &[
            ("", "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"),
            (ABC, "6437b3ac38465133ffb63b75273a8db548c558465d79db03fd359c6cd5bd9d85"),
        ],
    );
}

#[test]
fn xxhash_published_values_in_canonical_byte_order() {
    check("crypto_xxh32", &[("", "02CC5D05"), (ABC, "32D153FF"), (FOX, "2C4A0402")]);
    check("crypto_xxh64", &[("", "EF46DB3751D8E999"), (ABC, "44BC2CF5AD770999"), (FOX, "1ED3E109F48F652C")]);
    check("crypto_xxh3_64", &[("", "2D06800538D394C2"), (ABC, "78AF5F94892F3950"), (FOX, "09A3FF1CBDB28B84")]);
    check(
        "crypto_xxh3_128",
        &[
            ("", "99AA06D3014798D86001C324468D497F"),
            (ABC, "06B05AB6733A618578AF5F94892F3950"),
            (FOX, "E688EC7B9C40A08C87C989C0484E449E"),
        ],
    );
}

#[test]
fn aliases_are_the_same_functions() {
    for (alias, name) in [
        ("md5", "crypto_md5"),
        ("sha1", "crypto_sha1"),
        ("sha256", "crypto_sha256"),
        ("sha384", "crypto_sha384"),
        ("sha512", "crypto_sha512"),
        ("blake3", "crypto_blake3"),
        ("xxh32", "crypto_xxh32"),
        ("xxh64", "crypto_xxh64"),
        ("xxh3_64", "crypto_xxh3_64"),
        ("xxh3_128", "crypto_xxh3_128"),
    ] {
        assert_eq!(hash(alias, ABC), hash(name, ABC), "{alias}");
    }
    assert_eq!(encode_with("encode", "hello", "base64"), "aGVsbG8=");
    assert_eq!(call("decode", vec![Value::text("aGVsbG8="), Value::text("base64")]).unwrap(), Out::Blob(b"hello".to_vec()));
}

#[test]
fn null_in_null_out_and_numbers_hash_as_text() {
    for name in ["crypto_md5", "crypto_sha256", "crypto_blake3", "crypto_xxh3_128"] {
        assert_eq!(call(name, vec![Value::Null]).unwrap(), Out::Null, "{name}(NULL)");
        assert_eq!(
            call(name, vec![Value::Integer(42)]).unwrap(),
            call(name, vec![Value::text("42")]).unwrap(),
            "{name}(42)"
        );
    }
    // A blob hashes its bytes, like text with the same bytes.
    assert_eq!(
        call("crypto_sha256", vec![Value::Blob(ABC.into())]).unwrap(),
        call("crypto_sha256", vec![Value::text(ABC)]).unwrap()
    );
    for name in ["crypto_encode", "crypto_decode"] {
        assert_eq!(call(name, vec![Value::Null, Value::text("hex")]).unwrap(), Out::Null, "{name}(NULL, 'hex')");
    }
    assert_eq!(encode_with("crypto_encode", "", "base64"), "");
    assert_eq!(encode_with("crypto_encode", "", "url"), "");
}

fn encode_with(name: &str, data: &str, algo: &str) -> String {
    match call(name, vec![Value::text(data), Value::text(algo)]).unwrap() {
        Out::Text(t) => t,
        other => panic!("{name}('{data}', '{algo}') returned {other:?}"),
    }
}

fn encode(data: &str, algo: &str) -> String {
    encode_with("crypto_encode", data, algo)
}

fn decode(text: &str, algo: &str) -> Result<Vec<u8>, String> {
    match call("crypto_decode", vec![Value::text(text), Value::text(algo)]) {
        Ok(Out::Blob(b)) => Ok(b),
        Ok(other) => panic!("crypto_decode('{text}', '{algo}') returned {other:?}"),
        Err(e) => Err(e.message),
    }
}

/// Checks `encode(data) == text` and `decode(text) == data`.
fn round_trip(algo: &str, cases: &[(&str, &str)]) {
    for (data, text) in cases {
        assert_eq!(encode(data, algo), *text, "crypto_encode('{data}', '{algo}')");
        assert_eq!(decode(text, algo).as_deref(), Ok(data.as_bytes()), "crypto_decode('{text}', '{algo}')");
    }
}

#[test]
fn base64_rfc4648_and_sqlean() {
    round_trip(
        "base64",
        &[
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("hello", "aGVsbG8="),
            ("эй, мир!", "0Y3QuSwg0LzQuNGAIQ=="),
            ("(ಠ_ಠ)", "KOCyoF/gsqAp"),
            (FOX, "VGhlIHF1aWNrIGJyb3duIPCfpooganVtcHMgb3ZlciAxMyBsYXp5IPCfkLYu"),
        ],
    );
    // Like sqlean: stray bits after the last byte are ignored, but the
    // length must be a multiple of 4 and every character in the alphabet.
    assert_eq!(decode("YR==", "base64").unwrap(), b"a");
    for bad in ["aGVsbG8", "aGVs bG8=", "aGVs*G8=", "aGVsbG8=\n"] {
        assert_eq!(decode(bad, "base64"), Err("invalid input string for base64".into()), "{bad:?}");
    }
}

#[test]
fn base32_rfc4648_and_sqlean() {
    round_trip(
        "base32",
        &[
            ("", ""),
            ("f", "MY======"),
            ("fo", "MZXQ===="),
            ("foo", "MZXW6==="),
            ("foob", "MZXW6YQ="),
            ("fooba", "MZXW6YTB"),
            ("foobar", "MZXW6YTBOI======"),
            ("hello", "NBSWY3DP"),
            ("эй, мир!", "2GG5BOJMEDILZUFY2GACC==="),
            ("(ಠ_ಠ)", "FDQLFIC74CZKAKI="),
            (FOX, "KRUGKIDROVUWG2ZAMJZG653OEDYJ7JUKEBVHK3LQOMQG65TFOIQDCMZANRQXU6JA6CPZBNRO"),
        ],
    );
    // Like sqlean: padding is optional, leftover bits must be zero.
    assert_eq!(decode("MZXW6", "base32").unwrap(), b"foo");
    assert_eq!(decode("MZXW6=", "base32").unwrap(), b"foo");
    for bad in ["MZXW7===", "M", "MZX", "mzxw6===", "MZ W6==="] {
        assert_eq!(decode(bad, "base32"), Err("invalid input string for base32".into()), "{bad:?}");
    }
}

#[test]
fn hex_rfc4648_and_sqlean() {
    round_trip(
        "hex",
        &[
            ("", ""),
            ("foobar", "666f6f626172"),
            ("hello", "68656c6c6f"),
            ("xyz{|}", "78797a7b7c7d"),
            ("эй, мир!", "d18dd0b92c20d0bcd0b8d18021"),
            (FOX, "54686520717569636b2062726f776e20f09fa68a206a756d7073206f766572203133206c617a7920f09f90b62e"),
        ],
    );
    assert_eq!(decode("68656C6C6F", "hex").unwrap(), b"hello");
    for bad in ["686", "6g", "68 65"] {
        assert_eq!(decode(bad, "hex"), Err("invalid input string for hex".into()), "{bad:?}");
    }
    // A blob hashed then hex-encoded (sqlean's test 10_04).
    let Out::Blob(digest) = call("crypto_sha256", vec![Value::text("hello")]).unwrap() else { panic!("not a blob") };
    assert_eq!(
        call("crypto_encode", vec![Value::Blob(digest), Value::text("hex")]).unwrap(),
        Out::Text("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824".into())
    );
}

#[test]
fn base85_sqlean_examples() {
    round_trip(
        "base85",
        &[
            ("", ""),
            ("hell", "BOu!r"),
            ("hello", "BOu!rDZ"),
            ("hellow", "BOu!rDg)"),
            ("hellowo", "BOu!rDg-+"),
            ("эй, мир!", "d>cM`/0N<Pd(%JR+T"),
            ("(ಠ_ಠ)", ".,_D(?f85_.0"),
            (FOX, "<+ohcEHPu*CER),Dg-(An=QS8+DQ%9E-!.?G%G\\:0f'qg@=!2An=PfN/c"),
        ],
    );
    assert_eq!(decode("BOu!rD", "base85"), Err("invalid input string for base85".into()));
}

#[test]
fn url_sqlean_examples() {
    round_trip(
        "url",
        &[
            ("hello", "hello"),
            ("/hello?text=(ಠ_ಠ)", "%2Fhello%3Ftext%3D%28%E0%B2%A0_%E0%B2%A0%29"),
            (
                "https://www.google.lu/search?q=hello+world&ie=UTF-8",
                "https%3A%2F%2Fwww.google.lu%2Fsearch%3Fq%3Dhello%2Bworld%26ie%3DUTF-8",
            ),
            ("one two three", "one%20two%20three"),
            (FOX, "The%20quick%20brown%20%F0%9F%A6%8A%20jumps%20over%2013%20lazy%20%F0%9F%90%B6."),
        ],
    );
    assert_eq!(decode("one+two+three", "url").unwrap(), b"one two three");
    assert_eq!(decode("%f0%9f%90%b6", "url").unwrap(), "🐶".as_bytes());
    assert_eq!(decode("100%", "url"), Err("invalid input string for url".into()));
}

#[test]
fn decoded_text_keeps_invalid_utf8_bytes() {
    assert_eq!(decode("ff00fe", "hex").unwrap(), vec![0xff, 0x00, 0xfe]);
    assert_eq!(
        call("crypto_encode", vec![Value::Blob(vec![0xff, 0x00, 0xfe]), Value::text("base64")]).unwrap(),
        Out::Text("/wD+".into())
    );
}

#[test]
fn algorithm_names_match_like_sqlean() {
    // Any non-empty prefix, first match in the order base32, base64, base85, hex, url.
    assert_eq!(encode("hello", "b"), "NBSWY3DP");
    assert_eq!(encode("hello", "base6"), "aGVsbG8=");
    assert_eq!(encode("hello", "h"), "68656c6c6f");
    let unknown = |algo: &str| call("crypto_encode", vec![Value::text("x"), Value::text(algo)]).unwrap_err().message;
    let want = |algo: &str| format!("unknown encoding '{algo}' (expected base32, base64, base85, hex or url)");
    for algo in ["", "HEX", "hexa", "base16", "utf8"] {
        assert_eq!(unknown(algo), want(algo));
    }
    assert_eq!(decode("x", "rot13"), Err(want("rot13")));
}
