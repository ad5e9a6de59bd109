//! The extension's side of the hot-call encoding (`arg`, `outcome` and
//! `overflow` in `wit/extension`): short text and blobs arrive and leave
//! inline, and what does not fit in an outcome (a long result, an error's
//! message) waits here until the host takes it.
//!
//! The generated exports call these; extension code never sees them.

use crate::error::Error;
use crate::value::Value;
use crate::wit::types::{Arg, Outcome, ShortBytes, SubtypedOutcome};
use sqlink_abi::Inline;
use std::cell::RefCell;

thread_local! {
    /// The bytes the last outcome left for `overflow.take`.
    static OVERFLOW: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    /// Buffers of text and blob arguments from earlier calls, reused so a
    /// short argument costs a copy instead of an allocation and a free.
    static SPARE: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
}

/// Spare buffers kept for reuse, and the largest capacity worth keeping.
const SPARE_BUFFERS: usize = 8;
const SPARE_CAPACITY: usize = 4096;

/// The bytes of `inline` in a buffer from an earlier call when one is
/// spare (copied as a fixed 24 bytes, then cut: no `memory.copy`).
fn buffer(inline: Inline) -> Vec<u8> {
    let mut v = SPARE.with(|s| s.borrow_mut().pop()).unwrap_or_default();
    v.clear();
    v.extend_from_slice(inline.padded());
    v.truncate(inline.as_bytes().len());
    v
}

/// Hands the buffers of a call's argument values back for reuse.
pub fn recycle(values: impl IntoIterator<Item = Value>) {
    for v in values {
        if let Value::Text(b) | Value::Blob(b) = v
            && b.capacity() <= SPARE_CAPACITY
        {
            SPARE.with(|s| {
                let mut spare = s.borrow_mut();
                if spare.len() < SPARE_BUFFERS {
                    spare.push(b);
                }
            });
        }
    }
}

fn inline(bytes: &ShortBytes) -> Inline {
    // A host that sends more than 24 bytes inline broke the contract; stop
    // (the call traps and the host reports it) rather than guess.
    Inline::from_words(bytes.len, [bytes.w0, bytes.w1, bytes.w2]).expect("short-bytes longer than 24 bytes")
}

fn short(inline: Inline) -> ShortBytes {
    let (len, [w0, w1, w2]) = inline.words();
    ShortBytes { len, w0, w1, w2 }
}

/// An argument as the SQL value it carries.
pub fn value(arg: Arg) -> Value {
    match arg {
        Arg::Null => Value::Null,
        Arg::Integer(i) => Value::Integer(i),
        Arg::Real(r) => Value::Real(r),
        Arg::ShortText(s) => Value::Text(buffer(inline(&s))),
        Arg::ShortBlob(s) => Value::Blob(buffer(inline(&s))),
        Arg::Text(t) => Value::Text(t),
        Arg::Blob(b) => Value::Blob(b),
    }
}

/// The bytes of a collation's text argument, held where they arrived:
/// inline on the stack, or in the list the host sent.
pub enum Text {
    Inline(Inline),
    Heap(Vec<u8>),
}

impl Text {
    /// The text's bytes, as stored (possibly not UTF-8).
    pub fn as_bytes(&self) -> &[u8] {
        match self {
            Text::Inline(i) => i.as_bytes(),
            Text::Heap(v) => v,
        }
    }
}

impl From<Arg> for Text {
    fn from(arg: Arg) -> Text {
        match arg {
            Arg::ShortText(s) | Arg::ShortBlob(s) => Text::Inline(inline(&s)),
            Arg::Text(t) | Arg::Blob(t) => Text::Heap(t),
            other => Text::Heap(value(other).to_text_bytes().map(|b| b.into_owned()).unwrap_or_default()),
        }
    }
}

/// A sort key as an outcome: a blob, inline when short.
pub fn key_outcome(key: &[u8]) -> Outcome {
    match Inline::new(key) {
        Some(i) => Outcome::ShortBlob(short(i)),
        None => Outcome::LongBlob(leave(key.to_vec())),
    }
}

/// A SQL value as the argument a host would send (for `sqlink_test`).
pub fn arg(value: &Value) -> Arg {
    match value {
        Value::Null => Arg::Null,
        Value::Integer(i) => Arg::Integer(*i),
        Value::Real(r) => Arg::Real(*r),
        Value::Text(t) => Inline::new(t).map_or_else(|| Arg::Text(t.clone()), |i| Arg::ShortText(short(i))),
        Value::Blob(b) => Inline::new(b).map_or_else(|| Arg::Blob(b.clone()), |i| Arg::ShortBlob(short(i))),
    }
}

/// Leaves `bytes` for `overflow.take`.
fn leave(bytes: Vec<u8>) -> u32 {
    let len = bytes.len() as u32;
    OVERFLOW.with(|o| *o.borrow_mut() = bytes);
    len
}

/// A function's result as an outcome: short values inline, long ones and
/// error messages left for `overflow.take`.
pub fn outcome(result: Result<Value, Error>) -> Outcome {
    match result {
        Ok(Value::Null) => Outcome::Null,
        Ok(Value::Integer(i)) => Outcome::Integer(i),
        Ok(Value::Real(r)) => Outcome::Real(r),
        Ok(Value::Text(t)) => match Inline::new(&t) {
            Some(i) => Outcome::ShortText(short(i)),
            None => Outcome::LongText(leave(t)),
        },
        Ok(Value::Blob(b)) => match Inline::new(&b) {
            Some(i) => Outcome::ShortBlob(short(i)),
            None => Outcome::LongBlob(leave(b)),
        },
        Err(e) => {
            leave(e.message.into_bytes());
            Outcome::Error(e.code)
        }
    }
}

