//! Runs scripts through real clients, one test per file:
//!
//! * `tests/shell/*.sql` through the sqlink shell,
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
use sqlink_e2e::{diff, repo_root, run, shell_words, sqlink_bin, text_lines};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// One expected line of standard output.
enum Expect {
    Exact(String),
    Pattern(Regex),
}

/// What a script expects.
struct Script {
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
    let mut s = Script { args: Vec::new(), exit: 0, stdout: Vec::new(), stderr: Vec::new() };
    let mut header = true;
    for (n, line) in text.lines().enumerate() {
        if header && line.starts_with("--") {
            if let Some(a) = marker_text(line, "-- args:") {
                s.args.extend(shell_words(a));
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

fn run_script(path: &Path, bin: &Path) -> Result<(), Failed> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let script = parse(&text)?;
    if !bin.exists() {
        return Err(format!("{} does not exist (build it, or set its environment variable)", bin.display()).into());
    }
    let out = run(&bin, &script.args, text.as_bytes(), &repo_root(), Duration::from_secs(120)).map_err(|e| format!("running {}: {e}", bin.display()))?;
    let mut problems = Vec::new();
    if let Err(d) = check_stdout(&script.stdout, &text_lines(&out.stdout)) {
        problems.push(d);
    }
    let stderr = text_lines(&out.stderr);
    if stderr != script.stderr {
        problems.push(diff("stderr", &join(&script.stderr), &join(&stderr)));
    }
    if out.code != Some(script.exit) {
        problems.push(format!("exit status: expected {}, got {:?}", script.exit, out.code));
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n").into()) }
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
    let sqlink = sqlink_bin();
    let sqlite3 = env_path("SQLITE3_BIN", "/usr/bin/sqlite3");
    let python = env_path("PYTHON3_BIN", "/usr/bin/python3");
    let mut trials = Vec::new();
    for p in scripts("shell", "sql") {
        let bin = sqlink.clone();
        trials.push(Trial::test(stem(&p), move || run_script(&p, &bin)));
    }
    for p in scripts("loader", "sql") {
        let bin = sqlite3.clone();
        trials.push(Trial::test(format!("loader/{}", stem(&p)), move || run_script(&p, &bin)));
    }
    for p in scripts("loader", "py") {
        let bin = python.clone();
        trials.push(Trial::test(format!("loader/{}", stem(&p)), move || run_python(&p, &bin)));
    }
    libtest_mimic::run(&args, trials).exit();
}
