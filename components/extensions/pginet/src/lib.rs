//! PostgreSQL's inet and cidr functions for addresses kept as text.
//! Compatible with PostgreSQL 17's: same names, arguments and results,
//! with its parsing, errors and output (checked case by case against
//! PostgreSQL 15.18, whose code for these is 17's: testdata/pg.tsv). As
//! there, an IPv4 host prints without `/32`, an IPv6 one without `/128`,
//! IPv6 is shortened with `::` and IPv4-mapped addresses get a dotted
//! tail.
//!
//! Arguments are read as PostgreSQL reads an `inet` (`'10.1.2.3'`,
//! `'10.1.2.3/24'`, `'10.1/16'`, `'::1'`, `'2001:db8::/32'`), except where
//! a name says `cidr`: those read a `cidr`, which also takes PostgreSQL's
//! classful and hex abbreviations (`'10'` is 10.0.0.0/8, `'0x0a'` too)
//! and refuses bits set past the netmask. (`cidr(x)` of text is that
//! reading in PostgreSQL too; its `cidr(inet)`, which clears the host
//! bits instead, is `network(x)` here.) Results that PostgreSQL types
//! `inet` print as inet, those it types `cidr` as cidr (always with
//! `/bits`). All are STRICT (NULL gives NULL).
//!
//! | function | PostgreSQL | result |
//! |---|---|---|
//! | `host(a)` | `host(inet)` | the address as text |
//! | `hostmask(a)` | `hostmask(inet)` | inet |
//! | `masklen(a)` | `masklen(inet)` | integer |
//! | `netmask(a)` | `netmask(inet)` | inet |
//! | `network(a)` | `network(inet)` | cidr |
//! | `broadcast(a)` | `broadcast(inet)` | inet |
//! | `family(a)` | `family(inet)` | 4 or 6 |
//! | `set_masklen(a, n)` | `set_masklen(inet, int)` | inet (address kept) |
//! | `set_masklen_cidr(c, n)` | `set_masklen(cidr, int)` | cidr (host bits cleared) |
//! | `abbrev(a)` | `abbrev(inet)` | text |
//! | `abbrev_cidr(c)` | `abbrev(cidr)` | text (`'10.1/16'`) |
//! | `inet(a)`, `inet_in(a)` | `inet_in(a)`, `inet(a)` of text, `a::inet` | inet, canonical |
//! | `cidr_in(c)`, `cidr(c)` | `cidr_in(c)`, `cidr(c)` of text, `c::cidr` | cidr, canonical (`cidr('10.1')` is `'10.1.0.0/16'`) |
//! | `inet_same_family(a, b)` | same | 0 or 1 |
//! | `inet_merge(a, b)` | same | cidr |
//! | `inet_contained_by(a, b)` | `a << b` (`network_sub`) | 0 or 1 |
//! | `inet_contained_by_or_equals(a, b)` | `a <<= b` (`network_subeq`) | 0 or 1 |
//! | `inet_contains(a, b)` | `a >> b` (`network_sup`) | 0 or 1 |
//! | `inet_contains_or_equals(a, b)` | `a >>= b` (`network_supeq`) | 0 or 1 |
//! | `inet_overlaps(a, b)` | `a && b` (`network_overlap`) | 0 or 1 |
//!
//! The operator functions also answer to PostgreSQL's own names for them
//! (`network_sub` and so on). The collation `inet` orders text as
//! PostgreSQL orders inet values (IPv4 first; a network before the
//! networks and hosts inside it); text that is not an inet sorts after,
//! by its bytes.
//!
//! Gaps: PostgreSQL's `<`, `=`... on inet are the collation here; its
//! `~`, `&`, `|`, `+` and `-` arithmetic on addresses is not here.

mod addr;

pub use addr::{Inet, Kind};

/// Reads an argument, with PostgreSQL's error for text that is not one.
fn read(s: &str, kind: Kind) -> sqlink_sdk::Result<Inet> {
    Inet::parse(s, kind).map_err(sqlink_sdk::Error::new)
}

