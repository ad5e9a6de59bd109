//! Table-valued functions (`#[table]`): a plain function served as an
//! eponymous-only virtual table. Its parameters are HIDDEN columns after
//! the output columns, an equality constraint on one of them is its
//! argument, and each item it returns is a row.
//!
//! The generated code describes the function with [`TableFunction`]; the
//! table around it, [`FunctionTable`], is written once here.

use super::schema::{self, SchemaColumn};
use super::{ConstraintOp, IndexInfo, IndexPlan, RowSource, RowWriter, Scan, Table, TableArgs};
use crate::error::{Error, Result};
use crate::result::IntoValue;
use crate::value::Value;
use std::marker::PhantomData;

/// An item a table-valued function returns: the values of one row's output
/// columns. A single value is one column; a tuple of up to 8 values is as
/// many columns; a `Result` is its `Ok` row, or ends the scan with its
/// error. A struct becomes a row by implementing it (and the function names
/// its columns with `#[table(columns = "a, b")]`).
pub trait IntoRow {
    /// The number of output columns.
    const WIDTH: usize;
    /// Writes the row's values, in column order.
    fn write_row(self, row: &mut RowWriter<'_>) -> Result<()>;
}

impl<T: IntoValue> IntoRow for T {
    const WIDTH: usize = 1;
    fn write_row(self, row: &mut RowWriter<'_>) -> Result<()> {
        row.value(&self.into_value());
        Ok(())
    }
}

impl<T: IntoRow, E: Into<Error>> IntoRow for std::result::Result<T, E> {
    const WIDTH: usize = T::WIDTH;
    fn write_row(self, row: &mut RowWriter<'_>) -> Result<()> {
        self.map_err(Into::into)?.write_row(row)
    }
}

macro_rules! tuple_rows {
    ($($n:literal: $($t:ident $v:ident),+;)+) => {$(
        impl<$($t: IntoValue),+> IntoRow for ($($t,)+) {
            const WIDTH: usize = $n;
            fn write_row(self, row: &mut RowWriter<'_>) -> Result<()> {
                let ($($v,)+) = self;
                $(row.value(&$v.into_value());)+
                Ok(())
            }
        }
    )+};
}
tuple_rows! {
    2: A a, B b;
    3: A a, B b, C c;
    4: A a, B b, C c, D d;
    5: A a, B b, C c, D d, E e;
    6: A a, B b, C c, D d, E e, F f;
    7: A a, B b, C c, D d, E e, F f, G g;
    8: A a, B b, C c, D d, E e, F f, G g, H h;
}

/// The items a table-valued function returned, each written as the output
/// values of one row.
pub trait FunctionItems {
    /// Writes the next item's values; `Ok(false)` when there are no more.
    fn write_next(&mut self, row: &mut RowWriter<'_>) -> Result<bool>;
}

impl<I: Iterator<Item: IntoRow>> FunctionItems for I {
    fn write_next(&mut self, row: &mut RowWriter<'_>) -> Result<bool> {
        match self.next() {
            Some(item) => item.write_row(row).map(|()| true),
            None => Ok(false),
        }
    }
}

/// The items of one call of a table-valued function.
pub type FunctionRows = Box<dyn FunctionItems>;

/// A `#[table]` function as the generated code describes it.
pub trait TableFunction: 'static {
    /// The names of the output columns.
    const COLUMNS: &'static [&'static str];
    /// The names of the parameters, which are the hidden columns.
    const PARAMS: &'static [&'static str];
    /// How many leading parameters are required.
    const REQUIRED: usize;

    /// Calls the function with one entry per parameter: `None` for an
    /// argument not given (an optional one). Returns `None` when a NULL
    /// reached a parameter that is not an `Option`: no rows. `name` is the
    /// SQL name the query used, for error messages.
    fn call(name: &str, args: &[Option<Value>]) -> Result<Option<FunctionRows>>;
}

/// A function's returned items, as rows.
pub fn function_rows<I>(items: I) -> FunctionRows
where
    I: IntoIterator,
    I::IntoIter: 'static,
    I::Item: IntoRow,
{
    Box::new(items.into_iter())
}

/// The error for a required argument missing from a query, in the words of
/// SQLite's own `generate_series`: `first argument to "f()" missing or
/// unusable`.
pub fn missing_argument(name: &str, index: usize) -> Error {
    const ORDINALS: [&str; 10] = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];
    let ordinal = ORDINALS.get(index).map_or_else(|| format!("argument {}", index + 1), |o| format!("{o} argument"));
    Error::new(format!("{ordinal} to \"{name}()\" missing or unusable"))
}

/// The virtual table serving a [`TableFunction`].
pub struct FunctionTable<F> {
    /// The SQL name the table was connected under.
    name: String,
    function: PhantomData<F>,
}

