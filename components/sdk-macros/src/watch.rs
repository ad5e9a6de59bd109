//! Connection hooks and the authorizer: reading `#[on_update]`,
//! `#[on_commit]`, `#[on_rollback]` and `#[authorizer]` functions, and
//! emitting the `hooks` and `authorizer` exports that call them.

use crate::model::{Extension, Watchers};
use proc_macro2::TokenStream;
use quote::quote;
use syn::spanned::Spanned;
use syn::{Attribute, Error, Ident, Result};

/// The attributes this module reads, each taking no arguments.
pub const ATTRIBUTES: [&str; 4] = ["on_update", "on_commit", "on_rollback", "authorizer"];

/// Records function `f` marked with watcher attribute `attr`.
pub fn watcher(watchers: &mut Watchers, attr: Attribute, f: &syn::ItemFn) -> Result<()> {
    if !matches!(attr.meta, syn::Meta::Path(_)) {
        return Err(Error::new(attr.span(), "this attribute takes no arguments"));
    }
    let name = attr.path().get_ident().map(Ident::to_string).unwrap_or_default();
    let slot = match name.as_str() {
        "on_update" => &mut watchers.on_update,
        "on_commit" => &mut watchers.on_commit,
        "on_rollback" => &mut watchers.on_rollback,
        _ => &mut watchers.authorizer,
    };
    if slot.is_some() {
        return Err(Error::new(f.sig.ident.span(), format!("only one #[{name}] function is allowed")));
    }
    *slot = Some(f.sig.ident.clone());
    Ok(())
}

/// The manifest's `hooks` flags and `authorizer` field.
pub fn manifest_fields(ext: &Extension) -> (TokenStream, TokenStream) {
    let w = &ext.watchers;
    let mut flags = vec![quote!(__m::HookSet::empty())];
    for (on, flag) in [(&w.on_update, quote!(UPDATE)), (&w.on_commit, quote!(COMMIT)), (&w.on_rollback, quote!(ROLLBACK))] {
        if on.is_some() {
            flags.push(quote!(__m::HookSet::#flag));
        }
    }
    let authorizer = w.authorizer.is_some();
    (quote!(#(#flags)|*), quote!(#authorizer))
}

/// The `hooks` export: each hook calls its function, or does nothing.
pub fn hooks(ext: &Extension) -> TokenStream {
    let w = &ext.watchers;
    let update = w.on_update.as_ref().map(|f| {
        quote! {
            let change = match kind {
                ChangeKind::Insert => ::sqlink_sdk::hooks::Change::Insert,
                ChangeKind::Update => ::sqlink_sdk::hooks::Change::Update,
                ChangeKind::Delete => ::sqlink_sdk::hooks::Change::Delete,
            };
            #f(change, &database, &table, rowid);
        }
    });
    let commit = match &w.on_commit {
        Some(f) => quote!(#f()),
        None => quote!(false),
    };
    let rollback = w.on_rollback.as_ref().map(|f| quote!(#f();));
    quote! {
        impl __sqlink_bindings::exports::sqlink::extension::hooks::Guest for __SqlinkExtension {
            #[allow(unused_variables)]
            fn on_update(kind: __sqlink_bindings::exports::sqlink::extension::hooks::ChangeKind, database: ::std::string::String, table: ::std::string::String, rowid: i64) {
                use __sqlink_bindings::exports::sqlink::extension::hooks::ChangeKind;
                #update
            }
            fn on_commit() -> bool {
                #commit
            }
            fn on_rollback() {
                #rollback
            }
        }
    }
}

/// The `authorizer` export.
pub fn authorizer(f: &Ident) -> TokenStream {
    quote! {
        impl __sqlink_bindings::exports::sqlink::extension::authorizer::Guest for __SqlinkExtension {
            fn authorize(action: __sqlink_bindings::exports::sqlink::extension::authorizer::Action) -> __sqlink_bindings::exports::sqlink::extension::authorizer::Decision {
                use __sqlink_bindings::exports::sqlink::extension::authorizer::Decision;
                let action = ::sqlink_sdk::authorizer::Action {
                    code: action.code,
                    arg1: action.arg1,
                    arg2: action.arg2,
                    database: action.database,
                    accessor: action.accessor,
                };
                match #f(&action) {
                    ::sqlink_sdk::authorizer::Decision::Allow => Decision::Allow,
                    ::sqlink_sdk::authorizer::Decision::Deny => Decision::Deny,
                    ::sqlink_sdk::authorizer::Decision::Ignore => Decision::Ignore,
                }
            }
        }
    }
}

/// `sqlink_test` helpers calling the hooks and the authorizer as a host.
pub fn testing(ext: &Extension) -> TokenStream {
    let w = &ext.watchers;
    let mut items = Vec::new();
    if w.any_hook() {
        items.push(quote! {
            /// Tells the extension a row changed, as the update hook does.
            pub fn on_update(change: ::sqlink_sdk::hooks::Change, database: &str, table: &str, rowid: i64) {
                use super::__sqlink_bindings::exports::sqlink::extension::hooks::{ChangeKind, Guest};
                let kind = match change {
                    ::sqlink_sdk::hooks::Change::Insert => ChangeKind::Insert,
                    ::sqlink_sdk::hooks::Change::Update => ChangeKind::Update,
                    ::sqlink_sdk::hooks::Change::Delete => ChangeKind::Delete,
                };
                super::__SqlinkExtension::on_update(kind, database.into(), table.into(), rowid)
            }
            /// Asks the commit hook; true is a veto.
            pub fn on_commit() -> bool {
                <super::__SqlinkExtension as super::__sqlink_bindings::exports::sqlink::extension::hooks::Guest>::on_commit()
            }
            /// Tells the extension the transaction rolled back.
            pub fn on_rollback() {
                <super::__SqlinkExtension as super::__sqlink_bindings::exports::sqlink::extension::hooks::Guest>::on_rollback()
            }
        });
    }
    if w.authorizer.is_some() {
        items.push(quote! {
            /// Asks the authorizer about an action, as SQLite would.
            pub fn authorize(action: &::sqlink_sdk::authorizer::Action) -> ::sqlink_sdk::authorizer::Decision {
                use super::__sqlink_bindings::exports::sqlink::extension::authorizer::{Action, Decision, Guest};
                let asked = Action {
                    code: action.code,
                    arg1: action.arg1.clone(),
                    arg2: action.arg2.clone(),
                    database: action.database.clone(),
                    accessor: action.accessor.clone(),
                };
                match super::__SqlinkExtension::authorize(asked) {
                    Decision::Allow => ::sqlink_sdk::authorizer::Decision::Allow,
                    Decision::Deny => ::sqlink_sdk::authorizer::Decision::Deny,
                    Decision::Ignore => ::sqlink_sdk::authorizer::Decision::Ignore,
                }
            }
        });
    }
    quote!(#(#items)*)
}
