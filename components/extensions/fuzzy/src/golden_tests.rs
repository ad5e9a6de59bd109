// Included into the extension module (a proc-macro input cannot declare a
// file module), so these tests call the SQL functions exactly as declared.
//
// testdata/sqlean.tsv holds cases whose results were computed by sqlean's
// own fuzzy extension, built from its C sources and loaded into SQLite:
// `function<TAB>arguments<TAB>result`, each value as `kind:payload` with
// kinds n (NULL), i (integer), r (real), t (text, hex), b (blob, hex) and,
// for results, e (error message).

use super::*;

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex")).collect()
}

fn value(field: &str) -> Value {
    let (kind, payload) = field.split_once(':').expect("kind:payload");
    match kind {
        "n" => Value::Null,
        "i" => Value::Integer(payload.parse().expect("integer")),
        "r" => Value::Real(payload.parse().expect("real")),
        "t" => Value::Text(hex(payload)),
        "b" => Value::Blob(hex(payload)),
        other => panic!("unknown kind {other}"),
    }
}

fn outcome(r: Result<Value>) -> String {
    match r {
        Ok(Value::Null) => "n:".into(),
        Ok(Value::Integer(i)) => format!("i:{i}"),
        Ok(Value::Real(x)) => format!("r:{x:?}"),
        Ok(Value::Text(t)) => format!("t:{}", t.iter().map(|b| format!("{b:02x}")).collect::<String>()),
        Ok(Value::Blob(b)) => format!("blob {b:?}"),
        Err(e) => format!("e:{}", e.message),
    }
}

use sqlink_test::{call, manifest};

/// sqlean's second name for each function.
const ALIASES: [(&str, &str); 12] = [
    ("fuzzy_damlev", "dlevenshtein"),
    ("fuzzy_hamming", "hamming"),
    ("fuzzy_jarowin", "jaro_winkler"),
    ("fuzzy_leven", "levenshtein"),
    ("fuzzy_osadist", "osa_distance"),
    ("fuzzy_editdist", "edit_distance"),
    ("fuzzy_soundex", "soundex"),
    ("fuzzy_rsoundex", "rsoundex"),
    ("fuzzy_caver", "caverphone"),
    ("fuzzy_phonetic", "phonetic_hash"),
    ("fuzzy_translit", "translit"),
    ("fuzzy_script", "script_code"),
];

#[test]
fn manifest_lists_sqleans_functions() {
    use sqlink_sdk::wit::types::FunctionFlags;
    let m = manifest();
    assert_eq!(m.name, "fuzzy");
    assert!(!m.description.is_empty());
    let mut names: Vec<(String, i32)> = m.functions.iter().map(|f| (f.name.clone(), f.arity)).collect();
    names.sort();
    let mut want: Vec<(String, i32)> = ALIASES
        .iter()
        .flat_map(|(name, alias)| {
            let arity = if ["fuzzy_damlev", "fuzzy_hamming", "fuzzy_jarowin", "fuzzy_leven", "fuzzy_osadist", "fuzzy_editdist"].contains(name) { 2 } else { 1 };
            [(name.to_string(), arity), (alias.to_string(), arity)]
        })
        .collect();
    want.sort();
    assert_eq!(names, want);
    for f in &m.functions {
        assert_eq!(f.flags, FunctionFlags::DETERMINISTIC | FunctionFlags::INNOCUOUS, "{}", f.name);
        assert!(f.description.len() > 40, "{}: {:?}", f.name, f.description);
    }
    assert!(m.capabilities.is_empty());
}

#[test]
fn dispatch_reads_arguments_like_sqlean() {
    let t = |s: &str| Value::Text(s.as_bytes().to_vec());
    let run = |name: &str, args: &[Value]| outcome(call(name, args));
    let text = |s: &str| outcome(Ok(t(s)));
    // NULL is an error for the distances, NULL for the codes, '' / 999 for
    // translit / script.
    assert_eq!(run("fuzzy_leven", &[Value::Null, t("a")]), "e:arguments should not be NULL");
    assert_eq!(run("edit_distance", &[t("a"), Value::Null]), "e:NULL input to editdist()");
    assert_eq!(run("soundex", &[Value::Null]), "n:");
    assert_eq!(run("fuzzy_phonetic", &[Value::Null]), "n:");
    assert_eq!(run("fuzzy_translit", &[Value::Null]), text(""));
    assert_eq!(run("fuzzy_script", &[Value::Null]), "i:999");
    // Numbers are read as SQLite prints them.
    assert_eq!(run("fuzzy_leven", &[Value::Integer(123), Value::Real(12.5)]), "i:2");
    assert_eq!(run("fuzzy_soundex", &[Value::Real(1.5)]), text("1000"));
    // Blobs are read as their bytes, up to a NUL for the C-string functions.
    assert_eq!(run("fuzzy_hamming", &[Value::Blob(b"ab\0zz".to_vec()), t("ac")]), "i:1");
    assert_eq!(run("fuzzy_phonetic", &[Value::Blob(b"1\0".to_vec())]), text("9?"));
    // Errors are plain SQLITE_ERROR, as sqlite3_result_error gives.
    let err = call("fuzzy_caver", &[t("\u{e9}")]).unwrap_err();
    assert_eq!((err.code, err.message.as_str()), (Error::ERROR, "argument should be ASCII string"));
}

#[test]
fn results_equal_sqleans() {
    let golden = include_str!("../testdata/sqlean.tsv");
    let mut failures = Vec::new();
    let mut per_function = std::collections::BTreeMap::<&str, usize>::new();
    for line in golden.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (name, args, want) = (fields.next().unwrap(), fields.next().unwrap(), fields.next().unwrap());
        let args: Vec<Value> = args.split(' ').map(value).collect();
        *per_function.entry(name).or_default() += 1;
        let alias = ALIASES.iter().find(|(n, _)| *n == name).expect("known function").1;
        for called in [name, alias] {
            let got = outcome(call(called, &args));
            if got != want {
                failures.push(format!("{called}({args:?}): got {got}, sqlean gives {want}"));
            }
        }
    }
    // Every function is covered, each by a fair number of cases.
    assert_eq!(per_function.len(), 12, "{per_function:?}");
    assert!(per_function.values().all(|&n| n >= 100), "{per_function:?}");
    assert!(failures.is_empty(), "{} of the golden cases differ:\n{}", failures.len(), failures.join("\n"));
}
