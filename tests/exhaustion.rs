//! Resource exhaustion: an extension that recurses too deep, returns more
//! than SQLite can hold, grows an aggregate's state without end, spins in
//! a commit hook, or a virtual table of a million rows. Each stops at its
//! limit with a message naming the limit, the shell goes on, and the
//! process's peak memory stays within the extension's memory limit plus a
//! fixed allowance (measured per process with `wait4`).

use sqlink_e2e::{repo_root, sqlink_bin};
use std::io::Write;
use std::process::{Command, Stdio};

/// What a shell run printed, and its peak resident memory in MiB.
struct Run {
    stdout: String,
    stderr: String,
    peak_mib: u64,
}

/// Runs `script` through `sqlink :memory:` and measures its peak memory.
fn run(script: &str) -> Run {
    let mut child = Command::new(sqlink_bin())
        .arg(":memory:")
        .current_dir(repo_root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("sqlink runs");
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let (mut out, mut err) = (child.stdout.take().unwrap(), child.stderr.take().unwrap());
    let readers = (
        std::thread::spawn(move || std::io::read_to_string(&mut out).unwrap()),
        std::thread::spawn(move || std::io::read_to_string(&mut err).unwrap()),
    );
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 reaps our own child,
    // which std has not waited for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4 failed");
    Run { stdout: readers.0.join().unwrap(), stderr: readers.1.join().unwrap(), peak_mib: usage.ru_maxrss as u64 / 1024 }
}

/// A recursive CTE of the integers 1..=n (the native engine has no
/// generate_series of its own).
fn integers(n: u64) -> String {
    format!("with recursive n(i) as (select 1 union all select i + 1 from n where i < {n})")
}

#[test]
fn every_limit_stops_its_call_and_memory_stays_bounded() {
    // Deep recursion: the stack limit.
    let r = run(".load dist/test-extensions/exhaust.wasm\nselect exhaust_recurse(100);\nselect exhaust_recurse(100000000);\nselect exhaust_recurse(10);\n");
    assert_eq!(r.stdout, "100\n10\n");
    assert_eq!(
        r.stderr,
        "Runtime error near line 3: exhaust: call exceeded the stack limit of 512 KiB (recursion too deep); the extension was restarted\n"
    );

    // A result larger than any SQLite value: refused before it is copied
    // out of the extension, so the process holds it once (in the
    // extension's memory), not twice.
    let r = run(".load dist/test-extensions/exhaust.wasm --mem 1200M\nselect length(exhaust_text(1000));\nselect length(exhaust_text(1));\n");
    assert_eq!(r.stdout, "1048576\n");
    assert_eq!(
        r.stderr,
        "Runtime error near line 2: string or blob too big: the result is 1048576000 bytes, SQLite's limit is 1000000000 (18)\n"
    );
    assert!(r.peak_mib < 1200 + 300, "peak memory {} MiB: the result was copied", r.peak_mib);

    // A result over the memory limit, and an aggregate whose state grows
    // without end: the memory limit, within it.
    let script = format!(
        ".load dist/test-extensions/exhaust.wasm --mem 64M\nselect length(exhaust_text(100));\n{} select exhaust_keep(i) from n;\nselect exhaust_keep(1);\n",
        integers(1_000_000)
    );
    let r = run(&script);
    assert_eq!(r.stdout, "1\n");
    let limit = "exhaust: call exceeded the memory limit of 64 MiB (raise it with --mem BYTES); the extension was restarted";
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stderr);
    assert!(lines[0].starts_with("Runtime error near line 2: ") && lines[0].contains(limit), "{}", r.stderr);
    assert!(lines[1].starts_with("Runtime error near line 3: ") && lines[1].contains(limit), "{}", r.stderr);
    assert!(r.peak_mib < 64 + 300, "peak memory {} MiB", r.peak_mib);

    // A million rows from a virtual table stream in batches.
    let r = run(".load dist/extensions/series.wasm\nselect count(*), sum(value) from generate_series(1, 1000000);\n");
    assert_eq!((r.stdout.as_str(), r.stderr.as_str()), ("1000000|500000500000\n", ""));
    assert!(r.peak_mib < 300, "peak memory {} MiB for a streamed scan", r.peak_mib);

    // A commit hook that spins: the CPU time limit, and the commit is
    // rolled back; the restarted extension lets the next one through.
    let r = run(
        ".load dist/test-extensions/exhaust.wasm --timeout 300\ncreate table t(x);\nselect exhaust_spin_on_commit(1);\n\
         insert into t values (1);\ninsert into t values (2);\nselect group_concat(x) from t;\n",
    );
    assert_eq!(r.stdout, "1\n2\n");
    assert_eq!(
        r.stderr,
        "sqlink: commit hook failed: exhaust: call exceeded the CPU time limit of 300 ms (raise it with --timeout MS); \
         the extension was restarted; the transaction is rolled back\n\
         Runtime error near line 4: constraint failed (19)\n"
    );
}
