//! Manifests no well-behaved SDK writes, attached to a real connection
//! through a real component (c-tables: scalar, aggregate, collation and
//! vtab exports) described by them instead of by its own `describe()`
//! (`Extension::with_manifest`, the checks loading makes). Each is refused
//! with the message pinned here, or registered so that every name answers.
//! The fuzz target `hostile_manifests` (fuzz/) tries any manifest.
//!
//! Invalid UTF-8 never reaches these checks: a component's `describe()`
//! returning it fails in wasmtime's lifting of the string, and loading
//! says `describe() failed`.

mod common;

use common::{Conn, wasm};
use sqlink_runtime::manifest::{Aggregate, Collation, Function, Hooks, Manifest, VtabModule};
use sqlink_runtime::{AttachOptions, Extension, Grants, Limits, Runtime};
use std::sync::{Arc, OnceLock};

/// The component every manifest here describes, loaded once.
fn component() -> &'static Arc<Extension> {
    static LOADED: OnceLock<Arc<Extension>> = OnceLock::new();
    LOADED.get_or_init(|| Runtime::get().unwrap().load_file(&wasm("c-tables"), Grants::default(), Limits::default()).unwrap())
}

fn function(name: &str, arity: i32) -> Function {
    Function {
        name: name.to_string(),
        arity,
        deterministic: false,
        direct_only: false,
        innocuous: false,
        subtype: false,
        result_subtype: false,
        description: String::new(),
    }
}

fn collation(name: &str) -> Collation {
    Collation { name: name.to_string(), keyed: false }
}

fn module(name: &str) -> VtabModule {
    VtabModule {
        name: name.to_string(),
        eponymous: false,
        eponymous_only: false,
        writable: false,
        direct_only: false,
        shadow_tables: Vec::new(),
        description: String::new(),
    }
}

/// A manifest named `hostile` (prefix `hostile`) listing `functions`.
fn manifest(functions: Vec<Function>) -> Manifest {
    Manifest {
        name: "hostile".into(),
        version: "1".into(),
        description: String::new(),
        prefix: "hostile".into(),
        namespace: "test".into(),
        functions,
        aggregates: Vec::new(),
        collations: Vec::new(),
        vtabs: Vec::new(),
        dot_commands: Vec::new(),
        hooks: Hooks::default(),
        authorizer: false,
        capabilities: Vec::new(),
    }
}

/// Loads `m` (the component described by it) and attaches it to `conn`.
fn attach(conn: &mut Conn, m: Manifest) -> Result<String, String> {
    let ext = component().with_manifest(m).map_err(|e| e.to_string())?;
    conn.registry.attach(ext, &AttachOptions::default()).map(|r| r.summary).map_err(|e| e.to_string())
}

fn refused(m: Manifest) -> String {
    let mut conn = Conn::memory();
    let e = attach(&mut conn, m).expect_err("refused");
    let source = wasm("c-tables").display().to_string();
    e.strip_prefix(&format!("{source}: ")).map(str::to_string).unwrap_or(e)
}

/// Whether SQLite has function `name` with `arity`.
fn has_function(conn: &Conn, name: &str, arity: i32) -> bool {
    conn.db.function_exists(name, arity)
}

#[test]
fn thousands_of_functions_all_register_and_answer_qualified() {
    let mut conn = Conn::memory();
    let functions: Vec<Function> = (0..5000).map(|i| function(&format!("f{i}"), i % 4)).collect();
    let summary = attach(&mut conn, manifest(functions)).unwrap();
    assert!(summary.contains("5000 functions"), "{summary}");
    assert!(has_function(&conn, "hostile__f0", 0));
    assert!(has_function(&conn, "hostile__f4999", 3));
    assert!(has_function(&conn, "f4999", 3), "a free bare name goes to its only claimant");
    conn.registry.detach("hostile").unwrap();
    assert!(!has_function(&conn, "hostile__f4999", 3));
}

