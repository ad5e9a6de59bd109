//! The router's logic over plain data: merging two manifests into one
//! (qualifying names, concatenating lists, joining names, uniting
//! capabilities) and routing a merged id back to the side that owns it.
//!
//! Nothing here knows about wit-bindgen, so it is tested natively; `lib.rs`
//! converts the contract's types to and from these.

/// The SQLite storage class of an argument or result (`manifest.value-type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueType {
    /// Accepts every class.
    Any,
    /// INTEGER.
    Integer,
    /// REAL.
    Real,
    /// TEXT.
    Text,
    /// BLOB.
    Blob,
    /// INTEGER or REAL.
    Numeric,
}

/// A scalar function (`manifest.function`). `flags` holds the bits of
/// `types.function-flags`, passed through untouched.
#[derive(Debug, Clone, PartialEq)]
pub struct Function {
    /// SQL name (qualified in a merged manifest).
    pub name: String,
    /// Number of arguments, or -1 for any number.
    pub arity: i32,
    /// The bits of `function-flags`.
    pub flags: u8,
    /// The type of each argument (empty when unspecified).
    pub arg_types: Vec<ValueType>,
    /// The type of the result, if declared.
    pub result_type: Option<ValueType>,
    /// One-line documentation.
    pub description: String,
}

/// An aggregate function (`manifest.aggregate`).
#[derive(Debug, Clone, PartialEq)]
pub struct Aggregate {
    /// SQL name (qualified in a merged manifest).
    pub name: String,
    /// Number of arguments, or -1 for any number.
    pub arity: i32,
    /// The bits of `function-flags`.
    pub flags: u8,
    /// Usable as a window function.
    pub window: bool,
    /// One-line documentation.
    pub description: String,
}

/// A collating sequence (`manifest.collation`).
#[derive(Debug, Clone, PartialEq)]
pub struct Collation {
    /// Collation name (qualified in a merged manifest).
    pub name: String,
    /// Ordered by sort keys rather than by `compare`.
    pub keyed: bool,
}

/// A capability beyond pure computation (`manifest.capability`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Capability {
    /// SQL on the calling connection.
    Spi,
    /// Files in directories the operator chooses; `write` for read-write.
    Fs {
        /// Read-write rather than read-only access.
        write: bool,
    },
    /// Outgoing HTTP to hosts matching the pattern.
    Http(String),
    /// One environment variable.
    Env(String),
}

/// The parts of a manifest a router carries. Virtual tables, dot commands,
/// hooks and the authorizer are not routed (the router does not import those
/// interfaces), so a merged manifest never lists them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Manifest {
    /// Short identifier; "" for the empty extension, "a+b" for a router.
    pub name: String,
    /// Version of the extension.
    pub version: String,
    /// One-line description.
    pub description: String,
    /// Prefix for qualified names; "" when names are already qualified.
    pub prefix: String,
    /// Namespace IRI.
    pub namespace: String,
    /// Scalar functions; a function's id is its index.
    pub functions: Vec<Function>,
    /// Aggregates; an aggregate's id is its index.
    pub aggregates: Vec<Aggregate>,
    /// Collations; a collation's id is its index.
    pub collations: Vec<Collation>,
    /// Capabilities needed.
    pub capabilities: Vec<Capability>,
}

/// How many items of each kind one side has: each kind is its own id space.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts {
    /// Number of scalar functions.
    pub functions: u32,
    /// Number of aggregates.
    pub aggregates: u32,
    /// Number of collations.
    pub collations: u32,
    /// The child's name when it is a single extension (a prefix of its
    /// own), which its errors are reported under; None for a router or
    /// the empty extension, whose errors are named already.
    pub blame: Option<String>,
}

impl Counts {
    /// The counts of a manifest.
    pub fn of(m: &Manifest) -> Counts {
        let n = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        let blame = (!m.prefix.is_empty()).then(|| m.name.clone());
        Counts { functions: n(m.functions.len()), aggregates: n(m.aggregates.len()), collations: n(m.collations.len()), blame }
    }
}

