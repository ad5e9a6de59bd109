#!/bin/sh
# Rebuilds the C reference that tests/shell/statement.sql's expected values
# come from, and prints the script's output through it.
# Reference: github.com/0x09/sqlite-statement-vtab at 79655f3 (statement_vtab.c);
# SQLite: Debian's sqlite3 / libsqlite3-dev 3.40.1.
# usage (from the repository root): sh components/extensions/statement/testdata/reference.sh statement_vtab.c
set -e
gcc -shared -fPIC -O2 -o /tmp/statement_vtab.so "$1"
sed -e 's#^\.load dist/extensions/statement\.wasm --grant spi#.load /tmp/statement_vtab.so#' \
    -e 's#^\(\.open .*/tmp/.*\)$#\1\n.load /tmp/statement_vtab.so#' tests/shell/statement.sql | sqlite3
