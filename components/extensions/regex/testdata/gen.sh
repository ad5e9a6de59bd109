#!/bin/sh
# Writes reference.sql: reference.in.sql with, as expectations, the output
# of sqlite-regex v0.2.4-alpha.1 (commit 5fe28e3c7a97) built from source
# with cargo (its own Cargo.lock: regex 1.6.0, sqlite-loadable
# 0.0.6-alpha.6) and loaded into Debian's sqlite3 3.40.1; and
# tests/shell/regex.sql, the same script with sqlink's output
# (dist/bin/sqlink with dist/extensions/regex.wasm), to review against it.
# The .load line is swapped for the built library during the reference
# run (same line count, so "near line N" holds), then restored.
# Usage: gen.sh SQLITE-REGEX-GIT-DIR (a clone of
# github.com/asg017/sqlite-regex).
set -eu
repo=$1
commit=5fe28e3c7a978c621082cfef0ae6dea9a71167ee
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$repo" archive "$commit" | tar -x -C "$tmp"
(cd "$tmp" && cargo build --release --locked --quiet)
cp "$tmp/target/release/libsqlite_regex.so" "$tmp/regex0.so"
load=$(grep '^\.load ' "$here/reference.in.sql")
sed "s|^\.load .*|.load $tmp/regex0|" "$here/reference.in.sql" > "$tmp/in.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/in.sql" "$tmp/out.sql")
awk -v load="$load" '/^\.load / { print load; next } { print }' "$tmp/out.sql" > "$here/reference.sql"
(cd "$root" && python3 tests/tools/expect.py dist/bin/sqlink "$here/reference.in.sql" tests/shell/regex.sql)