impl<F: TableFunction> Table for FunctionTable<F> {
    type Rows = FunctionScan;

    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        let outputs = F::COLUMNS.iter().map(|c| SchemaColumn { name: c.to_string(), hidden: false });
        let params = F::PARAMS.iter().map(|p| SchemaColumn { name: p.to_string(), hidden: true });
        let schema = schema::declare(&outputs.chain(params).collect::<Vec<_>>());
        Ok((schema, FunctionTable { name: args.module.clone(), function: PhantomData }))
    }

    /// Passes the first usable equality constraint on each parameter's
    /// column, in parameter order; bit `p` of `idx_num` says parameter `p`
    /// is passed. A parameter whose only constraints are unusable makes the
    /// plan unusable (SQLite retries with the other side of the join
    /// first); a required one without any constraint is an error.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let first_param = F::COLUMNS.len() as i32;
        let mut chosen: Vec<Option<usize>> = vec![None; F::PARAMS.len()];
        let mut unusable = vec![false; F::PARAMS.len()];
        for (i, c) in info.constraints.iter().enumerate() {
            let Some(p) = usize::try_from(c.column - first_param).ok().filter(|&p| p < F::PARAMS.len()) else { continue };
            if !c.usable {
                unusable[p] = true;
            } else if c.op == ConstraintOp::EQ && chosen[p].is_none() {
                chosen[p] = Some(i);
            }
        }
        let mut plan = IndexPlan { estimated_cost: 1000.0, estimated_rows: 1000, ..IndexPlan::default() };
        for (p, constraint) in chosen.iter().enumerate() {
            match constraint {
                Some(i) => {
                    plan.pass(*i, true);
                    plan.idx_num |= 1 << p;
                }
                None if unusable[p] => return Err(Error::with_code(Error::CONSTRAINT, "unusable argument")),
                None if p < F::REQUIRED => return Err(missing_argument(&self.name, p)),
                None => {}
            }
        }
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<FunctionScan> {
        let mut given = scan.args.iter();
        let args: Vec<Option<Value>> =
            (0..F::PARAMS.len()).map(|p| if scan.idx_num & (1 << p) != 0 { given.next().cloned() } else { None }).collect();
        let rows = F::call(&self.name, &args)?;
        let hidden_read = (F::COLUMNS.len()..F::COLUMNS.len() + F::PARAMS.len()).any(|c| scan.columns.contains(c));
        Ok(FunctionScan {
            rows,
            // The hidden columns read the arguments, NULL where not given.
            arguments: if hidden_read { args.into_iter().map(|a| a.unwrap_or(Value::Null)).collect() } else { Vec::new() },
            rowid: 0,
            name: self.name.clone(),
            width: F::COLUMNS.len(),
        })
    }
}

/// The rows of one call of a table-valued function, numbered from 1.
pub struct FunctionScan {
    /// None once finished, or when a NULL argument means no rows.
    rows: Option<FunctionRows>,
    /// The values of the hidden columns (empty when none is read).
    arguments: Vec<Value>,
    rowid: i64,
    name: String,
    width: usize,
}

