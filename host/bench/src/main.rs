//! `make bench`: each case runs the same work natively and through wasm
//! (an extension, or SQLite itself) in this one run, and prints both times
//! and their ratio.
//! Machines are noisy, so each timing is the best of several runs.

use rusqlite::functions::{Aggregate, Context, FunctionFlags};
use rusqlite::Connection;
use sqlink_runtime::{AttachOptions, Grants, Limits, Registry, Runtime};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

mod browser;
mod languages;
mod scan;
mod vec;
mod workload;

const ROWS: usize = 1_000_000;
const SORT_ROWS: usize = 100_000;
const RUNS: usize = 5;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn wasm(rel: &str) -> PathBuf {
    let p = root().join(rel);
    assert!(p.exists(), "{} is missing: run `make build` first", p.display());
    p
}

/// Best wall time of `RUNS` runs of `f`.
fn best(mut f: impl FnMut()) -> Duration {
    (0..RUNS)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn report(case: &str, native: Duration, wasm: Duration, calls: usize) {
    let extra = (wasm.as_secs_f64() - native.as_secs_f64()) / calls as f64 * 1e9;
    println!(
        "{case:<46} native {:>8.1} ms   wasm {:>8.1} ms   ratio {:>5.2}x   {extra:>+7.0} ns/call",
        ms(native),
        ms(wasm),
        wasm.as_secs_f64() / native.as_secs_f64()
    );
}

fn scalar_once(conn: &Connection, sql: &str) -> i64 {
    conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap()
}

/// A connection with the data every case reads and the bench and crypto
/// extensions loaded; the registry must go before the connection.
fn setup() -> (Connection, Registry) {
    let conn = Connection::open_in_memory().unwrap();
    let series = |n: usize| format!("(with recursive c(value) as (select 1 union all select value + 1 from c where value < {n}) select value from c)");
    conn.execute_batch(&format!(
        "create table words(s text);
         insert into words select 'Row ' || value || ' of bench' from {rows};
         create table long_words(s text);
         insert into long_words select 'Row ' || value || ' of the sqlink benchmark' from {rows};
         create table blobs(b blob);
         insert into blobs select randomblob(100) from {rows};
         create table nums(x real);
         insert into nums select value * 0.5 from {rows};
         create table names(s text);
         insert into names select char(65 + abs(random()) % 26, 97 + abs(random()) % 26, 65 + abs(random()) % 26) || hex(randomblob(4)) from {sort};",
        rows = series(ROWS),
        sort = series(SORT_ROWS),
    ))
    .unwrap();
    register_native(&conn);
    // SAFETY: the registry is dropped before the connection (see callers).
    let db = unsafe { sqlink_sqlite::Db::from_raw(conn.handle()) };
    let mut registry = Registry::new(db);
    let runtime = Runtime::get().unwrap();
    for path in ["dist/test-extensions/bench.wasm", "dist/extensions/crypto.wasm"] {
        let ext = runtime.load_file(&wasm(path), Grants::default(), Limits::default()).unwrap();
        registry.attach(ext, &AttachOptions::default()).unwrap();
    }
    (conn, registry)
}

struct NativeSum;

impl Aggregate<sqlink_bench_fns::Sum, f64> for NativeSum {
    fn init(&self, _: &mut Context<'_>) -> rusqlite::Result<sqlink_bench_fns::Sum> {
        Ok(Default::default())
    }
    fn step(&self, ctx: &mut Context<'_>, acc: &mut sqlink_bench_fns::Sum) -> rusqlite::Result<()> {
        acc.add(ctx.get::<f64>(0)?);
        Ok(())
    }
    fn finalize(&self, _: &mut Context<'_>, acc: Option<sqlink_bench_fns::Sum>) -> rusqlite::Result<f64> {
        Ok(acc.unwrap_or_default().total)
    }
}

/// The same Rust functions the wasm bench extension wraps, registered natively.
fn register_native(conn: &Connection) {
    let det = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
    conn.create_scalar_function("native_len", 1, det, |ctx| {
        let v = ctx.get_raw(0);
        Ok(match v {
            rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => sqlink_bench_fns::char_length(t),
            _ => 0,
        })
    })
    .unwrap();
    conn.create_scalar_function("native_twice", 1, det, |ctx| Ok(sqlink_bench_fns::twice(ctx.get::<i64>(0)?))).unwrap();
    let bytes = |ctx: &Context<'_>| match ctx.get_raw(0) {
        rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => t.to_vec(),
        _ => Vec::new(),
    };
    conn.create_scalar_function("native_sha256", 1, det, move |ctx| Ok(hmac_sha256::Hash::hash(&bytes(ctx)).to_vec())).unwrap();
    conn.create_scalar_function("native_sha256_ni", 1, det, move |ctx| {
        use sha2::Digest;
        Ok(sha2::Sha256::digest(bytes(ctx)).to_vec())
    })
    .unwrap();
    conn.create_aggregate_function("native_sum", 1, det, NativeSum).unwrap();
    conn.create_collation("NATIVE_KEYED", |a, b| sqlink_bench_fns::nocase_cmp(a.as_bytes(), b.as_bytes())).unwrap();
}

