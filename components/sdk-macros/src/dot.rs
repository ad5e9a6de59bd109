//! Shell dot commands: reading `#[dot_command(name = "..", usage = "..")]`
//! functions and emitting the `dot-commands` export.

use crate::model::{DotCommand, Extension};
use crate::parse::doc_of;
use proc_macro2::TokenStream;
use quote::quote;
use syn::{Attribute, Error, LitStr, Result};

/// Reads a `#[dot_command]` function.
pub fn dot_command(attr: Attribute, f: &syn::ItemFn) -> Result<DotCommand> {
    let mut name = f.sig.ident.to_string();
    let mut usage = String::new();
    if !matches!(attr.meta, syn::Meta::Path(_)) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("name") {
                name = meta.value()?.parse::<LitStr>()?.value();
            } else if meta.path.is_ident("usage") {
                usage = meta.value()?.parse::<LitStr>()?.value();
            } else {
                return Err(meta.error("unknown #[dot_command] option; expected name = \"..\" or usage = \"..\""));
            }
            Ok(())
        })?;
    }
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-') {
        return Err(Error::new(f.sig.ident.span(), format!("dot command name '{name}' must be letters, digits, '-' and '_'")));
    }
    Ok(DotCommand { ident: f.sig.ident.clone(), name, usage, help: doc_of(&f.attrs) })
}

/// The manifest's `dot-commands` list.
pub fn manifest_entries(ext: &Extension) -> TokenStream {
    let entries = ext.dot_commands.iter().map(|d| {
        let (name, usage, help) = (&d.name, &d.usage, &d.help);
        quote!(__m::DotCommand { name: #name.into(), usage: #usage.into(), help: #help.into() })
    });
    quote!(::std::vec![#(#entries),*])
}

/// The `dot-commands` export: command `id` is the `id`th function.
pub fn export(ext: &Extension) -> TokenStream {
    let arms = ext.dot_commands.iter().enumerate().map(|(id, d)| {
        let id = id as u32;
        let f = &d.ident;
        quote!(#id => ::sqlink_sdk::IntoDotOutput::into_dot_output(#f(&args)),)
    });
    quote! {
        impl __sqlink_bindings::exports::sqlink::extension::dot_commands::Guest for __SqlinkExtension {
            fn run(id: u32, args: ::std::vec::Vec<::std::string::String>) -> ::core::result::Result<::std::string::String, ::sqlink_sdk::wit::types::SqlError> {
                let out: ::sqlink_sdk::Result<::std::string::String> = match id {
                    #(#arms)*
                    _ => Err(::sqlink_sdk::Error::new(::std::format!("no dot command with id {id}"))),
                };
                out.map_err(::sqlink_sdk::__private::sql_error)
            }
        }
    }
}

/// `sqlink_test::dot`: runs a dot command by name, as the shell would.
pub fn testing() -> TokenStream {
    quote! {
        /// Runs dot command `name` (without the dot) with `args`.
        pub fn dot(name: &str, args: &[&str]) -> ::sqlink_sdk::Result<::std::string::String> {
            use super::__sqlink_bindings::exports::sqlink::extension::dot_commands::Guest;
            let id = manifest().dot_commands.iter().position(|d| d.name == name).unwrap_or_else(|| panic!("no dot command .{name}")) as u32;
            super::__SqlinkExtension::run(id, args.iter().map(|a| a.to_string()).collect())
                .map_err(|e| ::sqlink_sdk::Error::with_code(e.code, e.message))
        }
    }
}