/// PostgreSQL's check of set_masklen's length (-1 is the family's full
/// length).
fn mask_len(a: &Inet, bits: i32) -> sqlink_sdk::Result<u8> {
    let bits = if bits == -1 {
        a.max_bits() as i32
    } else {
        bits
    };
    if !(0..=a.max_bits() as i32).contains(&bits) {
        return Err(sqlink_sdk::Error::new(format!(
            "invalid mask length: {bits}"
        )));
    }
    Ok(bits as u8)
}

/// The collation key: a family byte, then per bit of the network 1 or 2
/// and a 0 after it (a shorter network sorts first), then the whole
/// address; text that is not an inet gets 0xFF and its bytes.
fn collation_key(s: &str) -> Vec<u8> {
    let Ok(a) = Inet::parse(s, Kind::Inet) else {
        let mut k = vec![0xFF];
        k.extend_from_slice(s.as_bytes());
        return k;
    };
    let mut k = Vec::with_capacity(1 + a.bits as usize + 1 + 16);
    k.push(a.family() as u8);
    for i in 0..a.bits as usize {
        k.push(if a.addr[i / 8] & (0x80 >> (i % 8)) != 0 {
            2
        } else {
            1
        });
    }
    k.push(0);
    k.extend_from_slice(a.bytes());
    k
}

/// PostgreSQL's inet and cidr functions and operators over text, and an
/// `inet` collation sorting as PostgreSQL sorts addresses.
#[sqlink_sdk::extension(name = "pginet")]
mod pginet_ext {
    use super::{Kind, collation_key, mask_len, read};
    use sqlink_sdk::prelude::*;

    /// The address without its netmask length (`host('192.168.1.5/24')`
    /// gives `'192.168.1.5'`).
    #[function(deterministic, innocuous)]
    fn host(a: &str) -> Result<String> {
        Ok(read(a, Kind::Inet)?.address_text())
    }

    /// The host mask: the bits past the netmask (`hostmask('10.1.0.0/16')`
    /// gives `'0.0.255.255'`).
    #[function(deterministic, innocuous)]
    fn hostmask(a: &str) -> Result<String> {
        Ok(read(a, Kind::Inet)?.hostmask().to_inet_text())
    }

    /// The netmask length.
    #[function(deterministic, innocuous)]
    fn masklen(a: &str) -> Result<i64> {
        Ok(read(a, Kind::Inet)?.bits as i64)
    }

    /// The netmask as an address (`netmask('10.1.0.0/16')` gives
    /// `'255.255.0.0'`).
    #[function(deterministic, innocuous)]
    fn netmask(a: &str) -> Result<String> {
        Ok(read(a, Kind::Inet)?.netmask().to_inet_text())
    }

    /// The network, as cidr (`network('192.168.1.5/24')` gives
    /// `'192.168.1.0/24'`).
    #[function(deterministic, innocuous)]
    fn network(a: &str) -> Result<String> {
        Ok(read(a, Kind::Inet)?.truncated().to_cidr_text())
    }

    /// The broadcast address of the network (`broadcast('192.168.1.5/24')`
    /// gives `'192.168.1.255/24'`).
    #[function(deterministic, innocuous)]
    fn broadcast(a: &str) -> Result<String> {
        Ok(read(a, Kind::Inet)?.broadcast().to_inet_text())
    }

    /// 4 for IPv4, 6 for IPv6.
    #[function(deterministic, innocuous)]
    fn family(a: &str) -> Result<i64> {
        Ok(read(a, Kind::Inet)?.family())
    }

    /// The inet with another netmask length (-1: the full length), the
    /// address kept.
    #[function(deterministic, innocuous)]
    fn set_masklen(a: &str, bits: i32) -> Result<String> {
        let a = read(a, Kind::Inet)?;
        Ok(a.with_bits(mask_len(&a, bits)?, false).to_inet_text())
    }

    /// PostgreSQL's set_masklen of a cidr: the netmask length changed and
    /// the bits past it cleared (`set_masklen_cidr('192.168.1.0/24', 16)`
    /// gives `'192.168.0.0/16'`).
    #[function(deterministic, innocuous)]
    fn set_masklen_cidr(c: &str, bits: i32) -> Result<String> {
        let c = read(c, Kind::Cidr)?;
        Ok(c.with_bits(mask_len(&c, bits)?, true).to_cidr_text())
    }

