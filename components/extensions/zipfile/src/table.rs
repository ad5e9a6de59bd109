//! The `zipfile` virtual table, as zipfile.c serves it: eponymous
//! (`SELECT * FROM zipfile('a.zip')` or `zipfile(blob)`), and created with
//! `CREATE VIRTUAL TABLE z USING zipfile('a.zip')`, then writable.
//!
//! Writes follow zipfile.c's transaction: the first write of a transaction
//! opens the file for appending (creating it) and reads its directory into
//! memory; each new entry's header and data are appended at once; the
//! commit appends the whole directory again and an end record. So the file
//! only grows, and, as in zipfile.c, a rollback writes the directory just
//! as a commit does: the changes made so far stay.

use crate::archive::{DATA, Entry, FileEntries, RAWDATA, Source};
use crate::entry::{self, NewEntry};
use crate::format::{Eocd, LFH_FIXED_SIZE};
use crate::{codec, convert};
use sqlink_sdk::prelude::*;
use std::cell::{Cell, RefCell};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::rc::Rc;

/// The declared columns: zipfile.c's, in a rowid table (its own is WITHOUT
/// ROWID, which the contract's rowid-based writes cannot serve).
const SCHEMA: &str = "CREATE TABLE y(name PRIMARY KEY,mode,mtime,sz,rawdata,data,method,z HIDDEN)";

/// The rows of a scan.
type Rows = Box<dyn Iterator<Item = Result<Row>>>;

/// One zipfile table: its archive, if named, and its write transaction.
pub struct ZipTable {
    /// The archive named by `CREATE VIRTUAL TABLE`, dequoted.
    file: Option<String>,
    /// The number of the last scan, which the `z` column reads (zipfile.c's
    /// cursor id, counted per table).
    scans: Cell<i64>,
    /// The write transaction in progress.
    transaction: Option<Transaction>,
}

/// What a write transaction holds: the file open for appending, and the
/// directory as it will be written.
struct Transaction {
    file: Rc<RefCell<File>>,
    /// The file's size: where the next write lands.
    size: u64,
    /// The entries with their rowids, in directory order.
    entries: Vec<(i64, Entry)>,
    /// The rowid of the next new entry.
    next_rowid: i64,
}

impl Table for ZipTable {
    type Rows = Rows;

    /// zipfile.c's constructor: a table other than `zipfile` itself (the
    /// eponymous one, also under its qualified name `PREFIX__zipfile`) must
    /// name its archive, and no table takes more than that one argument.
    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        let count = args.arguments.len();
        let table = args.table.to_ascii_lowercase();
        let eponymous = table == "zipfile" || table.ends_with("__zipfile");
        if (!eponymous && count < 1) || count > 1 {
            return Err(Error::new("zipfile constructor requires one argument"));
        }
        let file = args.arguments.first().map(|a| dequote(a));
        Ok((SCHEMA.to_string(), ZipTable { file, scans: Cell::new(0), transaction: None }))
    }

    /// zipfile.c's plan: the last usable `=` on `z` is the argument; an
    /// unusable constraint on `z` without a usable one refuses the plan.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut chosen = None;
        let mut unusable = false;
        for (i, c) in info.constraints.iter().enumerate() {
            if c.column != crate::archive::Z as i32 {
                continue;
            }
            if !c.usable {
                unusable = true;
            } else if c.op == ConstraintOp::EQ {
                chosen = Some(i);
            }
        }
        let mut plan = IndexPlan { estimated_cost: 1000.0, idx_str: unread(info.columns_used), ..IndexPlan::default() };
        match chosen {
            Some(i) => {
                plan.pass(i, true);
                plan.idx_num = 1;
            }
            None if unusable => return Err(Error::with_code(Error::CONSTRAINT, "zipfile: the archive argument is not usable in this plan")),
            None => {}
        }
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<Rows> {
        let cursor = self.scans.get() + 1;
        self.scans.set(cursor);
        let columns = read_columns(scan);
        if let Some(t) = &self.transaction {
            let source = Source::File(t.file.clone());
            let entries: Vec<(i64, Entry)> = t.entries.clone();
            return Ok(Box::new(entries.into_iter().map(move |(rowid, e)| Ok(Row::new(rowid, e.row(&source, columns, cursor)?)))));
        }
        let path = match (&self.file, scan.idx_num, scan.args.first()) {
            (Some(path), _, _) => path.clone(),
            (None, 0, _) | (None, _, None) => return Err(Error::new("zipfile() function requires an argument")),
            (None, _, Some(Value::Blob(blob))) => {
                let source = Source::Blob(blob.as_slice().into());
                let entries = source.entries()?;
                let rows = entries.into_iter().zip(1..).map(move |(e, rowid)| Ok(Row::new(rowid, e.row(&source, columns, cursor)?)));
                return Ok(Box::new(rows));
            }
            (None, _, Some(v)) => String::from_utf8_lossy(&convert::text(v).unwrap_or_default()).into_owned(),
        };
        let file = File::open(&path).map_err(|_| Error::new(format!("cannot open file: {path}")))?;
        let entries = FileEntries::open(file)?;
        let source = entries.source().clone();
        Ok(Box::new(entries.zip(1..).map(move |(e, rowid)| Ok(Row::new(rowid, e?.row(&source, columns, cursor)?)))))
    }
}