impl RowSource for FunctionScan {
    fn next_row(&mut self, row: &mut RowWriter<'_>) -> Result<bool> {
        let Some(items) = self.rows.as_mut() else { return Ok(false) };
        let result = match items.write_next(row) {
            Ok(true) if row.written() != self.width => {
                Err(Error::new(format!("{}(): a row has {} values for {} columns", self.name, row.written(), self.width)))
            }
            Ok(true) => {
                for argument in &self.arguments {
                    row.value(argument);
                }
                self.rowid += 1;
                row.rowid(self.rowid);
                return Ok(true);
            }
            other => other,
        };
        // Finished, or failed: nothing follows.
        self.rows = None;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vtab::{Columns, Constraint, Row};

    /// `pairs(n, tag?)`: (i, tag) for i in 1..=n; NULL n gives no rows.
    struct Pairs;
    impl TableFunction for Pairs {
        const COLUMNS: &'static [&'static str] = &["i", "tag"];
        const PARAMS: &'static [&'static str] = &["n", "tag_in"];
        const REQUIRED: usize = 1;
        fn call(_: &str, args: &[Option<Value>]) -> Result<Option<FunctionRows>> {
            let n = match &args[0] {
                Some(Value::Integer(n)) => *n,
                _ => return Ok(None),
            };
            let tag = match &args[1] {
                Some(Value::Text(t)) => String::from_utf8_lossy(t).into_owned(),
                _ => "none".into(),
            };
            Ok(Some(function_rows((1..=n).map(move |i| (i, tag.clone())))))
        }
    }

    fn eq(column: i32, usable: bool) -> Constraint {
        Constraint { column, op: ConstraintOp::EQ, usable, rhs: None, in_list: false }
    }

    fn info(constraints: Vec<Constraint>) -> IndexInfo {
        IndexInfo { constraints, order_by: Vec::new(), columns_used: Columns::ALL, distinct: 0 }
    }

    fn table() -> (String, FunctionTable<Pairs>) {
        let args = TableArgs { module: "pairs".into(), database: "main".into(), table: "pairs".into(), arguments: Vec::new() };
        FunctionTable::<Pairs>::connect(&args).unwrap()
    }

    #[test]
    fn parameters_are_hidden_columns_after_the_outputs() {
        assert_eq!(table().0, r#"CREATE TABLE x("i", "tag", "n" HIDDEN, "tag_in" HIDDEN)"#);
    }

    #[test]
    fn equality_on_parameters_becomes_arguments_in_parameter_order() {
        let (_, t) = table();
        // WHERE tag_in = ? AND i > 0 AND n = ?: the second constraint is
        // not on a parameter and is left to SQLite.
        let plan = t.best_index(&info(vec![eq(3, true), eq(0, true), eq(2, true)])).unwrap();
        assert_eq!(plan.idx_num, 0b11);
        assert_eq!(plan.usage.iter().map(|u| (u.argv_index, u.omit)).collect::<Vec<_>>(), [(2, true), (0, false), (1, true)]);
    }

    #[test]
    fn missing_and_unusable_arguments_are_refused_like_sqlite_does() {
        let (_, t) = table();
        let e = t.best_index(&info(vec![eq(3, true)])).unwrap_err();
        assert_eq!(e.message, "first argument to \"pairs()\" missing or unusable");
        assert_eq!(t.best_index(&info(vec![eq(2, false)])).unwrap_err().code, Error::CONSTRAINT);
        assert_eq!(t.best_index(&info(vec![eq(2, true), eq(3, false)])).unwrap_err().code, Error::CONSTRAINT);
        assert_eq!(missing_argument("f", 11).message, "argument 12 to \"f()\" missing or unusable");
    }

    #[test]
    fn rows_carry_outputs_then_arguments_and_count_from_one() {
        let (_, t) = table();
        let scan = Scan { idx_num: 0b11, idx_str: None, args: vec![Value::Integer(2), Value::text("x")], columns: Columns::ALL, arg_subtypes: Vec::new(), in_lists: Vec::new() };
        let rows = t.scan(&scan).unwrap().take_rows(4, 10).unwrap();
        let text = |s: &str| Value::text(s);
        assert_eq!(
            rows,
            [
                Row::new(1, vec![Value::Integer(1), text("x"), Value::Integer(2), text("x")]),
                Row::new(2, vec![Value::Integer(2), text("x"), Value::Integer(2), text("x")]),
            ]
        );
        // Only the first argument given, hidden columns not read.
        let scan = Scan { idx_num: 0b01, idx_str: None, args: vec![Value::Integer(1)], columns: Columns(0b11), arg_subtypes: Vec::new(), in_lists: Vec::new() };
        let rows = t.scan(&scan).unwrap().take_rows(2, 10).unwrap();
        assert_eq!(rows, [Row::new(1, vec![Value::Integer(1), text("none")])]);
        // A NULL for a required parameter: no rows.
        let scan = Scan { idx_num: 0b01, idx_str: None, args: vec![Value::Null], columns: Columns::ALL, arg_subtypes: Vec::new(), in_lists: Vec::new() };
        assert_eq!(t.scan(&scan).unwrap().take_rows(4, 10).unwrap(), []);
    }

    #[test]
    fn items_of_any_row_shape_convert() {
        let items: Vec<Result<(i64, &'static str, f64)>> = vec![Ok((1, "a", 2.5)), Err(Error::new("bad item"))];
        let mut scan = FunctionScan { rows: Some(function_rows(items)), arguments: Vec::new(), rowid: 0, name: "f".into(), width: 3 };
        assert_eq!(scan.take_rows(3, 10).unwrap_err().message, "bad item");
        let items = function_rows(vec![Some(7i64), None]);
        let mut scan = FunctionScan { rows: Some(items), arguments: vec![Value::Integer(9)], rowid: 0, name: "f".into(), width: 1 };
        let rows = scan.take_rows(2, 10).unwrap();
        assert_eq!(rows, [Row::new(1, vec![Value::Integer(7), Value::Integer(9)]), Row::new(2, vec![Value::Null, Value::Integer(9)])]);
        let mut short = FunctionScan { rows: Some(function_rows([1i64])), arguments: Vec::new(), rowid: 0, name: "f".into(), width: 2 };
        assert_eq!(short.take_rows(2, 10).unwrap_err().message, "f(): a row has 1 values for 2 columns");
        assert_eq!(<(i64, i64) as IntoRow>::WIDTH, 2);
        assert_eq!(<Result<String>>::WIDTH, 1);
    }
}
