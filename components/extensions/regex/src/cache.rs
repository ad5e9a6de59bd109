//! Compiled patterns, kept between calls.
//!
//! sqlite-regex keeps a compiled pattern per call site with SQLite's
//! auxdata, so `regexp()` over many rows compiles its pattern once. The
//! contract has no auxdata, but the extension's instance lives as long as
//! the connection, so it keeps the patterns it compiled most recently,
//! keyed by their text: a call site with a constant pattern compiles it
//! once, and so does a join passing the same pattern to a table for every
//! row. Patterns that fail to compile are not kept.

use regex::{Regex, RegexSet};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// How many compiled regexes (and, separately, regex sets) are kept. A
/// regex's search cache grows to about 2 MiB when it is used hard, and the
/// instance's memory is capped (256 MiB by default), so the cache stays
/// well under that bound.
const CAPACITY: usize = 32;

/// A small least-recently-used map from pattern text to compiled value.
struct Cache<T> {
    entries: HashMap<Box<str>, (Rc<T>, u64)>,
    /// A counter stamping each use, to find the least recent entry.
    clock: u64,
}

impl<T> Cache<T> {
    fn new() -> Cache<T> {
        Cache { entries: HashMap::new(), clock: 0 }
    }

    fn get_or_compile<E>(&mut self, key: &str, compile: impl FnOnce() -> Result<T, E>) -> Result<Rc<T>, E> {
        self.clock += 1;
        if let Some((value, stamp)) = self.entries.get_mut(key) {
            *stamp = self.clock;
            return Ok(Rc::clone(value));
        }
        let value = Rc::new(compile()?);
        if self.entries.len() >= CAPACITY {
            let oldest = self.entries.iter().min_by_key(|(_, (_, stamp))| *stamp).map(|(k, _)| k.clone());
            if let Some(oldest) = oldest {
                self.entries.remove(&oldest);
            }
        }
        self.entries.insert(key.into(), (Rc::clone(&value), self.clock));
        Ok(value)
    }
}

thread_local! {
    static REGEXES: RefCell<Cache<Regex>> = RefCell::new(Cache::new());
    static SETS: RefCell<Cache<RegexSet>> = RefCell::new(Cache::new());
}

/// The compiled regex of `pattern`, from the cache or compiled now.
///
/// # Errors
/// The `regex` crate's parse or size error.
pub fn regex(pattern: &str) -> Result<Rc<Regex>, regex::Error> {
    REGEXES.with(|c| c.borrow_mut().get_or_compile(pattern, || Regex::new(pattern)))
}

/// The compiled set of `patterns`, cached under `key` (the set's text).
///
/// # Errors
/// The `regex` crate's error for the first pattern that does not compile.
pub fn regex_set(key: &str, patterns: &[String]) -> Result<Rc<RegexSet>, regex::Error> {
    SETS.with(|c| c.borrow_mut().get_or_compile(key, || RegexSet::new(patterns)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pattern_compiles_once_and_failures_are_not_kept() {
        let a = regex("a+").unwrap();
        let b = regex("a+").unwrap();
        assert!(Rc::ptr_eq(&a, &b));
        assert!(regex("[a").is_err());
        REGEXES.with(|c| assert!(!c.borrow().entries.contains_key("[a")));
    }

    #[test]
    fn the_least_recently_used_pattern_goes_first() {
        let mut cache: Cache<String> = Cache::new();
        for i in 0..CAPACITY {
            cache.get_or_compile::<()>(&i.to_string(), || Ok(i.to_string())).unwrap();
        }
        // Touch "0", so "1" is now the oldest.
        cache.get_or_compile::<()>("0", || unreachable!()).unwrap();
        cache.get_or_compile::<()>("new", || Ok("new".into())).unwrap();
        assert_eq!(cache.entries.len(), CAPACITY);
        assert!(cache.entries.contains_key("0"));
        assert!(!cache.entries.contains_key("1"));
    }
}
