//! Reading the annotated module into the model.

use crate::model::*;
use proc_macro2::{Span, TokenStream};
use syn::spanned::Spanned;
use syn::{Attribute, Error, FnArg, ImplItem, Item, LitStr, Result, Type};

/// Parses `#[extension(...)]` and the module it annotates.
pub fn extension(attr: TokenStream, mut module: syn::ItemMod) -> Result<Extension> {
    let mut ext = Extension {
        name: module.ident.to_string(),
        version: None,
        description: doc_of(&module.attrs),
        prefix: None,
        namespace: None,
        capabilities: Vec::new(),
        functions: Vec::new(),
        aggregates: Vec::new(),
        collations: Vec::new(),
        vtabs: Vec::new(),
        table_functions: Vec::new(),
        attach: None,
        watchers: Default::default(),
        dot_commands: Vec::new(),
        module: module.clone(),
    };
    let parser = syn::meta::parser(|meta| {
        let key = meta.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
        match key.as_str() {
            "name" => ext.name = meta.value()?.parse::<LitStr>()?.value(),
            "version" => ext.version = Some(meta.value()?.parse::<LitStr>()?.value()),
            "description" => ext.description = meta.value()?.parse::<LitStr>()?.value(),
            "prefix" => ext.prefix = Some(meta.value()?.parse::<LitStr>()?.value()),
            "namespace" => ext.namespace = Some(meta.value()?.parse::<LitStr>()?.value()),
            "capabilities" => {
                let list: syn::ExprArray = meta.value()?.parse()?;
                for e in list.elems {
                    match e {
                        syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => {
                            ext.capabilities.push((s.value(), s.span()))
                        }
                        other => return Err(Error::new(other.span(), "capabilities are strings, e.g. \"spi\"")),
                    }
                }
            }
            _ => {
                return Err(meta.error(
                    "unknown extension option; expected name, version, description, prefix, namespace or capabilities",
                ));
            }
        }
        Ok(())
    });
    syn::parse::Parser::parse2(parser, attr)?;
    ext.description = crate::reference::describe(std::mem::take(&mut ext.description));

    let Some((_, items)) = module.content.as_mut() else {
        return Err(Error::new(module.span(), "#[extension] needs an inline module: `mod name { ... }`"));
    };
    for item in items.iter_mut() {
        match item {
            Item::Fn(f) => {
                if let Some(attr) = take_attr(&mut f.attrs, "function") {
                    ext.functions.push(function(attr, f)?);
                } else if let Some(attr) = take_attr(&mut f.attrs, "collation") {
                    ext.collations.push(collation(attr, f)?);
                } else if let Some(attr) = take_attr(&mut f.attrs, "table") {
                    ext.table_functions.push(crate::vtab::table_function(attr, f)?);
                } else if let Some(attr) = take_attr(&mut f.attrs, "dot_command") {
                    let d = crate::dot::dot_command(attr, f)?;
                    if ext.dot_commands.iter().any(|o| o.name == d.name) {
                        return Err(Error::new(f.sig.ident.span(), format!("dot command .{} is declared twice", d.name)));
                    }
                    ext.dot_commands.push(d);
                } else if let Some(attr) = crate::watch::ATTRIBUTES.iter().find_map(|a| take_attr(&mut f.attrs, a)) {
                    crate::watch::watcher(&mut ext.watchers, attr, f)?;
                } else if let Some(attr) = take_attr(&mut f.attrs, "attach") {
                    if !matches!(attr.meta, syn::Meta::Path(_)) {
                        return Err(Error::new(attr.span(), "#[attach] takes no arguments"));
                    }
                    if ext.attach.is_some() {
                        return Err(Error::new(f.sig.ident.span(), "only one #[attach] function is allowed"));
                    }
                    ext.attach = Some(f.sig.ident.clone());
                }
            }
            Item::Struct(s) => {
                if let Some(attr) = take_attr(&mut s.attrs, "aggregate") {
                    ext.aggregates.push(aggregate_head(attr, &s.ident, &s.attrs)?);
                } else if let Some(attr) = take_attr(&mut s.attrs, "vtab") {
                    ext.vtabs.push(crate::vtab::vtab_type(attr, &s.ident, &s.attrs)?);
                }
            }
            Item::Enum(e) => {
                if let Some(attr) = take_attr(&mut e.attrs, "aggregate") {
                    ext.aggregates.push(aggregate_head(attr, &e.ident, &e.attrs)?);
                } else if let Some(attr) = take_attr(&mut e.attrs, "vtab") {
                    ext.vtabs.push(crate::vtab::vtab_type(attr, &e.ident, &e.attrs)?);
                }
            }
            Item::Type(t) => {
                if let Some(attr) = take_attr(&mut t.attrs, "vtab") {
                    ext.vtabs.push(crate::vtab::vtab_type(attr, &t.ident, &t.attrs)?);
                } else if let Some(attr) = take_attr(&mut t.attrs, "aggregate") {
                    let mut agg = aggregate_head(attr, &t.ident, &t.attrs)?;
                    let Type::Path(target) = &*t.ty else {
                        return Err(Error::new(t.ty.span(), "an #[aggregate] type alias must name a type, e.g. `Spread<true>`"));
                    };
                    agg.target = target.path.segments.last().map(|s| s.ident.clone());
                    ext.aggregates.push(agg);
                }
            }
            _ => {}
        }
    }
    for item in items.iter_mut() {
        if let Item::Impl(imp) = item {
            if imp.trait_.is_some() {
                continue;
            }
            let Type::Path(p) = &*imp.self_ty else { continue };
            let Some(name) = p.path.segments.last().map(|s| s.ident.clone()) else { continue };
            // An impl serves the aggregate of its type and every alias of it.
            for agg in ext.aggregates.iter_mut().filter(|a| a.ty == name || a.target.as_ref() == Some(&name)) {
                aggregate_methods(agg, imp)?;
            }
        }
    }
    for agg in &ext.aggregates {
        if agg.params.fixed.is_empty() && !agg.params.variadic && !agg.has_finalize && !agg.has_value {
            return Err(Error::new(
                agg.ty.span(),
                format!("aggregate `{}` needs `impl {} {{ fn step(&mut self, ...); fn finalize(self) -> T }}` in the module", agg.ty, agg.ty),
            ));
        }
        if !agg.has_finalize && !agg.has_value {
            return Err(Error::new(agg.ty.span(), format!("aggregate `{}` needs `fn finalize(self)` or `fn value(&self)`", agg.ty)));
        }
        if agg.window && !agg.has_inverse {
            return Err(Error::new(agg.ty.span(), format!("window aggregate `{}` needs `fn inverse(&mut self, ...)` and `fn value(&self)`", agg.ty)));
        }
        if agg.has_inverse && !agg.has_value {
            return Err(Error::new(agg.ty.span(), format!("window aggregate `{}` has `inverse` but no `fn value(&self)`", agg.ty)));
        }
    }
    strip_optional(items);
    ext.module = module;
    Ok(ext)
}

