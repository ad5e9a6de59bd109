//! The `md_ast` table: a Markdown text's syntax tree (markdown-rs mdast),
//! breadth first, one row per node, planned and scanned as sqlite-md does.

use markdown::mdast::Node;
use serde_json::{Map, Value as Json};
use sqlink_sdk::prelude::*;

/// sqlite-md's schema: the input is the hidden column 10, `raw` column 11.
const SCHEMA: &str = "CREATE TABLE x(parent, node_type, value, details, start_offset, start_line, start_column, end_offset, end_line, end_column, input_text hidden, raw hidden)";
/// Column 10: the Markdown text (the function's argument).
const INPUT_TEXT: i32 = 10;

/// The `md_ast` table (eponymous only).
pub struct MdAstTable;

impl Table for MdAstTable {
    type Rows = std::vec::IntoIter<Result<Row>>;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok((SCHEMA.to_string(), MdAstTable))
    }

    /// sqlite-md's plan: every usable `=` on `input_text` is passed as the
    /// one argument; any other constraint on it makes the plan unusable,
    /// and none at all is an error (SQLite's generic `SQL logic error`).
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut plan = IndexPlan::default();
        let mut has_input = false;
        for (i, c) in info.constraints.iter().enumerate() {
            if c.column != INPUT_TEXT {
                continue;
            }
            if !(c.usable && c.op == ConstraintOp::EQ) {
                return Err(Error::with_code(Error::CONSTRAINT, "md_ast: unusable plan"));
            }
            if !has_input {
                plan.pass(i, true);
            }
            has_input = true;
        }
        if !has_input {
            return Err(Error::new("SQL logic error"));
        }
        (plan.estimated_cost, plan.estimated_rows, plan.idx_num) = (100000.0, 100000, 1);
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        // sqlite-md reads the whole value (NULL as ''); not UTF-8 fails
        // without a message of its own.
        let bytes = scan.args.first().and_then(|v| v.to_text_bytes()).unwrap_or_default();
        let input = std::str::from_utf8(&bytes).map_err(|_| Error::new("SQL logic error"))?;
        let root = markdown::to_mdast(input, &markdown::ParseOptions::default()).map_err(Error::new)?;
        let rows = breadth_first(&root)
            .into_iter()
            .map(|(id, parent, node)| Ok(Row::new(id, row_values(input, parent, node))))
            .collect::<Vec<_>>();
        Ok(rows.into_iter())
    }
}

/// Every node with its number and its parent's number, breadth first: the
/// root is 0 (its own parent), and nodes are numbered in the order they
/// are queued.
pub fn breadth_first(root: &Node) -> Vec<(i64, i64, &Node)> {
    let mut out = vec![(0, 0, root)];
    let mut next = 0;
    while next < out.len() {
        let (id, _, node) = out[next];
        if let Some(children) = node.children() {
            for child in children {
                let child_id = out.len() as i64;
                out.push((child_id, id, child));
            }
        }
        next += 1;
    }
    out
}

/// One row's values, in schema order.
fn row_values(input: &str, parent: i64, node: &Node) -> Vec<Value> {
    let position = node.position();
    let point = |f: fn(&markdown::unist::Position) -> usize| position.map_or(Value::Null, |p| Value::Integer(f(p) as i64));
    vec![
        Value::Integer(parent),
        Value::text(node_type(node)),
        literal(node).map_or(Value::Null, Value::text),
        details(node).map_or(Value::Null, |d| Value::text(d.to_string())),
        point(|p| p.start.offset),
        point(|p| p.start.line),
        point(|p| p.start.column),
        point(|p| p.end.offset),
        point(|p| p.end.line),
        point(|p| p.end.column),
        Value::Null,
        position.and_then(|p| input.get(p.start.offset..p.end.offset)).map_or(Value::Null, Value::text),
    ]
}

