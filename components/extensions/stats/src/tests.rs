//! Tests of the SQL-facing aggregates: plain use, and window frames checked
//! against recomputation from scratch and against naive reference formulas.

use crate::stats_ext::*;
use sqlink_sdk::Value;

/// One aggregate's state driven the way SQLite drives it.
trait Agg: Default {
    fn step(&mut self, row: &[Value]) -> Result<(), sqlink_sdk::Error>;
    fn inverse(&mut self, row: &[Value]);
    fn value(&self) -> Option<f64>;
    fn finalize(self) -> Option<f64>;
}

macro_rules! one_arg_percentile {
    ($($t:ty),*) => {$(
        impl Agg for $t {
            fn step(&mut self, row: &[Value]) -> Result<(), sqlink_sdk::Error> { <$t>::step(self, Some(&row[0]).filter(|v| !v.is_null())) }
            fn inverse(&mut self, row: &[Value]) { <$t>::inverse(self, Some(&row[0]).filter(|v| !v.is_null())) }
            fn value(&self) -> Option<f64> { <$t>::value(self) }
            fn finalize(self) -> Option<f64> { <$t>::finalize(self) }
        }
    )*};
}
one_arg_percentile!(Median, P25, P75, P90, P95, P99);

macro_rules! spread {
    ($($t:ty),*) => {$(
        impl Agg for $t {
            fn step(&mut self, row: &[Value]) -> Result<(), sqlink_sdk::Error> { <$t>::step(self, Some(&row[0]).filter(|v| !v.is_null())); Ok(()) }
            fn inverse(&mut self, row: &[Value]) { <$t>::inverse(self, Some(&row[0]).filter(|v| !v.is_null())) }
            // NaN is what SQLite shows as NULL.
            fn value(&self) -> Option<f64> { Some(<$t>::value(self)).filter(|x| !x.is_nan()) }
            // Without `finalize`, the generated code finalizes with `value`.
            fn finalize(self) -> Option<f64> { Agg::value(&self) }
        }
    )*};
}
spread!(StddevSamp, StddevPop, VarSamp, VarPop);

impl Agg for Perc {
    fn step(&mut self, row: &[Value]) -> Result<(), sqlink_sdk::Error> {
        Perc::step(
            self,
            Some(&row[0]).filter(|v| !v.is_null()),
            Some(&row[1]).filter(|v| !v.is_null()),
        )
    }
    fn inverse(&mut self, row: &[Value]) {
        Perc::inverse(
            self,
            Some(&row[0]).filter(|v| !v.is_null()),
            Some(&row[1]).filter(|v| !v.is_null()),
        )
    }
    fn value(&self) -> Option<f64> {
        Perc::value(self)
    }
    fn finalize(self) -> Option<f64> {
        Perc::finalize(self)
    }
}

fn rows(values: impl IntoIterator<Item = Value>) -> Vec<Vec<Value>> {
    values.into_iter().map(|v| vec![v]).collect()
}

fn ints(from: i64, to: i64) -> Vec<Vec<Value>> {
    rows((from..=to).map(Value::Integer))
}

fn aggregate<A: Agg>(rows: &[Vec<Value>]) -> Option<f64> {
    let mut a = A::default();
    for r in rows {
        a.step(r).unwrap();
    }
    a.finalize()
}

/// `agg(x) OVER (ROWS BETWEEN preceding PRECEDING AND following FOLLOWING)`
/// (None for UNBOUNDED PRECEDING), with SQLite's call pattern: rows enter
/// with step, leave with inverse, and value is read once per row.
fn window<A: Agg>(
    rows: &[Vec<Value>],
    preceding: Option<usize>,
    following: usize,
) -> Vec<Option<f64>> {
    let mut a = A::default();
    let (mut lo, mut hi) = (0, 0);
    let mut out = Vec::new();
    for i in 0..rows.len() {
        let new_hi = (i + following + 1).min(rows.len());
        while hi < new_hi {
            a.step(&rows[hi]).unwrap();
            hi += 1;
        }
        let new_lo = preceding.map_or(0, |p| i.saturating_sub(p));
        while lo < new_lo {
            a.inverse(&rows[lo]);
            lo += 1;
        }
        out.push(a.value());
    }
    out
}

