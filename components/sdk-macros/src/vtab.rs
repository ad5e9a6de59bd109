//! Virtual tables: reading `#[vtab]` types and `#[table]` functions, and
//! emitting the module list, the table-function descriptions, the `vtab`
//! exports and the test driver's access to them.
//!
//! Everything a table does at run time is generic code in
//! `sqlink_sdk::__private::vtab`; what is emitted here names the concrete
//! types (so the SDK's probes can see which traits they implement) and
//! converts between the contract's generated types and the SDK's.

use crate::generate::{elide_lifetimes, option_inner};
use crate::model::{Extension, TableFunction, VtabType};
use crate::parse::{doc_of, last_segment, params, snake_case};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Attribute, Error, FnArg, LitStr, Result, Type};

/// Reads `#[vtab(name = "..", alias = "..", eponymous_only)]` on a type.
pub fn vtab_type(attr: Attribute, ty: &syn::Ident, attrs: &[Attribute]) -> Result<VtabType> {
    let mut names = vec![snake_case(&ty.to_string())];
    let mut eponymous_only = false;
    if !matches!(attr.meta, syn::Meta::Path(_)) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("name") {
                names[0] = meta.value()?.parse::<LitStr>()?.value();
            } else if meta.path.is_ident("alias") {
                names.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("eponymous_only") {
                eponymous_only = true;
            } else {
                return Err(meta.error(
                    "unknown #[vtab] option; expected name = \"..\", alias = \"..\" or eponymous_only \
                     (what else a table can do follows from the traits it implements)",
                ));
            }
            Ok(())
        })?;
    }
    Ok(VtabType { ty: ty.clone(), names, doc: doc_of(attrs), eponymous_only })
}

/// Reads `#[table(name = "..", alias = "..", columns = "a, b")]` on a function.
pub fn table_function(attr: Attribute, f: &syn::ItemFn) -> Result<TableFunction> {
    let mut names = vec![f.sig.ident.to_string()];
    let mut columns: Option<(Vec<String>, Span)> = None;
    if !matches!(attr.meta, syn::Meta::Path(_)) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("name") {
                names[0] = meta.value()?.parse::<LitStr>()?.value();
            } else if meta.path.is_ident("alias") {
                names.push(meta.value()?.parse::<LitStr>()?.value());
            } else if meta.path.is_ident("columns") {
                let list = meta.value()?.parse::<LitStr>()?;
                let names: Vec<String> = list.value().split(',').map(|c| c.trim().to_string()).collect();
                if names.iter().any(String::is_empty) {
                    return Err(Error::new(list.span(), "columns = \"a, b\": names separated by commas"));
                }
                columns = Some((names, list.span()));
            } else {
                return Err(meta.error("unknown #[table] option; expected name = \"..\", alias = \"..\" or columns = \"a, b\""));
            }
            Ok(())
        })?;
    }
    let params = params(&f.sig)?;
    if params.variadic {
        return Err(Error::new(f.sig.span(), "a #[table] function's parameters are its hidden columns: name each, no `&[Value]`"));
    }
    if params.fixed.len() > 31 {
        return Err(Error::new(f.sig.span(), "a #[table] function takes at most 31 parameters"));
    }
    let mut param_names = Vec::new();
    for arg in &f.sig.inputs {
        let FnArg::Typed(pat) = arg else {
            return Err(Error::new(arg.span(), "a #[table] function takes no `self`"));
        };
        let syn::Pat::Ident(ident) = &*pat.pat else {
            return Err(Error::new(pat.pat.span(), "a #[table] parameter needs a plain name: it names the hidden column"));
        };
        param_names.push(syn::ext::IdentExt::unraw(&ident.ident).to_string());
    }
    let syn::ReturnType::Type(_, returned) = &f.sig.output else {
        return Err(Error::new(f.sig.span(), "a #[table] function returns its rows: an iterator or a Vec of items, or a Result of one"));
    };
    let returns_result = last_segment(returned).as_deref() == Some("Result");
    let rows = if returns_result { first_type_argument(returned) } else { Some(&**returned) };
    let tuple_width = rows.and_then(item_type).and_then(|item| match item {
        Type::Tuple(t) if t.elems.len() >= 2 => Some((t.elems.len(), item.span())),
        _ => None,
    });
    let columns = match (columns, tuple_width) {
        (Some((names, span)), Some((width, _))) if names.len() != width => {
            return Err(Error::new(span, format!("{} column names for rows of {width} values", names.len())));
        }
        (Some((names, _)), _) => names,
        (None, Some((width, span))) => {
            return Err(Error::new(span, format!("name the {width} columns of these rows: #[table(columns = \"a, b, ...\")]")));
        }
        (None, None) => vec!["value".to_string()],
    };
    let mut seen: Vec<String> = Vec::new();
    for name in columns.iter().chain(&param_names) {
        if seen.iter().any(|s| s.eq_ignore_ascii_case(name)) {
            return Err(Error::new(f.sig.span(), format!("two columns named `{name}` (output columns and parameters share one table)")));
        }
        seen.push(name.clone());
    }
    Ok(TableFunction { ident: f.sig.ident.clone(), names, doc: doc_of(&f.attrs), params, param_names, columns, returns_result })
}

