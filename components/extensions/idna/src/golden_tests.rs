// Included into the extension module, so these tests call the SQL functions
// exactly as a host would.
//
// testdata/rfc3492.tsv: RFC 3492 section 7.1 samples (see testdata/gen.py).
// IdnaTestV2.txt (Unicode 16.0.0) is not committed: it ships in the `idna`
// crate 1.1.0's package, and the test reads it from cargo's registry
// (~/.cargo/registry/src/*/idna-1.1.0/tests/), skipping when it is absent.

use sqlink_test::call;

fn hex(s: &str) -> String {
    let bytes: Vec<u8> = (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect();
    String::from_utf8(bytes).unwrap()
}

fn text(r: Result<Value>) -> Option<String> {
    match r.expect("no error") {
        Value::Null => None,
        Value::Text(t) => Some(String::from_utf8(t).unwrap()),
        other => panic!("not text: {other:?}"),
    }
}

fn run(f: &str, args: &[&str]) -> Option<String> {
    text(call(f, &args.iter().map(|a| Value::text(*a)).collect::<Vec<_>>()))
}

#[test]
fn rfc3492_samples_round_trip() {
    let data = include_str!("../testdata/rfc3492.tsv");
    let mut n = 0;
    for line in data.lines().filter(|l| !l.starts_with('#')) {
        let mut cols = line.split('\t');
        let (encoded, decoded) = (cols.next().unwrap(), hex(cols.next().unwrap()));
        assert_eq!(run("punycode_decode", &[encoded]).as_deref(), Some(decoded.as_str()), "{line}");
        assert_eq!(run("punycode_encode", &[&decoded]).as_deref(), Some(encoded), "{line}");
        n += 1;
    }
    assert_eq!(n, 19);
}

#[test]
fn nulls_and_bad_input() {
    assert_eq!(text(call("idna_to_ascii", &[Value::Null])), None);
    assert_eq!(text(call("punycode_decode", &[Value::Null])), None);
    assert_eq!(run("punycode_decode", &["99999999999"]), None);
    assert_eq!(run("punycode_decode", &["a-é"]), None);
    assert_eq!(run("idna_to_ascii", &["xn--a.example"]), None);
    assert_eq!(run("idna_to_unicode", &["xn--a.example"]), None);
}

/// Reads `\uXXXX` and `\x{X...}` escapes of IdnaTestV2.txt; None for a
/// surrogate, which UTF-8 text cannot hold.
fn unescape(s: &str) -> Option<String> {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let hex: String = match chars.next() {
            Some('u') => (0..4).map(|_| chars.next().unwrap()).collect(),
            Some('x') => {
                assert_eq!(chars.next(), Some('{'));
                chars.by_ref().take_while(|&c| c != '}').collect()
            }
            other => panic!("escape {other:?}"),
        };
        out.push(char::from_u32(u32::from_str_radix(&hex, 16).unwrap())?);
    }
    Some(if out == "\"\"" { String::new() } else { out })
}

fn idna_test_v2() -> Option<String> {
    let home = std::env::var("CARGO_HOME").ok().or_else(|| std::env::var("HOME").ok().map(|h| format!("{h}/.cargo")))?;
    for entry in std::fs::read_dir(format!("{home}/registry/src")).ok()? {
        let path = entry.ok()?.path().join("idna-1.1.0/tests/IdnaTestV2.txt");
        if let Ok(s) = std::fs::read_to_string(&path) {
            return Some(s);
        }
    }
    None
}

#[test]
fn unicode_idna_test_v2() {
    let Some(data) = idna_test_v2() else {
        eprintln!("IdnaTestV2.txt not found in cargo's registry: skipped");
        return;
    };
    let (mut total, mut pass, mut skipped) = (0, 0, 0);
    let mut failures = Vec::new();
    for line in data.lines() {
        let line = line.split('#').next().unwrap();
        if line.trim().is_empty() {
            continue;
        }
        let cols: Vec<&str> = line.split(';').map(str::trim).collect();
        let Some(source) = unescape(cols[0]) else {
            skipped += 1;
            continue;
        };
        let Some(to_unicode) = (if cols[1].is_empty() { Some(source.clone()) } else { unescape(cols[1]) }) else {
            skipped += 1;
            continue;
        };
        let unicode_status = cols[2];
        let to_ascii = if cols[3].is_empty() { to_unicode.clone() } else { unescape(cols[3]).unwrap() };
        let ascii_status = if cols[4].is_empty() { unicode_status } else { cols[4] };
        let errs = |s: &str| !s.is_empty() && s != "[]";
        // toUnicode: X4_2 (an empty label) is not an error the idna crate reports.
        let want_u = (!errs(unicode_status) || unicode_status == "[X4_2]").then(|| to_unicode.clone());
        let want_a = (!errs(ascii_status)).then(|| to_ascii.clone());
        let strict = Value::Integer(1);
        let got_u = text(call("idna_to_unicode", &[Value::text(source.as_str()), strict.clone()]));
        let got_a = text(call("idna_to_ascii", &[Value::text(source.as_str()), strict]));
        for (what, got, want) in [("toUnicode", got_u, want_u), ("toAsciiN", got_a, want_a)] {
            total += 1;
            if got == want {
                pass += 1;
            } else {
                failures.push(format!("{what} {source:?}: got {got:?}, want {want:?}"));
            }
        }
    }
    eprintln!("IdnaTestV2.txt: {pass} of {total} checks pass ({skipped} lines with surrogates skipped)");
    for f in failures.iter().take(20) {
        eprintln!("  {f}");
    }
    assert!(total > 10_000);
    // 12 checks (6 source strings) differ: code points that Unicode 16.0
    // leaves unassigned but the ICU4X data behind idna_adapter 1.2.2 maps.
    assert!(total - pass <= 12, "{} failures", total - pass);
}
