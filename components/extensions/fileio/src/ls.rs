//! `fileio_ls(path[, recursive])` (alias `lsdir`): a file, or a directory
//! and what it holds, one row each, walked lazily (depth first, each
//! directory in the order the system lists it) as sqlean's fsdir cursor
//! does.

use crate::args::{c_text, int};
use crate::files::{path_of, shown, stat};
use crate::sandbox;
use sqlink_sdk::prelude::*;
use std::fs::{Metadata, ReadDir};

/// Column 4, the path argument.
const PATH: i32 = 4;
/// Column 5, the recursive flag.
const RECURSIVE: i32 = 5;

/// The `fileio_ls` table.
pub struct Ls;

impl Table for Ls {
    type Rows = LsRows;

    fn connect(_: &TableArgs) -> Result<(String, Self)> {
        Ok(("CREATE TABLE x(name,mode,mtime,size,path HIDDEN,dir HIDDEN)".to_string(), Ls))
    }

    /// sqlean's plan: the last usable `path =` (then `dir =`) constraint
    /// is passed, as plan 1 of cost 100; an unusable one with no usable
    /// one makes the plan unusable; without a path the plan is 0, and the
    /// scan fails.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let (mut path, mut recursive) = (None, None);
        let (mut path_unusable, mut recursive_unusable) = (false, false);
        for (i, c) in info.constraints.iter().enumerate().filter(|(_, c)| c.op == ConstraintOp::EQ) {
            let (chosen, unusable) = match c.column {
                PATH => (&mut path, &mut path_unusable),
                RECURSIVE => (&mut recursive, &mut recursive_unusable),
                _ => continue,
            };
            if c.usable {
                *chosen = Some(i);
                *unusable = false;
            } else if chosen.is_none() {
                *unusable = true;
            }
        }
        if path_unusable || recursive_unusable {
            return Err(Error::with_code(Error::CONSTRAINT, "fileio_ls: unusable plan"));
        }
        let mut plan = IndexPlan::default();
        let Some(path) = path else {
            plan.estimated_rows = 0x7fffffff;
            return Ok(plan);
        };
        plan.pass(path, true);
        if let Some(recursive) = recursive {
            plan.pass(recursive, true);
        }
        plan.idx_num = 1;
        plan.estimated_cost = 100.0;
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<LsRows> {
        if scan.idx_num == 0 {
            return Err(Error::new("table function lsdir requires an argument"));
        }
        let Some(path) = scan.args.first().and_then(c_text) else {
            return Err(Error::new("table function lsdir requires a non-NULL argument"));
        };
        let recursive = scan.args.get(1).is_some_and(|v| int(v) != 0);
        let first = match path_of(&path).and_then(std::fs::symlink_metadata) {
            Ok(meta) => Some((path, meta)),
            Err(e) => match path_of(&path) {
                Ok(p) if e.kind() == std::io::ErrorKind::NotFound && sandbox::outside_grants(&p) => {
                    return Err(Error::new(format!("cannot list {}: {}", shown(&path), sandbox::outside_message(&p))));
                }
                Ok(p) if sandbox::refused(&e) => {
                    return Err(Error::new(format!("cannot list {}: {}", shown(&path), sandbox::refusal_message(&p, None))));
                }
                // Nothing there: no rows.
                _ => None,
            },
        };
        Ok(LsRows { first, descend: None, levels: Vec::new(), recursive, rowid: 0, done: false })
    }
}

/// The rows of one `fileio_ls` scan.
pub struct LsRows {
    /// The path itself, not yet shown.
    first: Option<(Vec<u8>, Metadata)>,
    /// A directory just shown, to list before going on.
    descend: Option<Vec<u8>>,
    /// The directories being listed, innermost last.
    levels: Vec<(Vec<u8>, ReadDir)>,
    recursive: bool,
    rowid: i64,
    done: bool,
}

impl LsRows {
    fn row(&mut self, name: Vec<u8>, meta: &Metadata) -> Row {
        self.rowid += 1;
        let s = stat(meta);
        Row::new(self.rowid, vec![Value::Text(name), Value::Integer(s.mode), Value::Integer(s.mtime), Value::Integer(s.size)])
    }

    fn fail(&mut self, message: String) -> Option<Result<Row>> {
        self.done = true;
        Some(Err(Error::new(message)))
    }
}

/// A file name's bytes.
fn name_bytes(name: std::ffi::OsString) -> Vec<u8> {
    #[cfg(unix)]
    return std::os::unix::ffi::OsStringExt::into_vec(name);
    #[cfg(not(unix))]
    return name.to_string_lossy().into_owned().into_bytes();
}

impl Iterator for LsRows {
    type Item = Result<Row>;

    fn next(&mut self) -> Option<Result<Row>> {
        if self.done {
            return None;
        }
        if let Some((path, meta)) = self.first.take() {
            if meta.is_dir() {
                self.descend = Some(path.clone());
            }
            return Some(Ok(self.row(path, &meta)));
        }
        if let Some(dir) = self.descend.take() {
            match path_of(&dir).and_then(std::fs::read_dir) {
                Ok(entries) => self.levels.push((dir, entries)),
                Err(_) => return self.fail(format!("cannot read directory: {}", shown(&dir))),
            }
        }
        loop {
            let Some((dir, entries)) = self.levels.last_mut() else {
                self.done = true;
                return None;
            };
            let entry = match entries.next() {
                None => {
                    self.levels.pop();
                    continue;
                }
                Some(Err(_)) => {
                    let message = format!("cannot read directory: {}", shown(dir));
                    return self.fail(message);
                }
                Some(Ok(entry)) => entry,
            };
            let mut path = dir.clone();
            path.push(b'/');
            path.extend(name_bytes(entry.file_name()));
            let meta = match path_of(&path).and_then(std::fs::symlink_metadata) {
                Ok(meta) => meta,
                Err(_) => return self.fail(format!("cannot stat file: {}", shown(&path))),
            };
            if meta.is_dir() && self.recursive {
                self.descend = Some(path.clone());
            }
            return Some(Ok(self.row(path, &meta)));
        }
    }
}
