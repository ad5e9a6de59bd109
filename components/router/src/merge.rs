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

/// A virtual table module (`manifest.vtab-module`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VtabModule {
    /// Module name (qualified in a merged manifest).
    pub name: String,
    /// Usable as a table-valued function.
    pub eponymous: bool,
    /// Usable only that way.
    pub eponymous_only: bool,
    /// Accepts INSERT, UPDATE and DELETE.
    pub writable: bool,
    /// Usable only from top-level SQL.
    pub direct_only: bool,
    /// Suffixes of the shadow tables each table keeps.
    pub shadow_tables: Vec<String>,
    /// One-line documentation.
    pub description: String,
}

/// A shell dot command (`manifest.dot-command`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DotCommand {
    /// Without the dot (qualified in a merged manifest, `prefix__name`;
    /// sqlite-core runs it by the part after the prefix).
    pub name: String,
    /// One line of usage.
    pub usage: String,
    /// What it does.
    pub help: String,
}

/// `manifest.hook-set` bits: the update hook...
pub const HOOK_UPDATE: u8 = 1 << 0;
/// ...the commit hook...
pub const HOOK_COMMIT: u8 = 1 << 1;
/// ...and the rollback hook.
pub const HOOK_ROLLBACK: u8 = 1 << 2;

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

/// The parts of a manifest a router carries: all of them.
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
    /// Virtual table modules; a module's id is its index.
    pub vtabs: Vec<VtabModule>,
    /// Dot commands; a command's id is its index.
    pub dot_commands: Vec<DotCommand>,
    /// The hooks wanted (`HOOK_*` bits).
    pub hooks: u8,
    /// Wants its authorizer asked.
    pub authorizer: bool,
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
    /// Number of virtual table modules.
    pub vtabs: u32,
    /// Number of dot commands.
    pub dot_commands: u32,
    /// The hooks this side wants (`HOOK_*` bits).
    pub hooks: u8,
    /// This side wants its authorizer asked.
    pub authorizer: bool,
}

