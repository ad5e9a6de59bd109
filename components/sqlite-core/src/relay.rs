//! Serving SQL that an extension runs in the middle of a call (see
//! wit/engine/relay.wit): a call the host suspended ends with the code
//! [`SUSPENDED`]; the SQL it asked for runs here, on the connection whose
//! statement made the call, under the spi guard; then the call is made
//! again and returns what the extension returned.

use crate::bindings::sqlink::engine::relay;
use crate::bindings::sqlink::extension::types::{Outcome, SqlError, SubtypedOutcome};
use sqlink_sqlite::Db;

/// The code of a call the host suspended (no SQLite result code is this).
pub(crate) const SUSPENDED: i32 = i32::MIN;

/// An import call's result that may stand for a suspended call.
pub(crate) trait Suspendable {
    fn suspended(&self) -> bool;
}

impl Suspendable for Outcome {
    fn suspended(&self) -> bool {
        matches!(self, Outcome::Error(SUSPENDED))
    }
}

impl Suspendable for SubtypedOutcome {
    fn suspended(&self) -> bool {
        self.value.suspended()
    }
}

/// A `step`/`inverse` status.
impl Suspendable for i32 {
    fn suspended(&self) -> bool {
        *self == SUSPENDED
    }
}

impl<T> Suspendable for Result<T, SqlError> {
    fn suspended(&self) -> bool {
        matches!(self, Err(e) if e.code == SUSPENDED)
    }
}

/// Makes import call `call` for a statement of `db`, serving the SQL of
/// the extension's call whenever the host suspends it.
#[inline]
pub(crate) fn relayed<R: Suspendable>(db: Db, mut call: impl FnMut() -> R) -> R {
    loop {
        let result = call();
        if !result.suspended() {
            return result;
        }
        serve(db);
    }
}

/// Runs every request of the suspended call, until it has returned.
#[cold]
fn serve(db: Db) {
    while let Some(request) = relay::next() {
        relay::reply(&crate::spi::serve(db, request));
    }
}
