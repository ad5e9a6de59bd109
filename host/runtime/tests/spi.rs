//! SQL through SPI runs on the calling connection: the `define` extension.

mod common;
use common::{Conn, text};
use sqlink_runtime::AttachOptions;
use sqlink_sqlite::Value;

fn define(conn: &mut Conn) -> sqlink_runtime::AttachReport {
    conn.try_load("define", &["spi"], None, None, &AttachOptions::default()).unwrap()
}

#[test]
fn define_needs_the_spi_grant() {
    let mut conn = Conn::memory();
    let err = conn.try_load("define", &[], None, None, &AttachOptions::default()).unwrap_err();
    assert_eq!(err, "refusing to load extension define: it imports sqlink:extension/spi@0.2.0: load it with --grant spi");
}

#[test]
fn sqlean_examples() {
    let mut conn = Conn::memory();
    define(&mut conn);
    conn.query("select define('sumn', ':n * (:n + 1) / 2')").unwrap();
    assert_eq!(conn.value("select sumn(5)"), Value::Integer(15));
    conn.query("select define('subxy1', '? - ?'), define('subxy2', '?1 - ?2'), define('subxy3', '?2 - ?1'), define('subxy4', ':x - :y')").unwrap();
    assert_eq!(conn.value("select subxy1(5, 1)"), Value::Integer(4));
    assert_eq!(conn.value("select subxy2(5, 1)"), Value::Integer(4));
    assert_eq!(conn.value("select subxy3(5, 1)"), Value::Integer(-4));
    assert_eq!(conn.value("select subxy4(5, 1)"), Value::Integer(4));
    assert_eq!(conn.error("select sumn(1, 2)"), "wrong number of arguments to function sumn()");
    // Defined functions may call each other.
    conn.query("select define('twice_sumn', 'sumn(:n) * 2')").unwrap();
    assert_eq!(conn.value("select twice_sumn(5)"), Value::Integer(30));
    assert_eq!(conn.value("select eval('select 42')"), text("42"));
    assert_eq!(conn.value("select eval('select 10 + 32')"), text("42"));
    assert_eq!(conn.value("select eval('select ''hello''')"), text("hello"));
    assert_eq!(conn.value("select eval('select 1, 2, 3')"), text("1 2 3"));
    assert_eq!(conn.value("select eval('select 1, 2, 3', '|')"), text("1|2|3"));
    assert_eq!(conn.value("select eval('select 1; select 2; select 3;')"), text("1 2 3"));
    assert_eq!(conn.value("select eval('select 1, 2, 3; select 4, 5, 6; select 7, 8, 9;')"), text("1 2 3 4 5 6 7 8 9"));
    assert_eq!(conn.value("select eval('create table tmp(value int)')"), Value::Null);
    conn.query("select eval('insert into tmp(value) values (1), (2), (3)')").unwrap();
    assert_eq!(conn.value("select count(*) from tmp"), Value::Integer(3));
    assert_eq!(conn.value("select eval('select value from tmp')"), text("1 2 3"));
    conn.query("select eval('drop table tmp')").unwrap();
    assert_eq!(conn.error("select count(*) from tmp"), "no such table: tmp");
    let rows = conn.query("select name, body from sqlean_define where type = 'scalar' order by name").unwrap();
    assert_eq!(rows[0], vec![text("subxy1"), text("? - ?")]);
    // Redefine, then undefine, from inside statements.
    conn.query("select define('sumn', ':n * 10')").unwrap();
    assert_eq!(conn.value("select sumn(5)"), Value::Integer(50));
    assert_eq!(conn.value("select body from sqlean_define where name = 'sumn'"), text(":n * 10"));
    assert_eq!(conn.value("select undefine('sumn')"), Value::Null);
    assert_eq!(conn.error("select sumn(5)"), "function sumn was removed");
    assert_eq!(conn.value("select count(*) from sqlean_define where name = 'sumn'"), Value::Integer(0));
    assert!(!conn.registry.info()[0].declared.contains(&"sumn(1)".to_string()));
}

#[test]
fn spi_sees_uncommitted_rows_and_temp_tables() {
    let mut conn = Conn::memory();
    define(&mut conn);
    conn.query("create table t(x); begin; insert into t values (1), (2), (3)").unwrap();
    assert_eq!(conn.value("select eval('select sum(x) from t')"), text("6"));
    conn.query("rollback").unwrap();
    assert_eq!(conn.value("select eval('select count(*) from t')"), text("0"));
    conn.query("create temp table scratch(y); insert into scratch values ('temp!')").unwrap();
    assert_eq!(conn.value("select eval('select y from scratch')"), text("temp!"));
}

#[test]
fn definitions_persist_in_the_database_and_come_back_on_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("defs.db");
    {
        let mut conn = Conn::open(path.to_str().unwrap());
        define(&mut conn);
        assert_eq!(conn.value("select count(*) from sqlite_schema where name = 'sqlean_define'"), Value::Integer(0));
        conn.query("select define('plus1', ':x + 1')").unwrap();
    }
    let mut conn = Conn::open(path.to_str().unwrap());
    assert_eq!(conn.error("select plus1(1)"), "no such function: plus1");
    define(&mut conn);
    assert_eq!(conn.value("select plus1(41)"), Value::Integer(42));
    let info = conn.registry.info();
    assert_eq!(info[0].declared, ["plus1(1)"]);
    // Unloading the extension removes what it declared.
    conn.registry.detach("define").unwrap();
    assert_eq!(conn.error("select plus1(1)"), "no such function: plus1");
}

#[test]
fn spi_errors_come_back_as_sql_errors() {
    let mut conn = Conn::memory();
    define(&mut conn);
    assert_eq!(conn.error("select eval('select * from nosuch')"), "no such table: nosuch");
    assert_eq!(conn.error("select define('bad', 'nosuchfunc(:x)')"), "no such function: nosuchfunc");
    assert_eq!(conn.error("select define('upper', ':x')"), "function upper already exists; choose another name");
    // A defined function calling eval() of the same extension would re-enter it.
    conn.query("select define('indirect', 'eval(''select 1'')')").unwrap();
    let err = conn.error("select eval('select indirect()')");
    assert!(err.contains("define: the extension is already running a call on this connection"), "{err}");
}
