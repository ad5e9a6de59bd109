//! Extensions behave like native SQLite functions: values are byte-exact,
//! flags are honoured exactly, subtypes survive, aggregates and collations
//! are right.

mod common;
use common::{Conn, text};
use sqlink_runtime::AttachOptions;
use sqlink_sqlite::Value;

fn probe() -> Conn {
    let mut conn = Conn::memory();
    conn.load("probe");
    conn
}

#[test]
fn values_round_trip_byte_exact() {
    let conn = probe();
    let cases = [
        ("null", Value::Null),
        ("0", Value::Integer(0)),
        ("-9223372036854775808", Value::Integer(i64::MIN)),
        ("9223372036854775807", Value::Integer(i64::MAX)),
        ("2.5", Value::Real(2.5)),
        ("-1e308", Value::Real(-1e308)),
        ("'héllo'", text("héllo")),
        ("''", text("")),
        ("x''", Value::Blob(vec![])),
        ("x'00ff10'", Value::Blob(vec![0, 0xff, 0x10])),
        // Text that is not valid UTF-8 stays text with the same bytes.
        ("cast(x'61ff00fe62' as text)", Value::Text(vec![0x61, 0xff, 0x00, 0xfe, 0x62])),
    ];
    for (sql, want) in cases {
        assert_eq!(conn.value(&format!("select probe_echo({sql})")), want, "{sql}");
        let ty = conn.value(&format!("select probe_typeof({sql})"));
        assert_eq!(ty, conn.value(&format!("select typeof({sql})")), "{sql}");
    }
}

/// Text and blobs of up to 24 bytes cross inline, longer ones through the
/// extension's overflow: both sides of the boundary, and bytes that are not
/// UTF-8 on either side, come back exactly.
#[test]
fn values_round_trip_on_both_sides_of_the_inline_limit() {
    let conn = probe();
    for n in [0, 1, 7, 8, 9, 16, 23, 24, 25, 31, 32, 100] {
        let text_sql = format!("substr(printf('%.*c', 200, 'x'), 1, {n})");
        let blob_sql = format!("cast(substr(printf('%.*c', 200, 'b'), 1, {n}) as blob)");
        let odd_sql = format!("cast(zeroblob({n}) || x'ff' as text)");
        for (sql, want) in [
            (text_sql, Value::Text(vec![b'x'; n])),
            (blob_sql, Value::Blob(vec![b'b'; n])),
            (odd_sql, Value::Text([vec![0; n], vec![0xff]].concat())),
        ] {
            assert_eq!(conn.value(&format!("select probe_echo({sql})")), want, "{sql}");
            assert_eq!(conn.value(&format!("select probe_typeof({sql})")), conn.value(&format!("select typeof({sql})")), "{sql}");
        }
    }
    // Three inline arguments at once, and more arguments than travel in
    // registers.
    let short = "'abcdefghijklmnopqrstuvwx'";
    assert_eq!(conn.value(&format!("select probe_types({short}, x'0102', 3)")), text("text,blob,integer"));
    assert_eq!(conn.value(&format!("select probe_types({short}, {short}, {short}, {short}, x'00')")), text("text,text,text,text,blob"));
}

#[test]
fn aggregates_take_short_and_long_texts_alike() {
    let conn = probe();
    let long = "L".repeat(40);
    let sql = format!("select probe_join(column1) from (values ('s'), ('{long}'), (''), ('{}'))", "m".repeat(24));
    assert_eq!(conn.value(&sql), text(&format!("s|{long}||{}", "m".repeat(24))));
}

#[test]
fn ten_megabyte_values_round_trip() {
    let conn = probe();
    let rows = conn
        .query("with v(b) as (select randomblob(10000000)) select probe_echo(b) = b, length(probe_echo(b)), probe_echo(hex(b)) = hex(b) from v")
        .unwrap();
    assert_eq!(rows, vec![vec![Value::Integer(1), Value::Integer(10_000_000), Value::Integer(1)]]);
}

