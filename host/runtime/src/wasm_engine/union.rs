//! The loaded extensions as one extension, for `sqlite-core` to import:
//! what a router tree is in a composed build, built natively so the set can
//! change at run time.
//!
//! The merged manifest lists every item under its qualified name
//! (`prefix__name`) with an empty prefix, exactly like a router's output, so
//! `sqlite-core` applies the same naming rules in both cases. Ids are
//! remapped: each kind numbers the members' items one after another.

use super::wit::ext as wit;
use crate::wit::{ArgRef, Returned, SqlError, SubtypedValue, SubtypedValueRef, ValueRef};
use crate::instance::{CallResult, Instance, Live};
use crate::attach::AttachedInfo;
use crate::error::Error;
use std::sync::Arc;

/// One loaded extension and the prefix its names carry.
pub(crate) struct Member {
    pub live: Arc<Live>,
    pub prefix: String,
}

impl Member {
    /// The member as listings show it: every item under its qualified name.
    pub(crate) fn info(&self) -> AttachedInfo {
        let ext = &self.live.ext;
        let q = |name: &str, arity: i32| {
            let arity = if arity < 0 { "...".to_string() } else { arity.to_string() };
            format!("{}__{name}({arity})", self.prefix)
        };
        AttachedInfo {
            name: ext.manifest.name.clone(),
            version: ext.manifest.version.clone(),
            description: ext.manifest.description.clone(),
            source: ext.source.clone(),
            prefix: self.prefix.clone(),
            namespace: ext.manifest.namespace.clone(),
            functions: ext.manifest.functions.iter().map(|f| q(&f.name, f.arity)).collect(),
            aggregates: ext.manifest.aggregates.iter().map(|a| q(&a.function.name, a.function.arity)).collect(),
            collations: ext.manifest.collations.iter().map(|c| format!("{}__{}", self.prefix, c.name)).collect(),
            vtabs: ext.manifest.vtabs.iter().map(|v| format!("{}__{}", self.prefix, v.name)).collect(),
            declared: Vec::new(),
            grants: ext.grants.0.iter().map(|g| g.to_string()).collect(),
            memory_limit: ext.limits.memory,
            timeout_ms: ext.limits.timeout.as_millis() as u64,
        }
    }
}

/// Where a merged id goes: a member and its own id.
#[derive(Clone, Copy)]
struct Route {
    member: usize,
    id: u32,
}

/// The loaded extensions in load order, with the id routes of the last
/// manifest handed out.
#[derive(Default)]
pub(crate) struct Union {
    pub members: Vec<Member>,
    scalars: Vec<Route>,
    aggregates: Vec<Route>,
    collations: Vec<Route>,
    vtabs: Vec<Route>,
    dot_commands: Vec<Route>,
    /// Tables and cursors handed to sqlite-core.
    pub(crate) handles: super::vtab::Handles,
    /// Functions members declared at run time; the function ids of those
    /// that call back into their member count from [`DECLARED_BASE`].
    declared: Vec<Option<Declaration>>,
}

/// The first function id of functions declared at run time (the manifest's
/// ids, renumbered on every change of members, stay below it).
const DECLARED_BASE: u32 = 1 << 31;

/// A function a member declared at run time.
struct Declaration {
    live: Arc<Live>,
    name: String,
    arity: i32,
    /// The member's own id of an `invoke` body (None: a SQL body).
    invoke: Option<u32>,
    /// Not forgotten since.
    active: bool,
}

fn flags(f: &crate::manifest::Function, outside: bool) -> wit::types::FunctionFlags {
    use wit::types::FunctionFlags as F;
    let mut out = F::empty();
    if f.deterministic {
        out |= F::DETERMINISTIC;
    }
    if f.direct_only || outside {
        out |= F::DIRECT_ONLY;
    } else if f.innocuous {
        out |= F::INNOCUOUS;
    }
    if f.subtype {
        out |= F::SUBTYPE;
    }
    if f.result_subtype {
        out |= F::RESULT_SUBTYPE;
    }
    out
}

