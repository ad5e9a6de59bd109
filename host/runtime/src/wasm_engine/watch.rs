//! The `hooks`, `authorizer` and `dot-commands` imports of `sqlite-core`,
//! served from the loaded extensions: each hook goes to every member that
//! asked for it, the commit goes through unless one vetoes, the strictest
//! authorizer answer wins (deny, then ignore), and a dot command goes to
//! the member that has it.
//!
//! As in the native host, a member that fails inside a hook (a trap, the
//! CPU limit) is reported on stderr; in the commit hook that is a veto, in
//! the authorizer a deny.

use super::imports::CoreState;
use super::wit::ext::{authorizer as core_authorizer, dot_commands as core_dot, hooks as core_hooks};
use crate::instance::Live;
use crate::instance::authorizer::{ActionRef, Decision};
use crate::instance::hooks::ChangeKind;
use crate::wit::SqlError;
use std::sync::Arc;

/// The members that asked for a hook (`which` picks it from the manifest).
fn watchers(state: &CoreState, which: fn(&crate::manifest::Manifest) -> bool) -> Vec<Arc<Live>> {
    state.union().members.iter().filter(|m| which(&m.live.ext.manifest)).map(|m| m.live.clone()).collect()
}

fn kind(k: core_hooks::ChangeKind) -> ChangeKind {
    match k {
        core_hooks::ChangeKind::Insert => ChangeKind::Insert,
        core_hooks::ChangeKind::Update => ChangeKind::Update,
        core_hooks::ChangeKind::Delete => ChangeKind::Delete,
    }
}

impl core_hooks::Host for CoreState {
    fn on_update(&mut self, k: core_hooks::ChangeKind, database: String, table: String, rowid: i64) {
        for live in watchers(self, |m| m.hooks.update) {
            if let Err(e) = live.call(|inst| inst.on_update(kind(k), &database, &table, rowid)) {
                eprintln!("sqlink: update hook failed: {e}");
            }
        }
    }

    fn on_commit(&mut self) -> bool {
        for live in watchers(self, |m| m.hooks.commit) {
            match live.call(|inst| inst.on_commit()) {
                Ok(false) => {}
                Ok(true) => {
                    eprintln!("sqlink: commit vetoed by {}; the transaction is rolled back", live.name());
                    return true;
                }
                Err(e) => {
                    eprintln!("sqlink: commit hook failed: {e}; the transaction is rolled back");
                    return true;
                }
            }
        }
        false
    }

    fn on_rollback(&mut self) {
        for live in watchers(self, |m| m.hooks.rollback) {
            if let Err(e) = live.call(|inst| inst.on_rollback()) {
                eprintln!("sqlink: rollback hook failed: {e}");
            }
        }
    }
}

impl core_authorizer::Host for CoreState {
    fn authorize(&mut self, action: core_authorizer::Action) -> core_authorizer::Decision {
        let asked = ActionRef {
            code: action.code,
            arg1: action.arg1.as_deref(),
            arg2: action.arg2.as_deref(),
            database: action.database.as_deref(),
            accessor: action.accessor.as_deref(),
        };
        let mut answer = core_authorizer::Decision::Allow;
        for live in watchers(self, |m| m.authorizer) {
            match live.call(|inst| inst.authorize(asked)) {
                Ok(Decision::Allow) => {}
                Ok(Decision::Ignore) => answer = core_authorizer::Decision::Ignore,
                Ok(Decision::Deny) => return core_authorizer::Decision::Deny,
                Err(e) => {
                    eprintln!("sqlink: authorizer failed, denying: {e}");
                    return core_authorizer::Decision::Deny;
                }
            }
        }
        answer
    }
}

impl core_dot::Host for CoreState {
    fn run(&mut self, id: u32, args: Vec<String>) -> Result<String, SqlError> {
        let (live, own) = self.union().dot_route(id)?;
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        match live.call(|inst| inst.run_dot_command(own, &args)) {
            Ok(Ok(text)) => Ok(text),
            Ok(Err(e)) => {
                let e = crate::error::extension_error(live.name(), e);
                Err(SqlError { code: e.code, message: e.message })
            }
            Err(e) => Err(SqlError { code: e.code, message: e.message }),
        }
    }
}
