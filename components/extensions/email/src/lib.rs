//! Email address checking per RFC 5321 and 5322 (compatible with Dominic
//! Sayers' isemail 3.05, is_email.php: the same parse, diagnoses and
//! diagnosis names; SQL names after the catalog's).
//!
//! Gaps: no DNS lookup (extensions have no network, and results must be
//! deterministic), so the ISEMAIL_DNSWARN diagnoses never appear: a domain
//! is judged as is_email judges it when DNS is not checked (a domain of one
//! label gives ISEMAIL_RFC5321_TLD, a last label starting with a digit
//! ISEMAIL_RFC5321_TLDNUMERIC).

mod diagnosis;
mod parse;

/// Email addresses checked against RFC 5321 and 5322 the way isemail
/// checks them.
#[sqlink_sdk::extension(name = "email")]
mod email_ext {
    use super::{diagnosis, parse::parse};
    use sqlink_sdk::prelude::*;

    /// 1 if the address is valid (its diagnosis is below isemail's
    /// warning threshold: valid, or only an RFC 5321 note such as a
    /// top-level-domain-only domain), else 0. NULL for NULL; text is read
    /// as bytes, numbers as their text.
    #[function(deterministic, innocuous)]
    fn email_valid(address: RawText) -> bool {
        parse(address.0).diagnosis < diagnosis::THRESHOLD
    }

    /// isemail's diagnosis of the address, as its constant name:
    /// `ISEMAIL_VALID`, `ISEMAIL_RFC5321_QUOTEDSTRING`,
    /// `ISEMAIL_ERR_NODOMAIN`... NULL for NULL.
    #[function(deterministic, innocuous)]
    fn email_diagnose(address: RawText) -> &'static str {
        diagnosis::name(parse(address.0).diagnosis)
    }

    /// isemail's category of the address's diagnosis, as its constant name:
    /// `ISEMAIL_VALID_CATEGORY`, `ISEMAIL_RFC5321`, `ISEMAIL_CFWS`,
    /// `ISEMAIL_DEPREC`, `ISEMAIL_RFC5322` or `ISEMAIL_ERR`. NULL for NULL.
    #[function(deterministic, innocuous)]
    fn email_category(address: RawText) -> &'static str {
        diagnosis::category(parse(address.0).diagnosis)
    }

    /// The local part of the address as isemail parses it (a quoted string
    /// keeps its quotes; comments and folding white space are left out).
    /// NULL for NULL and for an address with an error (ISEMAIL_ERR).
    #[function(deterministic, innocuous)]
    fn email_local(address: RawText) -> Option<String> {
        let p = parse(address.0);
        (p.diagnosis <= diagnosis::CATEGORY_RFC5322).then(|| String::from_utf8_lossy(&p.local).into_owned())
    }

    /// The domain of the address as isemail parses it (a domain literal
    /// keeps its brackets; comments and folding white space are left out).
    /// NULL for NULL and for an address with an error (ISEMAIL_ERR).
    #[function(deterministic, innocuous)]
    fn email_domain(address: RawText) -> Option<String> {
        let p = parse(address.0);
        (p.diagnosis <= diagnosis::CATEGORY_RFC5322).then(|| String::from_utf8_lossy(&p.domain).into_owned())
    }

    #[cfg(test)]
    include!("suite_tests.rs");
}