/// Where a merged id goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// To the left child, with this id.
    Left(u32),
    /// To the right child, with this id.
    Right(u32),
    /// Past both sides: no such item.
    Unknown,
}

/// Routes `id` in a space where the left side has `left` items (ids
/// `0..left`) and the right side the next `right`.
pub fn route(id: u32, left: u32, right: u32) -> Route {
    if id < left {
        Route::Left(id)
    } else if id - left < right {
        Route::Right(id - left)
    } else {
        Route::Unknown
    }
}

/// A merged manifest and what it takes to route its ids.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    /// The manifest the router exports.
    pub manifest: Manifest,
    /// The left child's counts.
    pub left: Counts,
    /// The right child's counts.
    pub right: Counts,
}

impl Merged {
    /// Routes a scalar function id.
    pub fn function(&self, id: u32) -> Route {
        route(id, self.left.functions, self.right.functions)
    }

    /// Routes an aggregate id.
    pub fn aggregate(&self, id: u32) -> Route {
        route(id, self.left.aggregates, self.right.aggregates)
    }

    /// Routes a collation id.
    pub fn collation(&self, id: u32) -> Route {
        route(id, self.left.collations, self.right.collations)
    }
}

/// `prefix__name`, or `name` unchanged when `prefix` is empty (the names of
/// a router's output are qualified already).
pub fn qualify(prefix: &str, name: &str) -> String {
    if prefix.is_empty() { name.to_string() } else { format!("{prefix}__{name}") }
}

/// Qualifies every name of a child's manifest by its own prefix.
fn qualified(m: &Manifest) -> Manifest {
    let p = m.prefix.as_str();
    Manifest {
        functions: m.functions.iter().map(|f| Function { name: qualify(p, &f.name), ..f.clone() }).collect(),
        aggregates: m.aggregates.iter().map(|a| Aggregate { name: qualify(p, &a.name), ..a.clone() }).collect(),
        collations: m.collations.iter().map(|c| Collation { name: qualify(p, &c.name), ..c.clone() }).collect(),
        ..m.clone()
    }
}

