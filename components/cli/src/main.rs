//! `sqlink-cli`: the sqlink shell as a WASI command component. It imports
//! the engine interface (`sqlink:engine/sql`) that `sqlite-core` exports,
//! and a `.wac` composition wires the two (plus the extensions) into one
//! `.wasm` that `wasmtime run` executes.

mod engine;
mod input;

/// Bindings for the `cli` world: the imported `sql` interface (and the
/// extension contract's `value` type it uses).
mod bindings {
    wit_bindgen::generate!({
        world: "sqlink:engine/cli",
        path: "../../wit/engine",
        generate_all,
    });
}

use sqlink_shell::{BufLineReader, Console, Interrupt, LineReader};
use std::io::{self, BufWriter, IsTerminal};

fn main() {
    let argv: Vec<String> = std::env::args_os()
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    let mut engine = engine::WasmEngine::new();
    // WASI has no signals: the flag exists for the shell but nothing raises
    // it; Ctrl-C ends the program in the runtime.
    let interrupt = Interrupt::default();
    // wasi:cli/terminal-stdin tells whether standard input is a terminal.
    let tty = io::stdin().is_terminal();
    let stdin: Box<dyn LineReader> = if tty {
        Box::new(input::Prompting::new(io::stdin().lock(), io::stdout()))
    } else {
        Box::new(BufLineReader::new(
            io::BufReader::with_capacity(1 << 16, io::stdin()),
            io::stdout(),
        ))
    };
    let console = Console {
        stdin,
        stdin_is_terminal: tty,
        stdout: Box::new(BufWriter::with_capacity(1 << 16, io::stdout())),
        stderr: Box::new(io::stderr()),
        interrupt,
    };
    let code = sqlink_shell::run(&argv, &mut engine, console);
    // Statements and the connection go before the program ends.
    drop(engine);
    std::process::exit(code);
}