/// The plan's note of the costly columns a query does not read (`rawdata`
/// and `data` need the entry's bytes, `data` inflated): the host fetches
/// every column of a writable table, so the plan says which to leave NULL.
/// None when the query reads both, as `SELECT *` and UPDATE do.
fn unread(used: Columns) -> Option<String> {
    match (used.contains(RAWDATA), used.contains(DATA)) {
        (true, true) => None,
        (false, true) => Some(NO_RAWDATA.into()),
        (true, false) => Some(NO_DATA.into()),
        (false, false) => Some(NO_RAWDATA_OR_DATA.into()),
    }
}

/// [`unread`]'s note when only `rawdata` is not read.
const NO_RAWDATA: &str = "no rawdata";
/// [`unread`]'s note when only `data` is not read.
const NO_DATA: &str = "no data";
/// [`unread`]'s note when neither is read.
const NO_RAWDATA_OR_DATA: &str = "no rawdata or data";

/// The columns a scan computes: those requested, less those its plan
/// noted as unread.
fn read_columns(scan: &Scan) -> Columns {
    let skipped: &[usize] = match scan.idx_str.as_deref() {
        Some(NO_RAWDATA) => &[RAWDATA],
        Some(NO_DATA) => &[DATA],
        Some(NO_RAWDATA_OR_DATA) => &[RAWDATA, DATA],
        _ => &[],
    };
    Columns(skipped.iter().fold(scan.columns.0, |mask, &c| mask & !(1 << c)))
}

/// A module argument without its quotes (`'a.zip'`, `"a.zip"`, `` `a.zip` ``,
/// `[a.zip]`), a doubled closing quote inside standing for one (`]]` too,
/// as in zipfile.c); unquoted as given.
fn dequote(arg: &str) -> String {
    let mut chars = arg.chars();
    let close = match chars.next() {
        Some(q @ ('"' | '\'' | '`')) => q,
        Some('[') => ']',
        _ => return arg.to_string(),
    };
    let mut out = String::new();
    while let Some(c) = chars.next() {
        if c == close && chars.next() != Some(close) {
            break;
        }
        out.push(c);
    }
    out
}

/// Whether two names are the same entry: equal but for one trailing `/` each.
fn same_path(a: &[u8], b: &[u8]) -> bool {
    a.strip_suffix(b"/").unwrap_or(a) == b.strip_suffix(b"/").unwrap_or(b)
}