#[test]
fn arities_from_zero_to_many() {
    let conn = probe();
    assert_eq!(conn.value("select probe_count()"), Value::Integer(0));
    assert_eq!(conn.value("select probe_count(1, 2, 3)"), Value::Integer(3));
    assert_eq!(conn.value("select probe_types(1, 2.0, 'a', x'00', null, 6)"), text("integer,real,text,blob,null,integer"));
    // Optional argument: absent, present, and NULL (which follows the NULL rule).
    assert_eq!(conn.value("select probe_len('abc')"), Value::Integer(3));
    assert_eq!(conn.value("select probe_len('abc', 10)"), Value::Integer(13));
    assert_eq!(conn.value("select probe_len('abc', null)"), Value::Null);
    assert_eq!(conn.value("select probe_len(cast(x'ff' as text))"), Value::Integer(1));
    let err = conn.error("select probe_len('a', 2, 3)");
    assert_eq!(err, "wrong number of arguments to function probe_len()");
}

#[test]
fn non_deterministic_functions_are_never_constant_folded() {
    let conn = probe();
    assert_eq!(conn.value("select probe_counter() = probe_counter()"), Value::Integer(0));
    assert_eq!(conn.value("select count(distinct c) from (select probe_counter() as c from (values (1), (2), (3)))"), Value::Integer(3));
    let mut uuid = Conn::memory();
    uuid.load("uuid");
    assert_eq!(uuid.value("select uuid4() = uuid4()"), Value::Integer(0));
}

#[test]
fn deterministic_flag_decides_what_indexes_may_use() {
    let conn = probe();
    conn.query("create table t(x); insert into t values (1), (2); create index ok on t(probe_det(x))").unwrap();
    assert_eq!(conn.value("select x from t where probe_det(x) = 4"), Value::Integer(2));
    let err = conn.error("create index bad on t(probe_counter())");
    assert_eq!(err, "non-deterministic functions prohibited in index expressions");
}

#[test]
fn direct_only_and_innocuous_are_honoured() {
    let conn = probe();
    conn.query("create table t(x); insert into t values (5); create view v_direct as select probe_direct(x) from t; create view v_plain as select probe_plain(x) from t; create view v_innocuous as select probe_innocuous(x) from t").unwrap();
    assert_eq!(conn.value("select probe_direct(1)"), Value::Integer(1));
    assert_eq!(conn.error("select * from v_direct"), "unsafe use of probe_direct()");
    conn.query("pragma trusted_schema = off").unwrap();
    assert_eq!(conn.error("select * from v_plain"), "unsafe use of probe_plain()");
    assert_eq!(conn.value("select * from v_innocuous"), Value::Integer(5));
}

#[test]
fn granted_extensions_are_direct_only() {
    let mut conn = Conn::memory();
    let dir = tempfile::tempdir().unwrap();
    let grant = format!("fs:{}:ro", dir.path().display());
    conn.try_load("fsread", &[&grant], None, None, &AttachOptions::default()).unwrap();
    conn.query("create view v as select fs_env('HOME')").unwrap();
    assert_eq!(conn.value("select fs_env('HOME')"), Value::Null);
    assert_eq!(conn.error("select * from v"), "unsafe use of fs_env()");
}

#[test]
fn subtypes_cross_the_boundary() {
    let conn = probe();
    assert_eq!(conn.value("select json_array(probe_json('[1,2]'))"), text("[[1,2]]"));
    assert_eq!(conn.value("select json_array(probe_echo(json('[1,2]')))"), text("[\"[1,2]\"]"));
    assert_eq!(conn.value("select probe_subtype(json('[1]'))"), Value::Integer(74));
    assert_eq!(conn.value("select probe_subtype('[1]')"), Value::Integer(0));
    // Aggregates see each row's own subtypes, batched or not.
    let sql = "select probe_subtypes(case when column1 % 2 then json('[1]') else 'a' end) from (values (1), (2), (3))";
    assert_eq!(conn.value(sql), text("74,0,74"));
}

