//! Levenshtein distance as PostgreSQL computes it (varstr_levenshtein and
//! varstr_levenshtein_less_equal): over characters, with costs, and with a
//! bound whose band of columns narrows the same way, so that results past
//! the bound are PostgreSQL's too.

use sqlink_sdk::{Error, Result};

/// PostgreSQL's limit on either string, in characters.
const MAX_LEN: usize = 255;

/// The distance from `a` to `b`; with `max_d` (when not negative), an
/// exact answer only when it is at most `max_d`, else some larger number.
pub fn distance(a: &str, b: &str, ins: i32, del: i32, sub: i32, max_d: Option<i32>) -> Result<i64> {
    let s: Vec<char> = a.chars().collect();
    let t: Vec<char> = b.chars().collect();
    let (ins, del, mut sub) = (ins as i64, del as i64, sub as i64);
    let (m, n) = (s.len(), t.len());
    if m == 0 {
        return Ok(n as i64 * ins);
    }
    if n == 0 {
        return Ok(m as i64 * del);
    }
    if m > MAX_LEN || n > MAX_LEN {
        return Err(Error::new(format!(
            "levenshtein argument exceeds maximum length of {MAX_LEN} characters"
        )));
    }
    let mut max_d = max_d.map_or(-1, i64::from);
    // Columns 0..=m of each row; [start, stop) is the band still computed.
    let mut start = 0usize;
    let mut stop = m + 1;
    if max_d >= 0 {
        let net = n as i64 - m as i64;
        let min_theo = if net < 0 { -net * del } else { net * ins };
        if min_theo > max_d {
            return Ok(max_d + 1);
        }
        if ins + del < sub {
            sub = ins + del;
        }
        let max_theo = min_theo + sub * m.min(n) as i64;
        if max_d >= max_theo {
            max_d = -1;
        } else if ins + del > 0 {
            let slack = max_d - min_theo;
            let best = if net < 0 { -net } else { 0 };
            let s_col = best + slack / (ins + del) + 1;
            stop = if s_col > m as i64 {
                m + 1
            } else {
                s_col as usize
            };
        }
    }
    let width = m + 1;
    let mut prev = vec![0i64; width];
    let mut curr = vec![0i64; width];
    for (i, p) in prev.iter_mut().enumerate().take(stop).skip(start) {
        *p = i as i64 * del;
    }
    for j in 1..=n {
        let y = t[j - 1];
        if max_d >= 0 && stop < width {
            prev[stop] = max_d + 1;
            stop += 1;
        }
        let mut i = if start == 0 {
            curr[0] = j as i64 * ins;
            1
        } else {
            start
        };
        let end = if max_d >= 0 { stop } else { width };
        while i < end {
            let insertion = prev[i] + ins;
            let deletion = curr[i - 1] + del;
            let substitution = prev[i - 1] + if s[i - 1] == y { 0 } else { sub };
            curr[i] = insertion.min(deletion).min(substitution);
            i += 1;
        }
        std::mem::swap(&mut prev, &mut curr);
        if max_d >= 0 {
            // The column where what is left of both strings has one length.
            let zp = j as i64 - (n as i64 - m as i64);
            let residual = |col: usize| {
                let net = col as i64 - zp;
                if net > 0 { net * ins } else { -net * del }
            };
            while stop > 0 {
                let ii = stop - 1;
                if prev[ii] + residual(ii) <= max_d {
                    break;
                }
                stop -= 1;
            }
            while start < stop {
                if prev[start] + residual(start) <= max_d {
                    break;
                }
                prev[start] = max_d + 1;
                curr[start] = max_d + 1;
                start += 1;
            }
            if start >= stop {
                return Ok(max_d + 1);
            }
        }
    }
    Ok(prev[m])
}
