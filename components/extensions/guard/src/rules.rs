//! The rules and the decision they give about one access.
//!
//! Plain Rust with no SDK types: `lib.rs` turns the authorizer's actions
//! into [`Access`]es and the scalars' arguments into names. Names compare
//! as SQLite compares identifiers: ASCII letters without regard to case,
//! every other character exactly (`USERS` is `users`, `Ä` is not `ä`).

/// What a rule does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// Fail the statement: the table, or the column, may not be used.
    Deny,
    /// Read the column as NULL.
    Hide,
}

impl Kind {
    /// The `kind` column of `guard_rules`: `deny` or `hide`.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Deny => "deny",
            Kind::Hide => "hide",
        }
    }
}

/// One rule: on a whole table (`column` None, only for [`Kind::Deny`]) or
/// on one column of it. Names are kept as first given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    /// What the rule does.
    pub kind: Kind,
    /// The table it guards, in every database (main, temp, attached).
    pub table: String,
    /// The column it guards; None for the whole table.
    pub column: Option<String>,
}

/// What a statement being compiled wants from a table, as far as the rules
/// care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access<'a> {
    /// Read a column's values; the column is empty when the statement uses
    /// the table but reads none of its columns (`SELECT count(*) FROM t`).
    Read {
        /// The table read.
        table: &'a str,
        /// The column read, or "".
        column: &'a str,
    },
    /// Set a column's values (`UPDATE t SET column = ...`).
    Update {
        /// The table updated.
        table: &'a str,
        /// The column set.
        column: &'a str,
    },
    /// Anything else done to the table as a whole: insert or delete rows,
    /// drop or alter it, index it, put a trigger on it, analyze it.
    Table {
        /// The table.
        table: &'a str,
    },
    /// VACUUM copying the table's rows into the rebuilt database. The copy
    /// is SQL the authorizer sees, so a hidden column would be copied as
    /// NULL and the values lost for good: the copy of a table that any
    /// rule names is denied (VACUUM then fails and changes nothing).
    VacuumCopy {
        /// The table copied.
        table: &'a str,
    },
}

/// The answer to an access, from the weakest to the strongest (the
/// strongest of the rules that apply wins).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// No rule applies.
    Allow,
    /// Read the column as NULL.
    Ignore,
    /// Fail the statement.
    Deny,
}

/// The rules of one connection.
#[derive(Debug, Default)]
pub struct Rules {
    /// In the order they were added; no two with the same kind and names.
    list: Vec<Rule>,
}

/// Whether two names are the same identifier to SQLite.
fn same(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
}

/// Whether two optional column names are the same.
fn same_column(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (None, None) => true,
        _ => false,
    }
}

impl Rules {
    /// No rules: everything is allowed.
    pub fn new() -> Rules {
        Rules::default()
    }

    /// Adds a rule; false when the same rule (same kind, same names up to
    /// case) is already there, which is then kept as it was.
    pub fn add(&mut self, kind: Kind, table: &str, column: Option<&str>) -> bool {
        let present = self.list.iter().any(|r| r.kind == kind && same(&r.table, table) && same_column(r.column.as_deref(), column));
        if !present {
            self.list.push(Rule { kind, table: table.to_string(), column: column.map(str::to_string) });
        }
        !present
    }

    /// Removes rules and returns how many: with a column, every rule on
    /// that column (deny and hide); without, every rule on the table, its
    /// columns' included.
    pub fn remove(&mut self, table: &str, column: Option<&str>) -> usize {
        let before = self.list.len();
        self.list.retain(|r| !(same(&r.table, table) && (column.is_none() || same_column(r.column.as_deref(), column))));
        before - self.list.len()
    }

    /// Removes every rule and returns how many there were.
    pub fn clear(&mut self) -> usize {
        std::mem::take(&mut self.list).len()
    }

    /// The rules in a stable order: by table (ignoring case), the table's
    /// own rule before its columns', columns by name (ignoring case), deny
    /// before hide.
    pub fn sorted(&self) -> Vec<Rule> {
        let mut list = self.list.clone();
        let key = |r: &Rule| (r.table.to_ascii_lowercase(), r.column.as_ref().map(|c| c.to_ascii_lowercase()), r.kind);
        list.sort_by_key(key);
        list
    }

