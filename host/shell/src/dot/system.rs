//! The system around the shell: `.shell` / `.system` run a command, `.cd`
//! changes the working directory.

use super::{Args, DotResult};
use crate::shell::Shell;
use std::process::{Command, ExitStatus};

/// The command line sqlite3 hands to the system shell: the words joined by
/// spaces, a word with a space in it in double quotes.
fn command_line(words: &[String]) -> String {
    let quoted: Vec<String> = words.iter().map(|w| if w.contains(' ') { format!("\"{w}\"") } else { w.clone() }).collect();
    quoted.join(" ")
}

/// What C's `system()` returns for a finished command: its wait status.
fn wait_status(status: ExitStatus) -> i32 {
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        status.into_raw()
    }
    #[cfg(not(unix))]
    {
        status.code().map_or(1, |c| c << 8)
    }
}

/// `/bin/sh -c LINE` as C's `system()` runs it (named `sh`).
pub(crate) fn shell_command(line: &str) -> Command {
    let mut command = Command::new("/bin/sh");
    #[cfg(unix)]
    std::os::unix::process::CommandExt::arg0(&mut command, "sh");
    command.arg("-c").arg(line);
    command
}

/// `.shell CMD ARGS...` and `.system CMD ARGS...`.
pub(super) fn system(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    if args.len() < 2 {
        sh.error_line("Usage: .system COMMAND");
        return Ok(false);
    }
    let words: Vec<String> = (1..args.len()).map(|i| args.text(i)).collect();
    let line = command_line(&words);
    // What the shell printed so far comes before what the command prints.
    sh.flush();
    match shell_command(&line).status() {
        Ok(status) => {
            // A Ctrl-C meant for the command does not stop the shell.
            sh.interrupt.clear();
            let x = wait_status(status);
            if x != 0 {
                sh.error_line(&format!("System command returns {x}"));
            }
            Ok(true)
        }
        Err(e) => {
            sh.error_line(&format!("Error: cannot run \"{line}\": {e}"));
            Ok(false)
        }
    }
}

/// `.cd DIRECTORY`.
pub(super) fn cd(sh: &mut Shell<'_>, args: &Args) -> DotResult {
    if args.len() != 2 {
        sh.error_line("Usage: .cd DIRECTORY");
        return Ok(false);
    }
    let dir = args.text(1);
    if sh.engine.change_directory(&dir).is_err() {
        sh.error_line(&format!("Cannot change to directory \"{dir}\""));
        return Ok(false);
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::command_line;

    #[test]
    fn quotes_words_with_spaces() {
        let words: Vec<String> = ["echo", "a b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(command_line(&words), "echo \"a b\" c");
    }
}
