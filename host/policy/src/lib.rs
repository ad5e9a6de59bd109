//! What an operator allows an extension.
//!
//! Extensions get pure computation, clocks and random by default. Anything
//! else is a [`Grant`] given per load. Two checks guard every load: the
//! capabilities the manifest declares must be granted
//! ([`Grants::check_declared`]), and every interface the component actually
//! imports must be covered ([`Grants::check_imports`]) — a component cannot
//! reach what its manifest does not admit to. [`Limits`] bound memory and CPU
//! time per call.

mod grant;
mod hints;
mod imports;
mod limits;

pub use grant::{Capability, Grant, Grants};
pub use hints::{Hints, set_hints};
/// Hint wording, for messages elsewhere in the host.
pub mod hint {
    pub use crate::hints::{grant, option, unload};
}
pub use limits::{Limits, parse_bytes};

/// A refusal, worded for the operator: what is missing and how to grant it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Denied(pub String);

impl std::fmt::Display for Denied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Denied {}