impl Union {
    /// The merged manifest, and the routes that go with it.
    pub(crate) fn describe(&mut self) -> wit::manifest::Manifest {
        use wit::manifest as m;
        let (mut functions, mut aggregates, mut collations) = (Vec::new(), Vec::new(), Vec::new());
        self.scalars.clear();
        self.aggregates.clear();
        self.collations.clear();
        self.vtabs.clear();
        self.dot_commands.clear();
        let mut vtabs = Vec::new();
        let mut dot_commands = Vec::new();
        let mut hooks = m::HookSet::empty();
        let mut authorizer = false;
        for (index, member) in self.members.iter().enumerate() {
            let ext = &member.live.ext;
            let outside = ext.grants.reaches_outside();
            let q = |name: &str| format!("{}__{name}", member.prefix);
            for (id, f) in ext.manifest.functions.iter().enumerate() {
                self.scalars.push(Route { member: index, id: id as u32 });
                functions.push(m::Function {
                    name: q(&f.name),
                    arity: f.arity,
                    flags: flags(f, outside),
                    arg_types: Vec::new(),
                    result_type: None,
                    description: f.description.clone(),
                });
            }
            for (id, a) in ext.manifest.aggregates.iter().enumerate() {
                self.aggregates.push(Route { member: index, id: id as u32 });
                aggregates.push(m::Aggregate {
                    name: q(&a.function.name),
                    arity: a.function.arity,
                    flags: flags(&a.function, outside),
                    window: a.window,
                    description: a.function.description.clone(),
                });
            }
            for (id, c) in ext.manifest.collations.iter().enumerate() {
                self.collations.push(Route { member: index, id: id as u32 });
                collations.push(m::Collation { name: q(&c.name), keyed: c.keyed });
            }
            for (id, v) in ext.manifest.vtabs.iter().enumerate() {
                self.vtabs.push(Route { member: index, id: id as u32 });
                vtabs.push(m::VtabModule {
                    name: q(&v.name),
                    eponymous: v.eponymous,
                    eponymous_only: v.eponymous_only,
                    writable: v.writable,
                    direct_only: v.direct_only || outside,
                    shadow_tables: v.shadow_tables.clone(),
                    description: v.description.clone(),
                });
            }
            for (id, d) in ext.manifest.dot_commands.iter().enumerate() {
                self.dot_commands.push(Route { member: index, id: id as u32 });
                dot_commands.push(m::DotCommand { name: q(&d.name), usage: d.usage.clone(), help: d.help.clone() });
            }
            let h = ext.manifest.hooks;
            for (on, flag) in [(h.update, m::HookSet::UPDATE), (h.commit, m::HookSet::COMMIT), (h.rollback, m::HookSet::ROLLBACK)] {
                if on {
                    hooks |= flag;
                }
            }
            authorizer |= ext.manifest.authorizer;
        }
        let name = self.members.iter().map(|m| m.live.name().to_string()).collect::<Vec<_>>().join("+");
        m::Manifest {
            name,
            version: String::new(),
            description: String::new(),
            prefix: String::new(),
            namespace: String::new(),
            functions,
            aggregates,
            collations,
            vtabs,
            dot_commands,
            hooks,
            authorizer,
            capabilities: Vec::new(),
        }
    }

    fn route(routes: &[Route], id: u32, what: &str) -> Result<Route, SqlError> {
        routes.get(id as usize).copied().ok_or_else(|| SqlError { code: 1, message: format!("no {what} with id {id}") })
    }

    /// The member serving merged dot command `id`, and its own id.
    pub(crate) fn dot_route(&self, id: u32) -> Result<(Arc<Live>, u32), SqlError> {
        let route = Self::route(&self.dot_commands, id, "dot command")?;
        Ok((self.live(route).clone(), route.id))
    }

    /// The member serving merged module `id`, and its own id.
    pub(crate) fn vtab_route(&self, id: u32) -> Result<(Arc<Live>, u32), SqlError> {
        let route = Self::route(&self.vtabs, id, "virtual table module")?;
        Ok((self.live(route).clone(), route.id))
    }

    fn live(&self, route: Route) -> &Arc<Live> {
        &self.members[route.member].live
    }

    /// Runs a call on a member, naming it in errors.
    pub(crate) fn call<R>(live: &Live, f: impl FnOnce(&mut crate::instance::Instance) -> wasmtime::Result<Result<R, SqlError>>) -> Result<R, SqlError> {
        live.call_flat(f).map_err(SqlError::from)
    }

    /// The member serving merged id `id` of `routes`, and its own id.
    fn target(&self, routes: &[Route], id: u32, what: &str) -> Result<(&Arc<Live>, u32), SqlError> {
        let route = Self::route(routes, id, what)?;
        Ok((self.live(route), route.id))
    }

    /// The member serving function `id` (of the manifest, or declared at
    /// run time), and its own id.
    fn function(&self, id: u32) -> Result<(&Arc<Live>, u32), SqlError> {
        if id < DECLARED_BASE {
            return self.target(&self.scalars, id, "function");
        }
        match self.declared.get((id - DECLARED_BASE) as usize) {
            Some(Some(Declaration { live, invoke: Some(own), .. })) => Ok((live, *own)),
            _ => Err(SqlError { code: 1, message: format!("no function with id {id}") }),
        }
    }

    /// A call to `target`: run inline, unless the member may run SQL (then
    /// it goes to the relay, see `relay`).
    fn routed<T>(target: Result<(&Arc<Live>, u32), SqlError>, call: impl FnOnce(&mut Instance, u32) -> CallResult<T>) -> Routed<T> {
        let (live, id) = match target {
            Ok(target) => target,
            Err(e) => return Routed::Ran(Err(e)),
        };
        if live.runs_sql() {
            return Routed::Relay(live.clone(), id);
        }
        Routed::Ran(Self::call(live, |inst| call(inst, id)))
    }