/// Merges two children's manifests into the router's: names qualified by
/// each child's prefix, left's items first (so right's ids shift by left's
/// count, per kind), names of non-empty children joined with "+", version
/// and description kept only when exactly one child is non-empty, prefix and
/// namespace empty, capabilities united in order without duplicates.
pub fn merge(left: &Manifest, right: &Manifest) -> Merged {
    let (l, r) = (qualified(left), qualified(right));
    let named: Vec<&Manifest> = [left, right].into_iter().filter(|m| !m.name.is_empty()).collect();
    let (version, description) = match named.as_slice() {
        [only] => (only.version.clone(), only.description.clone()),
        _ => (String::new(), String::new()),
    };
    let mut capabilities: Vec<Capability> = Vec::new();
    for c in l.capabilities.iter().chain(&r.capabilities) {
        if !capabilities.contains(c) {
            capabilities.push(c.clone());
        }
    }
    Merged {
        manifest: Manifest {
            name: named.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join("+"),
            version,
            description,
            prefix: String::new(),
            namespace: String::new(),
            functions: l.functions.into_iter().chain(r.functions).collect(),
            aggregates: l.aggregates.into_iter().chain(r.aggregates).collect(),
            collations: l.collations.into_iter().chain(r.collations).collect(),
            capabilities,
        },
        left: Counts::of(left),
        right: Counts::of(right),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn function(name: &str, arity: i32) -> Function {
        Function {
            name: name.into(),
            arity,
            flags: 1,
            arg_types: vec![ValueType::Text; arity.max(0) as usize],
            result_type: Some(ValueType::Blob),
            description: format!("does {name}"),
        }
    }

    fn aggregate(name: &str) -> Aggregate {
        Aggregate { name: name.into(), arity: 1, flags: 0, window: true, description: String::new() }
    }

    fn leaf(name: &str, functions: &[&str], aggregates: &[&str], collations: &[&str]) -> Manifest {
        Manifest {
            name: name.into(),
            version: format!("{name}-1.0"),
            description: format!("the {name} extension"),
            prefix: name.into(),
            namespace: format!("urn:{name}"),
            functions: functions.iter().map(|f| function(f, 1)).collect(),
            aggregates: aggregates.iter().map(|a| aggregate(a)).collect(),
            collations: collations.iter().map(|c| Collation { name: c.to_string(), keyed: c.len() % 2 == 0 }).collect(),
            capabilities: Vec::new(),
        }
    }

    fn names(m: &Manifest) -> (Vec<&str>, Vec<&str>, Vec<&str>) {
        (
            m.functions.iter().map(|f| f.name.as_str()).collect(),
            m.aggregates.iter().map(|a| a.name.as_str()).collect(),
            m.collations.iter().map(|c| c.name.as_str()).collect(),
        )
    }

    #[test]
    fn leaf_names_are_qualified_by_their_prefix() {
        let uuid = leaf("uuid", &["uuid4", "uuid_str"], &[], &[]);
        let text = leaf("text", &["upper"], &["concat"], &["nocase"]);
        let m = merge(&uuid, &text).manifest;
        assert_eq!(
            names(&m),
            (vec!["uuid__uuid4", "uuid__uuid_str", "text__upper"], vec!["text__concat"], vec!["text__nocase"])
        );
        assert_eq!(qualify("", "x"), "x");
        assert_eq!(qualify("p", "x"), "p__x");
    }

    #[test]
    fn everything_but_the_name_is_kept() {
        let uuid = leaf("uuid", &["uuid_str"], &["agg"], &["coll"]);
        let m = merge(&uuid, &Manifest::default()).manifest;
        assert_eq!(m.functions[0], Function { name: "uuid__uuid_str".into(), ..function("uuid_str", 1) });
        assert_eq!(m.aggregates[0], Aggregate { name: "uuid__agg".into(), ..aggregate("agg") });
        assert_eq!(m.collations[0], Collation { name: "uuid__coll".into(), keyed: true });
    }

    #[test]
    fn merged_manifest_has_empty_prefix_and_namespace() {
        let m = merge(&leaf("uuid", &["a"], &[], &[]), &leaf("crypto", &["b"], &[], &[])).manifest;
        assert_eq!(m.name, "uuid+crypto");
        assert_eq!(m.prefix, "");
        assert_eq!(m.namespace, "");
        assert_eq!(m.version, "");
        assert_eq!(m.description, "");
    }

    #[test]
    fn one_non_empty_child_lends_its_version_and_description() {
        let crypto = leaf("crypto", &["sha1"], &[], &[]);
        let m = merge(&crypto, &Manifest::default()).manifest;
        assert_eq!((m.name.as_str(), m.version.as_str()), ("crypto", "crypto-1.0"));
        assert_eq!(m.description, "the crypto extension");
        let m = merge(&Manifest::default(), &crypto).manifest;
        assert_eq!((m.name.as_str(), m.version.as_str()), ("crypto", "crypto-1.0"));
        let m = merge(&Manifest::default(), &Manifest::default()).manifest;
        assert_eq!(m, Manifest::default());
    }

    #[test]
    fn ids_are_remapped_per_kind() {
        let left = leaf("l", &["f0", "f1", "f2"], &["a0"], &[]);
        let right = leaf("r", &["g0", "g1"], &["b0", "b1"], &["c0", "c1"]);
        let merged = merge(&left, &right);
        assert_eq!(merged.left, Counts { functions: 3, aggregates: 1, collations: 0, blame: Some("l".into()) });
        assert_eq!(merged.right, Counts { functions: 2, aggregates: 2, collations: 2, blame: Some("r".into()) });
        // A router (or the empty extension) names its errors itself.
        let nested = merge(&merged.manifest, &Manifest::default());
        assert_eq!((nested.left.blame, nested.right.blame), (None, None));
        let routes: Vec<Route> = (0..6).map(|id| merged.function(id)).collect();
        assert_eq!(
            routes,
            [Route::Left(0), Route::Left(1), Route::Left(2), Route::Right(0), Route::Right(1), Route::Unknown]
        );
        let routes: Vec<Route> = (0..4).map(|id| merged.aggregate(id)).collect();
        assert_eq!(routes, [Route::Left(0), Route::Right(0), Route::Right(1), Route::Unknown]);
        let routes: Vec<Route> = (0..3).map(|id| merged.collation(id)).collect();
        assert_eq!(routes, [Route::Right(0), Route::Right(1), Route::Unknown]);
        // The merged id names the same item the child's id does.
        for id in 0..5 {
            let name = &merged.manifest.functions[id as usize].name;
            match merged.function(id) {
                Route::Left(i) => assert_eq!(*name, format!("l__{}", left.functions[i as usize].name)),
                Route::Right(i) => assert_eq!(*name, format!("r__{}", right.functions[i as usize].name)),
                Route::Unknown => unreachable!(),
            }
        }
        assert_eq!(merged.manifest.aggregates[2].name, "r__b1");
        assert_eq!(route(u32::MAX, 3, 2), Route::Unknown);
        assert_eq!(route(0, 0, 0), Route::Unknown);
    }

    #[test]
    fn nested_routers_qualify_names_once() {
        let uuid = leaf("uuid", &["uuid4", "uuid_str"], &[], &[]);
        let crypto = leaf("crypto", &["sha1", "sha256"], &["hashagg"], &["bytes"]);
        let inner = merge(&crypto, &Manifest::default());
        let outer = merge(&uuid, &inner.manifest);
        let m = &outer.manifest;
        assert_eq!(m.name, "uuid+crypto");
        assert_eq!(
            names(m),
            (
                vec!["uuid__uuid4", "uuid__uuid_str", "crypto__sha1", "crypto__sha256"],
                vec!["crypto__hashagg"],
                vec!["crypto__bytes"]
            )
        );
        // Merged id 3 goes right as 1, then left in the inner router as 1.
        assert_eq!(outer.function(3), Route::Right(1));
        assert_eq!(inner.function(1), Route::Left(1));
        assert_eq!(outer.aggregate(0), Route::Right(0));
        assert_eq!(outer.collation(0), Route::Right(0));
        // Two routers merged: names joined in order, nothing requalified.
        let text = leaf("text", &["upper"], &[], &[]);
        let other = merge(&text, &Manifest::default());
        let top = merge(&outer.manifest, &other.manifest);
        assert_eq!(top.manifest.name, "uuid+crypto+text");
        assert_eq!(top.manifest.functions.last().unwrap().name, "text__upper");
        assert_eq!(top.function(4), Route::Right(0));
    }

    #[test]
    fn capabilities_are_united_without_duplicates() {
        let mut left = leaf("l", &[], &[], &[]);
        left.capabilities = vec![Capability::Spi, Capability::Http("*.a.com".into()), Capability::Spi];
        let mut right = leaf("r", &[], &[], &[]);
        right.capabilities = vec![
            Capability::Http("*.a.com".into()),
            Capability::Http("b.com".into()),
            Capability::Fs { write: false },
            Capability::Env("HOME".into()),
            Capability::Spi,
        ];
        let m = merge(&left, &right).manifest;
        assert_eq!(
            m.capabilities,
            [
                Capability::Spi,
                Capability::Http("*.a.com".into()),
                Capability::Http("b.com".into()),
                Capability::Fs { write: false },
                Capability::Env("HOME".into()),
            ]
        );
    }
}