/// Removes the SDK's `#[optional]` parameter markers, which rustc would
/// reject, from every function and method of the module.
fn strip_optional(items: &mut [Item]) {
    fn strip(sig: &mut syn::Signature) {
        for arg in sig.inputs.iter_mut() {
            if let FnArg::Typed(pat) = arg {
                pat.attrs.retain(|a| !a.path().is_ident("optional"));
            }
        }
    }
    for item in items {
        match item {
            Item::Fn(f) => strip(&mut f.sig),
            Item::Impl(imp) => {
                for i in imp.items.iter_mut() {
                    if let ImplItem::Fn(m) = i {
                        strip(&mut m.sig);
                    }
                }
            }
            _ => {}
        }
    }
}

/// Removes and returns the attribute `#[name ...]`, if present.
fn take_attr(attrs: &mut Vec<Attribute>, name: &str) -> Option<Attribute> {
    let pos = attrs.iter().position(|a| a.path().is_ident(name))?;
    Some(attrs.remove(pos))
}

/// The doc comment of an item, lines joined with single spaces.
pub(crate) fn doc_of(attrs: &[Attribute]) -> String {
    let mut lines = Vec::new();
    for attr in attrs {
        if let syn::Meta::NameValue(nv) = &attr.meta
            && nv.path.is_ident("doc")
            && let syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) = &nv.value
        {
            lines.push(s.value().trim().to_string());
        }
    }
    // The first paragraph is the description.
    let first: Vec<_> = lines.iter().skip_while(|l| l.is_empty()).take_while(|l| !l.is_empty()).cloned().collect();
    first.join(" ")
}

