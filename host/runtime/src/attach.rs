//! What every host shares about attaching extensions to a connection: the
//! user's options, what attaching reports, listings, and the checks made
//! before anything is registered.

use crate::error::Error;
use crate::extension::Extension;
use crate::instance::human_bytes;
use crate::manifest::{check_identifier, shown};
use sqlink_naming::Key;
use sqlink_policy::hint;
use std::collections::HashMap;

/// How an extension is attached: pins and prefix chosen by the user.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachOptions {
    /// Bare names this extension takes even when SQLite or another
    /// extension holds them.
    pub pins: Vec<String>,
    /// Prefix for qualified names instead of the manifest's.
    pub prefix: Option<String>,
}

/// What attaching reported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttachReport {
    /// What was loaded and registered, in one line.
    pub summary: String,
    /// What the user must know: names left qualified-only, cache problems,
    /// manifest parts this host cannot serve.
    pub warnings: Vec<String>,
    /// Confirmations: pins taking effect, names moving between extensions.
    pub notes: Vec<String>,
}

/// One extension as attached, for listings.
#[derive(Debug, Clone, PartialEq)]
pub struct AttachedInfo {
    pub name: String,
    pub version: String,
    pub description: String,
    pub source: String,
    pub prefix: String,
    pub namespace: String,
    /// Each function as `name(arity)`, with every name it answers to.
    pub functions: Vec<String>,
    pub aggregates: Vec<String>,
    pub collations: Vec<String>,
    /// Virtual table modules, with every name they answer to.
    pub vtabs: Vec<String>,
    /// Functions declared at run time through SPI.
    pub declared: Vec<String>,
    pub grants: Vec<String>,
    pub memory_limit: u64,
    pub timeout_ms: u64,
}

/// One line describing a freshly attached extension.
pub(crate) fn load_summary(ext: &Extension, prefix: &str) -> String {
    let m = &ext.manifest;
    let count = |n: usize, what: &str| (n > 0).then(|| format!("{n} {what}{}", if n == 1 { "" } else { "s" }));
    let parts: Vec<String> = [
        count(m.functions.len(), "function"),
        count(m.aggregates.len(), "aggregate"),
        count(m.collations.len(), "collation"),
        count(m.vtabs.len(), "virtual table module"),
    ]
    .into_iter()
    .flatten()
    .collect();
    let grants = if ext.grants.is_empty() { String::new() } else { format!("; granted {}", ext.grants) };
    format!(
        "loaded {} {}: {} (prefix {}__; memory {}, timeout {} ms{grants})",
        m.name,
        m.version,
        if parts.is_empty() { "nothing to register".to_string() } else { parts.join(", ") },
        prefix,
        human_bytes(ext.limits.memory),
        ext.limits.timeout.as_millis()
    )
}

/// Checks a load against what is loaded (`loaded`: each extension with its
/// prefix): the name and prefix must be free, the prefix an identifier,
/// the pins names the extension has. Returns the prefix to use.
pub(crate) fn check_attach(ext: &Extension, options: &AttachOptions, loaded: &[(&Extension, &str)]) -> Result<String, Error> {
    let name = &ext.manifest.name;
    if let Some((e, _)) = loaded.iter().find(|(e, _)| e.manifest.name == *name) {
        return Err(Error::new(format!("extension {name} is already loaded (from {}); {} first", e.source, hint::unload(name))));
    }
    let prefix = options.prefix.clone().unwrap_or_else(|| ext.manifest.prefix.clone());
    check_identifier("prefix", &prefix)?;
    if let Some((e, _)) = loaded.iter().find(|(_, p)| p.eq_ignore_ascii_case(&prefix)) {
        return Err(Error::new(format!(
            "prefix {prefix} is already bound to extension {} ({}); load {name} with {}",
            e.manifest.name,
            e.manifest.namespace,
            hint::option("prefix", "NAME")
        )));
    }
    let m = &ext.manifest;
    for d in &m.dot_commands {
        if let Some((other, _)) = loaded.iter().find(|(e, _)| e.manifest.dot_commands.iter().any(|o| o.name == d.name)) {
            return Err(Error::new(format!(
                "dot command .{} of {name} is already provided by extension {}; {} first",
                d.name,
                other.manifest.name,
                hint::unload(&other.manifest.name)
            )));
        }
    }
    let names: Vec<&str> = m
        .functions
        .iter()
        .map(|f| f.name.as_str())
        .chain(m.aggregates.iter().map(|a| a.function.name.as_str()))
        .chain(m.collations.iter().map(|c| c.name.as_str()))
        .chain(m.vtabs.iter().map(|v| v.name.as_str()))
        .collect();
    for pin in &options.pins {
        if !names.iter().any(|n| n.eq_ignore_ascii_case(pin)) {
            let pin = shown(pin);
            return Err(Error::new(format!("{}: extension {name} has no function, collation or module named {pin}", hint::option("pin", &pin))));
        }
    }
    check_names(ext, &prefix, options, loaded)?;
    Ok(prefix)
}

/// A qualified name is `prefix__name`, so it can be another extension's
/// qualified name (prefix `a` with `b__c`, prefix `a__b` with `c`) or one
/// of its bare names: registering it would take that name from the other
/// extension, and detaching either would remove it from both. The same
/// holds for a pinned bare name that is a qualified name, another's or
/// its own. Such a load is refused; another prefix avoids it.
fn check_names(ext: &Extension, prefix: &str, options: &AttachOptions, loaded: &[(&Extension, &str)]) -> Result<(), Error> {
    let name = &ext.manifest.name;
    let mut qualified = HashMap::new();
    let mut bare = HashMap::new();
    for (e, p) in loaded {
        qualified.extend(e.manifest.keys(Some(p)).into_iter().map(|k| (k, &e.manifest.name)));
        bare.extend(e.manifest.keys(None).into_iter().map(|k| (k, &e.manifest.name)));
    }
    let taken = |key: &Key, other: &str, how: &str| {
        Error::new(format!(
            "{} of extension {name} is already {how} of extension {other}; load {name} with {}",
            shown(&key.display()),
            hint::option("prefix", "NAME")
        ))
    };
    for key in ext.manifest.keys(Some(prefix)) {
        if let Some(other) = qualified.get(&key) {
            return Err(taken(&key, other, "a qualified name"));
        }
        if let Some(other) = bare.get(&key) {
            return Err(taken(&key, other, "a bare name"));
        }
    }
    // Its own qualified names too: a pinned `a__b` would take prefix
    // `a`'s `b`.
    qualified.extend(ext.manifest.keys(Some(prefix)).into_iter().map(|k| (k, name)));
    let pinned = ext.manifest.keys(None).into_iter().filter(|k| options.pins.iter().any(|p| p.eq_ignore_ascii_case(&k.name)));
    for key in pinned {
        if let Some(other) = qualified.get(&key) {
            return Err(taken(&key, other, "a qualified name"));
        }
    }
    // SQLite refuses longer function names.
    let longest = ext.manifest.functions.iter().chain(ext.manifest.aggregates.iter().map(|a| &a.function)).max_by_key(|f| f.name.len());
    if let Some(f) = longest
        && prefix.len() + 2 + f.name.len() > 255
    {
        return Err(Error::new(format!(
            "function {} of extension {name} would be {} bytes long with prefix {}; SQLite allows 255: load it with {}",
            shown(&f.name),
            prefix.len() + 2 + f.name.len(),
            shown(prefix),
            hint::option("prefix", "NAME")
        )));
    }
    Ok(())
}

