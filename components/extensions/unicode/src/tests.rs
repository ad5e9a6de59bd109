//! Expected values are sqlean's documented examples and, where sqlean's
//! unicode extension and this one agree, what sqlean 0.x returns for the
//! same call in the stock sqlite3 shell.

use crate::unicode_ext::{casefold, like2, like3, lower, nocase, unaccent, unicode_version, upper};
use sqlink_sdk::Value;

fn t(s: &str) -> Value {
    Value::text(s)
}

/// Calls a one-argument text function and returns its text result.
fn call(f: fn(&Value) -> Value, s: &str) -> String {
    match f(&t(s)) {
        Value::Text(b) => String::from_utf8(b).expect("valid UTF-8 out for valid UTF-8 in"),
        other => panic!("expected text, got {other:?}"),
    }
}

fn like(pattern: &str, text: &str) -> bool {
    like2(&t(pattern), &t(text)).unwrap().unwrap()
}

fn like_esc(pattern: &str, text: &str, escape: &str) -> bool {
    like3(&t(pattern), &t(text), &t(escape)).unwrap().unwrap()
}

#[test]
fn documented_examples() {
    assert_eq!(call(upper, "привет"), "ПРИВЕТ");
    assert_eq!(call(lower, "ПРИВЕТ"), "привет");
    assert!(like("пРиВ_Т", "привет"));
    assert_eq!(call(unaccent, "hôtel"), "hotel");
    // sqlean's test suite.
    assert_eq!(call(lower, "hElLo"), "hello");
    assert_eq!(call(upper, "hElLo"), "HELLO");
    assert_eq!(call(casefold, "hElLo"), "hello");
    assert_eq!(call(lower, "пРиВеТ"), "привет");
    assert_eq!(call(upper, "пРиВеТ"), "ПРИВЕТ");
    assert_eq!(call(casefold, "пРиВеТ"), "привет");
    assert!(like("hEl_o", "hello"));
}

#[test]
fn case_mapping_is_simple_and_covers_all_scripts() {
    // German: simple mappings keep ß a single character.
    assert_eq!(call(upper, "straße"), "STRAßE");
    assert_eq!(call(lower, "STRAẞE"), "straße");
    // Greek: no final-sigma context, as in sqlean.
    assert_eq!(call(lower, "ΟΔΥΣΣΕΥΣ"), "οδυσσευσ");
    assert_eq!(call(upper, "ἀρχή"), "ἈΡΧΉ");
    // Accented Latin, Turkish dotted and dotless i, titlecase digraphs.
    assert_eq!(call(upper, "éçàñ"), "ÉÇÀÑ");
    assert_eq!(call(lower, "ÀÉÎÕÜ"), "àéîõü");
    assert_eq!(call(lower, "İSTANBUL"), "istanbul");
    assert_eq!(call(upper, "ıi"), "II");
    assert_eq!(call(upper, "ǆ"), "Ǆ");
    assert_eq!(call(lower, "Ǆ"), "ǆ");
    // Armenian, Georgian (Unicode 11 Mtavruli) and a supplementary-plane
    // script (Deseret), which sqlean's UTF-16 tables leave alone.
    assert_eq!(call(upper, "բարեւ"), "ԲԱՐԵՒ");
    assert_eq!(call(lower, "ᲒᲐᲛᲐᲠᲯᲝᲑᲐ"), "გამარჯობა");
    assert_eq!(call(lower, "𐐔𐐯𐑅𐐨𐑉𐐯𐐻"), "𐐼𐐯𐑅𐐨𐑉𐐯𐐻");
    // Characters without case pass through.
    assert_eq!(call(upper, "123 漢字 😀"), "123 漢字 😀");
}

#[test]
fn casefold_is_simple_case_folding() {
    assert_eq!(call(casefold, "ΣΊΣΥΦΟΣ"), "σίσυφοσ");
    assert_eq!(call(casefold, "ς"), "σ");
    assert_eq!(call(casefold, "Straße"), "straße");
    assert_eq!(call(casefold, "STRAẞE"), "straße");
    assert_eq!(call(casefold, "İ"), "İ");
    assert_eq!(call(casefold, "µſ"), "μs");
    assert_eq!(call(casefold, "ÉCOLE"), "école");
}

