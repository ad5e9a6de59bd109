//! sqlink's extension commands: .load, .unload, .extensions.

use super::{Args, DotResult};
use crate::engine::LoadOptions;
use crate::shell::Shell;

const LOAD_USAGE: &str = "Usage: .load FILE [--grant CAP]... [--mem BYTES] [--timeout MS] [--pin NAME]... [--prefix P]";

/// Parses `.load` arguments; `Err` carries the message to print.
fn parse_load(args: &Args) -> Result<(String, LoadOptions), String> {
    let mut file = None;
    let mut o = LoadOptions::default();
    let mut i = 1;
    while i < args.len() {
        let w = args.text(i);
        let opt = w.strip_prefix("--").or_else(|| w.strip_prefix('-'));
        match opt {
            Some(name @ ("grant" | "mem" | "timeout" | "pin" | "prefix")) => {
                i += 1;
                if i >= args.len() {
                    return Err(format!("Error: missing value for --{name}\n{LOAD_USAGE}"));
                }
                let v = args.text(i);
                match name {
                    "grant" => o.grants.push(v),
                    "mem" => o.memory = Some(v),
                    "timeout" => o.timeout_ms = Some(v.parse().map_err(|_| format!("Error: --timeout wants milliseconds, not \"{v}\""))?),
                    "pin" => o.pins.push(v),
                    _ => o.prefix = Some(v),
                }
            }
            Some(_) => return Err(format!("Error: unknown option: {w}\n{LOAD_USAGE}")),
            None if file.is_none() => file = Some(w),
            None => return Err(format!("Error: extra argument: \"{w}\"\n{LOAD_USAGE}")),
        }
        i += 1;
    }
    file.map(|f| (f, o)).ok_or_else(|| LOAD_USAGE.to_string())
}

pub(super) fn load(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let (file, options) = match parse_load(args) {
        Ok(p) => p,
        Err(msg) => {
            sh.error_line(&msg);
            return Ok(false);
        }
    };
    if sh.ensure_open().is_err() {
        return Ok(false);
    }
    let before = sh.engine.dot_commands();
    match sh.engine.load(&file, &options) {
        Ok(report) => {
            // An extension's dot command may not take a name the shell's
            // own commands answer to: it would never run, or shadow them.
            let clash = sh.engine.dot_commands().into_iter().filter(|d| !before.contains(d)).find_map(|d| Some((Shell::builtin_for(&d.name)?, d)));
            if let Some((builtin, d)) = clash {
                let _ = sh.engine.unload(&d.extension);
                sh.error_line(&format!(
                    "Error: cannot load {file}: extension {} provides dot command .{}, which the shell's own .{builtin} answers to",
                    d.extension, d.name
                ));
                return Ok(false);
            }
            for warning in &report.warnings {
                sh.error_line(&format!("warning: {warning}"));
            }
            if sh.interactive {
                let mut text = format!("{}\n", report.summary);
                for note in &report.notes {
                    text.push_str(&format!("note: {note}\n"));
                }
                sh.print(text.as_bytes());
            }
            Ok(true)
        }
        Err(msg) => {
            sh.error_line(&format!("Error: {msg}"));
            Ok(false)
        }
    }
}

pub(super) fn unload(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    if args.len() != 2 {
        sh.error_line("Usage: .unload NAME");
        return Ok(false);
    }
    match sh.engine.unload(&args.text(1)) {
        Ok(notes) => {
            if sh.interactive {
                let text: String = notes.iter().map(|n| format!("note: {n}\n")).collect();
                sh.print(text.as_bytes());
            }
            Ok(true)
        }
        Err(msg) => {
            sh.error_line(&format!("Error: {msg}"));
            Ok(false)
        }
    }
}

