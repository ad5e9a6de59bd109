//! HTML documents queried with CSS selectors, and HTML built from SQL
//! values, compatible with asg017/sqlite-html v0.1.3 (commit d3b1d77):
//! same names, arguments and results.
//!
//! Documents are parsed as HTML5 (html5ever here, x/net/html there: both
//! follow the WHATWG tree-building rules, so `<p>abc` is a whole document
//! with `<html><head></head><body><p>abc</p></body></html>`), and elements
//! are rendered as x/net/html's `Render` writes them: attributes in double
//! quotes, `& ' < > " \r` in text and attribute values as `&amp; &#39;
//! &lt; &gt; &#34; &#13;`, void elements as `<br/>`, script and style text
//! as it is. Results that sqlite-html returns as an empty Go string are
//! NULL there (its SQLite binding passes a nil pointer), so they are NULL
//! here: `html_text` of an element without text, `html_extract` and
//! `html_text` without a match, `html('')`, `html_escape('')`,
//! `html_attribute_get` of an empty attribute. NULL arguments read as `''`
//! (so `html_count(NULL, 'p')` is 0 and `html_table(NULL)` is `<table>`).
//! A selector that does not parse matches nothing. HTML results carry
//! sqlite-html's subtype 221, and `html_element` takes an argument with
//! that subtype as HTML rather than text.
//!
//! Differences: selectors are the `selectors` crate's CSS (level 3 and
//! most of level 4, `:has()` included); cascadia's extensions (`:contains`,
//! `:containsOwn`, `:matches`, `:haschild`, `:input`...) match nothing
//! here. Text that is not UTF-8 is parsed with U+FFFD in place of bad bytes
//! (`html_escape`, `html_unescape`, `html_trim` and `html_table` keep the
//! bytes). Attributes given to `html_element` and the aggregates as a JSON
//! object are written sorted by name (Go's map order is random). Rows of
//! `html_each` carry no subtype (tables here cannot set one). When the
//! attributes of `html_element` are not a JSON object, sqlite-html's error
//! message is, by accident of its binding, the element it rendered anyway;
//! so it is here. `html_element()` without arguments is the error
//! `html_element requires tag` (sqlite-html crashes).

mod dom;
mod each;
mod element;
mod escape;

/// sqlite-html: HTML documents queried with CSS selectors, and HTML
/// generated from SQL values.
#[sqlink_sdk::extension(name = "html")]
mod html_ext {
    use crate::element::attrs_any;
    use crate::{dom, escape, text_of};
    use sqlink_sdk::prelude::*;

    /// sqlite-html's subtype for HTML values.
    const HTML: u8 = 0xdd;

    fn as_html(value: Option<String>) -> Subtyped<Option<String>> {
        Subtyped { value: value.filter(|s| !s.is_empty()), subtype: HTML }
    }

