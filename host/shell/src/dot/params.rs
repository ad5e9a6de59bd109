//! `.parameter`: values for statement parameters, kept where sqlite3 keeps
//! them (`temp.sqlite_parameters`) and bound by the engine when a
//! statement runs (see [`Engine::run`](crate::engine::Engine::run)).

use super::schema::lit;
use super::{Args, DotResult};
use crate::engine::Phase;
use crate::shell::Shell;

/// The table of parameter values, as sqlite3 creates it.
const CREATE: &str = "CREATE TABLE IF NOT EXISTS temp.sqlite_parameters(\n  key TEXT PRIMARY KEY,\n  value\n) WITHOUT ROWID;";

/// Widest key `.parameter list` lines up.
const MAX_KEY_WIDTH: usize = 40;

impl Shell<'_> {
    /// Creates the parameter table if it does not exist. Its name is one
    /// SQLite reserves, so the schema is made writable for the moment.
    fn init_parameters(&mut self) {
        let before = self.query("PRAGMA writable_schema").ok();
        let was_on = before.and_then(|r| r.first().cloned()).and_then(|r| r.first().cloned().flatten()).is_some_and(|v| v != "0");
        let _ = self.query("PRAGMA writable_schema=ON");
        let _ = self.query(CREATE);
        let _ = self.query(&format!("PRAGMA writable_schema={}", if was_on { "ON" } else { "OFF" }));
    }

    /// `.parameter list`: each key, padded to the longest (at most 40
    /// bytes' worth), and its value as an SQL literal.
    fn list_parameters(&mut self) {
        let longest = self.query("SELECT max(length(key)) FROM temp.sqlite_parameters;").ok();
        let width = longest.and_then(|r| r.first().cloned()).and_then(|r| r.first().cloned().flatten());
        let width = width.and_then(|w| w.parse::<usize>().ok()).unwrap_or(0).min(MAX_KEY_WIDTH);
        if width == 0 {
            return;
        }
        let Ok(rows) = self.query("SELECT key, quote(value) FROM temp.sqlite_parameters;") else { return };
        let mut out = String::new();
        for row in rows {
            let key = row.first().cloned().flatten().unwrap_or_default();
            let value = row.get(1).cloned().flatten().unwrap_or_default();
            // Padded in bytes, as C's printf does.
            out.push_str(&key);
            out.push_str(&" ".repeat(width.saturating_sub(key.len())));
            out.push(' ');
            out.push_str(&value);
            out.push('\n');
        }
        self.print(out.as_bytes());
    }

    /// `.parameter set KEY VALUE`: VALUE as an SQL literal or expression,
    /// else as text.
    fn set_parameter(&mut self, key: &str, value: &str) -> bool {
        self.init_parameters();
        let sql = |v: &str| format!("REPLACE INTO temp.sqlite_parameters(key,value)VALUES({},{v});", lit(key));
        match self.query(&sql(value)) {
            Err(e) if e.phase == Phase::Prepare => match self.query(&sql(&lit(value))) {
                Err(e) if e.phase == Phase::Prepare => {
                    self.print(format!("Error: {}\n", e.message).as_bytes());
                    false
                }
                // As sqlite3: a failure while storing it goes unreported.
                _ => true,
            },
            _ => true,
        }
    }
}

pub(super) fn parameter(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    if sh.ensure_open().is_err() {
        return Ok(false);
    }
    let sub = args.text(1);
    match (args.len(), sub.as_str()) {
        (2, "clear") => {
            let _ = sh.query("DROP TABLE IF EXISTS temp.sqlite_parameters;");
        }
        (2, "list") => sh.list_parameters(),
        (2, "init") => sh.init_parameters(),
        (4, "set") => return Ok(sh.set_parameter(&args.text(2), &args.text(3))),
        (3, "unset") => {
            let _ = sh.query(&format!("DELETE FROM temp.sqlite_parameters WHERE key={}", lit(&args.text(2))));
        }
        _ => {
            // Not an error for sqlite3: it shows the command's help.
            let text = crate::help::render(Some("parameter"), &[]);
            sh.print(text.as_bytes());
        }
    }
    Ok(true)
}
