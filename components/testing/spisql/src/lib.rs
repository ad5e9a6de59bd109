//! Test fixture: an extension that runs any SQL it is given through spi,
//! from inside a statement (a function) and from outside one (a dot
//! command), as a hostile extension with the spi grant would.

#[sqlink_sdk::extension(name = "spisql", capabilities = ["spi"])]
mod spisql {
    use sqlink_sdk::prelude::*;
    use sqlink_sdk::{blob, spi};

    /// Runs a script; returns the number of statements that returned rows.
    #[function]
    fn spi_run(sql: &str) -> Result<i64> {
        Ok(spi::execute(sql)?.iter().filter(|r| !r.rows.is_empty()).count() as i64)
    }

    fn at(table: &str, column: &str, rowid: i64) -> blob::Location {
        blob::Location { database: "main".into(), table: table.into(), column: column.into(), rowid }
    }

    /// The size of the value in `table`.`column` of row `rowid` (`blob`).
    #[function]
    fn spi_blob_size(table: &str, column: &str, rowid: i64) -> Result<i64> {
        Ok(blob::size(&at(table, column, rowid))?.into())
    }

    /// `length` bytes of that value from `offset`, as a blob.
    #[function]
    fn spi_blob_read(table: &str, column: &str, rowid: i64, offset: i64, length: i64) -> Result<Vec<u8>> {
        Ok(blob::read(&at(table, column, rowid), offset as u32, length as u32)?)
    }

    /// Overwrites that value from `offset` with `data`; returns its size.
    #[function]
    fn spi_blob_write(table: &str, column: &str, rowid: i64, offset: i64, data: &[u8]) -> Result<i64> {
        let at = at(table, column, rowid);
        blob::write(&at, offset as u32, data)?;
        Ok(blob::size(&at)?.into())
    }

    /// Runs its arguments, joined by spaces, as a script (outside any
    /// statement, as a shell command).
    #[dot_command(name = "spi-run", usage = "SQL...")]
    fn spi_run_command(args: &[String]) -> Result<String> {
        spi::execute(&args.join(" "))?;
        Ok(String::new())
    }
}
