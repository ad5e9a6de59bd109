//! jq filters over JSON text, compatible with Florents-Tselai/liteJQ
//! (commit 973fbdbe, over jq 1.7.1): same name, arguments and results.
//!
//! `jq(json, filter)` parses `json` (exactly one JSON value), runs `filter`
//! on it and returns its **last** output, converted as liteJQ converts it:
//! `null` → NULL, `false`/`true` → 0/1, integral numbers → INTEGER, other
//! numbers → REAL, strings → TEXT (unquoted), arrays and objects → compact
//! JSON TEXT. No output (`empty`) is NULL, and a run-time error ends the
//! run keeping the last output before it (NULL if none) rather than raising.
//!
//! The engine is jaq (jaq-core 2.2, jaq-std 2.1, jaq-json 1.1), not libjq:
//! jaq 3's time functions use jiff, whose time-zone lookup imports
//! wasi:filesystem. Known gaps against liteJQ over jq 1.7.1:
//! - Integers: jaq keeps integers as machine `isize`, which is 32 bits on
//!   wasm32, and its integer `+ - *` wrap past ±2^31 (`2147483647 + 1` is
//!   -2147483648); jq computes in doubles. JSON input integers beyond 32
//!   bits are read as decimal literals and computed in doubles, as in jq.
//! - jaq 2's language differs from jq 1.7 in corners: assignment through a
//!   missing object (`null | .a = 1`, `{} | .a.b = 1`) and `del` of several
//!   array indices (`del(.[0,2])`) raise (so give NULL) where jq builds or
//!   deletes; fractional indices (`.[1.7]`) and `ltrimstr` of a non-string
//!   raise; `infinite | tostring` is "null". Missing builtins (the filter
//!   fails to compile): `$ENV` (`env` is an empty object), `$__loc__`,
//!   `$__prog_args`, `input_line_number`, `get_search_list`, `builtins`,
//!   `setpath`, `delpaths`, `pick`, `tostream`, `fromstream`,
//!   `truncate_stream`, `?//` destructuring, `@base32`, `@base32d`,
//!   `ascii`, `have_decnum`, `splits/0`. `IN`, `INDEX`, `combinations`,
//!   `leaf_paths`, `toarray`, `have_literal_numbers`, `input`, `inputs`,
//!   `input_filename`, `halt` and `halt_error` are supplied here.
//! - JSON input: jaq's reader rejects jq's `nan` literal ("Invalid JSON
//!   input"); invalid UTF-8 is replaced by U+FFFD per maximal subpart.
//! - Integral results beyond 32 bits: liteJQ passes the double to
//!   `sqlite3_result_int` (undefined behaviour in C: truncated or INT_MIN);
//!   here they are 64-bit INTEGERs while they fit, else REAL, and ±infinity
//!   is a REAL ±Inf.
//! - Number literals inside array/object results are written in decNumber's
//!   canonical form like jq 1.7 (`1e2` → `1E+2`), but `-0` becomes `0`.
//! - libjq prints compile errors to stderr; here they only raise the error.
//! - `now` reads the clock, so — as in liteJQ — `jq` is not registered
//!   deterministic.

mod dump;
mod engine;

/// jq filters over JSON text (liteJQ-compatible): `jq(json, filter)`.
#[sqlink_sdk::extension(name = "jq")]
mod jq_ext {
    use sqlink_sdk::prelude::*;

    /// The last output of jq `filter` run on the JSON text `json`: NULL for
    /// `null` or no output, 0/1 for booleans, INTEGER for integral numbers,
    /// REAL for others, TEXT for strings (unquoted, cut at a NUL) and compact
    /// JSON TEXT for arrays and objects. A run-time error ends the run
    /// keeping the last output before it. Errors: "jq function requires
    /// exactly two TEXT arguments" when either argument is not TEXT
    /// (including NULL), "Invalid JSON input" when `json` is not exactly one
    /// JSON value, "Failed to compile jq program" for a bad filter. Not
    /// deterministic: filters may call `now`.
    #[function]
    fn jq(json: &Value, filter: &Value) -> Result<Value> {
        super::jq(json, filter)
    }

    #[cfg(test)]
    mod tests {
        include!("tests.rs");
    }
}

use engine::Failure;
use jaq_json::Val;
use sqlink_sdk::{Error, Value};

fn jq(json: &Value, filter: &Value) -> Result<Value, Error> {
    let (Value::Text(json), Value::Text(filter)) = (json, filter) else {
        return Err(Error::new("jq function requires exactly two TEXT arguments"));
    };
    let json = String::from_utf8_lossy(json);
    let filter = String::from_utf8_lossy(filter);
    match engine::run(&json, &filter) {
        Ok(Some(v)) => Ok(to_sql(&v)),
        Ok(None) => Ok(Value::Null),
        Err(Failure::InvalidJson) => Err(Error::new("Invalid JSON input")),
        Err(Failure::Compile) => Err(Error::new("Failed to compile jq program")),
    }
}

/// One jq value as the SQL value liteJQ returns for it.
fn to_sql(v: &Val) -> Value {
    match v {
        Val::Null => Value::Null,
        Val::Bool(b) => Value::Integer(*b as i64),
        Val::Int(i) => Value::Integer(*i as i64),
        Val::Float(x) => number(*x),
        Val::Num(s) => number(s.parse().unwrap_or(f64::NAN)),
        Val::Str(s) => {
            let cut = s.find('\0').map_or(&***s, |i| &s[..i]);
            Value::Text(cut.as_bytes().to_vec())
        }
        Val::Arr(_) | Val::Obj(_) => Value::Text(dump::dump(v).into_bytes()),
    }
}

/// A double as liteJQ returns it: integral (jq's `jv_is_integer`: fraction
/// below DBL_EPSILON) → INTEGER truncated toward zero, NaN → NULL, else REAL.
fn number(x: f64) -> Value {
    if x.is_nan() {
        Value::Null
    } else if x.is_finite() && x.fract().abs() < f64::EPSILON && x.abs() < 9.223372036854775e18 {
        Value::Integer(x.trunc() as i64)
    } else {
        Value::Real(x)
    }
}
