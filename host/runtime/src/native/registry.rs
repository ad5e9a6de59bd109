//! The extensions attached to one SQLite connection, and the names they are
//! registered under.

use super::aggregate::{self, AggregateTarget};
use super::binding::{Binding, BindingData};
use super::builtin::{BuiltinCollation, Builtins};
use super::collation::{self, CollationTarget, WasmCollation};
use super::scalar::{self, ScalarTarget};
use super::authorizer::Authorizers;
use super::hooks::Hooks;
use super::spi::NativeSql;
use super::vtab::{self, NativeCalls, Shape};
use super::{Callbacks, sqlite_version};
use crate::attach::{AttachOptions, AttachReport, AttachedInfo, check_attach, load_summary};
use crate::error::Error;
use crate::extension::Extension;
use crate::instance::Live;
use crate::store::SqlAccessRef;
use sqlink_naming::{Decision, Key, Space, contested_warning, decide, held_warning};
use sqlink_policy::hint;
use sqlink_sqlite::Db;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

/// A message about a bare name.
enum Note {
    Warning(String),
    Info(String),
}

#[derive(Debug, Clone, Copy)]
enum ItemKind {
    Scalar(u32),
    Aggregate(u32),
    Collation(u32),
    Module(u32),
}

/// One registrable thing of an extension.
#[derive(Debug, Clone)]
struct Item {
    kind: ItemKind,
    name: String,
    arity: i32,
}

impl Item {
    fn space(&self) -> Space {
        match self.kind {
            ItemKind::Collation(_) => Space::Collation,
            ItemKind::Module(_) => Space::Module,
            _ => Space::Function,
        }
    }

    /// The bare name's key.
    fn key(&self) -> Key {
        self.key_as(&self.name)
    }

    /// The key of this item registered under `sql_name`.
    fn key_as(&self, sql_name: &str) -> Key {
        Key::new(self.space(), sql_name, if matches!(self.kind, ItemKind::Scalar(_) | ItemKind::Aggregate(_)) { self.arity } else { 0 })
    }
}

/// The binding behind one registration.
enum Handle {
    Scalar(BindingData<ScalarTarget>),
    Aggregate { binding: BindingData<AggregateTarget>, window: bool },
    Collation(BindingData<CollationTarget>),
    /// A module is registered anew to change what serves it (SQLite
    /// replaces modules even while statements run).
    Module,
}

/// A name registered with SQLite: how, and what serves it.
struct Registration {
    sql_name: String,
    /// The SQLite flags it was registered with (functions).
    flags: i32,
    handle: Handle,
}

struct Entry {
    live: Arc<Live>,
    /// Its SQL access, holding the functions it declared at run time.
    sql: Arc<NativeSql>,
    options: AttachOptions,
    prefix: String,
    items: Vec<Item>,
    /// Each item's index by its bare name's key (thousands of items are
    /// looked up by key for each: scanning them would be quadratic).
    by_key: HashMap<Key, usize>,
}

impl Entry {
    fn name(&self) -> &str {
        self.live.name()
    }

    /// The item whose bare name has `key`.
    fn item(&self, key: &Key) -> Option<&Item> {
        self.by_key.get(key).map(|&i| &self.items[i])
    }

    fn qualified(&self, item: &Item) -> String {
        format!("{}__{}", self.prefix, item.name)
    }
}

/// The extensions attached to one connection.
pub struct Registry {
    db: Db,
    entries: Vec<Entry>,
    /// Lowercase bare name → extension it is pinned to.
    pins: BTreeMap<String, String>,
    /// Bare names currently registered, and by whom.
    bare: BTreeMap<Key, String>,
    /// Whether SQLite itself answers to a name (probed once).
    held: HashMap<Key, bool>,
    /// Restores SQLite's own functions when a pin over them goes away.
    builtins: Option<Arc<Builtins>>,
    /// Every name registered with SQLite, qualified or bare, by key. A name
    /// SQLite would not let go of (a statement was running) stays here with
    /// an empty target, and is re-targeted if the name comes back.
    registrations: HashMap<Key, Registration>,
    /// The connection's hooks and authorizer, calling the extensions that
    /// want them (boxed: SQLite holds their address).
    hooks: Box<Hooks>,
    authorizers: Box<Authorizers>,
}

