//! The imported extension: its manifest read once, and its items registered
//! on each connection under the same naming rules the native host applies.
//!
//! Names: a single extension imported directly (its manifest has a prefix)
//! is qualified here, `prefix__name`; a router's merged manifest (prefix "")
//! arrives qualified already. Every item is registered qualified; its bare
//! name (the part after `prefix__`) too when nothing else holds it — not
//! SQLite, not another extension of the build (see `sqlink-naming`).

use crate::bindings::sqlink::extension::manifest::{self, Manifest};
use crate::bindings::sqlink::extension::types::FunctionFlags;
use crate::callbacks;
use crate::bindings::exports::sqlink::engine::sql::NameWarning;
use sqlink_naming::{Decision, Key, Space, contested_warning, decide, held_warning};
use sqlink_sqlite::{Db, Error};
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// What an item is, with what its callbacks need.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Kind {
    Scalar { id: u32, subtyped: bool },
    Aggregate { id: u32, subtyped: bool, window: bool },
    Collation { id: u32, keyed: bool },
    Module { id: u32, shape: sqlink_vtab::Shape },
}

/// One registrable item of the imported extension.
#[derive(Debug, Clone)]
struct Item {
    kind: Kind,
    qualified: String,
    /// The name it takes when nothing else holds it.
    bare: Option<String>,
    arity: i32,
    /// SQLite function flags (functions and aggregates).
    flags: i32,
    /// The shadow tables of a module's tables, by suffix.
    shadow_tables: Vec<String>,
}

impl Item {
    fn key(&self, name: &str) -> Key {
        match self.kind {
            Kind::Collation { .. } => Key::new(Space::Collation, name, 0),
            Kind::Module { .. } => Key::new(Space::Module, name, 0),
            _ => Key::new(Space::Function, name, self.arity),
        }
    }
}

/// A dot command of the imported extension: its id, the name it runs by,
/// the extension providing it, and its documentation.
#[derive(Debug, Clone)]
pub(crate) struct DotCommand {
    pub id: u32,
    pub name: String,
    pub extension: String,
    pub usage: String,
    pub help: String,
}

/// The imported extension, described.
struct Catalog {
    /// The extensions it is made of (a router's manifest name is "a+b").
    names: Vec<String>,
    /// A single extension imported directly names its errors here (a
    /// router names those of its children).
    blame: Option<String>,
    items: Vec<Item>,
    /// Hooks and authorizer its manifest asks for.
    wanted: crate::watch::Wanted,
    dot_commands: Vec<DotCommand>,
}

thread_local! {
    static CATALOG: RefCell<Option<Rc<Catalog>>> = const { RefCell::new(None) };
}

/// Whether `flags` has `flag` (the generated flags type is minimal).
fn has(flags: FunctionFlags, flag: FunctionFlags) -> bool {
    flags.bits() & flag.bits() != 0
}

/// SQLite's flags for a manifest's function flags. Extensions that declare
/// capabilities reach outside the sandbox: their functions are DIRECTONLY.
pub(crate) fn sqlite_flags(flags: FunctionFlags, reaches_outside: bool) -> i32 {
    let mut f = sqlink_sqlite::ffi::SQLITE_UTF8;
    if has(flags, FunctionFlags::DETERMINISTIC) {
        f |= sqlink_sqlite::ffi::SQLITE_DETERMINISTIC;
    }
    if has(flags, FunctionFlags::DIRECT_ONLY) || reaches_outside {
        f |= sqlink_sqlite::ffi::SQLITE_DIRECTONLY;
    } else if has(flags, FunctionFlags::INNOCUOUS) {
        f |= sqlink_sqlite::ffi::SQLITE_INNOCUOUS;
    }
    if has(flags, FunctionFlags::SUBTYPE) {
        f |= sqlink_sqlite::ffi::SQLITE_SUBTYPE;
    }
    if has(flags, FunctionFlags::RESULT_SUBTYPE) {
        f |= sqlink_sqlite::ffi::SQLITE_RESULT_SUBTYPE;
    }
    f
}

pub(crate) fn subtyped(flags: FunctionFlags) -> bool {
    has(flags, FunctionFlags::SUBTYPE) || has(flags, FunctionFlags::RESULT_SUBTYPE)
}