#[test]
fn unaccent_removes_diacritics() {
    let cases = [
        ("Crème Brûlée", "Creme Brulee"),
        ("Łódź", "Lodz"),
        ("Ærøskøbing", "AEroskobing"),
        ("Œuvre", "OEuvre"),
        ("Việt Nam", "Viet Nam"),
        ("Čeština", "Cestina"),
        ("Đorđe Ħal", "Dorde Hal"),
        ("Ёлка й", "Елка и"),
        ("Ἀθῆναι", "Αθηναι"),
        ("ﬁancé", "fiance"),
        ("x²", "x2"),
        ("ǅ", "Dz"),
        // Not accented: kept.
        ("Straße", "Straße"),
        ("þorn ð", "þorn ð"),
        ("한국어", "한국어"),
        ("漢字", "漢字"),
        // Decomposed input (NFD) loses its marks too.
        ("e\u{301}te\u{301}", "ete"),
        ("q\u{307}", "q"),
        // Lone marks that are not accents are kept: a virama, a keycap.
        ("क्ष", "क्ष"),
        ("1\u{FE0F}\u{20E3}", "1\u{FE0F}\u{20E3}"),
    ];
    for (input, want) in cases {
        assert_eq!(call(unaccent, input), want, "unaccent({input:?})");
    }
}

/// `Value` has no `PartialEq`: compare its debug form.
fn same(a: Value, b: Value) -> bool {
    format!("{a:?}") == format!("{b:?}")
}

#[test]
fn null_numbers_and_invalid_utf8() {
    for f in [upper, lower, casefold, unaccent] {
        assert!(matches!(f(&Value::Null), Value::Null));
        assert!(same(f(&Value::Integer(42)), t("42")));
        assert!(same(f(&Value::Real(2.5)), t("2.5")));
    }
    // Bytes that are not UTF-8 pass through; the text around them is mapped.
    assert!(same(upper(&Value::Text(vec![b'a', 0xFF, 0xD0, 0xB6])), Value::Text(vec![b'A', 0xFF, 0xD0, 0x96])));
    assert!(same(unaccent(&Value::Text(vec![0xC3, 0xA9, 0x80])), Value::Text(vec![b'e', 0x80])));
    // A blob is read as text and gives text, as SQLite's upper() does.
    assert!(same(upper(&Value::Blob(b"abc".to_vec())), t("ABC")));
    assert!(!same(upper(&Value::Blob(b"abc".to_vec())), Value::Blob(b"ABC".to_vec())));
}

#[test]
fn like_wildcards() {
    assert!(like("%", ""));
    assert!(like("%", "anything"));
    assert!(!like("_", ""));
    assert!(like("a%", "ABC"));
    assert!(like("%b%", "ABC"));
    assert!(!like("%d%", "ABC"));
    assert!(like("a_c", "abc"));
    assert!(!like("a_c", "abbc"));
    assert!(like("a%c", "abbbc"));
    assert!(like("%a%a%a%", "aXaYa"));
    assert!(!like("%a%a%a%", "aXa"));
    assert!(like("%ли%", "Алиса"));
    assert!(like("%ÉCOLE%", "une école"));
    assert!(like("_ä_", "bär"));
    // `_` matches one character even when its key has two letters.
    assert!(like("___", "ĳes"));
    assert!(like("_", "æ"));
    // A pathological pattern stays fast (no exponential backtracking).
    let text = "a".repeat(2000);
    assert!(!like(&format!("{}b", "%a".repeat(50)), &text));
}

#[test]
fn like_ignores_case_and_accents() {
    assert!(like("ΕΛΛΆΔΑ", "ελλάδα"));
    assert!(like("ελλαδα", "ΕΛΛΆΔΑ"));
    assert!(like("ς", "Σ"));
    assert!(like("hotel", "HÔTEL"));
    // Literal text compares as NOCASE does: a ligature equals its letters,
    // though `_` still matches it as one character.
    assert!(like("ÆRØ", "aero"));
    assert!(like("aero", "ÆRØ"));
    assert!(like("%rø", "ÆRØ"));
    assert!(like("_rø", "ÆRØ"));
    assert!(!like("a%", "æ"));
    assert!(like("e\u{301}cole", "ÉCOLE"));
    assert!(like("école", "E\u{301}COLE"));
    // Full case folding is not applied: ß is not ss.
    assert!(!like("STRASSE", "straße"));
    assert!(like("STRAẞE", "straße"));
    assert!(!like("abc", "abd"));
    assert!(!like("привет", "привет!"));
}

