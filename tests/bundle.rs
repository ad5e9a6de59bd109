//! `sqlink bundle`: a set of extensions saved as one named bundle has the
//! same hash whatever directory its files are in and whatever order they
//! are given in; `show` prints its canonical text, `list` its name; bad
//! input is refused with the reason. Each test has its own cache
//! (`SQLINK_CACHE_DIR`).

use sqlink_e2e::{repo_root, run_command, sqlink_bin};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

const TIMEOUT: Duration = Duration::from_secs(60);

/// A scratch directory of its own, emptied.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("sqlink-bundle-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs `sqlink bundle ARGS` in `cwd` with the cache in `cache`: (exit code, stdout, stderr).
fn bundle(cache: &Path, cwd: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let mut cmd = Command::new(sqlink_bin());
    cmd.arg("bundle").args(args).current_dir(cwd).env("SQLINK_CACHE_DIR", cache);
    let out = run_command(cmd, b"", TIMEOUT).expect("sqlink runs");
    (out.code, String::from_utf8_lossy(&out.stdout).into_owned(), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Copies the catalog's uuid and stats into `dir` (as another checkout would have them).
fn checkout(dir: &Path) {
    for name in ["uuid", "stats"] {
        std::fs::copy(repo_root().join(format!("dist/extensions/{name}.wasm")), dir.join(format!("{name}.wasm"))).unwrap();
    }
}

#[test]
fn the_same_set_has_the_same_hash_in_any_directory_and_order() {
    let (one, two, cache) = (scratch("one"), scratch("two"), scratch("cache"));
    checkout(&one);
    checkout(&two);
    let (code, first, err) = bundle(&cache, &one, &["create", "team", "--ext", "uuid.wasm", "--ext", "stats.wasm"]);
    assert_eq!(code, Some(0), "{err}");
    let hash = first.split_whitespace().next().unwrap().to_string();
    assert_eq!(first, format!("{hash}  team\n"));
    let (_, second, _) = bundle(&scratch("cache2"), &two, &["create", "team", "--ext", "stats.wasm", "--ext", &two.join("uuid.wasm").display().to_string()]);
    assert_eq!(second, first, "another directory, another order, another cache: the same hash");
    // The canonical text names the files by their blake3, in hash order.
    let blob = |name: &str| blake3::hash(&std::fs::read(one.join(name)).unwrap()).to_hex().to_string();
    let mut lines = vec![format!("extension {}", blob("uuid.wasm")), format!("extension {}", blob("stats.wasm"))];
    lines.sort();
    let text = format!("sqlink-bundle 1\n{}\n", lines.join("\n"));
    assert_eq!(blake3::hash(text.as_bytes()).to_hex().to_string(), hash);
    for which in ["team", hash.as_str()] {
        let (code, shown, err) = bundle(&cache, &one, &["show", which]);
        assert_eq!((code, shown.as_str()), (Some(0), text.as_str()), "{err}");
    }
    assert_eq!(bundle(&cache, &one, &["list"]).1, format!("{hash}  team\n"));
}

#[test]
fn how_each_extension_loads_is_part_of_the_bundle() {
    let (dir, cache) = (scratch("options"), scratch("options-cache"));
    checkout(&dir);
    let create = |args: &[&str]| bundle(&cache, &dir, &[&["create", "b"], args].concat()).1;
    let plain = create(&["--ext", "uuid.wasm"]);
    let pinned = create(&["--ext", "uuid.wasm", "--pin", "uuid_str", "--prefix", "u", "--mem", "64M", "--timeout", "500"]);
    let repinned = create(&["--ext", "uuid.wasm", "--timeout", "500", "--mem", "67108864", "--prefix", "u", "--pin", "uuid_str", "--pin", "uuid_str"]);
    assert_ne!(plain, pinned);
    assert_eq!(pinned, repinned);
    let (_, shown, _) = bundle(&cache, &dir, &["show", "b"]);
    let uuid = blake3::hash(&std::fs::read(dir.join("uuid.wasm")).unwrap()).to_hex().to_string();
    assert_eq!(shown, format!("sqlink-bundle 1\nextension {uuid} prefix=u pins=uuid_str mem=67108864 timeout=500\n"));
    let (code, _, _) = bundle(&cache, &dir, &["create", "g", "--ext", "uuid.wasm", "--grant", "spi", "--grant", &format!("fs:{}:ro", dir.display())]);
    assert_eq!(code, Some(0));
    let (_, shown, _) = bundle(&cache, &dir, &["show", "g"]);
    assert!(shown.contains(&format!(" grants=fs:{}:ro,spi\n", dir.canonicalize().unwrap().display())), "{shown}");
}

#[test]
fn bad_input_is_refused_with_the_reason() {
    let (dir, cache) = (scratch("bad"), scratch("bad-cache"));
    checkout(&dir);
    std::fs::write(dir.join("notes.txt"), "not wasm").unwrap();
    let err = |args: &[&str]| {
        let (code, out, err) = bundle(&cache, &dir, args);
        assert_eq!((code, out.as_str()), (Some(1), ""), "{args:?}: {err}");
        err.lines().next().unwrap_or("").to_string()
    };
    assert_eq!(err(&["create", "t"]), "sqlink bundle: a bundle needs at least one --ext FILE");
    assert_eq!(err(&["create", "t", "--grant", "spi"]), "sqlink bundle: --grant comes before any --ext: options apply to the --ext they follow");
    assert_eq!(err(&["create", "t", "--ext", "missing.wasm"]), "sqlink bundle: cannot read missing.wasm: No such file or directory (os error 2)");
    assert_eq!(err(&["create", "t", "--ext", "notes.txt"]), "sqlink bundle: notes.txt: not a WebAssembly file (it does not start with \\0asm)");
    assert_eq!(err(&["create", "t", "--ext", "uuid.wasm", "--ext", "uuid.wasm"]).split(" is listed twice").next().map(|s| s.starts_with("sqlink bundle: extension ")), Some(true));
    assert_eq!(err(&["create", "t", "--ext", "uuid.wasm", "--grant", "net"]), "sqlink bundle: invalid grant 'net': expected spi, fs:DIR, fs:DIR:ro, http:HOST-PATTERN or env:NAME");
    assert_eq!(err(&["create", "t", "--ext", "uuid.wasm", "--mem", "lots"]), "sqlink bundle: invalid size 'lots': expected bytes, optionally with K, M or G");
    assert_eq!(err(&["create", "t", "--ext", "uuid.wasm", "--timeout", "0"]), "sqlink bundle: --timeout 0: expected milliseconds");
    assert_eq!(err(&["create", "t", "--ext", "uuid.wasm", "--color", "red"]), "sqlink bundle: unknown option '--color'");
    assert_eq!(err(&["create", "a/b", "--ext", "uuid.wasm"]), "sqlink bundle: 'a/b' is not a bundle name: use letters, digits, _, - and .");
    assert_eq!(err(&["show", "nosuch"]), "sqlink bundle: no bundle named nosuch: `sqlink bundle list` lists them");
    assert_eq!(err(&["frobnicate"]), "sqlink bundle: expected create, show, list, export or import");
    // Nothing was saved by the failures.
    assert_eq!(bundle(&cache, &dir, &["list"]).1, "");
}

#[test]
fn an_export_carries_the_bundle_and_its_files_to_another_cache() {
    let (dir, cache, other) = (scratch("export"), scratch("export-cache"), scratch("export-other"));
    checkout(&dir);
    let (_, created, _) = bundle(&cache, &dir, &["create", "team", "--ext", "uuid.wasm", "--ext", "stats.wasm", "--pin", "median"]);
    let hash = created.split_whitespace().next().unwrap().to_string();
    let (code, out, err) = bundle(&cache, &dir, &["export", "team", "-o", "team.sqlink"]);
    assert_eq!((code, out), (Some(0), format!("{hash}  team.sqlink\n")), "{err}");
    // Into an empty cache: the same bundle, under the name it was exported by.
    let (code, out, err) = bundle(&other, &dir, &["import", "team.sqlink"]);
    assert_eq!((code, out), (Some(0), format!("{hash}  team\n")), "{err}");
    assert_eq!(bundle(&other, &dir, &["show", "team"]).1, bundle(&cache, &dir, &["show", "team"]).1);
    // Exported by hash, it needs a name to be imported.
    bundle(&cache, &dir, &["export", &hash, "-o", "byhash.sqlink"]);
    let (code, _, err) = bundle(&scratch("export-third"), &dir, &["import", "byhash.sqlink"]);
    assert_eq!((code, err.trim()), (Some(1), "sqlink bundle: byhash.sqlink was exported by hash: give it a name with --name NAME"));
    assert_eq!(bundle(&scratch("export-fourth"), &dir, &["import", "byhash.sqlink", "--name", "ours"]).1, format!("{hash}  ours\n"));
}

#[test]
fn a_damaged_export_is_refused_and_nothing_is_kept() {
    let (dir, cache) = (scratch("damaged"), scratch("damaged-cache"));
    checkout(&dir);
    bundle(&cache, &dir, &["create", "team", "--ext", "uuid.wasm"]);
    bundle(&cache, &dir, &["export", "team", "-o", "team.sqlink"]);
    let mut bytes = std::fs::read(dir.join("team.sqlink")).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    std::fs::write(dir.join("flipped.sqlink"), &bytes).unwrap();
    std::fs::write(dir.join("cut.sqlink"), &bytes[..bytes.len() / 2]).unwrap();
    let fresh = scratch("damaged-fresh");
    let (code, _, err) = bundle(&fresh, &dir, &["import", "flipped.sqlink"]);
    assert_eq!(code, Some(1));
    assert!(err.starts_with("sqlink bundle: flipped.sqlink: the file for ") && err.trim_end().ends_with("does not have that hash: it was changed or damaged"), "{err}");
    let (code, _, err) = bundle(&fresh, &dir, &["import", "cut.sqlink"]);
    assert_eq!((code, err.trim()), (Some(1), "sqlink bundle: cut.sqlink: the file is cut short"));
    let (code, _, err) = bundle(&fresh, &dir, &["import", "uuid.wasm"]);
    assert_eq!((code, err.trim()), (Some(1), "sqlink bundle: uuid.wasm: not a bundle export (it does not start with `sqlink-bundle-export 1`)"));
    assert_eq!(bundle(&fresh, &dir, &["list"]).1, "", "nothing was kept");
}
