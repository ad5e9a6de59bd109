//! Trigrams as pg_trgm makes them in a UTF-8 database: words are runs of
//! letters and digits, lower-cased, padded with two spaces before and one
//! after; a trigram of three one-byte characters is those bytes, any other
//! is three bytes of PostgreSQL's legacy CRC-32 of its UTF-8. Trigrams
//! order by their bytes read as signed chars, as PostgreSQL on x86 does.

use std::cmp::Ordering;

/// Three bytes: characters, or a hash of them.
pub type Trgm = [u8; 3];

/// The first trigram of a word (left bound of an extent).
pub const BOUND_LEFT: u8 = 1;
/// The last trigram of a word (right bound of an extent).
pub const BOUND_RIGHT: u8 = 2;

/// PostgreSQL's trigram order: bytes compared as signed chars.
pub fn cmp(a: &Trgm, b: &Trgm) -> Ordering {
    a.map(|x| x as i8).cmp(&b.map(|x| x as i8))
}

/// The table of the reflected CRC-32 polynomial, which PostgreSQL's legacy
/// CRC-32 indexes from the top byte of the register.
const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[i] = c;
        i += 1;
    }
    table
}
static CRC_TABLE: [u32; 256] = crc_table();

/// PostgreSQL's legacy CRC-32 (INIT/COMP/FIN_LEGACY_CRC32) of `bytes`.
fn legacy_crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc = CRC_TABLE[(((crc >> 24) as u8) ^ b) as usize] ^ (crc << 8);
    }
    crc ^ 0xFFFF_FFFF
}

/// A trigram of three characters' UTF-8: as is, or the first three bytes
/// of the CRC in memory (little-endian) order.
fn compact(bytes: &[u8]) -> Trgm {
    if let [a, b, c] = *bytes {
        [a, b, c]
    } else {
        let crc = legacy_crc32(bytes).to_le_bytes();
        [crc[0], crc[1], crc[2]]
    }
}