impl Registry {
    /// An empty registry for a connection. The registry must be dropped (or
    /// [`Registry::detach_all`] called) before the connection closes.
    pub fn new(db: Db) -> Registry {
        Registry {
            db,
            entries: Vec::new(),
            pins: BTreeMap::new(),
            bare: BTreeMap::new(),
            held: HashMap::new(),
            builtins: None,
            registrations: HashMap::new(),
            hooks: Box::default(),
            authorizers: Box::default(),
        }
    }

    pub fn db(&self) -> Db {
        self.db
    }

    /// The attached extensions with the options they were attached with, in
    /// load order (to attach them again to another connection).
    pub fn attached(&self) -> Vec<(Arc<Extension>, AttachOptions)> {
        self.entries.iter().map(|e| (e.live.ext.clone(), e.options.clone())).collect()
    }

    /// Attaches an extension: registers its items qualified, resolves bare
    /// names, and runs its `attach` hook.
    pub fn attach(&mut self, ext: Arc<Extension>, options: &AttachOptions) -> Result<AttachReport, Error> {
        let name = ext.manifest.name.clone();
        let loaded: Vec<(&Extension, &str)> = self.entries.iter().map(|e| (&*e.live.ext, e.prefix.as_str())).collect();
        let prefix = check_attach(&ext, options, &loaded)?;
        let items = items_of(&ext);
        let mut sql = None;
        let (db, direct_only) = (self.db, ext.grants.reaches_outside());
        let live = Live::new(ext.clone(), |me| {
            let native = Arc::new(NativeSql::new(db, me.clone(), direct_only));
            sql = Some(native.clone());
            Some(native as SqlAccessRef)
        })?;
        let sql = sql.expect("made with the instance");
        let mut by_key = HashMap::new();
        for (i, item) in items.iter().enumerate() {
            by_key.entry(item.key()).or_insert(i);
        }
        let entry = Entry { live, sql, options: options.clone(), prefix, items, by_key };
        let mut done: Vec<(Item, String)> = Vec::new();
        for item in &entry.items {
            let qualified = entry.qualified(item);
            if let Err(e) = self.register(&entry.live, item, &qualified) {
                for (item, q) in done {
                    let _ = self.unregister(&item, &q);
                }
                return Err(e.context(format!("{name}: cannot register {qualified}")));
            }
            done.push((item.clone(), qualified));
        }
        let mut report = AttachReport::default();
        for pin in &options.pins {
            let pin = pin.to_ascii_lowercase();
            if let Some(previous) = self.pins.insert(pin.clone(), name.clone())
                && previous != name
            {
                report.notes.push(format!("{pin} was pinned to {previous}; now pinned to {name}"));
            }
        }
        self.entries.push(entry);
        let notes = match self.reconcile(Some(&name)) {
            Ok(notes) => notes,
            Err(e) => {
                let _ = self.detach(&name);
                return Err(e);
            }
        };
        self.rewatch();
        if direct_only {
            // Its functions and modules are DIRECTONLY: have SQLite check
            // the schema's uses of them (see `Db::reload_schema`).
            if let Err(e) = self.db.reload_schema() {
                let _ = self.detach(&name);
                return Err(Error::from(e).context("attach failed"));
            }
        }
        let entry = self.entries.last().expect("just pushed");
        match entry.live.call(|inst| inst.attach()) {
            Ok(None | Some(Ok(()))) => {}
            Ok(Some(Err(e))) => {
                let _ = self.detach(&name);
                return Err(Error::from(e).context(&name).context("attach failed"));
            }
            Err(e) => {
                let _ = self.detach(&name);
                return Err(e.context("attach failed"));
            }
        }
        report.summary = load_summary(&ext, &self.entries.last().expect("attached").prefix);
        for note in notes {
            match note {
                Note::Warning(w) => report.warnings.push(w),
                Note::Info(i) => report.notes.push(i),
            }
        }
        report.warnings.extend(ext.warnings.iter().cloned());
        Ok(report)
    }

