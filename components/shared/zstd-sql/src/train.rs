//! The `zstd_train_dict` aggregate: reservoir sampling of the rows, then
//! zstd's dictionary builder, as the reference's `dict_training.rs`.

use crate::args::{ArgError, CONSTRAINT_FUNCTION, get_f64, get_i64, sql_error};
use crate::chain::{Chain, Context as _};
use sqlink_sdk::{Error, Value};
use std::hash::{BuildHasher, Hasher};

/// The aggregate's state: None until the first row (whose arguments give
/// the sizes, as rusqlite's `Aggregate::init` reads them).
#[derive(Default)]
pub struct Trainer(Option<State>);

struct State {
    reservoir: Vec<Vec<u8>>,
    wanted_item_count: usize,
    total_count: usize,
    /// As the reference reads it on a 64-bit machine (`i64 as usize`).
    wanted_dict_size: u64,
    rng: u64,
}

impl State {
    /// A uniform index below `n` (n > 0), from a xorshift64* generator
    /// seeded with the system's randomness.
    fn below(&mut self, n: usize) -> usize {
        self.rng ^= self.rng >> 12;
        self.rng ^= self.rng << 25;
        self.rng ^= self.rng >> 27;
        let x = self.rng.wrapping_mul(0x2545_f491_4f6c_dd1d);
        ((x as u128 * n as u128) >> 64) as usize
    }
}

fn seed() -> u64 {
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_u64(0x9e37_79b9_7f4a_7c15);
    h.finish() | 1
}

impl Trainer {
    /// One row: on the first, reads sample_count (a number) and dict_size
    /// (an integer); then keeps text or blob samples, a uniform random
    /// `sample_count` of them.
    pub fn step(&mut self, sample: &Value, dict_size: &Value, sample_count: &Value) -> Result<(), Error> {
        let state = match &mut self.0 {
            Some(state) => state,
            None => {
                let arg_error = |e: ArgError| Error::with_code(CONSTRAINT_FUNCTION, e.0);
                let wanted_item_count = get_f64(sample_count, 2).map_err(arg_error)? as usize;
                let wanted_dict_size = get_i64(dict_size, 1).map_err(arg_error)? as u64;
                self.0.insert(State { reservoir: Vec::new(), wanted_item_count, total_count: 0, wanted_dict_size, rng: seed() })
            }
        };
        let cur = match sample {
            Value::Blob(b) | Value::Text(b) => b,
            _ => return Ok(()),
        };
        let (i, k) = (state.total_count, state.wanted_item_count);
        state.total_count += 1;
        if i < k {
            state.reservoir.push(cur.clone());
            return Ok(());
        }
        let j = state.below(i);
        if j < k {
            state.reservoir[j] = cur.clone();
        }
        Ok(())
    }

    /// The trained dictionary, or the reference's errors: no rows, or
    /// zstd's (`Training dictionary failed` / `Caused by: ...`).
    pub fn finish(self) -> Result<Value, Error> {
        let state = self.0.ok_or_else(|| sql_error(Chain::msg("tried to train zstd dict on zero rows".into())))?;
        // The builder allocates the whole size up front: a size no Vec can
        // hold (a negative one reads as huge) would abort the reference.
        let Some(size) = usize::try_from(state.wanted_dict_size).ok().filter(|&s| s <= isize::MAX as usize) else {
            let why = Chain::msg(format!("dictionary size {} is too large", state.wanted_dict_size as i64));
            return Err(sql_error(why.context("Training dictionary failed")));
        };
        let dict = zstd::dict::from_samples(&state.reservoir, size)
            .context("Training dictionary failed")
            .map_err(sql_error)?;
        Ok(Value::Blob(dict))
    }
}
