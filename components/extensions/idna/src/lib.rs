//! Internationalized domain names: UTS #46 domain to ASCII and to Unicode,
//! as the WHATWG URL standard runs them, and RFC 3492 Punycode (compatible
//! with UTS #46 16.0.0 and RFC 3492: same results as the `idna` crate 1.1.0,
//! which passes Unicode's IdnaTestV2.txt; names after the catalog's).
//!
//! By default the conversions are the URL standard's "domain to ASCII" with
//! beStrict false: nontransitional processing, CheckBidi and CheckJoiners
//! on, UseSTD3ASCIIRules, CheckHyphens and VerifyDnsLength off (so
//! `a_b.example` and `-x-.com` pass, as in browsers). A true second argument
//! turns on the strict UTS #46 checks (STD3 ASCII rules, hyphens, DNS
//! lengths), the settings IdnaTestV2.txt's toAsciiN column is made with.
//!
//! Gaps: a domain with errors gives NULL, not UTS #46's list of error codes;
//! transitional processing (IDNA 2003 compatibility, ß to ss) is not offered.
//! IdnaTestV2.txt 16.0.0, strict: 12762 of 12774 checks pass; the 12 others
//! (6 domains) hold code points unassigned in Unicode 16.0 that the ICU4X
//! data of idna_adapter 1.2.2 treats as valid.

mod punycode;

/// Internationalized domain names: UTS #46 / WHATWG domain to ASCII and to
/// Unicode, RFC 3492 Punycode encoding and decoding.
#[sqlink_sdk::extension(name = "idna")]
mod idna_ext {
    use super::punycode;
    #[allow(unused_imports)]
    use sqlink_sdk::prelude::*;

    /// The ASCII (A-label, `xn--`) form of a domain name after UTS #46
    /// mapping and validation, as the URL standard's domain to ASCII gives
    /// it: `idna_to_ascii('Bücher.example')` is `xn--bcher-kva.example`.
    /// With a true second argument the strict UTS #46 checks apply too
    /// (STD3 ASCII rules, hyphens, DNS label and name lengths). NULL for
    /// NULL, and for a domain that is not valid.
    #[function(deterministic, innocuous)]
    fn idna_to_ascii(domain: &str, #[optional] strict: Option<bool>) -> Option<String> {
        punycode::to_ascii(domain, strict.unwrap_or(false))
    }

    /// The Unicode (U-label) form of a domain name after UTS #46 mapping,
    /// `xn--` labels decoded and validated: `idna_to_unicode('xn--bcher-kva.example')`
    /// is `bücher.example`. With a true second argument the strict UTS #46
    /// checks apply too (STD3 ASCII rules, hyphens). NULL for NULL, and for
    /// a domain that is not valid.
    #[function(deterministic, innocuous)]
    fn idna_to_unicode(domain: &str, #[optional] strict: Option<bool>) -> Option<String> {
        punycode::to_unicode(domain, strict.unwrap_or(false))
    }

    /// The RFC 3492 Punycode encoding of a string, without an `xn--`
    /// prefix and with case kept: `punycode_encode('bücher')` is
    /// `bcher-kva`. NULL for NULL, and for input too long to encode.
    #[function(deterministic, innocuous)]
    fn punycode_encode(text: &str) -> Option<String> {
        punycode::encode(text)
    }

    /// The string an RFC 3492 Punycode encoding (without `xn--`) stands
    /// for: `punycode_decode('bcher-kva')` is `bücher`. NULL for NULL, and
    /// for input that is not valid Punycode.
    #[function(deterministic, innocuous)]
    fn punycode_decode(text: &str) -> Option<String> {
        punycode::decode(text)
    }

    #[cfg(test)]
    include!("golden_tests.rs");
}
