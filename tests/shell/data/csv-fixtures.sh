#!/bin/sh
# Makes the files tests/shell/csv.sql and vsv.sql read: sh csv-fixtures.sh DIR
set -eu
dir=$1
rm -rf "$dir"
mkdir -p "$dir" "$dir/empty"
# csv01.test 5.*: CR LF records, the last one unterminated.
printf 'a,b,c,d\r\n1,2,3,4\r\none,two,three,four\r\n5,6,7,8' > "$dir/csv01.csv"
# sqlean's docs/vsv.md and test/vsv.sql.
printf '11,Diane,London\n22,Grace,Berlin\n33,Alice,Paris\n' > "$dir/people.csv"
# A header, a BOM, quoted fields with separators, quotes and newlines.
printf '\357\273\277id,"name, full",note\n1,"Ada ""the first""","line one\nline two"\n2,Grace,\n3\n' > "$dir/quoted.csv"
# Semicolons, decimal commas, a header and two rows to skip.
printf 'when;amount;who\nskip;this;row\nand;this;one\n2024-01-02;12,50;ann\n2024-01-03;-3;bob\n2024-01-04;;\n' > "$dir/semicolons.csv"
# Malformed: a stray quote, an unterminated quoted field.
printf 'a,"b"x,c\n"open,d\ne,f\n' > "$dir/malformed.csv"
# Text that is not UTF-8 in the second column.
printf 'ok,\303(\nfine,\303\251\n' > "$dir/latin.csv"
# A header of 2001 fields: more columns than SQLite allows.
i=1
line=0
while [ $i -le 2000 ]; do
  line="$line,$i"
  i=$((i + 1))
done
printf '%s\n' "$line" > "$dir/wide.csv"
# Many records, in many of the reader's blocks.
i=1
while [ $i -le 2000 ]; do
  printf '%d,"row %d"\n' $i $i
  i=$((i + 1))
done > "$dir/big.csv"
