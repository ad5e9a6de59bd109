//! Test fixture: an extension that runs any SQL it is given through spi,
//! from inside a statement (a function) and from outside one (a dot
//! command), as a hostile extension with the spi grant would.

#[sqlink_sdk::extension(name = "spisql", capabilities = ["spi"])]
mod spisql {
    use sqlink_sdk::prelude::*;
    use sqlink_sdk::spi;

    /// Runs a script; returns the number of statements that returned rows.
    #[function]
    fn spi_run(sql: &str) -> Result<i64> {
        Ok(spi::execute(sql)?.iter().filter(|r| !r.rows.is_empty()).count() as i64)
    }

    /// Runs its arguments, joined by spaces, as a script (outside any
    /// statement, as a shell command).
    #[dot_command(name = "spi-run", usage = "SQL...")]
    fn spi_run_command(args: &[String]) -> Result<String> {
        spi::execute(&args.join(" "))?;
        Ok(String::new())
    }
}
