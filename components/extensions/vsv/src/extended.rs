//! What vsv.c's `affinity=numeric` computes with C's `long double`, which
//! is the x87 80-bit format where sqlean is built (x86-64): `strtold`
//! rounds a decimal to 64 significant bits (half to even; exponents down
//! to 2^-16445 with subnormals, up to 2^16384), `modfl` tells whether that
//! is a whole number, and a fractional one becomes a `double` by a second
//! rounding. Plain `f64` arithmetic differs for inputs with more than 17
//! significant digits (`1.00000000000000000001` is the integer 1 in
//! vsv.c) and in double-rounding cases, so this rounds exactly with big
//! integers.

use num_bigint::BigUint;
use num_traits::{One, ToPrimitive, Zero};

/// Significant bits of the x87 extended format.
const BITS: u64 = 64;
/// The exponent of the least significant bit of the smallest subnormal.
const MIN_EXPONENT: i64 = -16445;
/// Values from 2^16384 up are infinite.
const MAX_BITS: i64 = 16384;

/// A decimal rounded to the extended format: `-0`/`0`, `m * 2^k`
/// (m < 2^64), or an infinity.
#[derive(Debug, Clone, PartialEq)]
enum Extended {
    Zero,
    Finite { m: u64, k: i64 },
    Infinite,
}

/// A number as vsv.c's numeric affinity returns it: an integer when the
/// rounded value is whole and within the 64-bit range, else the rounded
/// value as a double. `text` must be a number by vsv.c's test (optional
/// spaces and sign, digits with at most one `.`, an optional exponent).
pub fn numeric(text: &str) -> Result<i64, f64> {
    let text = text.trim_matches(' ');
    let (negative, digits, exponent) = decimal(text);
    let signed = |x: f64| if negative { -x } else { x };
    match round(&digits, exponent) {
        Extended::Zero => Ok(0),
        Extended::Infinite => Err(signed(f64::INFINITY)),
        Extended::Finite { m, k } => {
            let whole = k >= 0 || (m.trailing_zeros() as i64) >= -k;
            if whole && k < 64 {
                let magnitude = if k >= 0 {
                    u128::from(m) << k
                } else {
                    u128::from(m >> -k)
                };
                let limit = if negative {
                    1u128 << 63
                } else {
                    (1u128 << 63) - 1
                };
                if magnitude <= limit {
                    return Ok(if negative {
                        (magnitude as i128).wrapping_neg() as i64
                    } else {
                        magnitude as i64
                    });
                }
            }
            Err(signed(to_double(m, k)))
        }
    }
}

