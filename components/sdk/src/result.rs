//! Converting Rust results into SQL values.

use crate::error::Error;
use crate::value::Value;

/// A Rust value a function can return.
///
/// `()` and `None` are NULL; integers and `bool` are INTEGER; floats are REAL
/// (NaN becomes NULL, as in SQLite); `String`/`&str` are TEXT; `Vec<u8>` and
/// `&[u8]` are BLOB.
pub trait IntoValue {
    fn into_value(self) -> Value;
}

/// A value with a SQLite subtype. Return it from a function flagged
/// `result_subtype`.
pub struct Subtyped<V> {
    pub value: V,
    pub subtype: u8,
}

/// Text carrying SQLite's JSON subtype (`'J'`), so JSON functions treat it as
/// JSON rather than as a string. Return it from a function flagged
/// `result_subtype`.
pub struct Json(pub String);

impl Json {
    /// The subtype SQLite's JSON functions use.
    pub const SUBTYPE: u8 = b'J';
}

/// What a function body may return: a value, or a `Result` of one.
pub trait ScalarResult {
    /// The value and its subtype (0 for none).
    fn into_scalar_result(self) -> Result<(Value, u8), Error>;
}

/// Re-exported under the name the generated code uses.
pub use ScalarResult as IntoScalarResult;

impl<T: IntoValue> ScalarResult for T {
    fn into_scalar_result(self) -> Result<(Value, u8), Error> {
        Ok((self.into_value(), 0))
    }
}

impl<V: IntoValue> ScalarResult for Subtyped<V> {
    fn into_scalar_result(self) -> Result<(Value, u8), Error> {
        Ok((self.value.into_value(), self.subtype))
    }
}

impl ScalarResult for Json {
    fn into_scalar_result(self) -> Result<(Value, u8), Error> {
        Ok((Value::Text(self.0.into_bytes()), Json::SUBTYPE))
    }
}

impl<T: ScalarResult, E: Into<Error>> ScalarResult for Result<T, E> {
    fn into_scalar_result(self) -> Result<(Value, u8), Error> {
        self.map_err(Into::into).and_then(ScalarResult::into_scalar_result)
    }
}

impl IntoValue for Value {
    fn into_value(self) -> Value {
        self
    }
}

impl IntoValue for () {
    fn into_value(self) -> Value {
        Value::Null
    }
}

macro_rules! int_into_value {
    ($($t:ty),*) => {$(
        impl IntoValue for $t {
            fn into_value(self) -> Value {
                Value::Integer(self as i64)
            }
        }
    )*};
}
int_into_value!(i8, i16, i32, i64, u8, u16, u32, bool);

impl IntoValue for usize {
    fn into_value(self) -> Value {
        Value::Integer(i64::try_from(self).unwrap_or(i64::MAX))
    }
}

impl IntoValue for u64 {
    fn into_value(self) -> Value {
        // Values past i64::MAX keep their bits, like SQLite's sqlite3_result_int64 of a cast.
        Value::Integer(self as i64)
    }
}

impl IntoValue for f64 {
    fn into_value(self) -> Value {
        if self.is_nan() { Value::Null } else { Value::Real(self) }
    }
}

impl IntoValue for f32 {
    fn into_value(self) -> Value {
        (self as f64).into_value()
    }
}

impl IntoValue for String {
    fn into_value(self) -> Value {
        Value::Text(self.into_bytes())
    }
}

impl IntoValue for &str {
    fn into_value(self) -> Value {
        Value::Text(self.as_bytes().to_vec())
    }
}

impl IntoValue for std::borrow::Cow<'_, str> {
    fn into_value(self) -> Value {
        Value::Text(self.into_owned().into_bytes())
    }
}

impl IntoValue for Vec<u8> {
    fn into_value(self) -> Value {
        Value::Blob(self)
    }
}

impl IntoValue for &[u8] {
    fn into_value(self) -> Value {
        Value::Blob(self.to_vec())
    }
}

impl<T: IntoValue> IntoValue for Option<T> {
    fn into_value(self) -> Value {
        self.map_or(Value::Null, IntoValue::into_value)
    }
}
