//! (h): scanning a virtual table, a million rows, in Debian's sqlite3 with
//! the wasm extension loaded through libsqlink_loader, against SQLite's own
//! C code for the same table in the same process:
//! * the wasm `series` extension's generate_series against series.c, which
//!   that sqlite3 has built in;
//! * the wasm `csv` extension against csv.c (`make bench` compiles it from
//!   Debian's source of that sqlite3) reading the same file.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

const ROWS: usize = 1_000_000;
const RUNS: usize = 5;

/// Runs `script` in Debian's sqlite3 and returns the `.timer` times of its
/// statements, in order, and the other lines it printed.
fn timed(sqlite3: &Path, root: &Path, script: &str) -> (Vec<Duration>, Vec<String>) {
    let mut child = Command::new(sqlite3).arg(":memory:").current_dir(root).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn().unwrap();
    use std::io::Write;
    child.stdin.take().unwrap().write_all(script.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "sqlite3 failed: {}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let (times, lines): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| l.starts_with("Run Time: "));
    let times = times
        .iter()
        .filter_map(|l| l.strip_prefix("Run Time: real ")?.split_whitespace().next()?.parse::<f64>().ok())
        .map(Duration::from_secs_f64)
        .collect();
    (times, lines.into_iter().map(str::to_string).collect())
}

/// Runs `setup`, then the native and the wasm query alternately, `RUNS`
/// times each after one untimed run of each; checks both print `expected`
/// every time and reports the best time of each.
fn compare(case: &str, setup: &str, native: &str, wasm: &str, expected: &str) {
    let sqlite3 = Path::new("/usr/bin/sqlite3");
    let root = crate::root();
    let mut script = setup.to_string();
    script.push_str(native);
    script.push_str(wasm);
    script.push_str(".timer on\n");
    for _ in 0..RUNS {
        script.push_str(native);
        script.push_str(wasm);
    }
    let (times, lines) = timed(sqlite3, &root, &script);
    assert_eq!(times.len(), RUNS * 2, "unexpected sqlite3 output: {lines:?}");
    // The load's report (and its warning that SQLite's own module keeps
    // the bare name), then only results.
    let results: Vec<&String> = lines.iter().filter(|l| !l.starts_with("loaded ") && !l.starts_with("warning: ")).collect();
    assert!(results.len() == 2 + RUNS * 2 && results.iter().all(|l| *l == expected), "the two scans disagree: {lines:?}");
    let native = times.iter().step_by(2).min().copied().unwrap();
    let wasm = times.iter().skip(1).step_by(2).min().copied().unwrap();
    crate::report(case, native, wasm, ROWS);
}

/// The loader, loaded into the shell.
fn load_loader() -> String {
    let loader = crate::wasm("dist/lib/libsqlink_loader.so");
    format!(".load {}\n", loader.with_extension("").display())
}

pub fn case_scan(root: &Path) {
    if !Path::new("/usr/bin/sqlite3").exists() {
        println!("(h) skipped: /usr/bin/sqlite3 is not installed");
        return;
    }
    let series = crate::wasm("dist/extensions/series.wasm");
    let setup = format!("{}select sqlink_load('{}');\n", load_loader(), series.display());
    compare(
        "(h) scan of 1M rows: wasm series vs series.c",
        &setup,
        &format!("select sum(value) from generate_series(1, {ROWS});\n"),
        &format!("select sum(value) from series__generate_series(1, {ROWS});\n"),
        &(ROWS * (ROWS + 1) / 2).to_string(),
    );
    case_csv(root);
}

/// A file of `ROWS` records of three fields (an integer, a word, a real),
/// written once into target/bench/.
fn csv_file(root: &Path) -> std::path::PathBuf {
    let dir = root.join("target/bench");
    let path = dir.join("scan.csv");
    if !path.exists() {
        std::fs::create_dir_all(&dir).unwrap();
        let mut text = String::with_capacity(ROWS * 24);
        for i in 0..ROWS {
            text.push_str(&format!("{i},\"name {i}\",{}.5\n", i % 1000));
        }
        let partial = dir.join("scan.csv.partial");
        std::fs::write(&partial, text).unwrap();
        std::fs::rename(&partial, &path).unwrap();
    }
    // The grant and the table name the file without `..`.
    path.canonicalize().unwrap()
}

fn case_csv(root: &Path) {
    let native_csv = root.join("target/tools/sqlite-ext/csv.so");
    if !native_csv.exists() {
        println!("(h) csv skipped: {} is missing (`make bench` builds it)", native_csv.display());
        return;
    }
    let file = csv_file(root);
    let dir = file.parent().unwrap().display().to_string();
    let csv = crate::wasm("dist/extensions/csv.wasm");
    // SQLite's csv loads first and keeps the bare name; the wasm one is
    // csv__csv, reading the file under a read-only grant of its directory.
    let setup = format!(
        ".load {native}\n{loader}select sqlink_load('{csv}', 'fs:{dir}:ro');\n\
         create virtual table temp.native using csv(filename='{file}');\n\
         create virtual table temp.wasm using csv__csv(filename='{file}');\n",
        native = native_csv.with_extension("").display(),
        loader = load_loader(),
        csv = csv.display(),
        file = file.display(),
    );
    // Every field read: the lengths of the texts.
    let query = |table: &str| format!("select count(*), sum(length(c0) + length(c1) + length(c2)) from {table};\n");
    let expected = {
        let fields: usize = (0..ROWS).map(|i| i.to_string().len() * 2 + 5 + (i % 1000).to_string().len() + 2).sum();
        format!("{ROWS}|{fields}")
    };
    compare("(h) scan of 1M rows: wasm csv vs csv.c", &setup, &query("native"), &query("wasm"), &expected);
}
