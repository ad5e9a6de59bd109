//! Helpers shared by the end-to-end tests: where things are, running a
//! program with a timeout, splitting argument lines, showing output; and,
//! in [`script`], what a script with expected output expects.

pub mod script;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The repository root (tests run from there).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// The shell under test: `$SQLINK_BIN`, else `<repo>/dist/bin/sqlink`.
pub fn sqlink_bin() -> PathBuf {
    match std::env::var_os("SQLINK_BIN") {
        Some(p) => PathBuf::from(p),
        None => repo_root().join("dist/bin/sqlink"),
    }
}

/// The wasmtime CLI: `$WASMTIME_BIN`, else the one `make setup` installs
/// (`<repo>/target/tools/bin/wasmtime`), else `wasmtime` on the PATH.
pub fn wasmtime_bin() -> PathBuf {
    if let Some(p) = std::env::var_os("WASMTIME_BIN") {
        return PathBuf::from(p);
    }
    let installed = repo_root().join("target/tools/bin/wasmtime");
    if installed.exists() { installed } else { PathBuf::from("wasmtime") }
}

/// `wasmtime run` of a shell component `cli` as [`Runner::Wasmtime`] runs
/// `dist/sqlink-cli.wasm`: the program and the arguments that come before
/// the shell's own. The repository root is the guest's `/` (scripts use
/// paths relative to it) and `/tmp` is itself.
pub fn wasmtime_run(cli: &Path) -> (PathBuf, Vec<String>) {
    let cli = cli.display().to_string();
    let args = ["run", "--dir", ".::/", "--dir", "/tmp::/tmp", &cli];
    (wasmtime_bin(), args.iter().map(|a| a.to_string()).collect())
}

/// The three ways sqlink runs SQL, which must agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runner {
    /// `sqlink`: the shell over the bundled native SQLite.
    Native,
    /// `sqlink --engine wasm`: SQLite compiled to wasm, hosted by sqlink.
    Wasm,
    /// `wasmtime run dist/sqlink-cli.wasm`: shell, SQLite and the baked-in
    /// catalog composed into one component.
    Wasmtime,
}

impl Runner {
    pub const ALL: [Runner; 3] = [Runner::Native, Runner::Wasm, Runner::Wasmtime];

    /// The name scripts and test names use: `native`, `wasm`, `wasmtime`.
    pub fn name(self) -> &'static str {
        match self {
            Runner::Native => "native",
            Runner::Wasm => "wasm",
            Runner::Wasmtime => "wasmtime",
        }
    }

    /// The program and the arguments that come before the shell's own
    /// (under wasmtime: [`wasmtime_run`]).
    pub fn command(self) -> (PathBuf, Vec<String>) {
        match self {
            Runner::Native => (sqlink_bin(), Vec::new()),
            Runner::Wasm => (sqlink_bin(), vec!["--engine".into(), "wasm".into()]),
            Runner::Wasmtime => wasmtime_run(&repo_root().join("dist/sqlink-cli.wasm")),
        }
    }

    /// Runs the shell with `args`, `stdin` piped in, from the repository root.
    pub fn run(self, args: &[String], stdin: &[u8], timeout: Duration) -> std::io::Result<Outcome> {
        let (program, mut all) = self.command();
        all.extend(args.iter().cloned());
        run(&program, &all, stdin, &repo_root(), timeout)
    }

    /// Whether `code` is the exit status expected as `expected`: WASI 0.2
    /// programs can only exit with success or failure, which wasmtime
    /// reports as 0 or 1.
    pub fn exit_matches(self, expected: i32, code: Option<i32>) -> bool {
        match self {
            Runner::Wasmtime => code == Some(if expected == 0 { 0 } else { 1 }),
            _ => code == Some(expected),
        }
    }
}

/// What a finished program produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// Exit status; `None` if killed by a signal or the timeout.
    pub code: Option<i32>,
}

