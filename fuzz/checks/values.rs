//! Values crossing the boundary both ways, with native SQLite as the
//! oracle: the probe fixture (dist/test-extensions/probe.wasm) returns its
//! argument unchanged (`probe_echo`), says what type it received
//! (`probe_typeof`, `probe_types`), and returns text with the JSON subtype
//! (`probe_json`, read back by `probe_subtype`). For every value (each
//! type, text that is not UTF-8, empty and multi-megabyte text and blobs,
//! reals of every bit pattern) the extension must see and give back
//! exactly what SQLite itself has: `select probe_echo(?1)` equals
//! `select ?1`, byte for byte and type for type.

use arbitrary::Arbitrary;
use sqlink_runtime::{AttachOptions, Registry, Runtime};
use sqlink_sqlite::{Db, Value, ffi};

#[path = "support.rs"]
mod support;
pub use support::setup;
use support::repo_root;

#[derive(Debug, Arbitrary)]
pub enum V {
    Null,
    Integer(i64),
    Real(f64),
    Text(Vec<u8>),
    Blob(Vec<u8>),
    /// `len % 4 MiB` copies of `byte`: past every inline and batch size.
    LongText { byte: u8, len: u32 },
    LongBlob { byte: u8, len: u32 },
}

impl V {
    fn value(&self) -> Value {
        match self {
            V::Null => Value::Null,
            V::Integer(i) => Value::Integer(*i),
            V::Real(r) => Value::Real(*r),
            V::Text(t) => Value::Text(t.clone()),
            V::Blob(b) => Value::Blob(b.clone()),
            V::LongText { byte, len } => Value::Text(vec![*byte; *len as usize % (4 << 20)]),
            V::LongBlob { byte, len } => Value::Blob(vec![*byte; *len as usize % (4 << 20)]),
        }
    }
}

/// The row of `sql` with `args` bound, or its error.
fn row(db: Db, sql: &str, args: &[Value]) -> Result<Vec<Value>, String> {
    let (stmt, _) = db.prepare(sql).map_err(|e| e.message)?;
    let mut stmt = stmt.expect("a statement");
    for (i, a) in args.iter().enumerate() {
        stmt.bind(i + 1, a.as_ref()).map_err(|e| e.message)?;
    }
    assert!(stmt.step().map_err(|e| e.message)?, "{sql}: no row");
    Ok((0..stmt.column_count()).map(|i| stmt.column(i).to_owned()).collect())
}

/// Equal byte for byte, reals by their bits.
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Real(x), Value::Real(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

/// One connection with probe loaded, for the whole run.
fn db() -> Db {
    struct Loaded(Db, #[allow(dead_code)] Registry);
    // SAFETY: the fuzzer calls the target from one thread.
    unsafe impl Send for Loaded {}
    unsafe impl Sync for Loaded {}
    static DB: std::sync::OnceLock<Loaded> = std::sync::OnceLock::new();
    DB.get_or_init(|| {
        let mut raw = std::ptr::null_mut();
        // SAFETY: a connection kept for the life of the process.
        let db = unsafe {
            assert_eq!(ffi::sqlite3_open(c":memory:".as_ptr(), &mut raw), 0);
            Db::from_raw(raw)
        };
        let probe = repo_root().join("dist/test-extensions/probe.wasm");
        let ext = Runtime::get().unwrap().load_file(&probe, Default::default(), Default::default()).expect("probe.wasm loads (make components)");
        let mut registry = Registry::new(db);
        registry.attach(ext, &AttachOptions::default()).unwrap();
        Loaded(db, registry)
    })
    .0
}

/// One input: what the fuzz target checks of it.
pub fn run(values: Vec<V>) {
    let db = db();
    let values: Vec<Value> = values.iter().take(6).map(V::value).collect();
    for v in &values {
        let one = std::slice::from_ref(v);
        // What SQLite holds once bound (a NaN real binds as NULL).
        let native = row(db, "select ?1, typeof(?1)", one).unwrap();
        let wasm = row(db, "select probe_echo(?1), probe_typeof(?1), probe_echo(probe_echo(?1))", one).unwrap();
        assert!(same(&native[0], &wasm[0]), "echo: {:?} came back as {:?}", native[0], wasm[0]);
        assert!(same(&native[0], &wasm[2]), "echo twice: {:?} came back as {:?}", native[0], wasm[2]);
        assert!(same(&native[1], &wasm[1]), "type: SQLite has {:?}, the extension saw {:?}", native[1], wasm[1]);
        // Subtypes: none on a plain value; JSON's on probe_json's
        // result, in SQLite (json_type) and across the boundary.
        assert_eq!(row(db, "select probe_subtype(?1)", one).unwrap()[0], Value::Integer(0));
        if let Value::Text(t) = v {
            match row(db, "select probe_subtype(probe_json(?1)), probe_json(?1)", one) {
                Ok(r) => {
                    assert_eq!(r[0], Value::Integer(74), "probe_json's subtype");
                    assert!(same(&r[1], v), "probe_json changed its text");
                }
                // Text that is not UTF-8 is refused by a String argument.
                Err(e) => assert!(std::str::from_utf8(t).is_err(), "probe_json failed on UTF-8: {e}"),
            }
        }
    }
    // Several arguments at once (the list form of a call).
    let n = values.len();
    if n > 0 {
        let marks: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
        let native: Vec<String> = marks.iter().map(|m| format!("typeof({m})")).collect();
        let sql = format!("select probe_types({}), {}, probe_count({})", marks.join(", "), native.join(" || ',' || "), marks.join(", "));
        let r = row(db, &sql, &values).unwrap();
        assert!(same(&r[0], &r[1]), "types: extension {:?}, SQLite {:?}", r[0], r[1]);
        assert_eq!(r[2], Value::Integer(n as i64));
    }
}
