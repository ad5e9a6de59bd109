#!/bin/sh
# Makes the files tests/shell/fileio*.sql read, in a fresh directory $1
# (the script's scratch directory); also used by the fileio crate's
# testdata/gen.sh for the reference run.
set -eu
d=$1
rm -rf "$d"
mkdir -p "$d/t/sub/deeper" "$d/ro"
printf 'hello world' > "$d/hello.txt"
printf 'hello world' > "$d/ro/hello.txt"
printf 'ab' > "$d/t/a.txt"
printf 'xyz' > "$d/t/sub/b.txt"
ln -s a.txt "$d/t/link"
touch -d @1000000000 "$d/t/a.txt"
printf 'one\ntwo\r\nthr' > "$d/s1.txt"
printf 'a\rb' > "$d/s2.txt"
printf 'x\n\n\ny\n' > "$d/s3.txt"
printf 'nul\000byte\nok\n' > "$d/s4.txt"
printf '\377\376\n' > "$d/s5.txt"
: > "$d/s6.txt"
printf 'a\r\r\nb\r' > "$d/s7.txt"
