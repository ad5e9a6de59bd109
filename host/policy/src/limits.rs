//! Resource limits per extension.

use crate::{Denied, hints};
use std::time::Duration;

/// Bounds on one extension instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Linear memory cap in bytes.
    pub memory: u64,
    /// CPU time one call may spend in the extension (time spent running SQL
    /// for it through SPI does not count).
    pub timeout: Duration,
}

impl Limits {
    /// 256 MiB: room for large values (a 10 MB blob is copied in and out).
    pub const DEFAULT_MEMORY: u64 = 256 << 20;
    /// Five seconds per call.
    pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(5);

    /// Defaults overridden by `--mem` and `--timeout` values when given.
    pub fn with(memory: Option<&str>, timeout_ms: Option<u64>) -> Result<Limits, Denied> {
        let memory = match memory {
            Some(text) => parse_bytes(text)?,
            None => Self::DEFAULT_MEMORY,
        };
        if memory < 1 << 20 {
            return Err(Denied(format!("{} is too small: extensions need at least 1M", hints::option("mem", &memory.to_string()))));
        }
        let timeout = match timeout_ms {
            Some(0) => return Err(Denied(format!("{} is too short: the timeout must be at least 1 millisecond", hints::option("timeout", "0")))),
            Some(ms) => Duration::from_millis(ms),
            None => Self::DEFAULT_TIMEOUT,
        };
        Ok(Limits { memory, timeout })
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits { memory: Self::DEFAULT_MEMORY, timeout: Self::DEFAULT_TIMEOUT }
    }
}

/// Parses a byte count: `67108864`, `64K`, `64M`, `1G` (binary multiples).
pub fn parse_bytes(text: &str) -> Result<u64, Denied> {
    let t = text.trim();
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(1 << shift))
        .ok_or_else(|| Denied(format!("invalid size '{text}': expected bytes, optionally with K, M or G")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_binary_suffixes() {
        assert_eq!(parse_bytes("1048576").unwrap(), 1 << 20);
        assert_eq!(parse_bytes("64M").unwrap(), 64 << 20);
        assert_eq!(parse_bytes("2g").unwrap(), 2 << 30);
        assert_eq!(parse_bytes("12x").unwrap_err().0, "invalid size '12x': expected bytes, optionally with K, M or G");
    }

    #[test]
    fn limits_default_and_validate() {
        assert_eq!(Limits::with(None, None).unwrap(), Limits::default());
        let l = Limits::with(Some("8M"), Some(250)).unwrap();
        assert_eq!((l.memory, l.timeout), (8 << 20, Duration::from_millis(250)));
        assert!(Limits::with(Some("1K"), None).is_err());
        assert!(Limits::with(None, Some(0)).is_err());
    }
}
