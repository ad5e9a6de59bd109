//! The layouts sqlite3 gives EXPLAIN output: bytecode in fixed-width
//! columns with the bodies of loops indented (`EXPLAIN`, `.explain on`,
//! `.eqp full`), and query plans drawn as a tree (`EXPLAIN QUERY PLAN`,
//! `.eqp on`).

use crate::format::char_count;

/// Column widths of the EXPLAIN layout: addr, opcode, p1, p2, p3, p4, p5,
/// comment. At most this many columns are shown.
const WIDTHS: [usize; 8] = [4, 13, 4, 4, 4, 13, 2, 13];

/// The column names that show a result is bytecode.
const BYTECODE_COLUMNS: [&str; 8] = ["addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment"];

/// `text` padded with spaces to `width` characters (never cut: callers
/// widen `width` to the text).
fn padded(out: &mut Vec<u8>, text: &[u8], width: usize) {
    out.extend_from_slice(text);
    let n = char_count(text);
    if n < width {
        out.resize(out.len() + width - n, b' ');
    }
}

/// One instruction of bytecode as indenting needs it: addr, opcode, p1, p2.
pub type Instruction = (i64, Vec<u8>, i64, i64);

/// Whether a result with these column names is EXPLAIN bytecode.
pub fn is_bytecode(names: &[Vec<u8>]) -> bool {
    names.len() == BYTECODE_COLUMNS.len() && names.iter().zip(BYTECODE_COLUMNS).all(|(n, c)| n == c.as_bytes())
}

/// How far to indent each row of bytecode: the instructions a `Next`,
/// `Prev`, `VNext`, `VPrev`, `SorterNext` or `Return` jumps back over, and
/// those a `Goto` jumps back over to a `Yield`, `SeekLT`, `SeekGT`,
/// `RowSetRead` or `Rewind` (or with P1 set), by two spaces per loop.
/// Each row gives addr, opcode, p1 and p2.
pub fn indents(rows: &[Instruction]) -> Vec<usize> {
    const NEXT: &[&[u8]] = &[b"Next", b"Prev", b"VPrev", b"VNext", b"SorterNext", b"Return"];
    const YIELD: &[&[u8]] = &[b"Yield", b"SeekLT", b"SeekGT", b"RowSetRead", b"Rewind"];
    let mut indent = vec![0usize; rows.len()];
    let mut yields = vec![false; rows.len()];
    for (op, (addr, opcode, p1, p2)) in rows.iter().enumerate() {
        // Within a trigger's sub-program addresses restart; keep the offset.
        let target = p2 + (op as i64 - addr);
        yields[op] = YIELD.contains(&opcode.as_slice());
        let back_over = |indent: &mut Vec<usize>| {
            for slot in &mut indent[target as usize..op] {
                *slot += 2;
            }
        };
        if NEXT.contains(&opcode.as_slice()) && target > 0 && target <= op as i64 {
            back_over(&mut indent);
        }
        if opcode == b"Goto" && (0..=op as i64).contains(&target) && (yields[target as usize] || *p1 != 0) {
            back_over(&mut indent);
        }
    }
    indent
}

/// Writes the header of the EXPLAIN layout for `names`.
pub fn header(out: &mut Vec<u8>, names: &[Vec<u8>]) {
    let n = names.len().min(WIDTHS.len());
    for (i, name) in names.iter().take(n).enumerate() {
        padded(out, name, WIDTHS[i]);
        out.extend_from_slice(if i == n - 1 { b"\n" } else { b"  " });
    }
    for (i, w) in WIDTHS.iter().take(n).enumerate() {
        out.resize(out.len() + w, b'-');
        out.extend_from_slice(if i == n - 1 { b"\n" } else { b"  " });
    }
}

