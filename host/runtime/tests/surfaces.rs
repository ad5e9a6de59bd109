//! The contract's other surfaces on a native connection: virtual tables
//! (table-valued and CREATE VIRTUAL TABLE), connection hooks, the
//! authorizer and dot commands, with the failures each can meet.

mod common;
use common::{Conn, limits, text};
use sqlink_runtime::AttachOptions;
use sqlink_sqlite::Value;

fn ints(rows: Vec<Vec<Value>>) -> Vec<i64> {
    rows.into_iter()
        .map(|r| match r[0] {
            Value::Integer(i) => i,
            ref other => panic!("not an integer: {other:?}"),
        })
        .collect()
}

#[test]
fn table_valued_functions_take_hidden_arguments_and_constraints() {
    let mut conn = Conn::memory();
    conn.load("series");
    assert_eq!(ints(conn.query("select * from generate_series(1, 10, 3)").unwrap()), [1, 4, 7, 10]);
    assert_eq!(ints(conn.query("select value from generate_series(1, 10, -3)").unwrap()), [10, 7, 4, 1]);
    assert_eq!(ints(conn.query("select value from series__generate_series(2, 8, 2) where value > 3 order by value desc").unwrap()), [8, 6, 4]);
    assert_eq!(conn.value("select sum(value) from generate_series(1, 100000)"), Value::Integer(5000050000));
    let err = conn.error("select * from generate_series()");
    assert_eq!(err, "first argument to \"generate_series()\" missing or unusable");
}

#[test]
fn a_crash_in_the_middle_of_a_scan_is_an_error_and_the_table_works_again() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = Conn::open(dir.path().join("d.db").to_str().unwrap());
    conn.query("create table t(x); insert into t values (1), (2);").unwrap();
    conn.load("trap");
    // The first batch crosses before row 500 crashes the extension.
    let err = conn.error("select count(*) from trap_rows(1000, 500)");
    assert!(err.starts_with("trap: the extension crashed (wasm trap"), "{err}");
    assert!(err.ends_with("the extension was restarted"), "{err}");
    // The eponymous table connects again to the new instance.
    assert_eq!(conn.value("select sum(value) from trap_rows(10, 0)"), Value::Integer(55));
    assert_eq!(conn.value("select sum(x) from t"), Value::Integer(3));
    assert_eq!(conn.value("pragma integrity_check"), text("ok"));
}

#[test]
fn a_best_index_that_runs_too_long_is_stopped() {
    let mut conn = Conn::memory();
    conn.try_load("spin", &[], None, limits(200), &AttachOptions::default()).unwrap();
    let err = conn.error("select * from spin_plan");
    assert_eq!(err, "spin: call exceeded the CPU time limit of 200 ms (raise it with --timeout MS); the extension was restarted");
    assert_eq!(conn.value("select spin_for(1)"), Value::Integer(1));
}

#[test]
fn tables_of_extensions_reaching_outside_are_refused_in_views() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "one\ntwo\n").unwrap();
    let grant = format!("fs:{}:ro", dir.path().display());
    let mut conn = Conn::memory();
    conn.try_load("lines", &[&grant], None, None, &AttachOptions::default()).unwrap();
    let path = dir.path().join("a.txt");
    let read = format!("select line from lines_read('{}')", path.display());
    assert_eq!(conn.query(&read).unwrap(), [[text("one")], [text("two")]]);
    conn.query(&format!("create view v as {read}")).unwrap();
    let err = conn.error("select * from v");
    assert!(err.contains("unsafe use of virtual table"), "{err}");
}

#[test]
fn hooks_see_row_changes_commits_and_rollbacks() {
    let mut conn = Conn::memory();
    conn.load("history");
    conn.query("create table t(x); begin; insert into t values (1); update t set x = 2; commit;").unwrap();
    // (A DELETE without WHERE empties the table without row changes, as
    // SQLite's truncate optimization does, so this one names a row.)
    conn.query("begin; delete from t where x = 2; rollback;").unwrap();
    let rows = conn.query("select op, tbl, row, state from history order by id").unwrap();
    let expect = |op: &str, state: &str| vec![text(op), text("t"), Value::Integer(1), text(state)];
    assert_eq!(rows, [expect("INSERT", "committed"), expect("UPDATE", "committed"), expect("DELETE", "rolled back")]);
}

