//! URL (percent) encoding as sqlean does it: everything except the RFC 3986
//! unreserved characters `A-Z a-z 0-9 - _ . ~` becomes `%XX` (upper-case
//! hex); decoding also reads `+` as a space.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_encode};

/// Bytes to escape: all but the unreserved characters.
const ESCAPED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Percent-encodes bytes.
pub fn encode(data: &[u8]) -> String {
    percent_encode(data, ESCAPED).to_string()
}

/// Decodes `%XX` escapes (either case) and `+` as a space, leaving other
/// bytes as they are; None if a `%` is not followed by two hex digits.
pub fn decode(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    let mut rest = text;
    while let Some((&c, tail)) = rest.split_first() {
        rest = tail;
        match c {
            b'%' => {
                let (pair, tail) = rest.split_first_chunk::<2>()?;
                let hi = (pair[0] as char).to_digit(16)?;
                let lo = (pair[1] as char).to_digit(16)?;
                out.push((hi << 4 | lo) as u8);
                rest = tail;
            }
            b'+' => out.push(b' '),
            _ => out.push(c),
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};

    #[test]
    fn keeps_unreserved_and_escapes_the_rest() {
        let unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";
        assert_eq!(encode(unreserved.as_bytes()), unreserved);
        assert_eq!(encode(br"!*\();:@&=+$,/?#[]"), "%21%2A%5C%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D");
        assert_eq!(encode(b"one two\0"), "one%20two%00");
        assert_eq!(encode("эй, мир!".as_bytes()), "%D1%8D%D0%B9%2C%20%D0%BC%D0%B8%D1%80%21");
    }

    #[test]
    fn decodes_escapes_and_plus() {
        assert_eq!(decode(b"one+two%20three").unwrap(), b"one two three");
        assert_eq!(decode(b"%f0%9f%a6%8a%F0%9F%A6%8A").unwrap(), "🦊🦊".as_bytes());
        assert_eq!(decode(b"a%2").as_deref(), None);
        assert_eq!(decode(b"a%").as_deref(), None);
        assert_eq!(decode(b"%zz").as_deref(), None);
        assert_eq!(decode(b"%+1").as_deref(), None);
    }
}