/// Reads `name = "..."`, `alias = "..."` and flags from a `#[function]` or
/// `#[aggregate]` attribute.
fn names_and_flags(attr: &Attribute, default_name: String, allowed_window: bool) -> Result<(Vec<String>, Flags, bool)> {
    let mut name = default_name;
    let mut aliases = Vec::new();
    let mut flags = Flags::default();
    let mut window = false;
    if !matches!(attr.meta, syn::Meta::Path(_)) {
        attr.parse_nested_meta(|meta| {
            let key = meta.path.get_ident().map(|i| i.to_string()).unwrap_or_default();
            match key.as_str() {
                "name" => name = meta.value()?.parse::<LitStr>()?.value(),
                "alias" => aliases.push(meta.value()?.parse::<LitStr>()?.value()),
                "deterministic" => flags.deterministic = true,
                "innocuous" => flags.innocuous = true,
                "direct_only" => flags.direct_only = true,
                "subtype" => flags.subtype = true,
                "result_subtype" => flags.result_subtype = true,
                "window" if allowed_window => window = true,
                "window" => return Err(meta.error("`window` applies to #[aggregate] only")),
                _ => {
                    return Err(meta.error(
                        "unknown option; expected name = \"..\", alias = \"..\", deterministic, innocuous, direct_only, subtype or result_subtype",
                    ));
                }
            }
            Ok(())
        })?;
    }
    let mut names = vec![name];
    names.extend(aliases);
    Ok((names, flags, window))
}

/// Reads the parameters of a function signature (skipping a `self`
/// receiver). `#[optional]` markers stay until [`strip_optional`].
pub(crate) fn params(sig: &syn::Signature) -> Result<Params> {
    let mut fixed = Vec::new();
    let mut required = 0;
    let mut variadic = false;
    let mut seen_optional = false;
    let count = sig.inputs.iter().filter(|a| matches!(a, FnArg::Typed(_))).count();
    let mut index = 0;
    for arg in sig.inputs.iter() {
        let FnArg::Typed(pat) = arg else { continue };
        index += 1;
        let optional = pat.attrs.iter().any(|a| a.path().is_ident("optional"));
        if is_value_slice(&pat.ty) {
            if index != count {
                return Err(Error::new(pat.ty.span(), "a `&[Value]` parameter (any number of arguments) must come last"));
            }
            variadic = true;
            continue;
        }
        if optional {
            if !is_option(&pat.ty) {
                return Err(Error::new(pat.ty.span(), "#[optional] parameters must be `Option<T>`: None when the argument is absent"));
            }
            seen_optional = true;
        } else if seen_optional {
            return Err(Error::new(pat.ty.span(), "required parameters cannot follow #[optional] ones"));
        } else {
            required += 1;
        }
        fixed.push((*pat.ty).clone());
    }
    if variadic && seen_optional {
        return Err(Error::new(sig.span(), "a function cannot have both #[optional] parameters and `&[Value]`"));
    }
    Ok(Params { fixed, required, variadic })
}

fn is_value_slice(ty: &Type) -> bool {
    matches!(ty, Type::Reference(r) if matches!(&*r.elem, Type::Slice(s) if last_segment(&s.elem) == Some("Value".into())))
}