#[test]
fn aggregates_batch_rows_in_order_and_work_as_windows() {
    let conn = probe();
    let n = 1000;
    let expect: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
    let sql = format!("with recursive s(i) as (select 1 union all select i + 1 from s where i < {n}) select probe_seq(i) from s");
    assert_eq!(conn.value(&sql), text(&expect.join(",")));
    assert_eq!(conn.value("select probe_seq(x) from (select 1 as x where 0)"), text(""));
    let rows = conn
        .query("select probe_seq(column1) over (order by column1 rows between 2 preceding and current row) from (values (1), (2), (3), (4), (5))")
        .unwrap();
    let got: Vec<Value> = rows.into_iter().map(|r| r[0].clone()).collect();
    assert_eq!(got, ["1", "1,2", "1,2,3", "2,3,4", "3,4,5"].map(text));
    let rows = conn.query("select column1, probe_seq(column2) from (values (1, 10), (2, 20), (1, 11), (2, 21)) group by column1 order by column1").unwrap();
    assert_eq!(rows, vec![vec![Value::Integer(1), text("10,11")], vec![Value::Integer(2), text("20,21")]]);
}

#[test]
fn collations_order_rows() {
    let conn = probe();
    conn.query("create table w(s); insert into w values ('ba'), ('ab'), ('ccc'), ('a'), ('zz')").unwrap();
    let col = |sql: &str| -> Vec<Value> { conn.query(sql).unwrap().into_iter().map(|r| r[0].clone()).collect() };
    assert_eq!(col("select s from w order by s collate PROBE_REVERSE"), ["a", "ba", "ab", "ccc", "zz"].map(text));
    assert_eq!(col("select s from w order by s collate probe__PROBE_LENGTH"), ["a", "ab", "ba", "zz", "ccc"].map(text));
    assert_eq!(conn.value("select 'xy' = 'yx' collate PROBE_LENGTH"), Value::Integer(0));
    conn.query("create index by_len on w(s collate PROBE_LENGTH)").unwrap();
    assert_eq!(conn.value("pragma integrity_check"), text("ok"));
}

#[test]
fn qualified_names_always_work_and_bare_names_are_never_shadowed() {
    let mut conn = probe();
    let report = conn.load("rival");
    assert_eq!(
        report.warnings,
        ["probe_echo(1) is provided by probe and rival: call probe__probe_echo or rival__probe_echo, or load one with --pin probe_echo".to_string()]
    );
    assert_eq!(conn.error("select probe_echo(1)"), "no such function: probe_echo");
    assert_eq!(conn.value("select probe__probe_echo(1)"), Value::Integer(1));
    assert_eq!(conn.value("select rival__probe_echo(1)"), text("rival"));
    assert_eq!(conn.value("select rival_only()"), Value::Integer(7));
    // Unloading the rival gives the name back to the sole claimant.
    let notes = conn.registry.detach("rival").unwrap();
    assert_eq!(notes, ["probe_echo(1) now calls probe__probe_echo"]);
    assert_eq!(conn.value("select probe_echo(1)"), Value::Integer(1));
    assert_eq!(conn.error("select rival_only()"), "no such function: rival_only");
}

#[test]
fn names_do_not_depend_on_load_order() {
    let mut a = Conn::memory();
    a.load("probe");
    a.load("rival");
    let mut b = Conn::memory();
    b.load("rival");
    b.load("probe");
    for conn in [&a, &b] {
        assert_eq!(conn.error("select probe_echo(1)"), "no such function: probe_echo");
        assert_eq!(conn.value("select rival__probe_echo(1)"), text("rival"));
    }
}

