//! `guard` through the generated exports, as a host drives it: rules made
//! with the scalars, the authorizer asked about the actions SQLite asks
//! about (with the details SQLite gives for each), the rules read from
//! `guard_rules`. Each test runs on a thread of its own, so each starts
//! without rules (as a fresh connection does).

use crate::guard_ext::sqlink_test::{authorize, call, manifest, query_table, table};
use sqlink_sdk::authorizer::{Action, Decision};
use sqlink_sdk::wit::types::FunctionFlags;
use sqlink_sdk::{Error, Value};

fn text(s: &str) -> Value {
    Value::text(s)
}

/// Calls `function` with text arguments and returns its integer result.
fn run(function: &str, args: &[&str]) -> i64 {
    match call(function, &args.iter().map(|a| text(a)).collect::<Vec<_>>()) {
        Ok(Value::Integer(i)) => i,
        other => panic!("{function}{args:?}: {other:?}"),
    }
}

/// The error of `function(args...)`.
fn error(function: &str, args: &[Value]) -> Error {
    call(function, args).expect_err("an error")
}

/// The authorizer's answer to action `code` with SQLite's two details, in
/// database `main`, outside any view or trigger.
fn ask(code: i32, arg1: Option<&str>, arg2: Option<&str>) -> Decision {
    ask_in(code, arg1, arg2, "main", None)
}

fn ask_in(code: i32, arg1: Option<&str>, arg2: Option<&str>, database: &str, accessor: Option<&str>) -> Decision {
    authorize(&Action {
        code,
        arg1: arg1.map(Into::into),
        arg2: arg2.map(Into::into),
        database: Some(database.into()),
        accessor: accessor.map(Into::into),
    })
}

/// `select kind, tbl, coalesce(col, 'NULL') from guard_rules`, joined by |.
fn rules() -> Vec<String> {
    let rows = query_table("guard_rules", &[]).unwrap();
    let cell = |v: &Value| match v {
        Value::Text(t) => String::from_utf8(t.clone()).unwrap(),
        Value::Null => "NULL".into(),
        other => panic!("unexpected {other:?}"),
    };
    rows.iter().map(|r| r.iter().map(cell).collect::<Vec<_>>().join("|")).collect()
}

