//! The path's dot segments removed.

/// `dedotdotify`: RFC 3986 5.2.4 as curl does it, on a path without query
/// or fragment.
pub fn dedotdotify(input: &[u8]) -> Vec<u8> {
    if input.len() < 2 || !input.contains(&b'.') {
        return input.to_vec();
    }
    let mut out: Vec<u8> = Vec::with_capacity(input.len());
    let mut i = 0;
    let rest = |i: usize| &input[i..];
    loop {
        let r = rest(i);
        let mut dotdot = true;
        if r.first() == Some(&b'.') {
            if r.starts_with(b"./") {
                i += 2;
            } else if r.starts_with(b"../") {
                i += 3;
            } else if r == b"." || r == b".." {
                out.clear();
                break;
            } else {
                dotdot = false;
            }
        } else if r.first() == Some(&b'/') {
            if r.starts_with(b"/./") {
                i += 2;
            } else if r == b"/." {
                out.push(b'/');
                break;
            } else if r.starts_with(b"/../") {
                i += 3;
                // Remove the last segment and its preceding "/".
                let cut = out.iter().rposition(|&c| c == b'/').unwrap_or(0);
                out.truncate(cut);
            } else if r == b"/.." {
                let cut = out.iter().rposition(|&c| c == b'/').unwrap_or(0);
                out.truncate(cut);
                out.push(b'/');
                break;
            } else {
                dotdot = false;
            }
        } else {
            dotdot = false;
        }
        if !dotdot {
            // Move the first segment, with its leading "/", to the output.
            out.push(input[i]);
            i += 1;
            while i < input.len() && input[i] != b'/' {
                out.push(input[i]);
                i += 1;
            }
        }
        if i >= input.len() {
            break;
        }
    }
    out
}
