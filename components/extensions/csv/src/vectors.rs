//! Replays reference vectors (`testdata/*.tsv`, made by `gen.py` through
//! the reference module; the format is in `testdata/vectors.py`) through
//! a module's generated exports, as a host drives them.
//!
//! The vsv crate compiles this very file (`#[path]`) for its own vectors,
//! so it names nothing of its crate: the caller passes the create
//! function.

use sqlink_sdk::__private::vtab::testing::{Exports, TestTable};
use sqlink_sdk::Value;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn text(field: &str) -> String {
    let payload = field
        .strip_prefix("t:")
        .or_else(|| field.strip_prefix("e:"))
        .expect("t: or e:");
    String::from_utf8(hex(payload)).expect("UTF-8")
}

/// One expected value, or the error that ended a scan.
fn expected(field: &str) -> Result<Value, String> {
    let (kind, payload) = field.split_once(':').expect("kind:payload");
    Ok(match kind {
        "n" => Value::Null,
        "i" => Value::Integer(payload.parse().expect("integer")),
        "r" => Value::Real(payload.parse().expect("real")),
        "t" => Value::Text(hex(payload)),
        "b" => Value::Blob(hex(payload)),
        "e" => return Err(String::from_utf8_lossy(&hex(payload)).into_owned()),
        other => panic!("unknown kind {other}"),
    })
}

/// A value as the vectors write it, for messages.
fn show(v: &Value) -> String {
    let h = |b: &[u8]| b.iter().map(|b| format!("{b:02x}")).collect::<String>();
    match v {
        Value::Null => "n:".into(),
        Value::Integer(i) => format!("i:{i}"),
        Value::Real(x) => format!("r:{x:?}"),
        Value::Text(t) => format!("t:{} ({:?})", h(t), String::from_utf8_lossy(t)),
        Value::Blob(b) => format!("b:{}", h(b)),
    }
}

/// Whether two values are the same SQL value (reals bit for bit).
fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Real(x), Value::Real(y)) => x.to_bits() == y.to_bits(),
        _ => a == b,
    }
}

/// Runs every case of `vectors` on `module`: `CREATE VIRTUAL TABLE t
/// USING module(arguments)` must fail with the expected message, or
/// declare the expected column names and give the expected rows of
/// `SELECT rowid, * FROM t` (or the expected scan error). Returns how many
/// cases ran.
///
/// # Panics
/// On the first case that differs, showing it.
pub fn replay<E: Exports>(module: &str, vectors: &str) -> usize {
    let dir = std::env::temp_dir().join(format!("sqlink-{module}-vectors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let mut count = 0;
    for (n, line) in vectors
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.starts_with('#'))
    {
        let fields: Vec<&str> = line.split('\t').collect();
        let [arguments, file, columns, rows] = fields[..] else {
            panic!("line {}: four fields expected", n + 1)
        };
        let path = dir.join(format!("case{n}.csv"));
        if file != "-" {
            std::fs::write(&path, hex(file.strip_prefix("t:").expect("t:"))).expect("fixture");
        }
        let arguments: Vec<String> = arguments
            .split_whitespace()
            .map(|a| text(a).replace("@FILE@", &path.to_string_lossy()))
            .collect();
        let argv: Vec<&str> = arguments.iter().map(String::as_str).collect();
        let case = format!("line {}: {module}({})", n + 1, argv.join(", "));
        let table = TestTable::<E>::create(module, "t", &argv);
        if let Some(message) = columns.strip_prefix("e:") {
            let got = table
                .err()
                .unwrap_or_else(|| panic!("{case}: should fail"))
                .message;
            assert_eq!(got, text(&format!("e:{message}")), "{case}");
            count += 1;
            continue;
        }
        let table = table.unwrap_or_else(|e| panic!("{case}: {}", e.message));
        let names: Vec<String> = columns.split_whitespace().map(text).collect();
        assert_eq!(table.column_names(), names, "{case}: columns");
        let mut select = vec!["rowid"];
        select.extend(names.iter().map(String::as_str));
        let want: Vec<Result<Vec<Value>, String>> = rows
            .split(';')
            .filter(|r| !r.is_empty())
            .map(|r| r.split(' ').map(expected).collect())
            .collect();
        match table.query().select(&select).rows() {
            Ok(got) => {
                let want: Vec<Vec<Value>> = want
                    .into_iter()
                    .map(|r| r.unwrap_or_else(|e| panic!("{case}: expected the error {e:?}")))
                    .collect();
                let same_rows = got.len() == want.len()
                    && got.iter().zip(&want).all(|(g, w)| {
                        g.len() == w.len() && g.iter().zip(w).all(|(a, b)| same(a, b))
                    });
                if !same_rows {
                    let render = |rows: &[Vec<Value>]| {
                        rows.iter()
                            .map(|r| r.iter().map(show).collect::<Vec<_>>().join(" "))
                            .collect::<Vec<_>>()
                            .join("\n")
                    };
                    panic!(
                        "{case}: rows differ\nexpected:\n{}\ngot:\n{}",
                        render(&want),
                        render(&got)
                    );
                }
            }
            Err(e) => {
                let last = want.last().cloned().and_then(Result::err);
                assert_eq!(Some(e.message), last, "{case}: scan error");
            }
        }
        count += 1;
    }
    let _ = std::fs::remove_dir_all(&dir);
    count
}
