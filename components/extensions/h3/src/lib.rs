//! The H3 hexagonal grid, compatible with isaacbrodsky/h3-duckdb (over
//! uber/h3 v4.5): same function names, arguments and results, computed with
//! `h3o`, a pure Rust port of H3 v4.
//!
//! Every function takes a cell as an integer (h3-duckdb's BIGINT/UBIGINT
//! API) or as hexadecimal text (its VARCHAR API) and answers in the same
//! form: `h3_cell_to_parent('822d57fffffffff', 1)` is `'812d7ffffffffff'`,
//! `h3_cell_to_parent(586265647244115967, 1)` is `581764796395814911`.
//! Where h3-duckdb returns NULL (an invalid cell or resolution, unreadable
//! text, a pentagon in an `_unsafe` traversal) so does this; NULL arguments
//! give NULL. SQLite has no unsigned 64-bit integer: an index with the top
//! bit set (never a valid cell) is the negative integer of the same bits.
//!
//! DuckDB lists are JSON arrays here (`h3_cell_to_latlng` is `[lat,lng]`,
//! `h3_cell_to_children` / `h3_grid_disk` / `h3_grid_ring` /
//! `h3_grid_path_cells` are arrays of integers or of strings,
//! `h3_grid_disk_distances` an array of arrays by distance), in H3's order:
//! near pentagons that is the slot order of H3's hash table, reproduced in
//! `disk.rs`. Booleans are 1 and 0.
//!
//! Known gaps: H3's C code reads the bits of some malformed indexes where
//! h3o, validating first, gives NULL (only `h3_get_resolution`,
//! `h3_get_base_cell_number`, `h3_get_index_digit`, `h3_is_pentagon` and
//! `h3_is_res_class_iii` read raw bits, as H3 does). Not provided:
//! directed-edge, vertex, area/length, compact, polygon and WKB functions,
//! `h3_get_icosahedron_faces`, local IJ.

mod disk;
mod index;

/// H3 cells: index points, navigate the hierarchy and the grid, draw cells.
#[sqlink_sdk::extension(name = "h3")]
mod h3_ext {
    use crate::disk;
    use crate::index::{self, Form};
    use h3o::{CellIndex, LatLng, Resolution};
    use sqlink_sdk::prelude::*;

    /// Most cells a list may hold before a function refuses to build it.
    const MAX_LIST: u64 = 10_000_000;

    fn cell(v: &Value) -> Option<(CellIndex, Form)> {
        let (h, form) = index::arg(v)?;
        Some((CellIndex::try_from(h).ok()?, form))
    }

    fn resolution(r: i64) -> Option<Resolution> {
        Resolution::try_from(u8::try_from(r).ok()?).ok()
    }

    fn point(lat: f64, lng: f64, res: i64) -> Option<CellIndex> {
        Some(LatLng::new(lat, lng).ok()?.to_cell(resolution(res)?))
    }

    fn too_many(function: &str, n: u64) -> Result<()> {
        if n > MAX_LIST {
            return Err(Error::new(format!("{function}(): {n} cells are too many (at most {MAX_LIST})")));
        }
        Ok(())
    }

    fn json_cells(cells: impl IntoIterator<Item = CellIndex>, form: Form) -> String {
        index::json_list(cells.into_iter().map(u64::from), form)
    }

    fn json_groups(groups: Vec<Vec<CellIndex>>, form: Form) -> String {
        let parts: Vec<String> = groups.into_iter().map(|g| json_cells(g, form)).collect();
        format!("[{}]", parts.join(","))
    }

    fn k_arg(k: i64) -> Option<u32> {
        u32::try_from(k).ok()
    }

    // Indexing

    /// The cell (an integer) containing the point at `lat`, `lng` degrees,
    /// at resolution `res` (0-15); NULL for NULL, a resolution out of range
    /// or a non-finite coordinate.
    #[function(deterministic, innocuous)]
    fn h3_latlng_to_cell(lat: Option<f64>, lng: Option<f64>, res: Option<i64>) -> Option<i64> {
        Some(u64::from(point(lat?, lng?, res?)?) as i64)
    }

    /// `h3_latlng_to_cell` as hexadecimal text.
    #[function(deterministic, innocuous)]
    fn h3_latlng_to_cell_string(lat: Option<f64>, lng: Option<f64>, res: Option<i64>) -> Option<String> {
        Some(format!("{:x}", u64::from(point(lat?, lng?, res?)?)))
    }

    /// The latitude in degrees of the cell's centre; NULL for NULL or an
    /// invalid cell.
    #[function(deterministic, innocuous)]
    fn h3_cell_to_lat(cell: &Value) -> Option<f64> {
        Some(LatLng::from(self::cell(cell)?.0).lat())
    }

