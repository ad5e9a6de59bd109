//! Emitting the bindings, manifest and dispatch for an extension module.

use crate::model::*;
use crate::parse::capability;
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use syn::{Ident, Result};

/// The contract version the SDK speaks; must match wit/extension.
const CONTRACT: &str = "0.2.0";

pub fn extension(ext: Extension) -> Result<TokenStream> {
    let mut module = ext.module.clone();
    let mut generated = Vec::new();
    generated.push(bindings(&ext));
    generated.push(manifest(&ext)?);
    if !ext.functions.is_empty() {
        generated.push(scalars(&ext));
    }
    if !ext.aggregates.is_empty() {
        generated.push(aggregates(&ext));
    }
    if !ext.collations.is_empty() {
        generated.push(collations(&ext));
    }
    if ext.has_vtabs() {
        generated.push(crate::vtab::modules(&ext));
    }
    if ext.watchers.any_hook() {
        generated.push(crate::watch::hooks(&ext));
    }
    if let Some(f) = &ext.watchers.authorizer {
        generated.push(crate::watch::authorizer(f));
    }
    if !ext.dot_commands.is_empty() {
        generated.push(crate::dot::export(&ext));
    }
    if hot_calls(&ext) {
        generated.push(quote! {
            impl __sqlink_bindings::exports::sqlink::extension::overflow::Guest for __SqlinkExtension {
                fn take() -> ::std::vec::Vec<u8> {
                    ::sqlink_sdk::__private::abi::take()
                }
            }
        });
    }
    if let Some(attach) = &ext.attach {
        generated.push(quote! {
            impl __sqlink_bindings::exports::sqlink::extension::lifecycle::Guest for __SqlinkExtension {
                fn attach() -> ::core::result::Result<(), ::sqlink_sdk::wit::types::SqlError> {
                    ::sqlink_sdk::__private::IntoScalarResult::into_scalar_result(#attach())
                        .map(|_| ())
                        .map_err(::sqlink_sdk::__private::sql_error)
                }
            }
        });
    }
    generated.push(testing(&ext));
    generated.push(quote! {
        #[doc(hidden)]
        struct __SqlinkExtension;
        #[doc(hidden)]
        #[allow(unused_imports)]
        use ::sqlink_sdk::__private::abi as __abi;
        #[doc(hidden)]
        #[allow(unused_imports)]
        use ::sqlink_sdk::wit::types::{Arg as __Arg, Outcome as __Outcome};
        __sqlink_bindings::export!(__SqlinkExtension with_types_in __sqlink_bindings);
    });
    let items = &mut module.content.as_mut().expect("checked in parse").1;
    for tokens in generated {
        let file: syn::File = syn::parse2(tokens)?;
        items.extend(file.items);
    }
    Ok(quote!(#module))
}

/// Whether the module exports an interface whose calls return outcomes,
/// and so needs `overflow` for what they leave behind.
fn hot_calls(ext: &Extension) -> bool {
    !ext.functions.is_empty() || !ext.aggregates.is_empty() || !ext.collations.is_empty()
}

/// `sqlink_test`, compiled in tests only: calls through the generated
/// manifest and dispatch exactly as a host would.
fn testing(ext: &Extension) -> TokenStream {
    let value = quote!(::sqlink_sdk::Value);
    let result = quote!(::core::result::Result<#value, ::sqlink_sdk::Error>);
    let mut items = vec![quote! {
        /// The manifest the extension describes itself with.
        pub fn manifest() -> super::__sqlink_bindings::exports::sqlink::extension::manifest::Manifest {
            <super::__SqlinkExtension as super::__sqlink_bindings::exports::sqlink::extension::manifest::Guest>::describe()
        }

        fn pick(name: &str, argc: usize, entries: impl Iterator<Item = (String, i32)>) -> u32 {
            let entries: ::std::vec::Vec<(String, i32)> = entries.collect();
            let exact = entries.iter().position(|(n, a)| n.eq_ignore_ascii_case(name) && *a == argc as i32);
            let any = entries.iter().position(|(n, a)| n.eq_ignore_ascii_case(name) && *a == -1);
            exact.or(any).unwrap_or_else(|| panic!("no {name}() taking {argc} arguments in the manifest")) as u32
        }
    }];
    if !ext.functions.is_empty() {
        items.push(quote! {
            /// Calls scalar function `name` (chosen by name and argument
            /// count, as SQLite chooses) through the generated dispatch.
            pub fn call(name: &str, args: &[#value]) -> #result {
                use super::__sqlink_bindings::exports::sqlink::extension::scalar::Guest;
                use ::sqlink_sdk::__private::abi;
                let id = pick(name, args.len(), manifest().functions.into_iter().map(|f| (f.name, f.arity)));
                let a: ::std::vec::Vec<_> = args.iter().map(abi::arg).collect();
                let out = match a.as_slice() {
                    [] => super::__SqlinkExtension::invoke0(id),
                    [x] => super::__SqlinkExtension::invoke1(id, x.clone()),
                    [x, y] => super::__SqlinkExtension::invoke2(id, x.clone(), y.clone()),
                    [x, y, z] => super::__SqlinkExtension::invoke3(id, x.clone(), y.clone(), z.clone()),
                    _ => super::__SqlinkExtension::invoke(id, a),
                };
                abi::settle(out)
            }
        });
    }
    if !ext.aggregates.is_empty() {
        items.push(quote! {
            /// Runs aggregate `name` over `rows` and returns its final value.
            pub fn aggregate(name: &str, rows: &[&[#value]]) -> #result {
                use super::__sqlink_bindings::exports::sqlink::extension::aggregate::Guest;
                let width = rows.first().map_or(0, |r| r.len());
                let id = pick(name, width, manifest().aggregates.into_iter().map(|a| (a.name, a.arity)));
                use ::sqlink_sdk::__private::abi;
                let group = 1;
                for row in rows {
                    let args = row.iter().map(abi::arg).collect();
                    let code = super::__SqlinkExtension::step(id, group, 1, row.len() as u32, args, ::std::vec::Vec::new());
                    if code != 0 {
                        return Err(::sqlink_sdk::Error::with_code(code, ::std::string::String::from_utf8_lossy(&abi::take()).into_owned()));
                    }
                }
                abi::settle(super::__SqlinkExtension::finalize(id, group).value)
            }
        });
    }
    if !ext.collations.is_empty() {
        items.push(quote! {
            /// Orders two texts with collation `name`, through its sort key
            /// or comparison, as the host would.
            pub fn collate(name: &str, a: &[u8], b: &[u8]) -> ::std::cmp::Ordering {
                use super::__sqlink_bindings::exports::sqlink::extension::collation::Guest;
                let collations = manifest().collations;
                let id = collations.iter().position(|c| c.name.eq_ignore_ascii_case(name)).unwrap_or_else(|| panic!("no collation {name}"));
                if collations[id].keyed {
                    sort_key(name, a).cmp(&sort_key(name, b))
                } else {
                    let text = |t: &[u8]| ::sqlink_sdk::__private::abi::arg(&::sqlink_sdk::Value::Text(t.to_vec()));
                    super::__SqlinkExtension::compare(id as u32, text(a), text(b)).cmp(&0)
                }
            }

            /// The sort key of a keyed collation.
            pub fn sort_key(name: &str, text: &[u8]) -> ::std::vec::Vec<u8> {
                use super::__sqlink_bindings::exports::sqlink::extension::collation::Guest;
                use ::sqlink_sdk::__private::abi;
                let id = manifest().collations.iter().position(|c| c.name.eq_ignore_ascii_case(name)).unwrap_or_else(|| panic!("no collation {name}"));
                match abi::settle(super::__SqlinkExtension::sort_key(id as u32, abi::arg(&::sqlink_sdk::Value::Text(text.to_vec())))) {
                    Ok(::sqlink_sdk::Value::Blob(key)) => key,
                    other => panic!("sort key of collation {name} is not a blob: {other:?}"),
                }
            }
        });
    }
    if ext.has_vtabs() {
        items.push(crate::vtab::testing());
    }
    items.push(crate::watch::testing(ext));
    if !ext.dot_commands.is_empty() {
        items.push(crate::dot::testing());
    }
    quote! {
        /// Calls into this extension exactly as a host would, for unit tests.
        #[cfg(test)]
        #[allow(dead_code)]
        pub(crate) mod sqlink_test {
            #(#items)*
        }
    }
}

/// `wit_bindgen::generate!` for a world exporting just what the module uses.
fn bindings(ext: &Extension) -> TokenStream {
    let mut exports = vec!["manifest"];
    if hot_calls(ext) {
        exports.push("overflow");
    }
    if !ext.functions.is_empty() {
        exports.push("scalar");
    }
    if !ext.aggregates.is_empty() {
        exports.push("aggregate");
    }
    if !ext.collations.is_empty() {
        exports.push("collation");
    }
    if ext.has_vtabs() {
        exports.push("vtab");
    }
    if ext.attach.is_some() {
        exports.push("lifecycle");
    }
    if ext.watchers.any_hook() {
        exports.push("hooks");
    }
    if ext.watchers.authorizer.is_some() {
        exports.push("authorizer");
    }
    if !ext.dot_commands.is_empty() {
        exports.push("dot-commands");
    }
    let world: String = exports.iter().map(|e| format!("export sqlink:extension/{e}@{CONTRACT}; ")).collect();
    // The vocabulary of `vtab`, shared with the SDK like `types`.
    let vtab_types = ext.has_vtabs().then(|| quote!("sqlink:extension/vtab-types@0.2.0": ::sqlink_sdk::wit::vtab_types,));
    let inline = format!("package sqlink:generated; world extension {{ {world}}}");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../wit/extension");
    quote! {
        #[doc(hidden)]
        #[allow(clippy::all, dead_code, unused_imports)]
        mod __sqlink_bindings {
            ::sqlink_sdk::__private::wit_bindgen::generate!({
                path: #path,
                inline: #inline,
                world: "sqlink:generated/extension",
                runtime_path: "::sqlink_sdk::__private::wit_bindgen::rt",
                with: {
                    "sqlink:extension/types@0.2.0": ::sqlink_sdk::wit::types,
                    #vtab_types
                },
            });
        }
    }
}

fn flags(f: &Flags) -> TokenStream {
    let mut parts = vec![quote!(::sqlink_sdk::wit::types::FunctionFlags::empty())];
    let named = [
        (f.deterministic, "DETERMINISTIC"),
        (f.direct_only, "DIRECT_ONLY"),
        (f.innocuous, "INNOCUOUS"),
        (f.subtype, "SUBTYPE"),
        (f.result_subtype, "RESULT_SUBTYPE"),
    ];
    for (on, name) in named {
        if on {
            let name = Ident::new(name, Span::call_site());
            parts.push(quote!(::sqlink_sdk::wit::types::FunctionFlags::#name));
        }
    }
    quote!(#(#parts)|*)
}

/// `T` of `Option<T>`.
pub(crate) fn option_inner(ty: &syn::Type) -> Option<syn::Type> {
    let syn::Type::Path(p) = ty else { return None };
    let last = p.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    match &last.arguments {
        syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
            syn::GenericArgument::Type(t) => Some(t.clone()),
            _ => None,
        }),
        _ => None,
    }
}

/// The type with named lifetimes (`&'a str`) replaced by `'_`, so it can be
/// written inside the generated wrappers, which declare no lifetimes.
pub(crate) fn elide_lifetimes(ty: &syn::Type) -> syn::Type {
    struct Elide;
    impl syn::visit_mut::VisitMut for Elide {
        fn visit_lifetime_mut(&mut self, l: &mut syn::Lifetime) {
            if l.ident != "static" {
                *l = syn::Lifetime::new("'_", l.span());
            }
        }
    }
    let mut ty = ty.clone();
    syn::visit_mut::VisitMut::visit_type_mut(&mut Elide, &mut ty);
    ty
}

fn arg_types(params: &Params, arity: i32) -> TokenStream {
    let count = if arity < 0 { params.fixed.len() } else { arity as usize };
    let kinds = params.fixed[..count].iter().enumerate().map(|(i, ty)| {
        let ty = elide_lifetimes(ty);
        let ty = if i < params.required { ty } else { option_inner(&ty).unwrap_or(ty) };
        quote!(__sqlink_value_type(::sqlink_sdk::__private::kind_of::<#ty>()))
    });
    quote!(::std::vec![#(#kinds),*])
}

fn manifest(ext: &Extension) -> Result<TokenStream> {
    let name = &ext.name;
    let description = &ext.description;
    let version = match &ext.version {
        Some(v) => quote!(#v),
        None => quote!(env!("CARGO_PKG_VERSION")),
    };
    let prefix = ext.prefix.clone().unwrap_or_else(|| ext.name.clone());
    let namespace = ext.namespace.clone().unwrap_or_else(|| format!("https://sqlink.dev/ns/{}#", ext.name));

    let mut functions = Vec::new();
    for f in &ext.functions {
        let fl = flags(&f.flags);
        let doc = &f.doc;
        for arity in f.params.arities() {
            for sql_name in &f.names {
                let types = arg_types(&f.params, arity);
                functions.push(quote! {
                    __m::Function {
                        name: #sql_name.into(),
                        arity: #arity,
                        flags: #fl,
                        arg_types: #types,
                        result_type: None,
                        description: #doc.into(),
                    }
                });
            }
        }
    }
    let mut aggregates = Vec::new();
    for a in &ext.aggregates {
        let fl = flags(&a.flags);
        let doc = &a.doc;
        let window = a.has_inverse;
        for arity in a.params.arities() {
            for sql_name in &a.names {
                aggregates.push(quote! {
                    __m::Aggregate { name: #sql_name.into(), arity: #arity, flags: #fl, window: #window, description: #doc.into() }
                });
            }
        }
    }
    let collations = ext.collations.iter().map(|c| {
        let n = &c.name;
        let keyed = c.keyed;
        quote!(__m::Collation { name: #n.into(), keyed: #keyed })
    });
    let mut capabilities = Vec::new();
    for (text, span) in &ext.capabilities {
        let (kind, arg) = capability(text, *span)?;
        capabilities.push(match (kind.as_str(), arg.as_str()) {
            ("spi", _) => quote!(__m::Capability::Spi),
            ("fs", "rw") => quote!(__m::Capability::Fs(__m::FsAccess::ReadWrite)),
            ("fs", _) => quote!(__m::Capability::Fs(__m::FsAccess::ReadOnly)),
            ("http", a) => quote!(__m::Capability::Http(#a.into())),
            (_, a) => quote!(__m::Capability::Env(#a.into())),
        });
    }
    let vtabs = if ext.has_vtabs() { crate::vtab::manifest_entries() } else { quote!(::std::vec::Vec::new()) };
    let dot_commands = crate::dot::manifest_entries(ext);
    let (hooks, authorizer) = crate::watch::manifest_fields(ext);
    Ok(quote! {
        #[doc(hidden)]
        fn __sqlink_value_type(kind: ::sqlink_sdk::ArgKind) -> __sqlink_bindings::exports::sqlink::extension::manifest::ValueType {
            use __sqlink_bindings::exports::sqlink::extension::manifest::ValueType;
            match kind {
                ::sqlink_sdk::ArgKind::Any => ValueType::Any,
                ::sqlink_sdk::ArgKind::Integer => ValueType::Integer,
                ::sqlink_sdk::ArgKind::Real => ValueType::Real,
                ::sqlink_sdk::ArgKind::Text => ValueType::Text,
                ::sqlink_sdk::ArgKind::Blob => ValueType::Blob,
                ::sqlink_sdk::ArgKind::Numeric => ValueType::Numeric,
            }
        }

        impl __sqlink_bindings::exports::sqlink::extension::manifest::Guest for __SqlinkExtension {
            fn describe() -> __sqlink_bindings::exports::sqlink::extension::manifest::Manifest {
                use __sqlink_bindings::exports::sqlink::extension::manifest as __m;
                __m::Manifest {
                    name: #name.into(),
                    version: #version.into(),
                    description: #description.into(),
                    prefix: #prefix.into(),
                    namespace: #namespace.into(),
                    functions: ::std::vec![#(#functions),*],
                    aggregates: ::std::vec![#(#aggregates),*],
                    collations: ::std::vec![#(#collations),*],
                    vtabs: #vtabs,
                    dot_commands: #dot_commands,
                    hooks: #hooks,
                    authorizer: #authorizer,
                    capabilities: ::std::vec![#(#capabilities),*],
                }
            }
        }
    })
}

/// Statements converting `__args` into locals `__a0, __a1, ...` for the
/// given parameters, and the call arguments. `on_null` runs when a
/// non-`Option` parameter receives NULL.
fn convert(params: &Params, sql_name: &str, on_null: &TokenStream) -> (TokenStream, Vec<TokenStream>) {
    let required = params.required;
    let total = params.fixed.len();
    let mut stmts = Vec::new();
    let mut call_args = Vec::new();
    let count_check = if params.variadic {
        quote! {
            if __args.len() < #required {
                return Err(::sqlink_sdk::Error::new(::std::format!("{}() takes at least {} arguments, got {}", #sql_name, #required, __args.len())));
            }
        }
    } else {
        quote! {
            if __args.len() < #required || __args.len() > #total {
                return Err(::sqlink_sdk::Error::new(::std::format!("{}() takes {} to {} arguments, got {}", #sql_name, #required, #total, __args.len())));
            }
        }
    };
    stmts.push(count_check);
    for (i, ty) in params.fixed.iter().enumerate() {
        let slot = format_ident!("__s{}", i);
        let arg = format_ident!("__a{}", i);
        let ty = elide_lifetimes(ty);
        // An optional parameter is `Option<T>`: absent is None, present
        // converts as T (so NULL follows T's rule).
        let target = if i < required { ty.clone() } else { option_inner(&ty).unwrap_or_else(|| ty.clone()) };
        let convert = quote! {
            match ::sqlink_sdk::__private::from_arg::<#target>(&__args[#i], &mut #slot) {
                Ok(v) => v,
                Err(::sqlink_sdk::ArgError::Null) => #on_null,
                Err(e) => return Err(e.into_error(#sql_name, #i)),
            }
        };
        if i < required {
            stmts.push(quote! {
                let mut #slot = None;
                let #arg: #ty = #convert;
            });
        } else {
            stmts.push(quote! {
                let mut #slot = None;
                let #arg: #ty = if __args.len() > #i { Some(#convert) } else { None };
            });
        }
        call_args.push(quote!(#arg));
    }
    if params.variadic {
        stmts.push(quote!(let __rest: &[::sqlink_sdk::Value] = &__args[#total.min(__args.len())..];));
        call_args.push(quote!(__rest));
    }
    (quote!(#(#stmts)*), call_args)
}

/// Wrappers for scalar functions and the `scalar` interface.
fn scalars(ext: &Extension) -> TokenStream {
    let mut wrappers = Vec::new();
    let mut arms = Vec::new();
    let mut next_id = 0u32;
    for (k, f) in ext.functions.iter().enumerate() {
        let wrapper = format_ident!("__sqlink_scalar_{}", k);
        let ident = &f.ident;
        let sql_name = &f.names[0];
        let on_null = quote!(return Ok((::sqlink_sdk::Value::Null, 0)));
        let (stmts, call_args) = convert(&f.params, sql_name, &on_null);
        wrappers.push(quote! {
            #[doc(hidden)]
            #[allow(unused_mut, clippy::all)]
            fn #wrapper(__args: &[::sqlink_sdk::Value]) -> ::core::result::Result<(::sqlink_sdk::Value, u8), ::sqlink_sdk::Error> {
                #stmts
                ::sqlink_sdk::__private::IntoScalarResult::into_scalar_result(#ident(#(#call_args),*))
            }
        });
        let entries = (f.params.arities().len() * f.names.len()) as u32;
        let ids: Vec<u32> = (next_id..next_id + entries).collect();
        next_id += entries;
        arms.push(quote!(#(#ids)|* => #wrapper(args),));
    }
    quote! {
        #(#wrappers)*

        #[doc(hidden)]
        fn __sqlink_scalar(id: u32, args: &[::sqlink_sdk::Value]) -> ::core::result::Result<(::sqlink_sdk::Value, u8), ::sqlink_sdk::Error> {
            match id {
                #(#arms)*
                _ => Err(::sqlink_sdk::Error::new(::std::format!("no scalar function with id {id}"))),
            }
        }

        impl __sqlink_bindings::exports::sqlink::extension::scalar::Guest for __SqlinkExtension {
            fn invoke(id: u32, args: ::std::vec::Vec<__Arg>) -> __Outcome {
                let args: ::std::vec::Vec<::sqlink_sdk::Value> = args.into_iter().map(__abi::value).collect();
                let out = __sqlink_scalar(id, &args);
                __abi::recycle(args);
                __abi::outcome(out.map(|r| r.0))
            }
            fn invoke0(id: u32) -> __Outcome {
                __abi::outcome(__sqlink_scalar(id, &[]).map(|r| r.0))
            }
            fn invoke1(id: u32, a: __Arg) -> __Outcome {
                let args = [__abi::value(a)];
                let out = __sqlink_scalar(id, &args);
                __abi::recycle(args);
                __abi::outcome(out.map(|r| r.0))
            }
            fn invoke2(id: u32, a: __Arg, b: __Arg) -> __Outcome {
                let args = [__abi::value(a), __abi::value(b)];
                let out = __sqlink_scalar(id, &args);
                __abi::recycle(args);
                __abi::outcome(out.map(|r| r.0))
            }
            fn invoke3(id: u32, a: __Arg, b: __Arg, c: __Arg) -> __Outcome {
                let args = [__abi::value(a), __abi::value(b), __abi::value(c)];
                let out = __sqlink_scalar(id, &args);
                __abi::recycle(args);
                __abi::outcome(out.map(|r| r.0))
            }
            fn invoke_subtyped(id: u32, args: ::std::vec::Vec<::sqlink_sdk::wit::types::SubtypedValue>) -> ::sqlink_sdk::wit::types::SubtypedOutcome {
                let (subtypes, values): (::std::vec::Vec<u8>, ::std::vec::Vec<::sqlink_sdk::Value>) =
                    args.into_iter().map(|a| (a.subtype, a.value)).unzip();
                __abi::subtyped_outcome(::sqlink_sdk::__private::with_arg_subtypes(subtypes, || __sqlink_scalar(id, &values)))
            }
        }
    }
}

/// Group storage, row wrappers and the `aggregate` interface.
fn aggregates(ext: &Extension) -> TokenStream {
    let mut items = Vec::new();
    let mut step_arms = Vec::new();
    let mut inverse_arms = Vec::new();
    let mut value_arms = Vec::new();
    let mut final_arms = Vec::new();
    let mut next_id = 0u32;
    for (k, a) in ext.aggregates.iter().enumerate() {
        let ty = &a.ty;
        let groups = format_ident!("__SQLINK_GROUPS_{}", k);
        let step = format_ident!("__sqlink_step_{}", k);
        let inverse = format_ident!("__sqlink_inverse_{}", k);
        let sql_name = &a.names[0];
        let on_null = quote!(return Ok(()));
        let (stmts, call_args) = convert(&a.params, sql_name, &on_null);
        items.push(quote! {
            ::std::thread_local! {
                #[doc(hidden)]
                static #groups: ::sqlink_sdk::__private::Groups<#ty> = ::sqlink_sdk::__private::Groups::new();
            }
            #[doc(hidden)]
            #[allow(unused_mut, clippy::all)]
            fn #step(__state: &mut #ty, __args: &[::sqlink_sdk::Value]) -> ::core::result::Result<(), ::sqlink_sdk::Error> {
                #stmts
                ::sqlink_sdk::__private::IntoScalarResult::into_scalar_result(__state.step(#(#call_args),*)).map(|_| ())
            }
        });
        if a.has_inverse {
            items.push(quote! {
                #[doc(hidden)]
                #[allow(unused_mut, clippy::all)]
                fn #inverse(__state: &mut #ty, __args: &[::sqlink_sdk::Value]) -> ::core::result::Result<(), ::sqlink_sdk::Error> {
                    #stmts
                    ::sqlink_sdk::__private::IntoScalarResult::into_scalar_result(__state.inverse(#(#call_args),*)).map(|_| ())
                }
            });
        }
        let entries = (a.params.arities().len() * a.names.len()) as u32;
        let ids: Vec<u32> = (next_id..next_id + entries).collect();
        next_id += entries;
        let pattern = quote!(#(#ids)|*);
        step_arms.push(quote! {
            #pattern => #groups.with(|g| g.with(group, |state| {
                for (row, subtypes) in ::sqlink_sdk::__private::rows(&values, &subtypes, rows, width) {
                    ::sqlink_sdk::__private::with_row_subtypes(subtypes, || #step(state, row))?;
                }
                Ok(())
            })),
        });
        if a.has_inverse {
            inverse_arms.push(quote! {
                #pattern => #groups.with(|g| g.with(group, |state| {
                    for (row, subtypes) in ::sqlink_sdk::__private::rows(&values, &subtypes, rows, width) {
                        ::sqlink_sdk::__private::with_row_subtypes(subtypes, || #inverse(state, row))?;
                    }
                    Ok(())
                })),
            });
        }
        if a.has_value {
            value_arms.push(quote! {
                #pattern => #groups.with(|g| g.peek(group, |state| ::sqlink_sdk::__private::IntoScalarResult::into_scalar_result(state.value()))),
            });
        }
        let finish = if a.has_finalize { quote!(state.finalize()) } else { quote!(state.value()) };
        final_arms.push(quote! {
            #pattern => {
                let state = #groups.with(|g| g.take(group));
                ::sqlink_sdk::__private::IntoScalarResult::into_scalar_result(#finish)
            }
        });
    }
    let unknown = quote!(_ => Err(::sqlink_sdk::Error::new(::std::format!("no aggregate with id {id}"))));
    let not_window = quote!(_ => Err(::sqlink_sdk::Error::new(::std::format!("aggregate {id} is not a window function"))));
    quote! {
        #(#items)*

        impl __sqlink_bindings::exports::sqlink::extension::aggregate::Guest for __SqlinkExtension {
            fn step(id: u32, group: u64, rows: u32, width: u32, args: ::std::vec::Vec<__Arg>, subtypes: ::std::vec::Vec<u8>) -> i32 {
                let values: ::std::vec::Vec<::sqlink_sdk::Value> = args.into_iter().map(__abi::value).collect();
                let result: ::core::result::Result<(), ::sqlink_sdk::Error> = match id {
                    #(#step_arms)*
                    #unknown,
                };
                __abi::recycle(values);
                __abi::status(result)
            }
            #[allow(unused_variables)]
            fn inverse(id: u32, group: u64, rows: u32, width: u32, args: ::std::vec::Vec<__Arg>, subtypes: ::std::vec::Vec<u8>) -> i32 {
                let values: ::std::vec::Vec<::sqlink_sdk::Value> = args.into_iter().map(__abi::value).collect();
                let result: ::core::result::Result<(), ::sqlink_sdk::Error> = match id {
                    #(#inverse_arms)*
                    #not_window,
                };
                __abi::recycle(values);
                __abi::status(result)
            }
            #[allow(unused_variables)]
            fn value(id: u32, group: u64) -> ::sqlink_sdk::wit::types::SubtypedOutcome {
                let result: ::core::result::Result<(::sqlink_sdk::Value, u8), ::sqlink_sdk::Error> = match id {
                    #(#value_arms)*
                    #not_window,
                };
                __abi::subtyped_outcome(result)
            }
            fn finalize(id: u32, group: u64) -> ::sqlink_sdk::wit::types::SubtypedOutcome {
                let result: ::core::result::Result<(::sqlink_sdk::Value, u8), ::sqlink_sdk::Error> = match id {
                    #(#final_arms)*
                    #unknown,
                };
                __abi::subtyped_outcome(result)
            }
        }
    }
}

/// The `collation` interface.
fn collations(ext: &Extension) -> TokenStream {
    let mut compare_arms = Vec::new();
    let mut key_arms = Vec::new();
    for (id, c) in ext.collations.iter().enumerate() {
        let id = id as u32;
        let ident = &c.ident;
        let decode = |v: &Ident| {
            if c.takes_str {
                quote!(let #v = ::std::string::String::from_utf8_lossy(&#v);)
            } else {
                quote!()
            }
        };
        let (a, b, t) = (format_ident!("a"), format_ident!("b"), format_ident!("text"));
        if c.keyed {
            let dt = decode(&t);
            key_arms.push(quote!(#id => { #dt __abi::key_outcome(::core::convert::AsRef::<[u8]>::as_ref(&#ident(&#t))) }));
        } else {
            let (da, db) = (decode(&a), decode(&b));
            compare_arms.push(quote!(#id => { #da #db #ident(&#a, &#b) as i32 }));
        }
    }
    quote! {
        impl __sqlink_bindings::exports::sqlink::extension::collation::Guest for __SqlinkExtension {
            #[allow(unused_variables)]
            fn compare(id: u32, a: __Arg, b: __Arg) -> i32 {
                let (a, b) = (__abi::Text::from(a), __abi::Text::from(b));
                let (a, b) = (a.as_bytes(), b.as_bytes());
                match id {
                    #(#compare_arms)*
                    _ => a.cmp(&b) as i32,
                }
            }
            #[allow(unused_variables)]
            fn sort_key(id: u32, text: __Arg) -> __Outcome {
                let text = __abi::Text::from(text);
                let text = text.as_bytes();
                match id {
                    #(#key_arms)*
                    _ => __abi::key_outcome(text),
                }
            }
        }
    }
}
