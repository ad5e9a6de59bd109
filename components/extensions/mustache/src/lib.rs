//! Mustache templates (compatible with the Mustache spec 1.4, mustache/spec
//! 9cb20c3: its required modules comments, delimiters, interpolation,
//! inverted, partials and sections).
//!
//! Data and partials are JSON. A section is skipped for a missing name,
//! null, false and an empty list (as in the spec's Ruby reference: `0` and
//! `""` are truthy), repeated for each item of a list, and entered once for
//! anything else. Interpolated numbers, booleans, lists and objects appear
//! as their JSON text; `&`, `<`, `>` and `"` are HTML-escaped.
//!
//! Gaps: lambdas (JSON has no functions) and the optional modules (dynamic
//! names, inheritance) are not supported.

mod template;

/// Mustache templates rendered with JSON data.
#[sqlink_sdk::extension(name = "mustache")]
mod mustache_ext {
    use sqlink_sdk::prelude::*;

    /// The template rendered with the JSON data, and with the partials
    /// given as a JSON object of name to template text:
    /// `mustache_render('Hello, {{name}}!', '{"name":"World"}')` is
    /// `Hello, World!`. NULL if the template is NULL; NULL data renders as
    /// an empty context. An error for data or partials that are not JSON
    /// (partials must be an object) and for a malformed template (an
    /// unclosed tag or section, a bad set-delimiter tag).
    #[function(deterministic, innocuous)]
    fn mustache_render(template: &str, data: Option<&str>, #[optional] partials: Option<Option<&str>>) -> Result<String> {
        let data: serde_json::Value = match data {
            None => serde_json::Value::Null,
            Some(d) => serde_json::from_str(d).map_err(|e| Error::new(format!("mustache_render(): invalid JSON data: {e}")))?,
        };
        let partials: Option<serde_json::Value> = match partials.flatten() {
            None => None,
            Some(p) => Some(serde_json::from_str(p).map_err(|e| Error::new(format!("mustache_render(): invalid JSON partials: {e}")))?),
        };
        let partials = match &partials {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::Object(map)) => Some(map),
            Some(_) => return Err(Error::new("mustache_render(): partials must be a JSON object")),
        };
        super::template::render(template, &data, partials).map_err(|e| Error::new(format!("mustache_render(): {e}")))
    }

    #[cfg(test)]
    include!("spec_tests.rs");
}