/// Each frame recomputed from scratch with a fresh aggregate.
fn recomputed<A: Agg>(
    rows: &[Vec<Value>],
    preceding: Option<usize>,
    following: usize,
) -> Vec<Option<f64>> {
    (0..rows.len())
        .map(|i| {
            let lo = preceding.map_or(0, |p| i.saturating_sub(p));
            let hi = (i + following + 1).min(rows.len());
            aggregate::<A>(&rows[lo..hi])
        })
        .collect()
}

/// Reference percentile, written independently: sort, then interpolate.
fn reference_percentile(rows: &[Vec<Value>], p: f64) -> Option<f64> {
    let mut xs: Vec<f64> = rows
        .iter()
        .filter_map(|r| match r[0] {
            Value::Integer(i) => Some(i as f64),
            Value::Real(x) => Some(x),
            _ => None,
        })
        .collect();
    if xs.is_empty() {
        return None;
    }
    xs.sort_by(f64::total_cmp);
    let pos = p / 100.0 * (xs.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = (lo + 1).min(xs.len() - 1);
    Some(xs[lo] + (xs[hi] - xs[lo]) * (pos - lo as f64))
}

/// Reference variance, two-pass.
fn reference_variance(rows: &[Vec<Value>], ddof: usize) -> f64 {
    let xs: Vec<f64> = rows
        .iter()
        .filter(|r| !r[0].is_null())
        .map(|r| crate::numeric::to_real(&r[0]))
        .collect();
    if xs.len() < 2 {
        return 0.0;
    }
    let mean = xs.iter().sum::<f64>() / xs.len() as f64;
    xs.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (xs.len() - ddof) as f64
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        _ => false,
    }
}

/// Pseudo-random rows: integers, reals, NULLs and repeats.
fn noisy(n: usize, seed: u64) -> Vec<Vec<Value>> {
    let mut s = seed;
    rows((0..n).map(|_| {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        match s % 10 {
            0 => Value::Null,
            1..=4 => Value::Integer((s >> 8) as i64 % 50 - 10),
            _ => Value::Real(((s >> 8) % 10_000) as f64 / 16.0 - 100.0),
        }
    }))
}

#[test]
fn plain_aggregates_over_1_to_99_match_sqlean() {
    // sqlean's test/stats.sql, over stats_seq(1, 99) (and 1..100 for p95).
    let s = ints(1, 99);
    assert_eq!(aggregate::<P25>(&s), Some(25.5));
    assert_eq!(aggregate::<Median>(&s), Some(50.0));
    assert_eq!(aggregate::<P75>(&s), Some(74.5));
    assert_eq!(aggregate::<P90>(&s), Some(89.2));
    assert_eq!(aggregate::<P95>(&ints(1, 100)), Some(95.05));
    assert_eq!(aggregate::<P99>(&s), Some(98.02));
    let with_p = |p: i64| -> Vec<Vec<Value>> {
        s.iter()
            .map(|r| vec![r[0].clone(), Value::Integer(p)])
            .collect()
    };
    assert_eq!(aggregate::<Perc>(&with_p(25)), Some(25.5));
    assert_eq!(aggregate::<Perc>(&with_p(90)), Some(89.2));
    assert_eq!(aggregate::<VarSamp>(&s), Some(825.0));
    assert_eq!(aggregate::<VarPop>(&s).map(f64::round), Some(817.0));
    assert_eq!(
        aggregate::<StddevSamp>(&s).map(|x| (x * 10.0).round() / 10.0),
        Some(28.7)
    );
    assert_eq!(
        aggregate::<StddevPop>(&s).map(|x| (x * 10.0).round() / 10.0),
        Some(28.6)
    );
    // Exactly: 99 * 98 * 100 / 12 / 99 = 816.666...
    assert!((aggregate::<VarPop>(&s).unwrap() - 2450.0 / 3.0).abs() < 1e-10);
    assert!((aggregate::<StddevSamp>(&s).unwrap() - 825f64.sqrt()).abs() < 1e-12);
}

