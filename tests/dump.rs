//! `.dump` round trip, in each of sqlink's three runners: the dump of the
//! demo database (`dist/demo.db`, made by `make` from host/sqlink/demo.sql)
//! is byte for byte what Debian's sqlite3 3.40 dumps, and piped into that
//! sqlite3 it re-creates a database whose `.dump` is the same again.

use libtest_mimic::{Arguments, Failed, Trial};
use sqlink_e2e::{Runner, diff, repo_root, run, show_bytes};
use std::path::PathBuf;
use std::time::Duration;

fn sqlite3_bin() -> PathBuf {
    std::env::var_os("SQLITE3_BIN").map_or_else(|| PathBuf::from("/usr/bin/sqlite3"), PathBuf::from)
}

const TIMEOUT: Duration = Duration::from_secs(60);

/// Runs the reference sqlite3 on `db` with `stdin`; its stdout.
fn sqlite3(args: &[&str], stdin: &[u8]) -> Result<Vec<u8>, Failed> {
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    let out = run(&sqlite3_bin(), &args, stdin, &repo_root(), TIMEOUT).map_err(|e| format!("sqlite3: {e}"))?;
    if out.code != Some(0) || !out.stderr.is_empty() {
        return Err(format!("sqlite3 {args:?} failed ({:?}): {}", out.code, show_bytes(&out.stderr)).into());
    }
    Ok(out.stdout)
}

fn round_trip(runner: Runner) -> Result<(), Failed> {
    let demo = repo_root().join("dist/demo.db");
    if !demo.exists() {
        return Err(format!("{} does not exist (make builds it)", demo.display()).into());
    }
    // The wasmtime runner sees the repository as `/`; a relative name works for all.
    let args = vec!["dist/demo.db".to_string(), ".dump".to_string()];
    let out = runner.run(&args, b"", TIMEOUT).map_err(|e| format!("sqlink ({}): {e}", runner.name()))?;
    if out.code != Some(0) || !out.stderr.is_empty() {
        return Err(format!("sqlink .dump failed ({:?}): {}", out.code, show_bytes(&out.stderr)).into());
    }
    let dump = out.stdout;
    let reference = sqlite3(&["dist/demo.db", ".dump"], b"")?;
    if dump != reference {
        return Err(diff("dump", &show_bytes(&reference), &show_bytes(&dump)).into());
    }
    let copy = std::env::temp_dir().join(format!("sqlink-dump-round-trip-{}-{}.db", runner.name(), std::process::id()));
    let _ = std::fs::remove_file(&copy);
    let copy_name = copy.display().to_string();
    let result = sqlite3(&[&copy_name], &dump).and_then(|_| sqlite3(&[&copy_name, ".dump"], b""));
    let _ = std::fs::remove_file(&copy);
    let again = result?;
    if again != dump {
        return Err(diff("dump of the re-created database", &show_bytes(&dump), &show_bytes(&again)).into());
    }
    if !dump.starts_with(b"PRAGMA foreign_keys=OFF;\nBEGIN TRANSACTION;\nCREATE TABLE customers(") || !dump.ends_with(b"COMMIT;\n") {
        return Err("the dump does not look like the demo database's".into());
    }
    Ok(())
}

fn main() {
    let args = Arguments::from_args();
    let reference = run(&sqlite3_bin(), &["-version".into()], b"", &repo_root(), Duration::from_secs(10)).ok();
    let problem = match reference {
        Some(out) if out.code == Some(0) && out.stdout.starts_with(b"3.40.") => None,
        Some(out) => Some(format!("{} is {}, not 3.40", sqlite3_bin().display(), String::from_utf8_lossy(&out.stdout).trim())),
        None => Some(format!("{} does not run", sqlite3_bin().display())),
    };
    let trials = Runner::ALL
        .into_iter()
        .map(|runner| {
            let trial = Trial::test(format!("{}/demo-dump-round-trip", runner.name()), move || round_trip(runner));
            match &problem {
                Some(why) => trial.with_ignored_flag(true).with_kind(why.clone()),
                None => trial,
            }
        })
        .collect();
    if let Some(why) = &problem {
        eprintln!("dump round-trip tests ignored: {why}");
    }
    libtest_mimic::run(&args, trials).exit();
}
