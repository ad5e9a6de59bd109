//! JSON Pointer (RFC 6901): `/a/0/b~1c` names a value inside a document.

use serde_json::Value;

/// The reference tokens of a pointer, unescaped (`~1` is `/`, `~0` is `~`).
///
/// # Errors
/// A pointer that is neither empty nor starts with `/`, or a `~` not
/// followed by `0` or `1`.
pub(crate) fn tokens(pointer: &str) -> Result<Vec<String>, String> {
    if pointer.is_empty() {
        return Ok(Vec::new());
    }
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(format!("invalid JSON pointer {pointer:?}: it must be empty or start with '/'"));
    };
    rest.split('/')
        .map(|token| {
            let mut out = String::with_capacity(token.len());
            let mut chars = token.chars();
            while let Some(c) = chars.next() {
                match (c, c == '~') {
                    (_, false) => out.push(c),
                    (_, true) => match chars.next() {
                        Some('0') => out.push('~'),
                        Some('1') => out.push('/'),
                        _ => return Err(format!("invalid JSON pointer {pointer:?}: '~' must be followed by '0' or '1'")),
                    },
                }
            }
            Ok(out)
        })
        .collect()
}

/// The value the pointer names, or `None` when there is none (a missing
/// member, an index past the end or not written as RFC 6901 requires —
/// digits without a leading zero — or a step into a scalar).
///
/// # Errors
/// A pointer that is not valid syntax (see [`tokens`]).
pub(crate) fn get<'a>(doc: &'a Value, pointer: &str) -> Result<Option<&'a Value>, String> {
    let mut at = doc;
    for token in tokens(pointer)? {
        let next = match at {
            Value::Object(map) => map.get(&token),
            Value::Array(items) => index(&token).and_then(|i| items.get(i)),
            _ => None,
        };
        match next {
            Some(v) => at = v,
            None => return Ok(None),
        }
    }
    Ok(Some(at))
}

/// An array index token: `0`, or digits not starting with `0`.
fn index(token: &str) -> Option<usize> {
    let digits = !token.is_empty() && token.bytes().all(|b| b.is_ascii_digit());
    if !digits || (token.len() > 1 && token.starts_with('0')) {
        return None;
    }
    token.parse().ok()
}

/// JSON equality as RFC 6902's `test` defines it: numbers equal by value
/// (`1` and `1.0`), objects regardless of member order, arrays item by item.
pub(crate) fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            x == y || (x.as_i64().is_none() || y.as_i64().is_none()) && x.as_f64().is_some() && x.as_f64() == y.as_f64()
        }
        (Value::Array(x), Value::Array(y)) => x.len() == y.len() && x.iter().zip(y).all(|(x, y)| equal(x, y)),
        (Value::Object(x), Value::Object(y)) => x.len() == y.len() && x.iter().all(|(k, x)| y.get(k).is_some_and(|y| equal(x, y))),
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// RFC 6901 section 5's examples.
    #[test]
    fn rfc_6901_examples() {
        let doc = json!({"foo": ["bar", "baz"], "": 0, "a/b": 1, "c%d": 2, "e^f": 3, "g|h": 4, "i\\j": 5, "k\"l": 6, " ": 7, "m~n": 8});
        for (pointer, want) in [
            ("", doc.clone()), ("/foo", json!(["bar", "baz"])), ("/foo/0", json!("bar")), ("/", json!(0)), ("/a~1b", json!(1)),
            ("/c%d", json!(2)), ("/e^f", json!(3)), ("/g|h", json!(4)), ("/i\\j", json!(5)), ("/k\"l", json!(6)), ("/ ", json!(7)), ("/m~0n", json!(8)),
        ] {
            assert_eq!(get(&doc, pointer).unwrap(), Some(&want), "{pointer:?}");
        }
        for missing in ["/nope", "/foo/2", "/foo/-", "/foo/01", "/foo/+1", "/foo/0/x", "/"] {
            let doc = json!({"foo": ["bar", "baz"]});
            assert_eq!(get(&doc, missing).unwrap(), None, "{missing:?}");
        }
        assert!(get(&doc, "foo").unwrap_err().contains("must be empty or start with '/'"));
        assert!(get(&doc, "/a~2").unwrap_err().contains("'~' must be followed by '0' or '1'"));
        assert!(get(&doc, "/a~").is_err());
    }

    #[test]
    fn numbers_are_equal_by_value() {
        assert!(equal(&json!(1), &json!(1.0)));
        assert!(equal(&json!({"a": [1, {"b": 2}], "c": 3}), &json!({"c": 3.0, "a": [1.0, {"b": 2}]})));
        assert!(!equal(&json!(1), &json!(2)));
        assert!(!equal(&json!([1, 2]), &json!([2, 1])));
        assert!(!equal(&json!(1), &json!("1")));
        assert!(!equal(&json!(9007199254740993u64), &json!(9007199254740992u64)));
    }
}
