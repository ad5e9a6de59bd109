//! Virtual tables whose extension lies: plans with too few or too many
//! constraint uses, argv indexes out of range or repeated, idxStr with NUL
//! bytes, costs that are NaN; batches with more rows than asked, rows of
//! the wrong width, broken bytes; an instance that restarts mid-scan. Real
//! SQLite runs queries over such a table through `sqlink_vtab` (the
//! callbacks both hosts share): every query ends in rows or an error,
//! never a panic or a crash.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use rusqlite::Connection;
use sqlink_abi::batch::{Batch, Cell};
use sqlink_sqlite::{Db, Error, ValueRef};
use sqlink_vtab::{Calls, Change, ConstraintUse, Declared, IndexInfo, IndexPlan, Shape, TableArgs, TxnStep, WriteContext};
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Debug, Arbitrary)]
struct Input {
    /// Visible columns (1..=70: past 63 the column mask's last bit stands
    /// for the rest) and hidden ones (table-valued function arguments).
    columns: u8,
    hidden: u8,
    plans: Vec<Plan>,
    batches: Vec<Rows>,
    /// The instance "restarts" every this many calls (0: never).
    restart_every: u8,
}

#[derive(Debug, Arbitrary)]
struct Plan {
    /// Refuse with this code (SQLITE_CONSTRAINT: unusable) instead.
    refuse: Option<i32>,
    /// Answer one use per constraint (else `usage` as given).
    fit: bool,
    /// (argv index, omit, all at once) per constraint.
    usage: Vec<(u32, bool, bool)>,
    idx_num: i32,
    idx_str: Option<String>,
    order_by_consumed: bool,
    estimated_cost: f64,
    estimated_rows: i64,
    unique: bool,
}

#[derive(Debug, Arbitrary)]
enum Rows {
    /// Lists as they come.
    Raw { rowids: Vec<i64>, kinds: Vec<u8>, values: Vec<i64>, bytes: Vec<u8>, done: bool },
    /// `count` rows (maybe more than asked), each `extra` cells wider or
    /// narrower than the scan asked for.
    Made { count: u16, extra: i8, text: bool, done: bool },
    Fail(i32),
}

struct State {
    input: Input,
    plan: usize,
    batch: usize,
    calls: u64,
    generation: u64,
    width: usize,
}

#[derive(Clone)]
struct Liar(Rc<RefCell<State>>);

impl Liar {
    fn tick(&self) {
        let mut s = self.0.borrow_mut();
        s.calls += 1;
        let every = u64::from(s.input.restart_every);
        if every != 0 && s.calls % every == 0 {
            s.generation += 1;
        }
    }

    fn rows(&self, columns: u64, max_rows: u32) -> Result<Batch, Error> {
        self.tick();
        let mut s = self.0.borrow_mut();
        let Some(rows) = s.input.batches.get(s.batch) else {
            return Batch::new(vec![], vec![], vec![], vec![], vec![], true, columns).map_err(|e| Error::new(1, e));
        };
        let made = match rows {
            Rows::Raw { rowids, kinds, values, bytes, done } => Batch::new(rowids.clone(), kinds.clone(), values.clone(), bytes.clone(), Vec::new(), *done, columns),
            Rows::Made { count, extra, text, done } => {
                let wanted = (0..s.width as u32).filter(|&c| sqlink_abi::batch::requested(columns, c)).count();
                let width = (wanted as i64 + i64::from(*extra)).clamp(0, 200) as usize;
                let count = (*count as usize % 600).min(max_rows as usize * 2 + 3);
                let (mut cells, mut bytes) = (Vec::new(), Vec::new());
                for r in 0..count {
                    for c in 0..width {
                        if *text && c % 2 == 1 {
                            let t = format!("r{r}c{c}");
                            bytes.extend_from_slice(t.as_bytes());
                            bytes.push(0);
                            cells.push(Cell::Text(t.len() as u32));
                        } else {
                            cells.push(Cell::Integer((r * 1000 + c) as i64));
                        }
                    }
                }
                Batch::from_cells((1..=count as i64).collect(), cells, bytes, *done, columns)
            }
            Rows::Fail(code) => Err(format!("liar: failing with {code}")),
        };
        s.batch += 1;
        made.map_err(|e| Error::new(1, e))
    }
}

impl Calls for Liar {
    fn name(&self) -> &str {
        "liar"
    }

    fn generation(&self) -> u64 {
        self.0.borrow().generation
    }

    fn connect(&self, _module: u32, _args: &TableArgs, _create: bool) -> Result<Declared, Error> {
        let s = self.0.borrow();
        let columns = (0..s.input.columns as usize % 70 + 1).map(|c| format!("c{c}"));
        let hidden = (0..s.input.hidden as usize % 4).map(|h| format!("h{h} HIDDEN"));
        let schema = format!("CREATE TABLE x({})", columns.chain(hidden).collect::<Vec<_>>().join(", "));
        Ok(Declared { table: 7, schema })
    }

