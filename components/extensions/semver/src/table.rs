//! `semver_requirements(requirement)`: sqlite-semver's table of a
//! requirement's comparators, with its schema, plan (idx_num 2) and rowids
//! (from 0).

use semver::{Op, Prerelease};
use sqlink_sdk::prelude::*;

/// Column 5: the requirement (hidden).
const REQUIREMENT: i32 = 5;

pub struct Requirements;

impl Table for Requirements {
    type Rows = std::vec::IntoIter<Result<Row>>;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok((
            "CREATE TABLE x(op text, major int not null, minor int, patch int, pre text, requirement hidden)".to_string(),
            Requirements,
        ))
    }

    /// sqlite-semver's plan: each constraint on `requirement` must be a
    /// usable `=` (else the plan is unusable) and is argument 1; without
    /// one the statement fails (sqlite-loadable's bare SQLITE_ERROR).
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut plan = IndexPlan::default();
        let mut has = false;
        for (i, c) in info.constraints.iter().enumerate() {
            if c.column != REQUIREMENT {
                continue;
            }
            if !c.usable || c.op != ConstraintOp::EQ {
                return Err(Error::with_code(Error::CONSTRAINT, "unusable plan"));
            }
            if !has {
                plan.pass(i, true);
                has = true;
            }
        }
        if !has {
            return Err(Error::new("SQL logic error"));
        }
        plan.idx_num = 2;
        (plan.estimated_cost, plan.estimated_rows) = (100000.0, 100000);
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        let text = crate::text(scan.args.first())?;
        let requirement = crate::requirement(scan.args.first())?;
        let number = |n: u64| i64::try_from(n).map_or_else(|_| Value::text(n.to_string()), Value::Integer);
        let rows = requirement
            .comparators
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let op = match c.op {
                    Op::Exact => "exact",
                    Op::Greater => "greater",
                    Op::GreaterEq => "greater_eq",
                    Op::Less => "less",
                    Op::LessEq => "less_qq",
                    Op::Tilde => "tilde",
                    Op::Caret => "caret",
                    Op::Wildcard => "wildcard",
                    _ => return Err(Error::new("unknown semver operator")),
                };
                let pre = if c.pre == Prerelease::EMPTY { Value::Null } else { Value::text(c.pre.as_str()) };
                Ok(Row::new(
                    i as i64,
                    vec![
                        Value::text(op),
                        number(c.major),
                        c.minor.map_or(Value::Null, number),
                        c.patch.map_or(Value::Null, number),
                        pre,
                        Value::text(text.clone()),
                    ],
                ))
            })
            .collect::<Vec<_>>();
        Ok(rows.into_iter())
    }
}
