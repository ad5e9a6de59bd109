//! What every check that loads components shares: where dist/ is, and the
//! fuzzer's set-up.

/// The repository (the directory holding dist/), from the crate that
/// includes the check (fuzz/, or host/runtime for its smoke test).
#[allow(dead_code)] // not every check reads dist/ itself
pub fn repo_root() -> &'static std::path::Path {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().find(|d| d.join("dist").is_dir()).expect("dist/ above this crate (make build)")
}

/// What the fuzzer does once, first: no compiled-code cache (every input
/// would add an entry to it).
pub fn setup() {
    // SAFETY: called before any thread of ours starts.
    unsafe { std::env::set_var("SQLINK_CACHE_DIR", "/dev/null/sqlink-fuzz") };
}