impl UpdateTable for ZipTable {
    fn insert(&mut self, _rowid: Option<i64>, values: Vec<Value>) -> Result<i64> {
        self.write(None, Some(values))
    }

    fn update(&mut self, old_rowid: i64, _new_rowid: i64, values: Vec<Value>) -> Result<()> {
        self.write(Some(old_rowid), Some(values)).map(|_| ())
    }

    fn delete(&mut self, rowid: i64) -> Result<()> {
        self.write(Some(rowid), None).map(|_| ())
    }
}

impl TransactionTable for ZipTable {
    /// Opens the archive for appending, creating it, and reads its directory.
    ///
    /// # Errors
    /// `zipfile: missing filename` for a table without an archive,
    /// `zipfile: failed to open file X for writing`, and the archive's
    /// reading errors.
    fn begin(&mut self) -> Result<()> {
        if self.transaction.is_some() {
            return Ok(());
        }
        let path = self.file.as_deref().filter(|p| !p.is_empty()).ok_or_else(|| Error::new("zipfile: missing filename"))?;
        let failed = || Error::new(format!("zipfile: failed to open file {path} for writing"));
        let file = OpenOptions::new().read(true).append(true).create(true).open(path).map_err(|_| failed())?;
        let size = file.metadata().map_err(|_| failed())?.len();
        let file = Rc::new(RefCell::new(file));
        let entries = Source::File(file.clone()).entries()?;
        let entries: Vec<(i64, Entry)> = (1..).zip(entries).collect();
        let next_rowid = entries.len() as i64 + 1;
        self.transaction = Some(Transaction { file, size, entries, next_rowid });
        Ok(())
    }

    /// Appends the directory and the end record, and ends the transaction.
    fn commit(&mut self) -> Result<()> {
        let Some(mut t) = self.transaction.take() else { return Ok(()) };
        let offset = t.size;
        let mut tail = Vec::new();
        for (_, entry) in &t.entries {
            entry.write_cds(&mut tail);
        }
        let count = t.entries.len() as u16;
        let eocd = Eocd { entries: count, entries_total: count, cds_size: tail.len() as u32, cds_offset: offset as u32, ..Eocd::default() };
        eocd.write(&mut tail);
        t.append(&tail)
    }

    /// zipfile.c's rollback is its commit: what was written stays.
    fn rollback(&mut self) -> Result<()> {
        self.commit()
    }
}

impl Transaction {
    /// Appends bytes at the end of the file.
    fn append(&mut self, bytes: &[u8]) -> Result<()> {
        self.file.borrow_mut().write_all(bytes).map_err(|_| Error::new("error in fwrite()"))?;
        self.size += bytes.len() as u64;
        Ok(())
    }

    /// Where the entry with this rowid is in the directory.
    fn position(&self, rowid: i64) -> Result<usize> {
        self.entries.iter().position(|(r, _)| *r == rowid).ok_or_else(|| Error::new(format!("zipfile: no entry has rowid {rowid}")))
    }
}