#[test]
fn the_manifest_declares_the_authorizer_the_table_and_direct_only_functions() {
    let m = manifest();
    assert!(m.authorizer);
    assert_eq!(m.hooks.bits(), 0);
    let mut functions: Vec<(String, i32)> = m.functions.iter().map(|f| (f.name.clone(), f.arity)).collect();
    functions.sort();
    let want = [("guard_allow", 1), ("guard_allow", 2), ("guard_clear", 0), ("guard_deny", 1), ("guard_deny", 2), ("guard_hide", 2)];
    assert_eq!(functions, want.map(|(n, a)| (n.to_string(), a)));
    for f in &m.functions {
        assert_eq!(f.flags, FunctionFlags::DIRECT_ONLY, "{}: top-level SQL only, not deterministic", f.name);
        assert!(!f.description.is_empty(), "{} has a description", f.name);
    }
    let v = &m.vtabs[0];
    assert_eq!((v.name.as_str(), v.eponymous_only, v.writable), ("guard_rules", true, false));
    assert_eq!(table("guard_rules").schema(), r#"CREATE TABLE x("kind", "tbl", "col")"#);
}

#[test]
fn without_rules_everything_is_allowed() {
    assert_eq!(ask(Action::READ, Some("users"), Some("password")), Decision::Allow);
    assert_eq!(ask(Action::DROP_TABLE, Some("users"), None), Decision::Allow);
    assert_eq!(ask(Action::SELECT, None, None), Decision::Allow);
    assert!(rules().is_empty());
}

#[test]
fn a_denied_table_refuses_every_action_that_names_it() {
    assert_eq!(run("guard_deny", &["payroll"]), 1);
    let t = Some("payroll");
    // Reads: a column, the rowid, or no column at all (count(*)).
    assert_eq!(ask(Action::READ, t, Some("salary")), Decision::Deny);
    assert_eq!(ask(Action::READ, t, Some("ROWID")), Decision::Deny);
    assert_eq!(ask(Action::READ, t, Some("")), Decision::Deny);
    // Writes.
    assert_eq!(ask(Action::INSERT, t, None), Decision::Deny);
    assert_eq!(ask(Action::UPDATE, t, Some("salary")), Decision::Deny);
    assert_eq!(ask(Action::DELETE, t, None), Decision::Deny);
    // Schema changes: the table is the first detail...
    assert_eq!(ask(Action::DROP_TABLE, t, None), Decision::Deny);
    assert_eq!(ask(Action::DROP_TEMP_TABLE, t, None), Decision::Deny);
    assert_eq!(ask(Action::DROP_VTABLE, t, Some("csv")), Decision::Deny);
    assert_eq!(ask(Action::ANALYZE, t, None), Decision::Deny);
    // ...or the second.
    assert_eq!(ask(Action::ALTER_TABLE, Some("main"), t), Decision::Deny);
    assert_eq!(ask(Action::CREATE_INDEX, Some("payroll_idx"), t), Decision::Deny);
    assert_eq!(ask(Action::DROP_TEMP_INDEX, Some("payroll_idx"), t), Decision::Deny);
    assert_eq!(ask(Action::CREATE_TRIGGER, Some("payroll_log"), t), Decision::Deny);
    assert_eq!(ask(Action::DROP_TEMP_TRIGGER, Some("payroll_log"), t), Decision::Deny);
    // Other tables, and actions that name no table, are not its business.
    assert_eq!(ask(Action::READ, Some("staff"), Some("salary")), Decision::Allow);
    assert_eq!(ask(Action::CREATE_TABLE, t, None), Decision::Allow);
    assert_eq!(ask(Action::PRAGMA, Some("table_info"), t), Decision::Allow);
    assert_eq!(ask(Action::FUNCTION, None, Some("guard_allow")), Decision::Allow);
    assert_eq!(ask(Action::TRANSACTION, Some("BEGIN"), None), Decision::Allow);
}

#[test]
fn rules_apply_in_every_database_and_through_views_and_triggers() {
    run("guard_deny", &["payroll"]);
    assert_eq!(ask_in(Action::READ, Some("payroll"), Some("salary"), "temp", None), Decision::Deny);
    assert_eq!(ask_in(Action::READ, Some("payroll"), Some("salary"), "copy", None), Decision::Deny);
    assert_eq!(ask_in(Action::READ, Some("payroll"), Some("salary"), "main", Some("salaries_view")), Decision::Deny);
    assert_eq!(ask_in(Action::INSERT, Some("payroll"), None, "main", Some("audit_trigger")), Decision::Deny);
}

#[test]
fn vacuum_may_not_copy_a_table_with_rules() {
    run("guard_hide", &["users", "email"]);
    // VACUUM copies each table with INSERT INTO vacuum_<16 hex digits>.t.
    let vacuum = "vacuum_0123456789abcdef";
    assert_eq!(ask_in(Action::INSERT, Some("users"), None, vacuum, None), Decision::Deny);
    assert_eq!(ask_in(Action::INSERT, Some("orders"), None, vacuum, None), Decision::Allow);
    // Other databases are ordinary ones, whatever their name.
    assert_eq!(ask_in(Action::INSERT, Some("users"), None, "vacuum_db", None), Decision::Allow);
    assert_eq!(ask_in(Action::INSERT, Some("users"), None, "vacuum_0123456789abcdeg", None), Decision::Allow);
    assert_eq!(ask_in(Action::INSERT, Some("users"), None, "main", None), Decision::Allow);
    run("guard_clear", &[]);
    assert_eq!(ask_in(Action::INSERT, Some("users"), None, vacuum, None), Decision::Allow);
}

#[test]
fn a_denied_column_refuses_reading_and_setting_it_only() {
    assert_eq!(run("guard_deny", &["users", "password"]), 1);
    assert_eq!(ask(Action::READ, Some("users"), Some("password")), Decision::Deny);
    assert_eq!(ask(Action::UPDATE, Some("users"), Some("password")), Decision::Deny);
    assert_eq!(ask(Action::READ, Some("users"), Some("name")), Decision::Allow);
    assert_eq!(ask(Action::UPDATE, Some("users"), Some("name")), Decision::Allow);
    assert_eq!(ask(Action::READ, Some("users"), Some("")), Decision::Allow);
    assert_eq!(ask(Action::INSERT, Some("users"), None), Decision::Allow);
    assert_eq!(ask(Action::DELETE, Some("users"), None), Decision::Allow);
}

#[test]
fn a_hidden_column_is_ignored_when_read() {
    assert_eq!(run("guard_hide", &["users", "email"]), 1);
    assert_eq!(ask(Action::READ, Some("users"), Some("email")), Decision::Ignore);
    assert_eq!(ask(Action::UPDATE, Some("users"), Some("email")), Decision::Allow);
    assert_eq!(ask(Action::READ, Some("users"), Some("name")), Decision::Allow);
    // Deny beats hide.
    run("guard_deny", &["users", "email"]);
    assert_eq!(ask(Action::READ, Some("users"), Some("email")), Decision::Deny);
}

#[test]
fn names_compare_ignoring_ascii_case_only() {
    run("guard_deny", &["Users", "PassWord"]);
    run("guard_hide", &["Straße", "Notiz"]);
    assert_eq!(ask(Action::READ, Some("USERS"), Some("password")), Decision::Deny);
    assert_eq!(ask(Action::READ, Some("STRAßE"), Some("NOTIZ")), Decision::Ignore);
    assert_eq!(ask(Action::READ, Some("STRASSE"), Some("notiz")), Decision::Allow);
    assert_eq!(run("guard_deny", &["users", "password"]), 0, "already there");
    assert_eq!(rules(), ["hide|Straße|Notiz", "deny|Users|PassWord"]);
}

#[test]
fn guard_rules_lists_every_rule_in_order() {
    run("guard_hide", &["users", "email"]);
    run("guard_deny", &["users", "password"]);
    run("guard_deny", &["payroll"]);
    run("guard_deny", &["users"]);
    run("guard_deny", &["users", "email"]);
    assert_eq!(rules(), ["deny|payroll|NULL", "deny|users|NULL", "deny|users|email", "hide|users|email", "deny|users|password"]);
}

#[test]
fn guard_allow_and_guard_clear_remove_rules_and_count_them() {
    run("guard_deny", &["payroll"]);
    run("guard_deny", &["users"]);
    run("guard_deny", &["users", "password"]);
    run("guard_hide", &["users", "email"]);
    run("guard_deny", &["users", "email"]);
    assert_eq!(run("guard_allow", &["USERS", "Email"]), 2);
    assert_eq!(ask(Action::READ, Some("users"), Some("email")), Decision::Deny, "the table rule is still there");
    assert_eq!(run("guard_allow", &["users"]), 2);
    assert_eq!(run("guard_allow", &["users"]), 0);
    assert_eq!(ask(Action::READ, Some("users"), Some("password")), Decision::Allow);
    assert_eq!(rules(), ["deny|payroll|NULL"]);
    assert_eq!(run("guard_clear", &[]), 1);
    assert_eq!(run("guard_clear", &[]), 0);
    assert_eq!(ask(Action::DELETE, Some("payroll"), None), Decision::Allow);
    assert!(rules().is_empty());
}

#[test]
fn names_must_be_non_empty_text_without_a_dot() {
    let cases: [(&str, Vec<Value>, i32, &str); 9] = [
        ("guard_deny", vec![Value::Null], Error::MISMATCH, "guard_deny(): the table name must be text, got NULL"),
        ("guard_deny", vec![Value::Integer(5)], Error::MISMATCH, "guard_deny(): the table name must be text, got integer 5"),
        ("guard_deny", vec![text("t"), Value::Null], Error::MISMATCH, "guard_deny(): the column name must be text, got NULL"),
        (
            "guard_hide",
            vec![text("t"), Value::Blob(b"c".to_vec())],
            Error::MISMATCH,
            "guard_hide(): the column name must be text, got blob of 1 bytes",
        ),
        ("guard_hide", vec![Value::Real(1.5), text("c")], Error::MISMATCH, "guard_hide(): the table name must be text, got real 1.5"),
        ("guard_allow", vec![text("")], Error::ERROR, "guard_allow(): the table name is empty"),
        ("guard_deny", vec![text("t"), text("")], Error::ERROR, "guard_deny(): the column name is empty"),
        (
            "guard_deny",
            vec![text("main.users")],
            Error::ERROR,
            "guard_deny(): 'main.users' has a dot: name a table without its database ('users')",
        ),
        (
            "guard_hide",
            vec![text("users"), text("users.email")],
            Error::ERROR,
            "guard_hide(): 'users.email' has a dot: name a column without its table ('email')",
        ),
    ];
    for (function, args, code, message) in cases {
        let e = error(function, &args);
        assert_eq!((e.code, e.message.as_str()), (code, message), "{function}{args:?}");
    }
    assert_eq!(error("guard_deny", &[Value::Text(vec![0xff])]).message, "guard_deny(): the table name is not valid UTF-8");
    assert!(rules().is_empty(), "a refused rule is not made");
}
