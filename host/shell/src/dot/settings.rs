//! Dot commands that change or show settings: .bail .changes .echo
//! .headers .timer .nullvalue .separator .mode .width .eqp .explain .print
//! .prompt .show .help .quit .exit.

use super::{Args, DotResult, integer_value};
use crate::format;
use crate::settings::{ColumnOptions, Eqp, Mode};
use crate::shell::{Shell, Stop, Target};

/// sqlite3 keeps separators, the null text and prompts in 20-byte buffers.
const SETTING_MAX: usize = 19;

fn clip(word: &[u8]) -> Vec<u8> {
    word[..word.len().min(SETTING_MAX)].to_vec()
}

/// Handles `.NAME on|off` commands; `set` stores the value.
fn on_off(sh: &mut Shell<'_>, args: &Args, usage: &str, set: fn(&mut Shell<'_>, bool)) -> DotResult {
    if args.len() != 2 {
        sh.error_line(usage);
        return Ok(false);
    }
    let v = sh.boolean(&args.text(1));
    set(sh, v);
    Ok(true)
}

pub(super) fn bail(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    on_off(sh, args, "Usage: .bail on|off", |sh, v| sh.settings.bail = v)
}

pub(super) fn changes(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    on_off(sh, args, "Usage: .changes on|off", |sh, v| sh.settings.changes = v)
}

pub(super) fn echo(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    on_off(sh, args, "Usage: .echo on|off", |sh, v| sh.settings.echo = v)
}

pub(super) fn headers(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    on_off(sh, args, "Usage: .headers on|off", |sh, v| {
        sh.settings.headers = v;
        sh.settings.headers_set = true;
    })
}

pub(super) fn timer(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    on_off(sh, args, "Usage: .timer on|off", |sh, v| sh.settings.timer = v)
}

pub(super) fn nullvalue(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    if args.len() != 2 {
        sh.error_line("Usage: .nullvalue STRING");
        return Ok(false);
    }
    sh.settings.null_value = clip(&args.words[1]);
    Ok(true)
}

pub(super) fn separator(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let ok = (2..=3).contains(&args.len());
    if !ok {
        sh.error_line("Usage: .separator COL ?ROW?");
    }
    if args.len() >= 2 {
        sh.settings.col_sep = clip(&args.words[1]);
    }
    if args.len() >= 3 {
        sh.settings.row_sep = clip(&args.words[2]);
    }
    Ok(ok)
}

pub(super) fn print(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let mut line = Vec::new();
    for (i, w) in args.words.iter().enumerate().skip(1) {
        if i > 1 {
            line.push(b' ');
        }
        line.extend_from_slice(w);
    }
    line.push(b'\n');
    sh.print(&line);
    Ok(true)
}

pub(super) fn prompt(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let clip_text = |s: String| s.chars().scan(0, |n, c| { *n += c.len_utf8(); (*n <= SETTING_MAX).then_some(c) }).collect::<String>();
    if args.len() >= 2 {
        sh.settings.main_prompt = clip_text(args.text(1));
    }
    if args.len() >= 3 {
        sh.settings.continue_prompt = clip_text(args.text(2));
    }
    Ok(true)
}

pub(super) fn quit(_sh: &mut Shell<'_>, _args: &Args) -> DotResult {
    Err(Stop::Quit)
}

pub(super) fn exit(_sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let code = if args.len() > 1 { integer_value(&args.text(1)) as i32 } else { 0 };
    Err(if code != 0 { Stop::Exit(code) } else { Stop::Quit })
}

pub(super) fn help(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let extra: Vec<(String, String)> = sh
        .engine
        .dot_commands()
        .into_iter()
        .map(|d| (format!(".{} {}", d.name, d.usage).trim_end().to_string(), format!("{} (from extension {})", d.help, d.extension)))
        .collect();
    let pattern = (args.len() >= 2).then(|| args.text(1));
    let text = crate::help::render(pattern.as_deref(), &extra);
    sh.print(text.as_bytes());
    Ok(true)
}

