//! `history` through the generated exports, as a host drives it: the hooks
//! are called as SQLite calls them, the table is scanned and the scalars
//! are called through the manifest's dispatch. Each test runs on a thread
//! of its own, so each starts with an empty log (as a fresh connection
//! does).

use crate::history_ext::sqlink_test::{call, manifest, on_commit, on_rollback, on_update, query_table, table};
use sqlink_sdk::hooks::Change;
use sqlink_sdk::wit::types::FunctionFlags;
use sqlink_sdk::{Error, Value};

/// `select op, db, tbl, row, state from history` as text.
fn history() -> Vec<String> {
    let rows = query_table("history", &[]).unwrap();
    rows.iter()
        .map(|r| {
            let text = |v: &Value| match v {
                Value::Text(t) => String::from_utf8(t.clone()).unwrap(),
                Value::Integer(i) => i.to_string(),
                other => panic!("unexpected {other:?}"),
            };
            r.iter().map(text).collect::<Vec<_>>().join("|")
        })
        .collect()
}

fn int(v: Value) -> i64 {
    match v {
        Value::Integer(i) => i,
        other => panic!("not an integer: {other:?}"),
    }
}

#[test]
fn the_manifest_declares_hooks_the_table_and_two_non_deterministic_functions() {
    let m = manifest();
    assert_eq!(m.hooks.bits(), 0b111, "update, commit and rollback hooks");
    assert!(!m.authorizer);
    assert_eq!(m.vtabs.len(), 1);
    let v = &m.vtabs[0];
    assert_eq!((v.name.as_str(), v.eponymous, v.eponymous_only, v.writable), ("history", true, true, false));
    assert!(v.description.starts_with("The row changes of this connection"), "{}", v.description);
    assert_eq!(table("history").schema(), r#"CREATE TABLE x("id", "txn", "op", "db", "tbl", "row", "state")"#);
    let mut functions: Vec<(String, i32)> = m.functions.iter().map(|f| (f.name.clone(), f.arity)).collect();
    functions.sort();
    assert_eq!(functions, [("history_clear".into(), 0), ("history_limit".into(), 0), ("history_limit".into(), 1)]);
    for f in &m.functions {
        assert_eq!(f.flags, FunctionFlags::empty(), "{} is neither deterministic nor restricted", f.name);
        assert!(!f.description.is_empty(), "{} has a description", f.name);
    }
}

#[test]
fn a_committed_transaction_and_a_rolled_back_one() {
    assert!(history().is_empty());
    // BEGIN; INSERT; UPDATE; COMMIT;
    on_update(Change::Insert, "main", "t", 1);
    on_update(Change::Update, "main", "t", 1);
    assert_eq!(history(), ["1|1|INSERT|main|t|1|pending", "2|1|UPDATE|main|t|1|pending"]);
    assert!(!on_commit(), "history never vetoes a commit");
    // BEGIN; DELETE; INSERT into temp; ROLLBACK;
    on_update(Change::Delete, "main", "t", 1);
    on_update(Change::Insert, "temp", "scratch", 4);
    on_rollback();
    assert_eq!(
        history(),
        [
            "1|1|INSERT|main|t|1|committed",
            "2|1|UPDATE|main|t|1|committed",
            "3|2|DELETE|main|t|1|rolled back",
            "4|2|INSERT|temp|scratch|4|rolled back",
        ]
    );
}

#[test]
fn ends_without_changes_mark_nothing() {
    on_update(Change::Insert, "main", "t", 1);
    assert!(!on_commit());
    // BEGIN; SELECT; ROLLBACK: the rollback hook runs with nothing heard.
    on_rollback();
    assert!(!on_commit());
    assert_eq!(history(), ["1|1|INSERT|main|t|1|committed"]);
    on_update(Change::Insert, "main", "t", 2);
    assert_eq!(history()[1], "2|2|INSERT|main|t|2|pending", "the next change opens transaction 2");
}

#[test]
fn history_clear_returns_how_many_entries_it_dropped() {
    assert_eq!(int(call("history_clear", &[]).unwrap()), 0);
    for row in 1..=3 {
        on_update(Change::Insert, "main", "t", row);
    }
    on_commit();
    assert_eq!(int(call("history_clear", &[]).unwrap()), 3);
    assert!(history().is_empty());
    on_update(Change::Delete, "main", "t", 3);
    on_commit();
    assert_eq!(history(), ["4|2|DELETE|main|t|3|committed"], "ids and transaction numbers go on");
}

#[test]
fn history_limit_keeps_the_newest_entries_and_returns_the_previous_limit() {
    assert_eq!(int(call("history_limit", &[]).unwrap()), 100_000);
    for row in 1..=5 {
        on_update(Change::Insert, "main", "t", row);
    }
    assert_eq!(int(call("history_limit", &[Value::Integer(2)]).unwrap()), 100_000);
    assert_eq!(int(call("history_limit", &[]).unwrap()), 2);
    on_commit();
    assert_eq!(history(), ["4|1|INSERT|main|t|4|committed", "5|1|INSERT|main|t|5|committed"]);
    // 0 keeps nothing; a whole real is an integer; the largest limit is kept as given.
    assert_eq!(int(call("history_limit", &[Value::Integer(0)]).unwrap()), 2);
    assert!(history().is_empty());
    assert_eq!(int(call("history_limit", &[Value::Real(1e6)]).unwrap()), 0);
    assert_eq!(int(call("history_limit", &[Value::Integer(i64::MAX)]).unwrap()), 1_000_000);
    assert_eq!(int(call("history_limit", &[]).unwrap()), i64::MAX);
}

#[test]
fn history_limit_refuses_null_negative_and_non_integer_limits() {
    let cases: [(Value, i32, &str); 5] = [
        (Value::Null, Error::MISMATCH, "got NULL"),
        (Value::Integer(-1), Error::RANGE, "got -1"),
        (Value::Real(2.5), Error::MISMATCH, "got real 2.5"),
        (Value::text("10"), Error::MISMATCH, "got text '10'"),
        (Value::Blob(vec![1]), Error::MISMATCH, "got blob of 1 bytes"),
    ];
    for (arg, code, got) in cases {
        let e = call("history_limit", std::slice::from_ref(&arg)).unwrap_err();
        assert_eq!(e.message, format!("history_limit(): the limit must be a non-negative integer, {got}"), "{arg:?}");
        assert_eq!(e.code, code, "{arg:?}");
    }
    assert_eq!(int(call("history_limit", &[]).unwrap()), 100_000, "a refused limit changes nothing");
}

#[test]
fn reading_the_table_changes_nothing() {
    on_update(Change::Insert, "main", "t", 1);
    let history = table("history");
    let first = history.query().rows().unwrap();
    assert_eq!(history.query().select(&["op", "state"]).rows().unwrap(), [[Value::text("INSERT"), Value::text("pending")]]);
    assert_eq!(history.query().rows().unwrap(), first);
}

#[test]
fn names_are_kept_as_sqlite_gives_them() {
    on_update(Change::Insert, "aux one", "Mixed Case", -7);
    on_update(Change::Update, "main", "ünïcode", i64::MAX);
    assert_eq!(history(), ["1|1|INSERT|aux one|Mixed Case|-7|pending", format!("2|1|UPDATE|main|ünïcode|{}|pending", i64::MAX).as_str()]);
}
