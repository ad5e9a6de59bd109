//! Sandbox escapes tried on purpose: each test fails if the escape works.
//!
//! * `fs:DIR` against `..`, absolute paths, symbolic links pointing out of
//!   DIR (made before the call, and flipped while calls run), hard links
//!   and very long paths;
//! * `env:NAME` against reading other variables;
//! * an import no grant allows;
//! * spi used to open other files (ATTACH, VACUUM INTO), to weaken the
//!   connection's defences, or to load code;
//! * a granted extension's functions used from the schema of an untrusted
//!   database (views, triggers, CHECK constraints, generated columns).

mod common;
use common::{Conn, text};
use sqlink_runtime::AttachOptions;
use sqlink_sqlite::Value;
use std::path::{Path, PathBuf};

/// A granted directory holding `inside.txt`, next to a directory the
/// extension must not reach holding `secret.txt`.
struct Dirs {
    _root: tempfile::TempDir,
    granted: PathBuf,
    outside: PathBuf,
}

fn dirs() -> Dirs {
    let root = tempfile::tempdir().unwrap();
    let base = root.path().canonicalize().unwrap();
    let (granted, outside) = (base.join("granted"), base.join("outside"));
    std::fs::create_dir_all(&granted).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(granted.join("inside.txt"), "INSIDE").unwrap();
    std::fs::write(outside.join("secret.txt"), "SECRET").unwrap();
    Dirs { _root: root, granted, outside }
}

fn load_fsread(dirs: &Dirs, mode: &str, more: &[&str]) -> Conn {
    let mut conn = Conn::memory();
    let grant = format!("fs:{}{mode}", dirs.granted.display());
    let grants: Vec<&str> = std::iter::once(grant.as_str()).chain(more.iter().copied()).collect();
    conn.try_load("fsread", &grants, None, None, &AttachOptions::default()).unwrap();
    conn
}

fn quoted(path: &Path) -> String {
    format!("'{}'", path.display().to_string().replace('\'', "''"))
}

#[test]
fn paths_out_of_the_granted_directory_are_refused() {
    let d = dirs();
    let conn = load_fsread(&d, ":ro", &[]);
    assert_eq!(conn.value(&format!("select fs_read({})", quoted(&d.granted.join("inside.txt")))), text("INSIDE"));
    let secret = d.outside.join("secret.txt");
    for path in [
        secret.clone(),
        d.granted.join("../outside/secret.txt"),
        d.granted.join("sub/../../outside/secret.txt"),
        PathBuf::from("/etc/passwd"),
        PathBuf::from("../../../../../../etc/passwd"),
    ] {
        assert_eq!(conn.value(&format!("select fs_try_read({})", quoted(&path))), Value::Null, "{}", path.display());
    }
    // A path far longer than any the system takes: an error, not a crash.
    let long = d.granted.join("x".repeat(70_000));
    let err = conn.error(&format!("select fs_read({})", quoted(&long)));
    assert!(!err.is_empty() && !err.contains("crashed"), "{err}");
    assert_eq!(conn.value("select 1"), Value::Integer(1));
}

#[test]
fn symbolic_links_out_of_the_granted_directory_are_not_followed() {
    let d = dirs();
    let secret = d.outside.join("secret.txt");
    std::os::unix::fs::symlink(&secret, d.granted.join("to-secret")).unwrap();
    std::os::unix::fs::symlink(&d.outside, d.granted.join("to-outside")).unwrap();
    std::os::unix::fs::symlink("../outside/secret.txt", d.granted.join("relative")).unwrap();
    std::os::unix::fs::symlink("inside.txt", d.granted.join("to-inside")).unwrap();
    let conn = load_fsread(&d, ":ro", &[]);
    for link in ["to-secret", "to-outside/secret.txt", "relative"] {
        let read = conn.value(&format!("select fs_try_read({})", quoted(&d.granted.join(link))));
        assert_eq!(read, Value::Null, "{link} was followed out of the granted directory");
    }
    // A link that stays inside is followed.
    assert_eq!(conn.value(&format!("select fs_read({})", quoted(&d.granted.join("to-inside")))), text("INSIDE"));
}