    /// The longitude in degrees of the cell's centre; NULL for NULL or an
    /// invalid cell.
    #[function(deterministic, innocuous)]
    fn h3_cell_to_lng(cell: &Value) -> Option<f64> {
        Some(LatLng::from(self::cell(cell)?.0).lng())
    }

    /// The cell's centre as a JSON array `[lat,lng]` in degrees; NULL for
    /// NULL or an invalid cell.
    #[function(deterministic, innocuous)]
    fn h3_cell_to_latlng(cell: &Value) -> Option<String> {
        let ll = LatLng::from(self::cell(cell)?.0);
        Some(format!("[{},{}]", ll.lat(), ll.lng()))
    }

    /// The cell's boundary as WKT `POLYGON ((lng lat, ...))`, closed, six
    /// decimals; NULL for NULL or an invalid cell.
    #[function(deterministic, innocuous)]
    fn h3_cell_to_boundary_wkt(cell: &Value) -> Option<String> {
        let boundary = self::cell(cell)?.0.boundary();
        let mut points: Vec<String> = boundary.iter().map(|ll| format!("{:.6} {:.6}", ll.lng(), ll.lat())).collect();
        if let Some(first) = points.first().cloned() {
            points.push(first);
        }
        Some(format!("POLYGON (({}))", points.join(", ")))
    }

    // Inspection

    /// The resolution bits of an index (not validated, as H3's
    /// `getResolution`); NULL for NULL or unreadable text.
    #[function(deterministic, innocuous)]
    fn h3_get_resolution(cell: &Value) -> Option<i64> {
        Some(index::resolution_bits(index::arg(cell)?.0))
    }

    /// The base cell number (0-121) of an index (not validated); NULL for
    /// NULL or unreadable text.
    #[function(deterministic, innocuous)]
    fn h3_get_base_cell_number(cell: &Value) -> Option<i64> {
        Some(index::base_cell_bits(index::arg(cell)?.0))
    }

    /// The indexing digit (0-7) of an index at resolution `res` (1-15);
    /// NULL for NULL, unreadable text or `res` out of range.
    #[function(deterministic, innocuous)]
    fn h3_get_index_digit(cell: &Value, res: Option<i64>) -> Option<i64> {
        let res = res?;
        if !(1..=15).contains(&res) {
            return None;
        }
        Some(index::digit_bits(index::arg(cell)?.0, res as u32))
    }

    /// The index as an integer, read from hexadecimal text as H3's
    /// `stringToH3` reads it (up to the first non-hex character); NULL for
    /// NULL or text without a hex digit. Not validated.
    #[function(deterministic, innocuous)]
    fn h3_string_to_h3(text: Option<RawText>) -> Option<i64> {
        Some(index::string_to_h3(text?.0)? as i64)
    }

    /// The index (an integer) as lower-case hexadecimal text; NULL for NULL.
    /// Not validated.
    #[function(deterministic, innocuous)]
    fn h3_h3_to_string(h: Option<i64>) -> Option<String> {
        Some(format!("{:x}", h? as u64))
    }

    /// 1 if the index is a valid H3 cell, else 0 (unreadable text too);
    /// NULL for NULL.
    #[function(deterministic, innocuous)]
    fn h3_is_valid_cell(cell: &Value) -> Option<bool> {
        if cell.is_null() {
            return None;
        }
        Some(index::arg(cell).is_some_and(|(h, _)| CellIndex::try_from(h).is_ok()))
    }

    /// 1 if the index is a valid cell, directed edge or vertex, else 0;
    /// NULL for NULL.
    #[function(deterministic, innocuous)]
    fn h3_is_valid_index(cell: &Value) -> Option<bool> {
        if cell.is_null() {
            return None;
        }
        Some(index::arg(cell).is_some_and(|(h, _)| {
            CellIndex::try_from(h).is_ok() || h3o::DirectedEdgeIndex::try_from(h).is_ok() || h3o::VertexIndex::try_from(h).is_ok()
        }))
    }

    /// 1 if the index is a pentagon (read from its bits, as H3's
    /// `isPentagon`), else 0; NULL for NULL or unreadable text.
    #[function(deterministic, innocuous)]
    fn h3_is_pentagon(cell: &Value) -> Option<bool> {
        Some(index::is_pentagon_bits(index::arg(cell)?.0))
    }

    /// 1 if the index's resolution is odd (Class III), else 0; NULL for
    /// NULL or unreadable text.
    #[function(deterministic, innocuous)]
    fn h3_is_res_class_iii(cell: &Value) -> Option<bool> {
        Some(index::resolution_bits(index::arg(cell)?.0) % 2 == 1)
    }

