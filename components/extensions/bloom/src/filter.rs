//! The `bloom_filter1` module: sizing, hashing and the shadow table.

use siphasher::sip::SipHasher24;
use sqlink_sdk::prelude::*;
use sqlink_sdk::spi;
use std::hash::Hasher;

/// The declared schema: the answer, and the value looked up.
const SCHEMA: &str = "CREATE TABLE x(present, word HIDDEN NOT NULL PRIMARY KEY)";

/// One filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Bloom {
    /// The database the table is in.
    database: String,
    /// The table's name.
    table: String,
    /// Bytes in the filter.
    bytes: u64,
    /// Hash functions.
    k: i64,
}

/// A name quoted as the reference quotes it (`"%s"`).
fn quoted(name: &str) -> String {
    format!("\"{name}\"")
}

/// The bits a filter for `n` elements with false-positive chance `p`
/// needs: `ceil(-n ln p / (ln 2)^2)`.
pub fn bits(n: u64, p: f64) -> u64 {
    (-((n as f64 * p.ln()) / (2f64.ln() * 2f64.ln()))).ceil() as u64
}

/// The bytes of a filter of `bits` bits, as the reference's `int`.
pub fn bytes(bits: u64) -> u64 {
    (bits as i32 as i64 / 8 + i64::from(!bits.is_multiple_of(8))) as u64
}

/// The default number of hash functions: `round(-log2(p))`.
pub fn default_k(p: f64) -> i64 {
    (-p.log2()).round() as i64
}

/// Hash function `i` of `data`: SipHash-2-4 keyed with (`!i`, `i`).
pub fn hash(data: &[u8], i: u64) -> u64 {
    let mut h = SipHasher24::new_with_keys(!i, i);
    h.write(data);
    h.finish()
}

/// The bit positions (in bits from the start) of `data` in a filter of
/// `bytes` bytes with `k` hash functions.
pub fn positions(data: &[u8], bytes: u64, k: i64) -> Vec<u64> {
    (0..k.max(0) as u64).map(|i| hash(data, i) % (bytes * 8)).collect()
}

