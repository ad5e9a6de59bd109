//! The functions `make bench` measures, written once: the wasm `bench`
//! extension and the native baseline both call these.

use std::cmp::Ordering;

/// Characters in UTF-8 text (what SQLite's `length()` counts).
pub fn char_length(text: &[u8]) -> i64 {
    text.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as i64
}

/// Twice an integer, wrapping: the cheapest possible function, to show
/// the cost of the call itself.
pub fn twice(x: i64) -> i64 {
    x.wrapping_mul(2)
}

/// A running sum of reals.
#[derive(Default, Debug, Clone, Copy)]
pub struct Sum {
    pub total: f64,
}

impl Sum {
    pub fn add(&mut self, x: f64) {
        self.total += x;
    }
}

/// ASCII case-insensitive order, like SQLite's NOCASE.
pub fn nocase_cmp(a: &[u8], b: &[u8]) -> Ordering {
    a.iter().map(u8::to_ascii_lowercase).cmp(b.iter().map(u8::to_ascii_lowercase))
}

/// A sort key whose bytewise order is [`nocase_cmp`]'s.
pub fn nocase_key(text: &[u8]) -> Vec<u8> {
    text.to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn functions_agree_with_sqlite() {
        assert_eq!(char_length("héllo".as_bytes()), 5);
        assert_eq!(nocase_cmp(b"ABC", b"abd"), Ordering::Less);
        assert_eq!(nocase_key(b"AbC"), b"abc");
        let mut s = Sum::default();
        s.add(1.5);
        s.add(2.0);
        assert_eq!(s.total, 3.5);
    }
}
