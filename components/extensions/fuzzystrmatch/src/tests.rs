//! PostgreSQL's own vectors (contrib/fuzzystrmatch's regression test) and
//! values read from PostgreSQL 15's fuzzystrmatch.

use crate::{levenshtein::distance, metaphone::metaphone, soundex::difference, soundex::soundex};

#[test]
fn soundex_and_difference() {
    assert_eq!(soundex(b"hello world!"), "H464");
    assert_eq!(
        (
            soundex(b"Anne"),
            soundex(b"Ann"),
            difference(b"Anne", b"Ann")
        ),
        ("A500".into(), "A500".into(), 4)
    );
    assert_eq!(
        (soundex(b"Andrew"), difference(b"Anne", b"Andrew")),
        ("A536".into(), 2)
    );
    assert_eq!(
        (soundex(b"Margaret"), difference(b"Anne", b"Margaret")),
        ("M626".into(), 0)
    );
    assert_eq!((soundex(b""), difference(b"", b"")), (String::new(), 4));
    assert_eq!(difference(b"", b"Anne"), 0);
}

#[test]
fn levenshtein_vectors() {
    assert_eq!(distance("GUMBO", "GAMBOL", 1, 1, 1, None).unwrap(), 2);
    assert_eq!(distance("GUMBO", "GAMBOL", 2, 1, 1, None).unwrap(), 3);
    assert_eq!(
        distance("extensive", "exhaustive", 1, 1, 1, Some(2)).unwrap(),
        3
    );
    assert_eq!(
        distance("extensive", "exhaustive", 1, 1, 1, Some(4)).unwrap(),
        4
    );
    assert_eq!(distance("", "abc", 3, 1, 1, None).unwrap(), 9);
    assert_eq!(distance("abc", "", 3, 2, 1, None).unwrap(), 6);
    assert_eq!(distance("ça va", "ca va", 1, 1, 1, None).unwrap(), 1);
    let long = "x".repeat(256);
    let err = distance(&long, "a", 1, 1, 1, None).unwrap_err();
    assert_eq!(
        err.message,
        "levenshtein argument exceeds maximum length of 255 characters"
    );
}

#[test]
fn metaphone_vectors() {
    assert_eq!(metaphone(b"GUMBO", 4).unwrap(), "KM");
    assert_eq!(metaphone(b"", 0).unwrap(), "");
    assert_eq!(
        metaphone(b"a", 0).unwrap_err(),
        "output cannot be empty string"
    );
    assert_eq!(
        metaphone(b"a", 256).unwrap_err(),
        "output exceeds the maximum length of 255 bytes"
    );
    assert_eq!(
        metaphone(&[b'a'; 256], 4).unwrap_err(),
        "argument exceeds the maximum length of 255 bytes"
    );
}

#[test]
fn double_metaphone_vectors() {
    use crate::dmetaphone::double_metaphone;
    let code = |s: &str| double_metaphone(s.as_bytes());
    assert_eq!(code("gumbo"), ("KMP".into(), "KMP".into()));
    assert_eq!(code("Schmidt"), ("XMT".into(), "SMT".into()));
    assert_eq!(code("Thomas"), ("TMS".into(), "TMS".into()));
    assert_eq!(code(""), (String::new(), String::new()));
}

/// PostgreSQL's own vectors (contrib/fuzzystrmatch/expected/fuzzystrmatch.out).
#[test]
fn daitch_mokotoff_vectors() {
    use crate::daitch_mokotoff::daitch_mokotoff;
    let cases = [
        ("Augsburg", "054795"),
        ("Breuer", "791900"),
        ("Freud", "793000"),
        ("Halberstadt", "587943,587433"),
        ("Mannheim", "665600"),
        ("Chernowitz", "596740,496740"),
        ("Cherkassy", "595400,495400"),
        ("Kleinman", "586660"),
        ("Nowy Targ", "673950"),
        ("Berlin", "798600"),
        ("Ceniow", "567000,467000"),
        ("Tsenyuv", "467000"),
        ("Holubica", "587500,587400"),
        ("Golubitsa", "587400"),
        ("Przemysl", "794648,746480"),
        ("Pshemeshil", "746480"),
        (
            "Rosochowaciec",
            "945755,945754,945745,945744,944755,944754,944745,944744",
        ),
        ("Rosokhovatsets", "945744"),
        ("'OBrien", "079600"),
        ("O'Brien", "079600"),
        ("CJC", "550000,540000,545000,450000,400000,440000"),
        ("BESST", "743000"),
        ("BOUEY", "710000"),
        ("HANNMANN", "566600"),
        (
            "MCCOYJR",
            "651900,654900,654190,654490,645190,645490,641900,644900",
        ),
        (
            "ACCURSO",
            "059400,054000,054940,054400,045940,045400,049400,044000",
        ),
        (
            "BIERSCHBACH",
            "794575,794574,794750,794740,745750,745740,747500,747400",
        ),
    ];
    for (name, want) in cases {
        assert_eq!(daitch_mokotoff(name).unwrap().join(","), want, "{name}");
    }
    assert_eq!(daitch_mokotoff("123 !"), None);
}
