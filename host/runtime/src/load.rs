//! Loading an extension: compile it (or fetch compiled code), check it
//! against the contract and the operator's grants, and describe it through
//! one throwaway instance.

use crate::contract;
use crate::error::Error;
use crate::extension::Extension;
use crate::instance::{Funcs, Instance};
use crate::manifest::Manifest;
use crate::runtime::{Runtime, root_message};
use crate::wit::CONTRACT_VERSION;
use sqlink_policy::{Grants, Limits};
use std::path::Path;
use std::sync::Arc;

impl Runtime {
    /// Reads, validates, compiles (or fetches compiled) and describes an
    /// extension file. The result can be attached to any connection.
    pub fn load_file(&'static self, path: &Path, grants: Grants, limits: Limits) -> Result<Arc<Extension>, Error> {
        let bytes = std::fs::read(path).map_err(|e| Error::new(format!("cannot read {}: {e}", path.display())))?;
        Extension::new(self, path.display().to_string(), &bytes, grants, limits)
    }

    /// Like [`Runtime::load_file`] for bytes already in memory.
    pub fn load_bytes(&'static self, source: &str, bytes: &[u8], grants: Grants, limits: Limits) -> Result<Arc<Extension>, Error> {
        Extension::new(self, source.to_string(), bytes, grants, limits)
    }

    /// What an extension file provides and needs, without granting it
    /// anything or attaching it anywhere: for listing a catalog. The file
    /// is compiled (or its compiled code fetched from the cache) and
    /// described as loading it would, but what it declares and imports is
    /// reported, not checked against grants.
    ///
    /// # Errors
    /// What loading it would report, but for missing grants.
    pub fn describe_file(&'static self, path: &Path) -> Result<Manifest, Error> {
        let bytes = std::fs::read(path).map_err(|e| Error::new(format!("cannot read {}: {e}", path.display())))?;
        let ext = Extension::build(self, path.display().to_string(), &bytes, Grants::default(), Limits::default(), Enforce::Nothing)?;
        Ok(ext.manifest.clone())
    }
}

/// Whether building an extension checks it against the operator's grants.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Enforce {
    /// Loading: what it imports and declares must be granted.
    Grants,
    /// Describing: nothing will run but `describe`.
    Nothing,
}

impl Extension {
    /// Compiles (or fetches compiled code), checks against the contract
    /// and the grants, and describes an extension.
    pub(crate) fn new(runtime: &'static Runtime, source: String, bytes: &[u8], grants: Grants, limits: Limits) -> Result<Arc<Extension>, Error> {
        Extension::build(runtime, source, bytes, grants, limits, Enforce::Grants)
    }

    fn build(runtime: &'static Runtime, source: String, bytes: &[u8], grants: Grants, limits: Limits, enforce: Enforce) -> Result<Arc<Extension>, Error> {
        let origin = source.clone();
        let fail = |e: Error| e.context(&origin);
        contract::check_bytes(bytes).map_err(fail)?;
        let hash = blake3::hash(bytes);
        let (component, from_cache, warnings) = runtime.compile(bytes, &hash).map_err(fail)?;
        let exports = contract::exports(&runtime.engine, &component).map_err(fail)?;
        let imports = contract::imports(&runtime.engine, &component);
        contract::check_import_versions(&imports).map_err(fail)?;
        let stem = std::path::Path::new(&source).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| source.clone());
        if enforce == Enforce::Grants {
            grants.check_imports(&stem, &imports)?;
        }
        let pre = runtime
            .linker
            .instantiate_pre(&component)
            .map_err(|e| fail(Error::new(format!("cannot be linked: {}", root_message(&e)))))?;

        let mut ext = Extension {
            manifest: Manifest::from_wit(crate::extension::empty_manifest()),
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
        let mut probe = Instance::new(&ext, None).map_err(|e| fail(Error::new(format!("cannot be instantiated: {}", root_message(&e)))))?;
        Funcs::check_types(&mut probe).map_err(|e| fail(Error::new(format!("does not match contract sqlink:extension@{}: {e}", CONTRACT_VERSION))))?;
        let manifest = probe.describe().map_err(|e| fail(Error::new(format!("describe() failed: {}", root_message(&e)))))?;
        let manifest = Manifest::from_wit(manifest);
        match enforce {
            Enforce::Grants => ext.check_manifest(&manifest)?,
            Enforce::Nothing => manifest.validate().map_err(fail)?,
        }
        ext.manifest = manifest;
        Ok(Arc::new(ext))
    }

    /// The checks a manifest passes before the extension it describes can
    /// be attached: names and arities SQLite can register, an export for
    /// every kind of item it lists, grants for what it declares.
    fn check_manifest(&self, manifest: &Manifest) -> Result<(), Error> {
        let fail = |e: Error| e.context(&self.source);
        manifest.validate().map_err(fail)?;
        self.check_exports(manifest).map_err(fail)?;
        self.grants.check_declared(&manifest.name, &manifest.capabilities)?;
        Ok(())
    }

    /// This extension described by `manifest` instead of what its
    /// `describe()` returned, after the same checks loading makes: a
    /// manifest no component would return (thousands of functions, hostile
    /// names) without building a component for each. For the runtime's
    /// tests and the `hostile_manifests` fuzz target; not a stable API.
    ///
    /// # Errors
    /// What loading a component with this manifest reports.
    #[doc(hidden)]
    pub fn with_manifest(&self, manifest: Manifest) -> Result<Arc<Extension>, Error> {
        self.check_manifest(&manifest)?;
        Ok(Arc::new(Extension {
            manifest,
            source: self.source.clone(),
            hash: self.hash,
            grants: self.grants.clone(),
            limits: self.limits,
            from_cache: self.from_cache,
            warnings: self.warnings.clone(),
            runtime: self.runtime,
            pre: self.pre.clone(),
            exports: self.exports.clone(),
        }))
    }
}
