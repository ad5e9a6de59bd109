//! HyperLogLog distinct counting, compatible with citusdata/postgresql-hll
//! 2.19: same function names, arguments and results, and the same bytes:
//! an `hll` here is a blob in postgresql-hll's storage format (schema
//! version 1: EMPTY, EXPLICIT, SPARSE, FULL), so values move between the
//! two unchanged, and its hashes are its MurmurHash3 x64 128 (seed 0 unless
//! given, first 64 bits) of the same bytes.
//!
//! Where PostgreSQL has types this has SQLite values: `hll` is a blob (text
//! in PostgreSQL's bytea output form `\x…` is read too), `hll_hashval` an
//! integer, `boolean` 1/0. Functions are STRICT as in PostgreSQL (a NULL
//! argument gives NULL). `hll_hash_integer` and `hll_hash_smallint` hash 4
//! and 2 little-endian bytes, as on x86-64, and reject out-of-range numbers
//! as PostgreSQL's casts do. Error messages are postgresql-hll's.
//!
//! Known gaps: the `||` and `#` operators, `hll_eq`/`hll_ne`,
//! `hll_hash_any`, `hll_expthresh` (two OUT values), the session settings
//! `hll_set_defaults`, `hll_set_max_sparse` and `hll_set_output_version`
//! (the defaults are fixed at log2m 11, regwidth 5, expthresh -1, sparse
//! on; sparse is chosen automatically) and typmods. Negative seeds are
//! allowed without PostgreSQL's warning.

mod multiset;

/// HyperLogLog sketches: hash values, add them, union sketches, estimate
/// distinct counts.
#[sqlink_sdk::extension(name = "hll")]
mod hll_ext {
    use crate::multiset::{check_modifiers, Multiset};
    use sqlink_sdk::prelude::*;
    use std::io::Cursor;

    const DEFAULT_LOG2M: i64 = 11;
    const DEFAULT_REGWIDTH: i64 = 5;
    const DEFAULT_EXPTHRESH: i64 = -1;
    const DEFAULT_SPARSEON: i64 = 1;

    fn murmur(bytes: &[u8], seed: Option<i64>) -> i64 {
        let seed = seed.unwrap_or(0) as i32 as u32;
        let h = murmur3::murmur3_x64_128(&mut Cursor::new(bytes), seed).expect("reading memory");
        h as u64 as i64
    }

    /// An hll argument: a blob, or PostgreSQL's `\x…` hex text.
    fn hll_bytes(v: &Value) -> Result<Option<Vec<u8>>> {
        match v {
            Value::Null => Ok(None),
            Value::Blob(b) => Ok(Some(b.clone())),
            Value::Text(t) => {
                let s = std::str::from_utf8(t).ok().and_then(|s| s.strip_prefix("\\x"));
                match s.and_then(from_hex) {
                    Some(b) => Ok(Some(b)),
                    None => Err(Error::new("invalid hll value: expected a blob or \\x hex text")),
                }
            }
            _ => Err(Error::new("invalid hll value: expected a blob or \\x hex text")),
        }
    }

