//! `sqlink`: the sqlink shell over SQLite — the bundled native library, or
//! SQLite compiled to wasm (`--engine wasm`) — and `sqlink bundle`, which
//! saves a set of extensions as one bundle, `sqlink compose`, which wires
//! components into one `.wasm`, `sqlink hash`, and `sqlink new`, which
//! starts an extension project.

mod bundle;
mod catalog;
mod compose;
mod extensions;
mod hash;
mod native;
mod new;
mod signals;
mod terminal;
mod wasm;

use sqlink_shell::engine::Engine;
use sqlink_shell::{BufLineReader, Console, Interrupt, LineReader};
use std::io::{self, BufWriter, IsTerminal, Write};

/// What `-help` adds to the shell's options: what only this binary has.
const USAGE_MORE: &str = "\
sqlink also has:
   -engine native|wasm  run SQL on the bundled native SQLite (default) or on
                        SQLite compiled to wasm, in wasmtime
                        (sqlite-core.wasm; $SQLINK_SQLITE_CORE names it)
   sqlink bundle ...    save a set of extensions as one named bundle, the same
                        hash everywhere; `sqlink bundle --help`
   sqlink compose ...   build one .wasm from components; `sqlink compose --help`
   sqlink hash FILE...  print the blake3 of files (how sqlink names content)
   sqlink new NAME --lang rust|c|js|python
                        write an extension project that `make` builds into
                        NAME.wasm; `sqlink new --help`
";

/// Which SQLite runs the shell's SQL.
#[derive(Clone, Copy, PartialEq, Eq)]
enum EngineKind {
    Native,
    Wasm,
}

/// Takes `-engine VALUE` (or `--engine=VALUE`) out of `argv`.
fn take_engine(argv: &mut Vec<String>) -> Result<EngineKind, String> {
    let mut kind = EngineKind::Native;
    let mut i = 1;
    while i < argv.len() {
        let arg = argv[i].trim_start_matches('-');
        let value = if arg == "engine" && argv[i].starts_with('-') {
            let Some(value) = argv.get(i + 1).cloned() else { return Err("missing argument to -engine (native or wasm)".into()) };
            argv.drain(i..i + 2);
            value
        } else if let Some(value) = arg.strip_prefix("engine=").filter(|_| argv[i].starts_with('-')) {
            let value = value.to_string();
            argv.remove(i);
            value
        } else {
            i += 1;
            continue;
        };
        kind = match value.as_str() {
            "native" => EngineKind::Native,
            "wasm" => EngineKind::Wasm,
            other => return Err(format!("unknown engine '{other}': use native or wasm")),
        };
    }
    Ok(kind)
}

fn main() {
    signals::restore_sigpipe();
    let mut argv: Vec<String> = std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect();
    match argv.get(1).map(String::as_str) {
        Some("bundle") => std::process::exit(bundle::main(&argv[2..])),
        Some("compose") => std::process::exit(compose::main(&argv[2..])),
        Some("hash") => std::process::exit(hash::main(&argv[2..])),
        Some("new") => std::process::exit(new::main(&argv[2..])),
        _ => {}
    }
    let kind = match take_engine(&mut argv) {
        Ok(kind) => kind,
        Err(e) => {
            eprintln!("sqlink: Error: {e}");
            std::process::exit(1);
        }
    };
    let code = match kind {
        EngineKind::Native => shell(&argv, native::NativeEngine::new()),
        EngineKind::Wasm => match wasm::WasmEngine::start() {
            Ok(engine) => shell(&argv, engine),
            Err(e) => {
                eprintln!("sqlink: Error: {e}");
                1
            }
        },
    };
    if argv.iter().skip(1).any(|a| a == "-help" || a == "--help") {
        let _ = io::stderr().write_all(USAGE_MORE.as_bytes());
    }
    std::process::exit(code);
}

/// Runs the shell on `engine` with the process's terminal or pipes.
fn shell(argv: &[String], mut engine: impl Engine) -> i32 {
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
    let code = sqlink_shell::run(argv, &mut engine, console);
    drop(engine);
    code
}
