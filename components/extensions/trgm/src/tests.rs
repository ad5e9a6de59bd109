//! Values read from PostgreSQL 15's pg_trgm in a UTF-8 database (C.UTF-8).

use crate::real;
use crate::trigrams::{show, similarity, trigram_set, word_similarity};

fn shown(s: &str) -> Vec<String> {
    trigram_set(s).iter().map(show).collect()
}

#[test]
fn show_trgm_order_and_spelling() {
    assert_eq!(
        shown("café ñandú"),
        [
            "0x927af7", "0xb00338", "0xef5960", "0x00a9f5", "0x12522c", "  c", " ca", "0x304ab5",
            "0x544980", "and", "caf"
        ]
    );
    assert_eq!(
        shown("Hello, World! x"),
        [
            "  h", "  w", "  x", " he", " wo", " x ", "ell", "hel", "ld ", "llo", "lo ", "orl",
            "rld", "wor"
        ]
    );
    assert_eq!(
        shown("ÉCOLE"),
        ["0xb1353e", "0xc23c9d", "0xe69b54", "col", "le ", "ole"]
    );
    assert!(shown("").is_empty());
    assert_eq!(shown("a-b"), ["  a", "  b", " a ", " b "]);
}

#[test]
fn similarities() {
    assert_eq!(real(similarity("abc", "abd")), 0.33333334);
    assert_eq!(real(word_similarity("word", "two words", false)), 0.8);
    assert_eq!(real(word_similarity("word", "two words", true)), 0.5714286);
    assert_eq!(real(similarity("", "")), 0.0);
}
