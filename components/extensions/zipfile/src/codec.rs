//! Compression and checksums, through zlib as zipfile.c uses it: raw
//! deflate (no zlib header, 15-bit window) at level 9 with memLevel 8 and
//! the default strategy, one-shot inflate into a buffer of the declared
//! size, and CRC-32.

use libz_sys as z;
use std::ffi::c_int;
use std::mem::{MaybeUninit, size_of};

/// The CRC-32 of `data`, as zlib's `crc32(0, data, len)`.
pub fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

/// A zeroed `z_stream`, as zlib's examples start one: null `zalloc` and
/// `zfree` (zlib's own allocator). Kept as `MaybeUninit` and only handed to
/// zlib by pointer, as those fields' Rust types cannot be null.
fn new_stream() -> Box<MaybeUninit<z::z_stream>> {
    Box::new(MaybeUninit::zeroed())
}

/// `data` deflated as zipfile.c's `zipfileDeflate` does.
///
/// zlib is called directly (through libz-sys) rather than through flate2:
/// flate2 chooses one backend for the whole build, and the compressions
/// extension needs its pure-Rust one for gzip()'s bytes.
///
/// # Errors
/// zipfile.c's message when zlib fails, `zipfile: deflate() error`.
pub fn deflate(data: &[u8]) -> Result<Vec<u8>, String> {
    let fail = || "zipfile: deflate() error".to_string();
    let mut stream = new_stream();
    let strm = stream.as_mut_ptr();
    // SAFETY: `strm` points to a zeroed z_stream that zlib initializes and
    // owns until deflateEnd; the input and output buffers outlive every
    // call that uses them, and their lengths fit zlib's uInt (checked).
    unsafe {
        let version = z::zlibVersion();
        if z::deflateInit2_(strm, 9, z::Z_DEFLATED, -15, 8, z::Z_DEFAULT_STRATEGY, version, size_of::<z::z_stream>() as c_int) != z::Z_OK {
            return Err(fail());
        }
        let bound = z::deflateBound(strm, data.len() as z::uLong) as usize;
        let mut out: Vec<u8> = Vec::with_capacity(bound);
        let ok = u32::try_from(data.len()).is_ok() && u32::try_from(bound).is_ok() && {
            (*strm).next_in = data.as_ptr() as *mut u8;
            (*strm).avail_in = data.len() as z::uInt;
            (*strm).next_out = out.as_mut_ptr();
            (*strm).avail_out = bound as z::uInt;
            z::deflate(strm, z::Z_FINISH) == z::Z_STREAM_END
        };
        if ok {
            out.set_len(bound - (*strm).avail_out as usize);
        }
        z::deflateEnd(strm);
        if ok { Ok(out) } else { Err(fail()) }
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
    let mut out = vec![0; size];
    let mut stream = new_stream();
    let strm = stream.as_mut_ptr();
    // SAFETY: as in `deflate`; zlib writes at most `avail_out` bytes into
    // `out`.
    let code = unsafe {
        let version = z::zlibVersion();
        if z::inflateInit2_(strm, -15, version, size_of::<z::z_stream>() as c_int) != z::Z_OK {
            return Err(format!("inflate() failed ({})", z::Z_MEM_ERROR));
        }
        (*strm).next_in = raw.as_ptr() as *mut u8;
        (*strm).avail_in = raw.len().min(u32::MAX as usize) as z::uInt;
        (*strm).next_out = out.as_mut_ptr();
        (*strm).avail_out = size.min(u32::MAX as usize) as z::uInt;
        let code = z::inflate(strm, z::Z_NO_FLUSH);
        z::inflateEnd(strm);
        code
    };
    if code == z::Z_STREAM_END {
        return Ok(out);
    }
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
