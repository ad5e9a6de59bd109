//! Runs scripts through real clients, one test per file:
//!
//! * `tests/shell/*.sql` through the sqlink shell, in each of its three
//!   runners (native `sqlink`, `sqlink --engine wasm`, and
//!   `wasmtime run dist/sqlink-cli.wasm`) unless `-- runners:` narrows it,
//! * `tests/loader/*.sql` through the stock `sqlite3` shell (Debian's, or
//!   `$SQLITE3_BIN`), loading `dist/lib/libsqlink_loader`,
//! * `tests/loader/*.py` through Debian's `/usr/bin/python3` (or
//!   `$PYTHON3_BIN`), whose `sqlite3` module can load extensions.
//!
//! A `.sql` script goes on standard input, `-- args:` on the command line,
//! from the repository root; stdout, stderr and the exit status must match
//! its `-- =>`, `-- ~>`, `-- !!` and `-- exit:` lines (tests/shell/README.md).
//! A `.py` script passes when it exits 0.

use libtest_mimic::{Arguments, Failed, Trial};
use sqlink_e2e::script::Script;
use sqlink_e2e::{Runner, repo_root, run};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Runs a script with a program (`program` and the arguments before the
/// script's own); `exit_ok` judges the exit status against `-- exit:`.
fn check_script(script: &Script, text: &str, program: &Path, pre: &[String], exit_ok: impl Fn(i32, Option<i32>) -> bool) -> Result<(), Failed> {
    if !program.exists() && program.components().count() > 1 {
        return Err(format!("{} does not exist (build it, or set its environment variable)", program.display()).into());
    }
    let args: Vec<String> = pre.iter().chain(&script.args).cloned().collect();
    let out = run(program, &args, text.as_bytes(), &repo_root(), Duration::from_secs(120)).map_err(|e| format!("running {}: {e}", program.display()))?;
    Ok(script.check(&out, exit_ok)?)
}

fn read_script(path: &Path) -> Result<(Script, String), Failed> {
    let text = read_text(path)?;
    Ok((Script::parse(&text)?, text))
}

fn read_text(path: &Path) -> Result<String, Failed> {
    Ok(std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?)
}

/// Where scripts put scratch files (`/tmp/sqlink-shell-test-NAME`).
const SCRATCH: &str = "/tmp/sqlink-shell-test-";

/// A script as `runner` runs it: its scratch files get the runner's name
/// (`/tmp/sqlink-shell-test-wasm-NAME`), so that the runners of one script,
/// which run at the same time, never write each other's files.
fn read_script_for(path: &Path, runner: Runner) -> Result<(Script, String), Failed> {
    let text = read_text(path)?.replace(SCRATCH, &format!("{SCRATCH}{}-", runner.name()));
    Ok((Script::parse(&text)?, text))
}

/// Runs a Python client script; it reports its own failures.
fn run_python(path: &Path, python: &Path) -> Result<(), Failed> {
    let out = run(python, &[path.display().to_string()], b"", &repo_root(), Duration::from_secs(300))
        .map_err(|e| format!("running {}: {e}", python.display()))?;
    if out.code == Some(0) {
        return Ok(());
    }
    Err(format!(
        "exit status {:?}\nstdout:\n{}\nstderr:\n{}",
        out.code,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
    .into())
}

/// The files in `tests/<dir>` ending in `.<ext>`, sorted.
fn scripts(dir: &str, ext: &str) -> Vec<PathBuf> {
    let dir = repo_root().join("tests").join(dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == ext)).collect())
        .unwrap_or_default();
    files.sort();
    files
}

fn env_path(var: &str, default: &str) -> PathBuf {
    std::env::var_os(var).map(PathBuf::from).unwrap_or_else(|| PathBuf::from(default))
}

fn main() {
    let args = Arguments::from_args();
    let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let sqlite3 = env_path("SQLITE3_BIN", "/usr/bin/sqlite3");
    let python = env_path("PYTHON3_BIN", "/usr/bin/python3");
    let mut trials = Vec::new();
    for p in scripts("shell", "sql") {
        let runners = read_script(&p).map(|(s, _)| s.runners).unwrap_or(Runner::ALL.to_vec());
        for runner in runners {
            let name = match runner {
                Runner::Native => stem(&p),
                other => format!("{}/{}", other.name(), stem(&p)),
            };
            let p = p.clone();
            trials.push(Trial::test(name, move || {
                let (script, text) = read_script_for(&p, runner)?;
                let (program, pre) = runner.command();
                check_script(&script, &text, &program, &pre, |e, c| runner.exit_matches(e, c))
            }));
        }
    }
    for p in scripts("loader", "sql") {
        let bin = sqlite3.clone();
        trials.push(Trial::test(format!("loader/{}", stem(&p)), move || {
            let (script, text) = read_script(&p)?;
            check_script(&script, &text, &bin, &[], |e, c| c == Some(e))
        }));
    }
    for p in scripts("loader", "py") {
        let bin = python.clone();
        trials.push(Trial::test(format!("loader/{}", stem(&p)), move || run_python(&p, &bin)));
    }
    libtest_mimic::run(&args, trials).exit();
}
