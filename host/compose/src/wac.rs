//! `.wac` files: a declarative composition, its packages found on disk.
//!
//! A package `sqlink:NAME` is `NAME.wasm` in the components directory
//! unless given explicitly (`--dep sqlink:NAME=PATH`); other namespaces
//! must be given explicitly.

use crate::{Error, chain};
use indexmap::IndexMap;
use miette::Diagnostic;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use wac_parser::Document;
use wac_types::BorrowedPackageKey;

/// Where the packages a `.wac` file names come from.
#[derive(Debug, Clone, Default)]
pub struct Packages {
    /// Directory holding `NAME.wasm` for each `sqlink:NAME`.
    pub dir: Option<PathBuf>,
    /// Explicit files, by package name (`sqlink:catalog`).
    pub files: BTreeMap<String, PathBuf>,
}

impl Packages {
    fn locate(&self, name: &str) -> Result<PathBuf, String> {
        if let Some(path) = self.files.get(name) {
            return Ok(path.clone());
        }
        match (name.strip_prefix("sqlink:"), &self.dir) {
            (Some(short), Some(dir)) => Ok(dir.join(format!("{short}.wasm"))),
            _ => Err(format!("no file given for package {name}: pass --dep {name}=FILE.wasm")),
        }
    }
}

/// Line and column (from 1) of a byte offset.
fn position(source: &str, offset: usize) -> (usize, usize) {
    let before = &source[..offset.min(source.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// An error from wac, with the place in the file it points at.
fn located(file: &Path, source: &str, e: &(dyn Diagnostic + Send + Sync + 'static)) -> Error {
    let place = e
        .labels()
        .and_then(|mut labels| labels.next())
        .map(|label| {
            let (line, column) = position(source, label.offset());
            format!("{}:{line}:{column}: ", file.display())
        })
        .unwrap_or_else(|| format!("{}: ", file.display()));
    Error::new(format!("{place}{}", chain(e)))
}

/// Composes the `.wac` file at `file`.
pub fn compose(file: &Path, packages: &Packages) -> Result<Vec<u8>, Error> {
    let source = std::fs::read_to_string(file).map_err(|e| Error::new(format!("cannot read {}: {e}", file.display())))?;
    let document = Document::parse(&source).map_err(|e| located(file, &source, &e))?;
    let keys = wac_resolver::packages(&document).map_err(|e| located(file, &source, &e))?;
    let mut found: IndexMap<BorrowedPackageKey<'_>, Vec<u8>> = IndexMap::new();
    for (key, span) in &keys {
        let (line, column) = position(&source, span.offset());
        let at = format!("{}:{line}:{column}", file.display());
        if key.version.is_some() {
            return Err(Error::new(format!("{at}: package {key}: versions are not resolved here; name the package without one")));
        }
        let path = packages.locate(key.name).map_err(|e| Error::new(format!("{at}: {e}")))?;
        let bytes = std::fs::read(&path).map_err(|e| Error::new(format!("{at}: package {}: cannot read {}: {e}", key.name, path.display())))?;
        found.insert(*key, bytes);
    }
    let resolution = document.resolve(found).map_err(|e| located(file, &source, &e))?;
    resolution.encode(wac_graph::EncodeOptions::default()).map_err(|e| located(file, &source, &e))
}