#[test]
fn the_authorizer_denies_and_hides() {
    let mut conn = Conn::memory();
    conn.query("create table users(name, secret); insert into users values ('ann', 's3');").unwrap();
    conn.load("guard");
    conn.query("select guard_hide('users', 'secret')").unwrap();
    assert_eq!(conn.query("select name, secret from users").unwrap(), [[text("ann"), Value::Null]]);
    conn.query("select guard_deny('users')").unwrap();
    assert_eq!(conn.error("select name from users"), "access to users.name is prohibited");
    assert_eq!(conn.error("delete from users"), "not authorized");
    conn.query("select guard_clear()").unwrap();
    assert_eq!(conn.value("select secret from users"), text("s3"));
}

#[test]
fn dot_commands_run_through_the_registry() {
    let mut conn = Conn::memory();
    conn.try_load("sha", &["spi"], None, None, &AttachOptions::default()).unwrap();
    let commands: Vec<String> = conn.registry.dot_commands().into_iter().map(|(ext, d)| format!("{ext}: .{}", d.name)).collect();
    assert_eq!(commands, ["sha: .sha3sum"]);
    assert!(conn.registry.run_dot_command("nosuch", &[]).is_none());
}

/// The `kvstore` fixture keeps its rows in the shadow table `<table>_data`
/// through spi: created with the table, written by its writes, renamed
/// with it and dropped with it; SQL of a defensive connection cannot write
/// it directly.
#[test]
fn tables_keep_their_rows_in_shadow_tables_through_spi() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kv.db");
    {
        let mut conn = Conn::open(path.to_str().unwrap());
        conn.try_load("kvstore", &["spi"], None, None, &AttachOptions::default()).unwrap();
        conn.query("create virtual table kv using kvstore; insert into kv values ('a', 1), ('b', 2)").unwrap();
        conn.query("begin; update kv set value = 20 where key = 'b'; delete from kv where key = 'a'; insert into kv values ('c', 3); commit").unwrap();
        // A failing write inside a transaction: the others stay.
        conn.query("begin; insert into kv values ('d', 4)").unwrap();
        let err = conn.error("insert into kv values ('c', 30)");
        assert!(err.contains("UNIQUE constraint failed: kv_data.key"), "{err}");
        conn.query("commit").unwrap();
        assert_eq!(conn.query("select key, value from kv_data order by key").unwrap(), [
            [text("b"), Value::Integer(20)],
            [text("c"), Value::Integer(3)],
            [text("d"), Value::Integer(4)]
        ]);
        conn.query("begin; delete from kv; rollback").unwrap();
        assert_eq!(conn.value("select count(*) from kv"), Value::Integer(3));
    }
    // Reopened: the rows are in the file; the shadow table is read-only to
    // a defensive connection's own SQL, and the table's writes still work.
    let mut conn = Conn::open(path.to_str().unwrap());
    conn.try_load("kvstore", &["spi"], None, None, &AttachOptions::default()).unwrap();
    assert_eq!(conn.value("select group_concat(key || '=' || value, ',') from kv"), text("b=20,c=3,d=4"));
    assert!(conn.db.set_config(sqlink_sqlite::ffi::SQLITE_DBCONFIG_DEFENSIVE, true).unwrap());
    assert_eq!(conn.error("insert into kv_data values ('e', 5)"), "table kv_data may not be modified");
    conn.query("insert into kv values ('e', 5)").unwrap();
    conn.query("alter table kv rename to store").unwrap();
    assert_eq!(conn.value("select count(*) from store_data"), Value::Integer(4));
    assert_eq!(conn.error("delete from store_data"), "table store_data may not be modified");
    conn.query("drop table store").unwrap();
    assert_eq!(conn.value("select count(*) from sqlite_schema"), Value::Integer(0));
    assert_eq!(conn.value("pragma integrity_check"), text("ok"));
}

#[test]
fn a_table_keeping_shadow_tables_needs_the_spi_grant() {
    let mut conn = Conn::memory();
    let err = conn.try_load("kvstore", &[], None, None, &AttachOptions::default()).unwrap_err();
    assert!(err.contains("refusing to load extension kvstore: it imports sqlink:extension/spi@0.2.0: load it with --grant spi"), "{err}");
    assert_eq!(conn.error("create virtual table kv using kvstore"), "no such module: kvstore");
}
