#!/bin/sh
# Rebuilds the C reference that tests/shell/pivotvtab.sql's expected values
# come from, and prints the script's output through it.
# Reference: github.com/jakethaw/pivot_vtab at e7705f3 (pivot_vtab.c);
# SQLite: Debian's sqlite3 / libsqlite3-dev 3.40.1. The reference also
# prints `sqlite3_close() returns 5` on stderr (statements it leaks).
# usage (from the repository root): sh components/extensions/pivotvtab/testdata/reference.sh pivot_vtab.c
set -e
gcc -shared -fPIC -O2 -o /tmp/pivot_vtab.so "$1"
sed -e 's#^\.load dist/extensions/pivotvtab\.wasm --grant spi#.load /tmp/pivot_vtab.so#' \
    -e 's#^\(\.open .*/tmp/.*\)$#\1\n.load /tmp/pivot_vtab.so#' tests/shell/pivotvtab.sql | sqlite3
