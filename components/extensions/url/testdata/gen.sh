#!/bin/sh
# Writes url.sql (url.in.sql with, as expectations, the output of sqlite-url
# v0.1.0, commit 19cf842, built from source with gcc against Debian 12's
# libcurl 7.88.1 and loaded into Debian's sqlite3 3.40.1) and vectors.txt
# (vectors.sql over inputs.py's inputs through the same build). The .load
# line is swapped for the built library during the run (same line count,
# so "near line N" holds), then restored. Usage: gen.sh SQLITE-URL-GIT-DIR
# URLTESTDATA-JSON (a clone of github.com/asg017/sqlite-url, and
# tests/urltestdata.json of the url crate 2.5.8, which cargo puts in its
# registry for this crate's tests). Needs libcurl4-openssl-dev.
set -eu
repo=$1
urltestdata=$2
commit=19cf842b1a5f44a9c23ad0d396d167f004c6eb7f
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
curl-config --version | grep -q '7\.88\.1' || { echo "needs libcurl 7.88.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$repo" show "$commit:sqlite-url.c" > "$tmp/sqlite-url.c"
gcc -O2 -fPIC -shared -DSQLITE_URL_VERSION='"v0.1.0"' -DSQLITE_URL_DATE='"2023-07-23T23:07:52Z-0700"' \
	-DSQLITE_URL_SOURCE="\"$commit\"" "$tmp/sqlite-url.c" -lcurl -o "$tmp/url0.so"
load=$(grep '^\.load ' "$here/url.in.sql")
sed "s|^\.load .*|.load $tmp/url0|" "$here/url.in.sql" | awk '{ print } /^select .*;$/ { print "-- @" }' > "$tmp/in.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/in.sql" "$tmp/out.sql")
awk -v load="$load" '/^\.load / { print load; next } { print }' "$tmp/out.sql" > "$here/url.sql"
python3 "$here/inputs.py" "$urltestdata" > "$tmp/inputs.sql"
cat "$tmp/inputs.sql" "$here/vectors.sql" | sqlite3 -cmd ".load $tmp/url0" :memory: > "$here/vectors.txt"
