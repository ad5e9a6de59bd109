//! `url_query_each(query)`: sqlite-url's table of a query string's
//! sequences, scanned as its C cursor does, quirks included.

use crate::curl::urldecode;
use sqlink_sdk::prelude::*;

/// Column 0: the query string (hidden).
const QUERY: i32 = 0;

pub struct QueryEach;

impl Table for QueryEach {
    type Rows = std::vec::IntoIter<Result<Row>>;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok(("CREATE TABLE x(query hidden, raw_sequence text hidden, name text, value text)".to_string(), QueryEach))
    }

    /// sqlite-url's plan: the first usable `=` on `query` is argument 1; a
    /// constraint on it with another operator, or an unusable one first,
    /// makes the plan unusable; none is `query argument is required`.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut plan = IndexPlan::default();
        let mut has = false;
        for (i, c) in info.constraints.iter().enumerate() {
            if c.column != QUERY {
                continue;
            }
            if (!has && !c.usable) || c.op != ConstraintOp::EQ {
                return Err(Error::with_code(Error::CONSTRAINT, "unusable plan"));
            }
            if !has {
                plan.pass(i, true);
                has = true;
            }
        }
        if !has {
            return Err(Error::new("query argument is required"));
        }
        plan.idx_num = 1;
        (plan.estimated_cost, plan.estimated_rows) = (100000.0, 100000);
        Ok(plan)
    }

    /// The cursor of sqlite-url: sequences end after a `&` (which
    /// `raw_sequence` keeps), runs of `&` between them are skipped, `+`
    /// becomes a space in the buffer as the scan passes it (so `query`
    /// shows it changed up to the current row), and names and values are
    /// percent-decoded. Rowids from 0.
    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        let Some(q) = scan.args.first().and_then(Value::to_text_bytes) else { return Ok(Vec::new().into_iter()) };
        let mut q = q.into_owned();
        let len = q.len();
        let mut rows = Vec::new();
        let mut i = 0;
        let mut rowid = 0i64;
        loop {
            while i < len && q[i] == b'&' {
                i += 1;
            }
            if i >= len {
                break;
            }
            let start = i;
            while i < len {
                if q[i] == b'+' {
                    q[i] = b' ';
                }
                if q[i] == b'&' {
                    i += 1;
                    break;
                }
                i += 1;
            }
            rows.push(Ok(row(&q, start, i, rowid)));
            rowid += 1;
        }
        Ok(rows.into_iter())
    }
}

/// One row: the sequence `q[start..end]` (with its `&`, if any).
fn row(q: &[u8], start: usize, end: usize, rowid: i64) -> Row {
    let seq = &q[start..end];
    let eq = seq.iter().position(|&c| c == b'=');
    // The name: up to the first `=`, or the whole sequence, `&` included.
    let name_end = eq.map_or(end, |e| start + e);
    let name = if name_end == start { Vec::new() } else { unescape(q, start, name_end - start) };
    // The value: after the first `=` (or nothing), without a final `&`.
    let value_start = eq.map_or(end, |e| start + e + 1);
    let value = if q[end - 1] == b'&' {
        // sqlite-url passes curl a length of -1 for a sequence without `=`
        // followed by another (an out-of-memory error when read); here the
        // value is empty.
        match (end - 1).checked_sub(value_start) {
            Some(n) => unescape(q, value_start, n),
            None => Vec::new(),
        }
    } else {
        unescape(q, value_start, end - value_start)
    };
    Row::new(rowid, vec![Value::Text(q.to_vec()), Value::Text(seq.to_vec()), Value::Text(name), Value::Text(value)])
}

/// `curl_easy_unescape(curl, q + at, n)`: a length of 0 means "to the end
/// of the C string" (the rest of the query string, up to a NUL).
fn unescape(q: &[u8], at: usize, n: usize) -> Vec<u8> {
    let rest = &q[at.min(q.len())..];
    let s = if n == 0 { &rest[..rest.iter().position(|&c| c == 0).unwrap_or(rest.len())] } else { &rest[..n] };
    urldecode(s, false).expect("no rejection")
}