/// `.mode` names in the order a prefix is resolved.
const MODE_NAMES: &[&str] =
    &["lines", "columns", "list", "html", "tcl", "csv", "tabs", "insert", "quote", "ascii", "markdown", "table", "box", "count", "off", "json"];

fn option_is(word: &str, name: &str) -> bool {
    word.strip_prefix('-').map(|w| w.strip_prefix('-').unwrap_or(w)) == Some(name)
}

pub(super) fn mode(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    let mut name: Option<String> = None;
    let mut table: Option<String> = None;
    // `.mode` starts from sqlite3's defaults (wrap at 60); the command-line
    // flags leave the options alone (no wrapping).
    let mut opts = ColumnOptions { wrap: 60, ..ColumnOptions::default() };
    let mut i = 1;
    while i < args.len() {
        let z = args.text(i);
        if option_is(&z, "wrap") && i + 1 < args.len() {
            i += 1;
            opts.wrap = integer_value(&args.text(i)).max(0) as usize;
        } else if option_is(&z, "ww") {
            opts.word_wrap = true;
        } else if option_is(&z, "wordwrap") && i + 1 < args.len() {
            i += 1;
            let w = args.text(i);
            opts.word_wrap = sh.boolean(&w);
        } else if option_is(&z, "quote") {
            opts.quote = true;
        } else if option_is(&z, "noquote") {
            opts.quote = false;
        } else if name.is_none() {
            if z == "qbox" {
                opts = ColumnOptions { wrap: 60, word_wrap: false, quote: true };
                name = Some("box".into());
            } else {
                name = Some(z);
            }
        } else if table.is_none() {
            table = Some(z);
        } else if z.starts_with('-') {
            sh.error_line(&format!("unknown option: {z}"));
            sh.error_line("options:\n  --noquote\n  --quote\n  --wordwrap on/off\n  --wrap N\n  --ww");
            return Ok(false);
        } else {
            sh.error_line(&format!("extra argument: \"{z}\""));
            return Ok(false);
        }
        i += 1;
    }
    let s = &mut sh.settings;
    let name = match name {
        Some(n) => n,
        None => {
            let line = if s.mode.is_columnar() {
                let c = s.column;
                format!(
                    "current output mode: {} --wrap {} --wordwrap {} --{}quote\n",
                    s.mode.name(),
                    c.wrap,
                    if c.word_wrap { "on" } else { "off" },
                    if c.quote { "" } else { "no" }
                )
            } else {
                format!("current output mode: {}\n", s.mode.name())
            };
            let current = s.mode.name().to_string();
            sh.print(line.as_bytes());
            current
        }
    };
    let s = &mut sh.settings;
    let Some(&full) = MODE_NAMES.iter().find(|m| !name.is_empty() && m.starts_with(name.as_str())) else {
        sh.error_line("Error: mode should be one of: ascii box column csv html insert json line list markdown qbox quote table tabs tcl");
        return Ok(false);
    };
    match full {
        "lines" => {
            s.mode = Mode::Line;
            s.row_sep = b"\n".to_vec();
        }
        "columns" => {
            s.mode = Mode::Column;
            if !s.headers_set {
                s.headers = true;
            }
            s.row_sep = b"\n".to_vec();
            s.column = opts;
        }
        "list" => {
            s.mode = Mode::List;
            s.col_sep = b"|".to_vec();
            s.row_sep = b"\n".to_vec();
        }
        "html" => s.mode = Mode::Html,
        "tcl" => {
            s.mode = Mode::Tcl;
            s.col_sep = b" ".to_vec();
            s.row_sep = b"\n".to_vec();
        }
        "csv" => {
            s.mode = Mode::Csv;
            s.col_sep = b",".to_vec();
            s.row_sep = b"\r\n".to_vec();
        }
        "tabs" => {
            s.mode = Mode::List;
            s.col_sep = b"\t".to_vec();
        }
        "insert" => {
            s.mode = Mode::Insert;
            let t = table.unwrap_or_else(|| "table".into());
            s.insert_table = if format::needs_quoting(&t) { format!("\"{}\"", t.replace('"', "\"\"")) } else { t };
        }
        "quote" => {
            s.mode = Mode::Quote;
            s.col_sep = b",".to_vec();
            s.row_sep = b"\n".to_vec();
        }
        "ascii" => {
            s.mode = Mode::Ascii;
            s.col_sep = vec![0x1f];
            s.row_sep = vec![0x1e];
        }
        "markdown" => {
            s.mode = Mode::Markdown;
            s.column = opts;
        }
        "table" => {
            s.mode = Mode::Table;
            s.column = opts;
        }
        "box" => {
            s.mode = Mode::Box;
            s.column = opts;
        }
        "count" => s.mode = Mode::Count,
        "off" => s.mode = Mode::Off,
        _ => s.mode = Mode::Json,
    }
    Ok(true)
}

