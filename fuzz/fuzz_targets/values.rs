//! The fuzz target of fuzz/checks/values.rs, which says what it checks
//! (`cargo test` in host/runtime runs the same check on a fixed set of
//! inputs: host/runtime/tests/fuzz_smoke.rs).
#![no_main]

#[path = "../checks/values.rs"]
mod check;

libfuzzer_sys::fuzz_target!(init: check::setup(), |values: Vec<check::V>| check::run(values));
