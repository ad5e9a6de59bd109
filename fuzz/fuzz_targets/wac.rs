//! `.wac` composition files (`sqlink compose FILE.wac`), with the packages
//! they name found among the real components of dist/components: any text
//! composes or fails with an error that says where (FILE:LINE:COLUMN when
//! wac points at a place); it never panics.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sqlink_compose::wac::{Packages, compose};
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    let dir = std::env::temp_dir().join(format!("sqlink-fuzz-wac-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("fuzzed.wac");
    std::fs::write(&file, source).unwrap();
    // The repository's dist/, above whichever fuzz crate this is built in.
    let components = Path::new(env!("CARGO_MANIFEST_DIR")).ancestors().map(|d| d.join("dist/components")).find(|d| d.is_dir()).expect("dist/components (make build)");
    let packages = Packages { dir: Some(components), files: Default::default() };
    if let Err(e) = compose(&file, &packages) {
        assert!(e.0.contains("fuzzed.wac"), "an error that does not say where: {}", e.0);
    }
});
