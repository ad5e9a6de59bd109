//! Dot commands: tokenizing a `.command args` line and dispatching it.
//! Command names may be abbreviated to any prefix, resolved in sqlite3's
//! order (`.h` is `.headers`, `.e` is `.echo`), some with a minimum length.

mod backup;
mod dump;
mod extensions;
mod files;
mod import;
mod params;
mod schema;
mod settings;
mod system;

use crate::shell::{Shell, Stop, is_space};

/// What a dot command did: `Ok(true)` success, `Ok(false)` an error was
/// reported, `Err(stop)` the shell must stop.
pub(crate) type DotResult = Result<bool, Stop>;

type Handler = fn(&mut Shell<'_>, &Args) -> DotResult;

/// A command line split into words; `args[0]` is the command name.
pub(crate) struct Args {
    pub words: Vec<Vec<u8>>,
}

impl Args {
    /// Word `i` as text (lossy for invalid UTF-8).
    pub fn text(&self, i: usize) -> String {
        self.words.get(i).map(|w| String::from_utf8_lossy(w).into_owned()).unwrap_or_default()
    }

    /// Number of words including the command name.
    pub fn len(&self) -> usize {
        self.words.len()
    }
}

/// Built-in commands in resolution order: name, shortest accepted prefix, handler.
const COMMANDS: &[(&str, usize, Handler)] = &[
    ("backup", 3, backup::backup),
    ("save", 3, backup::backup),
    ("bail", 3, settings::bail),
    ("cd", 2, system::cd),
    ("changes", 3, settings::changes),
    ("databases", 2, schema::databases),
    ("dump", 1, dump::dump),
    ("echo", 1, settings::echo),
    ("eqp", 1, settings::eqp),
    ("exit", 1, settings::exit),
    ("explain", 1, settings::explain),
    ("extensions", 3, extensions::list),
    ("headers", 1, settings::headers),
    ("help", 1, settings::help),
    ("import", 1, import::import),
    ("indexes", 1, schema::indexes),
    ("indices", 1, schema::indexes),
    ("load", 1, extensions::load),
    ("mode", 1, settings::mode),
    ("nullvalue", 1, settings::nullvalue),
    ("open", 2, files::open),
    ("output", 1, files::output),
    ("once", 1, files::output),
    ("parameter", 3, params::parameter),
    ("print", 3, settings::print),
    ("prompt", 1, settings::prompt),
    ("quit", 1, settings::quit),
    ("read", 3, files::read),
    ("restore", 3, backup::restore),
    ("schema", 1, schema::schema),
    ("separator", 1, settings::separator),
    ("shell", 1, system::system),
    ("system", 1, system::system),
    ("show", 1, settings::show),
    ("tables", 2, schema::tables),
    ("timer", 5, settings::timer),
    ("unload", 1, extensions::unload),
    ("width", 2, settings::width),
];

/// Expands sqlite3's backslash escapes: `\n \t \r \a \b \v \f \\ \" \'` and
/// up to three octal digits.
pub(crate) fn resolve_backslashes(word: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(word.len());
    let mut i = 0;
    while i < word.len() {
        let mut c = word[i];
        if c == b'\\' && i + 1 < word.len() {
            i += 1;
            c = word[i];
            c = match c {
                b'a' => 7,
                b'b' => 8,
                b't' => b'\t',
                b'n' => b'\n',
                b'v' => 11,
                b'f' => 12,
                b'r' => b'\r',
                b'0'..=b'7' => {
                    let mut v = c - b'0';
                    for _ in 0..2 {
                        match word.get(i + 1) {
                            Some(&d @ b'0'..=b'7') => {
                                i += 1;
                                v = (v << 3).wrapping_add(d - b'0');
                            }
                            _ => break,
                        }
                    }
                    v
                }
                other => other,
            };
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Splits a dot-command line into words: whitespace separates, `'...'`
/// quotes literally, `"..."` quotes with backslash escapes, and bare
/// words have their backslash escapes expanded too. At most 51 words.
pub(crate) fn tokenize(line: &str) -> Vec<Vec<u8>> {
    let z = line.as_bytes();
    let mut words = Vec::new();
    let mut h = 1;
    while h < z.len() && words.len() < 51 {
        while h < z.len() && is_space(z[h]) {
            h += 1;
        }
        if h >= z.len() {
            break;
        }
        if z[h] == b'\'' || z[h] == b'"' {
            let delim = z[h];
            h += 1;
            let start = h;
            while h < z.len() && z[h] != delim {
                if z[h] == b'\\' && delim == b'"' && h + 1 < z.len() {
                    h += 1;
                }
                h += 1;
            }
            let word = &z[start..h.min(z.len())];
            if h < z.len() {
                h += 1;
            }
            words.push(if delim == b'"' { resolve_backslashes(word) } else { word.to_vec() });
        } else {
            let start = h;
            while h < z.len() && !is_space(z[h]) {
                h += 1;
            }
            words.push(resolve_backslashes(&z[start..h]));
            if h < z.len() {
                h += 1;
            }
        }
    }
    words
}

/// Interprets a number the way sqlite3's `integerValue` does: optional
/// sign, decimal or `0x` hex digits, an optional KiB/MiB/GiB/KB/MB/GB/K/M/G
/// suffix; parsing stops at the first other character.
pub(crate) fn integer_value(s: &str) -> i64 {
    let (neg, mut z) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let mut v: i64 = 0;
    if let Some(hex) = z.strip_prefix("0x") {
        let n = hex.bytes().take_while(u8::is_ascii_hexdigit).count();
        for d in hex[..n].bytes() {
            v = v.wrapping_shl(4).wrapping_add((d as char).to_digit(16).unwrap_or(0) as i64);
        }
        z = &hex[n..];
    } else {
        let n = z.bytes().take_while(u8::is_ascii_digit).count();
        for d in z[..n].bytes() {
            v = v.wrapping_mul(10).wrapping_add((d - b'0') as i64);
        }
        z = &z[n..];
    }
    const MULT: &[(&str, i64)] = &[
        ("KiB", 1024),
        ("MiB", 1024 * 1024),
        ("GiB", 1024 * 1024 * 1024),
        ("KB", 1000),
        ("MB", 1_000_000),
        ("GB", 1_000_000_000),
        ("K", 1000),
        ("M", 1_000_000),
        ("G", 1_000_000_000),
    ];
    if let Some((_, m)) = MULT.iter().find(|(suffix, _)| suffix.eq_ignore_ascii_case(z)) {
        v = v.wrapping_mul(*m);
    }
    if neg { v.wrapping_neg() } else { v }
}

impl Shell<'_> {
    /// A boolean argument: a number (non-zero is true), on/yes, off/no;
    /// anything else is reported and taken as false.
    pub(crate) fn boolean(&mut self, word: &str) -> bool {
        let digits = if let Some(h) = word.strip_prefix("0x") {
            !h.is_empty() && h.bytes().all(|b| b.is_ascii_hexdigit())
        } else {
            !word.is_empty() && word.bytes().all(|b| b.is_ascii_digit())
        };
        if digits {
            return (integer_value(word) & 0xffff_ffff) != 0;
        }
        if word.eq_ignore_ascii_case("on") || word.eq_ignore_ascii_case("yes") {
            return true;
        }
        if !(word.eq_ignore_ascii_case("off") || word.eq_ignore_ascii_case("no")) {
            self.error_line(&format!("ERROR: Not a boolean value: \"{word}\". Assuming \"no\"."));
        }
        false
    }

    /// Runs one dot-command line (starting with `.`).
    pub(crate) fn dot_command(&mut self, line: &str) -> DotResult {
        let words = tokenize(line);
        let result = if words.is_empty() { Ok(true) } else { self.dispatch(Args { words }) };
        if self.once > 0 {
            self.once -= 1;
            if self.once == 0 {
                self.reset_output();
            }
        }
        result
    }

    /// The shell's own command that `.name` runs, if any (names may be
    /// shortened to a prefix, as in sqlite3).
    pub(crate) fn builtin_for(name: &str) -> Option<&'static str> {
        let n = name.len();
        COMMANDS.iter().find(|(cmd, min, _)| n > 0 && n >= *min && cmd.starts_with(name)).map(|(cmd, _, _)| *cmd)
    }

    fn dispatch(&mut self, args: Args) -> DotResult {
        let name = args.text(0);
        let n = name.len();
        if let Some((_, _, handler)) = COMMANDS.iter().find(|(cmd, min, _)| n > 0 && n >= *min && cmd.starts_with(&name)) {
            return handler(self, &args);
        }
        let rest: Vec<String> = (1..args.len()).map(|i| args.text(i)).collect();
        let listed = self.engine.dot_commands().iter().any(|d| d.name == name);
        if (!listed || self.ensure_open().is_ok())
            && let Some(result) = self.engine.run_dot_command(&name, &rest)
        {
            return match result {
                Ok(text) => {
                    let mut bytes = text.into_bytes();
                    if !bytes.is_empty() && !bytes.ends_with(b"\n") {
                        bytes.push(b'\n');
                    }
                    self.print(&bytes);
                    Ok(true)
                }
                Err(msg) => {
                    self.error_line(&format!("Error: {msg}"));
                    Ok(false)
                }
            };
        }
        self.error_line(&format!("Error: unknown command or invalid arguments:  \"{name}\". Enter \".help\" for help"));
        Ok(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_like_sqlite() {
        let w = tokenize(".print a \"b c\" d\\tx 'e\\tf' \"g\\\"h\"");
        let w: Vec<&[u8]> = w.iter().map(|v| v.as_slice()).collect();
        assert_eq!(w, [&b"print"[..], b"a", b"b c", b"d\tx", b"e\\tf", b"g\"h"]);
        assert_eq!(tokenize(".sep \\101\\0")[1], b"A\0");
        assert_eq!(integer_value("0x10"), 16);
        assert_eq!(integer_value("2KiB"), 2048);
        assert_eq!(integer_value("-3x"), -3);
    }
}
