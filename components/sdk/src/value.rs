//! SQL values as extensions see them.

/// A SQLite value, byte-exact: `Text` holds the stored bytes, which are
/// usually but not always valid UTF-8.
pub use crate::wit::types::Value;

impl Value {
    /// A text value from a Rust string.
    pub fn text(s: impl Into<String>) -> Value {
        Value::Text(s.into().into_bytes())
    }

    /// The SQLite type name, as `typeof()` spells it.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Integer(_) => "integer",
            Value::Real(_) => "real",
            Value::Text(_) => "text",
            Value::Blob(_) => "blob",
        }
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// The value as text, the way SQLite converts it (`CAST(x AS TEXT)`);
    /// None for NULL.
    pub fn to_text_bytes(&self) -> Option<std::borrow::Cow<'_, [u8]>> {
        use std::borrow::Cow;
        match self {
            Value::Null => None,
            Value::Integer(i) => Some(Cow::Owned(i.to_string().into_bytes())),
            Value::Real(r) => Some(Cow::Owned(format_real(*r).into_bytes())),
            Value::Text(t) | Value::Blob(t) => Some(Cow::Borrowed(t)),
        }
    }

    /// A short description for error messages, e.g. `text 'abc'`.
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "NULL".into(),
            Value::Integer(i) => format!("integer {i}"),
            Value::Real(r) => format!("real {}", format_real(*r)),
            Value::Text(t) => {
                let s = String::from_utf8_lossy(t);
                let short: String = s.chars().take(40).collect();
                let dots = if short.len() < s.len() { "..." } else { "" };
                format!("text '{short}{dots}'")
            }
            Value::Blob(b) => format!("blob of {} bytes", b.len()),
        }
    }
}

/// Formats a real the way SQLite converts it to text (`printf("%!.15g")`):
/// 15 significant digits, at least one digit after the decimal point, and an
/// exponent of at least two digits (`1.0e+100`).
pub fn format_real(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "Inf".into() } else { "-Inf".into() };
    }
    const PRECISION: i32 = 15;
    let sci = format!("{:.*e}", (PRECISION - 1) as usize, x);
    let (mantissa, exp) = sci.split_once('e').expect("exponent in {:e} output");
    let exp: i32 = exp.parse().expect("integer exponent");
    if !(-4..PRECISION).contains(&exp) {
        let mantissa = trim_fraction(mantissa);
        let sign = if exp < 0 { '-' } else { '+' };
        format!("{mantissa}e{sign}{:02}", exp.abs())
    } else {
        let fixed = format!("{:.*}", (PRECISION - 1 - exp) as usize, x);
        trim_fraction(&fixed).to_string()
    }
}

/// Drops trailing zeros after the decimal point, keeping at least one digit.
fn trim_fraction(s: &str) -> String {
    match s.split_once('.') {
        None => format!("{s}.0"),
        Some((int, frac)) => {
            let frac = frac.trim_end_matches('0');
            if frac.is_empty() {
                format!("{int}.0")
            } else {
                format!("{int}.{frac}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::format_real;

    #[test]
    fn reals_format_like_sqlite() {
        // Expected strings are what Debian's sqlite3 prints for these reals.
        let cases = [
            (2.5, "2.5"),
            (1e100, "1.0e+100"),
            (0.1, "0.1"),
            (1.0, "1.0"),
            (1e20, "1.0e+20"),
            (-1.25e-7, "-1.25e-07"),
            (1.0 / 3.0, "0.333333333333333"),
            (9.9e15, "9.9e+15"),
            (1e15, "1.0e+15"),
            (123456.0, "123456.0"),
            (0.0001, "0.0001"),
            (0.00001, "1.0e-05"),
            (100000000000000.0, "100000000000000.0"),
        ];
        for (x, want) in cases {
            assert_eq!(format_real(x), want, "formatting {x:e}");
        }
    }
}
