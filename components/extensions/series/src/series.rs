//! `generate_series` as SQLite 3.40.1's `ext/misc/series.c` computes it:
//! the planning (which arguments, which order, the costs), the arithmetic
//! (64-bit wrapping, as the C code does in practice), the values of the
//! hidden columns and the rowids.
//!
//! sqlean's `stats_seq` is this same code under other names, so the stats
//! extension compiles this very file (`#[path]`) rather than a copy that
//! could drift. It must therefore name nothing of its crate (`crate::`).

use sqlink_sdk::prelude::*;

/// The declared columns; `start`, `stop` and `step` are the arguments.
const SCHEMA: &str = "CREATE TABLE x(value,start hidden,stop hidden,step hidden)";
/// The index of the `start` column; `stop` and `step` follow it.
const START_COLUMN: i32 = 1;

/// Bits of `idx_num`, as series.c numbers them (EXPLAIN QUERY PLAN shows
/// the number): which arguments are passed, and a consumed ORDER BY.
const START_GIVEN: i32 = 1;
const STOP_GIVEN: i32 = 2;
const STEP_GIVEN: i32 = 4;
const DESCENDING: i32 = 8;
const ASCENDING: i32 = 16;

/// `stop` when not given: 2^32 - 1, as in series.c.
const DEFAULT_STOP: i64 = 0xffff_ffff;

/// The `generate_series` table: it holds nothing, each scan computes its
/// sequence from the arguments.
pub struct Series;

impl Table for Series {
    type Rows = Sequence;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok((SCHEMA.to_string(), Series))
    }

    /// series.c's plan: the last usable `=` constraint on each of start,
    /// stop and step is passed, in that order. Without any constraint on
    /// `start` the query is an error; an unusable constraint on an argument
    /// that is not passed makes the plan unusable. With both start and
    /// stop the plan is cheap (cost 2, or 1 with step too; 1000 rows) and
    /// takes over a one-term ORDER BY, whatever its column; otherwise it
    /// keeps SQLite's preset cost and claims 2^31 - 1 rows.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut idx_num = 0;
        let mut start_seen = false;
        let mut unusable = 0;
        let mut passed: [Option<usize>; 3] = [None; 3];
        for (i, c) in info.constraints.iter().enumerate() {
            let Ok(argument) = usize::try_from(c.column - START_COLUMN) else { continue };
            if argument >= passed.len() {
                continue;
            }
            let bit = 1 << argument;
            start_seen |= argument == 0;
            if !c.usable {
                unusable |= bit;
            } else if c.op == ConstraintOp::EQ {
                idx_num |= bit;
                passed[argument] = Some(i);
            }
        }
        let mut plan = IndexPlan::default();
        for constraint in passed.into_iter().flatten() {
            plan.pass(constraint, true);
        }
        if !start_seen {
            return Err(Error::new("first argument to \"generate_series()\" missing or unusable"));
        }
        if unusable & !idx_num != 0 {
            return Err(Error::with_code(Error::CONSTRAINT, "generate_series(): an argument is not usable in this plan"));
        }
        if idx_num & (START_GIVEN | STOP_GIVEN) == START_GIVEN | STOP_GIVEN {
            plan.estimated_cost = if idx_num & STEP_GIVEN != 0 { 1.0 } else { 2.0 };
            plan.estimated_rows = 1000;
            if let [order] = info.order_by[..] {
                idx_num |= if order.desc { DESCENDING } else { ASCENDING };
                plan.order_by_consumed = true;
            }
        } else {
            plan.estimated_rows = 2_147_483_647;
        }
        plan.idx_num = idx_num;
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<Sequence> {
        let hidden_read = (1..4).any(|c| scan.columns.contains(c));
        Ok(Sequence::new(scan.idx_num, &scan.args, hidden_read))
    }
}

/// One scan: the values from `min` to `max`, `step` apart, counted up from
/// `min` or down from the last value not past `max`.
pub struct Sequence {
    /// The next value.
    value: i64,
    /// What the `start`, `stop` and `step` columns read: the arguments as
    /// used (`step` made positive), or 1, 0 and `step` after a NULL argument.
    min: i64,
    max: i64,
    step: i64,
    descending: bool,
    /// The next row's rowid: 1, 2, 3... in the order rows come.
    rowid: i64,
    /// Whether rows carry the hidden columns (the query reads one).
    hidden_read: bool,
}

impl Sequence {
    /// The sequence of a plan (`idx_num`, see [`Series::best_index`]) and
    /// its arguments, in series.c's order of decisions: defaults for the
    /// arguments not given, a zero step is 1, a negative one is made
    /// positive and reverses the order unless ascending order was asked
    /// for, and any NULL argument empties the sequence.
    pub fn new(idx_num: i32, args: &[Value], hidden_read: bool) -> Sequence {
        let mut given = args.iter();
        let mut argument = |bit: i32, default: i64| if idx_num & bit != 0 { given.next().map_or(0, int64) } else { default };
        let mut min = argument(START_GIVEN, 0);
        let mut max = argument(STOP_GIVEN, DEFAULT_STOP);
        let mut step = argument(STEP_GIVEN, 1);
        let mut descending = idx_num & DESCENDING != 0;
        if step == 0 {
            step = 1;
        } else if step < 0 {
            // i64::MIN stays negative, as -LLONG_MIN does in the C code.
            step = step.wrapping_neg();
            descending |= idx_num & ASCENDING == 0;
        }
        if args.iter().any(Value::is_null) {
            (min, max) = (1, 0);
        }
        let value = if !descending {
            min
        } else if step > 0 {
            // The last value of the ascending sequence.
            max.wrapping_sub(max.wrapping_sub(min) % step)
        } else {
            max
        };
        Sequence { value, min, max, step, descending, rowid: 1, hidden_read }
    }
}

