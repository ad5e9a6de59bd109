//! Host-side bindings of the `sqlink:extension` contract.
//!
//! `bindgen!` generates types for every interface of the `extension` world.
//! The world itself is never instantiated: a component exports only what it
//! implements, so the host binds each exported interface on its own (see
//! `contract`). On the hot path arguments are lowered from borrowed data
//! ([`ArgRef`]) instead of the generated owned `Value`, saving a copy.

wasmtime::component::bindgen!({
    path: "../../wit/extension",
    world: "sqlink:extension/extension",
});

pub use exports::sqlink::extension::manifest;
pub use sqlink::extension::types::{SqlError, SubtypedValue, Value};
pub use sqlink::extension::{log, spi, types};

use wasmtime::component::{ComponentType, Lower};

/// The contract version this host speaks.
pub const CONTRACT_VERSION: &str = "0.1.0";

/// A SQL value borrowed from SQLite, lowered as the contract's `value`.
#[derive(ComponentType, Lower, Clone, Copy, Debug)]
#[component(variant)]
pub enum ArgRef<'a> {
    #[component(name = "null")]
    Null,
    #[component(name = "integer")]
    Integer(i64),
    #[component(name = "real")]
    Real(f64),
    #[component(name = "text")]
    Text(&'a [u8]),
    #[component(name = "blob")]
    Blob(&'a [u8]),
}

/// A borrowed value with its subtype, lowered as `subtyped-value`.
#[derive(ComponentType, Lower, Clone, Copy, Debug)]
#[component(record)]
pub struct SubtypedArgRef<'a> {
    pub value: ArgRef<'a>,
    pub subtype: u8,
}

impl<'a> From<sqlink_sqlite::ValueRef<'a>> for ArgRef<'a> {
    fn from(v: sqlink_sqlite::ValueRef<'a>) -> Self {
        use sqlink_sqlite::ValueRef as V;
        match v {
            V::Null => ArgRef::Null,
            V::Integer(i) => ArgRef::Integer(i),
            V::Real(r) => ArgRef::Real(r),
            V::Text(t) => ArgRef::Text(t),
            V::Blob(b) => ArgRef::Blob(b),
        }
    }
}
