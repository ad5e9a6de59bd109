//! The table-valued functions `regex_find_all`, `regex_captures`,
//! `regex_split` and `regexset_matches`: one table type, planned and
//! scanned as sqlite-regex does (same schemas, 0-based rowids, same plans
//! and errors).

use crate::args::text_notnull;
use crate::objects::{captures_text, regex_of, set_of, set_text};
use sqlink_sdk::prelude::*;

/// Which of the four tables a [`RegexTable`] is.
pub const FIND_ALL: u8 = 0;
pub const CAPTURES: u8 = 1;
pub const SPLIT: u8 = 2;
pub const SET_MATCHES: u8 = 3;

/// The `idx_num` of sqlite-regex's one plan (EXPLAIN QUERY PLAN shows
/// `INDEX 2:`).
const PLAN: i32 = 2;

/// One of the four tables, chosen by `KIND`. Each has two hidden columns,
/// the pattern (or set) and the text to search, both required.
pub struct RegexTable<const KIND: u8>;

impl<const KIND: u8> RegexTable<KIND> {
    /// sqlite-regex's schemas, character for character.
    const SCHEMA: &'static str = match KIND {
        FIND_ALL => "CREATE TABLE x(start int, end int, match text, pattern hidden, contents text hidden)",
        CAPTURES => "CREATE TABLE x(captures, pattern hidden, contents text hidden)",
        SPLIT => "CREATE TABLE x(item text, pattern hidden, contents text hidden)",
        _ => "CREATE TABLE x(key, pattern, regexset hidden, contents hidden)",
    };
    /// The column of the pattern (the set, for `regexset_matches`).
    const PATTERN: i32 = match KIND {
        FIND_ALL => 3,
        SET_MATCHES => 2,
        _ => 1,
    };
    /// The column of the text searched.
    const CONTENTS: i32 = Self::PATTERN + 1;
}

/// The rows of one scan, computed when it starts (as sqlite-regex does).
pub type Rows = std::iter::Map<std::vec::IntoIter<Row>, fn(Row) -> Result<Row>>;

/// The error of a pattern given to a table that does not compile.
fn parse_error(e: regex::Error) -> Error {
    Error::new(format!("Error parsing regex: {e}"))
}

impl<const KIND: u8> Table for RegexTable<KIND> {
    type Rows = Rows;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok((Self::SCHEMA.to_string(), RegexTable))
    }

    /// sqlite-regex's plan: `=` on the pattern is argument 1 and `=` on
    /// the contents argument 2. Any other use of those two columns (an
    /// operator other than `=`, or a value the plan cannot have yet)
    /// makes the plan unusable, so SQLite looks for another order; a
    /// missing pattern or contents is an error.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut plan = IndexPlan::default();
        let (mut has_pattern, mut has_contents) = (false, false);
        for (i, c) in info.constraints.iter().enumerate() {
            let argv_index = match c.column {
                column if column == Self::PATTERN => 1,
                column if column == Self::CONTENTS => 2,
                _ => continue,
            };
            if !c.usable || c.op != ConstraintOp::EQ {
                return Err(Error::with_code(Error::CONSTRAINT, "unusable plan"));
            }
            if plan.usage.len() <= i {
                plan.usage.resize(i + 1, ConstraintUse::default());
            }
            plan.usage[i] = ConstraintUse { argv_index, omit: true, all_at_once: false };
            has_pattern |= argv_index == 1;
            has_contents |= argv_index == 2;
        }
        if !has_pattern || !has_contents {
            // sqlite-regex fails the plan without a message, which SQLite
            // reports as its generic text for SQLITE_ERROR.
            return Err(Error::new("SQL logic error"));
        }
        plan.idx_num = PLAN;
        plan.estimated_cost = 100000.0;
        plan.estimated_rows = 100000;
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<Rows> {
        let null = Value::Null;
        let pattern = scan.args.first().unwrap_or(&null);
        let contents = scan.args.get(1).unwrap_or(&null);
        let rows = match KIND {
            SET_MATCHES => {
                let (set, patterns) = set_of(pattern)?;
                let contents = text_notnull(contents)?;
                let shown = set_text(&patterns);
                set.matches(&contents)
                    .into_iter()
                    .zip(0..)
                    .map(|(i, rowid)| {
                        let values = vec![Value::Integer(i as i64), Value::text(patterns[i].as_str()), Value::text(shown.as_str())];
                        Row::new(rowid, values)
                    })
                    .collect()
            }
            _ => {
                let regex = regex_of(pattern, parse_error)?;
                let contents = text_notnull(contents)?;
                match KIND {
                    FIND_ALL => regex
                        .find_iter(&contents)
                        .zip(0..)
                        .map(|(m, rowid)| {
                            Row::new(rowid, vec![Value::Integer(m.start() as i64), Value::Integer(m.end() as i64), Value::text(m.as_str())])
                        })
                        .collect(),
                    CAPTURES => {
                        let wanted = scan.columns.contains(0);
                        regex
                            .captures_iter(&contents)
                            .zip(0..)
                            .map(|(caps, rowid)| {
                                let captures = if wanted { Value::text(captures_text(&regex, &caps)) } else { Value::Null };
                                Row::new(rowid, vec![captures])
                            })
                            .collect()
                    }
                    _ => {
                        let shown = scan.columns.contains(2).then(|| Value::text(contents.as_ref()));
                        regex
                            .split(&contents)
                            .zip(0..)
                            .map(|(item, rowid)| Row::new(rowid, vec![Value::text(item), Value::Null, shown.clone().unwrap_or(Value::Null)]))
                            .collect::<Vec<_>>()
                    }
                }
            }
        };
        let rows: Vec<Row> = rows;
        Ok(rows.into_iter().map(Ok as fn(Row) -> Result<Row>))
    }
}
