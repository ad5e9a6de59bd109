//! ISO/IEC 7064 check character systems (stdnum.iso7064): MOD 11-2,
//! MOD 11-10, MOD 37-2, MOD 37-36 and MOD 97-10. A valid number has a
//! checksum of 1.

use crate::failure::{Failure, index, int10, modulo_by_zero, py_repr};

/// The default alphabet of MOD 37-2: digits, capitals and `*`.
pub const ALPHABET_37_2: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ*";
/// The default alphabet of MOD 37-36: digits and capitals.
pub const ALPHABET_37_36: &str = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// MOD 11-2 checksum: digits and a capital `X` for 10.
pub fn mod_11_2_checksum(number: &str) -> Result<i64, Failure> {
    let mut check = 0i64;
    for c in number.chars() {
        let v = if c == 'X' { 10 } else { int10(c)? as i64 };
        check = (2 * check + v) % 11;
    }
    Ok(check)
}

/// MOD 11-2 check character: a digit or `X`.
pub fn mod_11_2_calc_check_digit(number: &str) -> Result<String, Failure> {
    let c = (1 - 2 * mod_11_2_checksum(number)?).rem_euclid(11);
    Ok(if c == 10 { "X".into() } else { c.to_string() })
}

/// MOD 11-10 checksum over digits.
pub fn mod_11_10_checksum(number: &str) -> Result<i64, Failure> {
    let mut check = 5i64;
    for c in number.chars() {
        let d = int10(c)? as i64;
        check = ((if check == 0 { 10 } else { check } * 2) % 11 + d) % 10;
    }
    Ok(check)
}

/// MOD 11-10 check digit.
pub fn mod_11_10_calc_check_digit(number: &str) -> Result<String, Failure> {
    let c = mod_11_10_checksum(number)?;
    Ok((1 - (if c == 0 { 10 } else { c } * 2) % 11).rem_euclid(10).to_string())
}

/// MOD 37-2 (or any MOD N-2 by the alphabet's length) checksum.
pub fn mod_37_2_checksum(number: &str, alphabet: &str) -> Result<i64, Failure> {
    let alphabet: Vec<char> = alphabet.chars().collect();
    let m = alphabet.len() as i64;
    let mut check = 0i64;
    for c in number.chars() {
        let v = index(&alphabet, c)? as i64;
        check = (2 * check + v) % m;
    }
    Ok(check)
}

/// MOD 37-2 check character.
pub fn mod_37_2_calc_check_digit(number: &str, alphabet: &str) -> Result<String, Failure> {
    let chars: Vec<char> = alphabet.chars().collect();
    let m = chars.len() as i64;
    let ck = mod_37_2_checksum(number, alphabet)?;
    if m == 0 {
        return Err(modulo_by_zero());
    }
    Ok(chars[(1 - 2 * ck).rem_euclid(m) as usize].to_string())
}

/// MOD 37-36 (or any MOD N+1-N by the alphabet's length) checksum.
pub fn mod_37_36_checksum(number: &str, alphabet: &str) -> Result<i64, Failure> {
    let alphabet: Vec<char> = alphabet.chars().collect();
    let m = alphabet.len() as i64;
    let mut check = m / 2;
    for c in number.chars() {
        let v = index(&alphabet, c)? as i64;
        check = ((if check == 0 { m } else { check } * 2) % (m + 1) + v) % m;
    }
    Ok(check)
}

/// MOD 37-36 check character.
pub fn mod_37_36_calc_check_digit(number: &str, alphabet: &str) -> Result<String, Failure> {
    let chars: Vec<char> = alphabet.chars().collect();
    let m = chars.len() as i64;
    let ck = mod_37_36_checksum(number, alphabet)?;
    if m == 0 {
        return Err(modulo_by_zero());
    }
    let c = (1 - (if ck == 0 { m } else { ck } * 2) % (m + 1)).rem_euclid(m);
    Ok(chars[c as usize].to_string())
}

/// MOD 97-10 checksum: letters count as 10 to 35 (either case), the
/// resulting decimal number modulo 97. The empty string is Python's
/// `int('')` error.
pub fn mod_97_10_checksum(number: &str) -> Result<i64, Failure> {
    if number.is_empty() {
        return Err(Failure::Python("invalid literal for int() with base 10: ''".into()));
    }
    let mut rest = 0i64;
    for c in number.chars() {
        let v = c.to_digit(36).ok_or_else(|| {
            Failure::Python(format!("invalid literal for int() with base 36: {}", py_repr(&c.to_string())))
        })?;
        for d in v.to_string().bytes() {
            rest = (rest * 10 + (d - b'0') as i64) % 97;
        }
    }
    Ok(rest)
}

/// MOD 97-10 check digits: two digits, `98 - checksum(number + '00')`.
pub fn mod_97_10_calc_check_digits(number: &str) -> Result<String, Failure> {
    Ok(format!("{:02}", 98 - mod_97_10_checksum(&format!("{number}00"))?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdnum_doctests() {
        assert_eq!(mod_11_2_calc_check_digit("0794").unwrap(), "0");
        assert_eq!(mod_11_2_calc_check_digit("079").unwrap(), "X");
        assert_eq!(mod_11_2_checksum("079X"), Ok(1));
        assert_eq!(mod_11_10_calc_check_digit("79462").unwrap(), "3");
        assert_eq!(mod_11_10_calc_check_digit("00200667308").unwrap(), "5");
        assert_eq!(mod_11_10_checksum("002006673085"), Ok(1));
        assert_eq!(mod_37_2_calc_check_digit("G123489654321", ALPHABET_37_2).unwrap(), "Y");
        assert_eq!(mod_37_2_checksum("G123489654321Y", ALPHABET_37_2), Ok(1));
        assert_eq!(mod_37_2_calc_check_digit("079", "0123456789X").unwrap(), "X");
        assert_eq!(mod_37_36_checksum("A12425GABC1234002M", ALPHABET_37_36), Ok(1));
        assert_eq!(mod_37_36_calc_check_digit("A12425GABC1234002", ALPHABET_37_36).unwrap(), "M");
        assert_eq!(mod_37_36_calc_check_digit("00200667308", "0123456789").unwrap(), "5");
        assert_eq!(mod_97_10_calc_check_digits("99991234567890121414").unwrap(), "90");
        assert_eq!(mod_97_10_calc_check_digits("4354111611551114").unwrap(), "31");
        assert_eq!(mod_97_10_checksum("08686001256515001121751"), Ok(1));
        assert_eq!(mod_97_10_calc_check_digits("22181321402534321446701611").unwrap(), "35");
    }
}
