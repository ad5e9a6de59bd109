//! The functions through the generated exports, against sqlite-html's own
//! tests/test-loadable.py and docs.md examples.

use crate::html_ext::sqlink_test::call;
use sqlink_sdk::Value;

fn t(s: &str) -> Value {
    Value::text(s)
}

fn c(f: &str, args: &[Value]) -> Value {
    call(f, args).unwrap()
}

#[test]
fn queries() {
    assert_eq!(c("html_extract", &[t("<div> asdfasdf <p a=b>abc</p> asdfasdf </div>"), t("p")]), t("<p a=\"b\">abc</p>"));
    assert_eq!(c("html_extract", &[t("<p>abc"), t("p")]), t("<p>abc</p>"));
    assert_eq!(c("html_extract", &[t("<p> <b>asdf</b></p>"), t("x")]), Value::Null);
    assert_eq!(c("html_text", &[t("<div> asdfasdf <p a=b>abc</p> asdfasdf </div>"), t("p")]), t("abc"));
    assert_eq!(c("html_text", &[t("<p>abc<p>")]), t("abc"));
    assert_eq!(c("html_text", &[t("<p> <b>asdf</b></p>"), t("x")]), Value::Null);
    assert_eq!(c("html_count", &[t("<div> "), t("p")]), Value::Integer(0));
    assert_eq!(c("html_count", &[t("<div> <p>abc"), t("p")]), Value::Integer(1));
    assert_eq!(c("html_count", &[t("<div> <p class=x></p> <p>a</p> <p class=x>"), t("p.x")]), Value::Integer(2));
}

#[test]
fn attributes() {
    assert_eq!(c("html_attribute_has", &[t("<p x>"), t("p"), t("x")]), Value::Integer(1));
    assert_eq!(c("html_attribute_has", &[t("<p>abc"), t("p"), t("x")]), Value::Integer(0));
    assert_eq!(c("html_attr_has", &[t("<p> <span z>yo"), t("span"), t("z")]), Value::Integer(1));
    assert_eq!(c("html_attribute_get", &[t("<p x>"), t("p"), t("x")]), Value::Null);
    assert_eq!(c("html_attribute_get", &[t("<p>abc"), t("p"), t("x")]), Value::Null);
    assert_eq!(c("html_attr_get", &[t("<p> <span x=z>yo"), t("span"), t("x")]), t("z"));
}

#[test]
fn utilities() {
    assert_eq!(c("html_table", &[t("a")]), t("<table>a"));
    assert_eq!(c("html_escape", &[t("<a>")]), t("&lt;a&gt;"));
    assert_eq!(c("html_unescape", &[t("&lt;a")]), t("<a"));
    assert_eq!(c("html_trim", &[t("  a ")]), t("a"));
    assert_eq!(c("html_trim", &[t("\n    bb \n    ")]), t("bb"));
    assert_eq!(c("html", &[t("a")]), t("a"));
    assert_eq!(c("html", &[t("<p>b")]), t("<p>b</p>"));
    assert_eq!(c("html", &[t("<ohno")]), Value::Null);
    assert_eq!(c("html_valid", &[t("<div>a")]), Value::Integer(1));
}

#[test]
fn elements() {
    assert_eq!(c("html_element", &[t("p"), Value::Null, t("ayoo")]), t("<p>ayoo</p>"));
    assert_eq!(c("html_element", &[t("p"), t("{\"class\":\"cool\"}"), t("ayoo")]), t("<p class=\"cool\">ayoo</p>"));
    assert_eq!(c("html_element", &[t("a")]), t("<a></a>"));
    assert_eq!(c("html_element", &[t("br")]), t("<br/>"));
    assert_eq!(c("html_element", &[t("img"), t("{\"src\":\"./a.png\",\"width\":200}")]), t("<img src=\"./a.png\" width=\"200.000000\"/>"));
    assert_eq!(c("html_element", &[t("p"), Value::Null, t("<b>Still a text node</b>")]), t("<p>&lt;b&gt;Still a text node&lt;/b&gt;</p>"));
}
