//! A session killed (SIGKILL) in the middle of a write transaction must
//! never lock its database for good: under `sqlink --engine wasm` the
//! host's POSIX locks die with the process, so every runner and Debian's
//! sqlite3 open the file next and roll the hot journal back; under
//! `wasmtime run`, whose lock directory outlives the process, the next
//! session is refused with an error that names the lock and how to remove
//! it, and doing so recovers the database. `--engine wasm` and native
//! SQLite also exclude each other while both are alive.
//!
//! Real processes throughout, on files under /tmp (which the wasmtime
//! runner sees as itself).

use sqlink_e2e::{Runner, repo_root, run};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const TIMEOUT: Duration = Duration::from_secs(60);

/// Rows each batch (one transaction) inserts.
const ROWS: i64 = 200;

/// The first bytes of a rollback journal that holds a transaction (a hot
/// journal when its writer died); zero once the transaction ended.
const JOURNAL_MAGIC: [u8; 8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7];

fn sqlite3() -> PathBuf {
    std::env::var_os("SQLITE3_BIN").map_or_else(|| PathBuf::from("/usr/bin/sqlite3"), PathBuf::from)
}

/// A fresh scratch directory under /tmp.
fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(format!("/tmp/sqlink-crash-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Transaction `b`: a batch of rows (padding enough for the 8-page cache
/// to spill pages into the database file before the commit) and an update
/// of the previous batch, so a torn transaction shows in the sums.
fn batch(b: i64) -> String {
    format!(
        "begin;\n\
         insert into t select {b}, n, randomblob(300) from (with recursive c(n) as (select 1 union all select n + 1 from c where n < {ROWS}) select n from c);\n\
         update t set n = n + 1 where batch = {prev};\n\
         commit;\n\
         select 'committed {b}';\n",
        prev = b - 1
    )
}

/// A script of `batches` transactions, each acknowledged on stdout once
/// committed; an 8-page cache makes every transaction write the database
/// file (behind a hot journal) before it commits.
fn script(batches: i64) -> String {
    let mut sql = String::from("pragma cache_size = 8;\ncreate table if not exists t(batch integer, n integer, pad blob);\nselect 'committed 0';\n");
    for b in 1..=batches {
        sql.push_str(&batch(b));
    }
    sql
}

/// What the check query prints for a database holding batches 1..=m whole.
fn expected(m: i64) -> String {
    let sum = m * ROWS * (ROWS + 1) / 2 + (m - 1).max(0) * ROWS;
    let sum = if m == 0 { String::new() } else { sum.to_string() };
    format!("ok\n{m}|{}|{sum}\n", m * ROWS)
}

const CHECK: &str = "pragma integrity_check; select count(distinct batch), count(*), sum(n) from t;";

/// A running shell whose stdout lines arrive on a channel.
struct Session {
    child: Child,
    lines: Receiver<String>,
}

impl Session {
    /// Starts `program args` on stdin `input` (kept open, so the shell
    /// waits for more rather than ending).
    fn start(program: &Path, args: &[String], input: &str) -> Session {
        let mut child = Command::new(program)
            .args(args)
            .current_dir(repo_root())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the shell starts");
        child.stdin.as_mut().unwrap().write_all(input.as_bytes()).unwrap();
        let stdout = child.stdout.take().unwrap();
        let (send, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        Session { child, lines }
    }

    /// Waits for the line `want`; the lines seen before it.
    fn wait_for(&self, want: &str) -> Vec<String> {
        let mut seen = Vec::new();
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line == want => return seen,
                Ok(line) => seen.push(line),
                Err(e) => panic!("no line {want:?} from the shell ({e}); it printed {seen:?}"),
            }
        }
    }

    /// The last batch acknowledged so far (without waiting).
    fn acknowledged(&self, mut last: i64) -> i64 {
        while let Ok(line) = self.lines.try_recv() {
            if let Some(b) = line.strip_prefix("committed ") {
                last = b.parse().unwrap();
            }
        }
        last
    }

    /// SIGKILL, as `kill -9` or the OOM killer would.
    fn kill(mut self) -> Child {
        self.child.kill().expect("SIGKILL");
        self.child.wait().unwrap();
        self.child
    }
}

/// The runner's command line on `db`.
fn command(runner: Runner, db: &Path) -> (PathBuf, Vec<String>) {
    let (program, mut args) = runner.command();
    args.push(db.display().to_string());
    (program, args)
}

/// Runs `sql` on `db` with sqlite3 or a runner; returns (stdout, stderr, exit code).
fn open_with(opener: Option<Runner>, db: &Path, sql: &str) -> (String, String, Option<i32>) {
    let (program, args) = match opener {
        Some(runner) => command(runner, db),
        None => (sqlite3(), vec![db.display().to_string()]),
    };
    let out = run(&program, &args, sql.as_bytes(), &repo_root(), TIMEOUT).expect("the opener runs");
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned(), out.code)
}

