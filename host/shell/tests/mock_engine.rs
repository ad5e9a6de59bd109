//! The shell over a scripted engine: no SQLite involved, which is how the
//! crate is used when compiled to a wasm component.

use sqlink_shell::engine::{Engine, ExtensionInfo, LoadOptions, LoadReport, OpenOptions, Phase, RowSink, SqlError, ValueRef};
use sqlink_shell::{BufLineReader, Console, Interrupt};
use std::io::{self, Write};
use std::sync::{Arc, Mutex};

/// Answers `select N` with one row, fails on anything else.
#[derive(Default)]
struct Mock {
    opened: Vec<String>,
}

impl Engine for Mock {
    fn version(&self) -> String {
        "Mock 1.0".into()
    }
    fn is_complete(&self, sql: &str) -> bool {
        sql.trim_end().ends_with(';')
    }
    fn run(&mut self, sql: &str, sink: &mut dyn RowSink) -> Result<usize, SqlError> {
        let end = sql.find(';').map_or(sql.len(), |i| i + 1);
        let stmt = sql[..end].trim_end_matches(';').trim();
        match stmt.strip_prefix("select ").and_then(|n| n.parse::<i64>().ok()) {
            Some(n) => {
                sink.columns(&[stmt.to_string()]).unwrap();
                sink.row(&[ValueRef::Integer(n)]).unwrap();
                sink.finish().unwrap();
                Ok(end)
            }
            None => Err(SqlError { phase: Phase::Prepare, code: 1, message: format!("cannot run {stmt:?}"), offset: Some(0) }),
        }
    }
    fn changes(&self) -> i64 {
        0
    }
    fn open(&mut self, path: &str, _options: &OpenOptions) -> Result<(), String> {
        self.opened.push(path.to_string());
        Ok(())
    }
    fn load(&mut self, _path: &str, _options: &LoadOptions) -> Result<LoadReport, String> {
        Err("no loading here".into())
    }
    fn unload(&mut self, _name: &str) -> Result<Vec<String>, String> {
        Ok(Vec::new())
    }
    fn extensions(&self) -> Vec<ExtensionInfo> {
        Vec::new()
    }
    fn interrupter(&self) -> Box<dyn Fn() + Send + Sync> {
        Box::new(|| {})
    }
}

#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn run(args: &[&str], input: &str) -> (i32, String, String, Vec<String>) {
    let (out, err) = (Shared::default(), Shared::default());
    let console = Console {
        stdin: Box::new(BufLineReader::new(io::Cursor::new(input.as_bytes().to_vec()), io::sink())),
        stdin_is_terminal: false,
        stdout: Box::new(out.clone()),
        stderr: Box::new(err.clone()),
        interrupt: Interrupt::default(),
    };
    let mut engine = Mock::default();
    let argv: Vec<String> = std::iter::once("sqlink").chain(args.iter().copied()).map(String::from).collect();
    let code = sqlink_shell::run(&argv, &mut engine, console);
    let text = |s: &Shared| String::from_utf8(s.0.lock().unwrap().clone()).unwrap();
    (code, text(&out), text(&err), engine.opened)
}

#[test]
fn runs_statements_and_reports_errors() {
    let (code, out, err, opened) = run(&["-header", "db.x"], "select 1;\n.mode json\nselect 2;\nnope;\n");
    assert_eq!(out, "select 1\n1\n[{\"select 2\":2}]\n");
    assert_eq!(err, "Parse error near line 4: cannot run \"nope\"\n  nope;\n  ^--- error here\n");
    assert_eq!(code, 1);
    assert_eq!(opened, ["db.x"]);
}

#[test]
fn does_not_open_the_database_when_nothing_needs_it() {
    let (code, out, _, opened) = run(&["never.db"], ".print hi\n");
    assert_eq!((code, out.as_str()), (0, "hi\n"));
    assert!(opened.is_empty());
}
