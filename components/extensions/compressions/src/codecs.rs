//! The three compressions, as the reference runs them (same crates, same
//! parameters, same buffer sizes), behind one trait.

use std::io::{Read, Write};

/// A compression format: what `NAME(x[, level])`, `NAME_decode(b)` and
/// `NAME_test(b)` do with the bytes.
pub trait Codec {
    /// Compresses `data` at `level` (None: the default). Errors are the
    /// reference's messages.
    fn encode(data: &[u8], level: Option<u32>) -> Result<Vec<u8>, String>;
    /// Decompresses `data`; the error is the decoder's.
    fn decode(data: &[u8]) -> Result<Vec<u8>, String>;
    /// Whether `data` decompresses (reading it to its end).
    fn test(data: &[u8]) -> bool;
}

/// Reads `decoder` to its end through a buffer of `N` bytes: true if it got
/// there without an error.
fn reads_to_end<const N: usize>(mut decoder: impl Read) -> bool {
    let mut buffer = [0u8; N];
    while let Ok(len) = decoder.read(&mut buffer) {
        if len == 0 {
            return true;
        }
    }
    false
}

/// gzip through flate2 (miniz_oxide): the default header (no name, mtime
/// 0, OS 255), levels 0-9, default 6.
pub struct Gzip;

impl Codec for Gzip {
    fn encode(data: &[u8], level: Option<u32>) -> Result<Vec<u8>, String> {
        let level = match level {
            Some(l) if l > 9 => return Err("The optional second argument to gzip() must be between 0 and 9".into()),
            Some(l) => flate2::Compression::new(l),
            None => flate2::Compression::default(),
        };
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
        encoder.write_all(data).map_err(|e| e.to_string())?;
        encoder.finish().map_err(|e| e.to_string())
    }

    fn decode(data: &[u8]) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(data).read_to_end(&mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }

    fn test(data: &[u8]) -> bool {
        reads_to_end::<1024>(flate2::read::GzDecoder::new(data))
    }
}

/// Brotli: quality 11 by default (the crate takes anything above as 11),
/// window 22, 4 KiB buffers.
pub struct Brotli;

impl Codec for Brotli {
    fn encode(data: &[u8], level: Option<u32>) -> Result<Vec<u8>, String> {
        let mut encoder = brotli::CompressorWriter::new(Vec::new(), 4 * 1024, level.unwrap_or(11), 22);
        encoder.write_all(data).map_err(|e| e.to_string())?;
        Ok(encoder.into_inner())
    }

    fn decode(data: &[u8]) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        brotli::Decompressor::new(data, 4 * 1024).read_to_end(&mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }

    fn test(data: &[u8]) -> bool {
        reads_to_end::<4096>(brotli::Decompressor::new(data, 4 * 1024))
    }
}

/// bzip2 (libbz2-rs-sys, a Rust port of libbzip2): levels 1-9, default 6.
pub struct Bzip2;

impl Codec for Bzip2 {
    fn encode(data: &[u8], level: Option<u32>) -> Result<Vec<u8>, String> {
        use bzip2::Compression;
        let level = match level {
            Some(l) if l < Compression::fast().level() || l > Compression::best().level() => {
                let (fast, best) = (Compression::fast().level(), Compression::best().level());
                return Err(format!("The optional second argument to bzip2() must be between {fast} and {best}"));
            }
            Some(l) => Compression::new(l),
            None => Compression::default(),
        };
        let mut encoder = bzip2::write::BzEncoder::new(Vec::new(), level);
        encoder.write_all(data).map_err(|e| e.to_string())?;
        encoder.finish().map_err(|e| e.to_string())
    }

    fn decode(data: &[u8]) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        bzip2::read::BzDecoder::new(data).read_to_end(&mut out).map_err(|e| e.to_string())?;
        Ok(out)
    }

    fn test(data: &[u8]) -> bool {
        reads_to_end::<1024>(bzip2::read::BzDecoder::new(data))
    }
}
