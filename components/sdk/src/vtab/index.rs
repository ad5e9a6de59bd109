//! Query planning: the question SQLite asks a virtual table (`xBestIndex`'s
//! `sqlite3_index_info`), the answer the table gives, and the column mask
//! both the planner and scans use.

use crate::value::Value;

/// The comparison of a WHERE-clause constraint: SQLite's
/// `SQLITE_INDEX_CONSTRAINT_*` code. The constants carry SQLite's values
/// and names, so `match op { ConstraintOp::EQ => .. }` reads like the C API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ConstraintOp(pub u8);

impl ConstraintOp {
    /// `column = value`
    pub const EQ: ConstraintOp = ConstraintOp(2);
    /// `column > value`
    pub const GT: ConstraintOp = ConstraintOp(4);
    /// `column <= value`
    pub const LE: ConstraintOp = ConstraintOp(8);
    /// `column < value`
    pub const LT: ConstraintOp = ConstraintOp(16);
    /// `column >= value`
    pub const GE: ConstraintOp = ConstraintOp(32);
    /// `column MATCH value`
    pub const MATCH: ConstraintOp = ConstraintOp(64);
    /// `column LIKE value`
    pub const LIKE: ConstraintOp = ConstraintOp(65);
    /// `column GLOB value`
    pub const GLOB: ConstraintOp = ConstraintOp(66);
    /// `column REGEXP value`
    pub const REGEXP: ConstraintOp = ConstraintOp(67);
    /// `column != value`
    pub const NE: ConstraintOp = ConstraintOp(68);
    /// `column IS NOT value`
    pub const ISNOT: ConstraintOp = ConstraintOp(69);
    /// `column IS NOT NULL`
    pub const ISNOTNULL: ConstraintOp = ConstraintOp(70);
    /// `column IS NULL`
    pub const ISNULL: ConstraintOp = ConstraintOp(71);
    /// `column IS value`
    pub const IS: ConstraintOp = ConstraintOp(72);
    /// The query's `LIMIT` (column is meaningless).
    pub const LIMIT: ConstraintOp = ConstraintOp(73);
    /// The query's `OFFSET` (column is meaningless).
    pub const OFFSET: ConstraintOp = ConstraintOp(74);
    /// The first code of functions overloaded with `xFindFunction`.
    pub const FUNCTION: ConstraintOp = ConstraintOp(150);
}

/// One WHERE-clause constraint SQLite offers to [`Table::best_index`](super::Table::best_index).
#[derive(Debug, Clone, PartialEq)]
pub struct Constraint {
    /// The constrained column (its index in the schema), or -1 for the rowid.
    pub column: i32,
    /// The comparison (`=`, `>`, `IS NULL`, ...).
    pub op: ConstraintOp,
    /// Whether this plan may use the constraint. SQLite offers the same
    /// constraint as unusable when its value comes from a table the plan
    /// would scan later (a join's inner side), and as usable otherwise.
    pub usable: bool,
    /// The constraint's value, when SQLite knows it while planning
    /// (`sqlite3_vtab_rhs_value`): literals and bound parameters.
    pub rhs: Option<Value>,
    /// An `=` that stands for `col IN (...)` (`sqlite3_vtab_in`): a plan
    /// may take its values together in one scan ([`IndexPlan::pass_list`]),
    /// instead of SQLite running one scan per value.
    pub in_list: bool,
}

/// One ORDER BY term of the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderBy {
    /// The column (its index in the schema), or -1 for the rowid.
    pub column: i32,
    /// DESC rather than ASC.
    pub desc: bool,
}

/// The question SQLite asks when planning a query on the table.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexInfo {
    /// The WHERE-clause constraints on the table, usable or not.
    pub constraints: Vec<Constraint>,
    /// The ORDER BY terms, when they all concern this table.
    pub order_by: Vec<OrderBy>,
    /// The columns the query reads.
    pub columns_used: Columns,
    /// `sqlite3_vtab_distinct()`: 0 when the order matters, 1 for GROUP BY,
    /// 2 for DISTINCT, 3 for both.
    pub distinct: u8,
}

/// How a plan uses one of the offered constraints.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ConstraintUse {
    /// The constraint's value goes to [`Scan::args`](super::Scan::args) at
    /// position `argv_index - 1`; 0 when it is not passed.
    pub argv_index: u32,
    /// SQLite need not check the constraint itself (only meaningful when
    /// the value is passed).
    pub omit: bool,
    /// An [`in_list`](Constraint::in_list) constraint's values all in one
    /// scan ([`Scan::in_list`](super::Scan::in_list)), not one scan per
    /// value.
    pub all_at_once: bool,
}

