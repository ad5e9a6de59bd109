//! Golden files: a reference's own results, one call a line, checked
//! against an extension's functions called through its generated
//! `sqlink_test::call`, as a host calls them. A dev-dependency of the
//! catalog crates whose `testdata/*.tsv` a script wrote by running the
//! reference.
//!
//! The format: lines starting with `#` are comments; the others are
//! `function<TAB>arguments<TAB>result`, the arguments separated by single
//! spaces (none: an empty field), each value written `kind:payload` with
//! kinds `n` (NULL, empty payload), `i` (integer), `r` (real), `t` (text,
//! hex of its bytes) and `b` (blob, hex); a result may also be `e:message`,
//! the error the call returns.

use sqlink_sdk::{Error, Value};

/// How many differences a failure lists.
const SHOWN: usize = 20;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

fn unhex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A `kind:payload` argument.
///
/// # Panics
/// On a field that is not `kind:payload` of a known kind.
pub fn value(field: &str) -> Value {
    let (kind, payload) = field.split_once(':').expect("kind:payload");
    match kind {
        "n" => Value::Null,
        "i" => Value::Integer(payload.parse().expect("integer")),
        "r" => Value::Real(payload.parse().expect("real")),
        "t" => Value::Text(hex(payload)),
        "b" => Value::Blob(hex(payload)),
        other => panic!("unknown kind {other}"),
    }
}

/// A call's outcome as the file writes it: `kind:payload`, or `e:message`.
pub fn outcome(r: Result<Value, Error>) -> String {
    match r {
        Ok(Value::Null) => "n:".into(),
        Ok(Value::Integer(i)) => format!("i:{i}"),
        Ok(Value::Real(x)) => format!("r:{x:?}"),
        Ok(Value::Text(t)) => format!("t:{}", unhex(&t)),
        Ok(Value::Blob(b)) => format!("b:{}", unhex(&b)),
        Err(e) => format!("e:{}", e.message),
    }
}

/// Calls `call` for every line of `data` and returns how many lines there
/// were.
///
/// # Panics
/// When any outcome differs from its line's: how many of how many, and
/// the first few lines with what came instead.
pub fn check(data: &str, call: impl Fn(&str, &[Value]) -> Result<Value, Error>) -> usize {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 3, "not function<TAB>arguments<TAB>result: {line}");
        let args: Vec<Value> = f[1].split(' ').filter(|a| !a.is_empty()).map(value).collect();
        let got = outcome(call(f[0], &args));
        if got != f[2] {
            failures.push(format!("{line}\n   got {got}"));
        }
        n += 1;
    }
    assert!(failures.is_empty(), "{} of {n} differ:\n{}", failures.len(), failures[..failures.len().min(SHOWN)].join("\n"));
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_outcomes_read_as_written() {
        assert_eq!(value("n:"), Value::Null);
        assert_eq!(value("i:-7"), Value::Integer(-7));
        assert_eq!(value("r:1.5"), Value::Real(1.5));
        assert_eq!(value("t:6869"), Value::text("hi"));
        assert_eq!(value("b:00ff"), Value::Blob(vec![0, 255]));
        for field in ["n:", "i:-7", "r:1.5", "t:6869", "b:00ff"] {
            assert_eq!(outcome(Ok(value(field))), field);
        }
        assert_eq!(outcome(Err(Error::new("bad"))), "e:bad");
    }

    #[test]
    fn every_line_is_called() {
        let data = "# a comment\nlen\tt:6869\ti:2\nlen\t\ti:0\nlen\tn:\tn:\n";
        let len = |name: &str, args: &[Value]| match (name, args) {
            ("len", [Value::Text(t)]) => Ok(Value::Integer(t.len() as i64)),
            ("len", []) => Ok(Value::Integer(0)),
            ("len", [Value::Null]) => Ok(Value::Null),
            _ => Err(Error::new("no such function")),
        };
        assert_eq!(check(data, len), 3);
    }

    #[test]
    #[should_panic(expected = "1 of 1 differ")]
    fn a_difference_fails() {
        check("f\ti:1\ti:2\n", |_, _| Ok(Value::Integer(1)));
    }
}
