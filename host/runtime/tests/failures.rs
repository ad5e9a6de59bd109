//! Bad input and runaway extensions: each gives a clear error, the
//! connection keeps working and the database is intact.

mod common;
use common::{Conn, text, wasm};
use sqlink_runtime::AttachOptions;
use sqlink_sqlite::Value;

/// A database with data that must survive every failure.
fn with_data() -> (Conn, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let conn = Conn::open(dir.path().join("data.db").to_str().unwrap());
    conn.query("create table t(x); insert into t values (1), (2), (3);").unwrap();
    (conn, dir)
}

fn intact(conn: &Conn) {
    assert_eq!(conn.value("select sum(x) from t"), Value::Integer(6));
    assert_eq!(conn.value("pragma integrity_check"), text("ok"));
}

#[test]
fn a_panic_is_an_error_and_the_instance_restarts() {
    let (mut conn, _dir) = with_data();
    conn.load("trap");
    let err = conn.error("select trap_panic('boom')");
    assert_eq!(err, "trap: the extension crashed (wasm trap: wasm `unreachable` instruction executed); the extension was restarted");
    assert_eq!(conn.value("select trap_ok()"), Value::Integer(42));
    let err = conn.error("select trap_recurse(0)");
    assert_eq!(err, "trap: call exceeded the stack limit of 512 KiB (recursion too deep); the extension was restarted");
    assert_eq!(conn.value("select trap_ok()"), Value::Integer(42));
    intact(&conn);
}

#[test]
fn aggregate_state_lost_in_a_crash_is_reported() {
    let (mut conn, _dir) = with_data();
    conn.load("trap");
    assert_eq!(conn.value("with recursive n(i) as (select 1 union all select i + 1 from n where i < 12) select trap_sum(i) from n"), Value::Integer(78));
    let err = conn.error("with recursive n(i) as (select 1 union all select i + 1 from n where i < 20) select trap_sum(i) from n");
    assert!(err.starts_with("trap: the extension crashed"), "{err}");
    assert_eq!(conn.value("select trap_sum(x) from t"), Value::Integer(6));
    intact(&conn);
}

#[test]
fn a_runaway_loop_hits_the_cpu_limit() {
    let (mut conn, _dir) = with_data();
    conn.try_load("spin", &[], None, Some(200), &AttachOptions::default()).unwrap();
    let started = std::time::Instant::now();
    let err = conn.error("select spin_forever()");
    assert_eq!(err, "spin: call exceeded the CPU time limit of 200 ms (raise it with --timeout MS); the extension was restarted");
    assert!(started.elapsed().as_secs() < 5, "took {:?}", started.elapsed());
    assert_eq!(conn.value("select spin_for(50)"), Value::Integer(50));
    intact(&conn);
}

#[test]
fn unbounded_allocation_hits_the_memory_limit() {
    let (mut conn, _dir) = with_data();
    conn.try_load("hog", &[], Some("16M"), None, &AttachOptions::default()).unwrap();
    assert_eq!(conn.value("select hog_alloc(4)"), Value::Integer(4 << 20));
    let err = conn.error("select hog_forever()");
    assert_eq!(err, "hog: call exceeded the memory limit of 16 MiB (raise it with --mem BYTES); the extension was restarted");
    let err = conn.error("select hog_alloc(64)");
    assert!(err.starts_with("hog: call exceeded the memory limit of 16 MiB"), "{err}");
    assert_eq!(conn.value("select hog_alloc(1)"), Value::Integer(1 << 20));
    intact(&conn);
}

#[test]
fn filesystem_imports_need_a_grant() {
    let (mut conn, dir) = with_data();
    let err = conn.try_load("fsread", &[], None, None, &AttachOptions::default()).unwrap_err();
    assert_eq!(
        err,
        "refusing to load extension fsread: it imports wasi:filesystem/types@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro); \
         it imports wasi:filesystem/preopens@0.2.6 but no directory was granted: load it with --grant fs:DIR (or fs:DIR:ro)"
    );
    intact(&conn);
    std::fs::write(dir.path().join("hello.txt"), "hi there").unwrap();
    let grant = format!("fs:{}:ro", dir.path().display());
    conn.try_load("fsread", &[&grant], None, None, &AttachOptions::default()).unwrap();
    let canonical = dir.path().canonicalize().unwrap();
    let file = canonical.join("hello.txt");
    assert_eq!(conn.value(&format!("select fs_read('{}')", file.display())), text("hi there"));
    // Nothing outside the granted directory exists for the extension.
    let err = conn.error("select fs_read('/etc/passwd')");
    assert!(err.starts_with("/etc/passwd:"), "{err}");
    // Read-only means read-only.
    let err = conn.error(&format!("select fs_write('{}', 'x')", canonical.join("new.txt").display()));
    assert!(!err.is_empty() && !err.contains("crashed"), "{err}");
    assert!(!canonical.join("new.txt").exists());
    intact(&conn);
}