    fn best_index(&self, _table: u64, info: IndexInfo) -> Result<IndexPlan, Error> {
        self.tick();
        let mut s = self.0.borrow_mut();
        if s.input.plans.is_empty() {
            return Ok(IndexPlan {
                usage: vec![ConstraintUse { argv_index: 0, omit: false, all_at_once: false }; info.constraints.len()],
                idx_num: 0,
                idx_str: None,
                order_by_consumed: false,
                estimated_cost: 1e6,
                estimated_rows: 1000,
                unique: false,
            });
        }
        let at = s.plan % s.input.plans.len();
        s.plan += 1;
        let p = &s.input.plans[at];
        if let Some(code) = p.refuse {
            return Err(Error::new(code, "liar: no plan"));
        }
        let mut usage: Vec<ConstraintUse> =
            p.usage.iter().map(|&(argv_index, omit, all_at_once)| ConstraintUse { argv_index, omit, all_at_once }).collect();
        if p.fit {
            usage.resize(info.constraints.len(), ConstraintUse { argv_index: 0, omit: false, all_at_once: false });
        }
        Ok(IndexPlan {
            usage,
            idx_num: p.idx_num,
            idx_str: p.idx_str.clone(),
            order_by_consumed: p.order_by_consumed,
            estimated_cost: p.estimated_cost,
            estimated_rows: p.estimated_rows,
            unique: p.unique,
        })
    }

    fn disconnect(&self, _table: u64) {}

    fn destroy(&self, _table: u64) -> Result<(), Error> {
        Ok(())
    }

    fn open(&self, _table: u64) -> Result<u64, Error> {
        self.tick();
        Ok(1)
    }

    fn close(&self, _cursor: u64) {}

    fn filter(
        &self,
        _cursor: u64,
        _idx_num: i32,
        _idx_str: Option<&str>,
        _args: &[ValueRef<'_>],
        _arg_subtypes: &[(u32, u8)],
        _in_lists: &[(u32, Vec<sqlink_sqlite::Value>)],
        columns: u64,
        max_rows: u32,
    ) -> Result<Batch, Error> {
        self.rows(columns, max_rows)
    }

    fn fetch(&self, _cursor: u64, max_rows: u32, columns: u64) -> Result<Batch, Error> {
        self.rows(columns, max_rows)
    }

    fn update(&self, _table: u64, _change: Change, _context: WriteContext) -> Result<Option<i64>, Error> {
        Ok(None)
    }

    fn transaction(&self, _table: u64, _step: TxnStep) -> Result<(), Error> {
        Ok(())
    }

    fn rename(&self, _table: u64, _new_name: &str) -> Result<(), Error> {
        Ok(())
    }
}

/// Queries reaching every callback: plain scans, constraints (usable and
/// not), ORDER BY, LIMIT, joins (nested scans), table-valued arguments.
const QUERIES: &[&str] = &[
    "select * from t",
    "select rowid, c0 from t where c0 = 1",
    "select c0 from t where c0 > 2 and c0 < 10 order by c0 desc limit 5",
    "select count(*), sum(c0) from t where c0 in (1, 2, 3) or c0 is null",
    "select c0 from t where c0 in (3, 1, 2) and rowid in (select 1 union select 2)",
    "select a.c0, b.c0 from t a join t b on a.c0 = b.c0",
    "select * from t where rowid = 3",
    "select * from t order by 1 limit 2 offset 1",
    "select * from t(1, 2) where c0 like 'r%'",
    "select distinct c0 from t where c0 = (select max(c0) from t)",
];

fuzz_target!(|input: Input| {
    let conn = Connection::open_in_memory().unwrap();
    let width = input.columns as usize % 70 + 1 + input.hidden as usize % 4;
    let liar = Liar(Rc::new(RefCell::new(State { input, plan: 0, batch: 0, calls: 0, generation: 0, width })));
    // SAFETY: the connection outlives every use of the handle.
    let db = unsafe { Db::from_raw(conn.handle()) };
    let shape = Shape { eponymous: true, eponymous_only: true, writable: false, direct_only: false };
    sqlink_vtab::register(db, "t", liar.clone(), 0, shape, &[]).unwrap();
    for sql in QUERIES {
        let Ok(mut stmt) = conn.prepare(sql) else { continue };
        let n = stmt.column_count();
        let Ok(mut rows) = stmt.query([]) else { continue };
        let mut seen = 0;
        while let Ok(Some(row)) = rows.next() {
            for i in 0..n {
                let _ = row.get_ref(i);
            }
            seen += 1;
            if seen > 100_000 {
                break;
            }
        }
    }
});
