//! Generates `$OUT_DIR/tables.rs` (`CHAR_MAP`, `BBAN`, `BE_BANKS`,
//! `BIC_COUNTRIES`) from python-stdnum 2.2's source distribution, which
//! `make` downloads into target/third-party/ (see stdnum_data.rs).

mod stdnum_data;

fn main() {
    let package = stdnum_data::package_dir();
    stdnum_data::write_out("tables.rs", &stdnum_data::tables(&package));
}
