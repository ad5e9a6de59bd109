//! The Damm algorithm with Wikipedia's table (stdnum.damm).

use crate::failure::{Failure, int10};

const OPERATION: [[u8; 10]; 10] = [
    [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
    [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
    [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
    [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
    [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
    [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
    [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
    [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
    [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
    [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/// The Damm checksum of a string of digits (0 for a valid number).
pub fn checksum(number: &str) -> Result<i64, Failure> {
    let mut i = 0usize;
    for c in number.chars() {
        i = OPERATION[i][int10(c)? as usize] as usize;
    }
    Ok(i as i64)
}

/// The digit to append to `number` to make it valid: its checksum.
pub fn calc_check_digit(number: &str) -> Result<String, Failure> {
    Ok(checksum(number)?.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdnum_doctests() {
        assert_eq!(calc_check_digit("572").unwrap(), "4");
        assert_eq!(checksum("5724"), Ok(0));
        assert_eq!(checksum("572"), Ok(4));
    }
}
