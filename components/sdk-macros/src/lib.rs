//! The `#[extension]` attribute of `sqlink-sdk`.
//!
//! It reads the items of a module — functions marked `#[function]`,
//! types marked `#[aggregate]` with their `impl` blocks, functions marked
//! `#[collation]` or `#[attach]`, types marked `#[vtab]`, functions marked
//! `#[table]`, `#[on_update]`, `#[on_commit]`, `#[on_rollback]`,
//! `#[authorizer]` or `#[dot_command]` — and appends to the module:
//!
//! * the component bindings, exporting exactly the contract interfaces used,
//! * `describe()`, the manifest built from names, flags, doc comments and
//!   parameter types,
//! * one wrapper per function converting SQL arguments to Rust parameters,
//! * the dispatch from contract ids to those wrappers,
//! * for types marked `#[vtab]` and functions marked `#[table]`, the
//!   virtual table modules and the `vtab` exports serving them,
//! * the `hooks`, `authorizer` and `dot-commands` exports calling the
//!   functions marked for them.

mod dot;
mod generate;
mod model;
mod parse;
mod reference;
mod vtab;
mod watch;

use proc_macro::TokenStream;

/// Turns a module into a sqlink extension. See the `sqlink-sdk` crate docs.
#[proc_macro_attribute]
pub fn extension(attr: TokenStream, item: TokenStream) -> TokenStream {
    let module = syn::parse_macro_input!(item as syn::ItemMod);
    match parse::extension(attr.into(), module).and_then(generate::extension) {
        Ok(tokens) => tokens.into(),
        Err(e) => e.to_compile_error().into(),
    }
}
