//! Faults from outside the extension: read-only directories and files
//! for the database, its journal and the compiled-code cache; a full disk
//! (a file-size limit) while the database or the cache is written; a
//! process killed (SIGKILL) while it fills the cache; and an extension
//! running out of memory at every allocation size. Each fault gives a clear
//! error (the one Debian's sqlite3 gives, for the database), the database
//! keeps every committed row and passes `pragma integrity_check`, and the
//! cache is never used corrupt: the next process without the fault finds
//! it whole or repairs it. Both engines (native SQLite and `--engine wasm`)
//! throughout.
//!
//! Tests may run as root, which ignores permission bits: every run that
//! needs a read-only directory drops CAP_DAC_OVERRIDE and
//! CAP_DAC_READ_SEARCH from the child's capability bounding set before it
//! execs (as `setpriv --bounding-set -dac_override,-dac_read_search`
//! does), so root's own files are read-only to it as they would be to
//! their owner; the test checks that the drop took with `sh -c touch`
//! first. A full disk is RLIMIT_FSIZE in the child with SIGXFSZ ignored:
//! a write past the limit fails with EFBIG, as one past the end of a full
//! disk fails with ENOSPC. (The limit also covers the memfd in which
//! wasmtime keeps an extension's initial memory image, which a full disk
//! does not: under a limit smaller than that image, 20-30 KB for `stats`,
//! the load fails with "cannot be instantiated: File too large". The
//! limits here stay above it; SQLite's own engine does not use one.)

use sqlink_e2e::{Outcome, Runner, repo_root, run_command};
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(120);

/// The engines under test: native SQLite and SQLite compiled to wasm.
const ENGINES: [Runner; 2] = [Runner::Native, Runner::Wasm];

fn sqlite3() -> PathBuf {
    std::env::var_os("SQLITE3_BIN").map_or_else(|| PathBuf::from("/usr/bin/sqlite3"), PathBuf::from)
}

/// A fresh scratch directory under /tmp.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(format!("/tmp/sqlink-faults-{}-{name}", std::process::id()));
    remove_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Removes a scratch tree, making it writable first.
fn remove_all(dir: &Path) {
    if dir.exists() {
        let _ = Command::new("chmod").args(["-R", "u+rwX"]).arg(dir).status();
        let _ = std::fs::remove_dir_all(dir);
    }
}

fn chmod(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// What goes wrong in a child process.
#[derive(Clone, Copy, Default)]
struct Fault {
    /// RLIMIT_FSIZE in bytes (SIGXFSZ ignored): writes past it fail.
    file_size: Option<u64>,
    /// Permission bits apply even to root.
    no_override: bool,
}

const READ_ONLY: Fault = Fault { file_size: None, no_override: true };

fn disk_full(bytes: u64) -> Fault {
    Fault { file_size: Some(bytes), no_override: false }
}

/// `program args` from the repository root with `fault` applied, the
/// cache in `cache` (`SQLINK_CACHE_DIR`) unless `env` says otherwise:
/// never the user's.
fn command(program: &Path, args: &[String], cache: &Path, env: &[(&str, &Path)], fault: Fault) -> Command {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(repo_root()).env_remove("XDG_CACHE_HOME").env("SQLINK_CACHE_DIR", cache).env("HOME", cache);
    for (name, value) in env {
        if value.as_os_str().is_empty() {
            cmd.env_remove(name);
        } else {
            cmd.env(name, value);
        }
    }
    let Fault { file_size, no_override } = fault;
    // SAFETY: only async-signal-safe calls (signal, setrlimit, prctl)
    // between fork and exec.
    unsafe {
        cmd.pre_exec(move || {
            if let Some(bytes) = file_size {
                libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
                // The soft limit only, which the test may lift later.
                let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
                libc::getrlimit(libc::RLIMIT_FSIZE, &mut limit);
                limit.rlim_cur = (bytes as libc::rlim_t).min(limit.rlim_max);
                if libc::setrlimit(libc::RLIMIT_FSIZE, &limit) != 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            if no_override && libc::geteuid() == 0 {
                // CAP_DAC_OVERRIDE (1) and CAP_DAC_READ_SEARCH (2): root
                // execs without them, so permission bits apply.
                for cap in [1, 2] {
                    if libc::prctl(libc::PR_CAPBSET_DROP, cap as libc::c_ulong, 0, 0, 0) != 0 {
                        return Err(std::io::Error::last_os_error());
                    }
                }
            }
            Ok(())
        });
    }
    cmd
}

/// Runs `cmd` with `stdin` fed to it, killing it after [`TIMEOUT`].
fn output(cmd: Command, stdin: &str) -> Outcome {
    run_command(cmd, stdin.as_bytes(), TIMEOUT).expect("the program starts")
}

/// What a run printed, as text.
struct Printed {
    out: String,
    err: String,
    code: Option<i32>,
}

impl std::fmt::Display for Printed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "exit {:?}\n--- stdout\n{}--- stderr\n{}", self.code, self.out, self.err)
    }
}

