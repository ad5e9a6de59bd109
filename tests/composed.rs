//! Compositions of one's own, baked into a shell with `sqlink compose` and
//! run under `wasmtime run`: extensions that watch the connection (a
//! connection-hook one and an authorizer) and a virtual table, which the
//! routers carry to sqlite-core; each language's hello example alone, which
//! passes the same script (tests/shell/example-*.sql) as in the sqlink
//! host; and so do the compiled third-party C extensions that need no
//! grant: sqlean's modules (tests/shell/sqlean-c-*.sql) and sqlite-vec's
//! build without spi (tests/shell/sqlite-vec-c.sql); sqlean's regexp, math,
//! time and ipaddr are catalog extensions, baked into dist/sqlink-cli.wasm
//! with the rest (their scripts run there as every shell script does).
//! Left out, as they need grants: sqlean's
//! fileio and vsv (`--grant fs:DIR`, which a built-in extension cannot be
//! given: baked in, it sees whatever `--dir` gives the whole shell; and
//! their scripts `.shell` to make files, which WASI cannot), define and
//! the catalog's vec (spi, which only the sqlink host provides, not
//! sqlite-core).

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

/// Bakes `extensions` (each a file and the name its manifest gives it)
/// into a shell of their own and runs `tests/shell/SCRIPT.sql` in it under
/// `wasmtime run`, the way the `wasmtime` runner of `--test shell` runs a
/// script: stdout, stderr and the exit status must be what the script
/// expects in the sqlink host.
///
/// The extensions are built in, so the script's `.load` of each cannot
/// load it: a composed shell takes `.load` of a file only when the file's
/// stem names a built-in extension, and finds it already there
/// (components/cli/src/engine.rs), and of these files only hello.wasm and
/// series.wasm are named so (hello-c, hello-js and hello-py are all named
/// hello, sqlean-text.wasm is sqlean_text, sqlite-vec.wasm is vec). So each
/// such `.load` line loads a copy of its file named after the extension
/// instead, keeping its options and its line (error messages count lines)
/// and what the script expects of it: the warnings about bare names SQLite
/// holds, which the composed shell gives for a built-in's `.load` as the
/// host does for a real one, and the `--pin`s sqlean's unicode needs.
///
/// A composition is byte-for-byte reproducible, so wasmtime's cache keeps
/// the compiled components (10-20 s each for JavaScript and Python)
/// across runs.
fn passes_its_script_composed(script: &str, extensions: &[(&str, &str)]) {
    // Under /tmp, which the guest sees as itself (the copies are loaded there).
    let dir = Path::new("/tmp").join(format!("sqlink-composed-{script}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let catalog = dir.join("catalog.wasm");
    let cli = dir.join("cli.wasm");
    let path = |p: &Path| p.display().to_string();
    let out = path(&catalog);
    let mut args: Vec<&str> = extensions.iter().flat_map(|(file, _)| ["--ext", *file]).collect();
    args.extend(["-o", &out]);
    compose(&args);
    compose(&["compositions/sqlink-cli.wac", "--dep", &format!("sqlink:catalog={}", path(&catalog)), "-o", &path(&cli)]);

    let source = repo_root().join(format!("tests/shell/{script}.sql"));
    let text = std::fs::read_to_string(&source).unwrap();
    let mut text: Vec<String> = text.lines().map(str::to_string).collect();
    for (file, name) in extensions {
        let copy = dir.join(format!("{name}.wasm"));
        std::fs::copy(repo_root().join(file), &copy).unwrap();
        let mut loads = 0;
        for line in text.iter_mut() {
            let Some(options) = line.trim().strip_prefix(".load ").and_then(|l| l.trim_start().strip_prefix(file)) else { continue };
            if options.is_empty() || options.starts_with(' ') {
                *line = format!(".load {}{options}", path(&copy));
                loads += 1;
            }
        }
        assert_eq!(loads, 1, "{} loads {file} once", source.display());
    }
    let text: String = text.iter().map(|l| format!("{l}\n")).collect();
    let script = Script::parse(&text).unwrap();

    let (program, mut args) = wasmtime_run(&cli);
    args.extend(script.args.iter().cloned());
    let out = run(&program, &args, text.as_bytes(), &repo_root(), Duration::from_secs(300)).unwrap();
    if let Err(problems) = script.check(&out, |e, c| Runner::Wasmtime.exit_matches(e, c)) {
        let files: Vec<&str> = extensions.iter().map(|(file, _)| *file).collect();
        panic!("{} composed, running {}:\n{problems}", files.join(" and "), source.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_rust_example_passes_its_script_composed_alone() {
    passes_its_script_composed("example-hello", &[("dist/examples/hello.wasm", "hello")]);
}

#[test]
fn the_c_example_passes_its_script_composed_alone() {
    passes_its_script_composed("example-hello-c", &[("dist/examples/hello-c.wasm", "hello")]);
}

#[test]
fn the_javascript_example_passes_its_script_composed_alone() {
    passes_its_script_composed("example-hello-js", &[("dist/examples/hello-js.wasm", "hello")]);
}

#[test]
fn the_python_example_passes_its_script_composed_alone() {
    passes_its_script_composed("example-hello-py", &[("dist/examples/hello-py.wasm", "hello")]);
}

/// `tests/shell/sqlean-c-MODULE.sql` in a shell with
/// `dist/extensions-c/sqlean-MODULE.wasm` (named `sqlean_MODULE`) built in.
fn sqlean_passes_its_script_composed(module: &str) {
    let file = format!("dist/extensions-c/sqlean-{module}.wasm");
    passes_its_script_composed(&format!("sqlean-c-{module}"), &[(&file, &format!("sqlean_{module}"))]);
}

#[test]
fn sqleans_crypto_passes_its_script_composed_alone() {
    sqlean_passes_its_script_composed("crypto");
}

#[test]
fn sqleans_fuzzy_passes_its_script_composed_alone() {
    sqlean_passes_its_script_composed("fuzzy");
}

#[test]
fn sqleans_stats_passes_its_script_composed_alone() {
    sqlean_passes_its_script_composed("stats");
}

#[test]
fn sqleans_uuid_passes_its_script_composed_alone() {
    sqlean_passes_its_script_composed("uuid");
}

#[test]
fn sqleans_text_passes_its_script_composed_alone() {
    sqlean_passes_its_script_composed("text");
}

#[test]
fn sqleans_unicode_passes_its_script_composed_alone() {
    sqlean_passes_its_script_composed("unicode");
}

/// The build that needs no grant (`vec0` tables need spi: in
/// the catalog's `vec`, which a composed build cannot be given).
#[test]
fn sqlite_vec_passes_its_script_composed_alone() {
    passes_its_script_composed("sqlite-vec-c", &[("dist/extensions-c/sqlite-vec.wasm", "vec")]);
}