/// `T` of `Result<T, ..>`, `Vec<T>` and the like.
fn first_type_argument(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else { return None };
    match &p.path.segments.last()?.arguments {
        syn::PathArguments::AngleBracketed(a) => a.args.iter().find_map(|g| match g {
            syn::GenericArgument::Type(t) => Some(t),
            _ => None,
        }),
        _ => None,
    }
}

/// The item type of rows written `impl Iterator<Item = T>` (or
/// `IntoIterator`, or boxed `dyn`), or `Vec<T>`, when it can be read off
/// the signature.
fn item_type(rows: &Type) -> Option<&Type> {
    let bounds = match rows {
        Type::ImplTrait(t) => &t.bounds,
        Type::TraitObject(t) => &t.bounds,
        Type::Path(_) if last_segment(rows).as_deref() == Some("Vec") => return first_type_argument(rows),
        Type::Path(_) if last_segment(rows).as_deref() == Some("Box") => return first_type_argument(rows).and_then(item_type),
        _ => return None,
    };
    bounds.iter().find_map(|b| {
        let syn::TypeParamBound::Trait(t) = b else { return None };
        let syn::PathArguments::AngleBracketed(a) = &t.path.segments.last()?.arguments else { return None };
        a.args.iter().find_map(|g| match g {
            syn::GenericArgument::AssocType(assoc) if assoc.ident == "Item" => Some(&assoc.ty),
            _ => None,
        })
    })
}

