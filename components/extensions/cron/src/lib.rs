//! `cron_match(datetime, pattern)`: whether a date and time matches a cron
//! entry, compatible with daschr/sqlite3_extensions `cron.c`: same name,
//! arguments and results (1 or 0; NULL when either argument is NULL).
//!
//! The reference is small and literal, and this reproduces its parsing
//! exactly (see `match.rs`): the datetime is read as
//! `YEAR-MONTH-DAY HOUR:MINUTE` (seconds and anything after are ignored; an
//! ISO `T` separator does not parse, giving 0); the pattern's fields are
//! split on single spaces (minute, hour, day of month, month, day of week
//! 0-6 from Sunday; fields after the fifth are ignored); each field is `*`,
//! `*/N` (the value is a multiple of N) or numbers separated by any single
//! character (`1,15`; a `-` is a separator too, not a range). Fewer than
//! five fields, or any other field shape, give 0.
//!
//! Known gaps, where the C code has undefined behaviour: `*/0` divides by
//! zero there (a crash); here it does not match. After a field's last
//! number the C code reads on past the field's end; where that is inside
//! the pattern this reproduces it (so in `5 7 * * *` the minute field also
//! accepts 7, as the reference does), past the pattern's end it stops. A
//! month outside 1-12 reads outside a table in C when the day-of-week field
//! is tested; here only `*` and `*/1` match it then.

mod matcher;

/// Cron entries: test a date and time against a five-field cron pattern.
#[sqlink_sdk::extension(name = "cron")]
mod cron_ext {
    use sqlink_sdk::prelude::*;

    /// 1 if the datetime (`YYYY-MM-DD HH:MM[:SS]`) matches the cron pattern
    /// (`minute hour day month weekday`, each `*`, `*/N` or a list of
    /// numbers), else 0; 0 too for an unparsable datetime or pattern; NULL
    /// if either argument is NULL. Numbers are read as text.
    #[function(deterministic, innocuous)]
    fn cron_match(datetime: Option<RawText>, pattern: Option<RawText>) -> Option<i64> {
        Some(crate::matcher::cron_match(datetime?.0, pattern?.0) as i64)
    }
}
