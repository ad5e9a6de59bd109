//! (j): vector search. sqlite-vec 0.1.9's vec0, built natively from the
//! `sqlite-vec` crate and registered on one connection, against the same C
//! source compiled to wasm (`dist/extensions/vec.wasm`, loaded with the
//! `spi` grant) on another connection of the same SQLite. Both hold the
//! same 100,000 seeded 128-dim float vectors; the case times inserting them
//! and a batch of k = 10 KNN queries, checks both sides return the same
//! neighbours, and prints recall@10 of the wasm results against an exact
//! search computed here (vec0 is exhaustive, so it must be 1).
//!
//! Knobs for looking closer: `SQLINK_BENCH_VEC_PROFILE=1` then runs the
//! wasm queries for 20 s more (for `perf record`);
//! `SQLINK_BENCH_VEC_COMPARE=a.wasm,b.wasm` times other builds of vec.wasm
//! (e.g. other CFLAGS) against native on a copy of the native table.

use crate::{report, wasm, RUNS};
use rusqlite::{ffi, Connection};
use sqlink_runtime::{AttachOptions, Grants, Limits, Registry, Runtime};
use std::os::raw::{c_char, c_int};
use std::path::Path;
use std::time::{Duration, Instant};

const ROWS: usize = 100_000;
const DIM: usize = 128;
const QUERIES: usize = 50;
const K: usize = 10;
/// Inserting through wasm is slow (see the report): one timed run.
const INSERT_RUNS: usize = 1;

/// splitmix64: a fixed sequence of floats in [-1, 1).
struct Rng(u64);

impl Rng {
    fn next_f32(&mut self) -> f32 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0
    }
}

/// `n` vectors of `DIM` floats, one after another.
fn vectors(seed: u64, n: usize) -> Vec<f32> {
    let mut rng = Rng(seed);
    (0..n * DIM).map(|_| rng.next_f32()).collect()
}

/// A vector as vec0 takes it: its floats, little-endian.
fn blob(v: &[f32]) -> Vec<u8> {
    v.iter().flat_map(|x| x.to_le_bytes()).collect()
}

/// A connection with sqlite-vec registered natively, on this handle only.
fn native_connection() -> Connection {
    let conn = Connection::open_in_memory().unwrap();
    type Init = unsafe extern "C" fn(*mut ffi::sqlite3, *mut *mut c_char, *const ffi::sqlite3_api_routines) -> c_int;
    // SAFETY: the crate declares the entry point without arguments; it is
    // the extension's usual `sqlite3_vec_init(db, errmsg, api)`, and with
    // SQLITE_CORE (how the crate builds it) it ignores `api`.
    let rc = unsafe {
        let init: Init = std::mem::transmute(sqlite_vec::sqlite3_vec_init as *const ());
        init(conn.handle(), std::ptr::null_mut(), std::ptr::null())
    };
    assert_eq!(rc, ffi::SQLITE_OK, "sqlite3_vec_init failed");
    conn
}

/// A connection to `path` with the vec extension at `file` loaded under
/// the spi grant; the registry must go before the connection.
fn wasm_connection(path: &str, file: &Path) -> (Connection, Registry) {
    let conn = Connection::open(path).unwrap();
    // SAFETY: the registry is dropped before the connection (see callers).
    let db = unsafe { sqlink_sqlite::Db::from_raw(conn.handle()) };
    let mut registry = Registry::new(db);
    let grants = Grants::parse_each(&["spi"]).unwrap();
    let ext = Runtime::get().unwrap().load_file(file, grants, Limits::default()).unwrap();
    registry.attach(ext, &AttachOptions::default()).unwrap();
    (conn, registry)
}

/// (Re)creates `v` and inserts every vector, in one transaction.
fn fill(conn: &Connection, rows: &[Vec<u8>]) {
    conn.execute_batch(&format!("drop table if exists v; create virtual table v using vec0(embedding float[{DIM}]);")).unwrap();
    let tx = conn.unchecked_transaction().unwrap();
    {
        let mut stmt = tx.prepare("insert into v(rowid, embedding) values (?1, ?2)").unwrap();
        for (i, row) in rows.iter().enumerate() {
            stmt.execute(rusqlite::params![i as i64 + 1, row]).unwrap();
        }
    }
    tx.commit().unwrap();
}

/// Each query's k nearest rows: (rowid, distance), nearest first.
fn knn(conn: &Connection, queries: &[Vec<u8>]) -> Vec<Vec<(i64, f64)>> {
    let mut stmt = conn.prepare_cached(&format!("select rowid, distance from v where embedding match ?1 and k = {K}")).unwrap();
    queries
        .iter()
        .map(|q| stmt.query_map([q], |r| Ok((r.get(0)?, r.get(1)?))).unwrap().map(Result::unwrap).collect())
        .collect()
}

