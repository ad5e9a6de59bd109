use crate::{Bundle, Member};

fn blob(text: &str) -> blake3::Hash {
    blake3::hash(text.as_bytes())
}

fn member(text: &str, grants: &[&str], pins: &[&str]) -> Member {
    Member {
        grants: grants.iter().map(|s| s.to_string()).collect(),
        pins: pins.iter().map(|s| s.to_string()).collect(),
        ..Member::new(blob(text))
    }
}

#[test]
fn the_same_set_in_any_order_has_the_same_text_and_hash() {
    let a = member("uuid.wasm", &["spi", "fs:/data:ro"], &["upper", "lower"]);
    let b = Member { prefix: Some("st".into()), memory: Some(64 << 20), timeout_ms: Some(500), ..member("stats.wasm", &[], &[]) };
    let one = Bundle::new([a.clone(), b.clone()]).unwrap();
    let reordered = Member { grants: vec!["fs:/data:ro".into(), "spi".into(), "spi".into()], pins: vec!["lower".into(), "upper".into()], ..a };
    let two = Bundle::new([b, reordered]).unwrap();
    assert_eq!(one.encode(), two.encode());
    assert_eq!(one.hash(), two.hash());
    assert_eq!(one.members()[0].blob.as_bytes().cmp(one.members()[1].blob.as_bytes()), std::cmp::Ordering::Less);
}

#[test]
fn the_text_is_stable() {
    // Changing the format changes every bundle's hash: this is the canary.
    let bundle = Bundle::new([
        Member { prefix: Some("u".into()), memory: Some(1 << 20), timeout_ms: Some(250), ..member("a", &["spi", "fs:/my data,1"], &["upper"]) },
        member("b", &[], &[]),
    ])
    .unwrap();
    let text = bundle.encode();
    let (first, second) = if blob("a").as_bytes() < blob("b").as_bytes() { ("a", "b") } else { ("b", "a") };
    let line = |name: &str| {
        if name == "a" {
            format!("extension {} prefix=u grants=fs:/my%20data%2C1,spi pins=upper mem=1048576 timeout=250", blob("a"))
        } else {
            format!("extension {}", blob("b"))
        }
    };
    assert_eq!(text, format!("sqlink-bundle 1\n{}\n{}\n", line(first), line(second)));
    assert_eq!(bundle.hash(), blake3::hash(text.as_bytes()));
}

#[test]
fn text_reads_back_as_the_same_bundle() {
    let bundle = Bundle::new([
        Member { prefix: Some("ünï".into()), ..member("x", &["fs:/a=b%c", "env:HOME"], &["NOCASE"]) },
        member("y", &["http:*.example.com"], &[]),
    ])
    .unwrap();
    let back = Bundle::decode(&bundle.encode()).unwrap();
    assert_eq!(back, bundle);
    // Extra spaces, blank lines and another order read as the same set.
    let text = bundle.encode();
    let lines: Vec<&str> = text.lines().collect();
    let loose = format!("{}\n\n{}  \n{}\n", lines[0], lines[2].replace(' ', "  "), lines[1]);
    assert_eq!(Bundle::decode(&loose).unwrap().hash(), bundle.hash());
}

#[test]
fn grants_beyond_pure_computation_are_visible() {
    assert!(!Bundle::new([member("a", &[], &["upper"])]).unwrap().reaches_outside());
    assert!(Bundle::new([member("a", &[], &[]), member("b", &["spi"], &[])]).unwrap().reaches_outside());
}

#[test]
fn bad_bundles_are_refused_with_the_reason() {
    let err = |text: &str| Bundle::decode(text).unwrap_err().0;
    let h = blob("a").to_hex();
    assert_eq!(err(""), "line 1: a bundle starts with `sqlink-bundle 1`");
    assert_eq!(err("sqlink-bundle 2\n"), "line 1: `sqlink-bundle 2`: this sqlink reads bundles of format 1; upgrade sqlink to read it");
    assert_eq!(err("sqlink-bundle 1\nload x\n"), "line 2: `load x`: expected `extension HASH [key=value]...`");
    assert_eq!(err("sqlink-bundle 1\nextension abc\n"), "line 2: `abc` is not a blake3 hash (64 hex digits)");
    assert_eq!(err(&format!("sqlink-bundle 1\nextension {h} color=red\n")), "line 2: unknown key `color` (expected prefix, grants, pins, mem or timeout)");
    assert_eq!(err(&format!("sqlink-bundle 1\nextension {h} mem=lots\n")), "line 2: mem=lots: expected a whole number");
    assert_eq!(err(&format!("sqlink-bundle 1\nextension {h} prefix=a%2\n")), "line 2: `a%2`: `%` must be followed by two hex digits");
    assert_eq!(err(&format!("sqlink-bundle 1\nextension {h} pins=a b\n")), "line 2: `b`: expected key=value");
    assert_eq!(err(&format!("sqlink-bundle 1\nextension {h} grants=\n")), "a bundle value (prefix, grant or pin) is empty");
    assert_eq!(
        err(&format!("sqlink-bundle 1\nextension {h}\nextension {h} prefix=z\n")),
        format!("extension {h} is listed twice; a bundle loads each extension once")
    );
    let control = Bundle::new([Member { prefix: Some("a\nb".into()), ..member("a", &[], &[]) }]).unwrap_err().0;
    assert_eq!(control, "\"a\\nb\": a bundle value has a control character");
}