fn printed(o: Outcome) -> Printed {
    Printed { out: String::from_utf8_lossy(&o.stdout).into_owned(), err: String::from_utf8_lossy(&o.stderr).into_owned(), code: o.code }
}

/// Runs `script` through `runner` (sqlink native or `--engine wasm`) on `db`.
fn sqlink(runner: Runner, db: &str, script: &str, cache: &Path, env: &[(&str, &Path)], fault: Fault) -> Printed {
    let (program, mut args) = runner.command();
    args.push(db.to_string());
    printed(output(command(&program, &args, cache, env, fault), script))
}

/// Runs `script` through Debian's sqlite3 on `db`.
fn sqlite3_run(db: &Path, script: &str, fault: Fault) -> Printed {
    printed(output(command(&sqlite3(), &[db.display().to_string()], Path::new("/nonexistent"), &[], fault), script))
}

/// Checks that [`READ_ONLY`] makes a 0555 directory read-only to a child,
/// root or not.
fn assert_read_only_works(dir: &Path) {
    let probe = dir.join("probe");
    std::fs::create_dir_all(&probe).unwrap();
    chmod(&probe, 0o555);
    let mut touch = command(Path::new("/bin/sh"), &["-c".into(), "touch probe/x".into()], dir, &[], READ_ONLY);
    touch.current_dir(dir);
    let o = output(touch, "");
    chmod(&probe, 0o755);
    assert!(o.code != Some(0) && !probe.join("x").exists(), "a child could write a read-only directory: the test cannot make one");
}

/// `pragma integrity_check` and a query, through Debian's sqlite3.
fn sqlite3_check(db: &Path, query: &str) -> String {
    let p = sqlite3_run(db, &format!("pragma integrity_check;\n{query}\n"), Fault::default());
    assert!(p.code == Some(0) && p.err.is_empty(), "sqlite3 could not check {}: {p}", db.display());
    let rest = p.out.strip_prefix("ok\n").unwrap_or_else(|| panic!("integrity_check of {} failed:\n{}", db.display(), p.out));
    rest.to_string()
}

/// A database of 50 committed rows (about 60 KiB), made by sqlite3.
fn committed_database(db: &Path) {
    let _ = std::fs::remove_file(db);
    let p = sqlite3_run(
        db,
        "create table t(n integer, pad blob);\n\
         insert into t select n, randomblob(1000) from (with recursive c(n) as (select 1 union all select n + 1 from c where n < 50) select n from c);\n",
        Fault::default(),
    );
    assert!(p.code == Some(0), "{p}");
}

// ---------------------------------------------------------------------
// Read-only directories and files: the database and its journal.

