//! What `sqlite-core` imports, served by the host: the loaded extensions,
//! merged into one ([`Union`]), behind the extension interfaces.
//!
//! Results cross back in the contract's hot-call form: short values inline,
//! long ones and error messages held here until sqlite-core takes them
//! (`overflow.take`).

use super::relay::{Relay, Relayed, SUSPENDED};
use super::union::{CompareOutcome, Routed, Union, subtyped_refs};
use crate::instance::{CallResult, Instance};
use super::wit::ext;
use crate::wit::{ArgRef, Bytes, Returned, SqlError, SubtypedValue, short};
use crate::wit::types::{Arg, Outcome, SubtypedOutcome};
use sqlink_abi::Inline;
use std::sync::{Arc, Mutex};
use wasmtime::component::ResourceTable;
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};

/// The state of the `sqlite-core` store: its WASI context and the
/// extensions it imports.
pub(crate) struct CoreState {
    pub wasi: WasiCtx,
    pub table: ResourceTable,
    pub union: Arc<Mutex<Union>>,
    /// What the last outcome handed to sqlite-core left behind.
    pub overflow: Vec<u8>,
    /// Calls suspended while sqlite-core serves their SQL.
    pub relay: Relay,
}

impl WasiView for CoreState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView { ctx: &mut self.wasi, table: &mut self.table }
    }
}

/// An argument sqlite-core sent, borrowed for the extension's call (inline
/// values pass through as they came).
fn arg_ref(a: &Arg) -> ArgRef<'_> {
    match a {
        Arg::Null => ArgRef::Null,
        Arg::Integer(i) => ArgRef::Integer(*i),
        Arg::Real(r) => ArgRef::Real(*r),
        Arg::ShortText(s) => ArgRef::ShortText(*s),
        Arg::ShortBlob(s) => ArgRef::ShortBlob(*s),
        Arg::Text(t) => ArgRef::Text(t),
        Arg::Blob(b) => ArgRef::Blob(b),
    }
}

impl CoreState {
    pub(crate) fn union(&self) -> std::sync::MutexGuard<'_, Union> {
        self.union.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Bytes that do not go inline wait for `take`.
    fn leave(&mut self, bytes: Vec<u8>) -> u32 {
        let len = bytes.len() as u32;
        self.overflow = bytes;
        len
    }

    /// A result as the outcome sqlite-core receives.
    fn outcome(&mut self, result: Result<Returned, SqlError>) -> Outcome {
        let bytes = |this: &mut Self, b: Bytes, text: bool| {
            let inline = match &b {
                Bytes::Inline(i) => Some(*i),
                Bytes::Heap(v) => Inline::new(v),
            };
            match (inline, text) {
                (Some(i), true) => Outcome::ShortText(short(i)),
                (Some(i), false) => Outcome::ShortBlob(short(i)),
                (None, true) => Outcome::LongText(this.leave(b.into_vec())),
                (None, false) => Outcome::LongBlob(this.leave(b.into_vec())),
            }
        };
        match result {
            Ok(Returned::Null) => Outcome::Null,
            Ok(Returned::Integer(i)) => Outcome::Integer(i),
            Ok(Returned::Real(r)) => Outcome::Real(r),
            Ok(Returned::Text(t)) => bytes(self, t, true),
            Ok(Returned::Blob(b)) => bytes(self, b, false),
            Err(e) => Outcome::Error(self.status(Err(e))),
        }
    }

    fn subtyped(&mut self, result: Result<(Returned, u8), SqlError>) -> SubtypedOutcome {
        match result {
            Ok((value, subtype)) => SubtypedOutcome { value: self.outcome(Ok(value)), subtype },
            Err(e) => SubtypedOutcome { value: self.outcome(Err(e)), subtype: 0 },
        }
    }

    /// A `step`/`inverse` status: 0, or the error's code with its message
    /// left for `take`.
    fn status(&mut self, result: Result<(), SqlError>) -> i32 {
        match result {
            Ok(()) => 0,
            Err(e) => {
                self.leave(e.message.into_bytes());
                if e.code == 0 { 1 } else { e.code }
            }
        }
    }
}

impl crate::wit::types::Host for CoreState {}

impl crate::wit::vtab_types::Host for CoreState {}

impl ext::manifest::Host for CoreState {
    fn describe(&mut self) -> ext::manifest::Manifest {
        self.union().describe()
    }
}

impl ext::overflow::Host for CoreState {
    fn take(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.overflow)
    }
}