    /// Detaches an extension by name. Returns lines for the user (bare names
    /// other extensions gain).
    pub fn detach(&mut self, name: &str) -> Result<Vec<String>, Error> {
        let Some(index) = self.entries.iter().position(|e| e.name() == name) else {
            let loaded: Vec<&str> = self.entries.iter().map(|e| e.name()).collect();
            let loaded = if loaded.is_empty() { "none".to_string() } else { loaded.join(", ") };
            return Err(Error::new(format!("no extension named {name} is loaded (loaded: {loaded})")));
        };
        let entry = self.entries.remove(index);
        let owned: Vec<Key> = self.bare.iter().filter(|(_, owner)| *owner == name).map(|(k, _)| k.clone()).collect();
        for key in owned {
            self.bare.remove(&key);
            if let Some(item) = entry.item(&key) {
                self.release_bare(&key, item)?;
            }
        }
        for item in &entry.items {
            self.unregister(item, &entry.qualified(item))?;
        }
        let declared: Vec<(String, i32)> = entry.sql.declared.lock().unwrap().iter().map(|((_, arity), d)| (d.name.clone(), *arity)).collect();
        for (fname, arity) in declared {
            self.db.delete_function(&fname, arity)?;
        }
        self.pins.retain(|_, owner| owner != name);
        self.rewatch();
        let notes = self.reconcile(None)?.into_iter().map(|n| match n {
            Note::Warning(s) | Note::Info(s) => s,
        });
        Ok(notes.collect())
    }

    /// Installs the connection's hooks and authorizer for what is attached.
    fn rewatch(&mut self) {
        Hooks::install(&mut self.hooks, self.db, self.entries.iter().map(|e| &e.live));
        Authorizers::install(&mut self.authorizers, self.db, self.entries.iter().map(|e| &e.live));
    }

    /// The dot commands of the attached extensions, each with the name of
    /// the extension providing it.
    pub fn dot_commands(&self) -> Vec<(String, crate::manifest::DotCommand)> {
        self.entries.iter().flat_map(|e| e.live.ext.manifest.dot_commands.iter().map(|d| (e.name().to_string(), d.clone()))).collect()
    }

    /// Runs dot command `name` (without the dot) of whichever extension
    /// provides it; None if none does.
    pub fn run_dot_command(&self, name: &str, args: &[String]) -> Option<Result<String, Error>> {
        self.entries.iter().find_map(|e| {
            let id = e.live.ext.manifest.dot_commands.iter().position(|d| d.name == name)? as u32;
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            Some(e.live.call_flat(|inst| inst.run_dot_command(id, &args)))
        })
    }

    /// Forgets everything without calling SQLite: for a connection that is
    /// closing (SQLite drops the registrations itself).
    pub fn forget(mut self) {
        self.entries.clear();
        self.bare.clear();
        self.registrations.clear();
    }

    /// Detaches everything, last loaded first.
    pub fn detach_all(&mut self) {
        while let Some(last) = self.entries.last() {
            let name = last.name().to_string();
            if self.detach(&name).is_err() {
                // Registrations are gone with the connection anyway.
                self.entries.retain(|e| e.name() != name);
            }
        }
    }

