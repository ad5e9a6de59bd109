//! `sqlink`: the sqlink shell over the bundled SQLite.

mod engine;
mod extensions;
mod signals;
mod terminal;

use sqlink_shell::engine::Engine;
use sqlink_shell::{BufLineReader, Console, Interrupt, LineReader};
use std::io::{self, BufWriter, IsTerminal};

fn main() {
    signals::restore_sigpipe();
    let argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    let mut engine = engine::NativeEngine::new();
    let interrupt = Interrupt::default();
    signals::on_ctrl_c(interrupt.clone(), engine.interrupter());
    let tty = io::stdin().is_terminal();
    let stdin: Box<dyn LineReader> = if tty {
        Box::new(terminal::Editor::new())
    } else {
        Box::new(BufLineReader::new(io::BufReader::with_capacity(1 << 16, io::stdin()), io::stdout()))
    };
    let console = Console {
        stdin,
        stdin_is_terminal: tty,
        stdout: Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
        stderr: Box::new(io::stderr()),
        interrupt,
    };
    let code = sqlink_shell::run(&argv, &mut engine, console);
    drop(engine);
    std::process::exit(code);
}