/// A character of a word: a letter or digit.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// One character lower-cased one for one, as towlower does (a character
/// whose lower case is several keeps the first of them).
fn lower(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Every trigram of `s` in order, duplicates included, and with
/// `bounds` each one's word bounds (BOUND_LEFT, BOUND_RIGHT).
pub fn trigrams_in_order(s: &str, want_bounds: bool) -> (Vec<Trgm>, Vec<u8>) {
    let mut out = Vec::new();
    let mut bounds = Vec::new();
    let mut padded = String::new();
    for word in s
        .split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
    {
        padded.clear();
        padded.push_str("  ");
        padded.extend(word.chars().map(lower));
        padded.push(' ');
        let starts: Vec<usize> = padded
            .char_indices()
            .map(|(i, _)| i)
            .chain([padded.len()])
            .collect();
        let first = out.len();
        for w in starts.windows(4) {
            out.push(compact(&padded.as_bytes()[w[0]..w[3]]));
        }
        if want_bounds {
            bounds.resize(out.len(), 0);
            bounds[first] |= BOUND_LEFT;
            bounds[out.len() - 1] |= BOUND_RIGHT;
        }
    }
    (out, bounds)
}

/// The distinct trigrams of `s`, in PostgreSQL's order.
pub fn trigram_set(s: &str) -> Vec<Trgm> {
    let mut t = trigrams_in_order(s, false).0;
    t.sort_by(cmp);
    t.dedup();
    t
}

/// pg_trgm's similarity of two counts: shared / (len1 + len2 - shared), in
/// single precision.
pub fn calc_sml(count: i64, len1: i64, len2: i64) -> f32 {
    count as f32 / (len1 + len2 - count) as f32
}

/// similarity(): shared trigrams over all trigrams of the two strings.
pub fn similarity(a: &str, b: &str) -> f32 {
    let (x, y) = (trigram_set(a), trigram_set(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut count) = (0, 0, 0i64);
    while i < x.len() && j < y.len() {
        match cmp(&x[i], &y[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                i += 1;
                j += 1;
                count += 1;
            }
        }
    }
    calc_sml(count, x.len() as i64, y.len() as i64)
}

/// How show_trgm prints a trigram: its characters when all three are ASCII
/// letters, digits or spaces, else `0x` and six hex digits.
pub fn show(t: &Trgm) -> String {
    if t.iter().all(|&b| b.is_ascii_alphanumeric() || b == b' ') {
        t.iter().map(|&b| b as char).collect()
    } else {
        format!("0x{:02x}{:02x}{:02x}", t[0], t[1], t[2])
    }
}

/// word_similarity() (strict: strict_word_similarity()): the greatest
/// similarity between the trigrams of `a` and a continuous extent of the
/// trigrams of `b` (in strict mode, an extent of whole words).
pub fn word_similarity(a: &str, b: &str, strict: bool) -> f32 {
    let t1 = trigrams_in_order(a, false).0;
    let (t2, bounds) = trigrams_in_order(b, strict);
    // Every trigram of both, sorted, numbered by distinct value: `found`
    // says which values `a` has, `index2` gives each of b's its number.
    let mut all: Vec<(Trgm, i64)> = t1.iter().map(|t| (*t, -1)).collect();
    all.extend(t2.iter().enumerate().map(|(i, t)| (*t, i as i64)));
    all.sort_by(|x, y| cmp(&x.0, &y.0).then(x.1.cmp(&y.1)));
    let mut found = vec![false; all.len()];
    let mut index2 = vec![0usize; t2.len()];
    let mut ulen1 = 0i64;
    let mut j = 0;
    for (i, (t, pos)) in all.iter().enumerate() {
        if i > 0 && cmp(&all[i - 1].0, t) != Ordering::Equal {
            if found[j] {
                ulen1 += 1;
            }
            j += 1;
        }
        if *pos >= 0 {
            index2[*pos as usize] = j;
        } else {
            found[j] = true;
        }
    }
    if !all.is_empty() && found[j] {
        ulen1 += 1;
    }
    iterate(&index2, &found, ulen1, &bounds, strict)
}

/// pg_trgm's iterate_word_similarity, computing the maximum.
fn iterate(index2: &[usize], found: &[bool], ulen1: i64, bounds: &[u8], strict: bool) -> f32 {
    let mut lastpos: Vec<isize> = vec![-1; found.len()];
    let (mut ulen2, mut count) = (0i64, 0i64);
    let mut lower: isize = if strict { 0 } else { -1 };
    let mut best = 0f32;
    for (i, &ti) in index2.iter().enumerate() {
        if lower >= 0 || found[ti] {
            if lastpos[ti] < 0 {
                ulen2 += 1;
                if found[ti] {
                    count += 1;
                }
            }
            lastpos[ti] = i as isize;
        }
        let closes = if strict {
            bounds[i] & BOUND_RIGHT != 0
        } else {
            found[ti]
        };
        if !closes {
            continue;
        }
        let upper = i as isize;
        if lower == -1 {
            lower = upper;
            ulen2 = 1;
        }
        let mut current = calc_sml(count, ulen1, ulen2);
        // Try moving the lower bound right for a greater similarity.
        let (mut tmp_count, mut tmp_ulen2) = (count, ulen2);
        let prev_lower = lower;
        let first = lower;
        for tmp_lower in first..=upper {
            let t = tmp_lower as usize;
            if !strict || bounds[t] & BOUND_LEFT != 0 {
                let s = calc_sml(tmp_count, ulen1, tmp_ulen2);
                if s > current {
                    current = s;
                    ulen2 = tmp_ulen2;
                    lower = tmp_lower;
                    count = tmp_count;
                }
            }
            let ti = index2[t];
            if lastpos[ti] == tmp_lower {
                tmp_ulen2 -= 1;
                if found[ti] {
                    tmp_count -= 1;
                }
            }
        }
        best = best.max(current);
        for t in prev_lower..lower {
            let ti = index2[t as usize];
            if lastpos[ti] == t {
                lastpos[ti] = -1;
            }
        }
    }
    best
}
