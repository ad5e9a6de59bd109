//! Who gets a bare name.
//!
//! Every extension item is always callable qualified, `prefix__name`. A bare
//! name goes to an extension only when no one else holds it: not SQLite
//! (built-ins, or anything registered outside sqlink) and not another loaded
//! extension. A pin — the user's explicit choice — overrides both. The
//! decision depends only on the set of loaded extensions and the pins, never
//! on load order: when two extensions claim a bare name, neither gets it.

use std::collections::{BTreeMap, BTreeSet};

/// Functions and aggregates share SQLite's function namespace; collations
/// have their own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Space {
    Function,
    Collation,
    /// Virtual table modules (and so table-valued functions).
    Module,
}

/// A bare name in a namespace (lowercase; SQLite names are ASCII
/// case-insensitive), with its arity for functions (0 for collations and
/// modules).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Key {
    pub space: Space,
    pub name: String,
    pub arity: i32,
}

impl Key {
    pub fn new(space: Space, name: &str, arity: i32) -> Key {
        Key { space, name: name.to_ascii_lowercase(), arity }
    }

    /// `upper(1)` or `NOCASE` as messages show it.
    pub fn display(&self) -> String {
        match self.space {
            Space::Collation => format!("collation {}", self.name),
            Space::Module => format!("module {}", self.name),
            Space::Function if self.arity < 0 => format!("{}(...)", self.name),
            Space::Function => format!("{}({})", self.name, self.arity),
        }
    }
}

/// The outcome for one bare name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// This extension gets the bare name.
    Owner(String),
    /// Pinned to this extension although SQLite or others hold it too.
    Pinned(String),
    /// Several extensions claim it; none gets it.
    Contested(Vec<String>),
    /// SQLite already answers to it; the extension stays qualified-only.
    Held(String),
    /// The user pinned the name to another extension, which claims it with
    /// another number of arguments (a variadic `md5(...)` pinned over a
    /// `md5(1)`): this one stays qualified-only, as chosen, unwarned.
    Yielded(String),
}

/// Decides every claimed bare name.
///
/// `claims` maps each key to the extensions claiming it; `pins` maps a
/// lowercase name to the extension the user pinned it to; `held` tells
/// whether SQLite itself answers to a key.
pub fn decide(
    claims: &BTreeMap<Key, BTreeSet<String>>,
    pins: &BTreeMap<String, String>,
    mut held: impl FnMut(&Key) -> bool,
) -> BTreeMap<Key, Decision> {
    // A function claimed with any number of arguments (`md5(...)`) answers
    // every arity, so it contests the name at each arity another extension
    // claims (SQLite would otherwise send those calls to the fixed arity,
    // shadowing the variadic one silently), and they contest it.
    let rivals = |key: &Key| -> BTreeSet<String> {
        let mut all: BTreeSet<String> = claims[key].clone();
        if key.space == Space::Function {
            for (other, claimants) in claims.iter().filter(|(k, _)| k.space == Space::Function && k.name == key.name && *k != key) {
                if key.arity < 0 || other.arity < 0 {
                    all.extend(claimants.iter().cloned());
                }
            }
        }
        all
    };
    claims
        .iter()
        .map(|(key, claimants)| {
            let rivals = rivals(key);
            let decision = match pins.get(&key.name) {
                Some(pinned) if claimants.contains(pinned) => Decision::Pinned(pinned.clone()),
                Some(pinned) if rivals.contains(pinned) => Decision::Yielded(claimants.iter().next().cloned().unwrap_or_default()),
                _ if rivals.len() > 1 => Decision::Contested(rivals.into_iter().collect()),
                _ => {
                    let only = claimants.iter().next().cloned().unwrap_or_default();
                    if held(key) { Decision::Held(only) } else { Decision::Owner(only) }
                }
            };
            (key.clone(), decision)
        })
        .collect()
}

