//! The values sqlite-regex passes between its functions as SQLite pointers
//! (`regex()`, `regexset()`, the `captures` column), as plain SQL values.
//!
//! A pointer cannot cross the component boundary (the contract carries
//! values and subtypes, and tables carry no subtypes), so each object is a
//! value that says everything it holds:
//!
//! * a regex is its pattern, as text;
//! * a regex set is a JSON array of its patterns (what sqlite-regex's
//!   `regexset_print()` shows), e.g. `["abc","xyz"]`;
//! * the captures of one match are a JSON object of the groups' texts
//!   (NULL for a group that did not take part), by number then by name,
//!   e.g. `{"0":"'M' (1931)","1":"M","2":"1931","title":"M","year":"1931"}`,
//!   so `captures ->> 'title'` works with SQLite's own JSON operator as it
//!   does with sqlite-regex's overloaded one.

use crate::args::{text_notnull, text_or_empty};
use crate::cache;
use regex::{Captures, Regex, RegexSet};
use serde_json::Value as Json;
use sqlink_sdk::{Error, Result, Value};
use std::rc::Rc;

/// The error for a value that is not a regex set.
pub const NOT_A_SET: &str = "value is not a regexset object";
/// sqlite-regex's error for a value that is not a captures object.
pub const NOT_CAPTURES: &str = "value is not a regex captures object";

/// The regex of a pattern argument (or of `regex()`'s result, which is the
/// pattern), compiled or from the cache.
///
/// # Errors
/// The argument's own error (NULL, not UTF-8), or `error(e)` when the
/// pattern does not compile: each function of sqlite-regex words that
/// one its own way.
pub fn regex_of(value: &Value, error: impl FnOnce(regex::Error) -> Error) -> Result<Rc<Regex>> {
    let pattern = text_notnull(value)?;
    cache::regex(&pattern).map_err(error)
}

/// The text of a regex set of these patterns.
pub fn set_text(patterns: &[String]) -> String {
    serde_json::to_string(patterns).expect("strings always serialize")
}

/// The patterns of a regex set value: text (or a blob) holding a JSON
/// array of strings.
fn set_patterns(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Text(bytes) | Value::Blob(bytes) => serde_json::from_slice::<Vec<String>>(bytes).ok(),
        _ => None,
    }
}

/// The compiled regex set a value holds, and its patterns.
///
/// # Errors
/// `value is not a regexset object` for anything but a JSON array of
/// strings; the parse error of a pattern that does not compile.
pub fn set_of(value: &Value) -> Result<(Rc<RegexSet>, Vec<String>)> {
    let patterns = set_patterns(value).ok_or_else(|| Error::new(NOT_A_SET))?;
    let key = set_text(&patterns);
    let set = cache::regex_set(&key, &patterns).map_err(set_error)?;
    Ok((set, patterns))
}

/// The error of a regex set with a pattern that does not compile.
pub fn set_error(e: regex::Error) -> Error {
    Error::new(format!("Error parsing pattern as regex: {e}"))
}

/// The captures object of one match of `regex`: every group by number,
/// then every named group by name.
pub fn captures_text(regex: &Regex, captures: &Captures<'_>) -> String {
    let mut out = String::from("{");
    let mut entry = |key: &str, text: Option<&str>| {
        if out.len() > 1 {
            out.push(',');
        }
        out.push_str(&serde_json::to_string(key).expect("strings always serialize"));
        out.push(':');
        match text {
            Some(text) => out.push_str(&serde_json::to_string(text).expect("strings always serialize")),
            None => out.push_str("null"),
        }
    };
    for (i, group) in captures.iter().enumerate() {
        entry(&i.to_string(), group.map(|m| m.as_str()));
    }
    for name in regex.capture_names().flatten() {
        entry(name, captures.name(name).map(|m| m.as_str()));
    }
    out.push('}');
    out
}

/// `regex_capture(captures, group)`: the text of a group (by number when
/// `group` is an integer, else by name) of a captures object; None when
/// there is no such group or it did not take part in the match.
///
/// # Errors
/// `value is not a regex captures object` for any other first argument;
/// `utf8 err` for a name that is not UTF-8.
pub fn capture_in(captures: &Value, group: &Value) -> Result<Option<String>> {
    let object = match captures {
        Value::Text(bytes) | Value::Blob(bytes) => serde_json::from_slice::<serde_json::Map<String, Json>>(bytes).ok(),
        _ => None,
    };
    let object = object.filter(|o| o.values().all(|v| v.is_string() || v.is_null())).ok_or_else(|| Error::new(NOT_CAPTURES))?;
    let key = match group {
        Value::Integer(i) if *i >= 0 => i.to_string(),
        Value::Integer(_) => return Ok(None),
        other => {
            let name = text_or_empty(other)?;
            // Numbers are keys of groups by number; no group name starts
            // with a digit, so text like '1' names no group.
            if name.starts_with(|c: char| c.is_ascii_digit()) {
                return Ok(None);
            }
            name.into_owned()
        }
    };
    Ok(object.get(&key).and_then(Json::as_str).map(str::to_owned))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_is_the_json_array_of_its_patterns() {
        let patterns = vec!["a\"b".to_string(), "\\d+".into(), "é\n".into()];
        let text = set_text(&patterns);
        assert_eq!(text, r#"["a\"b","\\d+","é\n"]"#);
        let (set, back) = set_of(&Value::text(text)).unwrap();
        assert_eq!(back, patterns);
        assert!(set.is_match("12"));
        assert_eq!(set_of(&Value::text("abc")).unwrap_err().message, NOT_A_SET);
        assert_eq!(set_of(&Value::text("[1]")).unwrap_err().message, NOT_A_SET);
        assert_eq!(set_of(&Value::Null).unwrap_err().message, NOT_A_SET);
        assert!(set_of(&Value::text(r#"["[a"]"#)).unwrap_err().message.starts_with("Error parsing pattern as regex: regex parse error:"));
    }

    #[test]
    fn captures_are_found_by_number_and_by_name() {
        let regex = Regex::new(r"(?P<word>[a-z]+)(x)?(?P<n>\d)?").unwrap();
        let caps = regex.captures("abc1").unwrap();
        let text = captures_text(&regex, &caps);
        assert_eq!(text, r#"{"0":"abc1","1":"abc","2":null,"3":"1","word":"abc","n":"1"}"#);
        let value = Value::text(text);
        let get = |g: Value| capture_in(&value, &g).unwrap();
        assert_eq!(get(Value::Integer(0)).as_deref(), Some("abc1"));
        assert_eq!(get(Value::Integer(3)).as_deref(), Some("1"));
        assert_eq!(get(Value::Integer(2)), None);
        assert_eq!(get(Value::Integer(4)), None);
        assert_eq!(get(Value::Integer(-1)), None);
        assert_eq!(get(Value::text("word")).as_deref(), Some("abc"));
        assert_eq!(get(Value::text("1")), None);
        assert_eq!(get(Value::Real(1.0)), None);
        assert_eq!(get(Value::Null), None);
        assert_eq!(capture_in(&Value::text("x"), &Value::Integer(0)).unwrap_err().message, NOT_CAPTURES);
        assert_eq!(capture_in(&Value::Null, &Value::Integer(0)).unwrap_err().message, NOT_CAPTURES);
        assert_eq!(capture_in(&Value::text(r#"{"0":1}"#), &Value::Integer(0)).unwrap_err().message, NOT_CAPTURES);
    }
}
