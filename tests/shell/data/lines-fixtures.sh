#!/bin/sh
# Makes the files tests/shell/lines*.sql read, in a fresh directory $1
# (the script's scratch directory): sqlite-lines' own test files and a
# large one. Also used by the lines crate's testdata/gen.sh.
set -eu
d=$1
rm -rf "$d"
mkdir -p "$d/dir"
printf 'line1\nline numba 2\nline 3 baby\n' > "$d/test.txt"
printf 'aaa\r\nbbb\r\nccc' > "$d/crlf.txt"
printf 'a|b|c|d|yo' > "$d/pipe.txt"
printf 'x1!\n' > "$d/with space.txt"
printf 'one\000two\n\377\376\n\n' > "$d/bytes.txt"
: > "$d/empty.txt"
seq 1 200000 > "$d/big.txt"
