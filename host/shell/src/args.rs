//! Command-line arguments: `sqlink [OPTIONS] [FILE] [SQL...]`.
//!
//! Like sqlite3, options take one dash or two and may come anywhere, even
//! after the file; the first other argument is the database, the rest are
//! SQL statements or dot commands to run instead of reading standard input.
//! A normalisation step rewrites `-opt` to `--opt` (leaving option values
//! alone) and clap does the parsing; options are then replayed in order, so
//! `-cmd` runs with the settings given before it.

use clap::parser::ValueSource;
use clap::{Arg, ArgAction, ArgMatches, Command};

/// Options that take a value.
const VALUE_OPTIONS: &[&str] = &["cmd", "init", "separator", "newline", "nullvalue"];

/// Options that are plain switches.
const FLAGS: &[&str] = &[
    "ascii", "bail", "batch", "box", "column", "csv", "echo", "header", "help", "html", "interactive", "json", "line", "list",
    "markdown", "noheader", "quote", "readonly", "table", "tabs", "version",
];

/// One option, in command-line order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// A switch such as `-csv` or `-header`, by name.
    Flag(String),
    /// `-cmd COMMAND`.
    Cmd(String),
    /// `-separator SEP`.
    Separator(String),
    /// `-newline SEP`.
    Newline(String),
    /// `-nullvalue TEXT`.
    NullValue(String),
}

/// A parsed command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Invocation {
    /// The database file, if one was named.
    pub file: Option<String>,
    /// SQL statements and dot commands given after the file.
    pub commands: Vec<String>,
    /// `-init FILE`.
    pub init: Option<String>,
    /// Options in the order given (except `-init`).
    pub actions: Vec<Action>,
}

impl Invocation {
    /// Whether switch `name` was given.
    pub fn has(&self, name: &str) -> bool {
        self.actions.iter().any(|a| matches!(a, Action::Flag(f) if f == name))
    }
}

/// The help text for `-help`.
pub const USAGE: &str = "\
Usage: sqlink [OPTIONS] [FILENAME [SQL...]]
FILENAME is the name of an SQLite database. A new database is created
if the file does not previously exist. Without one, sqlink uses a
transient in-memory database.
OPTIONS include:
   -ascii               set output mode to 'ascii'
   -bail                stop after hitting an error
   -batch               force batch I/O
   -box                 set output mode to 'box'
   -column              set output mode to 'column'
   -cmd COMMAND         run \"COMMAND\" before reading stdin
   -csv                 set output mode to 'csv'
   -echo                print inputs before execution
   -init FILENAME       read/process named file
   -[no]header          turn headers on or off
   -help                show this message
   -html                set output mode to HTML
   -interactive         force interactive I/O
   -json                set output mode to 'json'
   -line                set output mode to 'line'
   -list                set output mode to 'list'
   -markdown            set output mode to 'markdown'
   -newline SEP         set output row separator. Default: '\\n'
   -nullvalue TEXT      set text string for NULL values. Default ''
   -quote               set output mode to 'quote'
   -readonly            open the database read-only
   -separator SEP       set output column separator. Default: '|'
   -table               set output mode to 'table'
   -tabs                set output mode to 'tabs'
   -version             show the sqlink and SQLite versions
Options may start with one dash or two.
";

/// Rewrites sqlite3-style options to clap's `--name` form. Errors are the
/// messages sqlite3 prints (without the program name).
pub fn normalise(argv: &[String]) -> Result<Vec<String>, String> {
    let mut out = vec![argv.first().cloned().unwrap_or_else(|| "sqlink".into())];
    let mut i = 1;
    while i < argv.len() {
        let arg = &argv[i];
        if !arg.starts_with('-') {
            out.push(arg.clone());
            i += 1;
            continue;
        }
        let name = arg.strip_prefix("--").unwrap_or(&arg[1..]);
        if VALUE_OPTIONS.contains(&name) {
            let Some(value) = argv.get(i + 1) else {
                return Err(format!("Error: missing argument to {arg}"));
            };
            out.push(format!("--{name}"));
            out.push(value.clone());
            i += 2;
        } else if FLAGS.contains(&name) {
            out.push(format!("--{name}"));
            i += 1;
        } else {
            return Err(format!("Error: unknown option: -{name}\nUse -help for a list of options."));
        }
    }
    Ok(out)
}

