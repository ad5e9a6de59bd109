//! The change log: every row change the hooks heard, in order, numbered,
//! grouped by transaction and marked with what became of that transaction.
//!
//! Plain Rust with no SDK types: the hooks, the `history` table and the
//! scalars of `lib.rs` all go through one [`Log`]. The log only records:
//! SQLite forbids using the connection inside its hooks, and nothing here
//! needs to.

use std::collections::VecDeque;
use std::rc::Rc;

/// How many entries a log keeps unless `history_limit(n)` says otherwise.
pub const DEFAULT_LIMIT: u64 = 100_000;

/// What became of a change's transaction, as the `state` column reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// The transaction is still open (no commit or rollback heard yet).
    Pending,
    /// The commit hook ran for the transaction.
    Committed,
    /// The rollback hook ran for the transaction.
    RolledBack,
}

impl State {
    /// The text the `state` column shows: `pending`, `committed` or
    /// `rolled back`.
    pub fn as_str(self) -> &'static str {
        match self {
            State::Pending => "pending",
            State::Committed => "committed",
            State::RolledBack => "rolled back",
        }
    }
}

/// One row change, as a row of the `history` table.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The sequence number: 1 for the first change heard since the log was
    /// made, counting every change heard (kept or not), so a gap between
    /// two ids means entries were dropped.
    pub id: i64,
    /// The transaction number: 1 for the first transaction that changed a
    /// row, counting only such transactions.
    pub txn: i64,
    /// `INSERT`, `UPDATE` or `DELETE`.
    pub op: &'static str,
    /// The database: `main`, `temp` or an attached database's name.
    pub db: Rc<str>,
    /// The table's name.
    pub tbl: Rc<str>,
    /// The changed row's rowid (the new one, for an UPDATE that changes it).
    pub row: i64,
    /// What became of the transaction so far.
    pub state: State,
}

/// The changes heard, oldest first, at most [`Log::limit`] of them.
#[derive(Debug)]
pub struct Log {
    /// The kept entries, oldest first; those of the open transaction, if
    /// any, are the last ones.
    entries: VecDeque<Entry>,
    /// How many entries to keep; older ones are dropped first.
    limit: u64,
    /// The id of the last change heard (0 before any).
    last_id: i64,
    /// The number of the last transaction that changed a row (0 before any).
    last_txn: i64,
    /// The number of the transaction being heard, from its first change to
    /// its commit or rollback.
    open: Option<i64>,
}

impl Default for Log {
    fn default() -> Self {
        Log::new()
    }
}

impl Log {
    /// An empty log keeping at most [`DEFAULT_LIMIT`] entries.
    pub fn new() -> Log {
        Log { entries: VecDeque::new(), limit: DEFAULT_LIMIT, last_id: 0, last_txn: 0, open: None }
    }

    /// Records a row change (the update hook). The first change after a
    /// commit or rollback opens a new transaction; the entry is pending
    /// until that transaction ends. With a limit of 0 the change is counted
    /// (its id is used) but not kept.
    pub fn record(&mut self, op: &'static str, db: &str, tbl: &str, row: i64) {
        self.last_id += 1;
        let txn = *self.open.get_or_insert_with(|| {
            self.last_txn += 1;
            self.last_txn
        });
        // Changes come in runs on one table: share the previous entry's
        // names rather than keeping a copy per entry.
        let (db, tbl) = match self.entries.back() {
            Some(last) => (reuse(&last.db, db), reuse(&last.tbl, tbl)),
            None => (Rc::from(db), Rc::from(tbl)),
        };
        self.entries.push_back(Entry { id: self.last_id, txn, op, db, tbl, row, state: State::Pending });
        self.trim();
    }

    /// The commit hook: the open transaction's entries become committed.
    /// Nothing happens when no change was heard since the last commit or
    /// rollback.
    pub fn commit(&mut self) {
        self.settle(State::Committed);
    }

    /// The rollback hook: the open transaction's entries become rolled
    /// back. Nothing happens when no change was heard since the last commit
    /// or rollback (a rolled-back read, or a transaction that changed only
    /// tables the update hook does not report).
    pub fn rollback(&mut self) {
        self.settle(State::RolledBack);
    }

    /// Ends the open transaction, marking its entries (the last ones).
    fn settle(&mut self, state: State) {
        let Some(txn) = self.open.take() else { return };
        for entry in self.entries.iter_mut().rev().take_while(|e| e.txn == txn) {
            entry.state = state;
        }
    }

    /// Forgets every entry and returns how many there were. The counters go
    /// on (ids and transaction numbers are never reused), and an open
    /// transaction stays open: its later changes are still pending until
    /// it ends.
    pub fn clear(&mut self) -> usize {
        let dropped = self.entries.len();
        self.entries.clear();
        dropped
    }

    /// How many entries the log keeps at most.
    pub fn limit(&self) -> u64 {
        self.limit
    }

    /// Keeps at most `limit` entries from now on, dropping the oldest ones
    /// beyond it at once; returns the previous limit.
    pub fn set_limit(&mut self, limit: u64) -> u64 {
        let previous = std::mem::replace(&mut self.limit, limit);
        self.trim();
        previous
    }