impl RowSource for Sequence {
    /// The current row, then a step on. The end test compares with the
    /// bound only, so a step that wraps past the end of the 64-bit range
    /// carries on from the other end, as series.c does.
    fn next_row(&mut self, row: &mut RowWriter<'_>) -> Result<bool> {
        let past_end = if self.descending { self.value < self.min } else { self.value > self.max };
        if past_end {
            return Ok(false);
        }
        row.rowid(self.rowid);
        row.integer(self.value);
        if self.hidden_read {
            row.integer(self.min);
            row.integer(self.max);
            row.integer(self.step);
        }
        self.value = if self.descending { self.value.wrapping_sub(self.step) } else { self.value.wrapping_add(self.step) };
        self.rowid = self.rowid.wrapping_add(1);
        Ok(true)
    }
}

/// `sqlite3_value_int64`, how series.c reads its arguments: reals are
/// truncated (saturating at the ends of the range), text and blobs read
/// their leading integer (whitespace and a sign allowed, the rest ignored,
/// 0 when there is none, saturating), NULL is 0.
pub fn int64(value: &Value) -> i64 {
    match value {
        Value::Null => 0,
        Value::Integer(i) => *i,
        // `as` saturates as doubleToInt64 does.
        Value::Real(r) => *r as i64,
        Value::Text(t) | Value::Blob(t) => leading_integer(t),
    }
}

/// The integer at the start of `bytes`, as SQLite's `sqlite3Atoi64` reads it.
fn leading_integer(bytes: &[u8]) -> i64 {
    let is_space = |b: &u8| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    let rest = &bytes[bytes.iter().take_while(|b| is_space(b)).count()..];
    let (negative, digits) = match rest.first() {
        Some(b'-') => (true, &rest[1..]),
        Some(b'+') => (false, &rest[1..]),
        _ => (false, rest),
    };
    let magnitude = digits
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
    match (negative, i64::try_from(magnitude)) {
        (false, Ok(n)) => n,
        (true, Ok(n)) => -n,
        (false, Err(_)) => i64::MAX,
        (true, Err(_)) => i64::MIN,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(idx_num: i32, args: &[Value]) -> Vec<i64> {
        let rows = Sequence::new(idx_num, args, false).take_rows(1, 8).unwrap();
        rows.into_iter()
            .map(|r| match r.values[..] {
                [Value::Integer(v)] => v,
                ref other => panic!("unexpected row {other:?}"),
            })
            .collect()
    }

    #[test]
    fn arguments_read_as_sqlite3_value_int64_does() {
        // Each is what Debian's sqlite3 3.40.1 reads as `start` from
        // `generate_series(x, 9223372036854775807)`.
        let cases: &[(Value, i64)] = &[
            (Value::text("3"), 3),
            (Value::text(" 7abc"), 7),
            (Value::text("9.99"), 9),
            (Value::text("1e5"), 1),
            (Value::text("abc"), 0),
            (Value::text("-  5"), 0),
            (Value::text("+12"), 12),
            (Value::text("99999999999999999999"), i64::MAX),
            (Value::text("-99999999999999999999"), i64::MIN),
            (Value::text("-9223372036854775808"), i64::MIN),
            (Value::text("9223372036854775808"), i64::MAX),
            (Value::Blob(b"12".to_vec()), 12),
            (Value::Real(5.9), 5),
            (Value::Real(-5.9), -5),
            (Value::Real(1e300), i64::MAX),
            (Value::Real(-1e300), i64::MIN),
            (Value::text("\t\n\x0b\x0c\r42"), 42),
            (Value::text(" 0042"), 42),
            (Value::text("12 34"), 12),
        ];
        for (value, want) in cases {
            assert_eq!(int64(value), *want, "{value:?}");
        }
        // NULL never reaches the arithmetic (it empties the sequence).
        assert_eq!(int64(&Value::Null), 0);
    }

    #[test]
    fn the_order_and_first_value_follow_the_plan_and_the_step() {
        let (a, b, c) = (Value::Integer(1), Value::Integer(10), Value::Integer(3));
        assert_eq!(values(7, &[a.clone(), b.clone(), c.clone()]), [1, 4, 7, 10]);
        assert_eq!(values(7 | DESCENDING, &[a.clone(), b.clone(), c.clone()]), [10, 7, 4, 1]);
        // A negative step reverses, unless ascending order was consumed.
        assert_eq!(values(7, &[a.clone(), b.clone(), Value::Integer(-3)]), [10, 7, 4, 1]);
        assert_eq!(values(7 | ASCENDING, &[a.clone(), b.clone(), Value::Integer(-3)]), [1, 4, 7, 10]);
        assert_eq!(values(7 | DESCENDING, &[Value::Integer(3), b, Value::Integer(4)]), [7, 3]);
        assert_eq!(values(1, &[Value::Integer(5)]), [5, 6, 7, 8, 9, 10, 11, 12]);
        assert_eq!(values(3, &[a, Value::Null]), Vec::<i64>::new());
    }

    #[test]
    fn hidden_columns_read_the_arguments_as_used() {
        let mut rows = Sequence::new(7, &[Value::Integer(1), Value::Integer(10), Value::Integer(-3)], true);
        let first = rows.take_rows(4, 1).unwrap();
        assert_eq!(first, [Row::new(1, [10, 1, 10, 3].map(Value::Integer).to_vec())]);
        assert_eq!(rows.take_rows(4, 1).unwrap()[0].rowid, 2);
    }
}
