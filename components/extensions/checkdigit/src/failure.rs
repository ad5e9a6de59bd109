//! The exceptions python-stdnum raises, as messages.

/// Why a number was rejected: one of stdnum's validation errors, or the
/// plain Python exception its checksum code raised.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// `InvalidFormat`.
    Format,
    /// `InvalidChecksum`.
    Checksum,
    /// `InvalidLength`.
    #[allow(dead_code)]
    Length,
    /// `InvalidComponent`.
    #[allow(dead_code)]
    Component,
    /// A Python exception (`ValueError`, `IndexError`, ...) with its message.
    Python(String),
}

impl Failure {
    /// The message `str()` of the exception gives.
    pub fn message(&self) -> String {
        match self {
            Failure::Format => "The number has an invalid format.".into(),
            Failure::Checksum => "The number's checksum or check digit is invalid.".into(),
            Failure::Length => "The number has an invalid length.".into(),
            Failure::Component => "One of the parts of the number are invalid or unknown.".into(),
            Failure::Python(m) => m.clone(),
        }
    }
}

/// Python's `repr()` of a one-character string (or the empty string).
pub fn py_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
    let mut out = String::new();
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || (0x7f..=0xa0).contains(&(c as u32)) || c == '\u{ad}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `int(c)` for one character: its decimal value, or Python's ValueError.
pub fn int10(c: char) -> Result<u32, Failure> {
    c.to_digit(10)
        .ok_or_else(|| Failure::Python(format!("invalid literal for int() with base 10: {}", py_repr(&c.to_string()))))
}

/// `alphabet.index(c)`: the first position of `c` in `alphabet`.
pub fn index(alphabet: &[char], c: char) -> Result<usize, Failure> {
    alphabet
        .iter()
        .position(|&a| a == c)
        .ok_or_else(|| Failure::Python("substring not found".into()))
}

/// Python's `ZeroDivisionError` for `x % 0`.
pub fn modulo_by_zero() -> Failure {
    Failure::Python("integer modulo by zero".into())
}

/// Python's `IndexError` for indexing an empty string.
pub fn index_out_of_range() -> Failure {
    Failure::Python("string index out of range".into())
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// stdnum's `validate`: `number` back when its checksum is `want`;
/// `InvalidFormat` when it is empty (if `nonempty`) or the checksum raised,
/// `InvalidChecksum` otherwise.
pub fn validate(
    number: &str,
    nonempty: bool,
    want: i64,
    checksum: Result<i64, Failure>,
) -> Result<&str, Failure> {
    if nonempty && number.is_empty() {
        return Err(Failure::Format);
    }
    match checksum {
        Err(_) => Err(Failure::Format),
        Ok(c) if c == want => Ok(number),
        Ok(_) => Err(Failure::Checksum),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_quotes_like_python() {
        assert_eq!(py_repr("a"), "'a'");
        assert_eq!(py_repr("'"), "\"'\"");
        assert_eq!(py_repr("\\"), "'\\\\'");
        assert_eq!(py_repr("\t"), "'\\t'");
        assert_eq!(py_repr("é"), "'é'");
        assert_eq!(py_repr(""), "''");
    }
}
