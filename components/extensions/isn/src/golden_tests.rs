//! Every line of `testdata/stdnum.tsv` (python-stdnum 2.2 results)
//! called through the generated `sqlink_test`, as a host calls it; and the
//! manifest: names, arities, flags.

use crate::isn_ext::sqlink_test::{call, manifest};
use sqlink_golden as golden;

#[test]
fn stdnum_reference_outputs() {
    assert!(golden::check(include_str!("../testdata/stdnum.tsv"), call) > 1000);
}

#[test]
fn manifest_flags() {
    use sqlink_sdk::wit::types::FunctionFlags;
    let m = manifest();
    assert_eq!(m.name, "isn");
    assert!(m.functions.len() >= 27, "{}", m.functions.len());
    for f in &m.functions {
        assert_eq!(f.flags, FunctionFlags::DETERMINISTIC | FunctionFlags::INNOCUOUS, "{}", f.name);
    }
}
