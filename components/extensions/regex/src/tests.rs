//! The SQL items through the generated exports, as a host calls them.
//! Expected values are sqlite-regex v0.2.4-alpha.1's (its docs.md and
//! tests/test-loadable.py, and testdata/reference.sql), except where the
//! crate doc says this extension differs.

use crate::regex_ext::sqlink_test::{call, manifest, table};
use sqlink_sdk::spi::FunctionFlags;
use sqlink_sdk::vtab::{Constraint, ConstraintOp, IndexInfo};
use sqlink_sdk::{Error, Value};

fn text(s: &str) -> Value {
    Value::text(s)
}

fn call_ok(name: &str, args: &[Value]) -> Value {
    call(name, args).unwrap_or_else(|e| panic!("{name}({args:?}): {e:?}"))
}

fn error(name: &str, args: &[Value]) -> String {
    call(name, args).expect_err(name).message
}

const MOVIE: &str = r"'(?P<title>[^']+)'\s+\((?P<year>\d{4})\)";
const MOVIES: &str = "'Citizen Kane' (1941), 'The Wizard of Oz' (1939), 'M' (1931).";

#[test]
fn the_manifest_has_sqlite_regex_functions_and_tables_all_deterministic() {
    let m = manifest();
    let mut functions: Vec<(&str, bool)> =
        m.functions.iter().map(|f| (f.name.as_str(), (f.flags & FunctionFlags::DETERMINISTIC) == FunctionFlags::DETERMINISTIC)).collect();
    functions.sort();
    functions.dedup();
    let names: Vec<&str> = functions.iter().map(|f| f.0).collect();
    // sqlite-regex's tests/test-loadable.py FUNCTIONS, deduplicated.
    assert_eq!(
        names,
        [
            "regex",
            "regex_capture",
            "regex_debug",
            "regex_find",
            "regex_find_at",
            "regex_print",
            "regex_replace",
            "regex_replace_all",
            "regex_valid",
            "regex_version",
            "regexp",
            "regexset",
            "regexset_is_match",
            "regexset_print"
        ]
    );
    assert!(functions.iter().all(|f| f.1), "every function is deterministic");
    let mut vtabs: Vec<(&str, bool, bool)> = m.vtabs.iter().map(|v| (v.name.as_str(), v.eponymous_only, v.writable)).collect();
    vtabs.sort();
    assert_eq!(
        vtabs,
        [("regex_captures", true, false), ("regex_find_all", true, false), ("regex_split", true, false), ("regexset_matches", true, false)]
    );
    assert!(m.capabilities.is_empty());
}

#[test]
fn tables_declare_sqlite_regex_schemas() {
    assert_eq!(table("regex_find_all").schema(), "CREATE TABLE x(start int, end int, match text, pattern hidden, contents text hidden)");
    assert_eq!(table("regex_captures").schema(), "CREATE TABLE x(captures, pattern hidden, contents text hidden)");
    assert_eq!(table("regex_split").schema(), "CREATE TABLE x(item text, pattern hidden, contents text hidden)");
    assert_eq!(table("regexset_matches").schema(), "CREATE TABLE x(key, pattern, regexset hidden, contents hidden)");
}

#[test]
fn regexp_matches_anywhere_and_errors_like_sqlite_regex() {
    assert_eq!(call_ok("regexp", &[text("[abc]"), text("a")]), Value::Integer(1));
    assert_eq!(call_ok("regexp", &[text("[abc]"), text("x")]), Value::Integer(0));
    assert_eq!(call_ok("regexp", &[text(r"^\d{4}-\d{2}-\d{2}$"), text("2022-01-01")]), Value::Integer(1));
    assert_eq!(call_ok("regexp", &[Value::Integer(1), Value::Integer(12)]), Value::Integer(1));
    assert_eq!(error("regexp", &[Value::Null, text("a")]), "Unexpected null value");
    assert_eq!(error("regexp", &[text("a"), Value::Null]), "Unexpected null value");
    assert_eq!(error("regexp", &[text("[abc"), text("a")]), "pattern not valid regex");
    assert_eq!(error("regexp", &[text("a"), Value::Text(vec![0xff])]), "utf8 err");
    // Text is read up to its first NUL, as sqlite-regex reads a C string.
    assert_eq!(call_ok("regexp", &[text("c"), Value::Text(b"ab\0c".to_vec())]), Value::Integer(0));
}

#[test]
fn regex_objects_are_their_patterns() {
    assert_eq!(call_ok("regex", &[text("[abc]")]), text("[abc]"));
    assert_eq!(call_ok("regex_print", &[call_ok("regex", &[text(r"^\d{4}-\d{2}-\d{2}$")])]), text(r"^\d{4}-\d{2}-\d{2}$"));
    let e = error("regex", &[text("[nope")]);
    assert!(e.starts_with("Error parsing pattern as regex: regex parse error:"), "{e}");
    let e = error("regex_print", &[text("[nope")]);
    assert!(e.starts_with("Error parsing regex: regex parse error:"), "{e}");
    assert_eq!(error("regex", &[Value::Null]), "Unexpected null value");
}

