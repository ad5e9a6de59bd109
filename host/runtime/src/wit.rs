//! Host-side bindings of the `sqlink:extension` contract.
//!
//! `bindgen!` generates types for every interface of the `extension` world.
//! The world itself is never instantiated: a component exports only what it
//! implements, so the host binds each exported interface on its own (see
//! `contract`). On the hot path arguments are lowered from borrowed data
//! ([`ArgRef`], [`ValueRef`]) instead of the generated owned `Value`, saving a
//! copy, and results come back as [`Returned`], which holds short text and
//! blobs inline.

wasmtime::component::bindgen!({
    path: "../../wit/extension",
    world: "sqlink:extension/extension",
});

pub use exports::sqlink::extension::manifest;
pub use sqlink::extension::types::{Outcome, ShortBytes, SqlError, SubtypedOutcome, SubtypedValue, Value};
pub use sqlink::extension::{blob, log, spi, types, vtab_types};

use sqlink_abi::Inline;
use wasmtime::component::{ComponentType, Lower};

/// The contract version this host speaks.
pub const CONTRACT_VERSION: &str = "0.2.0";

/// A SQL value borrowed from SQLite, lowered as the contract's `arg`: text
/// and blobs of up to 24 bytes inline, longer ones as lists.
#[derive(ComponentType, Lower, Clone, Copy, Debug)]
#[component(variant)]
pub enum ArgRef<'a> {
    #[component(name = "null")]
    Null,
    #[component(name = "integer")]
    Integer(i64),
    #[component(name = "real")]
    Real(f64),
    #[component(name = "short-text")]
    ShortText(ShortBytes),
    #[component(name = "short-blob")]
    ShortBlob(ShortBytes),
    #[component(name = "text")]
    Text(&'a [u8]),
    #[component(name = "blob")]
    Blob(&'a [u8]),
}

/// `short-bytes` for an inline value.
pub fn short(inline: Inline) -> ShortBytes {
    let (len, [w0, w1, w2]) = inline.words();
    ShortBytes { len, w0, w1, w2 }
}

impl<'a> ArgRef<'a> {
    /// A text argument, inline when short.
    #[inline]
    pub fn text(t: &'a [u8]) -> ArgRef<'a> {
        Inline::new(t).map_or(ArgRef::Text(t), |i| ArgRef::ShortText(short(i)))
    }

    /// A blob argument, inline when short.
    #[inline]
    pub fn blob(b: &'a [u8]) -> ArgRef<'a> {
        Inline::new(b).map_or(ArgRef::Blob(b), |i| ArgRef::ShortBlob(short(i)))
    }
}

impl<'a> From<sqlink_sqlite::ValueRef<'a>> for ArgRef<'a> {
    #[inline]
    fn from(v: sqlink_sqlite::ValueRef<'a>) -> Self {
        use sqlink_sqlite::ValueRef as V;
        match v {
            V::Null => ArgRef::Null,
            V::Integer(i) => ArgRef::Integer(i),
            V::Real(r) => ArgRef::Real(r),
            V::Text(t) => ArgRef::text(t),
            V::Blob(b) => ArgRef::blob(b),
        }
    }
}

/// A SQL value borrowed from SQLite, lowered as the contract's general
/// `value` (what `invoke-subtyped` takes).
#[derive(ComponentType, Lower, Clone, Copy, Debug)]
#[component(variant)]
pub enum ValueRef<'a> {
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

impl<'a> From<sqlink_sqlite::ValueRef<'a>> for ValueRef<'a> {
    fn from(v: sqlink_sqlite::ValueRef<'a>) -> Self {
        use sqlink_sqlite::ValueRef as V;
        match v {
            V::Null => ValueRef::Null,
            V::Integer(i) => ValueRef::Integer(i),
            V::Real(r) => ValueRef::Real(r),
            V::Text(t) => ValueRef::Text(t),
            V::Blob(b) => ValueRef::Blob(b),
        }
    }
}

/// A value the contract's generated type holds (from sqlite-core, under
/// the wasm engine), borrowed for an extension's call.
impl<'a> From<&'a Value> for ValueRef<'a> {
    fn from(v: &'a Value) -> Self {
        match v {
            Value::Null => ValueRef::Null,
            Value::Integer(i) => ValueRef::Integer(*i),
            Value::Real(r) => ValueRef::Real(*r),
            Value::Text(t) => ValueRef::Text(t),
            Value::Blob(b) => ValueRef::Blob(b),
        }
    }
}

/// A borrowed value with its subtype, lowered as `subtyped-value`.
#[derive(ComponentType, Lower, Clone, Copy, Debug)]
#[component(record)]
pub struct SubtypedValueRef<'a> {
    pub value: ValueRef<'a>,
    pub subtype: u8,
}

/// Bytes an extension returned: inline when short, else taken from its
/// overflow.
#[derive(Debug, Clone)]
pub enum Bytes {
    Inline(Inline),
    Heap(Vec<u8>),
}

impl Bytes {
    /// The bytes, wherever they are held.
    pub fn as_slice(&self) -> &[u8] {
        match self {
            Bytes::Inline(i) => i.as_bytes(),
            Bytes::Heap(v) => v,
        }
    }

    /// The bytes as a vector (a copy only when they were inline).
    pub fn into_vec(self) -> Vec<u8> {
        match self {
            Bytes::Inline(i) => i.as_bytes().to_vec(),
            Bytes::Heap(v) => v,
        }
    }
}

/// A value an extension returned from a hot call, with nothing left behind
/// in the extension: what an [`Outcome`] stands for once settled.
#[derive(Debug, Clone)]
pub enum Returned {
    Null,
    Integer(i64),
    Real(f64),
    Text(Bytes),
    Blob(Bytes),
}

impl Returned {
    /// The value as SQLite takes it.
    pub fn as_value_ref(&self) -> sqlink_sqlite::ValueRef<'_> {
        use sqlink_sqlite::ValueRef as V;
        match self {
            Returned::Null => V::Null,
            Returned::Integer(i) => V::Integer(*i),
            Returned::Real(r) => V::Real(*r),
            Returned::Text(t) => V::Text(t.as_slice()),
            Returned::Blob(b) => V::Blob(b.as_slice()),
        }
    }

    /// The bytes of a text or blob (a collation's sort key); None for
    /// anything else.
    pub fn into_bytes(self) -> Option<Vec<u8>> {
        match self {
            Returned::Text(b) | Returned::Blob(b) => Some(b.into_vec()),
            _ => None,
        }
    }
}
