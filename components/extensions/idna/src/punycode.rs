//! The conversions behind the SQL functions, over the `idna` crate.

use idna::uts46::{AsciiDenyList, DnsLength, Hyphens, Uts46};

/// UTS #46 ToASCII, nontransitional: the URL standard's settings, or the
/// strict ones (STD3 rules, CheckHyphens, VerifyDnsLength).
pub fn to_ascii(domain: &str, strict: bool) -> Option<String> {
    let (deny, hyphens, dns) = settings(strict);
    Uts46::new().to_ascii(domain.as_bytes(), deny, hyphens, dns).ok().map(|c| c.into_owned())
}

/// UTS #46 ToUnicode, nontransitional; None when it reports an error.
pub fn to_unicode(domain: &str, strict: bool) -> Option<String> {
    let (deny, hyphens, _) = settings(strict);
    let (out, result) = Uts46::new().to_unicode(domain.as_bytes(), deny, hyphens);
    result.ok().map(|()| out.into_owned())
}

fn settings(strict: bool) -> (AsciiDenyList, Hyphens, DnsLength) {
    if strict {
        (AsciiDenyList::STD3, Hyphens::Check, DnsLength::Verify)
    } else {
        (AsciiDenyList::EMPTY, Hyphens::Allow, DnsLength::Ignore)
    }
}

/// RFC 3492 encoding; None on overflow.
pub fn encode(text: &str) -> Option<String> {
    idna::punycode::encode_str(text)
}

/// RFC 3492 decoding; None for invalid input.
pub fn decode(text: &str) -> Option<String> {
    idna::punycode::decode_to_string(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_settings_are_lenient_strict_ones_are_not() {
        assert_eq!(to_ascii("a_b.example", false).as_deref(), Some("a_b.example"));
        assert_eq!(to_ascii("a_b.example", true), None);
        assert_eq!(to_ascii("-x-.com", false).as_deref(), Some("-x-.com"));
        assert_eq!(to_ascii("-x-.com", true), None);
        assert_eq!(to_ascii("Faß.de", false).as_deref(), Some("xn--fa-hia.de"));
        assert_eq!(to_unicode("xn--fa-hia.de", false).as_deref(), Some("faß.de"));
    }
}
