//! The fuzz targets that load components (fuzz/checks/: load_extension,
//! values, hostile_manifests), each run on a fixed set of inputs. libFuzzer
//! builds them with wasmtime instrumented, which takes over 20 minutes on
//! two cores, so `make test`'s fuzz smoke run leaves them out; here the
//! same checks reuse the test build, each for a short, fixed time
//! ([`SECONDS`], and at least a fixed number of inputs). The inputs come
//! from a seeded generator, so every run tries the same ones first: the
//! components of dist/ whole and mutated, random bytes, and values and
//! manifests drawn from random bytes. Not a search (`make fuzz` is one,
//! guided by coverage): a check that each target's properties hold on
//! hundreds of inputs, every time the tests run.

use arbitrary::{Arbitrary, Unstructured};
use std::path::Path;
use std::time::{Duration, Instant};

/// How long each target runs (as libFuzzer's smoke runs in `make test`).
const SECONDS: u64 = 10;

/// Runs `one` (which says whether it made an input the target accepted)
/// until the time is up and at least `least` inputs were accepted.
fn for_a_while(least: usize, mut one: impl FnMut() -> bool) -> usize {
    let until = Instant::now() + Duration::from_secs(SECONDS);
    let (mut tried, mut accepted) = (0, 0);
    while accepted < least || Instant::now() < until {
        tried += 1;
        accepted += usize::from(one());
        assert!(tried < least * 100 || accepted > 0, "no input accepted in {tried} tries");
    }
    accepted
}

#[path = "../../../fuzz/checks/hostile_manifests.rs"]
mod hostile_manifests;
#[path = "../../../fuzz/checks/load_extension.rs"]
mod load_extension;
#[path = "../../../fuzz/checks/values.rs"]
mod values;

/// xorshift64*: the same inputs on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, max: usize) -> Vec<u8> {
        (0..self.below(max + 1)).map(|_| self.next() as u8).collect()
    }

    /// `seed` with a few of libFuzzer's kinds of change: bytes flipped or
    /// replaced, a range cut out or repeated, the end cut off.
    fn mutate(&mut self, seed: &[u8]) -> Vec<u8> {
        let mut v = seed.to_vec();
        for _ in 0..1 + self.below(4) {
            if v.is_empty() {
                break;
            }
            let at = self.below(v.len());
            match self.below(5) {
                0 => v[at] ^= 1 << self.below(8),
                1 => v[at] = self.next() as u8,
                2 => {
                    let end = (at + 1 + self.below(64)).min(v.len());
                    v.drain(at..end);
                }
                3 => {
                    let end = (at + 1 + self.below(64)).min(v.len());
                    let piece = v[at..end].to_vec();
                    v.splice(at..at, piece);
                }
                _ => v.truncate(at),
            }
        }
        v
    }
}

/// The smallest components of `dir`, at most `n` of them.
fn smallest_components(dir: &Path, n: usize) -> Vec<Vec<u8>> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e} (make build)", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .map(|p| (std::fs::metadata(&p).unwrap().len(), p))
        .collect();
    files.sort();
    files.into_iter().take(n).map(|(_, p)| std::fs::read(p).unwrap()).collect()
}

/// A value of `T` drawn from random bytes, if those bytes make one.
fn draw<T: for<'a> Arbitrary<'a>>(rng: &mut Rng, max: usize) -> Option<T> {
    let data = rng.bytes(max);
    T::arbitrary_take_rest(Unstructured::new(&data)).ok()
}

#[test]
fn the_fuzz_targets_that_load_components_hold_on_a_fixed_set_of_inputs() {
    // One test, so that each check's set-up (the fuzzer's init: an
    // environment variable) happens before another thread runs a check.
    load_extension::setup();
    values::setup();
    hostile_manifests::setup();
    let mut rng = Rng(0x5eed_5eed_5eed_5eed);

    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let seeds = smallest_components(&root.join("dist/test-extensions"), 6);
    for seed in &seeds {
        load_extension::run(seed);
    }
    let mut n = 0;
    for_a_while(50, || {
        n += 1;
        match n % 4 {
            0 => load_extension::run(&rng.bytes(256)),
            _ => load_extension::run(&rng.mutate(&seeds[n % seeds.len()])),
        }
        true
    });
    for_a_while(200, || draw::<Vec<values::V>>(&mut rng, 512).map(values::run).is_some());
    for_a_while(100, || draw::<hostile_manifests::Input>(&mut rng, 2048).map(hostile_manifests::run).is_some());
}
