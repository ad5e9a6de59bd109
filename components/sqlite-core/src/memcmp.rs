//! `memcmp` for SQLite: it compares every text and blob key with it, and
//! the one in Rust's wasm32-wasip2 libc (musl's) goes a byte at a time.
//! This one compares eight bytes at a time. Defining the symbol here keeps
//! the libc one out of the link.

use core::ptr::read_unaligned;

/// The C `memcmp`: the sign of the first differing byte of `a` and `b`
/// (as unsigned), over `n` bytes.
///
/// # Safety
/// `a` and `b` must be readable for `n` bytes.
#[cfg_attr(target_family = "wasm", unsafe(no_mangle))]
#[cfg_attr(not(target_family = "wasm"), allow(dead_code))]
pub unsafe extern "C" fn memcmp(a: *const u8, b: *const u8, n: usize) -> i32 {
    let mut i = 0;
    // Plain loops and loads only: a slice comparison would compile to a
    // call to this very function.
    while i + 8 <= n {
        // SAFETY: i + 8 <= n, and both are readable for n bytes.
        let (x, y) = unsafe { (read_unaligned(a.add(i).cast::<u64>()), read_unaligned(b.add(i).cast::<u64>())) };
        if x != y {
            // wasm is little-endian: the lowest set bit of the difference
            // is in the first byte that differs.
            i += ((x ^ y).trailing_zeros() / 8) as usize;
            break;
        }
        i += 8;
    }
    while i < n {
        // SAFETY: i < n.
        let (x, y) = unsafe { (*a.add(i), *b.add(i)) };
        if x != y {
            return i32::from(x) - i32::from(y);
        }
        i += 1;
    }
    0
}

#[cfg(test)]
mod tests {
    use super::memcmp;

    fn sign(a: &[u8], b: &[u8]) -> i32 {
        assert_eq!(a.len(), b.len());
        unsafe { memcmp(a.as_ptr(), b.as_ptr(), a.len()) }.signum()
    }

    #[test]
    fn orders_like_unsigned_bytes() {
        assert_eq!(sign(b"", b""), 0);
        assert_eq!(sign(b"abcdefghijk", b"abcdefghijk"), 0);
        assert_eq!(sign(b"abcdefghijk", b"abcdefghijl"), -1);
        assert_eq!(sign(b"abcdefgh", b"abcdefgg"), 1);
        // The first difference decides, wherever it is in a word.
        assert_eq!(sign(b"a\x01cdefgh\x00", b"a\x00cdefgh\xff"), 1);
        assert_eq!(sign(b"\x7f_______", b"\x80_______"), -1);
        assert_eq!(sign(b"0123456789abcdef\xff", b"0123456789abcdef\x00"), 1);
    }
}