/// A human-readable byte count: `64 MiB`, `1500 bytes`.
fn bytes(n: u64) -> String {
    const UNITS: &[(u64, &str)] = &[(1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")];
    for &(size, unit) in UNITS {
        if n >= size && n.is_multiple_of(size) {
            return format!("{} {unit}", n / size);
        }
    }
    format!("{n} bytes")
}

fn list_line(out: &mut String, label: &str, items: &[String]) {
    if !items.is_empty() {
        out.push_str(&format!("  {label:<11} {}\n", items.join(", ")));
    }
}

const EXTENSIONS_USAGE: &str = "Usage: .extensions [--catalog [DIR]]";

pub(super) fn list(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    match (args.len(), args.len() > 1 && args.text(1).trim_start_matches('-') == "catalog") {
        (1, _) => {}
        (2 | 3, true) => return catalog(sh, (args.len() == 3).then(|| args.text(2)).as_deref()),
        _ => {
            sh.error_line(EXTENSIONS_USAGE);
            return Ok(false);
        }
    }
    let exts = sh.engine.extensions();
    let mut out = String::new();
    if exts.is_empty() {
        out.push_str("No extensions loaded.\n");
    }
    for e in exts {
        out.push_str(&e.name);
        if !e.version.is_empty() {
            out.push(' ');
            out.push_str(&e.version);
        }
        if !e.description.is_empty() {
            out.push_str(" - ");
            out.push_str(&e.description);
        }
        out.push('\n');
        out.push_str(&format!("  {:<11} {}\n", "source:", e.source));
        if !e.prefix.is_empty() || !e.namespace.is_empty() {
            let ns = if e.namespace.is_empty() { String::new() } else { format!(" <{}>", e.namespace) };
            out.push_str(&format!("  {:<11} {}{ns}\n", "prefix:", e.prefix));
        }
        list_line(&mut out, "functions:", &e.functions);
        list_line(&mut out, "aggregates:", &e.aggregates);
        list_line(&mut out, "collations:", &e.collations);
        list_line(&mut out, "tables:", &e.vtabs);
        let grants = if e.grants.is_empty() { "none (pure computation)".to_string() } else { e.grants.join(", ") };
        out.push_str(&format!("  {:<11} {grants}\n", "grants:"));
        // An engine that enforces no limits (a composed build) reports 0, 0.
        if e.memory_limit == 0 && e.timeout_ms == 0 {
            out.push_str(&format!("  {:<11} none\n", "limits:"));
        } else {
            out.push_str(&format!("  {:<11} memory {}, {} ms per call\n", "limits:", bytes(e.memory_limit), e.timeout_ms));
        }
    }
    sh.print(out.as_bytes());
    Ok(true)
}

/// `.extensions --catalog [DIR]`: every extension file of the catalog,
/// with what it provides and the grants loading it takes.
fn catalog(sh: &mut Shell<'_>, dir: Option<&str>) -> DotResult {
    let entries = match sh.engine.catalog(dir) {
        Ok(entries) => entries,
        Err(msg) => {
            sh.error_line(&format!("Error: {msg}"));
            return Ok(false);
        }
    };
    let mut out = String::new();
    for e in &entries {
        if let Some(why) = &e.error {
            out.push_str(&format!("{} - cannot be described: {why}\n", e.file));
            continue;
        }
        out.push_str(&format!("{} {}", e.name, e.version));
        if !e.description.is_empty() {
            out.push_str(&format!(" - {}", e.description));
        }
        out.push('\n');
        out.push_str(&format!("  {:<11} {}\n", "file:", e.file));
        list_line(&mut out, "functions:", &e.functions);
        list_line(&mut out, "aggregates:", &e.aggregates);
        list_line(&mut out, "collations:", &e.collations);
        list_line(&mut out, "tables:", &e.vtabs);
        list_line(&mut out, "commands:", &e.dot_commands);
        let grants = if e.grants.is_empty() { "none needed".to_string() } else { e.grants.iter().map(|g| format!("--grant {g}")).collect::<Vec<_>>().join(" ") };
        out.push_str(&format!("  {:<11} {grants}\n", "grants:"));
    }
    sh.print(out.as_bytes());
    Ok(true)
}