fn opener_name(opener: Option<Runner>) -> &'static str {
    opener.map_or("sqlite3", Runner::name)
}

/// Checks `db` with `opener`: it opens, integrity_check is ok, and it
/// holds exactly batches 1..=m for one m in `range`; returns m.
fn check(opener: Option<Runner>, db: &Path, range: std::ops::RangeInclusive<i64>) -> i64 {
    let (out, err, code) = open_with(opener, db, CHECK);
    let name = opener_name(opener);
    assert!(code == Some(0) && err.is_empty(), "{name} could not open {}: exit {code:?}\n{err}", db.display());
    let m = range.clone().find(|m| out == expected(*m));
    m.unwrap_or_else(|| panic!("{name} on {}: got {out:?}, expected whole batches 1..=m for m in {range:?}", db.display()))
}

/// Whether the journal of `db` holds a transaction (is hot once its
/// writer died).
fn journal_is_hot(db: &Path) -> bool {
    let journal = format!("{}-journal", db.display());
    std::fs::read(journal).is_ok_and(|bytes| bytes.starts_with(&JOURNAL_MAGIC))
}

/// Starts `runner` on `db`, lets it commit batches 1..=3, and kills it in
/// the middle of batch 4 (after its pages reached the file: the journal is
/// hot); the transaction never ends.
fn kill_mid_transaction(runner: Runner, db: &Path) {
    let (program, args) = command(runner, db);
    let mut sql = script(3);
    sql.push_str(&format!(
        "begin;\ninsert into t select 4, n, randomblob(300) from (with recursive c(n) as (select 1 union all select n + 1 from c where n < {}) select n from c);\nupdate t set n = n + 1 where batch = 3;\nselect 'in transaction';\n",
        ROWS * 5
    ));
    let session = Session::start(&program, &args, &sql);
    let seen = session.wait_for("in transaction");
    assert!(seen.contains(&"committed 3".to_string()), "{} printed {seen:?}", runner.name());
    session.kill();
    assert!(journal_is_hot(db), "{} was killed before its transaction reached the file: no hot journal", runner.name());
}

