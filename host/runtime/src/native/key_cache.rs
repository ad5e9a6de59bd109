//! Sort keys of a keyed collation, cached so a sort asks the extension once
//! per distinct text and otherwise compares keys natively.
//!
//! A sort looks up two texts per comparison among all the distinct texts
//! of the column, so what a lookup costs is mostly memory it misses in the
//! CPU's caches. Texts and keys of up to 24 bytes are therefore held in the
//! map's own slots rather than behind a pointer each. (An address-indexed
//! table in front of the map, so that records the sorter passes again need
//! no hashing, measured no faster on `make bench` (d).)

use crate::error::Error;
use sqlink_abi::Inline;
use std::borrow::Borrow;
use std::cmp::Ordering;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// Bytes held in place when short, on the heap when not.
enum Held {
    Inline(Inline),
    Heap(Box<[u8]>),
}

impl Held {
    fn new(bytes: &[u8]) -> Held {
        Inline::new(bytes).map_or_else(|| Held::Heap(bytes.into()), Held::Inline)
    }

    fn as_bytes(&self) -> &[u8] {
        match self {
            Held::Inline(i) => i.as_bytes(),
            Held::Heap(b) => b,
        }
    }
}

impl Borrow<[u8]> for Held {
    fn borrow(&self) -> &[u8] {
        self.as_bytes()
    }
}

// Hashes and compares as its bytes, so the map can be searched by `&[u8]`.
impl Hash for Held {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state)
    }
}

impl PartialEq for Held {
    fn eq(&self, other: &Held) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Held {}

/// Bytes of texts and keys cached before the cache starts over.
const CACHE_BYTES: usize = 32 << 20;

/// Sort keys by text.
#[derive(Default)]
pub(crate) struct KeyCache {
    keys: HashMap<Held, Held, foldhash::fast::RandomState>,
    bytes: usize,
}

impl KeyCache {
    fn ensure(&mut self, text: &[u8], compute: &mut impl FnMut(&[u8]) -> Result<Vec<u8>, Error>) -> Result<(), Error> {
        if self.keys.contains_key(text) {
            return Ok(());
        }
        let key = compute(text)?;
        if self.bytes + text.len() + key.len() > CACHE_BYTES {
            self.keys.clear();
            self.bytes = 0;
        }
        self.bytes += text.len() + key.len();
        self.keys.insert(Held::new(text), Held::new(&key));
        Ok(())
    }

    /// Orders two texts by their keys, computing those not cached yet.
    pub(crate) fn compare(&mut self, a: &[u8], b: &[u8], mut compute: impl FnMut(&[u8]) -> Result<Vec<u8>, Error>) -> Result<Ordering, Error> {
        // During a sort nearly every text is cached already: two lookups.
        if let (Some(ka), Some(kb)) = (self.keys.get(a), self.keys.get(b)) {
            return Ok(ka.as_bytes().cmp(kb.as_bytes()));
        }
        self.ensure(a, &mut compute)?;
        self.ensure(b, &mut compute)?;
        // Both were just ensured; a restart between the two could only drop
        // `a` if the cache overflowed on `b`, so fall back to computing.
        match (self.keys.get(a), self.keys.get(b)) {
            (Some(ka), Some(kb)) => Ok(ka.as_bytes().cmp(kb.as_bytes())),
            _ => Ok(compute(a)?.cmp(&compute(b)?)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lower(calls: &std::cell::Cell<usize>) -> impl FnMut(&[u8]) -> Result<Vec<u8>, Error> + '_ {
        move |t: &[u8]| {
            calls.set(calls.get() + 1);
            Ok(t.to_ascii_lowercase())
        }
    }

    #[test]
    fn keys_are_computed_once_per_distinct_text() {
        let calls = std::cell::Cell::new(0);
        let mut cache = KeyCache::default();
        let (a, b, c) = (b"Apple".to_vec(), b"banana".to_vec(), b"APPLE".to_vec());
        assert_eq!(cache.compare(&a, &b, lower(&calls)).unwrap(), Ordering::Less);
        assert_eq!(cache.compare(&b, &a, lower(&calls)).unwrap(), Ordering::Greater);
        assert_eq!(cache.compare(&a, &c, lower(&calls)).unwrap(), Ordering::Equal);
        assert_eq!(calls.get(), 3);
        // The same text at another address is found through the map.
        let a2 = a.clone();
        assert_eq!(cache.compare(&a2, &b, lower(&calls)).unwrap(), Ordering::Less);
        assert_eq!(calls.get(), 3);
    }

    #[test]
    fn a_reused_address_with_other_text_is_not_mistaken_for_the_old_one() {
        let calls = std::cell::Cell::new(0);
        let mut cache = KeyCache::default();
        let mut buf = b"zebra".to_vec();
        let other = b"mango".to_vec();
        assert_eq!(cache.compare(&buf, &other, lower(&calls)).unwrap(), Ordering::Greater);
        // Same buffer, same length, new contents.
        buf.copy_from_slice(b"Aaron");
        assert_eq!(cache.compare(&buf, &other, lower(&calls)).unwrap(), Ordering::Less);
        buf.truncate(3);
        assert_eq!(cache.compare(&buf, &other, lower(&calls)).unwrap(), Ordering::Less);
    }

    #[test]
    fn starting_over_in_the_middle_of_a_comparison_still_orders_right() {
        let mut cache = KeyCache::default();
        let big = vec![b'x'; CACHE_BYTES / 2];
        let mut other = big.clone();
        other.push(b'y');
        // The second key overflows the cache and drops the first.
        let order = cache.compare(&big, &other, |t: &[u8]| Ok(t.to_vec())).unwrap();
        assert_eq!(order, Ordering::Less);
        assert_eq!(cache.keys.len(), 1, "the cache started over");
    }

    #[test]
    fn errors_computing_a_key_are_passed_on() {
        let mut cache = KeyCache::default();
        let err = cache.compare(b"a", b"b", |_: &[u8]| Err(Error::new("no key"))).unwrap_err();
        assert_eq!(err.message, "no key");
    }
}
