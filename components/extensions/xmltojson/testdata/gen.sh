#!/bin/sh
# Writes vectors.tsv: for each case of cases.py and indents -1, 0, 2, 3,
# `indent<TAB>xml as hex<TAB>json as hex` as the reference answers it.
# Reference: jakethaw/xml_to_json commit b522f4c, xml_to_json.c compiled
# standalone (no -DSQLITE) with gcc and harness.c. Cases on which the
# reference crashes are left out.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
git --git-dir="${REF_GIT:?path to jakethaw/xml_to_json .git}" show b522f4c:xml_to_json.c > "$work/xml_to_json.c"
gcc -O1 -o "$work/ref" "$here/harness.c" "$work/xml_to_json.c"
python3 - "$work/ref" "$here" > "$here/vectors.tsv" <<'PY'
import subprocess, sys
sys.path.insert(0, sys.argv[2]); from cases import cases
for c in cases:
    for ind in (-1, 0, 2, 3):
        x = c.encode().hex()
        r = subprocess.run([sys.argv[1]], input=f"{ind}\t{x}\n".encode(), capture_output=True, timeout=5)
        if r.returncode == 0:
            print(f"{ind}\t{x}\t{r.stdout.decode().strip()}")
PY
rm -rf "$work"
