//! What the aggregate and the writable table share when they add an entry:
//! reading the `mode` and `mtime` arguments as zipfile.c's
//! `zipfileGetMode` and `zipfileGetTime` do, choosing between storing and
//! deflating, and filling in the new entry's central directory record.

use crate::archive::Entry;
use crate::codec;
use crate::convert;
use crate::format::{self, Cds, S_IFDIR, S_IFLNK, S_IFREG};
use sqlink_sdk::{Error, Result, Value};

/// The mode of a new entry from its `mode` argument: NULL (or absent) is
/// `drwxr-xr-x` for a directory and `-rw-r--r--` for a file; text starting
/// with a digit, and any number, is read as an integer (so `'0644'` is 644,
/// not octal); other text must look like `ls -l`'s `-rwxr-x---` (types `-`,
/// `d`, `l`).
///
/// # Errors
/// `zipfile: parse error in mode: X` (SQLITE_ERROR), and `zipfile: mode
/// does not match data` (SQLITE_CONSTRAINT) when a directory mode comes
/// with data or another mode without.
pub fn mode(value: Option<&Value>, is_dir: bool) -> Result<u32> {
    let text = value.and_then(convert::c_text);
    let mode = match &text {
        None => {
            if is_dir {
                S_IFDIR + 0o755
            } else {
                S_IFREG + 0o644
            }
        }
        Some(t) if t.first().is_some_and(u8::is_ascii_digit) => convert::int(value.expect("text comes from a value")) as u32,
        Some(t) => symbolic_mode(t).ok_or_else(|| Error::new(format!("zipfile: parse error in mode: {}", String::from_utf8_lossy(t))))?,
    };
    if (mode & S_IFDIR == 0) == is_dir {
        return Err(Error::with_code(Error::CONSTRAINT, "zipfile: mode does not match data"));
    }
    Ok(mode)
}

/// `-rwxr-xr-x` and the like as a mode.
fn symbolic_mode(text: &[u8]) -> Option<u32> {
    let [kind, permissions @ ..] = text else { return None };
    if permissions.len() != 9 {
        return None;
    }
    let mut mode = match kind {
        b'-' => S_IFREG,
        b'd' => S_IFDIR,
        b'l' => S_IFLNK,
        _ => return None,
    };
    for (i, (&c, &letter)) in permissions.iter().zip(b"rwxrwxrwx").enumerate() {
        if c == letter {
            mode |= 1 << (8 - i);
        } else if c != b'-' {
            return None;
        }
    }
    Some(mode)
}

/// The modification time of a new entry from its `mtime` argument: the
/// value as a 64-bit integer cut to 32 unsigned bits, or now when NULL
/// or absent.
pub fn mtime(value: Option<&Value>) -> u32 {
    match value {
        None | Some(Value::Null) => now(),
        Some(v) => convert::int64(v) as u32,
    }
}

/// The current Unix time in seconds, cut to 32 bits.
fn now() -> u32 {
    let since = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    since.map_or(0, |d| d.as_secs() as u32)
}

/// The data of a new entry as stored: deflated when `method` says 8, or
/// when it is `None` (automatic) and deflating makes it smaller; stored
/// otherwise. Returns the bytes and the method used.
///
/// # Errors
/// `zipfile: deflate() error` should zlib fail.
pub fn store(data: &[u8], method: Option<i32>) -> Result<(Vec<u8>, u16)> {
    if method == Some(0) {
        return Ok((data.to_vec(), 0));
    }
    let deflated = codec::deflate(data).map_err(Error::new)?;
    if method == Some(8) || deflated.len() < data.len() { Ok((deflated, 8)) } else { Ok((data.to_vec(), 0)) }
}

/// A new entry as zipfile.c makes one: its record says Unix, version 2.0,
/// UTF-8 names, the DOS time of `mtime` and the mode in the external
/// attributes; its name length is cut to 16 bits, as zipfile.c stores it.
pub struct NewEntry<'a> {
    /// The full name, of which the first `name_len` (16-bit) bytes are kept.
    pub name: &'a [u8],
    /// The mode (type and permission bits).
    pub mode: u32,
    /// The modification time.
    pub mtime: u32,
    /// Compression method: 0 or 8.
    pub method: u16,
    /// The CRC-32 of the uncompressed data (0 for a directory).
    pub crc32: u32,
    /// The size of the stored data.
    pub compressed_size: u32,
    /// The size of the data uncompressed.
    pub uncompressed_size: u32,
}

