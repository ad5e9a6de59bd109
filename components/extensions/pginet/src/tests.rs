//! Vectors of PostgreSQL's regression test (src/test/regress/expected/inet.out).

use crate::{Inet, Kind};

fn inet(s: &str) -> Inet {
    Inet::parse(s, Kind::Inet).unwrap()
}
fn cidr(s: &str) -> Inet {
    Inet::parse(s, Kind::Cidr).unwrap()
}

#[test]
fn output() {
    assert_eq!(inet("192.168.1.226/24").to_inet_text(), "192.168.1.226/24");
    assert_eq!(inet("10.1.2.3/32").to_inet_text(), "10.1.2.3");
    assert_eq!(inet("10.1.2.3").to_cidr_text(), "10.1.2.3/32");
    assert_eq!(inet("::4.3.2.1/24").to_inet_text(), "::4.3.2.1/24");
    assert_eq!(
        inet("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128").to_inet_text(),
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
    );
    assert_eq!(inet("10:23::f1/64").to_inet_text(), "10:23::f1/64");
    assert_eq!(inet("::ffff:1.2.3.4").to_inet_text(), "::ffff:1.2.3.4");
    assert_eq!(cidr("10").to_cidr_text(), "10.0.0.0/8");
    assert_eq!(cidr("10.1.2").to_cidr_text(), "10.1.2.0/24");
    assert_eq!(cidr("10:23::f1/128").to_cidr_text(), "10:23::f1/128");
}

#[test]
fn abbreviations() {
    assert_eq!(cidr("10.1.0.0/16").cidr_abbrev(), "10.1/16");
    assert_eq!(cidr("192.168.1.0/25").cidr_abbrev(), "192.168.1.0/25");
    assert_eq!(cidr("2001:db8::/32").cidr_abbrev(), "2001:db8/32");
    assert_eq!(cidr("::/0").cidr_abbrev(), "::/0");
    assert_eq!(cidr("0.0.0.0/0").cidr_abbrev(), "0/0");
}

#[test]
fn errors() {
    assert_eq!(
        Inet::parse("192.168.1.2/30", Kind::Cidr).unwrap_err(),
        "invalid cidr value: \"192.168.1.2/30\""
    );
    assert_eq!(
        Inet::parse("1234::1234::1234", Kind::Inet).unwrap_err(),
        "invalid input syntax for type inet: \"1234::1234::1234\""
    );
    assert_eq!(
        Inet::parse("192.168.1.2/33", Kind::Inet).unwrap_err(),
        "invalid input syntax for type inet: \"192.168.1.2/33\""
    );
}

#[test]
fn operations() {
    let a = inet("192.168.1.226/24");
    assert_eq!(a.broadcast().to_inet_text(), "192.168.1.255/24");
    assert_eq!(a.truncated().to_cidr_text(), "192.168.1.0/24");
    assert_eq!(a.netmask().to_inet_text(), "255.255.255.0");
    assert_eq!(a.hostmask().to_inet_text(), "0.0.0.255");
    assert!(a.contained_by(&inet("192.168.1.0/16")));
    assert!(
        !a.contained_by(&inet("192.168.1.0/24"))
            && a.contained_by_or_equals(&inet("192.168.1.0/24"))
    );
    assert_eq!(
        inet("192.168.1.226")
            .merge(&inet("192.168.2.1"))
            .to_cidr_text(),
        "192.168.0.0/22"
    );
}