#[test]
fn a_nul_in_a_name_is_refused_and_shown_escaped() {
    assert_eq!(refused(manifest(vec![function("a\0b", 1)])), "function name 'a\\u{0}b' contains NUL");
    let mut m = manifest(Vec::new());
    m.collations = vec![collation("c\0")];
    assert_eq!(refused(m), "collation name 'c\\u{0}' is empty, contains NUL or is declared twice");
    let mut m = manifest(Vec::new());
    m.vtabs = vec![module("t\0")];
    assert_eq!(refused(m), "virtual table module name 't\\u{0}' must be letters, digits and underscores, declared once");
}

#[test]
fn quotes_and_double_underscores_in_names_register_and_are_callable() {
    let mut conn = Conn::memory();
    let names = ["it's", "say \"hi\"", "a__b", "__", "x y", "é"];
    let functions = names.iter().map(|n| function(n, 1)).collect();
    attach(&mut conn, manifest(functions)).unwrap();
    for n in names {
        assert!(has_function(&conn, &format!("hostile__{n}"), 1), "{n}");
    }
    let quoted = "\"hostile__say \"\"hi\"\"\"(1)";
    // The component has no function with that id: an error, not a crash.
    let _ = conn.query(&format!("select {quoted}"));
}

#[test]
fn empty_and_overlong_names_are_refused_and_shown_cut() {
    let x64 = "x".repeat(64);
    assert_eq!(refused(manifest(vec![function("", 1)])), "function name '' is empty");
    assert_eq!(refused(manifest(vec![function(&"x".repeat(201), 1)])), format!("function name '{x64}... (201 bytes)' is 201 bytes long; the most is 200"));
    // Within the limit, but not once qualified (SQLite allows 255 bytes).
    let mut m = manifest(vec![function(&"x".repeat(200), 1)]);
    m.prefix = "p".repeat(60);
    let p60 = "p".repeat(60);
    assert_eq!(
        refused(m),
        format!("function {x64}... (200 bytes) of extension hostile would be 262 bytes long with prefix {p60}; SQLite allows 255: load it with --prefix NAME")
    );
    let n64 = "n".repeat(64);
    let mut m = manifest(Vec::new());
    m.name = "n".repeat(100_000) + "-";
    assert_eq!(refused(m), format!("manifest name '{n64}... (100001 bytes)' must be letters, digits and underscores"));
    // Names and prefixes appear in many messages: they are short.
    let mut m = manifest(Vec::new());
    m.name = "n".repeat(65);
    assert_eq!(refused(m), format!("manifest name '{n64}... (65 bytes)' is 65 bytes long; the most is 64"));
    let mut m = manifest(Vec::new());
    m.prefix = "n".repeat(65_535);
    assert_eq!(refused(m), format!("manifest prefix '{n64}... (65535 bytes)' is 65535 bytes long; the most is 64"));
    let mut conn = Conn::memory();
    let ext = component().with_manifest(manifest(vec![function("f", 1)])).unwrap();
    let long = AttachOptions { pins: Vec::new(), prefix: Some("p".repeat(65)) };
    assert_eq!(conn.registry.attach(ext, &long).unwrap_err().to_string(), format!("prefix '{}... (65 bytes)' is 65 bytes long; the most is 64", "p".repeat(64)));
}

#[test]
fn an_overlong_collation_name_registers() {
    let mut conn = Conn::memory();
    let mut m = manifest(Vec::new());
    m.collations = vec![collation(&"c".repeat(100_000))];
    attach(&mut conn, m).unwrap();
    assert!(conn.db.collation_exists(&format!("hostile__{}", "c".repeat(100_000))));
}

#[test]
fn duplicate_names_are_refused() {
    assert_eq!(refused(manifest(vec![function("dup", 1), function("DUP", 1)])), "function DUP(1) is declared twice");
    let mut m = manifest(vec![function("dup", 2)]);
    m.aggregates = vec![Aggregate { function: function("Dup", 2), window: false }];
    assert_eq!(refused(m), "function Dup(2) is declared twice");
    let mut m = manifest(Vec::new());
    m.collations = vec![collation("c"), collation("C")];
    assert_eq!(refused(m), "collation name 'C' is empty, contains NUL or is declared twice");
    let mut m = manifest(Vec::new());
    m.vtabs = vec![module("t"), module("T")];
    assert_eq!(refused(m), "virtual table module name 'T' must be letters, digits and underscores, declared once");
    // The same name with another arity is another function.
    let mut conn = Conn::memory();
    attach(&mut conn, manifest(vec![function("dup", 1), function("dup", -1)])).unwrap();
}