pub(super) fn width(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    sh.settings.widths = (1..args.len()).map(|i| integer_value(&args.text(i)) as i32).collect();
    Ok(true)
}

pub(super) fn eqp(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    if args.len() != 2 {
        sh.error_line("Usage: .eqp off|on|trace|trigger|full");
        return Ok(false);
    }
    let word = args.text(1);
    sh.settings.eqp = match word.as_str() {
        "full" => Eqp::Full,
        "trigger" => Eqp::Trigger,
        _ if sh.boolean(&word) => Eqp::On,
        _ => Eqp::Off,
    };
    Ok(true)
}

pub(super) fn explain(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    // On (the default), off, or automatic for EXPLAIN statements only.
    let setting = match (args.len() >= 2).then(|| args.text(1)).as_deref() {
        Some("auto") => None,
        Some(w) => Some(sh.boolean(w)),
        None => Some(true),
    };
    let s = &mut sh.settings;
    match setting {
        Some(true) => {
            if s.mode != Mode::Explain {
                s.normal_mode = s.mode;
                s.mode = Mode::Explain;
                s.auto_explain = false;
            }
        }
        off_or_auto => {
            if s.mode == Mode::Explain {
                s.mode = s.normal_mode;
            }
            s.auto_explain = off_or_auto.is_none();
        }
    }
    Ok(true)
}

pub(super) fn show(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    if args.len() != 1 {
        sh.error_line("Usage: .show");
        return Ok(false);
    }
    let s = &sh.settings;
    let on = |b: bool| if b { "on" } else { "off" };
    let mut out = Vec::new();
    let mut field = |name: &str, value: &[u8]| {
        out.extend_from_slice(format!("{name:>12}: ").as_bytes());
        out.extend_from_slice(value);
        out.push(b'\n');
    };
    field("echo", on(s.echo).as_bytes());
    field("eqp", s.eqp.name().as_bytes());
    let explain = if s.mode == Mode::Explain { "on" } else if s.auto_explain { "auto" } else { "off" };
    field("explain", explain.as_bytes());
    field("headers", on(s.headers).as_bytes());
    let mode = if s.mode.is_columnar() {
        let c = s.column;
        format!("{} --wrap {} --wordwrap {} --{}quote", s.mode.name(), c.wrap, on(c.word_wrap), if c.quote { "" } else { "no" })
    } else {
        s.mode.name().to_string()
    };
    field("mode", mode.as_bytes());
    let mut quoted = Vec::new();
    format::c_string(&mut quoted, &s.null_value);
    field("nullvalue", &quoted);
    let output = match (&sh.target, sh.target_name.as_str()) {
        (Target::Stdout, "") => "stdout".to_string(),
        (_, name) => name.to_string(),
    };
    field("output", output.as_bytes());
    quoted.clear();
    format::c_string(&mut quoted, &s.col_sep);
    field("colseparator", &quoted);
    quoted.clear();
    format::c_string(&mut quoted, &s.row_sep);
    field("rowseparator", &quoted);
    let widths: String = s.widths.iter().map(|w| format!("{w} ")).collect();
    field("width", widths.as_bytes());
    field("filename", sh.db.path.as_bytes());
    sh.print(&out);
    Ok(true)
}
