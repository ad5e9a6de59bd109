//! Test fixture: claims a bare name the `probe` fixture also claims, so
//! tests can check that neither gets it and the qualified forms work.

/// Rivals probe for a bare name.
#[sqlink_sdk::extension(name = "rival")]
mod rival {
    use sqlink_sdk::prelude::*;

    /// Returns "rival" whatever the argument.
    #[function(deterministic)]
    fn probe_echo(_x: &Value) -> &'static str {
        "rival"
    }

    /// A name only rival has.
    #[function(deterministic)]
    fn rival_only() -> i64 {
        7
    }
}
