#!/bin/sh
# Writes semver.sql: semver.in.sql with, as expectations, the output of
# sqlite-semver v0.0.1-alpha.1 (commit 90bac74), built from source with
# cargo (semver 1.0.28 and sqlite-loadable 0.0.6-alpha.6, what its
# Cargo.toml resolves to, pinned) and loaded into Debian's sqlite3 3.40.1.
# Its leftover debug print of the row index to stdout in
# semver_requirements is taken out first. The .load line is swapped for
# the built library during the run (same line count, so "near line N"
# holds), then restored. Usage: gen.sh SQLITE-SEMVER-GIT-DIR (a clone of
# github.com/asg017/sqlite-semver).
set -eu
repo=$1
commit=90bac74d9fb4064857b006a7f59271a4978e9187
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$repo" archive "$commit" Cargo.toml build.rs src | tar -x -C "$tmp"
sed -i '/println!("{}", self.current_idx);/d' "$tmp/src/requirements.rs"
(cd "$tmp" && cargo generate-lockfile -q && cargo update -q -p semver --precise 1.0.28 &&
	cargo update -q -p sqlite-loadable --precise 0.0.6-alpha.6 && cargo build -q --release)
cp "$tmp/target/release/libsqlite_semver.so" "$tmp/semver0.so"
load=$(grep '^\.load ' "$here/semver.in.sql")
sed "s|^\.load .*|.load $tmp/semver0|" "$here/semver.in.sql" | awk '{ print } /^select .*;$/ { print "-- @" }' > "$tmp/in.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/in.sql" "$tmp/out.sql")
awk -v load="$load" '/^\.load / { print load; next } { print }' "$tmp/out.sql" > "$here/semver.sql"
