//! What an extension's own SQL (its `spi` grant) may not do: reach beyond
//! the connection it was given. Every host checks the statements an
//! extension prepares with [`refusal`], from an authorizer installed for
//! that purpose, so the rule is the same whether SQLite runs natively or
//! in wasm.
//!
//! Refused: opening other files (`ATTACH`, and `VACUUM INTO`, which SQLite
//! authorizes as an attach of its target), detaching the operator's
//! databases, settings that weaken the schema's defences
//! (`writable_schema`, `trusted_schema`) or move SQLite's files
//! (`temp_store_directory`, `data_store_directory`), and functions that
//! load code or touch files on the host's behalf (`load_extension`,
//! sqlink's own `sqlink_load`/`sqlink_unload`, the sqlite3 shell's
//! `readfile`/`writefile`/`edit`, and `fts3_tokenizer`, whose two-argument
//! form takes a raw pointer).

use crate::ffi;

/// Pragmas an extension may read but not set.
const GUARDED_PRAGMAS: &[&str] = &["writable_schema", "trusted_schema", "temp_store_directory", "data_store_directory"];

/// Functions an extension's SQL may not call.
const GUARDED_FUNCTIONS: &[&str] = &["load_extension", "sqlink_load", "sqlink_unload", "readfile", "writefile", "edit", "fts3_tokenizer"];

/// Why an extension's statement may not do what SQLite asks the authorizer
/// about (`code` and its first two arguments, as `sqlite3_set_authorizer`
/// passes them), or `None` when it may.
pub fn refusal(code: i32, arg1: Option<&str>, arg2: Option<&str>) -> Option<String> {
    let is = |list: &[&str], name: Option<&str>| name.is_some_and(|n| list.iter().any(|g| g.eq_ignore_ascii_case(n)));
    match code {
        ffi::SQLITE_ATTACH => Some(format!(
            "an extension may not open another database file (ATTACH or VACUUM INTO '{}'): only the operator attaches files",
            arg1.unwrap_or_default()
        )),
        ffi::SQLITE_DETACH => Some(format!("an extension may not detach the database '{}'", arg1.unwrap_or_default())),
        ffi::SQLITE_PRAGMA if arg2.is_some() && is(GUARDED_PRAGMAS, arg1) => {
            Some(format!("an extension may not set PRAGMA {}: it weakens the connection's defences", arg1.unwrap_or_default()))
        }
        ffi::SQLITE_FUNCTION if is(GUARDED_FUNCTIONS, arg2) => {
            Some(format!("an extension may not call {}(): it loads code or reaches files outside its grants", arg2.unwrap_or_default()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reaching_beyond_the_connection_is_refused_and_the_rest_allowed() {
        assert!(refusal(ffi::SQLITE_ATTACH, Some("/etc/x.db"), None).unwrap().contains("'/etc/x.db'"));
        assert!(refusal(ffi::SQLITE_DETACH, Some("aux"), None).is_some());
        assert!(refusal(ffi::SQLITE_PRAGMA, Some("writable_schema"), Some("1")).is_some());
        assert!(refusal(ffi::SQLITE_PRAGMA, Some("Trusted_Schema"), Some("on")).is_some());
        // Reading them is fine, as is setting others.
        assert_eq!(refusal(ffi::SQLITE_PRAGMA, Some("trusted_schema"), None), None);
        assert_eq!(refusal(ffi::SQLITE_PRAGMA, Some("cache_size"), Some("100")), None);
        assert!(refusal(ffi::SQLITE_FUNCTION, None, Some("LOAD_EXTENSION")).unwrap().contains("LOAD_EXTENSION()"));
        assert!(refusal(ffi::SQLITE_FUNCTION, None, Some("sqlink_load")).is_some());
        assert_eq!(refusal(ffi::SQLITE_FUNCTION, None, Some("upper")), None);
        assert_eq!(refusal(ffi::SQLITE_READ, Some("t"), Some("x")), None);
        assert_eq!(refusal(ffi::SQLITE_INSERT, Some("t"), None), None);
    }
}
