//! The `pivot_vtab` module: its declaration, plans and scans.
//!
//! The three queries run as the reference runs them, each wrapped as
//! `SELECT * FROM \n<argument>` (so a bare table name works too). A plan
//! passes every usable constraint on a row key column with a comparison
//! operator to the row key query (`WHERE "key" op ?`) and consumes ORDER BY
//! when it names a row key column, as the reference's plan does.

use sqlink_sdk::prelude::*;
use sqlink_sdk::spi;

/// One pivot table.
#[derive(Debug, Clone, PartialEq)]
pub struct Pivot {
    /// `SELECT * FROM \n(row key query)`.
    key_sql: String,
    /// The row key columns, quoted as the reference quotes them.
    key_columns: Vec<String>,
    /// `SELECT * FROM \n(pivot query)`.
    pivot_sql: String,
    /// How many row key values the pivot query takes (its parameter count
    /// minus one; -1 when it takes none).
    row_keys: i64,
    /// The column keys, one per pivot column, in order.
    column_keys: Vec<Value>,
}

/// `"name"` with inner `"` doubled (printf's `%w` in quotes); NULL gives
/// `(NULL)` as `%w` does.
fn quoted(name: Option<&[u8]>) -> String {
    let name = name.map_or_else(|| "(NULL)".to_string(), |n| String::from_utf8_lossy(n).into_owned());
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// The rows of `sql` with every parameter NULL.
fn run(sql: &str) -> Result<spi::Rows> {
    let count = spi::parameter_count(sql)? as usize;
    spi::query(sql, &vec![Value::Null; count])
}

impl Table for Pivot {
    type Rows = std::vec::IntoIter<Result<Row>>;

    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        let [rows, columns, cells, ..] = args.arguments.as_slice() else {
            return Err(Error::new(
                "pivot_vtab needs 3 arguments: (row key query), (column definition query), (pivot query)",
            ));
        };
        // Row key query: its columns lead the table.
        let key_sql = format!("SELECT * FROM \n{rows}");
        spi::parameter_count(&key_sql).map_err(|e| prefixed("Pivot table key query prepare error - ", e))?;
        let names = run(&format!("SELECT * FROM ({key_sql}) LIMIT 0"))
            .map_err(|e| prefixed("Pivot table key query prepare error - ", e))?
            .columns;
        let key_columns: Vec<String> = names.iter().map(|n| quoted(Some(n.as_bytes()))).collect();

        // Pivot query: its parameters are the row keys, then the column key.
        let pivot_sql = format!("SELECT * FROM \n{cells}");
        let params = spi::parameter_count(&pivot_sql).map_err(|e| prefixed("Pivot query prepare error - ", e))?;
        let row_keys = i64::from(params) - 1;
        if row_keys > key_columns.len() as i64 {
            return Err(Error::new("Pivot table key query error - Unexpected number of bound parameters."));
        }

        // Column definition query: (key, name) pairs.
        let column_sql = format!("SELECT * FROM \n{columns}");
        spi::parameter_count(&column_sql).map_err(|e| prefixed("Pivot table column definition query prepare error - ", e))?;
        let defined = run(&column_sql)?;
        if defined.columns.len() != 2 {
            return Err(Error::new(format!(
                "Pivot table column definition query expects 2 result column. Query contains {} columns.",
                defined.columns.len()
            )));
        }
        check_unique(&defined.rows)?;

        let mut schema = format!("CREATE TABLE x({}", key_columns.join(","));
        let mut declared: Vec<Vec<u8>> = names.iter().map(|n| n.as_bytes().to_vec()).collect();
        let mut column_keys = Vec::new();
        for row in defined.rows {
            let name = row[1].to_text_bytes().map_or_else(|| b"(NULL)".to_vec(), |t| t.into_owned());
            schema.push(',');
            schema.push_str(&quoted(Some(&name)));
            declared.push(name);
            column_keys.push(row[0].clone());
        }
        schema.push(')');
        // SQLite refuses a declaration naming a column twice; the reference
        // passes on its code without a message, which SQLite reports so.
        for (i, name) in declared.iter().enumerate() {
            if declared[..i].iter().any(|d| d.eq_ignore_ascii_case(name)) {
                return Err(Error::new(format!("vtable constructor failed: {}", args.table)));
            }
        }
        Ok((schema, Pivot { key_sql, key_columns, pivot_sql, row_keys, column_keys }))
    }

    /// The reference's plan: each usable constraint on a row key column
    /// with an operator SQL can write is passed to the row key query and
    /// omitted; ORDER BY terms on row key columns are appended and the
    /// order taken as given. Cost 2147483647 / (constraints passed + 1).
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut sql = self.key_sql.clone();
        let mut plan = IndexPlan { usage: vec![ConstraintUse::default(); info.constraints.len()], ..IndexPlan::default() };
        let mut argv = 1;
        for (i, c) in info.constraints.iter().enumerate() {
            let Ok(column) = usize::try_from(c.column) else { continue };
            if !c.usable || column >= self.key_columns.len() {
                continue;
            }
            let Some(op) = operator(c.op) else { continue };
            sql.push_str(if argv == 1 { "\n WHERE " } else { " AND " });
            sql.push_str(&format!("{} {op} ?", self.key_columns[column]));
            plan.usage[i] = ConstraintUse { argv_index: argv, omit: true, all_at_once: false };
            argv += 1;
        }
        let mut ordered = 0;
        for o in &info.order_by {
            let Ok(column) = usize::try_from(o.column) else { continue };
            if column >= self.key_columns.len() {
                continue;
            }
            sql.push_str(if ordered == 0 { "\n ORDER BY " } else { ", " });
            sql.push_str(&format!("{} {}", self.key_columns[column], if o.desc { "DESC" } else { "" }));
            plan.order_by_consumed = true;
            ordered += 1;
        }
        plan.estimated_cost = 2147483647.0 / f64::from(argv);
        plan.estimated_rows = 10;
        plan.idx_str = Some(sql);
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        let sql = scan.idx_str.as_deref().unwrap_or(&self.key_sql);
        let count = spi::parameter_count(sql)? as usize;
        let mut args = scan.args.clone();
        args.resize(count, Value::Null);
        let keys = spi::query(sql, &args)?;
        let width = self.key_columns.len();
        let mut out = Vec::with_capacity(keys.rows.len());
        for (key, rowid) in keys.rows.into_iter().zip(1..) {
            let mut values = key.clone();
            values.resize(width, Value::Null);
            for (j, column_key) in self.column_keys.iter().enumerate() {
                let wanted = scan.columns.contains(width + j);
                values.push(if wanted { self.cell(&key, column_key) } else { Value::Null });
            }
            out.push(Ok(Row::new(rowid, values)));
        }
        Ok(out.into_iter())
    }
}