/// The description of a `#[table]` function for the SDK's `FunctionTable`.
fn table_function_impl(t: &TableFunction, shell: &syn::Ident) -> TokenStream {
    let ident = &t.ident;
    let columns = &t.columns;
    let param_names = &t.param_names;
    let required = t.params.required;
    let mut stmts = Vec::new();
    let mut call_args = Vec::new();
    for (i, ty) in t.params.fixed.iter().enumerate() {
        let slot = format_ident!("__s{}", i);
        let arg = format_ident!("__a{}", i);
        let ty = elide_lifetimes(ty);
        let target = if i < required { ty.clone() } else { option_inner(&ty).unwrap_or_else(|| ty.clone()) };
        let convert = quote! {
            match ::sqlink_sdk::__private::from_arg::<#target>(__value, &mut #slot) {
                Ok(v) => v,
                // The NULL rule of scalars: a NULL for a parameter that is
                // not an Option gives no rows.
                Err(::sqlink_sdk::ArgError::Null) => return Ok(None),
                Err(e) => return Err(e.into_error(__name, #i)),
            }
        };
        stmts.push(if i < required {
            quote! {
                let mut #slot = None;
                let #arg: #ty = match __args[#i].as_ref() {
                    Some(__value) => #convert,
                    None => return Err(::sqlink_sdk::__private::vtab::missing_argument(__name, #i)),
                };
            }
        } else {
            quote! {
                let mut #slot = None;
                let #arg: #ty = match __args[#i].as_ref() {
                    Some(__value) => Some(#convert),
                    None => None,
                };
            }
        });
        call_args.push(arg);
    }
    let call = if t.returns_result { quote!(#ident(#(#call_args),*)?) } else { quote!(#ident(#(#call_args),*)) };
    quote! {
        #[doc(hidden)]
        pub struct #shell;

        impl ::sqlink_sdk::__private::vtab::TableFunction for #shell {
            const COLUMNS: &'static [&'static str] = &[#(#columns),*];
            const PARAMS: &'static [&'static str] = &[#(#param_names),*];
            const REQUIRED: usize = #required;

            #[allow(unused_mut, unused_variables, clippy::all)]
            fn call(
                __name: &str,
                __args: &[::core::option::Option<::sqlink_sdk::Value>],
            ) -> ::core::result::Result<::core::option::Option<::sqlink_sdk::__private::vtab::FunctionRows>, ::sqlink_sdk::Error> {
                #(#stmts)*
                Ok(Some(::sqlink_sdk::__private::vtab::function_rows(#call)))
            }
        }
    }
}

/// One entry of the module list: `name` served by type `ty` (errors, such
/// as `ty` not being a `Table`, point at `span`).
fn module_entry(name: &str, doc: &str, eponymous_only: bool, ty: &TokenStream, span: Span) -> TokenStream {
    let rt = quote!(::sqlink_sdk::__private::vtab);
    quote_spanned! {span=>
        #rt::Module {
            name: #name,
            description: #doc,
            eponymous_only: #eponymous_only,
            ops: &#rt::Registration::<#ty>::new(#rt::Capabilities {
                create: <#rt::Probe<#ty>>::CREATE,
                update: <#rt::Probe<#ty>>::UPDATE,
                events: <#rt::Probe<#ty>>::EVENTS,
            }),
        }
    }
}

/// The module list (a module's id is its position), the table-function
/// descriptions, and the `vtab` exports.
pub fn modules(ext: &Extension) -> TokenStream {
    let mut items = Vec::new();
    let mut entries = Vec::new();
    for v in &ext.vtabs {
        let ty = &v.ty;
        let ty_tokens = quote!(#ty);
        for name in &v.names {
            entries.push(module_entry(name, &v.doc, v.eponymous_only, &ty_tokens, ty.span()));
        }
        if v.eponymous_only {
            let message = format!("`{ty}` implements CreateTable, so it cannot be #[vtab(eponymous_only)]: drop one or the other");
            items.push(quote_spanned! {ty.span()=>
                const _: () = assert!(<::sqlink_sdk::__private::vtab::Probe<#ty>>::CREATE.is_none(), #message);
            });
        }
    }
    for (k, t) in ext.table_functions.iter().enumerate() {
        let shell = format_ident!("__SqlinkTableFunction{}", k);
        items.push(table_function_impl(t, &shell));
        let ty = quote!(::sqlink_sdk::__private::vtab::FunctionTable<#shell>);
        for name in &t.names {
            entries.push(module_entry(name, &t.doc, true, &ty, t.ident.span()));
        }
    }
    let v = quote!(__sqlink_bindings::exports::sqlink::extension::vtab);
    let rt = quote!(::sqlink_sdk::__private::vtab);
    let types = quote!(::sqlink_sdk::wit::vtab_types);
    let value = quote!(::sqlink_sdk::Value);
    let result = |ok: TokenStream| quote!(::core::result::Result<#ok, ::sqlink_sdk::wit::types::SqlError>);
    let (declared, plan, batch) = (result(quote!(#types::DeclaredTable)), result(quote!(#types::IndexPlan)), result(quote!(#types::RowBatch)));
    let (unit, handle, rowid) = (result(quote!(())), result(quote!(u64)), result(quote!(::core::option::Option<i64>)));
    quote! {
        #(#items)*

        #[doc(hidden)]
        #[allow(unused_imports)]
        use ::sqlink_sdk::__private::vtab::{NotCreateTable as _, NotTransactionTable as _, NotUpdateTable as _};

        /// The virtual table modules, in the order of the manifest's `vtabs`.
        #[doc(hidden)]
        static __SQLINK_VTABS: &[::sqlink_sdk::__private::vtab::Module] = &[#(#entries),*];

        impl #v::Guest for __SqlinkExtension {
            fn create(module: u32, args: #types::TableArgs) -> #declared {
                #rt::create(__SQLINK_VTABS, module, args)
            }
            fn connect(module: u32, args: #types::TableArgs) -> #declared {
                #rt::connect(__SQLINK_VTABS, module, args)
            }
            fn best_index(table: u64, info: #types::IndexInfo) -> #plan {
                #rt::best_index(table, info)
            }
            fn disconnect(table: u64) {
                #rt::disconnect(table)
            }
            fn destroy(table: u64) -> #unit {
                #rt::destroy(table)
            }
            fn open(table: u64) -> #handle {
                #rt::open(table)
            }
            fn close(cursor: u64) {
                #rt::close(cursor)
            }
            fn filter(
                cursor: u64,
                idx_num: i32,
                idx_str: ::core::option::Option<::std::string::String>,
                args: ::std::vec::Vec<#value>,
                arg_subtypes: ::std::vec::Vec<(u32, u8)>,
                in_lists: ::std::vec::Vec<(u32, ::std::vec::Vec<#value>)>,
                columns: u64,
                max_rows: u32,
            ) -> #batch {
                #rt::filter(cursor, idx_num, idx_str, args, arg_subtypes, in_lists, columns, max_rows)
            }
            fn fetch(cursor: u64, max_rows: u32) -> #batch {
                #rt::fetch(cursor, max_rows)
            }
            fn update(table: u64, change: #types::RowChange, context: #types::WriteContext) -> #rowid {
                #rt::update(table, change, context)
            }
            fn begin(table: u64) -> #unit {
                #rt::begin(table)
            }
            fn sync(table: u64) -> #unit {
                #rt::sync(table)
            }
            fn commit(table: u64) -> #unit {
                #rt::commit(table)
            }
            fn rollback(table: u64) -> #unit {
                #rt::rollback(table)
            }
            fn rename(table: u64, new_name: ::std::string::String) -> #unit {
                #rt::rename(table, new_name)
            }
        }
    }
}

/// The manifest's `vtabs`, from the module list (inside `describe`, where
/// `__m` is the manifest interface).
pub fn manifest_entries() -> TokenStream {
    quote! {
        __SQLINK_VTABS.iter().map(|m| __m::VtabModule {
            name: m.name.into(),
            eponymous: m.eponymous(),
            eponymous_only: m.eponymous_only,
            writable: m.writable(),
            direct_only: false,
            shadow_tables: m.ops.shadow_tables().iter().map(|s| (*s).into()).collect(),
            description: m.description.into(),
        }).collect()
    }
}

/// `sqlink_test`'s virtual table helpers: the SDK's test driver over the
/// generated exports.
pub fn testing() -> TokenStream {
    let v = quote!(super::__sqlink_bindings::exports::sqlink::extension::vtab);
    let t = quote!(::sqlink_sdk::__private::vtab::testing);
    let types = quote!(::sqlink_sdk::wit::vtab_types);
    let value = quote!(::sqlink_sdk::Value);
    let g = quote!(<super::__SqlinkExtension as #v::Guest>);
    let result = |ok: TokenStream| quote!(::core::result::Result<#ok, ::sqlink_sdk::wit::types::SqlError>);
    let (declared, plan, batch) = (result(quote!(#types::DeclaredTable)), result(quote!(#types::IndexPlan)), result(quote!(#types::RowBatch)));
    let (unit, handle, rowid) = (result(quote!(())), result(quote!(u64)), result(quote!(::core::option::Option<i64>)));
    let sdk_result = |ok: TokenStream| quote!(::core::result::Result<#ok, ::sqlink_sdk::Error>);
    let created = sdk_result(quote!(#t::TestTable<Vtabs>));
    let rows = sdk_result(quote!(::std::vec::Vec<::std::vec::Vec<#value>>));
    quote! {
        pub use #t::{Query, TestTable};

        /// The extension's `vtab` exports, as the SDK's test driver calls them.
        pub struct Vtabs;

        impl #t::Exports for Vtabs {
            fn modules() -> ::std::vec::Vec<#t::ModuleInfo> {
                manifest().vtabs.into_iter().map(|m| #t::ModuleInfo {
                    name: m.name, eponymous: m.eponymous, eponymous_only: m.eponymous_only, writable: m.writable, description: m.description,
                }).collect()
            }
            fn create(module: u32, args: #types::TableArgs) -> #declared { #g::create(module, args) }
            fn connect(module: u32, args: #types::TableArgs) -> #declared { #g::connect(module, args) }
            fn best_index(table: u64, info: #types::IndexInfo) -> #plan { #g::best_index(table, info) }
            fn disconnect(table: u64) { #g::disconnect(table) }
            fn destroy(table: u64) -> #unit { #g::destroy(table) }
            fn open(table: u64) -> #handle { #g::open(table) }
            fn close(cursor: u64) { #g::close(cursor) }
            fn filter(
                cursor: u64,
                idx_num: i32,
                idx_str: ::core::option::Option<::std::string::String>,
                args: ::std::vec::Vec<#value>,
                arg_subtypes: ::std::vec::Vec<(u32, u8)>,
                in_lists: ::std::vec::Vec<(u32, ::std::vec::Vec<#value>)>,
                columns: u64,
                max_rows: u32,
            ) -> #batch {
                #g::filter(cursor, idx_num, idx_str, args, arg_subtypes, in_lists, columns, max_rows)
            }
            fn fetch(cursor: u64, max_rows: u32) -> #batch { #g::fetch(cursor, max_rows) }
            fn update(table: u64, change: #types::RowChange, context: #types::WriteContext) -> #rowid { #g::update(table, change, context) }
            fn begin(table: u64) -> #unit { #g::begin(table) }
            fn sync(table: u64) -> #unit { #g::sync(table) }
            fn commit(table: u64) -> #unit { #g::commit(table) }
            fn rollback(table: u64) -> #unit { #g::rollback(table) }
            fn rename(table: u64, new_name: ::std::string::String) -> #unit { #g::rename(table, new_name) }
        }

        /// Connects to virtual table module `name` as an eponymous table
        /// (as `SELECT ... FROM name(...)` does), through the generated
        /// exports. Panics if the module is missing or refuses.
        pub fn table(name: &str) -> #t::TestTable<Vtabs> {
            #t::TestTable::connect(name).unwrap_or_else(|e| panic!("connecting to {name}: {}", e.message))
        }

        /// `CREATE VIRTUAL TABLE table USING module(arguments...)`.
        pub fn create_table(module: &str, table: &str, arguments: &[&str]) -> #created {
            #t::TestTable::create(module, table, arguments)
        }

        /// `SELECT * FROM name(...)`, the arguments given by hidden column
        /// name (`&[("start", Value::Integer(1))]`): the rows, each holding
        /// the columns that are not hidden.
        pub fn query_table(name: &str, args: &[(&str, #value)]) -> #rows {
            let table = table(name);
            let rows = args.iter().fold(table.query(), |q, (column, value)| q.arg(column, value.clone())).rows();
            rows
        }
    }
}
