//! The catalog directory: the extension files `.extensions --catalog`
//! lists and `.load NAME` finds by name. It is `$SQLINK_CATALOG`, or the
//! `extensions` directory beside the one holding this program (`make`
//! puts `dist/bin/sqlink` beside `dist/extensions/`).

use sqlink_runtime::manifest::Manifest;
use sqlink_runtime::Runtime;
use sqlink_shell::engine::CatalogEntry;
use std::path::{Path, PathBuf};

/// The catalog directory, whether or not it exists.
pub fn dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SQLINK_CATALOG") {
        return Some(PathBuf::from(dir));
    }
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.parent()?.join("extensions"))
}

/// Every `*.wasm` of `dir` (or of the catalog directory), by file name,
/// described without being loaded: a file that cannot be described is
/// listed with the reason.
///
/// # Errors
/// When the directory cannot be read.
pub fn list(dir: Option<&str>) -> Result<Vec<CatalogEntry>, String> {
    let (dir, shown) = match dir {
        Some(d) => (PathBuf::from(d), d.trim_end_matches('/').to_string()),
        None => {
            let d = self::dir().ok_or("cannot tell where this program is: give the directory, .extensions --catalog DIR")?;
            let shown = d.display().to_string();
            (d, shown)
        }
    };
    let read = std::fs::read_dir(&dir).map_err(|e| format!("cannot read the catalog directory {}: {e} (give another: .extensions --catalog DIR, or set SQLINK_CATALOG)", dir.display()))?;
    let mut files: Vec<String> = read
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".wasm"))
        .collect();
    files.sort();
    let runtime = Runtime::get().map_err(|e| e.to_string())?;
    Ok(files
        .into_iter()
        .map(|name| {
            let file = format!("{shown}/{name}");
            match runtime.describe_file(&dir.join(&name)) {
                Ok(m) => entry(file, &m),
                Err(e) => CatalogEntry { file, error: Some(e.to_string()), ..CatalogEntry::default() },
            }
        })
        .collect())
}

/// `NAME.wasm` of the catalog directory, for `.load NAME` when no file
/// `NAME` or `NAME.wasm` is here.
pub fn find(name: &str) -> Option<PathBuf> {
    if name.contains('/') || Path::new(name).extension().is_some() {
        return None;
    }
    let file = dir()?.join(format!("{name}.wasm"));
    file.is_file().then_some(file)
}

fn entry(file: String, m: &Manifest) -> CatalogEntry {
    let arity = |name: &str, n: i32| if n < 0 { format!("{name}(...)") } else { format!("{name}({n})") };
    CatalogEntry {
        file,
        name: m.name.clone(),
        version: m.version.clone(),
        description: m.description.clone(),
        functions: m.functions.iter().map(|f| arity(&f.name, f.arity)).collect(),
        aggregates: m.aggregates.iter().map(|a| arity(&a.function.name, a.function.arity)).collect(),
        collations: m.collations.iter().map(|c| c.name.clone()).collect(),
        vtabs: m.vtabs.iter().map(|v| v.name.clone()).collect(),
        dot_commands: m.dot_commands.iter().map(|d| format!(".{}", d.name)).collect(),
        grants: m.capabilities.iter().map(|c| c.grant_hint()).collect(),
        error: None,
    }
}
