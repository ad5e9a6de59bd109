//! Component composition for sqlink, on the `wac-graph` crate.
//!
//! * [`wac`] — a declarative `.wac` file plus the components it names
//!   become one component (`sqlink compose FILE.wac`).
//! * [`tree`] — any set of extensions becomes one extension: a tree of
//!   `router` components, with `empty` standing in for what an extension
//!   does not export (`sqlink compose --ext a.wasm --ext b.wasm`).
//!
//! Composition is deterministic: the same inputs give the same bytes.

pub mod tree;
pub mod wac;

use std::fmt;

/// Why a composition failed, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(pub String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl Error {
    fn new(message: impl Into<String>) -> Error {
        Error(message.into())
    }
}

/// A component given by the user: a name for messages and its bytes.
pub struct Input {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Input {
    /// Reads a component file; its name is the file name without `.wasm`.
    pub fn read(path: &std::path::Path) -> Result<Input, Error> {
        let bytes = std::fs::read(path).map_err(|e| Error::new(format!("cannot read {}: {e}", path.display())))?;
        let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        Ok(Input { name, bytes })
    }
}

/// The names a component imports and exports (interface names such as
/// `sqlink:extension/scalar@0.2.0`).
pub struct Shape {
    pub imports: Vec<String>,
    pub exports: Vec<String>,
}

/// Reads what `bytes` imports and exports; fails if it is not a component.
pub fn shape(name: &str, bytes: &[u8]) -> Result<Shape, Error> {
    let mut types = wac_types::Types::default();
    let package = wac_types::Package::from_bytes("sqlink:inspected", None, bytes.to_vec(), &mut types)
        .map_err(|e| Error::new(format!("{name} is not a wasm component: {e:#}")))?;
    let world = &types[package.ty()];
    Ok(Shape { imports: world.imports.keys().cloned().collect(), exports: world.exports.keys().cloned().collect() })
}

/// An error and its causes on one line.
fn chain(e: &dyn std::error::Error) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            text.push_str(": ");
            text.push_str(&more);
        }
        source = s.source();
    }
    text
}