    pub(crate) fn invoke(&self, id: u32, args: &[ArgRef<'_>]) -> Routed<Returned> {
        Self::routed(self.function(id), |inst, id| inst.invoke(id, args))
    }

    pub(crate) fn invoke_subtyped(&self, id: u32, args: &[SubtypedValue]) -> Routed<(Returned, u8)> {
        Self::routed(self.function(id), |inst, id| inst.invoke_subtyped(id, &subtyped_refs(args)))
    }

    pub(crate) fn step(&self, id: u32, group: u64, rows: u32, width: u32, args: &[ArgRef<'_>], subtypes: &[u8], inverse: bool) -> Routed<()> {
        Self::routed(self.target(&self.aggregates, id, "aggregate"), |inst, id| {
            if inverse { inst.inverse(id, group, rows, width, args, subtypes) } else { inst.step(id, group, rows, width, args, subtypes) }
        })
    }

    pub(crate) fn value(&self, id: u32, group: u64, finalize: bool) -> Routed<(Returned, u8)> {
        Self::routed(self.target(&self.aggregates, id, "aggregate"), |inst, id| if finalize { inst.finalize(id, group) } else { inst.value(id, group) })
    }

    fn find_declared(&mut self, name: &str, arity: i32) -> Option<(usize, &mut Declaration)> {
        self.declared
            .iter_mut()
            .enumerate()
            .find_map(|(i, d)| d.as_mut().filter(|d| d.arity == arity && d.name.eq_ignore_ascii_case(name)).map(|d| (i, d)))
    }

    /// Records a function `live` declares at run time; the function id of
    /// an `invoke` body (its own id `invoke`). A name another member
    /// declared is taken.
    pub(crate) fn declare(&mut self, live: &Arc<Live>, name: &str, arity: i32, invoke: Option<u32>) -> Result<u32, Error> {
        if let Some((i, d)) = self.find_declared(name, arity) {
            if !Arc::ptr_eq(&d.live, live) {
                return Err(Error::new(format!("function {name} already exists; choose another name")));
            }
            d.invoke = invoke;
            d.active = true;
            return Ok(DECLARED_BASE + i as u32);
        }
        let declaration = Declaration { live: live.clone(), name: name.to_string(), arity, invoke, active: true };
        self.declared.push(Some(declaration));
        Ok(DECLARED_BASE + (self.declared.len() - 1) as u32)
    }

    /// Marks a declared function forgotten (or never declared: sqlite-core
    /// refused it).
    pub(crate) fn forgot(&mut self, live: &Arc<Live>, name: &str, arity: i32) {
        if let Some((_, d)) = self.find_declared(name, arity)
            && Arc::ptr_eq(&d.live, live)
        {
            d.active = false;
        }
    }

    /// Whether `live` declared the function and has not forgotten it.
    pub(crate) fn has_declared(&mut self, live: &Arc<Live>, name: &str, arity: i32) -> bool {
        self.find_declared(name, arity).is_some_and(|(_, d)| d.active && Arc::ptr_eq(&d.live, live))
    }

    /// Drops what `live` declared; returns the (name, arity) of those still
    /// declared on the connection.
    pub(crate) fn drop_declared(&mut self, live: &Arc<Live>) -> Vec<(String, i32)> {
        let mut active = Vec::new();
        for slot in &mut self.declared {
            if slot.as_ref().is_some_and(|d| Arc::ptr_eq(&d.live, live)) {
                let d = slot.take().expect("checked");
                if d.active {
                    active.push((d.name, d.arity));
                }
            }
        }
        active
    }

    /// What `live` declared and has not forgotten, as `name(arity)`.
    pub(crate) fn declared_by(&self, live: &Arc<Live>) -> Vec<String> {
        self.declared.iter().flatten().filter(|d| d.active && Arc::ptr_eq(&d.live, live)).map(|d| format!("{}({})", d.name, d.arity)).collect()
    }

    /// A collation cannot fail; a failed call orders the texts bytewise and
    /// says so on stderr (the wasm engine cannot interrupt the statement).
    pub(crate) fn compare(&self, id: u32, a: &[u8], b: &[u8], keyed: bool) -> Result<CompareOutcome, String> {
        let route = Self::route(&self.collations, id, "collation").map_err(|e| e.message)?;
        let live = self.live(route);
        if keyed {
            let key = live.call(|inst| inst.sort_key(route.id, a)).map_err(|e| e.message)?;
            key.map(CompareOutcome::Key).map_err(|e| e.message)
        } else {
            live.call(|inst| inst.compare(route.id, a, b).map(CompareOutcome::Order)).map_err(|e| e.message)
        }
    }
}

/// A call routed to a member.
pub(crate) enum Routed<T> {
    /// It ran inline; its result.
    Ran(Result<T, SqlError>),
    /// The member may run SQL: the call is to run on the relay, on this
    /// member with its own id.
    Relay(Arc<Live>, u32),
}

/// Subtyped values sqlite-core sent, borrowed for the extension's call.
pub(crate) fn subtyped_refs(args: &[SubtypedValue]) -> Vec<SubtypedValueRef<'_>> {
    args.iter().map(|a| SubtypedValueRef { value: ValueRef::from(&a.value), subtype: a.subtype }).collect()
}

/// What a collation call returned.
pub(crate) enum CompareOutcome {
    Order(i32),
    Key(Vec<u8>),
}
