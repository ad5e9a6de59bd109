//! Converting SQL arguments into Rust parameters.

use crate::value::Value;
use crate::error::Error;

/// The SQL type a parameter expects, reported in the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgKind {
    Any,
    Integer,
    Real,
    Text,
    Blob,
    Numeric,
}

/// Why an argument could not be converted.
#[derive(Debug)]
pub enum ArgError {
    /// The argument is NULL and the parameter is not an `Option`.
    Null,
    /// The argument cannot become the parameter's type; the text says why.
    Invalid(String),
}

impl ArgError {
    /// The SQL error for argument `index` (0-based) of function `function`.
    pub fn into_error(self, function: &str, index: usize) -> Error {
        match self {
            ArgError::Null => Error::with_code(Error::MISMATCH, format!("{function}(): argument {} is NULL", index + 1)),
            ArgError::Invalid(why) => Error::with_code(Error::MISMATCH, format!("{function}(): argument {} {why}", index + 1)),
        }
    }
}

/// A Rust type a SQL argument converts into.
///
/// | parameter | accepts |
/// |---|---|
/// | `i64`, `i32`, `u32`, `usize`, `u64` | integers; reals (truncated, as `CAST`); text holding a number |
/// | `f64` | integers, reals, text holding a number |
/// | `bool` | numbers (non-zero is true) |
/// | `&str`, `String` | text (must be valid UTF-8); blobs holding UTF-8; numbers as SQLite formats them |
/// | `&[u8]`, `Vec<u8>` | blobs and text as bytes; numbers as text |
/// | [`RawText`] | text (or a blob) as its bytes, valid UTF-8 or not; numbers as text |
/// | `Value`, `&Value` | anything, NULL included |
/// | `Option<T>` | NULL as `None`, else what `T` accepts |
///
/// Anything else is an SQLITE_MISMATCH error naming the function and the
/// argument.
pub trait FromArg<'a>: Sized {
    /// What the manifest says this parameter takes.
    const KIND: ArgKind;

    /// Converts a value.
    fn from_arg(value: &'a Value) -> Result<Self, ArgError>;

    /// For values `from_arg` cannot borrow from directly (numbers passed where
    /// text is expected), the converted value to borrow from instead.
    fn coerce(_value: &Value) -> Option<Value> {
        None
    }
}

/// Converts `value`, using `slot` to hold a coerced copy when one is needed.
pub fn from_arg<'a, T: FromArg<'a>>(value: &'a Value, slot: &'a mut Option<Value>) -> Result<T, ArgError> {
    match T::coerce(value) {
        None => T::from_arg(value),
        Some(coerced) => {
            *slot = Some(coerced);
            let slot: &'a Option<Value> = slot;
            T::from_arg(slot.as_ref().expect("just stored"))
        }
    }
}

/// Splits a batch of aggregate arguments into rows of `width` values, each
/// with its arguments' subtypes (empty when the host sent none).
pub fn rows<'a>(args: &'a [Value], subtypes: &'a [u8], rows: u32, width: u32) -> impl Iterator<Item = (&'a [Value], &'a [u8])> {
    let width = width as usize;
    (0..rows as usize).map(move |row| {
        let span = row * width..(row + 1) * width;
        (&args[span.clone()], subtypes.get(span).unwrap_or(&[]))
    })
}

fn mismatch(expected: &str, value: &Value) -> ArgError {
    ArgError::Invalid(format!("must be {expected}, got {}", value.describe()))
}

/// Parses text holding a number, the way SQLite's numeric conversions accept
/// it: surrounding whitespace allowed, nothing else.
fn parse_number(bytes: &[u8]) -> Option<f64> {
    let s = std::str::from_utf8(bytes).ok()?.trim();
    if s.is_empty() {
        return None;
    }
    s.parse::<i64>().map(|i| i as f64).ok().or_else(|| s.parse::<f64>().ok())
}

