//! The contract's inline form of short text and blobs (`short-bytes` in
//! `wit/extension/types.wit`): up to [`SHORT`] bytes carried in three 64-bit
//! words, so a hot call passes them in registers and neither side allocates.
//!
//! [`batch`] holds the other shared encoding: rows of a virtual table scan
//! as three flat lists.
//!
//! Every party to a call (the native host, `sqlite-core`, routers and the
//! SDK) packs and unpacks with this crate, so the byte order is written once.
//! Whether a value travels inline depends only on its length: anything of at
//! most [`SHORT`] bytes always does. Unpacking never trusts the other side:
//! a length over [`SHORT`] is refused rather than read past.

#![no_std]

extern crate alloc;

pub mod batch;

/// The most bytes a value may have to travel inline.
pub const SHORT: usize = 24;

/// Up to [`SHORT`] bytes, held by value: the unpacked form of `short-bytes`.
///
/// Built and read without copies of variable length: in wasm such a copy
/// is a `memory.copy`, which the runtime serves with a call out of the
/// guest, several times dearer than the few loads and stores used here.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Inline {
    len: u8,
    /// The bytes, zero past `len`.
    bytes: [u8; SHORT],
}

/// Up to 8 bytes as a little-endian word, zero above them, read with at
/// most three loads whatever the length.
#[inline]
fn load_partial(b: &[u8]) -> u64 {
    let n = b.len();
    match n {
        0 => 0,
        1..=3 => b[0] as u64 | (b[n / 2] as u64) << (8 * (n / 2)) | (b[n - 1] as u64) << (8 * (n - 1)),
        4..=7 => {
            let lo = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64;
            let hi = u32::from_le_bytes([b[n - 4], b[n - 3], b[n - 2], b[n - 1]]) as u64;
            lo | hi << (8 * (n - 4))
        }
        _ => u64::from_le_bytes([b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7]]),
    }
}

impl Inline {
    /// `bytes` held inline, or `None` when it is longer than [`SHORT`].
    #[inline]
    pub fn new(bytes: &[u8]) -> Option<Inline> {
        let n = bytes.len();
        if n > SHORT {
            return None;
        }
        let word = |i: usize| if n > 8 * i { load_partial(&bytes[8 * i..n.min(8 * i + 8)]) } else { 0 };
        Some(Inline::from_clean_words(n as u8, [word(0), word(1), word(2)]))
    }

    /// The value carried by `short-bytes { len, w0, w1, w2 }`, or `None`
    /// when `len` is over [`SHORT`] (the sender broke the contract).
    #[inline]
    pub fn from_words(len: u8, words: [u64; 3]) -> Option<Inline> {
        if len as usize > SHORT {
            return None;
        }
        // Bytes past `len` are zero by contract; clear them anyway so equal
        // values compare equal whatever the sender left there.
        let mask = |i: usize| match (len as usize).saturating_sub(8 * i) {
            0 => 0,
            n @ 1..=7 => (1u64 << (8 * n)) - 1,
            _ => u64::MAX,
        };
        Some(Inline::from_clean_words(len, [words[0] & mask(0), words[1] & mask(1), words[2] & mask(2)]))
    }

    fn from_clean_words(len: u8, [w0, w1, w2]: [u64; 3]) -> Inline {
        let mut bytes = [0u8; SHORT];
        bytes[0..8].copy_from_slice(&w0.to_le_bytes());
        bytes[8..16].copy_from_slice(&w1.to_le_bytes());
        bytes[16..24].copy_from_slice(&w2.to_le_bytes());
        Inline { len, bytes }
    }

    /// The length and three words of `short-bytes`.
    #[inline]
    pub fn words(&self) -> (u8, [u64; 3]) {
        let word = |i: usize| u64::from_le_bytes(self.bytes[i * 8..i * 8 + 8].try_into().expect("8 bytes"));
        (self.len, [word(0), word(1), word(2)])
    }

    /// The bytes held.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        &self.bytes[..self.len as usize]
    }

    /// All [`SHORT`] bytes, zero past the length: what to copy (a copy of
    /// fixed size, then cut to [`Inline::as_bytes`]'s length) when the bytes
    /// must go into a buffer.
    #[inline]
    pub fn padded(&self) -> &[u8; SHORT] {
        &self.bytes
    }
}

impl core::fmt::Debug for Inline {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "Inline({:?})", self.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_up_to_24_round_trips_through_words() {
        let source: [u8; SHORT] = core::array::from_fn(|i| 0xf0 ^ i as u8);
        for n in 0..=SHORT {
            let inline = Inline::new(&source[..n]).unwrap();
            let (len, words) = inline.words();
            assert_eq!(len as usize, n);
            assert_eq!(Inline::from_words(len, words).unwrap().as_bytes(), &source[..n]);
        }
    }

    #[test]
    fn every_length_and_offset_reads_the_right_bytes() {
        let source: [u8; 40] = core::array::from_fn(|i| (i as u8).wrapping_mul(37).wrapping_add(1));
        for start in 0..8 {
            for n in 0..=SHORT {
                let slice = &source[start..start + n];
                let inline = Inline::new(slice).unwrap();
                assert_eq!(inline.as_bytes(), slice, "{start} {n}");
                assert!(inline.padded()[n..].iter().all(|&b| b == 0), "{start} {n}");
            }
        }
    }

    #[test]
    fn words_are_little_endian_and_zero_padded() {
        let (len, words) = Inline::new(b"abcdefghij").unwrap().words();
        assert_eq!(len, 10);
        assert_eq!(words, [u64::from_le_bytes(*b"abcdefgh"), u64::from_le_bytes(*b"ij\0\0\0\0\0\0"), 0]);
    }

    #[test]
    fn longer_values_do_not_go_inline() {
        assert!(Inline::new(&[7u8; 25]).is_none());
        assert!(Inline::from_words(25, [0; 3]).is_none());
        assert!(Inline::from_words(255, [u64::MAX; 3]).is_none());
    }

    #[test]
    fn garbage_past_the_length_is_ignored() {
        let a = Inline::from_words(2, [u64::MAX, u64::MAX, u64::MAX]).unwrap();
        assert_eq!(a.as_bytes(), &[0xff, 0xff]);
        assert_eq!(a, Inline::new(&[0xff, 0xff]).unwrap());
    }
}