#[test]
fn like_escape() {
    assert!(like_esc("100\\%", "100%", "\\"));
    assert!(!like_esc("100\\%", "1000", "\\"));
    assert!(like_esc("a\\_c", "a_c", "\\"));
    assert!(!like_esc("a\\_c", "abc", "\\"));
    assert!(like_esc("a\\\\c", "a\\c", "\\"));
    // Any character can escape, and an escaped letter still ignores case.
    assert!(like_esc("x%xa%", "%A and more", "x"));
    // With `%` or `_` as the escape, that character is no wildcard.
    assert!(like_esc("a%%b", "a%b", "%"));
    assert!(!like_esc("a%%b", "axb", "%"));
    assert!(like_esc("a__b", "a_b", "_"));
    assert!(!like_esc("a__b", "axb", "_"));
    // A pattern ending in the escape character matches nothing.
    assert!(!like_esc("a\\", "a", "\\"));
    assert!(!like_esc("a\\", "a\\", "\\"));
    // A non-ASCII escape character.
    assert!(like_esc("50§%", "50%", "§"));
}

#[test]
fn like_arguments_follow_sqlite() {
    assert_eq!(like2(&Value::Null, &t("a")).unwrap(), None);
    assert_eq!(like2(&t("a"), &Value::Null).unwrap(), None);
    assert_eq!(like3(&t("a"), &t("a"), &Value::Null).unwrap(), None);
    assert_eq!(like2(&Value::Integer(1), &Value::Integer(1)).unwrap(), Some(true));
    let err = like3(&t("a"), &t("a"), &t("ab")).unwrap_err();
    assert_eq!(err.message, "ESCAPE expression must be a single character");
    assert!(like3(&t("a"), &t("a"), &t("")).is_err());
    let long = "a".repeat(50_001);
    assert_eq!(like2(&t(&long), &t("a")).unwrap_err().message, "LIKE or GLOB pattern too complex");
    assert_eq!(like2(&t(&long[1..]), &t(&long[1..])).unwrap(), Some(true));
}

#[test]
fn nocase_orders_ignoring_case_and_accents() {
    let mut words = vec![
        "Zebra", "äpfel", "Apfel", "éclair", "Eclair", "zürich", "Österreich", "ostern", "Ärger", "ber", "Über", "ubahn",
        "яблоко", "Ёлка", "Бал", "ежик", "Ωμέγα", "άλφα", "Βήτα",
    ];
    // As `ORDER BY w COLLATE NOCASE, w`.
    words.sort_by(|a, b| nocase(a).cmp(&nocase(b)).then(a.cmp(b)));
    let want = vec![
        "Apfel", "äpfel", "Ärger", "ber", "Eclair", "éclair", "ostern", "Österreich", "ubahn", "Über", "Zebra", "zürich",
        "άλφα", "Βήτα", "Ωμέγα", "Бал", "ежик", "Ёлка", "яблоко",
    ];
    assert_eq!(words, want);
}

#[test]
fn nocase_equality() {
    assert_eq!(nocase("HELLO"), nocase("hello"));
    assert_eq!(nocase("Ärger"), nocase("arger"));
    assert_eq!(nocase("É"), nocase("e"));
    assert_eq!(nocase("e\u{301}"), nocase("É"));
    assert_eq!(nocase("ΣΊΣΥΦΟΣ"), nocase("σίσυφος"));
    assert_ne!(nocase("STRASSE"), nocase("straße"));
    assert_ne!(nocase("a"), nocase("b"));
    // ASCII orders as SQLite's NOCASE does: by lowercase bytes, so `_` < `a`.
    assert!(nocase("A_") < nocase("aa"));
    assert!(nocase("ab") < nocase("ABC"));
}

#[test]
fn unicode_version_is_the_data_version() {
    let v = unicode_version();
    let parts: Vec<u32> = v.split('.').map(|p| p.parse().unwrap()).collect();
    assert_eq!(parts.len(), 3, "{v}");
    assert!(parts[0] >= 15, "{v}");
}
