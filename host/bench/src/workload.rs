//! (g): the mixed SQL workload (`sqlink-workload`, the shape of speedtest1)
//! run whole by each of sqlink's three runners, in memory and on a file,
//! against native `sqlink` measured in the same run.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use super::RUNS;
use std::time::{Duration, Instant};

/// Rows of the workload: a native run takes about half a second.
const ROWS: u32 = 25_000;

/// The wasmtime CLI: `$WASMTIME_BIN`, else the one `make setup` installs,
/// else whatever `wasmtime` is on PATH.
fn wasmtime(root: &Path) -> PathBuf {
    if let Some(p) = std::env::var_os("WASMTIME_BIN") {
        return p.into();
    }
    let installed = root.join("target/tools/bin/wasmtime");
    if installed.exists() { installed } else { "wasmtime".into() }
}

/// One way to run the shell over a database named by a path relative to
/// the working directory.
struct Runner {
    label: &'static str,
    program: PathBuf,
    args: Vec<String>,
}

impl Runner {
    /// Runs `script` once in `dir` on `database`; returns its output and
    /// wall time.
    fn run(&self, dir: &Path, database: &str, script: &str) -> (Vec<u8>, Duration) {
        let t = Instant::now();
        let mut child = Command::new(&self.program)
            .args(&self.args)
            .arg(database)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run {}: {e}", self.program.display()));
        let mut stdin = child.stdin.take().unwrap();
        let input = script.to_owned();
        let writer = std::thread::spawn(move || {
            use std::io::Write;
            stdin.write_all(input.as_bytes())
        });
        let out = child.wait_with_output().unwrap();
        let elapsed = t.elapsed();
        writer.join().unwrap().unwrap();
        assert!(out.status.success() && out.stderr.is_empty(), "{} failed: {}", self.label, String::from_utf8_lossy(&out.stderr));
        (out.stdout, elapsed)
    }

    /// The best time of `RUNS` runs, each on a fresh database; every run
    /// must print `expected`.
    fn best(&self, scratch: &Path, on_file: bool, script: &str, expected: &mut Option<Vec<u8>>) -> Duration {
        (0..RUNS)
            .map(|_| {
                let _ = std::fs::remove_file(scratch.join("workload.db"));
                let (out, time) = self.run(scratch, if on_file { "workload.db" } else { ":memory:" }, script);
                match expected {
                    Some(e) => assert!(*e == out, "{} printed different results from native sqlink", self.label),
                    None => *expected = Some(out),
                }
                time
            })
            .min()
            .unwrap()
    }
}

pub fn case_workload(root: &Path) {
    let sqlink = root.join("dist/bin/sqlink");
    let cli = root.join("dist/sqlink-cli.wasm");
    for p in [&sqlink, &cli] {
        assert!(p.exists(), "{} is missing: run `make build` first", p.display());
    }
    let runners = [
        Runner { label: "sqlink", program: sqlink.clone(), args: vec![] },
        Runner { label: "sqlink --engine wasm", program: sqlink.clone(), args: vec!["--engine".into(), "wasm".into()] },
        Runner {
            label: "wasmtime run sqlink-cli.wasm",
            program: wasmtime(root),
            args: vec!["run".into(), "--dir".into(), ".::/".into(), cli.display().to_string()],
        },
    ];
    let scratch = std::env::temp_dir().join(format!("sqlink-bench-{}", std::process::id()));
    std::fs::create_dir_all(&scratch).unwrap();
    let script = sqlink_workload::script(ROWS);
    // Compile sqlite-core and the shell once, outside the timings.
    for runner in &runners {
        runner.run(&scratch, ":memory:", "select 1;\n");
    }
    for (place, on_file) in [("in memory", false), ("on a file", true)] {
        let mut expected = None;
        let native = runners[0].best(&scratch, on_file, &script, &mut expected);
        for runner in &runners[1..] {
            let wasm = runner.best(&scratch, on_file, &script, &mut expected);
            println!(
                "(g) workload {ROWS} rows {place}: {:<30} native {:>7.0} ms   wasm {:>7.0} ms   ratio {:>5.2}x",
                runner.label,
                native.as_secs_f64() * 1e3,
                wasm.as_secs_f64() * 1e3,
                wasm.as_secs_f64() / native.as_secs_f64()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
