//! The router: an extension made of two extensions.
//!
//! It imports two extensions (`left-*` and `right-*`, each shaped exactly
//! like the contract interface of the same name, so an extension's exports
//! plug straight in) and exports one: the merged manifest, with names
//! qualified and ids remapped (see [`merge`]), and every call forwarded to
//! the side that owns the id. Routers nest, so any set of extensions
//! composes into one.
//!
//! Virtual tables and dot commands are routed the same way (see `vtab`,
//! `dot`); hooks and authorizers go to every side that asked (`watch`).
//!
//! Each child's `describe` is called once, on first use, and the merge is
//! kept for the life of the instance.

#![warn(missing_docs)]

mod dot;
pub mod merge;
mod vtab;
mod watch;

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

use bindings::exports::sqlink::extension::{aggregate, collation, manifest as out, overflow, scalar};
use bindings::sqlink::extension::manifest as child;
use bindings::sqlink::extension::types::{Arg, FunctionFlags, Outcome, SubtypedOutcome, SubtypedValue};
use bindings::{left_aggregate, left_collation, left_manifest, left_overflow, left_scalar};
use bindings::{right_aggregate, right_collation, right_manifest, right_overflow, right_scalar};
use merge::{Merged, Route};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The merge of both children's manifests, computed on first use.
pub(crate) fn merged() -> &'static Merged {
    static MERGED: OnceLock<Merged> = OnceLock::new();
    MERGED.get_or_init(|| merge::merge(&from_child(left_manifest::describe()), &from_child(right_manifest::describe())))
}

/// Who holds the bytes the router's last outcome left behind: a long
/// result stays in the child that made it (taking it is forwarded there),
/// and an error message the router rewrote is held here.
enum Pending {
    Nothing,
    Left,
    Right,
    Here(Vec<u8>),
}

thread_local! {
    static PENDING: RefCell<Pending> = const { RefCell::new(Pending::Nothing) };
}

fn pend(p: Pending) {
    PENDING.with(|slot| *slot.borrow_mut() = p);
}

/// The side a call went to.
#[derive(Clone, Copy)]
pub(crate) enum Side {
    Left,
    Right,
}

impl Side {
    fn take(self) -> Vec<u8> {
        match self {
            Side::Left => left_overflow::take(),
            Side::Right => right_overflow::take(),
        }
    }

    pub(crate) fn counts(self) -> &'static merge::Counts {
        match self {
            Side::Left => &merged().left,
            Side::Right => &merged().right,
        }
    }

    fn pending(self) -> Pending {
        match self {
            Side::Left => Pending::Left,
            Side::Right => Pending::Right,
        }
    }
}

/// An error the router raises itself: its message waits here.
fn own_error(message: String) -> i32 {
    pend(Pending::Here(message.into_bytes()));
    1
}

/// The error for an id neither side owns.
fn unknown(kind: &str, id: u32) -> i32 {
    let m = merged();
    let name = if m.manifest.name.is_empty() { "this router" } else { m.manifest.name.as_str() };
    own_error(format!("{name} has no {kind} with id {id}"))
}

/// An error code from a child, whose message waits on that side, worded as
/// the child worded it (as the native host passes it on).
fn child_error(side: Side, code: i32) -> i32 {
    pend(side.pending());
    code
}

/// Passes on a child's outcome, noting where what it left behind waits.
fn relay(side: Side, outcome: Outcome) -> Outcome {
    match outcome {
        Outcome::Error(code) => Outcome::Error(child_error(side, code)),
        long @ (Outcome::LongText(_) | Outcome::LongBlob(_)) => {
            pend(side.pending());
            long
        }
        inline => {
            pend(Pending::Nothing);
            inline
        }
    }
}

/// Passes on a child's `step`/`inverse` status.
fn relay_status(side: Side, code: i32) -> i32 {
    if code == 0 {
        pend(Pending::Nothing);
        0
    } else {
        child_error(side, code)
    }
}

/// Forwards one call to the side that owns a merged id: `$route` is the
/// merged id's [`Route`], `$left`/`$right` the calls to make with the
/// child's id bound to `$id`, `$relay` what passes the result on and
/// `$unknown` what to return for an id neither side owns.
macro_rules! forward {
    ($route:expr, $relay:expr, $unknown:expr, |$id:ident| $left:expr, $right:expr) => {
        match $route {
            Route::Left($id) => $relay(Side::Left, $left),
            Route::Right($id) => $relay(Side::Right, $right),
            Route::Unknown => $unknown,
        }
    };
}

/// Forwards a scalar call.
macro_rules! scalar {
    ($id:expr, |$i:ident| $left:expr, $right:expr) => {
        forward!(merged().function($id), relay, Outcome::Error(unknown("function", $id)), |$i| $left, $right)
    };
}

/// The router's exports.
pub(crate) struct Router;

impl out::Guest for Router {
    fn describe() -> out::Manifest {
        to_export(&merged().manifest)
    }
}

impl overflow::Guest for Router {
    fn take() -> Vec<u8> {
        match PENDING.with(|slot| std::mem::replace(&mut *slot.borrow_mut(), Pending::Nothing)) {
            Pending::Nothing => Vec::new(),
            Pending::Left => Side::Left.take(),
            Pending::Right => Side::Right.take(),
            Pending::Here(bytes) => bytes,
        }
    }
}

