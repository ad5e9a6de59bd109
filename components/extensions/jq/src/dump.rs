//! JSON text the way jq 1.7 writes it with `jv_dump_string(v, 0)`, which
//! liteJQ uses for array and object results: compact, keys in insertion
//! order, non-ASCII characters as is, and numbers as jq prints them
//! (number literals in decNumber's canonical form, other numbers shortest
//! round-trip with jq's exponent rules, NaN as `null`, infinities as the
//! largest finite double).

use jaq_json::Val;

/// `v` as compact JSON text in jq 1.7's style.
pub fn dump(v: &Val) -> String {
    let mut out = String::new();
    write(&mut out, v);
    out
}

fn write(out: &mut String, v: &Val) {
    match v {
        Val::Null => out.push_str("null"),
        Val::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Val::Int(i) => out.push_str(&i.to_string()),
        Val::Float(x) => out.push_str(&double(*x)),
        Val::Num(s) => out.push_str(&literal(s).unwrap_or_else(|| double(s.parse().unwrap_or(f64::NAN)))),
        Val::Str(s) => string(out, s),
        Val::Arr(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write(out, x);
            }
            out.push(']');
        }
        Val::Obj(o) => {
            out.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                string(out, k);
                out.push(':');
                write(out, x);
            }
            out.push('}');
        }
    }
}

/// A string literal: `"` and `\` escaped, \b \f \n \r \t by name, other
/// control characters and DEL as `\u00XX`, everything else as is.
fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A computed number as jq's `jvp_dtoa_fmt` writes it: the shortest digits
/// that read back the same, in plain notation unless the decimal exponent is
/// below -4 or more than 15 past the digits (then `d.ddde+XX`, two exponent
/// digits at least); NaN is `null`, infinities are clamped to ±DBL_MAX.
pub fn double(x: f64) -> String {
    if x.is_nan() {
        return "null".into();
    }
    let x = x.clamp(-f64::MAX, f64::MAX);
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').expect("{:e} has an exponent");
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let decpt: i32 = exp.parse::<i32>().expect("exponent") + 1;
    let sign = if x < 0.0 { "-" } else { "" };
    let n = digits.len() as i32;
    if decpt <= -4 || decpt > n + 15 {
        let (first, rest) = digits.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let e = decpt - 1;
        let esign = if e < 0 { '-' } else { '+' };
        format!("{sign}{first}{dot}{rest}e{esign}{:02}", e.abs())
    } else if decpt <= 0 {
        format!("{sign}0.{}{digits}", "0".repeat(decpt.unsigned_abs() as usize))
    } else if decpt >= n {
        format!("{sign}{digits}{}", "0".repeat((decpt - n) as usize))
    } else {
        let (int, frac) = digits.split_at(decpt as usize);
        format!("{sign}{int}.{frac}")
    }
}

/// A number literal as decNumber's `decNumberToString` writes it (jq 1.7
/// keeps the literal of a number it did not compute with): the digits as
/// given, in plain notation when the exponent is not positive and the
/// adjusted exponent is -6 or more, otherwise `d.dddE±n`.
fn literal(s: &str) -> Option<String> {
    let (sign, s) = match s.as_bytes().first()? {
        b'-' => ("-", &s[1..]),
        b'+' => ("", &s[1..]),
        _ => ("", s),
    };
    let (mant, exp) = match s.find(['e', 'E']) {
        Some(i) => (&s[..i], s[i + 1..].parse::<i64>().ok()?),
        None => (s, 0),
    };
    let (int, frac) = mant.split_once('.').unwrap_or((mant, ""));
    if !(int.bytes().chain(frac.bytes()).all(|b| b.is_ascii_digit())) || int.len() + frac.len() == 0 {
        return None;
    }
    let all = format!("{int}{frac}");
    let trimmed = all.trim_start_matches('0');
    let coeff = if trimmed.is_empty() { "0" } else { trimmed };
    let exponent = exp - frac.len() as i64;
    let n = coeff.len() as i64;
    let adjusted = exponent + n - 1;
    let body = if exponent <= 0 && adjusted >= -6 {
        if exponent == 0 {
            coeff.to_string()
        } else if -exponent < n {
            let (a, b) = coeff.split_at((n + exponent) as usize);
            format!("{a}.{b}")
        } else {
            format!("0.{}{coeff}", "0".repeat((-exponent - n) as usize))
        }
    } else {
        let (first, rest) = coeff.split_at(1);
        let dot = if rest.is_empty() { "" } else { "." };
        let esign = if adjusted < 0 { '-' } else { '+' };
        format!("{first}{dot}{rest}E{esign}{}", adjusted.abs())
    };
    Some(format!("{sign}{body}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doubles_as_jq_writes_them() {
        assert_eq!(double(3.0), "3");
        assert_eq!(double(0.1 + 0.2), "0.30000000000000004");
        assert_eq!(double(1.0 / 3.0), "0.3333333333333333");
        assert_eq!(double(0.0001), "0.0001");
        assert_eq!(double(0.00001), "1e-05");
        assert_eq!(double(1e17), "1e+17");
        assert_eq!(double(1e16), "1e+16");
        assert_eq!(double(1e15), "1000000000000000");
        assert_eq!(double(1.5e16), "15000000000000000");
        assert_eq!(double(1.5e300), "1.5e+300");
        assert_eq!(double(-2.5), "-2.5");
        assert_eq!(double(f64::INFINITY), "1.7976931348623157e+308");
        assert_eq!(double(f64::NAN), "null");
        assert_eq!(double(123456789012.5), "123456789012.5");
    }

    #[test]
    fn literals_as_decnumber_writes_them() {
        assert_eq!(literal("1.0").unwrap(), "1.0");
        assert_eq!(literal("100.0001").unwrap(), "100.0001");
        assert_eq!(literal("1e2").unwrap(), "1E+2");
        assert_eq!(literal("1.5e3").unwrap(), "1.5E+3");
        assert_eq!(literal("12e-1").unwrap(), "1.2");
        assert_eq!(literal("0.000001").unwrap(), "0.000001");
        assert_eq!(literal("0.0000001").unwrap(), "1E-7");
        assert_eq!(literal("-0.50").unwrap(), "-0.50");
        assert_eq!(literal("1E1000").unwrap(), "1E+1000");
        assert_eq!(literal("0.0").unwrap(), "0.0");
    }

    #[test]
    fn strings_escape_controls_only() {
        let mut s = String::new();
        string(&mut s, "a\"\\\n\u{1}\u{7f}é/");
        assert_eq!(s, r#""a\"\\\n\u0001\u007fé/""#);
    }
}