fn catalog_of(m: Manifest) -> Catalog {
    let qualify = !m.prefix.is_empty();
    let names_for = |name: &str| -> (String, Option<String>) {
        if qualify {
            (format!("{}__{name}", m.prefix), Some(name.to_string()))
        } else {
            (name.to_string(), name.split_once("__").map(|(_, bare)| bare.to_string()))
        }
    };
    // An item without a name is a tombstone: a host that loads and unloads
    // extensions at run time (the browser's router) keeps ids append-only,
    // so an unloaded extension's items stay in the lists, nameless, and are
    // not registered.
    // A single extension that reaches outside has every item DIRECTONLY; a
    // router's manifest (names qualified already) marks its items one by one,
    // as its capabilities are the union of its children's.
    let outside = qualify && !m.capabilities.is_empty();
    let mut items = Vec::new();
    for (i, f) in m.functions.iter().enumerate().filter(|(_, f)| !f.name.is_empty()) {
        let (qualified, bare) = names_for(&f.name);
        let kind = Kind::Scalar { id: i as u32, subtyped: subtyped(f.flags) };
        items.push(Item { kind, qualified, bare, arity: f.arity, flags: sqlite_flags(f.flags, outside), shadow_tables: Vec::new() });
    }
    for (i, a) in m.aggregates.iter().enumerate().filter(|(_, a)| !a.name.is_empty()) {
        let (qualified, bare) = names_for(&a.name);
        let kind = Kind::Aggregate { id: i as u32, subtyped: subtyped(a.flags), window: a.window };
        items.push(Item { kind, qualified, bare, arity: a.arity, flags: sqlite_flags(a.flags, outside), shadow_tables: Vec::new() });
    }
    for (i, c) in m.collations.iter().enumerate().filter(|(_, c)| !c.name.is_empty()) {
        let (qualified, bare) = names_for(&c.name);
        items.push(Item { kind: Kind::Collation { id: i as u32, keyed: c.keyed }, qualified, bare, arity: 0, flags: 0, shadow_tables: Vec::new() });
    }
    for (i, v) in m.vtabs.iter().enumerate().filter(|(_, v)| !v.name.is_empty()) {
        let (qualified, bare) = names_for(&v.name);
        let shape = sqlink_vtab::Shape {
            eponymous: v.eponymous || v.eponymous_only,
            eponymous_only: v.eponymous_only,
            writable: v.writable,
            direct_only: v.direct_only || outside,
        };
        items.push(Item { kind: Kind::Module { id: i as u32, shape }, qualified, bare, arity: 0, flags: 0, shadow_tables: v.shadow_tables.clone() });
    }
    let names = m.name.split('+').filter(|n| !n.is_empty()).map(str::to_string).collect();
    let blame = qualify.then(|| m.name.clone());
    let wanted = crate::watch::Wanted {
        update: m.hooks.bits() & manifest::HookSet::UPDATE.bits() != 0,
        commit: m.hooks.bits() & manifest::HookSet::COMMIT.bits() != 0,
        rollback: m.hooks.bits() & manifest::HookSet::ROLLBACK.bits() != 0,
        authorizer: m.authorizer,
    };
    // A router's commands arrive qualified (`prefix__name`); a single
    // extension's bare, with its name as the provider.
    let dot_commands = m
        .dot_commands
        .iter()
        .enumerate()
        .filter(|(_, d)| !d.name.is_empty())
        .map(|(id, d)| {
            let (extension, name) = match (qualify, d.name.split_once("__")) {
                (false, Some((prefix, bare))) => (prefix.to_string(), bare.to_string()),
                _ => (m.name.clone(), d.name.clone()),
            };
            DotCommand { id: id as u32, name, extension, usage: d.usage.clone(), help: d.help.clone() }
        })
        .collect();
    Catalog { names, blame, items, wanted, dot_commands }
}

fn catalog() -> Rc<Catalog> {
    CATALOG.with(|c| c.borrow_mut().get_or_insert_with(|| Rc::new(catalog_of(manifest::describe()))).clone())
}

/// Forgets the manifest, to read it again (the host changed the extension).
pub(crate) fn reload() {
    CATALOG.with(|c| c.borrow_mut().take());
}

/// The extensions registered on every connection.
pub(crate) fn names() -> Vec<String> {
    catalog().names.clone()
}

/// The imported extension's dot commands.
pub(crate) fn dot_commands() -> Vec<DotCommand> {
    catalog().dot_commands.clone()
}

/// An error of the imported extension as the user sees it: named after the
/// extension that raised it.
pub(crate) fn blamed(message: &str) -> String {
    match &catalog().blame {
        Some(name) => format!("{name}: {message}"),
        None => message.to_string(),
    }
}