fn command() -> Command {
    let mut cmd = Command::new("sqlink")
        .disable_help_flag(true)
        .disable_version_flag(true)
        .arg(Arg::new("args").action(ArgAction::Append).num_args(0..));
    for &name in VALUE_OPTIONS {
        cmd = cmd.arg(Arg::new(name).long(name).action(ArgAction::Append).num_args(1).allow_hyphen_values(true));
    }
    for &name in FLAGS {
        cmd = cmd.arg(Arg::new(name).long(name).action(ArgAction::Count));
    }
    cmd
}

fn indexed_values(m: &ArgMatches, id: &str) -> Vec<(usize, String)> {
    match (m.indices_of(id), m.get_many::<String>(id)) {
        (Some(idx), Some(vals)) => idx.zip(vals.cloned()).collect(),
        _ => Vec::new(),
    }
}

/// Parses `argv` (program name first).
pub fn parse(argv: &[String]) -> Result<Invocation, String> {
    let normal = normalise(argv)?;
    let m = command().try_get_matches_from(&normal).map_err(|e| format!("Error: {}", e.kind()))?;
    let mut inv = Invocation::default();
    let mut positional = indexed_values(&m, "args").into_iter().map(|(_, v)| v);
    inv.file = positional.next();
    inv.commands = positional.collect();
    inv.init = indexed_values(&m, "init").pop().map(|(_, v)| v);
    let mut ordered: Vec<(usize, Action)> = Vec::new();
    for (id, make) in [
        ("cmd", Action::Cmd as fn(String) -> Action),
        ("separator", Action::Separator),
        ("newline", Action::Newline),
        ("nullvalue", Action::NullValue),
    ] {
        ordered.extend(indexed_values(&m, id).into_iter().map(|(i, v)| (i, make(v))));
    }
    for &name in FLAGS {
        if m.value_source(name) != Some(ValueSource::CommandLine) {
            continue;
        }
        if let Some(idx) = m.indices_of(name) {
            ordered.extend(idx.map(|i| (i, Action::Flag(name.to_string()))));
        }
    }
    ordered.sort_by_key(|(i, _)| *i);
    inv.actions = ordered.into_iter().map(|(_, a)| a).collect();
    Ok(inv)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(args: &[&str]) -> Vec<String> {
        std::iter::once("sqlink").chain(args.iter().copied()).map(String::from).collect()
    }

    #[test]
    fn options_in_order_with_one_or_two_dashes() {
        let inv = parse(&argv(&["-csv", "db.sqlite", "--header", "-cmd", "-- x", "select 1", "-separator", "-", ".tables"])).unwrap();
        assert_eq!(inv.file.as_deref(), Some("db.sqlite"));
        assert_eq!(inv.commands, ["select 1", ".tables"]);
        assert_eq!(
            inv.actions,
            [
                Action::Flag("csv".into()),
                Action::Flag("header".into()),
                Action::Cmd("-- x".into()),
                Action::Separator("-".into())
            ]
        );
        assert!(inv.has("csv") && !inv.has("json"));
    }

    #[test]
    fn errors_like_sqlite3() {
        assert_eq!(parse(&argv(&["-foo"])).unwrap_err(), "Error: unknown option: -foo\nUse -help for a list of options.");
        assert_eq!(parse(&argv(&["--foo"])).unwrap_err(), "Error: unknown option: -foo\nUse -help for a list of options.");
        assert_eq!(parse(&argv(&["-cmd"])).unwrap_err(), "Error: missing argument to -cmd");
    }
}
