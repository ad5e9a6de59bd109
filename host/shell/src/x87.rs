//! SQLite 3.40's `%!.20g`, the format sqlite3's `.dump` writes reals in
//! (`0.10000000000000000555`), reproduced digit for digit.
//!
//! SQLite 3.40 computes those digits in `long double`, which on x86-64 is
//! the x87 80-bit format (64-bit mantissa): it scales the value into
//! `[1, 10)` by powers of ten, adds a rounding term and peels off digits,
//! rounding after every operation. The digits past the 17th are therefore
//! not the exact decimal expansion of the double but what that arithmetic
//! gives. [`F80`] is just enough of that arithmetic (positive values,
//! round-to-nearest-even) to give the same digits.

use std::cmp::Ordering;

/// A non-negative x87 extended-precision value: `m * 2^e`, with the top bit
/// of `m` set (or `m == 0` for zero).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct F80 {
    m: u64,
    e: i32,
}

impl F80 {
    const ZERO: F80 = F80 { m: 0, e: 0 };

    /// A non-negative finite double, exactly.
    fn from_f64(x: f64) -> F80 {
        let bits = x.abs().to_bits();
        let biased = ((bits >> 52) & 0x7ff) as i32;
        let fraction = bits & ((1u64 << 52) - 1);
        let (m, e) = if biased == 0 { (fraction, -1074) } else { (fraction | (1u64 << 52), biased - 1075) };
        if m == 0 {
            return F80::ZERO;
        }
        let shift = m.leading_zeros();
        F80 { m: m << shift, e: e - shift as i32 }
    }

    /// A small non-negative integer, exactly.
    fn from_u64(n: u64) -> F80 {
        if n == 0 {
            return F80::ZERO;
        }
        let shift = n.leading_zeros();
        F80 { m: n << shift, e: -(shift as i32) }
    }

    /// `v * 2^e` rounded to 64 bits, nearest with ties to even; `sticky`
    /// says that the exact value is a little more than `v` (bits below it
    /// were not zero).
    fn round(v: u128, e: i32, sticky: bool) -> F80 {
        if v == 0 {
            return F80::ZERO;
        }
        let shift = v.leading_zeros();
        let v = v << shift;
        let e = e - shift as i32;
        let hi = (v >> 64) as u64;
        let lo = v as u64;
        const HALF: u64 = 1 << 63;
        let up = lo > HALF || (lo == HALF && (sticky || hi & 1 == 1));
        if !up {
            return F80 { m: hi, e: e + 64 };
        }
        match hi.checked_add(1) {
            Some(m) => F80 { m, e: e + 64 },
            None => F80 { m: HALF, e: e + 65 },
        }
    }

    fn mul(self, other: F80) -> F80 {
        if self.m == 0 || other.m == 0 {
            return F80::ZERO;
        }
        F80::round(self.m as u128 * other.m as u128, self.e + other.e, false)
    }

    fn div(self, other: F80) -> F80 {
        if self.m == 0 {
            return F80::ZERO;
        }
        let d = other.m as u128;
        let n = (self.m as u128) << 64;
        let (q, r) = (n / d, n % d);
        // Two more quotient bits, then whether anything remains.
        let r4 = r << 2;
        let (extra, rest) = (r4 / d, r4 % d);
        F80::round((q << 2) | extra, self.e - other.e - 66, rest != 0)
    }

    /// `self` and `other` on a common scale: the larger's mantissa shifted
    /// up by 63 bits, the other's aligned to it with its lost bits jammed
    /// into the lowest one; and the exponent of that scale.
    fn align(big: F80, small: F80) -> (u128, u128, i32) {
        let a = (big.m as u128) << 63;
        let shift = (big.e - small.e) as u32;
        let b = (small.m as u128) << 63;
        let b = if shift == 0 {
            b
        } else if shift >= 127 {
            (small.m != 0) as u128
        } else {
            let lost = b & ((1u128 << shift) - 1);
            (b >> shift) | (lost != 0) as u128
        };
        (a, b, big.e - 63)
    }

