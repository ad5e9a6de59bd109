//! The router: an extension made of two extensions.
//!
//! It imports two extensions (`left-*` and `right-*`, each shaped exactly
//! like the contract interface of the same name, so an extension's exports
//! plug straight in) and exports one: the merged manifest, with names
//! qualified and ids remapped (see [`merge`]), and every call forwarded to
//! the side that owns the id. Routers nest, so any set of extensions
//! composes into one.
//!
//! Each child's `describe` is called once, on first use, and the merge is
//! kept for the life of the instance.

#![warn(missing_docs)]

pub mod merge;

#[doc(hidden)]
#[allow(clippy::all, dead_code, unused_imports, missing_docs)]
mod bindings {
    wit_bindgen::generate!({
        path: "../../wit/router",
        world: "sqlink:router/router",
        runtime_path: "wit_bindgen::rt",
        generate_all,
    });
}

use bindings::exports::sqlink::extension::{aggregate, collation, manifest as out, scalar};
use bindings::sqlink::extension::manifest as child;
use bindings::sqlink::extension::types::{FunctionFlags, SqlError, SubtypedValue, Value};
use bindings::{left_aggregate, left_collation, left_manifest, left_scalar};
use bindings::{right_aggregate, right_collation, right_manifest, right_scalar};
use merge::{Merged, Route};
use std::sync::OnceLock;

/// The merge of both children's manifests, computed on first use.
fn merged() -> &'static Merged {
    static MERGED: OnceLock<Merged> = OnceLock::new();
    MERGED.get_or_init(|| merge::merge(&from_child(left_manifest::describe()), &from_child(right_manifest::describe())))
}

/// The error for an id neither side owns.
fn unknown(kind: &str, id: u32) -> SqlError {
    let m = merged();
    let name = if m.manifest.name.is_empty() { "this router" } else { m.manifest.name.as_str() };
    SqlError { code: 1, message: format!("{name} has no {kind} with id {id}") }
}

/// An error from a child, named after the extension that raised it (as the
/// native host names it: `fuzzy: NULL input to editdist()`).
fn blame(e: SqlError, child: &merge::Counts) -> SqlError {
    match &child.blame {
        Some(name) => SqlError { code: e.code, message: format!("{name}: {}", e.message) },
        None => e,
    }
}

/// Forwards one call to the side that owns a merged id: `$route` is the
/// merged id's [`Route`], `$left`/`$right` the calls to make with the
/// child's id bound to `$id`.
macro_rules! forward {
    ($route:expr, $kind:literal, $merged_id:expr, |$id:ident| $left:expr, $right:expr) => {
        match $route {
            Route::Left($id) => $left.map_err(|e| blame(e, &merged().left)),
            Route::Right($id) => $right.map_err(|e| blame(e, &merged().right)),
            Route::Unknown => Err(unknown($kind, $merged_id)),
        }
    };
}

/// The router's exports.
struct Router;

impl out::Guest for Router {
    fn describe() -> out::Manifest {
        to_export(&merged().manifest)
    }
}

impl scalar::Guest for Router {
    fn invoke(id: u32, args: Vec<Value>) -> Result<Value, SqlError> {
        forward!(
            merged().function(id),
            "function",
            id,
            |i| left_scalar::invoke(i, &args),
            right_scalar::invoke(i, &args)
        )
    }

    fn invoke0(id: u32) -> Result<Value, SqlError> {
        forward!(merged().function(id), "function", id, |i| left_scalar::invoke0(i), right_scalar::invoke0(i))
    }

    fn invoke1(id: u32, a: Value) -> Result<Value, SqlError> {
        forward!(merged().function(id), "function", id, |i| left_scalar::invoke1(i, &a), right_scalar::invoke1(i, &a))
    }

    fn invoke2(id: u32, a: Value, b: Value) -> Result<Value, SqlError> {
        forward!(
            merged().function(id),
            "function",
            id,
            |i| left_scalar::invoke2(i, &a, &b),
            right_scalar::invoke2(i, &a, &b)
        )
    }

    fn invoke3(id: u32, a: Value, b: Value, c: Value) -> Result<Value, SqlError> {
        forward!(
            merged().function(id),
            "function",
            id,
            |i| left_scalar::invoke3(i, &a, &b, &c),
            right_scalar::invoke3(i, &a, &b, &c)
        )
    }

    fn invoke_subtyped(id: u32, args: Vec<SubtypedValue>) -> Result<SubtypedValue, SqlError> {
        forward!(
            merged().function(id),
            "function",
            id,
            |i| left_scalar::invoke_subtyped(i, &args),
            right_scalar::invoke_subtyped(i, &args)
        )
    }
}

impl aggregate::Guest for Router {
    fn step(id: u32, group: u64, rows: u32, width: u32, args: Vec<SubtypedValue>) -> Result<(), SqlError> {
        forward!(
            merged().aggregate(id),
            "aggregate",
            id,
            |i| left_aggregate::step(i, group, rows, width, &args),
            right_aggregate::step(i, group, rows, width, &args)
        )
    }

    fn inverse(id: u32, group: u64, rows: u32, width: u32, args: Vec<SubtypedValue>) -> Result<(), SqlError> {
        forward!(
            merged().aggregate(id),
            "aggregate",
            id,
            |i| left_aggregate::inverse(i, group, rows, width, &args),
            right_aggregate::inverse(i, group, rows, width, &args)
        )
    }