/// The warning for bare names SQLite already answers to, one per name
/// whatever its arities: `shown` lists them (`ltrim(1)`, `ltrim(2)`),
/// `qualified` is how to call the extension's item, `pin` how to take the
/// bare name in the host's syntax (`--pin ltrim`).
pub fn held_warning(shown: &[String], qualified: &str, pin: &str) -> String {
    let verb = if shown.len() == 1 { "exists" } else { "exist" };
    format!("{} already {verb} in SQLite: call {qualified} instead, or load with {pin} to take the bare name", shown.join(", "))
}

/// The warning for a bare name several extensions claim (so none gets it).
pub fn contested_warning(shown: &str, extensions: &[String], qualified: &[String], pin: &str) -> String {
    format!("{shown} is provided by {}: call {}, or load one with {pin}", extensions.join(" and "), qualified.join(" or "))
}

impl Decision {
    /// The extension that registers the bare name, if any.
    pub fn owner(&self) -> Option<&str> {
        match self {
            Decision::Owner(e) | Decision::Pinned(e) => Some(e),
            Decision::Contested(_) | Decision::Held(_) | Decision::Yielded(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims(list: &[(&str, i32, &[&str])]) -> BTreeMap<Key, BTreeSet<String>> {
        list.iter()
            .map(|(n, a, exts)| (Key::new(Space::Function, n, *a), exts.iter().map(|e| e.to_string()).collect()))
            .collect()
    }

    #[test]
    fn sole_claimant_of_a_free_name_owns_it() {
        let c = claims(&[("uuid4", 0, &["uuid"])]);
        let d = decide(&c, &BTreeMap::new(), |_| false);
        assert_eq!(d[&Key::new(Space::Function, "uuid4", 0)], Decision::Owner("uuid".into()));
    }

    #[test]
    fn builtins_keep_their_names_unless_pinned() {
        let c = claims(&[("upper", 1, &["unicode"])]);
        let key = Key::new(Space::Function, "UPPER", 1);
        assert_eq!(decide(&c, &BTreeMap::new(), |_| true)[&key], Decision::Held("unicode".into()));
        let pins = BTreeMap::from([("upper".to_string(), "unicode".to_string())]);
        assert_eq!(decide(&c, &pins, |_| true)[&key], Decision::Pinned("unicode".into()));
    }

    #[test]
    fn a_variadic_claim_contests_every_arity_of_the_name() {
        let c = claims(&[("md5", -1, &["hashes"]), ("md5", 1, &["crypto"]), ("other", 1, &["crypto"])]);
        let d = decide(&c, &BTreeMap::new(), |_| false);
        let both = Decision::Contested(vec!["crypto".into(), "hashes".into()]);
        assert_eq!(d[&Key::new(Space::Function, "md5", -1)], both);
        assert_eq!(d[&Key::new(Space::Function, "md5", 1)], both);
        assert_eq!(d[&Key::new(Space::Function, "other", 1)], Decision::Owner("crypto".into()));
        // One extension's own arities do not contest each other.
        let own = claims(&[("ulid", -1, &["ulid"]), ("ulid", 0, &["ulid"])]);
        assert_eq!(decide(&own, &BTreeMap::new(), |_| false)[&Key::new(Space::Function, "ulid", 0)], Decision::Owner("ulid".into()));
        // A pin gives the variadic one every arity.
        let pins = BTreeMap::from([("md5".to_string(), "hashes".to_string())]);
        let d = decide(&c, &pins, |_| false);
        assert_eq!(d[&Key::new(Space::Function, "md5", -1)], Decision::Pinned("hashes".into()));
        assert_eq!(d[&Key::new(Space::Function, "md5", 1)], Decision::Yielded("crypto".into()));
    }

    #[test]
    fn contested_names_go_to_no_one_whatever_the_order() {
        let c = claims(&[("reverse", 1, &["text", "other"])]);
        let key = Key::new(Space::Function, "reverse", 1);
        assert_eq!(decide(&c, &BTreeMap::new(), |_| false)[&key], Decision::Contested(vec!["other".into(), "text".into()]));
        let pins = BTreeMap::from([("reverse".to_string(), "text".to_string())]);
        assert_eq!(decide(&c, &pins, |_| false)[&key].owner(), Some("text"));
    }
}
