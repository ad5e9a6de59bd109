//! The `zipfile(name, [mode, mtime,] data[, method])` aggregate: each row
//! adds an entry (its local header and data to the archive's body, its
//! central directory record to the directory), and the result is body,
//! directory and end record, byte for byte as zipfile.c's `zipfileStep`
//! and `zipfileFinal` build them.

use crate::convert;
use crate::entry::{self, NewEntry};
use crate::format::Eocd;
use sqlink_sdk::{Error, Result, Value};

/// An archive being built, one entry per row.
#[derive(Debug, Default)]
pub struct Builder {
    /// Local headers and data.
    body: Vec<u8>,
    /// Central directory records.
    directory: Vec<u8>,
    /// Entries so far.
    entries: u32,
}

impl Builder {
    /// Adds the entry of one row. `args` are `(name, data)`, `(name, mode,
    /// mtime, data)` or `(name, mode, mtime, data, method)`.
    ///
    /// # Errors
    /// zipfile.c's, in its order: `wrong number of arguments to function
    /// zipfile()`, `first argument to zipfile() must be non-NULL`, `illegal
    /// method value: N`, the mode's errors (see [`entry::mode`]), and
    /// `non-directory name must not end with /`. All are SQLITE_ERROR, as
    /// the aggregate reports them.
    pub fn step(&mut self, args: &[Value]) -> Result<()> {
        self.add(args).map_err(|e| Error::new(e.message))
    }

    fn add(&mut self, args: &[Value]) -> Result<()> {
        let (name, mode, mtime, data, method) = match args {
            [name, data] => (name, None, None, data, None),
            [name, mode, mtime, data] => (name, Some(mode), Some(mtime), data, None),
            [name, mode, mtime, data, method] => (name, Some(mode), Some(mtime), data, Some(method)),
            _ => return Err(Error::new("wrong number of arguments to function zipfile()")),
        };
        let name = convert::text(name).ok_or_else(|| Error::new("first argument to zipfile() must be non-NULL"))?;
        let method = match method {
            Some(m) if !m.is_null() => match convert::int64(m) as i32 {
                m @ (0 | 8) => Some(m),
                m => return Err(Error::new(format!("illegal method value: {m}"))),
            },
            _ => None,
        };
        let is_dir = data.is_null();
        let (stored, method, crc32, size) = match convert::text(data) {
            None => (Vec::new(), 0, 0, 0),
            Some(data) => {
                let (stored, method) = entry::store(&data, method)?;
                (stored, method, crate::codec::crc32(&data), data.len() as u32)
            }
        };
        let mode = entry::mode(mode, is_dir)?;
        let mtime = entry::mtime(mtime);
        let name = entry_name(&name, is_dir)?;
        let offset = self.body.len() as u32;
        let new = NewEntry { name: &name, mode, mtime, method, crc32, compressed_size: stored.len() as u32, uncompressed_size: size };
        let entry = new.entry(offset, 0);
        entry.cds.write_lfh(&entry.name, mtime, &mut self.body);
        self.body.extend_from_slice(&stored);
        entry.write_cds(&mut self.directory);
        self.entries += 1;
        Ok(())
    }

    /// The archive, or NULL when no row added an entry.
    pub fn finish(self) -> Option<Vec<u8>> {
        if self.entries == 0 {
            return None;
        }
        let eocd = Eocd {
            entries: self.entries as u16,
            entries_total: self.entries as u16,
            cds_size: self.directory.len() as u32,
            cds_offset: self.body.len() as u32,
            ..Eocd::default()
        };
        let mut archive = self.body;
        archive.extend_from_slice(&self.directory);
        eocd.write(&mut archive);
        Some(archive)
    }
}

/// The stored name: a directory's ends in exactly one `/` (one is added
/// after the name's text up to any NUL, extra ones are dropped), a file's
/// must not end in `/`.
fn entry_name(name: &[u8], is_dir: bool) -> Result<Vec<u8>> {
    if !is_dir {
        if name.last() == Some(&b'/') {
            return Err(Error::new("non-directory name must not end with /"));
        }
        return Ok(name.to_vec());
    }
    if name.last() != Some(&b'/') {
        let mut dir = convert::until_nul(name).to_vec();
        dir.push(b'/');
        return Ok(dir);
    }
    let mut len = name.len();
    while len > 1 && name[len - 2] == b'/' {
        len -= 1;
    }
    Ok(name[..len].to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directory_names_end_in_one_slash() {
        assert_eq!(entry_name(b"d", true).unwrap(), b"d/");
        assert_eq!(entry_name(b"d///", true).unwrap(), b"d/");
        assert_eq!(entry_name(b"//", true).unwrap(), b"/");
        assert_eq!(entry_name(b"", true).unwrap(), b"/");
        assert_eq!(entry_name(b"a\0b", true).unwrap(), b"a/");
        assert_eq!(entry_name(b"a\0b", false).unwrap(), b"a\0b");
        assert_eq!(entry_name(b"f/", false).unwrap_err().message, "non-directory name must not end with /");
    }

    #[test]
    fn no_rows_give_null() {
        assert_eq!(Builder::default().finish(), None);
    }
}
