//! The module callbacks against real SQLite, with an extension played by
//! Rust code ([`Fake`]): what SQLite asks, what crosses, what comes back.

use rusqlite::Connection;
use sqlink_abi::batch::{Batch, Cell};
use sqlink_sqlite::{Db, Error, Value, ValueRef, ffi};
use sqlink_vtab::{Calls, Change, ConstraintUse, Declared, IndexInfo, IndexPlan, Shape, TableArgs, TxnStep, WriteContext};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// What the fake extension was asked, for assertions.
#[derive(Default)]
struct State {
    /// `filter` and `fetch` calls: (columns, max rows).
    fetches: Vec<(u64, u32)>,
    /// Rows of the writable table `kv`: rowid -> (key, value).
    rows: BTreeMap<i64, (Value, Value)>,
    /// Transaction steps heard.
    steps: Vec<TxnStep>,
    /// Cursors: handle -> (start, stop, next, columns).
    cursors: BTreeMap<u64, (i64, i64, i64, u64)>,
    next: u64,
    generation: u64,
    /// Make `best_index` fail with this code.
    refuse_plans: Option<i32>,
    /// Return this many empty batches before the rows.
    empty_batches: u32,
    /// Return a batch breaking the contract.
    broken_batch: bool,
    /// Replace the argument positions of a plan's constraint uses.
    argv_indexes: Option<Vec<u32>>,
    /// What each write was told beyond its values.
    contexts: Vec<WriteContext>,
    /// The subtypes of each scan's arguments.
    arg_subtypes: Vec<Vec<(u32, u8)>>,
    /// Take `start IN (...)` all at once.
    take_in_lists: bool,
    /// Whether each offered constraint on start was an IN list.
    offered_in_lists: Vec<bool>,
    /// The IN lists of each scan.
    in_lists: Vec<Vec<(u32, Vec<Value>)>>,
}

/// Module 0, `nums(value, label, start HIDDEN, stop HIDDEN)`: integers from
/// start to stop; module 1, `kv(key, value)`: a writable table in `rows`.
#[derive(Clone, Default)]
struct Fake(Rc<RefCell<State>>);

const NUMS: &str = "CREATE TABLE x(value INTEGER, label TEXT, start HIDDEN, stop HIDDEN)";
const KV: &str = "CREATE TABLE x(key TEXT, value)";

impl Fake {
    fn batch(&self, cursor: u64, max_rows: u32) -> Result<Batch, Error> {
        let mut s = self.0.borrow_mut();
        if s.broken_batch {
            return Batch::from_cells(vec![1], vec![Cell::Blob(5)], b"abc".to_vec(), true, 1).map_err(|e| Error::new(1, e));
        }
        if s.empty_batches > 0 {
            s.empty_batches -= 1;
            return Batch::from_cells(vec![], vec![], vec![], false, 0).map_err(|e| Error::new(1, e));
        }
        let (next, stop, columns) = {
            let c = s.cursors.get(&cursor).ok_or_else(|| Error::new(1, "no cursor"))?;
            (c.2, c.1, c.3)
        };
        s.fetches.push((columns, max_rows));
        let (mut rowids, mut cells, mut bytes) = (Vec::new(), Vec::new(), Vec::new());
        let mut n = next;
        while n <= stop && rowids.len() < max_rows as usize {
            rowids.push(n);
            for column in 0..4u32 {
                if !sqlink_abi::batch::requested(columns, column) {
                    continue;
                }
                match column {
                    0 => cells.push(Cell::Integer(n)),
                    1 => {
                        let label = format!("n{n}");
                        cells.push(Cell::Text(label.len() as u32));
                        bytes.extend_from_slice(label.as_bytes());
                        bytes.push(0);
                    }
                    _ => cells.push(Cell::Null),
                }
            }
            n += 1;
        }
        s.cursors.get_mut(&cursor).unwrap().2 = n;
        Batch::from_cells(rowids, cells, bytes, n > stop, columns).map_err(|e| Error::new(1, e))
    }
}

impl Calls for Fake {
    fn name(&self) -> &str {
        "fake"
    }

    fn generation(&self) -> u64 {
        self.0.borrow().generation
    }

    fn connect(&self, module: u32, _args: &TableArgs, _create: bool) -> Result<Declared, Error> {
        Ok(Declared { table: module as u64, schema: if module == 0 { NUMS } else { KV }.into() })
    }

