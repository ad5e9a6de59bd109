//! SHA-1 and SHA-3 hashes of values, of query results and of whole
//! databases, compatible with SQLite's `ext/misc/sha1.c` and
//! `ext/misc/shathree.c` (as built into Debian's `sqlite3` 3.40.1, and
//! their current versions for `sha1b` and `sha3_agg`, which 3.40.1 lacks):
//! same names, arguments, results, NULL handling and error messages.
//!
//! * `sha1(x)` (lower-case hex text), `sha1b(x)` (20-byte blob) and
//!   `sha3(x[, 224|256|384|512])` (blob) hash a blob as is and anything
//!   else as its text; NULL gives NULL. Reals are hashed as SQLite 3.40.1
//!   renders them as text (15 significant digits, `0.1+0.2` is `0.3`).
//! * `sha3_agg(x[, size])` hashes its rows, NULLs included, each tagged
//!   with its type (`N`, `I` + 8 bytes, `F` + 8 bytes, `T<n>:`, `B<n>:`);
//!   an unknown size means 256; no rows give NULL.
//! * `sha1_query(sql)` (hex text) and `sha3_query(sql[, size])` (blob) run
//!   every statement of `sql` on the connection (through SPI, so the
//!   extension needs the `spi` grant) and hash `S<n>:<statement text>` then
//!   `R` and the tagged values of each row. Statements that write are
//!   refused (`non-query: [...]`) before they run.
//! * The shell's `.sha3sum [--schema] [--sha3-224|256|384|512] [--debug]
//!   [LIKE-PATTERN]` as a dot command: the same hashes as sqlite3 3.40.1's
//!   (SHA3-224 by default, whatever its help says), one line, or
//!   `hash|table` per table matching the pattern (see `sha3sum.rs`).
//!
//! Quirks kept: a size is read as `sqlite3_value_int` reads it (`'256abc'`
//! and `256.9` are 256) and checked before a NULL value gives NULL, so
//! `sha3(NULL, 100)` is an error; `sha3_agg` takes the size of its first
//! row and never complains; a script ending in whitespace or a comment
//! adds an empty statement (`S0:`) to `sha1_query`'s hash but not to
//! `sha3_query`'s; an error while a statement runs ends its rows without
//! failing the call.
//!
//! Gaps: rows a statement returned before a run-time error are not hashed
//! (SPI returns none of them); compile errors found before SQLite reaches
//! the end of a statement (other than syntax errors and unrecognized
//! tokens) show the rest of the script after that statement. Because the
//! extension needs `spi`, all of its functions are registered
//! DIRECTONLY (the reference registers only the `*_query` ones so).
//! `.sha3sum` prints in list mode whatever `.mode` and `.headers` say, and
//! its errors come as sqlink's dot-command errors (`Error: sha: Unknown
//! option ...`, without the help text sqlite3 prints after it); its
//! `sqlite_stat4` query is the current shell's (Debian's 3.40.1 has no
//! STAT4 to compare with).
//! Reference outputs: `tests/shell/sha-reference.sql` (made by `testdata/gen.sh` from
//! Debian's sqlite3 3.40.1); sha1 and sha3_agg: tests/shell/sha-sha1-agg.sql.

mod hash;
mod query;
mod sha3sum;

/// SQLite's sha1 and shathree extensions and the shell's .sha3sum.
#[sqlink_sdk::extension(name = "sha", capabilities = ["spi"])]
mod sha_ext {
    use crate::hash::{Hasher, hex, plain_bytes, sha3_size, value_int};
    use crate::query::{Flavor, Spi, hash_script};
    use sqlink_sdk::prelude::*;

    /// The SHA-1 hash of x as 40 lower-case hex digits: a blob is hashed as
    /// is, anything else as its text; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn sha1(x: &Value) -> Option<String> {
        let mut h = Hasher::sha1();
        h.update(&plain_bytes(x)?);
        Some(hex(&h.finish()))
    }

    /// The SHA-1 hash of x as a 20-byte blob, hashed as sha1() does; NULL
    /// for NULL.
    #[function(deterministic, innocuous)]
    fn sha1b(x: &Value) -> Option<Vec<u8>> {
        let mut h = Hasher::sha1();
        h.update(&plain_bytes(x)?);
        Some(h.finish())
    }

    /// The SHA-1 hash (40 lower-case hex digits) of the statements of sql
    /// and the rows they return, each value tagged with its type; NULL when
    /// sql is NULL. Fails on a statement that does not compile or that
    /// writes.
    #[function(direct_only)]
    fn sha1_query(sql: &Value) -> Result<Option<String>> {
        let Some(script) = plain_bytes(sql) else { return Ok(None) };
        let mut h = Hasher::sha1();
        hash_script(&mut Spi, &script, Flavor::Sha1, &mut h)?;
        Ok(Some(hex(&h.finish())))
    }

    /// The SHA3 hash of x as a blob, of size 224, 256 (the default), 384 or
    /// 512 bits: a blob is hashed as is, anything else as its text; NULL
    /// for NULL. Any other size is an error ("SHA3 size should be one of:
    /// 224 256 384 512"), even for NULL.
    #[function(deterministic, innocuous)]
    fn sha3(x: &Value, #[optional] size: Option<&Value>) -> Result<Option<Vec<u8>>> {
        let mut h = sha3_size(size)?;
        let Some(bytes) = plain_bytes(x) else { return Ok(None) };
        h.update(&bytes);
        Ok(Some(h.finish()))
    }

    /// The SHA3 hash (a blob; size as for sha3()) of the statements of sql
    /// and the rows they return, each value tagged with its type; NULL when
    /// sql is NULL. Fails on a bad size, a statement that does not compile
    /// or one that writes.
    #[function(direct_only)]
    fn sha3_query(sql: &Value, #[optional] size: Option<&Value>) -> Result<Option<Vec<u8>>> {
        let mut h = sha3_size(size)?;
        let Some(script) = plain_bytes(sql) else { return Ok(None) };
        hash_script(&mut Spi, &script, Flavor::Sha3, &mut h)?;
        Ok(Some(h.finish()))
    }

    /// The SHA3 hash (a blob) of all the rows' x values in order, NULLs
    /// included, each tagged with its type as sha3_query() does; NULL for
    /// no rows. The size (224, 256, 384 or 512) is read from the first row;
    /// anything else means 256. Use ORDER BY for a stable order.
    #[aggregate(name = "sha3_agg", deterministic, innocuous)]
    #[derive(Default)]
    pub struct Sha3Agg(Option<Hasher>);

    impl Sha3Agg {
        pub fn step(&mut self, x: &Value, #[optional] size: Option<&Value>) {
            let h = self.0.get_or_insert_with(|| {
                let bits = size.map_or(256, value_int);
                Hasher::sha3(bits).or_else(|| Hasher::sha3(256)).expect("256 is a size")
            });
            h.update_tagged(x);
        }
        pub fn finalize(self) -> Option<Vec<u8>> {
            self.0.map(Hasher::finish)
        }
    }

    /// Computes a SHA3 hash of the main database's content, as sqlite3's
    /// shell does: all tables together, or one line per table matching a
    /// LIKE pattern. Options: --schema (also hash sqlite_schema), --sha3-224
    /// (the default), --sha3-256, --sha3-384, --sha3-512, --debug (show the
    /// query instead of running it).
    #[dot_command(name = "sha3sum", usage = "?OPTIONS? ?LIKE-PATTERN?")]
    fn sha3sum(args: &[String]) -> Result<String> {
        crate::sha3sum::run(&mut Spi, args)
    }
}

#[cfg(test)]
mod testdb;
#[cfg(test)]
mod tests;