/// The node's type, as sqlite-md names it (markdown-rs' variant names).
pub fn node_type(node: &Node) -> &'static str {
    match node {
        Node::BlockQuote(_) => "BlockQuote",
        Node::Root(_) => "Root",
        Node::FootnoteDefinition(_) => "FootnoteDefinition",
        Node::MdxJsxFlowElement(_) => "MdxJsxFlowElement",
        Node::List(_) => "List",
        Node::MdxjsEsm(_) => "MdxjsEsm",
        Node::Toml(_) => "Toml",
        Node::Yaml(_) => "Yaml",
        Node::Break(_) => "Break",
        Node::InlineCode(_) => "InlineCode",
        Node::InlineMath(_) => "InlineMath",
        Node::Delete(_) => "Delete",
        Node::Emphasis(_) => "Emphasis",
        Node::MdxTextExpression(_) => "MdxTextExpression",
        Node::FootnoteReference(_) => "FootnoteReference",
        Node::Html(_) => "Html",
        Node::Image(_) => "Image",
        Node::ImageReference(_) => "ImageReference",
        Node::MdxJsxTextElement(_) => "MdxJsxTextElement",
        Node::Link(_) => "Link",
        Node::LinkReference(_) => "LinkReference",
        Node::Strong(_) => "Strong",
        Node::Text(_) => "Text",
        Node::Code(_) => "Code",
        Node::Math(_) => "Math",
        Node::MdxFlowExpression(_) => "MdxFlowExpression",
        Node::Heading(_) => "Heading",
        Node::Table(_) => "Table",
        Node::ThematicBreak(_) => "ThematicBreak",
        Node::TableRow(_) => "TableRow",
        Node::TableCell(_) => "TableCell",
        Node::ListItem(_) => "ListItem",
        Node::Definition(_) => "Definition",
        Node::Paragraph(_) => "Paragraph",
    }
}

/// The `value` column: the literal of text-like nodes, None for others.
pub fn literal(node: &Node) -> Option<&str> {
    Some(match node {
        Node::Html(n) => &n.value,
        Node::Text(n) => &n.value,
        Node::Code(n) => &n.value,
        Node::Math(n) => &n.value,
        Node::InlineCode(n) => &n.value,
        Node::InlineMath(n) => &n.value,
        Node::Yaml(n) => &n.value,
        Node::Toml(n) => &n.value,
        Node::MdxjsEsm(n) => &n.value,
        Node::MdxFlowExpression(n) => &n.value,
        Node::MdxTextExpression(n) => &n.value,
        _ => return None,
    })
}

/// The `details` column: an object of the node's fields (keys sorted, as
/// sqlite-md's serde_json prints them), None for nodes without any.
pub fn details(node: &Node) -> Option<Json> {
    fn s(v: &str) -> Json {
        Json::String(v.to_string())
    }
    fn opt(v: &Option<String>) -> Json {
        v.as_deref().map_or(Json::Null, s)
    }
    let fields: Vec<(&str, Json)> = match node {
        Node::List(n) => vec![("ordered", n.ordered.into()), ("spread", n.spread.into()), ("start", n.start.map_or(Json::Null, Json::from))],
        Node::FootnoteReference(n) => vec![("identifier", s(&n.identifier)), ("label", opt(&n.label))],
        Node::Image(n) => vec![("alt", s(&n.alt)), ("title", opt(&n.title)), ("url", s(&n.url))],
        Node::ImageReference(n) => vec![("alt", s(&n.alt)), ("identifier", s(&n.identifier)), ("label", opt(&n.label))],
        Node::Link(n) => vec![("title", opt(&n.title)), ("url", s(&n.url))],
        Node::LinkReference(n) => vec![("identifier", s(&n.identifier)), ("label", opt(&n.label))],
        Node::Code(n) => vec![("language", opt(&n.lang)), ("meta", opt(&n.meta))],
        Node::Math(n) => vec![("meta", opt(&n.meta))],
        Node::Heading(n) => vec![("depth", n.depth.into())],
        Node::Table(_) => vec![],
        Node::ListItem(n) => vec![("checked", n.checked.map_or(Json::Null, Json::from)), ("spread", n.spread.into())],
        Node::Definition(n) => {
            vec![("identifier", s(&n.identifier)), ("label", opt(&n.label)), ("title", opt(&n.title)), ("url", s(&n.url))]
        }
        _ => return None,
    };
    let mut map = Map::new();
    for (k, v) in fields {
        map.insert(k.to_string(), v);
    }
    Some(Json::Object(map))
}