#[test]
fn built_in_names_are_overridden_only_by_pins() {
    let mut conn = Conn::memory();
    let report = conn.load("unicode");
    assert!(report.warnings.contains(&"upper(1) already exists in SQLite: call unicode__upper instead, or load with --pin upper to take the bare name".to_string()), "{report:#?}");
    assert_eq!(conn.value("select upper('straße é')"), text("STRAßE é"));
    assert_eq!(conn.value("select unicode__upper('é')"), text("É"));
    conn.registry.detach("unicode").unwrap();
    let options = AttachOptions { pins: vec!["upper".into(), "NOCASE".into()], prefix: None };
    let report = conn.try_load("unicode", &[], None, None, &options).unwrap();
    assert!(report.notes.contains(&"upper(1) pinned: it now calls unicode__upper instead of SQLite's own".to_string()), "{report:#?}");
    assert_eq!(conn.value("select upper('é')"), text("É"));
    assert_eq!(conn.value("select 'É' = 'é' collate nocase"), Value::Integer(1));
    conn.registry.detach("unicode").unwrap();
    assert_eq!(conn.value("select upper('é')"), text("é"));
    assert_eq!(conn.value("select 'É' = 'é' collate nocase"), Value::Integer(0));
}

#[test]
fn prefixes_can_be_chosen_and_must_not_clash() {
    let mut conn = Conn::memory();
    let options = AttachOptions { pins: vec![], prefix: Some("u".into()) };
    conn.try_load("uuid", &[], None, None, &options).unwrap();
    assert_eq!(conn.value("select length(u__uuid4())"), Value::Integer(36));
    let options = AttachOptions { pins: vec![], prefix: Some("u".into()) };
    let err = conn.try_load("probe", &[], None, None, &options).unwrap_err();
    assert_eq!(err, "prefix u is already bound to extension uuid (https://sqlink.dev/ns/uuid#); load probe with --prefix NAME");
    let err = conn.try_load("uuid", &[], None, None, &AttachOptions::default()).unwrap_err();
    assert!(err.starts_with("extension uuid is already loaded (from "), "{err}");
    let options = AttachOptions { pins: vec!["nosuch".into()], prefix: None };
    let err = conn.try_load("probe", &[], None, None, &options).unwrap_err();
    assert_eq!(err, "--pin nosuch: extension probe has no function, collation or module named nosuch");
}

#[test]
fn second_load_uses_compiled_code_from_the_cache() {
    let runtime = sqlink_runtime::Runtime::get().unwrap();
    let path = common::wasm("text");
    runtime.load_file(&path, Default::default(), Default::default()).unwrap();
    let again = runtime.load_file(&path, Default::default(), Default::default()).unwrap();
    assert!(again.from_cache, "second load compiled again");
}

#[test]
fn unload_reload_and_unpin_work_while_a_statement_runs() {
    let mut conn = Conn::memory();
    conn.load("uuid");
    let options = AttachOptions { pins: vec!["upper".into()], prefix: None };
    conn.try_load("unicode", &[], None, None, &options).unwrap();
    // A statement stays active throughout, as when loading from SQL.
    let (running, _) = conn.db.prepare("with recursive n(i) as (select 1 union all select i + 1 from n) select i from n").unwrap();
    let mut running = running.unwrap();
    assert!(running.step().unwrap());

    conn.registry.detach("uuid").unwrap();
    assert_eq!(conn.error("select uuid4()"), "no such function: uuid4 (its extension was unloaded)");
    conn.load("uuid");
    assert_eq!(conn.value("select length(uuid4())"), Value::Integer(36));

    conn.registry.detach("unicode").unwrap();
    assert_eq!(conn.value("select upper('é')"), text("é"), "SQLite's upper is back");
    conn.try_load("unicode", &[], None, None, &options).unwrap();
    assert_eq!(conn.value("select upper('é')"), text("É"));

    assert!(running.step().unwrap());
    drop(running);
    // With no statement running the names are really removed.
    conn.registry.detach("uuid").unwrap();
    assert_eq!(conn.error("select uuid4()"), "no such function: uuid4");
}
