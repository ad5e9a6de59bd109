//! The geohash bit interleaving: even bits halve longitude, odd bits
//! latitude, five bits to a base-32 character.

use sqlink_sdk::Error;

const ALPHABET: &[u8; 32] = b"0123456789bcdefghjkmnpqrstuvwxyz";

/// PostGIS's precision for a point when none is asked for.
const FULL_PRECISION: i64 = 20;
/// Longest geohash we make (far beyond a double's resolution).
const MAX_PRECISION: i64 = 1000;

/// The geohash of (`lat`, `lon`) with `n` characters (`n <= 0`: 20).
pub fn encode(lat: f64, lon: f64, n: i64) -> Result<String, Error> {
    if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
        return Err(Error::new(format!(
            "Geohash requires inputs in decimal degrees, got ({} {}, {} {}).",
            fmt_g(lon),
            fmt_g(lat),
            fmt_g(lon),
            fmt_g(lat)
        )));
    }
    let n = if n <= 0 { FULL_PRECISION } else { n };
    if n > MAX_PRECISION {
        return Err(Error::new(format!("geohash_encode(): precision {n} is over {MAX_PRECISION}")));
    }
    let (mut lat_lo, mut lat_hi, mut lon_lo, mut lon_hi) = (-90.0f64, 90.0f64, -180.0f64, 180.0f64);
    let mut out = String::with_capacity(n as usize);
    let mut even = true;
    for _ in 0..n {
        let mut ch = 0usize;
        for bit in (0..5).rev() {
            if even {
                let mid = (lon_lo + lon_hi) / 2.0;
                if lon >= mid {
                    ch |= 1 << bit;
                    lon_lo = mid;
                } else {
                    lon_hi = mid;
                }
            } else {
                let mid = (lat_lo + lat_hi) / 2.0;
                if lat >= mid {
                    ch |= 1 << bit;
                    lat_lo = mid;
                } else {
                    lat_hi = mid;
                }
            }
            even = !even;
        }
        out.push(ALPHABET[ch] as char);
    }
    Ok(out)
}

/// A geohash cell: its centre and half extents, in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cell {
    pub lat: f64,
    pub lon: f64,
    pub lat_err: f64,
    pub lon_err: f64,
}

impl Cell {
    /// `{"lat":..,"lon":..,"lat_err":..,"lon_err":..}`.
    pub fn to_json(&self) -> String {
        format!(
            r#"{{"lat":{},"lon":{},"lat_err":{},"lon_err":{}}}"#,
            num(self.lat),
            num(self.lon),
            num(self.lat_err),
            num(self.lon_err)
        )
    }
}

/// A JSON number: the shortest text that reads back as the same double.
fn num(x: f64) -> String {
    format!("{x:?}")
}

/// The cell of `hash` (its first `precision` characters when `precision`
/// is positive and smaller than its length). Upper case is accepted.
pub fn decode(hash: &str, precision: i64) -> Result<Cell, Error> {
    let bytes = hash.as_bytes();
    let len = if precision > 0 && (precision as usize) < bytes.len() { precision as usize } else { bytes.len() };
    let (mut lat_lo, mut lat_hi, mut lon_lo, mut lon_hi) = (-90.0f64, 90.0f64, -180.0f64, 180.0f64);
    let mut even = true;
    for (i, &c) in bytes[..len].iter().enumerate() {
        let Some(v) = ALPHABET.iter().position(|&a| a == c.to_ascii_lowercase()) else {
            let ch = hash[i..].chars().next().unwrap_or('?');
            return Err(Error::new(format!("decode_geohash_bbox: Invalid character '{ch}'")));
        };
        for bit in (0..5).rev() {
            let on = v >> bit & 1 == 1;
            if even {
                let mid = (lon_lo + lon_hi) / 2.0;
                if on { lon_lo = mid } else { lon_hi = mid }
            } else {
                let mid = (lat_lo + lat_hi) / 2.0;
                if on { lat_lo = mid } else { lat_hi = mid }
            }
            even = !even;
        }
    }
    Ok(Cell {
        lat: (lat_lo + lat_hi) / 2.0,
        lon: (lon_lo + lon_hi) / 2.0,
        lat_err: (lat_hi - lat_lo) / 2.0,
        lon_err: (lon_hi - lon_lo) / 2.0,
    })
}

