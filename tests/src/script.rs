//! Scripts with expected output (tests/shell/README.md): what a script's
//! header and its `-- =>`, `-- ~>` and `-- !!` lines expect, and whether a
//! finished run gave exactly that. Used by `--test shell` for every runner
//! and by `--test composed` for the extensions baked into a shell of their
//! own; runs nothing itself.

use crate::{Outcome, Runner, diff, shell_words, text_lines};
use regex::Regex;

/// One expected line of standard output.
pub enum Expect {
    Exact(String),
    Pattern(Regex),
}

/// What a script expects.
pub struct Script {
    /// The runners it applies to (`-- runners:`; all by default).
    pub runners: Vec<Runner>,
    pub args: Vec<String>,
    pub exit: i32,
    pub stdout: Vec<Expect>,
    pub stderr: Vec<String>,
}

/// The text after a marker: one separating space is dropped, the rest kept exactly.
fn marker_text<'a>(line: &'a str, marker: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(marker)?;
    if rest.is_empty() {
        Some("")
    } else {
        rest.strip_prefix(' ')
    }
}

impl Script {
    /// Reads a script's expectations from its text.
    ///
    /// # Errors
    /// A header line that does not parse (an unknown runner, a runner list
    /// without its reason, a bad exit status) or a bad `-- ~>` pattern,
    /// naming the line.
    pub fn parse(text: &str) -> Result<Script, String> {
        let mut s = Script { runners: Runner::ALL.to_vec(), args: Vec::new(), exit: 0, stdout: Vec::new(), stderr: Vec::new() };
        let mut header = true;
        for (n, line) in text.lines().enumerate() {
            if header && line.starts_with("--") {
                if let Some(a) = marker_text(line, "-- args:") {
                    s.args.extend(shell_words(a));
                    continue;
                }
                if let Some(r) = marker_text(line, "-- runners:") {
                    // `-- runners: native wasm (why not the others)`
                    let (names, why) = r.split_once('(').ok_or_else(|| format!("line {}: say why in parentheses after the runners", n + 1))?;
                    if why.trim_end_matches(')').trim().is_empty() {
                        return Err(format!("line {}: the reason in parentheses is empty", n + 1));
                    }
                    s.runners = names
                        .split_whitespace()
                        .map(|name| Runner::ALL.into_iter().find(|r| r.name() == name).ok_or_else(|| format!("line {}: unknown runner {name}", n + 1)))
                        .collect::<Result<_, _>>()?;
                    continue;
                }
                if let Some(e) = marker_text(line, "-- exit:") {
                    s.exit = e.trim().parse().map_err(|_| format!("line {}: bad exit status {e:?}", n + 1))?;
                    continue;
                }
            } else {
                header = false;
            }
            if let Some(t) = marker_text(line, "-- =>") {
                s.stdout.push(Expect::Exact(t.to_string()));
            } else if let Some(t) = marker_text(line, "-- ~>") {
                let re = Regex::new(&format!("^(?:{t})$")).map_err(|e| format!("line {}: {e}", n + 1))?;
                s.stdout.push(Expect::Pattern(re));
            } else if let Some(t) = marker_text(line, "-- !!") {
                s.stderr.push(t.to_string());
            }
        }
        Ok(s)
    }

    /// Whether a run gave what the script expects: all of stdout, all of
    /// stderr, and an exit status `exit_ok` accepts for `-- exit:` (see
    /// [`Runner::exit_matches`]).
    ///
    /// # Errors
    /// Every difference found, as unified diffs of stdout and stderr and a
    /// line about the exit status.
    pub fn check(&self, out: &Outcome, exit_ok: impl Fn(i32, Option<i32>) -> bool) -> Result<(), String> {
        let mut problems = Vec::new();
        if let Err(d) = check_stdout(&self.stdout, &text_lines(&out.stdout)) {
            problems.push(d);
        }
        let stderr = text_lines(&out.stderr);
        if stderr != self.stderr {
            problems.push(diff("stderr", &join(&self.stderr), &join(&stderr)));
        }
        if !exit_ok(self.exit, out.code) {
            problems.push(format!("exit status: expected {}, got {:?}", self.exit, out.code));
        }
        if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
    }
}

/// Compares stdout lines; on mismatch returns a diff where pattern lines
/// that matched show the actual text.
fn check_stdout(expected: &[Expect], actual: &[String]) -> Result<(), String> {
    let ok = expected.len() == actual.len()
        && expected.iter().zip(actual).all(|(e, a)| match e {
            Expect::Exact(t) => t == a,
            Expect::Pattern(re) => re.is_match(a),
        });
    if ok {
        return Ok(());
    }
    let shown: Vec<String> = expected
        .iter()
        .enumerate()
        .map(|(i, e)| match e {
            Expect::Exact(t) => t.clone(),
            Expect::Pattern(re) => match actual.get(i) {
                Some(a) if re.is_match(a) => a.clone(),
                _ => format!("~> {}", re.as_str()),
            },
        })
        .collect();
    Err(diff("stdout", &join(&shown), &join(actual)))
}

fn join(lines: &[String]) -> String {
    lines.iter().map(|l| format!("{l}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectations_come_from_markers_and_the_header() {
        let s = Script::parse("-- runners: wasm (why)\n-- exit: 1\nselect 1;\n-- => 1\n-- =>\n-- ~> [0-9]+\n-- !! oops\n-- exit: 2\n").unwrap();
        assert_eq!(s.runners, [Runner::Wasm]);
        assert_eq!(s.exit, 1, "`-- exit:` counts in the header only");
        let out = Outcome { stdout: b"1\n\n42\n".to_vec(), stderr: b"oops\n".to_vec(), code: Some(1) };
        assert_eq!(s.check(&out, |e, c| c == Some(e)), Ok(()));
        let wrong = Outcome { stdout: b"1\n\nx\n".to_vec(), ..out };
        let shown = s.check(&wrong, |e, c| c == Some(e)).unwrap_err();
        assert!(shown.contains("-~> ^(?:[0-9]+)$") && shown.contains("+x"), "the unmatched pattern against the line: {shown}");
        assert!(Script::parse("-- runners: wasm\n").is_err(), "a runner list needs its reason");
    }
}
