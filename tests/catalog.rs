//! The catalog as a whole, `dist/extensions/*.wasm`: `.extensions
//! --catalog` describes every file, naming the reference each is
//! compatible with; every one loads, with the grants the listing names, in
//! `sqlink` over both engines and through libsqlink_loader in Debian's
//! sqlite3 and python3, and registers what the listing says; and the
//! composed shell holds every one that needs no grant. What each
//! extension computes is tested by its own script (tests/shell/NAME.sql).

use sqlink_e2e::{Outcome, Runner, repo_root, run, sqlink_bin, text_lines};
use std::path::{Path, PathBuf};
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(120);
/// Catalog extensions the composed shell leaves out although they need no
/// grant (the Makefile's BAKED says why: they watch every statement, or
/// another extension serves the same names).
const NOT_BAKED: &[&str] = &["history", "guard", "series"];

/// One extension as `.extensions --catalog` lists it.
#[derive(Debug, Default)]
struct Entry {
    name: String,
    description: String,
    file: String,
    /// `name(arity)` of functions and aggregates, names of collations and
    /// tables.
    items: Vec<String>,
    /// What `--grant` takes, e.g. `spi`, `fs:DIR`.
    grants: Vec<String>,
}

fn listing() -> Vec<Entry> {
    let out = Runner::Native.run(&[":memory:".into()], b".extensions --catalog dist/extensions\n", TIMEOUT).expect("sqlink runs");
    assert!(out.stderr.is_empty() && out.code == Some(0), "{}", show(&out));
    let mut entries: Vec<Entry> = Vec::new();
    for line in text_lines(&out.stdout) {
        if let Some(field) = line.strip_prefix("  ") {
            let (label, value) = field.split_once(char::is_whitespace).expect("label and value");
            let value = value.trim();
            let e = entries.last_mut().expect("an entry before its fields");
            match label {
                "file:" => e.file = value.to_string(),
                "functions:" | "aggregates:" | "collations:" | "tables:" => e.items.extend(value.split(", ").map(String::from)),
                "grants:" if value != "none needed" => e.grants = value.split("--grant ").map(str::trim).filter(|g| !g.is_empty()).map(String::from).collect(),
                _ => {}
            }
        } else {
            assert!(!line.contains("cannot be described"), "{line}");
            let (head, description) = line.split_once(" - ").unwrap_or((&line, ""));
            let name = head.split(' ').next().unwrap_or_default().to_string();
            entries.push(Entry { name, description: description.to_string(), ..Entry::default() });
        }
    }
    entries
}

fn show(out: &Outcome) -> String {
    format!("status {:?}\nstdout:\n{}\nstderr:\n{}", out.code, String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr))
}

/// A directory to give extensions that want one.
fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join("sqlink-catalog-test");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn grant_list(e: &Entry) -> Vec<String> {
    let dir = scratch().display().to_string();
    e.grants.iter().map(|g| g.replace("DIR", &dir)).collect()
}