impl ZipTable {
    /// zipfile.c's `xUpdate`: removes the entry `old` (DELETE), adds one
    /// made of `values` (INSERT), or both, the new one taking the old one's
    /// place (UPDATE). Returns the new entry's rowid.
    fn write(&mut self, old: Option<i64>, values: Option<Vec<Value>>) -> Result<i64> {
        if self.transaction.is_none() {
            self.begin()?;
        }
        let t = self.transaction.as_mut().expect("begun");
        let old = old.map(|rowid| t.position(rowid)).transpose()?;
        let Some(values) = values else {
            t.entries.remove(old.expect("a delete names its row"));
            return Ok(0);
        };
        let [name, mode, mtime, sz, rawdata, data, method, ..] = &values[..] else {
            return Err(Error::new(format!("zipfile: {} values for 8 columns", values.len())));
        };
        // The host cannot leave sz and rawdata unset when an UPDATE keeps
        // them (zipfile.c's sqlite3_vtab_nochange): their old values count as unset.
        let source = Source::File(t.file.clone());
        let kept = old.map(|i| &t.entries[i].1);
        let unset_sz = sz.is_null() || kept.is_some_and(|e| *sz == Value::Integer(i64::from(e.cds.uncompressed_size)));
        let unset_rawdata = rawdata.is_null() || kept.is_some_and(|e| e.rawdata(&source).is_ok_and(|r| r == *rawdata));
        if !unset_rawdata {
            return Err(Error::with_code(Error::CONSTRAINT, "rawdata must be NULL"));
        }
        if !unset_sz {
            return Err(Error::with_code(Error::CONSTRAINT, "sz must be NULL"));
        }
        let is_dir = data.is_null();
        let (stored, method, crc32, size) = match convert::text(data) {
            None => (Vec::new(), 0, 0, 0),
            Some(data) => {
                let chosen = convert::int(method);
                if chosen != 0 && chosen != 8 {
                    return Err(Error::with_code(Error::CONSTRAINT, format!("unknown compression method: {chosen}")));
                }
                let (stored, used) = entry::store(&data, if method.is_null() { None } else { Some(chosen) })?;
                (stored, used, codec::crc32(&data), data.len() as u32)
            }
        };
        let mode = entry::mode(Some(mode), is_dir)?;
        let mut path = convert::c_text(name).unwrap_or_default();
        let mtime = entry::mtime(Some(mtime));
        if is_dir && path.last() != Some(&b'/') {
            path.push(b'/');
        }
        // A new name must not be taken. zipfile.c would honour OR REPLACE
        // and OR IGNORE here; the host does not say which conflict mode the
        // statement has, so a taken name is always refused.
        let renamed = kept.is_some_and(|e| convert::c_text(name).is_some_and(|n| !same_path(&n, e.shown_name())));
        if (kept.is_none() || renamed) && t.entries.iter().any(|(_, e)| same_path(e.shown_name(), &path)) {
            let shown = String::from_utf8_lossy(&path);
            return Err(Error::with_code(Error::CONSTRAINT, format!("duplicate name: \"{shown}\"")));
        }
        let new = NewEntry { name: &path, mode, mtime, method, crc32, compressed_size: stored.len() as u32, uncompressed_size: size };
        let offset = t.size;
        let mut entry = new.entry(offset as u32, 0);
        entry.data_offset = offset + (LFH_FIXED_SIZE + entry.name.len() + crate::format::NEW_EXTRA_SIZE as usize) as u64;
        let mut bytes = Vec::with_capacity(LFH_FIXED_SIZE + path.len() + 9 + stored.len());
        entry.cds.write_lfh(&entry.name, mtime, &mut bytes);
        bytes.extend_from_slice(&stored);
        let written = t.append(&bytes);
        let rowid = match old {
            Some(i) => {
                let rowid = t.entries[i].0;
                t.entries[i] = (rowid, entry);
                rowid
            }
            None => {
                let rowid = t.next_rowid;
                t.next_rowid += 1;
                t.entries.push((rowid, entry));
                rowid
            }
        };
        written.map(|_| rowid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_are_dequoted_as_zipfile_c_does() {
        assert_eq!(dequote("'a.zip'"), "a.zip");
        assert_eq!(dequote("\"it\"\"s.zip\""), "it\"s.zip");
        assert_eq!(dequote("`x`"), "x");
        assert_eq!(dequote("[a]]b]"), "a]b");
        assert_eq!(dequote("/tmp/a.zip"), "/tmp/a.zip");
        assert_eq!(dequote("'a'b'"), "a");
    }

    #[test]
    fn paths_compare_without_one_trailing_slash() {
        assert!(same_path(b"d/", b"d"));
        assert!(same_path(b"d", b"d/"));
        assert!(!same_path(b"d//", b"d"));
        assert!(same_path(b"", b"/"));
        assert!(!same_path(b"a", b"b"));
    }
}
