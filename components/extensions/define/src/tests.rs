//! Table-valued functions and eval() through the generated exports, as a
//! host drives them, on a SQLite connection standing in for SPI
//! (testdb.rs). Expected results are the ones sqlean's docs/define.md and
//! test/define.sql give for the same statements (quoted above each check).
//! Scalar `define()` needs SPI's `declare-function`: tests/shell/define-*.sql
//! covers it, and everything else end to end.

use crate::define::sqlink_test::{call, create_table, manifest};
use crate::testdb;
use sqlink_sdk::{Error, Value};

fn text(s: &str) -> Value {
    Value::text(s)
}

/// `create virtual table strcut using define((...))` from docs/define.md.
const STRCUT: &str = "(
  select
    substr(:str, 1, instr(:str, :sep) - 1) as left,
    :sep as separator,
    substr(:str, instr(:str, :sep) + 1) as right
)";

#[test]
fn the_module_is_created_not_eponymous() {
    let m = manifest();
    let v = &m.vtabs[0];
    assert_eq!((v.name.as_str(), v.eponymous, v.eponymous_only, v.writable), ("define", false, false, false));
}

#[test]
fn strcut_splits_a_string_around_a_separator() {
    let strcut = create_table("define", "strcut", &[STRCUT]).unwrap();
    assert_eq!(strcut.schema(), "CREATE TABLE x( 'left' ,'separator' ,'right' ,'str' hidden,'sep' hidden)");
    // select * from strcut('one;two', ';');  => one|;|two
    let rows = strcut.query().arg("str", "one;two").arg("sep", ";").rows().unwrap();
    assert_eq!(rows, [[text("one"), text(";"), text("two")]]);
    // select left, right from strcut('one;two', ';');  => one|two
    let rows = strcut.query().arg("str", "one;two").arg("sep", ";").select(&["left", "right"]).rows().unwrap();
    assert_eq!(rows, [[text("one"), text("two")]]);
    // The arguments read back from the hidden columns; rows count from 1.
    let rows = strcut.query().arg("str", "a,b").arg("sep", ",").select(&["str", "sep", "rowid"]).rows().unwrap();
    assert_eq!(rows, [[text("a,b"), text(","), Value::Integer(1)]]);
    // select id, left, right from data, strcut(data.value, ';');
    for (value, left, right) in [("one;two", "one", "two"), ("three;four", "three", "four"), ("five;six", "five", "six")] {
        let rows = strcut.query().arg("str", value).arg("sep", ";").select(&["left", "right"]).rows().unwrap();
        assert_eq!(rows, [[text(left), text(right)]]);
    }
}

#[test]
fn the_definition_is_saved_in_sqlean_define() {
    let _strcut = create_table("define", "strcut", &[STRCUT]).unwrap();
    // select '42', type = 'table' from sqlean_define where name = 'strcut';
    let saved = testdb::query("select type, body from sqlean_define where name = 'strcut'", &[]).unwrap().rows;
    assert_eq!(saved, [[text("table"), text(STRCUT)]]);
    // Connecting again (a new connection) keeps the one row.
    let _again = create_table("define", "strcut", &[STRCUT]).unwrap();
    let count = testdb::query("select count(*) from sqlean_define", &[]).unwrap().rows;
    assert_eq!(count, [[Value::Integer(1)]]);
}

#[test]
fn dropping_the_table_forgets_the_definition() {
    let strcut = create_table("define", "strcut", &[STRCUT]).unwrap();
    strcut.destroy().unwrap();
    let saved = testdb::query("select count(*) from sqlean_define", &[]).unwrap().rows;
    assert_eq!(saved, [[Value::Integer(0)]]);
}

#[test]
fn missing_arguments_are_null_and_rows_repeat_per_result() {
    let t = create_table("define", "pairs", &["(select value, :n * value as times from (select 1 as value union all select 2))"]).unwrap();
    assert_eq!(t.schema(), "CREATE TABLE x( 'value' ,'times' ,'n' hidden)");
    let rows = t.query().arg("n", 10).select(&["value", "times", "rowid"]).rows().unwrap();
    assert_eq!(
        rows,
        [[Value::Integer(1), Value::Integer(10), Value::Integer(1)], [Value::Integer(2), Value::Integer(20), Value::Integer(2)]]
    );
    // select * from pairs;  (no argument: :n is NULL)
    let rows = t.query().rows().unwrap();
    assert_eq!(rows, [[Value::Integer(1), Value::Null], [Value::Integer(2), Value::Null]]);
}

