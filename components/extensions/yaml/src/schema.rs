//! YAML 1.2's core schema: what a scalar is (null, boolean, integer, float
//! or string), decided by its text, its style and its tag, as JSON text.

use crate::json;

/// The tag prefix of the core schema's tags (`!!int` is `tag:yaml.org,2002:int`).
const CORE: &str = "tag:yaml.org,2002:";

/// The JSON text of a scalar. `tag` is the resolved tag (`handle`, `suffix`);
/// `plain` is whether it was written without quotes or block style.
///
/// # Errors
/// A core-schema tag the text does not fit (`!!int abc`).
pub(crate) fn scalar(text: &str, plain: bool, tag: Option<(&str, &str)>) -> Result<String, String> {
    match tag {
        // `! a`: the non-specific tag of a quoted scalar, a string.
        Some(("", "!")) => Ok(json::quoted(text)),
        Some((CORE, kind)) => {
            let typed = match kind {
                "str" => Some(json::quoted(text)),
                "null" => null(text).then(|| "null".to_string()),
                "bool" => boolean(text).map(|b| b.to_string()),
                "int" => integer(text),
                "float" => float(text).or_else(|| integer(text).map(|i| json::float(i.parse::<f64>().unwrap_or(f64::NAN)))),
                // binary, timestamp and the other tags of YAML 1.1 types: their text.
                _ => Some(json::quoted(text)),
            };
            typed.ok_or_else(|| format!("!!{kind} cannot be {}", json::quoted(text)))
        }
        // Untagged, or a tag of the application's (`!local`): by the text.
        _ if plain => Ok(untagged(text)),
        _ => Ok(json::quoted(text)),
    }
}

/// A plain scalar by the core schema's rules: null, true/false, integers
/// (decimal, `0o` octal, `0x` hex), floats (`.inf`, `.nan`), else a string.
pub(crate) fn untagged(text: &str) -> String {
    if null(text) {
        return "null".into();
    }
    if let Some(b) = boolean(text) {
        return b.to_string();
    }
    integer(text).or_else(|| float(text)).unwrap_or_else(|| json::quoted(text))
}

fn null(text: &str) -> bool {
    matches!(text, "" | "~" | "null" | "Null" | "NULL")
}

fn boolean(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

fn digits(s: &str, radix: u32) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_digit(radix))
}

/// An integer's JSON text: decimal digits as written (no size limit, as
/// JSON has none), less a `+` and leading zeros; `0o`/`0x` in decimal.
fn integer(text: &str) -> Option<String> {
    if let Some(octal) = text.strip_prefix("0o").filter(|d| digits(d, 8)) {
        return Some(radix(octal, 8));
    }
    if let Some(hex) = text.strip_prefix("0x").filter(|d| digits(d, 16)) {
        return Some(radix(hex, 16));
    }
    let (negative, unsigned) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if !digits(unsigned, 10) {
        return None;
    }
    let trimmed = unsigned.trim_start_matches('0');
    Some(match (negative, trimmed.is_empty()) {
        (_, true) => "0".into(),
        (true, false) => format!("-{trimmed}"),
        (false, false) => trimmed.into(),
    })
}

fn radix(digits: &str, radix: u32) -> String {
    match u128::from_str_radix(digits, radix) {
        Ok(n) => n.to_string(),
        Err(_) => json::float(digits.chars().fold(0.0, |acc, c| acc * radix as f64 + c.to_digit(radix).unwrap_or(0) as f64)),
    }
}

/// A float's JSON text: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`,
/// `[-+]?.inf` and `.nan` in their three spellings.
fn float(text: &str) -> Option<String> {
    match text {
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => return Some(json::float(f64::INFINITY)),
        "-.inf" | "-.Inf" | "-.INF" => return Some(json::float(f64::NEG_INFINITY)),
        ".nan" | ".NaN" | ".NAN" => return Some(json::float(f64::NAN)),
        _ => {}
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((m, e)) => (m, Some(e)),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", fraction)) => digits(fraction, 10),
        Some((whole, fraction)) => digits(whole, 10) && (fraction.is_empty() || digits(fraction, 10)),
        None => digits(mantissa, 10),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e), 10));
    if !(mantissa_ok && exponent_ok) {
        return None;
    }
    // Rust's parser reads all of these ("1.", ".5", "+1e3") exactly.
    text.parse::<f64>().ok().map(json::float)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_scalars_follow_the_core_schema() {
        for (text, json) in [
            ("", "null"), ("~", "null"), ("null", "null"), ("Null", "null"), ("NULL", "null"), ("nULL", "\"nULL\""),
            ("true", "true"), ("True", "true"), ("FALSE", "false"), ("yes", "\"yes\""), ("on", "\"on\""), ("y", "\"y\""),
            ("0", "0"), ("-0", "0"), ("+12", "12"), ("007", "7"), ("-19", "-19"), ("0o17", "15"), ("0x1F", "31"), ("0b1", "\"0b1\""),
            ("0o", "\"0o\""), ("0x", "\"0x\""), ("1_000", "\"1_000\""), ("123456789012345678901234567890", "123456789012345678901234567890"),
            ("1.5", "1.5"), ("1.", "1.0"), (".5", "0.5"), ("-.5e3", "-500.0"), ("1e3", "1000.0"), ("6.02E+23", "6.02e23"),
            (".inf", "9e999"), ("-.Inf", "-9e999"), ("+.INF", "9e999"), (".nan", "null"), (".NaN", "null"), ("inf", "\"inf\""), ("nan", "\"nan\""),
            ("1.2.3", "\"1.2.3\""), (".", "\".\""), ("e3", "\"e3\""), ("1e", "\"1e\""), ("12:30", "\"12:30\""), ("2001-12-14", "\"2001-12-14\""),
        ] {
            assert_eq!(untagged(text), json, "{text:?}");
        }
    }

    #[test]
    fn tags_decide_over_the_text() {
        assert_eq!(scalar("12", true, Some((CORE, "str"))).unwrap(), "\"12\"");
        assert_eq!(scalar("12", true, Some((CORE, "float"))).unwrap(), "12.0");
        assert_eq!(scalar("12", false, Some((CORE, "int"))).unwrap(), "12");
        assert_eq!(scalar("12", false, None).unwrap(), "\"12\"");
        assert_eq!(scalar("12", true, Some(("", "!"))).unwrap(), "\"12\"");
        assert_eq!(scalar("12", true, Some(("!", "local"))).unwrap(), "12");
        assert_eq!(scalar("R0lG", true, Some((CORE, "binary"))).unwrap(), "\"R0lG\"");
        assert_eq!(scalar("abc", true, Some((CORE, "int"))).unwrap_err(), "!!int cannot be \"abc\"");
        assert_eq!(scalar("", true, Some((CORE, "null"))).unwrap(), "null");
    }
}
