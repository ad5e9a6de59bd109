//! Grid disks and rings in the order H3's C library returns them, which
//! h3-duckdb passes through: the fast (ring by ring) order when no pentagon
//! is in the way, else the slots of H3's `gridDiskDistancesSafe` hash table
//! (each cell at `index % size`, linear probing, filled depth-first in
//! H3's neighbour order), which is what its lists show for pentagons.

use h3o::CellIndex;

/// H3's `DIRECTIONS` for the recursive search: J, JK, K, IK, I, IJ.
const DIRECTIONS: [u64; 6] = [4, 6, 1, 5, 2, 3];

/// H3's `maxGridDiskSize(k)`: 3k(k+1) + 1; None when it overflows.
pub fn max_size(k: i64) -> Option<i64> {
    if k < 0 {
        return None;
    }
    3i64.checked_mul(k)?.checked_mul(k.checked_add(1)?)?.checked_add(1)
}

/// The neighbour of `cell` in H3 direction `dir`, None for a pentagon's
/// deleted direction.
fn neighbor(cell: CellIndex, dir: u64) -> Option<CellIndex> {
    cell.edges().find(|e| (u64::from(*e) >> 56) & 7 == dir).map(|e| e.destination())
}

/// The cells within `k` of `origin` with their distances, in the slots of
/// H3's safe algorithm.
pub fn disk_safe(origin: CellIndex, k: u32) -> Vec<(CellIndex, u32)> {
    let size = max_size(k as i64).unwrap_or(1) as usize;
    let mut slots: Vec<Option<(CellIndex, u32)>> = vec![None; size];
    fill(origin, k, &mut slots, 0);
    slots.into_iter().flatten().collect()
}

fn fill(cell: CellIndex, k: u32, slots: &mut [Option<(CellIndex, u32)>], cur: u32) {
    let n = slots.len();
    let mut off = (u64::from(cell) % n as u64) as usize;
    while let Some((c, _)) = slots[off] {
        if c == cell {
            break;
        }
        off = (off + 1) % n;
    }
    if let Some((c, d)) = slots[off] {
        if c == cell && d <= cur {
            return;
        }
    }
    slots[off] = Some((cell, cur));
    if cur >= k {
        return;
    }
    for dir in DIRECTIONS {
        if let Some(next) = neighbor(cell, dir) {
            fill(next, k, slots, cur + 1);
        }
    }
}

/// H3's `gridDiskDistances`: the fast order, else the safe one.
pub fn disk_distances(origin: CellIndex, k: u32) -> Vec<(CellIndex, u32)> {
    match origin.grid_disk_distances_fast(k).collect::<Option<Vec<_>>>() {
        Some(cells) => cells,
        None => disk_safe(origin, k),
    }
}

/// H3's `gridDiskDistancesUnsafe`: None when a pentagon is in the way.
pub fn disk_distances_unsafe(origin: CellIndex, k: u32) -> Option<Vec<(CellIndex, u32)>> {
    origin.grid_disk_distances_fast(k).collect()
}

/// H3's `gridRing`: the fast order, else the safe disk's cells at `k`.
pub fn ring(origin: CellIndex, k: u32) -> Vec<CellIndex> {
    match ring_unsafe(origin, k) {
        Some(cells) => cells,
        None => disk_safe(origin, k).into_iter().filter(|&(_, d)| d == k).map(|(c, _)| c).collect(),
    }
}

/// H3's `gridRingUnsafe`: None when a pentagon is in the way.
pub fn ring_unsafe(origin: CellIndex, k: u32) -> Option<Vec<CellIndex>> {
    origin.grid_ring_fast(k).collect()
}

/// Groups cells by distance, in their order: h3-duckdb's
/// `h3_grid_disk_distances` lists.
pub fn by_distance(cells: &[(CellIndex, u32)], k: u32) -> Vec<Vec<CellIndex>> {
    (0..=k).map(|d| cells.iter().filter(|&&(_, x)| x == d).map(|&(c, _)| c).collect()).collect()
}
