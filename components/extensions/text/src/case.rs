//! Unicode case: simple (one code point to one) upper, lower and title case,
//! case folding, case-insensitive LIKE and the collation key.
//!
//! sqlean maps case one code point at a time, so a string keeps its number
//! of characters: `ß` stays `ß` in upper case rather than becoming `SS`.

/// The simple uppercase mapping of `c`.
pub fn upper(c: char) -> char {
    let mut full = c.to_uppercase();
    match (full.next(), full.next()) {
        (Some(u), None) => u,
        // Greek vowels with ypogegrammeni: full mapping "ἈΙ", simple "ᾈ".
        _ => match c {
            '\u{1F80}'..='\u{1F87}' | '\u{1F90}'..='\u{1F97}' | '\u{1FA0}'..='\u{1FA7}' => {
                char::from_u32(c as u32 + 8).unwrap_or(c)
            }
            '\u{1FB3}' => '\u{1FBC}',
            '\u{1FC3}' => '\u{1FCC}',
            '\u{1FF3}' => '\u{1FFC}',
            _ => c,
        },
    }
}

/// The simple lowercase mapping of `c`.
pub fn lower(c: char) -> char {
    let mut full = c.to_lowercase();
    match (full.next(), full.next()) {
        (Some(l), None) => l,
        // 'İ': full mapping "i̇", simple "i".
        _ if c == '\u{130}' => 'i',
        _ => c,
    }
}

/// The simple case folding of `c` (Unicode CaseFolding statuses C and S).
pub fn fold(c: char) -> char {
    unicode_case_mapping::case_folded(c).and_then(|f| char::from_u32(f.get())).unwrap_or(c)
}

/// Word characters for title case: letters, digits and connector
/// punctuation such as `_`.
fn is_word(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '_' | '\u{203F}' | '\u{2040}' | '\u{2054}' | '\u{FE33}' | '\u{FE34}' | '\u{FE4D}'..='\u{FE4F}' | '\u{FF3F}')
}

/// Title case: the first character of each word in upper case, the others
/// in lower case.
pub fn title(s: &str) -> String {
    let mut word_start = true;
    s.chars()
        .map(|c| {
            let out = if word_start { upper(c) } else { lower(c) };
            word_start = !is_word(c);
            out
        })
        .collect()
}

/// Whether `text` matches the LIKE `pattern` ignoring case: `%` matches any
/// run of characters, `_` any one character. There is no escape character.
pub fn like(pattern: &str, text: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let text: Vec<char> = text.chars().map(fold).collect();
    let (mut p, mut t) = (0, 0);
    // After a `%`: where the pattern resumes, and the text position it was
    // last tried at. A mismatch retries with the `%` taking one more char.
    let mut backtrack: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some('%') => {
                p += 1;
                backtrack = Some((p, t));
            }
            Some(&c) if c == '_' || fold(c) == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match backtrack {
                Some((resume, tried)) => {
                    p = resume;
                    t = tried + 1;
                    backtrack = Some((resume, t));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|&c| c == '%')
}

/// The text_nocase collation key: `text` case-folded. Bytes that are not
/// valid UTF-8 are kept as they are.
pub fn fold_key(text: &[u8]) -> Vec<u8> {
    let mut key = Vec::with_capacity(text.len());
    for chunk in text.utf8_chunks() {
        for c in chunk.valid().chars() {
            key.extend_from_slice(fold(c).encode_utf8(&mut [0; 4]).as_bytes());
        }
        key.extend_from_slice(chunk.invalid());
    }
    key
}
