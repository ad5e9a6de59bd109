//! The character classes of SQLite's spellfix module, which sqlean's
//! `fuzzy_editdist`, `fuzzy_phonetic` and `fuzzy_script` share.
//!
//! Every byte is looked at through its low seven bits (`b & 0x7f`), as
//! spellfix does, so non-ASCII bytes fall into some ASCII class rather than
//! being rejected.

/// A spellfix character class. The discriminants are spellfix's class
/// numbers: the edit-distance costs compare them as a range (`B..=Y`) and the
/// phonetic hash prints each as one symbol ([`Class::symbol`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum Class {
    /// H, and the apostrophe inside a word.
    Silent = 0,
    /// A E I O U, and Y inside a word.
    Vowel = 1,
    /// Labial stops and fricatives: B F P V W.
    B = 2,
    /// Other fricatives and back stops: C G J K Q S X Z.
    C = 3,
    /// Alveolar stops: D T.
    D = 4,
    /// L.
    L = 6,
    /// R.
    R = 7,
    /// Nasals: M N.
    M = 8,
    /// Y at the start of a word.
    Y = 9,
    /// 0 to 9.
    Digit = 10,
    /// Tab, form feed, carriage return and space (a line feed is `Other`).
    Space = 11,
    /// Everything else.
    Other = 12,
}

impl Class {
    /// The class of a byte inside a word.
    pub fn mid(byte: u8) -> Class {
        Self::of(byte, false)
    }

    /// The class of a byte that starts a word: Y is its own class there and
    /// an apostrophe is `Other`.
    pub fn initial(byte: u8) -> Class {
        Self::of(byte, true)
    }

    /// The class of `byte` following `prev`; a `prev` of 0 means `byte`
    /// starts the word.
    pub fn after(prev: u8, byte: u8) -> Class {
        Self::of(byte, prev == 0)
    }

    fn of(byte: u8, initial: bool) -> Class {
        match (byte & 0x7f).to_ascii_lowercase() {
            b'a' | b'e' | b'i' | b'o' | b'u' => Class::Vowel,
            b'y' if initial => Class::Y,
            b'y' => Class::Vowel,
            b'b' | b'f' | b'p' | b'v' | b'w' => Class::B,
            b'c' | b'g' | b'j' | b'k' | b'q' | b's' | b'x' | b'z' => Class::C,
            b'd' | b't' => Class::D,
            b'h' => Class::Silent,
            b'l' => Class::L,
            b'm' | b'n' => Class::M,
            b'r' => Class::R,
            b'\'' if !initial => Class::Silent,
            b'0'..=b'9' => Class::Digit,
            b'\t' | 0x0c | b'\r' | b' ' => Class::Space,
            _ => Class::Other,
        }
    }

    /// Whether the class is a consonant class or Y (`B..=Y` in spellfix's
    /// numbering).
    pub fn is_consonantal(self) -> bool {
        (Class::B..=Class::Y).contains(&self)
    }

    /// The symbol `fuzzy_phonetic` writes for the class.
    pub fn symbol(self) -> u8 {
        match self {
            Class::Silent => b'.',
            Class::Vowel => b'A',
            Class::B => b'B',
            Class::C => b'C',
            Class::D => b'D',
            Class::L => b'L',
            Class::R => b'R',
            Class::M => b'M',
            Class::Y => b'Y',
            Class::Digit => b'9',
            Class::Space => b' ',
            Class::Other => b'?',
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Class;

    #[test]
    fn letters_fall_into_their_classes_in_either_case() {
        for (bytes, class) in [
            ("aeiouAEIOU", Class::Vowel),
            ("bfpvwBFPVW", Class::B),
            ("cgjkqsxzCGJKQSXZ", Class::C),
            ("dtDT", Class::D),
            ("hH", Class::Silent),
            ("lL", Class::L),
            ("rR", Class::R),
            ("mnMN", Class::M),
            ("0123456789", Class::Digit),
            ("\t\x0c\r ", Class::Space),
            ("\n\x0b!-*.~\x7f\0", Class::Other),
        ] {
            for b in bytes.bytes() {
                assert_eq!(Class::mid(b), class, "{:?}", b as char);
            }
        }
    }

    #[test]
    fn initial_position_differs_for_y_and_apostrophe() {
        assert_eq!(Class::initial(b'y'), Class::Y);
        assert_eq!(Class::initial(b'Y'), Class::Y);
        assert_eq!(Class::mid(b'y'), Class::Vowel);
        assert_eq!(Class::initial(b'\''), Class::Other);
        assert_eq!(Class::mid(b'\''), Class::Silent);
        assert_eq!(Class::after(0, b'y'), Class::Y);
        assert_eq!(Class::after(b'a', b'y'), Class::Vowel);
    }

    #[test]
    fn non_ascii_bytes_use_their_low_seven_bits() {
        // 0xC1 & 0x7f is 'A'; 0xB4 & 0x7f is '4'.
        assert_eq!(Class::mid(0xC1), Class::Vowel);
        assert_eq!(Class::mid(0xB4), Class::Digit);
    }

    #[test]
    fn consonantal_range_is_b_to_y() {
        assert!(Class::B.is_consonantal() && Class::Y.is_consonantal() && Class::M.is_consonantal());
        assert!(!Class::Vowel.is_consonantal() && !Class::Silent.is_consonantal() && !Class::Digit.is_consonantal());
    }
}
