//! The Luhn and Luhn mod N algorithms (stdnum.luhn).

use crate::failure::{Failure, index, index_out_of_range, modulo_by_zero};

/// The digits stdnum.luhn uses unless given an alphabet.
pub const DIGITS: &str = "0123456789";

/// The Luhn checksum of `number` over `alphabet` (0 for a valid number).
/// A character outside the alphabet is Python's `substring not found`.
pub fn checksum(number: &str, alphabet: &str) -> Result<i64, Failure> {
    let alphabet: Vec<char> = alphabet.chars().collect();
    let n = alphabet.len() as i64;
    let mut sum = 0i64;
    for (i, c) in number.chars().rev().enumerate() {
        let v = index(&alphabet, c)? as i64;
        sum += if i % 2 == 0 { v } else { (2 * v) / n + (2 * v) % n };
    }
    if n == 0 {
        return Err(modulo_by_zero());
    }
    Ok(sum % n)
}

/// The character to append to `number` to make it valid.
pub fn calc_check_digit(number: &str, alphabet: &str) -> Result<String, Failure> {
    let first = alphabet.chars().next().ok_or_else(index_out_of_range)?;
    let ck = checksum(&format!("{number}{first}"), alphabet)?;
    let chars: Vec<char> = alphabet.chars().collect();
    let n = chars.len() as i64;
    Ok(chars[((n - ck) % n) as usize].to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdnum_doctests() {
        assert_eq!(checksum("7894", DIGITS), Ok(6));
        assert_eq!(calc_check_digit("7894", DIGITS).unwrap(), "9");
        assert_eq!(checksum("78949", DIGITS), Ok(0));
        assert_eq!(checksum("1234", "0123456789abcdef"), Ok(14));
    }
}