#[test]
fn a_link_flipped_to_the_outside_while_calls_run_never_leaks() {
    let d = dirs();
    let link = d.granted.join("flip");
    std::os::unix::fs::symlink("inside.txt", &link).unwrap();
    let conn = load_fsread(&d, ":ro", &[]);
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let flipper = {
        let (stop, link, secret, granted) = (stop.clone(), link.clone(), d.outside.join("secret.txt"), d.granted.clone());
        std::thread::spawn(move || {
            let mut flips = 0u64;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                // Swap the link atomically between a target inside and one outside.
                let target = if flips % 2 == 0 { secret.clone() } else { PathBuf::from("inside.txt") };
                let tmp = granted.join("flip.tmp");
                let _ = std::fs::remove_file(&tmp);
                std::os::unix::fs::symlink(&target, &tmp).unwrap();
                std::fs::rename(&tmp, &link).unwrap();
                flips += 1;
            }
            flips
        })
    };
    let sql = format!(
        "select count(*) filter (where r = 'SECRET'), count(*) filter (where r = 'INSIDE') \
         from (with recursive n(i) as (select 1 union all select i + 1 from n where i < 3000) \
               select fs_try_read({} || substr(i, 1, 0)) as r from n)",
        quoted(&link)
    );
    let rows = conn.query(&sql).unwrap();
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let flips = flipper.join().unwrap();
    assert!(flips > 10, "the link flipped only {flips} times");
    assert_eq!(rows[0][0], Value::Integer(0), "the secret was read through the flipped link");
    assert!(matches!(rows[0][1], Value::Integer(n) if n > 0), "the link was never read while inside: {rows:?}");
}

#[test]
fn hard_links_cannot_be_made_to_files_outside() {
    let d = dirs();
    let conn = load_fsread(&d, "", &[]);
    let secret = d.outside.join("secret.txt");
    let link = d.granted.join("stolen");
    let err = conn.error(&format!("select fs_link({}, {})", quoted(&secret), quoted(&link)));
    assert!(!err.is_empty() && !err.contains("crashed"), "{err}");
    assert!(!link.exists());
    // Nor written out through `..` with a read-write grant.
    let err = conn.error(&format!("select fs_write({}, 'x')", quoted(&d.granted.join("../outside/new.txt"))));
    assert!(!err.is_empty() && !err.contains("crashed"), "{err}");
    assert!(!d.outside.join("new.txt").exists());
    // Inside, both work.
    assert_eq!(conn.value(&format!("select fs_link({}, {})", quoted(&d.granted.join("inside.txt")), quoted(&d.granted.join("again.txt")))), Value::Integer(1));
    assert_eq!(std::fs::read_to_string(d.granted.join("again.txt")).unwrap(), "INSIDE");
}

#[test]
fn only_granted_environment_variables_exist() {
    let d = dirs();
    let conn = load_fsread(&d, ":ro", &["env:PATH"]);
    assert_eq!(conn.value("select fs_env_names()"), text("PATH"));
    assert_eq!(conn.value("select fs_env('HOME')"), Value::Null);
    let conn = load_fsread(&d, ":ro", &[]);
    assert_eq!(conn.value("select fs_env_names()"), text(""));
}

#[test]
fn an_import_no_grant_allows_is_refused_at_load() {
    let mut conn = Conn::memory();
    for grants in [&[][..], &["spi"][..]] {
        let err = conn.try_load("netdial", grants, None, None, &AttachOptions::default()).unwrap_err();
        assert!(err.starts_with("refusing to load extension netdial: it imports wasi:sockets/"), "{err}");
        assert!(err.contains("raw network sockets are never granted"), "{err}");
    }
    assert_eq!(conn.error("select net_dial('127.0.0.1:1')"), "no such function: net_dial");
}

/// The `spisql` fixture granted spi, on a database holding `t(x)`.
fn with_spisql(dir: &Path) -> Conn {
    let mut conn = Conn::open(dir.join("main.db").to_str().unwrap());
    conn.query("create table t(x); insert into t values (1)").unwrap();
    conn.try_load("spisql", &["spi"], None, None, &AttachOptions::default()).unwrap();
    conn
}

/// Runs SQL as the fixture's dot command does: outside any statement.
fn run_outside(conn: &Conn, sql: &str) -> Result<String, String> {
    let args = vec![sql.to_string()];
    conn.registry.run_dot_command("spi-run", &args).expect("spisql's command").map_err(|e| e.to_string())
}

fn sql_quoted(sql: &str) -> String {
    format!("'{}'", sql.replace('\'', "''"))
}