/// A write to a database whose directory (so its journal) or file is
/// read-only, or a database that cannot be created, fails as in sqlite3,
/// with the same messages, and leaves every committed row.
#[test]
fn read_only_database_directory_or_file_fails_like_sqlite3_and_keeps_the_data() {
    let dir = scratch("ro-db");
    assert_read_only_works(&dir);
    let cache = dir.join("cache");
    let script = "select count(*) from t;\n\
                  insert into t values (51, null);\n\
                  begin;\ninsert into t values (52, null);\ncommit;\n\
                  create table u(x);\n\
                  select count(*) from t;\n";
    let db_dir = dir.join("db");
    std::fs::create_dir_all(&db_dir).unwrap();
    let db = db_dir.join("t.db");
    let file = dir.join("a-file");
    std::fs::write(&file, "not a directory").unwrap();
    // (what is read-only, the database opened, the script, what the error says)
    let cases: [(&str, PathBuf, &str, &str); 4] = [
        ("directory", db.clone(), script, "attempt to write a readonly database"),
        ("file", db.clone(), script, "attempt to write a readonly database"),
        ("new file in a read-only directory", db_dir.join("new.db"), "create table u(x);\n", "unable to open database"),
        ("new file under a regular file", file.join("new.db"), "create table u(x);\n", "unable to open database"),
    ];
    for (what, path, script, says) in cases {
        committed_database(&db);
        match what {
            "directory" => chmod(&db_dir, 0o555),
            "file" => chmod(&db, 0o444),
            "new file in a read-only directory" => chmod(&db_dir, 0o555),
            _ => {}
        }
        let want = sqlite3_run(&path, script, READ_ONLY);
        assert!(want.err.contains(says), "sqlite3 on a read-only {what}: {want}");
        for runner in ENGINES {
            let got = sqlink(runner, &path.display().to_string(), script, &cache, &[], READ_ONLY);
            assert!(
                got.out == want.out && got.err == want.err && runner.exit_matches(want.code.unwrap_or(-1), got.code),
                "{} on a read-only {what} differs from sqlite3:\n{got}\nsqlite3:\n{want}",
                runner.name()
            );
        }
        chmod(&db_dir, 0o755);
        chmod(&db, 0o644);
        assert_eq!(sqlite3_check(&db, "select count(*), sum(n) from t;"), "50|1275\n", "after a read-only {what}");
        assert!(!db_dir.join("t.db-journal").exists() && !db_dir.join("new.db").exists(), "a read-only {what} was written");
    }
    remove_all(&dir);
}

// ---------------------------------------------------------------------
// Read-only or uncreatable cache directories.

const LOAD: &str = ".load dist/test-extensions/hog.wasm\nselect hog_bytes(1000);\n";

