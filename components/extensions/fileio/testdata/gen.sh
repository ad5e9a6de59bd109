#!/bin/sh
# Writes fileio.sql: fileio.in.sql with, as expectations, the output of
# sqlean's fileio 0.27.4 (the release sqlean.py 3.50.4.5 bundles; its Unix
# code is the same in 0.28.3) built from source with gcc and loaded into
# Debian's sqlite3 3.40.1. The .load line is swapped for the built library
# during the run (same line count, so "near line N" holds), then restored.
# Usage: gen.sh SQLEAN-GIT-DIR (a clone of github.com/nalgeon/sqlean).
set -eu
sqlean=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$sqlean" archive 0.27.4 src/sqlite3-fileio.c src/fileio src/sqlean.h | tar -x -C "$tmp"
gcc -O2 -fPIC -shared -I"$tmp/src" -DSQLEAN_VERSION='"0.27.4"' "$tmp/src/sqlite3-fileio.c" "$tmp"/src/fileio/*.c -o "$tmp/fileio.so"
load=$(grep '^\.load ' "$here/fileio.in.sql")
sed "s|^\.load .*|.load $tmp/fileio|" "$here/fileio.in.sql" > "$tmp/in.sql"
(cd "$root" && umask 022 && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/in.sql" "$tmp/out.sql")
awk -v load="$load" '/^\.load / { print load; next } { print }' "$tmp/out.sql" > "$here/fileio.sql"