    /// The number of cells at resolution `res` (0-15); NULL otherwise.
    #[function(deterministic, innocuous)]
    fn h3_get_num_cells(res: Option<i64>) -> Option<i64> {
        Some(resolution(res?)?.cell_count() as i64)
    }

    // Hierarchy

    /// The cell's ancestor at resolution `res` (the cell itself at its own
    /// resolution), in the cell's form; NULL for NULL, an invalid cell or a
    /// finer or invalid resolution.
    #[function(deterministic, innocuous)]
    fn h3_cell_to_parent(cell: &Value, res: Option<i64>) -> Option<Value> {
        let (c, form) = self::cell(cell)?;
        Some(index::out(c.parent(resolution(res?)?)?.into(), form))
    }

    /// The cell's centre child at resolution `res`, in the cell's form;
    /// NULL for NULL, an invalid cell or a coarser or invalid resolution.
    #[function(deterministic, innocuous)]
    fn h3_cell_to_center_child(cell: &Value, res: Option<i64>) -> Option<Value> {
        let (c, form) = self::cell(cell)?;
        Some(index::out(c.center_child(resolution(res?)?)?.into(), form))
    }

    /// The cell's children at resolution `res` as a JSON array (integers or
    /// strings, as the cell was given); NULL for NULL, an invalid cell or a
    /// coarser or invalid resolution; an error past ten million children.
    #[function(deterministic, innocuous)]
    fn h3_cell_to_children(cell: &Value, res: Option<i64>) -> Result<Option<String>> {
        let Some((c, form)) = self::cell(cell) else { return Ok(None) };
        let Some(r) = res.and_then(resolution) else { return Ok(None) };
        if r < c.resolution() {
            return Ok(None);
        }
        too_many("h3_cell_to_children", c.children_count(r))?;
        Ok(Some(json_cells(c.children(r), form)))
    }

    /// The number of children the cell has at resolution `res`; NULL for
    /// NULL, an invalid cell or a coarser or invalid resolution.
    #[function(deterministic, innocuous)]
    fn h3_cell_to_children_size(cell: &Value, res: Option<i64>) -> Option<i64> {
        let (c, _) = self::cell(cell)?;
        let r = resolution(res?)?;
        if r < c.resolution() {
            return None;
        }
        Some(c.children_count(r) as i64)
    }

    /// The cell's position among its ancestor's children at resolution
    /// `parent_res`; NULL for NULL, an invalid cell or resolution.
    #[function(deterministic, innocuous)]
    fn h3_cell_to_child_pos(cell: &Value, parent_res: Option<i64>) -> Option<i64> {
        let (c, _) = self::cell(cell)?;
        Some(c.child_position(resolution(parent_res?)?)? as i64)
    }

    /// The child at position `pos` among the parent's children at
    /// resolution `res`, in the parent's form; NULL for NULL or anything
    /// out of range.
    #[function(deterministic, innocuous)]
    fn h3_child_pos_to_cell(pos: Option<i64>, parent: &Value, res: Option<i64>) -> Option<Value> {
        let (p, form) = self::cell(parent)?;
        let child = p.child_at(u64::try_from(pos?).ok()?, resolution(res?)?)?;
        Some(index::out(child.into(), form))
    }

    // Traversal

    /// The number of cells within grid distance `k` (3k(k+1)+1); NULL for
    /// NULL or a negative `k`.
    #[function(deterministic, innocuous)]
    fn h3_max_grid_disk_size(k: Option<i64>) -> Option<i64> {
        disk::max_size(k?)
    }

    fn disk_guard(function: &str, k: i64) -> Result<Option<u32>> {
        let Some(k) = k_arg(k) else { return Ok(None) };
        too_many(function, disk::max_size(k as i64).unwrap_or(i64::MAX) as u64)?;
        Ok(Some(k))
    }

    /// The cells within grid distance `k` of the cell, as a JSON array in
    /// H3's order; NULL for NULL, an invalid cell or a negative `k`.
    #[function(deterministic, innocuous)]
    fn h3_grid_disk(cell: &Value, k: Option<i64>) -> Result<Option<String>> {
        let (Some((c, form)), Some(k)) = (self::cell(cell), k) else { return Ok(None) };
        let Some(k) = disk_guard("h3_grid_disk", k)? else { return Ok(None) };
        Ok(Some(json_cells(disk::disk_distances(c, k).into_iter().map(|(c, _)| c), form)))
    }

    /// `h3_grid_disk` without pentagon handling: NULL when a pentagon is
    /// within distance `k`.
    #[function(deterministic, innocuous)]
    fn h3_grid_disk_unsafe(cell: &Value, k: Option<i64>) -> Result<Option<String>> {
        let (Some((c, form)), Some(k)) = (self::cell(cell), k) else { return Ok(None) };
        let Some(k) = disk_guard("h3_grid_disk_unsafe", k)? else { return Ok(None) };
        Ok(disk::disk_distances_unsafe(c, k).map(|cells| json_cells(cells.into_iter().map(|(c, _)| c), form)))
    }

