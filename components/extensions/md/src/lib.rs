//! Markdown to HTML and Markdown syntax trees as rows, compatible with
//! asg017/sqlite-md v0.1.0 (commit 6a8a5b4): same names, arguments,
//! columns and results. Both parse with the same markdown-rs release
//! sqlite-md was written against (`markdown` 1.0.0-alpha.7, CommonMark,
//! default options), so the HTML is byte-identical.
//!
//! * `md_to_html(md)`: the HTML of a Markdown text (raw HTML in the input
//!   is escaped, as markdown-rs does by default).
//! * `md_ast(md)`: one row per node of the syntax tree, breadth first from
//!   the `Root` (rowid 0): `parent` (the parent's rowid; 0 for the root),
//!   `node_type` (`Root`, `Paragraph`, `Text`, `Link`...), `value` (the
//!   literal of text-like nodes), `details` (JSON of the node's fields),
//!   the start and end `offset`/`line`/`column`, and the hidden columns
//!   `input_text` (always NULL) and `raw` (the node's source text).
//! * `md_version()`, `md_debug()`.
//!
//! Quirks kept from sqlite-md: `md_to_html(NULL)` is the error `Unexpected
//! null value` and text that is not UTF-8 the error `utf8 err`; the text
//! ends at its first NUL. `md_ast(NULL)` is the tree of `''`; `md_ast`
//! with text that is not UTF-8, or without an argument, fails with `SQL
//! logic error`; a constraint other than `=` on `input_text` leaves no
//! usable plan.
//!
//! Differences: `details` is JSON text without SQLite's JSON subtype (rows
//! of tables here carry no subtypes); `md_debug()` names this crate beside
//! the sqlite-md commit.

mod ast;

/// sqlite-md: Markdown to HTML, and Markdown syntax trees as rows.
#[sqlink_sdk::extension(name = "md")]
mod md_ext {
    use sqlink_sdk::prelude::*;

    /// The HTML of a Markdown text (CommonMark, markdown-rs defaults; a
    /// number is read as its text). NULL is the error `Unexpected null
    /// value`, text that is not UTF-8 the error `utf8 err`.
    #[function(deterministic, innocuous)]
    fn md_to_html(md: Option<&Value>) -> Result<String> {
        let text = crate::c_text(md)?;
        Ok(markdown::to_html(&text))
    }

    /// The nodes of a Markdown text's syntax tree, breadth first, one row
    /// each: `parent`, `node_type`, `value`, `details` (JSON), start and
    /// end `offset`, `line`, `column`, and hidden `input_text` and `raw`.
    /// The rowid is the node's number (0 for the root).
    #[vtab(name = "md_ast", eponymous_only)]
    pub type MdAst = crate::ast::MdAstTable;

    /// The version of sqlite-md this extension is compatible with,
    /// `v0.1.0`.
    #[function(deterministic, innocuous)]
    fn md_version() -> &'static str {
        super::VERSION
    }

    /// Two lines: `Version: v0.1.0` (as `md_version()`) and `Source:` this
    /// crate and the sqlite-md commit it follows.
    #[function(deterministic, innocuous)]
    fn md_debug() -> String {
        format!(
            "Version: {}\nSource: sqlink-ext-md {} (compatible with asg017/sqlite-md {})\n",
            super::VERSION,
            env!("CARGO_PKG_VERSION"),
            super::REFERENCE_COMMIT
        )
    }
}

/// The sqlite-md version `md_version()` reports.
const VERSION: &str = "v0.1.0";
/// The sqlite-md commit this follows.
const REFERENCE_COMMIT: &str = "6a8a5b4";

/// The text of `md_to_html`'s argument as sqlite-md reads it: NULL is an
/// error, the text ends at its first NUL, and must be UTF-8.
fn c_text(value: Option<&sqlink_sdk::Value>) -> sqlink_sdk::Result<String> {
    use sqlink_sdk::{Error, Value};
    let bytes = match value {
        None | Some(Value::Null) => return Err(Error::new("Unexpected null value")),
        Some(v) => v.to_text_bytes().unwrap_or_default(),
    };
    let end = bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len());
    String::from_utf8(bytes[..end].to_vec()).map_err(|_| Error::new("utf8 err"))
}

#[cfg(test)]
mod tests;
