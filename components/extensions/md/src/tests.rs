//! md_to_html and md_ast through the generated exports, against the
//! expectations of sqlite-md's own tests/test-loadable.py.

use crate::md_ext::sqlink_test::{call, table};
use sqlink_sdk::Value;

fn text(s: &str) -> Value {
    Value::text(s)
}

#[test]
fn md_to_html_matches_sqlite_md_tests() {
    assert_eq!(call("md_to_html", &[text("**bold**")]).unwrap(), text("<p><strong>bold</strong></p>"));
    assert_eq!(call("md_to_html", &[text("[Documentation](#docs)")]).unwrap(), text("<p><a href=\"#docs\">Documentation</a></p>"));
    assert_eq!(call("md_to_html", &[Value::Null]).unwrap_err().message, "Unexpected null value");
    assert_eq!(call("md_to_html", &[Value::Text(vec![0xff])]).unwrap_err().message, "utf8 err");
    assert_eq!(call("md_to_html", &[Value::Integer(12)]).unwrap(), text("<p>12</p>"));
}

#[test]
fn md_ast_is_breadth_first() {
    let rows = table("md_ast").query().arg("input_text", text("alex **garcia** [yo](#yoyo)")).select(&["rowid", "parent", "node_type", "value", "details", "raw"]).rows().unwrap();
    let shape: Vec<(Value, Value, Value)> = rows.iter().map(|r| (r[0].clone(), r[1].clone(), r[2].clone())).collect();
    let expect = [(0, 0, "Root"), (1, 0, "Paragraph"), (2, 1, "Text"), (3, 1, "Strong"), (4, 1, "Text"), (5, 1, "Link"), (6, 3, "Text"), (7, 5, "Text")];
    assert_eq!(shape, expect.iter().map(|&(a, b, c)| (Value::Integer(a), Value::Integer(b), text(c))).collect::<Vec<_>>());
    assert_eq!(rows[5][4], text("{\"title\":null,\"url\":\"#yoyo\"}"));
    assert_eq!(rows[5][5], text("[yo](#yoyo)"));
    assert_eq!(rows[6][3], text("garcia"));
}
