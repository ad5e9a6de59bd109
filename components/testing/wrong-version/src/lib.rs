//! Test fixture: exports `sqlink:extension/manifest@0.1.0`, the contract
//! version before this host's; loading it must fail naming both versions.

wit_bindgen::generate!({
    inline: "
        package sqlink:extension@0.1.0;
        interface manifest {
            describe: func() -> string;
        }
        world next-version {
            export manifest;
        }
    ",
    world: "next-version",
});

struct Future;

impl exports::sqlink::extension::manifest::Guest for Future {
    fn describe() -> String {
        "from the future".into()
    }
}

export!(Future);
