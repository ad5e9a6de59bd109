//! `stdnum.numdb`: a tree of number prefix ranges read from a `.dat` file,
//! used to split a number into its parts (ISBN group, registrant, item).

use std::sync::OnceLock;

/// One range line: prefix length, low and high bounds, and the ranges
/// nested under it (shared by the ranges of one line, as in stdnum).
struct Prefix {
    length: usize,
    low: String,
    high: String,
    children: usize,
}

/// The parsed database: `nodes[i]` are the prefixes of one level.
pub struct NumDb {
    levels: Vec<Vec<Prefix>>,
}

impl NumDb {
    /// Parses stdnum's format: indentation gives depth, then
    /// comma-separated `low-high` ranges, then `key="value"` properties
    /// (ignored here).
    pub fn parse(text: &str) -> NumDb {
        let mut levels: Vec<Vec<Prefix>> = vec![Vec::new()];
        // The level lines of each indentation append to (stdnum's `stack`).
        let mut stack: Vec<usize> = vec![0];
        let mut last_indent = 0;
        for line in text.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            let ranges = line.trim_start().split(' ').next().unwrap_or("");
            if stack.len() <= indent {
                stack.resize(indent + 1, 0);
            }
            if indent > last_indent {
                // The children of the last prefix at the previous depth.
                stack[indent] = levels[stack[last_indent]].last().map(|p| p.children).unwrap_or(0);
            }
            let level = stack[indent];
            let children = levels.len();
            levels.push(Vec::new());
            for r in ranges.split(',') {
                let (low, high) = r.split_once('-').unwrap_or((r, r));
                levels[level].push(Prefix { length: low.chars().count(), low: low.into(), high: high.into(), children });
            }
            last_indent = indent;
        }
        NumDb { levels }
    }

    /// `NumDB.split`: the parts of `number` the prefixes recognise, the
    /// rest as a last part.
    pub fn split(&self, number: &str) -> Vec<String> {
        let mut parts = Vec::new();
        let mut number: Vec<char> = number.chars().collect();
        let mut levels = vec![0usize];
        while !number.is_empty() {
            let mut part: Vec<char> = number.clone();
            let mut next: Vec<usize> = Vec::new();
            for &level in &levels {
                for p in &self.levels[level] {
                    if part.len() >= p.length {
                        let head: String = part[..p.length].iter().collect();
                        if p.low <= head && head <= p.high {
                            if p.length < part.len() {
                                part.truncate(p.length);
                                next.clear();
                            }
                            next.push(p.children);
                        }
                    }
                }
            }
            number.drain(..part.len());
            parts.push(part.into_iter().collect());
            levels = next;
        }
        parts
    }
}

/// stdnum's `isbn.dat` (ISBN International range message of 4 Jan 2026).
pub fn isbn() -> &'static NumDb {
    static DB: OnceLock<NumDb> = OnceLock::new();
    DB.get_or_init(|| NumDb::parse(include_str!("../testdata/isbn.dat")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_isbns() {
        assert_eq!(isbn().split("978020161622"), ["978", "0", "201", "61622"]);
        assert_eq!(isbn().split("979"), ["979"]);
        assert_eq!(isbn().split("12"), ["12"]);
    }
}