impl<'a> FromArg<'a> for i64 {
    const KIND: ArgKind = ArgKind::Integer;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        match value {
            Value::Null => Err(ArgError::Null),
            Value::Integer(i) => Ok(*i),
            // The i64 range is [-2^63, 2^63): both bounds are exact doubles.
            Value::Real(r) if *r >= -(2f64.powi(63)) && *r < 2f64.powi(63) => Ok(*r as i64),
            Value::Text(t) => {
                let s = std::str::from_utf8(t).map(str::trim).unwrap_or("");
                s.parse::<i64>()
                    .ok()
                    .or_else(|| parse_number(t).filter(|r| r.is_finite() && r.abs() < 9.2e18).map(|r| r as i64))
                    .ok_or_else(|| mismatch("an integer", value))
            }
            _ => Err(mismatch("an integer", value)),
        }
    }
}

macro_rules! narrow_int {
    ($($t:ty),*) => {$(
        impl<'a> FromArg<'a> for $t {
            const KIND: ArgKind = ArgKind::Integer;
            fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
                let wide = i64::from_arg(value)?;
                <$t>::try_from(wide).map_err(|_| ArgError::Invalid(format!(
                    "is out of range: {wide} does not fit in {}", stringify!($t))))
            }
        }
    )*};
}
narrow_int!(i32, u32, u64, usize, u8, u16, i16);

impl<'a> FromArg<'a> for f64 {
    const KIND: ArgKind = ArgKind::Real;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        match value {
            Value::Null => Err(ArgError::Null),
            Value::Integer(i) => Ok(*i as f64),
            Value::Real(r) => Ok(*r),
            Value::Text(t) => parse_number(t).ok_or_else(|| mismatch("a number", value)),
            Value::Blob(_) => Err(mismatch("a number", value)),
        }
    }
}

impl<'a> FromArg<'a> for bool {
    const KIND: ArgKind = ArgKind::Integer;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        f64::from_arg(value).map(|x| x != 0.0)
    }
}

/// Numbers where text is expected become text the way SQLite formats them.
fn number_as_text(value: &Value) -> Option<Value> {
    match value {
        Value::Integer(_) | Value::Real(_) => value.to_text_bytes().map(|t| Value::Text(t.into_owned())),
        _ => None,
    }
}

impl<'a> FromArg<'a> for &'a str {
    const KIND: ArgKind = ArgKind::Text;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        match value {
            Value::Null => Err(ArgError::Null),
            Value::Text(t) | Value::Blob(t) => std::str::from_utf8(t)
                .map_err(|e| ArgError::Invalid(format!("is not valid UTF-8 text (invalid byte at offset {})", e.valid_up_to()))),
            _ => Err(mismatch("text", value)),
        }
    }
    fn coerce(value: &Value) -> Option<Value> {
        number_as_text(value)
    }
}

impl<'a> FromArg<'a> for String {
    const KIND: ArgKind = ArgKind::Text;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        <&str>::from_arg(value).map(str::to_owned)
    }
    fn coerce(value: &Value) -> Option<Value> {
        number_as_text(value)
    }
}

impl<'a> FromArg<'a> for &'a [u8] {
    const KIND: ArgKind = ArgKind::Blob;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        match value {
            Value::Null => Err(ArgError::Null),
            Value::Text(t) | Value::Blob(t) => Ok(t),
            _ => Err(mismatch("a blob or text", value)),
        }
    }
    fn coerce(value: &Value) -> Option<Value> {
        number_as_text(value)
    }
}

impl<'a> FromArg<'a> for Vec<u8> {
    const KIND: ArgKind = ArgKind::Blob;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        <&[u8]>::from_arg(value).map(<[u8]>::to_vec)
    }
    fn coerce(value: &Value) -> Option<Value> {
        number_as_text(value)
    }
}