    fn add(self, other: F80) -> F80 {
        if other.m == 0 {
            return self;
        }
        if self.m == 0 {
            return other;
        }
        let (big, small) = if self.cmp(&other) == Ordering::Less { (other, self) } else { (self, other) };
        let (a, b, e) = F80::align(big, small);
        F80::round(a + b, e, false)
    }

    /// `self - other`, for `self >= other`.
    fn sub(self, other: F80) -> F80 {
        if other.m == 0 {
            return self;
        }
        let (a, b, e) = F80::align(self, other);
        F80::round(a - b, e, false)
    }

    /// The integer part (C's conversion to `int`), for values below 2^63.
    fn trunc(self) -> u64 {
        if self.m == 0 || self.e <= -64 {
            0
        } else if self.e < 0 {
            self.m >> (-self.e)
        } else {
            self.m << self.e
        }
    }
}

impl PartialOrd for F80 {
    fn partial_cmp(&self, other: &F80) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for F80 {
    fn cmp(&self, other: &F80) -> Ordering {
        match (self.m == 0, other.m == 0) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            // Normalized: the exponent decides, then the mantissa.
            (false, false) => self.e.cmp(&other.e).then(self.m.cmp(&other.m)),
        }
    }
}

/// The next digit of `v` (in `[0, 10)`), leaving the rest times ten in `v`;
/// `'0'` once `budget` significant digits have been given.
fn next_digit(v: &mut F80, budget: &mut u32) -> u8 {
    if *budget == 0 {
        return b'0';
    }
    *budget -= 1;
    let digit = v.trunc();
    *v = v.sub(F80::from_u64(digit)).mul(F80::from_f64(10.0));
    b'0' + digit as u8
}

/// `x` as SQLite 3.40's `%!.20g` renders it: 20 significant digits with
/// trailing zeros dropped (keeping one after the point), fixed notation for
/// exponents from -4 to 19, otherwise `d.ddde+XX`.
pub fn real_20g(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let mut out = String::new();
    if x < 0.0 {
        out.push('-');
    }
    if x.is_infinite() {
        out.push_str("Inf");
        return out;
    }
    let mut value = F80::from_f64(x);
    // "%!.20g": precision 20, less one for the leading digit.
    let mut precision: i32 = 19;
    // SQLite's rounding term: 0.5 at the last digit kept, made in double.
    let rounder = 5.0e-10 * 1.0e-10;
    let mut exp: i32 = 0;
    if value.m != 0 {
        let mut scale = F80::from_u64(1);
        for (step, n) in [(1e100, 100), (1e10, 10), (10.0, 1)] {
            let step = F80::from_f64(step);
            while value >= step.mul(scale) && exp <= 350 {
                scale = scale.mul(step);
                exp += n;
            }
        }
        value = value.div(scale);
        let (tiny, e8) = (F80::from_f64(1e-8), F80::from_f64(1e8));
        while value < tiny {
            value = value.mul(e8);
            exp -= 8;
        }
        let (one, ten) = (F80::from_u64(1), F80::from_f64(10.0));
        while value < one {
            value = value.mul(ten);
            exp -= 1;
        }
    }
    value = value.add(F80::from_f64(rounder));
    if value >= F80::from_f64(10.0) {
        value = value.mul(F80::from_f64(0.1));
        exp += 1;
    }
    let exponential = exp < -4 || exp > precision;
    let mut e2 = if exponential { 0 } else { exp };
    if !exponential {
        precision -= exp;
    }
    // `!` lets 26 significant digits through; 20 are asked for.
    let mut budget = 26;
    let mut digits = Vec::with_capacity(32);
    if e2 < 0 {
        digits.push(b'0');
    } else {
        while e2 >= 0 {
            digits.push(next_digit(&mut value, &mut budget));
            e2 -= 1;
        }
    }
    digits.push(b'.');
    e2 += 1;
    while e2 < 0 {
        digits.push(b'0');
        precision -= 1;
        e2 += 1;
    }
    while precision > 0 {
        digits.push(next_digit(&mut value, &mut budget));
        precision -= 1;
    }
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    if digits.last() == Some(&b'.') {
        digits.push(b'0');
    }
    out.push_str(std::str::from_utf8(&digits).unwrap_or_default());
    if exponential {
        let sign = if exp < 0 { '-' } else { '+' };
        let a = exp.unsigned_abs();
        if a >= 100 {
            out.push_str(&format!("e{sign}{a}"));
        } else {
            out.push_str(&format!("e{sign}{a:02}"));
        }
    }
    out
}

