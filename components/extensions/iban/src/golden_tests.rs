//! Every line of `testdata/stdnum.tsv` (python-stdnum 2.2 results)
//! called through the generated `sqlink_test`, as a host calls it; and the
//! manifest: names, arities, flags.

use crate::iban_ext::sqlink_test::{call, manifest};
use sqlink_golden as golden;

#[test]
fn stdnum_reference_outputs() {
    assert!(golden::check(include_str!("../testdata/stdnum.tsv"), call) > 1000);
}

#[test]
fn manifest_lists_every_function() {
    use sqlink_sdk::wit::types::FunctionFlags;
    let m = manifest();
    assert_eq!(m.name, "iban");
    let mut names: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    names.sort();
    names.dedup();
    assert_eq!(
        names,
        [
            "bic_compact", "bic_format", "bic_is_valid", "bic_valid", "bic_validate", "iban_calc_check_digits", "iban_compact",
            "iban_country", "iban_format", "iban_is_valid", "iban_valid", "iban_validate"
        ]
    );
    for f in &m.functions {
        assert_eq!(f.flags, FunctionFlags::DETERMINISTIC | FunctionFlags::INNOCUOUS, "{}", f.name);
    }
}
