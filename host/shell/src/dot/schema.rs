//! Schema browsing: .databases, .tables, .indexes, .schema. Everything is
//! plain SQL through the engine; the few shell-side SQL functions sqlite3
//! uses here (adding schema names, view column comments) are done in Rust.

use super::{Args, DotResult};
use crate::engine::TxnState;
use crate::format::needs_quoting;
use crate::shell::Shell;

/// `s` as an SQL string literal.
pub(super) fn lit(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// `s` as a double-quoted SQL identifier.
pub(super) fn ident(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

impl Shell<'_> {
    /// Runs a dot command's query; on failure reports `Error: MSG`.
    fn dot_query(&mut self, sql: &str) -> Option<Vec<Vec<Option<String>>>> {
        if self.ensure_open().is_err() {
            return None;
        }
        match self.query(sql) {
            Ok(rows) => Some(rows),
            Err(e) => {
                self.error_line(&format!("Error: {}", e.message));
                None
            }
        }
    }

    fn schema_names(&mut self) -> Option<Vec<String>> {
        let rows = self.dot_query("PRAGMA database_list")?;
        Some(rows.into_iter().filter_map(|r| r.get(1).cloned().flatten()).collect())
    }
}

pub(super) fn databases(sh: &mut Shell<'_>, _args: &Args) -> DotResult {
    let Some(rows) = sh.dot_query("PRAGMA database_list") else { return Ok(false) };
    let mut out = String::new();
    for r in rows {
        let (Some(Some(name)), Some(Some(file))) = (r.get(1), r.get(2)) else { continue };
        let state = sh.engine.schema_state(name);
        let file = if file.is_empty() { "\"\"" } else { file };
        let txn = match state.txn {
            TxnState::None => "",
            TxnState::Read => " read-txn",
            TxnState::Write => " write-txn",
        };
        out.push_str(&format!("{name}: {file} {}{txn}\n", if state.readonly { "r/o" } else { "r/w" }));
    }
    sh.print(out.as_bytes());
    Ok(true)
}

/// Lays names out in columns across 80 characters, filling down first.
fn columns_of_names(names: &[String]) -> String {
    let width = names.iter().map(String::len).max().unwrap_or(0);
    let per_line = (80 / (width + 2)).max(1);
    let lines = names.len().div_ceil(per_line);
    let mut out = String::new();
    for i in 0..lines {
        for (k, name) in names.iter().enumerate().skip(i).step_by(lines) {
            if k >= lines {
                out.push_str("  ");
            }
            out.push_str(&format!("{name:<width$}"));
        }
        out.push('\n');
    }
    out
}

fn list_objects(sh: &mut Shell<'_>, args: &Args, indexes: bool) -> DotResult {
    if indexes && args.len() > 2 {
        sh.error_line("Usage: .indexes ?LIKE-PATTERN?");
        return Ok(false);
    }
    let Some(schemas) = sh.schema_names() else { return Ok(false) };
    let pattern = if args.len() > 1 { lit(&args.text(1)) } else { "'%'".into() };
    let parts: Vec<String> = schemas
        .iter()
        .map(|db| {
            let name = if db.eq_ignore_ascii_case("main") { "name".to_string() } else { format!("{}||'.'||name", lit(db)) };
            let filter = if indexes {
                format!("type='index' AND tbl_name LIKE {pattern}")
            } else {
                format!("type IN ('table','view') AND name NOT LIKE 'sqlite_%' AND name LIKE {pattern}")
            };
            format!("SELECT {name} FROM {}.sqlite_schema WHERE {filter}", ident(db))
        })
        .collect();
    let sql = format!("{} ORDER BY 1", parts.join(" UNION ALL "));
    let Some(rows) = sh.dot_query(&sql) else { return Ok(false) };
    let names: Vec<String> = rows.into_iter().map(|r| r.into_iter().next().flatten().unwrap_or_default()).collect();
    if !names.is_empty() {
        let text = columns_of_names(&names);
        sh.print(text.as_bytes());
    }
    Ok(true)
}

pub(super) fn tables(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    list_objects(sh, args, false)
}

pub(super) fn indexes(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    list_objects(sh, args, true)
}

/// `schema.name(col,...)` for a view or table-valued function, from
/// `PRAGMA table_info`; `None` when it has no columns.
fn fake_schema(sh: &mut Shell<'_>, schema: Option<&str>, name: &str) -> Option<String> {
    let sql = format!("PRAGMA {}.table_info={};", ident(schema.unwrap_or("main")), lit(name));
    let rows = sh.query(&sql).ok()?;
    if rows.is_empty() {
        return None;
    }
    let quote = |s: &str| if needs_quoting(s) { ident(s) } else { s.to_string() };
    let mut s = String::new();
    if let Some(db) = schema {
        s.push_str(&if needs_quoting(db) && !db.eq_ignore_ascii_case("temp") { ident(db) } else { db.to_string() });
        s.push('.');
    }
    s.push_str(&quote(name));
    let cols: Vec<String> = rows.iter().map(|r| quote(r.get(1).cloned().flatten().as_deref().unwrap_or(""))).collect();
    s.push('(');
    s.push_str(&cols.join(","));
    s.push(')');
    Some(s)
}

/// Puts the schema name into a CREATE statement of an attached database
/// (`CREATE TABLE aux.t(...)`) and appends a view's column list as a comment.
fn add_schema_name(sh: &mut Shell<'_>, sql: &str, schema: Option<&str>, name: &str) -> String {
    const KINDS: &[&str] = &["TABLE", "INDEX", "UNIQUE INDEX", "VIEW", "TRIGGER", "VIRTUAL TABLE"];
    let Some(rest) = sql.strip_prefix("CREATE ") else { return sql.to_string() };
    for kind in KINDS {
        let Some(after) = rest.strip_prefix(kind).and_then(|a| a.strip_prefix(' ')) else { continue };
        let mut out = None;
        if let Some(db) = schema {
            let db = if needs_quoting(db) && !db.eq_ignore_ascii_case("temp") { ident(db) } else { db.to_string() };
            out = Some(format!("CREATE {kind} {db}.{after}"));
        }
        if kind.starts_with('V')
            && let Some(fake) = fake_schema(sh, schema, name)
        {
            out = Some(format!("{}\n/* {fake} */", out.as_deref().unwrap_or(sql)));
        }
        if let Some(o) = out {
            return o;
        }
    }
    sql.to_string()
}

/// Prints one schema entry with its `;`, closing a trailing comment first
/// when the text ends inside one.
pub(super) fn schema_line(sh: &mut Shell<'_>, sql: &str) -> String {
    let mut text = sql.to_string();
    if sql.contains("/*") || sql.contains("--") {
        for term in ["", "*/", "\n"] {
            let candidate = format!("{sql}{term};");
            if sh.engine.is_complete(&candidate) {
                text = format!("{sql}{term}");
                break;
            }
        }
    }
    if let Some(rest) = text.strip_prefix("CREATE TABLE ")
        && (rest.starts_with('\'') || rest.starts_with('"'))
    {
        return format!("CREATE TABLE IF NOT EXISTS {rest};\n");
    }
    format!("{text};\n")
}

pub(super) fn schema(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let mut pattern: Option<String> = None;
    let mut nosys = false;
    for i in 1..args.len() {
        let a = args.text(i);
        if a == "-nosys" || a == "--nosys" {
            nosys = true;
        } else if a.starts_with('-') {
            sh.error_line(&format!("Unknown option: \"{a}\""));
            return Ok(false);
        } else if pattern.is_none() {
            pattern = Some(a);
        } else {
            sh.error_line("Usage: .schema ?--nosys? ?LIKE-PATTERN?");
            return Ok(false);
        }
    }
    let mut out = String::new();
    if let Some(p) = &pattern {
        let lower = p.to_ascii_lowercase();
        if ["sqlite_master", "sqlite_schema", "sqlite_temp_master", "sqlite_temp_schema"].contains(&lower.as_str()) {
            out.push_str(&format!(
                "CREATE TABLE {p} (\n  type text,\n  name text,\n  tbl_name text,\n  rootpage integer,\n  sql text\n);\n"
            ));
        }
    }
    let Some(schemas) = sh.schema_names() else { return Ok(false) };
    let mut parts = Vec::new();
    for (i, db) in schemas.iter().enumerate() {
        parts.push(format!(
            "SELECT sql, type, tbl_name, name, rowid AS x, {} AS snum, {} AS sname, 0 AS module FROM {}.sqlite_schema",
            i + 1,
            lit(db),
            ident(db)
        ));
    }
    if pattern.is_some() {
        parts.push("SELECT NULL, 'table', name, name, name, 9e+99, 'main', 1 FROM pragma_module_list".into());
    }
    let mut filter = String::new();
    if let Some(p) = &pattern {
        let glob = p.contains(['*', '?', '[']);
        let target = if p.contains('.') { "lower(printf('%s.%s',sname,tbl_name))" } else { "lower(tbl_name)" };
        if glob {
            filter.push_str(&format!("{target} GLOB {} AND ", lit(p)));
        } else {
            filter.push_str(&format!("{target} LIKE {} ESCAPE '\\' AND ", lit(p)));
        }
    }
    if nosys {
        filter.push_str("name NOT LIKE 'sqlite_%' AND ");
    }
    let sql = format!(
        "SELECT sql, sname, name, snum, module FROM ({}) WHERE {filter}(sql IS NOT NULL OR module) ORDER BY snum, x",
        parts.join(" UNION ALL ")
    );
    let Some(rows) = sh.dot_query(&sql) else { return Ok(false) };
    for r in rows {
        let get = |i: usize| r.get(i).cloned().flatten();
        let name = get(2).unwrap_or_default();
        let entry = if get(4).as_deref() == Some("1") {
            match fake_schema(sh, None, &name) {
                Some(fake) => format!("/* {fake} */"),
                None => continue,
            }
        } else {
            let sname = get(1).unwrap_or_default();
            let schema = (!sname.eq_ignore_ascii_case("main")).then_some(sname.as_str());
            add_schema_name(sh, &get(0).unwrap_or_default(), schema, &name)
        };
        out.push_str(&schema_line(sh, &entry));
    }
    sh.print(out.as_bytes());
    Ok(true)
}
