//! Compositions of one's own, baked into a shell with `sqlink compose` and
//! run under `wasmtime run`: extensions that watch the connection (a
//! connection-hook one and an authorizer) and a virtual table, which the
//! routers carry to sqlite-core; and each language's hello example alone,
//! which passes the same script (tests/shell/example-*.sql) as in the
//! sqlink host.

use sqlink_e2e::script::Script;
use sqlink_e2e::{Runner, repo_root, run, sqlink_bin, wasmtime_bin, wasmtime_run};
use std::path::Path;
use std::time::Duration;

fn compose(args: &[&str]) {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let out = run(&sqlink_bin(), &[vec!["compose".to_string()], args].concat(), b"", &repo_root(), Duration::from_secs(120)).unwrap();
    assert_eq!(out.code, Some(0), "sqlink compose failed: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn hooks_authorizer_and_tables_work_in_a_composed_build() {
    let dir = std::env::temp_dir().join(format!("sqlink-composed-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let catalog = dir.join("catalog.wasm");
    let cli = dir.join("cli.wasm");
    let path = |p: &Path| p.display().to_string();
    compose(&["--ext", "dist/extensions/series.wasm", "--ext", "dist/extensions/history.wasm", "--ext", "dist/extensions/guard.wasm", "-o", &path(&catalog)]);
    compose(&["compositions/sqlink-cli.wac", "--dep", &format!("sqlink:catalog={}", path(&catalog)), "-o", &path(&cli)]);
    let script = "select * from generate_series(1, 10, 3);
create table t(x);
begin; insert into t values (1); update t set x = 2; commit;
begin; delete from t where x = 2; rollback;
select op, tbl, row, state from history;
create table users(name, secret);
insert into users values ('ann', 's3');
select guard_hide('users', 'secret');
select name, secret from users;
select guard_deny('users');
select name from users;
";
    let out = run(&wasmtime_bin(), &["run".into(), path(&cli), ":memory:".into()], script.as_bytes(), &repo_root(), Duration::from_secs(120)).unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        stdout,
        "1\n4\n7\n10\nINSERT|t|1|committed\nUPDATE|t|1|committed\nDELETE|t|1|rolled back\n1\nann|\n1\n",
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr), "Parse error near line 11: access to users.name is prohibited (23)\n");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Bakes `dist/examples/EXAMPLE.wasm` alone into a shell and runs
/// `tests/shell/example-EXAMPLE.sql` in it under `wasmtime run`, the way the
/// `wasmtime` runner of `--test shell` runs a script: stdout, stderr and the
/// exit status must be what the script expects in the sqlink host.
///
/// The example is built in, so the script's `.load` of it is dropped: its
/// line is left empty (keeping the line numbers of error messages). A
/// composed shell takes `.load` of a built-in extension's file only when the
/// file's stem is the extension's name, and only hello.wasm's is: hello-c,
/// hello-js and hello-py are all named hello.
///
/// The composition is byte-for-byte reproducible, so wasmtime's cache
/// keeps the compiled JavaScript and Python components (10-20 s each)
/// across runs.
fn example_passes_its_script_composed_alone(example: &str) {
    let dir = std::env::temp_dir().join(format!("sqlink-composed-{example}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let catalog = dir.join("catalog.wasm");
    let cli = dir.join("cli.wasm");
    let path = |p: &Path| p.display().to_string();
    let wasm = format!("dist/examples/{example}.wasm");
    compose(&["--ext", &wasm, "-o", &path(&catalog)]);
    compose(&["compositions/sqlink-cli.wac", "--dep", &format!("sqlink:catalog={}", path(&catalog)), "-o", &path(&cli)]);

    let source = repo_root().join(format!("tests/shell/example-{example}.sql"));
    let text = std::fs::read_to_string(&source).unwrap();
    let load = format!(".load {wasm}");
    assert_eq!(text.lines().filter(|l| l.trim() == load).count(), 1, "{} loads {wasm} once", source.display());
    let text: String = text.lines().map(|l| if l.trim() == load { "\n".to_string() } else { format!("{l}\n") }).collect();
    let script = Script::parse(&text).unwrap();

    let (program, mut args) = wasmtime_run(&cli);
    args.extend(script.args.iter().cloned());
    let out = run(&program, &args, text.as_bytes(), &repo_root(), Duration::from_secs(300)).unwrap();
    if let Err(problems) = script.check(&out, |e, c| Runner::Wasmtime.exit_matches(e, c)) {
        panic!("{} composed alone, running {}:\n{problems}", wasm, source.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_rust_example_passes_its_script_composed_alone() {
    example_passes_its_script_composed_alone("hello");
}

#[test]
fn the_c_example_passes_its_script_composed_alone() {
    example_passes_its_script_composed_alone("hello-c");
}

#[test]
fn the_javascript_example_passes_its_script_composed_alone() {
    example_passes_its_script_composed_alone("hello-js");
}

#[test]
fn the_python_example_passes_its_script_composed_alone() {
    example_passes_its_script_composed_alone("hello-py");
}
