//! Geohashes (the geohash.org base-32 interleaving of longitude and
//! latitude bits), compatible with PostGIS 3 `ST_GeoHash`,
//! `ST_PointFromGeoHash` and `ST_Box2dFromGeoHash`: same bits, same default
//! precision and the same out-of-range error, with latitude first in the
//! arguments as the catalog names them (`geohash_encode(lat, lon[, n])`).
//!
//! `geohash_encode` without `n` (or `n <= 0`) gives 20 characters, PostGIS's
//! full precision for a point; a coordinate exactly on a cell's dividing
//! line goes to the upper cell, as PostGIS 3 encodes it (`>=`). `geohash_decode` is
//! `ST_PointFromGeoHash` (the centre of the cell; an optional precision
//! uses that many leading characters) returned as a JSON object
//! `{"lat":..,"lon":..,"lat_err":..,"lon_err":..}`, where the errors are half
//! the cell's height and width (so the cell is `lat ± lat_err`,
//! `lon ± lon_err`, `ST_Box2dFromGeoHash`). `geohash_neighbors` returns the
//! eight cells of the same length around one as a JSON object with keys
//! `n ne e se s sw w nw` (wrapping across the antimeridian; a neighbour
//! beyond a pole is null).
//!
//! Written here rather than with the `geohash` crate, which stops at 12
//! characters where PostGIS gives 20. Decoding accepts upper case, as
//! PostGIS does, and words a bad character's error as PostGIS
//! (`decode_geohash_bbox: Invalid character 'a'`). `geohash_neighbors` has
//! no PostGIS counterpart: its shape follows the `geohash` crate's
//! `Neighbors`.

mod codec;

/// Geohashes: encode a point, decode a cell, find its neighbours.
#[sqlink_sdk::extension(name = "geohash")]
mod geohash_ext {
    use crate::codec;
    use sqlink_sdk::prelude::*;

    /// The geohash of the point (`lat`, `lon` in degrees) with `n`
    /// characters (20 when omitted, NULL or not positive, as PostGIS); NULL
    /// if `lat` or `lon` is NULL; an error outside -90..90 / -180..180.
    #[function(deterministic, innocuous)]
    fn geohash_encode(lat: Option<f64>, lon: Option<f64>, #[optional] n: Option<i64>) -> Result<Option<String>> {
        let (Some(lat), Some(lon)) = (lat, lon) else { return Ok(None) };
        Ok(Some(codec::encode(lat, lon, n.unwrap_or(0))?))
    }

    /// The centre of the geohash's cell and its half height and width as
    /// JSON `{"lat":..,"lon":..,"lat_err":..,"lon_err":..}` (the first
    /// `precision` characters only, when given and smaller); NULL for NULL;
    /// an error for a character outside the geohash alphabet.
    #[function(deterministic, innocuous)]
    fn geohash_decode(hash: Option<&str>, #[optional] precision: Option<i64>) -> Result<Option<String>> {
        let Some(hash) = hash else { return Ok(None) };
        let cell = codec::decode(hash, precision.unwrap_or(-1))?;
        Ok(Some(cell.to_json()))
    }

    /// The eight neighbouring cells of the geohash, of the same length, as
    /// JSON `{"n":..,"ne":..,"e":..,"se":..,"s":..,"sw":..,"w":..,"nw":..}`
    /// (null beyond a pole); NULL for NULL; an error for an empty geohash or
    /// a character outside the geohash alphabet.
    #[function(deterministic, innocuous)]
    fn geohash_neighbors(hash: Option<&str>) -> Result<Option<String>> {
        let Some(hash) = hash else { return Ok(None) };
        Ok(Some(codec::neighbors(hash)?))
    }
}