#[test]
fn parameters_are_named_by_sqlite_and_given_out_of_order() {
    let t = create_table("define", "sub", &["(select ?2 - ?1 as d, ? as third, @x as xx)"]).unwrap();
    assert_eq!(t.schema(), "CREATE TABLE x( 'd' ,'third' ,'xx' ,'1' hidden,'2' hidden,'3' hidden,'x' hidden)");
    // Only the second parameter given: SQLite passes it through the map.
    let rows = t.query().arg("2", 5).select(&["d", "2", "1"]).rows().unwrap();
    assert_eq!(rows, [[Value::Null, Value::Integer(5), Value::Null]]);
    let rows = t.query().arg("1", 1).arg("2", 5).rows().unwrap();
    assert_eq!(rows, [[Value::Integer(4), Value::Null, Value::Null]]);
}

#[test]
fn bad_definitions_fail_as_in_sqlean() {
    let e = |args: &[&str]| create_table("define", "f", args).err().expect("an error").message;
    assert_eq!(e(&[]), "no statement provided");
    assert_eq!(e(&["()"]), "no statement provided");
    assert_eq!(e(&["select 1"]), "statement must be parenthesized");
    assert_eq!(e(&["(selec 1)"]), "near \"selec\": syntax error");
    assert_eq!(e(&["(select * from nosuch)"]), "no such table: nosuch");
    testdb::execute("create table t(x)").unwrap();
    assert_eq!(e(&["(insert into t values (1))"]), "Statement must be read only.");
    assert_eq!(e(&["(delete from t)"]), "Statement must be read only.");
    // Nothing was run or saved.
    assert_eq!(testdb::query("select count(*) from t", &[]).unwrap().rows, [[Value::Integer(0)]]);
    let saved = testdb::query("select count(*) from sqlite_schema where name = 'sqlean_define'", &[]).unwrap().rows;
    assert_eq!(saved, [[Value::Integer(0)]]);
}

#[test]
fn result_columns_are_declared_with_their_declared_types() {
    // SQLite spells the types it knows in capitals, others as written.
    testdb::execute("create table typed(i integer, t text, d varchar(10), x)").unwrap();
    let t = create_table("define", "typed_f", &["(select i, t as renamed, d, x, i + 1 as e from typed where i > :min)"]).unwrap();
    assert_eq!(t.schema(), "CREATE TABLE x( 'i' INTEGER,'renamed' TEXT,'d' varchar(10),'x' ,'e' ,'min' hidden)");
}

#[test]
fn only_the_first_statement_counts_and_names_must_differ() {
    let t = create_table("define", "first", &["(select 1 as a; select 2 as b)"]).unwrap();
    assert_eq!(t.schema(), "CREATE TABLE x( 'a' )");
    assert_eq!(t.query().rows().unwrap(), [[Value::Integer(1)]]);
    // Repeated names are refused, as SQLite refuses sqlean's declaration.
    let e = |body: &str| create_table("define", "twice", &[body]).err().expect("an error").message;
    assert_eq!(e("(select 1 as a, 2 as A)"), "duplicate column name: A");
    assert_eq!(e("(select :x as x)"), "duplicate column name: x");
    assert_eq!(e("( )"), "near \")\": syntax error");
    assert!(create_table("define", "once", &["(select 1 as a; select 2 as a, 3 as a)"]).is_ok());
    // A statement that is no SELECT runs once to learn its columns.
    let t = create_table("define", "info", &["(pragma table_info('t'))"]);
    assert!(t.unwrap().schema().starts_with("CREATE TABLE x( 'cid' ,'name' ,'type' ,"));
}

#[test]
fn eval_joins_every_value_of_every_row() {
    // docs/define.md and test/define.sql, '71' to '87'.
    let eval = |args: &[Value]| call("eval", args);
    assert_eq!(eval(&[text("select 42")]).unwrap(), text("42"));
    assert_eq!(eval(&[text("select 1, 2, 3")]).unwrap(), text("1 2 3"));
    assert_eq!(eval(&[text("select 1, 2, 3"), text("|")]).unwrap(), text("1|2|3"));
    assert_eq!(eval(&[text("select 1, 2, 3"), text(", ")]).unwrap(), text("1, 2, 3"));
    assert_eq!(eval(&[text("select 'hello'")]).unwrap(), text("hello"));
    assert_eq!(eval(&[text("select null")]).unwrap(), text(""));
    assert_eq!(eval(&[text("select 1; select 2; select 3;")]).unwrap(), text("1 2 3"));
    assert_eq!(eval(&[text("select 1, 2, 3; select 4, 5, 6; select 7, 8, 9;")]).unwrap(), text("1 2 3 4 5 6 7 8 9"));
    assert_eq!(eval(&[text("create table tmp(value int)")]).unwrap(), Value::Null);
    assert_eq!(eval(&[text("insert into tmp(value) values (1), (2), (3)")]).unwrap(), Value::Null);
    assert_eq!(eval(&[text("select value from tmp")]).unwrap(), text("1 2 3"));
    assert_eq!(eval(&[text("drop table tmp")]).unwrap(), Value::Null);
    let e: Error = eval(&[text("selec 1")]).unwrap_err();
    assert_eq!(e.message, "near \"selec\": syntax error");
}
