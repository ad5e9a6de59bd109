//! Hostile manifests: a real component (dist/test-extensions/c-tables.wasm,
//! which exports scalar, aggregate, collation and vtab calls) described by
//! any manifest instead of its own (`Extension::with_manifest`: the checks
//! loading makes), then attached to an in-memory connection
//! (`Registry::attach`, as the shell does), several at once, and detached
//! in any order. Names come from a list of hostile ones (empty, NUL,
//! quotes, `__`, 200 to 256 bytes, SQLite's own, the same in another
//! case) or are arbitrary; arities are any i32; there may be thousands of
//! functions, and a function, an aggregate, a collation and a module of the
//! same name.
//!
//! Each manifest is refused with a message (not empty, no NUL, short: names
//! are shown cut), or registered: then every item of every attached
//! extension answers to its qualified name, before and after any other is
//! detached, and calling one ends in a value or an error, never a crash.

use arbitrary::Arbitrary;
use rusqlite::Connection;
use sqlink_runtime::manifest::{Aggregate, Collation, DotCommand, Function, Hooks, Manifest, VtabModule};
use sqlink_runtime::{AttachOptions, Extension, Grants, Limits, Registry, Runtime};
use sqlink_sqlite::Db;
use std::sync::{Arc, OnceLock};

#[path = "support.rs"]
mod support;
pub use support::setup;
use support::repo_root;

#[derive(Debug, Arbitrary)]
pub struct Input {
    extensions: Vec<Side>,
    /// Which of the attached extensions to detach, in turn.
    detach: Vec<u8>,
}

#[derive(Debug, Arbitrary)]
struct Side {
    name: Name,
    prefix: Name,
    /// A prefix chosen at attach time instead.
    prefix_option: Option<Name>,
    pins: Vec<Name>,
    functions: Vec<(Name, Arity, u8)>,
    /// More functions `f0`, `f1`...: up to 7, or (from 250 on, rarely
    /// so that most runs stay fast) 800 to 4800.
    many: u8,
    aggregates: Vec<(Name, Arity, u8, bool)>,
    collations: Vec<(Name, bool)>,
    vtabs: Vec<(Name, u8, Vec<Name>)>,
    dot_commands: Vec<(Name, String)>,
    hooks: u8,
    authorizer: bool,
    /// Call the first functions registered.
    call: bool,
}

#[derive(Debug, Arbitrary)]
enum Name {
    Hostile(u8),
    /// A hostile name with this suffix.
    Suffixed(u8, String),
    Any(String),
    /// `n` times this character.
    Long(u16, char),
}

const HOSTILE: &[&str] = &[
    "", "\0", "a\0b", "f", "F", "same", "SAME", "'", "it's", "\"", "say \"hi\"", "__", "a__b", "b__c", "a", "a_", "_", "x y", "é", "\u{202e}",
    "upper", "nocase", "NOCASE", "binary", "json_each", "count", "max", "sqlite_master", "1a", "%s", "\\", ";", "--", "\n", "\u{ffff}",
];

impl Name {
    fn text(&self) -> String {
        match self {
            Name::Hostile(i) => HOSTILE[*i as usize % HOSTILE.len()].to_string(),
            Name::Suffixed(i, s) => format!("{}{s}", HOSTILE[*i as usize % HOSTILE.len()]),
            Name::Any(s) => s.clone(),
            Name::Long(n, c) => {
                // Around the limits: 200 (names), 255 (SQLite) and more.
                let n = [199, 200, 201, 253, 255, 256, 1000, *n as usize % 70_000][*n as usize % 8];
                std::iter::repeat_n(*c, n).collect()
            }
        }
    }
}

#[derive(Debug, Arbitrary)]
enum Arity {
    Usual(u8),
    Any(i32),
}

impl Arity {
    fn value(&self) -> i32 {
        match self {
            Arity::Usual(n) => [-1, 0, 1, 2, 127, 128, -2][*n as usize % 7],
            Arity::Any(n) => *n,
        }
    }
}

fn function(name: String, arity: i32, flags: u8) -> Function {
    Function {
        name,
        arity,
        deterministic: flags & 1 != 0,
        direct_only: flags & 2 != 0,
        innocuous: flags & 4 != 0,
        subtype: flags & 8 != 0,
        result_subtype: flags & 16 != 0,
        description: String::new(),
    }
}

