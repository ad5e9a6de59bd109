//! Reading archives as zipfile.c does: an archive is a file or a blob (the
//! blob is read as the file image it is), its directory is found through the
//! end of central directory record in its last 64 KiB, and each entry is a
//! central directory record checked against its local file header. The
//! columns of a row are computed from an entry as zipfile.c's `xColumn`
//! computes them.
//!
//! zipfile.c reads a blob without bounds checks; here a read past the end
//! of a blob fails as a short read of the file would, `error in fread()`.

use crate::codec;
use crate::convert::until_nul;
use crate::format::{self, CDS_FIXED_SIZE, Cds, Eocd, LFH_FIXED_SIZE, S_IFDIR};
use sqlink_sdk::vtab::Columns;
use sqlink_sdk::{Error, Result, Value};
use std::cell::RefCell;
use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::rc::Rc;

/// The most of an archive's end searched for its directory record.
const TAIL_SIZE: u64 = 64 * 1024;

/// The columns of the table, in zipfile.c's order.
pub const NAME: usize = 0;
/// Column `mode`.
pub const MODE: usize = 1;
/// Column `mtime`.
pub const MTIME: usize = 2;
/// Column `sz`.
pub const SZ: usize = 3;
/// Column `rawdata`.
pub const RAWDATA: usize = 4;
/// Column `data`.
pub const DATA: usize = 5;
/// Column `method`.
pub const METHOD: usize = 6;
/// Column `z`, hidden: the argument; it reads the cursor's number.
pub const Z: usize = 7;

/// Where an archive's bytes come from.
#[derive(Clone)]
pub enum Source {
    /// A file, shared by the scans of a write transaction and the table.
    File(Rc<RefCell<File>>),
    /// A blob given to `zipfile()`.
    Blob(Rc<[u8]>),
}

/// zipfile.c's message for any short read.
pub fn read_error() -> Error {
    Error::new("error in fread()")
}

impl Source {
    /// The size of the archive.
    pub fn len(&self) -> Result<u64> {
        match self {
            Source::File(file) => file.borrow().metadata().map(|m| m.len()).map_err(|_| read_error()),
            Source::Blob(blob) => Ok(blob.len() as u64),
        }
    }

    /// `len` bytes at `offset`.
    ///
    /// # Errors
    /// `error in fread()` when fewer bytes are there.
    pub fn read_at(&self, offset: u64, len: usize) -> Result<Vec<u8>> {
        match self {
            Source::File(file) => {
                let mut file = file.borrow_mut();
                let mut buf = vec![0; len];
                file.seek(SeekFrom::Start(offset)).map_err(|_| read_error())?;
                file.read_exact(&mut buf).map_err(|_| read_error())?;
                Ok(buf)
            }
            Source::Blob(blob) => {
                let start = usize::try_from(offset).map_err(|_| read_error())?;
                let end = start.checked_add(len).ok_or_else(read_error)?;
                blob.get(start..end).map(<[u8]>::to_vec).ok_or_else(read_error)
            }
        }
    }

    /// The end of central directory record. An empty file has none and no
    /// entries; an empty blob is an error, as in zipfile.c.
    pub fn eocd(&self) -> Result<Eocd> {
        let size = self.len()?;
        if size == 0 && matches!(self, Source::File(_)) {
            return Ok(Eocd::default());
        }
        let n = size.min(TAIL_SIZE);
        let tail = self.read_at(size - n, n as usize)?;
        Eocd::find(&tail).ok_or_else(|| Error::new("cannot find end of central directory record"))
    }

    /// The entry whose central directory record is at `offset`.
    ///
    /// # Errors
    /// zipfile.c's: `failed to read CDS at offset N`, `failed to read LFH
    /// at offset N`, `error in fread()`.
    pub fn entry(&self, offset: u64) -> Result<Entry> {
        let fixed = self.read_at(offset, CDS_FIXED_SIZE)?;
        let cds = Cds::parse(&fixed).ok_or_else(|| Error::new(format!("failed to read CDS at offset {offset}")))?;
        let name_len = cds.name_len as usize;
        let variable = self.read_at(offset + CDS_FIXED_SIZE as u64, name_len + cds.extra_len as usize + cds.comment_len as usize)?;
        let (name, extra) = variable.split_at(name_len);
        let mtime = format::extra_mtime(&extra[..cds.extra_len as usize]).unwrap_or_else(|| format::dos_to_unix(cds.dos_time, cds.dos_date));
        let lfh = self.read_at(u64::from(cds.lfh_offset), LFH_FIXED_SIZE)?;
        let (lfh_name, lfh_extra) = format::parse_lfh_lengths(&lfh)
            .ok_or_else(|| Error::new(format!("failed to read LFH at offset {}", cds.lfh_offset as i32)))?;
        let data_offset = u64::from(cds.lfh_offset) + LFH_FIXED_SIZE as u64 + u64::from(lfh_name) + u64::from(lfh_extra);
        // A blob's entries carry their data, as zipfile.c copies it.
        let data = match self {
            Source::Blob(_) if cds.compressed_size > 0 => Some(self.read_at(data_offset, cds.compressed_size as usize)?.into()),
            _ => None,
        };
        Ok(Entry { name: name.to_vec(), extra: Some(extra.to_vec()), mtime, data_offset, data, cds })
    }

    /// Every entry, counted by the directory record's number of entries, as
    /// zipfile.c loads a blob or the file of a write transaction.
    pub fn entries(&self) -> Result<Vec<Entry>> {
        let eocd = self.eocd()?;
        let mut offset = u64::from(eocd.cds_offset);
        let mut entries = Vec::with_capacity(eocd.entries as usize);
        for _ in 0..eocd.entries {
            let entry = self.entry(offset)?;
            offset += entry.cds_size();
            entries.push(entry);
        }
        Ok(entries)
    }
}