    /// What is attached, for listings.
    pub fn info(&self) -> Vec<AttachedInfo> {
        self.entries
            .iter()
            .map(|e| {
                let ext = &e.live.ext;
                let m = &ext.manifest;
                let names = |item: &Item| {
                    let mut names = Vec::new();
                    if self.bare.get(&item.key()).map(String::as_str) == Some(e.name()) {
                        names.push(item.name.clone());
                    }
                    names.push(e.qualified(item));
                    names
                };
                let list = |want: fn(&ItemKind) -> bool| -> Vec<String> {
                    e.items
                        .iter()
                        .filter(|i| want(&i.kind))
                        .map(|i| {
                            let arity = if i.arity < 0 { "...".to_string() } else { i.arity.to_string() };
                                        let sig = |n: &String| if matches!(i.kind, ItemKind::Collation(_) | ItemKind::Module(_)) { n.clone() } else { format!("{n}({arity})") };
                            names(i).iter().map(sig).collect::<Vec<_>>().join(", ")
                        })
                        .collect()
                };
                AttachedInfo {
                    name: m.name.clone(),
                    version: m.version.clone(),
                    description: m.description.clone(),
                    source: ext.source.clone(),
                    prefix: e.prefix.clone(),
                    namespace: m.namespace.clone(),
                    functions: list(|k| matches!(k, ItemKind::Scalar(_))),
                    aggregates: list(|k| matches!(k, ItemKind::Aggregate(_))),
                    collations: list(|k| matches!(k, ItemKind::Collation(_))),
                    vtabs: list(|k| matches!(k, ItemKind::Module(_))),
                    declared: e
                        .sql
                        .declared
                        .lock()
                        .unwrap()
                        .iter()
                        .filter(|(_, d)| d.is_active())
                        .map(|((_, a), d)| format!("{}({a})", d.name))
                        .collect(),
                    grants: ext.grants.0.iter().map(|g| g.to_string()).collect(),
                    memory_limit: ext.limits.memory,
                    timeout_ms: ext.limits.timeout.as_millis() as u64,
                }
            })
            .collect()
    }


    /// Brings bare-name registrations in line with the naming rules and
    /// returns notes about names `focus` does not get (or takes by pin).
    fn reconcile(&mut self, focus: Option<&str>) -> Result<Vec<Note>, Error> {
        let mut claims: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
        for e in &self.entries {
            for item in &e.items {
                claims.entry(item.key()).or_default().insert(e.name().to_string());
            }
        }
        for key in claims.keys() {
            if !self.bare.contains_key(key) && !self.held.contains_key(key) {
                let held = match key.space {
                    Space::Function => self.db.function_exists(&key.name, key.arity),
                    Space::Collation => self.db.collation_exists(&key.name),
                    Space::Module => self.db.module_exists(&key.name),
                };
                self.held.insert(key.clone(), held);
            }
        }
        let decisions = decide(&claims, &self.pins, |k| self.held.get(k).copied().unwrap_or(false));
        let mut notes = Vec::new();
        // Names SQLite holds, grouped so each name is one warning whatever
        // its arities: (qualified form, name) -> signatures.
        let mut held: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
        for (key, decision) in &decisions {
            let want = decision.owner();
            let have = self.bare.get(key).cloned();
            let changed = want != have.as_deref();
            if changed {
                if let Some(old) = have {
                    let item = self.item(&old, key).expect("owner claims the key");
                    self.bare.remove(key);
                    if want.is_none() {
                        self.release_bare(key, &item)?;
                    }
                }
                if let Some(new) = want {
                    let (live, item) = self.live_item(new, key).expect("owner claims the key");
                    match self.register(&live, &item, &item.name) {
                        Ok(()) => {
                            self.bare.insert(key.clone(), new.to_string());
                        }
                        // SQLite will not replace a name it already has while
                        // a statement runs (loading from SQL, for example).
                        Err(e) => {
                            let qualified = self.qualified(new, key).unwrap_or_default();
                            notes.push(Note::Warning(format!("{} keeps SQLite's own meaning: {e}; call {qualified} instead", key.display())));
                            continue;
                        }
                    }
                }
            }
            match decision {
                Decision::Held(ext) if focus == Some(ext.as_str()) => {
                    if let Some(qualified) = self.qualified(ext, key) {
                        held.entry((qualified, key.name.clone())).or_default().push(key.display());
                    }
                }
                _ => notes.extend(self.note(key, decision, focus, changed)),
            }
        }
        for ((qualified, name), shown) in held {
            notes.push(Note::Warning(held_warning(&shown, &qualified, &hint::option("pin", &name))));
        }
        Ok(notes)
    }

    /// The qualified name under which `ext` registers `key`.
    fn qualified(&self, ext: &str, key: &Key) -> Option<String> {
        let e = self.entries.iter().find(|e| e.name() == ext)?;
        let item = e.item(key)?;
        Some(e.qualified(item))
    }

