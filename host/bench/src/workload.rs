//! (g): the mixed SQL workload (`sqlink-workload`, the shape of speedtest1)
//! run whole by each of sqlink's three runners, in memory and on a file,
//! against native `sqlink` measured in the same run.

use super::RUNS;
use sqlink_e2e::Runner;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Rows of the workload: a native run takes about half a second.
const ROWS: u32 = 25_000;

/// A runner, as the report names it.
fn label(runner: Runner) -> &'static str {
    match runner {
        Runner::Native => "sqlink",
        Runner::Wasm => "sqlink --engine wasm",
        Runner::Wasmtime => "wasmtime run sqlink-cli.wasm",
    }
}

/// Runs `script` once through `runner` in `dir` on `database` (a path
/// relative to `dir`); returns its output and wall time.
fn run(runner: Runner, dir: &Path, database: &str, script: &str) -> (Vec<u8>, Duration) {
    let (program, args) = runner.command();
    let t = Instant::now();
    let mut child = Command::new(&program)
        .args(&args)
        .arg(database)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", program.display()));
    let mut stdin = child.stdin.take().unwrap();
    let input = script.to_owned();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        stdin.write_all(input.as_bytes())
    });
    let out = child.wait_with_output().unwrap();
    let elapsed = t.elapsed();
    writer.join().unwrap().unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{} failed: {}", label(runner), String::from_utf8_lossy(&out.stderr));
    (out.stdout, elapsed)
}

/// The best time of `RUNS` runs of `runner`, each on a fresh database;
/// every run must print `expected` (the first run's output, if none yet).
pub(crate) fn best(runner: Runner, scratch: &Path, on_file: bool, script: &str, expected: &mut Option<Vec<u8>>) -> Duration {
    (0..RUNS)
        .map(|_| {
            let _ = std::fs::remove_file(scratch.join("workload.db"));
            let (out, time) = run(runner, scratch, if on_file { "workload.db" } else { ":memory:" }, script);
            match expected {
                Some(e) => assert!(*e == out, "{} printed different results from native sqlink", label(runner)),
                None => *expected = Some(out),
            }
            time
        })
        .min()
        .unwrap()
}

pub fn case_workload(root: &Path) {
    for p in [root.join("dist/bin/sqlink"), root.join("dist/sqlink-cli.wasm")] {
        assert!(p.exists(), "{} is missing: run `make build` first", p.display());
    }
    let scratch = std::env::temp_dir().join(format!("sqlink-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let script = sqlink_workload::script(ROWS);
    // Compile sqlite-core and the shell once, outside the timings.
    for runner in Runner::ALL {
        run(runner, &scratch, ":memory:", "select 1;\n");
    }
    for (place, on_file) in [("in memory", false), ("on a file", true)] {
        let mut expected = None;
        let native = best(Runner::Native, &scratch, on_file, &script, &mut expected);
        for runner in [Runner::Wasm, Runner::Wasmtime] {
            let wasm = best(runner, &scratch, on_file, &script, &mut expected);
            println!(
                "(g) workload {ROWS} rows {place}: {:<30} native {:>7.0} ms   wasm {:>7.0} ms   ratio {:>5.2}x",
                label(runner),
                native.as_secs_f64() * 1e3,
                wasm.as_secs_f64() * 1e3,
                wasm.as_secs_f64() / native.as_secs_f64()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
