//! `sqlink hash FILE...`: the blake3 of files, as sqlink names content
//! (bundles and the cache key components by it). Prints `HASH  FILE` lines,
//! as `b3sum` does.

/// Runs `sqlink hash ARGS`; returns the exit status.
pub fn main(files: &[String]) -> i32 {
    if files.is_empty() || files.iter().any(|f| f == "--help" || f == "-h") {
        eprintln!("Usage: sqlink hash FILE...\nPrints the blake3 hash of each file, as b3sum does.");
        return if files.is_empty() { 2 } else { 0 };
    }
    let mut status = 0;
    for file in files {
        match std::fs::read(file) {
            Ok(bytes) => println!("{}  {file}", blake3::hash(&bytes).to_hex()),
            Err(e) => {
                eprintln!("sqlink hash: {file}: {e}");
                status = 1;
            }
        }
    }
    status
}
