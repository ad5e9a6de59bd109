//! A loaded extension: compiled, checked against policy, described. It is
//! shared by every connection it is attached to; each connection gets its
//! own resident instance of it ([`crate::instance::Live`]).

use crate::bindings::manifest as wit;
use crate::contract::{self, Exports};
use crate::engine::Runtime;
use crate::error::Error;
use crate::host::HostState;
use crate::instance::{Funcs, Instance};
use crate::manifest::Manifest;
use crate::spi::SpiTarget;
use sqlink_policy::{Grants, Limits};
use std::sync::{Arc, Weak};
use wasmtime::component::InstancePre;

/// A compiled, validated extension with its manifest.
pub struct Extension {
    pub manifest: Manifest,
    /// Where it came from (a path, or a name for in-memory bytes).
    pub source: String,
    /// blake3 of the component bytes: its identity in the CAS.
    pub hash: blake3::Hash,
    pub grants: Grants,
    pub limits: Limits,
    /// Whether compiled code came from the cache (nothing was compiled).
    pub from_cache: bool,
    /// Things worth telling the user about this load (cache problems...).
    pub warnings: Vec<String>,
    pub(crate) runtime: &'static Runtime,
    pub(crate) pre: InstancePre<HostState>,
    pub(crate) exports: Exports,
}

impl Extension {
    pub(crate) fn new(runtime: &'static Runtime, source: String, bytes: &[u8], grants: Grants, limits: Limits) -> Result<Arc<Extension>, Error> {
        let origin = source.clone();
        let fail = |e: Error| e.context(&origin);
        contract::check_bytes(bytes).map_err(fail)?;
        let hash = blake3::hash(bytes);
        let (component, from_cache, warnings) = runtime.compile(bytes, &hash).map_err(fail)?;
        let exports = contract::exports(&runtime.engine, &component).map_err(fail)?;
        let imports = contract::imports(&runtime.engine, &component);
        contract::check_import_versions(&imports).map_err(fail)?;
        let stem = std::path::Path::new(&source).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| source.clone());
        grants.check_imports(&stem, &imports)?;
        let pre = runtime
            .linker
            .instantiate_pre(&component)
            .map_err(|e| fail(Error::new(format!("cannot be linked: {}", crate::engine::root_message(&e)))))?;

        let mut ext = Extension {
            manifest: Manifest::from_wit(empty_manifest()),
            source,
            hash,
            grants,
            limits,
            from_cache,
            warnings,
            runtime,
            pre,
            exports,
        };
        // One throwaway instance: read the manifest, check every exported
        // function has the contract's type.
        let mut probe = Instance::new(&ext, SpiTarget::Detached, Weak::new()).map_err(|e| fail(Error::new(format!("cannot be instantiated: {}", crate::engine::root_message(&e)))))?;
        Funcs::check_types(&mut probe).map_err(|e| fail(Error::new(format!("does not match contract sqlink:extension@{}: {e}", crate::bindings::CONTRACT_VERSION))))?;
        let manifest = probe.describe().map_err(|e| fail(Error::new(format!("describe() failed: {}", crate::engine::root_message(&e)))))?;
        let manifest = Manifest::from_wit(manifest);
        manifest.validate().map_err(fail)?;
        ext.check_exports(&manifest).map_err(fail)?;
        ext.grants.check_declared(&manifest.name, &manifest.capabilities)?;
        ext.manifest = manifest;
        Ok(Arc::new(ext))
    }

    /// Every kind of item the manifest lists must have its interface
    /// exported.
    fn check_exports(&self, m: &Manifest) -> Result<(), Error> {
        let missing = [
            (!m.functions.is_empty() && self.exports.scalar.is_none(), "scalar functions", "scalar"),
            (!m.aggregates.is_empty() && self.exports.aggregate.is_none(), "aggregates", "aggregate"),
            (!m.collations.is_empty() && self.exports.collation.is_none(), "collations", "collation"),
        ];
        for (is_missing, what, interface) in missing {
            if is_missing {
                return Err(Error::new(format!(
                    "its manifest lists {what} but it does not export sqlink:extension/{interface}@{}",
                    crate::bindings::CONTRACT_VERSION
                )));
            }
        }
        let hot = self.exports.scalar.is_some() || self.exports.aggregate.is_some() || self.exports.collation.is_some();
        if hot && self.exports.overflow.is_none() {
            return Err(Error::new(format!(
                "it exports scalar, aggregate or collation calls but not sqlink:extension/overflow@{}, where their long results and error messages wait",
                crate::bindings::CONTRACT_VERSION
            )));
        }
        Ok(())
    }

    pub fn name(&self) -> &str {
        &self.manifest.name
    }
}

fn empty_manifest() -> wit::Manifest {
    wit::Manifest {
        name: String::new(),
        version: String::new(),
        description: String::new(),
        prefix: String::new(),
        namespace: String::new(),
        functions: Vec::new(),
        aggregates: Vec::new(),
        collations: Vec::new(),
        vtabs: Vec::new(),
        dot_commands: Vec::new(),
        hooks: wit::HookSet::empty(),
        authorizer: false,
        capabilities: Vec::new(),
    }
}
