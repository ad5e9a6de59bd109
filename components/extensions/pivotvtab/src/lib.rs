//! Pivot tables, compatible with jakethaw/pivot_vtab (commit e7705f3): same
//! module name, arguments, column naming and order, NULL cells and errors.
//!
//! `CREATE VIRTUAL TABLE p USING pivot_vtab((row key query), (column
//! definition query), (pivot query))` declares the row key query's columns,
//! then one column per row of the column definition query (its first
//! column the column key, its second the column's name), in that query's
//! order. A row of `p` is a row of the row key query; a cell is the first
//! value of the pivot query run with the row's first key values bound to
//! `?1`... and the column key to the last parameter, or NULL when it
//! returns no row (or fails). The column set is fixed when the table is
//! created or connected. Runs its queries on the calling connection through
//! SPI, so it needs the `spi` grant.
//!
//! Differences from the reference: fewer than three arguments is an error
//! here (`pivot_vtab needs 3 arguments: ...`), where the reference reads
//! past its arguments; a NULL column key is never taken for a duplicate
//! (the reference crashes comparing it); an error while the row key query
//! runs is reported (the reference ends the scan silently).

pub mod pivot;

/// Pivot tables.
#[sqlink_sdk::extension(name = "pivotvtab", capabilities = ["spi"])]
mod pivotvtab_ext {
    /// A pivot table:
    /// `CREATE VIRTUAL TABLE p USING pivot_vtab((rows), (columns), (cells))`.
    /// Columns: the row key query's, then one per row of the column
    /// definition query, named by its second column; a cell is the pivot
    /// query's first value for that row key and column key, NULL when it
    /// returns no row. Errors: `Pivot table key query prepare error - ...`,
    /// `Pivot query prepare error - ...`, `Pivot table key query error -
    /// Unexpected number of bound parameters.`, `Pivot table column
    /// definition query prepare error - ...`, `Pivot table column definition
    /// query expects 2 result column. Query contains N columns.`, `Pivot
    /// table column keys must be unique. Duplicate column key "k".`, `Pivot
    /// table column names must be unique. Duplicate column "n".`
    #[vtab(name = "pivot_vtab")]
    pub type PivotVtab = crate::pivot::Pivot;
}
