#!/bin/sh
# Writes testdata/csv.sql (SQLite's own csv.c answering csv.in.sql) and
# tests/shell/csv.sql (sqlink answering it), then shows how the two differ
# once sqlink's "csv: " error prefix is taken out: that difference must be
# only what src/lib.rs documents. Needs Debian's sqlite3 3.40.1, python3,
# a built dist/bin/sqlink and dist/extensions/csv.wasm, and csv.c compiled
# as a loadable extension (3.52.0, the copy in utelle/SQLite3MultipleCiphers'
# src/ that `fetch` brings):
#   gcc -O1 -fPIC -shared -DSQLITE_TEST -o /tmp/csv.so csv.c
#   sh gen.sh /tmp/csv.so
set -eu
so=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The reference loads csv.so where sqlink loads csv.wasm (same line count).
sed "s|^\.load dist/extensions/csv.wasm .*|.load ${so%.so}|" "$here/csv.in.sql" > "$tmp/ref.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/ref.sql" "$tmp/ref.out")
sed "s|^\.load ${so%.so}\$|.load dist/extensions/csv.wasm --grant fs:/tmp/sqlink-shell-test-csv:ro|" "$tmp/ref.out" > "$here/csv.sql"
(cd "$root" && python3 tests/tools/expect.py dist/bin/sqlink "$here/csv.in.sql" tests/shell/csv.sql)
sed 's/ error near line \([0-9]*\): csv: / error near line \1: /' "$root/tests/shell/csv.sql" | diff "$here/csv.sql" - || true