/// Text as the bytes SQLite stores, without a UTF-8 check: for functions
/// that must pass invalid UTF-8 through unchanged. Reported to the manifest
/// as text (unlike `&[u8]`, which is a blob parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawText<'a>(pub &'a [u8]);

impl<'a> FromArg<'a> for RawText<'a> {
    const KIND: ArgKind = ArgKind::Text;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        <&[u8]>::from_arg(value).map(RawText)
    }
    fn coerce(value: &Value) -> Option<Value> {
        number_as_text(value)
    }
}

impl<'a> FromArg<'a> for Value {
    const KIND: ArgKind = ArgKind::Any;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        Ok(value.clone())
    }
}

impl<'a> FromArg<'a> for &'a Value {
    const KIND: ArgKind = ArgKind::Any;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        Ok(value)
    }
}

impl<'a, T: FromArg<'a>> FromArg<'a> for Option<T> {
    const KIND: ArgKind = T::KIND;
    fn from_arg(value: &'a Value) -> Result<Self, ArgError> {
        match value {
            Value::Null => Ok(None),
            _ => T::from_arg(value).map(Some),
        }
    }
    fn coerce(value: &Value) -> Option<Value> {
        T::coerce(value)
    }
}

/// The manifest kind of a parameter type (used by generated code).
pub fn kind_of<'a, T: FromArg<'a>>() -> ArgKind {
    T::KIND
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv<'a, T: FromArg<'a>>(v: &'a Value, slot: &'a mut Option<Value>) -> Result<T, ArgError> {
        from_arg(v, slot)
    }

    #[test]
    fn integers_convert_like_sqlite() {
        let mut s = None;
        assert_eq!(conv::<i64>(&Value::Real(2.7), &mut s).unwrap(), 2);
        let mut s = None;
        assert_eq!(conv::<i64>(&Value::text(" 42 "), &mut s).unwrap(), 42);
        let mut s = None;
        let err = conv::<i64>(&Value::text("abc"), &mut s).unwrap_err();
        assert!(matches!(err, ArgError::Invalid(ref m) if m == "must be an integer, got text 'abc'"), "{err:?}");
        let mut s = None;
        assert!(matches!(conv::<i64>(&Value::Null, &mut s), Err(ArgError::Null)));
        let mut s = None;
        assert!(matches!(conv::<u8>(&Value::Integer(300), &mut s), Err(ArgError::Invalid(_))));
    }

    #[test]
    fn numbers_become_text() {
        let v = Value::Real(0.5);
        let mut s = None;
        assert_eq!(conv::<&str>(&v, &mut s).unwrap(), "0.5");
        let v = Value::Integer(-7);
        let mut s = None;
        assert_eq!(conv::<&[u8]>(&v, &mut s).unwrap(), b"-7");
    }

    #[test]
    fn invalid_utf8_is_refused_as_str_but_kept_as_bytes() {
        let v = Value::Text(vec![b'a', 0xff]);
        let mut s = None;
        let err = conv::<&str>(&v, &mut s).unwrap_err();
        assert!(matches!(err, ArgError::Invalid(ref m) if m.contains("not valid UTF-8")));
        let mut s = None;
        assert_eq!(conv::<&[u8]>(&v, &mut s).unwrap(), &[b'a', 0xff]);
    }

    #[test]
    fn option_maps_null_to_none() {
        let mut s = None;
        assert_eq!(conv::<Option<i64>>(&Value::Null, &mut s).unwrap(), None);
        let mut s = None;
        assert_eq!(conv::<Option<String>>(&Value::Integer(3), &mut s).unwrap().as_deref(), Some("3"));
    }

    #[test]
    fn argument_errors_name_function_and_position() {
        let e = ArgError::Invalid("must be text, got blob of 3 bytes".into()).into_error("text_upper", 0);
        assert_eq!(e.message, "text_upper(): argument 1 must be text, got blob of 3 bytes");
        assert_eq!(e.code, Error::MISMATCH);
    }
}
