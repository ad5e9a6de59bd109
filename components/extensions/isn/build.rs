//! Generates, from python-stdnum 2.2's source distribution, which `make`
//! downloads into target/third-party/ (see ../iban/stdnum_data.rs):
//! `$OUT_DIR/tables.rs`, iban's tables (isn uses its `CHAR_MAP`), and
//! `$OUT_DIR/isbn_dat.rs`, stdnum's `isbn.dat` as a string constant.

#[path = "../iban/stdnum_data.rs"]
mod stdnum_data;

fn main() {
    let package = stdnum_data::package_dir();
    stdnum_data::write_out("tables.rs", &stdnum_data::tables(&package));
    let isbn = stdnum_data::read(&package, "isbn.dat");
    stdnum_data::write_out(
        "isbn_dat.rs",
        &format!("/// python-stdnum 2.2's `isbn.dat`, the text of the file.\npub const ISBN_DAT: &str = {isbn:?};\n"),
    );
}
