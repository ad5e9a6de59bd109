//! The authorizer: what an extension's `#[authorizer]` function is asked
//! while SQLite compiles a statement, and what it may answer.
//!
//! ```ignore
//! /// Hides the `secret` column of table `users`.
//! #[authorizer]
//! fn guard(action: &Action) -> Decision {
//!     match (action.code, action.arg1.as_deref(), action.arg2.as_deref()) {
//!         (Action::READ, Some("users"), Some("secret")) => Decision::Ignore,
//!         _ => Decision::Allow,
//!     }
//! }
//! ```
//!
//! Several extensions' authorizers chain: any deny wins, then any ignore.

/// One action a statement being compiled wants to take (the arguments of
/// SQLite's authorizer callback; see `sqlite3_set_authorizer`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// SQLite's action code, one of the constants below.
    pub code: i32,
    /// The first detail (a table or index name for most codes).
    pub arg1: Option<String>,
    /// The second detail (a column name for READ and UPDATE).
    pub arg2: Option<String>,
    /// The database: "main", "temp" or an attached name.
    pub database: Option<String>,
    /// The innermost trigger or view responsible, if any.
    pub accessor: Option<String>,
}

/// What an authorizer answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Allow,
    /// Fail the statement with "not authorized".
    Deny,
    /// Read the column as NULL, or skip the action (see SQLite's docs).
    Ignore,
}

impl Action {
    pub const CREATE_INDEX: i32 = 1;
    pub const CREATE_TABLE: i32 = 2;
    pub const CREATE_TEMP_INDEX: i32 = 3;
    pub const CREATE_TEMP_TABLE: i32 = 4;
    pub const CREATE_TEMP_TRIGGER: i32 = 5;
    pub const CREATE_TEMP_VIEW: i32 = 6;
    pub const CREATE_TRIGGER: i32 = 7;
    pub const CREATE_VIEW: i32 = 8;
    pub const DELETE: i32 = 9;
    pub const DROP_INDEX: i32 = 10;
    pub const DROP_TABLE: i32 = 11;
    pub const DROP_TEMP_INDEX: i32 = 12;
    pub const DROP_TEMP_TABLE: i32 = 13;
    pub const DROP_TEMP_TRIGGER: i32 = 14;
    pub const DROP_TEMP_VIEW: i32 = 15;
    pub const DROP_TRIGGER: i32 = 16;
    pub const DROP_VIEW: i32 = 17;
    pub const INSERT: i32 = 18;
    pub const PRAGMA: i32 = 19;
    pub const READ: i32 = 20;
    pub const SELECT: i32 = 21;
    pub const TRANSACTION: i32 = 22;
    pub const UPDATE: i32 = 23;
    pub const ATTACH: i32 = 24;
    pub const DETACH: i32 = 25;
    pub const ALTER_TABLE: i32 = 26;
    pub const REINDEX: i32 = 27;
    pub const ANALYZE: i32 = 28;
    pub const CREATE_VTABLE: i32 = 29;
    pub const DROP_VTABLE: i32 = 30;
    pub const FUNCTION: i32 = 31;
    pub const SAVEPOINT: i32 = 32;
    pub const RECURSIVE: i32 = 33;

    /// The name SQLite's documentation gives `code` (`SQLITE_READ` is
    /// "READ"), or None for a code it does not define.
    pub fn code_name(code: i32) -> Option<&'static str> {
        const NAMES: [&str; 33] = [
            "CREATE_INDEX",
            "CREATE_TABLE",
            "CREATE_TEMP_INDEX",
            "CREATE_TEMP_TABLE",
            "CREATE_TEMP_TRIGGER",
            "CREATE_TEMP_VIEW",
            "CREATE_TRIGGER",
            "CREATE_VIEW",
            "DELETE",
            "DROP_INDEX",
            "DROP_TABLE",
            "DROP_TEMP_INDEX",
            "DROP_TEMP_TABLE",
            "DROP_TEMP_TRIGGER",
            "DROP_TEMP_VIEW",
            "DROP_TRIGGER",
            "DROP_VIEW",
            "INSERT",
            "PRAGMA",
            "READ",
            "SELECT",
            "TRANSACTION",
            "UPDATE",
            "ATTACH",
            "DETACH",
            "ALTER_TABLE",
            "REINDEX",
            "ANALYZE",
            "CREATE_VTABLE",
            "DROP_VTABLE",
            "FUNCTION",
            "SAVEPOINT",
            "RECURSIVE",
        ];
        usize::try_from(code).ok().and_then(|c| c.checked_sub(1)).and_then(|i| NAMES.get(i).copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_named_as_sqlite_names_them() {
        assert_eq!(Action::code_name(Action::READ), Some("READ"));
        assert_eq!(Action::code_name(Action::CREATE_INDEX), Some("CREATE_INDEX"));
        assert_eq!(Action::code_name(Action::RECURSIVE), Some("RECURSIVE"));
        assert_eq!(Action::code_name(0), None);
        assert_eq!(Action::code_name(34), None);
    }
}
