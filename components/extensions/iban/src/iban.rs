//! `stdnum.iban` and the country checks it runs (`stdnum.be.iban`,
//! `stdnum.es.iban`, `stdnum.me.iban`, `stdnum.no.iban`).

use crate::clean::{compact as clean_compact, isdigits, slice};
use crate::failure::Failure;
use crate::iso7064::{mod_97_10_calc_check_digits, mod_97_10_checksum};
use crate::tables::{BBAN, BE_BANKS};

/// `iban.compact`: separators (space, `-`, `.`) removed, trimmed, upper case.
pub fn compact(number: &str) -> String {
    clean_compact(number, " -.")
}

/// `iban.format`: the compact form in groups of four joined by `separator`.
pub fn format(number: &str, separator: &str) -> String {
    let chars: Vec<char> = compact(number).chars().collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(separator)
}

/// `iban.calc_check_digits`: the two digits that make the number valid.
pub fn calc_check_digits(number: &str) -> Result<String, Failure> {
    let number = compact(number);
    mod_97_10_calc_check_digits(&(slice(&number, Some(4), None) + &slice(&number, None, Some(2))))
}

/// Whether `bban` has the registry's `structure` (`4!n6!n8!c`: counts of
/// digits `n`, capitals `a`, letters or digits `c`).
fn matches_structure(bban: &str, structure: &str) -> bool {
    let mut chars = bban.chars();
    let mut count = 0usize;
    let mut spec = structure.chars().peekable();
    while let Some(c) = spec.next() {
        if let Some(d) = c.to_digit(10) {
            count = count * 10 + d as usize;
            continue;
        }
        if c != '!' {
            return false;
        }
        let class = spec.next().unwrap_or('?');
        for _ in 0..count {
            let ok = match (chars.next(), class) {
                (Some(x), 'n') => x.is_ascii_digit(),
                (Some(x), 'a') => x.is_ascii_uppercase(),
                (Some(x), 'c') => x.is_ascii_alphanumeric(),
                _ => false,
            };
            if !ok {
                return false;
            }
        }
        count = 0;
    }
    chars.next().is_none()
}

/// `iban.validate(number, check_country)`: the compact IBAN, or stdnum's
/// error (`InvalidFormat`, `InvalidChecksum`, `InvalidComponent`,
/// `InvalidLength`).
pub fn validate(number: &str, check_country: bool) -> Result<String, Failure> {
    let number = compact(number);
    let rotated = slice(&number, Some(4), None) + &slice(&number, None, Some(4));
    match mod_97_10_checksum(&rotated) {
        Err(_) => return Err(Failure::Format),
        Ok(1) => {}
        Ok(_) => return Err(Failure::Checksum),
    }
    let Some(&(_, structure)) = BBAN.iter().find(|(cc, _)| number.starts_with(cc)) else {
        return Err(Failure::Component);
    };
    let bban = slice(&number, Some(4), None);
    if !matches_structure(&bban, structure) {
        return Err(Failure::Format);
    }
    if check_country {
        match &number[..2] {
            "BE" => belgium(&number)?,
            "ES" => spain(&bban)?,
            "ME" => montenegro(&bban)?,
            "NO" => norway(&bban)?,
            _ => {}
        }
    }
    Ok(number)
}

/// `n % 97` of a string of ASCII digits.
fn mod97(digits: &str) -> u32 {
    digits.bytes().fold(0, |r, d| (r * 10 + (d - b'0') as u32) % 97)
}

/// `stdnum.be.iban`: the national check digits and a known bank code.
fn belgium(number: &str) -> Result<(), Failure> {
    let body = slice(number, Some(4), Some(-2));
    let check = match mod97(&body) {
        0 => 97,
        c => c,
    };
    if slice(number, Some(-2), None) != format!("{check:02}") {
        return Err(Failure::Checksum);
    }
    let bank: u16 = number[4..7].parse().map_err(|_| Failure::Component)?;
    if !BE_BANKS.iter().any(|&(lo, hi)| (lo..=hi).contains(&bank)) {
        return Err(Failure::Component);
    }
    Ok(())
}

/// `stdnum.es.ccc.validate` of the BBAN: its two check digits.
fn spain(ccc: &str) -> Result<(), Failure> {
    if ccc.chars().count() != 20 {
        return Err(Failure::Length);
    }
    if !isdigits(ccc) {
        return Err(Failure::Format);
    }
    let digit = |part: &str| {
        let sum: u64 = part.bytes().enumerate().map(|(i, d)| (d - b'0') as u64 * (1u64 << i)).sum::<u64>() % 11;
        (if sum < 2 { sum } else { 11 - sum }).to_string()
    };
    let want = digit(&format!("00{}", &ccc[..8])) + &digit(&ccc[10..]);
    if ccc[8..10] != want {
        return Err(Failure::Checksum);
    }
    Ok(())
}

/// `stdnum.me.iban`: the BBAN as a number is 1 modulo 97.
fn montenegro(bban: &str) -> Result<(), Failure> {
    if mod97(bban) != 1 {
        return Err(Failure::Checksum);
    }
    Ok(())
}

/// `stdnum.no.kontonr.validate` of the BBAN: Luhn for a 7-digit postgiro
/// number (after a `0000` bank code), else the mod 11 check digit.
fn norway(bban: &str) -> Result<(), Failure> {
    let number = crate::clean::strip(&crate::clean::clean(bban, " .-")).to_string();
    let number = number.strip_prefix("0000").unwrap_or(&number);
    if !isdigits(number) {
        return Err(Failure::Format);
    }
    match number.len() {
        7 => match crate::luhn::checksum(number, crate::luhn::DIGITS) {
            Ok(0) => Ok(()),
            Ok(_) => Err(Failure::Checksum),
            Err(_) => Err(Failure::Format),
        },
        11 => {
            let weights = [6, 7, 8, 9, 4, 5, 6, 7, 8, 9];
            let sum: u32 = weights.iter().zip(number.bytes()).map(|(w, d)| w * (d - b'0') as u32).sum();
            if (sum % 11).to_string() != number[10..] {
                return Err(Failure::Checksum);
            }
            Ok(())
        }
        _ => Err(Failure::Length),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stdnum_doctests() {
        assert_eq!(validate("GR16 0110 1050 0000 1054 7023 795", true).unwrap(), "GR1601101050000010547023795");
        assert_eq!(validate("BE31435411161155", true).unwrap(), "BE31435411161155");
        assert_eq!(compact("GR16 0110 1050 0000 1054 7023 795"), "GR1601101050000010547023795");
        assert_eq!(validate("GR16 0110 1050 0000 1054 7023 794", true), Err(Failure::Checksum));
        assert_eq!(format("GR1601101050000010547023795", " "), "GR16 0110 1050 0000 1054 7023 795");
        assert_eq!(calc_check_digits("BExx435411161155").unwrap(), "31");
        assert!(matches_structure("WEST12345698765432", "4!a6!n8!n"));
        assert!(!matches_structure("WEST1234569876543", "4!a6!n8!n"));
    }
}