    /// The inet as PostgreSQL abbreviates it for display (as it prints).
    #[function(deterministic, innocuous)]
    fn abbrev(a: &str) -> Result<String> {
        Ok(read(a, Kind::Inet)?.to_inet_text())
    }

    /// PostgreSQL's abbrev of a cidr: only the octets the netmask covers
    /// (`abbrev_cidr('10.1.0.0/16')` gives `'10.1/16'`).
    #[function(deterministic, innocuous)]
    fn abbrev_cidr(c: &str) -> Result<String> {
        Ok(read(c, Kind::Cidr)?.cidr_abbrev())
    }

    /// The text read as an inet and printed as PostgreSQL prints it
    /// (`inet('10.1/16')` gives `'10.1.0.0/16'`).
    #[function(deterministic, innocuous, alias = "inet_in")]
    fn inet(a: &str) -> Result<String> {
        Ok(read(a, Kind::Inet)?.to_inet_text())
    }

    /// The text read as a cidr, PostgreSQL's cidr_in (abbreviations
    /// allowed, bits past the mask refused), printed as a cidr
    /// (`cidr_in('192.168.1')` gives `'192.168.1.0/24'`).
    #[function(deterministic, innocuous, alias = "cidr")]
    fn cidr_in(c: &str) -> Result<String> {
        Ok(read(c, Kind::Cidr)?.to_cidr_text())
    }

    /// Whether both are IPv4 or both IPv6.
    #[function(deterministic, innocuous)]
    fn inet_same_family(a: &str, b: &str) -> Result<bool> {
        Ok(read(a, Kind::Inet)?.v6 == read(b, Kind::Inet)?.v6)
    }

    /// The smallest network holding both, as cidr; an error for two
    /// families.
    #[function(deterministic, innocuous)]
    fn inet_merge(a: &str, b: &str) -> Result<String> {
        let (a, b) = (read(a, Kind::Inet)?, read(b, Kind::Inet)?);
        if a.v6 != b.v6 {
            return Err(Error::new("cannot merge addresses from different families"));
        }
        Ok(a.merge(&b).to_cidr_text())
    }

    /// `a << b`: a is strictly inside network b.
    #[function(deterministic, innocuous, alias = "network_sub")]
    fn inet_contained_by(a: &str, b: &str) -> Result<bool> {
        Ok(read(a, Kind::Inet)?.contained_by(&read(b, Kind::Inet)?))
    }

    /// `a <<= b`: a is inside network b or equal to it.
    #[function(deterministic, innocuous, alias = "network_subeq")]
    fn inet_contained_by_or_equals(a: &str, b: &str) -> Result<bool> {
        Ok(read(a, Kind::Inet)?.contained_by_or_equals(&read(b, Kind::Inet)?))
    }

    /// `a >> b`: network a strictly contains b.
    #[function(deterministic, innocuous, alias = "network_sup")]
    fn inet_contains(a: &str, b: &str) -> Result<bool> {
        let (a, b) = (read(a, Kind::Inet)?, read(b, Kind::Inet)?);
        Ok(b.contained_by(&a))
    }

    /// `a >>= b`: network a contains b or equals it.
    #[function(deterministic, innocuous, alias = "network_supeq")]
    fn inet_contains_or_equals(a: &str, b: &str) -> Result<bool> {
        let (a, b) = (read(a, Kind::Inet)?, read(b, Kind::Inet)?);
        Ok(b.contained_by_or_equals(&a))
    }

    /// `a && b`: one of them contains or equals the other.
    #[function(deterministic, innocuous, alias = "network_overlap")]
    fn inet_overlaps(a: &str, b: &str) -> Result<bool> {
        Ok(read(a, Kind::Inet)?.overlaps(&read(b, Kind::Inet)?))
    }

    /// Orders addresses as PostgreSQL orders inet values; text that is not
    /// an inet after them, by its bytes.
    #[collation(key, name = "inet")]
    fn inet_order(s: &str) -> Vec<u8> {
        collation_key(s)
    }
}

#[cfg(test)]
mod golden_tests;
#[cfg(test)]
mod tests;
