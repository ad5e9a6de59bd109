//! The router's manifest merging (components/router/src/merge.rs, compiled
//! here natively as the router's own unit tests compile it): for any two
//! manifests, hostile names included, the merged manifest holds left's
//! items then right's, each qualified by its side's prefix, and every
//! merged id routes back to the item it came from; ids past the end route
//! nowhere. Merging nests: a router of routers keeps the same order.
#![no_main]

#[allow(dead_code)]
#[path = "../../components/router/src/merge.rs"]
mod merge;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use merge::{Aggregate, Capability, Collation, DotCommand, Function, Manifest, Merged, Route, ValueType, VtabModule, merge, qualify};

#[derive(Debug, Arbitrary)]
struct Side {
    name: String,
    version: String,
    prefix: String,
    functions: Vec<(String, i32, u8, Vec<u8>, Option<u8>)>,
    aggregates: Vec<(String, i32, u8, bool)>,
    collations: Vec<(String, bool)>,
    vtabs: Vec<(String, u8, Vec<String>)>,
    dot_commands: Vec<(String, String)>,
    hooks: u8,
    authorizer: bool,
    capabilities: Vec<(u8, String)>,
}

fn value_type(t: u8) -> ValueType {
    [ValueType::Any, ValueType::Integer, ValueType::Real, ValueType::Text, ValueType::Blob, ValueType::Numeric][t as usize % 6]
}

impl Side {
    fn manifest(self) -> Manifest {
        Manifest {
            name: self.name,
            version: self.version,
            description: "d".into(),
            prefix: self.prefix,
            namespace: String::new(),
            functions: self
                .functions
                .into_iter()
                .map(|(name, arity, flags, args, result)| Function {
                    name,
                    arity,
                    flags,
                    arg_types: args.into_iter().map(value_type).collect(),
                    result_type: result.map(value_type),
                    description: String::new(),
                })
                .collect(),
            aggregates: self.aggregates.into_iter().map(|(name, arity, flags, window)| Aggregate { name, arity, flags, window, description: String::new() }).collect(),
            collations: self.collations.into_iter().map(|(name, keyed)| Collation { name, keyed }).collect(),
            vtabs: self
                .vtabs
                .into_iter()
                .map(|(name, bits, shadow_tables)| VtabModule {
                    name,
                    eponymous: bits & 1 != 0,
                    eponymous_only: bits & 2 != 0,
                    writable: bits & 4 != 0,
                    direct_only: bits & 8 != 0,
                    shadow_tables,
                    description: String::new(),
                })
                .collect(),
            dot_commands: self.dot_commands.into_iter().map(|(name, usage)| DotCommand { name, usage, help: String::new() }).collect(),
            hooks: self.hooks & 7,
            authorizer: self.authorizer,
            capabilities: self
                .capabilities
                .into_iter()
                .map(|(kind, text)| match kind % 4 {
                    0 => Capability::Spi,
                    1 => Capability::Fs { write: text.len() % 2 == 0 },
                    2 => Capability::Http(text),
                    _ => Capability::Env(text),
                })
                .collect(),
        }
    }
}

/// Every id of one kind routes to the item it came from.
fn check_kind<T: std::fmt::Debug>(
    merged: &Merged,
    route: impl Fn(&Merged, u32) -> Route,
    out: &[T],
    left: &[T],
    right: &[T],
    same: impl Fn(&T, &T, &str) -> bool,
    (lp, rp): (&str, &str),
) {
    assert_eq!(out.len(), left.len() + right.len());
    for (id, item) in out.iter().enumerate() {
        match route(merged, id as u32) {
            Route::Left(i) => assert!(same(item, &left[i as usize], lp), "{item:?} / {:?}", left[i as usize]),
            Route::Right(i) => assert!(same(item, &right[i as usize], rp), "{item:?} / {:?}", right[i as usize]),
            Route::Unknown => panic!("id {id} of {} routes nowhere", out.len()),
        }
    }
    for id in [out.len() as u32, out.len() as u32 + 1, u32::MAX / 2, u32::MAX] {
        if id as usize >= out.len() {
            assert_eq!(route(merged, id), Route::Unknown, "id {id} past {}", out.len());
        }
    }
}

fn check(left: &Manifest, right: &Manifest) -> Merged {
    let merged = merge(left, right);
    let m = &merged.manifest;
    let p = (left.prefix.as_str(), right.prefix.as_str());
    let outside = |side: &Manifest| !side.capabilities.is_empty();
    let (lo, ro) = (outside(left), outside(right));
    check_kind(&merged, Merged::function, &m.functions, &left.functions, &right.functions, |o, i, pre| {
        o.name == qualify(pre, &i.name) && o.arity == i.arity && o.arg_types == i.arg_types && (o.flags & !merge::DIRECT_ONLY) == (i.flags & !merge::DIRECT_ONLY)
    }, p);
    check_kind(&merged, Merged::aggregate, &m.aggregates, &left.aggregates, &right.aggregates, |o, i, pre| o.name == qualify(pre, &i.name) && o.arity == i.arity && o.window == i.window, p);
    check_kind(&merged, Merged::collation, &m.collations, &left.collations, &right.collations, |o, i, pre| o.name == qualify(pre, &i.name) && o.keyed == i.keyed, p);
    check_kind(&merged, Merged::vtab, &m.vtabs, &left.vtabs, &right.vtabs, |o, i, pre| {
        o.name == qualify(pre, &i.name) && o.writable == i.writable && o.shadow_tables == i.shadow_tables && (o.direct_only || !i.direct_only)
    }, p);
    check_kind(&merged, Merged::dot_command, &m.dot_commands, &left.dot_commands, &right.dot_commands, |o, i, pre| o.name == qualify(pre, &i.name) && o.usage == i.usage, p);
    // Items of a side with capabilities are direct-only.
    for (id, f) in m.functions.iter().enumerate() {
        let from_outside = match merged.function(id as u32) {
            Route::Left(_) => lo,
            Route::Right(_) => ro,
            Route::Unknown => unreachable!(),
        };
        if from_outside {
            assert!(f.flags & merge::DIRECT_ONLY != 0, "{f:?} of a side with capabilities is not direct-only");
        }
    }
    // Capabilities: all of both, each once.
    for c in left.capabilities.iter().chain(&right.capabilities) {
        assert_eq!(m.capabilities.iter().filter(|x| *x == c).count(), 1, "{c:?} in {:?}", m.capabilities);
    }
    assert_eq!(m.capabilities.len(), m.capabilities.iter().enumerate().filter(|(i, c)| !m.capabilities[..*i].contains(c)).count());
    assert_eq!(m.hooks, left.hooks | right.hooks);
    assert_eq!(m.authorizer, left.authorizer || right.authorizer);
    assert!(m.prefix.is_empty() && m.namespace.is_empty());
    merged
}

fuzz_target!(|sides: (Side, Side, Side)| {
    let (a, b, c) = (sides.0.manifest(), sides.1.manifest(), sides.2.manifest());
    let ab = check(&a, &b).manifest;
    // A router of a router: names already qualified stay as they are.
    let abc = check(&ab, &c).manifest;
    let names: Vec<&str> = [&a, &b, &c].iter().map(|m| m.name.as_str()).filter(|n| !n.is_empty()).collect();
    assert_eq!(abc.name, names.join("+"));
    let all: Vec<String> = [&a, &b, &c].iter().flat_map(|m| m.functions.iter().map(|f| qualify(&m.prefix, &f.name))).collect();
    assert_eq!(abc.functions.iter().map(|f| f.name.clone()).collect::<Vec<_>>(), all);
});
