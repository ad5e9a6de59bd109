//! The `hooks`, `authorizer` and `dot-commands` imports of `sqlite-core`,
//! served from the loaded extensions: hooks and the authorizer go to every
//! member that asked for them, chained as in the native host
//! (`instance::hooks`, `instance::authorizer`), and a dot command goes to
//! the member that has it.

use super::imports::CoreState;
use super::wit::ext::{authorizer as core_authorizer, dot_commands as core_dot, hooks as core_hooks};
use crate::instance::Live;
use crate::instance::authorizer::{self, ActionRef, Decision};
use crate::instance::hooks::{self, ChangeKind};
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
        hooks::tell_update(&watchers(self, |m| m.hooks.update), kind(k), &database, &table, rowid);
    }

    fn on_commit(&mut self) -> bool {
        hooks::ask_commit(&watchers(self, |m| m.hooks.commit))
    }

    fn on_rollback(&mut self) {
        hooks::tell_rollback(&watchers(self, |m| m.hooks.rollback));
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
        match authorizer::ask_all(&watchers(self, |m| m.authorizer), asked) {
            Decision::Allow => core_authorizer::Decision::Allow,
            Decision::Deny => core_authorizer::Decision::Deny,
            Decision::Ignore => core_authorizer::Decision::Ignore,
        }
    }
}

impl core_dot::Host for CoreState {
    fn run(&mut self, id: u32, args: Vec<String>) -> Result<String, SqlError> {
        let (live, own) = self.union().dot_route(id)?;
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        super::union::Union::call(&live, |inst| inst.run_dot_command(own, &args))
    }
}
