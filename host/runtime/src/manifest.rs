//! The host's view of an extension's manifest, decoupled from the generated
//! bindings, and its validation.

use crate::wit::{manifest as wit, types::FunctionFlags};
use crate::error::Error;
use sqlink_naming::{Key, Space};
use sqlink_policy::Capability;

/// Function flags as SQLite spells them.
pub mod flags {
    pub const DETERMINISTIC: i32 = 0x0000_0800;
    pub const DIRECTONLY: i32 = 0x0008_0000;
    pub const SUBTYPE: i32 = 0x0010_0000;
    pub const INNOCUOUS: i32 = 0x0020_0000;
    pub const RESULT_SUBTYPE: i32 = 0x0100_0000;
}

/// One scalar function or aggregate.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    pub name: String,
    pub arity: i32,
    pub deterministic: bool,
    pub direct_only: bool,
    pub innocuous: bool,
    pub subtype: bool,
    pub result_subtype: bool,
    pub description: String,
}

impl Function {
    fn from_wit(name: String, arity: i32, f: FunctionFlags, description: String) -> Function {
        Function {
            name,
            arity,
            deterministic: f.contains(FunctionFlags::DETERMINISTIC),
            direct_only: f.contains(FunctionFlags::DIRECT_ONLY),
            innocuous: f.contains(FunctionFlags::INNOCUOUS),
            subtype: f.contains(FunctionFlags::SUBTYPE),
            result_subtype: f.contains(FunctionFlags::RESULT_SUBTYPE),
            description,
        }
    }

    /// Whether calls must carry subtypes (`invoke-subtyped`).
    pub fn subtyped(&self) -> bool {
        self.subtype || self.result_subtype
    }

    /// The SQLite flags to register with. `outside` forces DIRECTONLY (and
    /// drops INNOCUOUS) for extensions granted anything beyond pure
    /// computation. RESULT_SUBTYPE is passed only to SQLite versions that
    /// know it.
    pub fn sqlite_flags(&self, outside: bool, sqlite_version: i32) -> i32 {
        let mut f = libsqlite3_flags::UTF8;
        if self.deterministic {
            f |= flags::DETERMINISTIC;
        }
        if self.direct_only || outside {
            f |= flags::DIRECTONLY;
        } else if self.innocuous {
            f |= flags::INNOCUOUS;
        }
        if self.subtype {
            f |= flags::SUBTYPE;
        }
        if self.result_subtype && sqlite_version >= 3_045_000 {
            f |= flags::RESULT_SUBTYPE;
        }
        f
    }

    /// `name(arity)` as listings show it (`name(...)` when variadic).
    pub fn signature(&self, name: &str) -> String {
        if self.arity < 0 { format!("{name}(...)") } else { format!("{name}({})", self.arity) }
    }
}

mod libsqlite3_flags {
    pub const UTF8: i32 = 1;
}

/// An aggregate function, possibly usable as a window function.
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    pub function: Function,
    pub window: bool,
}

/// A collating sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Collation {
    pub name: String,
    pub keyed: bool,
}

/// A virtual table module.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VtabModule {
    pub name: String,
    /// Usable as a table-valued function without CREATE VIRTUAL TABLE.
    pub eponymous: bool,
    /// Usable only that way.
    pub eponymous_only: bool,
    /// Accepts INSERT, UPDATE and DELETE.
    pub writable: bool,
    /// Usable only from top-level SQL (whatever the grants).
    pub direct_only: bool,
    /// The shadow tables of each table, by suffix (`t_SUFFIX`).
    pub shadow_tables: Vec<String>,
    pub description: String,
}

/// A shell dot command an extension contributes (`.NAME args...`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotCommand {
    /// Without the leading dot.
    pub name: String,
    /// One line, e.g. "NAME [--force]".
    pub usage: String,
    pub help: String,
}

/// The connection hooks an extension wants.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hooks {
    pub update: bool,
    pub commit: bool,
    pub rollback: bool,
}

impl Hooks {
    pub fn any(&self) -> bool {
        self.update || self.commit || self.rollback
    }
}

/// What an extension declares about itself.
#[derive(Debug, Clone, PartialEq)]
pub struct Manifest {
    pub name: String,
    pub version: String,
    pub description: String,
    pub prefix: String,
    pub namespace: String,
    pub functions: Vec<Function>,
    pub aggregates: Vec<Aggregate>,
    pub collations: Vec<Collation>,
    pub vtabs: Vec<VtabModule>,
    pub dot_commands: Vec<DotCommand>,
    pub hooks: Hooks,
    /// Wants its authorizer installed.
    pub authorizer: bool,
    pub capabilities: Vec<Capability>,
}