#[test]
fn regex_valid_says_whether_a_pattern_compiles() {
    assert_eq!(call_ok("regex_valid", &[text("[0-9]{3}-[0-9]{3}-[0-9]{4}")]), Value::Integer(1));
    assert_eq!(call_ok("regex_valid", &[text("no(")]), Value::Integer(0));
    assert_eq!(call_ok("regex_valid", &[text("")]), Value::Integer(1));
    assert_eq!(error("regex_valid", &[Value::Null]), "Unexpected null value");
}

#[test]
fn regex_find_and_find_at_give_the_first_match() {
    let phone = text("[0-9]{3}-[0-9]{3}-[0-9]{4}");
    assert_eq!(call_ok("regex_find", &[phone.clone(), text("phone: 111-222-3333")]), text("111-222-3333"));
    assert_eq!(call_ok("regex_find", &[phone.clone(), text("phone: 111-222-333")]), Value::Null);
    assert_eq!(error("regex_find", &[text("[invalidregex"), text("abc")]), "pattern not valid regex");
    assert_eq!(call_ok("regex_find_at", &[phone, text("phone: 111-222-3333"), Value::Integer(0)]), text("111-222-3333"));
    assert_eq!(call_ok("regex_find_at", &[text(r"\d+"), text("a1b22"), Value::Integer(3)]), text("22"));
    assert_eq!(call_ok("regex_find_at", &[text(r"\d+"), text("a1b22"), Value::Integer(6)]), Value::Null);
    assert_eq!(call_ok("regex_find_at", &[text(r"\d+"), text("a1b22"), Value::Integer(-1)]), Value::Null);
    // The text before the offset still counts for anchors.
    assert_eq!(call_ok("regex_find_at", &[text(r"^\d"), text("a1"), Value::Integer(1)]), Value::Null);
    // An offset inside a character finds the next match, never half of one.
    assert_eq!(call_ok("regex_find_at", &[text("é"), text("éé"), Value::Integer(1)]), text("é"));
    assert_eq!(error("regex_find_at", &[text("[invalidregex"), text("abc"), Value::Integer(0)]), "pattern not valid regex");
}

#[test]
fn regex_capture_reads_groups_by_number_and_name() {
    let example = text("Not my favorite movie: 'Citizen Kane' (1941).");
    let capture = |group: Value| call_ok("regex_capture", &[text(MOVIE), example.clone(), group]);
    assert_eq!(capture(Value::Integer(0)), text("'Citizen Kane' (1941)"));
    assert_eq!(capture(Value::Integer(1)), text("Citizen Kane"));
    assert_eq!(capture(Value::Integer(2)), text("1941"));
    assert_eq!(capture(text("title")), text("Citizen Kane"));
    assert_eq!(capture(text("year")), text("1941"));
    assert_eq!(capture(text("not exist")), Value::Null);
    assert_eq!(capture(Value::Integer(3)), Value::Null);
    assert_eq!(capture(Value::Real(1.1)), Value::Null);
    assert_eq!(capture(Value::Null), Value::Null);
}

#[test]
fn regex_replace_replaces_the_first_match_and_replace_all_every_one() {
    let replace = |f: &str, p: &str, t: &str, r: &str| call_ok(f, &[text(p), text(t), text(r)]);
    assert_eq!(replace("regex_replace", r"(?P<last>[^,\s]+),\s+(?P<first>\S+)", "Springsteen, Bruce", "$first $last"), text("Bruce Springsteen"));
    assert_eq!(replace("regex_replace", r"(?P<first>\w+)\s+(?P<second>\w+)", "deep fried", "${first}_$second"), text("deep_fried"));
    assert_eq!(replace("regex_replace", "a", "abc abc", ""), text("bc abc"));
    assert_eq!(replace("regex_replace", "[^01]+", "1078910", ""), text("1010"));
    assert_eq!(replace("regex_replace_all", "a", "abc abc", ""), text("bc bc"));
    assert_eq!(replace("regex_replace_all", "dog", "cat dog mouse dog", "monkey"), text("cat monkey mouse monkey"));
    assert_eq!(error("regex_replace", &[text("a"), text("a"), Value::Null]), "Unexpected null value");
}

