//! A mixed SQL workload in the shape of SQLite's speedtest1: bulk inserts in
//! a transaction, thousands of small statements, index creation, indexed
//! point and range lookups, joins, GROUP BY, ORDER BY, LIKE, UPDATE and
//! DELETE.
//!
//! The script is plain SQL for any shell (sqlink in each of its runners,
//! Debian's sqlite3): the same text gives the same output everywhere, so
//! tests compare outputs and `make bench` times runs. It is deterministic
//! (a fixed pseudo-random sequence) and prints only integers and text, so
//! no output depends on how a shell formats reals; it uses nothing newer
//! than SQLite 3.40.

use std::fmt::Write;

/// The small pseudo-random generator speedtest1 uses, so the script is the
/// same on every run.
struct Random(u32, u32);

impl Random {
    fn new() -> Random {
        Random(0x1234_5678, 0x8765_4321)
    }

    fn next(&mut self) -> u32 {
        self.0 = (self.0 >> 1) ^ ((self.0 & 1).wrapping_neg() & 0xd000_0001);
        self.1 = self.1.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        self.0 ^ self.1
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u32) -> u32 {
        self.next() % n
    }
}

const ONES: [&str; 20] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const TENS: [&str; 10] = ["", "ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// `n` in English words, as speedtest1 spells its text column.
pub fn words(n: u32) -> String {
    let mut parts = Vec::new();
    let mut n = n;
    for (unit, name) in [(1_000_000_000, "billion"), (1_000_000, "million"), (1_000, "thousand")] {
        if n >= unit {
            parts.push(words(n / unit));
            parts.push(name.to_string());
            n %= unit;
        }
    }
    if n >= 100 {
        parts.push(format!("{} hundred", ONES[(n / 100) as usize]));
        n %= 100;
    }
    if n >= 20 {
        parts.push(TENS[(n / 10) as usize].to_string());
        n %= 10;
    }
    if n > 0 || parts.is_empty() {
        parts.push(ONES[n as usize].to_string());
    }
    parts.join(" ")
}

/// The workload over `rows` rows; its run time grows linearly with `rows`.
pub fn script(rows: u32) -> String {
    let mut r = Random::new();
    let mut s = String::with_capacity(rows as usize * 160);
    let n = rows.max(100);
    let range = n * 4;
    s.push_str("create table t1(a integer, b integer, c text);\n");
    s.push_str("create table t2(a integer primary key, b integer, c text);\n");
    // Bulk insert, one statement per row, in one transaction.
    s.push_str("begin;\n");
    for i in 1..=n {
        let b = r.below(range);
        writeln!(s, "insert into t1 values({i}, {b}, '{}');", words(b)).unwrap();
    }
    s.push_str("commit;\n");
    s.push_str("begin;\ninsert into t2 select a, b, c from t1 order by b;\ncommit;\n");
    s.push_str("create index t1b on t1(b);\ncreate index t1c on t1(c);\n");
    // Point lookups on the primary key.
    for _ in 0..n / 5 {
        writeln!(s, "select b, c from t2 where a = {};", r.below(n) + 1).unwrap();
    }
    // Range lookups on an index.
    for _ in 0..n / 25 {
        let lo = r.below(range);
        writeln!(s, "select count(*), sum(a) from t1 where b between {lo} and {};", lo + 500).unwrap();
    }
    // Text range lookups on the other index.
    for _ in 0..n / 50 {
        let w = words(r.below(range));
        writeln!(s, "select count(*) from t1 where c >= '{w}' and c < '{w} z';").unwrap();
    }
    // Joins.
    for _ in 0..n / 250 {
        let lo = r.below(n);
        writeln!(s, "select count(*), sum(t2.b) from t1 join t2 on t1.b = t2.a where t1.a between {lo} and {};", lo + 200).unwrap();
    }
    // Grouping, sorting, pattern matching.
    s.push_str("select b % 97 as g, count(*), sum(a), min(c), max(c) from t1 group by g order by g;\n");
    for _ in 0..10 {
        writeln!(s, "select a, c from t1 order by c, a limit 5 offset {};", r.below(n)).unwrap();
    }
    for w in ["%seven%", "%hundred ninety%", "one%", "%thousand one", "%sixty six%"] {
        writeln!(s, "select count(*) from t1 where c like '{w}';").unwrap();
    }
    // Updates, small and large, then deletes.
    s.push_str("begin;\n");
    for _ in 0..n / 100 {
        let lo = r.below(n);
        writeln!(s, "update t1 set b = b + 1 where a between {lo} and {};", lo + 50).unwrap();
    }
    s.push_str("commit;\n");
    s.push_str("update t2 set c = upper(c) where a % 3 = 0;\n");
    s.push_str("delete from t1 where a % 7 = 0;\n");
    s.push_str("delete from t2 where b % 11 = 0;\n");
    // What is left, and that it is intact.
    s.push_str("select count(*), sum(b), sum(length(c)) from t1;\n");
    s.push_str("select count(*), sum(b), sum(length(c)), count(distinct upper(c) = c) from t2;\n");
    s.push_str("pragma integrity_check;\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_speedtest1_spells_them() {
        assert_eq!(words(0), "zero");
        assert_eq!(words(14), "fourteen");
        assert_eq!(words(40), "forty");
        assert_eq!(words(115), "one hundred fifteen");
        assert_eq!(words(2_019_304), "two million nineteen thousand three hundred four");
    }

    #[test]
    fn the_script_is_the_same_every_time() {
        let (a, b) = (script(1000), script(1000));
        assert_eq!(a, b);
        assert_eq!(a.lines().filter(|l| l.starts_with("insert into t1")).count(), 1000);
        assert_eq!(a.lines().filter(|l| l.starts_with("select b, c from t2 where a =")).count(), 200);
        assert!(a.ends_with("pragma integrity_check;\n"));
    }
}