    /// The strongest answer of the rules that apply to `access`: a table
    /// rule denies every access to its table; a column deny rule denies
    /// reading and setting the column; a hide rule makes reading it NULL.
    /// VACUUM may not copy a table that any rule names.
    pub fn decide(&self, access: Access<'_>) -> Verdict {
        let (table, column, read) = match access {
            Access::Read { table, column } => (table, Some(column), true),
            Access::Update { table, column } => (table, Some(column), false),
            Access::Table { table } => (table, None, false),
            Access::VacuumCopy { table } => {
                return if self.list.iter().any(|r| same(&r.table, table)) { Verdict::Deny } else { Verdict::Allow };
            }
        };
        let verdict = |rule: &Rule| match (rule.kind, rule.column.as_deref()) {
            (Kind::Deny, None) => Verdict::Deny,
            (kind, Some(c)) if column.is_some_and(|column| same(c, column)) => match kind {
                Kind::Deny => Verdict::Deny,
                Kind::Hide if read => Verdict::Ignore,
                Kind::Hide => Verdict::Allow,
            },
            _ => Verdict::Allow,
        };
        self.list.iter().filter(|r| same(&r.table, table)).map(verdict).max().unwrap_or(Verdict::Allow)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read<'a>(table: &'a str, column: &'a str) -> Access<'a> {
        Access::Read { table, column }
    }

    fn update<'a>(table: &'a str, column: &'a str) -> Access<'a> {
        Access::Update { table, column }
    }

    #[test]
    fn a_table_rule_denies_every_access_to_the_table_only() {
        let mut rules = Rules::new();
        assert!(rules.add(Kind::Deny, "users", None));
        assert_eq!(rules.decide(read("users", "name")), Verdict::Deny);
        assert_eq!(rules.decide(read("users", "")), Verdict::Deny);
        assert_eq!(rules.decide(update("users", "name")), Verdict::Deny);
        assert_eq!(rules.decide(Access::Table { table: "users" }), Verdict::Deny);
        assert_eq!(rules.decide(read("users2", "name")), Verdict::Allow);
        assert_eq!(rules.decide(Access::Table { table: "orders" }), Verdict::Allow);
    }

    #[test]
    fn a_column_deny_rule_covers_reading_and_setting_that_column() {
        let mut rules = Rules::new();
        rules.add(Kind::Deny, "users", Some("password"));
        assert_eq!(rules.decide(read("users", "password")), Verdict::Deny);
        assert_eq!(rules.decide(update("users", "password")), Verdict::Deny);
        assert_eq!(rules.decide(read("users", "name")), Verdict::Allow);
        assert_eq!(rules.decide(read("users", "")), Verdict::Allow, "count(*) reads no column");
        // INSERT and DELETE are table-wide actions: a column rule cannot see them.
        assert_eq!(rules.decide(Access::Table { table: "users" }), Verdict::Allow);
    }

    #[test]
    fn a_hide_rule_reads_null_and_lets_writes_through() {
        let mut rules = Rules::new();
        rules.add(Kind::Hide, "users", Some("email"));
        assert_eq!(rules.decide(read("users", "email")), Verdict::Ignore);
        assert_eq!(rules.decide(update("users", "email")), Verdict::Allow);
        assert_eq!(rules.decide(read("users", "name")), Verdict::Allow);
    }

    #[test]
    fn vacuum_may_not_copy_a_table_any_rule_names() {
        let mut rules = Rules::new();
        rules.add(Kind::Hide, "users", Some("email"));
        assert_eq!(rules.decide(Access::VacuumCopy { table: "USERS" }), Verdict::Deny);
        assert_eq!(rules.decide(Access::VacuumCopy { table: "orders" }), Verdict::Allow);
        rules.clear();
        assert_eq!(rules.decide(Access::VacuumCopy { table: "users" }), Verdict::Allow);
    }

    #[test]
    fn the_strongest_rule_wins() {
        let mut rules = Rules::new();
        rules.add(Kind::Hide, "users", Some("email"));
        rules.add(Kind::Deny, "users", Some("email"));
        assert_eq!(rules.decide(read("users", "email")), Verdict::Deny);
        rules.remove("users", Some("email"));
        rules.add(Kind::Hide, "users", Some("email"));
        rules.add(Kind::Deny, "users", None);
        assert_eq!(rules.decide(read("users", "email")), Verdict::Deny);
    }

    #[test]
    fn names_compare_as_sqlite_identifiers() {
        let mut rules = Rules::new();
        rules.add(Kind::Deny, "Users", Some("PassWord"));
        assert!(!rules.add(Kind::Deny, "USERS", Some("password")), "the same rule");
        assert_eq!(rules.sorted().len(), 1);
        assert_eq!(rules.sorted()[0].table, "Users", "kept as first given");
        assert_eq!(rules.decide(read("users", "PASSWORD")), Verdict::Deny);
        // SQLite folds ASCII letters only.
        rules.add(Kind::Deny, "Ärger", None);
        assert_eq!(rules.decide(read("ärger", "x")), Verdict::Allow);
        assert_eq!(rules.decide(read("Ärger", "x")), Verdict::Deny);
        assert_eq!(rules.decide(read("äRGER", "x")), Verdict::Allow);
    }

    #[test]
    fn removing_by_table_takes_its_column_rules_too() {
        let mut rules = Rules::new();
        rules.add(Kind::Deny, "t", None);
        rules.add(Kind::Deny, "t", Some("a"));
        rules.add(Kind::Hide, "t", Some("a"));
        rules.add(Kind::Hide, "t", Some("b"));
        rules.add(Kind::Deny, "u", None);
        assert_eq!(rules.remove("T", Some("A")), 2);
        assert_eq!(rules.remove("t", Some("a")), 0);
        assert_eq!(rules.remove("t", None), 2);
        assert_eq!(rules.sorted(), [Rule { kind: Kind::Deny, table: "u".into(), column: None }]);
        assert_eq!(rules.clear(), 1);
        assert!(rules.sorted().is_empty());
        assert_eq!(rules.decide(Access::Table { table: "u" }), Verdict::Allow);
    }

    #[test]
    fn rules_list_by_table_then_column_then_kind() {
        let mut rules = Rules::new();
        rules.add(Kind::Hide, "b", Some("y"));
        rules.add(Kind::Deny, "b", Some("Y"));
        rules.add(Kind::Deny, "a", Some("z"));
        rules.add(Kind::Deny, "B", None);
        rules.add(Kind::Hide, "a", Some("c"));
        let listed: Vec<(&str, String, Option<String>)> =
            rules.sorted().into_iter().map(|r| (r.kind.as_str(), r.table, r.column)).collect();
        let want =
            [("hide", "a", Some("c")), ("deny", "a", Some("z")), ("deny", "B", None), ("deny", "b", Some("Y")), ("hide", "b", Some("y"))];
        assert_eq!(listed, want.map(|(k, t, c)| (k, t.to_string(), c.map(str::to_string))));
    }
}