/// One entry of an archive's central directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The record's fixed fields.
    pub cds: Cds,
    /// The name as stored (`cds.name_len` bytes).
    pub name: Vec<u8>,
    /// The extra field and comment of an entry read from an archive, kept
    /// to be written back unchanged; `None` for a new entry, whose record
    /// gets zipfile.c's extended timestamp.
    pub extra: Option<Vec<u8>>,
    /// The modification time: the extended timestamp's, else the DOS time's.
    pub mtime: u32,
    /// Where the entry's data starts in the archive.
    pub data_offset: u64,
    /// The raw data, for an entry of a blob.
    pub data: Option<Rc<[u8]>>,
}

impl Entry {
    /// The size of the entry's central directory record.
    pub fn cds_size(&self) -> u64 {
        (CDS_FIXED_SIZE + self.cds.name_len as usize + self.cds.extra_len as usize + self.cds.comment_len as usize) as u64
    }

    /// The name as the `name` column shows it: up to a NUL byte.
    pub fn shown_name(&self) -> &[u8] {
        until_nul(&self.name)
    }

    /// Appends the entry's central directory record.
    pub fn write_cds(&self, out: &mut Vec<u8>) {
        self.cds.write(out);
        out.extend_from_slice(&self.name);
        match &self.extra {
            Some(extra) => out.extend_from_slice(extra),
            None => format::write_timestamp_extra(self.mtime, out),
        }
    }

    /// The raw data as stored.
    fn raw(&self, source: &Source) -> Result<Vec<u8>> {
        match &self.data {
            Some(data) => Ok(data.to_vec()),
            None => source.read_at(self.data_offset, self.cds.compressed_size as usize),
        }
    }

    /// A directory: a mode with the directory bit, or a name ending in `/`.
    fn is_directory(&self) -> bool {
        (self.cds.external_attr >> 16) & S_IFDIR != 0 || self.name.last() == Some(&b'/')
    }

    /// The `rawdata` column as zipfile.c gives it: the stored bytes; for an
    /// entry of size 0, an empty blob, or NULL for a directory.
    pub fn rawdata(&self, source: &Source) -> Result<Value> {
        self.contents(source, false)
    }

    /// The `data` column: the bytes uncompressed (NULL for a method other
    /// than stored or deflated); for size 0, as `rawdata`.
    pub fn data(&self, source: &Source) -> Result<Value> {
        self.contents(source, true)
    }

    fn contents(&self, source: &Source, uncompressed: bool) -> Result<Value> {
        let method = self.cds.method;
        if uncompressed && method != 0 && method != 8 {
            return Ok(Value::Null);
        }
        // zipfile.c holds the size in an `int`: 2 GiB and more is "not positive".
        let size = self.cds.uncompressed_size as i32;
        if size <= 0 {
            return Ok(if self.is_directory() { Value::Null } else { Value::Blob(Vec::new()) });
        }
        let raw = self.raw(source)?;
        if uncompressed && method != 0 {
            return codec::inflate(&raw, size as usize).map(Value::Blob).map_err(Error::new);
        }
        Ok(Value::Blob(raw))
    }

    /// The row zipfile.c's `xColumn` gives for the entry, with the columns
    /// not in `columns` NULL; `z` reads `cursor`.
    pub fn row(&self, source: &Source, columns: Columns, cursor: i64) -> Result<Vec<Value>> {
        let mut values = vec![Value::Null; Z + 1];
        for column in columns.of(Z + 1) {
            values[column] = match column {
                NAME => Value::Text(self.shown_name().to_vec()),
                MODE => Value::Integer(i64::from(self.cds.external_attr >> 16)),
                MTIME => Value::Integer(i64::from(self.mtime)),
                SZ => Value::Integer(i64::from(self.cds.uncompressed_size)),
                RAWDATA => self.rawdata(source)?,
                DATA => self.data(source)?,
                METHOD => Value::Integer(i64::from(self.cds.method)),
                _ => Value::Integer(cursor),
            };
        }
        Ok(values)
    }
}

/// The entries of an archive file, read one central directory record at a
/// time as zipfile.c's cursor reads them outside write transactions: from
/// the directory's offset to its end (by size, not by count), none when
/// the record counts no entries.
pub struct FileEntries {
    source: Source,
    next: u64,
    end: u64,
    failed: bool,
}

impl FileEntries {
    /// Starts reading the archive in `file`.
    ///
    /// # Errors
    /// Those of [`Source::eocd`].
    pub fn open(file: File) -> Result<FileEntries> {
        let source = Source::File(Rc::new(RefCell::new(file)));
        let eocd = source.eocd()?;
        let next = u64::from(eocd.cds_offset);
        let end = if eocd.entries == 0 { next } else { next + u64::from(eocd.cds_size) };
        Ok(FileEntries { source, next, end, failed: false })
    }

    /// Where entries' data is read from.
    pub fn source(&self) -> &Source {
        &self.source
    }
}

impl Iterator for FileEntries {
    type Item = Result<Entry>;

    fn next(&mut self) -> Option<Result<Entry>> {
        if self.failed || self.next >= self.end {
            return None;
        }
        let entry = self.source.entry(self.next);
        match &entry {
            Ok(e) => self.next += e.cds_size(),
            Err(_) => self.failed = true,
        }
        Some(entry)
    }
}
