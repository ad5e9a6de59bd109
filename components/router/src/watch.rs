//! Connection hooks and authorizers through the router: every hook goes to
//! each side whose manifest asked for it; the commit goes through unless a
//! side vetoes; the authorizer's answer is the strictest of both sides'
//! (any deny wins, then any ignore).

use crate::bindings::exports::sqlink::extension::authorizer::{self as out_authorizer, Action, Decision};
use crate::bindings::exports::sqlink::extension::hooks::{self as out_hooks, ChangeKind};
use crate::bindings::{left_authorizer, left_hooks, right_authorizer, right_hooks};
use crate::bindings::sqlink::extension::{authorizer as child_authorizer, hooks as child_hooks};
use crate::merge::{HOOK_COMMIT, HOOK_ROLLBACK, HOOK_UPDATE};
use crate::{Router, Side, merged};

// The exported interfaces' types and the imported ones the children speak
// are separate in the bindings, though the same in WIT.

fn child_kind(kind: ChangeKind) -> child_hooks::ChangeKind {
    match kind {
        ChangeKind::Insert => child_hooks::ChangeKind::Insert,
        ChangeKind::Update => child_hooks::ChangeKind::Update,
        ChangeKind::Delete => child_hooks::ChangeKind::Delete,
    }
}

fn child_action(a: &Action) -> child_authorizer::Action {
    child_authorizer::Action { code: a.code, arg1: a.arg1.clone(), arg2: a.arg2.clone(), database: a.database.clone(), accessor: a.accessor.clone() }
}

fn decision(d: child_authorizer::Decision) -> Decision {
    match d {
        child_authorizer::Decision::Allow => Decision::Allow,
        child_authorizer::Decision::Deny => Decision::Deny,
        child_authorizer::Decision::Ignore => Decision::Ignore,
    }
}

/// Whether `side` asked for the hooks in `bits`.
fn wants(side: Side, bits: u8) -> bool {
    side.counts().hooks & bits != 0
}

impl out_hooks::Guest for Router {
    fn on_update(kind: ChangeKind, database: String, table: String, rowid: i64) {
        if wants(Side::Left, HOOK_UPDATE) {
            left_hooks::on_update(child_kind(kind), &database, &table, rowid);
        }
        if wants(Side::Right, HOOK_UPDATE) {
            right_hooks::on_update(child_kind(kind), &database, &table, rowid);
        }
    }

    fn on_commit() -> bool {
        (wants(Side::Left, HOOK_COMMIT) && left_hooks::on_commit()) || (wants(Side::Right, HOOK_COMMIT) && right_hooks::on_commit())
    }

    fn on_rollback() {
        if wants(Side::Left, HOOK_ROLLBACK) {
            left_hooks::on_rollback();
        }
        if wants(Side::Right, HOOK_ROLLBACK) {
            right_hooks::on_rollback();
        }
    }
}

impl out_authorizer::Guest for Router {
    fn authorize(action: Action) -> Decision {
        let _ = merged();
        let asked = child_action(&action);
        let left = if Side::Left.counts().authorizer { decision(left_authorizer::authorize(&asked)) } else { Decision::Allow };
        if left == Decision::Deny {
            return Decision::Deny;
        }
        let right = if Side::Right.counts().authorizer { decision(right_authorizer::authorize(&asked)) } else { Decision::Allow };
        match (left, right) {
            (_, Decision::Deny) => Decision::Deny,
            (Decision::Ignore, _) | (_, Decision::Ignore) => Decision::Ignore,
            _ => Decision::Allow,
        }
    }
}