impl CoreState {
    /// The result of a routed call: what it returned inline, or what `call`
    /// returns on the relay; None when that call is suspended.
    fn finish_routed<T: Send + 'static>(
        &mut self,
        routed: Routed<T>,
        call: impl FnOnce(&mut Instance, u32) -> CallResult<T> + Send + 'static,
    ) -> Option<Result<T, SqlError>> {
        match routed {
            Routed::Ran(result) => Some(result),
            Routed::Relay(live, id) => match self.relay.call(move || Union::call(&live, |inst| call(inst, id))) {
                Relayed::Done(result) => Some(result),
                Relayed::Suspended => None,
            },
        }
    }

    /// A scalar call's outcome.
    fn scalar(&mut self, routed: Routed<Returned>, args: Vec<Arg>) -> Outcome {
        match self.finish_routed(routed, move |inst, id| inst.invoke(id, &args.iter().map(arg_ref).collect::<Vec<_>>())) {
            Some(out) => self.outcome(out),
            None => Outcome::Error(SUSPENDED),
        }
    }

    /// An aggregate's current or final value.
    fn aggregate_value(&mut self, id: u32, group: u64, finalize: bool) -> SubtypedOutcome {
        let routed = self.union().value(id, group, finalize);
        match self.finish_routed(routed, move |inst, id| if finalize { inst.finalize(id, group) } else { inst.value(id, group) }) {
            Some(out) => self.subtyped(out),
            None => SubtypedOutcome { value: Outcome::Error(SUSPENDED), subtype: 0 },
        }
    }

    /// Rows for an aggregate's `step` or `inverse`.
    #[allow(clippy::too_many_arguments)]
    fn aggregate_step(&mut self, id: u32, group: u64, rows: u32, width: u32, args: Vec<Arg>, subtypes: Vec<u8>, inverse: bool) -> i32 {
        let refs: Vec<ArgRef<'_>> = args.iter().map(arg_ref).collect();
        let routed = self.union().step(id, group, rows, width, &refs, &subtypes, inverse);
        drop(refs);
        let call = move |inst: &mut Instance, id: u32| {
            let args: Vec<ArgRef<'_>> = args.iter().map(arg_ref).collect();
            if inverse { inst.inverse(id, group, rows, width, &args, &subtypes) } else { inst.step(id, group, rows, width, &args, &subtypes) }
        };
        match self.finish_routed(routed, call) {
            Some(out) => self.status(out),
            None => SUSPENDED,
        }
    }
}

impl ext::scalar::Host for CoreState {
    fn invoke(&mut self, id: u32, args: Vec<Arg>) -> Outcome {
        let refs: Vec<ArgRef<'_>> = args.iter().map(arg_ref).collect();
        let routed = self.union().invoke(id, &refs);
        drop(refs);
        self.scalar(routed, args)
    }
    fn invoke0(&mut self, id: u32) -> Outcome {
        let routed = self.union().invoke(id, &[]);
        self.scalar(routed, Vec::new())
    }
    fn invoke1(&mut self, id: u32, a: Arg) -> Outcome {
        let routed = self.union().invoke(id, &[arg_ref(&a)]);
        self.scalar(routed, vec![a])
    }
    fn invoke2(&mut self, id: u32, a: Arg, b: Arg) -> Outcome {
        let routed = self.union().invoke(id, &[arg_ref(&a), arg_ref(&b)]);
        self.scalar(routed, vec![a, b])
    }
    fn invoke3(&mut self, id: u32, a: Arg, b: Arg, c: Arg) -> Outcome {
        let routed = self.union().invoke(id, &[arg_ref(&a), arg_ref(&b), arg_ref(&c)]);
        self.scalar(routed, vec![a, b, c])
    }
    fn invoke_subtyped(&mut self, id: u32, args: Vec<SubtypedValue>) -> SubtypedOutcome {
        let routed = self.union().invoke_subtyped(id, &args);
        match self.finish_routed(routed, move |inst, id| inst.invoke_subtyped(id, &subtyped_refs(&args))) {
            Some(out) => self.subtyped(out),
            None => SubtypedOutcome { value: Outcome::Error(SUSPENDED), subtype: 0 },
        }
    }
}

impl ext::aggregate::Host for CoreState {
    fn step(&mut self, id: u32, group: u64, rows: u32, width: u32, args: Vec<Arg>, subtypes: Vec<u8>) -> i32 {
        self.aggregate_step(id, group, rows, width, args, subtypes, false)
    }
    fn inverse(&mut self, id: u32, group: u64, rows: u32, width: u32, args: Vec<Arg>, subtypes: Vec<u8>) -> i32 {
        self.aggregate_step(id, group, rows, width, args, subtypes, true)
    }
    fn value(&mut self, id: u32, group: u64) -> SubtypedOutcome {
        self.aggregate_value(id, group, false)
    }
    fn finalize(&mut self, id: u32, group: u64) -> SubtypedOutcome {
        self.aggregate_value(id, group, true)
    }
}

/// The bytes of a collation's text argument.
fn text_of(a: &Arg) -> Vec<u8> {
    match a {
        Arg::ShortText(s) | Arg::ShortBlob(s) => Inline::from_words(s.len, [s.w0, s.w1, s.w2]).map(|i| i.as_bytes().to_vec()).unwrap_or_default(),
        Arg::Text(t) | Arg::Blob(t) => t.clone(),
        _ => Vec::new(),
    }
}

/// A collation cannot fail in SQLite's API: a failed call orders bytewise
/// and says so on stderr.
impl ext::collation::Host for CoreState {
    fn compare(&mut self, id: u32, a: Arg, b: Arg) -> i32 {
        let (a, b) = (text_of(&a), text_of(&b));
        match self.union().compare(id, &a, &b, false) {
            Ok(CompareOutcome::Order(o)) => o,
            Ok(CompareOutcome::Key(_)) => 0,
            Err(e) => {
                eprintln!("collation failed, ordering bytewise: {e}");
                a.cmp(&b) as i32
            }
        }
    }
    fn sort_key(&mut self, id: u32, text: Arg) -> Outcome {
        let text = text_of(&text);
        let key = match self.union().compare(id, &text, &[], true) {
            Ok(CompareOutcome::Key(k)) => k,
            Ok(CompareOutcome::Order(_)) => text,
            Err(e) => {
                eprintln!("collation failed, ordering bytewise: {e}");
                text
            }
        };
        self.outcome(Ok(Returned::Blob(Bytes::Heap(key))))
    }
}
