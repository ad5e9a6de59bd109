//! Whole-database copies: `.backup` (and its alias `.save`), `.restore`.

use super::{Args, DotResult};
use crate::engine::CopyError;
use crate::shell::Shell;

impl Shell<'_> {
    /// Reports a failed copy as sqlite3 does.
    fn copy_failed(&mut self, e: CopyError, file: &str) {
        let line = match e {
            CopyError::Open => format!("Error: cannot open \"{file}\""),
            CopyError::Busy => "Error: source database is busy".to_string(),
            CopyError::Failed(msg) => format!("Error: {msg}"),
        };
        self.error_line(&line);
    }
}

/// `.backup ?DB? ?OPTIONS? FILE`, `.save ?OPTIONS? FILE`.
pub(super) fn backup(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let (mut file, mut schema): (Option<String>, Option<String>) = (None, None);
    let mut no_sync = false;
    for i in 1..args.len() {
        let z = args.text(i);
        if z.starts_with('-') {
            // `--x` is taken as `-x`.
            let option = z.strip_prefix('-').filter(|rest| rest.starts_with('-')).unwrap_or(&z);
            match option {
                "-async" => no_sync = true,
                "-append" => {
                    sh.error_line("Error: --append needs the append VFS, which this shell does not have");
                    return Ok(false);
                }
                _ => {
                    sh.error_line(&format!("unknown option: {z}"));
                    return Ok(false);
                }
            }
        } else if file.is_none() {
            file = Some(z);
        } else if schema.is_none() {
            schema = file.replace(z);
        } else {
            sh.error_line("Usage: .backup ?DB? ?OPTIONS? FILENAME");
            return Ok(false);
        }
    }
    let Some(file) = file else {
        sh.error_line("missing FILENAME argument on .backup");
        return Ok(false);
    };
    if sh.ensure_open().is_err() {
        return Ok(false);
    }
    let schema = schema.unwrap_or_else(|| "main".into());
    match sh.engine.backup(&schema, &file, no_sync) {
        Ok(()) => Ok(true),
        Err(e) => {
            sh.copy_failed(e, &file);
            Ok(false)
        }
    }
}

/// `.restore ?DB? FILE`.
pub(super) fn restore(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let (schema, file) = match args.len() {
        2 => ("main".to_string(), args.text(1)),
        3 => (args.text(1), args.text(2)),
        _ => {
            sh.error_line("Usage: .restore ?DB? FILE");
            return Ok(false);
        }
    };
    if sh.ensure_open().is_err() {
        return Ok(false);
    }
    match sh.engine.restore(&schema, &file) {
        Ok(()) => Ok(true),
        Err(e) => {
            sh.copy_failed(e, &file);
            Ok(false)
        }
    }
}
