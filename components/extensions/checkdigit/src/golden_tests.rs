//! Every line of `testdata/stdnum.tsv` (python-stdnum 2.2's own results)
//! called through the generated `sqlink_test`, as a host calls it; and the
//! manifest: names, arities, flags.

use crate::checkdigit_ext::sqlink_test::{call, manifest};
use sqlink_golden as golden;
use sqlink_sdk::Value;

#[test]
fn stdnum_reference_outputs() {
    assert!(golden::check(include_str!("../testdata/stdnum.tsv"), call) > 5000);
}

#[test]
fn null_gives_null_and_numbers_read_as_text() {
    for name in ["luhn_checksum", "verhoeff_validate", "damm_is_valid", "iso7064_mod_97_10_calc_check_digits"] {
        assert_eq!(call(name, &[Value::Null]).unwrap(), Value::Null, "{name}");
    }
    assert_eq!(call("luhn_valid", &[Value::Integer(79927398713)]).unwrap(), Value::Integer(1));
    assert_eq!(call("iso7064_mod_11_2", &[Value::text("079X")]).unwrap(), Value::Integer(1));
    assert_eq!(call("luhn_checksum", &[Value::text("1234"), Value::Null]).unwrap(), Value::Null);
    assert_eq!(call("luhn_checksum", &[Value::text("1234")]).unwrap(), Value::Integer(4));
}

#[test]
fn manifest_lists_every_function() {
    use sqlink_sdk::wit::types::FunctionFlags;
    let m = manifest();
    assert_eq!(m.name, "checkdigit");
    let names: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    for want in ["luhn_valid", "luhn_is_valid", "verhoeff_calc_check_digit", "damm_checksum", "iso7064_mod_37_36", "iso7064_mod_97_10_valid"] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    for f in &m.functions {
        assert_eq!(f.flags, FunctionFlags::DETERMINISTIC | FunctionFlags::INNOCUOUS, "{}", f.name);
        assert!(f.description.len() > 30, "{}", f.name);
    }
}
