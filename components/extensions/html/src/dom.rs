//! Documents as sqlite-html sees them through goquery and x/net/html:
//! parsing (HTML5, via html5ever), selecting elements in document order,
//! rendering a node as `html.Render` does, and text as goquery's `Text()`.

use crate::escape::escape_render;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node, Selector};

/// x/net/html's void elements: rendered `<br/>`, never closed.
pub const VOID: [&str; 15] = ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];
/// Elements whose text children are rendered raw.
pub const RAW_TEXT: [&str; 8] = ["iframe", "noembed", "noframes", "noscript", "plaintext", "script", "style", "xmp"];

/// Parses a document (bytes that are not UTF-8 as U+FFFD).
pub fn parse(document: &[u8]) -> Html {
    Html::parse_document(&String::from_utf8_lossy(document))
}

/// The elements of `doc` matching the CSS `selector`, in document order;
/// none for a selector that does not parse (as goquery's invalid matcher).
pub fn select<'a>(doc: &'a Html, selector: &[u8]) -> Vec<ElementRef<'a>> {
    let Ok(selector) = std::str::from_utf8(selector) else { return Vec::new() };
    let Ok(selector) = Selector::parse(selector) else { return Vec::new() };
    doc.tree.root().descendants().filter_map(ElementRef::wrap).filter(|e| selector.matches(e)).collect()
}

/// The first match, as goquery's `Single` matcher.
pub fn first<'a>(doc: &'a Html, selector: &[u8]) -> Option<ElementRef<'a>> {
    select(doc, selector).into_iter().next()
}

/// The children of a node, a template's contents included in place (Go's
/// tree keeps them as ordinary children; scraper under a fragment).
fn children<'a>(node: NodeRef<'a, Node>) -> Vec<NodeRef<'a, Node>> {
    let mut out = Vec::new();
    for c in node.children() {
        if c.value().is_fragment() {
            out.extend(children(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// goquery's `Text()`: every text node under `node`, in order.
pub fn text(node: NodeRef<'_, Node>, out: &mut String) {
    if let Node::Text(t) = node.value() {
        out.push_str(t);
    }
    for c in children(node) {
        text(c, out);
    }
}

/// The plaintext element stops all rendering.
pub struct PlaintextAbort;

/// `html.Render` of one parsed node (and its subtree).
pub fn render(node: NodeRef<'_, Node>, out: &mut String) -> Result<(), PlaintextAbort> {
    match node.value() {
        Node::Text(t) => escape_render(t, out),
        Node::Document | Node::Fragment => {
            for c in children(node) {
                render(c, out)?;
            }
        }
        Node::Comment(c) => {
            out.push_str("<!--");
            out.push_str(&c.comment);
            out.push_str("-->");
        }
        Node::Doctype(d) => {
            out.push_str("<!DOCTYPE ");
            out.push_str(d.name());
            let (p, s) = (d.public_id(), d.system_id());
            if !p.is_empty() {
                out.push_str(" PUBLIC ");
                quoted(p, out);
                if !s.is_empty() {
                    out.push(' ');
                    quoted(s, out);
                }
            } else if !s.is_empty() {
                out.push_str(" SYSTEM ");
                quoted(s, out);
            }
            out.push('>');
        }
        Node::ProcessingInstruction(_) => {}
        Node::Element(e) => {
            let name = e.name();
            out.push('<');
            out.push_str(name);
            for (qual, value) in e.attrs.iter() {
                out.push(' ');
                if let Some(prefix) = &qual.prefix {
                    out.push_str(prefix);
                    out.push(':');
                }
                out.push_str(&qual.local);
                out.push_str("=\"");
                escape_render(value, out);
                out.push('"');
            }
            let kids = children(node);
            if VOID.contains(&name) {
                // A parsed void element has no children.
                out.push_str("/>");
                return Ok(());
            }
            out.push('>');
            if let Some(Node::Text(t)) = kids.first().map(|k| k.value())
                && t.starts_with('\n')
                && matches!(name, "pre" | "listing" | "textarea")
            {
                out.push('\n');
            }
            if RAW_TEXT.contains(&name) {
                for c in kids {
                    match c.value() {
                        Node::Text(t) => out.push_str(t),
                        _ => render(c, out)?,
                    }
                }
                if name == "plaintext" {
                    return Err(PlaintextAbort);
                }
            } else {
                for c in kids {
                    render(c, out)?;
                }
            }
            out.push_str("</");
            out.push_str(name);
            out.push('>');
        }
    }
    Ok(())
}

/// x/net/html's `writeQuoted`: in `"`, or `'` when the text has a `"`.
fn quoted(s: &str, out: &mut String) {
    let q = if s.contains('"') { '\'' } else { '"' };
    out.push(q);
    out.push_str(s);
    out.push(q);
}

/// `html.Render` of a whole node: what was written before a plaintext
/// element stopped it counts.
pub fn outer_html(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    let _ = render(node, &mut out);
    out
}

/// goquery's `Html()`: the rendering of each child of `node` in turn; a
/// plaintext element ends only its own child's rendering.
pub fn inner_html(node: NodeRef<'_, Node>) -> String {
    let mut out = String::new();
    for c in children(node) {
        let _ = render(c, &mut out);
    }
    out
}
