//! Read, write and list files from SQL, compatible with sqlean's fileio
//! 0.27.4 (the same on Unix as 0.28.3): same names, aliases (the names of
//! SQLite's ext/misc/fileio.c among them), arguments, columns, results and
//! error messages.
//!
//! * `fileio_read(path[, offset[, limit]])` (`readfile`): the file's bytes
//!   as a blob; NULL for a missing or unreadable file.
//! * `fileio_write(path, data[, perm[, mtime]])` (`writefile`): writes the
//!   blob, making missing directories above it; the number of bytes.
//! * `fileio_append(path, text)`: adds the text; the number of bytes.
//! * `fileio_mkdir(path[, perm])` (`mkdir`), `fileio_symlink(src, dst)`
//!   (`symlink`), `fileio_mode(mode)` (`lsmode`).
//! * Tables `fileio_ls(path[, recursive])` (`lsdir`): `name, mode, mtime,
//!   size`; `fileio_scan(path)` (`scanfile`): `value` per line, streamed.
//!
//! Quirks kept from sqlean: `fileio_read`, `fileio_write` and
//! `fileio_mkdir` take any number of arguments and check the count
//! themselves (`wrong number of arguments to function writefile()`);
//! offsets and limits, permissions and the recursive flag are read as a C
//! `int` (`'abc'` is 0, 4294967297 is 1); a directory read is `string or
//! blob too big`; `fileio_write` returns NULL on failure with two
//! arguments but fails with more (`failed to write file: PATH`), writes
//! NULL as nothing, sets `perm` exactly (not under the umask; 0: leave it)
//! and an `mtime` of NULL as 0; `fileio_mkdir` of an existing directory
//! sets its permission bits; `fileio_append` and `fileio_scan` stop text at
//! a NUL; `fileio_ls`'s hidden `path` and `dir` read NULL, and names are
//! `PATH/CHILD` as given (`dir/` lists `dir//a`); `fileio_scan` cuts a
//! line before a `\r` second to last, even on a last line without `\n`
//! (`a\rb` reads `a`).
//!
//! Differences, where sqlean crashes or hides a failure: `fileio_append`
//! with NULL text returns NULL (sqlean crashes), and writes at once
//! (sqlean buffers each call site's writes until the statement ends, so
//! appends from two calls in one statement land in reverse order);
//! `fileio_symlink` reports a failure (`failed to create symlink to:
//! SRC`, which sqlean's code means to raise but never does) and returns
//! NULL when either argument is NULL; `cannot read directory: DIR` names
//! the directory (sqlean's names none); `fileio_scan`
//! accepts other constraints and LIMIT beside `name =`, leaving them to
//! SQLite (sqlean refuses any second constraint), and a read error is an
//! error rather than the end of the file. Blobs read are limited to
//! SQLite's default length limit, 1000000000 bytes (sqlean asks the
//! connection, which an extension here cannot). Reference outputs:
//! `testdata/fileio.sql` (made by `testdata/gen.sh`).
//!
//! The sandbox: the extension declares the `fs` capability, so it loads
//! with a read-only grant (`--grant fs:DIR:ro`): reading and listing work,
//! and every change (write, append, mkdir, symlink) fails with the reason
//! (`failed to write file: PATH (not permitted in the sandbox: the
//! directory is granted read-only)`), even where sqlean would return NULL.
//! Changes need a read-write grant (`--grant fs:DIR`). A path outside the
//! granted directories is an error naming the reason, not the NULL or the
//! empty listing of a missing file; relative paths start at `/`, and a
//! path may not leave its granted directory through `..` nor a link point
//! to an absolute path (each an error saying so). WASI has
//! no permission bits: there `mode` holds the file type alone
//! (`fileio_mode` shows `----------` for a file), and a `perm` argument is
//! an error rather than silently ignored (`fileio_write` accepts 0). Every
//! function touching files is DIRECTONLY, as in sqlean (the host makes all
//! of them so when anything is granted); none is DETERMINISTIC.

mod args;
mod files;
mod ls;
mod sandbox;
mod scan;

/// sqlean fileio: read, write and list files.
#[sqlink_sdk::extension(name = "fileio", capabilities = ["fs"])]
mod fileio_ext {
    use sqlink_sdk::prelude::*;

    /// The file's bytes as a blob, from byte `offset` (default 0; an empty
    /// blob past the end) and at most `limit` bytes (0: all); NULL for a
    /// NULL path or a file that is missing or unreadable. A negative offset
    /// or limit is an error. Alias: readfile.
    #[function(name = "fileio_read", alias = "readfile", direct_only)]
    fn fileio_read(args: &[Value]) -> Result<Value> {
        crate::files::read(args)
    }

    /// Writes the blob `data` to the file at `path` (made, or emptied;
    /// missing directories above it are made), sets its permission bits to
    /// `perm` (default 438, octal 666; 0 leaves them) and its modification
    /// time to `mtime` (seconds since 1970) if given; the number of bytes
    /// written. NULL for a NULL path, and on failure with two arguments (an
    /// error with more). Alias: writefile.
    #[function(name = "fileio_write", alias = "writefile", direct_only)]
    fn fileio_write(args: &[Value]) -> Result<Value> {
        crate::files::write(args)
    }

    /// Appends the text to the file at `path` (made if missing, with the
    /// directories above it); the number of bytes appended. NULL for NULL
    /// text; an error when the file cannot be opened.
    #[function(direct_only)]
    fn fileio_append(path: &Value, text: &Value) -> Result<Value> {
        crate::files::append(path, text)
    }

    /// Makes the directory `path` with permission bits `perm` (default 511,
    /// octal 777, under the umask); NULL, also when it is already there.
    /// An error when it cannot be made. Alias: mkdir.
    #[function(name = "fileio_mkdir", alias = "mkdir", direct_only)]
    fn fileio_mkdir(args: &[Value]) -> Result<Value> {
        crate::files::mkdir(args)
    }

    /// Makes `dst` a symbolic link to `src`; NULL. An error when the link
    /// cannot be made. Alias: symlink.
    #[function(name = "fileio_symlink", alias = "symlink", direct_only)]
    fn fileio_symlink(src: &Value, dst: &Value) -> Result<Value> {
        crate::files::symlink(src, dst)
    }

    /// A `mode` number (as `fileio_ls` gives) as `ls -l` shows it:
    /// `drwxr-xr-x`, `-rw-r--r--`, `lrwxrwxrwx` (`?` first for other types;
    /// NULL reads as 0). Alias: lsmode.
    #[function(name = "fileio_mode", alias = "lsmode")]
    fn fileio_mode(mode: &Value) -> String {
        crate::files::mode_text(crate::args::int(mode))
    }

    /// The file at a path, or a directory and its children (all its
    /// descendants with `recursive` true), one row each: `name` (the path
    /// given, then `PATH/CHILD`), `mode`, `mtime`, `size`. No rows for a
    /// missing path. Alias: lsdir.
    #[vtab(name = "fileio_ls", alias = "lsdir", eponymous_only)]
    pub type FileioLs = crate::ls::Ls;

    /// The lines of the file at a path, streamed, one row each: `value`,
    /// numbered by `rowid` from 1 (`\n` ends a line; a `\r` before it is
    /// cut). An error when the file cannot be opened. Alias: scanfile.
    #[vtab(name = "fileio_scan", alias = "scanfile", eponymous_only)]
    pub type FileioScan = crate::scan::FileScan;
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_tables;