/// The cache directory cannot be created, or is read-only (empty, full,
/// without its write-ahead files, or with only its code directory
/// read-only): `.load` works, and says why the cache is not used, naming
/// its directory, whenever it cannot store what it compiled. A later run
/// without the fault uses the cache whole.
#[test]
fn a_read_only_or_uncreatable_cache_never_stops_a_load() {
    let dir = scratch("ro-cache");
    assert_read_only_works(&dir);
    let file = dir.join("a-file");
    std::fs::write(&file, "not a directory").unwrap();
    let under_file = file.join("sqlink");
    for runner in ENGINES {
        // Created under a regular file: ENOTDIR, through either variable.
        for var in ["SQLINK_CACHE_DIR", "XDG_CACHE_HOME"] {
            let env: Vec<(&str, &Path)> = if var == "SQLINK_CACHE_DIR" {
                vec![("SQLINK_CACHE_DIR", &under_file)]
            } else {
                vec![("SQLINK_CACHE_DIR", Path::new("")), ("XDG_CACHE_HOME", &under_file)]
            };
            let p = sqlink(runner, ":memory:", LOAD, &under_file, &env, Fault::default());
            let named = if var == "SQLINK_CACHE_DIR" { under_file.clone() } else { under_file.join("sqlink") };
            let want = format!("warning: compiled-code cache disabled: cannot open {}/cas.sqlite: cache database: cannot create {}: Not a directory", named.display(), named.display());
            assert!(p.code == Some(0) && p.out == "1000\n" && p.err.starts_with(&want) && p.err.lines().count() == 1, "{} with {var} under a file:\n{p}", runner.name());
        }

        // An empty read-only directory: no store can be made in it.
        let cache = dir.join(format!("{}-empty", runner.name()));
        std::fs::create_dir_all(&cache).unwrap();
        chmod(&cache, 0o555);
        let p = sqlink(runner, ":memory:", LOAD, &cache, &[], READ_ONLY);
        let want = format!("warning: compiled-code cache disabled: cannot open {}/cas.sqlite: ", cache.display());
        assert!(p.code == Some(0) && p.out == "1000\n" && p.err.starts_with(&want) && p.err.lines().count() == 1, "{} in a read-only empty cache:\n{p}", runner.name());
        chmod(&cache, 0o755);
        // Made writable, it fills and then serves.
        for _ in 0..2 {
            let p = sqlink(runner, ":memory:", LOAD, &cache, &[], Fault::default());
            assert!(p.code == Some(0) && p.out == "1000\n" && p.err.is_empty(), "{} once the cache is writable:\n{p}", runner.name());
        }

        // A full cache made read-only, with and without its write-ahead
        // files: compiled code is read (and verified) from it.
        for keep_wal in [true, false] {
            let cache = dir.join(format!("{}-full-{keep_wal}", runner.name()));
            let p = sqlink(runner, ":memory:", LOAD, &cache, &[], Fault::default());
            assert!(p.code == Some(0) && p.err.is_empty(), "{p}");
            if !keep_wal {
                for f in ["cas.sqlite-wal", "cas.sqlite-shm"] {
                    let _ = std::fs::remove_file(cache.join(f));
                }
            }
            let _ = Command::new("chmod").args(["-R", "a-w"]).arg(&cache).status();
            let p = sqlink(runner, ":memory:", LOAD, &cache, &[], READ_ONLY);
            assert!(p.code == Some(0) && p.out == "1000\n", "{} in a read-only full cache (write-ahead files kept: {keep_wal}):\n{p}", runner.name());
            for line in p.err.lines() {
                assert!(line.starts_with("warning: ") && line.contains(&cache.display().to_string()), "{} in a read-only full cache: {line}\n{p}", runner.name());
            }
            let _ = Command::new("chmod").args(["-R", "u+w"]).arg(&cache).status();
            let p = sqlink(runner, ":memory:", LOAD, &cache, &[], Fault::default());
            assert!(p.code == Some(0) && p.out == "1000\n" && p.err.is_empty(), "{} after a read-only full cache:\n{p}", runner.name());
        }

        // The store writable, its code directory not: the extension is
        // compiled, used, and the warning names the directory.
        let cache = dir.join(format!("{}-code", runner.name()));
        std::fs::create_dir_all(cache.join("code")).unwrap();
        chmod(&cache.join("code"), 0o555);
        let p = sqlink(runner, ":memory:", LOAD, &cache, &[], READ_ONLY);
        let want = format!("warning: could not cache compiled code in {}: cache: cannot create the directory of {}/code/", cache.display(), cache.display());
        assert!(p.code == Some(0) && p.out == "1000\n", "{} with a read-only code directory:\n{p}", runner.name());
        assert!(
            p.err.lines().count() >= 1 && p.err.lines().all(|l| l.starts_with(&want) && l.ends_with("Permission denied (os error 13)")),
            "{} with a read-only code directory:\n{p}",
            runner.name()
        );
        chmod(&cache.join("code"), 0o755);
        let p = sqlink(runner, ":memory:", LOAD, &cache, &[], Fault::default());
        assert!(p.code == Some(0) && p.out == "1000\n" && p.err.is_empty(), "{} after a read-only code directory:\n{p}", runner.name());
    }
    remove_all(&dir);
}

// ---------------------------------------------------------------------
// A full disk.