/// The sign, the decimal digits as an integer and the power of ten that
/// scales them.
fn decimal(text: &str) -> (bool, BigUint, i64) {
    let bytes = text.as_bytes();
    let (negative, rest) = match bytes.first() {
        Some(b'-') => (true, &bytes[1..]),
        Some(b'+') => (false, &bytes[1..]),
        _ => (false, bytes),
    };
    let mut digits = Vec::new();
    let mut exponent: i64 = 0;
    let mut i = 0;
    let mut seen_point = false;
    while i < rest.len() {
        match rest[i] {
            d @ b'0'..=b'9' => {
                digits.push(d - b'0');
                if seen_point {
                    exponent -= 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if i < rest.len() && (rest[i] == b'e' || rest[i] == b'E') {
        let (sign, start) = match rest.get(i + 1) {
            Some(b'-') => (-1, i + 2),
            Some(b'+') => (1, i + 2),
            _ => (1, i + 1),
        };
        let e = rest[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .fold(0i64, |n, d| {
                n.saturating_mul(10).saturating_add(i64::from(d - b'0'))
            });
        exponent = exponent.saturating_add(sign * e.min(1 << 40));
    }
    let first = digits.iter().position(|&d| d != 0).unwrap_or(digits.len());
    let value = digits[first..]
        .iter()
        .fold(BigUint::zero(), |n, &d| n * 10u32 + d);
    (negative, value, exponent)
}

/// `digits * 10^exponent` rounded to the extended format.
fn round(digits: &BigUint, exponent: i64) -> Extended {
    if digits.is_zero() {
        return Extended::Zero;
    }
    let length = digits.to_string().len() as i64;
    // Far outside the format's range (10^4933 > 2^16384; 10^-4952 is under
    // half the smallest subnormal).
    if length + exponent > 4934 {
        return Extended::Infinite;
    }
    if length + exponent < -4952 {
        return Extended::Zero;
    }
    let (numerator, denominator) = if exponent >= 0 {
        (
            digits * BigUint::from(10u32).pow(exponent as u32),
            BigUint::one(),
        )
    } else {
        (digits.clone(), BigUint::from(10u32).pow((-exponent) as u32))
    };
    // value = numerator / denominator; find k with 2^63 <= value / 2^k < 2^64.
    let mut k = numerator.bits() as i64 - denominator.bits() as i64 - (BITS as i64 - 1);
    loop {
        let q = scaled(&numerator, &denominator, k).0;
        if q.bits() > BITS {
            k += 1;
        } else if q.bits() < BITS && k > MIN_EXPONENT {
            k -= 1;
        } else {
            break;
        }
    }
    k = k.max(MIN_EXPONENT);
    let (mut q, remainder_twice, divisor) = scaled(&numerator, &denominator, k);
    let round_up = match remainder_twice.cmp(&divisor) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Equal => q.bit(0),
        std::cmp::Ordering::Less => false,
    };
    if round_up {
        q += 1u32;
    }
    if q.bits() > BITS {
        q >>= 1;
        k += 1;
    }
    if q.is_zero() {
        return Extended::Zero;
    }
    if k + BITS as i64 > MAX_BITS {
        return Extended::Infinite;
    }
    Extended::Finite {
        m: q.to_u64().expect("64 bits"),
        k,
    }
}

/// `numerator / (denominator * 2^k)`: the quotient, twice the remainder,
/// and the divisor, for rounding.
fn scaled(numerator: &BigUint, denominator: &BigUint, k: i64) -> (BigUint, BigUint, BigUint) {
    let (n, d) = if k >= 0 {
        (numerator.clone(), denominator << k as u64)
    } else {
        (numerator << (-k) as u64, denominator.clone())
    };
    let q = &n / &d;
    let r = n - &q * &d;
    (q, r << 1u32, d)
}

/// `m * 2^k` rounded to the nearest double, half to even (C's
/// `(double)` of a long double): through its exact decimal expansion,
/// which Rust's parser rounds correctly.
fn to_double(m: u64, k: i64) -> f64 {
    let text = if k >= 0 {
        (BigUint::from(m) << k as u64).to_string()
    } else {
        format!(
            "{}e-{}",
            BigUint::from(m) * BigUint::from(5u32).pow((-k) as u32),
            -k
        )
    };
    text.parse().expect("a decimal")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_within_range_are_integers() {
        assert_eq!(numeric("1.0"), Ok(1));
        assert_eq!(numeric(" -2.000 "), Ok(-2));
        assert_eq!(numeric("1e3"), Ok(1000));
        assert_eq!(numeric("0.0"), Ok(0));
        assert_eq!(numeric("-0.0"), Ok(0));
        assert_eq!(numeric("9223372036854775807.0"), Ok(i64::MAX));
        assert_eq!(numeric("-9223372036854775808.0"), Ok(i64::MIN));
        assert_eq!(numeric("9223372036854775808.0"), Err(9223372036854775808.0));
        assert_eq!(numeric("9007199254740993.0"), Ok(9007199254740993));
    }

    #[test]
    fn long_double_rounding_decides_what_is_whole() {
        // 64 significant bits cannot hold the 1e-20.
        assert_eq!(numeric("1.00000000000000000001"), Ok(1));
        assert_eq!(numeric("1.5"), Err(1.5));
        assert_eq!(numeric("0.1"), Err(0.1));
        assert_eq!(numeric("1e-400"), Err(0.0));
        assert_eq!(numeric("1e-5000"), Ok(0));
        assert_eq!(numeric("1e5000"), Err(f64::INFINITY));
        assert_eq!(numeric("-1e400"), Err(f64::NEG_INFINITY));
        assert_eq!(numeric("123.456e1"), Err(1234.56));
    }
}
