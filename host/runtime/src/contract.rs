//! Finding out what a component is: which contract version it speaks, which
//! contract interfaces it exports, what it imports.
//!
//! The host looks at the component itself rather than trusting a world: an
//! extension exports `manifest` plus only the interfaces it implements.

use crate::wit::CONTRACT_VERSION;
use crate::error::Error;
use wasmtime::Engine;
use wasmtime::component::{Component, ComponentExportIndex, types::ComponentItem};

const PACKAGE: &str = "sqlink:extension";

/// The contract interfaces a component exports, as export indices resolved
/// once per component.
#[derive(Clone, Default)]
pub(crate) struct Exports {
    pub manifest: Option<ComponentExportIndex>,
    pub overflow: Option<ComponentExportIndex>,
    pub scalar: Option<ComponentExportIndex>,
    pub aggregate: Option<ComponentExportIndex>,
    pub collation: Option<ComponentExportIndex>,
    pub lifecycle: Option<ComponentExportIndex>,
    pub vtab: Option<ComponentExportIndex>,
    pub hooks: Option<ComponentExportIndex>,
    pub authorizer: Option<ComponentExportIndex>,
    pub dot_commands: Option<ComponentExportIndex>,
    /// Interfaces the contract defines that this host does not drive yet.
    pub unsupported: Vec<String>,
}

/// Whether `version` can be served by a host speaking [`CONTRACT_VERSION`]:
/// same major version, and for 0.x the same minor version (semver).
fn compatible(version: &str) -> bool {
    let parts = |v: &str| -> Vec<u64> { v.split(['.', '-', '+']).take(3).map(|p| p.parse().unwrap_or(u64::MAX)).collect() };
    let (ours, theirs) = (parts(CONTRACT_VERSION), parts(version));
    if theirs.len() < 2 {
        return false;
    }
    ours[0] == theirs[0] && (ours[0] != 0 || ours[1] == theirs[1])
}

/// Reads a component's exports and checks its contract version.
pub(crate) fn exports(engine: &Engine, component: &Component) -> Result<Exports, Error> {
    let ty = component.component_type();
    let mut found = Exports::default();
    let mut other_versions = Vec::new();
    let mut names = Vec::new();
    for (name, item) in ty.exports(engine) {
        names.push(name.to_string());
        let Some(rest) = name.strip_prefix(PACKAGE).and_then(|r| r.strip_prefix('/')) else { continue };
        let (interface, version) = rest.split_once('@').unwrap_or((rest, ""));
        if !compatible(version) {
            other_versions.push(version.to_string());
            continue;
        }
        if !matches!(item.ty, ComponentItem::ComponentInstance(_)) {
            continue;
        }
        let index = component.get_export_index(None, name);
        match interface {
            "manifest" => found.manifest = index,
            "overflow" => found.overflow = index,
            "scalar" => found.scalar = index,
            "aggregate" => found.aggregate = index,
            "collation" => found.collation = index,
            "lifecycle" => found.lifecycle = index,
            "vtab" => found.vtab = index,
            "hooks" => found.hooks = index,
            "authorizer" => found.authorizer = index,
            "dot-commands" => found.dot_commands = index,
            other => found.unsupported.push(other.to_string()),
        }
    }
    if found.manifest.is_none() {
        if let Some(v) = other_versions.first() {
            return Err(Error::new(format!(
                "built for contract {PACKAGE}@{v}, but this host speaks {PACKAGE}@{CONTRACT_VERSION}; rebuild the extension against {PACKAGE}@{CONTRACT_VERSION}"
            )));
        }
        let listed = if names.is_empty() { "nothing".to_string() } else { names.join(", ") };
        return Err(Error::new(format!(
            "not a sqlink extension: it does not export {PACKAGE}/manifest@{CONTRACT_VERSION} (it exports {listed})"
        )));
    }
    Ok(found)
}

/// The names of everything a component imports, for the policy check.
pub(crate) fn imports(engine: &Engine, component: &Component) -> Vec<String> {
    component.component_type().imports(engine).map(|(name, _)| name.to_string()).collect()
}

/// Checks imported contract interfaces are of a version this host provides.
pub(crate) fn check_import_versions(imports: &[String]) -> Result<(), Error> {
    for name in imports {
        if let Some(rest) = name.strip_prefix(PACKAGE).and_then(|r| r.strip_prefix('/')) {
            let version = rest.split_once('@').map(|(_, v)| v).unwrap_or("");
            if !compatible(version) {
                return Err(Error::new(format!(
                    "built for contract {PACKAGE}@{version} (it imports {name}), but this host speaks {PACKAGE}@{CONTRACT_VERSION}"
                )));
            }
        }
    }
    Ok(())
}

/// Quick checks on raw bytes, so the commonest mistakes get plain words.
pub(crate) fn check_bytes(bytes: &[u8]) -> Result<(), Error> {
    const MAGIC: &[u8] = b"\0asm";
    if bytes.starts_with(b"\x7fELF") || bytes.starts_with(b"MZ") || bytes.starts_with(&[0xcf, 0xfa, 0xed, 0xfe]) {
        return Err(Error::new(
            "a native shared library, not a WebAssembly component: sqlink loads .wasm extensions (native ones load into the stock sqlite3 shell)",
        ));
    }
    if bytes.len() < 8 || &bytes[..4] != MAGIC {
        return Err(Error::new("not a WebAssembly file (it does not start with \\0asm)"));
    }
    // Bytes 4..8: version and layer. Core modules are version 1, layer 0.
    if bytes[4..8] == [1, 0, 0, 0] {
        return Err(Error::new(
            "a core WebAssembly module, not a component: build it for the wasm32-wasip2 target (or wrap it with `wasm-tools component new`)",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_follow_semver_for_zero_majors() {
        assert!(compatible("0.2.0"));
        assert!(compatible("0.2.7"));
        assert!(!compatible("0.1.0"));
        assert!(!compatible("0.3.0"));
        assert!(!compatible("1.0.0"));
        assert!(!compatible(""));
    }

    #[test]
    fn raw_bytes_are_classified() {
        assert!(check_bytes(b"hello world").unwrap_err().message.starts_with("not a WebAssembly file"));
        assert!(check_bytes(b"\0asm\x01\0\0\0").unwrap_err().message.starts_with("a core WebAssembly module"));
        assert!(check_bytes(b"\0asm\x0d\0\x01\0").is_ok());
    }
}
