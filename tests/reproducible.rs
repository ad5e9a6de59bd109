//! Rebuilds are byte-identical: a second checkout, in another directory,
//! builds the wasm packages exactly as `make` does, and the extensions'
//! `.wasm` files equal those of this checkout (`make build` first); so do
//! the C extensions `make c-examples` builds (the C SDK's example and
//! fixtures, one through the sqlite3ext.h layer).
//!
//! The host crates that compile into components (`host/abi`, `host/sqlite`,
//! `host/naming`, `host/shell`) are reached through `components/shared/`,
//! inside the components workspace: cargo hashes the absolute path of a
//! dependency outside its workspace into symbol hashes, which would reorder
//! functions from one checkout directory to another.
//!
//! The checkout is a copy of the files git tracks, so nothing built here
//! leaks into it; its cargo target directory starts empty.

use sqlink_e2e::repo_root;
use std::path::{Path, PathBuf};
use std::process::Command;

/// What is compared, under the wasm target directory.
const BUILT: [&str; 5] = [
    "sqlink_sqlite_core.wasm",
    "sqlink-cli.wasm",
    "sqlink_ext_uuid.wasm",
    "sqlink_ext_crypto.wasm",
    "sqlink_ext_text.wasm",
];

const OUT: &str = "components/target/wasm32-wasip2/release";

/// C extensions built with the C SDK and its sqlite3ext.h layer (`make
/// c-examples`), compared too, under the checkout.
const C_BUILT: [&str; 3] =
    ["dist/examples/hello-c.wasm", "dist/test-extensions/c-surfaces.wasm", "dist/test-extensions/compat-surfaces.wasm"];

/// Copies the files git tracks in `from` to `to`, keeping symbolic links.
fn copy_checkout(from: &Path, to: &Path) {
    let listed = Command::new("git").args(["ls-files", "-z"]).current_dir(from).output().expect("git runs");
    assert!(listed.status.success(), "git ls-files failed: {}", String::from_utf8_lossy(&listed.stderr));
    for name in listed.stdout.split(|b| *b == 0).filter(|n| !n.is_empty()) {
        let rel = Path::new(std::str::from_utf8(name).expect("UTF-8 file names"));
        let (src, dst) = (from.join(rel), to.join(rel));
        std::fs::create_dir_all(dst.parent().expect("a parent")).unwrap();
        let meta = std::fs::symlink_metadata(&src).unwrap();
        if meta.file_type().is_symlink() {
            std::os::unix::fs::symlink(std::fs::read_link(&src).unwrap(), &dst).unwrap();
        } else {
            std::fs::copy(&src, &dst).unwrap();
        }
    }
}

#[test]
fn components_build_byte_identical_from_another_directory() {
    let root = repo_root();
    for file in BUILT {
        assert!(root.join(OUT).join(file).exists(), "{OUT}/{file} is not built: run `make build` first");
    }
    for file in C_BUILT {
        assert!(root.join(file).exists(), "{file} is not built: run `make c-examples` first");
    }
    // The second checkout uses this one's wit-bindgen (a tool, not an
    // output) rather than compiling it again.
    let wit_bindgen = root.join("target/tools/bin/wit-bindgen");
    assert!(wit_bindgen.exists(), "{} is missing: run `make c-sdk` first", wit_bindgen.display());
    let scratch: PathBuf = std::env::temp_dir().join(format!("sqlink-rebuild-{}", std::process::id()));
    let checkout = scratch.join("elsewhere/sqlink");
    copy_checkout(&root, &checkout);
    let status = Command::new("make")
        .args(["wasm-packages", "c-examples"])
        .arg(format!("WIT_BINDGEN={}", wit_bindgen.display()))
        .current_dir(&checkout)
        .env_remove("CARGO_TARGET_DIR")
        // Downloaded sources (python-stdnum's data, which isn's and iban's
        // build.rs read) come from this checkout's target/third-party/,
        // which `make build` filled: the copy has none and downloads nothing.
        .env("SQLINK_THIRD_PARTY", root.join("target/third-party"))
        .status()
        .expect("make runs");
    if !status.success() {
        let _ = std::fs::remove_dir_all(&scratch);
        panic!("the second checkout failed to build");
    }
    let mut differ = Vec::new();
    for file in BUILT {
        let here = std::fs::read(root.join(OUT).join(file)).unwrap();
        let there = std::fs::read(checkout.join(OUT).join(file)).unwrap();
        if here != there {
            differ.push(format!("{file}: {} bytes here, {} bytes there", here.len(), there.len()));
        }
    }
    for file in C_BUILT {
        let here = std::fs::read(root.join(file)).unwrap();
        let there = std::fs::read(checkout.join(file)).unwrap();
        if here != there {
            differ.push(format!("{file}: {} bytes here, {} bytes there", here.len(), there.len()));
        }
    }
    std::fs::remove_dir_all(&scratch).unwrap();
    assert!(differ.is_empty(), "rebuilds differ:\n{}", differ.join("\n"));
}
