#!/bin/sh
# Writes tests/shell/sha-reference.sql: sha3.in.sql with the output of
# Debian's sqlite3 3.40.1 (whose shell has SQLite's shathree.c and .sha3sum
# built in) as expectations. The .load
# line is a comment for that run (same line count, so "near line N"
# holds), then comes back; errors from the extension gain sqlink's "sha: "
# prefix. Run from anywhere; needs python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/^\.load /-- .load /' "$here/sha3.in.sql" > "$tmp/in.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/in.sql" "$tmp/out.sql")
sed -e 's/^-- \.load /.load /' -e 's/^\(-- !! Runtime error near line [0-9]*: \)/\1sha: /' "$tmp/out.sql" > "$root/tests/shell/sha-reference.sql"