#[test]
fn spi_cannot_open_other_files_weaken_the_connection_or_load_code() {
    let dir = tempfile::tempdir().unwrap();
    let conn = with_spisql(dir.path());
    let other = dir.path().join("other.db");
    let refused_attach = format!(
        "an extension may not open another database file (ATTACH or VACUUM INTO '{}'): only the operator attaches files",
        other.display()
    );
    let attach = format!("attach '{}' as other", other.display());
    assert_eq!(conn.error(&format!("select spi_run({})", sql_quoted(&attach))), refused_attach);
    assert_eq!(run_outside(&conn, &attach).unwrap_err(), refused_attach);
    // VACUUM INTO attaches its target when it runs, not when prepared.
    let vacuum = format!("vacuum into '{}'", other.display());
    assert_eq!(run_outside(&conn, &vacuum).unwrap_err(), refused_attach);
    assert!(!other.exists(), "a file was created");
    for pragma in ["writable_schema = 1", "trusted_schema = 1", "temp_store_directory = '/tmp'"] {
        let err = run_outside(&conn, &format!("pragma {pragma}")).unwrap_err();
        assert!(err.starts_with("an extension may not set PRAGMA"), "{pragma}: {err}");
    }
    // (The loader's test covers sqlink_load() and the sqlite3 shell's
    // readfile(), which exist there.)
    for call in ["load_extension('/tmp/x.so')", "fts3_tokenizer('simple')"] {
        let err = conn.error(&format!("select spi_run({})", sql_quoted(&format!("select {call}"))));
        assert!(err.starts_with("an extension may not call"), "{call}: {err}");
    }
    // What stays allowed: its own SQL on the connection, reading settings.
    assert_eq!(conn.value("select spi_run('select sum(x) from t; pragma trusted_schema')"), Value::Integer(2));
    run_outside(&conn, "insert into t values (2)").unwrap();
    assert_eq!(conn.value("select sum(x) from t"), Value::Integer(3));
    // The operator's own statements are not the extension's.
    let mine = dir.path().join("mine.db");
    conn.query(&format!("attach '{}' as mine; detach mine", mine.display())).unwrap();
    assert!(mine.exists());
    assert_eq!(conn.value("pragma integrity_check"), text("ok"));
}

/// SQL-bodied functions an extension declares are checked by the same
/// guard when declared (and each time they run).
#[test]
fn functions_declared_with_a_sql_body_are_guarded_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut conn = Conn::open(dir.path().join("main.db").to_str().unwrap());
    conn.try_load("define", &["spi"], None, None, &AttachOptions::default()).unwrap();
    assert_eq!(
        conn.error("select define('grab', 'load_extension(''/tmp/x.so'')')"),
        "an extension may not call load_extension(): it loads code or reaches files outside its grants"
    );
    assert_eq!(conn.error("select grab()"), "no such function: grab");
    conn.query("select define('twice', ':x * 2')").unwrap();
    assert_eq!(conn.value("select twice(21)"), Value::Integer(42));
}

/// A database file as an attacker would craft it: `schema` written into
/// `sqlite_schema` directly, over plain tables `tables`.
fn crafted(path: &Path, tables: &str, schema: &[&str]) {
    let conn = Conn::open(path.to_str().unwrap());
    conn.query(tables).unwrap();
    conn.query("pragma writable_schema = on").unwrap();
    for sql in schema {
        conn.query(sql).unwrap();
    }
}

/// The fsread fixture granted a directory and PATH, on `path`.
fn open_granted(d: &Dirs, path: &Path) -> Conn {
    let mut conn = Conn::open(path.to_str().unwrap());
    let grant = format!("fs:{}:ro", d.granted.display());
    conn.try_load("fsread", &[&grant, "env:PATH"], None, None, &AttachOptions::default()).unwrap();
    conn
}

#[test]
fn functions_of_granted_extensions_are_refused_in_an_untrusted_schema() {
    let d = dirs();
    // A view and a trigger calling the extension's function (which
    // reaches outside pure computation).
    let db = d.granted.join("views.db");
    crafted(&db, "create table logged(x); create table log(v)", &[
        "insert into sqlite_schema values ('view', 'v', 'v', 0, 'CREATE VIEW v AS SELECT fs_env(''PATH'') AS p')",
        "insert into sqlite_schema values ('trigger', 'tr', 'logged', 0, \
         'CREATE TRIGGER tr AFTER INSERT ON logged BEGIN INSERT INTO log VALUES (fs_env(''PATH'')); END')",
    ]);
    let conn = open_granted(&d, &db);
    // Called directly, it works; from the schema, never.
    assert_eq!(conn.value("select fs_env('PATH')"), text(&std::env::var("PATH").unwrap()));
    assert_eq!(conn.error("select * from v"), "unsafe use of fs_env()");
    assert_eq!(conn.error("insert into logged values (1)"), "unsafe use of fs_env()");
    assert_eq!(conn.value("select count(*) from log"), Value::Integer(0));
    // A CHECK constraint and a generated column: SQLite resolves them when
    // it parses the schema, which sqlink makes it do again once the
    // function exists, so the schema is refused as a whole.
    for (name, sql) in [
        ("checked", "CREATE TABLE checked(x CHECK (fs_env(''PATH'') IS NULL))"),
        ("generated", "CREATE TABLE generated(x, y AS (fs_env(''PATH'')))"),
    ] {
        let db = d.granted.join(format!("{name}.db"));
        crafted(&db, &format!("create table {name}(x, y)"), &[&format!("update sqlite_schema set sql = '{sql}' where name = '{name}'")]);
        let conn = open_granted(&d, &db);
        let refused = format!("malformed database schema ({name}) - unsafe use of fs_env()");
        assert_eq!(conn.error(&format!("insert into {name}(x) values (1)")), refused);
        assert_eq!(conn.error(&format!("select * from {name}")), refused);
    }
}