/// The names registered on one connection, with their kinds and arities,
/// to remove them on a refresh.
#[derive(Debug, Default)]
pub(crate) struct Registered(Vec<(String, i32, Kind)>);

fn create(db: Db, item: &Item, name: &str) -> Result<(), Error> {
    match item.kind {
        Kind::Collation { id, keyed } => callbacks::create_collation(db, name, id, keyed),
        Kind::Scalar { id, subtyped } => callbacks::create_scalar(db, name, item.arity, item.flags, id, subtyped),
        Kind::Aggregate { id, subtyped, window } => callbacks::create_aggregate(db, name, item.arity, item.flags, id, subtyped, window),
        Kind::Module { id, shape } => {
            let blame = catalog().blame.clone().unwrap_or_else(|| "the extension".into());
            sqlink_vtab::register(db, name, crate::vtab::Imported { blame: blame.into(), db }, id, shape, &item.shadow_tables)
        }
    }
}

/// Registers the imported extension's items on `db` (removing what
/// `previous` registered there first), the bare names of `pins` (qualified
/// item names) going to those items whatever holds them. Returns what was
/// registered and warnings about bare names left to others.
pub(crate) fn register(db: Db, previous: Registered, pins: &[String]) -> Result<(Registered, Vec<NameWarning>), Error> {
    for (name, arity, kind) in previous.0 {
        // Gone with the statement that still uses it, if any.
        let _ = match kind {
            Kind::Collation { .. } => callbacks::delete_collation(db, &name),
            Kind::Module { .. } => db.delete_module(&name),
            _ => db.delete_function(&name, arity),
        };
    }
    let catalog = catalog();
    crate::watch::install(db, catalog.wanted);
    let mut registered = Registered::default();
    let add = |item: &Item, name: &str, registered: &mut Registered| -> Result<(), Error> {
        create(db, item, name)?;
        registered.0.push((name.to_string(), item.arity, item.kind));
        Ok(())
    };
    // Which bare names SQLite itself answers to, before anything is added.
    let mut claims: BTreeMap<Key, BTreeSet<String>> = BTreeMap::new();
    let mut held = BTreeMap::new();
    for item in &catalog.items {
        let Some(bare) = &item.bare else { continue };
        let key = item.key(bare);
        if !held.contains_key(&key) {
            let exists = match key.space {
                Space::Function => db.function_exists(bare, item.arity),
                Space::Collation => db.collation_exists(bare),
                Space::Module => db.module_exists(bare),
            };
            held.insert(key.clone(), exists);
        }
        claims.entry(key).or_default().insert(item.qualified.clone());
    }
    // Pins by bare name, naming items as the catalog spells them.
    let pinned: BTreeMap<String, String> = pins
        .iter()
        .filter_map(|pin| {
            let item = catalog.items.iter().find(|i| i.qualified.eq_ignore_ascii_case(pin))?;
            Some((item.bare.as_deref()?.to_ascii_lowercase(), item.qualified.clone()))
        })
        .collect();
    for item in &catalog.items {
        add(item, &item.qualified, &mut registered)?;
    }
    let mut warnings = Vec::new();
    // Names SQLite holds, one warning per name whatever its arities.
    let mut held_names: BTreeMap<(String, String), Vec<String>> = BTreeMap::new();
    for (key, decision) in decide(&claims, &pinned, |k| held.get(k).copied().unwrap_or(false)) {
        match decision {
            Decision::Owner(qualified) | Decision::Pinned(qualified) => {
                let item = catalog.items.iter().find(|i| i.qualified == qualified && i.bare.as_ref().is_some_and(|b| i.key(b) == key));
                if let Some(item) = item {
                    add(item, item.bare.as_deref().unwrap_or_default(), &mut registered)?;
                }
            }
            Decision::Held(qualified) => held_names.entry((qualified, key.name.clone())).or_default().push(key.display()),
            Decision::Yielded(_) => {}
            Decision::Contested(all) => {
                let extensions: Vec<String> = all.iter().map(|q| q.split_once("__").map_or(q.as_str(), |(p, _)| p).to_string()).collect();
                let message = contested_warning(&key.display(), &extensions, &all, &format!("--pin {}", key.name));
                warnings.push(NameWarning { items: all, message });
            }
        }
    }
    for ((qualified, name), shown) in held_names {
        let message = held_warning(&shown, &qualified, &format!("--pin {name}"));
        warnings.push(NameWarning { items: vec![qualified], message });
    }
    Ok((registered, warnings))
}
