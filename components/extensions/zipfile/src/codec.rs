//! Compression and checksums, through zlib as zipfile.c uses it: raw
//! deflate (no zlib header, 15-bit window) at level 9 with memLevel 8 and
//! the default strategy, one-shot inflate into a buffer of the declared
//! size, and CRC-32.

use flate2::{Compress, Compression, Decompress, FlushCompress, FlushDecompress, Status};

/// The CRC-32 of `data`, as zlib's `crc32(0, data, len)`.
pub fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

/// `data` deflated as zipfile.c's `zipfileDeflate` does.
///
/// # Errors
/// zipfile.c's message when zlib fails, `zipfile: deflate() error`.
pub fn deflate(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut stream = Compress::new(Compression::new(9), false);
    // deflateBound's estimate, so that one call usually does it.
    let mut out = Vec::with_capacity(data.len() + data.len() / 1000 + 64);
    loop {
        let consumed = stream.total_in() as usize;
        match stream.compress_vec(&data[consumed..], &mut out, FlushCompress::Finish) {
            Ok(Status::StreamEnd) => return Ok(out),
            Ok(_) => out.reserve(out.capacity().max(64)),
            Err(_) => return Err("zipfile: deflate() error".into()),
        }
    }
}

/// Inflates raw deflate data into exactly `size` bytes, as zipfile.c's
/// `zipfileInflate` does with one `inflate()` call; a stream that ends
/// before filling them leaves zeros (zipfile.c leaves whatever its buffer
/// held).
///
/// # Errors
/// zipfile.c's message with zlib's return code, `inflate() failed (N)`:
/// -3 for corrupt data, 0 when the data does not end within `size` bytes
/// (or is cut short after some output), -5 when nothing could be done.
pub fn inflate(raw: &[u8], size: usize) -> Result<Vec<u8>, String> {
    let mut stream = Decompress::new(false);
    let mut out = vec![0; size];
    let code = match stream.decompress(raw, &mut out, FlushDecompress::None) {
        Ok(Status::StreamEnd) => return Ok(out),
        Ok(Status::Ok) => 0,
        Ok(Status::BufError) => -5,
        Err(_) => -3,
    };
    Err(format!("inflate() failed ({code})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deflate_gives_zlibs_level_9_bytes() {
        // python3: zlib.compressobj(9, zlib.DEFLATED, -15, 8, 0) with zlib 1.2.13.
        assert_eq!(deflate(b"").unwrap(), [0x03, 0x00]);
        assert_eq!(deflate(b"hello").unwrap(), [0xcb, 0x48, 0xcd, 0xc9, 0xc9, 0x07, 0x00]);
        assert_eq!(deflate(&b"abc".repeat(100)).unwrap(), [0x4b, 0x4c, 0x4a, 0x4e, 0x1c, 0x45, 0xc4, 0x21, 0x00]);
    }

    #[test]
    fn inflate_fills_the_declared_size_or_says_why_not() {
        let data = b"the quick brown fox jumps over the lazy dog".repeat(20);
        let raw = deflate(&data).unwrap();
        assert_eq!(inflate(&raw, data.len()).unwrap(), data);
        assert_eq!(inflate(&raw, data.len() - 1).unwrap_err(), "inflate() failed (0)");
        assert_eq!(inflate(&raw[..raw.len() / 2], data.len()).unwrap_err(), "inflate() failed (0)");
        assert_eq!(inflate(&[], 5).unwrap_err(), "inflate() failed (-5)");
        assert_eq!(inflate(&[0xff, 0xff, 0xff], 5).unwrap_err(), "inflate() failed (-3)");
        let mut longer = inflate(&raw, data.len() + 3).unwrap();
        assert_eq!(longer.split_off(data.len()), [0, 0, 0]);
        assert_eq!(crc32(b"hello"), 0x3610_a686);
    }
}