fn case_scalar(conn: &Connection) {
    // `words` holds texts of 14 to 20 bytes, which cross inline;
    // `long_words` texts of 29 to 35 bytes, which cross as lists.
    let cases = [
        ("(a) length(text) scalar, 1M rows, short text", "len", "s", "words"),
        ("    same, long text (over 24 bytes)", "len", "s", "long_words"),
        ("    same shape, integer in and out (x * 2)", "twice", "rowid", "words"),
    ];
    for (label, function, column, table) in cases {
        let sql = |side: &str| format!("select sum({side}_{function}({column})) from {table}");
        assert_eq!(scalar_once(conn, &sql("native")), scalar_once(conn, &sql("bench")));
        let native = best(|| {
            scalar_once(conn, &sql("native"));
        });
        let wasm = best(|| {
            scalar_once(conn, &sql("bench"));
        });
        report(label, native, wasm, ROWS);
    }
}

fn case_sha256(conn: &Connection) {
    let check = "select count(*) from blobs where native_sha256(b) = crypto_sha256(b) and native_sha256_ni(b) = crypto_sha256(b)";
    assert_eq!(scalar_once(conn, check), ROWS as i64);
    let native = best(|| {
        scalar_once(conn, "select count(native_sha256(b)) from blobs");
    });
    let hardware = best(|| {
        scalar_once(conn, "select count(native_sha256_ni(b)) from blobs");
    });
    let wasm = best(|| {
        scalar_once(conn, "select count(crypto_sha256(b)) from blobs");
    });
    report("(b) sha256 of 100 bytes, 1M rows (portable)", native, wasm, ROWS);
    report("    same, native with SHA instructions", hardware, wasm, ROWS);
}

fn case_aggregate(conn: &Connection) {
    let get = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, f64>(0)).unwrap();
    assert_eq!(get("select native_sum(x) from nums"), get("select bench_sum(x) from nums"));
    let native = best(|| {
        get("select native_sum(x) from nums");
    });
    let wasm = best(|| {
        get("select bench_sum(x) from nums");
    });
    report("(c) sum aggregate, 1M rows", native, wasm, ROWS);
}

fn case_collation(conn: &Connection) {
    let order = |collation: &str| -> Vec<String> {
        let mut stmt = conn.prepare(&format!("select s from names order by s collate {collation}")).unwrap();
        stmt.query_map([], |r| r.get::<_, String>(0)).unwrap().map(Result::unwrap).collect()
    };
    let expected = order("NOCASE");
    assert_eq!(order("BENCH_NOCASE"), expected);
    assert_eq!(order("BENCH_NOCASE_CMP"), expected);
    let native = best(|| {
        order("NOCASE");
    });
    let keyed = best(|| {
        order("BENCH_NOCASE");
    });
    let compared = best(|| {
        order("BENCH_NOCASE_CMP");
    });
    let native_rust = best(|| {
        order("NATIVE_KEYED");
    });
    report("(d) ORDER BY, 100k rows: keyed wasm collation", native, keyed, SORT_ROWS);
    report("    same, comparing wasm collation", native, compared, SORT_ROWS);
    report("    same, native Rust collation (reference)", native, native_rust, SORT_ROWS);
}

