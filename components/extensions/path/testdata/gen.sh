#!/bin/sh
# Writes path.sql (path.in.sql with, as expectations, the output of
# sqlite-path v0.2.1, commit 1f8d452, with cwalk v1.2.6, commit 08e7520,
# built from source with gcc and loaded into Debian's sqlite3 3.40.1) and
# vectors.txt (vectors.sql's corpus through the same build). The .load
# line is swapped for the built library during the run (same line count,
# so "near line N" holds), then restored. Usage: gen.sh SQLITE-PATH-GIT-DIR
# CWALK-GIT-DIR (clones of github.com/asg017/sqlite-path and
# github.com/likle/cwalk).
set -eu
repo=$1
cwalk=$2
commit=1f8d452aa0c6a8920863f3a8e1686c7667306ac7
cwalk_commit=08e7520d332b700392248227bc07a68c429dc2bf
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$repo" show "$commit:sqlite-path.c" > "$tmp/sqlite-path.c"
git -C "$cwalk" archive "$cwalk_commit" src include | tar -x -C "$tmp"
gcc -O2 -fPIC -shared -I"$tmp/include" -DSQLITE_PATH_VERSION='"v0.2.1"' \
	-DSQLITE_PATH_DATE='"2023-08-04T20:16:30Z-0700"' -DSQLITE_PATH_SOURCE="\"$commit\"" \
	-DSQLITE_PATH_CWALK_VERSION='"v1.2.6"' "$tmp/sqlite-path.c" "$tmp/src/cwalk.c" -o "$tmp/path0.so"
# A marker after each statement: the output so far is written there.
load=$(grep '^\.load ' "$here/path.in.sql")
sed "s|^\.load .*|.load $tmp/path0|" "$here/path.in.sql" | awk '{ print } /^select .*;$/ { print "-- @" }' > "$tmp/in.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/in.sql" "$tmp/out.sql")
awk -v load="$load" '/^\.load / { print load; next } { print }' "$tmp/out.sql" > "$here/path.sql"
sqlite3 -cmd ".load $tmp/path0" :memory: < "$here/vectors.sql" > "$here/vectors.txt"
