//! `zipfile`: ZIP archives from SQL, compatible with SQLite 3.40.1's
//! `ext/misc/zipfile.c` (the one Debian's `sqlite3` 3.40.1 has built in):
//! same names, columns, arguments, results, archive bytes and error
//! messages.
//!
//! * `SELECT * FROM zipfile('a.zip')` or `zipfile(blob)` lists an archive:
//!   `name, mode, mtime, sz, rawdata, data, method` and the hidden argument
//!   column `z`.
//! * `CREATE VIRTUAL TABLE z USING zipfile('a.zip')` makes a table on an
//!   archive file that INSERT, UPDATE and DELETE change (`sz` and `rawdata`
//!   must be NULL; `data` NULL makes a directory; `method` NULL chooses
//!   deflate when it is smaller).
//! * `SELECT zipfile(name, mode, mtime, data[, method]) FROM ...` (or
//!   `zipfile(name, data)`) builds an archive as a blob.
//!
//! The archives written are zipfile.c's to the byte: its headers (Unix
//! "made by", UTF-8 flag, an extended timestamp), its MS-DOS time
//! arithmetic, and zlib's own level-9 deflate (zlib is built in; other
//! deflate implementations compress differently), so that deflate-or-store
//! decisions and sizes agree too.
//!
//! Quirks kept from zipfile.c 3.40.1:
//! * Modes: NULL is `-rw-r--r--` (files) or `drwxr-xr-x` (directories);
//!   text starting with a digit is read as a decimal integer (`'0644'` is
//!   644); other text must be `ls -l` style, types `-`, `d`, `l`.
//! * `mtime` is cut to 32 unsigned bits; NULL is now. The `mtime` column
//!   reads the extended timestamp, else the DOS time as UTC.
//! * Writing appends: a transaction appends new entries' data at once and
//!   the whole directory at its end, so a file grows with every write
//!   statement, and ROLLBACK keeps the changes (zipfile.c's rollback is its
//!   commit). A statement that fails midway in autocommit mode still
//!   rewrites the directory.
//! * `z` reads the number of the scan (zipfile.c's cursor id), not the
//!   archive's name.
//! * An empty file is an archive with no entries; an empty blob is an error.
//! * No zip64, encryption or multi-disk archives; only stored and deflated
//!   data is read (`data` is NULL for other methods, `rawdata` has the bytes).
//!
//! Differences, from what this host can express:
//! * The table has a rowid (zipfile.c's is WITHOUT ROWID): `rowid` can be
//!   selected, and `pragma table_info` shows `name` without NOT NULL.
//! * `INSERT OR REPLACE` and `INSERT OR IGNORE` fail on a taken name with
//!   `duplicate name: "x"` as plain INSERT does (the host does not tell the
//!   conflict mode).
//! * UPDATE cannot tell `sz` and `rawdata` left alone from set to their
//!   current values: both are accepted (zipfile.c refuses the latter).
//! * The host fetches every column of a writable table, so a query's plan
//!   notes which of the costly `rawdata` and `data` it does not read, and
//!   they are not computed: EXPLAIN QUERY PLAN shows `INDEX 1:no data`,
//!   `no rawdata` or `no rawdata or data` where zipfile.c shows `INDEX 1:`
//!   (and, as in zipfile.c, a damaged entry fails only a query reading it).
//! * The eponymous table is also reached by its qualified name
//!   `zipfile__zipfile`, which, like `zipfile`, needs no constructor argument.
//! * zipfile.c's test-only `zipfile_cds(z)` function is not provided.
//! * Corrupt archives: zipfile.c reads blobs without bounds checks; here
//!   reads past a blob's end fail with `error in fread()`, as they do for
//!   files, and malformed extra fields are skipped. A deflated entry whose
//!   stream ends early reads with a zero-filled tail.
//! * Paths are the guest's: absolute paths inside a granted directory.
//!
//! Grants: the extension declares read access to a directory (`fs`).
//! Listing an archive file needs a grant covering it (`fs:DIR:ro` will do);
//! writing needs the directory granted read-write (`fs:DIR`), else the
//! write fails with zipfile.c's `zipfile: failed to open file X for
//! writing`. One capability set serves every use, and the component
//! imports the filesystem interface whatever the call, so even blob-only
//! use needs some directory granted; asking for write access up front
//! would force it on read-only users, so writing is left to the grant.
//!
//! Reference outputs: `testdata/`, made by `testdata/gen.sh`.

mod aggregate;
mod archive;
mod codec;
mod convert;
mod entry;
mod format;
mod table;

/// ZIP archives: list them, change them, build them (SQLite's zipfile).
#[sqlink_sdk::extension(name = "zipfile", capabilities = ["fs"])]
mod zipfile_ext {
    use sqlink_sdk::prelude::*;

    /// The entries of a ZIP archive, a file named by the argument or a
    /// blob: name, mode, mtime, sz, rawdata, data (uncompressed), method,
    /// and the hidden z. `CREATE VIRTUAL TABLE t USING zipfile(path)` makes
    /// a table that INSERT, UPDATE and DELETE change. As SQLite 3.40.1's
    /// zipfile.c.
    #[vtab(name = "zipfile")]
    pub type ZipfileTable = crate::table::ZipTable;

    /// A ZIP archive (a blob) with one entry per row: zipfile(name, data)
    /// or zipfile(name, mode, mtime, data[, method]); data NULL makes a
    /// directory, mode and mtime NULL are -rw-r--r-- (or drwxr-xr-x) and
    /// now, method NULL deflates when that is smaller. NULL for no rows.
    #[aggregate(name = "zipfile")]
    #[derive(Default)]
    pub struct Zipfile(crate::aggregate::Builder);

    impl Zipfile {
        /// Adds the row's entry.
        pub fn step(&mut self, args: &[Value]) -> Result<()> {
            self.0.step(args)
        }

        /// The archive, or NULL when there were no rows.
        pub fn finalize(self) -> Option<Vec<u8>> {
            self.0.finish()
        }
    }
}

#[cfg(test)]
mod tests;
