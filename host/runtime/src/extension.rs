//! A loaded extension: compiled, checked against policy, described. It is
//! shared by every connection it is attached to; each connection gets its
//! own resident instance of it ([`crate::instance::Live`]). Loading one is
//! in `load`, which needs an instance to read the manifest.

use crate::contract::Exports;
use crate::error::Error;
use crate::manifest::Manifest;
use crate::runtime::Runtime;
use crate::store::HostState;
use crate::wit::manifest as wit;
use sqlink_policy::{Grants, Limits};
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
    /// Every kind of item the manifest lists must have its interface
    /// exported.
    pub(crate) fn check_exports(&self, m: &Manifest) -> Result<(), Error> {
        let missing = [
            (!m.functions.is_empty() && self.exports.scalar.is_none(), "scalar functions", "scalar"),
            (!m.aggregates.is_empty() && self.exports.aggregate.is_none(), "aggregates", "aggregate"),
            (!m.collations.is_empty() && self.exports.collation.is_none(), "collations", "collation"),
            (!m.vtabs.is_empty() && self.exports.vtab.is_none(), "virtual table modules", "vtab"),
            (m.hooks.any() && self.exports.hooks.is_none(), "connection hooks", "hooks"),
            (m.authorizer && self.exports.authorizer.is_none(), "an authorizer", "authorizer"),
            (!m.dot_commands.is_empty() && self.exports.dot_commands.is_none(), "dot commands", "dot-commands"),
        ];
        for (is_missing, what, interface) in missing {
            if is_missing {
                return Err(Error::new(format!(
                    "its manifest lists {what} but it does not export sqlink:extension/{interface}@{}",
                    crate::wit::CONTRACT_VERSION
                )));
            }
        }
        let hot = self.exports.scalar.is_some() || self.exports.aggregate.is_some() || self.exports.collation.is_some();
        if hot && self.exports.overflow.is_none() {
            return Err(Error::new(format!(
                "it exports scalar, aggregate or collation calls but not sqlink:extension/overflow@{}, where their long results and error messages wait",
                crate::wit::CONTRACT_VERSION
            )));
        }
        Ok(())
    }

    pub fn name(&self) -> &str {
        &self.manifest.name
    }
}

pub(crate) fn empty_manifest() -> wit::Manifest {
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
