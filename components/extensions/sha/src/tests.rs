//! The functions through the generated exports, as a host calls them.
//! Expected hashes are the FIPS 180 / FIPS 202 examples (RFC 3174 for
//! SHA-1), values Debian's sqlite3 3.40.1 printed for `sha3()` (the query
//! is in the comment), and the equalities shathree.c documents for
//! `sha3_agg`. What needs SPI (`*_query`, `.sha3sum`) is tested in
//! query.rs and sha3sum.rs against a stand-in connection, and end to end
//! by tests/shell/sha-*.sql.

use crate::sha_ext::sqlink_test::{aggregate, call, dot, manifest};
use sqlink_sdk::wit::types::FunctionFlags;
use sqlink_sdk::{Error, Value};

fn hex(v: Value) -> String {
    match v {
        Value::Blob(b) => crate::hash::hex(&b),
        Value::Text(t) => String::from_utf8(t).unwrap(),
        other => panic!("not a hash: {other:?}"),
    }
}

fn text(s: &str) -> Value {
    Value::text(s)
}

const M448: &str = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
const M896: &str = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

#[test]
fn sha1_gives_hex_text_and_sha1b_the_bytes() {
    for (input, want) in [
        ("abc", "a9993e364706816aba3e25717850c26c9cd0d89d"),
        ("", "da39a3ee5e6b4b0d3255bfef95601890afd80709"),
        (M448, "84983e441c3bd26ebaae4aa1f95129e5e54670f1"),
        (M896, "a49b2446a02c645bf419f995b67091253a04a259"),
    ] {
        assert_eq!(call("sha1", &[text(input)]).unwrap(), text(want), "sha1('{input}')");
        assert_eq!(hex(call("sha1b", &[text(input)]).unwrap()), want, "sha1b('{input}')");
    }
    // RFC 3174 test 3 and 4.
    assert_eq!(hex(call("sha1", &[text(&"a".repeat(1_000_000))]).unwrap()), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    assert_eq!(hex(call("sha1", &[Value::Blob("01234567".repeat(80).into_bytes())]).unwrap()), "dea356a2cddd90c7a7ecedc5ebb563934f460452");
}

#[test]
fn numbers_hash_as_their_text_and_null_gives_null() {
    for f in ["sha1", "sha1b", "sha3"] {
        let same = |a: Value, b: &str| assert_eq!(call(f, std::slice::from_ref(&a)).unwrap(), call(f, &[text(b)]).unwrap(), "{f}({a:?})");
        same(Value::Integer(-7), "-7");
        same(Value::Real(2.5), "2.5");
        same(Value::Real(0.1 + 0.2), "0.3");
        same(Value::Real(1e100), "1.0e+100");
        same(Value::Blob(b"hello".to_vec()), "hello");
        assert_eq!(call(f, &[Value::Null]).unwrap(), Value::Null);
    }
}

#[test]
fn sha3_sizes_and_fips_202_examples() {
    // select hex(sha3('abc', N)) for N = 224, 256, 384, 512.
    let abc = [
        (224, "e642824c3f8cf24ad09234ee7d3c766fc9a3a5168d0c94ad73b46fdf"),
        (256, "3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532"),
        (384, "ec01498288516fc926459f58e2c6ad8df9b473cb0fc08c2596da7cf0e49be4b298d88cea927ac7f539f1edf228376d25"),
        (
            512,
            "b751850b1a57168a5693cd924b6b096e08f621827444f70d884f5d0240d2712e10e116e9192af3c91a7ec57647e3934057340b4cf408d5a56592f8274eec53f0",
        ),
    ];
    for (bits, want) in abc {
        assert_eq!(hex(call("sha3", &[text("abc"), Value::Integer(bits)]).unwrap()), want);
    }
    assert_eq!(hex(call("sha3", &[text("abc")]).unwrap()), abc[1].1);
    // select hex(sha3('')), hex(sha3(x'')), hex(sha3(12345)).
    let empty = "a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a";
    assert_eq!(hex(call("sha3", &[text("")]).unwrap()), empty);
    assert_eq!(hex(call("sha3", &[Value::Blob(Vec::new())]).unwrap()), empty);
    assert_eq!(hex(call("sha3", &[Value::Integer(12345)]).unwrap()), "7d4e3eec80026719639ed4dba68916eb94c7a49a053e05c8f9578fe4e5a3d7ea");
    // select hex(sha3(-0.5, 224)); select hex(sha3(M448)).
    assert_eq!(
        hex(call("sha3", &[Value::Real(-0.5), Value::Integer(224)]).unwrap()),
        "9f73a19d312381a211b2e589fae6143c1a33e30e21bcce797b5e7dc3"
    );
    assert_eq!(hex(call("sha3", &[text(M448)]).unwrap()), "41c0dba2a9d6240849100376a8235e2c82e1b9998a999e21db32dd97496d3376");
}

#[test]
fn a_bad_size_is_an_error_even_for_null() {
    let msg = "SHA3 size should be one of: 224 256 384 512";
    for size in [Value::Integer(100), Value::Null, text("2.24e2"), Value::Integer(0)] {
        let e: Error = call("sha3", &[Value::Null, size.clone()]).unwrap_err();
        assert_eq!(e.message, msg, "sha3(NULL, {size:?})");
        assert_eq!(call("sha3_query", &[Value::Null, size]).unwrap_err().message, msg);
    }
    assert_eq!(call("sha3", &[Value::Null, text("512")]).unwrap(), Value::Null);
    assert_eq!(call("sha3_query", &[Value::Null, Value::Integer(224)]).unwrap(), Value::Null);
    assert_eq!(call("sha3_query", &[Value::Null]).unwrap(), Value::Null);
    assert_eq!(call("sha1_query", &[Value::Null]).unwrap(), Value::Null);
}

#[test]
fn sha3_agg_hashes_every_row_tagged() {
    let one = |v: Value, bytes: &[u8]| {
        let agg = aggregate("sha3_agg", &[&[v]]).unwrap();
        assert_eq!(agg, call("sha3", &[Value::Blob(bytes.to_vec())]).unwrap());
    };
    // shathree.c's examples.
    one(text("xyzzy"), b"T5:xyzzy");
    one(Value::Blob(vec![1, 2, 3]), b"B3:\x01\x02\x03");
    one(Value::Integer(0x123456), b"I\x00\x00\x00\x00\x00\x12\x34\x56");
    one(Value::Real(100.015625), b"F\x40\x59\x01\x00\x00\x00\x00\x00");
    one(Value::Null, b"N");
    // The size comes from the first row; unknown sizes mean 256.
    let rows =
        |size: Value| aggregate("sha3_agg", &[&[Value::Integer(1), size.clone()], &[Value::Integer(2), Value::Integer(512)]]).unwrap();
    let ints = b"I\0\0\0\0\0\0\0\x01I\0\0\0\0\0\0\0\x02".to_vec();
    let sha3 = |bits: i64| call("sha3", &[Value::Blob(ints.clone()), Value::Integer(bits)]).unwrap();
    assert_eq!(rows(Value::Integer(224)), sha3(224));
    assert_eq!(rows(text("384")), sha3(384));
    assert_eq!(rows(Value::Integer(100)), sha3(256));
    assert_eq!(rows(Value::Null), sha3(256));
    assert_eq!(aggregate("sha3_agg", &[&[Value::Integer(1)], &[Value::Integer(2)]]).unwrap(), sha3(256));
}

#[test]
fn the_manifest_lists_the_reference_names_flags_and_the_dot_command() {
    let m = manifest();
    let functions: Vec<(String, i32, FunctionFlags)> = m.functions.iter().map(|f| (f.name.clone(), f.arity, f.flags)).collect();
    let pure = FunctionFlags::DETERMINISTIC | FunctionFlags::INNOCUOUS;
    for (name, arity, flags) in [
        ("sha1", 1, pure),
        ("sha1b", 1, pure),
        ("sha1_query", 1, FunctionFlags::DIRECT_ONLY),
        ("sha3", 1, pure),
        ("sha3", 2, pure),
        ("sha3_query", 1, FunctionFlags::DIRECT_ONLY),
        ("sha3_query", 2, FunctionFlags::DIRECT_ONLY),
    ] {
        assert!(functions.contains(&(name.to_string(), arity, flags)), "{name}/{arity} in {functions:?}");
    }
    let aggregates: Vec<(String, i32)> = m.aggregates.iter().map(|a| (a.name.clone(), a.arity)).collect();
    assert!(aggregates.contains(&("sha3_agg".into(), 1)) && aggregates.contains(&("sha3_agg".into(), 2)), "{aggregates:?}");
    assert_eq!(m.dot_commands.len(), 1);
    assert_eq!((m.dot_commands[0].name.as_str(), m.dot_commands[0].usage.as_str()), ("sha3sum", "?OPTIONS? ?LIKE-PATTERN?"));
    assert_eq!(m.capabilities.len(), 1);
}

#[test]
fn sha3sum_refuses_what_the_shell_refuses() {
    assert_eq!(dot("sha3sum", &["--bogus"]).unwrap_err().message, "Unknown option \"--bogus\" on \"sha3sum\"");
    assert_eq!(dot("sha3sum", &["-"]).unwrap_err().message, "Unknown option \"-\" on \"sha3sum\"");
    assert_eq!(dot("sha3sum", &["t%", "u%"]).unwrap_err().message, "Usage: .sha3sum ?OPTIONS? ?LIKE-PATTERN?");
}

/// The table of testdata/sha3.in.sql.
fn table_t() {
    crate::testdb::execute(
        "create table t(a, b);
         insert into t values (1, 'x'), (2.5, x'00ff'), (NULL, 'y'), (-9223372036854775808, ''), (0x123456, 1e300);",
    );
}

fn sha3_query(sql: &str, size: Option<i64>) -> Result<String, Error> {
    let mut args = vec![text(sql)];
    args.extend(size.map(Value::Integer));
    call("sha3_query", &args).map(|v| hex(v).to_uppercase())
}

#[test]
fn sha3_query_hashes_statements_and_rows_as_sqlite_3_40_1() {
    table_t();
    // Each expectation is Debian's sqlite3 3.40.1: select hex(sha3_query(...)).
    assert_eq!(sha3_query("select 1; select 2", None).unwrap(), "B4AEBA20BE8DE7DB4459DA8FC726ECE1795493738A193FE62F1AA5472195B4DA");
    assert_eq!(
        sha3_query("select * from t order by rowid", None).unwrap(),
        "F2B66447BC5DE400E52E4F6DF96E380B051A1CEBA5037823750ED7560198EB2C"
    );
    assert_eq!(sha3_query("select * from t", Some(224)).unwrap(), "0D6180A09515D4FF5007050522B148D8857AB9DDB665765844D32DFC");
    assert_eq!(
        sha3_query("select * from t; select count(*) from t;", Some(384)).unwrap(),
        "B35E2DC1E6A17C52D4827B2087C6E08FE13F69D70A94FEE0CC5306FFEFC76FF0BC08C4E1D4CAC58ADA6317CA94760B36"
    );
    assert_eq!(
        sha3_query("select * from t", Some(512)).unwrap(),
        "C92DEB193F400BD33B11CB1BB109C36C24A2ABB40A41F6189008FBF48E8B6B9233BD7887E3CD7E040B8464B1B9D2CB0E2773E8B7EA1CDF8F608EE60B44844FC1"
    );
    let one = "05174F98D17F36A4F12CB4C8B29070093B1C86310D98E9492F1062099894C8D1";
    assert_eq!(sha3_query("select 1;", None).unwrap(), one);
    assert_eq!(sha3_query("select 1;  -- trailing", None).unwrap(), one);
    let nothing = "A7FFC6F8BF1ED76651C14756A061D662F580FF4DE43B49FA82D80A4B80F8434A";
    for empty in ["", "  ", ";;"] {
        assert_eq!(sha3_query(empty, None).unwrap(), nothing, "{empty:?}");
    }
    assert_eq!(sha3_query(";select 1", None).unwrap(), "0320C4B2D4B74AC48CA93500617AF98B093AAC68B605539374F53F7625C8F0F0");
    assert_eq!(
        sha3_query("/* c */ select 1 ; ; select 2", None).unwrap(),
        "BB745972D35F9DD9AC548A0650446E721AFF3191E1A40478723CFC8D06C94924"
    );
    assert_eq!(sha3_query("select ?1, :x, @y", None).unwrap(), "0439CD99FF87CD569A8DFCA7C01547EFF2252500E8DB83FD187DEDC8298DA792");
    assert_eq!(
        sha3_query("select abs(-9223372036854775808)", None).unwrap(),
        "E3518E98615612CF9B6F7B4B6B2CC9C96C901E32F5B0543686D0D6A50095BDC4"
    );
    assert_eq!(sha3_query("pragma table_info(t)", None).unwrap(), "721B62E576774DEEC8F5AB9533C22F236F0B60DFD4BB3230A1366CE2BDA26F67");
}

#[test]
fn sha3_query_errors_read_as_sqlite_3_40_1() {
    table_t();
    // Debian's sqlite3 3.40.1: select sha3_query(...).
    for (sql, want) in [
        ("selec 1", "error SQL statement [ 1]: near \"selec\": syntax error"),
        ("select 1; selec 1; select 2", "error SQL statement [ 1; select 2]: near \"selec\": syntax error"),
        ("select * from nosuch; select 1", "error SQL statement [ select 1]: no such table: nosuch"),
        ("select 1; @", "error SQL statement [@]: unrecognized token: \"@\""),
        ("select 'abc", "error SQL statement ['abc]: unrecognized token: \"'abc\""),
        ("select (1", "error SQL statement []: incomplete input"),
        ("insert into t values (1, 2)", "non-query: [insert into t values (1, 2)]"),
        ("select 1; delete from t", "non-query: [ delete from t]"),
        ("explain insert into t values(1,2)", "non-query: [explain insert into t values(1,2)]"),
        ("explain query plan delete from t", "non-query: [explain query plan delete from t]"),
        ("pragma user_version = 3", "non-query: [pragma user_version = 3]"),
        ("create table u(x)", "non-query: [create table u(x)]"),
    ] {
        assert_eq!(sha3_query(sql, None).unwrap_err().message, want, "{sql}");
    }
    assert_eq!(crate::testdb::query("select count(*) from t", &[]).unwrap(), [[Value::Integer(5)]]);
}

#[test]
fn sha1_query_hashes_the_documented_byte_stream() {
    // sha1 of the bytes sha1.c documents, computed with Python's hashlib.
    assert_eq!(call("sha1_query", &[text("select 1")]).unwrap(), text("607ebfacbfd9bac2e9a1a19d4110aa08c6b11d32"));
    let two = "select 1, 2.5, 'x', x'00', null; select 2 union select 3";
    assert_eq!(call("sha1_query", &[text(two)]).unwrap(), text("baf8e9b52ef0045f19af1ea79a97340253586c93"));
    // A trailing empty statement adds "S0:".
    assert_eq!(call("sha1_query", &[text("select 1;  ")]).unwrap(), text("566cd240f1e5f57f44af1a309cc91591f328cae8"));
    assert_eq!(call("sha1_query", &[text("selec 1")]).unwrap_err().message, "error SQL statement [ 1]: near \"selec\": syntax error");
}

#[test]
fn sha3sum_prints_what_sqlite_3_40_1_prints() {
    table_t();
    crate::testdb::execute(
        r#"create table "Odd ""Name"""(z);
        insert into "Odd ""Name""" values ('q'), (NULL);
        create table s(id integer primary key autoincrement, v);
        insert into s(v) values (1), ('two');
        create table w(k primary key, v) without rowid;
        insert into w values ('k', 2);
        create table sqlitefoo(x);
        insert into sqlitefoo values (1);
        create index ti on t(a);"#,
    );
    // Debian's sqlite3 3.40.1 on the same database (tests/shell/sha-reference.sql).
    let sum = |args: &[&str]| dot("sha3sum", args).unwrap();
    assert_eq!(sum(&[]), "2bda6ea5c9f02b1510823b0e23fe7545e81a9c7fee4294fbeb2a8977");
    assert_eq!(sum(&["--sha3-256"]), "c942f065f2707c7576948b36d71b6add1c63e3f63982d353c72f7a815f4cd06a");
    assert_eq!(
        sum(&["-sha3-384", "--schema"]),
        "81e6dc5a147ea6f80eca734f7091bf7b8ce5c7bf4d097b882e733b0d79f3746bda3aec4941ea26ac492c1563f2c7f530"
    );
    assert_eq!(sum(&["t"]), "6cfedd0252769d561b579cbf78021250b6d4a3b5ce9f4140c26c75e5|t");
    assert_eq!(sum(&["ODD%"]), "6d8f8ba29705e3d50c738a1cf775f8a7b886ce12561202fe733bc426|odd \"name\"");
    assert_eq!(
        sum(&["--sha3-256", "_"]),
        "cd97872189d11e81ad7a04b9651ebe5f2058b1eaf4eab92fa92ac2360f5f7243|s\n\
         df0bb2c0678b6446b5918ff1a8d30f27b64f44818f1669b3f1535790da5c32f7|t\n\
         c5651d60b5f14ef47a559d8756909ec1befa9420a62557f04c6ce40a2797353b|w"
    );
    assert_eq!(
        sum(&["sqlite_%"]),
        "1ea04b1bab973330588511c59c9b8b5071ece222973a1f5d228365a8|sqlite_schema\n\
         b9ab84899da96c7d77c0a02797982f784c22472ea08a85678326c470|sqlite_sequence\n\
         460a572fd1daa037bd9898c3ec372c85907d2073f6d7f58c42e5b525|sqlitefoo"
    );
    assert_eq!(sum(&["sqlite%"]), "");
    assert_eq!(
        sum(&["--debug", "o%"]),
        "WITH [sha3sum$query](a,b) AS(VALUES('SELECT * FROM \"odd \"\"name\"\"\" NOT INDEXED;','odd \"name\"')) \
         SELECT lower(hex(sha3_query(a,224))) AS hash, b AS label   FROM [sha3sum$query]"
    );
}
