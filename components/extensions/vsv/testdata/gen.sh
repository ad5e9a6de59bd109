#!/bin/sh
# Writes testdata/vsv.sql (sqlean's own vsv answering vsv.in.sql) and
# tests/shell/vsv.sql (sqlink answering it), then shows how the two differ
# once sqlink's "vsv: " error prefix is taken out: that difference must be
# only what src/lib.rs documents. Needs Debian's sqlite3 3.40.1 (with its
# headers, libsqlite3-dev), gcc, python3, a built dist/bin/sqlink and
# dist/extensions/vsv.wasm, and a checkout of sqlean 0.27.4 (`fetch
# github:nalgeon/sqlean`, then `git -C DIR show HEAD:src/vsv/extension.c
# > /tmp/vsv.c`; the file is unchanged since 0.27.4):
#   sh gen.sh /tmp/vsv.c
# (testdata/vsv.tsv, the unit tests' vectors, comes from sqlean.py: gen.py.)
set -eu
src=$1
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../../.." && pwd)
sqlite3 --version | grep -q '^3\.40\.1 ' || { echo "needs sqlite3 3.40.1" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/main.c" <<'C'
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1
int vsv_init(sqlite3 *db);
int sqlite3_vsv_init(sqlite3 *db, char **err, const sqlite3_api_routines *api) {
  SQLITE_EXTENSION_INIT2(api);
  return vsv_init(db);
}
C
gcc -O1 -fPIC -shared -w -o "$tmp/vsv.so" "$tmp/main.c" "$src"
sed "s|^\.load dist/extensions/vsv.wasm .*|.load $tmp/vsv|" "$here/vsv.in.sql" > "$tmp/ref.sql"
(cd "$root" && python3 tests/tools/expect.py /usr/bin/sqlite3 "$tmp/ref.sql" "$tmp/ref.out")
sed "s|^\.load $tmp/vsv\$|.load dist/extensions/vsv.wasm --grant fs:/tmp/sqlink-shell-test-vsv:ro|" "$tmp/ref.out" > "$here/vsv.sql"
(cd "$root" && python3 tests/tools/expect.py dist/bin/sqlink "$here/vsv.in.sql" tests/shell/vsv.sql)
sed 's/ error near line \([0-9]*\): vsv: / error near line \1: /' "$root/tests/shell/vsv.sql" | diff "$here/vsv.sql" - || true