#[test]
fn the_listing_describes_every_file_with_its_reference() {
    let entries = listing();
    let files: Vec<String> = std::fs::read_dir(repo_root().join("dist/extensions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".wasm"))
        .collect();
    assert_eq!(entries.len(), files.len(), "{entries:#?}");
    for e in &entries {
        assert_eq!(Path::new(&e.file).file_stem().unwrap().to_string_lossy(), e.name, "a catalog file is named after its extension");
        assert!(
            e.description.contains("Compatible with ") || e.description.contains("sqlink's own"),
            "{}: the description names no reference: {:?}",
            e.name,
            e.description
        );
        assert!(!e.items.is_empty(), "{}: provides nothing", e.name);
    }
}

/// Loads each extension alone, with its grants, and lists what is loaded.
#[test]
fn each_loads_in_both_engines() {
    for runner in [Runner::Native, Runner::Wasm] {
        for e in listing() {
            let grants: String = grant_list(&e).iter().map(|g| format!(" --grant {g}")).collect();
            let script = format!(".load {}{grants}\n.extensions\n", e.file);
            let out = runner.run(&[":memory:".into()], script.as_bytes(), TIMEOUT).unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.code == Some(0) && stderr.lines().all(|l| l.starts_with("warning: ")), "{} in {}: {}", e.name, runner.name(), show(&out));
            let listed = String::from_utf8_lossy(&out.stdout);
            assert!(listed.starts_with(&format!("{} ", e.name)), "{} in {}: {listed}", e.name, runner.name());
        }
    }
}

/// The names each extension registered, as SQLite's function list shows
/// them (one per name; collations and tables are not in it).
fn function_names(e: &Entry) -> Vec<String> {
    let mut names: Vec<String> = e.items.iter().filter_map(|i| i.split_once('(')).map(|(n, _)| format!("{}__{n}", e.name).to_lowercase()).collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn each_loads_through_the_loader_in_sqlite3() {
    for e in listing() {
        let names = function_names(&e);
        let sql = format!(
            ".load dist/lib/libsqlink_loader\nselect sqlink_load('{}', '{}') is not null;\nselect count(distinct name) from pragma_function_list where name in ({});\n",
            e.file,
            grant_list(&e).join(","),
            names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
        );
        let out = run(Path::new("/usr/bin/sqlite3"), &[":memory:".into()], sql.as_bytes(), &repo_root(), TIMEOUT).unwrap();
        let lines = text_lines(&out.stdout);
        assert_eq!(lines, vec!["1".to_string(), names.len().to_string()], "{}: {}", e.name, show(&out));
    }
}

#[test]
fn each_loads_through_the_loader_in_python3() {
    let entries = listing();
    let mut program = String::from(
        "import sqlite3, sys\n\
         failures = []\n\
         def check(file, grants, names):\n    \
             db = sqlite3.connect(':memory:')\n    \
             db.enable_load_extension(True)\n    \
             db.load_extension('dist/lib/libsqlink_loader')\n    \
             db.execute('select sqlink_load(?, ?)', (file, grants)).fetchone()\n    \
             found = {r[0] for r in db.execute('select name from pragma_function_list')}\n    \
             missing = [n for n in names if n not in found]\n    \
             if missing: failures.append(f'{file}: {missing}')\n    \
             db.close()\n",
    );
    for e in &entries {
        let names: Vec<String> = function_names(e).iter().map(|n| format!("'{n}'")).collect();
        program.push_str(&format!("check('{}', '{}', [{}])\n", e.file, grant_list(e).join(","), names.join(", ")));
    }
    program.push_str("print('\\n'.join(failures)); sys.exit(1 if failures else 0)\n");
    let out = run(Path::new("/usr/bin/python3"), &["-".into()], program.as_bytes(), &repo_root(), TIMEOUT).unwrap();
    assert_eq!(out.code, Some(0), "{}", show(&out));
}

#[test]
fn the_composed_shell_holds_every_one_needing_no_grant() {
    let mut expected: Vec<String> = listing().into_iter().filter(|e| e.grants.is_empty() && !NOT_BAKED.contains(&e.name.as_str())).map(|e| e.name).collect();
    expected.sort();
    let out = Runner::Wasmtime.run(&[":memory:".into()], b".extensions\n", TIMEOUT).unwrap();
    assert_eq!(out.code, Some(0), "{}", show(&out));
    let mut built_in: Vec<String> =
        text_lines(&out.stdout).into_iter().filter(|l| !l.starts_with(' ')).filter_map(|l| l.split(' ').next().map(String::from)).collect();
    built_in.sort();
    assert_eq!(built_in, expected);
}

#[test]
fn load_finds_a_catalog_extension_by_name() {
    let out = run(&sqlink_bin(), &[":memory:".into()], b".load uuid\nselect uuid_str(x'a0eebc999c0b4ef8bb6d6bb9bd380a11');\n", Path::new("/tmp"), TIMEOUT).unwrap();
    assert_eq!(text_lines(&out.stdout), vec!["a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11".to_string()], "{}", show(&out));
}

/// The reference an extension names in its description's "Compatible
/// with ..." sentence (or "sqlink's own").
fn reference(description: &str) -> String {
    match description.split_once("Compatible with ") {
        Some((_, rest)) => rest.trim_end().trim_end_matches('.').to_string(),
        None => "sqlink's own".to_string(),
    }
}

/// The bare names SQLite keeps when the extension is loaded alone: those
/// its load warns about.
fn kept_by_sqlite(e: &Entry) -> Vec<String> {
    let grants: String = grant_list(e).iter().map(|g| format!(" --grant {g}")).collect();
    let out = Runner::Native.run(&[":memory:".into()], format!(".load {}{grants}\n", e.file).as_bytes(), TIMEOUT).unwrap();
    let mut names: Vec<String> = text_lines(&out.stderr)
        .iter()
        .filter_map(|l| l.strip_prefix("warning: "))
        .filter(|l| l.contains("already exist"))
        .map(|l| l.split(" already exist").next().unwrap_or_default().replace("collation ", "COLLATE "))
        .collect();
    names.sort();
    names
}

/// README's catalog table (between `<!-- catalog -->` and `<!-- /catalog -->`)
/// is what the catalog says of itself; on a difference the test prints
/// the table to paste.
#[test]
fn readme_table_is_current() {
    let mut table = String::from("| extension | compatible with | built from | grants | bare names SQLite keeps (use `NAME__fn` or `--pin`) |\n|---|---|---|---|---|\n");
    for e in listing() {
        let built = if repo_root().join("components/extensions-c").join(&e.name).is_dir() { "reference's C" } else { "Rust" };
        let grants = if e.grants.is_empty() { "—".to_string() } else { e.grants.iter().map(|g| format!("`{g}`")).collect::<Vec<_>>().join(" ") };
        let kept = kept_by_sqlite(&e);
        let kept = if kept.is_empty() { "—".to_string() } else { kept.join(", ") };
        table.push_str(&format!("| `{}` | {} | {built} | {grants} | {kept} |\n", e.name, reference(&e.description)));
    }
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let start = readme.find("<!-- catalog -->\n").expect("README has a <!-- catalog --> table") + "<!-- catalog -->\n".len();
    let end = readme.find("<!-- /catalog -->").expect("README's catalog table ends with <!-- /catalog -->");
    assert!(readme[start..end] == table, "README's catalog table is out of date; it should read:\n{table}");
}