    fn note(&self, key: &Key, decision: &Decision, focus: Option<&str>, changed: bool) -> Option<Note> {
        let qualified = |ext: &str| self.qualified(ext, key);
        let shown = key.display();
        let plain = &key.name;
        match decision {
            Decision::Contested(exts) if focus.is_none_or(|f| exts.iter().any(|e| e == f)) && (changed || focus.is_some()) => {
                let forms: Vec<String> = exts.iter().filter_map(|e| qualified(e)).collect();
                Some(Note::Warning(contested_warning(&shown, exts, &forms, &hint::option("pin", plain))))
            }
            Decision::Pinned(ext) if focus == Some(ext) && *self.held.get(key).unwrap_or(&false) => {
                Some(Note::Info(format!("{shown} pinned: it now calls {} instead of SQLite's own", qualified(ext)?)))
            }
            Decision::Owner(ext) if focus.is_none() && changed => Some(Note::Info(format!("{shown} now calls {}", qualified(ext)?))),
            _ => None,
        }
    }

    fn item(&self, ext: &str, key: &Key) -> Option<Item> {
        self.live_item(ext, key).map(|(_, item)| item)
    }

    fn live_item(&self, ext: &str, key: &Key) -> Option<(Arc<Live>, Item)> {
        let e = self.entries.iter().find(|e| e.name() == ext)?;
        let item = e.item(key)?;
        Some((e.live.clone(), item.clone()))
    }

    /// Makes `sql_name` call `item` of `live`: re-targets the existing
    /// registration when it has the same shape and flags (no SQLite call,
    /// so this works while statements run), otherwise registers anew.
    fn register(&mut self, live: &Arc<Live>, item: &Item, sql_name: &str) -> Result<(), Error> {
        let ext = &live.ext;
        let outside = ext.grants.reaches_outside();
        let version = sqlite_version();
        let key = item.key_as(sql_name);
        let existing = self.registrations.get(&key);
        match item.kind {
            ItemKind::Scalar(id) => {
                let f = &ext.manifest.functions[id as usize];
                let flags = f.sqlite_flags(outside, version);
                let target = ScalarTarget::Wasm { live: live.clone(), id, subtyped: f.subtyped() };
                if let Some(Registration { handle: Handle::Scalar(binding), flags: old, .. }) = existing
                    && *old == flags
                {
                    binding.set(Some(target));
                    return Ok(());
                }
                let binding = Binding::new(sql_name, target);
                self.db.create_function(sql_name, f.arity, flags, Box::new(binding.clone()), Callbacks::Scalar(scalar::call))?;
                self.registrations.insert(key, Registration { sql_name: sql_name.to_string(), flags, handle: Handle::Scalar(binding) });
            }
            ItemKind::Aggregate(id) => {
                let a = &ext.manifest.aggregates[id as usize];
                let flags = a.function.sqlite_flags(outside, version);
                let target = AggregateTarget { live: live.clone(), id, subtyped: a.function.subtyped() };
                if let Some(Registration { handle: Handle::Aggregate { binding, window }, flags: old, .. }) = existing
                    && *old == flags
                    && *window == a.window
                {
                    binding.set(Some(target));
                    return Ok(());
                }
                let callbacks = if a.window {
                    Callbacks::Window { step: aggregate::step, finalize: aggregate::finalize, value: aggregate::value, inverse: aggregate::inverse }
                } else {
                    Callbacks::Aggregate { step: aggregate::step, finalize: aggregate::finalize }
                };
                let binding = Binding::new(sql_name, target);
                self.db.create_function(sql_name, a.function.arity, flags, Box::new(binding.clone()), callbacks)?;
                let handle = Handle::Aggregate { binding, window: a.window };
                self.registrations.insert(key, Registration { sql_name: sql_name.to_string(), flags, handle });
            }
            ItemKind::Collation(id) => {
                let c = &ext.manifest.collations[id as usize];
                let target = CollationTarget::Wasm(WasmCollation {
                    live: live.clone(),
                    id,
                    keyed: c.keyed,
                    db: self.db,
                    cache: Default::default(),
                    reported: Default::default(),
                });
                if let Some(Registration { handle: Handle::Collation(binding), .. }) = existing {
                    binding.set(Some(target));
                    return Ok(());
                }
                let binding = Binding::new(sql_name, target);
                collation::register(self.db, sql_name, Some(binding.clone()))?;
                self.registrations.insert(key, Registration { sql_name: sql_name.to_string(), flags: 0, handle: Handle::Collation(binding) });
            }
            ItemKind::Module(id) => {
                let m = &ext.manifest.vtabs[id as usize];
                let shape = Shape { eponymous: m.eponymous, eponymous_only: m.eponymous_only, writable: m.writable, direct_only: m.direct_only || outside };
                vtab::register(self.db, sql_name, NativeCalls(live.clone()), id, shape, &m.shadow_tables)?;
                self.registrations.insert(key, Registration { sql_name: sql_name.to_string(), flags: 0, handle: Handle::Module });
            }
        }
        Ok(())
    }

