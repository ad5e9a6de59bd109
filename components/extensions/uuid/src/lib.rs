//! UUIDs: generate version 4 and 7, convert between text and blob
//! (sqlean-compatible: same names, arguments and results).

/// UUIDs: generate version 4 (random) and 7 (time-ordered), convert between
/// text and 16-byte blobs.
#[sqlink_sdk::extension(name = "uuid")]
mod uuid_ext {
    use sqlink_sdk::prelude::*;
    use uuid::{Timestamp, Uuid};

    /// Generates a version 4 (random) UUID as text.
    #[function(alias = "gen_random_uuid")]
    fn uuid4() -> String {
        Uuid::new_v4().hyphenated().to_string()
    }

    /// Generates a version 7 (time-ordered) UUID as text; with an integer
    /// argument, for that unix time in seconds (any other argument means now).
    #[function]
    fn uuid7(#[optional] seconds: Option<&Value>) -> String {
        let uuid = match seconds {
            Some(Value::Integer(s)) => {
                let ms = (*s as u64).wrapping_mul(1000);
                Uuid::new_v7(Timestamp::from_unix_time(ms / 1000, ((ms % 1000) * 1_000_000) as u32, 0, 0))
            }
            _ => Uuid::now_v7(),
        };
        uuid.hyphenated().to_string()
    }

    /// The unix time in milliseconds of a version 7 UUID (text or blob);
    /// NULL for other versions.
    #[function(deterministic)]
    fn uuid7_timestamp_ms(x: &Value) -> Option<i64> {
        let bytes = super::parse(x)?;
        if bytes[6] >> 4 != 7 {
            return None;
        }
        Some(bytes[..6].iter().fold(0i64, |acc, b| (acc << 8) | *b as i64))
    }

    /// Converts a UUID (text in any common layout, or a 16-byte blob) to its
    /// canonical text form; NULL if it is not a UUID.
    #[function(deterministic)]
    fn uuid_str(x: &Value) -> Option<String> {
        super::parse(x).map(|b| Uuid::from_bytes(b).hyphenated().to_string())
    }

    /// Converts a UUID (text or a 16-byte blob) to a 16-byte blob; NULL if it
    /// is not a UUID.
    #[function(deterministic)]
    fn uuid_blob(x: &Value) -> Option<Vec<u8>> {
        super::parse(x).map(|b| b.to_vec())
    }
}

use sqlink_sdk::Value;

/// Reads a UUID the way sqlean does: a 16-byte blob, or text of 32 hex
/// digits, optionally in braces, with `-` allowed before any byte.
fn parse(value: &Value) -> Option<[u8; 16]> {
    match value {
        Value::Blob(b) => b.as_slice().try_into().ok(),
        Value::Text(t) => parse_text(t),
        _ => None,
    }
}

fn parse_text(text: &[u8]) -> Option<[u8; 16]> {
    let mut s = text.strip_prefix(b"{").unwrap_or(text);
    let mut out = [0u8; 16];
    for byte in out.iter_mut() {
        s = s.strip_prefix(b"-").unwrap_or(s);
        let (pair, rest) = s.split_first_chunk::<2>()?;
        let hi = (pair[0] as char).to_digit(16)?;
        let lo = (pair[1] as char).to_digit(16)?;
        *byte = (hi << 4 | lo) as u8;
        s = rest;
    }
    s = s.strip_prefix(b"}").unwrap_or(s);
    s.is_empty().then_some(out)
}

#[cfg(test)]
mod tests {
    use super::parse_text;

    #[test]
    fn accepts_the_layouts_sqlean_documents() {
        let want = parse_text(b"a0eebc999c0b4ef8bb6d6bb9bd380a11").unwrap();
        for s in [
            "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11",
            "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}",
            "a0ee-bc99-9c0b-4ef8-bb6d-6bb9-bd38-0a11",
            "{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}",
        ] {
            assert_eq!(parse_text(s.as_bytes()), Some(want), "{s}");
        }
    }

    #[test]
    fn rejects_malformed_text() {
        for s in ["", "a0eebc99", "a0eebc999c0b4ef8bb6d6bb9bd380a1", "a0eebc999c0b4ef8bb6d6bb9bd380a11x", "g0eebc999c0b4ef8bb6d6bb9bd380a11", "a0--eebc999c0b4ef8bb6d6bb9bd380a11"] {
            assert_eq!(parse_text(s.as_bytes()), None, "{s}");
        }
    }
}