impl NewEntry<'_> {
    /// The entry, its local file header at `offset`, and data at `data_offset`.
    pub fn entry(&self, offset: u32, data_offset: u64) -> Entry {
        let (dos_time, dos_date) = format::unix_to_dos(self.mtime);
        let name_len = self.name.len() as u16;
        let cds = Cds {
            made_by: format::NEW_MADE_BY,
            version_needed: format::NEW_REQUIRED,
            flags: format::NEW_FLAGS,
            method: self.method,
            dos_time,
            dos_date,
            crc32: self.crc32,
            compressed_size: self.compressed_size,
            uncompressed_size: self.uncompressed_size,
            name_len,
            extra_len: format::NEW_EXTRA_SIZE,
            comment_len: 0,
            disk_start: 0,
            internal_attr: 0,
            external_attr: self.mode << 16,
            lfh_offset: offset,
        };
        Entry { name: self.name[..name_len as usize].to_vec(), extra: None, mtime: self.mtime, data_offset, data: None, cds }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Value {
        Value::text(s)
    }

    #[test]
    fn modes_default_parse_and_read_numbers_as_zipfile_c_does() {
        assert_eq!(mode(None, false).unwrap(), 0o100644);
        assert_eq!(mode(Some(&Value::Null), true).unwrap(), 0o40755);
        assert_eq!(mode(Some(&text("-rw-r--r--")), false).unwrap(), 0o100644);
        assert_eq!(mode(Some(&text("lrwxrwxrwx")), false).unwrap(), 0o120777);
        assert_eq!(mode(Some(&text("d--x--x--x")), true).unwrap(), 0o40111);
        assert_eq!(mode(Some(&text("0644")), false).unwrap(), 644);
        assert_eq!(mode(Some(&Value::Integer(33188)), false).unwrap(), 33188);
        assert_eq!(mode(Some(&Value::Real(420.9)), false).unwrap(), 420);
        assert_eq!(mode(Some(&Value::Blob(b"-rwx------".to_vec())), false).unwrap(), 0o100700);
    }

    #[test]
    fn bad_modes_say_what_was_wrong() {
        let e = mode(Some(&text("-rw-r--r-")), false).unwrap_err();
        assert_eq!((e.code, e.message.as_str()), (Error::ERROR, "zipfile: parse error in mode: -rw-r--r-"));
        assert_eq!(mode(Some(&text("-rw-r--r-y")), false).unwrap_err().message, "zipfile: parse error in mode: -rw-r--r-y");
        assert_eq!(mode(Some(&text("-rw-r--r-x")), false).unwrap(), 0o100645);
        assert_eq!(mode(Some(&Value::Integer(4294967295)), false).unwrap_err().code, Error::CONSTRAINT);
        assert_eq!(mode(Some(&text("-rw-r-Sr--")), false).unwrap_err().message, "zipfile: parse error in mode: -rw-r-Sr--");
        assert_eq!(mode(Some(&Value::Integer(-1)), false).unwrap_err().message, "zipfile: parse error in mode: -1");
        assert_eq!(mode(Some(&text("")), false).unwrap_err().message, "zipfile: parse error in mode: ");
        let e = mode(Some(&text("drwxr-xr-x")), false).unwrap_err();
        assert_eq!((e.code, e.message.as_str()), (Error::CONSTRAINT, "zipfile: mode does not match data"));
        assert_eq!(mode(Some(&Value::Integer(0o100644)), true).unwrap_err().code, Error::CONSTRAINT);
    }

    #[test]
    fn times_are_cut_to_32_bits_and_null_is_now() {
        assert_eq!(mtime(Some(&Value::Integer(-1))), u32::MAX);
        assert_eq!(mtime(Some(&Value::Integer(4_294_967_301))), 5);
        assert_eq!(mtime(Some(&text("100abc"))), 100);
        let now = now();
        assert!(mtime(None).abs_diff(now) <= 1 && now > 1_700_000_000);
    }

    #[test]
    fn data_is_deflated_only_when_asked_or_smaller() {
        assert_eq!(store(b"hello", None).unwrap(), (b"hello".to_vec(), 0));
        assert_eq!(store(b"hello", Some(8)).unwrap().1, 8);
        assert_eq!(store(&[b'a'; 100], None).unwrap().1, 8);
        assert_eq!(store(&[b'a'; 100], Some(0)).unwrap(), (vec![b'a'; 100], 0));
    }
}
