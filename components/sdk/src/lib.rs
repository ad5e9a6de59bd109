//! Write SQLite extensions in Rust that any sqlink host loads as one `.wasm`
//! component.
//!
//! Put your functions in a module and mark it with [`extension`]:
//!
//! ```ignore
//! /// Small string helpers.
//! #[sqlink_sdk::extension(name = "demo")]
//! mod demo {
//!     use sqlink_sdk::prelude::*;
//!
//!     /// Reverses a string.
//!     #[function(deterministic)]
//!     fn reverse(s: &str) -> String {
//!         s.chars().rev().collect()
//!     }
//!
//!     /// Sum of squares.
//!     #[aggregate(window)]
//!     #[derive(Default)]
//!     struct SumSquares(f64);
//!
//!     impl SumSquares {
//!         fn step(&mut self, x: f64) { self.0 += x * x; }
//!         fn inverse(&mut self, x: f64) { self.0 -= x * x; }
//!         fn value(&self) -> f64 { self.0 }
//!     }
//! }
//! ```
//!
//! One implementation can serve several aggregates: put `#[aggregate]` on
//! type aliases of a generic type (`type P90 = Percentile<90>;`).
//!
//! Virtual tables are functions marked `#[table]` (table-valued functions)
//! or types marked `#[vtab]` implementing [`vtab::Table`]; see [`vtab`].
//!
//! The macro generates the manifest (`describe`), the dispatch and the
//! component exports; the crate is a `cdylib` built with
//! `cargo build --target wasm32-wasip2 --release`. For unit tests it also
//! generates `sqlink_test` (`call`, `aggregate`, `collate`, `sort_key`,
//! `manifest`, and for virtual tables `table`, `create_table` and
//! `query_table`), which calls through that dispatch exactly as a host
//! would.
//!
//! Argument conversion follows one rule: a parameter that is not an
//! [`Option`] never sees NULL. When such an argument is NULL a scalar returns
//! NULL without being called, and an aggregate skips the row. See [`FromArg`]
//! for the conversions between SQL values and Rust types.
//!
//! Trailing parameters marked `#[optional]` must be `Option<T>`: `None` when
//! the argument is absent (the function is registered once per accepted
//! argument count). A present argument converts as `T` does, NULL rule
//! included; write `Option<Option<T>>` to tell an absent argument from NULL.

#[doc(hidden)]
pub mod abi;
mod aggregate;
pub mod alloc;
mod args;
pub mod authorizer;
pub mod blob;
mod dot_command;
mod error;
pub mod hooks;
pub mod log;
mod result;
pub mod spi;
pub mod sql;
mod subtype;
mod value;
pub mod vtab;

pub use args::{ArgError, ArgKind, FromArg, RawText};
pub use dot_command::IntoDotOutput;
pub use error::{Error, Result};
pub use result::{IntoValue, Json, ScalarResult, Subtyped};
pub use sqlink_sdk_macros::extension;
pub use subtype::arg_subtype;
pub use value::{Value, format_real};

/// Bindings of the contract's host-provided interfaces (`types`, `spi`, `blob`,
/// `log`) and of the vocabulary of virtual tables (`vtab-types`), shared by
/// every extension through the macro's `with` mapping.
pub mod wit {
    wit_bindgen::generate!({
        path: "../../wit/extension",
        inline: "package sqlink:sdk; world sdk { include sqlink:extension/imports@0.2.0; import sqlink:extension/vtab-types@0.2.0; }",
        world: "sqlink:sdk/sdk",
        generate_all,
        runtime_path: "wit_bindgen::rt",
        additional_derives: [PartialEq],
    });
    pub use sqlink::extension::{blob, log, spi, types, vtab_types};
}

/// What an extension module usually needs: `use sqlink_sdk::prelude::*;`.
pub mod prelude {
    pub use crate::vtab::{
        Columns, Constraint, ConstraintOp, ConstraintUse, CreateTable, IndexInfo, IndexPlan, OrderBy, Row, RowChange, RowSource, RowWriter, Scan, Table,
        TableArgs, TransactionTable, UpdateTable, WriteContext,
    };
    pub use crate::authorizer::{Action, Decision};
    pub use crate::hooks::Change;
    pub use crate::{Error, FromArg, IntoValue, Json, RawText, Result, Subtyped, Value};
}

/// Support for the code the [`extension`] macro generates. Not a stable API.
#[doc(hidden)]
pub mod __private {
    pub use crate::abi;
    pub use crate::aggregate::Groups;
    pub use crate::args::{from_arg, kind_of, rows};
    pub use crate::subtype::{with_arg_subtypes, with_row_subtypes};
    /// What the generated `vtab` exports and `sqlink_test` use.
    pub mod vtab {
        pub use crate::vtab::function::{FunctionRows, FunctionTable, TableFunction, function_rows, missing_argument};
        pub use crate::vtab::registry::*;
        pub use crate::vtab::runtime::*;
        pub use crate::vtab::testing;
    }
    pub use crate::error::sql_error;
    pub use crate::result::IntoScalarResult;
    pub use wit_bindgen;
}
