//! What an operator writes and what an extension claims: grant lists
//! (`--grant`, `'spi,fs:DIR:ro'`), sizes (`--mem`), and the checks of
//! declared capabilities and actual imports against the grants. Parsing
//! never panics; a grant that parses prints as text that parses back to
//! the same grant; an import that needs no grant is allowed whatever was
//! granted, and granting more never refuses what granting less allowed.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use sqlink_policy::{Capability, Grant, Grants, Limits};

#[derive(Debug, Arbitrary)]
struct Input {
    list: String,
    each: Vec<String>,
    memory: Option<String>,
    timeout: Option<u64>,
    declared: Vec<(u8, String)>,
    imports: Vec<String>,
}

fuzz_target!(|input: Input| {
    for grants in [Grants::parse_list(&input.list), Grants::parse_each(&input.each)] {
        let Ok(grants) = grants else { continue };
        for g in &grants.0 {
            let text = g.to_string();
            assert_eq!(Grant::parse(&text).as_ref(), Ok(g), "{text}");
        }
        let declared: Vec<Capability> = input
            .declared
            .iter()
            .map(|(kind, text)| match kind % 4 {
                0 => Capability::Spi,
                1 => Capability::Fs { write: text.len() % 2 == 0 },
                2 => Capability::Http(text.clone()),
                _ => Capability::Env(text.clone()),
            })
            .collect();
        let _ = grants.check_declared("fuzzed", &declared);
        let with = grants.check_imports("fuzzed", &input.imports);
        let without = Grants::default().check_imports("fuzzed", &input.imports);
        if without.is_ok() {
            assert!(with.is_ok(), "more grants refused what none allowed: {with:?}");
        }
        if let Err(e) = with {
            assert!(!e.0.is_empty());
        }
    }
    if let Ok(limits) = Limits::with(input.memory.as_deref(), input.timeout) {
        assert!(limits.memory >= 1 << 20);
    }
});