/// C's `strtoull`/`strtol` with base 0 on the argument text: leading
/// space, a sign, then `0x` hex, `0` octal or decimal digits; 0 when none.
pub fn c_integer(text: &str) -> i64 {
    let t = text.trim_start();
    let (negative, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let (radix, digits) = if (t.starts_with("0x") || t.starts_with("0X")) && t[2..].starts_with(|c: char| c.is_ascii_hexdigit()) {
        (16, &t[2..])
    } else if t.starts_with('0') {
        (8, t)
    } else {
        (10, t)
    };
    let end = digits.find(|c: char| !c.is_digit(radix)).unwrap_or(digits.len());
    let value = digits[..end].chars().fold(0u64, |v, c| v.wrapping_mul(u64::from(radix)).wrapping_add(u64::from(c.to_digit(radix).unwrap_or(0))));
    let value = if negative { value.wrapping_neg() } else { value };
    value as i64
}

/// C's `strtod` on the argument text: the longest decimal number at its
/// start (after spaces), 0 when there is none.
pub fn c_real(text: &str) -> f64 {
    let t = text.trim_start();
    let b = t.as_bytes();
    let mut end = 0;
    if matches!(b.first(), Some(b'+' | b'-')) {
        end = 1;
    }
    let digits = |mut at: usize| {
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        at
    };
    let int_end = digits(end);
    let mut last = int_end;
    let mut any = int_end > end;
    if b.get(last) == Some(&b'.') {
        let frac_end = digits(last + 1);
        any |= frac_end > last + 1;
        last = frac_end;
    }
    if !any {
        return 0.0;
    }
    if matches!(b.get(last), Some(b'e' | b'E')) {
        let mut at = last + 1;
        if matches!(b.get(at), Some(b'+' | b'-')) {
            at += 1;
        }
        let exp_end = digits(at);
        if exp_end > at {
            last = exp_end;
        }
    }
    t[..last].parse().unwrap_or(0.0)
}

impl Bloom {
    /// The shadow table, qualified and quoted.
    fn storage(&self) -> String {
        format!("{}.{}", quoted(&self.database), quoted(&format!("{}_storage", self.table)))
    }

    /// Whether every bit of `data` is set.
    fn contains(&self, data: &[u8]) -> Result<bool> {
        for bit in positions(data, self.bytes, self.k) {
            let sql = format!("SELECT substr(data, ?, 1) FROM {} WHERE rowid = 1", self.storage());
            let rows = spi::query(&sql, &[Value::Integer((bit / 8) as i64 + 1)])?;
            let byte = match rows.rows.first().and_then(|r| r.first()) {
                Some(Value::Blob(b) | Value::Text(b)) => b.first().copied().unwrap_or(0),
                _ => 0,
            };
            if byte & (1 << (bit % 8)) == 0 {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Sets every bit of `data`.
    fn add(&self, data: &[u8]) -> Result<()> {
        let read = format!("SELECT data FROM {} WHERE rowid = 1", self.storage());
        let rows = spi::query(&read, &[])?;
        let mut filter = match rows.rows.into_iter().next().and_then(|r| r.into_iter().next()) {
            Some(Value::Blob(b) | Value::Text(b)) => b,
            _ => return Err(Error::new(format!("{}_storage has no filter", self.table))),
        };
        let mut changed = false;
        for bit in positions(data, self.bytes, self.k) {
            if let Some(byte) = filter.get_mut((bit / 8) as usize) {
                changed |= *byte & (1 << (bit % 8)) == 0;
                *byte |= 1 << (bit % 8);
            }
        }
        if changed {
            let write = format!("UPDATE {} SET data = ? WHERE rowid = 1", self.storage());
            spi::query(&write, &[Value::Blob(filter)])?;
        }
        Ok(())
    }
}

/// A value's bytes as `sqlite3_value_blob` gives them: text and blobs as
/// they are, numbers as SQLite writes them as text, NULL as none.
fn bytes_of(value: &Value) -> Result<Vec<u8>> {
    Ok(match value {
        Value::Null => Vec::new(),
        Value::Integer(i) => i.to_string().into_bytes(),
        Value::Text(t) | Value::Blob(t) => t.clone(),
        Value::Real(_) => match spi::query("SELECT CAST(? AS BLOB)", std::slice::from_ref(value))?.rows.first().and_then(|r| r.first()) {
            Some(Value::Blob(b) | Value::Text(b)) => b.clone(),
            _ => Vec::new(),
        },
    })
}

impl Table for Bloom {
    type Rows = std::vec::IntoIter<Result<Row>>;

    /// Reads the filter's size and `k` from its shadow table.
    fn connect(args: &TableArgs) -> Result<(String, Self)> {
        let mut table = Bloom { database: args.database.clone(), table: args.table.clone(), bytes: 0, k: 0 };
        let sql = format!("SELECT m/8, p, k FROM {} WHERE rowid = 1", table.storage());
        let rows = spi::query(&sql, &[])?;
        let Some(row) = rows.rows.first() else {
            return Err(Error::with_code(267, format!("{}_storage has no filter", args.table)));
        };
        let int = |v: Option<&Value>| match v {
            Some(Value::Integer(i)) => *i,
            Some(Value::Real(r)) => *r as i64,
            _ => 0,
        };
        table.bytes = int(row.first()) as u64;
        table.k = int(row.get(2));
        Ok((SCHEMA.into(), table))
    }

    /// Looks up `word = ?` when given; ORDER BY is always taken as given,
    /// and the cost is `k`, as in the reference.
    fn best_index(&self, info: &IndexInfo) -> Result<IndexPlan> {
        let mut plan = IndexPlan { usage: vec![ConstraintUse::default(); info.constraints.len()], ..IndexPlan::default() };
        if let Some(i) = info.constraints.iter().position(|c| c.usable && c.column == 1 && c.op == ConstraintOp::EQ) {
            plan.usage[i] = ConstraintUse { argv_index: 1, omit: false, all_at_once: false };
        }
        plan.order_by_consumed = true;
        plan.estimated_rows = 1;
        plan.unique = true;
        plan.estimated_cost = self.k as f64;
        Ok(plan)
    }

    fn scan(&self, scan: &Scan) -> Result<Self::Rows> {
        let [value] = scan.args.as_slice() else {
            return Ok(Vec::new().into_iter());
        };
        let found = self.bytes > 0 && self.contains(&bytes_of(value)?)?;
        let rows = if found { vec![Ok(Row::new(1, vec![Value::Integer(1), value.clone()]))] } else { Vec::new() };
        Ok(rows.into_iter())
    }
}

impl CreateTable for Bloom {
    const SHADOW_TABLES: &'static [&'static str] = &["storage"];

    /// Checks the arguments, then creates `<name>_storage` holding an empty
    /// filter.
    fn create(args: &TableArgs) -> Result<(String, Self)> {
        let a = &args.arguments;
        let n = match a.first() {
            Some(text) => c_integer(text) as i32,
            None => 100,
        };
        if n <= 0 {
            return Err(Error::new("Number of elements in filter must be positive"));
        }
        let p = match a.get(1) {
            Some(text) => c_real(text),
            None => 0.01,
        };
        if !(p > 0.0 && p < 1.0) {
            return Err(Error::new("Probability must be in the range (0,1)"));
        }
        let bytes = bytes(bits(n as u64, p));
        let k = if a.len() == 3 { c_integer(&a[2]) as i32 as i64 } else { default_k(p) };
        if k <= 0 {
            return Err(Error::new("Number of hash functions must be positive."));
        }
        let table = Bloom { database: args.database.clone(), table: args.table.clone(), bytes, k };
        let storage = table.storage();
        spi::query(&format!("CREATE TABLE {storage}(data BLOB, p REAL, n INTEGER, m INTEGER, k INTEGER)"), &[])?;
        spi::query(
            &format!("INSERT INTO {storage}(rowid, data, p, n, m, k) VALUES (1, zeroblob(?), {p:.6}, {n}, {}, {k})", bytes * 8),
            &[Value::Integer(bytes as i64)],
        )?;
        Ok((SCHEMA.into(), table))
    }

    /// Drops `<name>_storage`.
    fn destroy(&mut self) -> Result<()> {
        spi::query(&format!("DROP TABLE {}", self.storage()), &[]).map(|_| ())
    }
}

impl UpdateTable for Bloom {
    /// Adds the first column's value (`present`, which `VALUES (x)` sets).
    fn insert(&mut self, _rowid: Option<i64>, values: Vec<Value>) -> Result<i64> {
        let data = bytes_of(values.first().unwrap_or(&Value::Null))?;
        self.add(&data)?;
        Ok(1)
    }

    fn update(&mut self, _old: i64, _new: i64, _values: Vec<Value>) -> Result<()> {
        Err(Error::new("bloom_filter elements cannot be updated."))
    }

    fn delete(&mut self, _rowid: i64) -> Result<()> {
        Err(Error::new("bloom_filter elements cannot be deleted."))
    }
}

impl TransactionTable for Bloom {
    /// Renames `<name>_storage` along.
    fn rename(&mut self, new_name: &str) -> Result<()> {
        spi::query(&format!("ALTER TABLE {} RENAME TO {}", self.storage(), quoted(&format!("{new_name}_storage"))), &[])?;
        self.table = new_name.to_string();
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siphash_is_the_reference_vector() {
        // SipHash-2-4 paper, appendix A: key 00..0f, message 00..0e.
        let key0 = u64::from_le_bytes([0, 1, 2, 3, 4, 5, 6, 7]);
        let key1 = u64::from_le_bytes([8, 9, 10, 11, 12, 13, 14, 15]);
        let mut h = SipHasher24::new_with_keys(key0, key1);
        h.write(&(0u8..15).collect::<Vec<_>>());
        assert_eq!(h.finish(), 0xa129ca6149be45e5);
    }

    #[test]
    fn sizes_are_the_references() {
        assert_eq!(bits(20, 0.01), 192);
        assert_eq!(bytes(192), 24);
        assert_eq!(bytes(193), 25);
        assert_eq!(default_k(0.01), 7);
        assert_eq!(default_k(0.5), 1);
    }

    #[test]
    fn arguments_parse_as_c_parses_them() {
        assert_eq!(c_integer("20"), 20);
        assert_eq!(c_integer("0x10"), 16);
        assert_eq!(c_integer("010"), 8);
        assert_eq!(c_integer("abc"), 0);
        assert_eq!(c_integer("-5"), -5);
        assert_eq!(c_integer("12.7"), 12);
        assert_eq!(c_real("0.05"), 0.05);
        assert_eq!(c_real("1e-3x"), 0.001);
        assert_eq!(c_real(".5"), 0.5);
        assert_eq!(c_real("'0.1'"), 0.0);
    }
}
