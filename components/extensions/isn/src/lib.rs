//! ISBN, ISSN, ISMN, EAN and UPC numbers: validation, compact and printed
//! forms, conversions.
//!
//! Compatible with python-stdnum 2.2 (`stdnum.isbn`, `stdnum.issn`,
//! `stdnum.ismn`, `stdnum.ean`): same names, arguments and results. Each
//! module function `stdnum.M.F` is the SQL function `M_F` (`isbn_validate`,
//! `isbn_to_isbn13`, `issn_format`, `ean_calc_check_digit`, ...), and each
//! `M.is_valid` also answers as `M_valid`. Optional stdnum arguments are
//! optional SQL arguments in the same order (`isbn_format(number [,
//! separator [, convert]])`). Errors carry stdnum's messages (`The number
//! has an invalid format.`, `The number's checksum or check digit is
//! invalid.`, `The number has an invalid length.`, `One of the parts of the
//! number are invalid or unknown.`, or the Python error of a conversion
//! such as `invalid literal for int() with base 10: 'x'`). NULL gives NULL.
//! ISBN hyphenation uses stdnum's `isbn.dat` (ISBN International ranges of
//! 4 Jan 2026), kept as `testdata/isbn.dat`.
//!
//! From Postgres `isn`: `upc_valid(number)` (the UPC type's check: an EAN
//! of 12 digits) and `isn_make_valid(number)` (the number with its check
//! digit corrected, what `make_valid` makes of a weak-mode value, as
//! compact text). Gaps: the Postgres `isn` types themselves (casts between
//! ISBN/ISBN13/EAN13, their hyphenated output, weak mode) are not
//! provided; Python's `int()` would also read non-ASCII digits in the
//! check digit functions, here they are errors.
//! Reference outputs: `testdata/stdnum.tsv`, made by `testdata/gen.py`.

#[path = "../../iban/src/clean.rs"]
#[allow(dead_code)]
mod clean;
mod codes;
#[path = "../../checkdigit/src/failure.rs"]
#[allow(dead_code)]
mod failure;
mod numdb;
#[path = "../../iban/src/tables.rs"]
#[allow(dead_code)]
mod tables;

/// Book, serial, music and article numbers: ISBN, ISSN, ISMN, EAN, UPC.
#[sqlink_sdk::extension(name = "isn")]
mod isn_ext {
    use crate::codes;
    use sqlink_sdk::prelude::*;

