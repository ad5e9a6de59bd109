#!/bin/sh
# Writes lines.sql: lines.in.sql with, as expectations, the output of
# sqlite-lines v0.2.2 (commit 7d21410a22e1) built from source with gcc and
# loaded into Debian's sqlite3 3.40.1. The .load line is swapped for the
# built library during the run (same line count, so "near line N" holds),
# then restored. Usage: gen.sh SQLITE-LINES-GIT-DIR (a clone of
# github.com/asg017/sqlite-lines).
set -eu
repo=$1
commit=7d21410a22e106e912563022803ee93922b9b916
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$repo" archive "$commit" sqlite-lines.c sqlite/sqlite3ext.h sqlite/sqlite3.h | tar -x -C "$tmp"
gcc -O2 -fPIC -shared -I"$tmp/sqlite" -DSQLITE_LINES_VERSION='"v0.2.2"' \
	-DSQLITE_LINES_DATE='"2023-08-06T00:10:44Z-0700"' -DSQLITE_LINES_SOURCE="\"$commit\"" \
	"$tmp/sqlite-lines.c" -o "$tmp/lines0.so"
load=$(grep '^\.load ' "$here/lines.in.sql")
sed "s|^\.load .*|.load $tmp/lines0|" "$here/lines.in.sql" > "$tmp/in.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/in.sql" "$tmp/out.sql")
awk -v load="$load" '/^\.load / { print load; next } { print }' "$tmp/out.sql" > "$here/lines.sql"
