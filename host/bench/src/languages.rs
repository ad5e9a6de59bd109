//! (i): what a call costs in each language sqlink has an SDK for. The
//! `hello` examples (Rust, C, JavaScript, Python: the same function in
//! each) are called once per row, against the same function written in
//! Rust and registered natively, on the same rows. JavaScript and Python
//! run an interpreter inside the component, so they get fewer rows.

use crate::{best, report, scalar_once, wasm};
use rusqlite::Connection;
use rusqlite::functions::FunctionFlags;
use sqlink_runtime::{AttachOptions, Grants, Limits, Registry, Runtime};

/// Each language: its name, its example, and how many rows it is called on.
const LANGUAGES: [(&str, &str, usize); 4] = [
    ("Rust", "dist/examples/hello.wasm", 1_000_000),
    ("C", "dist/examples/hello-c.wasm", 1_000_000),
    ("JavaScript", "dist/examples/hello-js.wasm", 20_000),
    ("Python", "dist/examples/hello-py.wasm", 20_000),
];

pub(crate) fn case_languages() {
    for (lang, example, rows) in LANGUAGES {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(&format!(
            "create table names(s text);
             insert into names select 'name ' || value from
               (with recursive c(value) as (select 1 union all select value + 1 from c where value < {rows}) select value from c);"
        ))
        .unwrap();
        let det = FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC;
        conn.create_scalar_function("native_hello", 1, det, |ctx| Ok(format!("Hello, {}!", ctx.get::<String>(0)?))).unwrap();
        // SAFETY: the registry is dropped before the connection, below.
        let db = unsafe { sqlink_sqlite::Db::from_raw(conn.handle()) };
        let mut registry = Registry::new(db);
        let ext = Runtime::get().unwrap().load_file(&wasm(example), Grants::default(), Limits::default()).unwrap();
        registry.attach(ext, &AttachOptions::default()).unwrap();
        let expected = scalar_once(&conn, "select sum(length(native_hello(s))) from names");
        assert_eq!(scalar_once(&conn, "select sum(length(hello(s))) from names"), expected, "{lang}: hello() differs from the native one");
        let native = best(|| {
            scalar_once(&conn, "select sum(length(native_hello(s))) from names");
        });
        let ext = best(|| {
            scalar_once(&conn, "select sum(length(hello(s))) from names");
        });
        let label = if lang == "Rust" { format!("(i) hello(text) in {lang}, {rows} rows") } else { format!("    same, in {lang}, {rows} rows") };
        report(&label, native, ext, rows);
        drop(registry);
    }
}
