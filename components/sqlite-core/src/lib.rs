//! `sqlite-core`: SQLite as a component.
//!
//! It exports `sqlink:engine/sql` — connections, and statements whose rows
//! stream out a batch at a time — and imports exactly what an extension
//! exports (manifest, scalar, aggregate, collation, vtab). Every connection
//! it opens gets the imported extension's functions, aggregates, collations
//! and virtual table modules, with the flags its manifest gives. A router tree (see `components/router`)
//! makes any number of extensions one; `components/empty` stands for none.

mod engine;
mod extension;
mod callbacks;
mod declared;
mod journal;
mod locks;
mod memcmp;
mod relay;
mod spi;
mod vfs;
mod vtab;
mod watch;

/// Bindings of the `sqlite-core` world.
mod bindings {
    wit_bindgen::generate!({
        path: "../../wit/engine",
        world: "sqlink:engine/sqlite-core",
        generate_all,
    });
}

use engine::Core;
bindings::export!(Core with_types_in bindings);