/// Median wall time of running the shell with `script` on stdin.
fn shell_wall(sqlink: &Path, script: &str) -> Duration {
    let mut times: Vec<Duration> = (0..21)
        .map(|_| {
            let t = Instant::now();
            let mut child = Command::new(sqlink).arg(":memory:").current_dir(root()).stdin(Stdio::piped()).stdout(Stdio::null()).spawn().unwrap();
            use std::io::Write;
            child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
            assert!(child.wait().unwrap().success(), "{script} failed");
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn case_startup() {
    let sqlink = wasm("dist/bin/sqlink");
    let load = ".load dist/extensions/uuid.wasm\nselect length(uuid4());\n";
    // Make sure the compiled code is cached, as the case requires.
    shell_wall(&sqlink, load);
    let bare = shell_wall(&sqlink, "select 1;\n");
    let loaded = shell_wall(&sqlink, load);
    println!(
        "(e) start + .load cached extension + query       {:>8.1} ms   (shell alone {:.1} ms; budget 50 ms)",
        ms(loaded),
        ms(bare)
    );
}

/// (f): the scalar cases in Debian's stock sqlite3, with libsqlink_loader
/// against a native Rust loadable extension running the same Rust code.
fn case_loader() {
    let sqlite3 = Path::new("/usr/bin/sqlite3");
    if !sqlite3.exists() {
        println!("(f) skipped: /usr/bin/sqlite3 is not installed");
        return;
    }
    let native = wasm("target/dist/libsqlink_bench_native.so");
    let series = format!("(with recursive c(value) as (select 1 union all select value + 1 from c where value < {ROWS}) select value from c)");
    let cases = [
        ("(f) sqlite3 + loader: length(text), 1M rows, short text", "native_len(s)", "bench_len(s)", "words"),
        ("    sqlite3 + loader: sha256 of 100 bytes", "native_sha256(b)", "crypto_sha256(b)", "blobs"),
        ("    sqlite3 + loader: integer x * 2", "native_twice(rowid)", "bench_twice(rowid)", "words"),
    ];
    let mut script = format!(
        ".load {}\n.load {}\nselect sqlink_load('{}');\nselect sqlink_load('{}');\n\
         create table words as select 'Row ' || value || ' of bench' as s from {series};\n\
         create table blobs as select randomblob(100) as b from {series};\n.timer on\n",
        native.with_extension("").display(),
        wasm("dist/lib/libsqlink_loader.so").with_extension("").display(),
        wasm("dist/test-extensions/bench.wasm").display(),
        wasm("dist/extensions/crypto.wasm").display(),
    );
    for (_, native_sql, wasm_sql, table) in &cases {
        for _ in 0..RUNS {
            script.push_str(&format!("select count({native_sql}) from {table};\nselect count({wasm_sql}) from {table};\n"));
        }
    }
    let mut child = Command::new(sqlite3).arg(":memory:").current_dir(root()).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "sqlite3 failed: {}", String::from_utf8_lossy(&out.stderr));
    let times: Vec<Duration> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.strip_prefix("Run Time: real ")?.split_whitespace().next()?.parse::<f64>().ok())
        .map(Duration::from_secs_f64)
        .collect();
    assert_eq!(times.len(), cases.len() * RUNS * 2, "unexpected sqlite3 output");
    for (i, (label, ..)) in cases.iter().enumerate() {
        let runs = &times[i * RUNS * 2..(i + 1) * RUNS * 2];
        let native = runs.iter().step_by(2).min().copied().unwrap();
        let wasm = runs.iter().skip(1).step_by(2).min().copied().unwrap();
        report(label, native, wasm, ROWS);
    }
}

/// Runs every case, or those whose letters are given (`sqlink-bench a d`).
fn main() {
    let wanted: Vec<String> = std::env::args().skip(1).collect();
    let run = |case: &str| wanted.is_empty() || wanted.iter().any(|w| w == case);
    println!("sqlink benchmarks: best of {RUNS} runs, native and wasm measured in this run");
    let (conn, registry) = setup();
    type Case = (&'static str, fn(&Connection));
    let cases: [Case; 4] = [("a", case_scalar), ("b", case_sha256), ("c", case_aggregate), ("d", case_collation)];
    for (name, case) in cases {
        if run(name) {
            case(&conn);
        }
    }
    drop(registry);
    drop(conn);
    if run("e") {
        case_startup();
    }
    if run("f") {
        case_loader();
    }
    if run("g") {
        workload::case_workload(&root());
    }
    if run("h") {
        scan::case_scan(&root());
    }
    if run("i") {
        languages::case_languages();
    }
    if run("j") {
        vec::case_vec();
    }
    if run("k") {
        browser::case_browser(&root());
    }
}
