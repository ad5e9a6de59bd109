//! The `statement` module: a table whose rows are one statement's rows and
//! whose HIDDEN columns are its parameters.
//!
//! As the reference does: creating and connecting prepare the statement
//! (the first one of the argument; the rest is ignored) and refuse one that
//! would write; a scan binds each `=` constraint on a parameter column to
//! that parameter, leaves the others NULL, and numbers the rows from 1;
//! any other constraint on a parameter column makes the plan unusable.

use sqlink_sdk::prelude::*;
use sqlink_sdk::spi;
use sqlink_sdk::sql::{self, Kind};

/// SQLITE_MISUSE, the code of the reference's argument errors.
const MISUSE: i32 = 21;

/// One table: its statement and its shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// The statement, as SQLite compiles it.
    sql: String,
    /// How many result columns come before the hidden ones.
    outputs: usize,
    /// How many parameters (hidden columns) it has.
    params: usize,
}

impl Table for Statement {
    type Rows = std::vec::IntoIter<Result<Row>>;

    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        Statement::compile(body(&args.arguments)?)
    }

    /// Only `=` constraints bind parameters (a function's arguments are);
    /// any other constraint on a parameter column makes the plan unusable.
    /// Constraints on result columns are left to SQLite.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        plan(self.outputs, info)
    }

    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        let mut params = vec![Value::Null; self.params];
        for (i, value) in scan.args.iter().enumerate() {
            let param = match &scan.idx_str {
                Some(map) => decode(map, i),
                None => i,
            };
            if let Some(slot) = params.get_mut(param) {
                *slot = value.clone();
            }
        }
        let rows = spi::query(&self.sql, &params)?.rows;
        let rows = rows.into_iter().zip(1..).map(|(mut values, rowid)| {
            values.resize(self.outputs, Value::Null);
            values.extend(params.iter().cloned());
            Ok(Row::new(rowid, values))
        });
        Ok(rows.collect::<Vec<_>>().into_iter())
    }
}

/// Created with `CREATE VIRTUAL TABLE` only (the reference's module is not
/// eponymous); it keeps nothing, so creating is connecting.
impl CreateTable for Statement {}

/// The statement inside `statement((...))`: the first argument without its
/// outer parentheses.
///
/// # Errors
/// `no statement provided` (no argument, or one shorter than 3 bytes) and
/// `statement must be parenthesized`, code SQLITE_MISUSE.
fn body(arguments: &[String]) -> Result<&str> {
    let Some(arg) = arguments.first().filter(|a| a.len() >= 3) else {
        return Err(Error::with_code(MISUSE, "no statement provided"));
    };
    if !(arg.starts_with('(') && arg.ends_with(')')) {
        return Err(Error::with_code(MISUSE, "statement must be parenthesized"));
    }
    Ok(&arg[1..arg.len() - 1])
}

impl Statement {
    /// Compiles the first statement of `body` and declares its shape:
    /// `CREATE TABLE x( 'col' ,... ,'param' hidden,...)`.
    ///
    /// # Errors
    /// SQLite's message when the statement does not compile,
    /// `Statement must be read only.` for one that would write, and
    /// SQLite's declaration errors (`duplicate column name: x`).
    fn compile(body: &str) -> Result<(String, Statement)> {
        let bytes = body.as_bytes();
        let piece = sql::pieces(bytes).into_iter().next();
        let (sql, first) = match piece {
            Some(p) => (String::from_utf8_lossy(&bytes[p.start..p.end]).into_owned(), p.first.map(|f| f - p.start)),
            None => (String::new(), None),
        };
        let Some(first) = first else {
            // Nothing compiled: the reference declares `CREATE TABLE x()`.
            return Err(Error::new("near \")\": syntax error"));
        };
        let count = spi::parameter_count(&sql)? as usize;
        let nulls = vec![Value::Null; count];
        let statement = &sql.as_bytes()[sql::explainable(sql.as_bytes(), first, sql.len())..];
        if !read_only(&String::from_utf8_lossy(statement), &nulls)? {
            return Err(Error::new("Statement must be read only."));
        }
        let columns = columns(&sql, first, &nulls)?;
        let mut names = sql::parameter_names(sql.as_bytes());
        names.resize(count, None);
        let hidden = names.iter().enumerate().map(|(i, n)| n.as_ref().map_or_else(|| (i + 1).to_string(), |n| n[1..].to_string()));
        let mut seen: Vec<String> = Vec::new();
        for c in columns.iter().cloned().chain(hidden) {
            if seen.iter().any(|s| s.eq_ignore_ascii_case(&c)) {
                return Err(Error::new(format!("duplicate column name: {c}")));
            }
            seen.push(c);
        }
        let schema = schema(&columns, &names);
        Ok((schema, Statement { sql, outputs: columns.len(), params: count }))
    }
}

