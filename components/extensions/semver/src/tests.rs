//! The functions, the collation and `semver_requirements` through the
//! generated exports, as a host drives them. Expected values are what
//! sqlite-semver (commit 90bac74, semver 1.0.28, loaded into Debian's
//! sqlite3 3.40.1) answered (testdata/semver.sql), except where its
//! module docs say it differs: semver_gt compares versions (sqlite-semver
//! compares their addresses), and errors where it panics.

use crate::semver_ext::sqlink_test::{call, collate, manifest, table};
use sqlink_sdk::Value;
use std::cmp::Ordering;

fn t(s: &str) -> Value {
    Value::text(s)
}

fn int(i: i64) -> Value {
    Value::Integer(i)
}

#[test]
fn the_manifest_has_sqlite_semvers_functions_table_and_collation() {
    let m = manifest();
    let mut functions: Vec<_> = m.functions.iter().map(|f| (f.name.as_str(), f.arity)).collect();
    functions.sort();
    assert_eq!(
        functions,
        [
            ("semver_debug", 0),
            ("semver_gt", 2),
            ("semver_matches", 2),
            ("semver_version", 0),
            ("semver_version", 3),
            ("semver_version", 4),
            ("semver_version", 5),
            ("semver_version_pointer", 3),
            ("semver_version_pointer", 4),
            ("semver_version_pointer", 5),
        ]
    );
    assert_eq!(table("semver_requirements").schema(), "CREATE TABLE x(op text, major int not null, minor int, patch int, pre text, requirement hidden)");
    assert_eq!(m.collations.iter().map(|c| c.name.as_str()).collect::<Vec<_>>(), ["semver"]);
}

#[test]
fn semver_version_builds_versions_as_sqlite_semver() {
    assert_eq!(call("semver_version", &[]).unwrap(), t("v0.0.1-alpha.1"));
    assert_eq!(call("semver_version", &[int(1), int(2), int(3), t("beta.3"), t("zstd.1.5.0")]).unwrap(), t("1.2.3-beta.3+zstd.1.5.0"));
    assert_eq!(call("semver_version", &[int(1), int(2), int(3), Value::Null, t("zstd.1.5.0")]).unwrap(), t("1.2.3+zstd.1.5.0"));
    assert_eq!(call("semver_version", &[t("7"), Value::Real(2.9), t("3abc")]).unwrap(), t("7.2.3"));
    assert_eq!(call("semver_version", &[int(1), int(2), int(-3)]).unwrap(), t("1.2.18446744073709551613"));
    assert_eq!(call("semver_version", &[Value::Null, Value::Null, Value::Null]).unwrap(), t("0.0.0"));
    let e = call("semver_version", &[int(-1), int(2), int(3)]).unwrap_err();
    assert_eq!(e.message, "major cannot be out of range integral type conversion attempted");
    // sqlite-semver panics here.
    let e = call("semver_version", &[int(1), int(2), int(3), t("bad pre")]).unwrap_err();
    assert_eq!(e.message, "unexpected character in pre-release identifier");
    assert_eq!(call("semver_version_pointer", &[int(1), int(2), int(3), t("rc.1")]).unwrap(), t("1.2.3-rc.1"));
}

#[test]
fn semver_matches_and_gt() {
    let matches = |v: &str, r: &str| call("semver_matches", &[t(v), t(r)]).unwrap();
    assert_eq!(matches("1.3.0", ">=1.2.3, <1.8.0"), int(1));
    assert_eq!(matches("1.8.0", ">=1.2.3, <1.8.0"), int(0));
    assert_eq!(matches("1.3.0-alpha.1", ">=1.2.0"), int(0));
    let gt = |a: &str, b: &str| call("semver_gt", &[t(a), t(b)]).unwrap();
    assert_eq!(gt("1.2.3", "1.2.2"), int(1));
    assert_eq!(gt("1.2.2", "1.2.3"), int(0));
    assert_eq!(gt("10.0.0", "9.99.99"), int(1));
    assert_eq!(gt("1.0.0", "1.0.0-rc.1"), int(1));
    assert_eq!(gt("1.0.0-alpha.beta", "1.0.0-alpha.1"), int(1));
    assert_eq!(gt("1.0.0+b", "1.0.0+a"), int(1));
    // Where sqlite-semver panics: errors with the semver crate's message.
    assert_eq!(call("semver_matches", &[t("v1.3.0"), t(">=1")]).unwrap_err().message, "unexpected character 'v' while parsing major version number");
    assert_eq!(call("semver_matches", &[t("1.3.0"), t("nope")]).unwrap_err().message, "unexpected character 'n' while parsing major version number");
    assert_eq!(call("semver_gt", &[Value::Null, t("1.2.2")]).unwrap_err().message, "empty string, expected a semver version");
}

#[test]
fn the_collation_orders_versions_and_calls_anything_else_less() {
    let c = |a: &str, b: &str| collate("semver", a.as_bytes(), b.as_bytes());
    assert_eq!(c("1.0.0", "v1.0.0"), Ordering::Equal);
    assert_eq!(c("0.9.9", "0.9.10"), Ordering::Less);
    assert_eq!(c("1.0.0-beta.11", "1.0.0-beta.2"), Ordering::Greater);
    assert_eq!(c("x", "x"), Ordering::Less);
    assert_eq!(c("1.0.0", "x"), Ordering::Less);
    assert_eq!(c("x", "1.0.0"), Ordering::Less);
    assert_eq!(c("V1.0.0", "1.0.0"), Ordering::Less);
}

#[test]
fn semver_requirements_lists_comparators() {
    let rows = table("semver_requirements")
        .query()
        .arg("requirement", "=1, >2.1, <=3.0.0-rc.1, ~4, 5.*, 6.6.x")
        .select(&["rowid", "op", "major", "minor", "patch", "pre"])
        .rows()
        .unwrap();
    let n = Value::Null;
    assert_eq!(
        rows,
        [
            vec![int(0), t("exact"), int(1), n.clone(), n.clone(), n.clone()],
            vec![int(1), t("greater"), int(2), int(1), n.clone(), n.clone()],
            vec![int(2), t("less_qq"), int(3), int(0), int(0), t("rc.1")],
            vec![int(3), t("tilde"), int(4), n.clone(), n.clone(), n.clone()],
            vec![int(4), t("wildcard"), int(5), n.clone(), n.clone(), n.clone()],
            vec![int(5), t("wildcard"), int(6), int(6), n.clone(), n.clone()],
        ]
    );
    let rows = table("semver_requirements").query().arg("requirement", "18446744073709551615.0.0").select(&["major"]).rows().unwrap();
    assert_eq!(rows, [vec![t("18446744073709551615")]]);
    assert!(table("semver_requirements").query().arg("requirement", "*").rows().unwrap().is_empty());
    let e = table("semver_requirements").query().arg("requirement", "bad").rows().unwrap_err();
    assert_eq!(e.message, "unexpected character 'b' while parsing major version number");
}
