//! `sqlink new` keeps its promise: for every language, the project it
//! writes builds with one `make` and loads, and `select hello('world')`
//! answers `Hello, world!`; bad input is refused before anything is written.
//!
//! The binary finds the SDKs from where it is (the checkout's
//! `components/`), as an author's would. The C, Python and JavaScript builds
//! use what `make build` made (the C SDK's objects, componentize-py, the JS
//! SDK's npm packages).

use sqlink_e2e::{repo_root, run, sqlink_bin};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Duration;

/// A fresh scratch directory for one test.
fn scratch(label: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sqlink-new-{}-{label}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `sqlink new ARGS` as an author would (no `$SQLINK_SDK`).
fn sqlink_new(args: &[&str]) -> Output {
    let bin = sqlink_bin();
    assert!(bin.exists(), "{} is not built: run `make build` first", bin.display());
    Command::new(bin).arg("new").args(args).env_remove("SQLINK_SDK").output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The files of `dir`, relative to it, sorted.
fn files(dir: &Path) -> Vec<String> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.push(path.strip_prefix(root).unwrap().display().to_string());
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// `sqlink new hello --lang LANG`, `make`, `.load`, `select hello('world')`.
fn new_builds_and_loads(lang: &str, expected_files: &[&str], env: &[(&str, PathBuf)]) {
    let dir = scratch(lang).join("hello");
    let out = sqlink_new(&["hello", "--lang", lang, "--dir", dir.to_str().unwrap()]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "sqlink new failed:\n{stdout}{}", text(&out.stderr));
    assert_eq!(files(&dir), expected_files, "the files of the {lang} project");
    let wasm = dir.join("hello.wasm");
    assert!(stdout.contains(&format!("  cd {} && make\n", dir.display())), "no `cd DIR && make` in:\n{stdout}");
    assert!(stdout.contains(&format!("  sqlink> .load {}\n", wasm.display())), "no `.load DIR/hello.wasm` in:\n{stdout}");

    let made = Command::new("make").arg("-C").arg(&dir).envs(env.iter().map(|(k, v)| (k, v))).output().unwrap();
    assert!(made.status.success(), "make failed in the {lang} project:\n{}{}", text(&made.stdout), text(&made.stderr));
    assert!(wasm.is_file(), "make wrote no hello.wasm");

    let input = format!(".load {}\nselect hello('world');\nselect hello('sqlink');\n", wasm.display());
    let ran = run(&sqlink_bin(), &[], input.as_bytes(), &dir, Duration::from_secs(300)).unwrap();
    let lines: Vec<String> = text(&ran.stdout).lines().map(str::to_string).collect();
    assert_eq!(ran.code, Some(0), "sqlink failed: {}", text(&ran.stderr));
    assert_eq!(lines, ["Hello, world!", "Hello, sqlink!"], "stderr: {}", text(&ran.stderr));
    let _ = std::fs::remove_dir_all(dir.parent().unwrap());
}

#[test]
fn c_project_builds_and_loads() {
    new_builds_and_loads("c", &[".gitignore", "Makefile", "README.md", "extension.c"], &[]);
}

#[test]
fn python_project_builds_and_loads() {
    new_builds_and_loads("python", &[".gitignore", "Makefile", "README.md", "extension.py", "requirements.txt"], &[]);
}

#[test]
fn js_project_builds_and_loads() {
    new_builds_and_loads("js", &[".gitignore", "Makefile", "README.md", "extension.js", "package.json"], &[]);
}

/// Compiles the SDK, its macros and wit-bindgen from cold the first time:
/// about 45 s here. Its own target directory (`target/new-rust`, kept
/// between runs, so later runs take a few seconds): the project resolves
/// its dependencies alone, so it cannot share the components' target.
#[test]
fn rust_project_builds_and_loads() {
    let target = repo_root().join("target/new-rust");
    new_builds_and_loads(
        "rust",
        &[".gitignore", "Cargo.lock", "Cargo.toml", "Makefile", "README.md", "rust-toolchain.toml", "src/lib.rs"],
        &[("CARGO_TARGET_DIR", target)],
    );
}

#[test]
fn unknown_language_is_refused_naming_the_languages() {
    let dir = scratch("cobol");
    let out = sqlink_new(&["hello", "--lang", "cobol", "--dir", dir.join("hello").to_str().unwrap()]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr.contains("invalid value 'cobol' for '--lang <LANG>'"), "{stderr}");
    assert!(stderr.contains("[possible values: rust, c, js, python]"), "{stderr}");
    assert!(!dir.join("hello").exists(), "a refused project must write nothing");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn non_empty_directory_is_refused_and_left_alone() {
    let dir = scratch("full");
    std::fs::write(dir.join("notes.txt"), "mine\n").unwrap();
    let out = sqlink_new(&["hello", "--lang", "c", "--dir", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!("sqlink new: {} exists and is not empty: nothing written (choose another --dir, or empty it)\n", dir.display())
    );
    assert_eq!(files(&dir), ["notes.txt"]);
    assert_eq!(std::fs::read_to_string(dir.join("notes.txt")).unwrap(), "mine\n");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn empty_directory_is_used() {
    let dir = scratch("empty");
    let out = sqlink_new(&["greet", "--lang", "python", "--dir", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let source = std::fs::read_to_string(dir.join("extension.py")).unwrap();
    assert!(source.contains("Extension(\"greet\", \"0.1.0\")"), "{source}");
    let makefile = std::fs::read_to_string(dir.join("Makefile")).unwrap();
    let tool = repo_root().join("components/sdk-py/sqlink-py-build").canonicalize().unwrap();
    assert!(makefile.contains(&format!("SQLINK_PY_BUILD ?= {}\n", tool.display())), "{makefile}");
    assert!(!makefile.contains("{{"), "a placeholder was left: {makefile}");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_names_are_refused() {
    let dir = scratch("names");
    for name in ["Hello", "1hello", "hello-world", "héllo", "_hello", ""] {
        let out = sqlink_new(&[name, "--lang", "c", "--dir", dir.join("x").to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "name {name:?}");
        assert_eq!(
            text(&out.stderr),
            format!(
                "sqlink new: bad name '{name}': a name is 1 to 64 lowercase letters, digits and underscores, \
                 starting with a letter (it names the extension, its package and NAME.wasm)\n"
            )
        );
    }
    let out = sqlink_new(&["fn", "--lang", "rust", "--dir", dir.join("x").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("bad name 'fn': Rust reserves it"), "{}", text(&out.stderr));
    assert!(!dir.join("x").exists(), "a refused project must write nothing");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_missing_sdk_says_how_to_name_one() {
    let dir = scratch("nosdk");
    let out = sqlink_new(&["hello", "--lang", "c", "--dir", dir.join("x").to_str().unwrap(), "--sdk", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        format!(
            "sqlink new: --sdk names {}, which has no sdk-c/sqlink-cc: name the components/ directory of a sqlink checkout\n",
            dir.display()
        )
    );
    assert!(!dir.join("x").exists());
    let _ = std::fs::remove_dir_all(dir);
}
