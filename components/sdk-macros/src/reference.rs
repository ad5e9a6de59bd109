//! The reference an extension is compatible with, from its crate's
//! `Cargo.toml` (`[package.metadata.sqlink] compatible = "..."`), added
//! to the manifest's description so that a catalog listing names it: one
//! place says it, for the catalog and for the crate.

use std::path::Path;

/// `description` with the sentence naming the reference, when the crate
/// being compiled declares one.
pub fn describe(description: String) -> String {
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR") else { return description };
    let Ok(toml) = std::fs::read_to_string(Path::new(&dir).join("Cargo.toml")) else { return description };
    match compatible(&toml) {
        Some(reference) if reference.starts_with("sqlink's own") => join(description, &format!("{reference}.")),
        Some(reference) => join(description, &format!("Compatible with {reference}.")),
        None => description,
    }
}

fn join(description: String, sentence: &str) -> String {
    if description.is_empty() { sentence.to_string() } else { format!("{description} {sentence}") }
}

/// The `compatible` string of the `[package.metadata.sqlink]` table: one
/// basic string on one line, the way the catalog's crates write it.
fn compatible(toml: &str) -> Option<String> {
    let mut in_table = false;
    for line in toml.lines().map(str::trim) {
        if line.starts_with('[') {
            in_table = line == "[package.metadata.sqlink]";
            continue;
        }
        let Some(rest) = line.strip_prefix("compatible").map(str::trim_start) else { continue };
        let Some(value) = rest.strip_prefix('=').map(str::trim) else { continue };
        if in_table {
            return basic_string(value);
        }
    }
    None
}

/// The content of a TOML basic string (`"..."`, with `\"` and `\\`).
fn basic_string(s: &str) -> Option<String> {
    let mut chars = s.strip_prefix('"')?.chars();
    let mut out = String::new();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => out.push(chars.next()?),
            c => out.push(c),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_sqlink_table_only() {
        let toml = "[package]\nname = \"x\"\ncompatible = \"not this\"\n\n[package.metadata.sqlink]\ncompatible = \"sqlean uuid 0.27.4 (\\\"v7\\\")\"\n[dependencies]\n";
        assert_eq!(compatible(toml).as_deref(), Some("sqlean uuid 0.27.4 (\"v7\")"));
        assert_eq!(compatible("[package]\nname = \"x\"\n"), None);
        assert_eq!(compatible("[package.metadata.sqlink]\ncompatible = \"unterminated\n"), None);
    }

    #[test]
    fn joins_a_sentence() {
        assert_eq!(join("UUIDs.".into(), "Compatible with sqlean uuid."), "UUIDs. Compatible with sqlean uuid.");
        assert_eq!(join(String::new(), "sqlink's own (no reference)."), "sqlink's own (no reference).");
    }
}
