//! Reading `CREATE VIRTUAL TABLE` arguments the way csv.c and vsv.c read
//! them: `TAG=VALUE` with whitespace allowed around both, tags matched
//! case-sensitively, string values dequoted once (`'...'` or `"..."`, a
//! doubled quote standing for one), booleans as `yes`/`no`/`on`/`off`/
//! `true`/`false`/`1`/`0` (any case) or the bare tag, numbers as C's
//! `atoi` reads them.
//!
//! The vsv crate compiles this very file (`#[path]`), so it names nothing
//! of its crate but the reader, which vsv compiles too.

/// C's `isspace` in the "C" locale.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

/// `s` without its leading whitespace.
fn skip_whitespace(s: &str) -> &str {
    let n = s.bytes().take_while(|&b| is_space(b)).count();
    &s[n..]
}

/// The value of `TAG = VALUE` (whitespace allowed before and around the
/// `=`), or None when `argument` is not of that form for `tag`. The value
/// starts at its first non-space byte and keeps everything after it.
pub fn parameter<'a>(tag: &str, argument: &'a str) -> Option<&'a str> {
    let rest = skip_whitespace(argument).strip_prefix(tag)?;
    let rest = skip_whitespace(rest).strip_prefix('=')?;
    Some(skip_whitespace(rest))
}

/// A string value as csv.c stores it: dequoted when it starts with `'` or
/// `"` and ends with the same quote. (csv.c also means to trim trailing
/// whitespace, but its loop starts at the terminating NUL and never does;
/// SQLite hands over arguments without trailing whitespace anyway.)
pub fn dequote(value: &str) -> String {
    let bytes = value.as_bytes();
    let Some(&quote) = bytes.first() else {
        return String::new();
    };
    if (quote != b'\'' && quote != b'"') || bytes.len() < 2 || bytes[bytes.len() - 1] != quote {
        return value.to_string();
    }
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 1;
    while i < bytes.len() - 1 {
        // A doubled quote is one; the pair may end at the closing quote,
        // which is then kept, as csv.c does (so `'a''` is `a'`).
        if bytes[i] == quote && bytes[i + 1] == quote {
            i += 1;
        }
        out.push(bytes[i]);
        i += 1;
    }
    // Only ASCII quotes were removed, so the bytes are still UTF-8.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// `csv_boolean`: 1 for yes/on/true/1, 0 for no/off/false/0 (any case),
/// None otherwise.
fn boolean(value: &str) -> Option<bool> {
    let is = |words: [&str; 4]| words.iter().any(|w| value.eq_ignore_ascii_case(w));
    if is(["yes", "on", "true", "1"]) {
        Some(true)
    } else if is(["no", "off", "false", "0"]) {
        Some(false)
    } else {
        None
    }
}

/// `TAG` alone (true) or `TAG = BOOLEAN`; None when `argument` is neither
/// (including `TAG = something-else`, which then reads as a bad parameter).
pub fn boolean_parameter(tag: &str, argument: &str) -> Option<bool> {
    let rest = skip_whitespace(skip_whitespace(argument).strip_prefix(tag)?);
    if rest.is_empty() {
        return Some(true);
    }
    boolean(skip_whitespace(rest.strip_prefix('=')?))
}

/// C's `atoi` as glibc computes it (`(int)strtol(s, 0, 10)`): leading
/// whitespace, a sign, digits; 0 without digits; saturated at the 64-bit
/// range, then cut to 32 bits.
pub fn atoi(s: &str) -> i32 {
    let rest = skip_whitespace(s).as_bytes();
    let (negative, digits) = match rest.first() {
        Some(b'-') => (true, &rest[1..]),
        Some(b'+') => (false, &rest[1..]),
        _ => (false, rest),
    };
    let magnitude = digits
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .fold(0u64, |n, d| {
            n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
        });
    let long = match (negative, i64::try_from(magnitude)) {
        (false, Ok(n)) => n,
        (true, Ok(n)) => -n,
        (false, Err(_)) => i64::MAX,
        (true, Err(_)) => i64::MIN,
    };
    long as i32
}

/// A name as SQLite's `"%w"` writes it inside double quotes: `"` doubled;
/// a missing value (C's NULL pointer) is `(NULL)`.
pub fn quoted_name(name: Option<&[u8]>) -> String {
    match name {
        None => "(NULL)".to_string(),
        Some(bytes) => String::from_utf8_lossy(bytes).replace('"', "\"\""),
    }
}

/// SQLite's default SQLITE_LIMIT_COLUMN: a declared schema with more
/// columns is refused.
pub const MAX_COLUMNS: usize = 2000;

/// SQLite's SQLITE_MAX_LENGTH: the most bytes (with the terminating NUL)
/// `sqlite3_str` builds; csv.c and vsv.c report a longer schema as out of
/// memory.
const MAX_LENGTH: u64 = 1_000_000_000;

/// Why a generated schema cannot be declared.
#[derive(Debug, Clone, PartialEq)]
pub enum SchemaError {
    /// Longer than SQLite builds a string: SQLITE_NOMEM, "out of memory".
    TooLong,
    /// SQLite's refusal as csv.c and vsv.c report it (`bad schema: ...`).
    Refused(String),
}

impl SchemaError {
    /// The statement's error, as csv.c and vsv.c return it.
    pub fn into_error(self) -> sqlink_sdk::Error {
        match self {
            SchemaError::TooLong => sqlink_sdk::Error::with_code(NOMEM, "out of memory"),
            SchemaError::Refused(message) => sqlink_sdk::Error::new(message),
        }
    }
}

/// SQLite's SQLITE_NOMEM.
pub const NOMEM: i32 = 7;

/// The columns of a generated schema: names from a header (already
/// quoted, with their type), then numbered ones `c{i}{suffix}`, which
/// `columns=` may make too many to hold as strings.
pub struct SchemaColumns {
    /// `"name" TEXT` (csv) or `"name"` (vsv), in order.
    pub named: Vec<String>,
    /// The numbers of the `c{i}` columns after them.
    pub numbered: std::ops::Range<i64>,
    /// What follows each numbered name: ` TEXT` (csv) or nothing (vsv).
    pub suffix: &'static str,
}

impl SchemaColumns {
    fn definitions(&self) -> impl Iterator<Item = String> + '_ {
        self.named.iter().cloned().chain(
            self.numbered
                .clone()
                .map(|i| format!("c{i}{}", self.suffix)),
        )
    }

    fn count(&self) -> u64 {
        self.named.len() as u64 + (self.numbered.end - self.numbered.start).max(0) as u64
    }

    /// The length of `CREATE TABLE x(...)`, computed without building it.
    fn length(&self) -> u64 {
        let digits = |n: i64| n.max(1).ilog10() as u64 + 1;
        // The bytes of "c{i}" for i in a..b, by runs of equal digit counts.
        let mut numbered = 0u64;
        let mut i = self.numbered.start.max(0);
        while i < self.numbered.end {
            let next = 10i64
                .saturating_pow(digits(i) as u32)
                .min(self.numbered.end);
            numbered += (next - i) as u64 * (1 + digits(i) + self.suffix.len() as u64);
            i = next;
        }
        let named: u64 = self.named.iter().map(|n| n.len() as u64).sum();
        "CREATE TABLE x()".len() as u64 + named + numbered + self.count().saturating_sub(1)
    }

    /// `CREATE TABLE x(...)`, or what SQLite makes of one too long or with
    /// too many columns (SQLite's column limit is known, so its message,
    /// "too many columns on x", is given here, cut as csv.c cuts it).
    ///
    /// # Errors
    /// See [`SchemaError`].
    pub fn schema(&self) -> Result<String, SchemaError> {
        if self.length() + 1 > MAX_LENGTH {
            return Err(SchemaError::TooLong);
        }
        let mut schema = String::from("CREATE TABLE x(");
        for (i, definition) in self.definitions().enumerate() {
            if self.count() > MAX_COLUMNS as u64 && schema.len() > 2 * MAX_ERROR_BYTES {
                return Err(SchemaError::Refused(crate::reader::errmsg(format!(
                    "bad schema: '{schema}"
                ))));
            }
            if i > 0 {
                schema.push(',');
            }
            schema.push_str(&definition);
        }
        schema.push(')');
        if self.count() > MAX_COLUMNS as u64 {
            return Err(SchemaError::Refused(crate::reader::errmsg(format!(
                "bad schema: '{schema}' - too many columns on x"
            ))));
        }
        Ok(schema)
    }
}