    fn best_index(&self, table: u64, info: IndexInfo) -> Result<IndexPlan, Error> {
        if let Some(code) = self.0.borrow().refuse_plans {
            return Err(Error::new(code, "fake: no plan today"));
        }
        let mut usage = vec![ConstraintUse { argv_index: 0, omit: false, all_at_once: false }; info.constraints.len()];
        let mut idx_num = 0;
        if table == 0 {
            // EQ on start (2) and stop (3), usable: passed as arguments.
            for (want, bit) in [(2, 1), (3, 2)] {
                if let Some(i) = info.constraints.iter().position(|c| c.usable && c.op == 2 && c.column == want) {
                    idx_num |= bit;
                    let all_at_once = bit == 1 && info.constraints[i].in_list && self.0.borrow().take_in_lists;
                    if bit == 1 {
                        self.0.borrow_mut().offered_in_lists.push(info.constraints[i].in_list);
                    }
                    usage[i] = ConstraintUse { argv_index: if bit == 1 { 1 } else { 2 }, omit: true, all_at_once };
                }
            }
            if idx_num != 3 {
                return Err(Error::new(ffi::SQLITE_CONSTRAINT, "fake: start and stop are required"));
            }
        }
        if let Some(positions) = &self.0.borrow().argv_indexes {
            for (u, &p) in usage.iter_mut().zip(positions) {
                u.argv_index = p;
            }
        }
        let consumed = info.order_by.len() == 1 && info.order_by[0].column == 0 && !info.order_by[0].desc;
        Ok(IndexPlan { usage, idx_num, idx_str: None, order_by_consumed: consumed, estimated_cost: 10.0, estimated_rows: 10, unique: false })
    }

    fn disconnect(&self, _table: u64) {}

    fn destroy(&self, _table: u64) -> Result<(), Error> {
        Ok(())
    }

    fn open(&self, _table: u64) -> Result<u64, Error> {
        let mut s = self.0.borrow_mut();
        s.next += 1;
        Ok(s.next)
    }

    fn close(&self, cursor: u64) {
        self.0.borrow_mut().cursors.remove(&cursor);
    }

