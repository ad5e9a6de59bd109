//! A table whose rows are one statement's rows and whose HIDDEN columns are
//! its parameters: the module of 0x09/sqlite-statement-vtab, which sqlean's
//! `define` took over for its table-valued functions. The `statement` and
//! `define` extensions both serve it; each wraps [`Query`] in its own table
//! type (`define` also saves and forgets the definition).
//!
//! As the references do: creating and connecting prepare the statement
//! (the first one of the argument; the rest is ignored) and refuse one that
//! would write; a scan binds each `=` constraint on a parameter column to
//! that parameter, leaves the others NULL, and numbers the rows from 1;
//! any other constraint on a parameter column makes the plan unusable.
//! Result columns are declared with their declared types, as the
//! references declare them (`sqlite3_column_decltype`).

use sqlink_sdk::prelude::*;
use sqlink_sdk::spi;
use sqlink_sdk::sql::{self, Kind};

/// SQLITE_MISUSE, the code of the references' argument errors.
pub const MISUSE: i32 = 21;

/// Where the statement runs: SPI's functions, or (in an extension's unit
/// tests) a connection that answers as SPI does.
pub trait Connection {
    /// The rows of one statement, run with `params` bound.
    fn query(sql: &str, params: &[Value]) -> Result<spi::Rows>;
    /// How many parameters the statement has.
    fn parameter_count(sql: &str) -> Result<u32>;
}

/// The calling connection, through SPI (needs the `spi` grant).
#[derive(Debug, Clone, Copy, Default)]
pub struct Spi;

impl Connection for Spi {
    fn query(sql: &str, params: &[Value]) -> Result<spi::Rows> {
        spi::query(sql, params)
    }

    fn parameter_count(sql: &str) -> Result<u32> {
        spi::parameter_count(sql)
    }
}

/// The rows a scan gives.
pub type Scanned = std::vec::IntoIter<Result<Row>>;

/// One table's statement and shape.
#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    /// The statement (the first one of the body), as SQLite compiles it.
    sql: String,
    /// How many result columns come before the hidden ones.
    outputs: usize,
    /// How many parameters (hidden columns) it has.
    params: usize,
}

/// The statement inside `module((...))`: the first argument without its
/// outer parentheses.
///
/// # Errors
/// `no statement provided` (no argument, or one shorter than 3 bytes) and
/// `statement must be parenthesized`, code SQLITE_MISUSE.
pub fn body(arguments: &[String]) -> Result<&str> {
    let Some(arg) = arguments.first().filter(|a| a.len() >= 3) else {
        return Err(Error::with_code(MISUSE, "no statement provided"));
    };
    if !(arg.starts_with('(') && arg.ends_with(')')) {
        return Err(Error::with_code(MISUSE, "statement must be parenthesized"));
    }
    Ok(&arg[1..arg.len() - 1])
}

impl Query {
    /// Compiles the first statement of `body` on `C` and declares its
    /// shape: `CREATE TABLE x( 'col' ,... ,'param' hidden,...)`.
    ///
    /// # Errors
    /// SQLite's message when the statement does not compile,
    /// `Statement must be read only.` for one that would write, and
    /// SQLite's declaration errors (`duplicate column name: x`), refused
    /// here before the caller saves anything (SQLite sees the schema only
    /// once `connect` returns).
    pub fn compile<C: Connection>(body: &str) -> Result<(String, Query)> {
        let bytes = body.as_bytes();
        let piece = sql::pieces(bytes).into_iter().next();
        let (sql, first) = match piece {
            Some(p) => (String::from_utf8_lossy(&bytes[p.start..p.end]).into_owned(), p.first.map(|f| f - p.start)),
            None => (String::new(), None),
        };
        let Some(first) = first else {
            // Nothing compiled: the references declare `CREATE TABLE x()`.
            return Err(Error::new("near \")\": syntax error"));
        };
        let count = C::parameter_count(&sql)? as usize;
        let nulls = vec![Value::Null; count];
        let statement = &sql.as_bytes()[sql::explainable(sql.as_bytes(), first, sql.len())..];
        if !read_only::<C>(&String::from_utf8_lossy(statement), &nulls)? {
            return Err(Error::new("Statement must be read only."));
        }
        let (columns, types) = columns::<C>(&sql, first, &nulls)?;
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
        let schema = schema(&columns, &types, &names);
        Ok((schema, Query { sql, outputs: columns.len(), params: count }))
    }

    /// The plan for `info`: each `=` constraint on a parameter is passed and
    /// omitted, cost 1, one row, with a map in `idx_str` when the parameters
    /// given are not the first ones in order.
    ///
    /// # Errors
    /// SQLITE_CONSTRAINT when a parameter column has a constraint other
    /// than a usable `=`.
    pub fn plan(&self, info: &IndexInfo) -> Result<IndexPlan> {
        plan(self.outputs, info)
    }

    /// Runs the statement on `C` with the scan's arguments bound to the
    /// parameters the plan gave them (the others NULL): its rows, numbered
    /// from 1, each followed by the parameters' values.
    ///
    /// # Errors
    /// SQLite's message when the statement fails.
    pub fn scan<C: Connection>(&self, scan: &Scan) -> Result<Scanned> {
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
        let rows = C::query(&self.sql, &params)?.rows;
        let rows = rows.into_iter().zip(1..).map(|(mut values, rowid)| {
            values.resize(self.outputs, Value::Null);
            values.extend(params.iter().cloned());
            Ok(Row::new(rowid, values))
        });
        Ok(rows.collect::<Vec<_>>().into_iter())
    }
}

