//! Every function called through the generated `sqlink_test`. Seeded
//! sequences are checked twice: against a from-scratch wyrand (the
//! algorithm of `fastrand` 1.9, the reference's crate) and against
//! `fastrand::Rng::with_seed` itself, called natively the way the
//! reference's functions call it.

use crate::fastrand_ext::sqlink_test::{call, manifest};
use sqlink_sdk::wit::types::FunctionFlags;
use sqlink_sdk::{Error, Value};

/// wyrand, written out: fastrand 1.9's `gen_u64`.
struct Wyrand(u64);

impl Wyrand {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0xA076_1D64_78BD_642F);
        let t = u128::from(self.0) * u128::from(self.0 ^ 0xE703_7ED1_A0B4_28DB);
        (t as u64) ^ (t >> 64) as u64
    }
}

fn c(name: &str, args: &[Value]) -> Value {
    call(name, args).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn err(name: &str, args: &[Value]) -> Error {
    call(name, args).unwrap_err()
}

fn int(v: Value) -> i64 {
    match v {
        Value::Integer(i) => i,
        other => panic!("not an integer: {other:?}"),
    }
}

fn text(v: Value) -> String {
    match v {
        Value::Text(t) => String::from_utf8(t).unwrap(),
        other => panic!("not text: {other:?}"),
    }
}

fn seed(n: i64) {
    assert_eq!(int(c("fastrand_seed_set", &[Value::Integer(n)])), 1);
}

#[test]
fn full_range_draws_are_wyrand_outputs() {
    seed(42);
    let mut w = Wyrand(42);
    assert_eq!(int(c("fastrand_int64", &[])), w.next() as i64);
    assert_eq!(int(c("fastrand_int", &[])), i64::from(w.next() as u32 as i32));
    assert_eq!(int(c("fastrand_int", &[Value::Null, Value::Null])), i64::from(w.next() as u32 as i32));
    let bits = w.next() >> 12;
    assert_eq!(c("fastrand_double", &[]), Value::Real(f64::from_bits((1 << 62) - (1 << 52) + bits) - 1.0));
    let want: Vec<u8> = (0..7).map(|_| w.next() as u8).collect();
    assert_eq!(c("fastrand_blob", &[Value::Integer(7)]), Value::Blob(want));
    assert_eq!(int(c("fastrand_bool", &[])), i64::from((w.next() as u8).is_multiple_of(2)));
    // The state is the seed plus one increment per draw, as text.
    assert_eq!(text(c("fastrand_seed_get", &[])), w.0.to_string());
    assert_eq!(w.0, 42u64.wrapping_add(12u64.wrapping_mul(0xA076_1D64_78BD_642F)));
}

#[test]
fn seeded_sequences_match_fastrand_1_9() {
    for s in [0i64, 1, 42, 7_777_777, i64::MAX] {
        seed(s);
        let rng = fastrand::Rng::with_seed(s as u64);
        for _ in 0..50 {
            assert_eq!(int(c("fastrand_int", &[Value::Integer(1), Value::Integer(100)])), i64::from(rng.i32(1..100)));
            assert_eq!(int(c("fastrand_int", &[Value::Integer(-5)])), i64::from(rng.i32(-5..)));
            assert_eq!(int(c("fastrand_int", &[Value::Null, Value::Integer(10)])), i64::from(rng.i32(..10)));
            assert_eq!(int(c("fastrand_int64", &[Value::Integer(-1000), Value::Integer(1000)])), rng.i64(-1000..1000));
            assert_eq!(int(c("fastrand_int64", &[Value::Integer(1 << 40)])), rng.i64((1 << 40)..));
            assert_eq!(int(c("fastrand_int64", &[Value::Null, Value::Integer(0)])), rng.i64(..0));
            assert_eq!(text(c("fastrand_alphabetic", &[])), rng.alphabetic().to_string());
            assert_eq!(text(c("fastrand_alphanumeric", &[])), rng.alphanumeric().to_string());
            assert_eq!(text(c("fastrand_lowercase", &[])), rng.lowercase().to_string());
            assert_eq!(text(c("fastrand_uppercase", &[])), rng.uppercase().to_string());
            assert_eq!(text(c("fastrand_digit", &[Value::Integer(16)])), rng.digit(16).to_string());
            assert_eq!(text(c("fastrand_digit", &[Value::Integer(35)])), rng.digit(35).to_string());
            assert_eq!(c("fastrand_double", &[]), Value::Real(rng.f64()));
            assert_eq!(int(c("fastrand_bool", &[])), i64::from(rng.bool()));
            let n = rng.get_seed() % 5;
            assert_eq!(c("fastrand_blob", &[Value::Integer(n as i64)]), Value::Blob((0..n).map(|_| rng.u8(..)).collect()));
        }
        assert_eq!(text(c("fastrand_seed_get", &[])), rng.get_seed().to_string());
    }
}

/// The values tests/shell/fastrand.sql expects after `fastrand_seed_set(1234)`.
#[test]
fn the_shell_scripts_seeded_values() {
    let rng = fastrand::Rng::with_seed(1234);
    assert_eq!(
        [rng.i32(..), rng.i32(0..100), rng.i32(0..100), rng.i32(0..100)],
        [-2_058_591_105, 95, 58, 84],
        "fastrand 1.9 with seed 1234"
    );
}

#[test]
fn arguments_read_as_the_reference_reads_them() {
    // Bounds keep their low 32 bits in fastrand_int; text gives its leading integer.
    seed(9);
    let rng = fastrand::Rng::with_seed(9);
    assert_eq!(int(c("fastrand_int", &[Value::Integer(4_294_967_296 + 3), Value::text("8 apples")])), i64::from(rng.i32(3..8)));
    assert_eq!(int(c("fastrand_int64", &[Value::Real(2.9), Value::Real(3.5)])), rng.i64(2..3));
    // NULL blob length is 0: an empty blob.
    assert_eq!(c("fastrand_blob", &[Value::Null]), Value::Blob(vec![]));
    // Seeds: NULL is 0, text its integer, negative refused.
    assert_eq!(int(c("fastrand_seed_set", &[Value::Null])), 1);
    assert_eq!(text(c("fastrand_seed_get", &[])), "0");
    assert_eq!(int(c("fastrand_seed_set", &[Value::text("77")])), 1);
    assert_eq!(text(c("fastrand_seed_get", &[])), "77");
    assert_eq!(err("fastrand_seed_set", &[Value::Integer(-1)]).message, "seed must be an usigned 64 bit integer: out of range integral type conversion attempted");
}

#[test]
fn errors_are_the_references() {
    assert_eq!(err("fastrand_int", &[Value::Integer(5), Value::Integer(5)]).message, "fuk");
    assert_eq!(err("fastrand_int64", &[Value::Integer(6), Value::Integer(5)]).message, "fuk");
    assert_eq!(err("fastrand_digit", &[Value::Integer(0)]).message, "base must be greater than 0 and less than 26");
    assert_eq!(err("fastrand_digit", &[Value::Integer(36)]).message, "base must be greater than 0 and less than 26");
    assert_eq!(err("fastrand_digit", &[Value::Null]).message, "base must be greater than 0 and less than 26");
    assert_eq!(err("fastrand_digit", &[Value::Integer(-1)]).message, "base must be an unsigned 32-bit integer: out of range integral type conversion attempted");
    assert_eq!(err("fastrand_digit", &[Value::Integer(1 << 32)]).message, "base must be an unsigned 32-bit integer: out of range integral type conversion attempted");
    // Where the reference panics: errors.
    assert_eq!(err("fastrand_int", &[Value::Null, Value::Integer(i64::from(i32::MIN))]).message, "fastrand_int(): no integer is below -2147483648");
    assert_eq!(err("fastrand_int64", &[Value::Null, Value::Integer(i64::MIN)]).message, "fastrand_int64(): no integer is below -9223372036854775808");
    assert_eq!(err("fastrand_blob", &[Value::Integer(-1)]).code, Error::RANGE);
    assert_eq!(err("fastrand_blob", &[Value::Integer(1_000_000_001)]).code, Error::TOOBIG);
    // From the largest value: only that value.
    assert_eq!(int(c("fastrand_int", &[Value::Integer(i64::from(i32::MAX))])), i64::from(i32::MAX));
    assert_eq!(int(c("fastrand_int64", &[Value::Integer(i64::MAX)])), i64::MAX);
}

#[test]
fn unseeded_generators_differ_and_stay_in_range() {
    for _ in 0..200 {
        let d = match c("fastrand_double", &[]) {
            Value::Real(r) => r,
            other => panic!("{other:?}"),
        };
        assert!((0.0..1.0).contains(&d));
        assert!(matches!(int(c("fastrand_bool", &[])), 0 | 1));
        assert!(text(c("fastrand_digit", &[Value::Integer(2)])) .as_str() < "2");
        assert!(text(c("fastrand_lowercase", &[])).chars().all(|ch| ch.is_ascii_lowercase()));
    }
    assert!(text(c("fastrand_version", &[])).starts_with('v'));
    assert_eq!(text(c("fastrand_debug", &[])).lines().count(), 2);
}

#[test]
fn manifest_names_arities_and_flags_as_the_reference() {
    let m = manifest();
    let mut got: Vec<(String, i32, FunctionFlags)> = m.functions.iter().map(|f| (f.name.clone(), f.arity, f.flags)).collect();
    got.sort_by(|a, b| (&a.0, a.1).cmp(&(&b.0, b.1)));
    let none = FunctionFlags::empty();
    let det = FunctionFlags::DETERMINISTIC;
    let want: Vec<(String, i32, FunctionFlags)> = [
        ("fastrand_alphabetic", 0, none),
        ("fastrand_alphanumeric", 0, none),
        ("fastrand_blob", 1, none),
        ("fastrand_bool", 0, none),
        ("fastrand_debug", 0, det),
        ("fastrand_digit", 1, none),
        ("fastrand_double", 0, none),
        ("fastrand_int", 0, none),
        ("fastrand_int", 1, none),
        ("fastrand_int", 2, none),
        ("fastrand_int64", 0, none),
        ("fastrand_int64", 1, none),
        ("fastrand_int64", 2, none),
        ("fastrand_lowercase", 0, none),
        ("fastrand_seed_get", 0, none),
        ("fastrand_seed_set", 1, none),
        ("fastrand_uppercase", 0, none),
        ("fastrand_version", 0, det),
    ]
    .into_iter()
    .map(|(n, a, f)| (n.to_string(), a, f))
    .collect();
    assert_eq!(got, want);
}