impl scalar::Guest for Router {
    fn invoke(id: u32, args: Vec<Arg>) -> Outcome {
        scalar!(id, |i| left_scalar::invoke(i, &args), right_scalar::invoke(i, &args))
    }

    fn invoke0(id: u32) -> Outcome {
        scalar!(id, |i| left_scalar::invoke0(i), right_scalar::invoke0(i))
    }

    fn invoke1(id: u32, a: Arg) -> Outcome {
        scalar!(id, |i| left_scalar::invoke1(i, &a), right_scalar::invoke1(i, &a))
    }

    fn invoke2(id: u32, a: Arg, b: Arg) -> Outcome {
        scalar!(id, |i| left_scalar::invoke2(i, &a, &b), right_scalar::invoke2(i, &a, &b))
    }

    fn invoke3(id: u32, a: Arg, b: Arg, c: Arg) -> Outcome {
        scalar!(id, |i| left_scalar::invoke3(i, &a, &b, &c), right_scalar::invoke3(i, &a, &b, &c))
    }

    fn invoke_subtyped(id: u32, args: Vec<SubtypedValue>) -> SubtypedOutcome {
        let relay_subtyped = |side, out: SubtypedOutcome| SubtypedOutcome { value: relay(side, out.value), subtype: out.subtype };
        forward!(
            merged().function(id),
            relay_subtyped,
            SubtypedOutcome { value: Outcome::Error(unknown("function", id)), subtype: 0 },
            |i| left_scalar::invoke_subtyped(i, &args),
            right_scalar::invoke_subtyped(i, &args)
        )
    }
}

impl aggregate::Guest for Router {
    fn step(id: u32, group: u64, rows: u32, width: u32, args: Vec<Arg>, subtypes: Vec<u8>) -> i32 {
        forward!(
            merged().aggregate(id),
            relay_status,
            unknown("aggregate", id),
            |i| left_aggregate::step(i, group, rows, width, &args, &subtypes),
            right_aggregate::step(i, group, rows, width, &args, &subtypes)
        )
    }

    fn inverse(id: u32, group: u64, rows: u32, width: u32, args: Vec<Arg>, subtypes: Vec<u8>) -> i32 {
        forward!(
            merged().aggregate(id),
            relay_status,
            unknown("aggregate", id),
            |i| left_aggregate::inverse(i, group, rows, width, &args, &subtypes),
            right_aggregate::inverse(i, group, rows, width, &args, &subtypes)
        )
    }

    fn value(id: u32, group: u64) -> SubtypedOutcome {
        let relay_subtyped = |side, out: SubtypedOutcome| SubtypedOutcome { value: relay(side, out.value), subtype: out.subtype };
        forward!(
            merged().aggregate(id),
            relay_subtyped,
            SubtypedOutcome { value: Outcome::Error(unknown("aggregate", id)), subtype: 0 },
            |i| left_aggregate::value(i, group),
            right_aggregate::value(i, group)
        )
    }

    fn finalize(id: u32, group: u64) -> SubtypedOutcome {
        let relay_subtyped = |side, out: SubtypedOutcome| SubtypedOutcome { value: relay(side, out.value), subtype: out.subtype };
        forward!(
            merged().aggregate(id),
            relay_subtyped,
            SubtypedOutcome { value: Outcome::Error(unknown("aggregate", id)), subtype: 0 },
            |i| left_aggregate::finalize(i, group),
            right_aggregate::finalize(i, group)
        )
    }
}

impl collation::Guest for Router {
    fn compare(id: u32, a: Arg, b: Arg) -> i32 {
        match merged().collation(id) {
            Route::Left(i) => left_collation::compare(i, &a, &b),
            Route::Right(i) => right_collation::compare(i, &a, &b),
            Route::Unknown => 0,
        }
    }

    fn sort_key(id: u32, text: Arg) -> Outcome {
        forward!(
            merged().collation(id),
            relay,
            Outcome::Error(unknown("collation", id)),
            |i| left_collation::sort_key(i, &text),
            right_collation::sort_key(i, &text)
        )
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
        vtabs: m
            .vtabs
            .into_iter()
            .map(|v| merge::VtabModule {
                name: v.name,
                eponymous: v.eponymous,
                eponymous_only: v.eponymous_only,
                writable: v.writable,
                direct_only: v.direct_only,
                shadow_tables: v.shadow_tables,
                description: v.description,
            })
            .collect(),
        dot_commands: m.dot_commands.into_iter().map(|d| merge::DotCommand { name: d.name, usage: d.usage, help: d.help }).collect(),
        hooks: m.hooks.bits(),
        authorizer: m.authorizer,
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
        vtabs: m
            .vtabs
            .iter()
            .map(|v| out::VtabModule {
                name: v.name.clone(),
                eponymous: v.eponymous,
                eponymous_only: v.eponymous_only,
                writable: v.writable,
                direct_only: v.direct_only,
                shadow_tables: v.shadow_tables.clone(),
                description: v.description.clone(),
            })
            .collect(),
        dot_commands: m
            .dot_commands
            .iter()
            .map(|d| out::DotCommand { name: d.name.clone(), usage: d.usage.clone(), help: d.help.clone() })
            .collect(),
        hooks: out::HookSet::from_bits_retain(m.hooks),
        authorizer: m.authorizer,
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