/// A table's answer to [`IndexInfo`]: one plan, later passed to
/// [`Table::scan`](super::Table::scan) as its `idx_num` and `idx_str`.
///
/// `IndexPlan::default()` is what SQLite presets before asking a C virtual
/// table: no constraint used, a very high cost and 25 rows. A table sets
/// what it knows better.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexPlan {
    /// One entry per offered constraint, in order. Shorter is fine: the SDK
    /// fills the rest with unused entries.
    pub usage: Vec<ConstraintUse>,
    /// A number the table chooses to describe the plan (shown by EXPLAIN
    /// QUERY PLAN as `INDEX idx_num:idx_str`).
    pub idx_num: i32,
    /// Text the table chooses to describe the plan (None: shown empty).
    pub idx_str: Option<String>,
    /// The rows come in the ORDER BY order, so SQLite need not sort them.
    pub order_by_consumed: bool,
    /// What running the plan costs, in about the units of disk reads.
    pub estimated_cost: f64,
    /// How many rows the plan returns, about.
    pub estimated_rows: i64,
    /// At most one row comes back.
    pub unique: bool,
}

impl IndexPlan {
    /// SQLite's preset `estimatedCost` (`SQLITE_BIG_DBL / 2`).
    pub const DEFAULT_COST: f64 = 5e98;
    /// SQLite's preset `estimatedRows`.
    pub const DEFAULT_ROWS: i64 = 25;

    /// Passes constraint `constraint` (its index in
    /// [`IndexInfo::constraints`]) to the scan as the next argument, and
    /// returns its `argv_index`. `omit`: SQLite need not check it again.
    pub fn pass(&mut self, constraint: usize, omit: bool) -> u32 {
        if self.usage.len() <= constraint {
            self.usage.resize(constraint + 1, ConstraintUse::default());
        }
        let argv_index = self.usage.iter().filter(|u| u.argv_index > 0).count() as u32 + 1;
        self.usage[constraint] = ConstraintUse { argv_index, omit, all_at_once: false };
        argv_index
    }

    /// As [`IndexPlan::pass`], for an [`in_list`](Constraint::in_list)
    /// constraint whose values the scan takes all at once: its argument is
    /// NULL and [`Scan::in_list`](super::Scan::in_list) gives the values.
    pub fn pass_list(&mut self, constraint: usize, omit: bool) -> u32 {
        let argv_index = self.pass(constraint, omit);
        self.usage[constraint].all_at_once = true;
        argv_index
    }
}

impl Default for IndexPlan {
    fn default() -> IndexPlan {
        IndexPlan {
            usage: Vec::new(),
            idx_num: 0,
            idx_str: None,
            order_by_consumed: false,
            estimated_cost: Self::DEFAULT_COST,
            estimated_rows: Self::DEFAULT_ROWS,
            unique: false,
        }
    }
}

/// A set of columns, as SQLite's `colUsed` mask: bit N is column N for N
/// below 63, and bit 63 stands for every column from 63 on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Columns(pub u64);

impl Columns {
    /// Every column.
    pub const ALL: Columns = Columns(u64::MAX);

    /// Whether column `column` (its index in the schema) is in the set.
    pub fn contains(self, column: usize) -> bool {
        self.0 & (1 << column.min(63)) != 0
    }

    /// The columns of a table `width` columns wide that are in the set, in
    /// order.
    pub fn of(self, width: usize) -> impl Iterator<Item = usize> {
        (0..width).filter(move |&c| self.contains(c))
    }

    /// The set holding these columns.
    pub fn from_columns(columns: impl IntoIterator<Item = usize>) -> Columns {
        Columns(columns.into_iter().fold(0, |mask, c| mask | 1 << c.min(63)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_past_62_share_the_last_bit() {
        let mask = Columns::from_columns([0, 2, 70]);
        assert_eq!(mask.0, 0b101 | 1 << 63);
        assert!(mask.contains(2) && mask.contains(63) && mask.contains(99));
        assert!(!mask.contains(1));
        assert_eq!(mask.of(65).collect::<Vec<_>>(), [0, 2, 63, 64]);
        assert_eq!(Columns::ALL.of(3).count(), 3);
        assert_eq!(Columns::default().of(3).count(), 0);
    }

    #[test]
    fn passed_constraints_number_their_arguments_in_call_order() {
        let mut plan = IndexPlan::default();
        assert_eq!(plan.pass(3, true), 1);
        assert_eq!(plan.pass(1, false), 2);
        assert_eq!(plan.usage.len(), 4);
        assert_eq!(plan.usage[3], ConstraintUse { argv_index: 1, omit: true, all_at_once: false });
        assert_eq!(plan.usage[1], ConstraintUse { argv_index: 2, omit: false, all_at_once: false });
        assert_eq!(plan.usage[0], ConstraintUse::default());
        assert_eq!(plan.pass_list(0, true), 3);
        assert_eq!(plan.usage[0], ConstraintUse { argv_index: 3, omit: true, all_at_once: true });
    }

    #[test]
    fn the_default_plan_is_what_sqlite_presets() {
        let plan = IndexPlan::default();
        assert_eq!((plan.estimated_cost, plan.estimated_rows), (5e98, 25));
        assert_eq!((plan.idx_num, plan.idx_str, plan.order_by_consumed), (0, None, false));
    }
}
