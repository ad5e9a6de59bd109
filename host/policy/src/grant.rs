//! Capability grants and the capabilities extensions declare.

use crate::Denied;
use crate::hints;
use std::fmt;
use std::path::{Path, PathBuf};

/// One capability granted to one extension at load time, written as on the
/// command line: `spi`, `fs:DIR`, `fs:DIR:ro`, `http:HOST-PATTERN`,
/// `env:NAME`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant {
    /// SQL on the calling connection.
    Spi,
    /// A host directory, visible to the extension at the same absolute path.
    Fs { dir: PathBuf, read_only: bool },
    /// Outgoing HTTP to hosts matching the pattern (`*.example.com`).
    Http { pattern: String },
    /// One environment variable.
    Env { name: String },
}

impl Grant {
    /// Parses one grant. Directories must exist; they are made absolute and
    /// canonical, and the root directory is never granted.
    pub fn parse(text: &str) -> Result<Grant, Denied> {
        let text = text.trim();
        let (kind, rest) = text.split_once(':').unwrap_or((text, ""));
        match kind {
            "spi" if rest.is_empty() => Ok(Grant::Spi),
            "fs" if !rest.is_empty() => {
                let (dir, read_only) = match rest.rsplit_once(':') {
                    Some((dir, "ro")) => (dir, true),
                    Some((dir, "rw")) => (dir, false),
                    _ => (rest, false),
                };
                let dir = Path::new(dir)
                    .canonicalize()
                    .map_err(|e| Denied(format!("cannot grant fs:{dir}: {e}")))?;
                if !dir.is_dir() {
                    return Err(Denied(format!("cannot grant fs:{}: not a directory", dir.display())));
                }
                if dir.parent().is_none() {
                    return Err(Denied("refusing to grant the root directory: grant the directory the extension needs".into()));
                }
                Ok(Grant::Fs { dir, read_only })
            }
            "http" if !rest.is_empty() => Ok(Grant::Http { pattern: rest.to_ascii_lowercase() }),
            "env" if !rest.is_empty() => Ok(Grant::Env { name: rest.to_string() }),
            _ => Err(Denied(format!(
                "invalid grant '{text}': expected spi, fs:DIR, fs:DIR:ro, http:HOST-PATTERN or env:NAME"
            ))),
        }
    }
}

impl fmt::Display for Grant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Grant::Spi => f.write_str("spi"),
            Grant::Fs { dir, read_only: true } => write!(f, "fs:{}:ro", dir.display()),
            Grant::Fs { dir, read_only: false } => write!(f, "fs:{}", dir.display()),
            Grant::Http { pattern } => write!(f, "http:{pattern}"),
            Grant::Env { name } => write!(f, "env:{name}"),
        }
    }
}

/// A capability an extension's manifest declares it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Capability {
    Spi,
    Fs { write: bool },
    Http(String),
    Env(String),
}

impl Capability {
    /// The grant that gives it, as `--grant` takes it (`DIR` stands for a
    /// directory the operator chooses): `spi`, `fs:DIR:ro`, `env:HOME`.
    pub fn grant_hint(&self) -> String {
        match self {
            Capability::Spi => "spi".into(),
            Capability::Fs { write: false } => "fs:DIR:ro".into(),
            Capability::Fs { write: true } => "fs:DIR".into(),
            Capability::Http(p) => format!("http:{p}"),
            Capability::Env(n) => format!("env:{n}"),
        }
    }
}

impl fmt::Display for Capability {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Capability::Spi => f.write_str("spi"),
            Capability::Fs { write: false } => f.write_str("read access to a directory"),
            Capability::Fs { write: true } => f.write_str("write access to a directory"),
            Capability::Http(p) => write!(f, "http:{p}"),
            Capability::Env(n) => write!(f, "env:{n}"),
        }
    }
}

/// Everything granted to one extension.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Grants(pub Vec<Grant>);

impl Grants {
    /// Parses grants given one by one (`--grant spi --grant env:HOME`).
    pub fn parse_each<S: AsRef<str>>(items: &[S]) -> Result<Grants, Denied> {
        items.iter().map(|s| Grant::parse(s.as_ref())).collect::<Result<Vec<_>, _>>().map(Grants)
    }

