//! `path_parts(path)`: sqlite-path's table of a path's segments, with its
//! schema (`path` hidden first), plan and rowids (from 0).

use crate::args::c_text;
use crate::cwalk::{Segment, SegmentType};
use sqlink_sdk::prelude::*;

/// Column 0: the path (hidden; reads NULL, as in sqlite-path).
const PATH: i32 = 0;

pub struct PathParts;

impl Table for PathParts {
    type Rows = std::vec::IntoIter<Result<Row>>;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok(("CREATE TABLE x(path hidden, type text, part text)".to_string(), PathParts))
    }

    /// sqlite-path's plan: an `=` constraint on `path` is the argument;
    /// any other operator on it, or an unusable one first, makes the plan
    /// unusable, and no `path` at all is an error.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        plan(info, PATH, "path argument is required")
    }

    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        let Some(path) = scan.args.first().and_then(c_text) else { return Ok(Vec::new().into_iter()) };
        let mut rows = Vec::new();
        let (mut more, mut s) = Segment::first(&path);
        while more {
            let kind = match s.kind() {
                SegmentType::Normal => "normal",
                SegmentType::Current => "current",
                SegmentType::Back => "back",
            };
            rows.push(Ok(Row::new(rows.len() as i64, vec![Value::Null, Value::text(kind), Value::Text(s.bytes().to_vec())])));
            more = s.next_segment();
        }
        Ok(rows.into_iter())
    }
}

/// The plan of asg017's one-argument table functions: the first usable
/// `=` constraint on `column` is argument 1 (omitted from SQLite's own
/// checks); a constraint on it with another operator, or an unusable one
/// before any usable, is SQLITE_CONSTRAINT; none is the error `missing`.
/// idx_num 1, cost and rows 100000.
pub fn plan(info: &IndexInfo, column: i32, missing: &str) -> Result<IndexPlan> {
    let mut plan = IndexPlan::default();
    let mut has = false;
    for (i, c) in info.constraints.iter().enumerate() {
        if c.column != column {
            continue;
        }
        if (!has && !c.usable) || c.op != ConstraintOp::EQ {
            return Err(Error::with_code(Error::CONSTRAINT, "unusable plan"));
        }
        if !has && c.usable {
            plan.pass(i, true);
            has = true;
        }
    }
    if !has {
        return Err(Error::new(missing));
    }
    plan.idx_num = 1;
    (plan.estimated_cost, plan.estimated_rows) = (100000.0, 100000);
    Ok(plan)
}
