//! Files: .read, .output and .once, .open.

use super::{Args, DotResult};
use crate::engine::OpenOptions;
use crate::input::Source;
use crate::shell::{Shell, Stop, Target};
use std::fs::File;
use std::io::{BufReader, BufWriter};

pub(super) fn read(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    if args.len() != 2 {
        sh.error_line("Usage: .read FILE");
        return Ok(false);
    }
    let path = args.text(1);
    let file = File::open(&path).ok().filter(|f| f.metadata().map(|m| !m.is_dir()).unwrap_or(false));
    let Some(file) = file else {
        sh.error_line(&format!("Error: cannot open \"{path}\""));
        return Ok(false);
    };
    let mut reader = BufReader::new(file);
    let saved = sh.lineno;
    let result = sh.process_input(Source::File(&mut reader));
    sh.lineno = saved;
    match result {
        Ok(errors) => Ok(!errors),
        Err(code) => Err(Stop::Exit(code)),
    }
}

/// Prints an `.output`/`.once` argument error followed by the command's help.
fn usage_error(sh: &mut Shell<'_>, what: &str, word: &str, command: &str) -> DotResult {
    let mut text = format!("ERROR: {what}: \"{word}\".  Usage:\n");
    text.push_str(&crate::help::render(Some(command), &[]));
    sh.print(text.as_bytes());
    Ok(false)
}

pub(super) fn output(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let command = args.text(0);
    let once = "once".starts_with(command.as_str());
    let mut file: Option<String> = None;
    for i in 1..args.len() {
        let z = args.text(i);
        if z.starts_with('-') {
            return usage_error(sh, "unknown option", &z, &command);
        } else if file.is_none() {
            file = Some(z);
        } else {
            return usage_error(sh, "extra parameter", &z, &command);
        }
    }
    let file = file.unwrap_or_else(|| "stdout".into());
    sh.once = if once { 2 } else { 0 };
    sh.reset_output();
    if file.starts_with('|') {
        sh.error_line("Error: pipes are not supported by this shell");
        return Ok(false);
    }
    match file.as_str() {
        "stdout" => {
            sh.target = Target::Stdout;
            sh.target_name = file;
        }
        "stderr" => {
            sh.target = Target::Stderr;
            sh.target_name = file;
        }
        "off" => return Ok(false),
        path => match File::create(path) {
            Ok(f) => {
                sh.target = Target::File(Box::new(BufWriter::new(f)));
                sh.target_name = file;
            }
            Err(_) => {
                sh.error_line(&format!("Error: cannot open \"{path}\""));
                sh.error_line(&format!("Error: cannot write to \"{path}\""));
                return Ok(false);
            }
        },
    }
    Ok(true)
}

pub(super) fn open(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let mut file: Option<String> = None;
    let mut options = OpenOptions::default();
    for i in 1..args.len() {
        let z = args.text(i);
        let opt = z.strip_prefix("--").or_else(|| z.strip_prefix('-'));
        match opt {
            Some("new") => options.new = true,
            Some("readonly") => options.readonly = true,
            Some(_) => {
                sh.error_line(&format!("unknown option: {z}"));
                return Ok(false);
            }
            None if file.is_some() => {
                sh.error_line(&format!("extra argument: \"{z}\""));
                return Ok(false);
            }
            None => file = Some(z),
        }
    }
    let path = file.unwrap_or_default();
    sh.db = crate::shell::Database { path: path.clone(), options: options.clone(), open: false };
    if let Err(msg) = sh.engine.open(&path, &options) {
        // Like sqlite3: report, fall back to an in-memory database, and do
        // not count it as an error.
        sh.error_line(&format!("Error: unable to open database \"{path}\": {msg}"));
        if let Err(msg) = sh.engine.open(":memory:", &OpenOptions::default()) {
            sh.error_line(&format!("Error: {msg}"));
            return Ok(false);
        }
    }
    sh.db.open = true;
    Ok(true)
}