    fn value(id: u32, group: u64) -> Result<SubtypedValue, SqlError> {
        forward!(
            merged().aggregate(id),
            "aggregate",
            id,
            |i| left_aggregate::value(i, group),
            right_aggregate::value(i, group)
        )
    }

    fn finalize(id: u32, group: u64) -> Result<SubtypedValue, SqlError> {
        forward!(
            merged().aggregate(id),
            "aggregate",
            id,
            |i| left_aggregate::finalize(i, group),
            right_aggregate::finalize(i, group)
        )
    }
}

impl collation::Guest for Router {
    fn compare(id: u32, a: Vec<u8>, b: Vec<u8>) -> i32 {
        match merged().collation(id) {
            Route::Left(i) => left_collation::compare(i, &a, &b),
            Route::Right(i) => right_collation::compare(i, &a, &b),
            Route::Unknown => 0,
        }
    }

    fn sort_key(id: u32, text: Vec<u8>) -> Vec<u8> {
        match merged().collation(id) {
            Route::Left(i) => left_collation::sort_key(i, &text),
            Route::Right(i) => right_collation::sort_key(i, &text),
            Route::Unknown => text,
        }
    }
}

bindings::export!(Router with_types_in bindings);

/// A child's manifest (the imported `manifest` type) as plain data.
fn from_child(m: child::Manifest) -> merge::Manifest {
    let value_type = |t: child::ValueType| match t {
        child::ValueType::Any => merge::ValueType::Any,
        child::ValueType::Integer => merge::ValueType::Integer,
        child::ValueType::Real => merge::ValueType::Real,
        child::ValueType::Text => merge::ValueType::Text,
        child::ValueType::Blob => merge::ValueType::Blob,
        child::ValueType::Numeric => merge::ValueType::Numeric,
    };
    merge::Manifest {
        name: m.name,
        version: m.version,
        description: m.description,
        prefix: m.prefix,
        namespace: m.namespace,
        functions: m
            .functions
            .into_iter()
            .map(|f| merge::Function {
                name: f.name,
                arity: f.arity,
                flags: f.flags.bits(),
                arg_types: f.arg_types.into_iter().map(value_type).collect(),
                result_type: f.result_type.map(value_type),
                description: f.description,
            })
            .collect(),
        aggregates: m
            .aggregates
            .into_iter()
            .map(|a| merge::Aggregate {
                name: a.name,
                arity: a.arity,
                flags: a.flags.bits(),
                window: a.window,
                description: a.description,
            })
            .collect(),
        collations: m.collations.into_iter().map(|c| merge::Collation { name: c.name, keyed: c.keyed }).collect(),
        capabilities: m
            .capabilities
            .into_iter()
            .map(|c| match c {
                child::Capability::Spi => merge::Capability::Spi,
                child::Capability::Fs(a) => merge::Capability::Fs { write: matches!(a, child::FsAccess::ReadWrite) },
                child::Capability::Http(p) => merge::Capability::Http(p),
                child::Capability::Env(n) => merge::Capability::Env(n),
            })
            .collect(),
    }
}

/// The merged manifest as the exported `manifest` type.
fn to_export(m: &merge::Manifest) -> out::Manifest {
    let value_type = |t: &merge::ValueType| match t {
        merge::ValueType::Any => out::ValueType::Any,
        merge::ValueType::Integer => out::ValueType::Integer,
        merge::ValueType::Real => out::ValueType::Real,
        merge::ValueType::Text => out::ValueType::Text,
        merge::ValueType::Blob => out::ValueType::Blob,
        merge::ValueType::Numeric => out::ValueType::Numeric,
    };
    out::Manifest {
        name: m.name.clone(),
        version: m.version.clone(),
        description: m.description.clone(),
        prefix: m.prefix.clone(),
        namespace: m.namespace.clone(),
        functions: m
            .functions
            .iter()
            .map(|f| out::Function {
                name: f.name.clone(),
                arity: f.arity,
                flags: FunctionFlags::from_bits_retain(f.flags),
                arg_types: f.arg_types.iter().map(value_type).collect(),
                result_type: f.result_type.as_ref().map(value_type),
                description: f.description.clone(),
            })
            .collect(),
        aggregates: m
            .aggregates
            .iter()
            .map(|a| out::Aggregate {
                name: a.name.clone(),
                arity: a.arity,
                flags: FunctionFlags::from_bits_retain(a.flags),
                window: a.window,
                description: a.description.clone(),
            })
            .collect(),
        collations: m.collations.iter().map(|c| out::Collation { name: c.name.clone(), keyed: c.keyed }).collect(),
        vtabs: Vec::new(),
        dot_commands: Vec::new(),
        hooks: out::HookSet::empty(),
        authorizer: false,
        capabilities: m
            .capabilities
            .iter()
            .map(|c| match c {
                merge::Capability::Spi => out::Capability::Spi,
                merge::Capability::Fs { write: true } => out::Capability::Fs(out::FsAccess::ReadWrite),
                merge::Capability::Fs { write: false } => out::Capability::Fs(out::FsAccess::ReadOnly),
                merge::Capability::Http(p) => out::Capability::Http(p.clone()),
                merge::Capability::Env(n) => out::Capability::Env(n.clone()),
            })
            .collect(),
    }
}