fn is_option(ty: &Type) -> bool {
    last_segment(ty).as_deref() == Some("Option")
}

pub(crate) fn last_segment(ty: &Type) -> Option<String> {
    match ty {
        Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
        _ => None,
    }
}

fn is_str_ref(ty: &Type) -> bool {
    matches!(ty, Type::Reference(r) if last_segment(&r.elem).as_deref() == Some("str"))
}

fn function(attr: Attribute, f: &syn::ItemFn) -> Result<Function> {
    let (names, flags, _) = names_and_flags(&attr, f.sig.ident.to_string(), false)?;
    Ok(Function {
        ident: f.sig.ident.clone(),
        names,
        flags,
        params: params(&f.sig)?,
        doc: doc_of(&f.attrs),
    })
}

fn collation(attr: Attribute, f: &mut syn::ItemFn) -> Result<Collation> {
    let mut name = f.sig.ident.to_string();
    let mut keyed = false;
    if !matches!(attr.meta, syn::Meta::Path(_)) {
        attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("name") {
                name = meta.value()?.parse::<LitStr>()?.value();
            } else if meta.path.is_ident("key") {
                keyed = true;
            } else {
                return Err(meta.error("unknown option; expected name = \"..\" or key"));
            }
            Ok(())
        })?;
    }
    let types: Vec<&Type> = f
        .sig
        .inputs
        .iter()
        .filter_map(|a| match a {
            FnArg::Typed(p) => Some(&*p.ty),
            _ => None,
        })
        .collect();
    let want = if keyed { 1 } else { 2 };
    if types.len() != want {
        let shape = if keyed { "fn(&str) -> impl AsRef<[u8]>" } else { "fn(&str, &str) -> std::cmp::Ordering" };
        return Err(Error::new(f.sig.span(), format!("a {} collation has the shape `{shape}` (or with `&[u8]`)", if keyed { "key" } else { "comparison" })));
    }
    Ok(Collation { ident: f.sig.ident.clone(), name, keyed, takes_str: is_str_ref(types[0]) })
}

fn aggregate_head(attr: Attribute, ty: &syn::Ident, attrs: &[Attribute]) -> Result<Aggregate> {
    let (names, flags, window) = names_and_flags(&attr, snake_case(&ty.to_string()), true)?;
    Ok(Aggregate {
        ty: ty.clone(),
        target: None,
        names,
        flags,
        doc: doc_of(attrs),
        params: Params { fixed: Vec::new(), required: 0, variadic: false },
        window,
        has_inverse: false,
        has_value: false,
        has_finalize: false,
    })
}

fn aggregate_methods(agg: &mut Aggregate, imp: &syn::ItemImpl) -> Result<()> {
    for item in imp.items.iter() {
        let ImplItem::Fn(m) = item else { continue };
        match m.sig.ident.to_string().as_str() {
            "step" => agg.params = params(&m.sig)?,
            "inverse" => {
                params(&m.sig)?;
                agg.has_inverse = true;
            }
            "value" => agg.has_value = true,
            "finalize" => agg.has_finalize = true,
            _ => {}
        }
    }
    Ok(())
}

pub(crate) fn snake_case(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Checks a capability string and returns it split into kind and argument.
pub fn capability(text: &str, span: Span) -> Result<(String, String)> {
    let (kind, arg) = text.split_once(':').unwrap_or((text, ""));
    match (kind, arg) {
        ("spi", "") => Ok(("spi".into(), String::new())),
        ("fs", "ro" | "rw" | "") => Ok(("fs".into(), arg.to_string())),
        ("http", a) if !a.is_empty() => Ok(("http".into(), a.to_string())),
        ("env", a) if !a.is_empty() => Ok(("env".into(), a.to_string())),
        _ => Err(Error::new(span, "capability must be \"spi\", \"fs:ro\", \"fs:rw\", \"http:HOST-PATTERN\" or \"env:NAME\"")),
    }
}