/// A real as sqlite3 3.40 writes it in an `INSERT` of `.dump`: `1e999` and
/// `-1e999` for infinities, `N.0` when it is a whole number C converts to
/// a 64-bit integer and back unchanged, otherwise [`real_20g`].
pub fn dump_real(x: f64) -> String {
    if x.is_infinite() {
        return if x < 0.0 { "-1e999".into() } else { "1e999".into() };
    }
    // C's conversion truncates; out of range, x86-64 gives i64::MIN.
    let i = if (-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&x) { x as i64 } else { i64::MIN };
    if x == i as f64 { format!("{i}.0") } else { real_20g(x) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Doubles (by their bits) and what Debian's sqlite3 3.40.1 writes for
    /// them in `.dump`; the long tails are x87 rounding, not the exact
    /// decimal expansion.
    const CASES: &[(u64, &str)] = &[
        (0x3fb999999999999a, "0.10000000000000000555"),
        (0xbfb999999999999a, "-0.10000000000000000555"),
        (0x3ff8000000000000, "1.5"),
        (0x4045200000000000, "42.249999999999999999"),
        (0x4029fae147ae147b, "12.990000000000000212"),
        (0x7e37e43c8800759c, "1.0000000000000000047e+300"),
        (0xb9191d5cb74e9504, "-1.2092286260201894792e-33"),
        (0x01c32149562e2c56, "3.5706713226664821719e-300"),
        (0x7f7d4ddc5a56a491, "1.2861293387584389548e+306"),
        (0x9b08923d10c67fd9, "-1.894871350885909263e-178"),
        (0x633a50eee0f9e038, "9.9316142401499439736e+169"),
        (0x40b7973333333333, "6039.1999999999998178"),
    ];

    #[test]
    fn matches_sqlite_340() {
        for &(bits, want) in CASES {
            assert_eq!(real_20g(f64::from_bits(bits)), want, "{bits:016x}");
        }
        assert_eq!(dump_real(42.0), "42.0");
        assert_eq!(dump_real(-0.0), "0.0");
        assert_eq!(dump_real(f64::INFINITY), "1e999");
        assert_eq!(dump_real(f64::NEG_INFINITY), "-1e999");
        assert_eq!(dump_real(9_223_372_036_854_775_808.0), "9223372036854775807.8");
        assert_eq!(dump_real(1e19), "10000000000000000000.0");
        assert_eq!(dump_real(123456789012345678901234.0), "1.234567890123456858e+23");
        assert_eq!(dump_real(-9_223_372_036_854_775_808.0), "-9223372036854775808.0");
    }

    #[test]
    fn arithmetic_rounds_to_nearest_even() {
        let one = F80::from_u64(1);
        let three = F80::from_u64(3);
        let third = one.div(three);
        // 1/3 in 64 bits is 0xAAAA...AAAB * 2^-65 (rounded up).
        assert_eq!(third, F80 { m: 0xaaaa_aaaa_aaaa_aaab, e: -65 });
        assert_eq!(third.mul(three), one);
        assert_eq!(F80::from_f64(2.5).trunc(), 2);
        assert_eq!(F80::from_f64(2.5).sub(F80::from_u64(2)), F80::from_f64(0.5));
        assert!(F80::from_f64(1e-8) < F80::from_f64(1e-7));
    }
}
