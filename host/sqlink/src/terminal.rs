//! Line editing on a terminal (rustyline), with history kept in
//! `$SQLINK_HISTORY` or `~/.sqlink_history`.

use rustyline::error::ReadlineError;
use rustyline::history::DefaultHistory;
use rustyline::{Config, Editor as Rl};
use sqlink_shell::{LineReader, ReadLine};
use std::io;
use std::path::PathBuf;

/// The interactive line reader.
pub struct Editor {
    editor: Option<Rl<(), DefaultHistory>>,
    history: Option<PathBuf>,
    dirty: bool,
}

fn history_path() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("SQLINK_HISTORY") {
        return Some(PathBuf::from(p));
    }
    std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".sqlink_history"))
}

impl Editor {
    /// An editor with the saved history loaded.
    pub fn new() -> Self {
        let config = Config::builder().max_history_size(2000).map(|b| b.auto_add_history(false).build()).ok();
        let mut editor = config.and_then(|c| Rl::with_config(c).ok());
        let history = history_path();
        if let (Some(ed), Some(path)) = (editor.as_mut(), history.as_ref()) {
            let _ = ed.load_history(path);
        }
        Editor { editor, history, dirty: false }
    }
}

impl LineReader for Editor {
    fn read_line(&mut self, prompt: Option<&str>) -> io::Result<ReadLine> {
        let Some(ed) = self.editor.as_mut() else {
            let mut line = String::new();
            return Ok(match io::stdin().read_line(&mut line)? {
                0 => ReadLine::Eof,
                _ => ReadLine::Line(line.trim_end_matches(['\n', '\r']).to_string()),
            });
        };
        match ed.readline(prompt.unwrap_or("")) {
            Ok(line) => {
                if prompt.is_some() && !line.trim().is_empty() {
                    let _ = ed.add_history_entry(line.as_str());
                    self.dirty = true;
                }
                Ok(ReadLine::Line(line))
            }
            Err(ReadlineError::Interrupted) => Ok(ReadLine::Interrupted),
            Err(ReadlineError::Eof) => Ok(ReadLine::Eof),
            Err(e) => Err(io::Error::other(e)),
        }
    }
}

impl Drop for Editor {
    fn drop(&mut self) {
        if let (true, Some(ed), Some(path)) = (self.dirty, self.editor.as_mut(), self.history.as_ref()) {
            let _ = ed.save_history(path);
        }
    }
}