/// Runs `program args` in `cwd` with `stdin` fed to it; kills it after `timeout`.
pub fn run(program: &Path, args: &[String], stdin: &[u8], cwd: &Path, timeout: Duration) -> std::io::Result<Outcome> {
    let mut cmd = Command::new(program);
    cmd.args(args).current_dir(cwd);
    run_command(cmd, stdin, timeout)
}

/// Runs `cmd` (set up as the caller needs: environment, limits) with
/// `stdin` fed to it; kills it after `timeout`.
pub fn run_command(mut cmd: Command, stdin: &[u8], timeout: Duration) -> std::io::Result<Outcome> {
    let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()?;
    let mut input = child.stdin.take().expect("piped stdin");
    let data = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let mut out = child.stdout.take().expect("piped stdout");
    let mut err = child.stderr.take().expect("piped stderr");
    let out_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = out.read_to_end(&mut v);
        v
    });
    let err_reader = std::thread::spawn(move || {
        let mut v = Vec::new();
        let _ = err.read_to_end(&mut v);
        v
    });
    let start = Instant::now();
    let status = loop {
        if let Some(s) = child.try_wait()? {
            break Some(s);
        }
        if start.elapsed() > timeout {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    let stdout = out_reader.join().unwrap_or_default();
    let stderr = err_reader.join().unwrap_or_default();
    Ok(Outcome { stdout, stderr, code: status.and_then(|s| s.code()) })
}

/// Splits an argument line the way a POSIX shell would for simple cases:
/// whitespace separates, single quotes are literal, double quotes allow
/// `\"` and `\\`, a backslash outside quotes escapes the next character.
pub fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut in_word = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    cur.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' if matches!(chars.peek(), Some('"') | Some('\\')) => cur.push(chars.next().unwrap_or('\\')),
                        c => cur.push(c),
                    }
                }
            }
            '\\' => {
                in_word = true;
                if let Some(n) = chars.next() {
                    cur.push(n);
                }
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut cur));
                    in_word = false;
                }
            }
            c => {
                in_word = true;
                cur.push(c);
            }
        }
    }
    if in_word {
        words.push(cur);
    }
    words
}

/// Output bytes as text lines: valid UTF-8 as is, other bytes as `\xNN`.
/// A final newline does not start another line.
pub fn text_lines(bytes: &[u8]) -> Vec<String> {
    if bytes.is_empty() {
        return Vec::new();
    }
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    body.split(|&b| b == b'\n').map(show_bytes).collect()
}

/// Bytes as text, invalid UTF-8 shown as `\xNN`.
pub fn show_bytes(mut bytes: &[u8]) -> String {
    let mut s = String::new();
    loop {
        match std::str::from_utf8(bytes) {
            Ok(t) => {
                s.push_str(t);
                return s;
            }
            Err(e) => {
                let (good, bad) = bytes.split_at(e.valid_up_to());
                s.push_str(std::str::from_utf8(good).unwrap_or_default());
                let n = e.error_len().unwrap_or(bad.len());
                for b in &bad[..n] {
                    s.push_str(&format!("\\x{b:02x}"));
                }
                bytes = &bad[n..];
            }
        }
    }
}

/// A unified diff of two texts, for failure messages.
pub fn diff(label: &str, expected: &str, actual: &str) -> String {
    let d = similar::TextDiff::from_lines(expected, actual);
    format!("--- expected {label}\n+++ actual {label}\n{}", d.unified_diff().context_radius(3))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_lines() {
        assert_eq!(shell_words(r#"-cmd "select 1" -separator '|' a\ b"#), ["-cmd", "select 1", "-separator", "|", "a b"]);
        assert_eq!(shell_words("-nullvalue ''"), ["-nullvalue", ""]);
        assert_eq!(text_lines(b"a\n\xffb\n\n"), ["a", "\\xffb", ""]);
        assert!(text_lines(b"").is_empty());
    }
}