    /// The ISBN without spaces and dashes, trimmed, in capitals, a 9-digit
    /// SBN with a leading 0, and as ISBN-13 if `convert` is 1
    /// (`stdnum.isbn.compact`); not validated. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn isbn_compact(number: Option<&str>, #[optional] convert: Option<bool>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::isbn_compact(number, convert.unwrap_or(false))?))
    }

    /// The compact ISBN-10 or ISBN-13 when valid (length, check digit, 978
    /// or 979 prefix), as ISBN-13 if `convert` is 1 (`stdnum.isbn.validate`),
    /// else an error with stdnum's message. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn isbn_validate(number: Option<&str>, #[optional] convert: Option<bool>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::isbn_validate(number, convert.unwrap_or(false))?))
    }

    /// 1 for a valid ISBN-10 or ISBN-13, else 0 (`stdnum.isbn.is_valid`),
    /// never an error; NULL for NULL. Alias: `isbn_valid`.
    #[function(deterministic, innocuous, alias = "isbn_valid")]
    fn isbn_is_valid(number: Option<&str>) -> Option<bool> {
        Some(codes::isbn_validate(number?, false).is_ok())
    }

    /// `'ISBN10'` or `'ISBN13'` for a valid ISBN, NULL for an invalid one
    /// or NULL (`stdnum.isbn.isbn_type`).
    #[function(deterministic, innocuous)]
    fn isbn_type(number: Option<&str>) -> Option<&'static str> {
        codes::isbn_type(number?)
    }

    /// The ISBN-13 of an ISBN-10: `978`, the digits and a new check digit,
    /// keeping the separators used (`stdnum.isbn.to_isbn13`); a
    /// 13-character number is returned trimmed; not validated, a non-digit
    /// is Python's `int()` error. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn isbn_to_isbn13(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::isbn_to_isbn13(number)?))
    }

    /// The ISBN-10 of a valid `978` ISBN-13, keeping the separators used
    /// (`stdnum.isbn.to_isbn10`); a 10-character number is returned
    /// trimmed; errors `Not a valid ISBN13.` and `Does not use 978
    /// Bookland prefix.`. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn isbn_to_isbn10(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::isbn_to_isbn10(number)?))
    }

    /// The ISBN hyphenated by its ranges: prefix (for ISBN-13), group,
    /// registrant, item, check digit, joined by `separator` (default `-`),
    /// as ISBN-13 if `convert` is 1 (`stdnum.isbn.format`); not validated.
    /// The empty string is Python's `string index out of range`. NULL for
    /// NULL.
    #[function(deterministic, innocuous)]
    fn isbn_format(number: Option<&str>, #[optional] separator: Option<&str>, #[optional] convert: Option<bool>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::isbn_format(number, separator.unwrap_or("-"), convert.unwrap_or(false))?))
    }

    /// The ISSN without spaces and dashes, trimmed, in capitals
    /// (`stdnum.issn.compact`); not validated. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn issn_compact(number: Option<&str>) -> Option<String> {
        Some(codes::issn_compact(number?))
    }

    /// The check digit (`0`-`9` or `X`) of the first 7 digits of an ISSN
    /// (`stdnum.issn.calc_check_digit`); a non-digit is Python's `int()`
    /// error. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn issn_calc_check_digit(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::issn_calc_check_digit(number)?))
    }

    /// The compact ISSN when valid (8 characters, check digit)
    /// (`stdnum.issn.validate`), else an error with stdnum's message. NULL
    /// for NULL.
    #[function(deterministic, innocuous)]
    fn issn_validate(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::issn_validate(number)?))
    }

    /// 1 for a valid ISSN, else 0 (`stdnum.issn.is_valid`), never an error;
    /// NULL for NULL. Alias: `issn_valid`.
    #[function(deterministic, innocuous, alias = "issn_valid")]
    fn issn_is_valid(number: Option<&str>) -> Option<bool> {
        Some(codes::issn_validate(number?).is_ok())
    }

    /// The ISSN as `NNNN-NNNC` (`stdnum.issn.format`); not validated. NULL
    /// for NULL.
    #[function(deterministic, innocuous)]
    fn issn_format(number: Option<&str>) -> Option<String> {
        Some(codes::issn_format(number?))
    }

    /// The EAN-13 of a valid ISSN: `977`, its 7 digits, `issue_code`
    /// (default `00`) and a check digit (`stdnum.issn.to_ean`); errors as
    /// `issn_validate`. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn issn_to_ean(number: Option<&str>, #[optional] issue_code: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::issn_to_ean(number, issue_code.unwrap_or("00"))?))
    }

    /// The ISMN without spaces, dashes and dots, trimmed, in capitals
    /// (`stdnum.ismn.compact`); not validated. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn ismn_compact(number: Option<&str>) -> Option<String> {
        Some(codes::ismn_compact(number?))
    }

    /// The compact ISMN when valid (`M` and 9 digits, or 13 digits starting
    /// `9790`, check digit) (`stdnum.ismn.validate`), else an error with
    /// stdnum's message. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn ismn_validate(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::ismn_validate(number)?))
    }

    /// 1 for a valid ISMN, else 0 (`stdnum.ismn.is_valid`), never an error;
    /// NULL for NULL. Alias: `ismn_valid`.
    #[function(deterministic, innocuous, alias = "ismn_valid")]
    fn ismn_is_valid(number: Option<&str>) -> Option<bool> {
        Some(codes::ismn_validate(number?).is_ok())
    }

    /// `'ISMN10'` or `'ISMN13'` for a valid ISMN, NULL for an invalid one
    /// or NULL (`stdnum.ismn.ismn_type`).
    #[function(deterministic, innocuous)]
    fn ismn_type(number: Option<&str>) -> Option<&'static str> {
        codes::ismn_type(number?)
    }

    /// The 13-digit form of an ISMN: `M` replaced by `9790`, keeping the
    /// separators used (`stdnum.ismn.to_ismn13`); not validated. NULL for
    /// NULL.
    #[function(deterministic, innocuous)]
    fn ismn_to_ismn13(number: Option<&str>) -> Option<String> {
        Some(codes::ismn_to_ismn13(number?))
    }

    /// The ISMN-13 hyphenated: `979`, `0`, publisher, item and check digit
    /// joined by `separator` (default `-`) (`stdnum.ismn.format`); not
    /// validated. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn ismn_format(number: Option<&str>, #[optional] separator: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::ismn_format(number, separator.unwrap_or("-"))?))
    }

    /// The EAN without spaces and dashes, trimmed (`stdnum.ean.compact`);
    /// not validated. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn ean_compact(number: Option<&str>) -> Option<String> {
        Some(codes::ean_compact(number?))
    }

    /// The GS1 check digit of a string of digits (`stdnum.ean.calc_check_digit`);
    /// a non-digit is Python's `int()` error. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn ean_calc_check_digit(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::ean_calc_check_digit(number)?))
    }

    /// The compact EAN-8, UPC-A (12), EAN-13 or GTIN-14 when valid
    /// (`stdnum.ean.validate`), else an error with stdnum's message. NULL
    /// for NULL.
    #[function(deterministic, innocuous)]
    fn ean_validate(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::ean_validate(number)?))
    }

    /// 1 for a valid EAN-8, UPC-A, EAN-13 or GTIN-14, else 0
    /// (`stdnum.ean.is_valid`), never an error; NULL for NULL. Alias:
    /// `ean_valid`.
    #[function(deterministic, innocuous, alias = "ean_valid")]
    fn ean_is_valid(number: Option<&str>) -> Option<bool> {
        Some(codes::ean_validate(number?).is_ok())
    }

    /// The number with its check digit corrected, compacted (Postgres
    /// `isn`'s `make_valid` of a weak-mode value; a trailing `!` is
    /// dropped): 13 or 12 digits get an EAN/UPC check digit, 10 an ISBN-10
    /// one (`M` + 9 digits an ISMN one), 8 an ISSN one; other lengths or
    /// non-digits are an error with stdnum's message. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn isn_make_valid(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(codes::make_valid(number)?))
    }

    /// 1 for a valid 12-digit UPC-A (an EAN of 12 digits, spaces and dashes
    /// ignored), else 0; NULL for NULL. Not in stdnum.
    #[function(deterministic, innocuous)]
    fn upc_valid(number: Option<&str>) -> Option<bool> {
        Some(codes::ean_validate(number?).is_ok_and(|n| n.len() == 12))
    }
}

#[cfg(test)]
mod golden_tests;
