//! sqlite-ulid's datetimes: `YYYY-MM-DD HH:MM:SS.SSS` in UTC, parsed and
//! printed by chrono with the reference's format string, so both accept and
//! produce exactly what it does.

use chrono::{DateTime, NaiveDateTime};
use sqlink_sdk::Error;

/// The reference's format: `%3f` is exactly three fraction digits.
pub const FORMAT: &str = "%Y-%m-%d %H:%M:%S.%3f";

/// Milliseconds since the unix epoch of a datetime in [`FORMAT`].
///
/// # Errors
/// The reference's message with chrono's reason when the text does not
/// parse; a time before 1970 (where the reference panics).
pub fn parse_millis(text: &str) -> Result<u64, Error> {
    let datetime = NaiveDateTime::parse_from_str(text, FORMAT)
        .map_err(|e| Error::new(format!("error parsing date and time using format '{FORMAT}': {e}")))?;
    u64::try_from(datetime.and_utc().timestamp_millis())
        .map_err(|_| Error::new(format!("ulid_with_datetime(): {text} is before 1970-01-01 00:00:00.000, which a ULID cannot hold")))
}

/// A ULID's time (at most 48 bits of milliseconds) in [`FORMAT`].
pub fn format_millis(ms: u64) -> String {
    // 2^48 ms is in the year 10889, well inside chrono's range.
    let datetime = DateTime::from_timestamp_millis(ms as i64).expect("48-bit milliseconds are a valid time");
    datetime.naive_utc().format(FORMAT).to_string()
}