    /// The kept entries, oldest first: a snapshot, so that a statement
    /// reading the log while it changes rows (`INSERT INTO t SELECT ...
    /// FROM history`) reads the log as it was when its scan started.
    pub fn snapshot(&self) -> Vec<Entry> {
        self.entries.iter().cloned().collect()
    }

    /// Drops the oldest entries beyond the limit.
    fn trim(&mut self) {
        let keep = usize::try_from(self.limit).unwrap_or(usize::MAX);
        let excess = self.entries.len().saturating_sub(keep);
        self.entries.drain(..excess);
    }
}

/// `shared` when it holds `name`, else a new string.
fn reuse(shared: &Rc<str>, name: &str) -> Rc<str> {
    if **shared == *name { shared.clone() } else { Rc::from(name) }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (id, txn, op, table, row, state) of every kept entry.
    fn rows(log: &Log) -> Vec<(i64, i64, &'static str, String, i64, &'static str)> {
        log.snapshot().into_iter().map(|e| (e.id, e.txn, e.op, e.tbl.to_string(), e.row, e.state.as_str())).collect()
    }

    #[test]
    fn changes_are_pending_until_their_transaction_ends() {
        let mut log = Log::new();
        log.record("INSERT", "main", "t", 1);
        log.record("UPDATE", "main", "t", 1);
        assert_eq!(rows(&log), [(1, 1, "INSERT", "t".into(), 1, "pending"), (2, 1, "UPDATE", "t".into(), 1, "pending")]);
        log.commit();
        log.record("DELETE", "main", "t", 1);
        log.rollback();
        log.record("INSERT", "temp", "u", 9);
        assert_eq!(
            rows(&log),
            [
                (1, 1, "INSERT", "t".into(), 1, "committed"),
                (2, 1, "UPDATE", "t".into(), 1, "committed"),
                (3, 2, "DELETE", "t".into(), 1, "rolled back"),
                (4, 3, "INSERT", "u".into(), 9, "pending"),
            ]
        );
        assert_eq!(&*log.snapshot()[3].db, "temp");
    }

    #[test]
    fn transactions_without_changes_take_no_number_and_mark_nothing() {
        let mut log = Log::new();
        log.record("INSERT", "main", "t", 1);
        log.commit();
        // A read-only transaction rolled back, then a commit of nothing:
        // the committed entry stays committed.
        log.rollback();
        log.commit();
        log.record("INSERT", "main", "t", 2);
        log.commit();
        assert_eq!(rows(&log), [(1, 1, "INSERT", "t".into(), 1, "committed"), (2, 2, "INSERT", "t".into(), 2, "committed")]);
    }

    #[test]
    fn the_limit_keeps_the_newest_entries_and_ids_show_the_gap() {
        let mut log = Log::new();
        assert_eq!(log.limit(), DEFAULT_LIMIT);
        for row in 1..=5 {
            log.record("INSERT", "main", "t", row);
        }
        assert_eq!(log.set_limit(2), DEFAULT_LIMIT);
        assert_eq!(rows(&log).iter().map(|r| r.0).collect::<Vec<_>>(), [4, 5]);
        log.record("INSERT", "main", "t", 6);
        assert_eq!(rows(&log).iter().map(|r| r.0).collect::<Vec<_>>(), [5, 6]);
        // The commit still reaches the kept entries of the transaction.
        log.commit();
        assert!(log.snapshot().iter().all(|e| e.state == State::Committed));
        assert_eq!(log.set_limit(10), 2);
        assert_eq!(log.snapshot().len(), 2);
    }

    #[test]
    fn a_limit_of_zero_keeps_nothing_but_still_counts() {
        let mut log = Log::new();
        log.set_limit(0);
        log.record("INSERT", "main", "t", 1);
        log.commit();
        assert!(log.snapshot().is_empty());
        log.set_limit(5);
        log.record("INSERT", "main", "t", 2);
        assert_eq!(rows(&log), [(2, 2, "INSERT", "t".into(), 2, "pending")]);
    }

    #[test]
    fn clearing_forgets_entries_but_not_the_counters_or_the_open_transaction() {
        let mut log = Log::new();
        log.record("INSERT", "main", "t", 1);
        log.record("INSERT", "main", "t", 2);
        assert_eq!(log.clear(), 2);
        assert_eq!(log.clear(), 0);
        log.record("UPDATE", "main", "t", 2);
        assert_eq!(rows(&log), [(3, 1, "UPDATE", "t".into(), 2, "pending")]);
        log.rollback();
        assert_eq!(rows(&log), [(3, 1, "UPDATE", "t".into(), 2, "rolled back")]);
    }

    #[test]
    fn entries_in_a_run_share_their_names() {
        let mut log = Log::new();
        log.record("INSERT", "main", "t", 1);
        log.record("INSERT", "main", "t", 2);
        log.record("INSERT", "main", "u", 3);
        let entries = log.snapshot();
        assert!(Rc::ptr_eq(&entries[0].tbl, &entries[1].tbl));
        assert!(Rc::ptr_eq(&entries[1].db, &entries[2].db));
        assert_eq!((&*entries[2].tbl, &*entries[2].db), ("u", "main"));
    }
}