/// A result with its subtype as an outcome.
pub fn subtyped_outcome(result: Result<(Value, u8), Error>) -> SubtypedOutcome {
    match result {
        Ok((value, subtype)) => SubtypedOutcome { value: outcome(Ok(value)), subtype },
        Err(e) => SubtypedOutcome { value: outcome(Err(e)), subtype: 0 },
    }
}

/// A `step` or `inverse` status: 0, or the error's code with its message
/// left for `overflow.take`.
pub fn status(result: Result<(), Error>) -> i32 {
    match result {
        Ok(()) => 0,
        Err(e) => {
            leave(e.message.into_bytes());
            // 0 means success: an error must never look like one.
            if e.code == 0 { Error::ERROR } else { e.code }
        }
    }
}

/// `overflow.take`: the bytes the last outcome left, once.
pub fn take() -> Vec<u8> {
    OVERFLOW.with(|o| std::mem::take(&mut *o.borrow_mut()))
}

/// An outcome as the value or error it stands for, taking what it left
/// behind (for `sqlink_test`, which calls the exports as a host would).
pub fn settle(outcome: Outcome) -> Result<Value, Error> {
    match outcome {
        Outcome::Null => Ok(Value::Null),
        Outcome::Integer(i) => Ok(Value::Integer(i)),
        Outcome::Real(r) => Ok(Value::Real(r)),
        Outcome::ShortText(s) => Ok(Value::Text(inline(&s).as_bytes().to_vec())),
        Outcome::ShortBlob(s) => Ok(Value::Blob(inline(&s).as_bytes().to_vec())),
        Outcome::LongText(_) => Ok(Value::Text(take())),
        Outcome::LongBlob(_) => Ok(Value::Blob(take())),
        Outcome::Error(code) => Err(Error::with_code(code, String::from_utf8_lossy(&take()).into_owned())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip_through_args_and_outcomes_byte_exact() {
        let long = vec![b'x'; 100];
        let values = [
            Value::Null,
            Value::Integer(i64::MIN),
            Value::Real(-0.5),
            Value::Text(b"".to_vec()),
            Value::Text(b"exactly twenty-four byte".to_vec()),
            Value::Text(b"\xff\xfe not utf-8".to_vec()),
            Value::Blob(vec![0; 24]),
            Value::Blob(vec![1; 25]),
            Value::Text(long.clone()),
        ];
        for v in values {
            assert_eq!(value(arg(&v)), v);
            assert_eq!(settle(outcome(Ok(v.clone()))).unwrap(), v);
        }
    }

    #[test]
    fn recycled_buffers_serve_later_arguments() {
        let bytes_of = |v: &Value| match v {
            Value::Text(b) | Value::Blob(b) => b.as_ptr(),
            _ => unreachable!(),
        };
        let first = value(arg(&Value::text("first")));
        let buffer = bytes_of(&first);
        recycle([first]);
        let second = value(arg(&Value::Blob(b"second".to_vec())));
        assert_eq!(second, Value::Blob(b"second".to_vec()));
        assert_eq!(bytes_of(&second), buffer, "the recycled buffer holds the next short argument");
        // Long arguments arrive in their own buffers, and those are kept too.
        recycle([second, Value::Integer(1), value(arg(&Value::text("l".repeat(30))))]);
        assert_eq!(value(arg(&Value::text("x"))), Value::text("x"));
    }

    #[test]
    fn short_values_go_inline_and_long_ones_wait_in_the_overflow() {
        assert!(matches!(arg(&Value::text("a".repeat(24))), Arg::ShortText(_)));
        assert!(matches!(arg(&Value::text("a".repeat(25))), Arg::Text(_)));
        assert_eq!(outcome(Ok(Value::Blob(vec![9; 30]))), Outcome::LongBlob(30));
        assert_eq!(take(), vec![9; 30]);
        assert_eq!(take(), Vec::<u8>::new(), "taken once");
    }

    #[test]
    fn collation_texts_and_keys_cross_either_way() {
        assert_eq!(Text::from(arg(&Value::text("short"))).as_bytes(), b"short");
        assert_eq!(Text::from(arg(&Value::text("l".repeat(40)))).as_bytes(), "l".repeat(40).as_bytes());
        assert_eq!(key_outcome(b"key"), outcome(Ok(Value::Blob(b"key".to_vec()))));
        assert_eq!(key_outcome(&[7; 30]), Outcome::LongBlob(30));
        assert_eq!(take(), vec![7; 30]);
    }

    #[test]
    fn errors_leave_their_message_and_never_report_success() {
        assert_eq!(outcome(Err(Error::with_code(20, "bad"))), Outcome::Error(20));
        assert_eq!(take(), b"bad");
        assert_eq!(status(Err(Error::with_code(0, "zero"))), 1);
        assert_eq!(take(), b"zero");
        assert_eq!(status(Ok(())), 0);
    }
}