#[test]
fn a_nul_in_a_prefix_or_pin_given_at_attach_is_shown_escaped() {
    let mut conn = Conn::memory();
    let ext = component().with_manifest(manifest(vec![function("f", 1)])).unwrap();
    let prefix = AttachOptions { pins: Vec::new(), prefix: Some("\0\0".into()) };
    assert_eq!(conn.registry.attach(ext.clone(), &prefix).unwrap_err().to_string(), "prefix '\\u{0}\\u{0}' must be letters, digits and underscores");
    let pin = AttachOptions { pins: vec!["f\0".into()], prefix: None };
    assert_eq!(conn.registry.attach(ext, &pin).unwrap_err().to_string(), "--pin f\\u{0}: extension hostile has no function, collation or module named f\\u{0}");
}

#[test]
fn arities_out_of_range_are_refused() {
    for arity in [128, -2, i32::MIN, i32::MAX] {
        assert_eq!(refused(manifest(vec![function("f", arity)])), format!("function f has arity {arity}; SQLite allows -1 (any) to 127"));
    }
}

#[test]
fn a_function_and_a_collation_may_share_a_name() {
    let mut conn = Conn::memory();
    let mut m = manifest(vec![function("same", 2)]);
    m.collations = vec![collation("same")];
    m.vtabs = vec![module("same")];
    attach(&mut conn, m).unwrap();
    assert!(has_function(&conn, "hostile__same", 2));
    assert!(conn.db.collation_exists("hostile__same"));
    assert!(conn.db.module_exists("hostile__same"));
}

#[test]
fn qualified_names_of_two_extensions_never_collide() {
    let mut conn = Conn::memory();
    let mut a = manifest(vec![function("b__c", 1)]);
    a.name = "a".into();
    a.prefix = "a".into();
    attach(&mut conn, a).unwrap();
    let named = |name: &str, prefix: &str, functions: &[&str]| {
        let mut m = manifest(functions.iter().map(|f| function(f, 1)).collect());
        m.name = name.into();
        m.prefix = prefix.into();
        m
    };
    let b = named("b", "a__b", &["c"]);
    assert_eq!(attach(&mut conn, b).unwrap_err(), "a__b__c(1) of extension b is already a qualified name of extension a; load b with --prefix NAME");
    // Nor a qualified name another's bare one.
    attach(&mut conn, named("x", "x", &["y__f"])).unwrap();
    assert_eq!(attach(&mut conn, named("y", "y", &["f"])).unwrap_err(), "y__f(1) of extension y is already a bare name of extension x; load y with --prefix NAME");
    // Nor a pinned bare name another's qualified one.
    let ext = component().with_manifest(named("z", "z", &["a__b__c"])).unwrap();
    let pinned = AttachOptions { pins: vec!["a__b__c".into()], prefix: None };
    assert_eq!(
        conn.registry.attach(ext, &pinned).unwrap_err().to_string(),
        "a__b__c(1) of extension z is already a qualified name of extension a; load z with --prefix NAME"
    );
    // Nor its own: pinning `own__g` would take prefix own's `g`.
    let ext = component().with_manifest(named("own", "own", &["g", "own__g"])).unwrap();
    let pinned = AttachOptions { pins: vec!["own__g".into()], prefix: None };
    assert_eq!(
        conn.registry.attach(ext, &pinned).unwrap_err().to_string(),
        "own__g(1) of extension own is already a qualified name of extension own; load own with --prefix NAME"
    );
    // Another prefix does it; every qualified name still calls its own.
    let ext = component().with_manifest(named("b", "a__b", &["c"])).unwrap();
    let elsewhere = AttachOptions { pins: Vec::new(), prefix: Some("bee".into()) };
    conn.registry.attach(ext, &elsewhere).unwrap();
    assert!(has_function(&conn, "a__b__c", 1) && has_function(&conn, "bee__c", 1));
}
