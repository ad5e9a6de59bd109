//! The catalog's `vec` (sqlite-vec 0.1.9 compiled to wasm) finds the true
//! nearest neighbours: `dist/bin/sqlink` loads `dist/extensions/vec.wasm`
//! with the spi grant, fills vec0 tables with seeded vectors and runs k = 10
//! KNN queries; the rowids and distances must be those of an exact search
//! computed here, for the L2 and cosine metrics, over float and int8
//! vectors, with SQLite native and compiled to wasm (`--engine wasm`).
//! vec0 scans every row, so nothing approximate is allowed.

use sqlink_e2e::{Runner, show_bytes, text_lines};
use std::fmt::Write;
use std::time::Duration;

const ROWS: usize = 3000;
const DIM: usize = 64;
const QUERIES: usize = 20;
const K: usize = 10;
const TIMEOUT: Duration = Duration::from_secs(300);

#[derive(Clone, Copy, PartialEq, Debug)]
enum Metric {
    L2,
    Cosine,
}

impl Metric {
    fn option(self) -> &'static str {
        match self {
            Metric::L2 => "",
            Metric::Cosine => " distance_metric=cosine",
        }
    }

    fn distance(self, a: &[f64], b: &[f64]) -> f64 {
        match self {
            Metric::L2 => a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum::<f64>().sqrt(),
            Metric::Cosine => {
                let dot: f64 = a.iter().zip(b).map(|(x, y)| x * y).sum();
                let norm = |v: &[f64]| v.iter().map(|x| x * x).sum::<f64>().sqrt();
                1.0 - dot / (norm(a) * norm(b))
            }
        }
    }
}

/// splitmix64, for seeded vectors.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The element type of a vec0 column: how vectors are drawn, written as
/// an SQL literal, and read back as numbers for the exact search.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Element {
    Float,
    Int8,
}

impl Element {
    fn column(self) -> &'static str {
        match self {
            Element::Float => "float",
            Element::Int8 => "int8",
        }
    }

    /// A vector's bytes (little-endian f32s, or i8s).
    fn draw(self, rng: &mut Rng) -> Vec<u8> {
        match self {
            Element::Float => (0..DIM).flat_map(|_| ((rng.next() >> 40) as f32 / (1u64 << 24) as f32 * 2.0 - 1.0).to_le_bytes()).collect(),
            Element::Int8 => (0..DIM).map(|_| (rng.next() >> 56) as u8).collect(),
        }
    }

    fn numbers(self, bytes: &[u8]) -> Vec<f64> {
        match self {
            Element::Float => bytes.chunks_exact(4).map(|c| f32::from_le_bytes(c.try_into().unwrap()) as f64).collect(),
            Element::Int8 => bytes.iter().map(|b| *b as i8 as f64).collect(),
        }
    }

    /// The SQL for a vector: a float32 blob as is, an int8 one through
    /// vec_int8 (which gives it the int8 subtype).
    fn literal(self, bytes: &[u8]) -> String {
        let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        match self {
            Element::Float => format!("x'{hex}'"),
            Element::Int8 => format!("vec_int8(x'{hex}')"),
        }
    }
}

/// Runs the whole check for one metric and element type in `runner`.
fn check(runner: Runner, metric: Metric, element: Element, seed: u64) {
    let mut rng = Rng(seed);
    let rows: Vec<Vec<u8>> = (0..ROWS).map(|_| element.draw(&mut rng)).collect();
    let queries: Vec<Vec<u8>> = (0..QUERIES).map(|_| element.draw(&mut rng)).collect();

    let mut script = String::from(".load dist/extensions/vec.wasm --grant spi\n");
    writeln!(script, "create virtual table v using vec0(embedding {}[{DIM}]{});", element.column(), metric.option()).unwrap();
    script.push_str("begin;\n");
    for (i, row) in rows.iter().enumerate() {
        writeln!(script, "insert into v(rowid, embedding) values ({}, {});", i + 1, element.literal(row)).unwrap();
    }
    script.push_str("commit;\n");
    for q in &queries {
        writeln!(script, "select rowid, distance from v where embedding match {} and k = {K};", element.literal(q)).unwrap();
    }
    let out = runner.run(&[":memory:".into()], script.as_bytes(), TIMEOUT).expect("sqlink runs");
    assert!(out.code == Some(0) && out.stderr.is_empty(), "sqlink failed: {}", show_bytes(&out.stderr));

    // The load reports itself; then only `rowid|distance` lines.
    let lines: Vec<String> = text_lines(&out.stdout).into_iter().filter(|l| !l.starts_with("loaded ")).collect();
    assert_eq!(lines.len(), QUERIES * K, "{metric:?}/{element:?}: unexpected output {lines:?}");
    let found: Vec<(usize, f64)> = lines
        .iter()
        .map(|l| {
            let (id, d) = l.split_once('|').unwrap_or_else(|| panic!("not rowid|distance: {l}"));
            (id.parse().unwrap(), d.parse().unwrap())
        })
        .collect();

    let numbers: Vec<Vec<f64>> = rows.iter().map(|r| element.numbers(r)).collect();
    for (qi, (q, got)) in queries.iter().zip(found.chunks_exact(K)).enumerate() {
        let q = element.numbers(q);
        let mut all: Vec<(usize, f64)> = numbers.iter().enumerate().map(|(i, v)| (i + 1, metric.distance(v, &q))).collect();
        all.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
        let want = &all[..K];
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-5 * a.abs().max(b.abs());
        let context = || format!("{metric:?}/{element:?} query {qi}: got {got:?}, exact {want:?}");
        for (i, ((got_id, got_d), (want_id, want_d))) in got.iter().zip(want).enumerate() {
            assert!(close(*got_d, *want_d), "distance {i} differs: {}", context());
            // The vec0 distance of this row is its exact distance.
            assert!(close(*got_d, all.iter().find(|(id, _)| id == got_id).unwrap().1), "row {got_id}'s distance: {}", context());
            // Rows at (exactly) equal distances may come in either order.
            let tied = all.iter().filter(|(_, d)| *d == *want_d).count() > 1;
            assert!(got_id == want_id || tied, "rowid {i} differs: {}", context());
        }
        let mut ids: Vec<usize> = got.iter().map(|g| g.0).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), K, "a row twice: {}", context());
    }
}

#[test]
fn float_l2() {
    check(Runner::Native, Metric::L2, Element::Float, 11);
}

#[test]
fn float_cosine() {
    check(Runner::Native, Metric::Cosine, Element::Float, 12);
}

#[test]
fn float_l2_wasm_engine() {
    check(Runner::Wasm, Metric::L2, Element::Float, 15);
}

#[test]
fn float_cosine_wasm_engine() {
    check(Runner::Wasm, Metric::Cosine, Element::Float, 16);
}

// vec0 takes int8 vectors only with vec_int8's subtype, and values reach a
// wasm virtual table's xUpdate and xFilter without their subtypes: the
// insert fails with `Inserted vector for the "embedding" column is expected
// to be of type int8, but a float32 vector was provided`.
#[test]
#[ignore = "the host does not pass subtypes into wasm virtual tables yet"]
fn int8_l2() {
    check(Runner::Native, Metric::L2, Element::Int8, 13);
}

#[test]
#[ignore = "the host does not pass subtypes into wasm virtual tables yet"]
fn int8_cosine() {
    check(Runner::Native, Metric::Cosine, Element::Int8, 14);
}
