//! Differential test: every `tests/differential/*.sql` script runs through
//! the reference sqlite3 (`$SQLITE3_BIN`, default `/usr/bin/sqlite3`,
//! expected to be 3.40) and through each of sqlink's three runners (native,
//! `--engine wasm`, `wasmtime run dist/sqlink-cli.wasm`), once per output
//! mode (`-MODE -header`), from the repository root with the script on
//! standard input. Standard output, standard error and the exit status must
//! be identical (under wasmtime, a failing status is always 1: WASI 0.2
//! exits with success or failure only).
//! A script may say `-- skip-modes: json quote` (with its reason),
//! `-- skip-runners: wasmtime (reason)` or `-- args: ...` (extra flags) in
//! its first lines.
//!
//! sqlink deliberately differs from sqlite3 3.40 in a few places, and its
//! bundled SQLite is newer (3.54). The scripts avoid these, on purpose:
//!
//! * reals in json, quote and insert modes: sqlink prints the shortest text
//!   that reads back exactly (`0.1`), sqlite3 3.40 prints `%!.20g`
//!   (`0.10000000000000000555`); `.dump` writes reals exactly as sqlite3
//!   3.40 does;
//! * the banner, prompts, `-version`, `-help`, `.help` and `.show` (which
//!   list what sqlink has), and `.schema --indent` and the other commands
//!   sqlink lacks;
//! * the bytecode of EXPLAIN (`.eqp full` shows it too) and the query plans
//!   that differ between SQLite versions (simple ones agree, and the tree
//!   `.eqp` and EXPLAIN QUERY PLAN draw is the same), and the raw rows of
//!   EXPLAIN QUERY PLAN under `.explain off`, whose third column differs;
//! * what ANALYZE stores (3.54 also fills sqlite_stat4), so `.dump` of
//!   statistics;
//! * programs under wasmtime: WASI cannot start them (`.system`, `.shell`,
//!   `.import "|cmd"`);
//! * SQL functions that only one side has: sqlite3's shell adds
//!   generate_series, sha3, decimal_*, regexp, ieee754, readfile/writefile
//!   and the uint collation; SQLite 3.44+ adds concat, concat_ws,
//!   string_agg, unistr, octet_length, timediff, if, format and more;
//! * text that SQL functions compute from reals (printf('%g'), cast to
//!   text, json()), whose algorithm changed in newer SQLite;
//! * error positions: newer SQLite reports the offset of some errors that
//!   3.40 does not, so sqlink can draw the caret lines where sqlite3 does not;
//! * the wording of some error messages that changed after 3.40.

use libtest_mimic::{Arguments, Failed, Trial};
use sqlink_e2e::{Runner, diff, repo_root, run, shell_words, show_bytes, sqlink_bin, text_lines};
use std::path::{Path, PathBuf};
use std::time::Duration;

const MODES: &[&str] = &["list", "csv", "json", "line", "column", "table", "box", "markdown", "tabs", "quote"];

fn sqlite3_bin() -> PathBuf {
    std::env::var_os("SQLITE3_BIN").map_or_else(|| PathBuf::from("/usr/bin/sqlite3"), PathBuf::from)
}

/// Why the reference cannot be used, if it cannot.
fn reference_problem() -> Option<String> {
    let bin = sqlite3_bin();
    let out = run(&bin, &["-version".into()], b"", &repo_root(), Duration::from_secs(10)).ok()?;
    let version = String::from_utf8_lossy(&out.stdout).to_string();
    if out.code != Some(0) {
        return Some(format!("{} does not run", bin.display()));
    }
    (!version.starts_with("3.40.")).then(|| format!("{} is {}, not 3.40", bin.display(), version.trim()))
}

/// A script's header options: extra args, skipped modes and skipped
/// runners (named before the reason in parentheses).
fn header(text: &str) -> (Vec<String>, Vec<String>, Vec<String>) {
    let mut args = Vec::new();
    let mut skip = Vec::new();
    let mut skip_runners = Vec::new();
    for line in text.lines().take_while(|l| l.starts_with("--")) {
        if let Some(a) = line.strip_prefix("-- args:") {
            args.extend(shell_words(a));
        } else if let Some(s) = line.strip_prefix("-- skip-modes:") {
            skip.extend(s.split_whitespace().map(String::from));
        } else if let Some(r) = line.strip_prefix("-- skip-runners:") {
            let names = r.split('(').next().unwrap_or_default();
            skip_runners.extend(names.split_whitespace().map(String::from));
        }
    }
    (args, skip, skip_runners)
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

fn compare(script: &Path, mode: &str, runner: Runner) -> Result<(), Failed> {
    let text = std::fs::read(script).map_err(|e| format!("{}: {e}", script.display()))?;
    let (extra, _, _) = header(&String::from_utf8_lossy(&text));
    let mut args = vec![format!("-{mode}"), "-header".to_string()];
    args.extend(extra);
    let root = repo_root();
    let timeout = Duration::from_secs(60);
    let want = run(&sqlite3_bin(), &args, &text, &root, timeout).map_err(|e| format!("sqlite3: {e}"))?;
    let got = runner.run(&args, &text, timeout).map_err(|e| format!("sqlink ({}): {e}", runner.name()))?;
    let mut problems = Vec::new();
    if want.stdout != got.stdout {
        problems.push(diff("stdout", &join(&text_lines(&want.stdout)), &join(&text_lines(&got.stdout))));
    }
    if want.stderr != got.stderr {
        problems.push(diff("stderr", &show_bytes(&want.stderr), &show_bytes(&got.stderr)));
    }
    if !runner.exit_matches(want.code.unwrap_or(-1), got.code) {
        problems.push(format!("exit status: sqlite3 {:?}, sqlink {:?}", want.code, got.code));
    }
    if problems.is_empty() { Ok(()) } else { Err(format!("sqlite3 {}\n{}", args.join(" "), problems.join("\n")).into()) }
}

fn main() {
    let mut args = Arguments::from_args();
    // The scripts share scratch files under /tmp: run one at a time.
    args.test_threads = Some(1);
    let problem = reference_problem().or_else(|| (!sqlink_bin().exists()).then(|| format!("{} does not exist", sqlink_bin().display())));
    let dir = repo_root().join("tests/differential");
    let mut scripts: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "sql")).collect())
        .unwrap_or_default();
    scripts.sort();
    let mut trials = Vec::new();
    for script in scripts {
        let stem = script.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let text = std::fs::read_to_string(&script).unwrap_or_default();
        let (_, skip, skip_runners) = header(&text);
        for runner in Runner::ALL {
            for &mode in MODES {
                let name = match runner {
                    Runner::Native => format!("{stem}::{mode}"),
                    other => format!("{}/{stem}::{mode}", other.name()),
                };
                let path = script.clone();
                let trial = Trial::test(name, move || compare(&path, mode, runner));
                let ignored = skip.iter().any(|s| s == mode) || skip_runners.iter().any(|r| r == runner.name());
                trials.push(match &problem {
                    Some(why) => trial.with_ignored_flag(true).with_kind(why.clone()),
                    None => trial.with_ignored_flag(ignored),
                });
            }
        }
    }
    if let Some(why) = &problem {
        eprintln!("differential tests ignored: {why}");
    }
    libtest_mimic::run(&args, trials).exit();
}
