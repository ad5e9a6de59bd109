//! Mustache parsing (tags, set-delimiter, standalone lines) and rendering
//! against JSON data, as the Mustache spec's required modules describe.

use serde_json::{Map, Value};

#[derive(Debug)]
enum Node {
    Text(String),
    Var { name: String, escape: bool },
    Section { name: String, inverted: bool, children: Vec<Node> },
    Partial { name: String, indent: String },
}

/// Partials nested deeper than this are an error (a partial may include
/// itself, so recursion must end in the data).
const MAX_DEPTH: usize = 200;

fn is_blank(s: &str) -> bool {
    s.chars().all(|c| c == ' ' || c == '\t')
}

/// Parses a template with the default delimiters.
fn parse(template: &str) -> Result<Vec<Node>, String> {
    let (mut open, mut close) = ("{{".to_string(), "}}".to_string());
    // Open sections: name and the nodes before them.
    let mut stack: Vec<(String, bool, Vec<Node>)> = Vec::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut pos = 0;
    let mut line_start = 0;
    while let Some(off) = template[pos..].find(open.as_str()) {
        let tag_start = pos + off;
        let mut inner_start = tag_start + open.len();
        let kind = template[inner_start..].chars().next().unwrap_or(' ');
        let (kind, end_marker) = match kind {
            '{' => ('{', format!("}}{close}")),
            '=' => ('=', format!("={close}")),
            '#' | '^' | '/' | '!' | '>' | '&' => (kind, close.clone()),
            _ => (' ', close.clone()),
        };
        if kind != ' ' {
            inner_start += 1;
        }
        let Some(end_off) = template[inner_start..].find(end_marker.as_str()) else {
            return Err(format!("unclosed tag at byte {tag_start}"));
        };
        let content = template[inner_start..inner_start + end_off].trim();
        let mut tag_end = inner_start + end_off + end_marker.len();
        if let Some(nl) = template[pos..tag_start].rfind('\n') {
            line_start = pos + nl + 1;
        }
        // A standalone tag: alone on its line but for spaces and tabs.
        let mut text_end = tag_start;
        let mut indent = String::new();
        if matches!(kind, '#' | '^' | '/' | '!' | '>' | '=') && is_blank(&template[line_start..tag_start]) {
            let rest = &template[tag_end..];
            let eol = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
            let line_rest = rest[..eol].trim_end_matches('\n').trim_end_matches('\r');
            if is_blank(line_rest) {
                text_end = line_start.max(pos);
                indent = template[line_start..tag_start].to_string();
                tag_end += eol;
                line_start = tag_end;
            }
        }
        if text_end > pos {
            nodes.push(Node::Text(template[pos..text_end].to_string()));
        }
        pos = tag_end;
        match kind {
            '!' => {}
            '=' => {
                let parts: Vec<&str> = content.split_whitespace().collect();
                let [o, c] = parts.as_slice() else {
                    return Err(format!("invalid set-delimiter tag '{content}'"));
                };
                (open, close) = (o.to_string(), c.to_string());
            }
            '#' | '^' => stack.push((content.to_string(), kind == '^', std::mem::take(&mut nodes))),
            '/' => {
                let Some((name, inverted, outer)) = stack.pop() else {
                    return Err(format!("unopened section '{content}'"));
                };
                if name != content {
                    return Err(format!("unclosed section '{name}'"));
                }
                let children = std::mem::replace(&mut nodes, outer);
                nodes.push(Node::Section { name, inverted, children });
            }
            '>' => nodes.push(Node::Partial { name: content.to_string(), indent }),
            '{' | '&' => nodes.push(Node::Var { name: content.to_string(), escape: false }),
            _ => nodes.push(Node::Var { name: content.to_string(), escape: true }),
        }
    }
    if let Some((name, _, _)) = stack.pop() {
        return Err(format!("unclosed section '{name}'"));
    }
    if pos < template.len() {
        nodes.push(Node::Text(template[pos..].to_string()));
    }
    Ok(nodes)
}