impl Manifest {
    pub(crate) fn from_wit(m: wit::Manifest) -> Manifest {
        Manifest {
            name: m.name,
            version: m.version,
            description: m.description,
            prefix: m.prefix,
            namespace: m.namespace,
            functions: m.functions.into_iter().map(|f| Function::from_wit(f.name, f.arity, f.flags, f.description)).collect(),
            aggregates: m
                .aggregates
                .into_iter()
                .map(|a| Aggregate { function: Function::from_wit(a.name, a.arity, a.flags, a.description), window: a.window })
                .collect(),
            collations: m.collations.into_iter().map(|c| Collation { name: c.name, keyed: c.keyed }).collect(),
            vtabs: m
                .vtabs
                .into_iter()
                .map(|v| VtabModule {
                    name: v.name,
                    eponymous: v.eponymous || v.eponymous_only,
                    eponymous_only: v.eponymous_only,
                    writable: v.writable,
                    direct_only: v.direct_only,
                    shadow_tables: v.shadow_tables,
                    description: v.description,
                })
                .collect(),
            capabilities: m
                .capabilities
                .into_iter()
                .map(|c| match c {
                    wit::Capability::Spi => Capability::Spi,
                    wit::Capability::Fs(access) => Capability::Fs { write: matches!(access, wit::FsAccess::ReadWrite) },
                    wit::Capability::Http(p) => Capability::Http(p),
                    wit::Capability::Env(n) => Capability::Env(n),
                })
                .collect(),
            dot_commands: m.dot_commands.into_iter().map(|d| DotCommand { name: d.name, usage: d.usage, help: d.help }).collect(),
            hooks: Hooks {
                update: m.hooks.contains(wit::HookSet::UPDATE),
                commit: m.hooks.contains(wit::HookSet::COMMIT),
                rollback: m.hooks.contains(wit::HookSet::ROLLBACK),
            },
            authorizer: m.authorizer,
        }
    }

    /// Checks the manifest is something SQLite can register: sane names and
    /// arities, no duplicates, a usable prefix. Messages show names through
    /// [`shown`].
    pub(crate) fn validate(&self) -> Result<(), Error> {
        check_identifier("manifest name", &self.name)?;
        check_identifier("manifest prefix", &self.prefix)?;
        let mut seen = std::collections::HashSet::new();
        let all = self.functions.iter().chain(self.aggregates.iter().map(|a| &a.function));
        for f in all {
            let problem = if f.name.is_empty() {
                Some("is empty".to_string())
            } else if f.name.len() > MAX_NAME {
                Some(format!("is {} bytes long; the most is {MAX_NAME}", f.name.len()))
            } else if f.name.contains('\0') {
                Some("contains NUL".to_string())
            } else {
                None
            };
            if let Some(problem) = problem {
                return Err(Error::new(format!("function name '{}' {problem}", shown(&f.name))));
            }
            if !(-1..=127).contains(&f.arity) {
                return Err(Error::new(format!("function {} has arity {}; SQLite allows -1 (any) to 127", shown(&f.name), f.arity)));
            }
            if !seen.insert((f.name.to_ascii_lowercase(), f.arity)) {
                return Err(Error::new(format!("function {} is declared twice", f.signature(&shown(&f.name)))));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for v in &self.vtabs {
            if !is_identifier(&v.name) || !seen.insert(v.name.to_ascii_lowercase()) {
                return Err(Error::new(format!("virtual table module name '{}' must be letters, digits and underscores, declared once", shown(&v.name))));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for d in &self.dot_commands {
            let valid = !d.name.is_empty() && d.name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
            if !valid || !seen.insert(d.name.clone()) {
                return Err(Error::new(format!("dot command name '{}' must be letters, digits, '-' and '_', declared once", shown(&d.name))));
            }
        }
        let mut seen = std::collections::HashSet::new();
        for c in &self.collations {
            if c.name.is_empty() || c.name.contains('\0') || !seen.insert(c.name.to_ascii_lowercase()) {
                return Err(Error::new(format!("collation name '{}' is empty, contains NUL or is declared twice", shown(&c.name))));
            }
        }
        Ok(())
    }

    /// The keys (see `sqlink-naming`) of everything it registers, under
    /// `prefix` (`prefix__name`) or, without one, bare.
    pub(crate) fn keys(&self, prefix: Option<&str>) -> Vec<Key> {
        let name = |n: &str| match prefix {
            Some(p) => format!("{p}__{n}"),
            None => n.to_string(),
        };
        let functions = self.functions.iter().chain(self.aggregates.iter().map(|a| &a.function));
        functions
            .map(|f| Key::new(Space::Function, &name(&f.name), f.arity))
            .chain(self.collations.iter().map(|c| Key::new(Space::Collation, &name(&c.name), 0)))
            .chain(self.vtabs.iter().map(|v| Key::new(Space::Module, &name(&v.name), 0)))
            .collect()
    }
}

/// Checks `s`, the `what` (an extension's name or prefix), is an
/// identifier of at most [`MAX_IDENTIFIER`] bytes.
pub(crate) fn check_identifier(what: &str, s: &str) -> Result<(), Error> {
    if !is_identifier(s) {
        return Err(Error::new(format!("{what} '{}' must be letters, digits and underscores", shown(s))));
    }
    if s.len() > MAX_IDENTIFIER {
        return Err(Error::new(format!("{what} '{}' is {} bytes long; the most is {MAX_IDENTIFIER}", shown(s), s.len())));
    }
    Ok(())
}

/// The longest name or prefix of an extension: messages show them whole.
const MAX_IDENTIFIER: usize = 64;

/// The longest function name a manifest may give (SQLite's limit, 255
/// bytes, less room for a prefix).
const MAX_NAME: usize = 200;

/// A name from a manifest as messages show it: control characters
/// escaped (a NUL would end the message where SQLite passes it on), and
/// only its first 64 characters when it is longer.
pub(crate) fn shown(name: &str) -> String {
    const SHOWN: usize = 64;
    let mut out = String::new();
    for c in name.chars().take(SHOWN) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if name.chars().nth(SHOWN).is_some() {
        out.push_str(&format!("... ({} bytes)", name.len()));
    }
    out
}

/// Letters, digits and underscores, not starting with a digit.
pub(crate) fn is_identifier(s: &str) -> bool {
    !s.is_empty() && !s.starts_with(|c: char| c.is_ascii_digit()) && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}
