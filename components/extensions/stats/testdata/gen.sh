#!/bin/sh
# Writes stats_seq.sql: stats_seq.in.sql with the output of sqlean's stats
# extension, loaded into Debian's sqlite3 3.40.1, as expectations.
#
# usage: gen.sh path/to/sqlean/stats.so
# (sqlean 0.28.2: its release download, or built from its source with
#  gcc -O1 -fPIC -shared -Isrc src/sqlite3-stats.c src/stats/*.c -o stats.so -lm)
#
# The .load line loads that library for the run (same line count, so
# "near line N" holds), then goes back to the component. Needs python3.
set -eu
lib=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed "s|^\.load dist/extensions/stats\.wasm\$|.load ${lib%.so}|" "$here/stats_seq.in.sql" > "$tmp/in.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/in.sql" "$tmp/out.sql")
sed "s|^\.load ${lib%.so}\$|.load dist/extensions/stats.wasm|" "$tmp/out.sql" > "$here/stats_seq.sql"
