//! A composition of one's own: extensions that watch the connection (a
//! connection-hook one and an authorizer) and a virtual table, baked into a
//! shell with `sqlink compose` and run under `wasmtime run`. The routers
//! carry every surface to sqlite-core.

use sqlink_e2e::{repo_root, run, sqlink_bin, wasmtime_bin};
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