impl Side {
    fn manifest(&self) -> Manifest {
        let many = match self.many {
            n @ 250.. => (n as i32 - 249) * 800,
            n => n as i32 % 8,
        };
        let many = (0..many).map(|i| function(format!("f{i}"), i % 3, 0));
        Manifest {
            name: self.name.text(),
            version: "1".into(),
            description: "hostile".into(),
            prefix: self.prefix.text(),
            namespace: "fuzz".into(),
            functions: self.functions.iter().map(|(n, a, f)| function(n.text(), a.value(), *f)).chain(many).collect(),
            aggregates: self.aggregates.iter().map(|(n, a, f, window)| Aggregate { function: function(n.text(), a.value(), *f), window: *window }).collect(),
            collations: self.collations.iter().map(|(n, keyed)| Collation { name: n.text(), keyed: *keyed }).collect(),
            vtabs: self
                .vtabs
                .iter()
                .map(|(n, f, shadow)| VtabModule {
                    name: n.text(),
                    eponymous: f & 1 != 0,
                    eponymous_only: f & 2 != 0,
                    writable: f & 4 != 0,
                    direct_only: f & 8 != 0,
                    shadow_tables: shadow.iter().map(Name::text).collect(),
                    description: String::new(),
                })
                .collect(),
            dot_commands: self.dot_commands.iter().map(|(n, help)| DotCommand { name: n.text(), usage: help.clone(), help: help.clone() }).collect(),
            hooks: Hooks { update: self.hooks & 1 != 0, commit: self.hooks & 2 != 0, rollback: self.hooks & 4 != 0 },
            authorizer: self.authorizer,
            capabilities: Vec::new(),
        }
    }
}

/// The component every manifest describes, loaded once.
fn component() -> &'static Arc<Extension> {
    static LOADED: OnceLock<Arc<Extension>> = OnceLock::new();
    LOADED.get_or_init(|| {
        let path = repo_root().join("dist/test-extensions/c-tables.wasm");
        let runtime = Runtime::get().expect("the runtime starts");
        runtime.load_file(&path, Grants::default(), Limits::with(Some("64M"), Some(1000)).unwrap()).expect("c-tables.wasm loads (make build)")
    })
}

/// A refusal says why, in a line SQLite can carry (no NUL) of sane length.
fn check_refusal(message: &str) {
    assert!(!message.trim().is_empty(), "a refusal without a message");
    assert!(!message.contains('\0'), "a NUL in the message: {message:?}");
    assert!(message.len() < 2000, "a message of {} bytes: {}...", message.len(), message.chars().take(300).collect::<String>());
}

/// SQL's quoted form of a name.
fn quoted(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Every item of every attached extension answers to its qualified name.
fn check_qualified(db: Db, registry: &Registry) {
    for (ext, options) in registry.attached() {
        let m = &ext.manifest;
        let prefix = options.prefix.clone().unwrap_or_else(|| m.prefix.clone());
        let q = |n: &str| format!("{prefix}__{n}");
        for f in m.functions.iter().chain(m.aggregates.iter().map(|a| &a.function)) {
            assert!(db.function_exists(&q(&f.name), f.arity), "{} of {} is gone", f.signature(&q(&f.name)), m.name);
        }
        for c in &m.collations {
            assert!(db.collation_exists(&q(&c.name)), "collation {} of {} is gone", q(&c.name), m.name);
        }
        for v in &m.vtabs {
            assert!(db.module_exists(&q(&v.name)), "module {} of {} is gone", q(&v.name), m.name);
        }
    }
}

/// One input: what the fuzz target checks of it.
pub fn run(input: Input) {
    let base = component();
    let conn = Connection::open_in_memory().unwrap();
    // SAFETY: the connection outlives the registry (dropped first).
    let db = unsafe { Db::from_raw(conn.handle()) };
    let mut registry = Registry::new(db);
    for side in input.extensions.iter().take(4) {
        let ext = match base.with_manifest(side.manifest()) {
            Ok(ext) => ext,
            Err(e) => {
                check_refusal(&e.to_string());
                continue;
            }
        };
        let options = AttachOptions { pins: side.pins.iter().map(Name::text).collect(), prefix: side.prefix_option.as_ref().map(Name::text) };
        match registry.attach(ext.clone(), &options) {
            Err(e) => check_refusal(&e.to_string()),
            Ok(report) => {
                for line in report.warnings.iter().chain(&report.notes) {
                    assert!(!line.contains('\0'), "a NUL in {line:?}");
                }
                if side.call {
                    let prefix = options.prefix.clone().unwrap_or_else(|| ext.manifest.prefix.clone());
                    for f in ext.manifest.functions.iter().take(3) {
                        let args = vec!["1"; f.arity.max(0) as usize].join(", ");
                        let sql = format!("select {}({args})", quoted(&format!("{prefix}__{}", f.name)));
                        // A value or an error: whatever the component makes of the id.
                        if let Ok(mut statement) = conn.prepare(&sql) {
                            let _ = statement.query_row([], |_| Ok(()));
                        }
                    }
                }
            }
        }
        check_qualified(db, &registry);
    }
    for d in &input.detach {
        let attached = registry.attached();
        if attached.is_empty() {
            break;
        }
        let name = attached[*d as usize % attached.len()].0.manifest.name.clone();
        registry.detach(&name).expect("detaching an attached extension");
        check_qualified(db, &registry);
    }
    drop(registry);
    drop(conn);
}
