//! Check digit algorithms: Luhn (and Luhn mod N), Verhoeff, Damm and the
//! ISO/IEC 7064 systems MOD 11-2, MOD 11-10, MOD 37-2, MOD 37-36 and
//! MOD 97-10.
//!
//! Compatible with python-stdnum 2.2 (`stdnum.luhn`, `stdnum.verhoeff`,
//! `stdnum.damm`, `stdnum.iso7064.*`): same names, arguments and results.
//! Each module function `stdnum.M.F` is the SQL function `M_F`, with the
//! dots of `iso7064.mod_11_2` as underscores:
//!
//! | stdnum | SQL | result |
//! |---|---|---|
//! | `M.checksum(number)` | `M_checksum(number)` | integer |
//! | `M.validate(number)` | `M_validate(number)` | the number, or an error |
//! | `M.is_valid(number)` | `M_is_valid(number)`, `M_valid(number)` | 1 or 0 |
//! | `M.calc_check_digit(number)` | `M_calc_check_digit(number)` | text |
//! | `iso7064.mod_97_10.calc_check_digits` | `iso7064_mod_97_10_calc_check_digits` | text |
//!
//! for M in `luhn`, `verhoeff`, `damm`, `iso7064_mod_11_2`,
//! `iso7064_mod_11_10`, `iso7064_mod_37_2`, `iso7064_mod_37_36`,
//! `iso7064_mod_97_10`; the `iso7064_*` ones also answer `is_valid` under
//! their bare name (`iso7064_mod_11_2(number)`). `luhn_*`,
//! `iso7064_mod_37_2_*` and `iso7064_mod_37_36_*` take the optional
//! `alphabet` argument stdnum takes. Errors carry the message of the
//! exception stdnum raises: its `InvalidFormat` / `InvalidChecksum`
//! messages from `validate`, and the plain Python error (`substring not
//! found`, `invalid literal for int() with base 10: 'a'`) from `checksum`
//! and `calc_check_digit`. NULL gives NULL; numbers are read as their text.
//!
//! Gaps: Python's `int()` also reads non-ASCII decimal digits (`'٣'` is 3);
//! here only ASCII digits are digits (others are invalid characters).
//! `damm_*` has no custom `table` argument. A NULL `alphabet` means the
//! default alphabet (stdnum would fail on `None`).
//! Reference outputs: `testdata/stdnum.tsv`, made by `testdata/gen.py`.

mod damm;
mod failure;
mod iso7064;
mod luhn;
mod verhoeff;

/// Check digits: Luhn, Verhoeff, Damm and ISO 7064 checksums, validation
/// and check digit calculation.
#[sqlink_sdk::extension(name = "checkdigit")]
mod checkdigit_ext {
    use crate::failure::validate;
    use sqlink_sdk::prelude::*;