    /// Parses a comma-separated list (`'spi,fs:/data:ro'`).
    pub fn parse_list(list: &str) -> Result<Grants, Denied> {
        let items: Vec<&str> = list.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        Grants::parse_each(&items)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn spi(&self) -> bool {
        self.0.contains(&Grant::Spi)
    }

    /// Granted directories and whether each is read-only.
    pub fn dirs(&self) -> impl Iterator<Item = (&Path, bool)> {
        self.0.iter().filter_map(|g| match g {
            Grant::Fs { dir, read_only } => Some((dir.as_path(), *read_only)),
            _ => None,
        })
    }

    /// Granted environment variable names.
    pub fn env_names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter_map(|g| match g {
            Grant::Env { name } => Some(name.as_str()),
            _ => None,
        })
    }

    /// Whether anything beyond pure computation is granted (every grant
    /// reaches outside the sandbox). Such extensions' functions are
    /// registered DIRECTONLY.
    pub fn reaches_outside(&self) -> bool {
        !self.0.is_empty()
    }

    /// Check one: every declared capability is granted.
    pub fn check_declared(&self, extension: &str, declared: &[Capability]) -> Result<(), Denied> {
        let missing: Vec<String> = declared
            .iter()
            .filter(|c| !self.covers(c))
            .map(|c| match c {
                Capability::Spi => hints::grant("spi"),
                Capability::Fs { write: false } => hints::grant("fs:DIR:ro"),
                Capability::Fs { write: true } => hints::grant("fs:DIR"),
                Capability::Http(p) => hints::grant(&format!("http:{p}")),
                Capability::Env(n) => hints::grant(&format!("env:{n}")),
            })
            .collect();
        if missing.is_empty() {
            return Ok(());
        }
        let needs: Vec<String> = declared.iter().filter(|c| !self.covers(c)).map(|c| c.to_string()).collect();
        Err(Denied(format!(
            "extension {extension} needs {}, which was not granted; load it with {}",
            needs.join(", "),
            missing.join(" ")
        )))
    }

    fn covers(&self, capability: &Capability) -> bool {
        match capability {
            Capability::Spi => self.spi(),
            Capability::Fs { write } => self.dirs().any(|(_, ro)| !*write || !ro),
            Capability::Http(pattern) => self.0.iter().any(|g| matches!(g, Grant::Http { pattern: p } if p == "*" || p == &pattern.to_ascii_lowercase())),
            Capability::Env(name) => self.env_names().any(|n| n == name),
        }
    }
}

impl fmt::Display for Grants {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(|g| g.to_string()).collect();
        f.write_str(&parts.join(","))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_kind_of_grant() {
        let dir = tempfile::tempdir().unwrap();
        let canonical = dir.path().canonicalize().unwrap();
        let list = format!("spi, fs:{}:ro, env:HOME, http:*.example.com", dir.path().display());
        let grants = Grants::parse_list(&list).unwrap();
        assert_eq!(
            grants.0,
            vec![
                Grant::Spi,
                Grant::Fs { dir: canonical.clone(), read_only: true },
                Grant::Env { name: "HOME".into() },
                Grant::Http { pattern: "*.example.com".into() },
            ]
        );
        assert_eq!(grants.to_string(), format!("spi,fs:{}:ro,env:HOME,http:*.example.com", canonical.display()));
    }

    #[test]
    fn refuses_bad_grants_with_the_syntax() {
        let err = Grant::parse("net").unwrap_err();
        assert_eq!(err.0, "invalid grant 'net': expected spi, fs:DIR, fs:DIR:ro, http:HOST-PATTERN or env:NAME");
        assert!(Grant::parse("fs:/").unwrap_err().0.starts_with("refusing to grant the root directory"));
        assert!(Grant::parse("fs:/no/such/dir").unwrap_err().0.starts_with("cannot grant fs:/no/such/dir:"));
    }

    #[test]
    fn declared_capabilities_must_be_granted() {
        let none = Grants::default();
        let err = none.check_declared("define", &[Capability::Spi]).unwrap_err();
        assert_eq!(err.0, "extension define needs spi, which was not granted; load it with --grant spi");
        assert!(Grants(vec![Grant::Spi]).check_declared("define", &[Capability::Spi]).is_ok());
        let ro = Grants(vec![Grant::Fs { dir: "/tmp".into(), read_only: true }]);
        assert!(ro.check_declared("x", &[Capability::Fs { write: false }]).is_ok());
        assert!(ro.check_declared("x", &[Capability::Fs { write: true }]).is_err());
    }
}
