//! The contract's inline form of short text and blobs (`short-bytes` in
//! `wit/extension/types.wit`): up to [`SHORT`] bytes carried in three 64-bit
//! words, so a hot call passes them in registers and neither side allocates.
//!
//! Every party to a call (the native host, `sqlite-core`, routers and the
//! SDK) packs and unpacks with this crate, so the byte order is written once.
//! Whether a value travels inline depends only on its length: anything of at
//! most [`SHORT`] bytes always does. Unpacking never trusts the other side:
//! a length over [`SHORT`] is refused rather than read past.

#![no_std]

/// The most bytes a value may have to travel inline.
pub const SHORT: usize = 24;

/// Up to [`SHORT`] bytes, held by value: the unpacked form of `short-bytes`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Inline {
    len: u8,
    bytes: [u8; SHORT],
}

impl Inline {
    /// `bytes` held inline, or `None` when it is longer than [`SHORT`].
    #[inline]
    pub fn new(bytes: &[u8]) -> Option<Inline> {
        if bytes.len() > SHORT {
            return None;
        }
        let mut held = [0u8; SHORT];
        held[..bytes.len()].copy_from_slice(bytes);
        Some(Inline { len: bytes.len() as u8, bytes: held })
    }

    /// The value carried by `short-bytes { len, w0, w1, w2 }`, or `None`
    /// when `len` is over [`SHORT`] (the sender broke the contract).
    #[inline]
    pub fn from_words(len: u8, words: [u64; 3]) -> Option<Inline> {
        if len as usize > SHORT {
            return None;
        }
        let mut bytes = [0u8; SHORT];
        for (chunk, word) in bytes.chunks_exact_mut(8).zip(words) {
            chunk.copy_from_slice(&word.to_le_bytes());
        }
        // Bytes past `len` are zero by contract; clear them anyway so equal
        // values compare equal whatever the sender left there.
        bytes[len as usize..].fill(0);
        Some(Inline { len, bytes })
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