/// Writes one row of the EXPLAIN layout: `cells` as text (NULL already
/// replaced), the opcode column indented by `indent` spaces.
pub fn row(out: &mut Vec<u8>, cells: &[&[u8]], indent: Option<usize>) {
    let n = cells.len().min(WIDTHS.len());
    for (i, cell) in cells.iter().take(n).enumerate() {
        let width = if i == n - 1 { 0 } else { WIDTHS[i] };
        if i == 1 && let Some(spaces) = indent {
            out.resize(out.len() + spaces, b' ');
        }
        padded(out, cell, width.max(char_count(cell)));
        out.extend_from_slice(if i == n - 1 { b"\n" } else { b"  " });
    }
}

/// One line of a query plan.
struct PlanRow {
    id: i64,
    parent: i64,
    text: Vec<u8>,
}

/// The lines of a query plan, gathered until it is drawn.
#[derive(Default)]
pub struct QueryPlan {
    rows: Vec<PlanRow>,
}

/// Deepest prefix a level of the tree may have (sqlite3's buffer).
const MAX_PREFIX: usize = 100 - 7;

impl QueryPlan {
    /// Adds a line: its id, its parent's id and its text.
    pub fn push(&mut self, id: i64, parent: i64, text: &[u8]) {
        self.rows.push(PlanRow { id, parent, text: text.to_vec() });
    }

    /// Draws the gathered lines as a tree under `QUERY PLAN` (or under the
    /// title of a `-- TRIGGER` line that comes first) and forgets them.
    pub fn render(&mut self, out: &mut Vec<u8>) {
        if self.rows.is_empty() {
            return;
        }
        if self.rows[0].text.first() == Some(&b'-') {
            if self.rows.len() == 1 {
                self.rows.clear();
                return;
            }
            let title = self.rows.remove(0);
            out.extend_from_slice(title.text.get(3..).unwrap_or_default());
            out.push(b'\n');
        } else {
            out.extend_from_slice(b"QUERY PLAN\n");
        }
        let mut prefix = Vec::new();
        self.level(0, &mut prefix, out);
        self.rows.clear();
    }

    fn level(&self, parent: i64, prefix: &mut Vec<u8>, out: &mut Vec<u8>) {
        let children: Vec<&PlanRow> = self.rows.iter().filter(|r| r.parent == parent).collect();
        for (k, row) in children.iter().enumerate() {
            let last = k + 1 == children.len();
            out.extend_from_slice(prefix);
            out.extend_from_slice(if last { b"`--" } else { b"|--" });
            out.extend_from_slice(&row.text);
            out.push(b'\n');
            if prefix.len() < MAX_PREFIX {
                let n = prefix.len();
                prefix.extend_from_slice(if last { b"   " } else { b"|  " });
                self.level(row.id, prefix, out);
                prefix.truncate(n);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_plans_as_trees() {
        let mut plan = QueryPlan::default();
        plan.push(2, 0, b"SCAN a");
        plan.push(4, 0, b"SEARCH b");
        plan.push(5, 4, b"USE TEMP B-TREE");
        let mut out = Vec::new();
        plan.render(&mut out);
        assert_eq!(out, b"QUERY PLAN\n|--SCAN a\n`--SEARCH b\n   `--USE TEMP B-TREE\n");
        assert!(plan.rows.is_empty());
        plan.push(0, 0, b"-- TRIGGER t");
        plan.push(3, 0, b"SCAN x");
        out.clear();
        plan.render(&mut out);
        assert_eq!(out, b"TRIGGER t\n`--SCAN x\n");
    }

    #[test]
    fn indents_loops() {
        let op = |addr: i64, name: &str, p1: i64, p2: i64| (addr, name.as_bytes().to_vec(), p1, p2);
        let rows = [op(0, "Init", 0, 5), op(1, "Rewind", 0, 4), op(2, "Column", 0, 0), op(3, "Next", 0, 2), op(4, "Halt", 0, 0)];
        assert_eq!(indents(&rows), [0, 0, 2, 0, 0]);
        let mut out = Vec::new();
        row(&mut out, &[b"2", b"Column", b"0", b"0", b"1", b"", b"0", b""], Some(2));
        assert_eq!(out, b"2       Column         0     0     1                    0   \n".to_vec());
    }
}