impl Counts {
    /// The counts of a manifest.
    pub fn of(m: &Manifest) -> Counts {
        let n = |len: usize| u32::try_from(len).unwrap_or(u32::MAX);
        Counts {
            functions: n(m.functions.len()),
            aggregates: n(m.aggregates.len()),
            collations: n(m.collations.len()),
            vtabs: n(m.vtabs.len()),
            dot_commands: n(m.dot_commands.len()),
            hooks: m.hooks,
            authorizer: m.authorizer,
        }
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

    /// Routes a virtual table module id.
    pub fn vtab(&self, id: u32) -> Route {
        route(id, self.left.vtabs, self.right.vtabs)
    }

    /// Routes a dot command id.
    pub fn dot_command(&self, id: u32) -> Route {
        route(id, self.left.dot_commands, self.right.dot_commands)
    }
}

/// `prefix__name`, or `name` unchanged when `prefix` is empty (the names of
/// a router's output are qualified already).
pub fn qualify(prefix: &str, name: &str) -> String {
    if prefix.is_empty() { name.to_string() } else { format!("{prefix}__{name}") }
}

/// The `direct-only` bit of `types.function-flags` (its second flag).
pub const DIRECT_ONLY: u8 = 1 << 1;

/// Qualifies every name of a child's manifest by its own prefix. Items of a
/// child that reaches beyond pure computation (it has capabilities) become
/// direct-only, as a host registers them: the merged manifest's united
/// capabilities no longer say whose they were.
fn qualified(m: &Manifest) -> Manifest {
    let p = m.prefix.as_str();
    let outside = !m.capabilities.is_empty();
    let flags = |f: u8| if outside { f | DIRECT_ONLY } else { f };
    Manifest {
        functions: m.functions.iter().map(|f| Function { name: qualify(p, &f.name), flags: flags(f.flags), ..f.clone() }).collect(),
        aggregates: m.aggregates.iter().map(|a| Aggregate { name: qualify(p, &a.name), flags: flags(a.flags), ..a.clone() }).collect(),
        collations: m.collations.iter().map(|c| Collation { name: qualify(p, &c.name), ..c.clone() }).collect(),
        vtabs: m.vtabs.iter().map(|v| VtabModule { name: qualify(p, &v.name), direct_only: v.direct_only || outside, ..v.clone() }).collect(),
        dot_commands: m.dot_commands.iter().map(|d| DotCommand { name: qualify(p, &d.name), ..d.clone() }).collect(),
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
            vtabs: l.vtabs.into_iter().chain(r.vtabs).collect(),
            dot_commands: l.dot_commands.into_iter().chain(r.dot_commands).collect(),
            hooks: left.hooks | right.hooks,
            authorizer: left.authorizer || right.authorizer,
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
            vtabs: Vec::new(),
            dot_commands: Vec::new(),
            hooks: 0,
            authorizer: false,
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
        assert_eq!(merged.left, Counts { functions: 3, aggregates: 1, collations: 0, vtabs: 0, dot_commands: 0, hooks: 0, authorizer: false });
        assert_eq!(merged.right, Counts { functions: 2, aggregates: 2, collations: 2, vtabs: 0, dot_commands: 0, hooks: 0, authorizer: false });
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

#[cfg(test)]
mod vtab_tests {
    use super::*;

    fn module(name: &str) -> VtabModule {
        VtabModule {
            name: name.into(),
            eponymous: true,
            eponymous_only: true,
            writable: false,
            direct_only: false,
            shadow_tables: Vec::new(),
            description: String::new(),
        }
    }

    fn with_modules(name: &str, modules: &[&str]) -> Manifest {
        Manifest { name: name.into(), prefix: name.into(), vtabs: modules.iter().map(|m| module(m)).collect(), ..Manifest::default() }
    }

    #[test]
    fn modules_are_qualified_and_routed_left_first() {
        let merged = merge(&with_modules("series", &["generate_series"]), &with_modules("stats", &["stats_seq", "other"]));
        let names: Vec<&str> = merged.manifest.vtabs.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["series__generate_series", "stats__stats_seq", "stats__other"]);
        assert_eq!(merged.vtab(0), Route::Left(0));
        assert_eq!(merged.vtab(2), Route::Right(1));
        assert_eq!(merged.vtab(3), Route::Unknown);
    }

    #[test]
    fn items_of_a_child_reaching_outside_become_direct_only() {
        let mut files = with_modules("files", &["ls"]);
        files.capabilities = vec![Capability::Fs { write: false }];
        files.functions = vec![Function { name: "read".into(), arity: 1, flags: 1, arg_types: vec![], result_type: None, description: String::new() }];
        let mut pure = with_modules("pure", &["seq"]);
        pure.functions = files.functions.clone();
        let m = merge(&files, &pure).manifest;
        assert_eq!(m.vtabs.iter().map(|v| v.direct_only).collect::<Vec<_>>(), [true, false]);
        assert_eq!(m.functions.iter().map(|f| f.flags).collect::<Vec<_>>(), [1 | DIRECT_ONLY, 1]);
    }

    #[test]
    fn hooks_and_authorizers_are_united_and_dot_commands_routed() {
        let mut history = with_modules("history", &[]);
        history.hooks = HOOK_UPDATE | HOOK_COMMIT;
        history.dot_commands = vec![DotCommand { name: "heard".into(), usage: String::new(), help: "h".into() }];
        let mut guard = with_modules("guard", &[]);
        guard.authorizer = true;
        guard.hooks = HOOK_ROLLBACK;
        guard.dot_commands = vec![DotCommand { name: "rules".into(), usage: "[T]".into(), help: "r".into() }];
        let merged = merge(&history, &guard);
        assert_eq!(merged.manifest.hooks, HOOK_UPDATE | HOOK_COMMIT | HOOK_ROLLBACK);
        assert!(merged.manifest.authorizer);
        assert!(!merged.left.authorizer && merged.right.authorizer);
        let names: Vec<&str> = merged.manifest.dot_commands.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["history__heard", "guard__rules"]);
        assert_eq!(merged.dot_command(1), Route::Right(0));
    }
}