#[test]
fn regexset_is_the_json_array_of_its_patterns() {
    let set = call_ok("regexset", &[text("a"), text("b"), text("c")]);
    assert_eq!(set, text(r#"["a","b","c"]"#));
    assert_eq!(call_ok("regexset_print", &[set]), text(r#"["a","b","c"]"#));
    let is_match = |patterns: &[&str], t: &str| {
        let set = call_ok("regexset", &patterns.iter().map(|p| text(p)).collect::<Vec<_>>());
        call_ok("regexset_is_match", &[set, text(t)])
    };
    assert_eq!(is_match(&["a"], "bbb"), Value::Integer(0));
    assert_eq!(is_match(&["a", "b"], "ccc"), Value::Integer(0));
    assert_eq!(is_match(&["a", "b"], "ccca"), Value::Integer(1));
    assert_eq!(is_match(&["a", "b"], "cccb"), Value::Integer(1));
    assert!(error("regexset", &[text("[abc")]).starts_with("Error parsing pattern as regex:"));
    assert_eq!(error("regexset", &[text("a"), Value::Null]), "Unexpected null value");
    assert_eq!(error("regexset_is_match", &[text("a"), text("a")]), "value is not a regexset object");
}

#[test]
fn regex_find_all_rows_are_numbered_from_zero_with_byte_offsets() {
    let rows = table("regex_find_all")
        .query()
        .arg("pattern", text(r"\b\w{13}\b"))
        .arg("contents", text("Retroactively relinquishing remunerations is reprehensible."))
        .select(&["rowid", "start", "end", "match"])
        .rows()
        .unwrap();
    let expected = [(0, 0, 13, "Retroactively"), (1, 14, 27, "relinquishing"), (2, 28, 41, "remunerations"), (3, 45, 58, "reprehensible")];
    let expected: Vec<Vec<Value>> =
        expected.iter().map(|&(r, s, e, m)| vec![Value::Integer(r), Value::Integer(s), Value::Integer(e), text(m)]).collect();
    assert_eq!(rows, expected);
}

#[test]
fn regex_captures_rows_hold_captures_for_regex_capture() {
    let rows =
        table("regex_captures").query().arg("pattern", text(MOVIE)).arg("contents", text(MOVIES)).select(&["rowid", "captures"]).rows().unwrap();
    assert_eq!(rows.len(), 3);
    let titles: Vec<Value> = rows.iter().map(|r| call_ok("regex_capture", &[r[1].clone(), text("title")])).collect();
    assert_eq!(titles, [text("Citizen Kane"), text("The Wizard of Oz"), text("M")]);
    let years: Vec<Value> = rows.iter().map(|r| call_ok("regex_capture", &[r[1].clone(), Value::Integer(2)])).collect();
    assert_eq!(years, [text("1941"), text("1939"), text("1931")]);
    assert_eq!(rows[2][0], Value::Integer(2));
    assert_eq!(call_ok("regex_capture", &[rows[0][1].clone(), Value::Integer(3)]), Value::Null);
    assert_eq!(error("regex_capture", &[text("abc"), Value::Integer(0)]), "value is not a regex captures object");
}

#[test]
fn regex_split_gives_the_pieces_between_matches() {
    let rows = table("regex_split")
        .query()
        .arg("pattern", text("[ \t]+"))
        .arg("contents", text("a b \t  c\td    e"))
        .select(&["rowid", "item"])
        .rows()
        .unwrap();
    let expected: Vec<Vec<Value>> = ["a", "b", "c", "d", "e"].iter().zip(0..).map(|(i, r)| vec![Value::Integer(r), text(i)]).collect();
    assert_eq!(rows, expected);
}

#[test]
fn regexset_matches_gives_each_matching_pattern_once() {
    let set = call_ok("regexset", &[text("x"), text("y"), text("z"), text("a"), text("b")]);
    let rows =
        table("regexset_matches").query().arg("regexset", set).arg("contents", text("cab")).select(&["rowid", "key", "pattern"]).rows().unwrap();
    assert_eq!(rows, [vec![Value::Integer(0), Value::Integer(3), text("a")], vec![Value::Integer(1), Value::Integer(4), text("b")]]);
}

#[test]
fn tables_need_both_arguments_by_equality() {
    let t = table("regex_find_all");
    let constraint = |column: i32, op: ConstraintOp, usable: bool| Constraint { column, op, usable, rhs: None, in_list: false };
    let info = |constraints: Vec<Constraint>| IndexInfo { constraints, order_by: vec![], columns_used: Default::default(), distinct: 0 };
    let plan = t.best_index(&info(vec![constraint(4, ConstraintOp::EQ, true), constraint(3, ConstraintOp::EQ, true)])).unwrap();
    assert_eq!((plan.usage[0].argv_index, plan.usage[1].argv_index), (2, 1));
    assert!(plan.usage.iter().all(|u| u.omit));
    assert_eq!((plan.idx_num, plan.estimated_rows), (2, 100000));
    let unusable = t.best_index(&info(vec![constraint(3, ConstraintOp::EQ, true), constraint(4, ConstraintOp::EQ, false)])).unwrap_err();
    assert_eq!(unusable.code, Error::CONSTRAINT);
    let not_eq = t.best_index(&info(vec![constraint(3, ConstraintOp::EQ, true), constraint(4, ConstraintOp::GT, true)])).unwrap_err();
    assert_eq!(not_eq.code, Error::CONSTRAINT);
    let missing = t.best_index(&info(vec![constraint(3, ConstraintOp::EQ, true)])).unwrap_err();
    assert_eq!((missing.code, missing.message.as_str()), (Error::ERROR, "SQL logic error"));
}