#[test]
fn empty_and_single_inputs() {
    // finalize on a group never stepped is the aggregate of nothing.
    assert_eq!(Median::default().finalize(), None);
    assert_eq!(Perc::default().finalize(), None);
    assert_eq!(VarSamp::default().value(), 0.0);
    assert_eq!(StddevPop::default().value(), 0.0);
    let one = rows([Value::Real(3.5)]);
    assert_eq!(aggregate::<P99>(&one), Some(3.5));
    assert_eq!(aggregate::<StddevSamp>(&one), Some(0.0));
    // All NULL: nothing counted.
    let nulls = rows([Value::Null, Value::Null]);
    assert_eq!(aggregate::<Median>(&nulls), None);
    assert_eq!(aggregate::<VarPop>(&nulls), Some(0.0));
}

#[test]
fn spread_reads_text_like_sqlite() {
    // '4' and 4 are the same; 'x' counts as 0.0, as sqlean's
    // sqlite3_value_double does. Values 2, 4, 0: mean 2, sample variance 4.
    let r = rows([
        Value::Integer(2),
        Value::text("4"),
        Value::text("x"),
        Value::Null,
    ]);
    assert_eq!(aggregate::<VarSamp>(&r), Some(4.0));
    assert_eq!(aggregate::<StddevSamp>(&r), Some(2.0));
}

#[test]
fn percentile_refuses_text_and_bad_percents() {
    let mut m = Median::default();
    assert!(Agg::step(&mut m, &[Value::text("1")]).is_err());
    let mut p = Perc::default();
    let e = Agg::step(&mut p, &[Value::Integer(1), Value::Integer(120)]).unwrap_err();
    assert!(e.message.contains("between 0.0 and 100.0"));
    // A NULL percent is an error even when x is NULL (sqlean checks p first).
    assert!(Agg::step(&mut p, &[Value::Null, Value::Null]).is_err());
    Agg::step(&mut p, &[Value::Integer(1), Value::text("40")]).unwrap();
    assert!(Agg::step(&mut p, &[Value::Integer(2), Value::Integer(50)]).is_err());
}

#[test]
fn sliding_median_by_hand() {
    // median(x) OVER (ORDER BY i ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)
    let r = rows([7, 1, 3, 10, 2, 2, 8].map(Value::Integer));
    let got = window::<Median>(&r, Some(2), 0);
    let want = [7.0, 4.0, 3.0, 3.0, 3.0, 2.0, 2.0];
    assert_eq!(got, want.map(Some).to_vec());
    // Centered frame of 3 (1 PRECEDING AND 1 FOLLOWING), p25:
    // {7,1}→2.5, {7,1,3}→2, {1,3,10}→2, {3,10,2}→2.5, {10,2,2}→2, {2,2,8}→2, {2,8}→3.5
    let got = window::<P25>(&r, Some(1), 1);
    assert_eq!(got, [2.5, 2.0, 2.0, 2.5, 2.0, 2.0, 3.5].map(Some).to_vec());
}

