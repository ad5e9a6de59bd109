//! What sqlite-hashes does with arguments: hash text and blobs in order,
//! skip NULLs, refuse numbers; and what it returns when nothing was hashed.

use crate::algorithms::Algorithm;
use sqlink_sdk::{Error, Value};

/// SQLITE_CONSTRAINT_FUNCTION: the code rusqlite gives a function's error.
const CONSTRAINT_FUNCTION: i32 = 1043;

/// How far one hash got: no argument seen, only NULLs seen, or data hashed.
///
/// The difference shows in the results: a blob function gives NULL unless
/// data was hashed; a hex function gives NULL when nothing was seen (an
/// aggregate over no rows) but `''` when only NULLs were (as `hex(NULL)`).
#[derive(Default)]
pub enum HashState<A> {
    #[default]
    Created,
    Started,
    HasValues(A),
}

impl<A: Algorithm> HashState<A> {
    /// Feeds one call's (or one row's) arguments. `position` says which
    /// index a type error names: sqlite-hashes' scalars always name index 0,
    /// its aggregates the argument's own index.
    pub fn add_args(&mut self, args: &[Value], position: Position) -> Result<(), Error> {
        if args.is_empty() {
            return Err(Error::with_code(CONSTRAINT_FUNCTION, "Wrong number of parameters passed to query. Got 0, needed 1"));
        }
        for (idx, arg) in args.iter().enumerate() {
            match arg {
                Value::Text(bytes) | Value::Blob(bytes) => self.add_value(bytes),
                Value::Null => {
                    if let HashState::Created = self {
                        *self = HashState::Started;
                    }
                }
                Value::Integer(_) | Value::Real(_) => {
                    let index = match position {
                        Position::AlwaysZero => 0,
                        Position::Own => idx,
                    };
                    let kind = if matches!(arg, Value::Integer(_)) { "Integer" } else { "Real" };
                    return Err(Error::with_code(CONSTRAINT_FUNCTION, format!("Invalid function parameter type {kind} at index {index}")));
                }
            }
        }
        Ok(())
    }

    fn add_value(&mut self, bytes: &[u8]) {
        if !matches!(self, HashState::HasValues(_)) {
            *self = HashState::HasValues(A::default());
        }
        if let HashState::HasValues(a) = self {
            a.update(bytes);
        }
    }

    /// The digest as a blob; NULL unless some text or blob was hashed.
    pub fn blob(self) -> Option<Vec<u8>> {
        match self {
            HashState::HasValues(a) => Some(a.digest()),
            _ => None,
        }
    }

    /// The digest as upper-case hex; `''` if only NULLs were seen, NULL if
    /// nothing was.
    pub fn hex(self) -> Option<String> {
        match self {
            HashState::Created => None,
            HashState::Started => Some(String::new()),
            HashState::HasValues(a) => Some(a.digest().iter().map(|b| format!("{b:02X}")).collect()),
        }
    }
}

/// Which argument index a type error names.
#[derive(Clone, Copy)]
pub enum Position {
    /// Always 0 (sqlite-hashes' scalar functions).
    AlwaysZero,
    /// The argument's own index (its aggregates).
    Own,
}

/// A scalar call: the hash of its arguments.
pub fn hash<A: Algorithm>(args: &[Value]) -> Result<HashState<A>, Error> {
    let mut state = HashState::default();
    state.add_args(args, Position::AlwaysZero)?;
    Ok(state)
}

/// The running state of a `*_concat` (`HEX = false`) or `*_concat_hex`
/// aggregate: every row's arguments hashed in row order.
pub struct Concat<A, const HEX: bool>(HashState<A>);

impl<A, const HEX: bool> Default for Concat<A, HEX> {
    fn default() -> Self {
        Concat(HashState::Created)
    }
}

impl<A: Algorithm, const HEX: bool> Concat<A, HEX> {
    /// Adds one row's arguments.
    pub fn add_row(&mut self, args: &[Value]) -> Result<(), Error> {
        self.0.add_args(args, Position::Own)
    }

    /// The blob or hex result of all rows.
    pub fn result(self) -> Value {
        if HEX {
            self.0.hex().map_or(Value::Null, |s| Value::Text(s.into_bytes()))
        } else {
            self.0.blob().map_or(Value::Null, Value::Blob)
        }
    }
}