/// `sqlite3_stmt_readonly`'s rule, applied to the program `EXPLAIN` lists:
/// no write transaction, no `Checkpoint`, `Vacuum` or `JournalMode`.
fn read_only(statement: &str, params: &[Value]) -> Result<bool> {
    let program = spi::query(&format!("EXPLAIN {statement}"), params)?.rows;
    Ok(!program.iter().any(|op| match (op.get(1), op.get(3)) {
        (Some(Value::Text(opcode)), p2) => match opcode.as_slice() {
            b"Transaction" => !matches!(p2, Some(Value::Integer(0))),
            b"Checkpoint" | b"Vacuum" | b"JournalMode" => true,
            _ => false,
        },
        _ => false,
    }))
}

/// The result column names of `sql` (`sqlite3_column_name`), without
/// running it: from `SELECT * FROM (sql) LIMIT 0`, undoing the `name:1`
/// renaming of repeated names. A statement that is no SELECT (a PRAGMA)
/// runs once with NULL parameters instead.
fn columns(sql: &str, first: usize, nulls: &[Value]) -> Result<Vec<String>> {
    let body = sql[first..].trim_end();
    let tokens = sql::tokens(body.as_bytes());
    let end = match tokens.iter().rev().find(|t| t.kind != Kind::Space) {
        Some(t) if t.kind == Kind::Semi => t.start,
        _ => body.len(),
    };
    let wrapped = format!("SELECT * FROM (\n{}\n) LIMIT 0", &body[..end]);
    let Ok(rows) = spi::query(&wrapped, nulls) else {
        return Ok(spi::query(sql, nulls)?.columns);
    };
    let mut names: Vec<String> = Vec::new();
    for name in rows.columns {
        let original = match name.rsplit_once(':') {
            Some((base, n))
                if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) && names.iter().any(|o| o.eq_ignore_ascii_case(base)) =>
            {
                base.to_string()
            }
            _ => name,
        };
        names.push(original);
    }
    Ok(names)
}

/// The reference's declaration: result columns (quoted as `%Q`, with an
/// empty type), then the parameters as HIDDEN columns named without their
/// `:`, `@`, `$` or `?` (by number when they have no name).
fn schema(columns: &[String], params: &[Option<String>]) -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let mut sql = String::from("CREATE TABLE x( ");
    for c in columns {
        sql.push_str(&format!("{} ,", quote(c)));
    }
    for (i, p) in params.iter().enumerate() {
        match p {
            Some(name) => sql.push_str(&format!("{} hidden,", quote(&name[1..]))),
            None => sql.push_str(&format!("'{}' hidden,", i + 1)),
        }
    }
    sql.pop();
    sql.push(')');
    sql
}