#[test]
fn sliding_variance_by_hand() {
    // var_samp over 2 PRECEDING AND CURRENT ROW of 1, 3, 5, 11:
    // {1}→0, {1,3}→2, {1,3,5}→4, {3,5,11}→ mean 19/3, 56/3 / 2 = 17.33..
    let r = rows([1, 3, 5, 11].map(Value::Integer));
    let got = window::<VarSamp>(&r, Some(2), 0);
    assert_eq!(&got[..3], &[Some(0.0), Some(2.0), Some(4.0)]);
    assert!((got[3].unwrap() - 52.0 / 3.0).abs() < 1e-12, "{:?}", got[3]);
    let pop = window::<VarPop>(&r, Some(1), 0);
    assert_eq!(pop, vec![Some(0.0), Some(1.0), Some(1.0), Some(9.0)]);
    let sd = window::<StddevPop>(&r, Some(1), 0);
    assert_eq!(sd, vec![Some(0.0), Some(1.0), Some(1.0), Some(3.0)]);
}

fn check_windows<A: Agg>(rows: &[Vec<Value>], reference: impl Fn(&[Vec<Value>]) -> Option<f64>) {
    for (preceding, following) in [
        (Some(0), 0),
        (Some(2), 0),
        (Some(5), 3),
        (Some(40), 0),
        (None, 0),
        (Some(0), 4),
    ] {
        let got = window::<A>(rows, preceding, following);
        let fresh = recomputed::<A>(rows, preceding, following);
        for (i, (g, f)) in got.iter().zip(&fresh).enumerate() {
            assert!(
                close(*g, *f),
                "frame {preceding:?}/{following} row {i}: window {g:?}, recomputed {f:?}"
            );
            let lo = preceding.map_or(0, |p| i.saturating_sub(p));
            let hi = (i + following + 1).min(rows.len());
            let want = reference(&rows[lo..hi]);
            assert!(
                close(*g, want),
                "frame {preceding:?}/{following} row {i}: window {g:?}, reference {want:?}"
            );
        }
    }
}

#[test]
fn windows_match_recomputation_and_reference() {
    let data = noisy(600, 0x2545f4914f6cdd1d);
    check_windows::<Median>(&data, |r| reference_percentile(r, 50.0));
    check_windows::<P25>(&data, |r| reference_percentile(r, 25.0));
    check_windows::<P75>(&data, |r| reference_percentile(r, 75.0));
    check_windows::<P90>(&data, |r| reference_percentile(r, 90.0));
    check_windows::<P95>(&data, |r| reference_percentile(r, 95.0));
    check_windows::<P99>(&data, |r| reference_percentile(r, 99.0));
    let with_p: Vec<Vec<Value>> = data
        .iter()
        .map(|r| vec![r[0].clone(), Value::Real(33.3)])
        .collect();
    check_windows::<Perc>(&with_p, |r| reference_percentile(r, 33.3));
    check_windows::<VarSamp>(&data, |r| Some(reference_variance(r, 1)));
    check_windows::<VarPop>(&data, |r| Some(reference_variance(r, 0)));
    check_windows::<StddevSamp>(&data, |r| Some(reference_variance(r, 1).sqrt()));
    check_windows::<StddevPop>(&data, |r| Some(reference_variance(r, 0).sqrt()));
}

#[test]
fn large_window_frames_cross_chunk_boundaries() {
    // 5000 rows, frames of 3000: the multiset splits into several chunks.
    let data = noisy(5000, 7);
    let got = window::<Median>(&data, Some(2999), 0);
    for i in (0..data.len()).step_by(97) {
        let lo = i.saturating_sub(2999);
        assert!(
            close(got[i], reference_percentile(&data[lo..=i], 50.0)),
            "row {i}"
        );
    }
}

#[test]
fn frames_that_empty_give_the_empty_result() {
    // ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING-like: here a 1-row frame
    // that leaves a NULL-only frame behind.
    let r = rows([Value::Integer(4), Value::Null, Value::Null]);
    assert_eq!(
        window::<Median>(&r, Some(0), 0),
        vec![Some(4.0), None, None]
    );
    assert_eq!(
        window::<VarSamp>(&r, Some(0), 0),
        vec![Some(0.0), Some(0.0), Some(0.0)]
    );
}
