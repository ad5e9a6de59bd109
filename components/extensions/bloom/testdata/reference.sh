#!/bin/sh
# Rebuilds the C reference that tests/shell/bloom.sql's expected values
# come from, and prints the script's output through it.
# Reference: github.com/shawnw/useful_sqlite_extensions at 24ef848
# (src/bloom_filter.c); SQLite: Debian's sqlite3 / libsqlite3-dev 3.40.1.
# usage (from the repository root): sh components/extensions/bloom/testdata/reference.sh bloom_filter.c
set -e
gcc -shared -fPIC -O2 -o /tmp/bloom_filter1.so "$1" -lm
sed -e 's#^\.load dist/extensions/bloom\.wasm --grant spi#.load /tmp/bloom_filter1.so#' \
    -e 's#^\(\.open .*/tmp/.*\)$#\1\n.load /tmp/bloom_filter1.so#' tests/shell/bloom.sql | sqlite3
