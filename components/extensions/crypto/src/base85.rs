//! Ascii85 (Adobe/btoa base85) without the `<~ ~>` delimiters, as sqlean
//! writes it: each 4-byte group becomes 5 digits `!`..`u` (most significant
//! first), an all-zero group becomes `z`, and a final group of n < 4 bytes
//! becomes its first n + 1 digits.

/// Value of the first digit character.
const ZERO: u8 = b'!';

/// Encodes bytes as Ascii85.
pub fn encode(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(4) * 5);
    for chunk in data.chunks(4) {
        if chunk == [0; 4] {
            out.push('z');
            continue;
        }
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut n = u32::from_be_bytes(group);
        let mut digits = [0u8; 5];
        for d in digits.iter_mut().rev() {
            *d = ZERO + (n % 85) as u8;
            n /= 85;
        }
        out.extend(digits[..chunk.len() + 1].iter().map(|&d| d as char));
    }
    out
}

/// Decodes Ascii85; None if a character is outside `!`..`u` (or a `z`
/// inside a group), a group overflows 32 bits, or the last group has a
/// single character.
pub fn decode(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 5 * 4 + 4);
    let mut rest = text;
    while !rest.is_empty() {
        if rest[0] == b'z' {
            out.extend_from_slice(&[0; 4]);
            rest = &rest[1..];
            continue;
        }
        let (group, tail) = rest.split_at(rest.len().min(5));
        if group.len() == 1 {
            return None;
        }
        // A short final group is padded with the highest digit, 'u'.
        let mut n: u64 = 0;
        for i in 0..5 {
            let digit = match group.get(i) {
                Some(&c @ b'!'..=b'u') => c - ZERO,
                Some(_) => return None,
                None => 84,
            };
            n = n * 85 + u64::from(digit);
        }
        let n = u32::try_from(n).ok()?;
        out.extend_from_slice(&n.to_be_bytes()[..group.len() - 1]);
        rest = tail;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::{decode, encode};

    #[test]
    fn round_trips_every_length_and_zero_groups() {
        let data: Vec<u8> = (0..=255u8).chain([0, 0, 0, 0, 255, 255, 255, 255, 0]).collect();
        for len in 0..data.len() {
            let text = encode(&data[..len]);
            assert_eq!(decode(text.as_bytes()).as_deref(), Some(&data[..len]), "length {len}: {text}");
        }
    }

    #[test]
    fn zero_groups() {
        // Python's base64.a85encode gives the same.
        assert_eq!(encode(&[0; 4]), "z");
        assert_eq!(encode(&[0; 9]), "zz!!");
        assert_eq!(encode(&[0]), "!!");
        assert_eq!(decode(b"zz!!").unwrap(), vec![0; 9]);
        assert_eq!(encode(&[255; 4]), "s8W-!");
    }

    #[test]
    fn rejects_malformed_text() {
        assert_eq!(decode(b"BOu!rD"), None, "a lone final character");
        assert_eq!(decode(b"BOz!r"), None, "'z' inside a group");
        assert_eq!(decode(b"BO~!r"), None, "a character past 'u'");
        assert_eq!(decode(b"BO !r"), None, "whitespace");
        assert_eq!(decode(b"s8W-\""), None, "a group past 2^32 - 1");
    }
}