    /// The version of sqlite-html this extension is compatible with,
    /// `v0.1.3`.
    #[function(deterministic, innocuous)]
    fn html_version() -> &'static str {
        super::VERSION
    }

    /// Four lines: `Version:` (as `html_version()`), `Commit:` the
    /// sqlite-html commit this follows, `Runtime:` this crate, and `Date:`
    /// that commit's date.
    #[function(deterministic, innocuous)]
    fn html_debug() -> String {
        format!(
            "Version: {}\nCommit: {}\nRuntime: sqlink-ext-html {} wasm32-wasip2\nDate: {}\n",
            super::VERSION,
            super::REFERENCE_COMMIT,
            env!("CARGO_PKG_VERSION"),
            super::REFERENCE_DATE
        )
    }

    /// The HTML of the first element of `document` matching the CSS
    /// `selector` (with the HTML subtype); NULL when none matches.
    #[function(deterministic, innocuous, result_subtype)]
    fn html_extract(document: Option<&Value>, selector: Option<&Value>) -> Subtyped<Option<String>> {
        let doc = dom::parse(&text_of(document));
        as_html(dom::first(&doc, &text_of(selector)).map(|e| dom::outer_html(*e)))
    }

    /// The text (every text node, as `textContent`) of the first element
    /// of `document` matching `selector`, or of the whole document without
    /// a selector; NULL when none matches or the text is empty.
    #[function(deterministic, innocuous)]
    fn html_text(document: Option<&Value>, #[optional] selector: Option<&Value>) -> Option<String> {
        let doc = dom::parse(&text_of(document));
        let mut out = String::new();
        match selector {
            Some(selector) => dom::text(*dom::first(&doc, &text_of(Some(selector)))?, &mut out),
            None => dom::text(doc.tree.root(), &mut out),
        }
        Some(out).filter(|s| !s.is_empty())
    }

    /// How many elements of `document` match the CSS `selector` (0 for a
    /// selector that does not parse).
    #[function(deterministic, innocuous)]
    fn html_count(document: Option<&Value>, selector: Option<&Value>) -> i64 {
        let doc = dom::parse(&text_of(document));
        dom::select(&doc, &text_of(selector)).len() as i64
    }

    /// The value of attribute `name` of the first element of `document`
    /// matching `selector`; NULL when there is no match, no such attribute
    /// or it is empty. Alias `html_attr_get`.
    #[function(deterministic, innocuous, alias = "html_attr_get")]
    fn html_attribute_get(document: Option<&Value>, selector: Option<&Value>, name: Option<&Value>) -> Option<String> {
        let doc = dom::parse(&text_of(document));
        let e = dom::first(&doc, &text_of(selector))?;
        let name = String::from_utf8_lossy(&text_of(name)).into_owned();
        e.value().attrs().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()).filter(|v| !v.is_empty())
    }

    /// 1 if the first element of `document` matching `selector` has the
    /// attribute `name`, else 0. Alias `html_attr_has`.
    #[function(deterministic, innocuous, alias = "html_attr_has")]
    fn html_attribute_has(document: Option<&Value>, selector: Option<&Value>, name: Option<&Value>) -> i64 {
        let doc = dom::parse(&text_of(document));
        let name = String::from_utf8_lossy(&text_of(name)).into_owned();
        dom::first(&doc, &text_of(selector)).is_some_and(|e| e.value().attrs().any(|(k, _)| k == name)) as i64
    }

    /// The body of `document` parsed and rendered again ("cleaned": tags
    /// closed, attributes quoted), with the HTML subtype; NULL when the
    /// body is empty.
    #[function(deterministic, innocuous, result_subtype)]
    fn html(document: Option<&Value>) -> Subtyped<Option<String>> {
        let doc = dom::parse(&text_of(document));
        let body = doc.tree.root().descendants().find(|n| n.value().as_element().is_some_and(|e| e.name() == "body"));
        as_html(body.map(dom::inner_html))
    }

    /// An element `<tag>` with the attributes of a JSON object (strings as
    /// they are, numbers as `%f`, other values empty; NULL for none) and
    /// the remaining arguments as children: text, escaped, or HTML (values
    /// with the HTML subtype) as it is; with the HTML subtype. Attributes
    /// that are not a JSON object are an error whose message is the
    /// element rendered without them.
    #[function(deterministic, innocuous, subtype, result_subtype)]
    fn html_element(args: &[Value]) -> Result<Subtyped<Option<String>>> {
        let Some(tag) = args.first() else { return Err(Error::new("html_element requires tag")) };
        let (built, ok) = super::build(tag, args.get(1), &args[args.len().min(2)..], 2, attrs_any);
        let rendered = built.to_html();
        if !ok {
            return Err(Error::new(rendered));
        }
        Ok(as_html(Some(rendered)))
    }

    impl<const DIV: bool> super::Group<DIV> {
        pub fn step(&mut self, args: &[Value]) -> Result<()> {
            let Some(tag) = args.first() else { return Err(Error::new("html_element requires tag")) };
            let (built, ok) = super::build(tag, args.get(1), &args[args.len().min(2)..], 2, crate::element::attrs_strings);
            if !ok {
                return Err(Error::new("attributes is not a JSON object"));
            }
            self.children.get_or_insert_with(Vec::new).push(built);
            Ok(())
        }

        pub fn finalize(self) -> Subtyped<Option<String>> {
            let value = self.children.map(|children| {
                let tag = if DIV { "div" } else { "span" };
                crate::element::Built::Element { tag: tag.to_string(), attrs: Vec::new(), children }.to_html()
            });
            Subtyped { value, subtype: 0xdd }
        }
    }

    /// Aggregate: a `<div>` holding, in row order, one element per row
    /// built as `html_element` builds it (attribute values must be strings
    /// or null, else the error `attributes is not a JSON object`); NULL
    /// over no rows; with the HTML subtype.
    #[aggregate(deterministic, innocuous, subtype, result_subtype)]
    pub type HtmlGroupElementDiv = super::Group<true>;

    /// Aggregate: as `html_group_element_div`, in a `<span>`.
    #[aggregate(deterministic, innocuous, subtype, result_subtype)]
    pub type HtmlGroupElementSpan = super::Group<false>;

    /// `html_escape`: `& ' < > "` as `&amp; &#39; &lt; &gt; &#34;`; NULL
    /// for `''` or NULL.
    #[function(deterministic, innocuous)]
    fn html_escape(text: Option<&Value>) -> Option<Value> {
        Some(Value::Text(escape::escape_string(&text_of(text)))).filter(|v| !matches!(v, Value::Text(t) if t.is_empty()))
    }

    /// Named (HTML5) and numeric character references decoded, as Go's
    /// `html.UnescapeString`; NULL for `''` or NULL.
    #[function(deterministic, innocuous)]
    fn html_unescape(text: Option<&Value>) -> Option<Value> {
        Some(Value::Text(escape::unescape_string(&text_of(text)))).filter(|v| !matches!(v, Value::Text(t) if t.is_empty()))
    }

    /// The text without leading and trailing Unicode whitespace; NULL for
    /// `''` or NULL (`''` for text of only whitespace).
    #[function(deterministic, innocuous)]
    fn html_trim(text: Option<&Value>) -> Option<Value> {
        let t = text_of(text);
        if t.is_empty() {
            return None;
        }
        Some(Value::Text(super::trim_space(&t).to_vec()))
    }

    /// `<table>` followed by the text (so that `<tr>` rows parse).
    #[function(deterministic, innocuous)]
    fn html_table(text: Option<&Value>) -> Value {
        let mut out = b"<table>".to_vec();
        out.extend_from_slice(&text_of(text));
        Value::Text(out)
    }

    /// 1: every text parses as HTML (sqlite-html never answers 0).
    #[function(deterministic, innocuous)]
    fn html_valid(document: Option<&Value>) -> i64 {
        let _ = document;
        1
    }

    /// The elements of `document` matching the CSS `selector`, one row
    /// each (rowid from 0): `html` (the element's HTML) and `text` (its
    /// text, NULL when empty); the hidden `document` and `selector` read
    /// NULL. No rows without a document or selector.
    #[vtab(name = "html_each", eponymous_only)]
    pub type HtmlEachTable = crate::each::HtmlEach;
}

