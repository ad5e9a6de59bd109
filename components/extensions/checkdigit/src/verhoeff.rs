//! The Verhoeff algorithm (stdnum.verhoeff).

use crate::failure::{Failure, int10};

const MULTIPLICATION: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];

const PERMUTATION: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];

/// The Verhoeff checksum of a string of digits (0 for a valid number).
pub fn checksum(number: &str) -> Result<i64, Failure> {
    let mut check = 0usize;
    for (i, c) in number.chars().rev().enumerate() {
        let d = int10(c)? as usize;
        check = MULTIPLICATION[check][PERMUTATION[i % 8][d] as usize] as usize;
    }
    Ok(check as i64)
}

/// The digit to append to `number` to make it valid.
pub fn calc_check_digit(number: &str) -> Result<String, Failure> {
    let ck = checksum(&format!("{number}0"))? as usize;
    let digit = MULTIPLICATION[ck].iter().position(|&x| x == 0).unwrap_or(0);
    Ok(digit.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdnum_doctests() {
        assert_eq!(checksum("1234"), Ok(1));
        assert_eq!(calc_check_digit("1234").unwrap(), "0");
        assert_eq!(checksum("12340"), Ok(0));
    }
}