#[test]
fn environment_variables_are_visible_only_when_granted() {
    let (mut conn, dir) = with_data();
    let grant = format!("fs:{}:ro", dir.path().display());
    conn.try_load("fsread", &[&grant, "env:PATH"], None, None, &AttachOptions::default()).unwrap();
    assert_eq!(conn.value("select fs_env('PATH')"), text(&std::env::var("PATH").unwrap()));
    assert_eq!(conn.value("select fs_env('HOME')"), Value::Null);
}

#[test]
fn files_that_are_not_components_are_refused() {
    let (mut conn, dir) = with_data();
    let runtime = sqlink_runtime::Runtime::get().unwrap();
    let load = |bytes: &[u8]| {
        runtime
            .load_bytes("bad.wasm", bytes, Default::default(), Default::default())
            .map(|_| ())
            .unwrap_err()
            .to_string()
    };
    assert_eq!(load(b"SQLite format 3\0 definitely not wasm"), "bad.wasm: not a WebAssembly file (it does not start with \\0asm)");
    assert_eq!(
        load(b"\0asm\x01\0\0\0"),
        "bad.wasm: a core WebAssembly module, not a component: build it for the wasm32-wasip2 target (or wrap it with `wasm-tools component new`)"
    );
    let good = std::fs::read(wasm("uuid")).unwrap();
    let err = load(&good[..good.len() / 2]);
    assert!(err.starts_with("bad.wasm: not a valid component: "), "{err}");
    let mut flipped = good.clone();
    for b in flipped[200..260].iter_mut() {
        *b ^= 0x5a;
    }
    let err = load(&flipped);
    assert!(err.starts_with("bad.wasm: not a valid component: "), "{err}");
    let missing = conn.try_load("uuid", &["fs:/definitely/not/here"], None, None, &AttachOptions::default()).unwrap_err();
    assert!(missing.starts_with("cannot grant fs:/definitely/not/here:"), "{missing}");
    drop(dir);
    intact_after_reload(&mut conn);
}

fn intact_after_reload(conn: &mut Conn) {
    conn.load("uuid");
    assert_eq!(conn.value("select uuid_str(uuid_blob('D5A80B20-0D8F-11E5-B8CB-080027B6EC40'))"), text("d5a80b20-0d8f-11e5-b8cb-080027b6ec40"));
    intact(conn);
}

#[test]
fn a_component_for_another_contract_version_names_both_versions() {
    let (mut conn, _dir) = with_data();
    let err = conn.try_load("wrong-version", &[], None, None, &AttachOptions::default()).unwrap_err();
    let path = wasm("wrong-version");
    assert_eq!(
        err,
        format!(
            "{}: built for contract sqlink:extension@0.1.0, but this host speaks sqlink:extension@0.2.0; rebuild the extension against sqlink:extension@0.2.0",
            path.display()
        )
    );
    intact(&conn);
}

#[test]
fn errors_keep_the_extensions_code_and_words() {
    let (mut conn, _dir) = with_data();
    conn.load("probe");
    let err = conn.error("select probe_fail(19, 'no duplicates allowed')");
    assert_eq!(err, "no duplicates allowed");
    let err = conn.error("select probe_det('abc')");
    assert_eq!(err, "probe_det(): argument 1 must be an integer, got text 'abc'");
    // The code survives: SQLITE_CONSTRAINT (19) from the extension.
    let (stmt, _) = conn.db.prepare("select probe_fail(19, 'x')").unwrap();
    let e = stmt.unwrap().step().unwrap_err();
    assert_eq!(e.primary_code(), 19);
    intact(&conn);
}