    fn from_hex(s: &str) -> Option<Vec<u8>> {
        if s.len() % 2 != 0 {
            return None;
        }
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(s.get(i..i + 2)?, 16).ok()).collect()
    }

    fn unpack(v: &Value) -> Result<Option<Multiset>> {
        match hll_bytes(v)? {
            None => Ok(None),
            Some(b) => Multiset::unpack(&b).map(Some),
        }
    }

    /// An empty hll (a blob) with log2m (0-17, default 11) registers of
    /// regwidth bits (0-7, default 5), explicit threshold expthresh (-1 for
    /// automatic, 0, or a power of 2 up to 16383; default -1) and sparse
    /// representation on (1, default) or off (0); NULL if any argument is
    /// NULL; an error for a value out of range.
    #[function(deterministic, innocuous)]
    fn hll_empty(
        #[optional] log2m: Option<&Value>,
        #[optional] regwidth: Option<&Value>,
        #[optional] expthresh: Option<&Value>,
        #[optional] sparseon: Option<&Value>,
    ) -> Result<Option<Vec<u8>>> {
        let mut params = [DEFAULT_LOG2M, DEFAULT_REGWIDTH, DEFAULT_EXPTHRESH, DEFAULT_SPARSEON];
        for (slot, v) in params.iter_mut().zip([log2m, regwidth, expthresh, sparseon]) {
            match v {
                None => {}
                Some(Value::Null) => return Ok(None),
                Some(v) => *slot = int_arg(v)?,
            }
        }
        let [l, r, e, s] = params;
        check_modifiers(l, r, e, s)?;
        Ok(Some(Multiset::empty(l, r, e, s).pack()))
    }

    fn int_arg(v: &Value) -> Result<i64> {
        match v {
            Value::Integer(i) => Ok(*i),
            Value::Real(r) if r.fract() == 0.0 => Ok(*r as i64),
            Value::Text(t) => std::str::from_utf8(t)
                .ok()
                .and_then(|s| s.trim().parse().ok())
                .ok_or_else(|| Error::new(format!("invalid input syntax for type integer: \"{}\"", String::from_utf8_lossy(t)))),
            _ => Err(Error::new(format!("expected an integer, got {}", v.describe()))),
        }
    }

    /// The hash (an integer) of a text's UTF-8 bytes, with an optional
    /// seed (default 0); NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_hash_text(x: Option<RawText>, #[optional] seed: Option<i64>) -> Option<i64> {
        Some(murmur(x?.0, seed))
    }

    /// The hash (an integer) of a blob's bytes, with an optional seed
    /// (default 0); NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_hash_bytea(x: Option<&[u8]>, #[optional] seed: Option<i64>) -> Option<i64> {
        Some(murmur(x?, seed))
    }

    /// The hash (an integer) of a 64-bit integer's 8 little-endian bytes,
    /// with an optional seed (default 0); NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_hash_bigint(x: Option<i64>, #[optional] seed: Option<i64>) -> Option<i64> {
        Some(murmur(&x?.to_le_bytes(), seed))
    }

    /// The hash (an integer) of a 32-bit integer's 4 little-endian bytes,
    /// with an optional seed; NULL for NULL; an error outside the 32-bit
    /// range (`integer out of range`).
    #[function(deterministic, innocuous)]
    fn hll_hash_integer(x: Option<i64>, #[optional] seed: Option<i64>) -> Result<Option<i64>> {
        let Some(x) = x else { return Ok(None) };
        let x = i32::try_from(x).map_err(|_| Error::new("integer out of range"))?;
        Ok(Some(murmur(&x.to_le_bytes(), seed)))
    }

    /// The hash (an integer) of a 16-bit integer's 2 little-endian bytes,
    /// with an optional seed; NULL for NULL; an error outside the 16-bit
    /// range (`smallint out of range`).
    #[function(deterministic, innocuous)]
    fn hll_hash_smallint(x: Option<i64>, #[optional] seed: Option<i64>) -> Result<Option<i64>> {
        let Some(x) = x else { return Ok(None) };
        let x = i16::try_from(x).map_err(|_| Error::new("smallint out of range"))?;
        Ok(Some(murmur(&x.to_le_bytes(), seed)))
    }

    /// The hash (an integer) of a boolean as one byte (1 for true, 0 for
    /// false), with an optional seed; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_hash_boolean(x: Option<bool>, #[optional] seed: Option<i64>) -> Option<i64> {
        Some(murmur(&[x? as u8], seed))
    }

    /// The hll (a blob) with the hash value added; NULL if either argument
    /// is NULL; an error for a malformed hll.
    #[function(deterministic, innocuous)]
    fn hll_add(hll: &Value, hashval: Option<i64>) -> Result<Option<Vec<u8>>> {
        let Some(h) = hashval else { return Ok(None) };
        let Some(mut m) = unpack(hll)? else { return Ok(None) };
        m.add(h)?;
        Ok(Some(m.pack()))
    }

    /// `hll_add` with the arguments the other way round.
    #[function(deterministic, innocuous)]
    fn hll_add_rev(hashval: Option<i64>, hll: &Value) -> Result<Option<Vec<u8>>> {
        let Some(h) = hashval else { return Ok(None) };
        let Some(mut m) = unpack(hll)? else { return Ok(None) };
        m.add(h)?;
        Ok(Some(m.pack()))
    }

    /// The union (a blob) of two hlls with the same parameters; NULL if
    /// either is NULL; an error naming the first parameter that differs.
    #[function(deterministic, innocuous)]
    fn hll_union(a: &Value, b: &Value) -> Result<Option<Vec<u8>>> {
        let (Some(mut a), Some(b)) = (unpack(a)?, unpack(b)?) else { return Ok(None) };
        a.check_metadata(&b)?;
        a.union(&b)?;
        Ok(Some(a.pack()))
    }

    /// The estimated number of distinct values added (a real); NULL for
    /// NULL or an UNDEFINED hll.
    #[function(deterministic, innocuous)]
    fn hll_cardinality(hll: &Value) -> Result<Option<f64>> {
        match unpack(hll)? {
            None => Ok(None),
            Some(m) => m.cardinality(),
        }
    }

    /// postgresql-hll's description of an hll: its type, parameters and
    /// elements or registers; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_print(hll: &Value) -> Result<Option<String>> {
        Ok(unpack(hll)?.map(|m| m.to_text()))
    }

    /// The schema version (1) of an hll; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_schema_version(hll: &Value) -> Result<Option<i64>> {
        Ok(unpack(hll)?.map(|_| 1))
    }

    /// The stored type of an hll: 0 undefined, 1 empty, 2 explicit, 3
    /// sparse, 4 full; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_type(hll: &Value) -> Result<Option<i64>> {
        let Some(b) = hll_bytes(hll)? else { return Ok(None) };
        Multiset::unpack(&b)?;
        Ok(Some((b[0] & 0xf) as i64))
    }

    /// The log2 of an hll's register count; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_log2m(hll: &Value) -> Result<Option<i64>> {
        Ok(unpack(hll)?.map(|m| m.log2nregs as i64))
    }

    /// The register width in bits of an hll; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_regwidth(hll: &Value) -> Result<Option<i64>> {
        Ok(unpack(hll)?.map(|m| m.nbits as i64))
    }

    /// 1 if an hll may be stored sparse, else 0; NULL for NULL.
    #[function(deterministic, innocuous)]
    fn hll_sparseon(hll: &Value) -> Result<Option<i64>> {
        Ok(unpack(hll)?.map(|m| m.sparseon as i64))
    }

    /// The hll (a blob) of the non-NULL hash values, with the optional
    /// parameters of `hll_empty` (read from the first row); an EMPTY hll
    /// when every value is NULL; NULL for no rows.
    #[aggregate(name = "hll_add_agg", deterministic, innocuous)]
    #[derive(Default)]
    pub struct AddAgg(Option<Multiset>);

    impl AddAgg {
        pub fn step(
            &mut self,
            hashval: Option<i64>,
            #[optional] log2m: Option<i64>,
            #[optional] regwidth: Option<i64>,
            #[optional] expthresh: Option<i64>,
            #[optional] sparseon: Option<i64>,
        ) -> Result<()> {
            if self.0.is_none() {
                let l = log2m.unwrap_or(DEFAULT_LOG2M);
                let r = regwidth.unwrap_or(DEFAULT_REGWIDTH);
                let e = expthresh.unwrap_or(DEFAULT_EXPTHRESH);
                let s = sparseon.unwrap_or(DEFAULT_SPARSEON);
                check_modifiers(l, r, e, s)?;
                self.0 = Some(Multiset::empty(l, r, e, s));
            }
            if let (Some(m), Some(h)) = (self.0.as_mut(), hashval) {
                m.add(h)?;
            }
            Ok(())
        }
        pub fn finalize(self) -> Option<Vec<u8>> {
            self.0.map(|m| m.pack())
        }
    }

    /// The union (a blob) of the non-NULL hlls, which must share
    /// parameters; NULL when there are none.
    #[aggregate(name = "hll_union_agg", deterministic, innocuous)]
    #[derive(Default)]
    pub struct UnionAgg(Option<Multiset>);

    impl UnionAgg {
        pub fn step(&mut self, hll: &Value) -> Result<()> {
            let Some(b) = unpack(hll)? else { return Ok(()) };
            match &mut self.0 {
                None => self.0 = Some(b),
                Some(a) => {
                    a.check_metadata(&b)?;
                    a.union(&b)?;
                }
            }
            Ok(())
        }
        pub fn finalize(self) -> Option<Vec<u8>> {
            self.0.map(|m| m.pack())
        }
    }
}
