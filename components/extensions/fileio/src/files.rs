//! The scalar functions: reading, writing, appending, making directories
//! and links, and showing modes, with sqlean's results and messages. Paths
//! come as bytes (C strings); under WASI they must be UTF-8.

use crate::args::{c_text, int, int64};
use crate::sandbox;
use sqlink_sdk::{Error, Value};
use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

/// SQLite's default `SQLITE_LIMIT_LENGTH`, the largest blob a read returns.
const LIMIT_LENGTH: u64 = 1_000_000_000;

/// Whether permission bits can be set: not under WASI, which has no such
/// call.
const CAN_SET_PERMISSIONS: bool = cfg!(unix);

/// The reason given when a function is asked for permission bits the
/// sandbox cannot set.
const NO_PERMISSIONS: &str = "permission bits cannot be set in the sandbox: leave perm out";

/// A path from the bytes SQL gave. WASI paths are strings: bytes that are
/// not UTF-8 name no file there (C's EILSEQ).
pub fn path_of(bytes: &[u8]) -> io::Result<PathBuf> {
    #[cfg(unix)]
    return Ok(PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes)));
    #[cfg(not(unix))]
    return std::str::from_utf8(bytes).map(PathBuf::from).map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "Illegal byte sequence"));
}

/// The path as messages show it.
pub fn shown(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The sandbox's reason for an error, when it is the sandbox's doing: the
/// path is outside the granted directories, or the sandbox refused the
/// operation (making a link to `target`, for links). None for ordinary
/// errors.
fn sandbox_reason(path: &[u8], e: &io::Error, target: Option<&[u8]>) -> Option<String> {
    let path = path_of(path).ok()?;
    if e.kind() == io::ErrorKind::NotFound && sandbox::outside_grants(&path) {
        Some(sandbox::outside_message(&path))
    } else if sandbox::refused(e) {
        let target = target.and_then(|t| path_of(t).ok());
        Some(sandbox::refusal_message(&path, target.as_deref()))
    } else {
        None
    }
}

/// `message: path (reason)`.
fn failed(message: &str, path: &[u8], reason: &str) -> Error {
    Error::new(format!("{message}: {} ({reason})", shown(path)))
}

/// `fileio_read(path[, offset[, limit]])`.
pub fn read(args: &[Value]) -> Result<Value, Error> {
    let Some(first) = args.first() else { return Err(Error::new("wrong number of arguments to function fileio_read()")) };
    let Some(path) = c_text(first) else { return Ok(Value::Null) };
    let offset = match args.get(1) {
        Some(v) if !v.is_null() => int(v),
        _ => 0,
    };
    if offset < 0 {
        return Err(Error::new("offset must be >= 0"));
    }
    // As sqlean: the limit counts only as the third of exactly three.
    let limit = match args.get(2) {
        Some(v) if args.len() == 3 && !v.is_null() => int(v),
        _ => 0,
    };
    if limit < 0 {
        return Err(Error::new("limit must be >= 0"));
    }
    let opened = path_of(&path).and_then(File::open);
    let mut file = match opened {
        Ok(f) => f,
        Err(e) => {
            return match sandbox_reason(&path, &e, None) {
                Some(reason) => Err(failed("failed to read file", &path, &reason)),
                // Missing or unreadable: NULL.
                None => Ok(Value::Null),
            };
        }
    };
    let too_big = || Error::with_code(Error::TOOBIG, "string or blob too big");
    let meta = file.metadata().map_err(|_| io_error())?;
    // sqlean's ftell() of a directory is huge.
    if meta.is_dir() {
        return Err(too_big());
    }
    let size = meta.len();
    let (offset, limit) = (offset as u64, limit as u64);
    if offset > size {
        return Ok(Value::Blob(Vec::new()));
    }
    let mut n = size - offset;
    if limit > 0 && limit < n {
        n = limit;
    }
    if n > LIMIT_LENGTH {
        return Err(too_big());
    }
    let mut buf = vec![0; n as usize];
    file.seek(SeekFrom::Start(offset)).and_then(|_| file.read_exact(&mut buf)).map_err(|_| io_error())?;
    Ok(Value::Blob(buf))
}

/// SQLITE_IOERR, as sqlean raises it for a short read.
fn io_error() -> Error {
    Error::with_code(10, "disk I/O error")
}

/// Why a write failed: opening the file (which may be retried after
/// making its directory), or later.
enum WriteFailure {
    Open(io::Error),
    Other(io::Error),
}

/// `fileio_write(path, data[, perm[, mtime]])`: the number of bytes
/// written; NULL when it fails with two arguments, an error with more.
pub fn write(args: &[Value]) -> Result<Value, Error> {
    if !(2..=4).contains(&args.len()) {
        return Err(Error::new("wrong number of arguments to function writefile()"));
    }
    let Some(path) = c_text(&args[0]) else { return Ok(Value::Null) };
    let perm = if args.len() >= 3 { int(&args[2]) as u32 } else { 0o666 };
    let mtime = if args.len() == 4 { int64(&args[3]) } else { -1 };
    if !CAN_SET_PERMISSIONS && args.len() >= 3 && perm != 0 {
        return Err(failed("failed to write file", &path, NO_PERMISSIONS));
    }
    // sqlean writes what sqlite3_value_blob gives: NULL is nothing.
    let data = args[1].to_text_bytes().unwrap_or_default();
    let mut result = write_file(&path, &data, perm, mtime);
    if let Err(WriteFailure::Open(e)) = &result
        && e.kind() == io::ErrorKind::NotFound
        && sandbox_reason(&path, e, None).is_none()
    {
        // A missing directory: make it and retry (or tell why it failed).
        result = match make_parent_directory(&path) {
            Ok(()) => write_file(&path, &data, perm, mtime),
            Err(e) => Err(WriteFailure::Open(e)),
        };
    }
    match result {
        Ok(n) => Ok(Value::Integer(n)),
        Err(WriteFailure::Open(e) | WriteFailure::Other(e)) => match sandbox_reason(&path, &e, None) {
            Some(reason) => Err(failed("failed to write file", &path, &reason)),
            None if args.len() > 2 => Err(Error::new(format!("failed to write file: {}", shown(&path)))),
            None => Ok(Value::Null),
        },
    }
}

/// Writes `data` to the file `path` (created or truncated), then sets its
/// permission bits (unless `perm` is 0) and its modification time (unless
/// `mtime` is negative; the access time becomes now).
fn write_file(path: &[u8], data: &[u8], perm: u32, mtime: i64) -> Result<i64, WriteFailure> {
    let path = path_of(path).map_err(WriteFailure::Open)?;
    let mut file = File::create(&path).map_err(WriteFailure::Open)?;
    file.write_all(data).map_err(WriteFailure::Other)?;
    if CAN_SET_PERMISSIONS && perm != 0 {
        set_permissions(&path, perm).map_err(WriteFailure::Other)?;
    }
    if mtime >= 0 {
        let at = std::time::UNIX_EPOCH + std::time::Duration::from_secs(mtime as u64);
        let times = std::fs::FileTimes::new().set_accessed(std::time::SystemTime::now()).set_modified(at);
        file.set_times(times).map_err(WriteFailure::Other)?;
    }
    Ok(data.len() as i64)
}

/// chmod(2).
fn set_permissions(path: &std::path::Path, perm: u32) -> io::Result<()> {
    #[cfg(unix)]
    return std::fs::set_permissions(path, std::os::unix::fs::PermissionsExt::from_mode(perm & 0o7777));
    #[cfg(not(unix))]
    return {
        let _ = (path, perm);
        Err(io::Error::new(io::ErrorKind::Unsupported, NO_PERMISSIONS))
    };
}

/// Makes the missing directories above `path` (as mkdir(2) with 0777
/// under the umask), as sqlean does before retrying a write or an append.
/// Directories above the granted ones, which the sandbox hides, are taken
/// as there.
fn make_parent_directory(path: &[u8]) -> io::Result<()> {
    for (i, _) in path.iter().enumerate().skip(1).filter(|(_, b)| **b == b'/') {
        let dir = path_of(&path[..i])?;
        match std::fs::metadata(&dir) {
            Ok(meta) if meta.is_dir() => {}
            Ok(_) => return Err(io::Error::from(io::ErrorKind::NotADirectory)),
            Err(e) if e.kind() == io::ErrorKind::NotFound && sandbox::outside_grants(&dir) => {}
            Err(_) => std::fs::create_dir(&dir)?,
        }
    }
    Ok(())
}

/// `fileio_append(path, text)`: the number of bytes of `text` (up to any
/// NUL) added at the end of the file, which is created if need be.
pub fn append(path: &Value, text: &Value) -> Result<Value, Error> {
    let Some(path) = c_text(path) else { return Err(Error::new("failed to open file")) };
    let Some(text) = c_text(text) else { return Ok(Value::Null) };
    let open = || path_of(&path).and_then(|p| OpenOptions::new().append(true).create(true).open(p));
    let mut opened = open();
    if let Err(e) = &opened
        && e.kind() == io::ErrorKind::NotFound
        && sandbox_reason(&path, e, None).is_none()
    {
        opened = make_parent_directory(&path).and_then(|()| open());
    }
    let mut file = opened.map_err(|e| match sandbox_reason(&path, &e, None) {
        Some(reason) => failed("failed to open file", &path, &reason),
        None => Error::new("failed to open file"),
    })?;
    file.write_all(&text).map_err(|e| match sandbox_reason(&path, &e, None) {
        Some(reason) => failed("failed to append string to file", &path, &reason),
        None => Error::new("failed to append string to file"),
    })?;
    Ok(Value::Integer(text.len() as i64))
}

/// `fileio_mkdir(path[, perm])`: NULL, having made the directory (or found
/// it there, its permission bits then set to `perm`).
pub fn mkdir(args: &[Value]) -> Result<Value, Error> {
    if !(1..=2).contains(&args.len()) {
        return Err(Error::new("wrong number of arguments to function mkdir()"));
    }
    let Some(path) = c_text(&args[0]) else { return Ok(Value::Null) };
    let perm = if args.len() == 2 { int(&args[1]) as u32 } else { 0o777 };
    if !CAN_SET_PERMISSIONS && args.len() == 2 {
        return Err(failed("failed to create directory", &path, NO_PERMISSIONS));
    }
    make_directory(&path, perm).map_err(|e| match sandbox_reason(&path, &e, None) {
        Some(reason) => failed("failed to create directory", &path, &reason),
        None => Error::new(format!("failed to create directory: {}", shown(&path))),
    })?;
    Ok(Value::Null)
}

/// mkdir(2) with `perm` (under the umask); a directory already there is
/// fine once it has `perm`'s bits.
fn make_directory(path: &[u8], perm: u32) -> io::Result<()> {
    let path = path_of(path)?;
    #[cfg(unix)]
    let created = std::os::unix::fs::DirBuilderExt::mode(&mut std::fs::DirBuilder::new(), perm).create(&path);
    #[cfg(not(unix))]
    let created = std::fs::create_dir(&path);
    let Err(e) = created else { return Ok(()) };
    if e.kind() != io::ErrorKind::AlreadyExists {
        return Err(e);
    }
    let meta = std::fs::metadata(&path)?;
    if !meta.is_dir() {
        return Err(e);
    }
    if CAN_SET_PERMISSIONS && stat(&meta).mode & 0o777 != i64::from(perm & 0o777) {
        set_permissions(&path, perm & 0o777)?;
    }
    Ok(())
}

/// `fileio_symlink(src, dst)`: NULL, having made `dst` a symbolic link to
/// `src`.
pub fn symlink(src: &Value, dst: &Value) -> Result<Value, Error> {
    let (Some(src), Some(dst)) = (c_text(src), c_text(dst)) else { return Ok(Value::Null) };
    make_symlink(&src, &dst).map_err(|e| match sandbox_reason(&dst, &e, Some(&src)) {
        Some(reason) => failed("failed to create symlink to", &src, &reason),
        None => Error::new(format!("failed to create symlink to: {}", shown(&src))),
    })?;
    Ok(Value::Null)
}

fn make_symlink(src: &[u8], dst: &[u8]) -> io::Result<()> {
    let (src, dst) = (path_of(src)?, path_of(dst)?);
    #[cfg(unix)]
    return std::os::unix::fs::symlink(src, dst);
    #[cfg(not(unix))]
    return wasi_symlink(&src, &dst);
}

/// symlink(3) of wasi-libc, which resolves `dst` against the granted
/// directories (std has no stable call for it on WASI).
#[cfg(not(unix))]
fn wasi_symlink(src: &std::path::Path, dst: &std::path::Path) -> io::Result<()> {
    use std::ffi::CString;
    let c = |p: &std::path::Path| CString::new(p.to_str().unwrap_or_default()).map_err(|_| io::Error::from(io::ErrorKind::InvalidInput));
    let (src, dst) = (c(src)?, c(dst)?);
    // SAFETY: both are valid NUL-terminated strings that outlive the call.
    let rc = unsafe { symlink(src.as_ptr(), dst.as_ptr()) };
    return if rc == 0 { Ok(()) } else { Err(io::Error::last_os_error()) };

    unsafe extern "C" {
        fn symlink(target: *const std::ffi::c_char, link: *const std::ffi::c_char) -> std::ffi::c_int;
    }
}

/// `fileio_mode(mode)`: the mode as `ls -l` shows it, e.g. `drwxr-xr-x`
/// (`?` for a type other than file, directory or link).
pub fn mode_text(mode: i32) -> String {
    let kind = match mode & 0o170000 {
        0o120000 => 'l',
        0o100000 => '-',
        0o040000 => 'd',
        _ => '?',
    };
    let mut out = String::with_capacity(10);
    out.push(kind);
    for shift in [6, 3, 0] {
        let bits = mode >> shift;
        out.push(if bits & 4 != 0 { 'r' } else { '-' });
        out.push(if bits & 2 != 0 { 'w' } else { '-' });
        out.push(if bits & 1 != 0 { 'x' } else { '-' });
    }
    out
}

/// What `fileio_ls` shows of a file: `st_mode`, `st_mtime`, `st_size`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    /// `st_mode`: the file type and permission bits.
    pub mode: i64,
    /// `st_mtime`: the last modification, in seconds since 1970.
    pub mtime: i64,
    /// `st_size`: the size in bytes (a link's: its target's length).
    pub size: i64,
}

/// The stat(2) fields of `meta`. WASI has no permission bits: there `mode`
/// holds the file type alone (regular file, directory or link; 0 for
/// others).
pub fn stat(meta: &Metadata) -> Stat {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Stat { mode: i64::from(meta.mode()), mtime: meta.mtime(), size: meta.size() as i64 }
    }
    #[cfg(not(unix))]
    {
        let t = meta.file_type();
        let mode = if t.is_symlink() {
            0o120000
        } else if t.is_dir() {
            0o040000
        } else if t.is_file() {
            0o100000
        } else {
            0
        };
        let mtime = match meta.modified().map(|m| m.duration_since(std::time::UNIX_EPOCH)) {
            Ok(Ok(after)) => after.as_secs() as i64,
            // Before 1970: whole seconds, rounded down.
            Ok(Err(before)) => -(before.duration().as_secs_f64().ceil() as i64),
            Err(_) => 0,
        };
        Stat { mode, mtime, size: meta.len() as i64 }
    }
}