/// Enough bytes of a schema to fill an error message.
const MAX_ERROR_BYTES: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_need_the_exact_tag_and_an_equals_sign() {
        assert_eq!(parameter("data", "  data =  'x y'"), Some("'x y'"));
        assert_eq!(parameter("data", "DATA=x"), None);
        assert_eq!(parameter("data", "datax=1"), None);
        assert_eq!(parameter("data", "data"), None);
    }

    #[test]
    fn values_are_dequoted_once() {
        assert_eq!(dequote("'it''s'"), "it's");
        assert_eq!(dequote("\"a\"\"b\""), "a\"b");
        assert_eq!(dequote("'a\""), "'a\"");
        assert_eq!(dequote("'"), "'");
        assert_eq!(dequote("''"), "");
        assert_eq!(dequote("'a''"), "a'");
        assert_eq!(dequote("plain text"), "plain text");
    }

    #[test]
    fn booleans_are_words_digits_or_the_bare_tag() {
        assert_eq!(boolean_parameter("header", "header"), Some(true));
        assert_eq!(boolean_parameter("header", " header = OFF"), Some(false));
        assert_eq!(boolean_parameter("header", "header=TRUE"), Some(true));
        assert_eq!(boolean_parameter("header", "header=2"), None);
        assert_eq!(boolean_parameter("header", "header='yes'"), None);
        assert_eq!(boolean_parameter("header", "headers"), None);
    }

    #[test]
    fn atoi_reads_a_leading_integer() {
        assert_eq!(atoi("12abc"), 12);
        assert_eq!(atoi("'3'"), 0);
        assert_eq!(atoi(" -4"), -4);
        assert_eq!(atoi("4294967297"), 1);
        assert_eq!(atoi("99999999999999999999"), -1);
    }

    #[test]
    fn schemas_past_sqlites_limits_are_refused_as_sqlite_refuses_them() {
        let columns = |n| SchemaColumns {
            named: vec!["\"a\"".into()],
            numbered: 2..n,
            suffix: "",
        };
        assert_eq!(
            columns(4).schema(),
            Ok("CREATE TABLE x(\"a\",c2,c3)".into())
        );
        let Err(SchemaError::Refused(m)) = columns(2002).schema() else {
            panic!()
        };
        assert!(
            m.starts_with("bad schema: 'CREATE TABLE x(\"a\",c2,c3,") && m.len() == 199,
            "{m}"
        );
        assert_eq!(
            columns(2001).schema().map(|s| s.len()),
            Ok(columns(2001).length() as usize)
        );
        assert!(matches!(
            columns(100_000_000).schema(),
            Err(SchemaError::Refused(_))
        ));
        assert_eq!(columns(200_000_000).schema(), Err(SchemaError::TooLong));
    }

    #[test]
    fn names_are_quoted_as_percent_w() {
        assert_eq!(quoted_name(Some(b"a\"b")), "a\"\"b");
        assert_eq!(quoted_name(None), "(NULL)");
    }
}