/// The sqlite-html version `html_version()` reports.
const VERSION: &str = "v0.1.3";
const REFERENCE_COMMIT: &str = "d3b1d77";
const REFERENCE_DATE: &str = "2023-03-24";

use sqlink_sdk::prelude::*;

/// An argument's text as Go's `Value.Text()` reads it: NULL as empty.
fn text_of(value: Option<&Value>) -> Vec<u8> {
    value.and_then(|v| v.to_text_bytes()).map(|t| t.into_owned()).unwrap_or_default()
}

fn lossy(value: Option<&Value>) -> String {
    String::from_utf8_lossy(&text_of(value)).into_owned()
}

/// An element from `tag`, attributes and children; false when the
/// attributes were not acceptable (the element then has none). `first` is
/// the argument index of the first child (for its subtype).
fn build(
    tag: &Value,
    attrs: Option<&Value>,
    children: &[Value],
    first: usize,
    read: fn(&str) -> std::result::Result<Vec<(String, String)>, ()>,
) -> (element::Built, bool) {
    let (attrs, ok) = match attrs {
        None | Some(Value::Null) => (Vec::new(), true),
        Some(a) => match read(&lossy(Some(a))) {
            Ok(list) => (list, true),
            Err(()) => (Vec::new(), false),
        },
    };
    let children = children
        .iter()
        .enumerate()
        .map(|(k, v)| {
            let data = lossy(Some(v));
            if sqlink_sdk::arg_subtype(first + k) == 0xdd { element::Built::Raw(data) } else { element::Built::Text(data) }
        })
        .collect();
    (element::Built::Element { tag: lossy(Some(tag)), attrs, children }, ok)
}

/// The state of `html_group_element_div` (`DIV`) or `_span`.
#[derive(Default)]
pub struct Group<const DIV: bool> {
    pub(crate) children: Option<Vec<element::Built>>,
}

/// Go's `strings.TrimSpace` over bytes: Unicode whitespace off both ends;
/// a byte that is not UTF-8 is not whitespace.
fn trim_space(s: &[u8]) -> &[u8] {
    let valid_prefix = |b: &[u8]| -> usize {
        match std::str::from_utf8(b) {
            Ok(_) => b.len(),
            Err(e) => e.valid_up_to(),
        }
    };
    let head = std::str::from_utf8(&s[..valid_prefix(s)]).unwrap_or("");
    let start = head.len() - head.trim_start_matches(char::is_whitespace).len();
    let mut end = s.len();
    while end > start {
        let last = (1..=4.min(end - start)).find_map(|k| std::str::from_utf8(&s[end - k..end]).ok().filter(|c| c.chars().count() == 1));
        match last.and_then(|c| c.chars().next()) {
            Some(c) if c.is_whitespace() => end -= c.len_utf8(),
            _ => break,
        }
    }
    &s[start..end]
}

#[cfg(test)]
mod tests;
