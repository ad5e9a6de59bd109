#!/bin/sh
# Writes series.sql: series.in.sql with the output of Debian's sqlite3
# 3.40.1 (whose shell has SQLite's series.c built in) as expectations.
# The .load line is a comment for that run (same line count, so "near
# line N" holds), then comes back. Run from anywhere; needs python3.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/^\.load /-- .load /' "$here/series.in.sql" > "$tmp/in.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/in.sql" "$tmp/out.sql")
sed 's/^-- \.load /.load /' "$tmp/out.sql" > "$here/series.sql"