    /// Stops `sql_name` from calling `item`. The registration is removed if
    /// SQLite allows it (no statement is running); otherwise it stays, with
    /// nothing behind it, until the name is registered again or the
    /// connection closes.
    fn unregister(&mut self, item: &Item, sql_name: &str) -> Result<(), Error> {
        let key = item.key_as(sql_name);
        let Some(registration) = self.registrations.get(&key) else { return Ok(()) };
        let deleted = match &registration.handle {
            Handle::Collation(_) => collation::register(self.db, &registration.sql_name, None),
            Handle::Module => self.db.delete_module(&registration.sql_name).map_err(Error::from),
            _ => self.db.delete_function(&registration.sql_name, item.arity).map_err(Error::from),
        };
        match deleted {
            Ok(()) => {
                self.registrations.remove(&key);
            }
            Err(_) => match &registration.handle {
                Handle::Scalar(b) => b.set(None),
                Handle::Aggregate { binding, .. } => binding.set(None),
                Handle::Collation(b) => b.set(Some(CollationTarget::Unloaded(self.db))),
                Handle::Module => {}
            },
        }
        Ok(())
    }

    /// Removes an extension's bare registration. Where it had replaced
    /// something SQLite provides, SQLite's own comes back.
    fn release_bare(&mut self, key: &Key, item: &Item) -> Result<(), Error> {
        if self.held.get(key).copied().unwrap_or(false) {
            let restored = match self.registrations.get(key).map(|r| &r.handle) {
                Some(Handle::Collation(binding)) => BuiltinCollation::named(&item.name).map(|kind| binding.set(Some(CollationTarget::Builtin(kind)))),
                Some(Handle::Scalar(binding)) => {
                    if self.builtins.is_none() {
                        self.builtins = Some(Builtins::open()?);
                    }
                    let builtins = self.builtins.as_ref().expect("just opened");
                    builtins.forward(&item.name, item.arity).map(|f| binding.set(Some(ScalarTarget::Builtin(f))))
                }
                _ => None,
            };
            if restored.is_some() {
                return Ok(());
            }
        }
        self.unregister(item, &item.name)
    }
}

impl Drop for Registry {
    fn drop(&mut self) {
        self.detach_all();
    }
}

/// Everything an extension registers, with contract ids.
fn items_of(ext: &Extension) -> Vec<Item> {
    let m = &ext.manifest;
    let scalars = m.functions.iter().enumerate().map(|(i, f)| Item { kind: ItemKind::Scalar(i as u32), name: f.name.clone(), arity: f.arity });
    let aggregates = m
        .aggregates
        .iter()
        .enumerate()
        .map(|(i, a)| Item { kind: ItemKind::Aggregate(i as u32), name: a.function.name.clone(), arity: a.function.arity });
    let collations = m.collations.iter().enumerate().map(|(i, c)| Item { kind: ItemKind::Collation(i as u32), name: c.name.clone(), arity: 0 });
    let modules = m.vtabs.iter().enumerate().map(|(i, v)| Item { kind: ItemKind::Module(i as u32), name: v.name.clone(), arity: 0 });
    scalars.chain(aggregates).chain(collations).chain(modules).collect()
}
