//! IBAN (ISO 13616) and BIC (ISO 9362) numbers.
//!
//! Compatible with python-stdnum 2.2 (`stdnum.iban`, `stdnum.bic`): same
//! names, arguments and results. Each module function `stdnum.M.F` is the
//! SQL function `M_F`:
//!
//! | stdnum | SQL | result |
//! |---|---|---|
//! | `iban.compact(number)` | `iban_compact(number)` | text |
//! | `iban.format(number, separator=' ')` | `iban_format(number [, separator])` | text |
//! | `iban.validate(number, check_country=True)` | `iban_validate(number [, check_country])` | the compact IBAN, or an error |
//! | `iban.is_valid(number, check_country=True)` | `iban_is_valid(...)`, `iban_valid(...)` | 1 or 0 |
//! | `iban.calc_check_digits(number)` | `iban_calc_check_digits(number)` | text |
//! | (none) | `iban_country(number)` | the country code of a valid IBAN, else NULL |
//! | `bic.compact`, `bic.format`, `bic.validate`, `bic.is_valid` | `bic_compact`, `bic_format`, `bic_validate`, `bic_is_valid` / `bic_valid` | as for IBAN |
//!
//! Validation checks the ISO 7064 MOD 97-10 check digits, the country's
//! BBAN structure from the SWIFT registry (stdnum's `iban.dat`) and, unless
//! `check_country` is 0, the national checks stdnum has: Belgium (check
//! digits and a known bank code), Spain (CCC check digits), Montenegro
//! (MOD 97) and Norway (account number check digit). Errors carry stdnum's
//! messages: `The number has an invalid format.`, `The number's checksum or
//! check digit is invalid.`, `The number has an invalid length.`, `One of
//! the parts of the number are invalid or unknown.`; `iban_calc_check_digits`
//! of an unreadable character gives Python's `int()` error. NULL gives NULL.
//!
//! Gaps: `iban_country` is an sqlink addition (stdnum has no such
//! function). Python's `int()` would also read non-ASCII digits in
//! `iban_calc_check_digits`; here they are errors.
//! Reference outputs: `testdata/stdnum.tsv`, made by `testdata/gen.py`;
//! `src/tables.rs` by `testdata/gen_tables.py`.

mod bic;
mod clean;
#[path = "../../checkdigit/src/failure.rs"]
#[allow(dead_code)]
mod failure;
mod iban;
#[path = "../../checkdigit/src/iso7064.rs"]
#[allow(dead_code)]
mod iso7064;
#[path = "../../checkdigit/src/luhn.rs"]
#[allow(dead_code)]
mod luhn;
mod tables;

/// IBAN and BIC: validation, compact and printed forms, check digits.
#[sqlink_sdk::extension(name = "iban")]
mod iban_ext {
    use sqlink_sdk::prelude::*;

    /// The IBAN without spaces, dashes and dots, trimmed and in capitals
    /// (`stdnum.iban.compact`), not validated; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn iban_compact(number: Option<&str>) -> Option<String> {
        Some(crate::iban::compact(number?))
    }

    /// The compact IBAN in groups of four characters joined by `separator`
    /// (default a space) (`stdnum.iban.format`), not validated; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn iban_format(number: Option<&str>, #[optional] separator: Option<&str>) -> Option<String> {
        Some(crate::iban::format(number?, separator.unwrap_or(" ")))
    }

    /// The compact IBAN when it is valid (`stdnum.iban.validate`), else an
    /// error with stdnum's message; `check_country` 0 skips the national
    /// checks (Belgium, Spain, Montenegro, Norway). NULL for NULL.
    #[function(deterministic, innocuous)]
    fn iban_validate(number: Option<&str>, #[optional] check_country: Option<bool>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::iban::validate(number, check_country.unwrap_or(true))?))
    }

    /// 1 when the IBAN is valid, else 0 (`stdnum.iban.is_valid`), never an
    /// error; `check_country` 0 skips the national checks. NULL for NULL.
    /// Alias: `iban_valid`.
    #[function(deterministic, innocuous, alias = "iban_valid")]
    fn iban_is_valid(number: Option<&str>, #[optional] check_country: Option<bool>) -> Option<bool> {
        Some(crate::iban::validate(number?, check_country.unwrap_or(true)).is_ok())
    }

    /// The two check digits that make the IBAN valid, ignoring the ones it
    /// has (`stdnum.iban.calc_check_digits`), as text; an unreadable
    /// character is Python's `int()` error. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn iban_calc_check_digits(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::iban::calc_check_digits(number)?))
    }

    /// The two-letter country code of a valid IBAN (valid as
    /// `iban_validate(number, 0)` checks it), else NULL; NULL for NULL.
    /// Not in stdnum.
    #[function(deterministic, innocuous)]
    fn iban_country(number: Option<&str>) -> Option<String> {
        crate::iban::validate(number?, false).ok().map(|n| n[..2].to_string())
    }

    /// The BIC without spaces and dashes, trimmed and in capitals
    /// (`stdnum.bic.compact`), not validated; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn bic_compact(number: Option<&str>) -> Option<String> {
        Some(crate::bic::compact(number?))
    }

    /// The BIC in its standard form, the compact one (`stdnum.bic.format`);
    /// NULL for NULL.
    #[function(deterministic, innocuous)]
    fn bic_format(number: Option<&str>) -> Option<String> {
        Some(crate::bic::compact(number?))
    }

    /// The compact BIC when it is valid (`stdnum.bic.validate`: 8 or 11
    /// characters, bank code, known country, location, branch), else an
    /// error with stdnum's message; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn bic_validate(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::bic::validate(number)?))
    }

    /// 1 when the BIC is valid, else 0 (`stdnum.bic.is_valid`), never an
    /// error; NULL for NULL. Alias: `bic_valid`.
    #[function(deterministic, innocuous, alias = "bic_valid")]
    fn bic_is_valid(number: Option<&str>) -> Option<bool> {
        Some(crate::bic::validate(number?).is_ok())
    }
}

#[cfg(test)]
mod golden_tests;