/// `sqlite3_stmt_readonly`'s rule, applied to the program `EXPLAIN` lists:
/// no write transaction, no `Checkpoint`, `Vacuum` or `JournalMode`.
fn read_only<C: Connection>(statement: &str, params: &[Value]) -> Result<bool> {
    let program = C::query(&format!("EXPLAIN {statement}"), params)?.rows;
    Ok(!program.iter().any(|op| match (op.get(1), op.get(3)) {
        (Some(Value::Text(opcode)), p2) => match opcode.as_slice() {
            b"Transaction" => !matches!(p2, Some(Value::Integer(0))),
            b"Checkpoint" | b"Vacuum" | b"JournalMode" => true,
            _ => false,
        },
        _ => false,
    }))
}

/// The result column names of `sql` (`sqlite3_column_name`) and their
/// declared types (`sqlite3_column_decltype`, which sees through the
/// subquery), without running it: from `SELECT * FROM (sql) LIMIT 0`,
/// undoing the `name:1` renaming of repeated names (so the repeated name
/// comes back, and the declaration fails on it as in the references). A
/// statement that is no SELECT (a PRAGMA) runs once with NULL parameters
/// instead.
fn columns<C: Connection>(sql: &str, first: usize, nulls: &[Value]) -> Result<(Vec<String>, Vec<Option<String>>)> {
    let body = sql[first..].trim_end();
    let tokens = sql::tokens(body.as_bytes());
    let end = match tokens.iter().rev().find(|t| t.kind != Kind::Space) {
        Some(t) if t.kind == Kind::Semi => t.start,
        _ => body.len(),
    };
    let wrapped = format!("SELECT * FROM (\n{}\n) LIMIT 0", &body[..end]);
    let Ok(rows) = C::query(&wrapped, nulls) else {
        let rows = C::query(sql, nulls)?;
        return Ok((rows.columns, rows.declared_types));
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
    Ok((names, rows.declared_types))
}

/// The references' declaration: result columns (quoted as `%Q`, each
/// followed by its declared type or nothing), then the parameters as HIDDEN
/// columns named without their `:`, `@`, `$` or `?` (by number when they
/// have no name).
fn schema(columns: &[String], types: &[Option<String>], params: &[Option<String>]) -> String {
    let quote = |s: &str| format!("'{}'", s.replace('\'', "''"));
    let mut sql = String::from("CREATE TABLE x( ");
    for (i, c) in columns.iter().enumerate() {
        let declared = types.get(i).cloned().flatten().unwrap_or_default();
        sql.push_str(&format!("{} {declared},", quote(c)));
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

/// The references' plan: each `=` constraint on a parameter is passed and
/// omitted, cost 1, one row. When the parameters given are not the first
/// ones in order, `idx_str` maps each argument to its parameter, in the
/// references' encoding (six printable characters per parameter number).
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
            plan.usage[i] = ConstraintUse { argv_index: param as u32, omit: true, all_at_once: false };
        }
    } else {
        let mut map = String::new();
        for (k, &(i, param)) in used.iter().enumerate() {
            plan.usage[i] = ConstraintUse { argv_index: k as u32 + 1, omit: true, all_at_once: false };
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
    fn arguments_are_checked_as_the_references_check_them() {
        assert_eq!(body(&[]).unwrap_err().message, "no statement provided");
        assert_eq!(body(&["()".into()]).unwrap_err().message, "no statement provided");
        assert_eq!(body(&["select 1".into()]).unwrap_err().code, MISUSE);
        assert_eq!(body(&["select 1".into()]).unwrap_err().message, "statement must be parenthesized");
        assert_eq!(body(&["(select 1)".into(), "x".into()]).unwrap(), "select 1");
    }

    #[test]
    fn the_schema_is_the_references() {
        let cols = ["year".to_string(), "month".into(), "day".into()];
        assert_eq!(schema(&cols, &[None, None, None], &[Some(":date".into())]), "CREATE TABLE x( 'year' ,'month' ,'day' ,'date' hidden)");
        let cols = ["left".to_string(), "separator".into(), "right".into()];
        let params = [Some(":str".to_string()), Some(":sep".into())];
        let types = [Some("TEXT".to_string()), None, Some("INTEGER".into())];
        assert_eq!(
            schema(&cols, &types, &params),
            "CREATE TABLE x( 'left' TEXT,'separator' ,'right' INTEGER,'str' hidden,'sep' hidden)"
        );
        assert_eq!(schema(&["it's".into()], &[None], &[None, Some("?2".into())]), "CREATE TABLE x( 'it''s' ,'1' hidden,'2' hidden)");
    }

    fn eq(column: i32) -> Constraint {
        Constraint { column, op: ConstraintOp::EQ, usable: true, rhs: None, in_list: false }
    }

    fn info(constraints: Vec<Constraint>) -> IndexInfo {
        IndexInfo { constraints, order_by: Vec::new(), columns_used: Columns::ALL, distinct: 0 }
    }

    #[test]
    fn arguments_in_order_need_no_map() {
        // Three outputs, then two parameters (3 and 4); a constraint on an output.
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
        let p = plan(3, &info(vec![eq(4)])).unwrap();
        assert_eq!(p.usage[0].argv_index, 1);
        let map = p.idx_str.unwrap();
        assert_eq!(map, "#!!!!!");
        assert_eq!(decode(&map, 0), 1);
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