/// Writes past the file-size limit fail: a large transaction (spilling
/// pages to the file before its commit, behind a journal), then a small
/// one. Each fails as in sqlite3 (a disk I/O error for EFBIG) or commits;
/// what the shell reported committed is exactly what sqlite3 finds after,
/// with integrity_check ok, for every limit and both engines.
#[test]
fn a_full_disk_fails_the_write_and_keeps_every_commit() {
    let dir = scratch("full-db");
    let cache = dir.join("cache");
    let db = dir.join("t.db");
    // A warm cache: only the database is written under the limit.
    for runner in ENGINES {
        let p = sqlink(runner, ":memory:", "select 1;\n", &cache, &[], Fault::default());
        assert_eq!(p.out, "1\n", "{p}");
    }
    let script = "pragma cache_size = 8;\n\
                  begin;\n\
                  insert into t select 100 + n, randomblob(1500) from (with recursive c(n) as (select 1 union all select n + 1 from c where n < 600) select n from c);\n\
                  commit;\n\
                  select 'big', count(*), sum(n) from t;\n\
                  insert into t values (1000, randomblob(100));\n\
                  select 'small', count(*), sum(n) from t;\n";
    let errors = regex::Regex::new(r"^Runtime error near line \d+: (disk I/O error|disk I/O error: a write to the database or its journal failed|database or disk is full|cannot commit - no transaction is active)( \(\d+\))?$").unwrap();
    let mut outcomes = std::collections::BTreeSet::new();
    for limit in [20_000u64, 64 << 10, 200 << 10, 1 << 20, 4 << 20] {
        for who in [None, Some(Runner::Native), Some(Runner::Wasm)] {
            committed_database(&db);
            let p = match who {
                None => sqlite3_run(&db, script, disk_full(limit)),
                Some(runner) => sqlink(runner, &db.display().to_string(), script, &cache, &[], disk_full(limit)),
            };
            let name = who.map_or("sqlite3", Runner::name);
            assert!(p.err.lines().all(|l| errors.is_match(l)), "{name} under a {limit}-byte limit:\n{p}");
            // The last count the shell printed is what the file holds;
            // when it could not even read (a hot journal it cannot roll
            // back under the limit), the file holds what was committed
            // before.
            let last = p.out.lines().last().unwrap_or("before|50|1275");
            let (_, count) = last.split_once('|').unwrap();
            let found = sqlite3_check(&db, "select count(*), sum(n) from t;");
            assert_eq!(found.trim_end(), count, "{name} under a {limit}-byte limit reported {last:?}:\n{p}");
            outcomes.insert((limit, name, p.out.clone(), p.err.lines().count()));
        }
    }
    // The limits reached the big transaction (it failed), and the largest
    // let it through.
    let failed_big: Vec<_> = outcomes.iter().filter(|(_, _, out, _)| !out.starts_with("big|650|")).collect();
    assert!(failed_big.len() >= 9, "{outcomes:#?}");
    assert!(outcomes.iter().any(|(limit, _, out, _)| *limit == 4 << 20 && out.starts_with("big|650|")), "{outcomes:#?}");
    // The engines commit what sqlite3 commits at every limit (the errors
    // may differ in number: `--engine wasm` writes in larger runs, so it
    // may meet the limit on another statement).
    for limit in outcomes.iter().map(|o| o.0).collect::<std::collections::BTreeSet<_>>() {
        let at: Vec<_> = outcomes.iter().filter(|o| o.0 == limit).map(|o| &o.2).collect();
        assert!(at.windows(2).all(|w| w[0] == w[1]), "at {limit} bytes the engines and sqlite3 differ: {outcomes:#?}");
    }
    remove_all(&dir);
}

/// Compiled code and blobs written to the cache under a file-size limit:
/// the load works and warns why nothing was cached, no partial file stays,
/// and the next run without a limit fills the cache and the one after
/// reads it, with no warning (nothing found corrupt).
#[test]
fn a_full_disk_while_caching_leaves_no_corrupt_entry() {
    let dir = scratch("full-cache");
    let script = ".load dist/extensions/stats.wasm\nselect stats_median(value) from generate_series(1, 10);\n";
    for runner in ENGINES {
        // Below the store's first page, inside it, inside a blob, inside
        // SQLite's compiled code.
        for limit in [40 << 10, 100 << 10, 300 << 10, 1 << 20, 4 << 20] {
            let cache = dir.join(format!("{}-{limit}", runner.name()));
            let p = sqlink(runner, ":memory:", script, &cache, &[], disk_full(limit));
            assert!(p.code == Some(0) && p.out == "5.5\n", "{} with a {limit}-byte limit:\n{p}", runner.name());
            for line in p.err.lines() {
                assert!(
                    line.starts_with(&format!("warning: compiled-code cache disabled: cannot open {}/cas.sqlite: ", cache.display()))
                        || line.starts_with(&format!("warning: could not cache compiled code in {}: ", cache.display())),
                    "{} with a {limit}-byte limit: {line}\n{p}",
                    runner.name()
                );
            }
            assert!(files(&cache).iter().all(|f| !f.ends_with(".partial")), "a failed write left {:?}", files(&cache));
            for pass in ["fills", "reads"] {
                let p = sqlink(runner, ":memory:", script, &cache, &[], Fault::default());
                assert!(p.code == Some(0) && p.out == "5.5\n" && p.err.is_empty(), "{} {pass} the cache after a {limit}-byte limit:\n{p}", runner.name());
            }
            assert_whole(&cache, if runner == Runner::Wasm { 2 } else { 1 });
        }
    }
    remove_all(&dir);
}