/// Created with `CREATE VIRTUAL TABLE` only (the reference's module is not
/// eponymous); it keeps nothing, so creating is connecting.
impl CreateTable for Pivot {}

impl Pivot {
    /// The pivot query's first value for this row key and column key; NULL
    /// when it returns no row or fails, as in the reference.
    fn cell(&self, key: &[Value], column_key: &Value) -> Value {
        let mut params: Vec<Value> = Vec::new();
        if self.row_keys >= 0 {
            let n = self.row_keys as usize;
            params.extend(key.iter().take(n).cloned());
            params.resize(n, Value::Null);
            params.push(column_key.clone());
        }
        match spi::query(&self.pivot_sql, &params) {
            Ok(rows) => rows.rows.into_iter().next().and_then(|r| r.into_iter().next()).unwrap_or(Value::Null),
            Err(_) => Value::Null,
        }
    }
}

/// SQL for a constraint's operator, as the reference writes it; `None` for
/// those it leaves to SQLite (LIMIT, OFFSET, functions).
fn operator(op: ConstraintOp) -> Option<&'static str> {
    Some(match op {
        ConstraintOp::EQ => "=",
        ConstraintOp::LT => "<",
        ConstraintOp::LE => "<=",
        ConstraintOp::GT => ">",
        ConstraintOp::GE => ">=",
        ConstraintOp::MATCH => "MATCH",
        ConstraintOp::LIKE => "LIKE",
        ConstraintOp::GLOB => "GLOB",
        ConstraintOp::REGEXP => "REGEXP",
        ConstraintOp::NE => "<>",
        ConstraintOp::ISNOT | ConstraintOp::ISNOTNULL => "IS NOT",
        ConstraintOp::ISNULL | ConstraintOp::IS => "IS",
        _ => return None,
    })
}

/// `prefix` and SQLite's message.
fn prefixed(prefix: &str, e: Error) -> Error {
    Error::with_code(e.code, format!("{prefix}{}", e.message))
}

/// The reference's uniqueness check of the column definitions: keys
/// compared as text, names as text without ASCII case, among all rows but
/// the last (the reference's loop stops one short; a duplicate name there
/// fails the declaration instead, with SQLite's message).
fn check_unique(rows: &[Vec<Value>]) -> Result<()> {
    let text = |v: &Value| v.to_text_bytes().map(|t| t.into_owned());
    let n = rows.len();
    for i in 0..n.saturating_sub(2) {
        for j in i + 1..n - 1 {
            let (ki, kj) = (text(&rows[i][0]), text(&rows[j][0]));
            if ki.is_some() && ki == kj {
                let k = String::from_utf8_lossy(ki.as_deref().unwrap_or_default()).into_owned();
                return Err(Error::new(format!("Pivot table column keys must be unique. Duplicate column key \"{k}\".")));
            }
            let (ni, nj) = (text(&rows[i][1]), text(&rows[j][1]));
            let same = match (&ni, &nj) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                (None, None) => true,
                _ => false,
            };
            if same {
                let name = String::from_utf8_lossy(ni.as_deref().unwrap_or_default()).into_owned();
                return Err(Error::new(format!("Pivot table column names must be unique. Duplicate column \"{name}\".")));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(k: i64, name: &str) -> Vec<Value> {
        vec![Value::Integer(k), Value::text(name)]
    }

    #[test]
    fn duplicates_are_found_among_all_rows_but_the_last() {
        assert!(check_unique(&[row(1, "a"), row(2, "b"), row(3, "c")]).is_ok());
        let e = check_unique(&[row(1, "a"), row(1, "b"), row(3, "c")]).unwrap_err();
        assert_eq!(e.message, "Pivot table column keys must be unique. Duplicate column key \"1\".");
        let e = check_unique(&[row(1, "a"), row(2, "A"), row(3, "c")]).unwrap_err();
        assert_eq!(e.message, "Pivot table column names must be unique. Duplicate column \"a\".");
        // The reference's loop never compares the last row.
        assert!(check_unique(&[row(1, "a"), row(2, "b"), row(1, "a")]).is_ok());
        assert!(check_unique(&[row(1, "a"), row(1, "a")]).is_ok());
    }

    #[test]
    fn names_are_quoted_as_percent_w() {
        assert_eq!(quoted(Some(b"a\"b")), "\"a\"\"b\"");
        assert_eq!(quoted(None), "\"(NULL)\"");
    }

    #[test]
    fn operators_are_the_references() {
        assert_eq!(operator(ConstraintOp::ISNULL), Some("IS"));
        assert_eq!(operator(ConstraintOp::NE), Some("<>"));
        assert_eq!(operator(ConstraintOp::LIMIT), None);
    }
}
