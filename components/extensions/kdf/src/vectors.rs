// Included into the extension module: published vectors called through the
// SQL interface (RFC 5869 appendix A, RFC 6070, RFC 7914 sections 11-12).

use sqlink_test::call;

fn unhex(s: &str) -> Vec<u8> {
    let s: String = s.split_whitespace().collect();
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn blob(name: &str, args: Vec<Value>) -> Vec<u8> {
    match call(name, &args) {
        Ok(Value::Blob(b)) => b,
        other => panic!("{name}: {other:?}"),
    }
}

fn err(name: &str, args: Vec<Value>) -> String {
    match call(name, &args) {
        Err(e) => e.message,
        other => panic!("{name}: expected an error, got {other:?}"),
    }
}

fn b(s: &str) -> Value {
    Value::Blob(unhex(s))
}
fn t(s: &str) -> Value {
    Value::Text(s.as_bytes().to_vec())
}
fn i(n: i64) -> Value {
    Value::Integer(n)
}

#[test]
fn rfc5869_appendix_a() {
    let salt = "000102030405060708090a0b0c";
    let info = "f0f1f2f3f4f5f6f7f8f9";
    let ikm22 = "0b".repeat(22);
    // A.1 (SHA-256, basic)
    assert_eq!(blob("hkdf", vec![b(&ikm22), b(salt), b(info), i(42)]), unhex("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
    // A.2 (SHA-256, longer inputs)
    let ikm2: String = (0x00..=0x4f).map(|x| format!("{x:02x}")).collect();
    let salt2: String = (0x60..=0xaf).map(|x| format!("{x:02x}")).collect();
    let info2: String = (0xb0..=0xff).map(|x| format!("{x:02x}")).collect();
    assert_eq!(
        blob("hkdf", vec![b(&ikm2), b(&salt2), b(&info2), i(82), t("sha256")]),
        unhex("b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87")
    );
    // A.3 (SHA-256, empty salt and info)
    assert_eq!(blob("hkdf", vec![b(&ikm22), b(""), b(""), i(42)]), unhex("8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8"));
    // A.4 (SHA-1, basic)
    assert_eq!(blob("hkdf", vec![b(&"0b".repeat(11)), b(salt), b(info), i(42), t("sha1")]), unhex("085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2c22e422478d305f3f896"));
    // A.6 (SHA-1, empty salt and info)
    assert_eq!(blob("hkdf", vec![b(&ikm22), b(""), b(""), i(42), t("SHA1")]), unhex("0ac1af7002b3d761d1e55298da9d0506b9ae52057220a306e07b6b87e8df21d0ea00033de03984d34918"));
}

#[test]
fn rfc6070_pbkdf2_sha1() {
    let sha1 = || t("sha1");
    assert_eq!(blob("pbkdf2", vec![t("password"), t("salt"), i(1), i(20), sha1()]), unhex("0c60c80f961f0e71f3a9b524af6012062fe037a6"));
    assert_eq!(blob("pbkdf2", vec![t("password"), t("salt"), i(2), i(20), sha1()]), unhex("ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957"));
    assert_eq!(blob("pbkdf2", vec![t("password"), t("salt"), i(4096), i(20), sha1()]), unhex("4b007901b765489abead49d926f721d065a429c1"));
    assert_eq!(
        blob("pbkdf2", vec![t("passwordPASSWORDpassword"), t("saltSALTsaltSALTsaltSALTsaltSALTsalt"), i(4096), i(25), sha1()]),
        unhex("3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038")
    );
    assert_eq!(blob("pbkdf2", vec![b("7061737300776f7264"), b("7361006c74"), i(4096), i(16), sha1()]), unhex("56fa6aa75548099dcc37d7f03425e0c3"));
}

#[test]
#[ignore = "16777216 iterations: slow in a debug build"]
fn rfc6070_pbkdf2_sha1_long() {
    assert_eq!(blob("pbkdf2", vec![t("password"), t("salt"), i(16777216), i(20), t("sha1")]), unhex("eefe3d61cd4da4e4e9945b3d6ba2158c2634e984"));
}

#[test]
fn pbkdf2_sha256() {
    assert_eq!(blob("pbkdf2", vec![t("password"), t("salt"), i(1), i(32)]), unhex("120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"));
    assert_eq!(blob("pbkdf2", vec![t("password"), t("salt"), i(2), i(32)]), unhex("ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"));
    assert_eq!(blob("pbkdf2", vec![t("password"), t("salt"), i(4096), i(32), t("sha256")]), unhex("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"));
    // RFC 7914 section 11
    assert_eq!(
        blob("pbkdf2", vec![t("passwd"), t("salt"), i(1), i(64)]),
        unhex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783")
    );
}

#[test]
fn rfc7914_scrypt() {
    assert_eq!(
        blob("scrypt", vec![t(""), t(""), i(16), i(1), i(1), i(64)]),
        unhex("77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906")
    );
    assert_eq!(
        blob("scrypt", vec![t("password"), t("NaCl"), i(1024), i(8), i(16), i(64)]),
        unhex("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640")
    );
    assert_eq!(
        err("scrypt", vec![t("pleaseletmein"), t("SodiumChloride"), i(1048576), i(8), i(1), i(64)]),
        "scrypt(): N·r must not exceed 524288 (64 MiB of memory)"
    );
}

#[test]
fn bad_arguments() {
    assert_eq!(err("hkdf", vec![t("k"), t(""), t(""), i(0)]), "hkdf(): length must be between 1 and 8160");
    assert_eq!(err("hkdf", vec![t("k"), t(""), t(""), i(5101), t("sha1")]), "hkdf(): length must be between 1 and 5100");
    assert_eq!(err("hkdf", vec![t("k"), t(""), t(""), i(5), t("md5")]), "hkdf(): unknown hash 'md5' (use sha1, sha256, sha384 or sha512)");
    assert_eq!(err("pbkdf2", vec![t("p"), t("s"), i(0), i(32)]), "pbkdf2(): iterations must be at least 1");
    assert_eq!(err("pbkdf2", vec![t("p"), t("s"), i(1), i(1025)]), "pbkdf2(): length must be between 1 and 1024");
    assert_eq!(err("pbkdf2", vec![t("p"), t("s"), i(16777216), i(33)]), "pbkdf2(): iterations × output blocks must not exceed 16777216");
    assert_eq!(err("scrypt", vec![t("p"), t("s"), i(1 << 30), i(8), i(1), i(64)]), "scrypt(): N·r must not exceed 524288 (64 MiB of memory)");
    assert_eq!(err("scrypt", vec![t("p"), t("s"), i(1000), i(8), i(1), i(64)]), "scrypt(): N must be a power of 2 greater than 1");
    assert_eq!(err("scrypt", vec![t("p"), t("s"), i(1), i(8), i(1), i(64)]), "scrypt(): N must be a power of 2 greater than 1");
    assert_eq!(err("scrypt", vec![t("p"), t("s"), i(16), i(0), i(1), i(64)]), "scrypt(): r and p must be at least 1");
    assert_eq!(err("scrypt", vec![t("p"), t("s"), i(16384), i(8), i(64), i(64)]), "scrypt(): N·r·p must not exceed 4194304");
    assert!(matches!(call("hkdf", &[Value::Null, t(""), t(""), i(5)]), Ok(Value::Null)));
    assert!(matches!(call("scrypt", &[t(""), t(""), i(16), i(1), Value::Null, i(5)]), Ok(Value::Null)));
}
