//! Connection hooks, the authorizer and dot commands through the generated
//! exports, called as a host calls them.

#[sqlink_sdk::extension(name = "watchers")]
mod watchers {
    use sqlink_sdk::prelude::*;
    use std::cell::RefCell;

    thread_local! {
        /// Row changes heard, as "INSERT main.t 7".
        pub static HEARD: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    }

    /// Keeps the row changes of the connection.
    #[on_update]
    fn changed(change: Change, database: &str, table: &str, rowid: i64) {
        HEARD.with(|h| h.borrow_mut().push(format!("{} {database}.{table} {rowid}", change.as_str())));
    }

    /// Vetoes the commit when a change touched table `frozen`.
    #[on_commit]
    fn committing() -> bool {
        HEARD.with(|h| h.borrow().iter().any(|c| c.contains(".frozen ")))
    }

    /// Forgets what was heard.
    #[on_rollback]
    fn rolled_back() {
        HEARD.with(|h| h.borrow_mut().clear());
    }

    /// Hides column `secret`, refuses DROP TABLE.
    #[authorizer]
    fn guard(action: &Action) -> Decision {
        match (action.code, action.arg2.as_deref()) {
            (Action::READ, Some("secret")) => Decision::Ignore,
            (Action::DROP_TABLE, _) => Decision::Deny,
            _ => Decision::Allow,
        }
    }

    /// Prints the changes heard so far, one per line.
    #[dot_command(name = "heard", usage = "[--count]")]
    fn heard(args: &[String]) -> Result<String> {
        let heard = HEARD.with(|h| h.borrow().clone());
        match args {
            [] => Ok(heard.join("\n")),
            [flag] if flag == "--count" => Ok(heard.len().to_string()),
            _ => Err(Error::new("usage: .heard [--count]")),
        }
    }
}

use sqlink_sdk::authorizer::{Action, Decision};
use sqlink_sdk::hooks::Change;
use watchers::sqlink_test as t;

#[test]
fn the_manifest_lists_hooks_authorizer_and_dot_commands() {
    let m = t::manifest();
    assert_eq!(m.hooks.bits(), 0b111);
    assert!(m.authorizer);
    assert_eq!(m.dot_commands.len(), 1);
    assert_eq!((m.dot_commands[0].name.as_str(), m.dot_commands[0].usage.as_str()), ("heard", "[--count]"));
    assert_eq!(m.dot_commands[0].help, "Prints the changes heard so far, one per line.");
}

#[test]
fn hooks_hear_changes_veto_and_rollback() {
    t::on_update(Change::Insert, "main", "t", 7);
    t::on_update(Change::Delete, "temp", "u", 1);
    assert_eq!(t::dot("heard", &[]).unwrap(), "INSERT main.t 7\nDELETE temp.u 1");
    assert!(!t::on_commit());
    t::on_update(Change::Update, "main", "frozen", 3);
    assert!(t::on_commit());
    t::on_rollback();
    assert_eq!(t::dot("heard", &["--count"]).unwrap(), "0");
}

#[test]
fn the_authorizer_decides_per_action() {
    let action = |code, arg1: &str, arg2: Option<&str>| Action {
        code,
        arg1: Some(arg1.into()),
        arg2: arg2.map(Into::into),
        database: Some("main".into()),
        accessor: None,
    };
    assert_eq!(t::authorize(&action(Action::READ, "users", Some("secret"))), Decision::Ignore);
    assert_eq!(t::authorize(&action(Action::READ, "users", Some("name"))), Decision::Allow);
    assert_eq!(t::authorize(&action(Action::DROP_TABLE, "users", None)), Decision::Deny);
}

#[test]
fn a_dot_command_error_keeps_its_message() {
    let e = t::dot("heard", &["a", "b"]).unwrap_err();
    assert_eq!(e.message, "usage: .heard [--count]");
}
