// Included into the extension module, so these tests call the SQL function
// exactly as a host would. Cases: PostgreSQL's contrib/unaccent regression
// test (sql/unaccent.sql, expected/unaccent.out).

use sqlink_test::call;

fn run(args: &[Value]) -> std::result::Result<Option<String>, String> {
    match call("unaccent", args) {
        Ok(Value::Null) => Ok(None),
        Ok(Value::Text(t)) => Ok(Some(String::from_utf8(t).unwrap())),
        Ok(other) => panic!("{other:?}"),
        Err(e) => Err(e.message),
    }
}

#[test]
fn postgres_regression_cases() {
    let cases = [
        ("foobar", "foobar"),
        ("ёлка", "елка"),
        ("ЁЖИК", "ЕЖИК"),
        ("˃˖˗˜", ">+-~"),
        ("A\u{300}", "A"),
        ("℃℉", "°C°F"),
        ("℗", "(P)"),
        ("1½", "1 1/2"),
        ("〝", "\""),
        ("ℌ", "H"),
    ];
    for (input, want) in cases {
        assert_eq!(run(&[Value::text(input)]), Ok(Some(want.to_string())), "{input}");
        assert_eq!(run(&[Value::text("unaccent"), Value::text(input)]), Ok(Some(want.to_string())), "{input}");
    }
}

#[test]
fn dictionaries_nulls_and_bad_input() {
    assert_eq!(run(&[Value::text("public.unaccent"), Value::text("Hôtel")]), Ok(Some("Hotel".into())));
    assert_eq!(run(&[Value::text("UNACCENT"), Value::text("é")]), Ok(Some("e".into())));
    assert_eq!(run(&[Value::text("\"Unaccent\""), Value::text("é")]), Err("text search dictionary \"\"Unaccent\"\" does not exist".into()));
    assert_eq!(run(&[Value::text("simple"), Value::text("é")]), Err("text search dictionary \"simple\" does not exist".into()));
    assert_eq!(run(&[Value::Null]), Ok(None));
    assert_eq!(run(&[Value::Null, Value::text("é")]), Ok(None));
    assert_eq!(run(&[Value::text("unaccent"), Value::Null]), Ok(None));
    assert_eq!(run(&[Value::Integer(42)]), Ok(Some("42".into())));
    assert_eq!(run(&[Value::Text(vec![b'a', 0xff])]), Err("invalid byte sequence for encoding \"UTF8\": 0xff".into()));
}
