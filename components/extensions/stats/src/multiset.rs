//! A sorted multiset of reals with fast insertion, removal and access by
//! rank: the order-statistics structure behind percentiles over window
//! frames.

use std::cmp::Ordering;

/// Chunks are split when they grow past this many values.
const MAX_CHUNK: usize = 1024;
/// Chunks smaller than this are merged with a neighbour when they fit.
const MIN_CHUNK: usize = MAX_CHUNK / 4;

/// A sorted list of reals kept as a list of sorted chunks (each at most
/// [`MAX_CHUNK`] long), so inserting or removing one value moves at most a
/// chunk's worth of memory and finding the k-th value walks the chunk
/// lengths: O(√n)-ish per operation with small constants, and O(1) chunks
/// for the typical small window frame.
///
/// Values are ordered by [`f64::total_cmp`], so -0.0 and 0.0 are distinct
/// and removing a value removes exactly the bits that were inserted.
#[derive(Debug, Default, Clone)]
pub struct SortedMultiset {
    chunks: Vec<Vec<f64>>,
    len: usize,
}

fn less(a: f64, b: f64) -> bool {
    a.total_cmp(&b) == Ordering::Less
}

impl SortedMultiset {
    /// Builds the multiset from values in any order.
    pub fn from_unsorted(mut values: Vec<f64>) -> Self {
        values.sort_unstable_by(f64::total_cmp);
        let len = values.len();
        let chunks = values.chunks(MAX_CHUNK / 2).map(<[f64]>::to_vec).collect();
        SortedMultiset { chunks, len }
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The index of the first chunk whose largest value is not below `x`.
    fn chunk_for(&self, x: f64) -> usize {
        self.chunks
            .partition_point(|c| less(*c.last().expect("chunks are never empty"), x))
    }

    /// Adds one value.
    pub fn insert(&mut self, x: f64) {
        self.len += 1;
        if self.chunks.is_empty() {
            self.chunks.push(vec![x]);
            return;
        }
        let idx = self.chunk_for(x).min(self.chunks.len() - 1);
        let chunk = &mut self.chunks[idx];
        let pos = chunk.partition_point(|&y| !less(x, y));
        chunk.insert(pos, x);
        if chunk.len() > MAX_CHUNK {
            let tail = chunk.split_off(chunk.len() / 2);
            self.chunks.insert(idx + 1, tail);
        }
    }

    /// Adds many values at once.
    pub fn extend(&mut self, values: Vec<f64>) {
        if values.len() > 64 && values.len() * 4 > self.len {
            // Cheaper to rebuild than to insert one at a time.
            let mut all: Vec<f64> = std::mem::take(&mut self.chunks)
                .into_iter()
                .flatten()
                .collect();
            all.extend(values);
            *self = SortedMultiset::from_unsorted(all);
        } else {
            values.into_iter().for_each(|x| self.insert(x));
        }
    }

    /// Removes one occurrence of `x`; false if there is none.
    pub fn remove(&mut self, x: f64) -> bool {
        let idx = self.chunk_for(x);
        let Some(chunk) = self.chunks.get_mut(idx) else {
            return false;
        };
        let pos = chunk.partition_point(|&y| less(y, x));
        if pos == chunk.len() || chunk[pos].total_cmp(&x) != Ordering::Equal {
            return false;
        }
        chunk.remove(pos);
        self.len -= 1;
        let size = chunk.len();
        if size == 0 {
            self.chunks.remove(idx);
        } else if size < MIN_CHUNK {
            // Merge with the smaller neighbour if the result stays small.
            let neighbour = [
                idx.checked_sub(1),
                Some(idx + 1).filter(|&j| j < self.chunks.len()),
            ]
            .into_iter()
            .flatten()
            .min_by_key(|&j| self.chunks[j].len());
            if let Some(j) = neighbour
                && self.chunks[j].len() + size <= MAX_CHUNK
            {
                let (left, right) = if j < idx { (j, idx) } else { (idx, j) };
                let moved = self.chunks.remove(right);
                self.chunks[left].extend(moved);
            }
        }
        true
    }

    /// The value of rank `k` (0-based) in ascending order.
    #[cfg(test)]
    pub fn get(&self, mut k: usize) -> Option<f64> {
        for chunk in &self.chunks {
            if k < chunk.len() {
                return Some(chunk[k]);
            }
            k -= chunk.len();
        }
        None
    }

    /// The values of ranks `k` and `k + 1` (the second when it exists).
    pub fn get_pair(&self, mut k: usize) -> Option<(f64, Option<f64>)> {
        for (i, chunk) in self.chunks.iter().enumerate() {
            if k < chunk.len() {
                let next = chunk
                    .get(k + 1)
                    .copied()
                    .or_else(|| self.chunks.get(i + 1).map(|c| c[0]));
                return Some((chunk[k], next));
            }
            k -= chunk.len();
        }
        None
    }

    /// All values in ascending order.
    #[cfg(test)]
    pub fn to_vec(&self) -> Vec<f64> {
        self.chunks.iter().flatten().copied().collect()
    }

    #[cfg(test)]
    fn check_invariants(&self) {
        assert_eq!(self.len, self.chunks.iter().map(Vec::len).sum::<usize>());
        assert!(
            self.chunks
                .iter()
                .all(|c| !c.is_empty() && c.len() <= MAX_CHUNK)
        );
        let all = self.to_vec();
        assert!(all.windows(2).all(|w| !less(w[1], w[0])), "not sorted");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift) for reproducible tests.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn keeps_values_sorted_with_duplicates() {
        let mut s = SortedMultiset::default();
        for x in [5.0, 1.0, 3.0, 3.0, -2.0, 0.0, -0.0, 3.0] {
            s.insert(x);
        }
        assert_eq!(s.to_vec(), vec![-2.0, -0.0, 0.0, 1.0, 3.0, 3.0, 3.0, 5.0]);
        assert!(s.to_vec()[1].is_sign_negative() && s.to_vec()[2].is_sign_positive());
        assert_eq!(s.get(4), Some(3.0));
        assert_eq!(s.get_pair(7), Some((5.0, None)));
        assert_eq!(s.get(8), None);
        assert!(s.remove(3.0));
        assert!(s.remove(-0.0));
        assert!(!s.remove(4.0));
        assert_eq!(s.to_vec(), vec![-2.0, 0.0, 1.0, 3.0, 3.0, 5.0]);
        assert!(s.to_vec()[1].is_sign_positive());
        assert_eq!(s.len(), 6);
    }

    #[test]
    fn random_operations_match_a_sorted_vector() {
        let mut rng = Rng(0x9e3779b97f4a7c15);
        let mut s = SortedMultiset::default();
        let mut model: Vec<f64> = Vec::new();
        for step in 0..60_000 {
            let r = rng.next();
            // Grow for a while, then shrink, so chunks split and merge.
            let grow = if step < 30_000 {
                !r.is_multiple_of(4)
            } else {
                r.is_multiple_of(4)
            };
            if grow || model.is_empty() {
                let x = (rng.next() % 500) as f64 / 4.0;
                s.insert(x);
                let pos = model.partition_point(|&y| y <= x);
                model.insert(pos, x);
            } else {
                let x = model[(rng.next() % model.len() as u64) as usize];
                assert!(s.remove(x));
                let pos = model.iter().position(|&y| y == x).unwrap();
                model.remove(pos);
            }
            if step % 1000 == 0 {
                s.check_invariants();
                assert_eq!(s.to_vec(), model);
                for k in [0, model.len() / 3, model.len().saturating_sub(1)] {
                    assert_eq!(s.get(k), model.get(k).copied());
                    if k < model.len() {
                        assert_eq!(s.get_pair(k), Some((model[k], model.get(k + 1).copied())));
                    }
                }
            }
        }
        s.check_invariants();
        assert_eq!(s.to_vec(), model);
    }

    #[test]
    fn bulk_extend_equals_single_inserts() {
        let mut rng = Rng(42);
        let values: Vec<f64> = (0..5000).map(|_| (rng.next() % 1000) as f64).collect();
        let mut bulk = SortedMultiset::default();
        bulk.insert(500.5);
        bulk.extend(values.clone());
        bulk.check_invariants();
        let mut one = SortedMultiset::default();
        one.insert(500.5);
        values.iter().for_each(|&x| one.insert(x));
        one.check_invariants();
        assert_eq!(bulk.to_vec(), one.to_vec());
        assert_eq!(bulk.len(), 5001);
        assert!(!bulk.is_empty());
    }
}
