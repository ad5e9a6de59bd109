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
use regex::Regex;
use sqlink_e2e::{Runner, diff, repo_root, run, shell_words, text_lines};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One expected line of standard output.
enum Expect {
    Exact(String),
    Pattern(Regex),
}

/// What a script expects.
struct Script {
    /// The runners it applies to (`-- runners:`; all by default).
    runners: Vec<Runner>,
    args: Vec<String>,
    exit: i32,
    stdout: Vec<Expect>,
    stderr: Vec<String>,
}

/// The text after a marker: one separating space is dropped, the rest kept exactly.
fn marker_text<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(marker)?;
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix(' ')
    }
}

fn parse(text: &str) -> Result<Script, String> {
    let mut s = Script { runners: Runner::ALL.to_vec(), args: Vec::new(), exit: 0, stdout: Vec::new(), stderr: Vec::new() };
    let mut header = true;
    for (n, line) in text.lines().enumerate() {
        if header && line.starts_with("--") {
            if let Some(a) = marker_text(line, "-- args:") {
                s.args.extend(shell_words(a));
                continue;
            }
            if let Some(r) = marker_text(line, "-- runners:") {
                // `-- runners: native wasm (why not the others)`
                let (names, why) = r.split_once('(').ok_or_else(|| format!("line {}: say why in parentheses after the runners", n + 1))?;
                if why.trim_end_matches(')').trim().is_empty() {
                    return Err(format!("line {}: the reason in parentheses is empty", n + 1));
                }
                s.runners = names
                    .split_whitespace()
                    .map(|name| Runner::ALL.into_iter().find(|r| r.name() == name).ok_or_else(|| format!("line {}: unknown runner {name}", n + 1)))
                    .collect::<Result<_, _>>()?;
                continue;
            }
            if let Some(e) = marker_text(line, "-- exit:") {
                s.exit = e.trim().parse().map_err(|_| format!("line {}: bad exit status {e:?}", n + 1))?;
                continue;
            }
        } else {
            header = false;
        }
        if let Some(t) = marker_text(line, "-- =>") {
            s.stdout.push(Expect::Exact(t.to_string()));
        } else if let Some(t) = marker_text(line, "-- ~>") {
            let re = Regex::new(&format!("^(?:{t})$")).map_err(|e| format!("line {}: {e}", n + 1))?;
            s.stdout.push(Expect::Pattern(re));
        } else if let Some(t) = marker_text(line, "-- !!") {
            s.stderr.push(t.to_string());
        }
    }
    Ok(s)
}

/// Compares stdout lines; on mismatch returns a diff where pattern lines
/// that matched show the actual text.
fn check_stdout(expected: &[Expect], actual: &[String]) -> Result<(), String> {
    let ok = expected.len() == actual.len()
        && expected.iter().zip(actual).all(|(e, a)| match e {
            Expect::Exact(t) => t == a,
            Expect::Pattern(re) => re.is_match(a),
        });
    if ok {
        return Ok(());
    }
    let shown: Vec<String> = expected
        .iter()
        .enumerate()
        .map(|(i, e)| match e {
            Expect::Exact(t) => t.clone(),
            Expect::Pattern(re) => match actual.get(i) {
                Some(a) if re.is_match(a) => a.clone(),
                _ => format!("~> {}", re.as_str()),
            },
        })
        .collect();
    Err(diff("stdout", &join(&shown), &join(actual)))
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

/// Runs a script with a program (`program` and the arguments before the
/// script's own); `exit_ok` judges the exit status against `-- exit:`.
fn check_script(script: &Script, text: &str, program: &Path, pre: &[String], exit_ok: impl Fn(i32, Option<i32>) -> bool) -> Result<(), Failed> {
    if !program.exists() && program.components().count() > 1 {
        return Err(format!("{} does not exist (build it, or set its environment variable)", program.display()).into());
    }
    let args: Vec<String> = pre.iter().chain(&script.args).cloned().collect();
    let out = run(program, &args, text.as_bytes(), &repo_root(), Duration::from_secs(120)).map_err(|e| format!("running {}: {e}", program.display()))?;
    let mut problems = Vec::new();
    if let Err(d) = check_stdout(&script.stdout, &text_lines(&out.stdout)) {
        problems.push(d);
    }
    let stderr = text_lines(&out.stderr);
    if stderr != script.stderr {
        problems.push(diff("stderr", &join(&script.stderr), &join(&stderr)));
    }
    if !exit_ok(script.exit, out.code) {
        problems.push(format!("exit status: expected {}, got {:?}", script.exit, out.code));
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
}

fn read_script(path: &Path) -> Result<(Script, String), Failed> {
    let text = read_text(path)?;
    Ok((parse(&text)?, text))
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
    Ok((parse(&text)?, text))
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
