//! A YAML stream as JSON documents, straight from the parser's events:
//! scalars resolved by the core schema ([`crate::schema`]), aliases
//! replaced by what their anchor holds, mapping keys as JSON strings.

use crate::{json, schema};
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span};
use std::collections::{HashMap, HashSet};

/// One document of a stream: its number (from 1), the line it starts on,
/// and its value as compact JSON text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Document {
    pub number: i64,
    pub line: i64,
    pub json: String,
}

/// How much JSON aliases may produce beyond the input's own size, so that a
/// few bytes of nested aliases ("billion laughs") fail instead of filling
/// the memory.
const ALIAS_ALLOWANCE: usize = 16 << 20;

/// A node converted: its JSON text, and the key it makes in a mapping (a
/// string's own text; other values' JSON text).
#[derive(Clone)]
struct Node {
    json: String,
    key: String,
}

/// An open sequence or mapping.
struct Frame {
    mapping: bool,
    anchor: usize,
    out: String,
    items: usize,
    keys: HashSet<String>,
    key: Option<String>,
}

/// Every document of `text` as JSON.
///
/// # Errors
/// The parser's errors and ours (a duplicate key, a scalar its `!!` tag
/// does not fit, aliases expanding too far), as "line L, column C: what".
pub(crate) fn documents(text: &str) -> Result<Vec<Document>, String> {
    let mut docs = Vec::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Node> = HashMap::new();
    let mut root: Option<Node> = None;
    let mut start_line = 1;
    let mut alias_budget = ALIAS_ALLOWANCE.saturating_add(text.len().saturating_mul(16));
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| scan_error(&e))?;
        let node = match event {
            Event::StreamStart | Event::StreamEnd | Event::Nothing => continue,
            Event::DocumentStart(_) => {
                start_line = span.start.line();
                continue;
            }
            Event::DocumentEnd => {
                let json = root.take().map_or_else(|| "null".to_string(), |n| n.json);
                docs.push(Document { number: docs.len() as i64 + 1, line: start_line as i64, json });
                continue;
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                let mapping = matches!(event, Event::MappingStart(..));
                let out = String::from(if mapping { "{" } else { "[" });
                stack.push(Frame { mapping, anchor, out, items: 0, keys: HashSet::new(), key: None });
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let mut frame = stack.pop().expect("the parser balances starts and ends");
                frame.out.push(if frame.mapping { '}' } else { ']' });
                let node = Node { key: frame.out.clone(), json: frame.out };
                if frame.anchor > 0 {
                    anchors.insert(frame.anchor, node.clone());
                }
                node
            }
            Event::Scalar(text, style, anchor, tag) => {
                let tag = tag.as_ref().map(|t| (t.handle.as_str(), t.suffix.as_str()));
                let json = schema::scalar(&text, style == ScalarStyle::Plain, tag).map_err(|e| at(span, &e))?;
                let key = if json.starts_with('"') { text.into_owned() } else { json.clone() };
                let node = Node { json, key };
                if anchor > 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::Alias(anchor) => {
                let node = anchors.get(&anchor).cloned().ok_or_else(|| at(span, "unknown alias"))?;
                alias_budget = alias_budget
                    .checked_sub(node.json.len())
                    .ok_or_else(|| at(span, "aliases expand to too much JSON (a \"billion laughs\" document?)"))?;
                node
            }
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some(frame) if frame.mapping => match frame.key.take() {
                None => {
                    if !frame.keys.insert(node.key.clone()) {
                        return Err(at(span, &format!("duplicate key {}", json::quoted(&node.key))));
                    }
                    frame.key = Some(node.key);
                }
                Some(key) => {
                    if frame.items > 0 {
                        frame.out.push(',');
                    }
                    json::quote(&mut frame.out, &key);
                    frame.out.push(':');
                    frame.out.push_str(&node.json);
                    frame.items += 1;
                }
            },
            Some(frame) => {
                if frame.items > 0 {
                    frame.out.push(',');
                }
                frame.out.push_str(&node.json);
                frame.items += 1;
            }
        }
    }
    Ok(docs)
}

fn scan_error(e: &ScanError) -> String {
    format!("line {}, column {}: {}", e.marker().line(), e.marker().col() + 1, e.info())
}

fn at(span: Span, what: &str) -> String {
    format!("line {}, column {}: {what}", span.start.line(), span.start.col() + 1)
}
