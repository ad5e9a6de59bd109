//! Many extensions as one: `router(e1, router(e2, ... router(en, empty)))`.
//!
//! A `router` imports two extensions (`left-*` and `right-*` instances of
//! the contract interfaces a router carries) and exports one whose manifest lists both
//! under qualified names. Each extension is plugged in with what it
//! exports; `empty` fills the interfaces it lacks (an extension with no
//! collations exports no `collation`).

use crate::{Error, Input, chain, shape};
use wac_graph::types::Package;
use wac_graph::{CompositionGraph, EncodeOptions, NodeId, PackageId};

/// The contract interfaces a router carries, as named in components.
const CARRIED: [&str; 9] = ["manifest", "overflow", "scalar", "aggregate", "collation", "vtab", "hooks", "authorizer", "dot-commands"];
const CONTRACT: &str = "sqlink:extension";
const VERSION: &str = "0.2.0";

fn interface(kind: &str) -> String {
    format!("{CONTRACT}/{kind}@{VERSION}")
}

/// What composing extensions produced: the component and notes for the
/// user (interfaces left out, imports left for the host).
pub struct Tree {
    pub bytes: Vec<u8>,
    pub notes: Vec<String>,
}

/// The node providing each carried interface of one extension.
struct Provided([NodeId; CARRIED.len()]);

fn fail<E: std::error::Error>(context: &str) -> impl Fn(E) -> Error + '_ {
    move |e| Error::new(format!("{context}: {}", chain(&e)))
}

/// Aliases the carried interfaces of `instance`, from `empty` where it has
/// none.
fn provided(graph: &mut CompositionGraph, instance: NodeId, empty: NodeId, exports: &[String]) -> Result<Provided, Error> {
    let mut nodes = [empty; CARRIED.len()];
    for (node, kind) in nodes.iter_mut().zip(CARRIED) {
        let name = interface(kind);
        let from = if exports.contains(&name) { instance } else { empty };
        *node = graph.alias_instance_export(from, &name).map_err(fail(&name))?;
    }
    Ok(Provided(nodes))
}

/// Composes `extensions` (at least one) with the `router` and `empty`
/// components into one extension component.
pub fn compose(extensions: &[Input], router: &Input, empty: &Input) -> Result<Tree, Error> {
    if extensions.is_empty() {
        return Err(Error::new("no extensions given: name at least one with --ext FILE.wasm"));
    }
    let mut notes = Vec::new();
    let mut graph = CompositionGraph::new();
    let register = |graph: &mut CompositionGraph, package: &str, input: &Input| -> Result<PackageId, Error> {
        let pkg = Package::from_bytes(package, None, input.bytes.clone(), graph.types_mut())
            .map_err(|e| Error::new(format!("{} is not a wasm component: {e:#}", input.name)))?;
        graph.register_package(pkg).map_err(|e| Error::new(format!("{}: {}", input.name, chain(&e))))
    };
    let router_pkg = register(&mut graph, "sqlink:router", router)?;
    let empty_pkg = register(&mut graph, "sqlink:empty", empty)?;
    let mut members = Vec::new();
    for (i, ext) in extensions.iter().enumerate() {
        let shape = shape(&ext.name, &ext.bytes)?;
        if !shape.exports.contains(&interface("manifest")) {
            return Err(Error::new(format!("{} is not a sqlink extension: it exports no {}", ext.name, interface("manifest"))));
        }
        for export in &shape.exports {
            if export.starts_with(CONTRACT) && !CARRIED.iter().any(|k| *export == interface(k)) {
                notes.push(format!("{}: {export} is left out (a composed build carries every contract interface but lifecycle)", ext.name));
            }
        }
        let package = register(&mut graph, &format!("sqlink:extension-{i}"), ext)?;
        members.push((package, shape.exports));
    }
    let empty = graph.instantiate(empty_pkg);
    let empty_exports: Vec<String> = CARRIED.iter().map(|k| interface(k)).collect();
    let mut acc = provided(&mut graph, empty, empty, &empty_exports)?;
    for (package, exports) in members.into_iter().rev() {
        let instance = graph.instantiate(package);
        let left = provided(&mut graph, instance, empty, &exports)?;
        let router = graph.instantiate(router_pkg);
        // The router's type-only imports of interfaces with functions (its
        // left-/right- interfaces use their types) are satisfied by an
        // instance that has them, so they do not linger as imports of the
        // result.
        for typed in ["manifest", "hooks", "authorizer"] {
            let node = graph.alias_instance_export(empty, &interface(typed)).map_err(fail(typed))?;
            graph.set_instantiation_argument(router, &interface(typed), node).map_err(fail("router types"))?;
        }
        for (side, provided) in [("left", &left), ("right", &acc)] {
            for (kind, node) in CARRIED.iter().zip(provided.0) {
                let name = format!("{side}-{kind}");
                graph.set_instantiation_argument(router, &name, node).map_err(fail(&name))?;
            }
        }
        let exports: Vec<String> = CARRIED.iter().map(|k| interface(k)).collect();
        acc = provided(&mut graph, router, empty, &exports)?;
    }
    for (kind, node) in CARRIED.iter().zip(acc.0) {
        graph.export(node, interface(kind)).map_err(fail("export"))?;
    }
    let bytes = graph.encode(EncodeOptions::default()).map_err(|e| Error::new(format!("cannot encode the composition: {}", chain(&e))))?;
    let result = shape("the composition", &bytes)?;
    if let Some(open) = result.imports.iter().find(|i| i.starts_with("left-") || i.starts_with("right-")) {
        return Err(Error::new(format!("internal error: router import {open} was left unconnected")));
    }
    // Interfaces of types only are imported as such by every host.
    let types_only = [interface("types"), interface("vtab-types")];
    for import in result.imports.iter().filter(|i| i.starts_with(CONTRACT) && !types_only.contains(i)) {
        notes.push(format!("the result imports {import}: only a host that provides it can run it (sqlite-core does not)"));
    }
    Ok(Tree { bytes, notes })
}