    fn filter(
        &self,
        cursor: u64,
        idx_num: i32,
        _idx_str: Option<&str>,
        args: &[ValueRef<'_>],
        arg_subtypes: &[(u32, u8)],
        in_lists: &[(u32, Vec<Value>)],
        columns: u64,
        max_rows: u32,
    ) -> Result<Batch, Error> {
        self.0.borrow_mut().arg_subtypes.push(arg_subtypes.to_vec());
        self.0.borrow_mut().in_lists.push(in_lists.to_vec());
        if idx_num == 0 {
            // The kv table: every row at once.
            let s = self.0.borrow();
            let mut cells = Vec::new();
            let mut bytes = Vec::new();
            for (k, v) in s.rows.values() {
                for value in [k, v] {
                    cells.push(match value {
                        Value::Null => Cell::Null,
                        Value::Integer(i) => Cell::Integer(*i),
                        Value::Real(r) => Cell::Real(*r),
                        Value::Text(t) => {
                            bytes.extend_from_slice(t);
                            bytes.push(0);
                            Cell::Text(t.len() as u32)
                        }
                        Value::Blob(b) => {
                            bytes.extend_from_slice(b);
                            Cell::Blob(b.len() as u32)
                        }
                    });
                }
            }
            return Batch::from_cells(s.rows.keys().copied().collect(), cells, bytes, true, columns).map_err(|e| Error::new(1, e));
        }
        let int = |v: &ValueRef<'_>| if let ValueRef::Integer(i) = v { *i } else { 0 };
        let (mut start, stop) = (int(&args[0]), int(&args[1]));
        // An IN list on start: from its least value.
        if let Some((_, list)) = in_lists.iter().find(|(at, _)| *at == 0) {
            start = list.iter().filter_map(|v| if let Value::Integer(i) = v { Some(*i) } else { None }).min().unwrap_or(stop + 1);
        }
        self.0.borrow_mut().cursors.insert(cursor, (start, stop, start, columns));
        self.batch(cursor, max_rows)
    }

    fn fetch(&self, cursor: u64, max_rows: u32, _columns: u64) -> Result<Batch, Error> {
        self.batch(cursor, max_rows)
    }

    fn update(&self, _table: u64, change: Change, context: WriteContext) -> Result<Option<i64>, Error> {
        let mut s = self.0.borrow_mut();
        s.contexts.push(context);
        match change {
            Change::Delete(rowid) => {
                s.rows.remove(&rowid);
                Ok(None)
            }
            Change::Insert(rowid, values) => {
                if values[0] == Value::Text(b"bad".to_vec()) {
                    return Err(Error::new(ffi::SQLITE_CONSTRAINT, "fake: key 'bad' is refused"));
                }
                let rowid = rowid.unwrap_or_else(|| s.rows.keys().last().map_or(1, |r| r + 1));
                s.rows.insert(rowid, (values[0].clone(), values[1].clone()));
                Ok(Some(rowid))
            }
            Change::Update(old, new, values) => {
                s.rows.remove(&old);
                s.rows.insert(new, (values[0].clone(), values[1].clone()));
                Ok(None)
            }
        }
    }

    fn transaction(&self, _table: u64, step: TxnStep) -> Result<(), Error> {
        self.0.borrow_mut().steps.push(step);
        Ok(())
    }

    fn rename(&self, _table: u64, _new_name: &str) -> Result<(), Error> {
        Ok(())
    }
}

fn setup() -> (Connection, Fake) {
    let conn = Connection::open_in_memory().unwrap();
    let fake = Fake::default();
    // SAFETY: the connection outlives every use of the handle here.
    let db = unsafe { Db::from_raw(conn.handle()) };
    let pure = Shape { eponymous: true, eponymous_only: true, writable: false, direct_only: false };
    sqlink_vtab::register(db, "nums", fake.clone(), 0, pure, &[]).unwrap();
    let kv = Shape { eponymous: false, eponymous_only: false, writable: true, direct_only: false };
    sqlink_vtab::register(db, "kv", fake.clone(), 1, kv, &["data".to_string()]).unwrap();
    (conn, fake)
}

fn strings(conn: &Connection, sql: &str) -> Vec<String> {
    let mut stmt = conn.prepare(sql).unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |row| {
        Ok((0..n)
            .map(|i| match row.get_ref(i).unwrap() {
                rusqlite::types::ValueRef::Null => "NULL".to_string(),
                rusqlite::types::ValueRef::Integer(v) => v.to_string(),
                rusqlite::types::ValueRef::Real(v) => v.to_string(),
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                rusqlite::types::ValueRef::Blob(b) => format!("{b:?}"),
            })
            .collect::<Vec<_>>()
            .join("|"))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

#[test]
fn table_valued_calls_pass_hidden_arguments_and_read_rows_from_batches() {
    let (conn, fake) = setup();
    assert_eq!(strings(&conn, "select value, label, rowid from nums(3, 5)"), ["3|n3|3", "4|n4|4", "5|n5|5"]);
    // The first batch is small, later ones grow.
    let total: i64 = conn.query_row("select sum(value) from nums(1, 1000)", [], |r| r.get(0)).unwrap();
    assert_eq!(total, 500500);
    let sizes: Vec<u32> = fake.0.borrow().fetches.iter().skip(1).map(|f| f.1).collect();
    assert_eq!(sizes, [64, 256, 1024]);
}

#[test]
fn scans_fetch_the_columns_their_plan_was_made_for() {
    let (conn, fake) = setup();
    assert_eq!(strings(&conn, "select value from nums(1, 2)"), ["1", "2"]);
    assert_eq!(strings(&conn, "select label from nums(1, 2)"), ["n1", "n2"]);
    let columns: Vec<u64> = fake.0.borrow().fetches.iter().map(|f| f.0).collect();
    // First value (bit 0) and the hidden start and stop (bits 2, 3, used by
    // constraints); then label (bit 1) too: the two queries' plans have the
    // same idxNum and idxStr, so the second scan fetches what either used.
    assert_eq!(columns, [0b1101, 0b1111]);
}

#[test]
fn an_unusable_plan_and_a_failing_plan_are_told_apart() {
    let (conn, fake) = setup();
    let missing = conn.prepare("select * from nums").err().unwrap().to_string();
    assert!(missing.contains("no query solution"), "{missing}");
    fake.0.borrow_mut().refuse_plans = Some(1);
    let failed = conn.prepare("select * from nums(1, 2)").err().unwrap().to_string();
    assert!(failed.contains("fake: no plan today"), "{failed}");
}

#[test]
fn plans_with_wrong_argument_positions_are_refused_saying_why() {
    let (conn, fake) = setup();
    for (positions, why) in [
        (vec![3, 1], "fake: best-index gave constraint 0 argument position 3, but there are 2 constraints"),
        (vec![1, 1], "fake: best-index gave argument position 1 to two constraints"),
        (vec![2, 0], "fake: best-index left argument position 1 unused before a later one"),
    ] {
        fake.0.borrow_mut().argv_indexes = Some(positions);
        let failed = conn.prepare("select * from nums(1, 2)").err().unwrap().to_string();
        assert!(failed.contains(why), "{failed}");
    }
    // Any order is fine: here start and stop arrive swapped.
    fake.0.borrow_mut().argv_indexes = Some(vec![2, 1]);
    assert_eq!(strings(&conn, "select value from nums(3, 1)"), ["1", "2", "3"]);
}

#[test]
fn order_by_consumed_by_the_table_is_not_sorted_again() {
    let (conn, _fake) = setup();
    let plan: String = conn.query_row("explain query plan select value from nums(1, 3) order by value", [], |r| r.get(3)).unwrap();
    assert!(!plan.contains("TEMP B-TREE"), "{plan}");
    let mut eqp = conn.prepare("explain query plan select value from nums(1, 3) order by value desc").unwrap();
    let plan: Vec<String> = eqp.query_map([], |r| r.get(3)).unwrap().map(Result::unwrap).collect();
    assert!(plan.iter().any(|p| p.contains("USE TEMP B-TREE FOR ORDER BY")), "{plan:?}");
    assert_eq!(strings(&conn, "select value from nums(1, 3) order by value desc"), ["3", "2", "1"]);
}

#[test]
fn writes_reach_the_extension_and_a_failed_insert_keeps_the_others() {
    let (conn, fake) = setup();
    conn.execute_batch("create virtual table t using kv; insert into t values ('a', 1), ('b', 2.5)").unwrap();
    assert_eq!(strings(&conn, "select rowid, key, value from t"), ["1|a|1", "2|b|2.5"]);
    conn.execute_batch("update t set value = 'two' where key = 'b'; delete from t where key = 'a'").unwrap();
    assert_eq!(strings(&conn, "select rowid, key, value from t"), ["2|b|two"]);
    let err = conn.execute_batch("insert into t values ('bad', 0)").unwrap_err().to_string();
    assert!(err.contains("fake: key 'bad' is refused"), "{err}");
    assert_eq!(strings(&conn, "select key from t"), ["b"]);
    // Each write statement is a transaction of its own: begin, sync, commit;
    // the refused insert's ends in a rollback. (CREATE VIRTUAL TABLE joins
    // its transaction without a begin, as SQLite does.)
    let steps = fake.0.borrow().steps.clone();
    use TxnStep::*;
    assert_eq!(steps, [Sync, Commit, Begin, Sync, Commit, Begin, Sync, Commit, Begin, Sync, Commit, Begin, Rollback]);
}

#[test]
fn writes_carry_their_conflict_mode_subtypes_and_unchanged_columns() {
    let (conn, fake) = setup();
    conn.execute_batch("create virtual table t using kv; insert into t values ('a', 1)").unwrap();
    conn.execute_batch("insert or replace into t values ('b', json('[1]'))").unwrap();
    conn.execute_batch("update or ignore t set value = 5 where key = 'a'").unwrap();
    conn.execute_batch("delete from t where key = 'b'").unwrap();
    let contexts = fake.0.borrow().contexts.clone();
    let context = |on_conflict, subtypes: &[(u32, u8)], unchanged: &[u32]| WriteContext { on_conflict, subtypes: subtypes.to_vec(), unchanged: unchanged.to_vec() };
    // ABORT (4) by default; json()'s subtype is 'J' (74); the UPDATE leaves
    // the key (column 0) as it is; a DELETE has no values.
    assert_eq!(contexts, [context(4, &[], &[]), context(5, &[(1, 74)], &[]), context(2, &[], &[0]), context(0, &[], &[])]);
    assert_eq!(strings(&conn, "select key, value from t"), ["a|5"]);
}

#[test]
fn scan_arguments_keep_their_subtypes() {
    let (conn, fake) = setup();
    assert_eq!(strings(&conn, "select value from nums(1, 2)"), ["1", "2"]);
    assert_eq!(strings(&conn, "select count(*) from nums(json('1'), 2)"), ["3"]);
    assert_eq!(fake.0.borrow().arg_subtypes, [vec![], vec![(0, 74)]]);
}

#[test]
fn in_lists_come_whole_when_the_plan_takes_them_so() {
    let (conn, fake) = setup();
    // One value at a time: one scan per distinct value, each a plain `=`.
    assert_eq!(strings(&conn, "select value from nums where start in (5, 3, 3) and stop = 6 order by value"), ["3", "4", "5", "5", "6", "6"]);
    assert_eq!(fake.0.borrow().in_lists, [vec![], vec![]]);
    assert!(fake.0.borrow().offered_in_lists.contains(&true));
    // All at once: one scan, the list sorted and without duplicates, its
    // argument NULL and without the list's own subtype.
    fake.0.borrow_mut().take_in_lists = true;
    fake.0.borrow_mut().in_lists.clear();
    fake.0.borrow_mut().arg_subtypes.clear();
    assert_eq!(strings(&conn, "select value from nums where start in (5, 3, 3) and stop = 6 order by value"), ["3", "4", "5", "6"]);
    assert_eq!(fake.0.borrow().in_lists, [vec![(0, vec![Value::Integer(3), Value::Integer(5)])]]);
    assert_eq!(fake.0.borrow().arg_subtypes, [vec![]]);
    // A plain `=` is never an IN list.
    fake.0.borrow_mut().offered_in_lists.clear();
    assert_eq!(strings(&conn, "select count(*) from nums where start = 1 and stop = 2"), ["2"]);
    assert_eq!(fake.0.borrow().offered_in_lists, [false]);
}

#[test]
fn an_eponymous_only_module_refuses_create_virtual_table() {
    let (conn, _fake) = setup();
    let err = conn.execute_batch("create virtual table t using nums").unwrap_err().to_string();
    assert!(err.contains("no such module") || err.contains("eponymous"), "{err}");
}

#[test]
fn a_scan_that_never_finishes_nor_returns_rows_is_stopped() {
    let (conn, fake) = setup();
    fake.0.borrow_mut().empty_batches = 5000;
    let err = conn.query_row("select count(*) from nums(1, 3)", [], |r| r.get::<_, i64>(0)).unwrap_err().to_string();
    assert!(err.contains("fake: the scan returned 1000 empty batches in a row without finishing"), "{err}");
}

#[test]
fn a_batch_breaking_the_contract_is_an_error() {
    let (conn, fake) = setup();
    fake.0.borrow_mut().broken_batch = true;
    let err = conn.query_row("select count(*) from nums(1, 3)", [], |r| r.get::<_, i64>(0)).unwrap_err().to_string();
    assert!(err.contains("3 bytes for text and blob cells of 5 bytes"), "{err}");
}

#[test]
fn tables_reconnect_after_the_instance_is_replaced() {
    let (conn, fake) = setup();
    assert_eq!(strings(&conn, "select value from nums(1, 2)"), ["1", "2"]);
    fake.0.borrow_mut().generation += 1;
    assert_eq!(strings(&conn, "select value from nums(7, 8)"), ["7", "8"]);
}

#[test]
fn direct_only_tables_cannot_be_used_from_views_of_the_schema() {
    let conn = Connection::open_in_memory().unwrap();
    // SAFETY: the connection outlives the handle's use.
    let db = unsafe { Db::from_raw(conn.handle()) };
    let shape = Shape { eponymous: true, eponymous_only: true, writable: false, direct_only: true };
    sqlink_vtab::register(db, "nums", Fake::default(), 0, shape, &[]).unwrap();
    assert_eq!(strings(&conn, "select value from nums(1, 1)"), ["1"]);
    conn.execute_batch("create view v as select value from nums(1, 2)").unwrap();
    let err = conn.query_row("select count(*) from v", [], |r| r.get::<_, i64>(0)).unwrap_err().to_string();
    assert!(err.contains("unsafe use of virtual table"), "{err}");
}

#[test]
fn shadow_tables_are_read_only_to_sql_of_a_defensive_connection() {
    let (conn, _) = setup();
    conn.execute_batch("create virtual table t using kv; create table t_data(x); create table t_other(x); create table u_data(x)").unwrap();
    conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_DEFENSIVE, true).unwrap();
    // `data` is kv's suffix: t_data is t's shadow table, in any case.
    let e = conn.execute("insert into t_data values (1)", []).unwrap_err().to_string();
    assert!(e.contains("table t_data may not be modified"), "{e}");
    let e = conn.execute("delete from T_DATA", []).unwrap_err().to_string();
    assert!(e.contains("may not be modified"), "{e}");
    // Other suffixes, and tables named after no virtual table, stay writable.
    conn.execute("insert into t_other values (1)", []).unwrap();
    conn.execute("insert into u_data values (1)", []).unwrap();
    assert_eq!(strings(&conn, "select count(*) from t_data"), ["0"]);
}
