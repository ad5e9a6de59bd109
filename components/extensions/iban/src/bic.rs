//! `stdnum.bic`: ISO 9362 business identifier codes (SWIFT codes).

use crate::failure::Failure;
use crate::tables::BIC_COUNTRIES;

/// `bic.compact`: spaces and dashes removed, trimmed, upper case.
pub fn compact(number: &str) -> String {
    crate::clean::compact(number, " -")
}

/// `bic.validate`: the compact BIC, or `InvalidLength` (not 8 or 11
/// characters), `InvalidFormat` (not 4 letters, 2 letters, 2 letters or
/// digits and optionally 3 more) or `InvalidComponent` (unknown country).
pub fn validate(number: &str) -> Result<String, Failure> {
    let number = compact(number);
    let chars: Vec<char> = number.chars().collect();
    if chars.len() != 8 && chars.len() != 11 {
        return Err(Failure::Length);
    }
    let upper = |c: &char| c.is_ascii_uppercase();
    let alnum = |c: &char| c.is_ascii_uppercase() || c.is_ascii_digit();
    if !(chars[..6].iter().all(upper) && chars[6..].iter().all(alnum)) {
        return Err(Failure::Format);
    }
    if !BIC_COUNTRIES.contains(&&number[4..6]) {
        return Err(Failure::Component);
    }
    Ok(number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdnum_doctests() {
        assert_eq!(validate("AGRIFRPP882").unwrap(), "AGRIFRPP882");
        assert_eq!(validate("ABNA BE 2A").unwrap(), "ABNABE2A");
        assert_eq!(validate("AGRIFRPP88"), Err(Failure::Length));
        assert_eq!(validate("AGRIFRP"), Err(Failure::Length));
        assert_eq!(validate("AGRIFRPP88?"), Err(Failure::Format));
        assert_eq!(validate("AGRIXXPP882"), Err(Failure::Component));
        assert_eq!(compact("agri-FR-PP"), "AGRIFRPP");
    }
}
