//! Binary diffs: bsdiff 4.x (qbsdiff) and the bsdiff crate's raw format.

use std::io::Cursor;

/// A patch format: `diff(source, target)` makes a patch, `patch(source,
/// patch)` gives target back.
pub trait Differ {
    fn diff(source: &[u8], target: &[u8]) -> Result<Vec<u8>, String>;
    fn patch(source: &[u8], patch: &[u8]) -> Result<Vec<u8>, String>;
}

/// bsdiff 4.x (`BSDIFF40`, bzip2-compressed control, diff and extra
/// blocks), by qbsdiff.
pub struct Bsdiff4;

impl Differ for Bsdiff4 {
    fn diff(source: &[u8], target: &[u8]) -> Result<Vec<u8>, String> {
        let mut patch = Vec::new();
        qbsdiff::Bsdiff::new(source, target).compare(Cursor::new(&mut patch)).map_err(|e| e.to_string())?;
        Ok(patch)
    }

    fn patch(source: &[u8], patch: &[u8]) -> Result<Vec<u8>, String> {
        let mut target = Vec::new();
        qbsdiff::Bspatch::new(patch)
            .and_then(|patch| patch.apply(source, Cursor::new(&mut target)))
            .map_err(|e| e.to_string())?;
        Ok(target)
    }
}

/// The bsdiff crate's raw format: no magic, no compression.
pub struct BsdiffRaw;

impl Differ for BsdiffRaw {
    fn diff(source: &[u8], target: &[u8]) -> Result<Vec<u8>, String> {
        let mut patch = Vec::new();
        bsdiff::diff(source, target, &mut patch).map_err(|e| e.to_string())?;
        Ok(patch)
    }

    fn patch(source: &[u8], patch: &[u8]) -> Result<Vec<u8>, String> {
        let mut target = Vec::new();
        bsdiff::patch(source, &mut Cursor::new(patch), &mut target).map_err(|e| e.to_string())?;
        Ok(target)
    }
}