/// The files under `dir`, relative, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let path = e.path();
            if path.is_dir() {
                walk(base, &path, out);
            } else {
                out.push(path.strip_prefix(base).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// The cache in `dir` passes integrity_check and records exactly its
/// `compiled` files of code, none partial.
fn assert_whole(dir: &Path, compiled: usize) {
    let listed = files(dir);
    let code: Vec<&String> = listed.iter().filter(|f| f.starts_with("code/")).collect();
    assert!(code.len() == compiled && code.iter().all(|f| f.ends_with(".cwasm")), "cache {}: {listed:?}", dir.display());
    let records = sqlite3_check(&dir.join("cas.sqlite"), "select count(*) from compiled_file;");
    assert_eq!(records, format!("{compiled}\n"), "cache {}: {listed:?}", dir.display());
}

// ---------------------------------------------------------------------
// Killed while filling the cache.

/// When a kill lands, relative to the cache being filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Moment {
    /// A delay after the start.
    After(u64),
    /// A delay (in tenths of a millisecond) after the first partial file
    /// of compiled code appears.
    Partial(u64),
    /// A delay after the first file of compiled code is in place.
    Renamed(u64),
    /// A delay after the store's write-ahead log is first written.
    Logged(u64),
}

/// 32 processes filling an empty cache (SQLite itself for `--engine
/// wasm`, then an extension) are killed at different moments: after a
/// delay from the start, or just after the store's log, a partial file
/// of code, or a finished one appeared. The next process of each engine
/// loads the extension with no warning (what it finds is whole, or it is
/// not used), and afterwards the cache holds exactly the code it records,
/// with no partial file left.
#[test]
fn killed_while_filling_the_cache_the_next_process_loads_correctly() {
    let dir = scratch("kill-cache");
    let script = ".load dist/extensions/stats.wasm\nselect stats_median(value) from generate_series(1, 10);\n";
    let started = Instant::now();
    let mut landed = std::collections::BTreeSet::new();
    for i in 0..32u64 {
        let cache = dir.join(format!("kill-{i}"));
        let runner = ENGINES[(i % 2) as usize];
        let delay = (i * 7919) % 12;
        let moment = match (i / 2) % 4 {
            0 => Moment::After((i * 263) % 2000),
            1 => Moment::Partial(delay),
            2 => Moment::Renamed(delay),
            _ => Moment::Logged(delay),
        };
        let (program, mut args) = runner.command();
        args.push(":memory:".into());
        let mut child: Child = command(&program, &args, &cache, &[], Fault::default())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("sqlink starts");
        // The script, with stdin left open: a process that finished waits.
        child.stdin.as_mut().unwrap().write_all(script.as_bytes()).unwrap();
        let t0 = Instant::now();
        let wait_for = |seen: &dyn Fn(&[String]) -> bool| {
            while !seen(&files(&cache)) {
                assert!(t0.elapsed() < TIMEOUT, "the cache never reached {moment:?}: {:?}", files(&cache));
                std::thread::sleep(Duration::from_micros(100));
            }
        };
        let ms = match moment {
            Moment::After(ms) => ms,
            // (A file of code may be written between two looks: a later
            // state does too.)
            Moment::Partial(us) => {
                let code = if runner == Runner::Wasm { 2 } else { 1 };
                wait_for(&|f| f.iter().any(|f| f.ends_with(".partial")) || f.iter().filter(|f| f.ends_with(".cwasm")).count() == code);
                std::thread::sleep(Duration::from_micros(us * 100));
                0
            }
            Moment::Renamed(ms) => {
                wait_for(&|f| f.iter().any(|f| f.ends_with(".cwasm")));
                ms
            }
            Moment::Logged(ms) => {
                wait_for(&|f| std::fs::metadata(cache.join("cas.sqlite-wal")).is_ok_and(|m| m.len() > 0) || f.iter().any(|f| f.ends_with(".cwasm")));
                ms
            }
        };
        std::thread::sleep(Duration::from_millis(ms));
        child.kill().expect("SIGKILL");
        child.wait().unwrap();
        // What the kill left is what the next process finds.
        let at_kill = files(&cache);
        let state = (
            at_kill.iter().any(|f| f.ends_with(".partial")),
            at_kill.iter().filter(|f| f.ends_with(".cwasm")).count(),
            at_kill.iter().any(|f| f == "cas.sqlite"),
        );
        landed.insert(state);
        // The next processes, one of each engine.
        for next in [ENGINES[((i + 1) % 2) as usize], runner] {
            let p = sqlink(next, ":memory:", script, &cache, &[], Fault::default());
            assert!(
                p.code == Some(0) && p.out == "5.5\n" && p.err.is_empty(),
                "{} after {} was killed at {moment:?} (cache then: {at_kill:?}):\n{p}",
                next.name(),
                runner.name()
            );
        }
        assert_whole(&cache, 2);
        remove_all(&cache);
    }
    // The kills landed before the store existed, with a partial file,
    // before any file of code was in place and after one was.
    assert!(landed.iter().any(|s| !s.2), "{landed:?}");
    assert!(landed.iter().any(|s| s.0), "{landed:?}");
    assert!(landed.iter().any(|s| s.2 && s.1 == 0) && landed.iter().any(|s| s.1 >= 1), "{landed:?}");
    assert!(started.elapsed() < Duration::from_secs(400), "took {:?}", started.elapsed());
    remove_all(&dir);
}

// ---------------------------------------------------------------------
// Out of memory inside an extension.

/// Sizes of allocation: every power of two from 16 B to 256 MiB, and
/// some between, around the 64 KiB page and the 64 MiB limit.
fn sizes() -> Vec<u64> {
    let mut sizes: Vec<u64> = (4..=28).map(|b| 1u64 << b).collect();
    sizes.extend([1, 24, 100, 1000, 4095, (64 << 10) - 1, (64 << 10) + 1, (1 << 20) + 1, (64 << 20) - 1, (64 << 20) + 1]);
    sizes.sort();
    sizes
}

/// An extension under `--mem 64M` allocating N bytes at a time until the
/// limit, for N at every size: each call fails with the memory limit, the
/// next call works, and a transaction around it commits what it did
/// before. One allocation of N bytes works below the limit and fails
/// past it, the same way.
#[test]
fn out_of_memory_at_every_allocation_size_fails_the_call_and_the_host_goes_on() {
    let dir = scratch("oom");
    let cache = dir.join("cache");
    let limit = 64u64 << 20;
    let error = "hog: call exceeded the memory limit of 64 MiB (raise it with --mem BYTES); the extension was restarted";
    for runner in ENGINES {
        let db = dir.join(format!("{}.db", runner.name()));
        let mut script = String::from(".load dist/test-extensions/hog.wasm --mem 64M\ncreate table t(n integer);\n");
        let mut lines = 2;
        let (mut out, mut err) = (String::new(), String::new());
        let mut expect_error = |line: usize| err.push_str(&format!("Runtime error near line {line}: {error}\n"));
        for (i, n) in sizes().into_iter().enumerate() {
            // Filling memory n bytes at a time, inside a transaction.
            script.push_str(&format!("begin;\ninsert into t values ({i});\ninsert into t values (hog_fill({n}));\ncommit;\nselect hog_bytes(16);\n"));
            expect_error(lines + 3);
            out.push_str("16\n");
            lines += 5;
            // One allocation of n bytes.
            script.push_str(&format!("select hog_bytes({n});\n"));
            lines += 1;
            // The instance holds about 1 MiB before it allocates.
            if n <= limit / 2 {
                out.push_str(&format!("{n}\n"));
            } else if n > limit - (4 << 20) {
                expect_error(lines);
            } else {
                panic!("no expectation for {n} bytes");
            }
        }
        script.push_str("select count(*), sum(n) from t;\n");
        let count = sizes().len() as u64;
        out.push_str(&format!("{count}|{}\n", count * (count - 1) / 2));
        let started = Instant::now();
        let p = sqlink(runner, &db.display().to_string(), &script, &cache, &[], Fault::default());
        assert_eq!(p.out, out, "{}:\n{p}", runner.name());
        assert_eq!(p.err, err, "{}:\n{p}", runner.name());
        assert!(started.elapsed() < Duration::from_secs(100), "{} took {:?}", runner.name(), started.elapsed());
        assert_eq!(sqlite3_check(&db, "select count(*) from t;"), format!("{count}\n"));
    }
    remove_all(&dir);
}

// ---------------------------------------------------------------------
// A full disk that frees up in the middle of a transaction.

/// A transaction meets a full disk (a 100 KiB file-size limit) in a large
/// insert, then space is freed (the limit lifted on the running process),
/// and the session goes on: another insert, a commit. The failed write
/// must not be forgotten: either the transaction is refused, or what it
/// commits is whole. What the shell reports last is what sqlite3 finds,
/// with integrity_check ok.
fn disk_full_then_freed(runner: Runner) {
    let dir = scratch(&format!("freed-{}", runner.name()));
    let cache = dir.join("cache");
    let p = sqlink(runner, ":memory:", "select 1;\n", &cache, &[], Fault::default());
    assert_eq!(p.out, "1\n", "{p}");
    for rows in [40, 60, 100, 200] {
        let db = dir.join(format!("t-{rows}.db"));
        committed_database(&db);
        let (program, mut args) = runner.command();
        args.push(db.display().to_string());
        let mut child = command(&program, &args, &cache, &[], disk_full(100 << 10))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("sqlink starts");
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
        writeln!(
            stdin,
            "pragma cache_size = 8;\nbegin;\n\
             insert into t select 100 + n, randomblob(1500) from (with recursive c(n) as (select 1 union all select n + 1 from c where n < {rows}) select n from c);\n\
             select 'full';"
        )
        .unwrap();
        let mut out = String::new();
        while !out.ends_with("full\n") {
            let before = out.len();
            std::io::BufRead::read_line(&mut stdout, &mut out).unwrap();
            assert!(out.len() > before, "{} ended before the disk was freed: {out}", runner.name());
        }
        // Space is freed.
        let mut unlimited = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        // SAFETY: reads our own limit into a valid struct.
        unsafe { libc::getrlimit(libc::RLIMIT_FSIZE, &mut unlimited) };
        unlimited.rlim_cur = unlimited.rlim_max;
        // SAFETY: sets a resource limit of our own child.
        let rc = unsafe { libc::prlimit(child.id() as libc::pid_t, libc::RLIMIT_FSIZE, &unlimited, std::ptr::null_mut()) };
        assert_eq!(rc, 0, "prlimit: {}", std::io::Error::last_os_error());
        stdin
            .write_all(
                b"insert into t select 10000 + n, randomblob(1500) from (with recursive c(n) as (select 1 union all select n + 1 from c where n < 30) select n from c);\n\
                  commit;\nselect 'end', count(*), sum(n) from t;\n",
            )
            .unwrap();
        drop(stdin);
        std::io::Read::read_to_string(&mut stdout, &mut out).unwrap();
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).unwrap();
        child.wait().unwrap();
        let p = sqlite3_run(&db, "pragma integrity_check;\nselect 'end', count(*), sum(n) from t;\n", Fault::default());
        let last = out.lines().last().unwrap_or_default();
        assert!(
            p.out == format!("ok\n{last}\n"),
            "{} committed a torn transaction after a write failed ({rows} rows):\n--- stdout\n{out}--- stderr\n{err}--- sqlite3 finds\n{}{}",
            runner.name(),
            p.out,
            p.err
        );
    }
    remove_all(&dir);
}

#[test]
fn native_after_a_full_disk_frees_up_commits_nothing_torn() {
    disk_full_then_freed(Runner::Native);
}

/// Under `--engine wasm`, sqlite-core's coalescing VFS
/// (components/sqlite-core/src/vfs.rs) writes a run of writes out before
/// the next file operation. A failure met then used to be reported to that
/// operation even when SQLite ignores its result (the
/// SQLITE_FCNTL_SIZE_HINT file control before every spill of pages, xClose,
/// xUnlock): SQLite never learnt that the pages did not reach the file and
/// committed a database that integrity_check found malformed once space
/// was back. Such operations now keep the failure for the next one whose
/// result SQLite checks.
#[test]
fn wasm_engine_after_a_full_disk_frees_up_commits_nothing_torn() {
    disk_full_then_freed(Runner::Wasm);
}