/// The eight same-length neighbours of `hash` as a JSON object.
pub fn neighbors(hash: &str) -> Result<String, Error> {
    if hash.is_empty() {
        return Err(Error::new("geohash_neighbors(): empty geohash"));
    }
    let cell = decode(hash, -1)?;
    let n = hash.len() as i64;
    let mut parts = Vec::with_capacity(8);
    for (name, dlat, dlon) in [("n", 1.0, 0.0), ("ne", 1.0, 1.0), ("e", 0.0, 1.0), ("se", -1.0, 1.0), ("s", -1.0, 0.0), ("sw", -1.0, -1.0), ("w", 0.0, -1.0), ("nw", 1.0, -1.0)] {
        let lat = cell.lat + dlat * 2.0 * cell.lat_err;
        let mut lon = cell.lon + dlon * 2.0 * cell.lon_err;
        if lon > 180.0 {
            lon -= 360.0;
        } else if lon < -180.0 {
            lon += 360.0;
        }
        let value = if (-90.0..=90.0).contains(&lat) { format!("\"{}\"", encode(lat, lon, n)?) } else { "null".to_string() };
        parts.push(format!("\"{name}\":{value}"));
    }
    Ok(format!("{{{}}}", parts.join(",")))
}

/// C's `%g`: 6 significant digits, trailing zeros dropped, exponent form
/// below 1e-4 or from 1e6.
fn fmt_g(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf".into() } else { "-inf".into() };
    }
    if x == 0.0 {
        return if x.is_sign_negative() { "-0".into() } else { "0".into() };
    }
    let sci = format!("{x:.5e}");
    let (mantissa, exp) = sci.split_once('e').unwrap();
    let exp: i32 = exp.parse().unwrap();
    let trim = |s: &str| -> String {
        if s.contains('.') { s.trim_end_matches('0').trim_end_matches('.').to_string() } else { s.to_string() }
    };
    if !(-4..6).contains(&exp) {
        format!("{}e{}{:02}", trim(mantissa), if exp < 0 { '-' } else { '+' }, exp.abs())
    } else {
        trim(&format!("{:.*}", (5 - exp) as usize, x))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wikipedia_and_geohash_org() {
        // Wikipedia: ezs42 is 42.6, -5.6 (cell 42.583..42.627, -5.625..-5.581)
        let c = decode("ezs42", -1).unwrap();
        assert_eq!((c.lat, c.lon, c.lat_err, c.lon_err), (42.60498046875, -5.60302734375, 0.02197265625, 0.02197265625));
        assert_eq!(encode(42.6, -5.6, 5).unwrap(), "ezs42");
        // geohash.org: u4pruydqqvj is 57.64911, 10.40744
        assert_eq!(encode(57.64911, 10.40744, 11).unwrap(), "u4pruydqqvj");
        let c = decode("u4pruydqqvj", -1).unwrap();
        assert!((c.lat - 57.64911).abs() < 1e-5 && (c.lon - 10.40744).abs() < 1e-5, "{c:?}");
    }

    #[test]
    fn postgis_docs() {
        // ST_GeoHash(ST_Point(-126, 48)) and with maxchars 5
        assert_eq!(encode(48.0, -126.0, 0).unwrap(), "c0w3hf1s70w3hf1s70w3");
        assert_eq!(encode(48.0, -126.0, 5).unwrap(), "c0w3h");
        // ST_PointFromGeoHash('9qqj7nmxncgyy4d0dbxqz0') = POINT(-115.172816 36.114646)
        let c = decode("9qqj7nmxncgyy4d0dbxqz0", -1).unwrap();
        assert!((c.lon - -115.172816).abs() < 1e-9 && (c.lat - 36.114646).abs() < 1e-9, "{c:?}");
        // ST_PointFromGeoHash('9qqj7nmxncgyy4d0dbxqz0', 4) = POINT(-115.13671875 36.123046875)
        let c = decode("9qqj7nmxncgyy4d0dbxqz0", 4).unwrap();
        assert_eq!((c.lon, c.lat), (-115.13671875, 36.123046875));
        assert!(decode("abc", -1).is_err());
    }

    #[test]
    fn out_of_range() {
        let e = encode(91.0, 0.0, 0).unwrap_err();
        assert_eq!(e.message, "Geohash requires inputs in decimal degrees, got (0 91, 0 91).");
        assert_eq!(fmt_g(-126.5), "-126.5");
        assert_eq!(fmt_g(1234567.0), "1.23457e+06");
    }

    #[test]
    fn neighbours() {
        let n = neighbors("ezs42").unwrap();
        assert_eq!(n, r#"{"n":"ezs48","ne":"ezs49","e":"ezs43","se":"ezs41","s":"ezs40","sw":"ezefp","w":"ezefr","nw":"ezefx"}"#);
    }
}