    /// The cells within grid distance `k` as a JSON array of arrays, one
    /// per distance from 0 to `k`; NULL for NULL, an invalid cell or a
    /// negative `k`.
    #[function(deterministic, innocuous)]
    fn h3_grid_disk_distances(cell: &Value, k: Option<i64>) -> Result<Option<String>> {
        let (Some((c, form)), Some(k)) = (self::cell(cell), k) else { return Ok(None) };
        let Some(k) = disk_guard("h3_grid_disk_distances", k)? else { return Ok(None) };
        Ok(Some(json_groups(disk::by_distance(&disk::disk_distances(c, k), k), form)))
    }

    /// `h3_grid_disk_distances` without pentagon handling: NULL when a
    /// pentagon is within distance `k`.
    #[function(deterministic, innocuous)]
    fn h3_grid_disk_distances_unsafe(cell: &Value, k: Option<i64>) -> Result<Option<String>> {
        let (Some((c, form)), Some(k)) = (self::cell(cell), k) else { return Ok(None) };
        let Some(k) = disk_guard("h3_grid_disk_distances_unsafe", k)? else { return Ok(None) };
        Ok(disk::disk_distances_unsafe(c, k).map(|cells| json_groups(disk::by_distance(&cells, k), form)))
    }

    /// `h3_grid_disk_distances` always by H3's slower pentagon-safe search
    /// (its order).
    #[function(deterministic, innocuous)]
    fn h3_grid_disk_distances_safe(cell: &Value, k: Option<i64>) -> Result<Option<String>> {
        let (Some((c, form)), Some(k)) = (self::cell(cell), k) else { return Ok(None) };
        let Some(k) = disk_guard("h3_grid_disk_distances_safe", k)? else { return Ok(None) };
        Ok(Some(json_groups(disk::by_distance(&disk::disk_safe(c, k), k), form)))
    }

    /// The cells exactly grid distance `k` from the cell, as a JSON array in
    /// H3's order; NULL for NULL, an invalid cell or a negative `k`.
    #[function(deterministic, innocuous)]
    fn h3_grid_ring(cell: &Value, k: Option<i64>) -> Result<Option<String>> {
        let (Some((c, form)), Some(k)) = (self::cell(cell), k) else { return Ok(None) };
        let Some(k) = disk_guard("h3_grid_ring", k)? else { return Ok(None) };
        Ok(Some(json_cells(disk::ring(c, k), form)))
    }

    /// `h3_grid_ring` without pentagon handling: NULL when a pentagon is
    /// within distance `k`.
    #[function(deterministic, innocuous)]
    fn h3_grid_ring_unsafe(cell: &Value, k: Option<i64>) -> Result<Option<String>> {
        let (Some((c, form)), Some(k)) = (self::cell(cell), k) else { return Ok(None) };
        let Some(k) = disk_guard("h3_grid_ring_unsafe", k)? else { return Ok(None) };
        Ok(disk::ring_unsafe(c, k).map(|cells| json_cells(cells, form)))
    }

    /// The grid distance between two cells; NULL for NULL, an invalid cell
    /// or cells too far apart (or across a pentagon) for H3 to measure.
    #[function(deterministic, innocuous)]
    fn h3_grid_distance(a: &Value, b: &Value) -> Option<i64> {
        let (a, _) = cell(a)?;
        let (b, _) = cell(b)?;
        a.grid_distance(b).ok().map(i64::from)
    }

    /// The cells of a grid path from `a` to `b` inclusive, as a JSON array
    /// in `a`'s form; NULL for NULL, an invalid cell or no path H3 can draw.
    #[function(deterministic, innocuous)]
    fn h3_grid_path_cells(a: &Value, b: &Value) -> Result<Option<String>> {
        let (Some((a, form)), Some((b, _))) = (cell(a), cell(b)) else { return Ok(None) };
        let Ok(size) = a.grid_path_cells_size(b) else { return Ok(None) };
        too_many("h3_grid_path_cells", size as u64)?;
        let Ok(iter) = a.grid_path_cells(b) else { return Ok(None) };
        Ok(iter.collect::<Result<Vec<_>, _>>().ok().map(|cells| json_cells(cells, form)))
    }

    /// 1 if the two cells share an edge, else 0; NULL for NULL, an invalid
    /// cell or cells of different resolutions.
    #[function(deterministic, innocuous)]
    fn h3_are_neighbor_cells(a: &Value, b: &Value) -> Option<bool> {
        let (a, _) = cell(a)?;
        let (b, _) = cell(b)?;
        a.is_neighbor_with(b).ok()
    }
}
