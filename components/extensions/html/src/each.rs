//! The `html_each` table: one row per element of a document matching a
//! selector, planned as sqlite-html's Go table-function library does.

use crate::dom;
use sqlink_sdk::prelude::*;

/// sqlite-html's schema: the hidden arguments first.
const SCHEMA: &str = "CREATE TABLE html_each (document TEXT HIDDEN, selector TEXT HIDDEN, html TEXT, text TEXT)";

/// The `html_each` table (eponymous only).
pub struct HtmlEach;

impl Table for HtmlEach {
    type Rows = std::vec::IntoIter<Result<Row>>;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok((SCHEMA.to_string(), HtmlEach))
    }

    /// Every `=` on `document` or `selector` is passed (the last of each
    /// wins); any unusable constraint makes the plan unusable.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut plan = IndexPlan::default();
        let mut passed = Vec::new();
        let mut cost = 1000.0;
        for (i, c) in info.constraints.iter().enumerate() {
            if !c.usable {
                return Err(Error::with_code(Error::CONSTRAINT, "html_each: unusable plan"));
            }
            if matches!(c.column, 0 | 1) && c.op == ConstraintOp::EQ {
                cost -= 10.0;
                plan.pass(i, true);
                passed.push(if c.column == 0 { 'D' } else { 'S' });
            }
        }
        plan.idx_str = Some(passed.into_iter().collect());
        plan.estimated_cost = cost;
        plan.order_by_consumed = info.order_by.is_empty();
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        let (mut document, mut selector) = (Vec::new(), Vec::new());
        for (code, value) in scan.idx_str.as_deref().unwrap_or("").chars().zip(&scan.args) {
            let text = value.to_text_bytes().map(|t| t.into_owned()).unwrap_or_default();
            if code == 'D' { document = text } else { selector = text }
        }
        let doc = dom::parse(&document);
        let rows = dom::select(&doc, &selector)
            .into_iter()
            .enumerate()
            .map(|(n, e)| {
                let mut text = String::new();
                dom::text(*e, &mut text);
                let text = if text.is_empty() { Value::Null } else { Value::text(text) };
                Ok(Row::new(n as i64, vec![Value::Null, Value::Null, Value::text(dom::outer_html(*e)), text]))
            })
            .collect::<Vec<_>>();
        Ok(rows.into_iter())
    }
}
