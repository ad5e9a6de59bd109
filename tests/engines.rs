//! The three runners — native `sqlink`, `sqlink --engine wasm`, `wasmtime
//! run dist/sqlink-cli.wasm` — are one SQLite: they agree with Debian's
//! sqlite3 on a mixed workload, in memory and on a file; each reads the
//! database files the others (and sqlite3) write; and they are built with
//! the same compile options, apart from what WASI forces.

use sqlink_e2e::{Runner, run, text_lines};
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(300);

fn sqlite3() -> PathBuf {
    std::env::var_os("SQLITE3_BIN").map_or_else(|| PathBuf::from("/usr/bin/sqlite3"), PathBuf::from)
}

/// A scratch file under /tmp (the wasmtime runner sees /tmp as itself).
fn scratch(name: &str) -> PathBuf {
    let path = PathBuf::from(format!("/tmp/sqlink-engines-{}-{name}", std::process::id()));
    remove(&path);
    path
}

fn remove(db: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
}

/// Runs `sql` in `runner` on `db`; returns stdout, failing on any error.
fn sqlink(runner: Runner, db: &str, sql: &str) -> String {
    let out = runner.run(&[db.to_string()], sql.as_bytes(), TIMEOUT).expect("the runner runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.code == Some(0) && stderr.is_empty(), "{} on {db}: exit {:?}\n{stderr}", runner.name(), out.code);
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn reference(db: &str, sql: &str) -> String {
    let out = run(&sqlite3(), &[db.to_string()], sql.as_bytes(), &sqlink_e2e::repo_root(), TIMEOUT).expect("sqlite3 runs");
    assert_eq!(out.code, Some(0), "sqlite3: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// The first line where two outputs differ, for a readable failure.
fn first_difference(a: &str, b: &str) -> String {
    let (a, b) = (text_lines(a.as_bytes()), text_lines(b.as_bytes()));
    match a.iter().zip(&b).position(|(x, y)| x != y) {
        Some(i) => format!("line {}: sqlite3 {:?}, sqlink {:?}", i + 1, a[i], b[i]),
        None => format!("sqlite3 has {} lines, sqlink {}", a.len(), b.len()),
    }
}

#[test]
fn every_runner_agrees_with_sqlite3_on_the_workload() {
    let script = sqlink_workload::script(4000);
    let expected = reference(":memory:", &script);
    assert!(expected.ends_with("ok\n"), "the workload ends with integrity_check");
    assert!(expected.lines().count() > 1000, "the workload prints its results");
    for runner in Runner::ALL {
        let got = sqlink(runner, ":memory:", &script);
        assert!(got == expected, "{} in memory: {}", runner.name(), first_difference(&expected, &got));
        let file = scratch(&format!("workload-{}.db", runner.name()));
        let got = sqlink(runner, &file.display().to_string(), &script);
        assert!(got == expected, "{} on a file: {}", runner.name(), first_difference(&expected, &got));
        // What it wrote is a sound database with the same content.
        let check = "pragma integrity_check; select count(*), sum(b), sum(length(c)) from t1; select count(*), sum(b) from t2;";
        let native = reference(&file.display().to_string(), check);
        assert!(native.starts_with("ok\n"), "{}'s file fails sqlite3's integrity_check: {native}", runner.name());
        remove(&file);
    }
}

#[test]
fn wasm_engines_read_what_sqlite3_writes_and_the_reverse() {
    let setup = "create table t(id integer primary key, name text, data blob, score real);
                 insert into t(name, data, score) values ('Zoë', x'00ff10', 1.5), ('Ólafur', randomblob(3000), -2.25);
                 insert into t(name, data, score) select 'row ' || value, zeroblob(value), value / 8.0
                   from (with recursive c(value) as (select 1 union all select value + 1 from c where value < 2000) select value from c);
                 create index t_name on t(name);";
    let query = "pragma integrity_check; select count(*), sum(length(data)), sum(score), max(name) from t; select hex(data) from t where id = 1;";
    let written = scratch("by-sqlite3.db");
    reference(&written.display().to_string(), setup);
    let expected = reference(&written.display().to_string(), query);
    assert!(expected.starts_with("ok\n2002|"), "{expected}");
    for runner in [Runner::Wasm, Runner::Wasmtime] {
        assert_eq!(sqlink(runner, &written.display().to_string(), query), expected, "{} reading sqlite3's file", runner.name());
        let own = scratch(&format!("by-{}.db", runner.name()));
        sqlink(runner, &own.display().to_string(), setup);
        let read = reference(&own.display().to_string(), query);
        assert!(read.starts_with("ok\n2002|"), "sqlite3 reading {}'s file: {read}", runner.name());
        remove(&own);
    }
    remove(&written);
}

/// Options that differ because of WASI: threads, mutexes, mmap, loading
/// native libraries, the compiler, and the locking and page cache defaults.
fn forced_by_wasi(option: &str) -> bool {
    ["COMPILER=", "THREADSAFE=", "MUTEX_", "MAX_MMAP_SIZE=", "OMIT_LOAD_EXTENSION", "DEFAULT_LOCKING_MODE=", "DEFAULT_CACHE_SIZE="]
        .iter()
        .any(|p| option.starts_with(p))
}

#[test]
fn native_and_wasm_sqlite_share_their_compile_options() {
    let options = |runner| -> Vec<String> {
        let text = sqlink(runner, ":memory:", "pragma compile_options;");
        text.lines().filter(|o| !forced_by_wasi(o)).map(String::from).collect()
    };
    let native = options(Runner::Native);
    for wanted in ["ENABLE_FTS5", "ENABLE_MATH_FUNCTIONS", "ENABLE_RTREE", "ENABLE_DBSTAT_VTAB", "ENABLE_SESSION", "TEMP_STORE=3"] {
        assert!(native.iter().any(|o| o == wanted), "native SQLite lacks {wanted}: {native:?}");
    }
    assert_eq!(options(Runner::Wasm), native, "sqlink --engine wasm");
    assert_eq!(options(Runner::Wasmtime), native, "wasmtime run dist/sqlink-cli.wasm");
    let wasm = sqlink(Runner::Wasm, ":memory:", "pragma compile_options;");
    assert!(wasm.lines().any(|o| o == "DEFAULT_LOCKING_MODE=1"), "SQLite in wasm locks exclusively by default");
    assert!(wasm.lines().any(|o| o == "DEFAULT_CACHE_SIZE=-16384"), "SQLite in wasm caches 16 MiB of pages by default");
}
