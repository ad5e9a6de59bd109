//! PostgreSQL's regression vectors (src/test/regress/expected/aggregates.out).

use crate::{Pairs, Sums, finals};

fn sums(rows: &[(f64, f64)]) -> Sums {
    let mut p = Pairs::default();
    for &(y, x) in rows {
        p.step(Some(y), Some(x)).unwrap();
    }
    p.sums().unwrap()
}

#[test]
fn single_and_constant_inputs() {
    // SELECT regr_sxx(1.0, 2.0) etc. from aggregates.out
    let s = sums(&[(1.0, 2.0)]);
    assert_eq!(finals::sxx(&s), Some(0.0));
    assert_eq!(finals::covar_samp(&s), None);
    assert_eq!(finals::covar_pop(&s), Some(0.0));
    assert_eq!(finals::corr(&s), None);
    assert_eq!(finals::r2(&s), None);
    let s = sums(&[(3.0, 1.0), (3.0, 2.0)]);
    assert_eq!(finals::r2(&s), Some(1.0));
    assert_eq!(finals::corr(&s), None);
    assert_eq!(finals::count(&Sums::default()), 0);
    assert_eq!(finals::slope(&Sums::default()), None);
}

#[test]
fn first_infinite_input_gives_nan() {
    let s = sums(&[(1.0, f64::INFINITY)]);
    assert!(finals::sxx(&s).unwrap().is_nan());
    assert_eq!(finals::avgx(&s), Some(f64::INFINITY));
    let mut p = Pairs::default();
    p.step(Some(1e308), Some(1.0)).unwrap();
    assert_eq!(
        p.step(Some(-1e308), Some(2.0)).unwrap_err(),
        "value out of range: overflow"
    );
}

#[test]
fn removing_rows_resums_the_rest() {
    let mut p = Pairs::default();
    for (y, x) in [(1.0, 2.0), (3.0, 5.0), (4.0, 4.0), (8.0, 1.0)] {
        p.step(Some(y), Some(x)).unwrap();
    }
    p.step(None, Some(1.0)).unwrap();
    p.inverse(Some(1.0), Some(2.0));
    p.inverse(None, Some(1.0));
    assert_eq!(
        p.sums().unwrap(),
        sums(&[(3.0, 5.0), (4.0, 4.0), (8.0, 1.0)])
    );
}