/// The reference's plan: each `=` constraint on a parameter is passed and
/// omitted, cost 1, one row. When the parameters given are not the first
/// ones in order, `idx_str` maps each argument to its parameter, in the
/// reference's encoding (six printable characters per parameter number).
fn plan(outputs: usize, info: &IndexInfo) -> Result<IndexPlan> {
    let mut plan = IndexPlan { estimated_cost: 1.0, estimated_rows: 1, ..IndexPlan::default() };
    let mut used: Vec<(usize, usize)> = Vec::new();
    for (i, c) in info.constraints.iter().enumerate() {
        let Ok(column) = usize::try_from(c.column) else { continue };
        if column < outputs {
            continue;
        }
        if !c.usable || c.op != ConstraintOp::EQ {
            return Err(Error::with_code(Error::CONSTRAINT, "a parameter needs an = constraint"));
        }
        used.push((i, column - outputs + 1));
    }
    let highest = used.iter().map(|u| u.1).max().unwrap_or(0);
    let contiguous = used.len() == highest && (1..=highest).all(|p| used.iter().any(|u| u.1 == p));
    plan.usage = vec![ConstraintUse::default(); info.constraints.len()];
    if contiguous {
        for &(i, param) in &used {
            plan.usage[i] = ConstraintUse { argv_index: param as u32, omit: true };
        }
    } else {
        let mut map = String::new();
        for (k, &(i, param)) in used.iter().enumerate() {
            plan.usage[i] = ConstraintUse { argv_index: k as u32 + 1, omit: true };
            map.extend((0..6).map(|j| char::from(((param >> (6 * j)) & 63) as u8 + 33)));
        }
        plan.idx_str = Some(map);
    }
    Ok(plan)
}

/// The parameter (from 0) that argument `i` binds, from `plan`'s map.
fn decode(map: &str, i: usize) -> usize {
    let bytes = map.as_bytes();
    let n = (0..6).fold(0usize, |n, j| n | (usize::from(bytes.get(i * 6 + j).map_or(33, |b| *b) - 33) << (6 * j)));
    n.saturating_sub(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_checked_as_the_reference_checks_them() {
        assert_eq!(body(&[]).unwrap_err().message, "no statement provided");
        assert_eq!(body(&["()".into()]).unwrap_err().message, "no statement provided");
        assert_eq!(body(&["select 1".into()]).unwrap_err().code, MISUSE);
        assert_eq!(body(&["select 1".into()]).unwrap_err().message, "statement must be parenthesized");
        assert_eq!(body(&["(select 1)".into(), "x".into()]).unwrap(), "select 1");
    }

    #[test]
    fn the_schema_is_the_references() {
        let cols = ["year".to_string(), "month".into(), "day".into()];
        assert_eq!(schema(&cols, &[Some(":date".into())]), "CREATE TABLE x( 'year' ,'month' ,'day' ,'date' hidden)");
        assert_eq!(schema(&["it's".into()], &[None, Some("?2".into())]), "CREATE TABLE x( 'it''s' ,'1' hidden,'2' hidden)");
    }

    fn eq(column: i32) -> Constraint {
        Constraint { column, op: ConstraintOp::EQ, usable: true, rhs: None }
    }

    fn info(constraints: Vec<Constraint>) -> IndexInfo {
        IndexInfo { constraints, order_by: Vec::new(), columns_used: Columns::ALL, distinct: 0 }
    }

    #[test]
    fn arguments_in_order_need_no_map() {
        let p = plan(3, &info(vec![eq(3), eq(0), eq(4)])).unwrap();
        let argv: Vec<u32> = p.usage.iter().map(|u| u.argv_index).collect();
        assert_eq!((argv, p.idx_str, p.estimated_cost, p.estimated_rows), (vec![1, 0, 2], None, 1.0, 1));
    }

    #[test]
    fn arguments_out_of_order_are_mapped() {
        let p = plan(3, &info(vec![eq(5), eq(3)])).unwrap();
        let map = p.idx_str.unwrap();
        assert_eq!(map, "$!!!!!\"!!!!!");
        assert_eq!((decode(&map, 0), decode(&map, 1)), (2, 0));
    }

    #[test]
    fn other_constraints_on_parameters_make_the_plan_unusable() {
        let mut c = eq(3);
        c.op = ConstraintOp::GT;
        assert_eq!(plan(3, &info(vec![c])).unwrap_err().code, Error::CONSTRAINT);
        let mut c = eq(3);
        c.usable = false;
        assert_eq!(plan(3, &info(vec![c])).unwrap_err().code, Error::CONSTRAINT);
        let mut c = eq(1);
        c.op = ConstraintOp::GT;
        assert!(plan(3, &info(vec![c])).is_ok());
    }
}