/// Resolves a (dotted) name against the context stack.
fn lookup<'a>(stack: &[&'a Value], name: &str) -> Option<&'a Value> {
    if name == "." {
        return stack.last().copied();
    }
    let mut parts = name.split('.');
    let first = parts.next()?;
    let mut value = stack.iter().rev().find_map(|ctx| ctx.as_object().and_then(|o| o.get(first)))?;
    for part in parts {
        value = value.as_object()?.get(part)?;
    }
    Some(value)
}

fn falsey(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) | Some(Value::Bool(false)) => true,
        Some(Value::Array(a)) => a.is_empty(),
        _ => false,
    }
}

fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// Prefixes each line of a partial's source with the standalone tag's indentation.
fn indent_lines(source: &str, indent: &str) -> String {
    if indent.is_empty() {
        return source.to_string();
    }
    let mut out = String::with_capacity(source.len());
    for line in source.split_inclusive('\n') {
        out.push_str(indent);
        out.push_str(line);
    }
    out
}

struct Renderer<'a> {
    partials: Option<&'a Map<String, Value>>,
}

impl<'a> Renderer<'a> {
    fn render(&self, nodes: &[Node], stack: &mut Vec<&'a Value>, out: &mut String, depth: usize) -> Result<(), String> {
        for node in nodes {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Var { name, escape } => {
                    let text = match lookup(stack, name) {
                        None | Some(Value::Null) => continue,
                        Some(Value::String(s)) => s.clone(),
                        Some(other) => other.to_string(),
                    };
                    if *escape { escape_html(&text, out) } else { out.push_str(&text) }
                }
                Node::Section { name, inverted, children } => {
                    let value = lookup(stack, name);
                    if *inverted {
                        if falsey(value) {
                            self.render(children, stack, out, depth)?;
                        }
                    } else if !falsey(value) {
                        let value = value.expect("truthy");
                        match value {
                            Value::Array(items) => {
                                for item in items {
                                    stack.push(item);
                                    self.render(children, stack, out, depth)?;
                                    stack.pop();
                                }
                            }
                            _ => {
                                stack.push(value);
                                self.render(children, stack, out, depth)?;
                                stack.pop();
                            }
                        }
                    }
                }
                Node::Partial { name, indent } => {
                    let Some(source) = self.partials.and_then(|p| p.get(name.as_str())) else { continue };
                    let source = match source {
                        Value::String(s) => s.clone(),
                        _ => continue,
                    };
                    if depth >= MAX_DEPTH {
                        return Err("partials nested too deeply".into());
                    }
                    let nodes = parse(&indent_lines(&source, indent))?;
                    self.render(&nodes, stack, out, depth + 1)?;
                }
            }
        }
        Ok(())
    }
}

/// Renders a template against data, with partials (an object of name to
/// template text, or None).
pub fn render(template: &str, data: &Value, partials: Option<&Map<String, Value>>) -> Result<String, String> {
    let nodes = parse(template)?;
    let mut out = String::with_capacity(template.len());
    let mut stack = vec![data];
    Renderer { partials }.render(&nodes, &mut stack, &mut out, 0)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn basics() {
        let r = |t: &str, d: Value| render(t, &d, None).unwrap();
        assert_eq!(r("Hello, {{subject}}!", json!({"subject": "world"})), "Hello, world!");
        assert_eq!(r("{{a}}|{{{a}}}|{{&a}}", json!({"a": "<&\">"})), "&lt;&amp;&quot;&gt;|<&\">|<&\">");
        assert_eq!(r("{{#l}}{{.}},{{/l}}", json!({"l": [1, 2.5, "x"]})), "1,2.5,x,");
        assert_eq!(r("| {{#b}}\n  x\n  {{/b}}\n|", json!({"b": true})), "| \n  x\n|");
        assert_eq!(r("{{=<% %>=}}<% a %>", json!({"a": 1})), "1");
        assert!(render("{{#a}}", &json!({}), None).is_err());
    }
}