/// The exact k nearest rows of `query` by L2 distance, computed here.
fn exact(data: &[f32], query: &[f32]) -> Vec<(i64, f64)> {
    let mut all: Vec<(i64, f64)> = data
        .chunks_exact(DIM)
        .enumerate()
        .map(|(i, v)| {
            let d: f64 = v.iter().zip(query).map(|(a, b)| (*a as f64 - *b as f64).powi(2)).sum();
            (i as i64 + 1, d.sqrt())
        })
        .collect();
    all.select_nth_unstable_by(K, |a, b| a.1.total_cmp(&b.1));
    all.truncate(K);
    all.sort_by(|a, b| a.1.total_cmp(&b.1));
    all
}

/// Mean share of the exact k nearest rowids found.
fn recall(found: &[Vec<(i64, f64)>], truth: &[Vec<(i64, f64)>]) -> f64 {
    let hits: usize = found.iter().zip(truth).map(|(f, t)| t.iter().filter(|(id, _)| f.iter().any(|(g, _)| g == id)).count()).sum();
    hits as f64 / (truth.len() * K) as f64
}

/// Best wall time of `runs` runs of `f`.
fn best_of(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

pub(crate) fn case_vec() {
    let data = vectors(1, ROWS);
    let query_floats = vectors(2, QUERIES);
    let rows: Vec<Vec<u8>> = data.chunks_exact(DIM).map(blob).collect();
    let queries: Vec<Vec<u8>> = query_floats.chunks_exact(DIM).map(blob).collect();
    let native = native_connection();
    let (conn, registry) = wasm_connection(":memory:", &wasm("dist/extensions/vec.wasm"));

    let native_insert = best_of(INSERT_RUNS, || fill(&native, &rows));
    let wasm_insert = best_of(INSERT_RUNS, || fill(&conn, &rows));

    let truth: Vec<Vec<(i64, f64)>> = query_floats.chunks_exact(DIM).map(|q| exact(&data, q)).collect();
    let native_found = knn(&native, &queries);
    let wasm_found = knn(&conn, &queries);
    for (q, (n, w)) in native_found.iter().zip(&wasm_found).enumerate() {
        assert_eq!(n.len(), K);
        let ids = |r: &[(i64, f64)]| r.iter().map(|p| p.0).collect::<Vec<_>>();
        assert_eq!(ids(n), ids(w), "query {q}: native and wasm vec0 disagree");
        for ((_, a), (_, b)) in n.iter().zip(w) {
            assert!((a - b).abs() <= 1e-6 * a.abs().max(1.0), "query {q}: distances {a} vs {b}");
        }
    }
    let (native_query, wasm_query) = alternate(&native, &conn, &queries);
    report(&format!("(j) vec0 KNN k={K}, {QUERIES} queries, {}k x {DIM} f32", ROWS / 1000), native_query, wasm_query, QUERIES);
    report(&format!("    same, inserting {}k vectors (1 transaction)", ROWS / 1000), native_insert, wasm_insert, ROWS);
    let (wasm_recall, native_recall) = (recall(&wasm_found, &truth), recall(&native_found, &truth));
    println!("    recall@{K} against exact search: wasm {wasm_recall:.3}, native {native_recall:.3}");
    assert!(wasm_recall == 1.0 && native_recall == 1.0, "vec0 is exhaustive: recall must be 1");
    if std::env::var_os("SQLINK_BENCH_VEC_PROFILE").is_some() {
        // For `perf record`: only the wasm queries, for a while.
        let t = Instant::now();
        while t.elapsed() < Duration::from_secs(20) {
            knn(&conn, &queries);
        }
    }
    drop(registry);
    drop(conn);
    // Builds of vec.wasm to compare (e.g. with other flags), each querying
    // a copy of the native table: vec0 keeps the same shadow tables.
    if let Some(files) = std::env::var_os("SQLINK_BENCH_VEC_COMPARE") {
        let copy = crate::root().join("target/bench/vec.db");
        std::fs::create_dir_all(copy.parent().unwrap()).unwrap();
        let _ = std::fs::remove_file(&copy);
        native.execute("vacuum into ?1", [copy.to_str().unwrap()]).unwrap();
        for file in files.to_str().unwrap().split(',') {
            let (conn, registry) = wasm_connection(copy.to_str().unwrap(), Path::new(file));
            let ids = |found: Vec<Vec<(i64, f64)>>| found.into_iter().map(|r| r.into_iter().map(|p| p.0).collect::<Vec<_>>()).collect::<Vec<_>>();
            assert_eq!(ids(knn(&conn, &queries)), ids(native_found.clone()), "{file} disagrees");
            let (native_query, wasm_query) = alternate(&native, &conn, &queries);
            report(&format!("    {file}"), native_query, wasm_query, QUERIES);
            drop(registry);
        }
    }
}

/// The best times of `RUNS` runs of the queries in each connection, taken
/// in turns so both see the same load.
fn alternate(native: &Connection, wasm: &Connection, queries: &[Vec<u8>]) -> (Duration, Duration) {
    let time = |conn: &Connection| {
        let t = Instant::now();
        knn(conn, queries);
        t.elapsed()
    };
    (0..RUNS).map(|_| (time(native), time(wasm))).fold((Duration::MAX, Duration::MAX), |(n, w), (a, b)| (n.min(a), w.min(b)))
}