#[test]
fn a_wasm_engine_killed_mid_transaction_leaves_a_database_every_runner_opens() {
    let dir = scratch("engine");
    for opener in [Some(Runner::Wasm), Some(Runner::Wasmtime), Some(Runner::Native), None] {
        let db = dir.join(format!("killed-then-{}.db", opener_name(opener)));
        kill_mid_transaction(Runner::Wasm, &db);
        let lock = PathBuf::from(format!("{}.lock", db.display()));
        assert!(!lock.exists(), "the killed session left {}", lock.display());
        // The first opener finds the hot journal and rolls it back; the
        // rest find the rolled-back database.
        assert_eq!(check(opener, &db, 3..=3), 3, "{}", opener_name(opener));
        assert!(!journal_is_hot(&db), "{} left the journal hot", opener_name(opener));
        for other in [None, Some(Runner::Wasm), Some(Runner::Wasmtime)] {
            assert_eq!(check(other, &db, 3..=3), 3, "{} after {}", opener_name(other), opener_name(opener));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_wasmtime_session_killed_mid_transaction_says_how_to_recover() {
    let dir = scratch("wasmtime");
    let db = dir.join("killed.db");
    kill_mid_transaction(Runner::Wasmtime, &db);
    let lock = format!("{}.lock", db.display());
    assert!(Path::new(&lock).is_dir(), "the lock directory of the killed wasmtime session is gone");
    // Both wasm runners see the leftover lock and say what it is and what
    // to do; neither touches the database.
    for runner in [Runner::Wasmtime, Runner::Wasm] {
        let (out, err, code) = open_with(Some(runner), &db, "select count(*) from t;");
        assert!(code != Some(0) && out.is_empty(), "{} opened a database another session may hold: {out}", runner.name());
        for words in ["database is locked", &format!("{lock} exists"), "was killed", &format!("fuser {}", db.display()), &format!("rmdir {lock}")] {
            assert!(err.contains(words), "{}'s error lacks {words:?}: {err}", runner.name());
        }
    }
    assert!(journal_is_hot(&db), "a refused session touched the journal");
    // The recovery the message gives: nothing has the file open, so the
    // lock is stale; remove it and open again.
    let fuser = Command::new("fuser").arg(&db).output();
    if let Ok(fuser) = fuser {
        assert!(fuser.stdout.is_empty(), "a process still has {} open", db.display());
    }
    std::fs::remove_dir(&lock).unwrap();
    assert_eq!(check(Some(Runner::Wasmtime), &db, 3..=3), 3);
    assert!(!Path::new(&lock).exists(), "a session that ended left {lock}");
    assert_eq!(check(None, &db, 3..=3), 3);
    assert_eq!(check(Some(Runner::Wasm), &db, 3..=3), 3);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_wasm_engine_and_sqlite3_exclude_each_other() {
    let dir = scratch("exclude");
    let db = dir.join("shared.db");
    let (_, err, code) = open_with(None, &db, "create table t(batch integer, n integer, pad blob); insert into t values (1, 1, null);");
    assert_eq!(code, Some(0), "{err}");
    // The wasm engine has written (exclusive locking: it keeps its
    // exclusive lock until it closes the file) and is in a transaction:
    // sqlite3 can neither read nor write.
    let (program, args) = command(Runner::Wasm, &db);
    let writer = Session::start(&program, &args, "insert into t values (2, 2, null);\nbegin;\ninsert into t values (5, 5, null);\nselect 'written';\n");
    writer.wait_for("written");
    for sql in ["select count(*) from t;", "insert into t values (6, 6, null);"] {
        let (out, err, code) = open_with(None, &db, sql);
        assert!(code != Some(0) && err.contains("database is locked"), "sqlite3 ran {sql} while --engine wasm held the file: {out}{err}");
    }
    writer.kill();
    assert_eq!(open_with(None, &db, "select group_concat(batch) from t;").0, "1,2\n", "the commit stays, the killed transaction does not");
    // sqlite3 in a write transaction (a RESERVED lock): the wasm engine
    // can read, but not write (after its 5 s busy timeout).
    let marker = dir.join("sqlite3-wrote");
    let sql = format!("begin immediate;\ninsert into t values (3, 3, null);\n.system touch {}\n", marker.display());
    let writer = Session::start(&sqlite3(), &[db.display().to_string()], &sql);
    let deadline = Instant::now() + TIMEOUT;
    while !marker.exists() {
        assert!(Instant::now() < deadline, "sqlite3 did not start its transaction");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(open_with(Some(Runner::Wasm), &db, "select count(*) from t;").0, "2\n");
    let (out, err, code) = open_with(Some(Runner::Wasm), &db, "insert into t values (4, 4, null);");
    assert!(code != Some(0) && err.contains("database is locked"), "--engine wasm wrote while sqlite3 did: {out}{err}");
    writer.kill();
    assert_eq!(open_with(Some(Runner::Wasm), &db, "select group_concat(batch) from t;").0, "1,2\n");
    let _ = std::fs::remove_dir_all(&dir);
}

/// 100 sessions of `--engine wasm`, each killed at another point of its
/// transactions (after 0 to 4 acknowledged commits, 0 to 9.5 ms into the
/// next), each leaving a database that sqlite3 and `--engine wasm` open
/// with integrity_check ok and every acknowledged commit present, and no
/// torn transaction.
#[test]
fn wasm_engine_killed_at_every_point_never_loses_or_tears_a_commit() {
    let dir = scratch("every-point");
    let started = Instant::now();
    let mut landed = std::collections::BTreeSet::new();
    for i in 0..100i64 {
        let db = dir.join(format!("kill-{i}.db"));
        let (program, args) = command(Runner::Wasm, &db);
        let session = Session::start(&program, &args, &script(6));
        let after = i % 5;
        session.wait_for(&format!("committed {after}"));
        std::thread::sleep(Duration::from_micros((i as u64 * 487) % 10_000));
        let acknowledged = session.acknowledged(after);
        let hot = {
            let _ = session.kill();
            journal_is_hot(&db)
        };
        // Either may be first to find the hot journal.
        let first = if i % 2 == 0 { [None, Some(Runner::Wasm)] } else { [Some(Runner::Wasm), None] };
        let m = check(first[0], &db, acknowledged..=6);
        assert_eq!(check(first[1], &db, m..=m), m);
        assert!(!journal_is_hot(&db));
        landed.insert((m, hot));
        let _ = std::fs::remove_file(&db);
        let _ = std::fs::remove_file(format!("{}-journal", db.display()));
    }
    // The kills landed at different points, mid-transaction among them.
    assert!(landed.len() >= 5 && landed.iter().any(|(_, hot)| *hot), "kill points: {landed:?}");
    assert!(started.elapsed() < Duration::from_secs(120), "took {:?}", started.elapsed());
    let _ = std::fs::remove_dir_all(&dir);
}