    /// The Luhn (mod N) checksum of `number` (`stdnum.luhn.checksum`), an integer (0 for a valid number); NULL for NULL; a character it cannot read is the Python error (e.g. `substring not found`). An optional second argument is the alphabet (default `0123456789`); NULL there gives NULL.
    #[function(deterministic, innocuous)]
    fn luhn_checksum(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Result<Option<i64>> {
        let Some(number) = number else { return Ok(None) };
        let alphabet = alphabet.unwrap_or(crate::luhn::DIGITS);
        Ok(Some(crate::luhn::checksum(number, alphabet)?))
    }

    /// `number` itself when the Luhn (mod N) checksum is right (`stdnum.luhn.validate`), else the error `The number has an invalid format.` (a character it cannot read, or empty) or `The number's checksum or check digit is invalid.`; NULL for NULL. An optional second argument is the alphabet (default `0123456789`); NULL there gives NULL.
    #[function(deterministic, innocuous)]
    fn luhn_validate(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        let alphabet = alphabet.unwrap_or(crate::luhn::DIGITS);
        Ok(Some(validate(number, true, 0, crate::luhn::checksum(number, alphabet))?.to_string()))
    }

    /// 1 when the Luhn (mod N) checksum of `number` is right, else 0 (`stdnum.luhn.is_valid`), never an error; NULL for NULL. The empty string is invalid. Aliases: `luhn_valid`. An optional second argument is the alphabet (default `0123456789`); NULL there gives NULL.
    #[function(deterministic, innocuous, alias = "luhn_valid")]
    fn luhn_is_valid(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Option<bool> {
        let number = number?;
        let alphabet = alphabet.unwrap_or(crate::luhn::DIGITS);
        Some(validate(number, true, 0, crate::luhn::checksum(number, alphabet)).is_ok_and(|n| !n.is_empty()))
    }

    /// The check character to append to `number` to make it valid (`stdnum.luhn.calc_check_digit`), as text; NULL for NULL; a character it cannot read is the Python error. An optional second argument is the alphabet (default `0123456789`); NULL there gives NULL.
    #[function(deterministic, innocuous)]
    fn luhn_calc_check_digit(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        let alphabet = alphabet.unwrap_or(crate::luhn::DIGITS);
        Ok(Some(crate::luhn::calc_check_digit(number, alphabet)?))
    }

    /// The Verhoeff checksum of `number` (`stdnum.verhoeff.checksum`), an integer (0 for a valid number); NULL for NULL; a character it cannot read is the Python error (e.g. `invalid literal for int() with base 10: 'a'`).
    #[function(deterministic, innocuous)]
    fn verhoeff_checksum(number: Option<&str>) -> Result<Option<i64>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::verhoeff::checksum(number)?))
    }

    /// `number` itself when the Verhoeff checksum is right (`stdnum.verhoeff.validate`), else the error `The number has an invalid format.` (a character it cannot read, or empty) or `The number's checksum or check digit is invalid.`; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn verhoeff_validate(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(validate(number, true, 0, crate::verhoeff::checksum(number))?.to_string()))
    }

    /// 1 when the Verhoeff checksum of `number` is right, else 0 (`stdnum.verhoeff.is_valid`), never an error; NULL for NULL. The empty string is invalid. Aliases: `verhoeff_valid`.
    #[function(deterministic, innocuous, alias = "verhoeff_valid")]
    fn verhoeff_is_valid(number: Option<&str>) -> Option<bool> {
        let number = number?;
        Some(validate(number, true, 0, crate::verhoeff::checksum(number)).is_ok_and(|n| !n.is_empty()))
    }

    /// The check character to append to `number` to make it valid (`stdnum.verhoeff.calc_check_digit`), as text; NULL for NULL; a character it cannot read is the Python error.
    #[function(deterministic, innocuous)]
    fn verhoeff_calc_check_digit(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::verhoeff::calc_check_digit(number)?))
    }

    /// The Damm checksum of `number` (`stdnum.damm.checksum`), an integer (0 for a valid number); NULL for NULL; a character it cannot read is the Python error (e.g. `invalid literal for int() with base 10: 'a'`).
    #[function(deterministic, innocuous)]
    fn damm_checksum(number: Option<&str>) -> Result<Option<i64>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::damm::checksum(number)?))
    }

    /// `number` itself when the Damm checksum is right (`stdnum.damm.validate`), else the error `The number has an invalid format.` (a character it cannot read, or empty) or `The number's checksum or check digit is invalid.`; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn damm_validate(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(validate(number, true, 0, crate::damm::checksum(number))?.to_string()))
    }

    /// 1 when the Damm checksum of `number` is right, else 0 (`stdnum.damm.is_valid`), never an error; NULL for NULL. The empty string is invalid. Aliases: `damm_valid`.
    #[function(deterministic, innocuous, alias = "damm_valid")]
    fn damm_is_valid(number: Option<&str>) -> Option<bool> {
        let number = number?;
        Some(validate(number, true, 0, crate::damm::checksum(number)).is_ok_and(|n| !n.is_empty()))
    }

    /// The check character to append to `number` to make it valid (`stdnum.damm.calc_check_digit`), as text; NULL for NULL; a character it cannot read is the Python error.
    #[function(deterministic, innocuous)]
    fn damm_calc_check_digit(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::damm::calc_check_digit(number)?))
    }

    /// The ISO 7064 MOD 11-2 checksum of `number` (`stdnum.iso7064.mod_11_2.checksum`), an integer (1 for a valid number); NULL for NULL; a character it cannot read is the Python error (e.g. `invalid literal for int() with base 10: 'a'`).
    #[function(deterministic, innocuous)]
    fn iso7064_mod_11_2_checksum(number: Option<&str>) -> Result<Option<i64>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::iso7064::mod_11_2_checksum(number)?))
    }

    /// `number` itself when the ISO 7064 MOD 11-2 checksum is right (`stdnum.iso7064.mod_11_2.validate`), else the error `The number has an invalid format.` (a character it cannot read) or `The number's checksum or check digit is invalid.`; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_11_2_validate(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(validate(number, false, 1, crate::iso7064::mod_11_2_checksum(number))?.to_string()))
    }

    /// 1 when the ISO 7064 MOD 11-2 checksum of `number` is right, else 0 (`stdnum.iso7064.mod_11_2.is_valid`), never an error; NULL for NULL. Aliases: `iso7064_mod_11_2_valid`, `iso7064_mod_11_2`.
    #[function(deterministic, innocuous, alias = "iso7064_mod_11_2_valid", alias = "iso7064_mod_11_2")]
    fn iso7064_mod_11_2_is_valid(number: Option<&str>) -> Option<bool> {
        let number = number?;
        Some(validate(number, false, 1, crate::iso7064::mod_11_2_checksum(number)).is_ok_and(|n| !n.is_empty()))
    }

    /// The check character to append to `number` to make it valid (`stdnum.iso7064.mod_11_2.calc_check_digit`), as text; NULL for NULL; a character it cannot read is the Python error.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_11_2_calc_check_digit(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::iso7064::mod_11_2_calc_check_digit(number)?))
    }

    /// The ISO 7064 MOD 11-10 checksum of `number` (`stdnum.iso7064.mod_11_10.checksum`), an integer (1 for a valid number); NULL for NULL; a character it cannot read is the Python error (e.g. `invalid literal for int() with base 10: 'a'`).
    #[function(deterministic, innocuous)]
    fn iso7064_mod_11_10_checksum(number: Option<&str>) -> Result<Option<i64>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::iso7064::mod_11_10_checksum(number)?))
    }

    /// `number` itself when the ISO 7064 MOD 11-10 checksum is right (`stdnum.iso7064.mod_11_10.validate`), else the error `The number has an invalid format.` (a character it cannot read) or `The number's checksum or check digit is invalid.`; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_11_10_validate(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(validate(number, false, 1, crate::iso7064::mod_11_10_checksum(number))?.to_string()))
    }

    /// 1 when the ISO 7064 MOD 11-10 checksum of `number` is right, else 0 (`stdnum.iso7064.mod_11_10.is_valid`), never an error; NULL for NULL. Aliases: `iso7064_mod_11_10_valid`, `iso7064_mod_11_10`.
    #[function(deterministic, innocuous, alias = "iso7064_mod_11_10_valid", alias = "iso7064_mod_11_10")]
    fn iso7064_mod_11_10_is_valid(number: Option<&str>) -> Option<bool> {
        let number = number?;
        Some(validate(number, false, 1, crate::iso7064::mod_11_10_checksum(number)).is_ok_and(|n| !n.is_empty()))
    }

    /// The check character to append to `number` to make it valid (`stdnum.iso7064.mod_11_10.calc_check_digit`), as text; NULL for NULL; a character it cannot read is the Python error.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_11_10_calc_check_digit(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::iso7064::mod_11_10_calc_check_digit(number)?))
    }

    /// The ISO 7064 MOD 37-2 checksum of `number` (`stdnum.iso7064.mod_37_2.checksum`), an integer (1 for a valid number); NULL for NULL; a character it cannot read is the Python error (e.g. `substring not found`). An optional second argument is the alphabet (default `0-9A-Z*`); NULL there gives NULL.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_37_2_checksum(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Result<Option<i64>> {
        let Some(number) = number else { return Ok(None) };
        let alphabet = alphabet.unwrap_or(crate::iso7064::ALPHABET_37_2);
        Ok(Some(crate::iso7064::mod_37_2_checksum(number, alphabet)?))
    }

    /// `number` itself when the ISO 7064 MOD 37-2 checksum is right (`stdnum.iso7064.mod_37_2.validate`), else the error `The number has an invalid format.` (a character it cannot read) or `The number's checksum or check digit is invalid.`; NULL for NULL. An optional second argument is the alphabet (default `0-9A-Z*`); NULL there gives NULL.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_37_2_validate(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        let alphabet = alphabet.unwrap_or(crate::iso7064::ALPHABET_37_2);
        Ok(Some(validate(number, false, 1, crate::iso7064::mod_37_2_checksum(number, alphabet))?.to_string()))
    }

    /// 1 when the ISO 7064 MOD 37-2 checksum of `number` is right, else 0 (`stdnum.iso7064.mod_37_2.is_valid`), never an error; NULL for NULL. Aliases: `iso7064_mod_37_2_valid`, `iso7064_mod_37_2`. An optional second argument is the alphabet (default `0-9A-Z*`); NULL there gives NULL.
    #[function(deterministic, innocuous, alias = "iso7064_mod_37_2_valid", alias = "iso7064_mod_37_2")]
    fn iso7064_mod_37_2_is_valid(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Option<bool> {
        let number = number?;
        let alphabet = alphabet.unwrap_or(crate::iso7064::ALPHABET_37_2);
        Some(validate(number, false, 1, crate::iso7064::mod_37_2_checksum(number, alphabet)).is_ok_and(|n| !n.is_empty()))
    }

    /// The check character to append to `number` to make it valid (`stdnum.iso7064.mod_37_2.calc_check_digit`), as text; NULL for NULL; a character it cannot read is the Python error. An optional second argument is the alphabet (default `0-9A-Z*`); NULL there gives NULL.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_37_2_calc_check_digit(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        let alphabet = alphabet.unwrap_or(crate::iso7064::ALPHABET_37_2);
        Ok(Some(crate::iso7064::mod_37_2_calc_check_digit(number, alphabet)?))
    }

    /// The ISO 7064 MOD 37-36 checksum of `number` (`stdnum.iso7064.mod_37_36.checksum`), an integer (1 for a valid number); NULL for NULL; a character it cannot read is the Python error (e.g. `substring not found`). An optional second argument is the alphabet (default `0-9A-Z`); NULL there gives NULL.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_37_36_checksum(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Result<Option<i64>> {
        let Some(number) = number else { return Ok(None) };
        let alphabet = alphabet.unwrap_or(crate::iso7064::ALPHABET_37_36);
        Ok(Some(crate::iso7064::mod_37_36_checksum(number, alphabet)?))
    }

    /// `number` itself when the ISO 7064 MOD 37-36 checksum is right (`stdnum.iso7064.mod_37_36.validate`), else the error `The number has an invalid format.` (a character it cannot read) or `The number's checksum or check digit is invalid.`; NULL for NULL. An optional second argument is the alphabet (default `0-9A-Z`); NULL there gives NULL.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_37_36_validate(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        let alphabet = alphabet.unwrap_or(crate::iso7064::ALPHABET_37_36);
        Ok(Some(validate(number, false, 1, crate::iso7064::mod_37_36_checksum(number, alphabet))?.to_string()))
    }

    /// 1 when the ISO 7064 MOD 37-36 checksum of `number` is right, else 0 (`stdnum.iso7064.mod_37_36.is_valid`), never an error; NULL for NULL. Aliases: `iso7064_mod_37_36_valid`, `iso7064_mod_37_36`. An optional second argument is the alphabet (default `0-9A-Z`); NULL there gives NULL.
    #[function(deterministic, innocuous, alias = "iso7064_mod_37_36_valid", alias = "iso7064_mod_37_36")]
    fn iso7064_mod_37_36_is_valid(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Option<bool> {
        let number = number?;
        let alphabet = alphabet.unwrap_or(crate::iso7064::ALPHABET_37_36);
        Some(validate(number, false, 1, crate::iso7064::mod_37_36_checksum(number, alphabet)).is_ok_and(|n| !n.is_empty()))
    }

    /// The check character to append to `number` to make it valid (`stdnum.iso7064.mod_37_36.calc_check_digit`), as text; NULL for NULL; a character it cannot read is the Python error. An optional second argument is the alphabet (default `0-9A-Z`); NULL there gives NULL.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_37_36_calc_check_digit(number: Option<&str>, #[optional] alphabet: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        let alphabet = alphabet.unwrap_or(crate::iso7064::ALPHABET_37_36);
        Ok(Some(crate::iso7064::mod_37_36_calc_check_digit(number, alphabet)?))
    }

    /// The ISO 7064 MOD 97-10 checksum of `number` (`stdnum.iso7064.mod_97_10.checksum`), an integer (1 for a valid number); NULL for NULL; a character it cannot read is the Python error (e.g. `invalid literal for int() with base 10: 'a'`).
    #[function(deterministic, innocuous)]
    fn iso7064_mod_97_10_checksum(number: Option<&str>) -> Result<Option<i64>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::iso7064::mod_97_10_checksum(number)?))
    }

    /// `number` itself when the ISO 7064 MOD 97-10 checksum is right (`stdnum.iso7064.mod_97_10.validate`), else the error `The number has an invalid format.` (a character it cannot read) or `The number's checksum or check digit is invalid.`; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_97_10_validate(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(validate(number, false, 1, crate::iso7064::mod_97_10_checksum(number))?.to_string()))
    }

    /// 1 when the ISO 7064 MOD 97-10 checksum of `number` is right, else 0 (`stdnum.iso7064.mod_97_10.is_valid`), never an error; NULL for NULL. Aliases: `iso7064_mod_97_10_valid`, `iso7064_mod_97_10`.
    #[function(deterministic, innocuous, alias = "iso7064_mod_97_10_valid", alias = "iso7064_mod_97_10")]
    fn iso7064_mod_97_10_is_valid(number: Option<&str>) -> Option<bool> {
        let number = number?;
        Some(validate(number, false, 1, crate::iso7064::mod_97_10_checksum(number)).is_ok_and(|n| !n.is_empty()))
    }

    /// The check digits to append to `number` to make it valid (`stdnum.iso7064.mod_97_10.calc_check_digits`), as text; NULL for NULL; a character it cannot read is the Python error.
    #[function(deterministic, innocuous)]
    fn iso7064_mod_97_10_calc_check_digits(number: Option<&str>) -> Result<Option<String>> {
        let Some(number) = number else { return Ok(None) };
        Ok(Some(crate::iso7064::mod_97_10_calc_check_digits(number)?))
    }
}

#[cfg(test)]
mod golden_tests;
