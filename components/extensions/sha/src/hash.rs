//! The hash engines and how SQL values are fed to them: as their text or
//! bytes (`sha1`, `sha3`), or tagged with their type (`sha3_agg` and the
//! `*_query` functions), exactly as sha1.c and shathree.c do.

use sha1::Digest as _;
use sqlink_sdk::{Error, Value, format_real};

/// A hash in progress: SHA-1, or SHA-3 of one of the four sizes.
#[derive(Clone)]
pub enum Hasher {
    /// SHA-1 (160 bits).
    Sha1(sha1::Sha1),
    /// SHA3-224.
    Sha3_224(sha3::Sha3_224),
    /// SHA3-256.
    Sha3_256(sha3::Sha3_256),
    /// SHA3-384.
    Sha3_384(sha3::Sha3_384),
    /// SHA3-512.
    Sha3_512(sha3::Sha3_512),
}

impl Hasher {
    /// A SHA-1 hash.
    pub fn sha1() -> Hasher {
        Hasher::Sha1(sha1::Sha1::new())
    }

    /// A SHA3 hash of `bits` (224, 256, 384 or 512; None otherwise).
    pub fn sha3(bits: i32) -> Option<Hasher> {
        Some(match bits {
            224 => Hasher::Sha3_224(sha3::Sha3_224::new()),
            256 => Hasher::Sha3_256(sha3::Sha3_256::new()),
            384 => Hasher::Sha3_384(sha3::Sha3_384::new()),
            512 => Hasher::Sha3_512(sha3::Sha3_512::new()),
            _ => return None,
        })
    }

    /// Adds bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        match self {
            Hasher::Sha1(h) => h.update(bytes),
            Hasher::Sha3_224(h) => h.update(bytes),
            Hasher::Sha3_256(h) => h.update(bytes),
            Hasher::Sha3_384(h) => h.update(bytes),
            Hasher::Sha3_512(h) => h.update(bytes),
        }
    }

    /// The digest.
    pub fn finish(self) -> Vec<u8> {
        match self {
            Hasher::Sha1(h) => h.finalize().to_vec(),
            Hasher::Sha3_224(h) => h.finalize().to_vec(),
            Hasher::Sha3_256(h) => h.finalize().to_vec(),
            Hasher::Sha3_384(h) => h.finalize().to_vec(),
            Hasher::Sha3_512(h) => h.finalize().to_vec(),
        }
    }

    /// Adds one value tagged with its type: `N`; `I` or `F` and eight
    /// big-endian bytes; `T<bytes>:` or `B<bytes>:` and the content.
    pub fn update_tagged(&mut self, value: &Value) {
        match value {
            Value::Null => self.update(b"N"),
            Value::Integer(i) => {
                self.update(b"I");
                self.update(&i.to_be_bytes());
            }
            Value::Real(r) => {
                self.update(b"F");
                self.update(&r.to_bits().to_be_bytes());
            }
            Value::Text(t) => {
                self.update(format!("T{}:", t.len()).as_bytes());
                self.update(t);
            }
            Value::Blob(b) => {
                self.update(format!("B{}:", b.len()).as_bytes());
                self.update(b);
            }
        }
    }
}

/// The bytes `sha1(x)` and `sha3(x)` hash: a blob as is, anything else as
/// its text (numbers formatted as SQLite 3.40.1 formats them); None for
/// NULL.
pub fn plain_bytes(value: &Value) -> Option<std::borrow::Cow<'_, [u8]>> {
    Some(match value {
        Value::Null => return None,
        Value::Integer(i) => i.to_string().into_bytes().into(),
        Value::Real(r) => format_real(*r).into_bytes().into(),
        Value::Text(t) | Value::Blob(t) => t.as_slice().into(),
    })
}

/// `sqlite3_value_int`: integers keep their low 32 bits, reals are
/// truncated (saturating at the ends of the 64-bit range) first, text and
/// blobs read their leading integer, NULL is 0.
pub fn value_int(value: &Value) -> i32 {
    let wide = match value {
        Value::Null => 0,
        Value::Integer(i) => *i,
        Value::Real(r) => *r as i64,
        Value::Text(t) | Value::Blob(t) => leading_integer(t),
    };
    wide as i32
}

/// The integer at the start of `bytes`, as `sqlite3Atoi64` reads it:
/// whitespace and a sign allowed, the rest ignored, 0 when there is none,
/// saturating.
fn leading_integer(bytes: &[u8]) -> i64 {
    let rest = &bytes[bytes.iter().take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')).count()..];
    let (negative, digits) = match rest.first() {
        Some(b'-') => (true, &rest[1..]),
        Some(b'+') => (false, &rest[1..]),
        _ => (false, rest),
    };
    let magnitude =
        digits.iter().take_while(|b| b.is_ascii_digit()).fold(0u64, |n, d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
    match (negative, i64::try_from(magnitude)) {
        (false, Ok(n)) => n,
        (true, Ok(n)) => -n,
        (false, Err(_)) => i64::MAX,
        (true, Err(_)) => i64::MIN,
    }
}

/// The SHA3 size argument of `sha3()` and `sha3_query()`: 256 when absent,
/// else its `sqlite3_value_int`, which must be one of the four sizes.
///
/// # Errors
/// `SHA3 size should be one of: 224 256 384 512` for any other size.
pub fn sha3_size(size: Option<&Value>) -> Result<Hasher, Error> {
    let bits = size.map_or(256, value_int);
    Hasher::sha3(bits).ok_or_else(|| Error::new("SHA3 size should be one of: 224 256 384 512"))
}

/// Lower-case hexadecimal.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_sqlite3_value_int_does() {
        // Debian's sqlite3 3.40.1 accepts each of these as 256 in sha3(1, n).
        for v in [
            Value::text("256abc"),
            Value::text(" 256"),
            Value::Integer(4294967552),
            Value::Blob(b"256".to_vec()),
            Value::Real(256.99),
            Value::Integer(-4294967040),
        ] {
            assert_eq!(value_int(&v), 256, "{v:?}");
        }
        // ... and refuses these ('2.56e2' reads 2, '0x100' reads 0).
        for v in [Value::text("2.56e2"), Value::text("0x100"), Value::Null] {
            assert!(sha3_size(Some(&v)).is_err(), "{v:?}");
        }
        assert_eq!(value_int(&Value::text("-99999999999999999999")), i64::MIN as i32);
    }

    #[test]
    fn values_are_tagged_as_shathree_documents() {
        // shathree.c's examples: sha3_agg(x) over one row = sha3(these bytes).
        let tagged = |v: Value| {
            let mut h = Hasher::sha3(256).unwrap();
            h.update_tagged(&v);
            h.finish()
        };
        let plain = |bytes: &[u8]| {
            let mut h = Hasher::sha3(256).unwrap();
            h.update(bytes);
            h.finish()
        };
        assert_eq!(tagged(Value::text("xyzzy")), plain(b"T5:xyzzy"));
        assert_eq!(tagged(Value::Blob(vec![1, 2, 3])), plain(b"B3:\x01\x02\x03"));
        assert_eq!(tagged(Value::Integer(0x123456)), plain(b"I\x00\x00\x00\x00\x00\x12\x34\x56"));
        assert_eq!(tagged(Value::Real(100.015625)), plain(b"F\x40\x59\x01\x00\x00\x00\x00\x00"));
        assert_eq!(tagged(Value::Null), plain(b"N"));
    }
}
