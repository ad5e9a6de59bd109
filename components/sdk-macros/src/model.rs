//! What the macro learned about an extension module.

use proc_macro2::Span;
use syn::{Ident, Type};

/// The whole extension.
pub struct Extension {
    /// The module, with the SDK's attributes removed.
    pub module: syn::ItemMod,
    pub name: String,
    pub version: Option<String>,
    pub description: String,
    pub prefix: Option<String>,
    pub namespace: Option<String>,
    pub capabilities: Vec<(String, Span)>,
    pub functions: Vec<Function>,
    pub aggregates: Vec<Aggregate>,
    pub collations: Vec<Collation>,
    /// Virtual table types (`#[vtab]`), then table-valued functions
    /// (`#[table]`): together, the manifest's `vtabs` in this order.
    pub vtabs: Vec<VtabType>,
    pub table_functions: Vec<TableFunction>,
    pub attach: Option<Ident>,
    pub watchers: Watchers,
    pub dot_commands: Vec<DotCommand>,
}

/// The functions watching the connection: hooks and the authorizer.
#[derive(Default)]
pub struct Watchers {
    pub on_update: Option<Ident>,
    pub on_commit: Option<Ident>,
    pub on_rollback: Option<Ident>,
    pub authorizer: Option<Ident>,
}

impl Watchers {
    /// Whether the module exports `hooks`.
    pub fn any_hook(&self) -> bool {
        self.on_update.is_some() || self.on_commit.is_some() || self.on_rollback.is_some()
    }
}

/// A shell dot command (`#[dot_command]`).
pub struct DotCommand {
    pub ident: Ident,
    /// Without the leading dot.
    pub name: String,
    pub usage: String,
    /// The `///` comment.
    pub help: String,
}

impl Extension {
    /// Whether the module serves virtual tables (and exports `vtab`).
    pub fn has_vtabs(&self) -> bool {
        !self.vtabs.is_empty() || !self.table_functions.is_empty()
    }
}

/// SQLite function flags, as the attribute spells them.
#[derive(Default, Clone)]
pub struct Flags {
    pub deterministic: bool,
    pub innocuous: bool,
    pub direct_only: bool,
    pub subtype: bool,
    pub result_subtype: bool,
}

/// The parameters of a function or of an aggregate's `step`.
pub struct Params {
    /// Required, then optional (`#[optional]`), in order.
    pub fixed: Vec<Type>,
    /// How many of `fixed` are required.
    pub required: usize,
    /// Ends with `&[Value]`: any number of further arguments.
    pub variadic: bool,
}

impl Params {
    /// The SQLite arities to register: one per accepted argument count, or
    /// -1 for variadic functions.
    pub fn arities(&self) -> Vec<i32> {
        if self.variadic {
            vec![-1]
        } else {
            (self.required..=self.fixed.len()).map(|n| n as i32).collect()
        }
    }
}

/// A scalar function.
pub struct Function {
    pub ident: Ident,
    /// SQL names: the main one, then aliases.
    pub names: Vec<String>,
    pub flags: Flags,
    pub params: Params,
    pub doc: String,
}

/// An aggregate, possibly a window function.
pub struct Aggregate {
    pub ty: Ident,
    /// For `type Alias = Generic<...>;`: the generic type whose `impl`
    /// holds the methods (one implementation serving several aggregates).
    pub target: Option<Ident>,
    pub names: Vec<String>,
    pub flags: Flags,
    pub doc: String,
    /// Parameters of `step` (after `&mut self`).
    pub params: Params,
    /// Declared `window`: must have `inverse` and `value`.
    pub window: bool,
    pub has_inverse: bool,
    pub has_value: bool,
    pub has_finalize: bool,
}

/// A collating sequence.
pub struct Collation {
    pub ident: Ident,
    pub name: String,
    /// A sort-key function (`fn(&str) -> impl AsRef<[u8]>`) rather than a
    /// comparison (`fn(&str, &str) -> Ordering`).
    pub keyed: bool,
    /// Parameters are `&str` (decoded lossily) rather than `&[u8]`.
    pub takes_str: bool,
}

/// A virtual table type: a struct, enum or type alias marked `#[vtab]`,
/// implementing `Table` and possibly more of the ladder.
pub struct VtabType {
    pub ty: Ident,
    /// SQL module names: the main one, then aliases.
    pub names: Vec<String>,
    pub doc: String,
    /// CREATE VIRTUAL TABLE is refused (SQLite's xCreate of NULL).
    pub eponymous_only: bool,
}

/// A table-valued function: a function marked `#[table]`.
pub struct TableFunction {
    pub ident: Ident,
    /// SQL names: the main one, then aliases.
    pub names: Vec<String>,
    pub doc: String,
    /// The parameters, which become hidden columns (never variadic).
    pub params: Params,
    /// Their names, the hidden columns' names.
    pub param_names: Vec<String>,
    /// The output columns' names.
    pub columns: Vec<String>,
    /// The function returns `Result<rows>` rather than the rows.
    pub returns_result: bool,
}
