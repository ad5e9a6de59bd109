//! Go's `html.EscapeString` and `html.UnescapeString` (the standard
//! library's `html` package), over bytes: bytes that are not UTF-8 pass
//! through as Go strings keep them.

/// `html.EscapeString`: `& ' < > "` as `&amp; &#39; &lt; &gt; &#34;`.
pub fn escape_string(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for &b in s {
        match b {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'\'' => out.extend_from_slice(b"&#39;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            b'"' => out.extend_from_slice(b"&#34;"),
            _ => out.push(b),
        }
    }
    out
}

/// x/net/html's `escape` for rendered text and attribute values: as
/// [`escape_string`], and `\r` as `&#13;`.
pub fn escape_render(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\'' => out.push_str("&#39;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&#34;"),
            '\r' => out.push_str("&#13;"),
            _ => out.push(c),
        }
    }
}

/// Windows-1252 meanings of the numeric references 0x80 to 0x9F.
const REPLACEMENT: [u32; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
];

/// The longest entity name that may be used without a semicolon.
const LONGEST_WITHOUT_SEMICOLON: usize = 6;

fn push_char(out: &mut Vec<u8>, c: u32) {
    let c = char::from_u32(c).unwrap_or('\u{FFFD}');
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// The code points of a named reference (`amp;`, `lt`...), if known.
fn entity(name: &[u8]) -> Option<(u32, u32)> {
    let name = std::str::from_utf8(name).ok()?;
    html5ever::data::NAMED_ENTITIES.get(name).copied().filter(|&(a, _)| a != 0)
}

/// `html.UnescapeString`: named references (the HTML5 table, those
/// allowed without `;` also as a prefix of a longer name), decimal and hex
/// references (`;` optional; 0x80 to 0x9F as Windows-1252, 0, surrogates
/// and values past U+10FFFF as U+FFFD). Anything else stays as it is.
pub fn unescape_string(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut src = 0;
    while src < s.len() {
        if s[src] != b'&' {
            out.push(s[src]);
            src += 1;
            continue;
        }
        src += unescape_entity(&s[src..], &mut out);
    }
    out
}

/// One reference at the start of `s` (which starts with `&`): writes what
/// it means and returns the bytes it took.
fn unescape_entity(s: &[u8], out: &mut Vec<u8>) -> usize {
    if s.len() <= 1 {
        out.push(s[0]);
        return 1;
    }
    let mut i = 1;
    if s[i] == b'#' {
        if s.len() <= 3 {
            out.push(s[0]);
            return 1;
        }
        i += 1;
        let hex = matches!(s[i], b'x' | b'X');
        if hex {
            i += 1;
        }
        // Go's rune arithmetic: 32-bit, wrapping.
        let mut x: i32 = 0;
        while i < s.len() {
            let c = s[i];
            i += 1;
            let digit = match c {
                b'0'..=b'9' => Some(i32::from(c - b'0')),
                b'a'..=b'f' if hex => Some(i32::from(c - b'a' + 10)),
                b'A'..=b'F' if hex => Some(i32::from(c - b'A' + 10)),
                _ => None,
            };
            match digit {
                Some(d) => x = x.wrapping_mul(if hex { 16 } else { 10 }).wrapping_add(d),
                None => {
                    if c != b';' {
                        i -= 1;
                    }
                    break;
                }
            }
        }
        if i <= 3 {
            out.push(s[0]);
            return 1;
        }
        let c = if (0x80..=0x9F).contains(&x) {
            REPLACEMENT[(x - 0x80) as usize]
        } else if x <= 0 || (0xD800..=0xDFFF).contains(&x) || x > 0x10FFFF {
            0xFFFD
        } else {
            x as u32
        };
        push_char(out, c);
        return i;
    }
    while i < s.len() {
        let c = s[i];
        i += 1;
        if c.is_ascii_alphanumeric() {
            continue;
        }
        if c != b';' {
            i -= 1;
        }
        break;
    }
    let name = &s[1..i];
    if !name.is_empty() {
        if let Some((a, b)) = entity(name) {
            push_char(out, a);
            if b != 0 {
                push_char(out, b);
            }
            return i;
        }
        let max = (name.len() - 1).min(LONGEST_WITHOUT_SEMICOLON);
        for j in (2..=max).rev() {
            if let Some((a, 0)) = entity(&name[..j]) {
                push_char(out, a);
                return j + 1;
            }
        }
    }
    out.extend_from_slice(&s[..i]);
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn un(s: &str) -> String {
        String::from_utf8(unescape_string(s.as_bytes())).unwrap()
    }

    #[test]
    fn unescapes_as_go() {
        assert_eq!(un("&lt;a"), "<a");
        assert_eq!(un("&amp;&AMP;&amp &ampx &notit; &notin;"), "&&& &x ¬it; ∉");
        assert_eq!(un("&#39;&#x41;&#X42;&#65&#128;&#0;&#xD800;&#1114112;"), "'AB\u{41}€\u{FFFD}\u{FFFD}\u{FFFD}");
        assert_eq!(un("& &# &#; &#x; &foo; &"), "& &# &#; \u{FFFD} &foo; &");
        assert_eq!(un("&NotEqualTilde;"), "\u{2242}\u{338}");
    }

    #[test]
    fn escapes_as_go() {
        assert_eq!(escape_string(b"<a href=\"x\">'&'</a>"), b"&lt;a href=&#34;x&#34;&gt;&#39;&amp;&#39;&lt;/a&gt;".to_vec());
    }
}
