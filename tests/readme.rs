//! The README stays true: its Rust example is the source of the tested
//! example crate, and every line its shell transcripts show is what the
//! shell prints, in that order.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn readme() -> String {
    std::fs::read_to_string(root().join("README.md")).unwrap()
}

/// The fenced code blocks of the README with their info string.
fn blocks(text: &str) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in text.lines() {
        if let Some(info) = line.strip_prefix("```") {
            match current.take() {
                Some(block) => out.push(block),
                None => current = Some((info.to_string(), Vec::new())),
            }
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line.to_string());
        }
    }
    out
}

#[test]
fn rust_example_is_the_example_crate() {
    let text = readme();
    let rust: Vec<_> = blocks(&text).into_iter().filter(|(info, _)| info == "rust").collect();
    assert_eq!(rust.len(), 1, "one Rust example expected");
    let source = std::fs::read_to_string(root().join("components/examples/hello/src/lib.rs")).unwrap();
    assert_eq!(rust[0].1.join("\n") + "\n", source, "README's example and components/examples/hello/src/lib.rs differ");
}

#[test]
fn transcripts_show_real_output() {
    let sqlink = std::env::var_os("SQLINK_BIN").map(PathBuf::from).unwrap_or_else(|| root().join("dist/bin/sqlink"));
    assert!(sqlink.exists(), "{} is not built: run `make build` first", sqlink.display());
    let dir = std::env::temp_dir().join(format!("sqlink-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let db = dir.join("demo.db");
    let _ = std::fs::remove_file(&db);
    run(&sqlink, &db, &std::fs::read_to_string(root().join("host/sqlink/demo.sql")).unwrap(), false);

    let text = readme();
    let transcripts: Vec<Vec<String>> =
        blocks(&text).into_iter().map(|(_, lines)| lines).filter(|lines| lines.first().is_some_and(|l| l.starts_with("sqlink> "))).collect();
    assert!(transcripts.len() >= 4, "expected the tour's transcripts");
    let mut input = String::new();
    let mut expected = Vec::new();
    for line in transcripts.iter().flatten() {
        match line.strip_prefix("sqlink> ") {
            Some(command) => {
                // The README builds the example in its own crate; here it is in dist/.
                input.push_str(&command.replace("target/wasm32-wasip2/release/hello.wasm", "dist/examples/hello.wasm"));
                input.push('\n');
            }
            None if line == "..." => {}
            None => expected.push(line.clone()),
        }
    }
    let (stdout, stderr) = run(&sqlink, &db, &input, true);
    // Diagnostics go to stderr, everything else to stdout; within each
    // stream the README's lines must appear in order.
    let is_diagnostic = |l: &str| l.starts_with("warning: ") || l.starts_with("Error: ") || l.starts_with("Runtime error");
    for (stream, text) in [(false, &stdout), (true, &stderr)] {
        let actual: Vec<&str> = text.lines().map(|l| l.trim_start_matches("sqlink> ")).collect();
        let mut at = 0;
        for want in expected.iter().filter(|l| is_diagnostic(l) == stream) {
            match actual[at..].iter().position(|got| got == want) {
                Some(i) => at += i + 1,
                None => panic!("README line not printed (in this order) by the shell:\n  {want}\nstdout:\n{stdout}\nstderr:\n{stderr}"),
            }
        }
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn loader_examples_work() {
    let text = readme();
    let blocks = blocks(&text);
    // The sqlite3 transcript, through Debian's sqlite3.
    let session = blocks.iter().find(|(_, l)| l.first().is_some_and(|f| f == "$ sqlite3")).expect("a sqlite3 transcript");
    let (mut input, mut expected) = (String::new(), Vec::new());
    for line in &session.1[1..] {
        match line.strip_prefix("sqlite> ") {
            Some(command) => {
                input.push_str(command);
                input.push('\n');
            }
            None => expected.push(line.clone()),
        }
    }
    let out = Command::new("/usr/bin/sqlite3")
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(input.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected, "stderr: {}", String::from_utf8_lossy(&out.stderr));

    // The Python example, in a scratch directory that sees dist/.
    let python = blocks.iter().find(|(info, _)| info == "python").expect("a Python example");
    let dir = std::env::temp_dir().join(format!("sqlink-readme-py-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let _ = std::os::unix::fs::symlink(root().join("dist"), dir.join("dist"));
    std::fs::write(dir.join("example.py"), python.1.join("\n")).unwrap();
    let out = Command::new("/usr/bin/python3").arg("example.py").current_dir(&dir).output().unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "42\n");
}

/// Runs the shell on `db` with `input`; returns its stdout and stderr.
fn run(sqlink: &Path, db: &Path, input: &str, interactive: bool) -> (String, String) {
    let mut cmd = Command::new(sqlink);
    if interactive {
        cmd.arg("-interactive");
    }
    let mut child = cmd
        .arg(db)
        .current_dir(root())
        .env("SQLINK_HISTORY", "/dev/null")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Runs a README command line with bash from the repository root.
fn bash(line: &str, stdin: &str) -> std::process::Output {
    let mut child = Command::new("bash")
        .args(["-c", line])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn wasm_examples_work() {
    let text = readme();
    let blocks = blocks(&text);
    let sh = |needle: &str| blocks.iter().find(|(info, l)| info == "sh" && l.iter().any(|x| x.contains(needle))).map(|(_, l)| l.clone()).unwrap();
    // wasmtime runs the composed shell: the uuid query, then the demo database.
    let runs = sh("wasmtime run");
    let out = bash(&runs[0], "");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "d5a80b20-0d8f-11e5-b8cb-080027b6ec40\n", "{}", String::from_utf8_lossy(&out.stderr));
    assert!(runs[1].ends_with("dist/sqlink-cli.wasm dist/demo.db"));
    let out = bash(&runs[1], "select count(*) > 0 from customers;\n");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "1\n", "{}", String::from_utf8_lossy(&out.stderr));
    // sqlink compose: a catalog of two extensions, then a shell over it.
    let compose = sh("sqlink compose --ext");
    for line in &compose {
        let out = bash(line, "");
        assert!(out.status.success(), "{line}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out = bash(
        "target/tools/bin/wasmtime run /tmp/my-cli.wasm :memory:",
        "select uuid_str(uuid_blob('D5A80B20-0D8F-11E5-B8CB-080027B6EC40')), stats_median(value) from (select 1 value union all select 3);\n.load dist/extensions/text.wasm\n",
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), "d5a80b20-0d8f-11e5-b8cb-080027b6ec40|2.0\n");
    assert!(String::from_utf8_lossy(&out.stderr).contains("this build has uuid and stats built in"), "{}", String::from_utf8_lossy(&out.stderr));
}
